//! The encodings of the index files: record lists as gaps or bitsets,
//! impact levels as characters, numbers as base64 digits, and the hashes
//! that name files and pick buckets. `search.js` decodes the same forms.

use sha2::{Digest, Sha256};

use crate::search::view::Posting;

/// Hex content hash used in file names.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

/// 32-bit FNV-1a of the UTF-8 bytes of `key`: which bucket holds it.
pub(crate) fn fnv1a(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The 64 digits of base64, also used for variable-length numbers.
pub(crate) const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// Impact level `q` is written as the character U+0100 + q.
pub(crate) const LEVEL_BASE: u32 = 0x100;

/// A number as base64 digits of 5 bits, least significant first, the sixth
/// bit saying "more follows" (as in source maps).
pub(crate) fn vlq(out: &mut String, mut v: u32) {
    loop {
        let digit = v & 31;
        v >>= 5;
        out.push(B64[(digit | if v > 0 { 32 } else { 0 }) as usize] as char);
        if v == 0 {
            break;
        }
    }
}

/// Encodes ascending record ords, as gaps or as a bitset, whichever is
/// shorter: `0`, count, first ord, differences (numbers as [`vlq`]); or `1`,
/// first ord, number of digits, then base64 digits of 6 bits each (bit i of
/// digit j is record first + 6j + i).
pub(crate) fn encode_docs(docs: &[u32]) -> String {
    let mut gaps = String::new();
    vlq(&mut gaps, 0);
    vlq(&mut gaps, docs.len() as u32);
    let mut last = 0;
    for (i, &d) in docs.iter().enumerate() {
        vlq(&mut gaps, if i == 0 { d } else { d - last });
        last = d;
    }
    let (Some(&first), Some(&end)) = (docs.first(), docs.last()) else {
        return gaps;
    };
    let ndigits = (end - first) / 6 + 1;
    if ndigits as usize >= gaps.len() {
        return gaps;
    }
    let mut digits = vec![0u8; ndigits as usize];
    for &d in docs {
        let k = (d - first) as usize;
        digits[k / 6] |= 1 << (k % 6);
    }
    let mut bits = String::new();
    vlq(&mut bits, 1);
    vlq(&mut bits, first);
    vlq(&mut bits, ndigits);
    bits.extend(digits.iter().map(|&d| B64[d as usize] as char));
    if bits.len() < gaps.len() {
        bits
    } else {
        gaps
    }
}

/// Encodes a term's postings: the records, then their impact levels as
/// characters (U+0100 + level), in the shortest of four forms:
///
/// - one such character when all are equal;
/// - two (low, high), then the places of the high ones among the records
///   ([`encode_docs`], so ASCII), as for a word in most records;
/// - one ("base", the most frequent level), then the places of the records
///   at another level (ASCII), then their levels: a common word's postings
///   after [`crate::search::impact::flatten`], whose levels are otherwise
///   written a character a record (gzip cannot write a symbol in less than
///   a bit);
/// - else one a record.
///
/// A reader tells them apart by the characters after the records: one
/// level; a level then ASCII (base); two levels then ASCII; levels only.
pub(crate) fn encode_postings(postings: &[Posting]) -> String {
    let docs: Vec<u32> = postings.iter().map(|p| p.doc).collect();
    let mut out = encode_docs(&docs);
    let level = |l: u8| char::from_u32(LEVEL_BASE + u32::from(l)).unwrap_or('?');
    let mut counts = [0usize; 256];
    postings.iter().for_each(|p| counts[usize::from(p.level)] += 1);
    let distinct = counts.iter().filter(|&&c| c > 0).count();
    if postings.is_empty() {
        return out;
    }
    // The most frequent level, the lowest among equals.
    let base = (0..=255u8).rev().max_by_key(|&l| counts[usize::from(l)]).unwrap_or(0);
    if distinct == 1 {
        out.push(level(base));
        return out;
    }
    let places = |keep: &dyn Fn(u8) -> bool| -> Vec<u32> {
        postings.iter().enumerate().filter(|(_, p)| keep(p.level)).map(|(k, _)| k as u32).collect()
    };
    let form = if distinct == 2 {
        let (low, high) = postings.iter().fold((u8::MAX, 0), |(lo, hi), p| (lo.min(p.level), hi.max(p.level)));
        let mut two = String::from_iter([level(low), level(high)]);
        two.push_str(&encode_docs(&places(&|l| l == high)));
        two
    } else {
        let others = places(&|l| l != base);
        let mut floor = String::from(level(base));
        floor.push_str(&encode_docs(&others));
        floor.extend(others.iter().map(|&k| level(postings[k as usize].level)));
        floor
    };
    if form.chars().count() < postings.len() {
        out.push_str(&form);
    } else {
        out.extend(postings.iter().map(|p| level(p.level)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_base64_digits_of_five_bits() {
        let mut s = String::new();
        for v in [0, 31, 32, 1000] {
            vlq(&mut s, v);
        }
        // 32 → digits 0|32, 1; 1000 = 8 + 31·32 → digits 8|32, 31.
        assert_eq!(s, "AfgBof");
    }

    #[test]
    fn sparse_records_are_gaps_dense_ones_a_bitset() {
        assert_eq!(encode_docs(&[2, 5, 300]), "ADCDnJ");
        let dense: Vec<u32> = (10..40).filter(|d| d % 3 != 0).collect();
        // 1, first 10, 5 digits; bits 0,1,3,4 of the first digit (10, 11, 13, 14) = 27.
        assert_eq!(&encode_docs(&dense)[..4], "BKFb");
        assert_eq!(encode_docs(&[]), "AA");
    }

    #[test]
    fn postings_carry_one_level_per_record_or_one_for_all() {
        let p = [Posting { doc: 1, level: 9 }, Posting { doc: 4, level: 200 }];
        assert_eq!(encode_postings(&p), "ACBD\u{109}\u{1c8}");
        let flat = [Posting { doc: 1, level: 7 }, Posting { doc: 4, level: 7 }];
        assert_eq!(encode_postings(&flat), "ACBD\u{107}");
    }

    #[test]
    fn two_levels_are_the_low_one_the_high_one_and_the_places_of_the_high_ones() {
        let p: Vec<Posting> =
            (0..40).map(|d| Posting { doc: d, level: if d == 3 || d == 30 { 90 } else { 20 } }).collect();
        let enc = encode_postings(&p);
        let docs = encode_docs(&(0..40).collect::<Vec<u32>>());
        assert_eq!(enc, format!("{docs}\u{114}\u{15a}{}", encode_docs(&[3, 30])));
        // Too few records to gain: one level a record.
        let few = [Posting { doc: 1, level: 9 }, Posting { doc: 4, level: 200 }, Posting { doc: 5, level: 9 }];
        assert!(encode_postings(&few).ends_with("\u{109}\u{1c8}\u{109}"));
    }

    #[test]
    fn many_levels_around_one_are_the_base_then_the_places_and_levels_of_the_others() {
        // Thirty records at level 20, three others at 90, 91 and 5.
        let p: Vec<Posting> = (0..33)
            .map(|d| Posting {
                doc: d,
                level: match d {
                    7 => 90,
                    8 => 91,
                    30 => 5,
                    _ => 20,
                },
            })
            .collect();
        let docs = encode_docs(&(0..33).collect::<Vec<u32>>());
        assert_eq!(encode_postings(&p), format!("{docs}\u{114}{}\u{15a}\u{15b}\u{105}", encode_docs(&[7, 8, 30])));
        // The same written in the client's test (tests/js/search.test.mjs, "decodes the four forms").
        assert_eq!(&encode_postings(&p)[docs.len() + 2..], "ADHBW\u{15a}\u{15b}\u{105}");
        // Most records at other levels: one level a record.
        let spread: Vec<Posting> = (0..6).map(|d| Posting { doc: d, level: d as u8 }).collect();
        assert_eq!(encode_postings(&spread).chars().filter(|&c| c >= '\u{100}').count(), 6);
    }

    #[test]
    fn fnv1a_is_the_standard_32_bit_hash() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn hash_is_short_hex() {
        let h = content_hash(b"abc");
        assert_eq!(h.len(), 10);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
