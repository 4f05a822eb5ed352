//! Writes an EPUB 3 book's documents and packs them into its ZIP container: the `mimetype` file
//! first and stored, every other file deflated, as the EPUB Open Container Format asks.
//!
//! The core (`cleancopy::epub`) writes what needs the article (its XHTML, its table of
//! contents, its metadata) as a [`Book`] in JSON; this crate writes the container file, the
//! package document, the navigation document and the style sheet around it, packs them with
//! the images' bytes, and tells an image's media type from its first bytes. In the browser it
//! is a wasm module of its own, loaded the first time the reader saves an EPUB, and carries no
//! copy of the core.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use serde::Deserialize;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The media type of an EPUB, the content of its `mimetype` file.
pub const MIMETYPE: &str = "application/epub+zip";

/// The container's pointer to the package document.
const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles><rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>\n\
</container>\n";

/// The book's style sheet.
const STYLE: &str = include_str!("style.css");

/// What the core gives for a book (`cleancopy::epub::book_json`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Book {
    /// The title.
    pub title: String,
    /// The language tag, when known.
    pub lang: Option<String>,
    /// Written right to left.
    pub rtl: bool,
    /// The byline ("By Jane Doe").
    pub byline: Option<String>,
    /// The publication date (ISO 8601, as precise as the page said).
    pub date: Option<String>,
    /// The publication or site.
    pub site: Option<String>,
    /// The original page's address.
    pub source: Option<String>,
    /// A sentence or two about the story.
    pub description: Option<String>,
    /// The article as the core's reader HTML writes it for a book (one `<article>`).
    pub body: String,
    /// The items (`<li>`) of the table of contents after the title's, as HTML.
    pub contents: String,
    /// Each image given: its path beside the article (empty when not packed) and media type.
    pub images: Vec<Picture>,
}

/// An image's file in the book.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Picture {
    /// Its path beside the article (`images/1.png`), or empty when it is not packed.
    pub path: String,
    /// Its media type.
    #[serde(rename = "type")]
    pub media_type: String,
}

/// An EPUB container being filled.
pub struct Packer {
    zip: ZipWriter<Cursor<Vec<u8>>>,
    images: Vec<Picture>,
}

impl Packer {
    /// A container holding the `mimetype` file alone, stored uncompressed as the first entry.
    pub fn new() -> Packer {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        // Writing to memory cannot fail.
        zip.start_file("mimetype", stored).expect("a new archive takes a file");
        zip.write_all(MIMETYPE.as_bytes()).expect("memory takes the bytes");
        Packer { zip, images: Vec::new() }
    }

    /// A container with the book's documents written from `json` (a [`Book`]), `modified` the
    /// time it is made (`YYYY-MM-DDThh:mm:ssZ`); its images are added with [`Packer::add_image`].
    pub fn book(json: &str, modified: &str) -> Result<Packer, String> {
        let book: Book = serde_json::from_str(json).map_err(|e| format!("the book's description cannot be read: {e}"))?;
        let mut packer = Packer::new();
        for (path, text) in documents(&book, &identifier(json), modified) {
            packer.add(path, text.as_bytes())?;
        }
        packer.images = book.images;
        Ok(packer)
    }

    /// Adds the bytes of the book's image number `index` (in the order the book gives them);
    /// an image the book does not pack is left out.
    pub fn add_image(&mut self, index: usize, bytes: &[u8]) -> Result<(), String> {
        match self.images.get(index).map(|p| p.path.clone()).filter(|p| !p.is_empty()) {
            Some(path) => self.add(&format!("EPUB/{path}"), bytes),
            None => Ok(()),
        }
    }

    /// Adds the file `name` (a path inside the container, such as `EPUB/article.xhtml`); text is
    /// deflated, pictures (already compressed) are stored.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let method = if media_type(bytes).is_some() { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        self.zip.start_file(name, SimpleFileOptions::default().compression_method(method)).map_err(|e| e.to_string())?;
        self.zip.write_all(bytes).map_err(|e| e.to_string())
    }

    /// The container's bytes.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        self.zip.finish().map(Cursor::into_inner).map_err(|e| e.to_string())
    }
}

impl Default for Packer {
    fn default() -> Self {
        Self::new()
    }
}

/// The book's text files, in the order they are packed: container, package document,
/// navigation, article, style sheet.
pub fn documents(book: &Book, identifier: &str, modified: &str) -> Vec<(&'static str, String)> {
    let lang = book.lang.as_deref().and_then(language);
    let title = if book.title.trim().is_empty() { "Untitled" } else { book.title.trim() };
    let mut html_attrs = String::new();
    if let Some(lang) = lang {
        let _ = write!(html_attrs, " lang=\"{lang}\" xml:lang=\"{lang}\"");
    }
    if book.rtl {
        html_attrs.push_str(" dir=\"rtl\"");
    }
    let head = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"{html_attrs}>\n\
         <head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n",
        xml(title)
    );
    let article = format!("{head}{}</body>\n</html>\n", xhtml(&book.body));
    let nav = format!("{head}<nav epub:type=\"toc\" id=\"toc\">\n<ol>\n<li><a href=\"article.xhtml\">{}</a></li>\n{}</ol>\n</nav>\n</body>\n</html>\n", xml(title), xhtml(&book.contents));
    vec![
        ("META-INF/container.xml", CONTAINER.to_string()),
        ("EPUB/package.opf", package(book, title, lang, identifier, modified)),
        ("EPUB/nav.xhtml", nav),
        ("EPUB/article.xhtml", article),
        ("EPUB/style.css", STYLE.to_string()),
    ]
}

/// The core's reader HTML (or that HTML as a browser serializes it) written as XHTML: void
/// elements closed, the one named character reference XML lacks written as the character,
/// characters XML cannot carry left out. The renderer escapes every `<` and `&` of text, so
/// the only tags and references are its own.
pub fn xhtml(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 64);
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("&nbsp;") {
            out.push('\u{a0}');
            rest = after;
        } else if rest.starts_with("<br>") || rest.starts_with("<hr>") || rest.starts_with("<img ") {
            let end = rest.find('>').unwrap_or(rest.len() - 1);
            out.push_str(&rest[..end]);
            out.push_str("/>");
            rest = &rest[end + 1..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out.retain(|c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..));
    out
}

/// The package document: metadata, the files, and the reading order.
fn package(book: &Book, title: &str, lang: Option<&str>, identifier: &str, modified: &str) -> String {
    let mut meta = String::new();
    let _ = writeln!(meta, "<dc:identifier id=\"uid\">{identifier}</dc:identifier>");
    let _ = writeln!(meta, "<dc:title>{}</dc:title>", xml(title));
    let _ = writeln!(meta, "<dc:language>{}</dc:language>", lang.unwrap_or("und"));
    let fields = [("creator", book.byline.as_deref().map(creator)), ("date", book.date.as_deref()), ("publisher", book.site.as_deref()), ("source", book.source.as_deref()), ("description", book.description.as_deref())];
    for (name, value) in fields {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            let _ = writeln!(meta, "<dc:{name}>{}</dc:{name}>", xml(value));
        }
    }
    let _ = writeln!(meta, "<meta property=\"dcterms:modified\">{}</meta>", xml(modified));
    let mut manifest = String::from(
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n\
         <item id=\"article\" href=\"article.xhtml\" media-type=\"application/xhtml+xml\"/>\n\
         <item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n",
    );
    for (i, picture) in book.images.iter().enumerate() {
        if !picture.path.is_empty() {
            let _ = writeln!(manifest, "<item id=\"image{}\" href=\"{}\" media-type=\"{}\"/>", i + 1, xml(&picture.path), xml(&picture.media_type));
        }
    }
    let lang_attr = lang.map(|l| format!(" xml:lang=\"{l}\"")).unwrap_or_default();
    let (dir, progression) = if book.rtl { (" dir=\"rtl\"", " page-progression-direction=\"rtl\"") } else { ("", "") };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\"{lang_attr}{dir}>\n\
         <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n{meta}</metadata>\n<manifest>\n{manifest}</manifest>\n\
         <spine{progression}>\n<itemref idref=\"article\"/>\n</spine>\n</package>\n"
    )
}

/// `lang` when it is a well-formed language tag (letters first, then parts of letters and
/// digits, one to eight long, joined by hyphens).
fn language(lang: &str) -> Option<&str> {
    let lang = lang.trim();
    let well_formed = !lang.is_empty()
        && lang.split('-').all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        && lang.split('-').next().is_some_and(|s| s.bytes().all(|b| b.is_ascii_alphabetic()));
    well_formed.then_some(lang)
}

/// Text for XML content or a quoted attribute: `&`, `<`, `>` and `"` escaped, the characters
/// XML cannot carry left out.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'.. => out.push(c),
            _ => {}
        }
    }
    out
}

/// The writer a byline names, without the "By" before it.
fn creator(byline: &str) -> &str {
    let b = byline.trim();
    match b.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => b[3..].trim(),
        _ => b,
    }
}

/// The book's identifier: a UUID made from what the book holds, so that the same article makes
/// the same book.
pub fn identifier(json: &str) -> String {
    // FNV-1a, twice with different starting points, for 128 bits.
    let fnv = |seed: u64| json.bytes().fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
    // Marked as a version 8 (custom) UUID of the RFC 9562 variant.
    let a = (a & !0xf000) | 0x8000;
    let b = (b & !(0xc << 60)) | (0x8 << 60);
    format!("urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xffff, b >> 48, b & 0xffff_ffff_ffff)
}

/// The EPUB core media type of a picture, from its first bytes: PNG, JPEG or GIF, the raster
/// types every EPUB 3 reading system shows; `None` for anything else.
///
/// ```
/// assert_eq!(cleancopy_epub::media_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
/// assert_eq!(cleancopy_epub::media_type(b"<svg"), None);
/// ```
pub fn media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else {
        None
    }
}

/// The wasm-bindgen glue: a packer the page fills.
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// An EPUB being packed (see [`crate::Packer`]).
    #[wasm_bindgen]
    pub struct EpubPacker(Option<crate::Packer>);

    #[wasm_bindgen]
    impl EpubPacker {
        /// A container with the documents of the book `json` (the main module's `epubBook`),
        /// made at `modified` (`YYYY-MM-DDThh:mm:ssZ`).
        #[wasm_bindgen(constructor)]
        pub fn new(json: &str, modified: &str) -> Result<EpubPacker, JsError> {
            crate::Packer::book(json, modified).map(|p| EpubPacker(Some(p))).map_err(|e| JsError::new(&e))
        }

        /// Adds the bytes of the book's image number `index`.
        #[wasm_bindgen(js_name = addImage)]
        pub fn add_image(&mut self, index: usize, bytes: &[u8]) -> Result<(), JsError> {
            self.0.as_mut().ok_or_else(|| JsError::new("the EPUB is already finished"))?.add_image(index, bytes).map_err(|e| JsError::new(&e))
        }

        /// The EPUB's bytes; the packer is empty afterwards.
        pub fn finish(&mut self) -> Result<Vec<u8>, JsError> {
            self.0.take().ok_or_else(|| JsError::new("the EPUB is already finished"))?.finish().map_err(|e| JsError::new(&e))
        }
    }

    /// The EPUB media type of a picture's bytes (`image/png`, `image/jpeg`, `image/gif`), or
    /// an empty string for one an EPUB cannot carry.
    #[wasm_bindgen(js_name = mediaType)]
    pub fn media_type(bytes: &[u8]) -> String {
        crate::media_type(bytes).unwrap_or_default().to_string()
    }
}
