//! Impacts on one byte: a record's impact for a term is stored as a *level*
//! (0–255) on a scale that is linear for small values and then grows by
//! 3.5% a step, so the static index spends one byte per record and term.
//!
//! Both `thidua search` and `search.js` score with [`value`] of the level,
//! never with the unrounded impact, so they agree exactly. The scale is
//! defined by integer arithmetic only ([`RATIO_PER_MILLE`]), which the
//! browser recomputes identically.

/// Growth of the scale per level, in thousandths (1035 = +3.5%).
pub const RATIO_PER_MILLE: u64 = 1035;

/// The value of every level: `v[0] = 1`, `v[q] = max(v[q-1] + 1,
/// (v[q-1] · RATIO + 500) / 1000)`.
pub fn table() -> [u64; 256] {
    let mut v = [1u64; 256];
    for q in 1..256 {
        v[q] = (v[q - 1] + 1).max((v[q - 1] * RATIO_PER_MILLE + 500) / 1000);
    }
    v
}

/// The level whose value is nearest to `impact` on a log scale (the
/// geometric middle between two neighbouring values decides).
pub fn level(impact: u64, table: &[u64; 256]) -> u8 {
    let q = table.partition_point(|&v| v < impact);
    if q == 0 {
        return 0;
    }
    if q == table.len() {
        return 255;
    }
    let (lo, hi) = (u128::from(table[q - 1]), u128::from(table[q]));
    let x = u128::from(impact);
    if x * x < lo * hi {
        (q - 1) as u8
    } else {
        q as u8
    }
}

/// Levels per step of the coarse scale ([`coarse`]): ×1.73 a step.
pub const COARSE_STEP: u8 = 16;

/// The coarse level of a term found in most records: the middle of its step.
pub fn coarse(level: u8) -> u8 {
    level / COARSE_STEP * COARSE_STEP + COARSE_STEP / 2 - 1
}

/// The value of a level.
pub fn value(level: u8, table: &[u64; 256]) -> u64 {
    table[usize::from(level)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_increasing_and_wide() {
        let t = table();
        assert!(t.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(&t[..5], &[1, 2, 3, 4, 5]);
        assert!(t[255] > 50_000, "{}", t[255]);
    }

    #[test]
    fn coarse_levels_keep_steps_apart() {
        assert_eq!(coarse(0), 7);
        assert_eq!(coarse(15), 7);
        assert_eq!(coarse(16), 23);
        assert_eq!(coarse(255), 247);
    }

    #[test]
    fn levels_round_to_the_nearest_value() {
        let t = table();
        for (q, &v) in t.iter().enumerate() {
            assert_eq!(level(v, &t), q as u8);
        }
        assert_eq!(level(0, &t), 0);
        assert_eq!(level(u64::MAX / 4, &t), 255);
        let q = level(10_000, &t);
        let v = value(q, &t);
        assert!(v.abs_diff(10_000) * 100 <= 2 * 10_000, "{v}");
    }
}
