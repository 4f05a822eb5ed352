//! The compact form of an article that version `cc2` links carry: the article's text as it
//! stands, with its structure marked by single control characters, so that the compressor
//! sees running text rather than JSON keys.
//!
//! Strings end at [`END`]; a control character inside a string is escaped with [`ESC`].
//! Blocks and inlines start with a tag; lists of them end with [`END`]. An optional value is
//! either present or [`NONE`].

use crate::article::{Article, Block, Cell, Direction, Image, Inline};

const END: char = '\u{2}';
const ESC: char = '\u{1b}';
const NONE: char = '\u{1f}';

const PARAGRAPH: char = '\u{1}';
const HEADING: char = '\u{3}';
const LIST: char = '\u{4}';
const ITEM: char = '\u{5}';
const QUOTE: char = '\u{6}';
const FIGURE: char = '\u{7}';
const CODE: char = '\u{8}';
const TABLE: char = '\u{e}';
const ROW: char = '\u{f}';
const HEADER_CELL: char = '\u{10}';
const CELL: char = '\u{11}';
const RULE: char = '\u{12}';

const EMPHASIS: char = '\u{13}';
const STRONG: char = '\u{14}';
const INLINE_CODE: char = '\u{15}';
const LINK: char = '\u{16}';
const BREAK: char = '\u{17}';
const ANCHOR: char = '\u{18}';
const TEXT: char = '\u{19}';

/// Deepest nesting of blocks and inlines read back (quotes in lists in quotes, emphasis in
/// links…): a hostile link cannot make the reader recurse without end.
const MAX_DEPTH: usize = 64;

/// Writes `article` in the compact form. The page's description (`excerpt`) is left out: the
/// reader never shows it.
pub fn write(article: &Article) -> String {
    let mut w = String::new();
    for field in [&article.title, &article.byline, &article.published, &article.site_name, &article.source_url, &article.lang] {
        opt(&mut w, field.as_deref());
    }
    opt(&mut w, article.dir.map(Direction::as_str));
    for point in &article.summary {
        w.push(ITEM);
        string(&mut w, point);
    }
    w.push(END);
    for field in [&article.dateline, &article.source, &article.copyright, &article.standfirst] {
        opt(&mut w, field.as_deref());
    }
    match &article.lead_image {
        Some(image) => {
            string(&mut w, &image.src);
            string(&mut w, &image.alt);
        }
        None => w.push(NONE),
    }
    blocks(&mut w, &article.blocks);
    w
}

fn string(w: &mut String, s: &str) {
    escaped(w, s);
    w.push(END);
}

fn escaped(w: &mut String, s: &str) {
    for c in s.chars() {
        if is_control(c) {
            w.push(ESC);
        }
        w.push(c);
    }
}

fn is_control(c: char) -> bool {
    c < ' ' && !matches!(c, '\t' | '\n' | '\r')
}

fn opt(w: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(w, s),
        None => w.push(NONE),
    }
}

fn blocks(w: &mut String, list: &[Block]) {
    for b in list {
        block(w, b);
    }
    w.push(END);
}

fn block(w: &mut String, b: &Block) {
    match b {
        Block::Paragraph { content } => {
            w.push(PARAGRAPH);
            inlines(w, content);
        }
        Block::Heading { level, content } => {
            w.push(HEADING);
            w.push(char::from(b'0' + (*level).min(9)));
            inlines(w, content);
        }
        Block::List { ordered, items } => {
            w.push(LIST);
            w.push(if *ordered { 'o' } else { 'u' });
            for item in items {
                w.push(ITEM);
                blocks(w, item);
            }
            w.push(END);
        }
        Block::Quote { blocks: inner } => {
            w.push(QUOTE);
            blocks(w, inner);
        }
        Block::Figure { image, caption } => {
            w.push(FIGURE);
            string(w, &image.src);
            string(w, &image.alt);
            opt_inlines(w, caption.as_deref());
        }
        Block::Code { lang, text } => {
            w.push(CODE);
            opt(w, lang.as_deref());
            string(w, text);
        }
        Block::Table { caption, rows } => {
            w.push(TABLE);
            opt_inlines(w, caption.as_deref());
            for row in rows {
                w.push(ROW);
                for cell in row {
                    w.push(if cell.header { HEADER_CELL } else { CELL });
                    inlines(w, &cell.content);
                }
                w.push(END);
            }
            w.push(END);
        }
        Block::Rule => w.push(RULE),
    }
}

fn opt_inlines(w: &mut String, content: Option<&[Inline]>) {
    match content {
        Some(c) => inlines(w, c),
        None => w.push(NONE),
    }
}

fn inlines(w: &mut String, list: &[Inline]) {
    let mut after_text = false;
    for i in list {
        match i {
            Inline::Text { text } => {
                // Two runs of text in a row, or an empty one, need a mark to stay apart.
                if after_text || text.is_empty() {
                    w.push(TEXT);
                }
                escaped(w, text);
            }
            Inline::Emphasis { content } => {
                w.push(EMPHASIS);
                inlines(w, content);
            }
            Inline::Strong { content } => {
                w.push(STRONG);
                inlines(w, content);
            }
            Inline::Code { text } => {
                w.push(INLINE_CODE);
                string(w, text);
            }
            Inline::Link { href, content } => {
                w.push(LINK);
                string(w, href);
                inlines(w, content);
            }
            Inline::Break => w.push(BREAK),
            Inline::Anchor { id } => {
                w.push(ANCHOR);
                string(w, id);
            }
        }
        after_text = matches!(i, Inline::Text { .. });
    }
    w.push(END);
}

/// Reads an article back; `None` when the text is not a well-formed compact article.
pub fn read(s: &str) -> Option<Article> {
    let mut r = Reader { chars: s.chars().collect(), at: 0, depth: 0 };
    let mut a = Article {
        title: r.opt()?,
        byline: r.opt()?,
        published: r.opt()?,
        site_name: r.opt()?,
        source_url: r.opt()?,
        lang: r.opt()?,
        ..Article::default()
    };
    a.dir = match r.opt()?.as_deref() {
        None => None,
        Some("ltr") => Some(Direction::Ltr),
        Some("rtl") => Some(Direction::Rtl),
        Some(_) => return None,
    };
    while r.eat(ITEM) {
        a.summary.push(r.string()?);
    }
    r.expect(END)?;
    a.dateline = r.opt()?;
    a.source = r.opt()?;
    a.copyright = r.opt()?;
    a.standfirst = r.opt()?;
    a.lead_image = if r.eat(NONE) { None } else { Some(Image { src: r.string()?, alt: r.string()? }) };
    a.blocks = r.blocks()?;
    (r.at == r.chars.len()).then_some(a)
}

struct Reader {
    chars: Vec<char>,
    at: usize,
    depth: usize,
}

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        let yes = self.peek() == Some(c);
        if yes {
            self.at += 1;
        }
        yes
    }

    fn expect(&mut self, c: char) -> Option<()> {
        self.eat(c).then_some(())
    }

    /// Characters up to the next unescaped control character (not consumed).
    fn text(&mut self) -> Option<String> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c == ESC {
                self.at += 1;
                out.push(self.next()?);
            } else if is_control(c) {
                break;
            } else {
                out.push(c);
                self.at += 1;
            }
        }
        Some(out)
    }

    fn string(&mut self) -> Option<String> {
        let s = self.text()?;
        self.expect(END)?;
        Some(s)
    }

    fn opt(&mut self) -> Option<Option<String>> {
        if self.eat(NONE) {
            Some(None)
        } else {
            self.string().map(Some)
        }
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= MAX_DEPTH).then_some(())
    }

    fn blocks(&mut self) -> Option<Vec<Block>> {
        self.enter()?;
        let mut out = Vec::new();
        loop {
            let tag = self.next()?;
            let b = match tag {
                END => break,
                PARAGRAPH => Block::Paragraph { content: self.inlines()? },
                HEADING => {
                    let level = self.next()?.to_digit(10)? as u8;
                    Block::Heading { level, content: self.inlines()? }
                }
                LIST => {
                    let ordered = match self.next()? {
                        'o' => true,
                        'u' => false,
                        _ => return None,
                    };
                    let mut items = Vec::new();
                    while self.eat(ITEM) {
                        items.push(self.blocks()?);
                    }
                    self.expect(END)?;
                    Block::List { ordered, items }
                }
                QUOTE => Block::Quote { blocks: self.blocks()? },
                FIGURE => {
                    let image = Image { src: self.string()?, alt: self.string()? };
                    Block::Figure { image, caption: self.opt_inlines()? }
                }
                CODE => Block::Code { lang: self.opt()?, text: self.string()? },
                TABLE => {
                    let caption = self.opt_inlines()?;
                    let mut rows = Vec::new();
                    while self.eat(ROW) {
                        let mut row = Vec::new();
                        loop {
                            let header = match self.next()? {
                                HEADER_CELL => true,
                                CELL => false,
                                END => break,
                                _ => return None,
                            };
                            row.push(Cell { header, content: self.inlines()? });
                        }
                        rows.push(row);
                    }
                    self.expect(END)?;
                    Block::Table { caption, rows }
                }
                RULE => Block::Rule,
                _ => return None,
            };
            out.push(b);
        }
        self.depth -= 1;
        Some(out)
    }

    fn opt_inlines(&mut self) -> Option<Option<Vec<Inline>>> {
        if self.eat(NONE) {
            Some(None)
        } else {
            self.inlines().map(Some)
        }
    }

    fn inlines(&mut self) -> Option<Vec<Inline>> {
        self.enter()?;
        let mut out = Vec::new();
        loop {
            match self.peek()? {
                END => {
                    self.at += 1;
                    break;
                }
                TEXT => {
                    self.at += 1;
                    out.push(Inline::Text { text: self.text()? });
                }
                c if !is_control(c) || c == ESC => out.push(Inline::Text { text: self.text()? }),
                EMPHASIS => {
                    self.at += 1;
                    out.push(Inline::Emphasis { content: self.inlines()? });
                }
                STRONG => {
                    self.at += 1;
                    out.push(Inline::Strong { content: self.inlines()? });
                }
                INLINE_CODE => {
                    self.at += 1;
                    out.push(Inline::Code { text: self.string()? });
                }
                LINK => {
                    self.at += 1;
                    let href = self.string()?;
                    out.push(Inline::Link { href, content: self.inlines()? });
                }
                BREAK => {
                    self.at += 1;
                    out.push(Inline::Break);
                }
                ANCHOR => {
                    self.at += 1;
                    out.push(Inline::Anchor { id: self.string()? });
                }
                _ => return None,
            }
        }
        self.depth -= 1;
        Some(out)
    }
}
