//! Markdown input for the app: the article a Markdown text holds, in the compact form share
//! links carry (`share::compact`), which the app's main module opens (`openArticle`). Built as a
//! wasm module of its own, which the page loads the first time a paste or a file is Markdown,
//! so that pulldown-cmark stays out of the main module.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use cleancopy::share::compact;
use cleancopy::pipeline::extract_markdown;
use cleancopy::Error;

/// The article `input` holds, read as Markdown, in the compact form; `address`, when given, is
/// where it came from. The same checks as every input (empty, binary, a web address, too large).
pub fn clean_markdown(input: &str, address: Option<&str>) -> Result<String, Error> {
    extract_markdown(input, address).map(|article| compact::write(&article))
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// The article a Markdown text holds, in the compact form the main module's `openArticle`
    /// reads, or why there is none.
    #[wasm_bindgen(js_name = cleanMarkdown)]
    pub fn clean_markdown(input: &str, address: Option<String>) -> Result<String, JsError> {
        super::clean_markdown(input, address.as_deref()).map_err(|e| JsError::new(&e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cleancopy::{Article, Block, InputKind};

    const NOTE: &str = "# Harbour news\n\n*By Ann Example*\n\nThe ferry will keep running through the winter, the council said on Monday.\n\n\
        - fishermen\n- teachers\n\n> A long campaign.\n\n```rust\nfn main() {}\n```\n\n[More](https://example.org/more) &amp; less.\n";

    #[test]
    fn the_module_gives_the_article_the_core_reads_from_markdown() {
        let compact_form = clean_markdown(NOTE, None).unwrap();
        let article = compact::read(&compact_form).unwrap();
        let (direct, kind) = cleancopy::extract(NOTE, None).unwrap();
        assert_eq!(kind, InputKind::Markdown);
        assert_eq!(article, Article { excerpt: None, ..direct });
        assert_eq!(article.title.as_deref(), Some("Harbour news"));
        assert!(article.blocks.iter().any(|b| matches!(b, Block::Code { .. })));
        assert!(article.blocks.iter().any(|b| matches!(b, Block::List { .. })));
    }

    #[test]
    fn a_web_address_or_nothing_is_refused_as_any_input_is() {
        assert!(matches!(clean_markdown("https://example.org/a", None), Err(Error::WebAddress { .. })));
        assert!(matches!(clean_markdown("  \n", None), Err(Error::Empty)));
    }

    #[test]
    fn the_address_given_is_kept_as_the_source() {
        let article = compact::read(&clean_markdown("# T\n\nSome text with [a link](/more) in it.\n", Some("https://example.org/a/b")).unwrap()).unwrap();
        assert_eq!(article.source_url.as_deref(), Some("https://example.org/a/b"));
    }
}
