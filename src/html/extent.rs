//! How far the main content reaches: the element chosen by paragraph scores (`root`) holds an
//! article's story, but a forum thread, a listing, a product or a service page spreads its
//! content over more of the page. Each candidate (the chosen element, then each of its
//! ancestors up to the body) is described by general features (how much text and of what
//! kind it adds, link density, repeated structure, tag and class words), and the block-extent
//! model (`model.rs`, trained by `tools/train_extent_model.py`) predicts how well each would
//! do; the best one is kept. Each extent is tried twice: weeded as for an article (link
//! lists, link-only lines, page tools and repeated blocks left out), and with its lists and
//! lines of links kept, as a listing's or a collection's items need (the rest weeded alike).

use scraper::{ElementRef, Node};

use super::root::{class_weight, is_hidden, is_skipped_tag};

/// The features of one candidate, in the order of [`NAMES`].
pub type Features = [f32; COUNT];

/// How many features a candidate has.
pub const COUNT: usize = 31;

/// The features' names, for the training script and for reading the model.
pub const NAMES: [&str; COUNT] = [
    "log_chars",
    "log_root_chars",
    "root_share",
    "link_density",
    "added_link_density",
    "log_added_paragraphs",
    "log_added_headings",
    "log_added_items",
    "log_added_images",
    "steps_up",
    "is_root",
    "is_main",
    "is_article",
    "is_body",
    "class_weight",
    "body_share",
    "log_added_long_texts",
    "added_sentence_marks",
    "repeat_share",
    "log_repeats",
    "h1_count",
    "body_link_density",
    "log_body_chars",
    "root_body_share",
    "many_roots",
    "no_metadata",
    "root_link_density",
    "log_root_long_texts",
    "root_sentence_marks",
    "log_root_paragraphs",
    "keeps_link_lists",
];

/// What a subtree holds, counting only what the converter would keep (no menus, scripts,
/// forms, hidden or furniture-classed elements).
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    chars: f32,
    link_chars: f32,
    paragraphs: f32,
    headings: f32,
    items: f32,
    images: f32,
    long_texts: f32,
    sentence_marks: f32,
    h1: f32,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.paragraphs += o.paragraphs;
        self.headings += o.headings;
        self.items += o.items;
        self.images += o.images;
        self.long_texts += o.long_texts;
        self.sentence_marks += o.sentence_marks;
        self.h1 += o.h1;
    }
}

fn kept(el: &ElementRef) -> bool {
    let name = el.value().name();
    !(is_skipped_tag(name) || is_hidden(el) || (class_weight(el) < 0 && name != "article" && name != "main"))
}

/// The stats of the subtree at `node`; `in_link` when it sits inside a link.
fn stats(node: ego_tree::NodeRef<Node>, in_link: bool, out: &mut Stats, depth: usize) {
    match node.value() {
        Node::Text(t) => {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as f32;
            out.chars += chars;
            if in_link {
                out.link_chars += chars;
            }
            if chars >= 80.0 {
                out.long_texts += 1.0;
            }
            out.sentence_marks += t.matches(['.', '!', '?', '。', '！', '？']).count() as f32;
        }
        Node::Element(e) => {
            let Some(el) = ElementRef::wrap(node) else { return };
            if depth > 200 || !kept(&el) {
                return;
            }
            match e.name() {
                "p" => out.paragraphs += 1.0,
                "h1" => {
                    out.h1 += 1.0;
                    out.headings += 1.0;
                }
                "h2" | "h3" | "h4" | "h5" | "h6" => out.headings += 1.0,
                "li" | "dt" | "tr" => out.items += 1.0,
                "img" | "picture" => out.images += 1.0,
                _ => {}
            }
            let link = in_link || e.name() == "a";
            for child in node.children() {
                stats(child, link, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The stats of an element's children (the element itself is converted whatever it is, as the
/// converter reads a chosen root's children).
fn of(el: ElementRef) -> Stats {
    let mut s = Stats::default();
    for c in el.children() {
        stats(c, false, &mut s, 0);
    }
    s
}

/// The share of an element's element children that repeat the most common tag and class, and
/// how many they are: a listing's cards, a forum's posts, a grid of products.
fn repetition(el: ElementRef) -> (f32, f32) {
    let mut counts: Vec<((&str, &str), usize)> = Vec::new();
    let mut total = 0usize;
    for c in el.children().filter_map(ElementRef::wrap) {
        if !kept(&c) {
            continue;
        }
        total += 1;
        let key = (c.value().name(), c.value().attr("class").unwrap_or(""));
        if let Some((_, n)) = counts.iter_mut().find(|(k, _)| *k == key) {
            *n += 1;
        } else if counts.len() < 64 {
            counts.push((key, 1));
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if total == 0 {
        (0.0, 0.0)
    } else {
        (most as f32 / total as f32, (most as f32).ln_1p())
    }
}

/// One candidate for the main content: the elements to convert and their features.
pub struct Candidate<'a> {
    /// The elements whose content is the main content.
    pub roots: Vec<ElementRef<'a>>,
    /// Lists and lines of links are kept (the rest of the weeding is done as for an article).
    pub keeps_link_lists: bool,
    /// Its features.
    pub features: Features,
}

/// The chosen `roots`, then each ancestor of theirs up to `body` that adds text, with features.
pub fn candidates<'a>(body: ElementRef<'a>, roots: &[ElementRef<'a>], no_metadata: bool) -> Vec<Candidate<'a>> {
    let body_stats = of(body);
    let mut root_stats = Stats::default();
    for r in roots {
        root_stats.add(&of(*r));
    }
    let features = |s: &Stats, steps: usize, el: Option<ElementRef>| -> Features {
        let added = |a: f32, b: f32| (a - b).max(0.0);
        let ln = |x: f32| x.max(0.0).ln_1p();
        let (repeat_share, repeats) = el.map(repetition).unwrap_or((0.0, 0.0));
        let name = el.map(|e| e.value().name()).unwrap_or("");
        let role_main = el.and_then(|e| e.value().attr("role")).is_some_and(|r| r.eq_ignore_ascii_case("main"));
        let added_chars = added(s.chars, root_stats.chars);
        [
            ln(s.chars),
            ln(root_stats.chars),
            root_stats.chars / s.chars.max(1.0),
            s.link_chars / s.chars.max(1.0),
            added(s.link_chars, root_stats.link_chars) / added_chars.max(1.0),
            ln(added(s.paragraphs, root_stats.paragraphs)),
            ln(added(s.headings, root_stats.headings)),
            ln(added(s.items, root_stats.items)),
            ln(added(s.images, root_stats.images)),
            steps as f32,
            (steps == 0) as u8 as f32,
            (name == "main" || role_main) as u8 as f32,
            (name == "article") as u8 as f32,
            (name == "body") as u8 as f32,
            el.map_or(0.0, |e| class_weight(&e) as f32),
            s.chars / body_stats.chars.max(1.0),
            ln(added(s.long_texts, root_stats.long_texts)),
            100.0 * added(s.sentence_marks, root_stats.sentence_marks) / added_chars.max(100.0),
            repeat_share,
            repeats,
            s.h1,
            body_stats.link_chars / body_stats.chars.max(1.0),
            ln(body_stats.chars),
            root_stats.chars / body_stats.chars.max(1.0),
            (roots.len() > 1) as u8 as f32,
            no_metadata as u8 as f32,
            root_stats.link_chars / root_stats.chars.max(1.0),
            ln(root_stats.long_texts),
            100.0 * root_stats.sentence_marks / root_stats.chars.max(100.0),
            ln(root_stats.paragraphs),
            0.0,
        ]
    };
    let first_el = if roots.len() == 1 { Some(roots[0]) } else { None };
    let mut out = vec![Candidate { roots: roots.to_vec(), keeps_link_lists: false, features: features(&root_stats, 0, first_el) }];
    let Some(&first) = roots.first() else { return with_link_lists(out) };
    // The nearest ancestor holding every root, then its ancestors, up to the body.
    let mut start = first.parent().and_then(ElementRef::wrap);
    while let Some(a) = start {
        if roots.iter().all(|r| r.ancestors().any(|x| x == *a)) || a == body {
            break;
        }
        start = a.parent().and_then(ElementRef::wrap);
    }
    if roots.len() == 1 && roots[0] == body {
        return with_link_lists(out);
    }
    let mut last_chars = root_stats.chars;
    let mut steps = 0;
    // Each ancestor's stats are its child's on the way up plus those of its other children,
    // so that the climb reads every element once.
    let mut below: Option<(ElementRef, Stats)> = None;
    let mut cur = start;
    while let Some(a) = cur {
        steps += 1;
        let s = match below {
            None => of(a),
            Some((child, mut s)) => {
                for c in a.children().filter(|c| c.id() != child.id()) {
                    stats(c, false, &mut s, 0);
                }
                s
            }
        };
        if s.chars > last_chars {
            out.push(Candidate { roots: vec![a], keeps_link_lists: false, features: features(&s, steps, Some(a)) });
            last_chars = s.chars;
        }
        if a == body || steps >= 12 {
            break;
        }
        below = Some((a, s));
        cur = a.parent().and_then(ElementRef::wrap);
    }
    with_link_lists(out)
}

/// Every candidate again, keeping lists of links; but not an `<article>` alone: one
/// self-contained composition, whose lists of links are its furniture (other stories).
fn with_link_lists(mut out: Vec<Candidate>) -> Vec<Candidate> {
    let kept: Vec<Candidate> = out
        .iter()
        .filter(|c| !(c.roots.len() == 1 && c.roots[0].value().name() == "article"))
        .map(|c| {
            let mut features = c.features;
            features[COUNT - 1] = 1.0;
            Candidate { roots: c.roots.clone(), keeps_link_lists: true, features }
        })
        .collect();
    out.extend(kept);
    out
}

/// A gradient-boosted regression forest over [`Features`]: the prediction is `base` plus the
/// leaf value each tree reaches.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ExtentModel {
    /// The prediction before any tree.
    pub base: f32,
    /// Every tree's nodes, one tree after another.
    pub nodes: std::borrow::Cow<'static, [ExtentNode]>,
    /// Where each tree's root is in `nodes`.
    pub trees: std::borrow::Cow<'static, [u32]>,
}

/// One node of a tree: a split on `feature` at `threshold` (go `left` when the value is at
/// most the threshold), or a leaf with its `value` when `feature` is 255.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
pub struct ExtentNode {
    /// The feature split on, or 255 for a leaf.
    pub feature: u8,
    /// The split point.
    pub threshold: f32,
    /// The node for values at most the threshold (an index into the tree's nodes).
    pub left: u16,
    /// The node for values above it.
    pub right: u16,
    /// A leaf's value (already scaled by the learning rate).
    pub value: f32,
}

impl ExtentModel {
    /// The shipped model.
    pub fn shipped() -> ExtentModel {
        ExtentModel {
            base: super::extent_model::BASE,
            nodes: std::borrow::Cow::Borrowed(&super::extent_model::NODES),
            trees: std::borrow::Cow::Borrowed(&super::extent_model::TREES),
        }
    }

    /// The predicted quality of a candidate with these features.
    pub fn predict(&self, f: &Features) -> f32 {
        let mut sum = self.base;
        for &root in self.trees.iter() {
            let (tree, mut i) = (&self.nodes[root as usize..], 0usize);
            loop {
                let n = tree[i];
                if n.feature == 255 {
                    sum += n.value;
                    break;
                }
                let v = f.get(n.feature as usize).copied().unwrap_or(0.0);
                i = if v <= n.threshold { n.left } else { n.right } as usize;
            }
        }
        sum
    }

    /// The index of the candidate predicted best (the first on ties: the narrowest).
    pub fn choose(&self, candidates: &[Candidate]) -> usize {
        let mut best = (0usize, f32::NEG_INFINITY);
        for (i, c) in candidates.iter().enumerate() {
            let p = self.predict(&c.features);
            if p > best.1 {
                best = (i, p);
            }
        }
        best.0
    }
}
