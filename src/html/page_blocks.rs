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
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "td" | "th" | "tr" | "table"
            | "caption" | "thead" | "tbody" | "tfoot" | "blockquote" | "pre" | "section" | "article" | "header" | "footer" | "nav"
            | "aside" | "main" | "figure" | "figcaption" | "form" | "fieldset" | "legend" | "address" | "hr" | "br" | "details"
            | "summary" | "menu" | "dialog" | "body" | "html" | "center" | "hgroup" | "search" | "button"
    )
}

/// The page's blocks of text in document order, each with its white space collapsed; empty
/// blocks are left out. The page is parsed as extraction parses it (its nesting bounded).
pub fn page_blocks(input: &str) -> Vec<String> {
    let doc = mend::parse(input);
    let mut blocks = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            blocks.push(text);
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
                            flush(&mut current, &mut blocks);
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
                        flush(&mut current, &mut blocks);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut blocks);
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
        assert_eq!(page_blocks(page), ["Home", "World news", "First paragraph.", "a", "b", "Loose text", "next line"]);
    }
}
