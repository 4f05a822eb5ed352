//! html5ever 0.40's tokenizer alone, with the raw-text state switches its tree builder would make.

include!("../../common.rs");

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use std::cell::Cell;

struct S(Cell<u32>);

impl TokenSink for S {
    type Handle = ();
    fn process_token(&self, t: Token, _l: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = t {
            if tag.kind == TagKind::StartTag {
                self.0.set(self.0.get() + 1);
                let n: &str = &tag.name;
                return match n {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "style" | "noscript" | "iframe" | "xmp" | "noembed" | "noframes" => TokenSinkResult::RawData(RawKind::Rawtext),
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    _ => TokenSinkResult::Continue,
                };
            }
        }
        TokenSinkResult::Continue
    }
}

/// The number of start tags in the page.
///
/// # Safety
/// `p` and `len` are those of a buffer from `alloc` holding the page.
#[no_mangle]
pub unsafe extern "C" fn count(p: *const u8, len: usize) -> u32 {
    let s = unsafe { input(p, len) };
    let tok = Tokenizer::new(S(Cell::new(0)), TokenizerOpts::default());
    let q = BufferQueue::default();
    q.push_back(html5ever::tendril::StrTendril::from(&*s));
    let _ = tok.feed(&q);
    tok.end();
    tok.sink.0.get()
}
