//! Clean Copy's HTML parser, scraper 0.29 (html5ever 0.40), against the other Rust HTML parsers
//! on `../shared/corpus/aeb/html` (181 pages, 31.5 MB): how fast each one parses, and how far
//! what it sees of a page departs from scraper's tree.
//!
//!     cargo run --release --manifest-path benches/parsers/Cargo.toml [-- --rounds N]
//!
//! The pages are read from `corpus/aeb/html` under `$CLEANCOPY_SHARED`, else under `shared` beside
//! the repository.
//!
//! The candidates (the `CANDIDATES` table):
//! - scraper 0.29 `Html::parse_document`: html5ever 0.40's tokenizer and tree builder into an
//!   ego-tree; the reference for everything below;
//! - html5ever 0.40's tokenizer alone, into a sink that counts (and that switches the tokenizer
//!   to the raw-text states itself, as the tree builder would);
//! - scraper 0.23 `Html::parse_document` (html5ever 0.29);
//! - html5gum 0.9's tokenizer driving html5ever 0.29's tree builder into a scraper 0.23 tree;
//! - html5gum 0.9's tokenizer with its callback emitter (borrowed events), and with its default
//!   emitter (an iterator of owned tokens);
//! - tl 0.7 and its fork astral-tl 0.8, `parse` into their flat `VDom`;
//! - lol_html 3's streaming rewriter with an `element!("*")` and a `doc_text!` handler counting;
//! - lol_html 3 building a minimal arena tree (parent links; end-tag handlers close elements;
//!   lol_html has no tree builder, so the implied ends of p, li, dt/dd, option, tr and td/th
//!   are applied on start tags);
//! - lol_html 3 with a `doc_text!` handler only: a lower bound for lol_html, timed only.
//!
//! Speed. Every page is read into memory first (a gzip-compressed page is decompressed). What is
//! timed, for a candidate, is one pass over all 181 pages: each page parsed and the result
//! dropped (for the streaming candidates, the counting their handlers do is included). After
//! one warm-up pass of every candidate come N rounds (default 9); in each round every
//! candidate makes its pass, in an order that rotates by one between rounds, all in one process
//! on one thread, so that a noisy neighbour hurts all of them alike. Printed per candidate: the
//! median, min and max milliseconds per pass, pages/s and MB/s at the median, the ratio of
//! scraper's median to the candidate's, and the median over rounds of that ratio taken within
//! each round.
//!
//! Correctness, against scraper 0.29's tree, page by page:
//! - element count (start tags, for the tokenizers);
//! - text bytes, leaving out the text of raw-text elements (script, style, noscript, iframe,
//!   xmp, noembed, noframes): for the trees, text whose parent is one; for the tokenizers, text
//!   after such a start tag until the next end tag; for lol_html, text not of its raw-text or
//!   script-data kinds.
//!
//! For each, the mean, median and max over pages of |candidate − scraper| / scraper, and the
//! corpus totals. Then, for the candidates that build a tree, its structure: per page, the
//! mismatch (1 − overlap) of the multisets of (parent element, child element) name pairs, and of
//! the non-raw text bytes grouped by parent element name, overlap being Σ min(a, b) / max(Σ a, Σ b);
//! mean, median and max over pages.
//!
//! It prints figures and asserts nothing about them. Result lines begin `C|` (counts),
//! `S|` (structure) and `T|` (timing), fields separated by `|`; progress goes to stderr.
//! `--rounds 0` prints the correctness figures only.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

/// Raw-text elements, whose text is left out of the text bytes.
const RAW: &[&str] = &["script", "style", "noscript", "iframe", "xmp", "noembed", "noframes"];

fn is_raw(name: &[u8]) -> bool {
    RAW.iter().any(|r| r.as_bytes().eq_ignore_ascii_case(name))
}

/// A page as a candidate counts it: elements, and text bytes outside raw-text elements.
#[derive(Clone, Copy, Default)]
struct Stats {
    elements: u64,
    text: u64,
}

/// A page's structure: (parent element, child element) name pairs, and text bytes by parent.
#[derive(Default)]
struct Sig {
    pairs: HashMap<(String, String), u64>,
    text_by_parent: HashMap<String, u64>,
}

impl Sig {
    fn pair(&mut self, parent: &str, child: &str) {
        *self.pairs.entry((parent.to_ascii_lowercase(), child.to_ascii_lowercase())).or_default() += 1;
    }

    fn text(&mut self, parent: &str, n: u64) {
        if n > 0 && !is_raw(parent.as_bytes()) {
            *self.text_by_parent.entry(parent.to_ascii_lowercase()).or_default() += n;
        }
    }
}

/// Σ min(a, b) / max(Σ a, Σ b) of two multisets; 1 when both are empty.
fn overlap<K: std::hash::Hash + Eq>(a: &HashMap<K, u64>, b: &HashMap<K, u64>) -> f64 {
    let ta: u64 = a.values().sum();
    let tb: u64 = b.values().sum();
    if ta.max(tb) == 0 {
        return 1.0;
    }
    let common: u64 = a.iter().map(|(k, v)| (*v).min(*b.get(k).unwrap_or(&0))).sum();
    common as f64 / ta.max(tb) as f64
}

// ---- scraper 0.29 (html5ever 0.40) and scraper 0.23 (html5ever 0.29) ----

macro_rules! scraper_fns {
    ($m:ident, $stats:ident, $sig:ident) => {
        fn $stats(d: &$m::Html) -> Stats {
            let mut s = Stats::default();
            for n in d.tree.root().descendants() {
                match n.value() {
                    $m::Node::Element(_) => s.elements += 1,
                    $m::Node::Text(t) => {
                        let raw = n.parent().and_then(|p| p.value().as_element().map(|e| is_raw(e.name().as_bytes()))).unwrap_or(false);
                        if !raw {
                            s.text += t.len() as u64;
                        }
                    }
                    _ => {}
                }
            }
            s
        }

        fn $sig(d: &$m::Html) -> Sig {
            let mut s = Sig::default();
            for n in d.tree.root().descendants() {
                let parent =
                    n.parent().and_then(|p| p.value().as_element().map(|e| e.name().to_string())).unwrap_or_else(|| "#root".to_string());
                match n.value() {
                    $m::Node::Element(e) => s.pair(&parent, e.name()),
                    $m::Node::Text(t) => s.text(&parent, t.len() as u64),
                    _ => {}
                }
            }
            s
        }
    };
}
scraper_fns!(scraper, scraper_tree_stats, scraper_tree_sig);
scraper_fns!(scraper023, scraper023_tree_stats, scraper023_tree_sig);

fn scraper_parse(h: &str) -> u64 {
    scraper::Html::parse_document(h).tree.nodes().len() as u64
}
fn scraper_stats(h: &str) -> Stats {
    scraper_tree_stats(&scraper::Html::parse_document(h))
}
fn scraper_sig(h: &str) -> Sig {
    scraper_tree_sig(&scraper::Html::parse_document(h))
}

fn scraper023_parse(h: &str) -> u64 {
    scraper023::Html::parse_document(h).tree.nodes().len() as u64
}
fn scraper023_stats(h: &str) -> Stats {
    scraper023_tree_stats(&scraper023::Html::parse_document(h))
}
fn scraper023_sig(h: &str) -> Sig {
    scraper023_tree_sig(&scraper023::Html::parse_document(h))
}

// ---- html5gum 0.9 tokenizer + html5ever 0.29 tree builder -> scraper 0.23 tree ----

fn gum_tree_doc(h: &str) -> scraper023::Html {
    use html5ever029::interface::TreeSink;
    let sink = scraper023::HtmlTreeSink::new(scraper023::Html::new_document());
    let Ok(sink) = html5gum::emitters::html5ever::parse_document(h, sink, Default::default());
    sink.finish()
}
fn gum_tree_parse(h: &str) -> u64 {
    gum_tree_doc(h).tree.nodes().len() as u64
}
fn gum_tree_stats(h: &str) -> Stats {
    scraper023_tree_stats(&gum_tree_doc(h))
}
fn gum_tree_sig(h: &str) -> Sig {
    scraper023_tree_sig(&gum_tree_doc(h))
}

// ---- html5ever 0.40 tokenizer alone ----

struct H5eSink {
    elements: Cell<u64>,
    text: Cell<u64>,
    in_raw: Cell<bool>,
}

impl html5ever::tokenizer::TokenSink for H5eSink {
    type Handle = ();
    fn process_token(&self, token: html5ever::tokenizer::Token, _line: u64) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{TagKind, Token, TokenSinkResult};
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                self.elements.set(self.elements.get() + 1);
                let n: &str = &tag.name;
                self.in_raw.set(is_raw(n.as_bytes()));
                if tag.self_closing {
                    return TokenSinkResult::Continue;
                }
                // The tokenizer's state switches that html5ever's tree builder would ask for.
                return match n {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "noscript" | "iframe" | "xmp" | "noembed" | "noframes" => TokenSinkResult::RawData(RawKind::Rawtext),
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                };
            }
            Token::TagToken(_) => self.in_raw.set(false),
            Token::CharacterTokens(t) if !self.in_raw.get() => self.text.set(self.text.get() + t.len() as u64),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn h5e_tok(h: &str) -> Stats {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let sink = H5eSink { elements: Cell::new(0), text: Cell::new(0), in_raw: Cell::new(false) };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let q = BufferQueue::default();
    q.push_back(StrTendril::from(h));
    // The sink never returns Script, so one feed consumes the whole queue.
    let _ = tok.feed(&q);
    tok.end();
    Stats { elements: tok.sink.elements.get(), text: tok.sink.text.get() }
}

// ---- html5gum 0.9 tokenizer alone ----

/// The callback emitter: events borrow from the input.
fn gum_cb(h: &str) -> Stats {
    use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
    use html5gum::{Span, Tokenizer};
    let mut s = Stats::default();
    let mut in_raw = false;
    let mut em = CallbackEmitter::new(|ev: CallbackEvent<'_>, _: Span<()>| -> Option<std::convert::Infallible> {
        match ev {
            CallbackEvent::OpenStartTag { name } => {
                s.elements += 1;
                in_raw = is_raw(name);
            }
            CallbackEvent::EndTag { .. } => in_raw = false,
            CallbackEvent::String { value } if !in_raw => s.text += value.len() as u64,
            _ => {}
        }
        None
    });
    em.naively_switch_states(true);
    let Ok(()) = Tokenizer::new_with_emitter(h, em).finish();
    s
}

/// The default emitter: an iterator of owned tokens.
fn gum_default(h: &str) -> Stats {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut em = DefaultEmitter::default();
    em.naively_switch_states(true);
    let mut s = Stats::default();
    let mut in_raw = false;
    for Ok(tok) in Tokenizer::new_with_emitter(h, em) {
        match tok {
            Token::StartTag(t) => {
                s.elements += 1;
                in_raw = is_raw(&t.name);
            }
            Token::EndTag(_) => in_raw = false,
            Token::String(v) if !in_raw => s.text += v.len() as u64,
            _ => {}
        }
    }
    s
}

// ---- tl 0.7 and astral-tl 0.8 ----

macro_rules! tl_fns {
    ($m:ident, $parse:ident, $stats:ident, $sig:ident) => {
        fn $parse(h: &str) -> u64 {
            $m::parse(h, $m::ParserOptions::default()).unwrap().nodes().len() as u64
        }

        fn $stats(h: &str) -> Stats {
            let d = $m::parse(h, $m::ParserOptions::default()).unwrap();
            let p = d.parser();
            let mut s = Stats::default();
            // Depth first: (node, whether its parent is a raw-text element).
            let mut stack: Vec<($m::NodeHandle, bool)> = d.children().iter().rev().map(|h| (*h, false)).collect();
            while let Some((node, raw)) = stack.pop() {
                match node.get(p) {
                    Some($m::Node::Tag(t)) => {
                        s.elements += 1;
                        let r = is_raw(t.name().as_bytes());
                        stack.extend(t.children().top().iter().map(|c| (*c, r)));
                    }
                    Some($m::Node::Raw(b)) if !raw => s.text += b.as_bytes().len() as u64,
                    _ => {}
                }
            }
            s
        }

        fn $sig(h: &str) -> Sig {
            let d = $m::parse(h, $m::ParserOptions::default()).unwrap();
            let p = d.parser();
            let mut s = Sig::default();
            let mut stack: Vec<($m::NodeHandle, String)> = d.children().iter().map(|h| (*h, "#root".to_string())).collect();
            while let Some((node, parent)) = stack.pop() {
                match node.get(p) {
                    Some($m::Node::Tag(t)) => {
                        let name = String::from_utf8_lossy(t.name().as_bytes()).to_ascii_lowercase();
                        s.pair(&parent, &name);
                        stack.extend(t.children().top().iter().map(|c| (*c, name.clone())));
                    }
                    Some($m::Node::Raw(b)) => s.text(&parent, b.as_bytes().len() as u64),
                    _ => {}
                }
            }
            s
        }
    };
}
tl_fns!(tl, tl_parse, tl_stats, tl_sig);
tl_fns!(astral_tl, atl_parse, atl_stats, atl_sig);

// ---- lol_html 3 ----

/// The rewriter with a handler on every element and one on every text chunk, counting.
fn lol(h: &str) -> Stats {
    use lol_html::html_content::TextType;
    use lol_html::{HtmlRewriter, Settings, doc_text, element};
    let elements = Rc::new(Cell::new(0u64));
    let text = Rc::new(Cell::new(0u64));
    let (e2, t2) = (elements.clone(), text.clone());
    let mut rw = HtmlRewriter::new(
        Settings::new()
            .append_element_content_handler(element!("*", move |_el| {
                e2.set(e2.get() + 1);
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |t| {
                if let TextType::Data | TextType::RCData | TextType::PlainText = t.text_type() {
                    t2.set(t2.get() + t.as_str().len() as u64);
                }
                Ok(())
            })),
        |_: &[u8]| {},
    );
    rw.write(h.as_bytes()).unwrap();
    rw.end().unwrap();
    Stats { elements: elements.get(), text: text.get() }
}

/// The rewriter with a text handler only: a lower bound for lol_html.
fn lol_text_only(h: &str) -> u64 {
    use lol_html::{HtmlRewriter, Settings, doc_text};
    let text = Rc::new(Cell::new(0u64));
    let t2 = text.clone();
    let mut rw = HtmlRewriter::new(
        Settings::new().append_document_content_handler(doc_text!(move |t| {
            t2.set(t2.get() + t.as_str().len() as u64);
            Ok(())
        })),
        |_: &[u8]| {},
    );
    rw.write(h.as_bytes()).unwrap();
    rw.end().unwrap();
    text.get()
}

/// A node of the minimal tree built on lol_html: an element, or a text node (empty name).
struct LNode {
    parent: u32,
    name: String,
    text_len: u32,
}

/// An arena of nodes (node 0 the root) and the stack of open elements. Start tags push (unless
/// void); an element's end-tag handler pops back to it. lol_html fires no end-tag handler for
/// an element closed implicitly, so the commonest implied ends are applied on start tags.
#[derive(Default)]
struct LTree {
    nodes: Vec<LNode>,
    stack: Vec<u32>,
}

/// Start tags that close an open p.
#[rustfmt::skip]
const P_CLOSERS: &[&str] = &[
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd", "dt",
];

impl LTree {
    fn current(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    /// Closes the nearest open element that `close` matches, and everything opened after it,
    /// unless an element that `barrier` matches is met first.
    fn close(&mut self, close: fn(&str) -> bool, barrier: fn(&str) -> bool) {
        for i in (1..self.stack.len()).rev() {
            let n = &self.nodes[self.stack[i] as usize].name;
            if close(n) {
                self.stack.truncate(i);
                return;
            }
            if barrier(n) {
                return;
            }
        }
    }

    fn start(&mut self, name: String, void: bool) -> u32 {
        let n = name.as_str();
        if P_CLOSERS.contains(&n) {
            self.close(
                |x| x == "p",
                |x| matches!(x, "button" | "table" | "td" | "th" | "div" | "li" | "article" | "section" | "body" | "html"),
            );
        }
        match n {
            "li" => self.close(|x| x == "li", |x| matches!(x, "ul" | "ol" | "menu" | "table")),
            "dt" | "dd" => self.close(|x| x == "dt" || x == "dd", |x| matches!(x, "dl" | "table")),
            "option" => self.close(|x| x == "option", |x| x == "select"),
            "tr" => self.close(|x| x == "tr", |x| x == "table"),
            "td" | "th" => self.close(|x| x == "td" || x == "th", |x| x == "tr" || x == "table"),
            _ => {}
        }
        let id = self.nodes.len() as u32;
        self.nodes.push(LNode { parent: self.current(), name, text_len: 0 });
        if !void {
            self.stack.push(id);
        }
        id
    }

    fn end(&mut self, id: u32) {
        if let Some(pos) = self.stack.iter().rposition(|&x| x == id) {
            self.stack.truncate(pos);
        }
    }

    fn text(&mut self, len: u32) {
        let parent = self.current();
        // Adjacent chunks of text make one text node.
        if let Some(last) = self.nodes.last_mut()
            && last.name.is_empty()
            && last.parent == parent
        {
            last.text_len += len;
            return;
        }
        self.nodes.push(LNode { parent, name: String::new(), text_len: len });
    }
}

fn lol_tree_build(h: &str) -> LTree {
    use lol_html::{HtmlRewriter, Settings, doc_text, element, end_tag};
    let t = Rc::new(RefCell::new(LTree::default()));
    t.borrow_mut().nodes.push(LNode { parent: 0, name: "#root".into(), text_len: 0 });
    let (te, tt) = (t.clone(), t.clone());
    let mut rw = HtmlRewriter::new(
        Settings::new()
            .append_element_content_handler(element!("*", move |el| {
                let void = !el.can_have_content();
                let id = te.borrow_mut().start(el.tag_name(), void);
                if !void {
                    let te2 = te.clone();
                    el.on_end_tag(end_tag!(move |_e| {
                        te2.borrow_mut().end(id);
                        Ok(())
                    }))?;
                }
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |c| {
                let n = c.as_str().len();
                if n > 0 {
                    tt.borrow_mut().text(n as u32);
                }
                Ok(())
            })),
        |_: &[u8]| {},
    );
    rw.write(h.as_bytes()).unwrap();
    rw.end().unwrap();
    Rc::try_unwrap(t).ok().unwrap().into_inner()
}

fn lol_tree_parse(h: &str) -> u64 {
    lol_tree_build(h).nodes.len() as u64
}

fn lol_tree_stats(h: &str) -> Stats {
    let t = lol_tree_build(h);
    let mut s = Stats::default();
    for n in &t.nodes[1..] {
        if !n.name.is_empty() {
            s.elements += 1;
        } else if !is_raw(t.nodes[n.parent as usize].name.as_bytes()) {
            s.text += n.text_len as u64;
        }
    }
    s
}

fn lol_tree_sig(h: &str) -> Sig {
    let t = lol_tree_build(h);
    let mut s = Sig::default();
    for n in &t.nodes[1..] {
        let parent = &t.nodes[n.parent as usize].name;
        if n.name.is_empty() { s.text(parent, n.text_len as u64) } else { s.pair(parent, &n.name) }
    }
    s
}

// ---- the table ----

struct Candidate {
    name: &'static str,
    /// What is timed: a parse, and the drop of its result; the count returned keeps it alive.
    parse: fn(&str) -> u64,
    /// Element count and text bytes, for the comparison with scraper 0.29 (none: timed only).
    stats: Option<fn(&str) -> Stats>,
    /// The structure, for the candidates that build a tree (other than the reference).
    sig: Option<fn(&str) -> Sig>,
}

/// The reference, scraper 0.29, comes first.
const CANDIDATES: &[Candidate] = &[
    Candidate { name: "scraper 0.29 parse_document (html5ever 0.40)", parse: scraper_parse, stats: Some(scraper_stats), sig: None },
    Candidate { name: "html5ever 0.40 tokenizer only", parse: |h| h5e_tok(h).elements, stats: Some(h5e_tok), sig: None },
    Candidate {
        name: "scraper 0.23 parse_document (html5ever 0.29)",
        parse: scraper023_parse,
        stats: Some(scraper023_stats),
        sig: Some(scraper023_sig),
    },
    Candidate {
        name: "html5gum 0.9 tok + html5ever 0.29 treebuilder -> scraper 0.23 tree",
        parse: gum_tree_parse,
        stats: Some(gum_tree_stats),
        sig: Some(gum_tree_sig),
    },
    Candidate { name: "html5gum 0.9 tokenizer, callback emitter", parse: |h| gum_cb(h).elements, stats: Some(gum_cb), sig: None },
    Candidate {
        name: "html5gum 0.9 tokenizer, default Token iterator",
        parse: |h| gum_default(h).elements,
        stats: Some(gum_default),
        sig: None,
    },
    Candidate { name: "tl 0.7.8 parse (VDom)", parse: tl_parse, stats: Some(tl_stats), sig: Some(tl_sig) },
    Candidate { name: "astral-tl 0.8.0 parse (VDom)", parse: atl_parse, stats: Some(atl_stats), sig: Some(atl_sig) },
    Candidate { name: "lol_html 3.0.3 rewriter (element!(*) + doc_text)", parse: |h| lol(h).elements, stats: Some(lol), sig: None },
    Candidate {
        name: "lol_html 3.0.3 + minimal arena tree (end-tag handlers, p/li/td implied ends)",
        parse: lol_tree_parse,
        stats: Some(lol_tree_stats),
        sig: Some(lol_tree_sig),
    },
    Candidate { name: "lol_html 3.0.3 doc_text handler only (no element selector)", parse: lol_text_only, stats: None, sig: None },
];

fn shared() -> PathBuf {
    std::env::var_os("CLEANCOPY_SHARED").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// The corpus pages in name order, gzip-compressed ones decompressed.
fn load(dir: &Path) -> Vec<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "htm" || x == "gz"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let raw = std::fs::read(p).unwrap();
            let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).unwrap();
                out
            } else {
                raw
            };
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect()
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(0.0, f64::max)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args.iter().position(|a| a == "--rounds").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(9);

    let pages = load(&shared().join("corpus/aeb/html"));
    let total: usize = pages.iter().map(|p| p.len()).sum();
    let mb = total as f64 / 1e6;
    eprintln!("{} pages, {mb:.1} MB", pages.len());

    println!("# correctness vs scraper 0.29 tree (per-page mean |rel diff|, median, max; and corpus totals)");
    let refs: Vec<Stats> = pages.iter().map(|p| scraper_stats(p)).collect();
    let ref_elements: u64 = refs.iter().map(|s| s.elements).sum();
    let ref_text: u64 = refs.iter().map(|s| s.text).sum();
    println!("reference totals: elements {ref_elements}, text bytes {ref_text}");
    for c in CANDIDATES {
        let Some(stats) = c.stats else { continue };
        let (mut de, mut dt) = (Vec::new(), Vec::new());
        let (mut te, mut tt) = (0u64, 0u64);
        for (p, r) in pages.iter().zip(&refs) {
            let s = stats(p);
            te += s.elements;
            tt += s.text;
            if r.elements > 0 {
                de.push((s.elements as f64 - r.elements as f64).abs() / r.elements as f64);
            }
            if r.text > 0 {
                dt.push((s.text as f64 - r.text as f64).abs() / r.text as f64);
            }
        }
        println!(
            "C|{}|elem mean {:.2}% med {:.2}% max {:.1}%|text mean {:.2}% med {:.2}% max {:.1}%|tot elem {te} ({:+.2}%) tot text {tt} ({:+.2}%)",
            c.name,
            mean(&de) * 100.0,
            median(&de) * 100.0,
            max(&de) * 100.0,
            mean(&dt) * 100.0,
            median(&dt) * 100.0,
            max(&dt) * 100.0,
            (te as f64 / ref_elements as f64 - 1.0) * 100.0,
            (tt as f64 / ref_text as f64 - 1.0) * 100.0
        );
    }

    println!(
        "# structure vs scraper 0.29 tree: 1 - overlap of (parent,child) element-name pair multisets, and of text bytes grouped by parent element name; mean / median / max over pages"
    );
    let ref_sigs: Vec<Sig> = pages.iter().map(|p| scraper_sig(p)).collect();
    for c in CANDIDATES {
        let Some(sig) = c.sig else { continue };
        let (mut dp, mut dt) = (Vec::new(), Vec::new());
        for (p, r) in pages.iter().zip(&ref_sigs) {
            let s = sig(p);
            dp.push(1.0 - overlap(&r.pairs, &s.pairs));
            dt.push(1.0 - overlap(&r.text_by_parent, &s.text_by_parent));
        }
        println!(
            "S|{}|pair mismatch mean {:.2}% med {:.2}% max {:.1}%|text-by-parent mismatch mean {:.2}% med {:.2}% max {:.1}%",
            c.name,
            mean(&dp) * 100.0,
            median(&dp) * 100.0,
            max(&dp) * 100.0,
            mean(&dt) * 100.0,
            median(&dt) * 100.0,
            max(&dt) * 100.0
        );
    }
    if rounds == 0 {
        return;
    }

    for c in CANDIDATES {
        for p in &pages {
            black_box((c.parse)(black_box(p)));
        }
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); CANDIDATES.len()];
    for round in 0..rounds {
        for k in 0..CANDIDATES.len() {
            let i = (k + round) % CANDIDATES.len();
            let parse = CANDIDATES[i].parse;
            let t0 = Instant::now();
            let mut acc = 0u64;
            for p in &pages {
                acc = acc.wrapping_add(parse(black_box(p)));
            }
            black_box(acc);
            times[i].push(t0.elapsed().as_secs_f64() * 1e3);
        }
        eprintln!("round {} of {rounds} done", round + 1);
    }

    println!("# timing: {rounds} rounds, all {} pages ({mb:.1} MB) per round, interleaved", pages.len());
    let base = &times[0];
    for (c, t) in CANDIDATES.iter().zip(&times) {
        let m = median(t);
        let min = t.iter().copied().fold(f64::INFINITY, f64::min);
        let per_round: Vec<f64> = base.iter().zip(t).map(|(b, x)| b / x).collect();
        println!(
            "T|{}|median {m:.1} ms|min {min:.1} max {:.1}|{:.0} pages/s|{:.1} MB/s|speedup vs scraper (ratio of medians) {:.2}x|median per-round speedup {:.2}x",
            c.name,
            max(t),
            pages.len() as f64 / (m / 1e3),
            mb / (m / 1e3),
            median(base) / m,
            median(&per_round)
        );
    }
}
