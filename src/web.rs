//! The wasm-bindgen glue: converts the core's types and errors for JavaScript, nothing else.

use wasm_bindgen::prelude::*;

use crate::{clean, InputKind};

/// Installs the panic hook so that a panic shows a readable message in the console and the
/// page's error handler, not "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// One clean copy, for the page.
#[wasm_bindgen]
pub struct Cleaned(crate::CleanCopy);

#[wasm_bindgen]
impl Cleaned {
    /// The title, or an empty string.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.0.title.clone().unwrap_or_default()
    }

    /// The sanitized reader HTML: one `<article>`.
    #[wasm_bindgen(getter)]
    pub fn html(&self) -> String {
        self.0.html.clone()
    }

    /// The article as Markdown.
    #[wasm_bindgen(getter)]
    pub fn markdown(&self) -> String {
        self.0.markdown.clone()
    }

    /// The body as plain text.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.0.text.clone()
    }

    /// `html`, `markdown` or `text`.
    #[wasm_bindgen(getter, js_name = inputKind)]
    pub fn input_kind(&self) -> String {
        self.0.input_kind.to_string()
    }

    /// Every field as JSON, as the command-line tool prints it.
    pub fn json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
}

/// Makes a clean copy of `input`. `kind` is `"html"` when the clipboard carried HTML,
/// `"text"` or `"markdown"` to force those, or anything else to detect it.
#[wasm_bindgen(js_name = cleanCopy)]
pub fn clean_copy(input: &str, kind: &str) -> Result<Cleaned, JsError> {
    let kind = match kind {
        "html" => Some(InputKind::HtmlFragment),
        "markdown" => Some(InputKind::Markdown),
        "text" => Some(InputKind::Text),
        _ => None,
    };
    clean(input, kind).map(Cleaned).map_err(|e| JsError::new(&e.to_string()))
}
