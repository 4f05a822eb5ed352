//! HTML extraction, for whole documents and for fragments copied from a browser: metadata,
//! the element that holds the story, and its structure as blocks with the page's furniture
//! (menus, tool links, link lists) left out.

pub mod address;
mod convert;
pub mod depth;
pub mod extent;
mod extent_model;
mod furniture;
mod headline;
mod mend;
mod page_blocks;
mod meta;
mod root;
mod self_reference;

use scraper::{ElementRef, Html};
use std::borrow::Cow;

use crate::article::{inline_text, Article, Block, Direction, Inline};
use crate::refine;
use convert::{link_words, Converter};

pub use extent::{ExtentModel, Features};
pub use page_blocks::{page_blocks, PageBlock};

/// An element's attribute by name, found by comparing names. (`scraper`'s own lookup first
/// makes the name an interned atom, a hash and a table lookup, for every call: an eighth of
/// the extraction's time went there.)
pub(crate) trait Attrs {
    /// The value of the attribute `name` (in no namespace), if the element has it.
    fn attribute(&self, name: &str) -> Option<&str>;
}

impl Attrs for scraper::node::Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| &*n.local == name && n.ns.is_empty()).map(|(_, v)| &**v)
    }
}

/// How far the main content reaches (see [`extent`]).
#[derive(Debug, Clone, Copy)]
pub enum Extent<'m> {
    /// As the model predicts best.
    Model(&'m ExtentModel),
    /// The candidate at this index (0: the element chosen by paragraph scores; then its
    /// ancestors), or the widest one when there are fewer; for training the model.
    Candidate(usize),
}

/// Extracts the article from an HTML document or fragment.
pub fn extract(input: &str) -> Article {
    extract_at(input, None)
}

/// Extracts the article from an HTML document read at `address` (the page's own address, as
/// a browser has it): relative links and images resolve against it (or against the page's
/// `<base>`, itself resolved against it), and it is the source address when the page names
/// no canonical one. An address that is not http(s) is ignored.
pub fn extract_at(input: &str, address: Option<&str>) -> Article {
    extract_full(input.into(), address, Extent::Model(&ExtentModel::shipped()))
}

/// The features of every candidate extent of `input`'s main content, in candidate order (for
/// training the model; see [`Extent::Candidate`]).
pub fn extent_features(input: &str) -> Vec<Features> {
    let doc = mend::parse(input);
    let meta = meta::read(&doc);
    let body = body_of(&doc);
    let converter = Converter::new(None, link_targets(&doc));
    let (roots, _) = story_roots(body, &converter);
    extent::candidates(body, &roots, meta.title_is_heading || meta.title.is_none(), meta.declared).into_iter().map(|c| c.features).collect()
}

fn body_of(doc: &Html) -> ElementRef<'_> {
    doc.root_element().children().filter_map(ElementRef::wrap).find(|e| e.value().name() == "body").unwrap_or_else(|| doc.root_element())
}

/// The elements paragraph scores choose for the story (strict, then relaxed when that finds
/// too little), with their weeded blocks.
fn story_roots<'a>(body: ElementRef<'a>, converter: &Converter) -> (Vec<ElementRef<'a>>, Vec<Block>) {
    let mut roots = root::find_root(body, true);
    let mut blocks = converter.blocks(&roots);
    weed(&mut blocks);
    if text_len(&blocks) < RELAXED_BELOW {
        let relaxed_roots = root::find_root(body, false);
        let mut relaxed = converter.blocks(&relaxed_roots);
        weed(&mut relaxed);
        if text_len(&relaxed) > text_len(&blocks) {
            blocks = relaxed;
            roots = relaxed_roots;
        }
    }
    (roots, blocks)
}

/// Extracts the article, with the main content's extent chosen as `extent` says.
pub fn extract_with(input: &str, extent: Extent) -> Article {
    extract_full(input.into(), None, extent)
}

/// Extracts the article read at `address` (see [`extract_at`]), its extent as `extent` says.
pub(crate) fn extract_full(input: Cow<'_, str>, address: Option<&str>, extent: Extent) -> Article {
    let doc = mend::parse(input);
    extract_doc(&doc, address, extent)
}

/// The article of every candidate extent of `input`'s main content, in candidate order (for
/// training the model: the page parsed once).
pub fn extract_each_candidate(input: &str) -> Vec<Article> {
    let doc = mend::parse(input);
    let body = body_of(&doc);
    let converter = Converter::new(None, link_targets(&doc));
    let meta = meta::read(&doc);
    let (roots, _) = story_roots(body, &converter);
    let count = extent::candidates(body, &roots, meta.title_is_heading || meta.title.is_none(), meta.declared).len();
    (0..count).map(|i| extract_doc(&doc, None, Extent::Candidate(i))).collect()
}

/// How many of the candidates predicted best are read before the best of them is taken.
const EXTENT_TRIES: usize = 3;

/// An extent reads enough when its weeded text is at least this share of what its features
/// count (as its reciprocal).
const EXTENT_KEPT_SHARE: f32 = 20.0;

fn extract_doc(doc: &Html, address: Option<&str>, extent: Extent) -> Article {
    let mut meta = meta::read(doc);
    let given = address.and_then(web_address);
    if let Some(address) = &given {
        meta.base_url = meta.base_url.and_then(|u| address.join(u.trim()).ok()).map(String::from).or_else(|| Some(address.to_string()));
    }
    let found = address::find(doc, given.as_ref(), meta.base_url.as_deref(), meta.title.as_deref());
    meta.source_url = found.address.map(String::from);
    let body = body_of(doc);
    // Relative links and images resolve against the page's `<base>`, else its address, as
    // found: a paste's address is taken only where its own references agree on it, and a
    // browser's copy names its links in full already, so what is left to resolve is rare.
    let base = meta.base_url.clone().or(found.base.map(String::from));
    let base = base.as_deref();
    let converter = Converter::new(base, link_targets(doc));
    let (roots, mut blocks) = story_roots(body, &converter);
    let candidates = extent::candidates(body, &roots, meta.title_is_heading || meta.title.is_none(), meta.declared);
    let order = match extent {
        Extent::Model(model) => model.ranking(&candidates, EXTENT_TRIES),
        Extent::Candidate(i) => vec![i.min(candidates.len() - 1)],
    };
    // The extent predicted best, unless what it reads once weeded and finished is next to
    // nothing beside what its features counted (its items all dropped as other stories' cards,
    // say): then the next one, up to a few; else the one of those that reads the most.
    let mut best: Option<(Article, usize)> = None;
    for &i in &order {
        let article = if i == 0 {
            finish(&meta, body, &converter, &roots, std::mem::take(&mut blocks))
        } else {
            let c = &candidates[i];
            let mut b = match (c.keeps_link_lists, c.keeps_classed) {
                (false, false) => converter.blocks(&c.roots),
                (true, false) => converter.keeping_link_lists().blocks(&c.roots),
                (false, true) => converter.keeping_classed().blocks(&c.roots),
                (true, true) => converter.keeping_link_lists().keeping_classed().blocks(&c.roots),
            };
            weed_keeping(&mut b, c.keeps_link_lists);
            finish(&meta, body, &converter, &c.roots, b)
        };
        // The element chosen by paragraph scores is taken as it reads.
        if i == 0 || order.len() == 1 {
            return article;
        }
        let chars: usize = article.blocks.iter().map(|b| b.text().len()).sum();
        if chars as f32 * EXTENT_KEPT_SHARE >= extent::counted_chars(&candidates[i].features) {
            return article;
        }
        if best.as_ref().is_none_or(|b| chars > b.1) {
            best = Some((article, chars));
        }
    }
    match best {
        Some((article, _)) => article,
        None => finish(&meta, body, &converter, &roots, blocks),
    }
}

/// The article of the main content read from `roots` as `blocks`: the page's metadata, the
/// headline chosen near the story, and the blocks with the title, standfirst, byline, summary,
/// copyright and dateline taken out of them and the boxes and tail of furniture dropped.
fn finish(meta: &meta::PageMeta, body: ElementRef, converter: &Converter, roots: &[ElementRef], mut blocks: Vec<Block>) -> Article {
    let meta = meta.clone();
    // The direction the story itself is marked with: the nearest `dir` around it.
    let story_dir = std::iter::successors(roots.first().copied(), |e| e.parent().and_then(ElementRef::wrap))
        .find_map(|e| e.value().attribute("dir").map(|d| d.trim().to_ascii_lowercase()));

    let mut article = Article {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        site_name: meta.site_name,
        source_url: meta.source_url.filter(|u| u.starts_with("http")),
        lang: meta.lang,
        dir: match story_dir.as_deref().or(meta.dir.as_deref()) {
            Some("rtl") => Some(Direction::Rtl),
            Some("ltr") => Some(Direction::Ltr),
            _ => None,
        },
        excerpt: meta.excerpt,
        ..Article::default()
    };
    let story = story_span(body, &roots);
    let meta_title = if meta.title_is_heading { None } else { article.title.as_deref() };
    match headline::choose(body, meta_title, meta.title_from_document, article.site_name.as_deref(), story) {
        Some(headline) => article.title = Some(headline),
        // The page's first <h1> that no rule takes (the site's name, a link home) is no title.
        None if meta.title_is_heading => article.title = None,
        None => {}
    }
    match &article.title {
        Some(title) => drop_title_heading(&mut blocks, title),
        None => article.title = take_first_heading(&mut blocks),
    }
    drop_empty_sections(&mut blocks);
    // A thread's posts each open with who wrote them and when: those lines stay, each over
    // its post, and the first post's words are not the story's standfirst.
    let first_post = blocks.iter().position(is_post_line);
    let thread = first_post.is_some_and(|i| i < THREAD_OPENS_WITHIN && blocks[i + 1..].iter().any(is_post_line));
    if !thread {
        take_standfirst(&mut blocks, &mut article);
        take_byline(&mut blocks, &mut article);
        if article.byline.is_none() || article.published.is_none() {
            meta_near_headline(body, &mut article);
        }
    }
    take_summary(&mut blocks, &mut article);
    take_copyright(&mut blocks, &mut article);
    furniture::drop_boxes_and_tail(&mut blocks);
    for block in &mut blocks {
        block.for_each_inlines_mut(&mut drop_trailing_button);
    }
    blocks.retain(|b| !b.text().trim().is_empty() || matches!(b, Block::Figure { .. } | Block::Rule));
    take_dateline(&mut blocks, &mut article);
    // The page's picture heads the copy when the story brings none of its own.
    if !blocks.iter().any(|b| matches!(b, Block::Figure { .. })) {
        article.lead_image = meta.image.as_deref().and_then(|src| converter.image_src(src)).map(|src| crate::article::Image { src, alt: String::new() });
    }
    article.blocks = blocks;

    if article.lang.is_none() || article.dir.is_none() {
        let (lang, dir) = article.guess_lang();
        article.lang = article.lang.or(lang);
        article.dir = article.dir.or(dir);
    }
    article
}

/// Where the story's first element starts and ends in the body's elements in document order.
fn story_span(body: ElementRef, roots: &[ElementRef]) -> Option<(usize, usize)> {
    let first = *roots.first()?;
    let start = body.descendants().filter_map(ElementRef::wrap).position(|e| e == first)?;
    Some((start, start + first.descendants().filter_map(ElementRef::wrap).count()))
}

/// `address` as an http(s) URL without its fragment, or `None`.
pub(crate) fn web_address(address: &str) -> Option<url::Url> {
    let mut url = url::Url::parse(address.trim()).ok().filter(|u| matches!(u.scheme(), "http" | "https"))?;
    url.set_fragment(None);
    Some(url)
}

/// The ids that the page's in-page links lead to and that exist.
fn link_targets(doc: &Html) -> std::collections::HashSet<String> {
    let mut wanted = std::collections::HashSet::new();
    let mut ids = std::collections::HashSet::new();
    for el in doc.root_element().descendants().filter_map(ElementRef::wrap) {
        let e = el.value();
        if let Some(id) = e.attribute("href").and_then(|h| h.trim().strip_prefix('#')).filter(|id| !id.is_empty()) {
            wanted.insert(id.to_string());
        }
        for id in [e.attribute("id"), e.attribute("name")].into_iter().flatten() {
            ids.insert(id.to_string());
        }
    }
    wanted.retain(|id| ids.contains(id));
    wanted
}

/// Below this many characters of text, the strict search for the story is tried again relaxed.
const RELAXED_BELOW: usize = 500;

fn text_len(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text().chars().count()).sum()
}

/// Drops blocks that are all links (menus, tool bars, "skip to content") and lists whose
/// items are all links (related stories, navigation).
fn weed(blocks: &mut Vec<Block>) {
    weed_keeping(blocks, false);
}

/// [`weed`]; with `link_lists`, lists and lines of links stay (a listing's items), while the
/// rest of the weeding (page tools, time stamps, captions, repeats) is done as for an article.
fn weed_keeping(blocks: &mut Vec<Block>, link_lists: bool) {
    weed_blocks(blocks, link_lists, false);
}

/// A 64-bit hash of `text`, to find the texts that may repeat before comparing them.
fn hash_of(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(text)
}

/// The weeding of [`weed_keeping`]; `in_item` for the blocks of a list's item, where a short
/// line or a label and its value ("2 cups flour", "Polar pattern: cardioid") is the list's
/// content, not a stray label, and a link is one item of a list kept as a whole.
fn weed_blocks(blocks: &mut Vec<Block>, link_lists: bool, in_item: bool) {
    // "… more" / "less" toggles of a caption or teaser shown in two lengths; then the short
    // version, which only repeats the start of the long one.
    for block in blocks.iter_mut() {
        block.for_each_inlines_mut(&mut convert::drop_toggle_links);
    }
    furniture::weed_lines(blocks);
    // Paragraphs by their first 60 characters, so that each is compared only with those that
    // start the same way (a page of half a million paragraphs stays linear). The texts of the
    // paragraphs whose start another shares (a hash of the start finds them; a shorter
    // paragraph cut from a longer one starts as it does) are made and compared one such group
    // at a time, so that the page's text is not held twice over.
    const STEM: usize = 60;
    let head = |s: &str| s.char_indices().nth(STEM).map(|(i, _)| hash_of(&s[..i]));
    let paragraph_text = |b: &Block| matches!(b, Block::Paragraph { .. }).then(|| crate::words::collapse_ws(&b.text()));
    let mut heads: Vec<(u64, usize)> = blocks.iter().enumerate().filter_map(|(i, b)| Some((head(&paragraph_text(b)?)?, i))).collect();
    heads.sort_unstable();
    let mut cut = Vec::new();
    for group in heads.chunk_by(|a, b| a.0 == b.0).filter(|group| group.len() > 1) {
        let texts: Vec<String> = group.iter().filter_map(|&(_, i)| paragraph_text(&blocks[i])).collect();
        for (&(_, i), text) in group.iter().zip(&texts) {
            let stem = text.trim_end_matches(['.', '…', ' ']);
            if head(stem).is_some() && texts.iter().any(|p| convert::cut_short_of(text, p)) {
                cut.push(i);
            }
        }
    }
    drop(heads);
    if !cut.is_empty() {
        cut.sort_unstable();
        let mut i = 0;
        blocks.retain(|_| {
            i += 1;
            cut.binary_search(&(i - 1)).is_err()
        });
    }
    // The same text twice (a gallery caption repeated, a heading shown for two layouts): once.
    // Short lines may repeat by design (the same label in each day of a meal plan), unless
    // the repeat follows at once. Only texts that a hash finds more than once are kept to
    // compare.
    let long_text = |block: &Block| match block {
        Block::Paragraph { .. } | Block::Heading { .. } => Some(block.text()).filter(|text| crate::words::count_words_upto(text, 8) >= 8),
        Block::Figure { image, .. } => Some(format!("\u{0}image {}", image.src)),
        _ => None,
    };
    let mut hashes: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
    for text in blocks.iter().filter_map(long_text) {
        *hashes.entry(hash_of(&text)).or_default() += 1;
    }
    let mut seen = std::collections::HashSet::new();
    let mut previous = String::new();
    blocks.retain(|block| match block {
        Block::Paragraph { .. } | Block::Heading { .. } => {
            let text = block.text();
            let short = crate::words::count_words_upto(&text, 8) < 8;
            let keep = if short { text != previous } else { hashes[&hash_of(&text)] == 1 || seen.insert(text.clone()) };
            previous = text;
            keep
        }
        Block::Figure { image, .. } => {
            let key = format!("\u{0}image {}", image.src);
            hashes[&hash_of(&key)] == 1 || seen.insert(key)
        }
        _ => true,
    });
    // A gallery's pictures that all carry the same caption: the caption once, under the first.
    let mut captions = std::collections::HashSet::new();
    for block in blocks.iter_mut() {
        if let Block::Figure { caption, .. } = block {
            if caption.as_ref().is_some_and(|c| !captions.insert(crate::words::collapse_ws(&inline_text(c)))) {
                *caption = None;
            }
        }
    }
    let stray = if in_item { is_stray_in_item } else { is_furniture_line };
    blocks.retain(|block| !matches!(block, Block::Paragraph { content } if stray(&inline_text(content))));
    blocks.retain(|block| link_lists || is_post_line(block) || match block {
        Block::Paragraph { content } | Block::Heading { content, .. } if !in_item => {
            let (total, linked) = link_words(content);
            !(total > 0 && linked * 10 >= total * 9 && total <= 25)
        }
        Block::List { items, .. } => {
            let linky = items.iter().filter(|item| {
                let (total, linked) = item.iter().map(item_link_words).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
                total == 0 || linked * 10 >= total * 8
            });
            // Story cards: every item a linked headline (a heading that is a link) with a line
            // or two under it: "Our latest stories", "Most read".
            let cards = items.len() >= 2
                && items.iter().all(|item| {
                    item.iter().any(|b| matches!(b, Block::Heading { content, .. } if { let (t, l) = link_words(content); t > 0 && l * 10 >= t * 8 }))
                });
            linky.count() < items.len() && !cards
        }
        _ => true,
    });
    // Inside quotes and lists, and a list whose items all went goes too.
    blocks.retain_mut(|block| match block {
        Block::Quote { blocks } => {
            weed_blocks(blocks, link_lists, false);
            true
        }
        Block::List { items, .. } => {
            items.iter_mut().for_each(|item| weed_blocks(item, link_lists, true));
            items.retain(|item| !item.is_empty());
            !items.is_empty()
        }
        _ => true,
    });
}

/// A paragraph that only labels or points: "Caption", "Close", "Photo: A. Name", a bare
/// address. (Time stamps are left alone: short dated lines are too often part of a story.)
fn is_furniture_line(text: &str) -> bool {
    let text = text.trim();
    let words = crate::words::count_words(text);
    if words == 0 || crate::words::ends_sentence(text) || refine::is_byline(text) {
        return false;
    }
    let label = text.find(':').is_some_and(|c| c > 0 && crate::words::count_words(&text[..c]) <= 2) && words <= 6;
    let bare_address = !text.contains(' ') && (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."));
    words <= 3 || label || bare_address
}

/// A line of a list's item that holds no item: a label with nothing after it, or a figure
/// with no word and no price ("Messages:", "0", "#1": a writer's card beside a post, its
/// counts in a list; "$29.99" under a product's card stays).
fn is_stray_in_item(text: &str) -> bool {
    let text = text.trim();
    (text.ends_with(':') && crate::words::count_words(text) <= 3) || !text.chars().any(|c| c.is_alphabetic() || crate::words::is_currency_sign(c) || c == '¢')
}

fn item_link_words(block: &Block) -> (usize, usize) {
    match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => link_words(content),
        Block::List { items, .. } => items.iter().flatten().map(item_link_words).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1)),
        other => (crate::words::count_words(&other.text()), 0),
    }
}

/// A heading with nothing under it (its list of links was dropped, or it ends the page) goes
/// too: "Most Popular", "Related".
fn drop_empty_sections(blocks: &mut Vec<Block>) {
    let mut i = blocks.len();
    while i > 0 {
        i -= 1;
        if let Block::Heading { level, .. } = blocks[i] {
            let empty = match blocks.get(i + 1) {
                None => true,
                Some(Block::Heading { level: next, .. }) => *next <= level,
                Some(_) => false,
            };
            if empty {
                blocks.remove(i);
            }
        }
    }
}

/// Removes the heading that repeats the title.
fn drop_title_heading(blocks: &mut Vec<Block>, title: &str) {
    // The heading may be the title itself, or the title without the site's name around it.
    let title = crate::words::collapse_ws(title).to_lowercase();
    let repeats_title = |content: &Vec<Inline>| {
        let h = crate::words::collapse_ws(&inline_text(content)).to_lowercase();
        h == title || (h.chars().count() >= 8 && (title.contains(&h) || h.contains(&title)))
    };
    if let Some(i) = blocks.iter().take(8).position(|b| matches!(b, Block::Heading { content, .. } if repeats_title(content))) {
        blocks.remove(i);
    }
}

fn take_first_heading(blocks: &mut Vec<Block>) -> Option<String> {
    let i = blocks.iter().take(4).position(|b| matches!(b, Block::Heading { .. }))?;
    let title = blocks[i].text();
    // A numbered heading heads the story's first item, not the story.
    if headline::is_numbered(&title) {
        return None;
    }
    blocks.remove(i);
    Some(title)
}

/// A thread's first post line stands within this many blocks of the top (lines of the kind
/// further down, under no post at the top, are cards of other stories by their writers).
const THREAD_OPENS_WITHIN: usize = 6;

/// A line over a post of a thread: a link to the writer's profile first, then when.
fn is_post_line(block: &Block) -> bool {
    matches!(block, Block::Paragraph { content } if is_post_content(content))
}

/// Whether a run of inlines is a line over a post (see [`is_post_line`]); the renderer marks
/// such lines so that a thread reads as posts.
pub(crate) fn is_post_content(content: &[Inline]) -> bool {
    // The leading link first: it is asked of every paragraph weeded and rendered, and the
    // text is gathered only for the few that pass.
    let lead = content.iter().find(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()));
    if !matches!(lead, Some(Inline::Link { href, .. }) if convert::is_profile_href(href)) {
        return false;
    }
    let text = crate::words::collapse_ws(&inline_text(content));
    crate::words::count_words_upto(&text, furniture::POST_LINE_WORDS + 1) <= furniture::POST_LINE_WORDS && furniture::is_dated(&text)
}

/// The writer (the text of the leading link to their profile) and the date a post line gives.
fn post_line_parts(content: &[Inline]) -> Option<(String, String)> {
    if !is_post_content(content) {
        return None;
    }
    let lead = content.iter().position(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()))?;
    let writer = crate::words::collapse_ws(&inline_text(&content[lead..=lead]));
    let when = crate::words::collapse_ws(&inline_text(&content[lead + 1..]));
    let when = when.trim_matches(|c: char| c.is_whitespace() || matches!(c, '·' | '|' | '•' | '-' | '–' | '—' | ',')).to_string();
    Some((writer, when))
}

/// Lines that only name the writer or give the date (the items of a list of meta lines, the
/// parts of a header line): the byline and the date, taken when that is all they are (at most
/// four of them).
fn take_meta_lines<S: AsRef<str>>(lines: &[S], article: &mut Article) -> bool {
    let byline = article.byline.clone();
    let writer = |t: &str| names_writer(t, byline.as_deref());
    let meta = |t: &str| writer(t) || is_date_only(t) || furniture::is_timestamp_line(t);
    if lines.is_empty() || lines.len() > 4 || !lines.iter().all(|t| meta(t.as_ref())) {
        return false;
    }
    for t in lines.iter().map(AsRef::as_ref) {
        let field = if writer(t) { &mut article.byline } else { &mut article.published };
        field.get_or_insert_with(|| t.to_string());
    }
    true
}

/// A short paragraph near the top that names the writer ("By …", or the page's author) or
/// gives the date becomes the article's byline or date.
fn take_byline(blocks: &mut Vec<Block>, article: &mut Article) {
    let mut i = 0;
    while i < blocks.len().min(6) {
        // A list of meta lines ("by A. Writer", a date, "2 min read"): the byline and date.
        if let Block::List { items, .. } = &blocks[i] {
            let lines: Vec<String> = items.iter().map(|item| crate::words::collapse_ws(&item.iter().map(Block::text).collect::<Vec<_>>().join(" "))).filter(|t| !t.is_empty()).collect();
            if take_meta_lines(&lines, article) {
                blocks.remove(i);
                continue;
            }
        }
        let Block::Paragraph { content } = &blocks[i] else {
            i += 1;
            continue;
        };
        let text = crate::words::collapse_ws(&inline_text(content));
        // A post line at the top of a page that is no thread: the story's writer and date.
        if let Some((writer, when)) = post_line_parts(content) {
            article.byline.get_or_insert(writer);
            if !when.is_empty() {
                article.published.get_or_insert(when);
            }
            blocks.remove(i);
            continue;
        }
        // A header line run together from its parts ("Written by A. Writer · May 2, 2025"):
        // the writer and the date, when that is all its parts are.
        let parts: Vec<&str> = text.split(" · ").collect();
        if parts.len() > 1 && take_meta_lines(&parts, article) {
            blocks.remove(i);
            continue;
        }
        if names_writer(&text, article.byline.as_deref()) {
            // The page's own byline, as its metadata gave it, is kept when there is one.
            article.byline.get_or_insert(text);
            blocks.remove(i);
        } else if is_date_only(&text) || (refine::is_date_line(&text) && crate::words::count_words(&text) <= 8) {
            article.published.get_or_insert(text);
            blocks.remove(i);
        } else {
            i += 1;
        }
    }
}

/// The standfirst: a heading or short paragraph at the top of the body that the page's own
/// description repeats, standing before the byline or date (else it is the story's first
/// paragraph, which descriptions often quote), goes under the headline.
fn take_standfirst(blocks: &mut Vec<Block>, article: &mut Article) {
    let Some(excerpt) = article.excerpt.as_deref() else { return };
    let norm = |s: &str| crate::words::collapse_ws(s).trim_end_matches(['.', '…', ' ']).trim_end_matches("...").to_lowercase();
    let excerpt = norm(excerpt);
    if excerpt.chars().count() < 20 {
        return;
    }
    let window = blocks.len().min(6);
    let matches = |text: &str| {
        let t = norm(text);
        t == excerpt || (t.chars().count() >= 40 && (excerpt.starts_with(&t) || t.starts_with(&excerpt)))
    };
    let Some(i) = (0..window).find(|&i| match &blocks[i] {
        Block::Heading { content, .. } | Block::Paragraph { content } => matches(&inline_text(content)),
        _ => false,
    }) else {
        return;
    };
    let byline_after = blocks[i + 1..window].iter().any(|b| {
        let text = crate::words::collapse_ws(&b.text());
        names_writer(&text, article.byline.as_deref()) || is_date_only(&text)
    });
    if matches!(blocks[i], Block::Heading { .. }) || byline_after {
        article.standfirst = Some(crate::words::collapse_ws(&blocks.remove(i).text()));
    }
}

/// How many lines above the headline, and below it before the story's first long paragraph,
/// are read for its byline and date.
const LINES_ABOVE_HEADLINE: usize = 3;
const LINES_BELOW_HEADLINE: usize = 8;

/// A line of this many words or more below the headline is the story: reading stops there.
const STORY_LINE_WORDS: usize = 25;

/// The separators that part a header line's pieces ("By A. Writer | Updated May 2, 2025",
/// "Jun 8, 2023 • 11 Minute Read").
const HEADER_SEPARATORS: &[&str] = &[" | ", " • ", " · ", " – ", " — ", " - ", "•", "·", "|"];

/// The byline and the date the page shows around its headline where the story's element and
/// the metadata gave none: a paste's header often stands apart from the story ("August 25,
/// 2025" under the `<h1>`, "By A. Writer" above it). Only the few lines nearest the page's
/// headline are read, each a line of its own (an element with no block inside), and only a
/// line (or a piece of one) that is a date of a known day, or that names a writer, is taken.
fn meta_near_headline(body: ElementRef, article: &mut Article) {
    let Some(title) = article.title.as_deref() else { return };
    let title = crate::words::collapse_ws(title).to_lowercase();
    if title.is_empty() {
        return;
    }
    let elements: Vec<ElementRef> = body.descendants().filter_map(ElementRef::wrap).collect();
    let is_heading = |e: &ElementRef| matches!(e.value().name(), "h1" | "h2");
    let Some(at) = elements.iter().position(|e| is_heading(e) && crate::words::collapse_ws(&e.text().collect::<String>()).to_lowercase() == title) else { return };
    let line_of = |e: &ElementRef| -> Option<String> {
        if !page_blocks::is_block(e.value().name()) || e.descendants().skip(1).filter_map(ElementRef::wrap).any(|d| page_blocks::is_block(d.value().name())) {
            return None;
        }
        let text = crate::words::collapse_ws(&e.text().collect::<String>());
        (!text.is_empty()).then_some(text)
    };
    let headline_end = at + elements[at].descendants().filter_map(ElementRef::wrap).count();
    let below = elements[headline_end..].iter().take(400).filter_map(line_of).take(LINES_BELOW_HEADLINE).take_while(|l| crate::words::count_words(l) < STORY_LINE_WORDS);
    let above: Vec<String> = elements[..at].iter().rev().take(200).filter_map(line_of).take(LINES_ABOVE_HEADLINE).collect();
    let mut updated = None;
    // Below first (where most pages put them), then above, nearest first.
    for line in below.collect::<Vec<_>>().into_iter().chain(above) {
        if crate::words::count_words(&line) > 20 {
            continue;
        }
        let pieces: Vec<&str> = HEADER_SEPARATORS.iter().find(|s| line.contains(*s)).map_or_else(|| vec![line.as_str()], |s| line.split(*s).map(str::trim).filter(|p| !p.is_empty()).collect());
        for piece in pieces {
            if article.byline.is_none() && refine::is_byline(piece) {
                article.byline = Some(piece.to_string());
            } else if article.published.is_none() && crate::words::count_words(piece) <= 10 && crate::dates::machine_date(piece).is_some_and(|d| d.len() == 10) {
                // A date of the last change is taken only where no other date is shown.
                if says_updated(piece) {
                    updated.get_or_insert_with(|| piece.to_string());
                } else {
                    article.published = Some(piece.to_string());
                }
            }
        }
        if article.byline.is_some() && article.published.is_some() {
            return;
        }
    }
    if article.published.is_none() {
        article.published = updated;
    }
}

/// A date line that gives when the story was last changed ("Updated on …", "Last modified"),
/// not when it was published.
fn says_updated(text: &str) -> bool {
    const WORDS: &[&str] = &["updated", "update", "modified", "edited", "revised", "aktualisiert", "mis à jour", "actualizado", "atualizado", "aggiornato"];
    let lower = text.to_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

/// A short line that names the writer: "By …", or the writer the metadata names.
fn names_writer(text: &str, byline: Option<&str>) -> bool {
    refine::is_byline(text) || byline.is_some_and(|b| same_writer(text, b) && crate::words::count_words(text) <= 12)
}

/// A line that gives a date and is not a sentence ("Nov 19, 2019 at 6:46 pm ET • 2 min read").
fn is_date_only(text: &str) -> bool {
    refine::is_date_line(text) && !crate::words::ends_sentence(text)
}

/// Whether a line names the writer the metadata names: "Robert Burns, AP Writer" for "By
/// ROBERT BURNS, AP Writer", letter case and a leading "By" aside.
fn same_writer(line: &str, byline: &str) -> bool {
    let strip = |s: &str| {
        let s = crate::words::collapse_ws(s).to_lowercase();
        s.strip_prefix("by ").map(str::to_string).unwrap_or(s)
    };
    let (line, byline) = (strip(line), strip(byline));
    !byline.is_empty() && (line.contains(&byline) || byline.contains(&line) && line.chars().count() >= 6)
}

/// A list of summary points before the first paragraph becomes the article's summary.
fn take_summary(blocks: &mut Vec<Block>, article: &mut Article) {
    let first_para = blocks.iter().position(|b| matches!(b, Block::Paragraph { .. })).unwrap_or(blocks.len());
    let Some(i) = blocks[..first_para].iter().position(|b| matches!(b, Block::List { .. })) else { return };
    let Block::List { items, .. } = &blocks[i] else { return };
    let texts: Vec<String> = items.iter().map(|item| item.iter().map(Block::text).collect::<Vec<_>>().join(" ")).collect();
    if let Some(points) = refine::summary_points(&texts) {
        article.summary = points;
        blocks.remove(i);
    }
}

/// A copyright paragraph among the last blocks becomes the article's copyright line.
fn take_copyright(blocks: &mut Vec<Block>, article: &mut Article) {
    let from = blocks.len().saturating_sub(4);
    if let Some(i) = (from..blocks.len()).rev().find(|&i| matches!(&blocks[i], Block::Paragraph { content } if refine::copyright_line(&inline_text(content)).is_some())) {
        article.copyright = refine::copyright_line(&blocks[i].text());
        blocks.remove(i);
    }
}

/// Removes a page-tool link ("E-mail to a friend") standing after a paragraph's last sentence,
/// then turns any other button-like link into plain text.
fn drop_trailing_button(content: &mut Vec<Inline>) {
    if let Some(Inline::Link { href, .. }) = content.last() {
        if href.is_empty() {
            let before = inline_text(&content[..content.len() - 1]);
            if crate::words::ends_sentence(&before) {
                content.pop();
            }
        }
    }
    let mut out = Vec::with_capacity(content.len());
    for inline in content.drain(..) {
        match inline {
            Inline::Link { href, content } if href.is_empty() => out.extend(content),
            other => out.push(other),
        }
    }
    *content = convert::normalize_inlines(out);
}

/// A wire-story dateline opening the first paragraph goes to the article.
fn take_dateline(blocks: &mut [Block], article: &mut Article) {
    let Some(Block::Paragraph { content }) = blocks.iter_mut().find(|b| matches!(b, Block::Paragraph { .. })) else { return };
    // The whole paragraph decides (its first run may end at a link); the cut falls in the first run.
    let full = inline_text(content);
    let Some(Inline::Text { text }) = content.first_mut() else { return };
    let Some(d) = refine::split_dateline(&full) else { return };
    let Some(cut) = full.find(d.rest.as_str()).filter(|&at| at > 0) else { return };
    // The run must hold the dateline and its dash (`full` starts with it).
    if !text.is_char_boundary(cut) {
        return;
    }
    article.dateline = Some(d.dateline);
    article.source = d.source;
    *text = text[cut..].to_string();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_menus_and_styles_are_dropped() {
        let page = r#"<html><head><title>A day at the river - Example News</title><style>p{color:red}</style></head>
            <body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
            <h1>A day at the river</h1><script>alert(1)</script>
            <div class="story"><p>The river was high on Sunday, and families came out to watch the boats go by in the sun.</p>
            <p>Volunteers handed out water, and the mayor thanked everyone who had helped to clean the banks.</p></div>
            <footer>Contact us</footer></body></html>"#;
        let a = extract(page);
        assert_eq!(a.title.as_deref(), Some("A day at the river"));
        let text = a.body_units().join("\n");
        assert!(text.starts_with("The river was high"), "{text}");
        assert!(!text.contains("alert") && !text.contains("Home") && !text.contains("Contact") && !text.contains("color"), "{text}");
    }

    #[test]
    fn short_items_and_labelled_values_of_a_list_are_its_content() {
        let page = r#"<html><head><title>Plain loaf</title></head><body><main><h1>Plain loaf</h1>
            <p>The loaf is an easy one for a first bake at home, with few steps and a long rest overnight.</p>
            <h2>Ingredients</h2><ul><li>2 cups flour</li><li><p>1 egg</p></li><li>Salt</li><li>500 ml of warm water</li></ul>
            <h2>Tin</h2><ul><li><strong>Material:</strong> Steel</li><li><strong>Size:</strong> 2 lb</li></ul>
            <p>Mix everything in the evening, leave it covered overnight, and bake it in the morning, hot and fast.</p></main></body></html>"#;
        let a = extract(page);
        let lists: Vec<Vec<String>> = a.blocks.iter().filter_map(|b| match b {
            Block::List { items, .. } => Some(items.iter().map(|item| item.iter().map(Block::text).collect::<Vec<_>>().join(" ")).collect()),
            _ => None,
        }).collect();
        assert_eq!(lists, vec![vec!["2 cups flour", "1 egg", "Salt", "500 ml of warm water"], vec!["Material: Steel", "Size: 2 lb"]]);
    }

    #[test]
    fn a_pasted_list_article_s_first_numbered_heading_stays_in_its_body() {
        let page = r#"<html><body><article><h2>1. Pick a frame that fits</h2>
            <p>The frame decides how the bike rides, so measure yourself before you look at any of the catalogues.</p>
            <h2>2. Choose the gears</h2><p>Fewer gears weigh less and ask less of you on the road, as most riders find.</p></article></body></html>"#;
        let a = extract(page);
        assert_eq!(a.title, None, "a numbered section's heading is not the headline");
        assert!(a.body_units().join("\n").starts_with("1. Pick a frame that fits"), "{:?}", a.body_units());
    }

    #[test]
    fn relative_links_and_lazy_images_are_resolved_against_the_page() {
        let page = r#"<html><head><link rel="canonical" href="https://example.org/news/a.html"></head><body><article>
            <p>Read <a href="../about.html">about us</a> before you go on with this paragraph of the story.</p>
            <figure><img data-src="img/river.jpg" src="data:image/gif;base64,R0lGOD"><figcaption>The river</figcaption></figure>
            <p>Another paragraph that is long enough to be kept as part of the story, with some commas, too.</p></article></body></html>"#;
        let a = extract(page);
        let json = serde_json::to_string(&a.blocks).unwrap();
        assert!(json.contains("https://example.org/about.html"), "{json}");
        assert!(json.contains("https://example.org/news/img/river.jpg"), "{json}");
        assert!(json.contains("The river"), "{json}");
    }

    const STORY: &str = r#"<p>Read <a href="../about.html">about us</a> before you go on with this paragraph of the story.</p>
        <figure><img src="img/river.jpg" alt=""><figcaption>The river</figcaption></figure>
        <p>Another paragraph that is long enough to be kept as part of the story, with some commas, too.</p>"#;

    #[test]
    fn the_page_address_resolves_relative_links_and_is_the_source() {
        let page = format!("<html><head><title>River</title></head><body><article>{STORY}</article></body></html>");
        let a = extract_at(&page, Some("https://example.org/news/a.html?id=3#comments"));
        let json = serde_json::to_string(&a.blocks).unwrap();
        assert!(json.contains("https://example.org/about.html"), "{json}");
        assert!(json.contains("https://example.org/news/img/river.jpg"), "{json}");
        assert_eq!(a.source_url.as_deref(), Some("https://example.org/news/a.html?id=3"));
    }

    #[test]
    fn a_relative_base_and_canonical_are_read_against_the_page_address() {
        let page = format!(
            r#"<html><head><base href="/en/"><link rel="canonical" href="/news/river"></head><body><article>{STORY}</article></body></html>"#
        );
        let a = extract_at(&page, Some("https://example.org/news/a.html"));
        let json = serde_json::to_string(&a.blocks).unwrap();
        assert!(json.contains("https://example.org/about.html"), "../ from /en/: {json}");
        assert!(json.contains("https://example.org/en/img/river.jpg"), "{json}");
        assert_eq!(a.source_url.as_deref(), Some("https://example.org/news/river"));
    }

    #[test]
    fn an_address_that_is_not_a_web_page_is_ignored() {
        let page = format!("<html><body><article>{STORY}</article></body></html>");
        for address in ["file:///home/a.html", "javascript:alert(1)", "not an address", ""] {
            let a = extract_at(&page, Some(address));
            assert_eq!(a.source_url, None, "{address}");
            assert!(!serde_json::to_string(&a.blocks).unwrap().contains("about.html\""), "{address}");
        }
    }
}
