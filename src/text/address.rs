//! A copied text's own address: a page copied as text names its address only where it shows
//! it, as a share box's field does, on a line of its own. Such a line is taken where the
//! address's words are the headline's and no other line of that kind names another page.

use url::Url;

use crate::html::address::{absolute, clean, comparable, is_file, is_home, is_share_endpoint, slug_agreement, Agreement};

/// The most lines that are only an address read: a text of more is a list of links.
const MOST_ADDRESS_LINES: usize = 64;

/// The address one of `lines` is alone, whose words are those of `title` (the text's
/// headline), when no other such line names another page than the site's home page.
pub(crate) fn named_in_text<'a>(lines: impl Iterator<Item = &'a str>, title: Option<&str>) -> Option<Url> {
    let title = title?;
    let mut pages: Vec<Url> = Vec::new();
    for line in lines {
        let line = line.trim();
        if !(line.starts_with("http://") || line.starts_with("https://")) || line.contains(char::is_whitespace) {
            continue;
        }
        let Some(url) = absolute(line, None).map(clean) else { continue };
        if is_home(&url) || is_file(&url) || is_share_endpoint(&url) {
            continue;
        }
        if !pages.iter().any(|p| comparable(p) == comparable(&url)) {
            pages.push(url);
        }
        if pages.len() > MOST_ADDRESS_LINES {
            return None;
        }
    }
    match pages.as_slice() {
        [only] if slug_agreement(only, Some(title), &[]) == Agreement::Agrees => Some(only.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: &str = "Ferry keeps running through winter";
    const ADDRESS: &str = "https://news.example/2024/05/ferry-keeps-running-through-winter";

    #[test]
    fn a_line_that_is_the_story_s_address_is_its_address() {
        let lines = ["Share this story", ADDRESS, "Copy link", TITLE, "The ferry will keep running."];
        assert_eq!(named_in_text(lines.into_iter(), Some(TITLE)).map(String::from).as_deref(), Some(ADDRESS));
    }

    #[test]
    fn an_address_whose_words_are_not_the_headline_s_or_beside_another_is_not_taken() {
        let other = "https://news.example/2024/05/bus-fares-rise-again-in-spring";
        assert_eq!(named_in_text([other].into_iter(), Some(TITLE)), None);
        assert_eq!(named_in_text([ADDRESS, other].into_iter(), Some(TITLE)), None);
        assert_eq!(named_in_text([ADDRESS].into_iter(), None), None);
        // An address inside a sentence is no share box's field.
        let sentence = format!("Read more at {ADDRESS} today");
        assert_eq!(named_in_text([sentence.as_str()].into_iter(), Some(TITLE)), None);
    }
}
