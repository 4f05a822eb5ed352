//! The page's text as a reader sees it, block by block in document order: every paragraph,
//! heading, list item, cell and run of text between blocks, whether the extraction kept it or
//! not (what [`crate::left_out`] sets against the kept body).

use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

use super::mend;
use super::root::{is_hidden, is_screen_reader_only};

/// Elements whose text is never seen on the page, or is a control's inner list.
fn is_unseen(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "template" | "noscript" | "head" | "title" | "select" | "option" | "datalist" | "textarea" | "svg" | "math"
            | "canvas" | "object" | "embed" | "iframe" | "audio" | "video" | "map"
    )
}

/// Elements that start and end a block of their own (a line break ends a line of text).
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "th" | "tr" | "table"
            | "caption" | "thead" | "tbody" | "tfoot" | "blockquote" | "pre" | "section" | "article" | "header" | "footer" | "nav"
            | "aside" | "main" | "figure" | "figcaption" | "form" | "fieldset" | "legend" | "address" | "hr" | "br" | "details"
            | "summary" | "menu" | "dialog" | "body" | "html" | "center" | "hgroup" | "search" | "button"
    )
}

/// One block of a page's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageBlock {
    /// Its text, white space collapsed.
    pub text: String,
    /// The container it stands in (for an HTML page, the block element around the one that
    /// holds it: a list for an item, a section for a paragraph): blocks of one group stood
    /// together on the page, which a reader brings back together.
    pub group: usize,
}

/// Block elements that hold one paragraph or item, not a part of the page: a block's group
/// is the nearest open block element that is not one of these.
fn is_item(name: &str) -> bool {
    matches!(
        name,
        "p" | "li" | "dt" | "dd" | "td" | "th" | "tr" | "thead" | "tbody" | "tfoot" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "br"
            | "hr" | "pre" | "caption" | "figcaption" | "summary" | "legend" | "address" | "button" | "blockquote"
    )
}

/// The page's blocks of text in document order, each with its white space collapsed; empty
/// blocks are left out. The page is parsed as extraction parses it (its nesting bounded).
pub fn page_blocks(input: &str) -> Vec<PageBlock> {
    let doc = mend::parse(input);
    let mut blocks = Vec::new();
    let mut current = String::new();
    // The block elements open, each by its number in document order and whether it holds
    // one item.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut opened = 0usize;
    let flush = |current: &mut String, blocks: &mut Vec<PageBlock>, open: &[(usize, bool)]| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            // The nearest container, not the element that holds the text itself.
            let holder = open.len().saturating_sub(1);
            let group = open[..holder].iter().rev().find(|(_, item)| !item).map_or(0, |(n, _)| *n);
            blocks.push(PageBlock { text, group });
        }
        current.clear();
    };
    // The element whose subtree is being skipped, if any.
    let mut skipping = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => current.push_str(text),
                    Node::Element(e) => {
                        let name = e.name();
                        let el = ElementRef::wrap(node).expect("an element");
                        if is_unseen(name) || is_hidden(&el) || is_screen_reader_only(&el) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if is_block(name) {
                            flush(&mut current, &mut blocks, &open);
                            opened += 1;
                            open.push((opened, is_item(name)));
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    if is_block(e.name()) {
                        flush(&mut current, &mut blocks, &open);
                        open.pop();
                    }
                }
            }
        }
    }
    flush(&mut current, &mut blocks, &open);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_the_page_s_paragraphs_items_and_cells_in_order_without_scripts() {
        let page = "<html><head><title>T</title><script>var x = 1;</script></head><body>\
            <nav><ul><li>Home</li><li>World <b>news</b></li></ul></nav>\
            <p>First <em>para</em>graph.</p><div hidden>Secret</div>\
            <table><tr><td>a</td><td>b</td></tr></table>Loose text<br>next line</body></html>";
        let blocks = page_blocks(page);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Home", "World news", "First paragraph.", "a", "b", "Loose text", "next line"]);
    }

    #[test]
    fn items_of_one_list_share_a_group_and_a_paragraph_after_it_does_not() {
        let page = "<body><div><ul><li>One</li><li>Two</li></ul><p>After</p></div><aside><p>Aside</p></aside></body>";
        let groups: Vec<usize> = page_blocks(page).iter().map(|b| b.group).collect();
        assert_eq!(groups[0], groups[1]);
        assert_ne!(groups[1], groups[2]);
        assert_ne!(groups[2], groups[3]);
    }
}
