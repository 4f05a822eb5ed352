//! The baseline: the allocator, the page as text, and a count of its '<'.

include!("../../common.rs");

/// The number of '<' in the page.
///
/// # Safety
/// `p` and `len` are those of a buffer from `alloc` holding the page.
#[no_mangle]
pub unsafe extern "C" fn count(p: *const u8, len: usize) -> u32 {
    let s = unsafe { input(p, len) };
    s.bytes().filter(|&b| b == b'<').count() as u32
}
