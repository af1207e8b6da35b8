//! Vietnam's 54 ethnic groups (the official list of the General Statistics
//! Office) with the spellings people commonly use, so that "S'tiêng",
//! "Stiêng" and "Xtiêng" land in one group.
//!
//! Matching compares folded keys (no marks, no apostrophes, hyphens or spaces,
//! lowercase), so "Chơ-ro", "Chơ Ro" and "cho ro" are the same.

use crate::text::slugify;

/// Official name, then variant spellings.
const GROUPS: &[(&str, &[&str])] = &[
    ("Kinh", &["Việt"]),
    ("Tày", &[]),
    ("Thái", &[]),
    ("Mường", &[]),
    ("Khmer", &["Khơ-me", "Khơ me", "Khơme", "Khmer Krom"]),
    ("Hoa", &["Hán"]),
    ("Nùng", &[]),
    ("Mông", &["H'Mông", "Hmông", "Hmong", "Mèo"]),
    ("Dao", &["Dạo"]),
    ("Gia Rai", &["Jrai", "Jarai"]),
    ("Ê Đê", &["Rhade", "Êđê"]),
    ("Ba Na", &["Bahnar"]),
    ("Sán Chay", &["Cao Lan", "Sán Chỉ", "Cao Lan - Sán Chỉ"]),
    ("Chăm", &["Chàm", "Cham"]),
    ("Cơ Ho", &["K'Ho", "Kơ Ho", "Koho"]),
    ("Xơ Đăng", &["Sơ Đăng", "Sedang"]),
    ("Sán Dìu", &[]),
    ("Hrê", &["H're", "Hơ Rê"]),
    ("Ra Glai", &["Raglai", "Rắc Lây"]),
    ("Mnông", &["M'nông", "Mơ Nông", "Mnong"]),
    ("Thổ", &[]),
    ("Xtiêng", &["S'tiêng", "Stiêng", "Xa Điêng", "Stieng"]),
    ("Khơ Mú", &["Khmu", "Kmhmu", "Xá Cẩu"]),
    ("Bru - Vân Kiều", &["Bru Vân Kiều", "Vân Kiều", "Bru"]),
    ("Cơ Tu", &["Katu", "Ca Tu"]),
    ("Giáy", &[]),
    ("Tà Ôi", &["Pa Cô", "Ta Oi"]),
    ("Mạ", &["Maa"]),
    ("Giẻ Triêng", &["Giẻ-Triêng", "Gié Triêng"]),
    ("Co", &["Cor"]),
    ("Chơ Ro", &["Châu Ro", "Chro"]),
    ("Xinh Mun", &[]),
    ("Hà Nhì", &[]),
    ("Chu Ru", &["Churu"]),
    ("Lào", &[]),
    ("La Chí", &[]),
    ("Kháng", &[]),
    ("Phù Lá", &[]),
    ("La Hủ", &[]),
    ("La Ha", &[]),
    ("Pà Thẻn", &[]),
    ("Lự", &[]),
    ("Ngái", &[]),
    ("Chứt", &[]),
    ("Lô Lô", &[]),
    ("Mảng", &[]),
    ("Cờ Lao", &[]),
    ("Bố Y", &[]),
    ("Cống", &[]),
    ("Si La", &[]),
    ("Pu Péo", &[]),
    ("Rơ Măm", &[]),
    ("Brâu", &[]),
    ("Ơ Đu", &[]),
];

/// The group an ethnicity value belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ethnicity {
    /// Official name ("Xtiêng"), or the value as written when unknown.
    pub(crate) name: String,
    /// URL slug of the official name (`xtieng`).
    pub(crate) slug: String,
    /// True when the value matched one of the 54 groups.
    pub(crate) known: bool,
}

fn key(s: &str) -> String {
    slugify(s).replace('-', "")
}

/// Every official name with its variants, for other stages (search glossary).
pub(crate) fn groups() -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
    GROUPS.iter().copied()
}

/// Matches a value against the official list; unknown values keep their spelling.
pub(crate) fn resolve(value: &str) -> Ethnicity {
    let k = key(value);
    let hit = GROUPS.iter().find(|(name, variants)| key(name) == k || variants.iter().any(|v| key(v) == k));
    match hit {
        Some((name, _)) => Ethnicity { name: (*name).to_owned(), slug: slugify(name), known: true },
        None => Ethnicity { name: value.trim().to_owned(), slug: slugify(value), known: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_54_groups() {
        assert_eq!(GROUPS.len(), 54);
    }

    #[test]
    fn variants_land_in_one_group() {
        for v in ["S'tiêng", "Stiêng", "Xtiêng", "s’tiêng", "XTIÊNG"] {
            let e = resolve(v);
            assert_eq!((e.name.as_str(), e.slug.as_str(), e.known), ("Xtiêng", "xtieng", true), "{v}");
        }
        assert_eq!(resolve("M'nông").name, "Mnông");
        assert_eq!(resolve("Khơ-me").name, "Khmer");
        assert_eq!(resolve("Chơ-ro").name, "Chơ Ro");
        assert_eq!(resolve("Chơ-ro").slug, "cho-ro");
    }

    #[test]
    fn unknown_values_are_kept() {
        let e = resolve("Người sao Hỏa");
        assert!(!e.known);
        assert_eq!(e.slug, "nguoi-sao-hoa");
    }
}
