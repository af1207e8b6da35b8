//! Images: each photo a record names is resized at build time into a few
//! widths, encoded as WebP with a JPEG fallback, and described for `srcset`.
//!
//! Results are cached under `<root>/.thidua-cache/images/`, keyed by a hash of
//! the source bytes, so an unchanged image is never processed twice. Decoding,
//! resizing and JPEG encoding come from the `image` crate; lossy WebP from
//! libwebp (the `webp` crate), since `image` only writes lossless WebP.

use crate::content::record::{Details, Record};
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The widths images are made in (never larger than the original).
pub(crate) const WIDTHS: [u32; 3] = [480, 960, 1600];

/// One resized copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Variant {
    /// Width in pixels.
    pub(crate) width: u32,
    /// Height in pixels.
    pub(crate) height: u32,
    /// The cached JPEG.
    pub(crate) jpeg: PathBuf,
    /// The cached WebP.
    pub(crate) webp: PathBuf,
}

/// All sizes of one image, smallest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ImageSet {
    /// The variants.
    pub(crate) variants: Vec<Variant>,
}

impl ImageSet {
    /// The largest variant (the fallback `src`).
    pub(crate) fn largest(&self) -> &Variant {
        self.variants.last().expect("at least one variant")
    }
}

/// Processed images by source file.
pub(crate) type Images = BTreeMap<PathBuf, ImageSet>;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// Resizes one image into the cache (or finds it there).
pub(crate) fn process(source: &Path, cache: &Path) -> Result<ImageSet, String> {
    let bytes = std::fs::read(source).map_err(|e| crate::t!("img-unreadable", error = e.to_string()))?;
    let key = hex(&Sha256::digest(&bytes));
    let index = cache.join(format!("{key}.json"));
    if let Some(set) = std::fs::read(&index).ok().and_then(|b| serde_json::from_slice::<ImageSet>(&b).ok()) {
        if set.variants.iter().all(|v| v.jpeg.is_file() && v.webp.is_file()) {
            return Ok(set);
        }
    }
    let img = image::load_from_memory(&bytes).map_err(|e| crate::t!("img-undecodable", error = e.to_string()))?;
    std::fs::create_dir_all(cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    let (w0, _) = img.dimensions();
    let mut widths: Vec<u32> = WIDTHS.iter().map(|&w| w.min(w0)).collect();
    widths.dedup();
    let variants = widths.into_iter().map(|w| variant(&img, w, cache, &key)).collect::<Result<Vec<_>, _>>()?;
    let set = ImageSet { variants };
    let json = serde_json::to_vec(&set).map_err(|e| e.to_string())?;
    std::fs::write(&index, json).map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(set)
}

fn variant(img: &DynamicImage, width: u32, cache: &Path, key: &str) -> Result<Variant, String> {
    let (w0, _) = img.dimensions();
    let resized = if width == w0 { img.clone() } else { img.resize(width, u32::MAX, FilterType::Lanczos3) };
    let rgb = resized.to_rgb8();
    let (w, h) = rgb.dimensions();
    let jpeg = cache.join(format!("{key}-{w}.jpg"));
    let webp = cache.join(format!("{key}-{w}.webp"));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&rgb)
        .map_err(|e| crate::t!("img-encode-failed", error = e.to_string()))?;
    std::fs::write(&jpeg, &out).map_err(|e| format!("{}: {e}", jpeg.display()))?;
    let encoded = webp::Encoder::from_rgb(rgb.as_raw(), w, h).encode(75.0);
    std::fs::write(&webp, &*encoded).map_err(|e| format!("{}: {e}", webp.display()))?;
    Ok(Variant { width: w, height: h, jpeg, webp })
}

/// Where a record names an image: a front matter key, or a Markdown image in its body.
#[derive(Debug, Clone, Copy)]
enum Origin {
    Key(&'static str),
    Body { line: usize, column: usize },
}

fn is_raster(name: &str) -> bool {
    let ext = Path::new(name).extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "jpg" | "jpeg" | "png" | "webp" | "gif")
}

/// The images beside a folder record that it names: photo, lead image, and
/// raster images its body shows — each once.
fn images_of(r: &Record) -> Vec<(Origin, PathBuf)> {
    let Some(dir) = r.source.bundle.as_ref() else { return Vec::new() };
    let mut out: Vec<(Origin, PathBuf)> = Vec::new();
    // Only files really in the record's folder: a name with `..` or a link
    // leading elsewhere is reported by validation and never read here.
    let inside = |f: &&String| crate::content::validate::is_inside_file(dir, f);
    match &r.details {
        Details::Person(p) => out.extend(p.photo.as_ref().filter(inside).map(|f| (Origin::Key("photo"), dir.join(f)))),
        Details::News(n) => out.extend(n.image.as_ref().filter(inside).map(|f| (Origin::Key("image"), dir.join(f)))),
        _ => {}
    }
    for l in r.body.links.iter().filter(|l| l.is_image && is_raster(&l.dest)) {
        if crate::content::validate::is_inside_file(dir, &l.dest) {
            out.push((Origin::Body { line: l.line, column: l.column }, dir.join(&l.dest)));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|(_, p)| seen.insert(p.clone()));
    out
}

/// Processes every image the site's records name, in parallel; unreadable images are errors.
pub(crate) fn process_site(site: &Site, cache: &Path) -> (Images, Vec<Diagnostic>) {
    process_records(&site.records.iter().collect::<Vec<_>>(), cache)
}

/// Processes the images of some records (serve: only the changed ones).
pub(crate) fn process_records(records: &[&Record], cache: &Path) -> (Images, Vec<Diagnostic>) {
    let jobs: Vec<(&Record, Origin, PathBuf)> =
        records.iter().flat_map(|r| images_of(r).into_iter().map(move |(o, p)| (*r, o, p))).collect();
    let results: Vec<_> = jobs.par_iter().map(|(r, origin, path)| (r, *origin, path, process(path, cache))).collect();
    let mut images = Images::new();
    let mut diags = Vec::new();
    for (r, origin, path, res) in results {
        match res {
            Ok(set) => {
                images.insert(path.clone(), set);
            }
            Err(msg) => {
                let (message, line, column) = match origin {
                    Origin::Key(key) => (crate::msg!("img-failed-key", key = key, why = msg), r.source.line_of(key), 1),
                    Origin::Body { line, column } => (crate::msg!("img-failed-body", why = msg), line, column),
                };
                diags.push(
                    Diagnostic::error(&r.source.path, message)
                        .at(&r.source.text, line, column)
                        .hint(crate::msg!("img-failed-hint")),
                );
            }
        }
    }
    (images, diags)
}

/// The output files of every variant: `<record url><stem>-<width>.<ext>`.
pub(crate) fn output_files<'a>(records: impl IntoIterator<Item = &'a Record>, images: &Images) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for r in records {
        for (_, path) in images_of(r) {
            let Some(set) = images.get(&path) else { continue };
            for v in &set.variants {
                for webp in [false, true] {
                    let from = if webp { &v.webp } else { &v.jpeg };
                    let to = format!("{}{}", r.url.trim_start_matches('/'), published_name(&path, v, webp));
                    files.push(OutputFile::copy(to, from.clone()));
                }
            }
        }
    }
    files
}

/// `srcset` of a set's variants, each published beside the page at `page_href`.
pub(crate) fn srcset(page_href: &str, source: &Path, set: &ImageSet, webp: bool) -> String {
    set.variants
        .iter()
        .map(|v| format!("{page_href}{} {}w", published_name(source, v, webp), v.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Turns the body's `<img>` tags of processed images into `<picture>` with
/// WebP and JPEG `srcset`, `sizes`, `width` and `height`. The tags are the
/// Markdown renderer's own (`<img src="…" alt="…" …>`); text never contains
/// `<img`, since the renderer escapes `<` in text.
pub(crate) fn rewrite_body(html: &str, r: &Record, images: &Images, page_href: &str) -> String {
    let Some(dir) = r.source.bundle.as_ref() else { return html.to_owned() };
    let mut out = html.to_owned();
    let sizes = "(max-width: 50rem) 100vw, 50rem";
    for l in r.body.links.iter().filter(|l| l.is_image) {
        let path = dir.join(&l.dest);
        let Some(set) = images.get(&path) else { continue };
        let needle = format!("<img src=\"{}\"", crate::content::markdown::escape(&l.dest));
        let Some(start) = out.find(&needle) else { continue };
        let Some(end) = out[start..].find('>').map(|e| start + e + 1) else { continue };
        let rest = &out[start + needle.len()..end];
        let big = set.largest();
        let picture = format!(
            "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\"><img src=\"{page_href}{}\" srcset=\"{}\" sizes=\"{sizes}\" width=\"{}\" height=\"{}\"{rest}</picture>",
            srcset(page_href, &path, set, true),
            published_name(&path, big, false),
            srcset(page_href, &path, set, false),
            big.width,
            big.height,
        );
        out.replace_range(start..end, &picture);
    }
    out
}

/// The file name a variant is published under, beside the record's page.
pub(crate) fn published_name(source: &Path, v: &Variant, webp: bool) -> String {
    let stem = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "anh".into());
    format!("{stem}-{}.{}", v.width, if webp { "webp" } else { "jpg" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(dir: &Path, w: u32, h: u32) -> PathBuf {
        let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
        let p = dir.join("anh.png");
        img.save(&p).unwrap();
        p
    }

    #[test]
    fn makes_smaller_widths_only_and_caches() {
        let dir = tempfile::tempdir().unwrap();
        let src = png(dir.path(), 1000, 500);
        let cache = dir.path().join("cache");
        let set = process(&src, &cache).unwrap();
        let widths: Vec<u32> = set.variants.iter().map(|v| v.width).collect();
        assert_eq!(widths, [480, 960, 1000]);
        assert_eq!(set.variants[0].height, 240);
        assert!(set.variants.iter().all(|v| v.webp.is_file() && v.jpeg.is_file()));
        let modified = std::fs::metadata(&set.variants[0].jpeg).unwrap().modified().unwrap();
        let again = process(&src, &cache).unwrap();
        assert_eq!(again, set);
        assert_eq!(
            std::fs::metadata(&set.variants[0].jpeg).unwrap().modified().unwrap(),
            modified,
            "cached, not redone"
        );
    }

    #[test]
    fn unreadable_image_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.jpg");
        std::fs::write(&p, b"not an image").unwrap();
        let said = process(&p, &dir.path().join("c")).unwrap_err();
        let shape = crate::t!("img-undecodable", error = "\u{0}");
        let (before, after) = shape.split_once('\u{0}').unwrap();
        assert!(said.starts_with(before) && said.ends_with(after), "{said}");
    }
}
