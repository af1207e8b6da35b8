//! A page's content stream walked with the text state the PDF operators set
//! (`Tm`, `Td`, `TL`, `Tf`, `cm`, …): every piece of text placed on the page,
//! with the widths of its font.

use super::*;

/// A piece of text placed on the page (PDF user space, y upwards).
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) end: f64,
    pub(super) size: f64,
    pub(super) text: String,
}

/// A font's decoding and widths.
pub(super) struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// A TCVN3 or VNI font (`ABCDEF+.VnTime`): its text is converted.
    legacy: Option<(crate::import::legacy::Legacy, bool)>,
    two_byte: bool,
    widths: BTreeMap<u32, f64>,
    default_width: f64,
}

impl Font<'_> {
    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes.chunks(2).map(|c| c.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b))).collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    fn width(&self, code: u32) -> f64 {
        self.widths.get(&code).copied().unwrap_or(self.default_width) / 1000.0
    }

    fn decode(&self, bytes: &[u8]) -> String {
        let text: String = match &self.encoding {
            Some(e) => e.bytes_to_string(bytes).unwrap_or_default(),
            None => bytes.iter().filter(|b| b.is_ascii_graphic() || **b == b' ').map(|&b| char::from(b)).collect(),
        };
        // glyphs without a character (a tab drawn as a box) become spaces
        let text: String = text
            .chars()
            .map(|c| if c == '\u{fffd}' || c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) { ' ' } else { c })
            .collect();
        match self.legacy {
            Some((crate::import::legacy::Legacy::Tcvn3, caps)) => crate::import::legacy::from_tcvn3(&text, caps),
            Some((crate::import::legacy::Legacy::Vni, _)) => crate::import::legacy::from_vni(&text),
            None => text,
        }
    }
}

pub(super) fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

pub(super) fn load_font<'a>(doc: &'a Document, dict: &'a lopdf::Dictionary) -> Font<'a> {
    let encoding = dict.get_font_encoding_with_limit(doc, STREAM_LIMIT).ok();
    let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
    let mut widths = BTreeMap::new();
    let mut default_width = 500.0;
    let two_byte = subtype == b"Type0";
    let deref = |o: &'a Object| doc.dereference(o).map(|(_, o)| o).ok();
    if two_byte {
        let desc = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(deref)
            .and_then(|o| o.as_dict().ok());
        if let Some(desc) = desc {
            if let Some(dw) = desc.get(b"DW").ok().and_then(num) {
                default_width = dw;
            } else {
                default_width = 1000.0;
            }
            if let Some(w) = desc.get(b"W").ok().and_then(deref).and_then(|o| o.as_array().ok()) {
                cid_widths(w, &deref, &mut widths);
            }
        }
    } else {
        let first = dict.get(b"FirstChar").ok().and_then(num).unwrap_or(0.0) as u32;
        if let Some(w) = dict.get(b"Widths").ok().and_then(deref).and_then(|o| o.as_array().ok()) {
            for (i, v) in w.iter().take(256).enumerate() {
                if let Some(v) = deref(v).and_then(num) {
                    widths.insert(first + i as u32, v);
                }
            }
        }
    }
    let name = dict.get(b"BaseFont").and_then(Object::as_name).map(String::from_utf8_lossy).unwrap_or_default();
    let legacy = crate::import::legacy::Legacy::of_font(name.split_once('+').map_or(&*name, |(_, n)| n));
    Font { encoding, legacy, two_byte, widths, default_width }
}

/// The `/W` array of a CID font: `c [w1 w2 …]` or `c_first c_last w`.
pub(super) fn cid_widths<'a>(
    w: &'a [Object],
    deref: &dyn Fn(&'a Object) -> Option<&'a Object>,
    out: &mut BTreeMap<u32, f64>,
) {
    let mut i = 0;
    while i < w.len() && out.len() < 70_000 {
        let Some(first) = num(&w[i]).map(|f| f as u32) else { break };
        match w.get(i + 1).and_then(deref) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(65_536) {
                    if let Some(v) = num(v) {
                        out.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (num(o).map(|l| l as u32), w.get(i + 2).and_then(num)) else { break };
                for c in first..=last.min(first.saturating_add(65_536)) {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// A 2D affine matrix [a b c d e f].
pub(super) type Matrix = [f64; 6];
pub(super) const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

pub(super) fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

pub(super) fn matrix(ops: &[Object]) -> Option<Matrix> {
    let v: Vec<f64> = ops.iter().map(num).collect::<Option<_>>()?;
    let m: Matrix = v.try_into().ok()?;
    m.iter().all(|x| x.is_finite()).then_some(m)
}

/// The text state of the walk over one content stream.
pub(super) struct State {
    /// The graphics state that `q` saves and `Q` restores.
    g: Graphics,
    stack: Vec<Graphics>,
    tm: Matrix,
    tlm: Matrix,
}

/// What `q`/`Q` save and restore: the transformation and the text state
/// (font, size, spacing, scale, leading), but not the text matrix.
/// Word's tagged PDFs set a font inside `q … Q` around one span, so the
/// next span, after the `Q`, is in the font set before it.
#[derive(Clone)]
pub(super) struct Graphics {
    ctm: Matrix,
    leading: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    size: f64,
    font: Option<Vec<u8>>,
}

pub(super) fn page_pieces(doc: &Document, page_id: lopdf::ObjectId) -> Result<Vec<Piece>, PdfError> {
    let content = doc.get_page_content_with_limit(page_id, STREAM_LIMIT).map_err(|e| match e {
        lopdf::Error::Decompress(_) => PdfError::TooLarge("nội dung trang"),
        _ => PdfError::Broken(e.to_string()),
    });
    let Ok(content) = content else {
        // a page whose content cannot be read has no text; a broken page
        // among good ones is reported by the caller as a page without text
        return content.map(|_| Vec::new()).or_else(|e| match e {
            PdfError::TooLarge(_) => Err(e),
            _ => Ok(Vec::new()),
        });
    };
    let ops = lopdf::content::Content::decode(&content).map(|c| c.operations).unwrap_or_default();
    // A simple font with both an /Encoding and a /ToUnicode map is read by
    // its map: Vietnamese in a one-byte font is only right there.
    let dicts: Vec<(Vec<u8>, lopdf::Dictionary)> = doc
        .get_page_fonts(page_id)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, dict)| {
            let mut dict = dict.clone();
            let simple = dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|t| t != b"Type0");
            if simple && dict.has(b"ToUnicode") {
                dict.remove(b"Encoding");
            }
            (name, dict)
        })
        .collect();
    let fonts: BTreeMap<Vec<u8>, Font> =
        dicts.iter().map(|(name, dict)| (name.clone(), load_font(doc, dict))).collect();
    let mut s = State {
        g: Graphics {
            ctm: IDENTITY,
            leading: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            size: 1.0,
            font: None,
        },
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
    };
    let mut pieces = Vec::new();
    for op in ops.iter().take(OPS_LIMIT) {
        let a = &op.operands;
        let n = |i: usize| a.get(i).and_then(num).filter(|v| v.is_finite()).unwrap_or(0.0);
        match op.operator.as_str() {
            "q" if s.stack.len() < 64 => s.stack.push(s.g.clone()),
            "Q" => {
                if let Some(g) = s.stack.pop() {
                    s.g = g;
                }
            }
            "cm" => {
                if let Some(m) = matrix(a) {
                    s.g.ctm = mul(&m, &s.g.ctm);
                }
            }
            "BT" => {
                s.tm = IDENTITY;
                s.tlm = IDENTITY;
            }
            "Tf" => {
                s.g.font = a.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                s.g.size = n(1);
            }
            "Tc" => s.g.char_space = n(0),
            "Tw" => s.g.word_space = n(0),
            "Tz" => s.g.scale = n(0) / 100.0,
            "TL" => s.g.leading = n(0),
            "Td" => next_line(&mut s, n(0), n(1)),
            "TD" => {
                s.g.leading = -n(1);
                next_line(&mut s, n(0), n(1));
            }
            "Tm" => {
                if let Some(m) = matrix(a) {
                    s.tm = m;
                    s.tlm = m;
                }
            }
            "T*" => next_row(&mut s),
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "'" {
                    next_row(&mut s);
                }
                if op.operator == "\"" {
                    s.g.word_space = n(0);
                    s.g.char_space = n(1);
                    next_row(&mut s);
                }
                let Some(font) = s.g.font.as_ref().and_then(|f| fonts.get(f)) else { continue };
                let items: &[Object] = match (op.operator.as_str(), a.last()) {
                    ("TJ", Some(Object::Array(items))) => items,
                    (_, Some(o)) => std::slice::from_ref(o),
                    _ => &[],
                };
                show(&mut s, font, items, &mut pieces);
            }
            _ => {}
        }
    }
    Ok(pieces)
}

/// `T*`: the next line, one leading down.
pub(super) fn next_row(s: &mut State) {
    let leading = s.g.leading;
    next_line(s, 0.0, -leading);
}

pub(super) fn next_line(s: &mut State, tx: f64, ty: f64) {
    s.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &s.tlm);
    s.tm = s.tlm;
}

/// Shows strings (and `TJ` adjustments), one piece per string.
pub(super) fn show(s: &mut State, font: &Font, items: &[Object], pieces: &mut Vec<Piece>) {
    for item in items {
        match item {
            Object::String(bytes, _) => {
                let text = font.decode(bytes);
                let start = mul(&s.tm, &s.g.ctm);
                let mut advance = 0.0;
                for code in font.codes(bytes) {
                    let space = if !font.two_byte && code == 32 { s.g.word_space } else { 0.0 };
                    advance += (font.width(code) * s.g.size + s.g.char_space + space) * s.g.scale;
                }
                s.tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &s.tm);
                let end = mul(&s.tm, &s.g.ctm);
                let size = (s.g.size * (start[2].powi(2) + start[3].powi(2)).sqrt()).abs().max(0.1);
                if !text.is_empty() {
                    pieces.push(Piece { x: start[4], y: start[5], end: end[4], size, text });
                }
            }
            o => {
                if let Some(adj) = num(o) {
                    let dx = -adj / 1000.0 * s.g.size * s.g.scale;
                    s.tm = mul(&[1.0, 0.0, 0.0, 1.0, dx, 0.0], &s.tm);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    /// A one-page PDF drawing `content` with a simple font `/F1` and a
    /// two-byte font `/F2` whose only character is code 1, "Ự".
    fn page(content: &str) -> (Document, lopdf::ObjectId) {
        let mut doc = Document::with_version("1.5");
        let cmap =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /T def\n/CMapType 2 def\n\
                    1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfchar\n<0001> <1EF0>\nendbfchar\n\
                    endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
        let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.as_bytes().to_vec()));
        let cid = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "T", "DW" => 500,
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        });
        let f2 = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "T", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid.into()], "ToUnicode" => to_unicode,
        });
        let f1 = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
        let contents = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let pages = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => contents,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => f1, "F2" => f2 } },
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        (doc, page)
    }

    #[test]
    fn q_and_big_q_restore_the_font_regression_kh_lost_from_a_number() {
        // Word's tagged export: one span's font set inside q … Q; the span
        // after the Q is in the font from before (here "KH" of "/KH-PGD")
        let (doc, id) =
            page("BT /F1 12 Tf 50 700 Td (So) Tj ET q BT /F2 12 Tf 80 700 Td <0001> Tj ET Q BT 100 700 Td (KH) Tj ET");
        let text: Vec<String> = page_pieces(&doc, id).unwrap().into_iter().map(|p| p.text).collect();
        assert_eq!(text, ["So", "Ự", "KH"]);
    }
}
