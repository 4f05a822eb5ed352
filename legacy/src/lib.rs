//! Share links of the first version (`cc1.`, the article's JSON, packed), rewritten in the
//! current form (`cc2.`), which the app's main module opens. Built as a wasm module of its own,
//! which the app loads only for such a link; also the way tests make a link by hand from an
//! article given as JSON.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use cleancopy::share::{self, ShareError};
use cleancopy::Article;

/// The current-form fragment (without `#`) for the article a first-version fragment carries.
pub fn upgrade(fragment: &str) -> Result<String, ShareError> {
    share::decode_json_link(fragment).map(|article| share::encode(&article))
}

/// The share fragment for an article given as JSON (the `Article` model).
pub fn encode_json_article(json: &str) -> Result<String, serde_json::Error> {
    serde_json::from_str::<Article>(json).map(|article| share::encode(&article))
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// The current-form fragment for a first-version one, or why it cannot be read.
    #[wasm_bindgen(js_name = upgradeLink)]
    pub fn upgrade_link(fragment: &str) -> Result<String, JsError> {
        super::upgrade(fragment).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The share fragment for an article given as JSON: for tests that need a link made by
    /// hand, such as a hostile one.
    #[wasm_bindgen(js_name = encodeArticle)]
    pub fn encode_article(json: &str) -> Result<String, JsError> {
        super::encode_json_article(json).map_err(|e| JsError::new(&e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cleancopy::article::{plain, Block, Image, Inline};

    fn sample() -> Article {
        Article {
            title: Some("Ferry saved: 🚢 & more".into()),
            byline: Some("Ann Example".into()),
            source_url: Some("https://example.org/ferry?x=1#top".into()),
            summary: vec!["One".into()],
            blocks: vec![
                Block::paragraph("The ferry will keep running through the winter."),
                Block::Figure { image: Image { src: "https://img.example/a.jpg".into(), alt: "Quay".into() }, caption: Some(plain("The quay")) },
                Block::Paragraph { content: vec![Inline::Link { href: "https://example.org".into(), content: plain("a link") }] },
            ],
            ..Article::default()
        }
    }

    #[test]
    fn a_first_version_link_opens_as_the_same_article_in_the_current_form() {
        let old = share::encode_json(&sample());
        assert!(old.starts_with("cc1."));
        let new = upgrade(&old).unwrap();
        assert!(new.starts_with("cc2."));
        assert_eq!(share::decode(&new).unwrap(), sample());
        assert_eq!(upgrade(&format!("#{old}")).unwrap(), new);
    }

    #[test]
    fn the_fixture_link_is_a_first_version_link_of_the_expected_article() {
        // The link the browser test opens (tests/fixtures/link-v1.txt).
        let fixture = include_str!("../../tests/fixtures/link-v1.txt").trim();
        let article = share::decode_json_link(fixture).unwrap();
        assert_eq!(article.title.as_deref(), Some("A link from the first version"));
        assert_eq!(share::decode(&upgrade(fixture).unwrap()).unwrap(), article);
    }

    #[test]
    fn other_fragments_are_refused_as_the_main_module_refuses_them() {
        assert_eq!(upgrade("cc1.!!!"), Err(ShareError::Damaged));
        assert_eq!(upgrade("cc1.<img src=x onerror=alert(1)>"), Err(ShareError::Damaged));
        assert_eq!(upgrade("hello"), Err(ShareError::NotALink));
        assert_eq!(upgrade("cc7.abc"), Err(ShareError::UnknownVersion("cc7".into())));
        assert_eq!(upgrade(&share::encode(&sample())), Err(ShareError::NotALink));
    }

    #[test]
    fn an_article_given_as_json_becomes_a_link() {
        let json = serde_json::to_string(&sample()).unwrap();
        assert_eq!(share::decode(&encode_json_article(&json).unwrap()).unwrap(), sample());
        assert!(encode_json_article("{\"title\": 3}").is_err());
    }
}
