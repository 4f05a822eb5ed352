//! Packs an EPUB's files into its ZIP container: the `mimetype` file first and stored, every
//! other file deflated, as the EPUB Open Container Format asks.
//!
//! The core (`cleancopy::epub`) writes the documents; this crate only packs them with the
//! images' bytes and tells an image's media type from its first bytes. In the browser it is a
//! wasm module of its own, loaded the first time the reader saves an EPUB.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The media type of an EPUB, the content of its `mimetype` file.
pub const MIMETYPE: &str = "application/epub+zip";

/// An EPUB container being filled: the `mimetype` file is already in it.
pub struct Packer(ZipWriter<Cursor<Vec<u8>>>);

impl Default for Packer {
    fn default() -> Self {
        Self::new()
    }
}

impl Packer {
    /// A container holding the `mimetype` file alone, stored uncompressed as the first entry.
    pub fn new() -> Packer {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        // Writing to memory cannot fail.
        zip.start_file("mimetype", stored).expect("a new archive takes a file");
        zip.write_all(MIMETYPE.as_bytes()).expect("memory takes the bytes");
        Packer(zip)
    }

    /// Adds the file `name` (a path inside the container, such as `EPUB/article.xhtml`); text is
    /// deflated, pictures (already compressed) are stored.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let method = if media_type(bytes).is_some() { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        self.0.start_file(name, SimpleFileOptions::default().compression_method(method)).map_err(|e| e.to_string())?;
        self.0.write_all(bytes).map_err(|e| e.to_string())
    }

    /// The container's bytes.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        self.0.finish().map(Cursor::into_inner).map_err(|e| e.to_string())
    }
}

/// The EPUB core media type of a picture, from its first bytes: PNG, JPEG or GIF, the raster
/// types every EPUB 3 reading system shows; `None` for anything else.
///
/// ```
/// assert_eq!(cleancopy_epub::media_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
/// assert_eq!(cleancopy_epub::media_type(b"<svg"), None);
/// ```
pub fn media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else {
        None
    }
}

/// The wasm-bindgen glue: a packer the page fills file by file.
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// An EPUB being packed (see [`crate::Packer`]).
    #[wasm_bindgen]
    pub struct EpubPacker(Option<crate::Packer>);

    #[wasm_bindgen]
    impl EpubPacker {
        /// A container holding its `mimetype` file.
        #[wasm_bindgen(constructor)]
        pub fn new() -> EpubPacker {
            EpubPacker(Some(crate::Packer::new()))
        }

        /// Adds the file `name` with `bytes`.
        pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
            self.0.as_mut().ok_or_else(|| JsError::new("the EPUB is already finished"))?.add(name, bytes).map_err(|e| JsError::new(&e))
        }

        /// The EPUB's bytes; the packer is empty afterwards.
        pub fn finish(&mut self) -> Result<Vec<u8>, JsError> {
            self.0.take().ok_or_else(|| JsError::new("the EPUB is already finished"))?.finish().map_err(|e| JsError::new(&e))
        }
    }

    /// The EPUB media type of a picture's bytes (`image/png`, `image/jpeg`, `image/gif`), or
    /// an empty string for one an EPUB cannot carry.
    #[wasm_bindgen(js_name = mediaType)]
    pub fn media_type(bytes: &[u8]) -> String {
        crate::media_type(bytes).unwrap_or_default().to_string()
    }
}
