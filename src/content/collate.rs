//! Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after letters),
//! from ICU4X's collator with the `vi` tailoring — not a hand-made table.
//!
//! People are sorted by given name, the last word of a Vietnamese name
//! ("Điểu Văn Lợi" sorts under L), unless `sort_name` says otherwise.

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use std::cmp::Ordering;
use std::sync::OnceLock;

fn collator() -> &'static CollatorBorrowed<'static> {
    static C: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    C.get_or_init(|| {
        Collator::try_new(locale!("vi").into(), CollatorOptions::default())
            .expect("the vi collation data is compiled into icu_collator")
    })
}

/// Compares two strings in Vietnamese alphabetical order.
pub(crate) fn compare(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

/// The key a person's name sorts by: given name first, then the rest in order.
pub(crate) fn given_name_key(full_name: &str) -> String {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    match words.split_last() {
        Some((given, rest)) if !rest.is_empty() => format!("{given} {}", rest.join(" ")),
        _ => full_name.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letter_order() {
        let mut v = vec!["Đức", "Dũng", "Ánh", "Ăn", "An", "Ân", "Ba", "Ơn", "Ông"];
        v.sort_by(|a, b| compare(a, b));
        assert_eq!(v, ["An", "Ánh", "Ăn", "Ân", "Ba", "Dũng", "Đức", "Ông", "Ơn"]);
    }

    #[test]
    fn given_name_first() {
        assert_eq!(given_name_key("Điểu Văn Lợi"), "Lợi Điểu Văn");
        assert_eq!(given_name_key("Thị Hoa"), "Hoa Thị");
        assert_eq!(given_name_key("Mai"), "Mai");
    }
}
