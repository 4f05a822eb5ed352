//! tl 0.7, `parse` into its flat VDom.

include!("../../common.rs");

/// The number of elements in the page.
///
/// # Safety
/// `p` and `len` are those of a buffer from `alloc` holding the page.
#[no_mangle]
pub unsafe extern "C" fn count(p: *const u8, len: usize) -> u32 {
    let s = unsafe { input(p, len) };
    let d = tl::parse(&s, tl::ParserOptions::default()).unwrap();
    d.nodes().iter().filter(|n| matches!(n, tl::Node::Tag(_))).count() as u32
}
