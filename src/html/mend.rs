//! Parsing a page, with two mends for markup that browsers show as a page but that would read
//! here as no page at all.
//!
//! - **A story in the fallback for readers without scripts.** An application that renders its
//!   pages with scripts (a forum, a single-page site) may give the same content, rendered on
//!   the server, inside `<noscript>`. The parser reads `<noscript>` as raw text (as a browser
//!   with scripts on does), so a saved copy of such a page has an empty body. When a
//!   `<noscript>` holds more words of markup than the rest of the body shows, the page is read
//!   as the browser would show it with scripts off: that fallback's markup is parsed as part of
//!   the page.
//! - **A story in wrappers hidden until scripts run.** A page streamed in parts keeps them in
//!   `hidden` wrappers that its scripts move into place; another hides its whole body until its
//!   styles load (`visibility: hidden`). When a hidden element holds more words than the page
//!   shows outside hidden elements, it is shown, as the page is once its scripts ran.
//! - **Parts streamed in after their place.** A page rendered on the server in streamed parts
//!   sends each late part as a hidden `<div id="S:n">` at the end of the body, and marks its place
//!   with an element whose id is `P:n` or `B:n` (a `<template>`); its scripts then move the part
//!   there. Each such part is moved to its place and shown, whatever its length.
//! - **A form around the page.** A forum that lets moderators act on several posts at once
//!   wraps the thread in a `<form>`; an older site wraps its whole page in one. A form is
//!   furniture (a search box, a sign-up), but one that holds at least [`WRAPPER_FORM_WORDS`]
//!   words outside its controls is read as a plain block.
//! - **A furniture element left open.** An `<aside>`, `<nav>` or `<footer>` whose end tag is
//!   missing or misplaced swallows everything after it, the page's `<main>` included; browsers
//!   style it as what it holds, but here everything inside it would be skipped as furniture.
//!   The `<main>` is moved out, to stand after the outermost such element.
//! - **Panels folded until clicked.** A product's description and specifications, a service's
//!   answers, often sit in an accordion or behind tabs: a panel hidden until the reader opens
//!   it with the button (or tab) whose `aria-controls` names it. A reader wants it open, as a
//!   printed page would show it: such a panel, and what hides it up to where its control
//!   stands, is shown. Controls in a menu (a `<nav>`, `<header>` or a role of navigation,
//!   menu or menu bar) open menus, which stay as they are.

use super::Attrs;
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use scraper::{Html, HtmlTreeSink, Node};
use std::borrow::Cow;

use super::depth;
use super::root::{class_weight, is_hidden, is_skipped_tag};
use crate::words::count_words;

/// A `<noscript>` fallback is read as the page when it holds at least this many words.
const FALLBACK_MIN_WORDS: usize = 50;

/// Parses `input` as a document (its nesting bounded, see `depth.rs`), mended as above.
///
/// The parser's own copy of the page is the only one kept: an owned `input` is freed once it
/// is made, and the fallback above reads the source from it. (The texts of the tree are
/// slices of that copy, so it lives as long as the tree does.)
pub fn parse<'a>(input: impl Into<Cow<'a, str>>) -> Html {
    let input = input.into();
    let source = StrTendril::from_slice(&depth::bound(&input));
    drop(input);
    let mut doc = html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), Default::default()).one(source.clone());
    if let Some(rewritten) = read_fallback(&doc, &source) {
        doc = Html::parse_document(&rewritten);
    }
    place_streamed_parts(&mut doc);
    unwrap_wrapper_forms(&mut doc);
    open_folded_panels(&mut doc);
    show_hidden_story(&mut doc);
    lift_main(&mut doc);
    doc
}

/// Whether an element's text is never shown: scripts, styles, templates, fallbacks, the head.
fn is_raw(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "noscript" | "head" | "title")
}

/// A `<form>` holding at least this many words outside its controls wraps content.
const WRAPPER_FORM_WORDS: usize = 150;

/// Reads as a block each `<form>` that holds [`WRAPPER_FORM_WORDS`] words or more outside its
/// controls, scripts and hidden parts: see the module's notes.
fn unwrap_wrapper_forms(doc: &mut Html) {
    let forms: Vec<NodeId> = doc.tree.nodes().filter(|n| n.value().as_element().is_some_and(|e| e.name() == "form")).map(|n| n.id()).collect();
    for id in forms {
        let Some(form) = doc.tree.get(id) else { continue };
        let mut words = 0;
        for node in form.descendants() {
            let Node::Text(text) = node.value() else { continue };
            let inside_control = node.ancestors().take_while(|a| a.id() != id).any(|a| {
                a.value().as_element().is_some_and(|e| {
                    is_raw(e.name())
                        || matches!(e.name(), "button" | "select" | "option" | "label" | "textarea")
                        || scraper::ElementRef::wrap(a).is_some_and(|e| is_hidden(&e))
                })
            });
            if !inside_control {
                words += count_words(text);
                if words >= WRAPPER_FORM_WORDS {
                    break;
                }
            }
        }
        if words >= WRAPPER_FORM_WORDS {
            if let Some(mut node) = doc.tree.get_mut(id) {
                if let Node::Element(el) = node.value() {
                    el.name.local = "div".into();
                }
            }
        }
    }
}

/// Moves each streamed part (`<div hidden id="S:n">`) to just before the element that marks its
/// place (id `P:n`, else `B:n`), and shows it: see the module's notes.
fn place_streamed_parts(doc: &mut Html) {
    let mut parts: Vec<(NodeId, String)> = Vec::new();
    let mut places: std::collections::HashMap<String, NodeId> = std::collections::HashMap::new();
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else { continue };
        let Some(id) = el.id() else { continue };
        let Some((kind, n)) = id.split_once(':') else { continue };
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        match kind {
            "S" if el.attribute("hidden").is_some() => parts.push((node.id(), n.to_string())),
            "P" | "B" => {
                places.entry(id.to_string()).or_insert(node.id());
            }
            _ => {}
        }
    }
    for (part, n) in parts {
        let Some(&place) = places.get(&format!("P:{n}")).or_else(|| places.get(&format!("B:{n}"))) else { continue };
        // A place inside the part itself cannot take it.
        if doc.tree.get(place).is_some_and(|p| p.ancestors().any(|a| a.id() == part)) {
            continue;
        }
        show(doc, [part], &["hidden"]);
        if let Some(mut at) = doc.tree.get_mut(place) {
            at.insert_id_before(part);
        }
    }
}

/// Shows each panel that a disclosure button or a tab controls, with the hidden elements
/// around it below its control: see the module's notes.
fn open_folded_panels(doc: &mut Html) {
    let in_menu = |node: ego_tree::NodeRef<Node>| {
        node.ancestors().any(|a| {
            a.value().as_element().is_some_and(|e| matches!(e.name(), "nav" | "header" | "menu") || matches!(e.attribute("role"), Some("navigation" | "menu" | "menubar")))
        })
    };
    // The panels' ids, with the element holding each control.
    let mut controlled: Vec<(String, NodeId)> = Vec::new();
    for node in doc.tree.nodes() {
        let Some(e) = node.value().as_element() else { continue };
        let control = e.attribute("aria-expanded").is_some() || e.attribute("role") == Some("tab");
        if let (true, Some(ids), Some(parent)) = (control, e.attribute("aria-controls"), node.parent()) {
            if !in_menu(node) {
                controlled.extend(ids.split_ascii_whitespace().map(|id| (id.to_string(), parent.id())));
            }
        }
    }
    if controlled.is_empty() {
        return;
    }
    let ids: std::collections::HashMap<&str, NodeId> = controlled.iter().map(|(id, at)| (id.as_str(), *at)).collect();
    let mut shown: Vec<NodeId> = Vec::new();
    for node in doc.tree.nodes() {
        let Some(at) = node.value().as_element().and_then(|e| e.attribute("id")).and_then(|id| ids.get(id)) else { continue };
        if node.value().as_element().is_some_and(|e| e.attribute("role") == Some("menu")) {
            continue;
        }
        // The panel, then its ancestors up to the one holding the control.
        let Some(holder) = doc.tree.get(*at) else { continue };
        let above: std::collections::HashSet<NodeId> = std::iter::once(holder).chain(holder.ancestors()).map(|a| a.id()).collect();
        for a in std::iter::once(node).chain(node.ancestors()) {
            if above.contains(&a.id()) {
                break;
            }
            if scraper::ElementRef::wrap(a).is_some_and(|e| is_hidden(&e)) {
                shown.push(a.id());
            }
        }
    }
    show(doc, shown, &["hidden", "aria-hidden", "style"]);
}

/// Shows the outermost hidden elements that hold more words than the page shows elsewhere
/// (and enough of them): see the module's notes.
fn show_hidden_story(doc: &mut Html) {
    let (shown, hidden) = word_counts(doc);
    // A box that the page's class words call furniture (a consent center, a sign-up form), or
    // one inside such a box, is hidden until asked for, not a story waiting for scripts.
    let furniture = |id: NodeId| {
        let el = doc.tree.get(id).and_then(scraper::ElementRef::wrap);
        el.is_some_and(|e| std::iter::successors(Some(e), |a| a.parent().and_then(scraper::ElementRef::wrap)).any(|a| class_weight(&a) < 0))
    };
    let stories: Vec<NodeId> = hidden.into_iter().filter(|&(id, words)| words >= FALLBACK_MIN_WORDS && words > shown && !furniture(id)).map(|(id, _)| id).collect();
    show(doc, stories, &["hidden", "aria-hidden", "style", "role"]);
}

/// Shows the elements `ids` by taking off the attributes (of `attrs`) that hide them.
fn show(doc: &mut Html, ids: impl IntoIterator<Item = NodeId>, attrs: &[&str]) {
    for id in ids {
        if let Some(mut node) = doc.tree.get_mut(id) {
            if let Node::Element(el) = node.value() {
                el.attrs.retain(|(name, _)| !attrs.contains(&&*name.local));
            }
        }
    }
}

/// The words a browser shows in `doc` with scripts on (outside scripts, styles, templates,
/// `<noscript>` and the head), with those under each outermost hidden element apart: one walk
/// of the tree.
fn word_counts(doc: &Html) -> (usize, Vec<(NodeId, usize)>) {
    let mut shown = 0;
    let mut hidden: Vec<(NodeId, usize)> = Vec::new();
    // Open elements that are raw or hidden: (node, is raw).
    let mut stack: Vec<(NodeId, bool)> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let raw = is_raw(el.name());
                    if raw || scraper::ElementRef::wrap(node).is_some_and(|e| is_hidden(&e)) {
                        stack.push((node.id(), raw));
                    }
                }
                Node::Text(text) if !stack.iter().any(|&(_, raw)| raw) => {
                    let words = count_words(text);
                    match stack.first() {
                        None => shown += words,
                        Some(&(outer, _)) => match hidden.iter_mut().find(|(h, _)| *h == outer) {
                            Some((_, w)) => *w += words,
                            None => hidden.push((outer, words)),
                        },
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if stack.last().is_some_and(|&(id, _)| id == node.id()) {
                    stack.pop();
                }
            }
        }
    }
    (shown, hidden)
}

/// `source` with the `<noscript>` tags around the largest fallback made `<div>`s, when that
/// fallback holds more words than the page shows otherwise (and enough of them).
fn read_fallback(doc: &Html, source: &str) -> Option<String> {
    // The text the parser keeps inside each <noscript>: markup, read as text. Most are an
    // image for lazy loaders or a line asking for scripts: only markup of some length is read.
    let largest = doc
        .tree
        .nodes()
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "noscript"))
        .filter_map(|n| {
            let markup: String = n.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
            (count_words(&markup) >= FALLBACK_MIN_WORDS).then(|| count_words(&Html::parse_fragment(&markup).root_element().text().collect::<String>()))
        })
        .max()?;
    if largest < FALLBACK_MIN_WORDS || largest <= word_counts(doc).0 {
        return None;
    }
    // Find that fallback in the source: the <noscript> whose content has the most words.
    let lower = source.to_ascii_lowercase();
    let mut best: Option<(usize, usize, usize, usize)> = None; // (words, open start, open end, close start)
    let mut from = 0;
    while let Some(at) = lower[from..].find("<noscript").map(|i| i + from) {
        let open_end = lower[at..].find('>').map(|i| at + i + 1)?;
        let close = lower[open_end..].find("</noscript").map(|i| open_end + i)?;
        // As above, only markup of some length can be the fallback found there.
        let markup = &source[open_end..close];
        let words = if count_words(markup) >= FALLBACK_MIN_WORDS { count_words(&Html::parse_fragment(markup).root_element().text().collect::<String>()) } else { 0 };
        if best.is_none_or(|b| words > b.0) {
            best = Some((words, at, open_end, close));
        }
        from = close;
    }
    let (_, at, open_end, close) = best?;
    let close_end = lower[close..].find('>').map_or(source.len(), |i| close + i + 1);
    Some(format!("{}<div data-noscript>{}</div>{}", &source[..at], &source[open_end..close], &source[close_end..]))
}

/// Moves each `<main>` held by a furniture element (one that is never article text: an
/// `<aside>`, a `<nav>`, a `<footer>`…) out, to follow the outermost of them.
fn lift_main(doc: &mut Html) {
    let mains: Vec<NodeId> = doc.tree.nodes().filter(|n| n.value().as_element().is_some_and(|e| e.name() == "main")).map(|n| n.id()).collect();
    for id in mains {
        let Some(node) = doc.tree.get(id) else { continue };
        let outer = node
            .ancestors()
            .filter(|a| a.value().as_element().is_some_and(|e| is_skipped_tag(e.name()) && !matches!(e.name(), "form" | "noscript" | "template")))
            .last()
            .map(|a| a.id());
        if let Some(outer) = outer {
            if let Some(mut wrapper) = doc.tree.get_mut(outer) {
                wrapper.insert_id_after(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "<p>The harbour reopened to fishing boats on Tuesday after three weeks of repairs to the storm-damaged harbour wall, and the first crews went out within the hour.</p><p>Engineers rebuilt forty metres of the wall and cleared the channel of the rocks the storms had moved into it over the winter months.</p><p>The harbour master thanked the engineers and said the repaired wall should stand for another fifty years, whatever the sea brings.</p>";

    fn main_text(doc: &Html) -> String {
        doc.select(&scraper::Selector::parse("main").unwrap()).next().map(|m| m.text().collect()).unwrap_or_default()
    }

    #[test]
    fn a_main_swallowed_by_an_unclosed_aside_is_moved_out() {
        let page = format!("<html><body><aside class=\"banner\"><div><a href=\"/\">Offer</a></span></a><main><h1>Harbour reopens</h1>{PROSE}</main></body></html>");
        let doc = parse(&page);
        let main = doc.select(&scraper::Selector::parse("main").unwrap()).next().unwrap();
        assert!(main.ancestors().filter_map(scraper::ElementRef::wrap).all(|a| a.value().name() != "aside"));
        assert!(main_text(&doc).contains("Engineers rebuilt"));
    }

    #[test]
    fn a_story_given_only_in_the_fallback_for_readers_without_scripts_is_read() {
        let page = format!("<html><body><div id=\"app\"></div><noscript data-path=\"/t/1\"><div class=\"post\"><h1>Harbour reopens</h1>{PROSE}</div></noscript><script>start()</script></body></html>");
        let doc = parse(&page);
        let text: String = doc.root_element().text().collect();
        assert!(doc.select(&scraper::Selector::parse("div.post p").unwrap()).count() == 3, "{text}");
    }

    #[test]
    fn a_page_handed_over_is_read_as_one_lent() {
        // The fallback is found in the parser's copy of the page, the only one kept.
        let page = format!("<html><body><div id=\"app\"></div><noscript><div class=\"post\"><h1>Harbour reopens</h1>{PROSE}</div></noscript></body></html>");
        let text = |doc: &Html| doc.root_element().text().collect::<String>();
        assert_eq!(text(&parse(page.clone())), text(&parse(&page)));
        assert!(text(&parse(page)).contains("Harbour reopens"));
    }

    #[test]
    fn a_form_around_a_thread_is_read_and_a_sign_up_form_is_not() {
        let posts = PROSE.repeat(3);
        let page = format!("<html><body><form action=\"/inline-mod\" class=\"mod-form\"><article>{posts}</article><button>Delete selected</button></form>\
            <form action=\"/subscribe\"><label>Your e-mail</label><input name=\"email\"><p>We send one letter a week.</p><button>Sign up</button></form></body></html>");
        let doc = parse(&page);
        let names: Vec<String> = doc.select(&scraper::Selector::parse("body > *").unwrap()).map(|e| e.value().name().to_string()).collect();
        assert_eq!(names, vec!["div", "form"]);
    }

    #[test]
    fn streamed_parts_are_moved_to_their_places_and_shown() {
        let page = "<html><body><main><h1>Deploy in minutes</h1><template id=\"B:0\"></template><p>Loading…</p><section><h2>Pricing</h2><template id=\"P:1\"></template></section><p>Talk to us.</p></main>\
            <div hidden id=\"S:0\"><p>Connect your repository and every push is built and deployed.</p></div><div hidden id=\"S:1\"><p>Free for hobby projects.</p></div><div hidden id=\"S:2\"><p>No place for this one.</p></div></body></html>";
        let doc = parse(page);
        let text = main_text(&doc);
        let (deploy, pricing, free, talk) = (text.find("Connect your").unwrap(), text.find("Pricing").unwrap(), text.find("Free for hobby").unwrap(), text.find("Talk to us").unwrap());
        assert!(deploy < pricing && pricing < free && free < talk, "each part at its place: {text}");
        let shown: Vec<bool> = doc.select(&scraper::Selector::parse("div").unwrap()).map(|e| is_hidden(&e)).collect();
        assert_eq!(shown, vec![false, false, true], "the placed parts are shown, the one without a place is not");
    }

    #[test]
    fn a_story_hidden_until_scripts_run_is_shown_and_a_hidden_menu_is_not() {
        let page = format!("<html><body><nav hidden><a href=\"/a\">One</a> <a href=\"/b\">Two</a></nav><div hidden id=\"S:0\"><main>{PROSE}</main></div><template id=\"B:0\"></template></body></html>");
        let doc = parse(&page);
        let shown: Vec<bool> = doc.select(&scraper::Selector::parse("nav, div").unwrap()).map(|e| is_hidden(&e)).collect();
        assert_eq!(shown, vec![true, false]);
        let page = format!("<html><body><div style=\"visibility:hidden;min-height:100vh\"><main>{PROSE}</main></div></body></html>");
        let doc = parse(&page);
        assert!(doc.select(&scraper::Selector::parse("div").unwrap()).all(|e| !is_hidden(&e)));
        let page = format!("<html><body><main>{PROSE}</main><div hidden><p>A dialog that asks the reader to sign up for the newsletter, with a long text about it that nobody reads at all.</p></div></body></html>");
        let doc = parse(&page);
        assert!(doc.select(&scraper::Selector::parse("div").unwrap()).all(|e| is_hidden(&e)));
    }

    #[test]
    fn a_fallback_is_not_read_when_the_page_shows_its_story() {
        let page = format!("<html><body><main>{PROSE}</main><noscript><p>Please turn on scripts to see the comments on this story and to reply to them.</p></noscript></body></html>");
        let doc = parse(&page);
        assert_eq!(doc.select(&scraper::Selector::parse("noscript").unwrap()).count(), 1);
    }
}
