//! The errors a reader or a calling program can meet, each with a message that says what to do.

use thiserror::Error;

/// Why an input could not be turned into a clean copy.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing but white space was given.
    #[error("the input is empty: paste or open an article")]
    Empty,
    /// The bytes are not text (an image, an archive, a program).
    #[error("the input looks like binary data, not text, HTML or Markdown")]
    Binary,
    /// The input is a web address (or only a link to one): Clean Copy does not fetch pages.
    #[error(
        "{address} is a web address, not an article, and Clean Copy does not fetch pages (it has no server, and a \
         browser does not let one site read another's pages): bring the page itself instead. Open it and use \
         \"Send to Clean Copy\"; or select all on it, copy, and paste here; or save the page and open the saved file"
    )]
    WebAddress {
        /// The address that was given.
        address: String,
    },
    /// The input is larger than Clean Copy reads.
    #[error("the input is {size} bytes; Clean Copy reads at most {limit} bytes")]
    TooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The largest size read.
        limit: usize,
    },
    /// Markdown, in a build without the feature `markdown-input` (the app's main module, which
    /// hands Markdown to the `markdown/` module).
    #[error("this is Markdown, and the part of Clean Copy that reads Markdown is not loaded")]
    MarkdownNotIncluded,
}
