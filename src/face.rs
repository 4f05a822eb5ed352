//! A type face carried inside a saved page: the reader's chosen face, its files written into the
//! page's style sheet as data, so that the page shows (and prints) in that face wherever it is
//! opened, offline and with no other file.
//!
//! The page hands over the face's files; this module checks every name and range it writes,
//! so a face cannot add anything to the page but `@font-face` rules and the setting that uses
//! them.

use std::fmt::Write;

/// The longest name of a family or a setting taken, in bytes.
const NAME_MAX: usize = 64;

/// How every WOFF2 file's base64 opens: `wOF2`, its signature, gives these five letters (the
/// sixth already depends on the byte after it).
const WOFF2_BASE64: &str = "d09GM";

/// One file of a face: WOFF2 bytes in base64 (as the page's `data:` address carries them, so
/// the page encodes them and the core only checks them), the weight and style they are, and
/// the characters they cover (a CSS `unicode-range`, or empty for all the file has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceFile {
    /// The WOFF2 file, in base64 (the standard alphabet, padded).
    pub woff2_base64: String,
    /// The weight, 1 to 1000 (400 regular, 700 bold).
    pub weight: u16,
    /// Whether the file is the italic.
    pub italic: bool,
    /// The characters covered, as in CSS (`U+0000-00FF,U+0131`); empty for all.
    pub unicode_range: String,
}

/// A face for a saved page: the reading setting that chose it (the value of `data-font` on the
/// page's root, which the inlined style sheet maps to the family), the family's name, and its
/// files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Face {
    /// The Font setting's value, such as `legible`: lower-case letters and hyphens.
    pub setting: String,
    /// The family's name, as the style sheet names it: letters, digits, spaces and hyphens.
    pub family: String,
    /// The files, in any order.
    pub files: Vec<FaceFile>,
}

impl Face {
    /// Whether the face can go into a page: its setting and family are plain names, and every
    /// file is WOFF2 with a weight and a range CSS reads. Anything else is left out whole.
    pub fn is_usable(&self) -> bool {
        let setting_ok = !self.setting.is_empty()
            && self.setting.len() <= NAME_MAX
            && self.setting.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        let family_ok = !self.family.trim().is_empty()
            && self.family.len() <= NAME_MAX
            && self.family.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
        setting_ok && family_ok && !self.files.is_empty() && self.files.iter().all(FaceFile::is_usable)
    }

    /// The `@font-face` rules of the face's files, each file as a `data:` address.
    pub fn css(&self) -> String {
        let mut out = String::new();
        for file in &self.files {
            let _ = write!(
                out,
                "@font-face {{ font-family: \"{}\"; font-style: {}; font-weight: {}; font-display: swap; src: url(data:font/woff2;base64,{}) format(\"woff2\");",
                self.family,
                if file.italic { "italic" } else { "normal" },
                file.weight,
                file.woff2_base64
            );
            if !file.unicode_range.is_empty() {
                let _ = write!(out, " unicode-range: {};", file.unicode_range);
            }
            out.push_str(" }\n");
        }
        out
    }
}

impl FaceFile {
    /// WOFF2 in base64 (it opens with `wOF2`; nothing but base64's letters), a weight in
    /// 1..=1000, and a range of only the characters CSS ranges are written with.
    fn is_usable(&self) -> bool {
        self.woff2_base64.starts_with(WOFF2_BASE64)
            && self.woff2_base64.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            && (1..=1000).contains(&self.weight)
            && self.unicode_range.len() <= 4096
            && self.unicode_range.bytes().all(|b| b.is_ascii_hexdigit() || matches!(b, b'U' | b'u' | b'+' | b'-' | b',' | b'?' | b' '))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> FaceFile {
        // "wOF2 and the rest" in base64.
        FaceFile { woff2_base64: "d09GMiBhbmQgdGhlIHJlc3Q=".into(), weight: 400, italic: false, unicode_range: "U+0000-00FF,U+0131".into() }
    }

    #[test]
    fn a_face_is_written_as_font_face_rules_with_data_addresses() {
        let face = Face { setting: "legible".into(), family: "Atkinson Hyperlegible".into(), files: vec![file(), FaceFile { italic: true, weight: 700, unicode_range: String::new(), ..file() }] };
        assert!(face.is_usable());
        let css = face.css();
        assert_eq!(css.matches("@font-face").count(), 2, "{css}");
        assert!(css.contains("font-family: \"Atkinson Hyperlegible\"; font-style: normal; font-weight: 400;"), "{css}");
        assert!(css.contains("src: url(data:font/woff2;base64,d09GMiBhbmQgdGhlIHJlc3Q=) format(\"woff2\");"), "{css}");
        assert!(css.contains("unicode-range: U+0000-00FF,U+0131;"), "{css}");
        assert!(css.contains("font-style: italic; font-weight: 700;") && css.matches("unicode-range").count() == 1, "{css}");
    }

    #[test]
    fn names_and_ranges_that_could_write_css_are_refused() {
        let good = Face { setting: "book".into(), family: "Literata".into(), files: vec![file()] };
        assert!(good.is_usable());
        for bad in [
            Face { family: "X\"; } body { display: none } @font-face { font-family: \"Y".into(), ..good.clone() },
            Face { family: "Literata</style><script>".into(), ..good.clone() },
            Face { setting: "book\" onload=\"x".into(), ..good.clone() },
            Face { setting: String::new(), ..good.clone() },
            Face { family: "  ".into(), ..good.clone() },
            Face { files: vec![], ..good.clone() },
            Face { files: vec![FaceFile { unicode_range: "U+0;} *{color:red".into(), ..file() }], ..good.clone() },
            Face { files: vec![FaceFile { woff2_base64: "PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+".into(), ..file() }], ..good.clone() },
            Face { files: vec![FaceFile { woff2_base64: "d09GMg==) format(\"woff2\"); } body { display: none".into(), ..file() }], ..good.clone() },
            Face { files: vec![FaceFile { weight: 0, ..file() }], ..good.clone() },
        ] {
            assert!(!bad.is_usable(), "{bad:?}");
        }
    }
}
