//! Guesses the encoding of bytes that declare none, with chardetng (Firefox's detector), set
//! as Clean Copy reads files: UTF-8 and ISO-2022-JP are allowed guesses (a file, unlike a web
//! page, cannot come to rely on them), and no top-level domain is known.
//!
//! The core (`cleancopy::charset`) calls [`guess`] natively after the byte-order mark, the
//! `<meta>` prescan and the UTF-8 check have found nothing. In the browser this crate is a wasm
//! module of its own that the page loads only then: chardetng and the decoders it runs
//! (encoding_rs's Japanese, Chinese and Korean tables among them) added 168 KB to the gzipped
//! main module when built into it; on their own they are a 162 KB module (gzipped).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// chardetng's guess for the whole of `bytes`, or `None` when they are not text in any
/// encoding. A detector finds some single-byte encoding for any bytes at all, but text in one
/// always has ASCII (spaces, digits, punctuation) among its letters: a single-byte guess for
/// 32 bytes or more with no ASCII byte in the first 8,192 is no text.
///
/// ```
/// let shift_jis = b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42";
/// assert_eq!(cleancopy_detector::guess(shift_jis).map(|e| e.name()), Some("Shift_JIS"));
/// assert_eq!(cleancopy_detector::guess(&[0xFF; 100]), None);
/// ```
pub fn guess(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    let sample = &bytes[..bytes.len().min(8192)];
    let no_text = encoding.is_single_byte() && sample.len() >= 32 && !sample.iter().any(u8::is_ascii);
    (!no_text).then_some(encoding)
}

/// The wasm-bindgen glue: the guess as a label for `TextDecoder`.
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// The encoding chardetng guesses for `bytes`, by its name in the Encoding Standard; an
    /// empty string when they are not text in any encoding.
    #[wasm_bindgen(js_name = detectEncoding)]
    pub fn detect_encoding(bytes: &[u8]) -> String {
        super::guess(bytes).map(|e| e.name().to_string()).unwrap_or_default()
    }
}
