//! From input to clean copy: decode, detect, extract, and make every output from the one
//! `Article`.

use serde::Serialize;
use std::borrow::Cow;

use crate::article::Article;
use crate::detect::{detect, web_address, InputKind};
use crate::error::Error;
use crate::{html, mojibake, render, text};

/// The most input Clean Copy reads, in bytes (64 MiB).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Turns raw bytes into text, in the encoding a browser would read them in (see
/// [`crate::charset::sniff`]): a byte-order mark, a `<meta>` declaration, else detection. Stray
/// malformed sequences become U+FFFD; bytes that are not text are an error.
///
/// ```
/// let page = b"<meta charset=\"windows-1252\"><h1>Caf\xe9 cr\xe8me</h1>";
/// assert!(cleancopy::decode(page).unwrap().contains("Café crème"));
/// ```
///
/// Natively only: in the browser the page decodes a file with its `TextDecoder`, given the
/// encoding the core names, and [`extract`] checks the text.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    let (text, _) = crate::charset::decode(bytes);
    check_text(&text)?;
    Ok(text)
}

/// Text that is not text: NUL characters, more than one control character in twenty, or more
/// than one replacement character (U+FFFD, what undecodable bytes become) in ten, in the first
/// 8,192 characters.
fn check_text(text: &str) -> Result<(), Error> {
    let (mut chars, mut controls, mut replaced) = (0usize, 0usize, 0usize);
    for c in text.chars().take(8192) {
        chars += 1;
        match c {
            '\0' => return Err(Error::Binary),
            '\n' | '\r' | '\t' | '\u{0c}' => {}
            '\u{FFFD}' => replaced += 1,
            c if c < ' ' => controls += 1,
            _ => {}
        }
    }
    if controls * 20 > chars.max(1) || replaced * 10 > chars.max(1) {
        return Err(Error::Binary);
    }
    Ok(())
}

/// Models to extract with in place of the shipped ones: for scoring a model on pages it was
/// not trained on (the quality benchmark's out-of-fold figures).
#[derive(Debug, Default, Clone, Copy)]
pub struct Models<'m> {
    /// How far an HTML page's main content reaches.
    pub extent: Option<&'m html::ExtentModel>,
    /// Which lines of a plain-text page are the story's.
    pub line: Option<&'m text::LineModel>,
}

/// Extracts the article from `input`, of the given kind or, with `None`, the kind detected;
/// text that is visibly UTF-8 garbled as windows-1252 is repaired (see [`mojibake`]). A bare web
/// address, or a link alone, is [`Error::WebAddress`].
///
/// `input` may be borrowed (`&str`) or handed over (`String`): what is handed over is freed as
/// soon as the extractor has its own copy (the parser's, or the lines), which lowers the peak
/// memory of a long page by its size.
pub fn extract<'a>(input: impl Into<Cow<'a, str>>, kind: Option<InputKind>) -> Result<(Article, InputKind), Error> {
    extract_full(input.into(), kind, None, Models::default())
}

/// [`extract`], with the models given.
pub fn extract_with<'a>(input: impl Into<Cow<'a, str>>, kind: Option<InputKind>, models: Models) -> Result<(Article, InputKind), Error> {
    extract_full(input.into(), kind, None, models)
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
pub fn extract_at<'a>(input: impl Into<Cow<'a, str>>, kind: Option<InputKind>, address: Option<&str>) -> Result<(Article, InputKind), Error> {
    extract_full(input.into(), kind, address, Models::default())
}

/// Markdown read as Markdown (pulldown-cmark).
#[cfg(feature = "markdown-input")]
fn markdown_input(input: &str) -> Result<Article, Error> {
    Ok(crate::markdown::extract(input))
}

/// Without the feature `markdown-input` (the app's main module): Markdown is read elsewhere.
#[cfg(not(feature = "markdown-input"))]
fn markdown_input(_: &str) -> Result<Article, Error> {
    Err(Error::MarkdownNotIncluded)
}

fn extract_full(input: Cow<'_, str>, kind: Option<InputKind>, address: Option<&str>, models: Models) -> Result<(Article, InputKind), Error> {
    check_input(&input)?;
    let kind = kind.unwrap_or_else(|| detect(&input));
    let article = match kind {
        InputKind::HtmlDocument | InputKind::HtmlFragment => {
            let shipped = html::ExtentModel::shipped();
            html::extract_full(input, address, html::Extent::Model(models.extent.unwrap_or(&shipped)))
        }
        InputKind::Markdown => markdown_input(&input)?,
        InputKind::Text => match models.line {
            Some(model) => text::extract_with(input, model),
            None => text::extract(input),
        },
    };
    Ok((finish(article, address), kind))
}

/// As [`extract_at`] with the kind Markdown, and nothing of the other extractors linked: the
/// app's Markdown module (`markdown/`) is built on this.
#[cfg(feature = "markdown-input")]
pub fn extract_markdown(input: &str, address: Option<&str>) -> Result<Article, Error> {
    check_input(input)?;
    Ok(finish(crate::markdown::extract(input), address))
}

/// What every input must be: no larger than Clean Copy reads, not empty, text, not a web
/// address alone.
fn check_input(input: &str) -> Result<(), Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: input.len(), limit: MAX_INPUT_BYTES });
    }
    if input.trim().is_empty() {
        return Err(Error::Empty);
    }
    check_text(input)?;
    if let Some(address) = web_address(input) {
        return Err(Error::WebAddress { address });
    }
    Ok(())
}

/// What every article gets once extracted: garbled UTF-8 repaired, and the page's own address
/// as its source when it names none.
fn finish(mut article: Article, address: Option<&str>) -> Article {
    mojibake::repair_article(&mut article);
    if article.source_url.is_none() {
        article.source_url = address.and_then(html::web_address).map(String::from);
    }
    article
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
    /// When it was published, in ISO 8601 (`2025-09-25`, or `2025-09` where the page names
    /// only the month): `published` read, where it names a year and can be read one way only.
    pub date_published: Option<String>,
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
    /// The reader HTML (safe by construction, see `render`).
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
    /// The blocks of the page the extraction left out (menus, sidebars, teasers, comments, a
    /// section lost), in page order, each with the index of the body block (of `text`) it
    /// stood after, −1 before the first (see [`crate::left_out`]). Empty when the copy was
    /// made from an article alone ([`CleanCopy::new`]).
    pub left_out: Vec<crate::LeftOut>,
}

impl CleanCopy {
    /// Renders every output of `article`.
    pub fn new(article: &Article, kind: InputKind) -> CleanCopy {
        CleanCopy {
            title: article.title.clone(),
            byline: article.byline.clone(),
            published: article.published.clone(),
            date_published: article.published.as_deref().and_then(crate::dates::machine_date),
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
            left_out: Vec::new(),
        }
    }

    /// [`CleanCopy::new`], with what of `input` (read as `kind`) the article left out.
    pub fn with_left_out(article: &Article, kind: InputKind, input: &str) -> CleanCopy {
        CleanCopy { left_out: crate::left_out::find(input, kind, article), ..CleanCopy::new(article, kind) }
    }
}

/// Extracts and renders `input` in one step.
///
/// ```
/// let copy = cleancopy::clean("# Hello\n\nA *short* note.", None).unwrap();
/// assert_eq!(copy.title.as_deref(), Some("Hello"));
/// assert_eq!(copy.input_kind, "markdown");
/// ```
pub fn clean<'a>(input: impl Into<Cow<'a, str>>, kind: Option<InputKind>) -> Result<CleanCopy, Error> {
    clean_with(input, kind, Models::default())
}

/// [`clean`], with the models given.
pub fn clean_with<'a>(input: impl Into<Cow<'a, str>>, kind: Option<InputKind>, models: Models) -> Result<CleanCopy, Error> {
    let input = input.into();
    let (article, kind) = extract_with(&*input, kind, models)?;
    Ok(CleanCopy::with_left_out(&article, kind, &input))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_bytes_are_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(Error::Binary));
        assert_eq!(decode(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"), Err(Error::Binary));
        assert_eq!(decode(&[0xff; 100]), Err(Error::Binary));
    }

    #[test]
    fn text_with_a_bom_and_a_stray_byte_is_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello \xe9 world").unwrap(), "Hello \u{FFFD} world");
    }

    #[test]
    fn undeclared_latin1_text_is_read_as_windows_1252_not_refused() {
        assert_eq!(decode(b"Caf\xe9 cr\xe8me \x96 na\xefve r\xe9sum\xe9").unwrap(), "Café crème – naïve résumé");
    }

    #[test]
    fn utf16_is_text_not_binary_data() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Café crème".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), "Café crème");
    }

    #[test]
    fn a_bare_web_address_is_refused_with_the_ways_to_bring_the_page() {
        let err = clean("https://news.example/2024/story.html\n", None).unwrap_err();
        assert_eq!(err, Error::WebAddress { address: "https://news.example/2024/story.html".into() });
        let message = err.to_string();
        for way in ["does not fetch pages", "Send to Clean Copy", "select all", "save the page"] {
            assert!(message.contains(way), "{way:?} missing from: {message}");
        }
        assert!(!message.contains('\n'), "one line: {message}");
    }

    #[test]
    fn a_garbled_paste_comes_out_repaired() {
        let copy = clean("What does it mean to â€œdeclutter?â€\n\nItâ€™s a question many ask. Letâ€™s see.", None).unwrap();
        assert_eq!(copy.title.as_deref(), Some("What does it mean to “declutter?”"));
        assert!(copy.text.contains("It’s a question many ask. Let’s see."), "{}", copy.text);
    }

    #[test]
    fn empty_input_says_so() {
        assert_eq!(clean("  \n ", None).unwrap_err(), Error::Empty);
    }
}
