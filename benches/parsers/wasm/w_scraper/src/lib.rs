//! scraper 0.29 (html5ever 0.40's tokenizer and tree builder), the parser Clean Copy uses.

include!("../../common.rs");

/// The number of elements in the page's tree.
///
/// # Safety
/// `p` and `len` are those of a buffer from `alloc` holding the page.
#[no_mangle]
pub unsafe extern "C" fn count(p: *const u8, len: usize) -> u32 {
    let s = unsafe { input(p, len) };
    let d = scraper::Html::parse_document(&s);
    d.tree.nodes().filter(|n| n.value().is_element()).count() as u32
}
