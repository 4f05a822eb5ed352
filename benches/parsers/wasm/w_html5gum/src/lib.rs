//! html5gum 0.9's tokenizer with its callback emitter (it reads bytes: no UTF-8 step).

include!("../../common.rs");

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// The number of start tags in the page.
///
/// # Safety
/// `p` and `len` are those of a buffer from `alloc` holding the page.
#[no_mangle]
pub unsafe extern "C" fn count(p: *const u8, len: usize) -> u32 {
    let b = unsafe { core::slice::from_raw_parts(p, len) };
    let mut n = 0u32;
    let mut em = CallbackEmitter::new(|ev: CallbackEvent<'_>, _: Span<()>| -> Option<std::convert::Infallible> {
        if let CallbackEvent::OpenStartTag { .. } = ev {
            n += 1
        }
        None
    });
    em.naively_switch_states(true);
    let Ok(()) = Tokenizer::new_with_emitter(b, em).finish();
    n
}
