//! The `Article` model: what every extractor produces and every output is made from.

use serde::{Deserialize, Serialize};

/// A clean copy of one article: its metadata and its body as typed blocks.
///
/// Every input kind (HTML, plain text, Markdown) is extracted into this, and every
/// output (reader HTML, Markdown, plain text, JSON) is rendered from it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// The story's headline.
    pub title: Option<String>,
    /// Who wrote it ("By Jane Doe").
    pub byline: Option<String>,
    /// When it was published, as the page gives it.
    pub published: Option<String>,
    /// The publication or web site it came from.
    pub site_name: Option<String>,
    /// The address of the original page, when known.
    pub source_url: Option<String>,
    /// The language of the text (BCP 47 tag such as `en` or `ar`), when known.
    pub lang: Option<String>,
    /// The writing direction, when known.
    pub dir: Option<Direction>,
    /// Summary points shown above the story ("Story Highlights").
    pub summary: Vec<String>,
    /// The dateline that opens the story ("MOSCOW, Russia (Reuters)").
    pub dateline: Option<String>,
    /// The agency or publication the dateline credits ("Reuters").
    pub source: Option<String>,
    /// The body.
    pub blocks: Vec<Block>,
    /// The copyright or credit line, kept once after the body.
    pub copyright: Option<String>,
    /// The standfirst: the sentence or two under the headline that sums the story up, when the
    /// page shows one above the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<String>,
    /// The page's own description of the story (its `description` metadata).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The picture the page presents the story with, when the body has none of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_image: Option<Image>,
}

/// Left-to-right or right-to-left text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (Latin, Cyrillic, CJK, …).
    Ltr,
    /// Right to left (Arabic, Hebrew, …).
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of running text.
    Paragraph {
        /// Its text.
        content: Vec<Inline>,
    },
    /// A subheading; `level` 2 to 6 (the title is the article's only level 1).
    Heading {
        /// 2 to 6.
        level: u8,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list; each item is a run of blocks.
    List {
        /// Numbered (`true`) or bulleted.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A quotation set apart from the text.
    Quote {
        /// What is quoted.
        blocks: Vec<Block>,
    },
    /// An image with its caption.
    Figure {
        /// The image.
        image: Image,
        /// The caption, if any.
        caption: Option<Vec<Inline>>,
    },
    /// Preformatted code; its white space is kept as it is.
    Code {
        /// The language named for it, if any.
        lang: Option<String>,
        /// The code.
        text: String,
    },
    /// A table of rows of cells.
    Table {
        /// The caption, if any.
        caption: Option<Vec<Inline>>,
        /// The rows.
        rows: Vec<Vec<Cell>>,
    },
    /// A thematic break between sections.
    Rule,
}

/// An image, by address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Where the image is (http, https or a `data:image/…` address).
    pub src: String,
    /// Its text alternative.
    pub alt: String,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// A header cell (`th`) rather than a data cell.
    pub header: bool,
    /// Its text.
    pub content: Vec<Inline>,
}

/// Text inside a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text.
        text: String,
    },
    /// Emphasised (usually italic) text.
    Emphasis {
        /// What is emphasised.
        content: Vec<Inline>,
    },
    /// Strongly emphasised (usually bold) text.
    Strong {
        /// What is emphasised.
        content: Vec<Inline>,
    },
    /// Code within a line.
    Code {
        /// The code.
        text: String,
    },
    /// A link.
    Link {
        /// Its target.
        href: String,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A forced line break.
    Break,
    /// A place in-page links lead to (a footnote, a note's back reference); `id` is the page's
    /// own, and links to it have the target `#` + `id`.
    Anchor {
        /// The target's name.
        id: String,
    },
}

impl Inline {
    /// Plain text as an inline.
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text { text: s.into() }
    }
}

/// A run of inlines holding just `s`.
pub fn plain(s: impl Into<String>) -> Vec<Inline> {
    vec![Inline::text(s)]
}

/// The text of a run of inlines, without markup.
pub fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(content, &mut out);
    out
}

fn push_inline_text(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { content } | Inline::Strong { content } | Inline::Link { content, .. } => {
                push_inline_text(content, out)
            }
            Inline::Break => out.push('\n'),
            Inline::Anchor { .. } => {}
        }
    }
}

impl Block {
    /// A paragraph holding just `s`.
    pub fn paragraph(s: impl Into<String>) -> Block {
        Block::Paragraph { content: plain(s) }
    }

    /// The block's text units, one string per paragraph, heading, list item or caption,
    /// in reading order: what the plain-text output separates by blank lines.
    pub fn text_units(&self, out: &mut Vec<String>) {
        self.units(out, true);
    }

    /// Text units without figure captions, at any depth (a gallery in a list included).
    pub fn prose_units(&self, out: &mut Vec<String>) {
        self.units(out, false);
    }

    fn units(&self, out: &mut Vec<String>, captions: bool) {
        match self {
            Block::Paragraph { content } | Block::Heading { content, .. } => out.push(inline_text(content)),
            Block::List { items, .. } => {
                for item in items {
                    for block in item {
                        block.units(out, captions);
                    }
                }
            }
            Block::Quote { blocks } => blocks.iter().for_each(|b| b.units(out, captions)),
            Block::Figure { caption, .. } => {
                if let Some(caption) = caption.as_ref().filter(|_| captions) {
                    out.push(inline_text(caption));
                }
            }
            Block::Code { text, .. } => out.push(text.trim_end_matches('\n').to_string()),
            Block::Table { caption, rows } => {
                if let Some(caption) = caption {
                    out.push(inline_text(caption));
                }
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| inline_text(&c.content)).collect();
                    out.push(cells.join("\t"));
                }
            }
            Block::Rule => {}
        }
    }
}

impl Block {
    /// Calls `f` on every run of inlines in the block (paragraph text, list items, captions, cells).
    pub fn for_each_inlines_mut(&mut self, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        match self {
            Block::Paragraph { content } | Block::Heading { content, .. } => f(content),
            Block::List { items, .. } => items.iter_mut().flatten().for_each(|b| b.for_each_inlines_mut(f)),
            Block::Quote { blocks } => blocks.iter_mut().for_each(|b| b.for_each_inlines_mut(f)),
            Block::Figure { caption, .. } => {
                if let Some(c) = caption {
                    f(c)
                }
            }
            Block::Table { caption, rows } => {
                if let Some(c) = caption {
                    f(c)
                }
                rows.iter_mut().flatten().for_each(|cell| f(&mut cell.content));
            }
            Block::Code { .. } | Block::Rule => {}
        }
    }

    /// The block's text, its units joined by new lines.
    pub fn text(&self) -> String {
        let mut units = Vec::new();
        self.text_units(&mut units);
        units.join("\n")
    }
}

impl Article {
    /// The body's running text as units, without figure captions: what schema.org calls the
    /// `articleBody`, and what the AEB corpus's ground truth holds.
    /// The dateline opens the first paragraph, as the reader shows it.
    pub fn article_body_units(&self) -> Vec<String> {
        let mut units = Vec::new();
        let dateline = self.dateline_at();
        for (i, block) in self.blocks.iter().enumerate() {
            match (block, dateline) {
                (Block::Paragraph { content }, Some((at, d))) if at == i => units.push(format!("{d} — {}", inline_text(content))),
                _ => block.prose_units(&mut units),
            }
        }
        units.retain(|u| !u.trim().is_empty());
        units
    }

    /// The dateline and the block it opens: the body's first paragraph, wherever that stands.
    /// `None` without a dateline or without a paragraph for it.
    pub fn dateline_at(&self) -> Option<(usize, &str)> {
        let d = self.dateline.as_deref()?;
        Some((self.blocks.iter().position(|b| matches!(b, Block::Paragraph { .. }))?, d))
    }

    /// The text of the body's first paragraph, if it has one.
    pub fn first_paragraph(&self) -> Option<String> {
        self.blocks.iter().find_map(|b| match b {
            Block::Paragraph { content } => Some(crate::words::collapse_ws(&inline_text(content))).filter(|t| !t.is_empty()),
            _ => None,
        })
    }

    /// The body alone as text units (no title, summary, dateline or copyright).
    pub fn body_units(&self) -> Vec<String> {
        let mut units = Vec::new();
        self.each_body_unit(|u| {
            units.push(u);
            true
        });
        units
    }

    /// Calls `f` with each of [`Self::body_units`] in turn, until it returns false, without
    /// holding them all at once (a long page's body is not copied whole to be counted).
    pub fn each_body_unit(&self, mut f: impl FnMut(String) -> bool) {
        let mut units = Vec::new();
        for block in &self.blocks {
            block.text_units(&mut units);
            for unit in units.drain(..) {
                if !unit.trim().is_empty() && !f(unit) {
                    return;
                }
            }
        }
    }

    /// The language and direction [`crate::lang::guess`] finds in the body's units joined by
    /// line breaks. The text is made only as far as the guess reads it.
    pub fn guess_lang(&self) -> (Option<String>, Option<Direction>) {
        let mut text = String::new();
        let (mut chars, mut words) = (0usize, 0usize);
        self.each_body_unit(|unit| {
            if !text.is_empty() {
                text.push('\n');
                chars += 1;
            }
            text.push_str(&unit);
            chars += unit.chars().count();
            words += crate::words::words(&unit).count();
            chars < crate::lang::READS_CHARS || words < crate::lang::READS_WORDS
        });
        crate::lang::guess(&text)
    }

    /// About how many minutes the body takes to read silently, for text in alphabetic scripts:
    /// letters at 1,100 a minute. That rate comes from two published figures: silent reading of
    /// English non-fiction runs at 238 words a minute of 4.6 letters (Brysbaert 2019; Brysbaert,
    /// Dirix, Duyck and Sui 2021, who found that across word lengths the letter rate stays put),
    /// and reading aloud over 17 languages averages 863 characters a minute against 183 words a
    /// minute aloud in English (Trauzettel-Klosinski and Dietz 2012; Brysbaert 2019). Counting
    /// letters rather than words lets languages with long words take longer. `None` for scripts
    /// without such a figure (CJK) and for empty bodies.
    pub fn reading_minutes(&self) -> Option<u32> {
        const LETTERS_PER_MINUTE: f64 = 1_100.0;
        let (mut letters, mut cjk) = (0usize, 0usize);
        self.each_body_unit(|unit| {
            for c in unit.chars() {
                if crate::words::is_cjk(c) {
                    cjk += 1;
                } else if c.is_alphabetic() {
                    letters += 1;
                }
            }
            true
        });
        if letters == 0 || cjk * 10 > letters {
            return None;
        }
        Some(((letters as f64 / LETTERS_PER_MINUTE).ceil() as u32).max(1))
    }

    /// How many words the body holds (CJK characters count one each).
    pub fn word_count(&self) -> usize {
        let mut count = 0;
        self.each_body_unit(|unit| {
            count += crate::words::count_words(&unit);
            true
        });
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_guessed_from_as_much_of_the_body_as_the_guess_reads() {
        // Long enough that the guess stops reading partway: English first, then German.
        let english = "The harbour reopened to boats after the storms, and the town was glad of it.";
        let german = "Der Hafen wurde nach den Stürmen wieder geöffnet, und die Stadt war froh darüber.";
        for (first, then) in [(english, german), (german, english)] {
            let mut article = Article::default();
            for i in 0..6_000 {
                article.blocks.push(Block::paragraph(if i < 3_000 { first } else { then }));
            }
            article.blocks.push(Block::paragraph(" "));
            let whole = crate::lang::guess(&article.body_units().join("\n"));
            assert_eq!(article.guess_lang(), whole);
            assert!(whole.0.is_some());
        }
        let short = Article { blocks: vec![Block::paragraph(english), Block::paragraph(german)], ..Article::default() };
        assert_eq!(short.guess_lang(), crate::lang::guess(&short.body_units().join("\n")));
    }
}
