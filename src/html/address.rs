//! The page's own address, where it is known, never guessed: what a saved page declares (its
//! canonical link, its `og:url`) checked against where the browser had it (the address given
//! with it, or the one a saving browser recorded: the `saved from url=` comment, a saver's own
//! note); else what a paste says of itself (`self_reference.rs`). Never the site's home page,
//! nor an address on another site than the one the page was read from.
//!
//! Addresses are kept without their fragment and tracking parameters.

use super::Attrs;

use scraper::{Html, Node};
use url::Url;

/// The page's own address, and the address its relative links are read against.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The page's own address (see [`find`]).
    pub address: Option<Url>,
    /// The address relative links are read against: the page's own, else the site's home
    /// page that the page declares in its place (the page is on that site, though its own
    /// address is not known).
    pub base: Option<Url>,
}

/// The page's own address: what the page declares, on the site of the address it was read at
/// (`given`) or saved from, else its `<base>`'s (a declared address on another site is not
/// taken); else the address it was read at or saved from; else what a paste says of itself,
/// `title` being its headline when known. Declared addresses that are only the site's home
/// page are passed over.
pub(crate) fn find(doc: &Html, given: Option<&Url>, base: Option<&str>, title: Option<&str>) -> Found {
    let head = read_head(doc);
    let recorded = head.recorded.as_ref().or(given);
    let base = base.and_then(|b| absolute(b, recorded));
    // A declared address is read against the page's address, as a browser reads it, or its
    // `<base>`.
    let against = recorded.or(base.as_ref());
    let resolve = |raw: &Option<String>| raw.as_deref().and_then(|u| absolute(u, against));
    let known = recorded.or(base.as_ref()).map(site);
    let declared: Vec<Url> = [resolve(&head.canonical), resolve(&head.og_url)].into_iter().flatten().filter(|u| known.as_ref().is_none_or(|k| same_site(&site(u), k))).collect();
    let (homes, pages): (Vec<&Url>, Vec<&Url>) = declared.iter().partition(|u| is_home(u));
    let pick = match pages.as_slice() {
        // A canonical link and an `og:url` on different sites: the `og:url` (a syndicated
        // story's canonical link names its first publisher, its `og:url` the page).
        [canonical, og] if !same_site(&site(canonical), &site(og)) => Some(*og),
        [first, ..] => Some(*first),
        [] => None,
    };
    let address = match pick.or(recorded) {
        Some(url) => Some(clean(url.clone())),
        None => super::self_reference::self_referenced(doc, title),
    };
    let base = address.clone().or_else(|| homes.first().map(|u| clean((*u).clone())));
    Found { address, base }
}

/// What a page's head says of its address.
#[derive(Debug, Default)]
struct Head {
    canonical: Option<String>,
    og_url: Option<String>,
    /// The address the browser saved the page from: the `<!-- saved from url=(NNNN)… -->`
    /// comment browsers write, a SingleFile header (`url: …`), Save Page WE's
    /// `<meta name="savepage-url">`.
    recorded: Option<Url>,
}

/// Reads the page's canonical link, `og:url` and saving browser's note, wherever the parser
/// put them (a head's elements after one that belongs in the body land in the body).
fn read_head(doc: &Html) -> Head {
    let mut head = Head::default();
    for node in doc.tree.root().descendants() {
        match node.value() {
            Node::Comment(c) if head.recorded.is_none() => head.recorded = recorded_in_comment(&c.comment),
            Node::Element(e) => match e.name() {
                "link" if head.canonical.is_none() && e.attribute("rel").is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) => {
                    head.canonical = e.attribute("href").map(str::to_string);
                }
                "meta" => {
                    let key = e.attribute("property").or(e.attribute("name")).unwrap_or("").trim();
                    let content = e.attribute("content").map(str::to_string);
                    if key.eq_ignore_ascii_case("og:url") && head.og_url.is_none() {
                        head.og_url = content;
                    } else if key.eq_ignore_ascii_case("savepage-url") && head.recorded.is_none() {
                        head.recorded = content.and_then(|u| absolute(&u, None));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    head
}

/// The address a saving browser wrote in a comment: `saved from url=(0064)https://…` (the mark
/// browsers have written since Internet Explorer) or a SingleFile header's `url: https://…`.
fn recorded_in_comment(comment: &str) -> Option<Url> {
    let text = comment.trim();
    if let Some(rest) = text.strip_prefix("saved from url=") {
        // The length in parentheses, then the address.
        let rest = rest.trim_start_matches('(').trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(')');
        return absolute(rest.split_whitespace().next()?, None);
    }
    if text.starts_with("Page saved with SingleFile") || text.starts_with("Archive processed by SingleFile") {
        let line = text.lines().map(str::trim).find_map(|l| l.strip_prefix("url:"))?;
        return absolute(line.trim(), None);
    }
    None
}

/// `raw` as an absolute http(s) address with a real host name, read against `base` when it
/// is relative (`//host/…` as https without one).
pub(crate) fn absolute(raw: &str, base: Option<&Url>) -> Option<Url> {
    let raw = raw.trim();
    let url = match Url::parse(raw) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => match base {
            Some(b) => b.join(raw).ok()?,
            None if raw.starts_with("//") => Url::parse(&format!("https:{raw}")).ok()?,
            None => return None,
        },
        Err(_) => return None,
    };
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    // A host of one label ("http://packing-list-trip") is a slug written where an address
    // belongs, not a site.
    let host = url.host_str()?;
    (host.contains('.') && !host.ends_with('.')).then_some(url)
}

/// Query parameters that only say where a reader came from: dropped from an address.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl",
    "srsltid", "mkt_tok",
];

/// Whether a query parameter only tracks where a reader came from (`utm_*` and the ids that
/// advertising and mail services add) or who they are (a session id: a long hexadecimal
/// `sid`, `PHPSESSID`, `jsessionid`).
pub(super) fn is_tracking(name: &str, value: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let session = matches!(name.as_str(), "phpsessid" | "jsessionid" | "sessionid")
        || (name == "sid" && value.len() >= 20 && value.chars().all(|c| c.is_ascii_hexdigit()));
    name.starts_with("utm_") || TRACKING.contains(&name.as_str()) || session
}

/// The address without its fragment and tracking parameters, and with one slash where a
/// path starts with several ("//articles/…", a join of a site's address and a path).
pub(crate) fn clean(mut url: Url) -> Url {
    url.set_fragment(None);
    if url.path().starts_with("//") {
        let path = format!("/{}", url.path().trim_start_matches('/'));
        url.set_path(&path);
    }
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url.query_pairs().filter(|(k, v)| !is_tracking(k, v)).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        if kept.is_empty() {
            url.set_query(None);
        } else if kept.len() != url.query_pairs().count() {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    url
}

/// The site of an address: its host, without a leading `www.`, in lower case.
pub(super) fn site(url: &Url) -> String {
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    host.strip_prefix("www.").map(str::to_string).unwrap_or(host)
}

/// Whether two sites are one: equal, or one a part of the other ("news.example.org" and
/// "example.org").
pub(super) fn same_site(a: &str, b: &str) -> bool {
    a == b || a.strip_suffix(b).is_some_and(|r| r.ends_with('.')) || b.strip_suffix(a).is_some_and(|r| r.ends_with('.'))
}

/// The site's home page: no path (or only an index file, or a language) and no query.
pub(crate) fn is_home(url: &Url) -> bool {
    if url.query().is_some_and(|q| !q.is_empty()) {
        return false;
    }
    let segments: Vec<&str> = url.path().split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [] => true,
        [only] => is_index(only) || is_language(only),
        [lang, only] => is_language(lang) && is_index(only),
        _ => false,
    }
}

/// "index.html", "default.aspx", "home".
fn is_index(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or("").to_ascii_lowercase();
    matches!(stem.as_str(), "index" | "default" | "home")
}

/// "en", "en-us", "pt_BR": a language as the first part of a path.
fn is_language(segment: &str) -> bool {
    let mut parts = segment.split(['-', '_']);
    let lang = parts.next().unwrap_or("");
    lang.len() == 2 && lang.chars().all(|c| c.is_ascii_alphabetic()) && parts.all(|p| (2..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Path words that mark a page listing other pages: a section, a tag, an author, a search.
const LISTING_WORDS: &[&str] = &["category", "categories", "tag", "tags", "topic", "topics", "author", "authors", "section", "sections", "search", "page", "archive", "archives", "feed"];

/// A page of the site that is no story of its own: a section ("/news", "/world/europe"),
/// a tag or author page, a search. A story's address has a slug or a number somewhere.
pub(super) fn is_section(url: &Url) -> bool {
    let segments: Vec<String> = url.path().split('/').filter(|s| !s.is_empty()).map(str::to_ascii_lowercase).collect();
    if segments.iter().any(|s| LISTING_WORDS.contains(&s.as_str())) {
        return true;
    }
    let plain = |s: &String| s.chars().all(|c| c.is_alphabetic());
    let has_query = url.query().is_some_and(|q| !q.is_empty());
    segments.len() <= 2 && segments.iter().all(plain) && !has_query
}

/// Files that are no page: images, media, styles, scripts.
pub(crate) fn is_file(url: &Url) -> bool {
    let last = url.path().rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    let ext = last.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    matches!(ext, "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "svg" | "ico" | "bmp" | "mp4" | "webm" | "mp3" | "css" | "js" | "json" | "xml" | "woff" | "woff2")
}

/// An address as compared with another: without scheme, `www.`, trailing slash, fragment or
/// tracking parameters (`None` for what is no http(s) address).
///
/// ```
/// use cleancopy::html::address::comparable_address;
/// assert_eq!(comparable_address("http://www.example.org/a/?utm_source=x#top"), comparable_address("https://example.org/a"));
/// ```
pub fn comparable_address(address: &str) -> Option<String> {
    absolute(address, None).map(|u| comparable(&u))
}

/// [`comparable_address`] of a parsed address.
pub(crate) fn comparable(url: &Url) -> String {
    let url = clean(url.clone());
    let path = url.path().trim_end_matches('/');
    match url.query() {
        Some(q) => format!("{}{path}?{q}", site(&url)),
        None => format!("{}{path}", site(&url)),
    }
}

/// A share service's own page: its path says "share" or "intent" ("/sharer/sharer.php",
/// "/intent/tweet", "/shareArticle").
pub(crate) fn is_share_endpoint(url: &Url) -> bool {
    url.path().split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        let w = w.to_ascii_lowercase();
        w.starts_with("share") || w == "sharing" || w == "intent"
    })
}

/// `s` with its percent escapes decoded (and `+` read as a space).
pub(super) fn percent_decoded(s: &str) -> String {
    url::form_urlencoded::parse(format!("v={s}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
}

/// How an address's words (its slug) stand to the headline's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agreement {
    /// Three words at least, and nearly all of them the headline's.
    Agrees,
    /// Four words at least, and hardly any of them the headline's (of four words or more).
    Contradicts,
    /// Too few words to tell, or some in common and some not.
    Unsure,
}

/// The words of the address's last part with words in it (its slug), without numbers.
fn slug_words(url: &Url) -> Vec<String> {
    let Some(slug) = url.path().split('/').rfind(|s| s.contains(['-', '_'])) else { return Vec::new() };
    let slug = percent_decoded(slug);
    let slug = slug.rsplit_once('.').filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphabetic())).map_or(slug.as_str(), |(s, _)| s);
    slug.split(['-', '_', '+']).filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit())).map(str::to_lowercase).collect()
}

/// A heading's words in lower case, as a slug spells them ("Beginner's" is the slug's
/// "beginners").
fn heading_words(heading: &str) -> Vec<String> {
    let heading = heading.replace(['\'', '\u{2019}'], "");
    heading.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The share of `words` that `heading` has, and how many words the heading has.
fn overlap(words: &[String], heading: &str) -> (f64, usize) {
    let heading_words = heading_words(heading);
    let found = words.iter().filter(|w| heading_words.contains(*w)).count();
    (found as f64 / words.len().max(1) as f64, heading_words.len())
}

/// How the address's slug stands to the headline: it agrees when it has three words or more
/// and the headline (or one of the page's first headings) has four in five of them; it
/// contradicts when it has four words or more, the headline (of four words or more) has at
/// most one in five of them and no other heading has half of them.
pub(crate) fn slug_agreement(url: &Url, title: Option<&str>, headings: &[String]) -> Agreement {
    let words = slug_words(url);
    if words.len() < 3 {
        return Agreement::Unsure;
    }
    let best = title.into_iter().chain(headings.iter().map(String::as_str)).map(|h| overlap(&words, h).0).fold(0.0, f64::max);
    let (to_title, title_len) = title.map_or((1.0, 0), |t| overlap(&words, t));
    if best >= 0.8 {
        Agreement::Agrees
    } else if words.len() >= 4 && title_len >= 4 && to_title <= 0.2 && best < 0.5 {
        Agreement::Contradicts
    } else {
        Agreement::Unsure
    }
}

/// Whether the address's slug and the headline are the same words: the headline has four in
/// five of the slug's words (three or more) and the slug has two in three of the headline's.
pub(crate) fn slug_is_headline(url: &Url, title: &str) -> bool {
    let words = slug_words(url);
    if words.len() < 3 {
        return false;
    }
    let (to_title, _) = overlap(&words, title);
    let title_words: Vec<String> = heading_words(title).into_iter().filter(|w| !w.chars().all(|c| c.is_ascii_digit())).collect();
    let covered = title_words.iter().filter(|w| words.contains(*w)).count();
    to_title >= 0.8 && 3 * covered >= 2 * title_words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn home_and_section_pages_are_told_from_stories() {
        for home in ["https://example.org", "https://example.org/", "https://example.org/index.html", "https://example.org/en/", "https://example.org/en-us/home"] {
            assert!(is_home(&url(home)), "{home}");
        }
        for story in ["https://example.org/?p=3360", "https://example.org/2024/05/river", "https://example.org/news/river-rises-again"] {
            assert!(!is_home(&url(story)), "{story}");
        }
        for section in ["https://example.org/news", "https://example.org/world/europe/", "https://example.org/tag/rivers-and-lakes"] {
            assert!(is_section(&url(section)), "{section}");
        }
        for story in ["https://example.org/news/river-rises-again", "https://example.org/news/12345", "https://example.org/a/b/c"] {
            assert!(!is_section(&url(story)), "{story}");
        }
    }

    #[test]
    fn tracking_parameters_and_the_fragment_are_dropped() {
        let u = clean(url("https://example.org/a?id=3&utm_source=x&fbclid=y#top"));
        assert_eq!(u.as_str(), "https://example.org/a?id=3");
        assert_eq!(clean(url("https://example.org/a?utm_medium=share")).as_str(), "https://example.org/a");
    }

    #[test]
    fn a_saving_browser_s_note_gives_the_address() {
        assert_eq!(recorded_in_comment(" saved from url=(0031)https://example.org/news/a.html ").unwrap().as_str(), "https://example.org/news/a.html");
        assert_eq!(recorded_in_comment("\n Page saved with SingleFile \n url: https://example.org/b \n saved date: Mon Jan 01 2024\n").unwrap().as_str(), "https://example.org/b");
        assert!(recorded_in_comment(" a comment about urls ").is_none());
    }

    #[test]
    fn an_address_s_words_agree_with_its_headline_or_contradict_it() {
        let headline = "How to Book a Flight for Beginners";
        let agreement = |u: &str| slug_agreement(&url(u), Some(headline), &[]);
        assert_eq!(agreement("https://example.org/2024/how-to-book-a-flight/"), Agreement::Agrees);
        assert_eq!(agreement("https://example.org/2024/best-trains-in-europe"), Agreement::Contradicts);
        assert_eq!(agreement("https://example.org/story/12345"), Agreement::Unsure);
        // Another of the page's headings agreeing: no contradiction.
        let other = ["Best trains in Europe, and how to ride them".to_string()];
        assert_eq!(slug_agreement(&url("https://example.org/2024/best-trains-in-europe"), Some(headline), &other), Agreement::Agrees);
        // No headline: nothing to contradict.
        assert_eq!(slug_agreement(&url("https://example.org/2024/best-trains-in-europe"), None, &[]), Agreement::Unsure);
    }
}
