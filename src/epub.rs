//! The clean copy as an EPUB 3 book: its documents written here, packed (natively) by the
//! `cleancopy-epub` crate, which the browser loads as a module of its own.
//!
//! A book holds one XHTML document (the reader HTML of `render`, written as XML), a navigation
//! document made from the article's headings, a small style sheet, the package document that
//! lists them with the article's metadata, and the images whose bytes were at hand: an image
//! that is not packed is shown as its text alternative linked to its address, so that the book
//! refers to no remote resource.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Block};
use crate::render::{allowed_url, attr, escape};

/// Where the package document is (`META-INF/container.xml` names it).
pub const PACKAGE_PATH: &str = "EPUB/package.opf";

/// The container's pointer to the package document.
const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles><rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>\n\
</container>\n";

/// The book's style sheet.
const STYLE: &str = include_str!("epub.css");

/// An image packed in the book: its address in the article and its media type
/// (`image/png`, `image/jpeg` or `image/gif`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackedImage {
    /// The image's address, as the article gives it.
    pub src: String,
    /// Its media type, from its bytes.
    #[serde(rename = "type")]
    pub media_type: String,
}

/// One file of the book's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Its path in the container.
    pub path: String,
    /// Its content.
    pub text: String,
}

/// The book's files but for the `mimetype` file and the images' bytes: the text files, in the
/// order they are packed, and for each image given, the path its bytes are packed at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parts {
    /// The text files.
    pub files: Vec<Part>,
    /// The images' paths in the container, in the order of the images given.
    pub images: Vec<String>,
}

/// The images' addresses an EPUB may pack, in order, each once: those the reader HTML shows
/// (http, https, or a `data:` picture).
pub fn image_addresses(article: &Article) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Figure { image, .. } => out.push(image.src.clone()),
                Block::List { items, .. } => items.iter().for_each(|item| walk(item, out)),
                Block::Quote { blocks } => walk(blocks, out),
                _ => {}
            }
        }
    }
    let mut all: Vec<String> = article.lead_image.iter().map(|i| i.src.clone()).collect();
    walk(&article.blocks, &mut all);
    let mut out: Vec<String> = Vec::new();
    for src in all {
        if allowed_url(&src, true) && !out.contains(&src) {
            out.push(src);
        }
    }
    out
}

/// The extension of a file of `media_type`.
fn extension(media_type: &str) -> Option<&'static str> {
    match media_type {
        "image/png" => Some("png"),
        "image/jpeg" => Some("jpg"),
        "image/gif" => Some("gif"),
        _ => None,
    }
}

/// The book's documents for `article`, with `images` packed (those of another type are left
/// out), `modified` the time the book is made (`YYYY-MM-DDThh:mm:ssZ`).
pub fn parts(article: &Article, images: &[PackedImage], modified: &str) -> Parts {
    let paths: Vec<String> = images.iter().enumerate().map(|(i, image)| extension(&image.media_type).map(|ext| format!("images/{}.{ext}", i + 1)).unwrap_or_default()).collect();
    let image_file = |src: &str| images.iter().position(|i| i.src == src).map(|i| paths[i].clone()).filter(|p| !p.is_empty());
    let lang = language(article);
    let rtl = article.dir == Some(crate::Direction::Rtl);
    let title = article.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or("Untitled");
    let html_attrs = {
        let mut a = String::new();
        if let Some(lang) = &lang {
            let _ = write!(a, " lang=\"{0}\" xml:lang=\"{0}\"", attr(lang));
        }
        if rtl {
            a.push_str(" dir=\"rtl\"");
        }
        a
    };
    let head = |kind: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"{html_attrs}>\n\
             <head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body{kind}>\n",
            escape(title)
        )
    };
    let body = crate::render::xhtml(&crate::render::html_for_book(article, &image_file));
    let article_doc = format!("{}{body}</body>\n</html>\n", head(""));
    let mut items = String::new();
    crate::render::contents_items(article, "article.xhtml", "", &mut items);
    let nav = format!(
        "{}<nav epub:type=\"toc\" id=\"toc\">\n<ol>\n<li><a href=\"article.xhtml\">{}</a></li>\n{}</ol>\n</nav>\n</body>\n</html>\n",
        head(""),
        escape(title),
        crate::render::xhtml(&items)
    );
    let package = package(article, title, lang.as_deref(), rtl, images, &paths, modified);
    let files = vec![
        Part { path: "META-INF/container.xml".into(), text: CONTAINER.into() },
        Part { path: PACKAGE_PATH.into(), text: package },
        Part { path: "EPUB/nav.xhtml".into(), text: nav },
        Part { path: "EPUB/article.xhtml".into(), text: article_doc },
        Part { path: "EPUB/style.css".into(), text: STYLE.into() },
    ];
    Parts { files, images: paths.into_iter().map(|p| if p.is_empty() { p } else { format!("EPUB/{p}") }).collect() }
}

/// The article's language as a well-formed language tag, when it has one.
fn language(article: &Article) -> Option<String> {
    let lang = article.lang.as_deref()?.trim().replace('_', "-");
    let well_formed = !lang.is_empty()
        && lang.split('-').all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        && lang.split('-').next().is_some_and(|s| s.bytes().all(|b| b.is_ascii_alphabetic()));
    well_formed.then_some(lang)
}

/// The package document: metadata, the files, and the reading order.
fn package(article: &Article, title: &str, lang: Option<&str>, rtl: bool, images: &[PackedImage], paths: &[String], modified: &str) -> String {
    let mut meta = String::new();
    let _ = writeln!(meta, "<dc:identifier id=\"uid\">{}</dc:identifier>", identifier(article));
    let _ = writeln!(meta, "<dc:title>{}</dc:title>", xml(title));
    let _ = writeln!(meta, "<dc:language>{}</dc:language>", lang.unwrap_or("und"));
    if let Some(byline) = article.byline.as_deref().map(creator).filter(|b| !b.is_empty()) {
        let _ = writeln!(meta, "<dc:creator>{}</dc:creator>", xml(byline));
    }
    if let Some(date) = article.published.as_deref().and_then(crate::dates::machine_date) {
        let _ = writeln!(meta, "<dc:date>{date}</dc:date>");
    }
    if let Some(site) = article.site_name.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let _ = writeln!(meta, "<dc:publisher>{}</dc:publisher>", xml(site));
    }
    if let Some(url) = article.source_url.as_deref().filter(|u| allowed_url(u, false)) {
        let _ = writeln!(meta, "<dc:source>{}</dc:source>", xml(url));
    }
    if let Some(about) = article.standfirst.as_deref().or(article.excerpt.as_deref()).map(str::trim).filter(|s| !s.is_empty()) {
        let _ = writeln!(meta, "<dc:description>{}</dc:description>", xml(about));
    }
    let _ = writeln!(meta, "<meta property=\"dcterms:modified\">{}</meta>", xml(modified));
    let mut manifest = String::from(
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n\
         <item id=\"article\" href=\"article.xhtml\" media-type=\"application/xhtml+xml\"/>\n\
         <item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n",
    );
    for (i, (image, path)) in images.iter().zip(paths).enumerate() {
        if !path.is_empty() {
            let _ = writeln!(manifest, "<item id=\"image{}\" href=\"{path}\" media-type=\"{}\"/>", i + 1, image.media_type);
        }
    }
    let lang_attr = lang.map(|l| format!(" xml:lang=\"{}\"", attr(l))).unwrap_or_default();
    let (dir, progression) = if rtl { (" dir=\"rtl\"", " page-progression-direction=\"rtl\"") } else { ("", "") };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\"{lang_attr}{dir}>\n\
         <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n{meta}</metadata>\n<manifest>\n{manifest}</manifest>\n\
         <spine{progression}>\n<itemref idref=\"article\"/>\n</spine>\n</package>\n"
    )
}

/// Text for XML content (the reader HTML's escaping, with no named references).
fn xml(s: &str) -> String {
    crate::render::xhtml(&escape(s))
}

/// The writer a byline names, without the "By" before it.
fn creator(byline: &str) -> &str {
    let b = byline.trim();
    match b.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => b[3..].trim(),
        _ => b,
    }
}

/// The book's identifier: a UUID made from the article's address, title and text, so that the
/// same article makes the same book.
fn identifier(article: &Article) -> String {
    let key = format!("{}\n{}\n{}", article.source_url.as_deref().unwrap_or(""), article.title.as_deref().unwrap_or(""), crate::render::body_text(article));
    // FNV-1a, twice with different starting points, for 128 bits.
    let fnv = |seed: u64| key.bytes().fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
    // Set as a version 8 (custom) UUID of the RFC 9562 variant.
    let a = (a & !0xf000) | 0x8000;
    let b = (b & !(0xc << 60)) | (0x8 << 60);
    format!("urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xffff, b >> 48, b & 0xffff_ffff_ffff)
}

/// A time as `dcterms:modified` gives it, from seconds since 1970.
pub fn modified_at(seconds: u64) -> String {
    let (days, secs) = (seconds / 86_400, seconds % 86_400);
    // Days to a civil date (the proleptic Gregorian calendar), after Howard Hinnant's algorithm.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs / 60 % 60, secs % 60)
}

/// The bytes of a `data:` address, when it is one and decodes (base64, or percent escapes).
pub fn data_bytes(src: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let src = src.trim();
    let rest = src.get(5..).filter(|_| src[..5].eq_ignore_ascii_case("data:"))?;
    let (head, data) = rest.split_once(',')?;
    let data = unpercent(data);
    if head.to_ascii_lowercase().ends_with(";base64") {
        let clean: Vec<u8> = data.into_iter().filter(|b| !b.is_ascii_whitespace() && *b != b'=').collect();
        base64::engine::general_purpose::STANDARD_NO_PAD.decode(clean).ok()
    } else {
        Some(data)
    }
}

/// `s`'s bytes with its percent escapes decoded.
fn unpercent(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The whole book natively: the images of `data:` addresses packed, the others linked (nothing
/// is fetched).
#[cfg(not(target_arch = "wasm32"))]
pub fn book(article: &Article, modified: &str) -> Vec<u8> {
    let mut images = Vec::new();
    let mut bytes = Vec::new();
    for src in image_addresses(article) {
        if let Some((data, media_type)) = data_bytes(&src).and_then(|d| cleancopy_epub::media_type(&d).map(|t| (d, t))) {
            images.push(PackedImage { src, media_type: media_type.into() });
            bytes.push(data);
        }
    }
    let parts = parts(article, &images, modified);
    let mut packer = cleancopy_epub::Packer::new();
    for part in &parts.files {
        packer.add(&part.path, part.text.as_bytes()).expect("memory takes the file");
    }
    for (path, data) in parts.images.iter().zip(&bytes) {
        packer.add(path, data).expect("memory takes the file");
    }
    packer.finish().expect("memory takes the archive")
}
