//! Share links: a whole [`Article`] carried in the `#fragment` of the app's address, which
//! browsers never send to a server, so that a link opens the same clean copy with no server.
//!
//! A fragment is `cc2.` and then the article in a compact form (its text with the structure
//! marked by control characters, see [`compact`]), compressed with PPMd (variant H, order 6,
//! 4 MiB of model memory) with an end marker, written in the 78 characters a fragment holds as
//! they are, with a check character last (see `alphabet.rs`). The version tag comes first so that formats can be told apart; the codec's
//! parameters are fixed by the version, never read from the link. Links of the first version,
//! `cc1.` (the article's JSON, packed the same way), still open.
//!
//! PPMd was picked by measurement over the AEB corpus (`cargo bench --bench share`): per
//! 1,000 characters of article text, deflate gives about 0.84 of lz-string's length and PPMd
//! about 0.73; brotli gives about 0.64 but its encoder and dictionary would add some 450 KB
//! (gzip) to the WebAssembly.
//!
//! A link is input from anyone: decoding checks the tag, the alphabet, the link's length and
//! the decompressed size (at most [`MAX_DECODED_BYTES`]), and the article it yields goes
//! through the same renderer and sanitizer as a paste.

use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use thiserror::Error;

use crate::article::Article;

mod alphabet;
pub mod compact;
mod mail;

pub use mail::{mailto, rich_link, MAILTO_LIMIT};

/// The version tag that starts every fragment this code writes.
pub const VERSION: &str = "cc2";
/// The first version: the article as JSON.
const VERSION_JSON: &str = "cc1";
/// The most JSON a link may decompress to.
pub const MAX_DECODED_BYTES: usize = 8 << 20;
/// The longest fragment read (browsers keep addresses of about 2 MB at most).
pub const MAX_LINK_CHARS: usize = 4 << 20;

const ORDER: u32 = 6;
const MEMORY: u32 = 4 << 20;

/// Why a share link could not be opened.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not a Clean Copy share link at all.
    #[error("this address does not carry an article")]
    NotALink,
    /// A link made by a newer or unknown version of Clean Copy.
    #[error("this link was made by another version of Clean Copy ({0}) and cannot be read here")]
    UnknownVersion(String),
    /// Characters outside the link alphabet, or data that does not decompress to an article:
    /// a link cut short by a mail program, or changed by hand.
    #[error("this link is damaged (perhaps cut short when it was copied); ask for it again")]
    Damaged,
    /// A first-version link where its reader is not at hand (the browser's main module; the
    /// app opens these with the `legacy` module).
    #[error("this link was made by an earlier version of Clean Copy and needs its reader, which is not loaded")]
    EarlierVersion,
    /// The link, or what it decompresses to, is larger than Clean Copy reads.
    #[error("this link holds more than Clean Copy opens ({limit} bytes at most)")]
    TooLarge {
        /// The limit that was reached.
        limit: usize,
    },
}

/// The fragment (without `#`) that carries `article`.
///
/// The page's description (`excerpt`) is left out: the reader never shows it.
pub fn encode(article: &Article) -> String {
    pack(VERSION, compact::write(article).as_bytes())
}

/// A first-version (`cc1`) fragment: the article's JSON, empty fields left out. Links are no
/// longer written this way; tests make them to check that they still open.
#[doc(hidden)]
pub fn encode_json(article: &Article) -> String {
    use serde_json::Value;
    let mut value = serde_json::to_value(article).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.retain(|k, v| k != "excerpt" && !matches!(v, Value::Null) && v.as_array().is_none_or(|a| !a.is_empty()));
    }
    pack(VERSION_JSON, value.to_string().as_bytes())
}

fn pack(version: &str, bytes: &[u8]) -> String {
    let packed = compress(bytes);
    let mut out = String::with_capacity(version.len() + 1 + packed.len() * 4 / 3 + 4);
    out.push_str(version);
    out.push('.');
    if version == VERSION_JSON {
        URL_SAFE_NO_PAD.encode_string(&packed, &mut out);
    } else {
        alphabet::encode(&packed, &mut out);
    }
    out
}

/// The article a fragment (with or without its `#`) carries.
///
/// In the browser's main module a first-version link gives [`ShareError::EarlierVersion`]:
/// reading its JSON takes serde_json's reader, which the app loads as a module of its own only
/// for such a link (`legacy/`, which calls [`decode_json_link`]).
pub fn decode(fragment: &str) -> Result<Article, ShareError> {
    let (version, payload) = split(fragment)?;
    if version == VERSION_JSON {
        #[cfg(target_arch = "wasm32")]
        return Err(ShareError::EarlierVersion);
        #[cfg(not(target_arch = "wasm32"))]
        return json_article(payload);
    }
    let bytes = decompress(&alphabet::decode(payload).ok_or(ShareError::Damaged)?)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| ShareError::Damaged)?;
    compact::read(text).ok_or(ShareError::Damaged)
}

/// The article a first-version (`cc1.`) fragment carries; any other fragment is
/// [`ShareError::NotALink`] or [`ShareError::UnknownVersion`].
pub fn decode_json_link(fragment: &str) -> Result<Article, ShareError> {
    match split(fragment)? {
        (VERSION_JSON, payload) => json_article(payload),
        (VERSION, _) => Err(ShareError::NotALink),
        (version, _) => Err(ShareError::UnknownVersion(version.to_string())),
    }
}

fn json_article(payload: &str) -> Result<Article, ShareError> {
    let packed = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).map_err(|_| ShareError::Damaged)?;
    serde_json::from_slice::<Article>(&decompress(&packed)?).map_err(|_| ShareError::Damaged)
}

/// A fragment's version tag (one this code reads) and its payload.
fn split(fragment: &str) -> Result<(&str, &str), ShareError> {
    let fragment = fragment.trim().trim_start_matches('#');
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge { limit: MAX_LINK_CHARS });
    }
    let Some((version, payload)) = fragment.split_once('.') else { return Err(ShareError::NotALink) };
    if version != VERSION && version != VERSION_JSON {
        let looks_like_ours = version.len() <= 8 && version.starts_with("cc") && version[2..].chars().all(|c| c.is_ascii_digit());
        return Err(if looks_like_ours { ShareError::UnknownVersion(version.to_string()) } else { ShareError::NotALink });
    }
    Ok((version, payload))
}

/// A file name for the article saved as `ext`: the title's words, lower case, joined by
/// hyphens, at most 60 characters ("ferry-saved-after-long-fight.html").
pub fn file_name(article: &Article, ext: &str) -> String {
    let title = article.title.as_deref().unwrap_or("");
    let mut stem = String::new();
    for word in title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        if stem.chars().count() + word.chars().count() + 1 > 60 {
            break;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(&word);
    }
    if stem.is_empty() {
        stem.push_str("clean-copy");
    }
    format!("{stem}.{ext}")
}

fn compress(bytes: &[u8]) -> Vec<u8> {
    let encode = || -> std::io::Result<Vec<u8>> {
        let mut encoder = ppmd_rust::Ppmd7Encoder::new(Vec::new(), ORDER, MEMORY).map_err(std::io::Error::other)?;
        encoder.write_all(bytes)?;
        encoder.finish(true)
    };
    // Writing to memory with fixed, valid parameters does not fail.
    encode().unwrap_or_default()
}

fn decompress(packed: &[u8]) -> Result<Vec<u8>, ShareError> {
    let decoder = ppmd_rust::Ppmd7Decoder::new(packed, ORDER, MEMORY).map_err(|_| ShareError::Damaged)?;
    let mut out = Vec::new();
    decoder.take(MAX_DECODED_BYTES as u64 + 1).read_to_end(&mut out).map_err(|_| ShareError::Damaged)?;
    if out.len() > MAX_DECODED_BYTES {
        return Err(ShareError::TooLarge { limit: MAX_DECODED_BYTES });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{plain, Block, Image, Inline};

    fn sample() -> Article {
        Article {
            title: Some("Ferry saved: 🚢 & more".into()),
            byline: Some("Ann Example".into()),
            source_url: Some("https://example.org/ferry?x=1#top".into()),
            lang: Some("en".into()),
            summary: vec!["One".into(), "Two".into()],
            blocks: vec![
                Block::paragraph("The ferry will keep running through the winter."),
                Block::Figure { image: Image { src: "https://img.example/a.jpg".into(), alt: "Quay".into() }, caption: Some(plain("The quay")) },
                Block::Paragraph { content: vec![Inline::Link { href: "https://example.org".into(), content: plain("a link") }] },
                Block::Code { lang: Some("rust".into()), text: "fn main() {\n    x  y\n}\n".into() },
            ],
            ..Article::default()
        }
    }

    #[test]
    fn an_article_survives_the_round_trip() {
        let a = sample();
        let link = encode(&a);
        assert!(link.starts_with("cc2."));
        assert!(link[4..].chars().all(alphabet::is_link_char), "{link}");
        assert!(link.ends_with(|c: char| c.is_ascii_alphanumeric()), "{link}");
        assert_eq!(decode(&link).unwrap(), a);
        assert_eq!(decode(&format!("#{link}")).unwrap(), a);
        assert_eq!(decode(&encode(&Article::default())).unwrap(), Article::default());
        assert_eq!(decode(&encode_json(&a)).unwrap(), a);
    }

    #[test]
    fn control_characters_and_adjacent_runs_survive_the_compact_form() {
        let a = Article {
            title: Some("a\u{2}b\u{1b}c\u{1f}".into()),
            blocks: vec![
                Block::Paragraph { content: vec![Inline::text("one"), Inline::text(""), Inline::text("\u{1}two"), Inline::Break, Inline::Anchor { id: "n1".into() }] },
                Block::Quote { blocks: vec![Block::List { ordered: true, items: vec![vec![Block::paragraph("x")], vec![]] }] },
                Block::Table { caption: None, rows: vec![vec![crate::article::Cell { header: true, content: plain("h") }], vec![]] },
                Block::Heading { level: 3, content: vec![Inline::Emphasis { content: vec![Inline::Strong { content: plain("deep") }] }, Inline::Code { text: "c\u{2}".into() }] },
                Block::Rule,
            ],
            dir: Some(crate::article::Direction::Rtl),
            lead_image: Some(Image { src: "https://e.org/i.png".into(), alt: String::new() }),
            ..Article::default()
        };
        assert_eq!(compact::read(&compact::write(&a)), Some(a));
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused_not_followed() {
        // Seven absent fields, no summary points, five more absent fields, then quotes in quotes.
        let head = format!("{}\u{2}{}", "\u{1f}".repeat(7), "\u{1f}".repeat(5));
        assert_eq!(compact::read(&format!("{head}\u{6}\u{6}\u{2}\u{2}\u{2}")).map(|a| a.blocks.len()), Some(1));
        let deep = format!("{head}{}", "\u{6}".repeat(100_000));
        assert_eq!(compact::read(&deep), None);
        assert!(decode(&pack(VERSION, deep.as_bytes())).is_err());
    }

    #[test]
    fn file_names_come_from_the_title() {
        let a = Article { title: Some("Ferry saved: islanders’ long fight (2024)".into()), ..Article::default() };
        assert_eq!(file_name(&a, "html"), "ferry-saved-islanders-long-fight-2024.html");
        assert_eq!(file_name(&Article::default(), "md"), "clean-copy.md");
    }

    #[test]
    fn damaged_foreign_and_oversized_links_are_refused() {
        let link = encode(&sample());
        assert_eq!(decode(""), Err(ShareError::NotALink));
        assert_eq!(decode("#section-2"), Err(ShareError::NotALink));
        assert_eq!(decode("cc9.AAAA"), Err(ShareError::UnknownVersion("cc9".into())));
        assert_eq!(decode("cc2.AAAA"), Err(ShareError::Damaged));
        assert_eq!(decode("cc1.not base64!"), Err(ShareError::Damaged));
        assert_eq!(decode(&link[..link.len() / 2]), Err(ShareError::Damaged));
        let mut tampered = link.clone().into_bytes();
        tampered[20] = if tampered[20] == b'A' { b'B' } else { b'A' };
        assert!(decode(std::str::from_utf8(&tampered).unwrap()).is_err());
        // A bomb: megabytes of one letter pack into a few bytes.
        let bomb = pack(VERSION, &vec![b'a'; MAX_DECODED_BYTES + 10]);
        assert!(bomb.len() < 10_000, "{}", bomb.len());
        assert_eq!(decode(&bomb), Err(ShareError::TooLarge { limit: MAX_DECODED_BYTES }));
    }
}
