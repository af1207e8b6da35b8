//! One tone placement for the old and the new spelling.
//!
//! Vietnamese writes the tone of an open `oa`, `oe`, `uy` syllable on either
//! vowel (`hòa`/`hoà`, `khỏe`/`khoẻ`, `thủy`/`thuỷ`, `ủy`/`uỷ`). This stage
//! moves the tone to one canonical place (the new style) so both spellings
//! are one word. The rule, on the vowel nucleus after the initial consonant
//! (where `qu` and `gi` before a vowel count as consonants, so `quý` stays
//! `quý` and `giữa` keeps its tone on `ư`):
//!
//! 1. a vowel with a quality mark (`ă â ê ô ơ ư`) takes the tone (the last one:
//!    `người`);
//! 2. else a single vowel takes it;
//! 3. else three vowels: the middle one (`ngoài`);
//! 4. else two vowels followed by a consonant: the second (`hoàng`);
//! 5. else `oa`, `oe`, `uy`: the second; any other pair: the first (`của`).
//!
//! Words with no tone or more than one tone mark are left alone.

use tantivy::tokenizer::Token;

use super::Stage;

/// Each row: a vowel, then it with huyền, sắc, hỏi, ngã, nặng.
pub(crate) const TONE_ROWS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

/// Vowels with a quality mark.
pub(crate) const MARKED: &str = "ăâêôơư";

/// Open two-vowel nuclei whose tone goes on the second vowel.
pub(crate) const SECOND_VOWEL_NUCLEI: [&str; 3] = ["oa", "oe", "uy"];

/// The canonical-tone stage.
#[derive(Clone, Debug, Default)]
pub(crate) struct CanonicalTone;

/// Splits a (lowercase) character into its toneless vowel and tone (1–5), or
/// `(c, 0)` when it carries no tone.
pub(crate) fn split_tone(c: char) -> (char, usize) {
    if c.is_ascii() {
        // No ASCII letter carries a tone; this is most letters of any text.
        return (c, 0);
    }
    let table = toned_table();
    match table.binary_search_by_key(&c, |&(toned, _, _)| toned) {
        Ok(i) => (table[i].1, table[i].2),
        Err(_) => (c, 0),
    }
}

/// Every character of [`TONE_ROWS`] as (character, toneless vowel, tone),
/// sorted by character: [`split_tone`] is called for every letter indexed.
fn toned_table() -> &'static [(char, char, usize)] {
    static TABLE: std::sync::OnceLock<Vec<(char, char, usize)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(char, char, usize)> = TONE_ROWS
            .iter()
            .flat_map(|row| {
                let base = row.chars().next().unwrap_or_default();
                row.chars().enumerate().map(move |(tone, c)| (c, base, tone))
            })
            .collect();
        table.sort_unstable();
        table
    })
}

/// The vowel `v` with tone `tone`.
fn with_tone(v: char, tone: usize) -> char {
    TONE_ROWS.iter().find(|row| row.starts_with(v)).and_then(|row| row.chars().nth(tone)).unwrap_or(v)
}

/// True for the toneless vowels that start the rows of [`TONE_ROWS`].
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y')
}

/// The word with its tone in the canonical place.
pub(crate) fn canonical(word: &str) -> String {
    let mut out = word.to_string();
    place_tone(&mut out);
    out
}

/// Longest word [`place_tone`] reads without allocating; longer ones (no
/// Vietnamese syllable comes near) get a buffer on the heap.
const SHORT_WORD: usize = 12;

/// Moves the tone of `word` to its canonical place, rewriting it only when
/// the tone moves (most words already have it there, or have no tone).
pub(crate) fn place_tone(word: &mut String) {
    if word.is_ascii() {
        // No tone mark, so nothing to move.
        return;
    }
    let n = word.chars().count();
    let (mut short, mut long) = (['\0'; SHORT_WORD], Vec::new());
    let bases: &mut [char] = if n <= SHORT_WORD {
        &mut short[..n]
    } else {
        long.resize(n, '\0');
        &mut long
    };
    let mut toned = None;
    let mut tone = 0;
    for (i, c) in word.chars().enumerate() {
        if !crate::text::is_alphabetic(c) {
            return;
        }
        let (base, t) = split_tone(c);
        if t > 0 {
            if toned.is_some() {
                return;
            }
            toned = Some(i);
            tone = t;
        }
        bases[i] = base;
    }
    let (Some(at), Some(target)) = (toned, tone_index(bases)) else { return };
    if target != at {
        *word = bases.iter().enumerate().map(|(i, &c)| if i == target { with_tone(c, tone) } else { c }).collect();
    }
}

/// Where the tone goes in a toneless word, or `None` without a vowel.
fn tone_index(bases: &[char]) -> Option<usize> {
    let mut start = bases.iter().position(|&c| is_vowel(c))?;
    let vowel_after = |i: usize| bases.get(i + 1).is_some_and(|&c| is_vowel(c));
    let qu = start > 0 && bases[start - 1] == 'q' && bases[start] == 'u';
    let gi = start == 1 && bases[0] == 'g' && bases[1] == 'i';
    if (qu || gi) && vowel_after(start) {
        start += 1;
    }
    let end = start + bases[start..].iter().take_while(|&&c| is_vowel(c)).count();
    let nucleus = &bases[start..end];
    let has_final = end < bases.len();
    let offset = if let Some(m) = nucleus.iter().rposition(|c| MARKED.contains(*c)) {
        m
    } else if nucleus.len() == 1 {
        0
    } else if nucleus.len() >= 3 || has_final {
        1
    } else {
        let pair: String = nucleus.iter().collect();
        usize::from(SECOND_VOWEL_NUCLEI.contains(&pair.as_str()))
    };
    Some(start + offset)
}

impl Stage for CanonicalTone {
    fn apply(&self, mut tokens: Vec<Token>) -> Vec<Token> {
        for t in tokens.iter_mut().filter(|t| t.position_length == 1) {
            place_tone(&mut t.text);
        }
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_new_style_meet() {
        for (old, new) in
            [("hòa", "hoà"), ("thủy", "thuỷ"), ("ủy", "uỷ"), ("khỏe", "khoẻ"), ("tòa", "toà"), ("lũy", "luỹ")]
        {
            assert_eq!(canonical(old), new, "{old}");
            assert_eq!(canonical(new), new, "{new}");
        }
    }

    #[test]
    fn qu_and_gi_are_consonants() {
        assert_eq!(canonical("quý"), "quý");
        assert_eq!(canonical("qúy"), "quý");
        assert_eq!(canonical("quốc"), "quốc");
        assert_eq!(canonical("giữa"), "giữa");
        assert_eq!(canonical("già"), "già");
        assert_eq!(canonical("gìn"), "gìn");
        assert_eq!(canonical("giếng"), "giếng");
    }

    #[test]
    fn common_words_stay() {
        for w in [
            "người", "của", "mùa", "hoàng", "tuổi", "khuyến", "ngoài", "túi", "tiến", "điển", "xtiêng", "đồng", "bào",
            "uy", "tín", "thiểu", "số",
        ] {
            assert_eq!(canonical(w), w, "{w}");
        }
    }

    #[test]
    fn leaves_odd_words_alone() {
        assert_eq!(canonical("263"), "263");
        assert_eq!(canonical("àà"), "àà");
        assert_eq!(canonical("khmer"), "khmer");
        assert_eq!(canonical("1,5"), "1,5");
    }

    #[test]
    fn split_tone_reads_the_table() {
        assert_eq!(split_tone('ệ'), ('ê', 5));
        assert_eq!(split_tone('đ'), ('đ', 0));
        assert_eq!(split_tone('a'), ('a', 0));
        assert_eq!(split_tone('Z'), ('Z', 0));
        for row in TONE_ROWS {
            let base = row.chars().next().unwrap();
            for (tone, c) in row.chars().enumerate() {
                assert_eq!(split_tone(c), (base, tone), "{c}");
            }
        }
    }

    #[test]
    fn vowels_are_the_rows_of_the_table() {
        let rows: Vec<char> = TONE_ROWS.iter().map(|r| r.chars().next().unwrap()).collect();
        for c in ('\0'..='\u{2000}').chain("ăâêôơư".chars()) {
            assert_eq!(is_vowel(c), rows.contains(&c), "{c:?}");
        }
    }
}
