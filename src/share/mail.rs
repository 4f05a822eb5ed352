//! Sending an article to a friend by e-mail: the `mailto:` address (RFC 6068) that opens the
//! reader's mail program, and the rich link that carries the share link through the clipboard
//! when the link is too long for a `mailto:` address.

use crate::article::Article;
use crate::render::{attr, escape};

/// The longest `mailto:` address that mail programs open reliably.
pub const MAILTO_LIMIT: usize = 2_000;

/// A `mailto:` address (RFC 6068) that offers `article` to a friend: the subject is the title;
/// the body says what it is, gives the source address when known, and the share link `link`
/// when the whole address stays under [`MAILTO_LIMIT`] characters. The second value says
/// whether the link fitted; when it did not, the body ends with the line the link is to be
/// pasted under (the app puts it on the clipboard, see [`rich_link`]).
pub fn mailto(article: &Article, link: &str) -> (String, bool) {
    let title = article.title.as_deref().unwrap_or("An article");
    let mut about = format!("I thought you would like to read “{title}”");
    if let Some(site) = &article.site_name {
        about.push_str(&format!(" ({site})"));
    }
    about.push('.');
    let mut lines = vec![about];
    if let Some(url) = &article.source_url {
        lines.push(format!("The original: {url}"));
    }
    let with = mailto_address(title, &[lines.as_slice(), &[format!("A clean copy to read and print: {link}")]].concat().join("\r\n\r\n"));
    if with.len() < MAILTO_LIMIT {
        return (with, true);
    }
    lines.push("A clean copy to read and print:\r\n".to_string());
    (mailto_address(title, &lines.join("\r\n\r\n")), false)
}

/// The share link `link` as the clipboard carries it into a message: HTML (the title, linked to
/// the clean copy, the site after it, and the link as text under it) and the same as plain text.
/// Mail composers keep a pasted link whole, however long.
pub fn rich_link(article: &Article, link: &str) -> (String, String) {
    let title = article.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or("A clean copy of an article");
    let site = article.site_name.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
    let html = format!("<p><a href=\"{}\">{}</a>{}<br>{}</p>", attr(link), escape(title), escape(&site), escape(link));
    let text = format!("{title}{site}\n{link}\n");
    (html, text)
}

/// `mailto:?subject=…&body=…` with both values percent-encoded as UTF-8: every byte but the
/// unreserved characters is encoded, so spaces are `%20` and line breaks `%0D%0A`.
fn mailto_address(subject: &str, body: &str) -> String {
    format!("mailto:?subject={}&body={}", percent_encode(subject), percent_encode(body))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tricky() -> Article {
        Article { title: Some("Cafés & bars: #1? 🍷".into()), source_url: Some("https://example.org/a?b=1&c=2".into()), ..Article::default() }
    }

    #[test]
    fn the_mailto_address_is_percent_encoded_as_rfc_6068_asks() {
        let (mailto, fits) = mailto(&tricky(), "https://cleancopy.example/#cc1.AbC-_");
        assert!(fits);
        assert!(mailto.starts_with("mailto:?subject=Caf%C3%A9s%20%26%20bars%3A%20%231%3F%20%F0%9F%8D%B7&body="), "{mailto}");
        assert!(mailto.contains("%0D%0A%0D%0AThe%20original%3A%20https%3A%2F%2Fexample.org%2Fa%3Fb%3D1%26c%3D2"), "{mailto}");
        assert!(mailto.ends_with("A%20clean%20copy%20to%20read%20and%20print%3A%20https%3A%2F%2Fcleancopy.example%2F%23cc1.AbC-_"), "{mailto}");
        assert!(!mailto.contains('+') && !mailto.contains(' '));
    }

    #[test]
    fn a_link_too_long_for_the_address_is_left_for_the_reader_to_paste() {
        let long_link = format!("https://cleancopy.example/#cc1.{}", "A".repeat(3_000));
        let (mailto, fits) = mailto(&tricky(), &long_link);
        assert!(!fits && mailto.len() < MAILTO_LIMIT && !mailto.contains("AAAA"), "{mailto}");
        assert!(mailto.contains("The%20original%3A%20https%3A%2F%2Fexample.org"), "{mailto}");
        assert!(mailto.ends_with("A%20clean%20copy%20to%20read%20and%20print%3A%0D%0A"), "{mailto}");
    }

    #[test]
    fn the_rich_link_names_the_article_and_spells_the_link_out() {
        let link = format!("https://cleancopy.example/#cc3.{}", "x&y\"".repeat(2_500));
        let a = Article { site_name: Some("The <Post>".into()), ..tricky() };
        let (html, text) = rich_link(&a, &link);
        assert!(html.starts_with("<p><a href=\"https://cleancopy.example/#cc3.x&amp;y&quot;"), "{}", &html[..80]);
        assert!(html.contains("\">Cafés &amp; bars: #1? 🍷</a> (The &lt;Post&gt;)<br>https://cleancopy.example/"), "{}", &html[..200]);
        assert_eq!(text, format!("Cafés & bars: #1? 🍷 (The <Post>)\n{link}\n"));
        let (html, text) = rich_link(&Article::default(), "https://cleancopy.example/#cc3.AB");
        assert_eq!(html, "<p><a href=\"https://cleancopy.example/#cc3.AB\">A clean copy of an article</a><br>https://cleancopy.example/#cc3.AB</p>");
        assert!(text.starts_with("A clean copy of an article\n"));
    }
}
