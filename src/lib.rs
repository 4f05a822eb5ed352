//! Clean Copy: paste an article, get a clean copy.
//!
//! The core is pure Rust: find a file's encoding ([`charset`]), [`detect`] what was pasted,
//! extract it ([`html`], [`text`], [`markdown`]) into one [`Article`] (repairing garbled
//! UTF-8, [`mojibake`]), and render that ([`render`]) as reader HTML (safe by construction,
//! and checked natively against an allow-list sanitizer, [`sanitize`]), as Markdown or as plain
//! text. The same core runs in the browser through
//! the thin wasm-bindgen module `web` (the feature `app`, on by default) and on the command line
//! (`cleancopy`).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod article;
pub mod charset;
pub mod dates;
pub mod detect;
pub mod epub;
pub mod error;
pub mod face;
pub mod forest;
pub mod html;
pub mod lang;
pub mod left_out;
pub mod markdown;
pub mod mojibake;
pub mod pipeline;
mod refine;
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod sanitize;
pub mod score;
pub mod share;
pub mod text;
pub mod words;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
mod web;

pub use article::{Article, Block, Direction, Image, Inline};
pub use detect::{detect, InputKind};
pub use error::Error;
pub use left_out::LeftOut;
#[cfg(not(target_arch = "wasm32"))]
pub use pipeline::decode;
pub use pipeline::{clean, clean_with, extract, extract_at, CleanCopy, Models, MAX_INPUT_BYTES};
#[cfg(not(target_arch = "wasm32"))]
pub use sanitize::sanitize;
