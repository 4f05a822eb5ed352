//! The wasm-bindgen glue: converts the core's types and errors for JavaScript, nothing else.

use wasm_bindgen::prelude::*;

use crate::face::{Face, FaceFile};
use crate::{extract_at, share, Article, InputKind};

/// Installs the panic hook so that a panic shows a readable message in the console and the
/// page's error handler, not "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// One clean copy, for the page: the article, and where it came from (`html`, `markdown`,
/// `text`, or `link` for an opened share link). Each output is rendered when the page asks for
/// it, so a paste costs the extraction and the reader HTML, not every format besides.
#[wasm_bindgen]
pub struct Cleaned(Article, &'static str);

#[wasm_bindgen]
impl Cleaned {
    /// The title, or an empty string.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.0.title.clone().unwrap_or_default()
    }

    /// The reader HTML (safe by construction, see `render`): one `<article>`.
    #[wasm_bindgen(getter)]
    pub fn html(&self) -> String {
        crate::render::html(&self.0)
    }

    /// The article as Markdown.
    #[wasm_bindgen(getter)]
    pub fn markdown(&self) -> String {
        crate::render::markdown(&self.0)
    }

    /// The body as plain text.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        crate::render::body_text(&self.0)
    }

    /// The site or publication, or an empty string.
    #[wasm_bindgen(getter, js_name = siteName)]
    pub fn site_name(&self) -> String {
        self.0.site_name.clone().unwrap_or_default()
    }

    /// The original page's address, when known, or an empty string.
    #[wasm_bindgen(getter, js_name = sourceUrl)]
    pub fn source_url(&self) -> String {
        self.0.source_url.clone().unwrap_or_default()
    }

    /// `html`, `markdown`, `text` or `link`.
    #[wasm_bindgen(getter, js_name = inputKind)]
    pub fn input_kind(&self) -> String {
        self.1.to_string()
    }

    /// The share-link fragment (without `#`) that carries this article.
    #[wasm_bindgen(js_name = shareFragment)]
    pub fn share_fragment(&self) -> String {
        share::encode(&self.0)
    }

    /// A `mailto:` address offering the article, with `link` in the body when it fits.
    pub fn mailto(&self, link: &str) -> MailLink {
        let (href, fits) = share::mailto(&self.0, link);
        MailLink { href, fits }
    }

    /// The share link `link` as the clipboard carries it into a message (HTML and plain text):
    /// the title linked to the clean copy, and the link spelled out under it.
    #[wasm_bindgen(js_name = richLink)]
    pub fn rich_link(&self, link: &str) -> RichLink {
        let (html, text) = share::rich_link(&self.0, link);
        RichLink { html, text }
    }

    /// A file name for the article saved with extension `ext`.
    #[wasm_bindgen(js_name = fileName)]
    pub fn file_name(&self, ext: &str) -> String {
        share::file_name(&self.0, ext)
    }

    /// The article as a self-contained HTML page, styles inlined.
    pub fn page(&self) -> String {
        crate::render::standalone(&self.0)
    }

    /// The page of `page()` with the reader's chosen face inside it (see `face`); a face the
    /// core cannot use is left out.
    #[wasm_bindgen(js_name = pageWithFace)]
    pub fn page_with_face(&self, face: &SavedFace) -> String {
        crate::render::standalone_with(&self.0, &crate::render::PageOptions { face: Some(&face.0) })
    }

    /// The whole article as plain text (title, byline, body), for the clipboard and `.txt`.
    #[wasm_bindgen(js_name = fullText)]
    pub fn full_text(&self) -> String {
        crate::render::text(&self.0)
    }

    /// The book of this article (`epub::book_json`), as JSON for the `epub` module, with the
    /// images packed whose addresses `srcs` gives (separated by NUL characters), of the media
    /// types `types` gives (one for each, separated by spaces).
    #[wasm_bindgen(js_name = epubBook)]
    pub fn epub_book(&self, srcs: &str, types: &str) -> String {
        let images: Vec<crate::epub::PackedImage> = match srcs.is_empty() {
            true => Vec::new(),
            false => srcs.split('\0').zip(types.split(' ')).map(|(src, media_type)| crate::epub::PackedImage { src: src.into(), media_type: media_type.into() }).collect(),
        };
        crate::epub::book_json(&self.0, &images)
    }
}

/// A type face for a saved page, gathered file by file by the page.
#[wasm_bindgen]
pub struct SavedFace(Face);

#[wasm_bindgen]
impl SavedFace {
    /// A face with no files yet: the Font setting that chose it and the family's name.
    #[wasm_bindgen(constructor)]
    pub fn new(setting: String, family: String) -> SavedFace {
        SavedFace(Face { setting, family, files: Vec::new() })
    }

    /// Adds one WOFF2 file, in base64: its weight, whether it is the italic, and the
    /// characters it covers (a CSS `unicode-range`, or empty).
    pub fn add(&mut self, woff2_base64: String, weight: u16, italic: bool, unicode_range: String) {
        self.0.files.push(FaceFile { woff2_base64, weight, italic, unicode_range });
    }
}

/// A `mailto:` address and whether the share link fitted in it.
#[wasm_bindgen(getter_with_clone)]
pub struct MailLink {
    /// The address to open.
    pub href: String,
    /// False when the link was too long and was left out.
    pub fits: bool,
}

/// A share link for the clipboard: the same as HTML and as plain text.
#[wasm_bindgen(getter_with_clone)]
pub struct RichLink {
    /// `text/html`: the title linked to the clean copy, the link as text under it.
    pub html: String,
    /// `text/plain`: the title, then the link.
    pub text: String,
}

/// The input kind a page's `kind` argument asks for: `"html"` when the clipboard carried
/// HTML, `"text"` or `"markdown"` to force those, anything else to detect it.
fn requested(kind: &str) -> Option<InputKind> {
    match kind {
        "html" => Some(InputKind::HtmlFragment),
        "markdown" => Some(InputKind::Markdown),
        "text" => Some(InputKind::Text),
        _ => None,
    }
}

/// Makes a clean copy of `input`. `kind` is `"html"` when the clipboard carried HTML,
/// `"text"` or `"markdown"` to force those, or anything else to detect it; `address`, when
/// given, is the page's own address (a page sent from the browser), which relative links
/// resolve against. Markdown is refused here (this module leaves pulldown-cmark out): the page
/// asks `inputFamily` first and hands Markdown to the `markdown` module.
#[wasm_bindgen(js_name = cleanCopy)]
pub fn clean_copy(input: String, kind: &str, address: Option<String>) -> Result<Cleaned, JsError> {
    let (article, kind) = extract_at(input, requested(kind), address.as_deref()).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Cleaned(article, kind.family()))
}

/// What `cleanCopy` would read `input` as, given `kind` as there: `html`, `markdown` or `text`
/// (detection reads no more than the input's first 64 KiB and 2,000 lines).
#[wasm_bindgen(js_name = inputFamily)]
pub fn input_family(input: &str, kind: &str) -> String {
    requested(kind).unwrap_or_else(|| crate::detect(input)).family().to_string()
}

/// Opens an article made by another of the app's modules (the `markdown` module), given in the
/// compact form share links carry (`share::compact`); `kind` is what it was read from.
#[wasm_bindgen(js_name = openArticle)]
pub fn open_article(compact: &str, kind: &str) -> Result<Cleaned, JsError> {
    let article = share::compact::read(compact).ok_or_else(|| JsError::new("the article could not be read"))?;
    let kind = match kind {
        "markdown" => "markdown",
        "html" => "html",
        _ => "text",
    };
    Ok(Cleaned(article, kind))
}

/// The encoding of a file's bytes, as a label for `TextDecoder`: from its byte-order mark, its
/// `<meta>` declaration, or what the bytes make evident (UTF-8, UTF-16); an empty string when
/// only the detector (the `cleancopy-detector` module) can tell
/// (`charset::sniff_without_detector`).
#[wasm_bindgen(js_name = sniffEncoding)]
pub fn sniff_encoding(bytes: &[u8]) -> String {
    crate::charset::sniff_without_detector(bytes).map(|s| s.label().to_string()).unwrap_or_default()
}

/// The web address `input` is and nothing else (a bare address, a link alone), or an empty
/// string (`detect::web_address`).
#[wasm_bindgen(js_name = webAddress)]
pub fn web_address(input: &str) -> String {
    crate::detect::web_address(input).unwrap_or_default()
}

/// Opens the article a share link's fragment carries, or says why it cannot. A first-version
/// link (`cc1.`) is refused here; the app rewrites it first with the `legacy` module.
#[wasm_bindgen(js_name = openShared)]
pub fn open_shared(fragment: &str) -> Result<Cleaned, JsError> {
    let article = share::decode(fragment).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Cleaned(article, "link"))
}
