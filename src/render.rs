//! Rendering an [`Article`]: reader HTML, Markdown and plain text.
//!
//! The reader HTML is safe by construction: it is written from the article's typed blocks, every
//! text escaped, every element and attribute one the renderer names, every address through one
//! check ([`allowed_url`]), every id one of the article's own anchors ([`is_own_anchor`]). It is
//! written as an HTML serializer writes what it parses, so that an allow-list sanitizer
//! (ammonia, kept natively as the oracle: see `sanitize`) leaves it unchanged byte for byte; the
//! tests and the fuzz target check that it does.

use std::fmt::Write;

use crate::article::{Article, Block, Inline};
use crate::face::Face;

/// The link targets of the body, numbered in order of first use, for the printed copy; and,
/// for an EPUB, what the book holds.
#[derive(Default)]
struct Notes<'a> {
    links: Vec<String>,
    book: Option<Book<'a>>,
}

/// What the reader HTML is written against for an EPUB's XHTML (see [`html_for_book`]).
struct Book<'a> {
    /// The file an image's address is packed as, for the images packed.
    image: &'a dyn Fn(&str) -> Option<String>,
    /// The anchor names the article has, which in-page links may lead to.
    anchors: std::collections::HashSet<String>,
    /// The ids written so far, each written once.
    ids: std::collections::HashSet<String>,
}

impl Notes<'_> {
    /// The note number of `href`, the same for every link to it; none in a book, which has no
    /// paper copy.
    fn number(&mut self, href: &str) -> Option<usize> {
        if self.book.is_some() {
            return None;
        }
        Some(match self.links.iter().position(|h| h == href) {
            Some(i) => i + 1,
            None => {
                self.links.push(href.to_string());
                self.links.len()
            }
        })
    }

    /// Whether the id `id` may be written: always in the reader HTML, once in a book.
    fn take_id(&mut self, id: &str) -> bool {
        self.book.as_mut().is_none_or(|b| b.ids.insert(id.to_string()))
    }

    /// Whether an in-page link may lead to the anchor `name`: in a book, only when it is there.
    fn has_anchor(&self, name: &str) -> bool {
        self.book.as_ref().is_none_or(|b| b.anchors.contains(name))
    }

    /// The notes as a numbered list after the body (hidden on screen by the style sheet).
    fn write(&self, out: &mut String) {
        if self.links.is_empty() {
            return;
        }
        out.push_str("<section class=\"notes\"><p class=\"notes-title\">Links</p>\n<ol>\n");
        for href in &self.links {
            let _ = writeln!(out, "<li>{}</li>", escape(href));
        }
        out.push_str("</ol></section>\n");
    }
}

/// What the ids of the article's anchors start with in reader HTML.
pub const ANCHOR_PREFIX: &str = "cc-";

/// The article as reader HTML: one `<article>` with the title as its `<h1>`, its metadata in a
/// header, the body, and the copyright line in a footer.
pub fn html(article: &Article) -> String {
    write_html(article, Notes::default())
}

/// The reader HTML as an EPUB's XHTML document holds it (see `epub`): every heading carries an
/// id for the book's table of contents (which stands for the one in the text), links carry no
/// notes for paper, an image is shown from the file `image` names for its address or else as
/// its caption or text alternative linked to that address, and every id is written once.
/// Still HTML: the `cleancopy-epub` crate writes it as XML.
pub(crate) fn html_for_book(article: &Article, image: &dyn Fn(&str) -> Option<String>) -> String {
    let mut anchors = std::collections::HashSet::new();
    block_anchors(&article.blocks, &mut anchors);
    write_html(article, Notes { links: Vec::new(), book: Some(Book { image, anchors, ids: Default::default() }) })
}

/// The names of the anchors in `blocks`.
fn block_anchors(blocks: &[Block], anchors: &mut std::collections::HashSet<String>) {
    for block in blocks {
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => inline_anchors(content, anchors),
            Block::List { items, .. } => items.iter().for_each(|item| block_anchors(item, anchors)),
            Block::Quote { blocks } => block_anchors(blocks, anchors),
            Block::Figure { caption: Some(content), .. } => inline_anchors(content, anchors),
            Block::Table { caption, rows } => {
                caption.iter().for_each(|c| inline_anchors(c, anchors));
                rows.iter().flatten().for_each(|cell| inline_anchors(&cell.content, anchors));
            }
            _ => {}
        }
    }
}

fn inline_anchors(content: &[Inline], anchors: &mut std::collections::HashSet<String>) {
    for inline in content {
        match inline {
            Inline::Anchor { id } => {
                anchors.insert(id.clone());
            }
            Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => inline_anchors(content, anchors),
            _ => {}
        }
    }
}

fn write_html(article: &Article, mut notes: Notes) -> String {
    let notes = &mut notes;
    let mut out = String::new();
    out.push_str("<article");
    if let Some(lang) = &article.lang {
        let _ = write!(out, " lang=\"{}\"", attr(lang));
    }
    if let Some(dir) = article.dir {
        let _ = write!(out, " dir=\"{}\"", dir.as_str());
    }
    out.push_str(">\n<header class=\"article-header\">\n");
    if let Some(site) = &article.site_name {
        let _ = writeln!(out, "<p class=\"site\">{}</p>", escape(site));
    }
    let _ = writeln!(out, "<h1>{}</h1>", escape(article.title.as_deref().unwrap_or("Untitled")));
    if let Some(standfirst) = &article.standfirst {
        let _ = writeln!(out, "<p class=\"standfirst\">{}</p>", escape(standfirst));
    }
    if let Some(byline) = &article.byline {
        let _ = writeln!(out, "<p class=\"byline\">{}</p>", escape(byline));
    }
    if let Some(published) = &article.published {
        // A machine date stays in `datetime` for machines; readers see its day.
        // The machine-readable date: the page's own where it gave one, else the day its words name.
        let machine = if crate::dates::iso_day(published).is_some() { Some(published.trim().to_string()) } else { crate::dates::machine_date(published) };
        let datetime = machine.map(|d| format!(" datetime=\"{}\"", attr(&d))).unwrap_or_default();
        let shown = escape(&crate::dates::shown(published, article.lang.as_deref()));
        let _ = writeln!(out, "<p class=\"published\"><time{datetime}>{shown}</time></p>");
    }
    match (&article.source_url, &article.source) {
        (Some(url), _) if allowed_url(url, false) => {
            let _ = writeln!(out, "<p class=\"source\"><a href=\"{}\"{REL}>{}</a></p>", attr(url), escape(url));
        }
        // Pasted text carries no address; the agency its dateline credits is the next best.
        (_, Some(source)) => {
            let _ = writeln!(out, "<p class=\"source\">Source: {}</p>", escape(source));
        }
        _ => {}
    }
    if let Some(minutes) = article.reading_minutes() {
        let _ = writeln!(out, "<p class=\"reading-time\">{minutes} min read</p>");
    }
    if !article.summary.is_empty() {
        out.push_str("<ul class=\"summary\">\n");
        for point in &article.summary {
            let _ = writeln!(out, "<li>{}</li>", escape(point));
        }
        out.push_str("</ul>\n");
    }
    if let Some(image) = article.lead_image.as_ref().filter(|i| allowed_url(&i.src, true)) {
        out.push_str("<figure class=\"lead-image\">");
        image_html(image, notes, &mut out);
        out.push_str("</figure>\n");
    }
    out.push_str("</header>\n");
    let toc = notes.book.is_some() || wants_contents(article);
    if toc && notes.book.is_none() {
        contents_html(article, &mut out);
    }
    let dateline = article.dateline_at();
    let mut heading = 0;
    for (i, block) in article.blocks.iter().enumerate() {
        if let (true, Block::Heading { level, content }) = (toc, block) {
            heading += 1;
            let level = (*level).clamp(2, 6);
            let id = format!("{ANCHOR_PREFIX}{CONTENTS_ID}{heading}");
            notes.take_id(&id);
            let _ = writeln!(out, "<h{level}><span id=\"{id}\"></span>{}</h{level}>", inlines_html(content, notes));
            continue;
        }
        match (dateline, block) {
            (Some((at, d)), Block::Paragraph { content }) if at == i => {
                let _ = writeln!(out, "<p><span class=\"dateline\">{}</span> — {}</p>", escape(d), inlines_html(content, notes));
            }
            _ => block_html(block, &mut out, notes),
        }
    }
    // A dateline with no paragraph to open stands alone.
    if let (Some(d), None) = (article.dateline.as_deref(), dateline) {
        let _ = writeln!(out, "<p class=\"dateline\">{}</p>", escape(d));
    }
    notes.write(&mut out);
    if let Some(copyright) = &article.copyright {
        let _ = writeln!(out, "<footer class=\"article-footer\"><p class=\"copyright\">{}</p></footer>", escape(copyright));
    }
    out.push_str("</article>\n");
    out
}

/// The anchor names of the headings a table of contents leads to (after the prefix).
const CONTENTS_ID: &str = "-contents-";

/// A long article with several headings gets a table of contents.
fn wants_contents(article: &Article) -> bool {
    let headings = article.blocks.iter().filter(|b| matches!(b, Block::Heading { .. })).count();
    headings >= 3 && article.word_count() >= 800
}

/// The table of contents: a list of links to the article's headings, the deeper ones in a
/// list of their own under the heading above them, so that the outer numbering counts only the
/// top-level headings.
fn contents_html(article: &Article, out: &mut String) {
    out.push_str("<section class=\"contents\"><p class=\"contents-title\">Contents</p>\n<ol>");
    contents_items(article, "", REL, out);
    out.push_str("</ol></section>\n");
}

/// The items of a table of contents (see [`contents_html`]), each heading's link led by
/// `page` (the document the headings are in, or nothing for the same one) and carrying `rel`.
/// A heading without text is named by its number.
pub(crate) fn contents_items(article: &Article, page: &str, rel: &str, out: &mut String) {
    let top = article.blocks.iter().filter_map(|b| if let Block::Heading { level, .. } = b { Some(*level) } else { None }).min().unwrap_or(2);
    let (mut n, mut item_open, mut sub_open) = (0, false, false);
    for block in &article.blocks {
        if let Block::Heading { level, content } = block {
            n += 1;
            let text = crate::article::inline_text(content);
            let text = if text.trim().is_empty() { n.to_string() } else { escape(&text) };
            let link = format!("<a href=\"{page}#{ANCHOR_PREFIX}{CONTENTS_ID}{n}\"{rel}>{text}</a>");
            if *level > top && item_open {
                if !sub_open {
                    out.push_str("<ol>");
                    sub_open = true;
                }
                let _ = write!(out, "<li>{link}</li>");
            } else {
                if sub_open {
                    out.push_str("</ol>");
                    sub_open = false;
                }
                if item_open {
                    out.push_str("</li>\n");
                }
                let _ = write!(out, "<li>{link}");
                item_open = true;
            }
        }
    }
    if sub_open {
        out.push_str("</ol>");
    }
    if item_open {
        out.push_str("</li>\n");
    }
}

fn block_html(block: &Block, out: &mut String, notes: &mut Notes) {
    match block {
        // The line over a post (its writer, linked to their profile, and when) opens the post.
        Block::Paragraph { content } if crate::html::is_post_content(content) => {
            let _ = writeln!(out, "<p class=\"post-by\">{}</p>", inlines_html(content, notes));
        }
        Block::Paragraph { content } => {
            let _ = writeln!(out, "<p>{}</p>", inlines_html(content, notes));
        }
        Block::Heading { level, content } => {
            let level = (*level).clamp(2, 6);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", inlines_html(content, notes));
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                out.push_str("<li>");
                match item.as_slice() {
                    [Block::Paragraph { content }] => out.push_str(&inlines_html(content, notes)),
                    blocks => blocks.iter().for_each(|b| block_html(b, out, notes)),
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Quote { blocks } => {
            out.push_str("<blockquote>\n");
            blocks.iter().for_each(|b| block_html(b, out, notes));
            out.push_str("</blockquote>\n");
        }
        // A picture from an address that may not stand in the reader HTML keeps its caption.
        Block::Figure { image, caption } => {
            let shown = allowed_url(&image.src, true);
            if !shown && caption.is_none() {
                return;
            }
            out.push_str("<figure>");
            if shown {
                image_html(image, notes, out);
            }
            if let Some(caption) = caption {
                let _ = write!(out, "<figcaption>{}</figcaption>", inlines_html(caption, notes));
            }
            out.push_str("</figure>\n");
        }
        Block::Code { lang, text } => {
            match lang {
                Some(lang) => {
                    let _ = write!(out, "<pre data-lang=\"{}\">", attr(lang));
                }
                None => out.push_str("<pre>"),
            }
            let _ = writeln!(out, "<code>{}</code></pre>", escape(text));
        }
        Block::Table { caption, rows } => {
            out.push_str("<table>\n");
            if let Some(caption) = caption {
                let _ = writeln!(out, "<caption>{}</caption>", inlines_html(caption, notes));
            }
            out.push_str("<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    let tag = if cell.header { "th" } else { "td" };
                    let _ = write!(out, "<{tag}>{}</{tag}>", inlines_html(&cell.content, notes));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Rule => out.push_str("<hr>\n"),
    }
}

/// An image the reader HTML may show: by its address, or in a book from the file it is packed
/// as; one a book does not hold is its text alternative (or "Image") linked to its address.
fn image_html(image: &crate::article::Image, notes: &Notes, out: &mut String) {
    let src = match &notes.book {
        None => attr(&image.src),
        Some(book) => match (book.image)(&image.src) {
            Some(file) => attr(&file),
            None => {
                let text = if image.alt.trim().is_empty() { "Image" } else { image.alt.trim() };
                match allowed_url(&image.src, false) {
                    true => {
                        let _ = write!(out, "<a class=\"image-link\" href=\"{}\"{REL}>[{}]</a>", attr(&image.src), escape(text));
                    }
                    false => {
                        let _ = write!(out, "<span class=\"image-link\">[{}]</span>", escape(text));
                    }
                }
                return;
            }
        },
    };
    let _ = write!(out, "<img src=\"{src}\" alt=\"{}\">", attr(&image.alt));
}

fn inlines_html(content: &[Inline], notes: &mut Notes) -> String {
    let mut out = String::new();
    write_inlines(content, notes, false, &mut out);
    out
}

/// Writes inline content; `in_link`: inside a link, where another link would end the first
/// (HTML does not nest them), so a link there gives its text only.
fn write_inlines(content: &[Inline], notes: &mut Notes, in_link: bool, out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text { text } => out.push_str(&escape(text)),
            Inline::Emphasis { content } => {
                out.push_str("<em>");
                write_inlines(content, notes, in_link, out);
                out.push_str("</em>");
            }
            Inline::Strong { content } => {
                out.push_str("<strong>");
                write_inlines(content, notes, in_link, out);
                out.push_str("</strong>");
            }
            Inline::Code { text } => {
                let _ = write!(out, "<code>{}</code>", escape(text));
            }
            Inline::Link { content, .. } if in_link => write_inlines(content, notes, true, out),
            Inline::Link { href, content } => match href.strip_prefix('#') {
                // In-page links lead to the article's own anchors, whose ids carry a prefix so
                // that nothing pasted can take the name of one of the page's elements.
                Some(id) if is_anchor_name(id) && notes.has_anchor(id) => {
                    let _ = write!(out, "<a href=\"#{ANCHOR_PREFIX}{id}\"{REL}>");
                    write_inlines(content, notes, true, out);
                    out.push_str("</a>");
                }
                // Links elsewhere get a numbered note, shown on paper only.
                None if allowed_url(href, false) => {
                    let n = notes.number(href);
                    let _ = write!(out, "<a href=\"{}\"{REL}>", attr(href));
                    write_inlines(content, notes, true, out);
                    out.push_str("</a>");
                    if let Some(n) = n {
                        let _ = write!(out, "<sup class=\"note-ref\">{n}</sup>");
                    }
                }
                // A link the reader HTML may not carry gives its text.
                _ => write_inlines(content, notes, true, out),
            },
            Inline::Break => out.push_str("<br>"),
            Inline::Anchor { id } if is_anchor_name(id) && notes.take_id(&format!("{ANCHOR_PREFIX}{id}")) => {
                let _ = write!(out, "<span id=\"{ANCHOR_PREFIX}{id}\"></span>");
            }
            Inline::Anchor { .. } => {}
        }
    }
}

/// What every link in the reader HTML carries: the page it leads to learns nothing of the
/// reader's copy, and cannot reach back into it.
const REL: &str = " rel=\"noopener noreferrer\"";

/// Whether `url` may stand in the reader HTML as a link's `href` or (`image`) an image's `src`:
/// an http, https or mailto address (as the URL standard parses it), or for an image a `data:`
/// picture that cannot carry script (not SVG). Relative addresses never do: the converter
/// resolves them, and in-page links are the article's own anchors.
pub(crate) fn allowed_url(url: &str, image: bool) -> bool {
    let data = url.trim_start().get(..5).is_some_and(|s| s.eq_ignore_ascii_case("data:"));
    if data {
        let lower = url.trim_start().to_ascii_lowercase();
        if !image || !lower.starts_with("data:image/") || lower.starts_with("data:image/svg") {
            return false;
        }
    }
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https" | "mailto") || (data && u.scheme() == "data"))
}

/// An id the renderer makes for the article's own anchors: the prefix, then an anchor name.
/// (Read by the sanitizer's check, which the browser build leaves out.)
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) fn is_own_anchor(id: &str) -> bool {
    id.strip_prefix(ANCHOR_PREFIX).is_some_and(is_anchor_name)
}

/// A name an anchor of the article may take after the prefix: plain characters only.
fn is_anchor_name(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
}

/// Escapes text for HTML content as an HTML serializer writes it: `&`, `<`, `>` and the no-break
/// space, with the characters a parser would not keep (NUL, a carriage return) left out or
/// written as the parser reads them.
pub(crate) fn escape(s: &str) -> String {
    escaped(s, false)
}

/// Escapes a double-quoted attribute value as an HTML serializer writes it (also `"`).
pub(crate) fn attr(s: &str) -> String {
    escaped(s, true)
}

fn escaped(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if in_attr => out.push_str("&quot;"),
            // A parser reads a NUL in text as nothing, in an attribute as U+FFFD, and a carriage
            // return (alone, or before a line feed) as a line feed.
            '\0' if in_attr => out.push('\u{fffd}'),
            '\0' => {}
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => out.push('\n'),
            c => out.push(c),
        }
    }
    out
}

/// The article as Markdown (CommonMark).
pub fn markdown(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        let _ = writeln!(out, "# {}\n", md_escape(title));
    }
    if let Some(standfirst) = &article.standfirst {
        let _ = writeln!(out, "*{}*\n", md_escape(standfirst));
    }
    let published = article.published.as_deref().map(|d| crate::dates::shown(d, article.lang.as_deref()));
    let meta: Vec<String> = [article.byline.as_ref(), published.as_ref(), article.site_name.as_ref()].into_iter().flatten().map(|s| md_escape(s)).collect();
    if !meta.is_empty() {
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    if let Some(url) = &article.source_url {
        let _ = writeln!(out, "<{url}>\n");
    }
    for point in &article.summary {
        let _ = writeln!(out, "- {}", md_escape(point));
    }
    if !article.summary.is_empty() {
        out.push('\n');
    }
    if let Some(image) = &article.lead_image {
        let _ = writeln!(out, "![{}](<{}>)\n", md_escape(&image.alt), image.src);
    }
    let dateline = article.dateline_at();
    for (i, block) in article.blocks.iter().enumerate() {
        match (dateline, block) {
            (Some((at, d)), Block::Paragraph { content }) if at == i => {
                let _ = writeln!(out, "**{}** — {}\n", md_escape(d), inlines_md(content));
            }
            _ => block_md(block, "", &mut out),
        }
    }
    if let Some(c) = &article.copyright {
        let _ = writeln!(out, "---\n\n{}", md_escape(c));
    }
    out.trim_end().to_string() + "\n"
}

fn block_md(block: &Block, indent: &str, out: &mut String) {
    match block {
        Block::Paragraph { content } => {
            let _ = writeln!(out, "{indent}{}\n", inlines_md(content));
        }
        Block::Heading { level, content } => {
            let _ = writeln!(out, "{indent}{} {}\n", "#".repeat(*level as usize), inlines_md(content));
        }
        Block::List { ordered, items } => {
            for (n, item) in items.iter().enumerate() {
                let marker = if *ordered { format!("{}.", n + 1) } else { "-".to_string() };
                let inner_indent = format!("{indent}{}", " ".repeat(marker.len() + 1));
                let mut item_md = String::new();
                for b in item {
                    block_md(b, &inner_indent, &mut item_md);
                }
                let item_md = item_md.trim_end().trim_start_matches(' ');
                let _ = writeln!(out, "{indent}{marker} {item_md}");
            }
            out.push('\n');
        }
        Block::Quote { blocks } => {
            let mut inner = String::new();
            blocks.iter().for_each(|b| block_md(b, "", &mut inner));
            for line in inner.trim_end().lines() {
                let _ = writeln!(out, "{indent}> {line}");
            }
            out.push('\n');
        }
        Block::Figure { image, caption } => {
            let _ = writeln!(out, "{indent}![{}]({})\n", md_escape(&image.alt), image.src.replace(' ', "%20").replace(')', "%29"));
            if let Some(c) = caption {
                let _ = writeln!(out, "{indent}*{}*\n", inlines_md(c));
            }
        }
        Block::Code { lang, text } => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            let _ = writeln!(out, "{indent}{fence}{}", lang.as_deref().unwrap_or(""));
            for line in text.lines() {
                let _ = writeln!(out, "{indent}{line}");
            }
            let _ = writeln!(out, "{indent}{fence}\n");
        }
        Block::Table { caption, rows } => {
            if let Some(c) = caption {
                let _ = writeln!(out, "{indent}{}\n", inlines_md(c));
            }
            for (i, row) in rows.iter().enumerate() {
                let cells: Vec<String> = row.iter().map(|c| inlines_md(&c.content).replace('|', "\\|")).collect();
                let _ = writeln!(out, "{indent}| {} |", cells.join(" | "));
                if i == 0 {
                    let _ = writeln!(out, "{indent}|{}", " --- |".repeat(row.len()));
                }
            }
            out.push('\n');
        }
        Block::Rule => out.push_str("---\n\n"),
    }
}

fn inlines_md(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text { text } => out.push_str(&md_escape(text)),
            Inline::Emphasis { content } => {
                let _ = write!(out, "*{}*", inlines_md(content));
            }
            Inline::Strong { content } => {
                let _ = write!(out, "**{}**", inlines_md(content));
            }
            Inline::Code { text } => {
                let ticks = if text.contains('`') { "``" } else { "`" };
                let _ = write!(out, "{ticks}{text}{ticks}");
            }
            Inline::Link { href, content } if href.starts_with('#') => out.push_str(&inlines_md(content)),
            Inline::Link { href, content } => {
                let _ = write!(out, "[{}]({})", inlines_md(content), href.replace(' ', "%20").replace(')', "%29"));
            }
            Inline::Break => out.push_str("\\\n"),
            Inline::Anchor { .. } => {}
        }
    }
    out
}

/// Escapes the characters Markdown would read as syntax.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>') || (i == 0 && matches!(c, '#' | '+' | '-' | '|')) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// How a saved page is made ([`standalone_with`]); the default makes [`standalone`]'s page.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageOptions<'a> {
    /// The reader's chosen type face, carried inside the page (see [`Face`]); left out when it
    /// is not [usable](Face::is_usable).
    pub face: Option<&'a Face>,
}

/// The article as a self-contained HTML page, as the app saves it: the reader HTML with the
/// reader's style sheets inlined, no scripts, and a policy that forbids any.
pub fn standalone(article: &Article) -> String {
    standalone_with(article, &PageOptions::default())
}

/// [`standalone`]'s page, made as `options` say: with a face, the page's root carries the Font
/// setting that chose it, its files follow the style sheets as `@font-face` rules with `data:`
/// addresses, and the page's policy lets fonts come from such addresses (and from nowhere
/// else).
pub fn standalone_with(article: &Article, options: &PageOptions) -> String {
    const SCREEN: &str = include_str!("../www/reader.css");
    const PRINT: &str = include_str!("../www/print.css");
    let title = escape(article.title.as_deref().unwrap_or("Clean Copy"));
    let lang = article.lang.as_deref().map(escape).unwrap_or_else(|| "en".into());
    let face = options.face.filter(|face| face.is_usable());
    let (setting, fonts, face_css) = match face {
        Some(face) => (format!(" data-font=\"{}\"", attr(&face.setting)), "; font-src data:", format!("<style>\n{}</style>\n", face.css())),
        None => (String::new(), "", String::new()),
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"{setting}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'{fonts}\">\n\
         <meta name=\"generator\" content=\"Clean Copy\">\n<title>{title}</title>\n<style>\n{SCREEN}\n@media print {{\n{PRINT}\n}}\n</style>\n{face_css}</head>\n\
         <body>\n<main class=\"reader\">\n{}</main>\n</body>\n</html>\n",
        html(article)
    )
}

/// The whole article as plain text: title, byline and date, summary points, body, copyright.
pub fn text(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(title) = &article.title {
        parts.push(title.clone());
    }
    if let Some(standfirst) = &article.standfirst {
        parts.push(standfirst.clone());
    }
    let published = article.published.as_deref().map(|d| crate::dates::shown(d, article.lang.as_deref()));
    let meta: Vec<&str> = [article.byline.as_ref(), published.as_ref(), article.site_name.as_ref()].into_iter().flatten().map(String::as_str).collect();
    if !meta.is_empty() {
        parts.push(meta.join(" · "));
    }
    if let Some(url) = &article.source_url {
        parts.push(url.clone());
    }
    if !article.summary.is_empty() {
        parts.push(article.summary.iter().map(|p| format!("• {p}")).collect::<Vec<_>>().join("\n"));
    }
    let mut body = body_text(article);
    if let Some(d) = &article.dateline {
        body = format!("{d} — {body}");
    }
    parts.push(body);
    if let Some(c) = &article.copyright {
        parts.push(c.clone());
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join("\n\n") + "\n"
}

/// The body alone as plain text: one paragraph, heading, list item or caption per block,
/// blocks separated by a blank line.
pub fn body_text(article: &Article) -> String {
    article.body_units().join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{plain, Image};

    #[test]
    fn a_post_line_opens_its_post() {
        let by = Block::Paragraph {
            content: vec![Inline::Link { href: "https://forum.example/u/ann".into(), content: plain("ann") }, Inline::text(" · Posted June 10, 2024")],
        };
        let article = Article { title: Some("T".into()), blocks: vec![by, Block::paragraph("The post itself, long enough to be one.")], ..Article::default() };
        let out = html(&article);
        assert!(out.contains(r#"<p class="post-by"><a href="https://forum.example/u/ann""#), "{out}");
        assert!(out.contains("<p>The post itself"), "{out}");
    }

    #[test]
    fn a_machine_date_is_shown_as_its_day_and_kept_for_machines() {
        let article = Article { title: Some("T".into()), published: Some("2024-03-19T21:22:50Z".into()), blocks: vec![Block::paragraph("Text.")], ..Article::default() };
        assert!(html(&article).contains(r#"<time datetime="2024-03-19T21:22:50Z">19 March 2024</time>"#), "{}", html(&article));
        assert!(markdown(&article).contains("19 March 2024") && text(&article).contains("19 March 2024"));
        let written = Article { published: Some("Posted 3 hours ago".into()), ..article };
        assert!(html(&written).contains("<time>Posted 3 hours ago</time>"), "{}", html(&written));
    }

    #[test]
    fn a_saved_page_carries_the_chosen_face_and_lets_only_data_fonts_in() {
        use crate::face::FaceFile;
        let article = sample();
        let plain_page = standalone(&article);
        assert!(plain_page.contains("<html lang=\"en\">") && !plain_page.contains("font-src") && !plain_page.contains("base64,"));
        let face = Face {
            setting: "book".into(),
            family: "Literata".into(),
            files: vec![FaceFile { woff2_base64: "d09GMi4uLg==".into(), weight: 400, italic: false, unicode_range: "U+0000-00FF".into() }],
        };
        let page = standalone_with(&article, &PageOptions { face: Some(&face) });
        assert!(page.contains("<html lang=\"en\" data-font=\"book\">"), "{}", &page[..200]);
        assert!(page.contains("style-src 'unsafe-inline'; font-src data:\""), "{}", &page[..400]);
        let head = &page[..page.find("</head>").unwrap()];
        assert!(head.contains("@font-face { font-family: \"Literata\"") && head.contains("base64,"), "the face is in the head");
        assert_eq!(page.replace(&face.css(), "").len() + face.css().len(), page.len());
        // A face that is not usable leaves the page as it is without one.
        let bad = Face { family: "x\"}".into(), ..face };
        assert_eq!(standalone_with(&article, &PageOptions { face: Some(&bad) }), plain_page);
    }

    fn sample() -> Article {
        Article {
            title: Some("A <b>bold</b> title".into()),
            summary: vec!["One point".into()],
            dateline: Some("PARIS (AP)".into()),
            blocks: vec![
                Block::paragraph("First paragraph."),
                Block::Figure { image: Image { src: "javascript:alert(1)".into(), alt: "x".into() }, caption: Some(plain("Cap")) },
                Block::Code { lang: None, text: "a  <b>\n  c".into() },
            ],
            copyright: Some("© 2024 Example".into()),
            ..Article::default()
        }
    }

    #[test]
    fn reader_html_escapes_text_and_drops_script_urls() {
        let html = html(&sample());
        assert!(html.contains("<h1>A &lt;b&gt;bold&lt;/b&gt; title</h1>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("<span class=\"dateline\">PARIS (AP)</span> — First paragraph."), "{html}");
        assert!(html.contains("<pre><code>a  &lt;b&gt;\n  c</code></pre>"), "{html}");
        assert!(html.contains("<p class=\"copyright\">© 2024 Example</p>"), "{html}");
    }

    #[test]
    fn contents_number_only_the_top_level_headings() {
        let mut blocks = Vec::new();
        for (level, name) in [(2, "One"), (3, "One a"), (3, "One b"), (2, "Two"), (3, "Two a"), (2, "Three")] {
            blocks.push(Block::Heading { level, content: vec![Inline::text(name)] });
            blocks.push(Block::paragraph(&"word ".repeat(150)));
        }
        let html = super::html(&Article { blocks, ..Article::default() });
        let contents = &html[html.find("<section class=\"contents\"").unwrap()..html.find("</section>").unwrap()];
        // Three top-level entries; the sub-headings sit in lists of their own under them.
        assert_eq!(contents.matches("<ol>").count(), 3, "{contents}");
        assert!(contents.contains("One</a><ol><li><a"), "{contents}");
        assert!(contents.contains("Two a</a></li></ol></li>"), "{contents}");
    }

    #[test]
    fn a_long_article_with_several_headings_gets_contents() {
        let para = "word ".repeat(300);
        let mut blocks = Vec::new();
        for h in ["One", "Two", "Three"] {
            blocks.push(Block::Heading { level: 2, content: plain(h) });
            blocks.push(Block::paragraph(para.clone()));
        }
        let article = Article { title: Some("T".into()), blocks, ..Article::default() };
        let html = html(&article);
        assert!(html.contains(r##"<li><a href="#cc--contents-2" rel="noopener noreferrer">Two</a></li>"##), "{html}");
        assert!(html.contains(r#"<h2><span id="cc--contents-2"></span>Two</h2>"#), "{html}");
        let short = Article { blocks: vec![Block::Heading { level: 2, content: plain("One") }, Block::paragraph("Short.")], ..Article::default() };
        assert!(!super::html(&short).contains("contents"));
    }

    #[test]
    fn links_elsewhere_get_numbered_notes_for_paper() {
        let link = |href: &str, text: &str| Inline::Link { href: href.into(), content: plain(text) };
        let article = Article {
            blocks: vec![Block::Paragraph {
                content: vec![link("https://a.example/", "A"), Inline::text(" and "), link("https://b.example/", "B"), Inline::text(" and "), link("https://a.example/", "A again")],
            }],
            ..Article::default()
        };
        let html = html(&article);
        assert!(html.contains(r#"A again</a><sup class="note-ref">1</sup>"#), "{html}");
        assert!(html.contains(r#"B</a><sup class="note-ref">2</sup>"#), "{html}");
        assert!(html.contains("<section class=\"notes\"><p class=\"notes-title\">Links</p>\n<ol>\n<li>https://a.example/</li>\n<li>https://b.example/</li>\n</ol></section>"), "{html}");
    }

    #[test]
    fn plain_text_body_has_one_block_per_paragraph() {
        assert_eq!(body_text(&sample()), "First paragraph.\n\nCap\n\na  <b>\n  c");
    }

    #[test]
    fn markdown_escapes_syntax_in_text() {
        let md = markdown(&sample());
        assert!(md.starts_with("# A \\<b\\>bold\\</b\\> title\n"), "{md}");
        assert!(md.contains("**PARIS (AP)** — First paragraph."), "{md}");
    }
}
