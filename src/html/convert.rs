//! A story's elements turned into blocks: paragraphs, headings, lists, quotes, code, figures
//! with their captions, tables, footnotes; white space normalised, lazy images recovered.

use super::Attrs;
use std::collections::HashSet;

use ego_tree::NodeRef;
use scraper::{ElementRef, Node};
use url::Url;

use super::furniture::{is_dated, POST_LINE_WORDS};
use super::root::{class_weight, is_block, is_hidden, is_screen_reader_only, is_skipped_tag, link_density};
use crate::article::{inline_text, Block, Cell, Image, Inline};
use crate::words::{collapse_ws, count_words};

/// Deeper nesting than this is read as text only (hostile or broken pages).
const MAX_DEPTH: usize = 256;

/// Converts a content element's children into blocks.
pub struct Converter {
    base: Option<Url>,
    /// Ids that in-page links of the page lead to (footnotes and their back references).
    targets: HashSet<String>,
    /// Lists and boxes of links are content (a listing's items, a collection's grid), not
    /// furniture to leave out.
    keep_link_lists: bool,
    /// Elements whose class or id words mark them as furniture are read like any other.
    keep_classed: bool,
}

impl Converter {
    /// A converter that resolves relative addresses against `base` and keeps in-page links to
    /// the ids in `targets`.
    pub fn new(base: Option<&str>, targets: HashSet<String>) -> Converter {
        Converter { base: base.and_then(|b| Url::parse(b).ok()), targets, keep_link_lists: false, keep_classed: false }
    }

    /// The same converter, keeping lists and boxes of links (see [`super::extent`]).
    pub fn keeping_link_lists(&self) -> Converter {
        Converter { base: self.base.clone(), targets: self.targets.clone(), keep_link_lists: true, keep_classed: self.keep_classed }
    }

    /// The same converter, reading elements whose class or id words mark them as furniture
    /// (see [`super::extent`]); menus, forms, buttons, asides and footers stay out.
    pub fn keeping_classed(&self) -> Converter {
        Converter { base: self.base.clone(), targets: self.targets.clone(), keep_link_lists: self.keep_link_lists, keep_classed: true }
    }

    fn is_link_farm(&self, el: &ElementRef) -> bool {
        !self.keep_link_lists && is_link_farm(el) && !is_post_header(el)
    }

    /// The element's id when an in-page link leads to it.
    fn anchor_of(&self, el: &ElementRef) -> Option<String> {
        let e = el.value();
        [e.attribute("id"), if e.name() == "a" { e.attribute("name") } else { None }]
            .into_iter()
            .flatten()
            .find(|id| self.targets.contains(*id))
            .map(str::to_string)
    }

    /// The blocks inside the story's elements, in order.
    pub fn blocks(&self, roots: &[ElementRef]) -> Vec<Block> {
        let mut out = Vec::new();
        for root in roots {
            if roots.len() > 1 && root.value().name() == "p" {
                self.push_block(*root, &mut out, 0);
            } else {
                self.push_children(**root, &mut out, 0);
            }
        }
        out
    }

    fn push_children(&self, node: NodeRef<Node>, out: &mut Vec<Block>, depth: usize) {
        let mut inlines: Vec<Inline> = Vec::new();
        for child in node.children() {
            match child.value() {
                Node::Text(t) => inlines.push(Inline::text(&**t)),
                Node::Element(e) if e.name() == "br" && ends_with_break(&inlines) => {
                    // <br><br> between loose text: a paragraph break.
                    flush_paragraph(&mut inlines, out);
                }
                Node::Element(_) => {
                    let el = ElementRef::wrap(child).expect("an element node");
                    // "You may also like", "Related stories": the rest of this container is
                    // other stories.
                    if is_recirculation_box_title(&el) {
                        break;
                    }
                    if is_block(el.value().name()) || depth >= MAX_DEPTH {
                        flush_paragraph(&mut inlines, out);
                        self.push_block(el, out, depth + 1);
                    } else if let Some(figure) = self.lone_image(el) {
                        flush_paragraph(&mut inlines, out);
                        out.push(figure);
                    } else {
                        self.push_inline(el, &mut inlines, depth + 1);
                    }
                }
                _ => {}
            }
        }
        flush_paragraph(&mut inlines, out);
    }

    fn push_block(&self, el: ElementRef, out: &mut Vec<Block>, depth: usize) {
        let before = out.len();
        self.push_block_inner(el, out, depth);
        self.place_anchor(&el, &mut out[before..]);
    }

    /// When in-page links lead to `el`, puts its anchor at the start of the first text it gave.
    fn place_anchor(&self, el: &ElementRef, blocks: &mut [Block]) {
        let Some(id) = self.anchor_of(el) else { return };
        let mut placed = false;
        for block in blocks {
            block.for_each_inlines_mut(&mut |run| {
                if !placed {
                    run.insert(0, Inline::Anchor { id: id.clone() });
                    placed = true;
                }
            });
            if placed {
                break;
            }
        }
    }

    fn push_block_inner(&self, el: ElementRef, out: &mut Vec<Block>, depth: usize) {
        let name = el.value().name();
        // A form holding a whole page (ASP.NET wraps everything in one) is a container.
        if name == "noscript" {
            self.push_noscript_images(el, out);
            return;
        }
        let page_form = name == "form" && count_words(&el.text().collect::<String>()) >= 150;
        if (is_skipped_tag(name) && !page_form) || is_hidden(&el) || is_screen_reader_only(&el) || (!self.keep_classed && class_weight(&el) < 0 && name != "article" && name != "main") {
            return;
        }
        if depth >= MAX_DEPTH {
            let text = collapse_ws(&el.text().collect::<String>());
            if !text.is_empty() {
                out.push(Block::paragraph(text));
            }
            return;
        }
        // A caption outside a <figure> (a gallery's `div.caption`, a `wp-caption-text`): under
        // the picture before it, or left out when it has none (the caption of a video or of a
        // slide the page did not carry).
        if name != "figure" && name != "figcaption" && is_caption_class(&el) {
            let heading = |c: &ElementRef| matches!(c.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            if el.descendants().filter_map(ElementRef::wrap).any(|c| c.value().name() == "img") {
                // A captioned picture's wrapper; a larger block (a list item with its own
                // heading and text) is read as usual.
                if el.descendants().filter_map(ElementRef::wrap).any(|c| heading(&c)) || count_words(&el.text().collect::<String>()) > 80 {
                    self.push_children(*el, out, depth);
                    return;
                }
                self.push_figure(el, out, depth);
            } else {
                self.attach_caption(el, out, depth);
            }
            return;
        }
        match name {
            "p" => {
                let mut content = Vec::new();
                let mut figures = Vec::new();
                for child in el.children() {
                    match (child.value(), ElementRef::wrap(child)) {
                        (Node::Text(t), _) => content.push(Inline::text(&**t)),
                        (_, Some(c)) => match self.lone_image(c) {
                            Some(f) => figures.push(f),
                            None => self.push_inline(c, &mut content, depth + 1),
                        },
                        _ => {}
                    }
                }
                out.extend(figures);
                flush_paragraph(&mut content, out);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse::<u8>().unwrap_or(2).max(2);
                let content = normalize_inlines(self.inlines(el, depth));
                if !inline_text(&content).trim().is_empty() {
                    out.push(Block::Heading { level, content });
                }
            }
            "ul" | "ol" if self.is_link_farm(&el) => {}
            "ul" | "ol" => {
                let items: Vec<Vec<Block>> = el
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|li| !is_hidden(li))
                    .map(|li| {
                        let mut blocks = self.blocks_at(li, depth);
                        self.place_anchor(&li, &mut blocks);
                        blocks
                    })
                    .filter(|b| !b.is_empty())
                    .collect();
                if !items.is_empty() {
                    out.push(Block::List { ordered: name == "ol", items });
                }
            }
            "blockquote" => {
                let blocks = self.blocks_at(el, depth);
                if !blocks.is_empty() {
                    out.push(Block::Quote { blocks });
                }
            }
            "pre" => {
                let text: String = el.text().collect();
                let lang = el
                    .descendants()
                    .filter_map(ElementRef::wrap)
                    .filter_map(|c| c.value().attribute("class"))
                    .flat_map(|c| c.split_whitespace())
                    .find_map(|c| c.strip_prefix("language-").or(c.strip_prefix("lang-")))
                    .map(str::to_string);
                if !text.trim().is_empty() {
                    out.push(Block::Code { lang, text: text.trim_matches('\n').to_string() });
                }
            }
            "figure" => self.push_figure(el, out, depth),
            "img" | "picture" => {
                if let Some(f) = self.lone_image(el) {
                    out.push(f);
                }
            }
            "table" => self.push_table(el, out, depth),
            "dl" => match self.definition_list(el, depth) {
                Some(list) => out.push(list),
                None => self.push_container(el, out, depth),
            },
            "noscript" => self.push_noscript_images(el, out),
            "hr" => out.push(Block::Rule),
            _ => self.push_container(el, out, depth),
        }
    }

    /// Any other element: a post's header as one line, a link farm left out, else its children.
    fn push_container(&self, el: ElementRef, out: &mut Vec<Block>, depth: usize) {
        // The line over a post, even when its parts stand as blocks (the writer's name in a
        // heading, the date in a line under it): one line, over its post.
        if is_post_header(&el) && !holds_content_blocks(&el) {
            if let Some(line) = self.header_line(el, depth) {
                out.push(Block::Paragraph { content: line });
                return;
            }
        }
        if self.is_link_farm(&el) {
            return;
        }
        self.push_children(*el, out, depth)
    }

    /// The words of a post's header as one line: its block parts run together with a
    /// separator, its pictures (the writer's photo) left out. None when it has more parts
    /// than a name, a date and a label or two, or a part that is only a figure: a writer's
    /// card with their figures (joined, messages, points), whose date is not the post's.
    fn header_line(&self, el: ElementRef, depth: usize) -> Option<Vec<Inline>> {
        const MAX_PARTS: usize = 4;
        let mut runs: Vec<Vec<Inline>> = vec![Vec::new()];
        self.header_runs(el, &mut runs, depth);
        let runs: Vec<Vec<Inline>> = runs.into_iter().map(normalize_inlines).filter(|r| !inline_text(r).trim().is_empty()).collect();
        let texts: Vec<String> = runs.iter().map(|r| collapse_ws(&inline_text(r))).collect();
        let figures = texts.iter().any(|t| !t.chars().any(char::is_alphabetic));
        if runs.is_empty() || runs.len() > MAX_PARTS || figures {
            return None;
        }
        let mut line = Vec::new();
        for (i, run) in runs.into_iter().enumerate() {
            // A part that the next one repeats as it starts (the name shown for two layouts,
            // then again with the date): once.
            if texts.get(i + 1).is_some_and(|next| next.starts_with(texts[i].as_str())) {
                continue;
            }
            if !line.is_empty() {
                line.push(Inline::text(" · "));
            }
            line.extend(run);
        }
        Some(line)
    }

    fn header_runs(&self, el: ElementRef, runs: &mut Vec<Vec<Inline>>, depth: usize) {
        for child in el.children() {
            match (child.value(), ElementRef::wrap(child)) {
                (Node::Text(t), _) => runs.last_mut().expect("a run").push(Inline::text(&**t)),
                (_, Some(c)) if is_block(c.value().name()) && depth < MAX_DEPTH => {
                    if is_skipped_tag(c.value().name()) || is_hidden(&c) {
                        continue;
                    }
                    runs.push(Vec::new());
                    self.header_runs(c, runs, depth + 1);
                    runs.push(Vec::new());
                }
                (_, Some(c)) => self.push_inline(c, runs.last_mut().expect("a run"), depth + 1),
                _ => {}
            }
        }
    }

    fn blocks_at(&self, el: ElementRef, depth: usize) -> Vec<Block> {
        let mut out = Vec::new();
        self.push_children(*el, &mut out, depth + 1);
        out
    }

    fn inlines(&self, el: ElementRef, depth: usize) -> Vec<Inline> {
        let mut content = Vec::new();
        for child in el.children() {
            match (child.value(), ElementRef::wrap(child)) {
                (Node::Text(t), _) => content.push(Inline::text(&**t)),
                (_, Some(c)) => self.push_inline(c, &mut content, depth + 1),
                _ => {}
            }
        }
        content
    }

    fn push_inline(&self, el: ElementRef, out: &mut Vec<Inline>, depth: usize) {
        let name = el.value().name();
        // A heading whose words are the button that folds its section (an accordion's
        // "Description"): the button's label is the heading.
        if name == "button" && el.value().attribute("aria-expanded").is_some() && el.parent().and_then(ElementRef::wrap).is_some_and(|p| matches!(p.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")) {
            out.extend(self.inlines(el, depth));
            return;
        }
        if is_skipped_tag(name) || is_hidden(&el) || is_screen_reader_only(&el) || depth >= MAX_DEPTH {
            return;
        }
        if let Some(id) = self.anchor_of(&el) {
            out.push(Inline::Anchor { id });
        }
        match name {
            "br" => out.push(Inline::Break),
            "em" | "i" | "cite" | "dfn" => out.push(Inline::Emphasis { content: self.inlines(el, depth) }),
            "strong" | "b" => out.push(Inline::Strong { content: self.inlines(el, depth) }),
            "code" | "kbd" | "samp" | "tt" => out.push(Inline::Code { text: el.text().collect() }),
            "a" => {
                let content = self.inlines(el, depth);
                let href = el.value().attribute("href").unwrap_or("").trim();
                match self.resolve(href) {
                    // A footnote mark or a note's way back: kept as an in-page link.
                    _ if href.strip_prefix('#').is_some_and(|id| self.targets.contains(id)) => {
                        out.push(Inline::Link { href: href.to_string(), content })
                    }
                    Some(href) => out.push(Inline::Link { href, content }),
                    // A link that only runs a script or jumps within the page acts as a
                    // button; it is marked with an empty target until the page tools are
                    // weeded out, then unwrapped.
                    None if is_button_href(href) => out.push(Inline::Link { href: String::new(), content }),
                    None => out.extend(content),
                }
            }
            "img" | "picture" => {}
            // A box of links inside a line of text (a name's pop-up card of its stories, shown
            // on hover): not part of the sentence.
            _ if is_inline_link_box(&el) => {}
            _ => out.extend(self.inlines(el, depth)),
        }
    }

    fn push_figure(&self, el: ElementRef, out: &mut Vec<Block>, depth: usize) {
        let image = self.first_image(el);
        let caption = el
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|c| c.value().name() == "figcaption" || (*c != el && is_caption_class(c)))
            .map(|c| normalize_inlines(self.inlines(c, depth)))
            .filter(|c| !inline_text(c).trim().is_empty());
        match image {
            Some(image) => out.push(Block::Figure { image, caption }),
            None if el.value().name() == "figure" => self.push_children(*el, out, depth),
            None => self.attach_caption(el, out, depth),
        }
    }

    /// Puts a caption standing apart under the last picture, when that picture has none yet.
    fn attach_caption(&self, el: ElementRef, out: &mut [Block], depth: usize) {
        let Some(Block::Figure { caption: caption @ None, .. }) = out.last_mut() else { return };
        // Its parts: each block child, and each run of inline content between them.
        let mut parts: Vec<Vec<Inline>> = vec![Vec::new()];
        for child in el.children() {
            match (child.value(), ElementRef::wrap(child)) {
                (Node::Text(t), _) => parts.last_mut().expect("one part").push(Inline::text(&**t)),
                (_, Some(c)) if is_block(c.value().name()) => {
                    parts.push(self.inlines(c, depth + 1));
                    parts.push(Vec::new());
                }
                (_, Some(c)) => self.push_inline(c, parts.last_mut().expect("one part"), depth + 1),
                _ => {}
            }
        }
        // A caption shown in two lengths ("… more" / "less") keeps its long version only.
        parts.iter_mut().for_each(drop_toggle_links);
        let texts: Vec<String> = parts.iter().map(|p| collapse_ws(&inline_text(p))).collect();
        let mut joined = Vec::new();
        for (part, text) in parts.into_iter().zip(&texts) {
            if text.is_empty() || (text.chars().count() >= 20 && texts.iter().any(|t| cut_short_of(text, t))) {
                continue;
            }
            if !joined.is_empty() {
                joined.push(Inline::text(" "));
            }
            joined.extend(part);
        }
        let joined = normalize_inlines(joined);
        if !inline_text(&joined).trim().is_empty() {
            *caption = Some(joined);
        }
    }

    fn push_table(&self, el: ElementRef, out: &mut Vec<Block>, depth: usize) {
        let mut rows = Vec::new();
        let mut caption = None;
        for node in el.descendants() {
            let Some(c) = ElementRef::wrap(node) else { continue };
            match c.value().name() {
                "caption" => caption = Some(normalize_inlines(self.inlines(c, depth))),
                "tr" => {
                    let cells: Vec<Cell> = c
                        .children()
                        .filter_map(ElementRef::wrap)
                        .filter(|td| matches!(td.value().name(), "td" | "th"))
                        .map(|td| Cell { header: td.value().name() == "th", content: normalize_inlines(self.inlines(td, depth)) })
                        .collect();
                    if !cells.is_empty() {
                        rows.push(cells);
                    }
                }
                _ => {}
            }
        }
        if !rows.is_empty() {
            out.push(Block::Table { caption, rows });
        }
    }

    /// A definition list (`<dl>`: an API's entries, a glossary) whose definitions are more
    /// than a line each: a list, an item a term in bold over its definitions, so that each
    /// term stays with its definition (read as loose lines, a short term is weeded as a label).
    /// A list of short pairs (a user's figures beside a post, a product's specifications) is
    /// `None`, and read as loose lines as any other container is: out-of-fold, tables of them
    /// kept a forum poster's figures and lost more than the specifications gained.
    fn definition_list(&self, el: ElementRef, depth: usize) -> Option<Block> {
        let is_part = |e: &ElementRef| matches!(e.value().name(), "dt" | "dd") && !is_hidden(e);
        // The terms and definitions in order, also inside the `<div>`s that may group them.
        let parts: Vec<ElementRef> = el
            .children()
            .filter_map(ElementRef::wrap)
            .flat_map(|c| if c.value().name() == "div" { c.children().filter_map(ElementRef::wrap).collect() } else { vec![c] })
            .filter(is_part)
            .collect();
        let long = |p: &ElementRef| p.value().name() == "dd" && (holds_content_blocks(p) || count_words(&p.text().collect::<String>()) > DEFINITION_WORDS);
        if !parts.iter().any(|p| p.value().name() == "dt") || !parts.iter().any(long) {
            return None;
        }
        let mut items: Vec<Vec<Block>> = Vec::new();
        for part in parts {
            let mut blocks = Vec::new();
            let term = part.value().name() == "dt";
            if term {
                flush_paragraph(&mut vec![Inline::Strong { content: self.inlines(part, depth) }], &mut blocks);
            } else {
                self.push_children(*part, &mut blocks, depth + 1);
            }
            match items.last_mut() {
                Some(item) if !term => item.extend(blocks),
                _ if !blocks.is_empty() => items.push(blocks),
                _ => {}
            }
        }
        (!items.is_empty()).then_some(Block::List { ordered: false, items })
    }

    /// The images a `<noscript>` offers for when scripts do not run (lazy loaders' fallback);
    /// its content is text to the parser, so it is parsed on its own.
    fn push_noscript_images(&self, el: ElementRef, out: &mut Vec<Block>) {
        out.extend(self.noscript_images(el).into_iter().map(|image| Block::Figure { image, caption: None }));
    }

    fn noscript_images(&self, el: ElementRef) -> Vec<Image> {
        let inner: String = el.text().collect();
        if !inner.contains("<img") {
            return Vec::new();
        }
        let fragment = scraper::Html::parse_fragment(&inner);
        fragment.root_element().descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "img").filter_map(|img| self.image(img)).collect()
    }

    /// The first picture inside `el`: an image element's, else a `<noscript>` fallback's (a
    /// lazy loader whose placeholder is all the markup holds).
    fn first_image(&self, el: ElementRef) -> Option<Image> {
        let mut noscripts = Vec::new();
        for c in el.descendants().filter_map(ElementRef::wrap) {
            match c.value().name() {
                "img" => {
                    if let Some(image) = self.image(c) {
                        return Some(image);
                    }
                }
                "noscript" => noscripts.push(c),
                _ => {}
            }
        }
        noscripts.into_iter().find_map(|n| self.noscript_images(n).into_iter().next())
    }

    /// An image element (or a link around one) standing on its own, as a figure.
    fn lone_image(&self, el: ElementRef) -> Option<Block> {
        let img = match el.value().name() {
            "img" => el,
            // A picture wrapped in spans (a responsive-image wrapper) with no text of its own.
            "span" => {
                let own_text = el.descendants().filter_map(|n| n.value().as_text().filter(|_| n.parent().and_then(ElementRef::wrap).is_none_or(|p| p.value().name() != "noscript")));
                if own_text.into_iter().any(|t| !t.trim().is_empty()) {
                    return None;
                }
                let imgs = el.descendants().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "img").count();
                if imgs != 1 {
                    return None;
                }
                return self.first_image(el).map(|image| Block::Figure { image, caption: None });
            }
            "picture" | "a" => {
                let only = el.children().filter(|c| !c.value().as_text().is_some_and(|t| t.trim().is_empty())).count() == 1;
                let img = el.descendants().filter_map(ElementRef::wrap).find(|c| c.value().name() == "img")?;
                if !only {
                    return None;
                }
                img
            }
            _ => return None,
        };
        self.image(img).map(|image| Block::Figure { image, caption: None })
    }

    /// The image's address (lazy-loading attributes included), unless it is a tracking pixel.
    fn image(&self, img: ElementRef) -> Option<Image> {
        let e = img.value();
        let tiny = |a: &str| e.attribute(a).and_then(|v| v.trim_end_matches("px").parse::<u32>().ok()).is_some_and(|v| v <= 2);
        if tiny("width") || tiny("height") {
            return None;
        }
        // The site's logo (a print header, a masthead inside the story's container).
        let alt = e.attribute("alt").unwrap_or("").to_lowercase();
        if alt.split(|c: char| !c.is_alphanumeric()).any(|w| w == "logo") && count_words(&alt) <= 4 {
            return None;
        }
        // A writer's photo: a picture that links to their profile (a post's or a byline's).
        let link = img.ancestors().filter_map(ElementRef::wrap).take(4).find(|a| a.value().name() == "a");
        if link.and_then(|a| a.value().attribute("href")).is_some_and(is_profile_href) {
            return None;
        }
        // Lazy loaders keep the real address in a data- attribute and a placeholder in src; a
        // srcset (or its lazy twin) offers sizes, of which the widest is taken.
        let placeholder = |s: &str| s.is_empty() || s.starts_with("data:image/gif") || s.starts_with("data:image/svg") || s.contains("placeholder") || s.contains("blank.");
        let srcset = ["data-srcset", "srcset"].iter().filter_map(|a| e.attribute(a)).find_map(widest_candidate);
        let picture_srcset = img
            .parent()
            .and_then(ElementRef::wrap)
            .filter(|p| p.value().name() == "picture")
            .and_then(|p| p.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "source").find_map(|c| c.value().attribute("srcset").or(c.value().attribute("data-srcset")).and_then(widest_candidate)));
        let src = ["data-src", "data-original", "data-lazy-src", "data-url", "src"]
            .iter()
            .filter_map(|a| e.attribute(a))
            .map(str::trim)
            .find(|s| !placeholder(s))
            .or(srcset)
            .or(picture_srcset)?;
        let src = if src.starts_with("data:image/") { src.to_string() } else { self.resolve(src)? };
        Some(Image { src, alt: collapse_ws(e.attribute("alt").unwrap_or("")) })
    }

    /// An absolute address for an image named outside the body (`og:image`): http(s) only.
    pub fn image_src(&self, src: &str) -> Option<String> {
        self.resolve(src).filter(|s| s.starts_with("http"))
    }

    /// An absolute http(s) or mailto address for `href`, or `None` for script and in-page links.
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        // An empty address would resolve to the page itself; it marks a button, not a link.
        if href.is_empty() {
            return None;
        }
        let parsed = match Url::parse(href) {
            Ok(u) => u,
            Err(url::ParseError::RelativeUrlWithoutBase) => self.base.as_ref()?.join(href).ok()?,
            Err(url::ParseError::IdnaError) => Url::parse(&ascii_host(href)?).ok()?,
            Err(_) => return None,
        };
        matches!(parsed.scheme(), "http" | "https" | "mailto").then(|| parsed.to_string())
    }
}

/// A definition of more words than this (or holding blocks) is more than a line.
const DEFINITION_WORDS: usize = 15;

/// A container inside the story that is mostly links and little prose: related stories, "most
/// read", tag lists. (Prose with a few links in it has commas and long sentences.)
fn is_link_farm(el: &ElementRef) -> bool {
    // The text is read only until it has 250 words (then the answer is no): every container
    // of the story is asked, so a whole-subtree walk each time would be quadratic in the
    // nesting.
    let mut text = String::new();
    let mut counter = crate::words::WordCounter::default();
    for chunk in el.text() {
        counter.push(chunk, 250);
        if counter.count >= 250 {
            return false;
        }
        text.push_str(chunk);
    }
    let words = counter.count;
    let commas = text.matches([',', '،', '，', '、']).count();
    words > 0 && words < 250 && commas < 10 && link_density(el) > 0.5
}

/// Whether a link leads to a person's page on the site: a path step that names one ("/u/ann",
/// "/members/bob.12", "/profile/K17", "/@cy").
pub(super) fn is_profile_href(href: &str) -> bool {
    const PROFILES: &[&str] = &["u", "user", "users", "member", "members", "profile", "profiles", "people", "author", "authors"];
    let path = href.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("//").map_or(path, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    path.split('/').filter(|s| !s.is_empty()).any(|s| s.starts_with('@') || PROFILES.iter().any(|p| s.eq_ignore_ascii_case(p)))
}

/// The line over a post of a thread (a forum's, a comment's): who wrote it, a link to their
/// profile, and when. Mostly linked and short, it would read as a box of links.
fn is_post_header(el: &ElementRef) -> bool {
    let mut words = crate::words::WordCounter::default();
    for chunk in el.text() {
        words.push(chunk, POST_LINE_WORDS + 1);
        if words.count > POST_LINE_WORDS {
            return false;
        }
    }
    let mut by = false;
    let mut dated = false;
    for e in el.descendants().filter_map(ElementRef::wrap) {
        match e.value().name() {
            "time" => dated = true,
            "a" => by |= e.value().attribute("href").is_some_and(is_profile_href) && (1..=4).contains(&count_words(&e.text().collect::<String>())),
            _ => {}
        }
    }
    by && (dated || is_dated(&collapse_ws(&el.text().collect::<String>())))
}

/// Whether an element holds more than the parts of a header line: blocks of a post's body
/// (paragraphs, lists, quotes, code, tables, figures) or a page's headline (an article's
/// header, its title over its byline and date).
fn holds_content_blocks(el: &ElementRef) -> bool {
    el.descendants().filter_map(ElementRef::wrap).any(|e| matches!(e.value().name(), "p" | "ul" | "ol" | "blockquote" | "pre" | "table" | "figure" | "h1" | "h2"))
}

/// Removes a link at the end of a run whose text only expands or collapses it ("more",
/// "… more", "less", "show more").
pub(super) fn drop_toggle_links(content: &mut Vec<Inline>) {
    const TOGGLES: &[&str] = &["more", "less", "read more", "show more", "show less", "see more", "expand", "collapse"];
    if let Some(Inline::Link { content: label, .. }) = content.last() {
        let label = inline_text(label).to_lowercase();
        let label = label.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | '+' | '-' | '»' | '›'));
        if TOGGLES.contains(&label) {
            content.pop();
            *content = normalize_inlines(std::mem::take(content));
        }
    }
}

/// Whether `short` is the start of `long` shown cut short ("The river rose two metres…").
pub(super) fn cut_short_of(short: &str, long: &str) -> bool {
    long.len() > short.len() && long.starts_with(short.trim_end_matches(['.', '…', ' ']))
}

/// An inline element holding three links or more and little else; the innermost such, so that
/// the link the card hangs from (the name in the sentence) stays.
fn is_inline_link_box(el: &ElementRef) -> bool {
    let boxed = |e: &ElementRef| {
        let links = e.descendants().filter_map(ElementRef::wrap).filter(|a| a.value().name() == "a").take(3).count();
        links >= 3 && count_words(&e.text().collect::<String>()) >= 10 && link_density(e) > 0.8
    };
    boxed(el) && !el.children().filter_map(ElementRef::wrap).any(|c| boxed(&c))
}

/// A heading that titles a box of other stories.
fn is_recirculation_box_title(el: &ElementRef) -> bool {
    matches!(el.value().name(), "h2" | "h3" | "h4" | "h5" | "h6") && super::furniture::is_recirculation_heading(&el.text().collect::<String>())
}

/// An element whose class names it a caption (`caption`, `wp-caption-text`, `newsCaption`,
/// `image-caption`).
/// (`no_caption`, `has-caption` and `with-caption` describe a block, not its caption.)
fn is_caption_class(el: &ElementRef) -> bool {
    let Some(class) = el.value().attribute("class") else { return false };
    class.split_whitespace().map(str::to_ascii_lowercase).any(|c| {
        let c = c.trim_end_matches("-text").trim_end_matches("_text").trim_end_matches("-full");
        let modifier = ["no", "has", "with", "without"].iter().any(|m| c.starts_with(m) && c[m.len()..].starts_with(['-', '_']));
        !modifier && (c == "caption" || c.ends_with("caption") || c.starts_with("caption-") || c.starts_with("caption_"))
    })
}

/// The widest candidate of a `srcset` ("a.jpg 400w, b.jpg 800w" → "b.jpg").
fn widest_candidate(srcset: &str) -> Option<&str> {
    srcset
        .split(", ")
        .filter_map(|c| {
            let mut parts = c.split_whitespace();
            let url = parts.next()?;
            let size = parts.next().and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f64>().ok()).unwrap_or(1.0);
            Some((url, size))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(url, _)| url)
}

/// An absolute address with its host name in Unicode written in punycode ("münchen.de" →
/// "xn--mnchen-3ya.de"), labels lower-cased; `None` when it has no host to rewrite.
pub fn ascii_host(href: &str) -> Option<String> {
    let (scheme, rest) = href.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let (userinfo, host_port) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => (h, Some(p)),
        _ => (host_port, None),
    };
    let labels: Option<Vec<String>> = host
        .split('.')
        .map(|label| {
            let label = label.to_lowercase();
            if label.is_ascii() {
                Some(label)
            } else {
                idna::punycode::encode_str(&label).map(|p| format!("xn--{p}"))
            }
        })
        .collect();
    let mut out = format!("{scheme}://");
    if let Some(u) = userinfo {
        out.push_str(u);
        out.push('@');
    }
    out.push_str(&labels?.join("."));
    if let Some(p) = port {
        out.push(':');
        out.push_str(p);
    }
    out.push_str(path);
    Some(out)
}

/// A link target that does not lead to another page: empty, `#…`, or a script.
fn is_button_href(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    href.is_empty() || href.starts_with('#') || lower.starts_with("javascript:")
}

/// The gathered inlines end with a line break (white space after it aside).
fn ends_with_break(inlines: &[Inline]) -> bool {
    for inline in inlines.iter().rev() {
        match inline {
            Inline::Text { text } if text.trim().is_empty() => continue,
            Inline::Break => return true,
            _ => return false,
        }
    }
    false
}

/// Ends the paragraph being gathered from loose inline content, if it holds any text.
fn flush_paragraph(inlines: &mut Vec<Inline>, out: &mut Vec<Block>) {
    let content = normalize_inlines(std::mem::take(inlines));
    if !inline_text(&content).trim().is_empty() {
        out.push(Block::Paragraph { content });
    }
}

/// Collapses white space inside a run of inlines and trims its two ends.
pub fn normalize_inlines(content: Vec<Inline>) -> Vec<Inline> {
    let mut out = collapse_inlines(content);
    trim_edges(&mut out);
    out
}

fn collapse_inlines(content: Vec<Inline>) -> Vec<Inline> {
    // No more than there were (most paragraphs hold one run of text: a vector grown from empty
    // would hold room for four).
    let mut out: Vec<Inline> = Vec::with_capacity(content.len());
    for inline in content {
        let inline = match inline {
            Inline::Text { text } => {
                let mut collapsed = String::new();
                let mut space = false;
                for c in text.chars() {
                    if c.is_whitespace() || crate::words::is_invisible(c) {
                        space = true;
                    } else {
                        if space {
                            collapsed.push(' ');
                        }
                        space = false;
                        collapsed.push(c);
                    }
                }
                if space {
                    collapsed.push(' ');
                }
                if let Some(Inline::Text { text: prev }) = out.last_mut() {
                    if prev.ends_with(' ') && collapsed.starts_with(' ') {
                        collapsed.remove(0);
                    }
                    prev.push_str(&collapsed);
                    continue;
                }
                Inline::Text { text: collapsed }
            }
            Inline::Emphasis { content } => Inline::Emphasis { content: collapse_inlines(content) },
            Inline::Strong { content } => Inline::Strong { content: collapse_inlines(content) },
            Inline::Link { href, content } => Inline::Link { href, content: collapse_inlines(content) },
            other => other,
        };
        if matches!(&inline, Inline::Emphasis { content } | Inline::Strong { content } if inline_text(content).trim().is_empty()) {
            continue;
        }
        out.push(inline);
    }
    out
}

fn trim_edges(content: &mut Vec<Inline>) {
    while matches!(content.first(), Some(Inline::Break)) {
        content.remove(0);
    }
    while matches!(content.last(), Some(Inline::Break)) {
        content.pop();
    }
    if let Some(first) = content.first_mut() {
        trim_inline(first, true);
    }
    if let Some(last) = content.last_mut() {
        trim_inline(last, false);
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

fn trim_inline(inline: &mut Inline, start: bool) {
    match inline {
        Inline::Text { text } => *text = if start { text.trim_start() } else { text.trim_end() }.to_string(),
        Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => {
            let target = if start { content.first_mut() } else { content.last_mut() };
            if let Some(i) = target {
                trim_inline(i, start);
            }
        }
        _ => {}
    }
}

/// Words in a block's text, and how many of them sit in links.
pub fn link_words(content: &[Inline]) -> (usize, usize) {
    let mut total = 0;
    let mut linked = 0;
    for inline in content {
        match inline {
            Inline::Text { text } | Inline::Code { text } => total += count_words(text),
            Inline::Emphasis { content } | Inline::Strong { content } => {
                let (t, l) = link_words(content);
                total += t;
                linked += l;
            }
            Inline::Link { content, .. } => {
                let n = count_words(&inline_text(content));
                total += n;
                linked += n;
            }
            Inline::Break | Inline::Anchor { .. } => {}
        }
    }
    (total, linked)
}
