//! Which character encoding a file's bytes are in, found the way browsers find it: a byte-order
//! mark, else a `<meta>` declaration in the first 1,024 bytes (the HTML standard's "prescan a
//! byte stream to determine its encoding"), else, when nothing is declared, detection by
//! chardetng (Firefox's detector, in the `cleancopy-detector` crate). Decoding is encoding_rs's
//! (the Encoding Standard's decoders, Firefox's too). In the browser the page decodes with its
//! own `TextDecoder`, given [`Sniffed::label`].

use encoding_rs::{Encoding, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan reads, as the HTML standard sets it.
pub const PRESCAN_BYTES: usize = 1024;

/// How an encoding was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A byte-order mark opens the bytes (UTF-8, UTF-16LE or UTF-16BE).
    Bom,
    /// A `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` names it.
    Declared,
    /// Nothing names it: valid UTF-8 is UTF-8, anything else is what the detector guesses.
    Detected,
}

/// The encoding of some bytes and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    /// The encoding.
    pub encoding: &'static Encoding,
    /// How it was found.
    pub source: Source,
}

impl Sniffed {
    /// The encoding's name in the Encoding Standard ("windows-1252", "Shift_JIS", "UTF-16LE"),
    /// which every browser's `TextDecoder` takes as a label.
    pub fn label(&self) -> &'static str {
        self.encoding.name()
    }
}

/// Finds the encoding of `bytes`: byte-order mark, then `<meta>` declaration, then detection.
///
/// ```
/// use cleancopy::charset::{sniff, Source};
/// let page = b"<!doctype html><meta charset=\"windows-1252\"><p>Caf\xe9";
/// assert_eq!(sniff(page).label(), "windows-1252");
/// assert_eq!(sniff(page).source, Source::Declared);
/// assert_eq!(sniff(b"\xFF\xFEH\0i\0").label(), "UTF-16LE");
/// assert_eq!(sniff("Grüße".as_bytes()).label(), "UTF-8");
/// assert_eq!(sniff(b"Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9").label(), "windows-1252");
/// ```
///
/// Bytes that are not text in any encoding (the detector says so) are taken as UTF-8, in which
/// they decode to replacement characters, and are then refused as binary data.
#[cfg(not(target_arch = "wasm32"))]
pub fn sniff(bytes: &[u8]) -> Sniffed {
    sniff_without_detector(bytes)
        .unwrap_or_else(|| Sniffed { encoding: cleancopy_detector::guess(bytes).unwrap_or(UTF_8), source: Source::Detected })
}

/// What [`sniff`] finds without the detector: the byte-order mark, the `<meta>` declaration,
/// else what undeclared bytes make evident (UTF-16 without a byte-order mark when every
/// other byte is zero; UTF-8 when they are valid UTF-8, ASCII included, or cut short in the
/// last character). `None` when only a detector can tell: the bytes are in some legacy
/// encoding and do not say which. The browser then loads the detector's own wasm module.
pub fn sniff_without_detector(bytes: &[u8]) -> Option<Sniffed> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Some(Sniffed { encoding, source: Source::Bom });
    }
    if let Some(encoding) = prescan(bytes) {
        return Some(Sniffed { encoding, source: Source::Declared });
    }
    // UTF-16 first, since UTF-16 of ASCII letters is valid UTF-8 too (a NUL after each).
    let evident = bomless_utf16(bytes).or_else(|| match std::str::from_utf8(bytes) {
        Ok(_) => Some(UTF_8),
        Err(e) if e.error_len().is_none() => Some(UTF_8),
        Err(_) => None,
    });
    evident.map(|encoding| Sniffed { encoding, source: Source::Detected })
}

/// Decodes `bytes` in the encoding [`sniff`] finds (the byte-order mark left out); malformed
/// sequences become U+FFFD, as in a browser. (Natively only: in the browser the page decodes
/// with its `TextDecoder`, which keeps encoding_rs's decoders out of the wasm module.)
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> (String, Sniffed) {
    let sniffed = sniff(bytes);
    let body = match sniffed.source {
        Source::Bom => &bytes[Encoding::for_bom(bytes).map_or(0, |(_, len)| len)..],
        _ => bytes,
    };
    let (text, _) = sniffed.encoding.decode_without_bom_handling(body);
    (text.into_owned(), sniffed)
}

/// UTF-16 of mostly Latin text without a byte-order mark: in the first 1,024 bytes, nine
/// characters in ten have a zero high byte and none has a zero low byte.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(PRESCAN_BYTES) & !1];
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 >= pairs * 9 && zero_even == 0 {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 9 && zero_odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The encoding a `<meta>` element declares in the first 1,024 bytes, by the HTML standard's
/// prescan: comments and other tags are stepped over, the first `<meta>` with a `charset`
/// attribute, or with `http-equiv="content-type"` and a `content` naming a charset, decides.
/// A declared UTF-16 means UTF-8 (the bytes could not hold the ASCII declaration otherwise),
/// `x-user-defined` means windows-1252. Labels the Encoding Standard maps to its "replacement"
/// encoding (such as ISO-2022-KR) are not followed: the bytes are detected instead.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let input = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut scan = Prescan { input, at: 0 };
    while scan.at < input.len() {
        let rest = &input[scan.at..];
        if rest.starts_with(b"<!--") {
            // Ends at the first "-->" whose dashes may be the opening ones ("<!-->").
            scan.at = find(input, scan.at + 2, b"-->")? + 3;
            continue;
        }
        if starts_with_ignore_case(rest, b"<meta") && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/') {
            scan.at += 6;
            if let Some(encoding) = scan.meta()? {
                return Some(encoding);
            }
            continue;
        }
        let tag = match rest {
            [b'<', b'/', c, ..] | [b'<', c, ..] if c.is_ascii_alphabetic() => true,
            [b'<', b'!' | b'/' | b'?', ..] => false,
            _ => {
                scan.at += 1;
                continue;
            }
        };
        if tag {
            // Step over the tag name, then its attributes.
            scan.at += input[scan.at..].iter().position(|&b| is_space(b) || b == b'>')?;
            while scan.attribute()?.is_some() {}
        } else {
            scan.at = find(input, scan.at + 2, b">")?;
        }
        scan.at += 1;
    }
    None
}

/// The prescan's place in the bytes. Running off the end is `None` throughout: no declaration.
struct Prescan<'a> {
    input: &'a [u8],
    at: usize,
}

impl Prescan<'_> {
    /// The attributes of a `<meta>` (the position just past its name): the encoding it
    /// declares, or `Some(None)` when it declares none and the scan goes on after it.
    fn meta(&mut self) -> Option<Option<&'static Encoding>> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let (mut got_pragma, mut need_pragma, mut charset) = (false, None, None);
        while let Some((name, value)) = self.attribute()? {
            if seen.contains(&name) {
                continue;
            }
            match name.as_slice() {
                b"http-equiv" if value == b"content-type" => got_pragma = true,
                b"content" if charset.is_none() => {
                    if let Some(found) = charset_from_content(&value) {
                        charset = Some(Some(found));
                        need_pragma = Some(true);
                    }
                }
                b"charset" if charset.is_none() => {
                    charset = Some(Encoding::for_label(&value));
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(name);
        }
        // A `content` charset counts only beside `http-equiv="content-type"`; an unknown
        // label declares nothing.
        let declared = match (need_pragma, charset) {
            (Some(true), _) if !got_pragma => None,
            (Some(_), Some(Some(encoding))) => Some(encoding),
            _ => None,
        };
        Some(declared.filter(|&e| e != REPLACEMENT).map(|e| match e {
            e if e == UTF_16BE || e == UTF_16LE => UTF_8,
            e if e == X_USER_DEFINED => WINDOWS_1252,
            e => e,
        }))
    }

    /// The HTML standard's "get an attribute": its lower-cased name and value, `Some(None)` at
    /// the tag's `>`.
    fn attribute(&mut self) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
        let input = self.input;
        while is_space(*input.get(self.at)?) || input[self.at] == b'/' {
            self.at += 1;
        }
        if input[self.at] == b'>' {
            return Some(None);
        }
        let (mut name, mut value) = (Vec::new(), Vec::new());
        loop {
            match *input.get(self.at)? {
                b'=' if !name.is_empty() => {
                    self.at += 1;
                    break;
                }
                b if is_space(b) => {
                    while is_space(*input.get(self.at)?) {
                        self.at += 1;
                    }
                    if input[self.at] != b'=' {
                        return Some(Some((name, value)));
                    }
                    self.at += 1;
                    break;
                }
                b'/' | b'>' => return Some(Some((name, value))),
                b => name.push(b.to_ascii_lowercase()),
            }
            self.at += 1;
        }
        while is_space(*input.get(self.at)?) {
            self.at += 1;
        }
        match *input.get(self.at)? {
            quote @ (b'"' | b'\'') => loop {
                self.at += 1;
                match *input.get(self.at)? {
                    b if b == quote => {
                        self.at += 1;
                        return Some(Some((name, value)));
                    }
                    b => value.push(b.to_ascii_lowercase()),
                }
            },
            b'>' => return Some(Some((name, value))),
            b => {
                value.push(b.to_ascii_lowercase());
                self.at += 1;
            }
        }
        loop {
            match *input.get(self.at)? {
                b if is_space(b) || b == b'>' => return Some(Some((name, value))),
                b => value.push(b.to_ascii_lowercase()),
            }
            self.at += 1;
        }
    }
}

/// The HTML standard's "extract a character encoding from a meta element": the label after
/// the first `charset=` of a `content` value (quoted, or up to white space or `;`), when it is
/// a known label.
fn charset_from_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut at = 0;
    loop {
        at = find_ignore_case(content, at, b"charset")? + 7;
        while content.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        if content.get(at) == Some(&b'=') {
            break;
        }
    }
    at += 1;
    while content.get(at).is_some_and(|&b| is_space(b)) {
        at += 1;
    }
    match *content.get(at)? {
        quote @ (b'"' | b'\'') => {
            let end = content[at + 1..].iter().position(|&b| b == quote)?;
            Encoding::for_label(&content[at + 1..at + 1 + end])
        }
        _ => {
            let end = content[at..].iter().position(|&b| is_space(b) || b == b';').map_or(content.len(), |n| at + n);
            Encoding::for_label(&content[at..end])
        }
    }
}

/// The HTML standard's ASCII white space and the prescan's: tab, line feed, form feed,
/// carriage return, space.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn starts_with_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

/// Where `needle` first occurs in `haystack` at or after `from`.
fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

fn find_ignore_case(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(head: &str) -> Option<&'static str> {
        prescan(head.as_bytes()).map(|e| e.name())
    }

    #[test]
    fn meta_charset_is_found_in_any_case_and_quoting() {
        assert_eq!(declared("<meta charset=ISO-8859-2>"), Some("ISO-8859-2"));
        assert_eq!(declared("<META CHARSET='koi8-r'>"), Some("KOI8-R"));
        assert_eq!(declared("<meta charset=\" shift_jis \">"), Some("Shift_JIS"));
        assert_eq!(declared("<meta/charset=big5>"), Some("Big5"));
    }

    #[test]
    fn http_equiv_content_type_is_found_whatever_the_attribute_order() {
        assert_eq!(declared(r#"<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">"#), Some("EUC-KR"));
        assert_eq!(declared(r#"<meta content='text/html;charset="gb2312"' http-equiv=content-type>"#), Some("GBK"));
    }

    #[test]
    fn content_without_http_equiv_declares_nothing() {
        assert_eq!(declared(r#"<meta name="x" content="text/html; charset=euc-jp">"#), None);
    }

    #[test]
    fn declarations_in_comments_scripts_attributes_and_past_1024_bytes_are_not_followed() {
        assert_eq!(declared("<!-- <meta charset=koi8-r> --><p>x"), None);
        assert_eq!(declared("<!--><meta charset=koi8-r>"), Some("KOI8-R"), "'<!-->' is a whole comment");
        assert_eq!(declared("<div title='<meta charset=koi8-r>'>"), None);
        assert_eq!(declared(&format!("<p>{}</p><meta charset=koi8-r>", "x".repeat(1100))), None);
    }

    #[test]
    fn an_unknown_label_makes_the_meta_declare_nothing_and_the_next_one_counts() {
        assert_eq!(declared("<meta charset=klingon><meta charset=windows-1250>"), Some("windows-1250"));
    }

    #[test]
    fn utf16_declared_in_ascii_means_utf8_and_x_user_defined_means_windows_1252() {
        assert_eq!(declared("<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(declared("<meta charset=x-user-defined>"), Some("windows-1252"));
    }

    #[test]
    fn a_replacement_label_is_not_followed() {
        assert_eq!(declared("<meta charset=iso-2022-kr>"), None);
    }

    #[test]
    fn a_tag_cut_off_by_the_end_declares_nothing() {
        assert_eq!(declared("<meta charset=\"koi8-r"), None);
        assert_eq!(declared("<meta http-equiv=content-type content=\"text/html; charset=koi8-r"), None);
    }

    #[test]
    fn a_byte_order_mark_wins_over_a_declaration() {
        let sniffed = sniff(b"\xEF\xBB\xBF<meta charset=windows-1252>caf\xC3\xA9");
        assert_eq!((sniffed.label(), sniffed.source), ("UTF-8", Source::Bom));
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_recognised() {
        let le: Vec<u8> = "Hello, world".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Hello, world".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff(&le).label(), "UTF-16LE");
        assert_eq!(sniff(&be).label(), "UTF-16BE");
    }

    #[test]
    fn ascii_and_utf8_cut_mid_character_are_utf8() {
        assert_eq!(sniff(b"plain words").label(), "UTF-8");
        assert_eq!(sniff("Grüße aus Köln".as_bytes()).label(), "UTF-8");
        assert_eq!(sniff(&"caf\u{e9}".as_bytes()[..4]).label(), "UTF-8");
    }

    #[test]
    fn undeclared_legacy_bytes_need_the_detector() {
        assert_eq!(sniff_without_detector(b"Caf\xe9 cr\xe8me"), None);
    }
}
