//! Any text as a share link, and as the compact article form inside one: decoding ends in an
//! article or an error, never a panic or a hang, and what it yields renders safely, as the
//! allow-list sanitizer it is checked against would leave it.
#![no_main]

use cleancopy::{render, share};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut articles = Vec::new();
    if let Ok(a) = share::decode(&text) {
        articles.push(a);
    }
    if let Some(a) = share::compact::read(&text) {
        // What reads back writes out the same way.
        assert_eq!(share::compact::read(&share::compact::write(&a)).as_ref(), Some(&a));
        articles.push(a);
    }
    for a in articles {
        let html = render::html(&a);
        cleancopy_fuzz::assert_inert(&html);
        cleancopy_fuzz::assert_sanitizer_leaves(&html, "shared");
    }
});
