//! Markdown in, through pulldown-cmark: headings, lists, quotes, code, tables, images and links
//! become the article's blocks; a leading level-1 heading becomes the title. Raw HTML keeps its
//! text and loses its tags.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::article::{inline_text, Article, Block, Cell, Image, Inline};

enum Frame {
    Root(Vec<Block>),
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    List(bool, Vec<Vec<Block>>),
    Item(Vec<Block>, Vec<Inline>),
    Quote(Vec<Block>),
    Code(Option<String>, String),
    HtmlBlock(String),
    Table(Vec<Vec<Cell>>),
    Row(Vec<Cell>),
    Cell(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(String, Vec<Inline>),
    Image(String, String),
    /// Inline markup with no counterpart in the model (strikethrough): its text flows on.
    Span(Vec<Inline>),
    /// A footnote's text, kept after a `[label]` mark.
    Note(String, Vec<Block>),
}

/// Extracts the article from Markdown.
pub fn extract(input: &str) -> Article {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut stack: Vec<Frame> = vec![Frame::Root(Vec::new())];
    let mut pending_figures: Vec<Block> = Vec::new();
    for event in Parser::new_ext(input, options) {
        match event {
            Event::Start(tag) => stack.push(match tag {
                Tag::Paragraph => Frame::Paragraph(Vec::new()),
                Tag::Heading { level, .. } => Frame::Heading(heading_level(level), Vec::new()),
                Tag::List(start) => Frame::List(start.is_some(), Vec::new()),
                Tag::Item => Frame::Item(Vec::new(), Vec::new()),
                Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
                Tag::CodeBlock(kind) => Frame::Code(
                    match kind {
                        CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
                        CodeBlockKind::Indented => None,
                    },
                    String::new(),
                ),
                Tag::HtmlBlock => Frame::HtmlBlock(String::new()),
                Tag::Table(_) => Frame::Table(Vec::new()),
                Tag::TableHead => Frame::Row(Vec::new()),
                Tag::TableRow => Frame::Row(Vec::new()),
                Tag::TableCell => Frame::Cell(Vec::new()),
                Tag::Emphasis => Frame::Emphasis(Vec::new()),
                Tag::Strong => Frame::Strong(Vec::new()),
                Tag::FootnoteDefinition(label) => Frame::Note(label.to_string(), Vec::new()),
                Tag::Link { dest_url, .. } => Frame::Link(dest_url.to_string(), Vec::new()),
                Tag::Image { dest_url, .. } => Frame::Image(dest_url.to_string(), String::new()),
                _ => Frame::Span(Vec::new()),
            }),
            Event::End(end) => {
                let frame = stack.pop().expect("every end has a start");
                let head_flag = matches!(end, TagEnd::TableHead);
                close(frame, head_flag, &mut stack, &mut pending_figures);
            }
            Event::Text(t) => push_text(&mut stack, &t),
            Event::Code(c) => push_inline(&mut stack, Inline::Code { text: c.to_string() }),
            Event::Html(h) | Event::InlineHtml(h) => match stack.last_mut() {
                Some(Frame::HtmlBlock(buf)) => buf.push_str(&h),
                _ => {}
            },
            Event::SoftBreak => push_text(&mut stack, " "),
            Event::HardBreak => push_inline(&mut stack, Inline::Break),
            Event::Rule => push_block(&mut stack, Block::Rule),
            Event::FootnoteReference(name) => push_text(&mut stack, &format!("[{name}]")),
            _ => {}
        }
    }
    let mut blocks = match stack.pop() {
        Some(Frame::Root(blocks)) => blocks,
        _ => Vec::new(),
    };
    let mut article = Article::default();
    if let Some(Block::Heading { level: 1, content }) = blocks.first() {
        article.title = Some(inline_text(content));
        blocks.remove(0);
    }
    for block in &mut blocks {
        if let Block::Heading { level, .. } = block {
            *level = (*level).max(2);
        }
    }
    article.blocks = blocks;
    let (lang, dir) = article.guess_lang();
    article.lang = lang;
    article.dir = dir;
    article
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn close(frame: Frame, table_head: bool, stack: &mut Vec<Frame>, figures: &mut Vec<Block>) {
    match frame {
        Frame::Paragraph(content) => {
            if !inline_text(&content).trim().is_empty() {
                push_block(stack, Block::Paragraph { content });
            }
            for figure in figures.drain(..) {
                push_block(stack, figure);
            }
        }
        Frame::Heading(level, content) => push_block(stack, Block::Heading { level, content }),
        Frame::List(ordered, items) => push_block(stack, Block::List { ordered, items }),
        Frame::Item(mut blocks, loose) => {
            if !loose.is_empty() {
                blocks.insert(0, Block::Paragraph { content: loose });
            }
            blocks.append(figures);
            if let Some(Frame::List(_, items)) = stack.last_mut() {
                items.push(blocks);
            }
        }
        Frame::Quote(blocks) => push_block(stack, Block::Quote { blocks }),
        Frame::Code(lang, text) => push_block(stack, Block::Code { lang, text: text.trim_end_matches('\n').to_string() }),
        Frame::HtmlBlock(html) => {
            let text = crate::words::collapse_ws(&scraper::Html::parse_fragment(&html).root_element().text().collect::<String>());
            if !text.is_empty() {
                push_block(stack, Block::paragraph(text));
            }
        }
        Frame::Table(rows) => push_block(stack, Block::Table { caption: None, rows }),
        Frame::Row(mut cells) => {
            if table_head {
                cells.iter_mut().for_each(|c| c.header = true);
            }
            if let Some(Frame::Table(rows)) = stack.last_mut() {
                rows.push(cells);
            }
        }
        Frame::Cell(content) => {
            if let Some(Frame::Row(cells)) = stack.last_mut() {
                cells.push(Cell { header: false, content });
            }
        }
        Frame::Emphasis(content) => push_inline(stack, Inline::Emphasis { content }),
        Frame::Strong(content) => push_inline(stack, Inline::Strong { content }),
        Frame::Link(href, content) => push_inline(stack, Inline::Link { href, content }),
        Frame::Image(src, alt) => figures.push(Block::Figure { image: Image { src, alt }, caption: None }),
        Frame::Span(content) => content.into_iter().for_each(|i| push_inline(stack, i)),
        Frame::Note(label, mut blocks) => {
            if let Some(Block::Paragraph { content }) = blocks.first_mut() {
                content.insert(0, Inline::text(format!("[{label}] ")));
            }
            blocks.into_iter().for_each(|b| push_block(stack, b));
        }
        Frame::Root(_) => {}
    }
}

fn push_block(stack: &mut Vec<Frame>, block: Block) {
    match stack.last_mut() {
        Some(Frame::Root(blocks) | Frame::Quote(blocks) | Frame::Note(_, blocks)) => blocks.push(block),
        Some(Frame::Item(blocks, loose)) => {
            if !loose.is_empty() {
                blocks.push(Block::Paragraph { content: std::mem::take(loose) });
            }
            blocks.push(block);
        }
        _ => {}
    }
}

impl Frame {
    /// The run of inlines this frame gathers, for frames that gather one.
    fn inlines_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Frame::Paragraph(c)
            | Frame::Heading(_, c)
            | Frame::Item(_, c)
            | Frame::Cell(c)
            | Frame::Emphasis(c)
            | Frame::Strong(c)
            | Frame::Span(c)
            | Frame::Link(_, c) => Some(c),
            _ => None,
        }
    }
}

fn push_inline(stack: &mut [Frame], inline: Inline) {
    match stack.last_mut() {
        Some(Frame::Image(_, alt)) => alt.push_str(&inline_text(&[inline])),
        Some(frame) => {
            if let Some(c) = frame.inlines_mut() {
                c.push(inline);
            }
        }
        None => {}
    }
}

fn push_text(stack: &mut [Frame], text: &str) {
    match stack.last_mut() {
        Some(Frame::Code(_, buf) | Frame::HtmlBlock(buf) | Frame::Image(_, buf)) => buf.push_str(text),
        Some(frame) => {
            if let Some(c) = frame.inlines_mut() {
                match c.last_mut() {
                    Some(Inline::Text { text: prev }) => prev.push_str(text),
                    _ => c.push(Inline::text(text)),
                }
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_links_and_code_are_kept() {
        let md = "# The title\n\nIntro with a [link](https://example.org) and `code`.\n\n## Steps\n\n1. First\n2. Second\n\n```rust\nfn main() {\n    println!(\"hi\");\n}\n```\n";
        let a = extract(md);
        assert_eq!(a.title.as_deref(), Some("The title"));
        assert!(matches!(&a.blocks[1], Block::Heading { level: 2, .. }));
        assert!(matches!(&a.blocks[2], Block::List { ordered: true, items } if items.len() == 2));
        assert!(matches!(&a.blocks[3], Block::Code { lang: Some(l), text } if l == "rust" && text.contains("    println!")));
        let json = serde_json::to_string(&a.blocks[0]).unwrap();
        assert!(json.contains("https://example.org"), "{json}");
    }

    #[test]
    fn raw_html_keeps_its_text_but_not_its_tags() {
        let a = extract("# T\n\n<div onclick=\"x()\">Kept <b>words</b></div>\n\nAfter.\n");
        let text = a.body_units().join("|");
        assert_eq!(text, "Kept words|After.");
    }
}
