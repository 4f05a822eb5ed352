//! Any bytes, read as a paste of each kind: extraction and every rendering finish without a
//! panic, the reader HTML carries nothing that could run, and the allow-list sanitizer it is
//! checked against leaves it unchanged.
#![no_main]

use cleancopy::{decode, extract, render, InputKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = decode(data) else { return };
    for kind in [None, Some(InputKind::HtmlFragment), Some(InputKind::Markdown), Some(InputKind::Text)] {
        let Ok((article, _)) = extract(&input, kind) else { continue };
        let html = render::html(&article);
        cleancopy_fuzz::assert_inert(&html);
        cleancopy_fuzz::assert_sanitizer_leaves(&html, "extracted");
        let _ = render::markdown(&article);
        let _ = render::text(&article);
    }
});
