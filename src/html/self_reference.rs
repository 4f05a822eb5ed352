//! A paste's address from what the page says of itself, where a copy of the page carries no
//! head: its share buttons' targets (`…/sharer.php?u=…`, a `mailto:` body), its copy-link
//! controls, its headline's link, its permanent link (`rel="bookmark"`), its menu's current
//! item, its links into itself (`#comments`). Each kind of reference is one vote; an address
//! is taken where the votes agree on it and name no other, and where its words do not
//! contradict the headline's (see [`self_referenced`]).
//!
//! A browser's copy of a page names its links in full, read against the page's address; a
//! copy made of a page shown at another address names them against that one. So an address
//! only links name is taken only on a site the page also writes out in full where nothing
//! rewrites it (a share button's target, a `data-` attribute, a picture's `srcset`).

use super::address::{absolute, slug_is_headline, clean, comparable, is_file, is_home, is_section, is_share_endpoint, is_tracking, percent_decoded, same_site, site, slug_agreement, Agreement};
use super::Attrs;
use std::collections::{HashMap, HashSet};

use scraper::{ElementRef, Html};
use url::Url;

/// How many of the page's first headings an address's words are compared with.
const HEADINGS_READ: usize = 8;

/// How much of a heading is read: a headline is shorter.
const HEADING_CHARS: usize = 300;

/// The fewest addresses on one site, written out in full, that make it the page's own.
const OWN_SITE_MENTIONS: usize = 3;

/// Query parameters whose text may hold the address among other words: a post's text, a
/// mail's body.
const TEXT_PARAMETERS: &[&str] = &["text", "body", "status", "title", "description", "message", "summary", "subject"];

/// The addresses a link carries in its query (a share button's `u=`, `url=`, `text=…`; a
/// `mailto:` body; a sign-in link's `return_url=`).
fn carried(href: &Url) -> Vec<Url> {
    carried_named(href).into_iter().map(|(_, u)| u).collect()
}

/// [`carried`], each address with the name of the parameter it came in.
fn carried_named(href: &Url) -> Vec<(String, Url)> {
    let mut out = Vec::new();
    let fragment_pairs = href.fragment().map(|f| url::form_urlencoded::parse(f.as_bytes()).into_owned().collect::<Vec<_>>()).unwrap_or_default();
    for (name, value) in href.query_pairs().into_owned().chain(fragment_pairs) {
        let value = value.trim();
        // Some share links encode the address twice.
        let value = if value.to_ascii_lowercase().starts_with("http%3a") || value.to_ascii_lowercase().starts_with("https%3a") {
            percent_decoded(value)
        } else {
            value.to_string()
        };
        let name = name.to_ascii_lowercase();
        if value.starts_with("http://") || value.starts_with("https://") {
            // The address ends where words (or a second, escaped parameter) follow it.
            let end = ["%20", "&amp;", " "].iter().filter_map(|t| value.find(t)).min().unwrap_or(value.len());
            out.extend(absolute(&value[..end], None).map(|u| (name.clone(), u)));
        } else if TEXT_PARAMETERS.contains(&name.as_str()) {
            out.extend(urls_in_text(&value).map(|u| (name.clone(), u)));
        }
    }
    out
}

/// The http(s) addresses written in a text, each ending at white space or a quote.
fn urls_in_text(text: &str) -> impl Iterator<Item = Url> + '_ {
    text.split(|c: char| c.is_whitespace() || matches!(c, '\'' | '"' | '<' | '>'))
        .filter_map(|w| w.find("http://").or_else(|| w.find("https://")).map(|i| &w[i..]))
        .filter_map(|w| absolute(w.trim_end_matches(['.', ',', ';', ')', '(']), None))
}

/// Parameters in which a link carries the page it is on: where a sign-in or a form returns
/// the reader to. (A referrer parameter is left out: affiliate links fill it with an address
/// of their own making.)
const RETURN_PARAMETERS: &[&str] = &["return", "returnurl", "returnto", "return_url", "return_to", "redirect", "redirect_uri", "redirect_url", "redirect_to", "next", "continue", "back", "backurl"];

/// Class or id words of the elements around a share or copy-link control.
const SHARE_WORDS: &[&str] = &["share", "sharing", "copy", "permalink", "clipboard", "a2a", "addtoany", "addthis", "sharethis"];

/// Whether `el` or one of its three nearest ancestors is classed as sharing.
fn in_share_control(el: &ElementRef) -> bool {
    near_class_word(el, SHARE_WORDS)
}

/// Whether `el` or one of its three nearest ancestors has a class or id word starting with
/// one of `words`.
fn near_class_word(el: &ElementRef, words: &[&str]) -> bool {
    std::iter::successors(Some(*el), |a| a.parent().and_then(ElementRef::wrap)).take(4).any(|a| super::root::has_class_word(&a, words))
}

/// Words of a share button's own address ("/sharer/sharer.php", "/intent/tweet",
/// "/pin/create", "/submit", "/send").
const SHARE_PATH_WORDS: &[&str] = &["share", "sharer", "sharing", "intent", "submit", "send", "compose", "pin", "tweet", "bookmark", "bookmarklet", "save", "post"];

/// Whether a link that carries an address is a share button: a mail or message link, an
/// address whose path says so, or a control the page classes or labels as sharing.
fn is_share_link(el: &ElementRef, href: &Url) -> bool {
    if !matches!(href.scheme(), "http" | "https") {
        return true;
    }
    let labelled = ["aria-label", "title"].iter().filter_map(|a| el.value().attribute(a)).any(|l| l.to_lowercase().contains("share"));
    says_share(href) || labelled || in_share_control(el) || near_class_word(el, &["social"])
}

/// Whether an address's path says it shares ("/sharer/sharer.php", "/intent/tweet").
fn says_share(href: &Url) -> bool {
    href.path().split(|c: char| !c.is_ascii_alphanumeric()).any(|w| SHARE_PATH_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// A link labelled as the page's own: its title or label says "copy link", "copy URL" or
/// "permalink", or its class or id is "copy-link", "copylink" or "permalink".
fn is_copy_link(el: &ElementRef) -> bool {
    let e = el.value();
    let said = ["title", "aria-label"].iter().filter_map(|a| e.attribute(a)).map(|l| crate::words::collapse_ws(&l.to_lowercase())).any(|l| {
        l.contains("copy link") || l.contains("copy url") || l.contains("copy the link") || l.contains("permalink") || l.contains("permanent link")
    });
    let named = [e.attribute("class"), e.attribute("id")].into_iter().flatten().flat_map(|v| v.split_ascii_whitespace()).any(|w| {
        let w = w.to_ascii_lowercase().replace(['-', '_'], "");
        w.starts_with("copylink") || w == "permalink"
    });
    if said || named {
        return true;
    }
    // The link's own words, read no further than a label's length.
    let mut text = String::new();
    for chunk in el.text() {
        text.push_str(chunk);
        if text.len() > 40 {
            return false;
        }
    }
    let text = crate::words::collapse_ws(&text).to_lowercase();
    text.starts_with("copy link") || text.starts_with("copy url") || text == "permalink"
}

/// A menu's item for the page shown: the link or its list item classed "current",
/// "current-menu-item", "current_page_item" (not "current-menu-parent", the section's).
fn is_current_item(el: &ElementRef) -> bool {
    let parent = el.parent().and_then(ElementRef::wrap).filter(|p| p.value().name() == "li");
    std::iter::once(*el).chain(parent).filter_map(|e| e.value().attribute("class")).flat_map(str::split_ascii_whitespace).any(|w| {
        let w = w.to_ascii_lowercase().replace(['-', '_'], "");
        matches!(w.as_str(), "current" | "iscurrent" | "currentpage" | "currentmenuitem" | "currentpageitem")
    })
}

/// The link an `<h1>` is: a link around it, or one inside it holding most of its text.
fn headline_link(h1: &ElementRef) -> Option<Url> {
    let text_len = |e: &ElementRef| e.text().map(|t| t.trim().chars().count()).sum::<usize>();
    let around = std::iter::successors(h1.parent().and_then(ElementRef::wrap), |a| a.parent().and_then(ElementRef::wrap)).take(2).find(|a| a.value().name() == "a");
    let inside = || h1.descendants().filter_map(ElementRef::wrap).find(|a| a.value().name() == "a" && 2 * text_len(a) >= text_len(h1));
    let link = around.or_else(inside)?;
    absolute(link.value().attribute("href")?, None)
}

/// How many of a page's links lead to each site.
#[derive(Debug, Default)]
struct LinkSites {
    counts: HashMap<String, usize>,
    total: usize,
}

impl LinkSites {
    /// Links to `site` or a part of it.
    fn count(&self, s: &str) -> usize {
        self.counts.iter().filter(|(k, _)| same_site(k, s)).map(|(_, n)| n).sum()
    }

    fn add(&mut self, url: &Url) {
        *self.counts.entry(site(url)).or_default() += 1;
        self.total += 1;
    }

    /// The site most of the page's links lead to, when there is one: at least
    /// [`OWN_SITE_LINKS`] links and half of them all.
    fn own(&self) -> Option<&str> {
        let (site, _) = self.counts.iter().max_by_key(|(s, n)| (**n, std::cmp::Reverse(s.len()), std::cmp::Reverse(*s)))?;
        let n = self.count(site);
        (n >= OWN_SITE_LINKS && 2 * n >= self.total).then_some(site.as_str())
    }
}

/// The fewest links to one site that make it the page's own.
const OWN_SITE_LINKS: usize = 5;

/// The ways a page names its own address, each one vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vote {
    /// A share service's button carries it (`u=`, `url=`, `text=`; a `mailto:` body): one
    /// vote per service (the service's number in [`Ballot::names`]), however many buttons.
    Service(usize),
    /// A share or copy-link control names it in an attribute or field of its own.
    Control,
    /// A link labelled as the page's own ("Copy link", "Permalink").
    CopyLink,
    /// A share button that leads to the page itself with a mark ("?share=twitter"): one
    /// vote per mark (its number in [`Ballot::names`]).
    ShareLink(usize),
    /// A link that returns the reader here after signing in (`return_url=`, `redirect=`,
    /// `next=`).
    Return,
    /// The page's `<h1>` links to it.
    Headline,
    /// A link marked as the story's permanent link (`rel="bookmark"`).
    Bookmark,
    /// A menu link marked as the current page (`aria-current="page"`).
    Current,
    /// The page's links into itself (its comments, its footnotes, its table of contents)
    /// lead to it, with a fragment.
    Fragments,
    /// A link or address whose words are the headline's.
    Named,
}

/// One address the page names itself by, with its votes.
struct Candidate {
    /// The address as compared (see [`comparable`]).
    key: String,
    url: Url,
    votes: Vec<Vote>,
}

/// The most addresses a page may name itself by: one that names more is a list of other
/// pages, and says nothing certain of its own.
const MOST_CANDIDATES: usize = 256;

/// Every address the page's own references name, with the votes each gets.
#[derive(Default)]
struct Ballot {
    candidates: Vec<Candidate>,
    /// More than [`MOST_CANDIDATES`] addresses were named.
    overflow: bool,
    /// The share services and share marks that vote, by number.
    names: Vec<String>,
    /// The sites of the addresses the page writes out in full where no browser rewrites them
    /// (in the query of a link, in a `data-` attribute): a capture's copy of the page may
    /// have read its relative links against another address, never these.
    literal: HashSet<String>,
    /// How often the page writes out each site in full outside its share and copy-link
    /// controls (its pictures' `data-src`, its redirects' targets): the site it names most
    /// is its own.
    mentions: HashMap<String, usize>,
    /// The sites the page's plain links lead to.
    links: LinkSites,
    /// The page's links into itself: the address and the fragment, to be checked against the
    /// page's ids.
    into_page: Vec<(Url, String)>,
    /// Addresses whose words are the headline's.
    named: Vec<Url>,
}

/// The most addresses with the headline's words kept (two already cancel each other's vote).
const MOST_NAMED: usize = 64;

/// The most links into the page read.
const MOST_INTO_PAGE: usize = 1024;

impl Ballot {
    fn vote(&mut self, url: Url, vote: Vote) {
        let url = clean(url);
        let key = comparable(&url);
        let i = match self.candidates.iter().position(|c| c.key == key) {
            Some(i) => i,
            None if self.candidates.len() >= MOST_CANDIDATES => {
                self.overflow = true;
                return;
            }
            None => {
                self.candidates.push(Candidate { key, url, votes: Vec::new() });
                self.candidates.len() - 1
            }
        };
        if !self.candidates[i].votes.contains(&vote) {
            self.candidates[i].votes.push(vote);
        }
    }

    /// The number of a share service or share mark.
    fn name(&mut self, name: String) -> usize {
        self.names.iter().position(|n| *n == name).unwrap_or_else(|| {
            self.names.push(name);
            self.names.len() - 1
        })
    }

    fn mention(&mut self, url: &Url) {
        *self.mentions.entry(site(url)).or_default() += 1;
    }

    /// The site the page writes out in full most often outside its controls: at least
    /// [`OWN_SITE_MENTIONS`] times, and a third of all.
    fn named_most(&self) -> Option<String> {
        let total: usize = self.mentions.values().sum();
        let (site, n) = self.mentions.iter().max_by_key(|(s, n)| (**n, std::cmp::Reverse(s.len()), std::cmp::Reverse(*s)))?;
        (*n >= OWN_SITE_MENTIONS && 3 * n >= total).then(|| site.clone())
    }
}

/// Reads every self-reference of the page (see [`Vote`]), with the texts of its `<h1>` and
/// `<h2>` headings.
fn read_ballot(doc: &Html, title: Option<&str>) -> (Ballot, Vec<String>) {
    let mut ballot = Ballot::default();
    let mut headings = Vec::new();
    for el in doc.root_element().descendants().filter_map(ElementRef::wrap) {
        let e = el.value();
        match e.name() {
            "a" | "area" => {
                if let Some(link) = e.attribute("href").and_then(|h| Url::parse(h.trim()).ok()) {
                    read_link(&el, link, &mut ballot, title);
                }
            }
            "h1" | "h2" => {
                headings.push(crate::words::collapse_ws(&el.text().collect::<String>()));
                if e.name() == "h1" {
                    if let Some(url) = headline_link(&el) {
                        ballot.vote(url, Vote::Headline);
                    }
                }
            }
            _ => {}
        }
        read_attributes(&el, &mut ballot);
    }
    // A link into the page leads to one of its elements.
    if !ballot.into_page.is_empty() {
        let wanted: HashSet<String> = ballot.into_page.iter().map(|(_, f)| f.clone()).collect();
        let ids: HashSet<String> = doc
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter_map(|e| e.value().attribute("id").or(e.value().attribute("name")))
            .filter(|id| wanted.contains(*id))
            .map(str::to_string)
            .collect();
        for (url, fragment) in std::mem::take(&mut ballot.into_page) {
            if ids.contains(&fragment) {
                ballot.vote(url, Vote::Fragments);
            }
        }
    }
    (ballot, headings)
}

/// The votes of one link (see [`Vote`]).
fn read_link(el: &ElementRef, link: Url, ballot: &mut Ballot, title: Option<&str>) {
    let e = el.value();
    let service = match link.scheme() {
        "http" | "https" => site(&link),
        "javascript" | "data" => return,
        other => other.to_string(),
    };
    // A link to another page of the same site that carries an address carries it as where
    // to return (a sign-in's `return_url=`); any other parameter naming the site is its own.
    let addresses: Vec<(String, Url)> = carried_named(&link).into_iter().filter(|(name, u)| site(u) != service || RETURN_PARAMETERS.contains(&name.as_str())).collect();
    if !addresses.is_empty() {
        ballot.literal.extend(addresses.iter().map(|(_, u)| site(u)));
        if is_share_link(el, &link) {
            let service = ballot.name(service);
            for (_, url) in addresses {
                ballot.vote(url, Vote::Service(service));
            }
        } else {
            for (_, url) in &addresses {
                ballot.mention(url);
            }
            for (_, url) in addresses.into_iter().filter(|(name, _)| RETURN_PARAMETERS.contains(&name.as_str())) {
                ballot.vote(url, Vote::Return);
            }
        }
        return;
    }
    if !matches!(link.scheme(), "http" | "https") {
        return;
    }
    if let Some(url) = absolute(link.as_str(), None) {
        ballot.links.add(&url);
        if ballot.named.len() < MOST_NAMED && title.is_some_and(|t| slug_is_headline(&url, t)) && !ballot.named.iter().any(|n| comparable(n) == comparable(&url)) {
            ballot.named.push(url);
        }
    }
    // A share button that leads to the page itself, marked by a parameter: named `share`
    // ("…/story/?share=twitter"), or saying `share` ("…/story?action=share").
    let marks_share = |k: &str, v: &str| k.eq_ignore_ascii_case("share") || (v.eq_ignore_ascii_case("share") && !is_tracking(k, v));
    if let Some((k, v)) = link.query_pairs().find(|(k, v)| marks_share(k, v)) {
        let button = ballot.name(format!("{k}={v}"));
        let kept: Vec<(String, String)> = link.query_pairs().filter(|(k, v)| !marks_share(k, v)).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let mut page = link.clone();
        page.set_query(None);
        if !kept.is_empty() {
            page.query_pairs_mut().extend_pairs(kept);
        }
        ballot.vote(page, Vote::ShareLink(button));
        return;
    }
    if e.attribute("rel").is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("bookmark"))) {
        ballot.vote(link.clone(), Vote::Bookmark);
    }
    if e.attribute("aria-current").is_some_and(|c| c.eq_ignore_ascii_case("page")) || is_current_item(el) {
        ballot.vote(link.clone(), Vote::Current);
    }
    if is_copy_link(el) {
        ballot.vote(link.clone(), Vote::CopyLink);
    }
    if let Some(fragment) = link.fragment().filter(|f| !f.is_empty()).map(percent_decoded) {
        if ballot.into_page.len() < MOST_INTO_PAGE {
            ballot.into_page.push((link, fragment));
        }
    }
}

/// Attributes a browser reads as addresses and rewrites against the page's own when it
/// copies the page: what they hold may not be what the page wrote.
fn is_resolved_attribute(element: &str, name: &str) -> bool {
    matches!(name, "src" | "action" | "formaction" | "cite" | "poster" | "background" | "longdesc" | "usemap" | "ping" | "data" | "codebase")
        || (name == "href" && matches!(element, "a" | "area" | "link" | "base"))
}

/// Attribute names that say the address is the page's own: "data-share-url",
/// "data-permalink", "data-clipboard-text", "data-pin-url", "data-current-page",
/// "data-canonical", "page-url".
const SELF_NAMES: &[&str] = &["share", "permalink", "clipboard", "a2a", "pin", "current", "canonical", "pageurl", "page-url", "page_url"];

/// Attribute names that name another page than the one shown.
const OTHER_NAMES: &[&str] = &["next", "prev", "previous", "related", "author", "profile", "image", "img", "media", "thumb", "src", "api", "endpoint", "ajax", "callback", "logo", "icon"];

/// The votes of an element's own attributes: addresses the page wrote out in full (see
/// [`Ballot::literal`]), share buttons' targets kept in an attribute or a script handler
/// (`data-url="…/sharer.php?u=…"`, `onclick="window.open('…/intent/tweet?url=…')"`), and
/// the page's address named by a share or copy-link control ([`Vote::Control`]).
fn read_attributes(el: &ElementRef, ballot: &mut Ballot) {
    let e = el.value();
    let mut control = None;
    // Attributes in a namespace ("xmlns:xlink", "xlink:href") name no page.
    for (name, value) in e.attrs.iter().filter(|(n, _)| n.ns.is_empty()).map(|(n, v)| (&*n.local, &**v)) {
        let name = name.to_ascii_lowercase();
        if is_resolved_attribute(e.name(), &name) {
            continue;
        }
        let handler = name.starts_with("on");
        // A picture's candidates ("a.jpg 1x, b.jpg 2x") are written as the page wrote them.
        if name.ends_with("srcset") {
            for candidate in value.split(',').filter_map(|c| c.split_whitespace().next()) {
                if let Some(url) = absolute(candidate, None) {
                    ballot.literal.insert(site(&url));
                    ballot.mention(&url);
                }
            }
            continue;
        }
        let addresses: Vec<Url> = if handler || name == "style" {
            if !value.contains("http") {
                continue;
            }
            urls_in_text(value).collect()
        } else {
            // Only what starts as an address is read as one.
            let start = value.trim_start();
            if !(start.starts_with("http") || start.starts_with("//")) {
                continue;
            }
            absolute(value, None).into_iter().collect()
        };
        for url in addresses {
            ballot.literal.insert(site(&url));
            let service = site(&url);
            let targets: Vec<Url> = carried(&url).into_iter().filter(|u| site(u) != service).collect();
            if !targets.is_empty() {
                if says_share(&url) || in_share_control(el) {
                    let service = ballot.name(service);
                    for target in targets {
                        ballot.literal.insert(site(&target));
                        ballot.vote(target, Vote::Service(service));
                    }
                }
                continue;
            }
            if handler || control.is_some() {
                continue;
            }
            // On a picture, only its pin button's address: its others are the picture's.
            let pin = name.contains("pin");
            let names_self = SELF_NAMES.iter().any(|w| name.contains(w));
            // Inside a share control, an attribute that only says "address" ("data-url",
            // "data-href", a copy box's "value"); elsewhere one that says whose.
            let names_address = matches!(name.as_str(), "url" | "href" | "link" | "data-url" | "data-href" | "data-link") || (name == "value" && e.name() == "input");
            if (e.name() == "img" && !pin) || !(names_address || names_self) || (OTHER_NAMES.iter().any(|w| name.contains(w)) && !pin) {
                ballot.mention(&url);
                continue;
            }
            if names_self || (names_address && in_share_control(el)) {
                control = Some(url);
            } else {
                ballot.mention(&url);
            }
        }
    }
    if let Some(url) = control {
        ballot.vote(url, Vote::Control);
    }
}

/// The address the page names itself by, where its own references agree on it and name no
/// other (see [`Vote`]):
///
/// - a kind of reference counts only where it names one address (the share buttons of each
///   item of a list say nothing of the page's own), and never for the site's home page, a
///   file, a share service's own page or a section (unless two share services name it);
/// - an address only the page's links name is taken only on a site the page also writes
///   out in full (see the module's notes), or, for its links into itself, where the
///   address's words are the headline's and the page writes no other site out most;
/// - the address needs two votes, its words agreeing with the headline's counting as one
///   (not for a headline's own link, which has its words whatever it leads to), and so does
///   the page's own site for a share button's target or a link whose words are the
///   headline's (slug and headline the same words: [`slug_is_headline`]); a share button's
///   target alone suffices where nothing contests it; its words must not contradict the
///   headline's;
/// - no other address may have a share button's or the headline's vote, nor more than half
///   its votes, unless it is the same page with or without a query, or the site's short
///   address for it (`/?p=123`).
pub(super) fn self_referenced(doc: &Html, title: Option<&str>) -> Option<Url> {
    let (mut ballot, headings) = read_ballot(doc, title.filter(|t| !t.trim().is_empty()));
    if ballot.overflow {
        return None;
    }
    // An address's words are compared with the headline and the page's first headings (a
    // paste's first heading is often the site's name, its headline further down).
    let title: Option<String> = title.filter(|t| !t.trim().is_empty()).map(|t| t.chars().take(HEADING_CHARS).collect());
    let title = title.as_deref();
    let headings: Vec<String> = headings.into_iter().filter(|h| !h.is_empty()).take(HEADINGS_READ).map(|h| h.chars().take(HEADING_CHARS).collect()).collect();
    let words = |url: &Url| slug_agreement(url, title, &headings);
    for url in std::mem::take(&mut ballot.named) {
        ballot.vote(url, Vote::Named);
    }
    keep_distinct_votes(&mut ballot);
    let named_most = ballot.named_most();
    let literal = std::mem::take(&mut ballot.literal);
    ballot.candidates.retain(|c| {
        anchored(&c.votes)
            || literal.iter().any(|l| same_site(l, &site(&c.url)))
            || (c.votes.contains(&Vote::Fragments) && words(&c.url) == Agreement::Agrees && named_most.as_deref().is_none_or(|s| same_site(s, &site(&c.url))))
    });
    let own = ballot.links.own();
    let scored: Vec<Scored> = ballot
        .candidates
        .into_iter()
        .map(|Candidate { url, votes, .. }| {
            let words = words(&url);
            // A headline's own link, and an address chosen for its words, have the headline's words
            // whatever page they lead to.
            let headline_only = votes.iter().all(|v| matches!(v, Vote::Headline | Vote::Named));
            let is_own = |s: Option<&str>| s.is_some_and(|s| same_site(s, &site(&url)));
            let shared = votes.iter().any(|v| matches!(v, Vote::Service(_) | Vote::ShareLink(_) | Vote::Return));
            // The page's own site confirms a share button's target or an address with the
            // headline's words, and a permanent link or
            // links into the page on the site its links lead to; never a menu's link or a
            // control's address, which may be another page of the same site (a section, a
            // wish list).
            let own_site = ((shared || votes.contains(&Vote::Named)) && (is_own(named_most.as_deref()) || is_own(own))) || ((votes.contains(&Vote::Bookmark) || votes.contains(&Vote::Fragments)) && is_own(own));
            let confirmed = (words == Agreement::Agrees && !headline_only) || own_site;
            Scored { score: votes.len() + usize::from(confirmed), url, votes, words }
        })
        .collect();
    // The best supported; between equals, one with a path of its own over a short address
    // ("/?p=123"), then the first in order.
    let best = scored.iter().max_by_key(|c| (c.score, c.url.path() != "/", std::cmp::Reverse(c.url.as_str())))?;
    let same_page = |other: &Url| {
        site(other) == site(&best.url)
            && ((other.path() == best.url.path() && (other.query().is_none() || best.url.query().is_none())) || (other.path() == "/" && other.query().is_some()))
    };
    let contested = scored
        .iter()
        .filter(|c| !std::ptr::eq(*c, best) && !same_page(&c.url))
        .any(|c| c.votes.iter().any(|v| matches!(v, Vote::Service(_) | Vote::ShareLink(_) | Vote::Headline)) || 2 * c.score > best.score);
    // A share button's target is the page's own by itself where no other address contests it.
    let alone = best.votes.iter().any(|v| matches!(v, Vote::Service(_)));
    let certain = (best.score >= 2 || alone) && best.words != Agreement::Contradicts;
    (certain && !contested).then(|| best.url.clone())
}

/// An address, its votes and how much they count.
struct Scored {
    score: usize,
    url: Url,
    votes: Vec<Vote>,
    words: Agreement,
}

/// Whether an address has a vote the page wrote out in full (see the module's notes).
fn anchored(votes: &[Vote]) -> bool {
    votes.iter().any(|v| matches!(v, Vote::Service(_) | Vote::Control | Vote::Return))
}

/// Drops the addresses that are no page's own (the site's home page, a file, a share
/// service's page), then each kind of vote given to more than one address (links into the
/// page count only where they all lead to one), then the sections only one share service
/// names.
fn keep_distinct_votes(ballot: &mut Ballot) {
    ballot.candidates.retain(|c| !is_home(&c.url) && !is_file(&c.url) && !is_share_endpoint(&c.url) && carried(&c.url).is_empty());
    let given = |vote: Vote, candidates: &[Candidate]| candidates.iter().filter(|c| c.votes.contains(&vote)).count();
    let once: Vec<Vote> = ballot.candidates.iter().flat_map(|c| c.votes.iter().copied()).filter(|v| given(*v, &ballot.candidates) == 1).collect();
    for c in &mut ballot.candidates {
        c.votes.retain(|v| once.contains(v));
    }
    ballot.candidates.retain(|c| !c.votes.is_empty() && (!is_section(&c.url) || c.votes.iter().filter(|v| matches!(v, Vote::Service(_))).count() >= 2));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn a_share_link_carries_its_address() {
        let got = |h: &str| carried(&url(h)).iter().map(|u| u.to_string()).collect::<Vec<_>>();
        assert_eq!(got("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fa"), ["https://example.org/a"]);
        assert_eq!(got("https://twitter.com/intent/tweet?text=Read%20this%20https%3A%2F%2Fexample.org%2Fa."), ["https://example.org/a"]);
        assert_eq!(got("mailto:?subject=A%20story&body=See%20https%3A%2F%2Fexample.org%2Fa"), ["https://example.org/a"]);
        assert_eq!(got("https://share.example/?url=https%253A%252F%252Fexample.org%252Fa"), ["https://example.org/a"]);
        assert!(got("https://example.org/search?q=rivers").is_empty());
    }

}
