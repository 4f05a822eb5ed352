//! The clean copy as an EPUB 3 book: what needs the article is written here (its XHTML, its
//! table of contents, its metadata), the rest by the `cleancopy-epub` crate, which the browser
//! loads as a module of its own and which packs the book.
//!
//! A book holds one XHTML document (the reader HTML of `render`, written as XML), a navigation
//! document made from the article's headings, a small style sheet, the package document that
//! lists them with the article's metadata, and the images whose bytes were at hand: an image
//! that is not packed is shown as its text alternative linked to its address, so that the book
//! refers to no remote resource.

use serde::Serialize;

use crate::article::Article;
use crate::render::allowed_url;

/// An image the book packs: its address in the article and its media type (`image/png`,
/// `image/jpeg` or `image/gif`, as `cleancopy_epub::media_type` tells from its bytes).
#[derive(Debug, Clone, PartialEq)]
pub struct PackedImage {
    /// The image's address, as the article gives it.
    pub src: String,
    /// Its media type.
    pub media_type: String,
}

/// The images' addresses an EPUB may pack, in order, each once: those the reader HTML shows
/// (http, https, or a `data:` picture). (The page reads them from the reader HTML.)
#[cfg(not(target_arch = "wasm32"))]
pub fn image_addresses(article: &Article) -> Vec<String> {
    use crate::article::Block;
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

/// The book of `article`, with `images` packed (one of another type is not), as the JSON the
/// `cleancopy-epub` crate writes the book's documents from and packs: the article (the reader
/// HTML as a book holds it, see `render::html_for_book`), its headings as a table of contents,
/// its metadata, each image's path. The package document, navigation and style sheet are
/// written there, so that the app's main module carries only what needs the article.
pub fn book_json(article: &Article, images: &[PackedImage]) -> String {
    let paths: Vec<String> = images
        .iter()
        .enumerate()
        .map(|(i, image)| match image.media_type.as_str() {
            "image/png" => format!("images/{}.png", i + 1),
            "image/jpeg" => format!("images/{}.jpg", i + 1),
            "image/gif" => format!("images/{}.gif", i + 1),
            _ => String::new(),
        })
        .collect();
    let image_file = |src: &str| images.iter().position(|i| i.src == src).map(|i| paths[i].clone()).filter(|p| !p.is_empty());
    let mut contents = String::new();
    crate::render::contents_items(article, "article.xhtml", "", &mut contents);
    let book = Book {
        title: trimmed(&article.title).unwrap_or("Untitled"),
        lang: trimmed(&article.lang),
        rtl: article.dir == Some(crate::Direction::Rtl),
        byline: trimmed(&article.byline),
        date: article.published.as_deref().and_then(crate::dates::machine_date),
        site: trimmed(&article.site_name),
        source: article.source_url.as_deref().filter(|u| allowed_url(u, false)),
        description: trimmed(&article.standfirst).or(trimmed(&article.excerpt)),
        body: crate::render::html_for_book(article, &image_file),
        contents,
        images: images.iter().zip(paths.iter()).map(|(image, path)| Picture { path, media_type: &image.media_type }).collect(),
    };
    serde_json::to_string(&book).unwrap_or_default()
}

/// What the `cleancopy-epub` crate makes the book from (its `Book`, as JSON).
#[derive(Serialize)]
struct Book<'a> {
    title: &'a str,
    lang: Option<&'a str>,
    rtl: bool,
    byline: Option<&'a str>,
    date: Option<String>,
    site: Option<&'a str>,
    source: Option<&'a str>,
    description: Option<&'a str>,
    body: String,
    contents: String,
    images: Vec<Picture<'a>>,
}

/// An image's file in the book: its path beside the article (empty for one not packed) and
/// its media type.
#[derive(Serialize)]
struct Picture<'a> {
    path: &'a str,
    #[serde(rename = "type")]
    media_type: &'a str,
}

/// The text of a field, trimmed, when there is any.
fn trimmed(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A time as `dcterms:modified` gives it, from seconds since 1970.
#[cfg(not(target_arch = "wasm32"))]
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
#[cfg(not(target_arch = "wasm32"))]
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
#[cfg(not(target_arch = "wasm32"))]
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
/// is fetched); `modified`, the time it is made (`YYYY-MM-DDThh:mm:ssZ`).
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
    let mut packer = cleancopy_epub::Packer::book(&book_json(article, &images), modified).expect("the core writes the book's JSON");
    for (i, data) in bytes.iter().enumerate() {
        packer.add_image(i, data).expect("memory takes the file");
    }
    packer.finish().expect("memory takes the archive")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Block;

    #[test]
    fn the_book_is_json_whatever_its_text() {
        let title = "A \"quoted\" \\ title\twith\u{1}controls and ünïcode";
        let article = Article { title: Some(title.into()), dir: Some(crate::Direction::Rtl), blocks: vec![Block::paragraph("Text.")], ..Article::default() };
        let json: serde_json::Value = serde_json::from_str(&book_json(&article, &[])).expect("JSON");
        assert_eq!(json["title"], title);
        assert_eq!(json["rtl"], true);
        assert!(json["body"].as_str().unwrap().contains("<p>Text.</p>"));
        assert_eq!(json["images"], serde_json::json!([]));
    }
}
