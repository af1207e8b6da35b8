//! The facets file: labels and, for each record, its kind, year, district,
//! ethnicity and campaigns as compact columns ([`Facets`]).

use super::encode::vlq;
use super::format::{Columns, Facets};
use crate::search::SearchDoc;

/// The 64 characters of facet column codes.
pub(crate) const CODES: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// A fixed-width code of `v` in a column of values below `n`.
fn code(out: &mut String, v: usize, n: usize) {
    let mut width = 1;
    while 64usize.pow(width) < n {
        width += 1;
    }
    for k in (0..width).rev() {
        out.push(CODES[v / 64usize.pow(k) % 64] as char);
    }
}

fn labels(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v.dedup_by(|a, b| a.0 == b.0);
    v
}

/// Facet labels and columns: for each record, in ord order, a fixed-width
/// code (0 = none, i + 1 = the i-th label; year: year − first year + 1);
/// campaigns (any number per record) as one list of records per campaign,
/// in label order, each as [`vlq`] gaps (first ord + 1, then differences),
/// separated by `,`.
pub(crate) fn facets(docs: &[SearchDoc]) -> Facets {
    let mut kinds: Vec<String> = docs.iter().map(|d| d.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let campaigns = labels(docs.iter().flat_map(|d| d.campaigns.clone()).collect());
    let eth = labels(docs.iter().filter_map(|d| d.ethnicity.clone()).collect());
    let dis = labels(docs.iter().filter_map(|d| d.district.clone()).collect());
    let years: Vec<i32> = docs.iter().filter_map(|d| d.year).collect();
    let first_year = years.iter().min().copied().unwrap_or(0);
    let last_year = years.iter().max().copied().unwrap_or(0);
    let pos = |list: &[(String, String)], p: &Option<(String, String)>| {
        p.as_ref().and_then(|p| list.iter().position(|x| x.0 == p.0)).map_or(0, |i| i + 1)
    };
    let (mut kind, mut year, mut district, mut ethnicity) =
        (String::new(), String::new(), String::new(), String::new());
    let mut per_campaign: Vec<Vec<u32>> = vec![Vec::new(); campaigns.len()];
    for (ord, d) in docs.iter().enumerate() {
        code(&mut kind, kinds.iter().position(|k| *k == d.kind).map_or(0, |i| i + 1), kinds.len() + 1);
        let y = d.year.map_or(0, |y| (y - first_year + 1) as usize);
        code(&mut year, y, (last_year - first_year + 2) as usize);
        code(&mut district, pos(&dis, &d.district), dis.len() + 1);
        code(&mut ethnicity, pos(&eth, &d.ethnicity), eth.len() + 1);
        for p in &d.campaigns {
            if let Some(i) = campaigns.iter().position(|x| x.0 == p.0) {
                if per_campaign[i].last() != Some(&(ord as u32)) {
                    per_campaign[i].push(ord as u32);
                }
            }
        }
    }
    let campaign: Vec<String> = per_campaign
        .iter()
        .map(|ords| {
            let mut s = String::new();
            let mut last = -1i64;
            for &o in ords {
                vlq(&mut s, (i64::from(o) - last) as u32);
                last = i64::from(o);
            }
            s
        })
        .collect();
    Facets {
        campaigns,
        cols: Columns { campaign: campaign.join(","), district, ethnicity, kind, year },
        districts: dis,
        ethnicities: eth,
        first_year,
        kinds,
        last_year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_widen_with_the_number_of_values() {
        let mut s = String::new();
        code(&mut s, 5, 10);
        code(&mut s, 65, 100);
        assert_eq!(s, "511");
    }
}
