//! Any bytes, read as a paste of each kind: extraction and every rendering finish without a
//! panic, and the reader HTML carries nothing that could run.
#![no_main]

use cleancopy::{decode, extract, render, InputKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = decode(data) else { return };
    for kind in [None, Some(InputKind::HtmlFragment), Some(InputKind::Markdown), Some(InputKind::Text)] {
        let Ok((article, _)) = extract(&input, kind) else { continue };
        cleancopy_fuzz::assert_inert(&render::html(&article));
        let _ = render::markdown(&article);
        let _ = render::text(&article);
    }
});
