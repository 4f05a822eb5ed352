//! Repairs text that is visibly UTF-8 read as windows-1252 (or Latin-1) and written out again
//! as UTF-8 ("What does it mean to â€œdeclutter?â€" for "… “declutter?”"), where that is
//! certain, and leaves it alone where it is not.
//!
//! A run of non-ASCII characters is garbled when its characters are all windows-1252 (or
//! Latin-1) characters whose bytes form valid multi-byte UTF-8 ("Ã©" is C3 A9, "é"). Genuine
//! Latin-1 text almost never does: an accented letter stands beside ASCII ("naïve", "São"), and
//! its lone byte is not UTF-8. The text is repaired only when it holds enough garbled runs (at
//! least three characters' worth, a three-byte sequence such as "â€œ" counting two) and
//! nearly no run that is not garbled: one genuine "é" among a few "Ã©" means the text is
//! about the garbling, and stays as it is.

use crate::article::{Article, Block, Image, Inline};

/// windows-1252's characters for the bytes 0x80 to 0x9F; its five unassigned bytes decode to
/// the C1 controls of the same number, as browsers decode them.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“',
    '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Garbled characters needed before anything is repaired.
const MIN_EVIDENCE: usize = 3;

/// The byte a character has in windows-1252, or in Latin-1 for the C1 controls.
fn byte_of(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xFF => Some(c as u32 as u8),
        _ => WINDOWS_1252_HIGH.iter().position(|&w| w == c).map(|i| 0x80 + i as u8),
    }
}

/// What one run of non-ASCII characters is.
enum Run {
    /// Not garbled UTF-8 (or not certainly).
    Genuine,
    /// Garbled: its repair, and how much it counts as evidence.
    Garbled(String, usize),
}

fn read_run(run: &str) -> Run {
    let Some(bytes) = run.chars().map(byte_of).collect::<Option<Vec<u8>>>() else { return Run::Genuine };
    let (valid, lost_quote) = match std::str::from_utf8(&bytes) {
        Ok(s) => (s, false),
        // "â€" with nothing after it: a right quote (E2 80 9D) whose last byte, unassigned in
        // windows-1252, was dropped by whatever garbled the text.
        Err(e) if bytes.ends_with(&[0xE2, 0x80]) && e.valid_up_to() == bytes.len() - 2 => {
            (std::str::from_utf8(&bytes[..bytes.len() - 2]).unwrap_or_default(), true)
        }
        Err(_) => return Run::Genuine,
    };
    if valid.chars().any(char::is_control) {
        return Run::Genuine;
    }
    let evidence: usize = valid.chars().map(|c| if c.len_utf8() >= 3 { 2 } else { 1 }).sum::<usize>() + lost_quote as usize;
    let mut repaired = valid.to_string();
    if lost_quote {
        repaired.push('”');
    }
    Run::Garbled(repaired, evidence)
}

/// Calls `f` with each run of non-ASCII characters of `text` and where it starts.
fn runs(text: &str, mut f: impl FnMut(usize, &str)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                f(s, &text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        f(s, &text[s..]);
    }
}

/// The count that decides whether a text is garbled.
#[derive(Default)]
struct Tally {
    garbled: usize,
    genuine: usize,
    evidence: usize,
}

impl Tally {
    fn add(&mut self, text: &str) {
        if text.is_ascii() {
            return;
        }
        runs(text, |_, run| match read_run(run) {
            Run::Genuine => self.genuine += 1,
            Run::Garbled(_, evidence) => {
                self.garbled += 1;
                self.evidence += evidence;
            }
        });
    }

    /// Enough garbled runs, and at most one genuine run in ten garbled ones (a page's own "©"
    /// beside a garbled story).
    fn certain(&self) -> bool {
        self.evidence >= MIN_EVIDENCE && self.genuine * 10 <= self.garbled
    }
}

/// `text` with its garbled runs repaired (its other runs as they are).
fn repair_runs(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    runs(text, |at, run| {
        if let Run::Garbled(repaired, _) = read_run(run) {
            out.push_str(&text[copied..at]);
            out.push_str(&repaired);
            copied = at + run.len();
        }
    });
    (copied > 0).then(|| out + &text[copied..])
}

/// Repairs `text` when it is certainly garbled UTF-8 (twice garbled included); otherwise it is
/// returned unchanged.
///
/// ```
/// use cleancopy::mojibake::repair;
/// assert_eq!(repair("What does it mean to â€œdeclutter?â€"), "What does it mean to “declutter?”");
/// assert_eq!(repair("A naïve résumé"), "A naïve résumé");
/// ```
pub fn repair(text: &str) -> String {
    let mut article = Article { title: Some(text.to_string()), ..Article::default() };
    repair_article(&mut article);
    article.title.unwrap_or_default()
}

/// Repairs every text of the article (metadata, blocks, captions, image descriptions) when
/// the article's text as a whole is certainly garbled UTF-8; otherwise leaves it unchanged.
/// Addresses are never touched.
pub fn repair_article(article: &mut Article) {
    // A text garbled twice ("ÃƒÂ©") comes right in two rounds.
    for _ in 0..3 {
        let mut tally = Tally::default();
        each_text(article, &mut |s| tally.add(s));
        if !tally.certain() {
            return;
        }
        each_text(article, &mut |s| {
            if let Some(repaired) = repair_runs(s) {
                *s = repaired;
            }
        });
    }
}

/// Calls `f` on every piece of text the article holds.
fn each_text(article: &mut Article, f: &mut dyn FnMut(&mut String)) {
    let fields = [
        &mut article.title,
        &mut article.byline,
        &mut article.published,
        &mut article.site_name,
        &mut article.dateline,
        &mut article.source,
        &mut article.copyright,
        &mut article.standfirst,
        &mut article.excerpt,
    ];
    for field in fields.into_iter().flatten() {
        f(field);
    }
    article.summary.iter_mut().for_each(&mut *f);
    if let Some(image) = &mut article.lead_image {
        image_text(image, f);
    }
    for block in &mut article.blocks {
        block_text(block, f);
    }
}

fn image_text(image: &mut Image, f: &mut dyn FnMut(&mut String)) {
    f(&mut image.alt);
}

fn block_text(block: &mut Block, f: &mut dyn FnMut(&mut String)) {
    match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => inline_text(content, f),
        Block::List { items, .. } => items.iter_mut().flatten().for_each(|b| block_text(b, f)),
        Block::Quote { blocks } => blocks.iter_mut().for_each(|b| block_text(b, f)),
        Block::Figure { image, caption } => {
            image_text(image, f);
            if let Some(caption) = caption {
                inline_text(caption, f);
            }
        }
        Block::Code { text, .. } => f(text),
        Block::Table { caption, rows } => {
            if let Some(caption) = caption {
                inline_text(caption, f);
            }
            rows.iter_mut().flatten().for_each(|cell| inline_text(&mut cell.content, f));
        }
        Block::Rule => {}
    }
}

fn inline_text(content: &mut [Inline], f: &mut dyn FnMut(&mut String)) {
    for inline in content {
        match inline {
            Inline::Text { text } | Inline::Code { text } => f(text),
            Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => inline_text(content, f),
            Inline::Break | Inline::Anchor { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{repair, repair_article};
    use crate::article::{Article, Block};

    #[test]
    fn a_garbled_story_beside_the_pages_own_copyright_sign_is_repaired_and_the_sign_kept() {
        let garbled = "Le cafÃ© de lâ€™Ã©cole ouvre Ã\u{a0} huit heures ; le thÃ© y est servi toute lâ€™annÃ©e.";
        let mut article = Article {
            title: Some("Le cafÃ© de lâ€™Ã©cole".into()),
            blocks: vec![Block::paragraph(garbled), Block::paragraph(garbled)],
            copyright: Some("© 2024 La Gazette".into()),
            ..Article::default()
        };
        repair_article(&mut article);
        assert_eq!(article.title.as_deref(), Some("Le café de l’école"));
        assert_eq!(article.blocks[0].text(), "Le café de l’école ouvre à huit heures ; le thé y est servi toute l’année.");
        assert_eq!(article.copyright.as_deref(), Some("© 2024 La Gazette"));
    }

    #[test]
    fn curly_quotes_and_apostrophes_read_as_windows_1252_are_repaired() {
        assert_eq!(repair("Itâ€™s â€œfineâ€\u{9d}, she said â€“ twice."), "It’s “fine”, she said – twice.");
    }

    #[test]
    fn accented_letters_read_as_windows_1252_are_repaired() {
        assert_eq!(repair("Le cafÃ© de lâ€™Ã©cole, Ã\u{a0} cÃ´tÃ© du marchÃ©"), "Le café de l’école, à côté du marché");
    }

    #[test]
    fn cyrillic_read_as_windows_1252_is_repaired() {
        assert_eq!(repair("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€"), "Привет, мир");
    }

    #[test]
    fn utf8_read_as_latin1_with_its_c1_controls_is_repaired() {
        assert_eq!(repair("\u{e2}\u{80}\u{9c}Quoted\u{e2}\u{80}\u{9d} and caf\u{c3}\u{a9}"), "“Quoted” and café");
    }

    #[test]
    fn text_garbled_twice_is_repaired() {
        assert_eq!(repair("cafÃƒÂ© and thÃƒÂ© Ã\u{83}Â©tÃ\u{83}Â©"), "café and thé été");
    }

    #[test]
    fn genuine_latin1_words_stay() {
        for text in ["A naïve résumé", "São Paulo, Zürich and Kraków", "Ærøskøbing, Þórshöfn", "Â", "Â alone, Ã alone", "ÀÉÎÕÜ"] {
            assert_eq!(repair(text), text);
        }
    }

    #[test]
    fn one_garbled_looking_word_is_not_enough() {
        for text in ["The French word Ã©cole", "Prices from Â£5", "50Â°C"] {
            assert_eq!(repair(text), text);
        }
    }

    #[test]
    fn a_lesson_about_garbled_text_is_left_as_written() {
        let lesson = "Read in the wrong encoding, “école” shows as “Ã©cole”, “été” as “Ã©tÃ©” and “café” as “cafÃ©”.";
        assert_eq!(repair(lesson), lesson);
    }

    #[test]
    fn scripts_outside_latin1_stay() {
        for text in ["Привет, мир", "東京で会いましょう", "Καλημέρα", "“Smart quotes” — and dashes…"] {
            assert_eq!(repair(text), text);
        }
    }
}
