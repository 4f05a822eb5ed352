//! lol_html 3's streaming rewriter with a handler on every element (it reads bytes: no UTF-8 step).

include!("../../common.rs");

use lol_html::{element, HtmlRewriter, Settings};
use std::{cell::Cell, rc::Rc};

/// The number of elements in the page.
///
/// # Safety
/// `p` and `len` are those of a buffer from `alloc` holding the page.
#[no_mangle]
pub unsafe extern "C" fn count(p: *const u8, len: usize) -> u32 {
    let b = unsafe { core::slice::from_raw_parts(p, len) };
    let c = Rc::new(Cell::new(0u32));
    let c2 = c.clone();
    let mut rw = HtmlRewriter::new(
        Settings::new().append_element_content_handler(element!("*", move |_el| {
            c2.set(c2.get() + 1);
            Ok(())
        })),
        |_: &[u8]| {},
    );
    let _ = rw.write(b);
    let _ = rw.end();
    c.get()
}
