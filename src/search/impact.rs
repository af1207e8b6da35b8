//! Impacts on one byte: a record's impact for a term is stored as a *level*
//! (0–255) on a scale that is linear for small values and then grows by
//! 3.5% a step, so the static index spends one byte per record and term.
//!
//! Both `thidua search` and `search.js` score with [`value`] of the level,
//! never with the unrounded impact, so they agree exactly. The scale is
//! defined by integer arithmetic only ([`RATIO_PER_MILLE`]), which the
//! browser recomputes identically.

/// Growth of the scale per level, in thousandths (1035 = +3.5%).
pub(crate) const RATIO_PER_MILLE: u64 = 1035;

/// The value of every level: `v[0] = 1`, `v[q] = max(v[q-1] + 1,
/// (v[q-1] · RATIO + 500) / 1000)`.
pub(crate) fn table() -> [u64; 256] {
    let mut v = [1u64; 256];
    for q in 1..256 {
        v[q] = (v[q - 1] + 1).max((v[q - 1] * RATIO_PER_MILLE + 500) / 1000);
    }
    v
}

/// The level whose value is nearest to `impact` on a log scale (the
/// geometric middle between two neighbouring values decides).
pub(crate) fn level(impact: u64, table: &[u64; 256]) -> u8 {
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
pub(crate) const COARSE_STEP: u8 = 16;

/// The coarse level of a term found in most records: the middle of its step.
pub(crate) fn coarse(level: u8) -> u8 {
    level / COARSE_STEP * COARSE_STEP + COARSE_STEP / 2 - 1
}

/// Postings shorter than this keep their levels below 3/4 of the records
/// (they cost little; a small site keeps its finest ranking).
pub(crate) const FLOOR_MIN: usize = 128;

/// Makes the levels of a term found in many of the site's `records`
/// coarser, so that its long postings compress (a common word's levels were
/// most of the bytes a long query fetches; BM25 gives such a word little
/// weight):
///
/// - in more than 1/8 of the records and in at least [`FLOOR_MIN`], the
///   records where it weighs most (at most the top eighth of its records,
///   above its median) keep their levels; every other record gets its median level
///   ("floor"): a common word still marks the records it is the subject of,
///   and is otherwise one level;
/// - in more than half, the levels kept are also rounded to the middle of
///   their [`COARSE_STEP`] (×1.73 a step);
/// - in more than 3/4 (a stop word, in effect), two levels: the median, and
///   median + 32 (×3) where it weighs at least that (in a title, say).
///
/// `levels` are the term's levels, one a record that holds it.
pub(crate) fn flatten(levels: &mut [u8], records: usize) {
    let n = levels.len();
    if n * 8 <= records {
        return;
    }
    let mut sorted = levels.to_vec();
    sorted.sort_unstable();
    let median = sorted[(n - 1) / 2];
    if n * 4 > records * 3 {
        let high = median.saturating_add(2 * COARSE_STEP);
        levels.iter_mut().for_each(|l| *l = if *l >= high { high } else { median });
        return;
    }
    let coarse_too = n * 2 > records;
    let floor = n >= FLOOR_MIN;
    if !coarse_too && !floor {
        return;
    }
    let shape = |l: u8| if coarse_too { coarse(l) } else { l };
    let median = shape(median);
    // The highest level below the top eighth of the records: those above it keep theirs (at most
    // an eighth, however many records share a level).
    let below = if floor { shape(sorted[n - n / 8 - 1]).max(median) } else { 0 };
    for l in levels.iter_mut() {
        let shaped = shape(*l);
        *l = if !floor || shaped > below { shaped } else { median };
    }
}

/// The value of a level.
pub(crate) fn value(level: u8, table: &[u64; 256]) -> u64 {
    table[usize::from(level)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rare_term_keeps_its_levels() {
        let mut levels: Vec<u8> = (0..200).map(|i| (i % 97) as u8).collect();
        let before = levels.clone();
        flatten(&mut levels, 200 * 8);
        assert_eq!(levels, before);
    }

    #[test]
    fn a_common_term_keeps_its_top_eighth_and_the_rest_is_its_median() {
        // 400 records of 2,000 (1/5): levels 0..=199, twice each.
        let mut levels: Vec<u8> = (0..400).map(|i| (i / 2) as u8).collect();
        flatten(&mut levels, 2_000);
        let median = 99;
        let kept: Vec<u8> = levels.iter().copied().filter(|&l| l != median).collect();
        // The top eighth (50 records) keep theirs: levels 175..=199.
        assert_eq!(kept.len(), 50);
        assert!(kept.iter().all(|&l| l >= 175), "{kept:?}");
        assert_eq!(levels[399], 199);
        assert_eq!(levels[0], median, "below the median it rises to it");
        // The same term on a small site keeps every level (too few records to matter).
        let mut small: Vec<u8> = (0..40).map(|i| i as u8).collect();
        flatten(&mut small, 100);
        assert_eq!(small, (0..40).collect::<Vec<u8>>());
    }

    #[test]
    fn a_term_in_most_records_keeps_coarse_levels_and_a_stop_word_two() {
        let mut most: Vec<u8> = (0..600).map(|i| (i % 200) as u8).collect();
        flatten(&mut most, 1_000);
        assert!(most.iter().all(|&l| l % COARSE_STEP == COARSE_STEP / 2 - 1), "coarse levels only");
        let mut stop: Vec<u8> = (0..900).map(|i| (i % 200) as u8).collect();
        flatten(&mut stop, 1_000);
        let mut distinct = stop.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 2, "{distinct:?}");
    }

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
