// The part every module shares, included by each src/lib.rs: the allocator the host writes the
// page through, and the page as text.

/// A buffer of `len` bytes for the host to write the page into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len);
    let p = v.as_mut_ptr();
    core::mem::forget(v);
    p
}

/// Frees a buffer from `alloc`.
///
/// # Safety
/// `p` and `len` are those of a buffer `alloc` returned, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, len: usize) {
    unsafe { drop(Vec::from_raw_parts(p, 0, len)) }
}

/// The page, lossily decoded as UTF-8.
#[allow(dead_code)]
unsafe fn input<'a>(p: *const u8, len: usize) -> std::borrow::Cow<'a, str> {
    let b = unsafe { core::slice::from_raw_parts(p, len) };
    String::from_utf8_lossy(b)
}
