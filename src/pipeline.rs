//! From input to clean copy: decode, detect, extract, and make every output from the one
//! `Article`.

use serde::Serialize;

use crate::article::Article;
use crate::detect::{detect, InputKind};
use crate::error::Error;
use crate::{html, markdown, render, text};

/// The most input Clean Copy reads, in bytes (64 MiB).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Turns raw bytes into text: UTF-8 (a BOM is dropped), or an error when they are binary.
/// Stray invalid sequences in otherwise textual input become U+FFFD rather than failing.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    if looks_binary(&bytes[..bytes.len().min(8192)]) {
        return Err(Error::Binary);
    }
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let replaced = text.chars().take(8192).filter(|&c| c == '\u{FFFD}').count();
    if replaced * 10 > text.chars().take(8192).count().max(1) {
        return Err(Error::Binary);
    }
    Ok(text.into_owned())
}

/// NUL bytes, or more than one control character in twenty: not text.
fn looks_binary(sample: &[u8]) -> bool {
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    sample.contains(&0) || controls * 20 > sample.len().max(1)
}

/// Extracts the article from `input`, of the given kind or, with `None`, the kind detected.
pub fn extract(input: &str, kind: Option<InputKind>) -> Result<(Article, InputKind), Error> {
    extract_at(input, kind, None)
}

/// As [`extract`], for a page read at `address` (its http(s) address, as the browser had it):
/// relative links and images in HTML resolve against it, and it is the source address when
/// the input names none.
///
/// ```
/// let page = "<title>Notes</title><article><p>See <a href='next.html'>the next page</a>, \
///     which carries on with the story and says a good deal more about it.</p></article>";
/// let (article, _) = cleancopy::extract_at(page, None, Some("https://example.org/a/")).unwrap();
/// assert_eq!(article.source_url.as_deref(), Some("https://example.org/a/"));
/// ```
pub fn extract_at(input: &str, kind: Option<InputKind>, address: Option<&str>) -> Result<(Article, InputKind), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: input.len(), limit: MAX_INPUT_BYTES });
    }
    if input.trim().is_empty() {
        return Err(Error::Empty);
    }
    if looks_binary(&input.as_bytes()[..crate::detect::floor_char_boundary(input, 8192)]) {
        return Err(Error::Binary);
    }
    let kind = kind.unwrap_or_else(|| detect(input));
    let mut article = match kind {
        InputKind::HtmlDocument | InputKind::HtmlFragment => html::extract_at(input, address),
        InputKind::Markdown => markdown::extract(input),
        InputKind::Text => text::extract(input),
    };
    if article.source_url.is_none() {
        article.source_url = address.and_then(html::web_address).map(String::from);
    }
    Ok((article, kind))
}

/// Everything Clean Copy makes of one input: the fields of the command-line tool's `--format
/// json` output. Fields may be added; none is ever renamed or removed.
#[derive(Debug, Clone, Serialize)]
pub struct CleanCopy {
    /// The headline.
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// When it was published, as the page gives it.
    pub published: Option<String>,
    /// The publication or site.
    pub site_name: Option<String>,
    /// The original page's address.
    pub source_url: Option<String>,
    /// The language tag.
    pub lang: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: Option<String>,
    /// Summary points.
    pub summary: Vec<String>,
    /// The dateline that opened the story.
    pub dateline: Option<String>,
    /// The agency or publication the dateline credits.
    pub source: Option<String>,
    /// The copyright or credit line.
    pub copyright: Option<String>,
    /// The body alone as plain text, blocks separated by a blank line.
    pub text: String,
    /// The whole article as Markdown.
    pub markdown: String,
    /// The sanitized reader HTML.
    pub html: String,
    /// Words in the body.
    pub word_count: usize,
    /// About how many minutes the body takes to read (alphabetic scripts; `null` otherwise).
    pub reading_minutes: Option<u32>,
    /// `html`, `text` or `markdown`.
    pub input_kind: &'static str,
    /// The standfirst shown under the headline, if the page had one.
    pub standfirst: Option<String>,
    /// The page's description of the story, else its standfirst, else its first paragraph.
    pub excerpt: Option<String>,
    /// The address of the picture the page presents the story with.
    pub lead_image: Option<String>,
    /// The body's running text without figure captions (schema.org's `articleBody`), blocks
    /// separated by a blank line.
    pub article_body: String,
}

impl CleanCopy {
    /// Renders every output of `article`.
    pub fn new(article: &Article, kind: InputKind) -> CleanCopy {
        CleanCopy {
            title: article.title.clone(),
            byline: article.byline.clone(),
            published: article.published.clone(),
            site_name: article.site_name.clone(),
            source_url: article.source_url.clone(),
            lang: article.lang.clone(),
            dir: article.dir.map(|d| d.as_str().to_string()),
            summary: article.summary.clone(),
            dateline: article.dateline.clone(),
            source: article.source.clone(),
            copyright: article.copyright.clone(),
            text: render::body_text(article),
            markdown: render::markdown(article),
            html: render::html(article),
            word_count: article.word_count(),
            reading_minutes: article.reading_minutes(),
            input_kind: kind.family(),
            standfirst: article.standfirst.clone(),
            excerpt: article.excerpt.clone().or_else(|| article.standfirst.clone()).or_else(|| article.first_paragraph()),
            lead_image: article.lead_image.as_ref().map(|i| i.src.clone()),
            article_body: article.article_body_units().join("\n\n"),
        }
    }
}

/// Extracts and renders `input` in one step.
///
/// ```
/// let copy = cleancopy::clean("# Hello\n\nA *short* note.", None).unwrap();
/// assert_eq!(copy.title.as_deref(), Some("Hello"));
/// assert_eq!(copy.input_kind, "markdown");
/// ```
pub fn clean(input: &str, kind: Option<InputKind>) -> Result<CleanCopy, Error> {
    let (article, kind) = extract(input, kind)?;
    Ok(CleanCopy::new(&article, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_bytes_are_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(Error::Binary));
        assert_eq!(decode(&[0xff; 100]), Err(Error::Binary));
    }

    #[test]
    fn text_with_a_bom_and_a_stray_byte_is_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello \xe9 world").unwrap(), "Hello \u{FFFD} world");
    }

    #[test]
    fn empty_input_says_so() {
        assert_eq!(clean("  \n ", None).unwrap_err(), Error::Empty);
    }
}
