//! Telex and VNI left-overs: a word typed on a keyboard whose Vietnamese
//! input method was off (`nguwowif`, `ddoongf`, `vie65t`) decoded into the
//! syllable the reader meant (`người`, `đồng`, `việt`).
//!
//! Only the query side uses it, and only for words the site never writes
//! (see [`super::query`]): a decoded word is then searched as if typed with
//! diacritics. The decoder is deliberately plain: mark keys apply to the
//! nearest vowel that can take them, a tone key is any of `s f r x j`
//! (Telex) or `1`–`5` (VNI) after the first vowel, wherever it stands, and
//! the result must have the shape of a syllable ([`is_syllable`]), or the
//! word is left alone. English words and words
//! already written in Vietnamese come back as `None`.
//!
//! `search.js` has the same function (`decodeWord`); the conformance tests
//! and the unit tests on both sides hold them together.

use super::analyzer::tone::{canonical, split_tone, TONE_ROWS};

/// True for a toneless Vietnamese vowel.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y')
}

/// The letter with a mark: `^` (â ê ô), `+` (ơ ư), `(` (ă), `-` (đ).
fn marked(c: char, mark: char) -> Option<char> {
    Some(match (c, mark) {
        ('a', '^') => 'â',
        ('e', '^') => 'ê',
        ('o', '^') => 'ô',
        ('o', '+') => 'ơ',
        ('u', '+') => 'ư',
        ('a', '(') => 'ă',
        ('d', '-') => 'đ',
        _ => return None,
    })
}

/// Applies a quality mark to the nearest vowel before the end that takes
/// it (for the horn, `uo` takes it on both: `uow` → `ươ`). Returns false
/// when no letter takes it.
fn apply_mark(out: &mut [char], mark: char) -> bool {
    if mark == '-' {
        // Only an onset d takes the stroke.
        return match out.first() {
            Some('d') => {
                out[0] = 'đ';
                true
            }
            _ => false,
        };
    }
    let Some(k) = (0..out.len()).rev().find(|&k| marked(out[k], mark).is_some()) else {
        return false;
    };
    if mark == '+' && out[k] == 'o' && k > 0 && out[k - 1] == 'u' {
        out[k - 1] = 'ư';
    }
    out[k] = marked(out[k], mark).unwrap_or(out[k]);
    true
}

/// Decodes one lowercase word typed in Telex or VNI without the input
/// method, or `None` when it is not such a word (no key to decode, or not a
/// Vietnamese syllable once decoded).
pub(crate) fn decode(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let allowed = |c: &char| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == 'đ' || is_vowel(split_tone(*c).0);
    if chars.len() < 2 || !chars.iter().all(allowed) {
        return None;
    }
    let vni = chars.iter().any(|c| c.is_ascii_digit());
    if vni && (chars[0].is_ascii_digit() || chars.contains(&'0')) {
        return None;
    }
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut tone = 0;
    let mut changed = false;
    for &raw in &chars {
        let (c, t) = split_tone(raw);
        if t > 0 {
            tone = t;
        }
        let seen_vowel = out.iter().any(|&v| is_vowel(v));
        let key = if vni { vni_key(c) } else { telex_key(c, &out, seen_vowel) };
        match key {
            Key::Letter => out.push(c),
            Key::Tone(t) if seen_vowel => {
                tone = t;
                changed = true;
            }
            Key::Tone(_) => return None,
            Key::Mark(m) => {
                if !apply_mark(&mut out, m) {
                    if m == '+' && !vni {
                        // A lone w is ư (`nhw` → `như`).
                        out.push('ư');
                    } else {
                        return None;
                    }
                }
                changed = true;
            }
        }
    }
    if !changed {
        return None;
    }
    let mut syllable: String = out.iter().collect();
    if !is_syllable(&syllable) {
        return None;
    }
    if tone > 0 {
        let k = out.iter().position(|&c| is_vowel(c))?;
        let row = TONE_ROWS.iter().find(|r| r.starts_with(out[k]))?;
        out[k] = row.chars().nth(tone)?;
        syllable = canonical(&out.iter().collect::<String>());
    }
    Some(syllable)
}

/// What a typed character does.
enum Key {
    /// A letter of the word.
    Letter,
    /// A tone key: 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng (the columns of [`TONE_ROWS`]).
    Tone(usize),
    /// A quality mark for a letter before it.
    Mark(char),
}

fn vni_key(c: char) -> Key {
    match c {
        '1' => Key::Tone(2),
        '2' => Key::Tone(1),
        '3' => Key::Tone(3),
        '4' => Key::Tone(4),
        '5' => Key::Tone(5),
        '6' => Key::Mark('^'),
        '7' => Key::Mark('+'),
        '8' => Key::Mark('('),
        '9' => Key::Mark('-'),
        _ => Key::Letter,
    }
}

fn telex_key(c: char, out: &[char], seen_vowel: bool) -> Key {
    match c {
        's' | 'f' | 'r' | 'x' | 'j' if seen_vowel => Key::Tone(match c {
            'f' => 1,
            's' => 2,
            'r' => 3,
            'x' => 4,
            _ => 5,
        }),
        'f' | 'j' => Key::Tone(0),
        'w' => Key::Mark(if out.last().is_some_and(|&l| l == 'a') { '(' } else { '+' }),
        'd' if out == ['d'] => Key::Mark('-'),
        'a' | 'e' | 'o' if seen_vowel && doubles(out, c) => Key::Mark('^'),
        _ => Key::Letter,
    }
}

/// True when a typed `a`, `e` or `o` is the second key of a circumflex:
/// its vowel is the last one typed, right before it or before the final
/// consonant (`vieetj`, `vietej`). (`xoong` decodes to `xông`; a site that
/// writes `xoong` has it in its vocabulary, and then nothing is decoded.)
fn doubles(out: &[char], c: char) -> bool {
    out.iter().rposition(|&v| is_vowel(v)).is_some_and(|k| out[k] == c)
}

/// True when `s` has the shape of a syllable of Vietnamese or of the
/// languages of the province's peoples as written in Vietnamese letters
/// (`xtiêng`, `chnăm`, `chôl`): consonants of the Vietnamese alphabet (no
/// `f j w z`), then one to three vowels, then
/// at most two final consonants of `c g h k l m n p t` (`ch`, `ng`, `nh`,
/// and the `l`, `k` of names).
pub(crate) fn is_syllable(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let vowel = |c: char| is_vowel(split_tone(c).0);
    let onset = chars.iter().take_while(|&&c| !vowel(c)).count();
    let vowels = chars[onset..].iter().take_while(|&&c| vowel(c)).count();
    let tail = &chars[onset + vowels..];
    let onset_ok = chars[..onset].iter().all(|&c| "bcdđghklmnpqrstvx".contains(c));
    onset_ok && (1..=3).contains(&vowels) && tail.len() <= 2 && tail.iter().all(|&c| "cghklmnpt".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telex_tone_keys_anywhere_after_the_first_vowel() {
        assert_eq!(decode("nguwowif").as_deref(), Some("người"));
        assert_eq!(decode("nguwoiwf").as_deref(), Some("người"));
        assert_eq!(decode("ddoongf").as_deref(), Some("đồng"));
        assert_eq!(decode("baof").as_deref(), Some("bào"));
        assert_eq!(decode("tisnh").as_deref(), Some("tính"));
        assert_eq!(decode("tinhs").as_deref(), Some("tính"));
        assert_eq!(decode("vieetj").as_deref(), Some("việt"));
        assert_eq!(decode("vietej").as_deref(), Some("việt"));
        assert_eq!(decode("hoaf").as_deref(), Some("hoà"));
        assert_eq!(decode("xtieeng").as_deref(), Some("xtiêng"));
        assert_eq!(decode("chna8m").as_deref(), Some("chnăm"));
    }

    #[test]
    fn telex_marks_uwow_dd_aw() {
        assert_eq!(decode("uwow").as_deref(), Some("ươ"));
        assert_eq!(decode("truwowngf").as_deref(), Some("trường"));
        assert_eq!(decode("dduwa").as_deref(), Some("đưa"));
        assert_eq!(decode("ddua").as_deref(), Some("đua"));
        assert_eq!(decode("nawm").as_deref(), Some("năm"));
        assert_eq!(decode("nhw").as_deref(), Some("như"));
        assert_eq!(decode("thuwowngr").as_deref(), Some("thưởng"));
    }

    #[test]
    fn vni_digits() {
        assert_eq!(decode("vie65t").as_deref(), Some("việt"));
        assert_eq!(decode("vie6t5").as_deref(), Some("việt"));
        assert_eq!(decode("d9o6ng2").as_deref(), Some("đồng"));
        assert_eq!(decode("ngu7o72i").as_deref(), Some("người"));
        assert_eq!(decode("na8m").as_deref(), Some("năm"));
    }

    #[test]
    fn english_vietnamese_and_plain_words_are_left_alone() {
        for w in [
            "internet", "covid", "online", "good", "zoom", "sinh", "ngheo", "xa", "rung", "người", "đồng", "the",
            "free",
        ] {
            assert_eq!(decode(w), None, "{w}");
        }
        for w in ["2023", "631", "1a", "a1b2c3d4", "x"] {
            assert_eq!(decode(w), None, "{w}");
        }
    }

    #[test]
    fn syllable_shapes() {
        assert!(is_syllable("nghiêng"));
        assert!(is_syllable("gì"));
        assert!(is_syllable("quốc"));
        assert!(is_syllable("xtiêng"));
        assert!(is_syllable("chôl"));
        assert!(!is_syllable("intenet"));
        assert!(!is_syllable("str"));
        assert!(!is_syllable("kaoke"));
    }
}
