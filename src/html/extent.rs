//! How far the main content reaches: the element chosen by paragraph scores (`root`) holds an
//! article's story, but a forum thread, a listing, a product or a service page spreads its
//! content over more of the page. Each candidate (the chosen element, then each of its
//! ancestors up to the body) is described by general features (how much text and of what
//! kind it adds, link density, repeated structure, tag and class words), and the block-extent
//! model (`extent_model.rs`, trained by `tools/train_extent_model.py`) predicts how well each would
//! do; the best one is kept (a wider one only when predicted better by the model's margin).
//! Each extent is weeded as for an article (link lists, link-only lines, page tools and
//! repeated blocks left out); unless the page declares itself a story (`og:type`, JSON-LD),
//! it is also tried with its lists and lines of links kept, as a listing's or a collection's
//! items need (the rest weeded alike), and, where that reads more, with the elements that
//! class words mark as furniture read too (a product's gallery and cards), each way.

use super::Attrs;
use std::borrow::Cow::Borrowed;

use scraper::{ElementRef, Node};

use crate::forest::Forest;
use super::meta::Declared;
use super::root::{class_weight, is_block, is_hidden, is_skipped_tag};

/// The features of one candidate, in the order of [`NAMES`].
pub type Features = [f32; COUNT];

/// The characters a candidate's features count (its `log_chars`, as the converter would read
/// it before weeding).
pub fn counted_chars(features: &Features) -> f32 {
    features[0].exp_m1()
}

/// How many features a candidate has.
pub const COUNT: usize = 43;

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
    "added_card_share",
    "log_added_linked_headings",
    "linked_heading_share",
    "log_added_times",
    "added_before_share",
    "added_after_link_density",
    "added_after_card_share",
    "root_card_share",
    "classed_share",
    "declares_story",
    "declares_items",
    "keeps_classed",
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
    /// Text in small blocks that are mostly link text (story cards, link boxes).
    card_chars: f32,
    /// Headings that are links (the headlines of other stories' cards).
    linked_headings: f32,
    /// `<time>` elements.
    times: f32,
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
        self.card_chars += o.card_chars;
        self.linked_headings += o.linked_headings;
        self.times += o.times;
    }
}

/// Whether the converter reads `el`; with `classed`, also when its class or id words mark it
/// as furniture (see [`Candidate::keeps_classed`]).
fn kept(el: &ElementRef, classed: bool) -> bool {
    let name = el.value().name();
    !(is_skipped_tag(name) || is_hidden(el) || (!classed && class_weight(el) < 0 && name != "article" && name != "main"))
}

/// At most this much text, and mostly links: a card or box of links.
const CARD_CHARS: f32 = 300.0;

/// The stats of the subtree at `node`; `in_link` when it sits inside a link; `classed` counts
/// furniture-classed elements too.
fn stats(node: ego_tree::NodeRef<Node>, in_link: bool, classed: bool, out: &mut Stats, depth: usize) {
    match node.value() {
        Node::Text(t) => {
            let chars = crate::words::visible_chars(t) as f32;
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
            if depth > 200 || !kept(&el, classed) {
                return;
            }
            let name = e.name();
            let mut s = Stats::default();
            match name {
                "p" => s.paragraphs += 1.0,
                "h1" => {
                    s.h1 += 1.0;
                    s.headings += 1.0;
                }
                "h2" | "h3" | "h4" | "h5" | "h6" => s.headings += 1.0,
                "li" | "dt" | "tr" => s.items += 1.0,
                "img" | "picture" => s.images += 1.0,
                "time" => s.times += 1.0,
                _ => {}
            }
            let link = in_link || name == "a";
            for child in node.children() {
                stats(child, link, classed, &mut s, depth + 1);
            }
            let linky = s.chars > 0.0 && s.link_chars >= 0.6 * s.chars;
            if linky && matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                s.linked_headings += 1.0;
            }
            if linky && s.chars <= CARD_CHARS && is_block(name) {
                s.card_chars = s.chars;
            }
            out.add(&s);
        }
        _ => {}
    }
}

/// The stats of an element's children (the element itself is converted whatever it is, as the
/// converter reads a chosen root's children).
fn of(el: ElementRef, classed: bool) -> Stats {
    let mut s = Stats::default();
    for c in el.children() {
        stats(c, false, classed, &mut s, 0);
    }
    s
}

/// The share of an element's element children that repeat the most common tag and class, and
/// how many they are: a listing's cards, a forum's posts, a grid of products.
fn repetition(el: ElementRef) -> (f32, f32) {
    let mut counts: Vec<((&str, &str), usize)> = Vec::new();
    let mut total = 0usize;
    for c in el.children().filter_map(ElementRef::wrap) {
        if !kept(&c, false) {
            continue;
        }
        total += 1;
        let key = (c.value().name(), c.value().attribute("class").unwrap_or(""));
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
    /// Elements whose class or id words mark them as furniture ("card", "teaser", "carousel")
    /// are read too (a product's gallery and specifications, a collection's cards); the
    /// furniture elements proper (menus, forms, buttons, asides, footers) still are not.
    pub keeps_classed: bool,
    /// Its features.
    pub features: Features,
}

/// What the climb knows of one extent: its stats as the converter reads it, as it reads it
/// keeping furniture-classed elements, and the stats of what it adds before and after the
/// chosen element's text.
struct Extent<'a> {
    roots: Vec<ElementRef<'a>>,
    steps: usize,
    el: Option<ElementRef<'a>>,
    stats: Stats,
    classed: Stats,
    before: Stats,
    after: Stats,
    /// Whether it reads more than the extent below it with furniture-classed elements left out
    /// (else it only adds such elements: a thread's other comments around the chosen one).
    adds: bool,
}

/// The chosen `roots`, then each ancestor of theirs up to `body` that adds text, with features;
/// unless the page declares itself a story, each also with its lists of links kept, and with
/// its furniture-classed elements kept where that reads more. A root in a furniture-classed
/// box also climbs by ancestors that add only such boxes, read with them kept.
pub fn candidates<'a>(body: ElementRef<'a>, roots: &[ElementRef<'a>], no_metadata: bool, declared: Declared) -> Vec<Candidate<'a>> {
    let body_stats = of(body, false);
    let mut root_stats = Stats::default();
    let mut root_classed = Stats::default();
    for r in roots {
        root_stats.add(&of(*r, false));
        root_classed.add(&of(*r, true));
    }
    let features = |x: &Extent, classed: bool| -> Features {
        let s = if classed { &x.classed } else { &x.stats };
        let (steps, el) = (x.steps, x.el);
        let added = |a: f32, b: f32| (a - b).max(0.0);
        let ln = |x: f32| x.max(0.0).ln_1p();
        let (repeat_share, repeats) = el.map(repetition).unwrap_or((0.0, 0.0));
        let name = el.map(|e| e.value().name()).unwrap_or("");
        let role_main = el.and_then(|e| e.value().attribute("role")).is_some_and(|r| r.eq_ignore_ascii_case("main"));
        let added_chars = added(s.chars, root_stats.chars);
        let added_headings = added(s.headings, root_stats.headings);
        let added_linked_headings = added(s.linked_headings, root_stats.linked_headings);
        [
            ln(s.chars),
            ln(root_stats.chars),
            root_stats.chars / s.chars.max(1.0),
            s.link_chars / s.chars.max(1.0),
            added(s.link_chars, root_stats.link_chars) / added_chars.max(1.0),
            ln(added(s.paragraphs, root_stats.paragraphs)),
            ln(added_headings),
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
            added(s.card_chars, root_stats.card_chars) / added_chars.max(1.0),
            ln(added_linked_headings),
            added_linked_headings / added_headings.max(1.0),
            ln(added(s.times, root_stats.times)),
            x.before.chars / added_chars.max(1.0),
            x.after.link_chars / x.after.chars.max(1.0),
            x.after.card_chars / x.after.chars.max(1.0),
            root_stats.card_chars / root_stats.chars.max(1.0),
            if classed { added(x.classed.chars, x.stats.chars) / x.classed.chars.max(1.0) } else { 0.0 },
            declared.story as u8 as f32,
            declared.items as u8 as f32,
            classed as u8 as f32,
            0.0,
        ]
    };
    let first_el = if roots.len() == 1 { Some(roots[0]) } else { None };
    let mut extents = vec![Extent {
        roots: roots.to_vec(),
        steps: 0,
        el: first_el,
        stats: root_stats,
        classed: root_classed,
        before: Stats::default(),
        after: Stats::default(),
        adds: true,
    }];
    if let Some(&first) = roots.first().filter(|r| !(roots.len() == 1 && **r == body)) {
        climb(body, roots, first, &mut extents);
    }
    let mut out: Vec<Candidate> =
        extents.iter().filter(|x| x.adds).map(|x| Candidate { roots: x.roots.clone(), keeps_link_lists: false, keeps_classed: false, features: features(x, false) }).collect();
    // Every candidate again, keeping lists of links; but not an `<article>` alone: one
    // self-contained composition, whose lists of links are its furniture (other stories).
    let lone_article = |x: &Extent| x.roots.len() == 1 && x.roots[0].value().name() == "article";
    // A page that declares itself a story is weeded as one at any extent: its lists of links
    // and its furniture-classed boxes are other stories.
    if declared.story {
        return out;
    }
    for keeps_classed in [false, true] {
        for keeps_link_lists in [false, true] {
            for x in &extents {
                if (keeps_link_lists && lone_article(x))
                    || (keeps_classed && x.classed.chars <= x.stats.chars)
                    || (!keeps_classed && (!keeps_link_lists || !x.adds))
                {
                    continue;
                }
                let mut f = features(x, keeps_classed);
                f[COUNT - 1] = keeps_link_lists as u8 as f32;
                out.push(Candidate { roots: x.roots.clone(), keeps_link_lists, keeps_classed, features: f });
            }
        }
    }
    out
}

/// The ancestors of `roots` up to the body that add text, as extents (after the first, the
/// chosen roots' own); for a root in a furniture-classed box, also those that add only such
/// boxes (not [`Extent::adds`]).
fn climb<'a>(body: ElementRef<'a>, roots: &[ElementRef<'a>], first: ElementRef<'a>, extents: &mut Vec<Extent<'a>>) {
    // The nearest ancestor holding every root, then its ancestors, up to the body.
    let mut start = first.parent().and_then(ElementRef::wrap);
    while let Some(a) = start {
        if roots.iter().all(|r| r.ancestors().any(|x| x == *a)) || a == body {
            break;
        }
        start = a.parent().and_then(ElementRef::wrap);
    }
    let (mut last_chars, mut last_classed) = (extents[0].stats.chars, extents[0].classed.chars);
    // A root that is or sits in a furniture-classed box (one comment of a thread) also climbs
    // by the boxes beside it; elsewhere those are furniture around the story.
    let in_box = std::iter::once(*first).chain(first.ancestors()).filter_map(ElementRef::wrap).any(|a| class_weight(&a) < 0);
    let mut steps = 0;
    let (mut before, mut after) = (Stats::default(), Stats::default());
    // Each ancestor's stats are its child's on the way up plus those of its other children,
    // so that the climb reads every element once; a lone root is the first child.
    let mut below: Option<(ElementRef, Stats, Stats)> = None;
    if roots.len() == 1 && start == first.parent().and_then(ElementRef::wrap) {
        let (mut s, mut c) = (Stats::default(), Stats::default());
        stats(*first, false, false, &mut s, 0);
        stats(*first, false, true, &mut c, 0);
        below = Some((first, s, c));
    }
    let mut cur = start;
    while let Some(a) = cur {
        steps += 1;
        let (s, c) = match below {
            None => (of(a, false), of(a, true)),
            Some((child, mut s, mut c)) => {
                let mut seen = false;
                for n in a.children() {
                    if n.id() == child.id() {
                        seen = true;
                        continue;
                    }
                    let mut one = Stats::default();
                    stats(n, false, false, &mut one, 0);
                    s.add(&one);
                    if seen { after.add(&one) } else { before.add(&one) }
                    stats(n, false, true, &mut c, 0);
                }
                (s, c)
            }
        };
        if s.chars > last_chars || (in_box && c.chars > last_classed) {
            extents.push(Extent { roots: vec![a], steps, el: Some(a), stats: s, classed: c, before, after, adds: s.chars > last_chars });
            (last_chars, last_classed) = (s.chars, c.chars);
        }
        if a == body || steps >= 12 {
            break;
        }
        below = Some((a, s, c));
        cur = a.parent().and_then(ElementRef::wrap);
    }
}

/// The block-extent model: a gradient-boosted regression forest over [`Features`] that
/// predicts how well a candidate extent reads.
#[derive(Debug, Clone)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
pub struct ExtentModel {
    /// The trees.
    #[cfg_attr(not(target_arch = "wasm32"), serde(flatten))]
    pub forest: Forest,
    /// How much better than the first candidate another must be predicted to be chosen.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub margin: f32,
}

impl ExtentModel {
    /// The shipped model.
    pub fn shipped() -> ExtentModel {
        ExtentModel {
            forest: Forest {
                base: super::extent_model::BASE,
                features: Borrowed(&super::extent_model::FEATURES),
                rights: Borrowed(&super::extent_model::RIGHTS),
                values: Borrowed(&super::extent_model::VALUES),
                trees: Borrowed(&super::extent_model::TREES),
            },
            margin: super::extent_model::MARGIN,
        }
    }

    /// The predicted quality of a candidate with these features.
    pub fn predict(&self, f: &Features) -> f32 {
        self.forest.predict(f)
    }

    /// The indices of the `k` candidates predicted best, best first (equal predictions: the
    /// narrower first), where a candidate other than the first must be predicted better by the
    /// margin.
    pub fn ranking(&self, candidates: &[Candidate], k: usize) -> Vec<usize> {
        let scores: Vec<f32> = candidates.iter().enumerate().map(|(i, c)| self.predict(&c.features) - if i > 0 { self.margin } else { 0.0 }).collect();
        crate::forest::best(&scores, k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn page(html: &str) -> Html {
        Html::parse_document(html)
    }

    fn first<'a>(doc: &'a Html, css: &str) -> ElementRef<'a> {
        doc.select(&Selector::parse(css).expect("selector")).next().expect("element")
    }

    const PAGE: &str = r#"<body><div id="wrap"><div id="story"><p>The story's one paragraph, long enough to count as text of its own here.</p></div>
        <div class="product-carousel"><p>A card that the page's class words call furniture, with a price: 12 euros.</p></div>
        <ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></div></body>"#;

    #[test]
    fn a_story_page_is_weeded_as_a_story_at_every_extent() {
        let doc = page(PAGE);
        let (body, story) = (first(&doc, "body"), first(&doc, "#story"));
        let all = candidates(body, &[story], false, Declared { story: true, items: false });
        assert!(all.len() > 1, "the story's ancestors are candidates too");
        assert!(all.iter().all(|c| !c.keeps_link_lists && !c.keeps_classed), "no candidate keeps link lists or furniture-classed boxes");
    }

    #[test]
    fn other_pages_may_keep_link_lists_and_furniture_classed_boxes() {
        let doc = page(PAGE);
        let (body, story) = (first(&doc, "body"), first(&doc, "#story"));
        let all = candidates(body, &[story], false, Declared::default());
        assert!(all.iter().any(|c| c.keeps_link_lists));
        let classed = all.iter().find(|c| c.keeps_classed).expect("a candidate reading the carousel");
        let share = NAMES.iter().position(|n| *n == "classed_share").expect("the feature");
        assert!(classed.features[share] > 0.0, "its features say it reads more");
    }

    #[test]
    fn a_post_in_a_comment_box_climbs_by_the_boxes_beside_it() {
        let doc = page(
            r#"<body><div id="thread"><div class="comment" id="one"><p>The first post of the thread, which the page's class words call a comment.</p></div>
            <div class="comment"><p>The second post, a reply, also in a box that the class words call furniture.</p></div></div></body>"#,
        );
        let (body, post) = (first(&doc, "body"), first(&doc, "#one"));
        let all = candidates(body, &[post], false, Declared::default());
        let thread = first(&doc, "#thread");
        assert!(all.iter().any(|c| c.keeps_classed && c.roots == [thread]), "the thread, every box read, is a candidate");
        assert!(!all.iter().any(|c| !c.keeps_classed && c.roots == [thread]), "the thread without its boxes reads no more than the post");
        // A story beside readers' comments does not climb by them.
        let doc = page(
            r#"<body><div id="wrap"><div id="story"><p>The story's one paragraph, long enough to count as text of its own here.</p></div>
            <div class="comments"><p>A reader's comment under the story, in a box the class words call furniture.</p></div></div></body>"#,
        );
        let (body, story, wrap) = (first(&doc, "body"), first(&doc, "#story"), first(&doc, "#wrap"));
        assert!(!candidates(body, &[story], false, Declared::default()).iter().any(|c| c.roots == [wrap]), "no candidate adds only the comments");
    }
}
