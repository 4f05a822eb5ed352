//! `cleancopy`: the command-line tool on the same core as the web page.
//!
//! `cleancopy [--format html|page|markdown|text|json|link|epub] [FILE|-]` reads an article (HTML, Markdown or
//! plain text, in any encoding a browser reads) from FILE or standard input and prints its clean copy.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: cleancopy [--format html|page|markdown|text|json|link|epub] [FILE|-]

Reads an article (HTML, Markdown or plain text) from FILE, or from standard input when FILE
is '-' or missing, and prints its clean copy. The encoding is found as a browser finds it:
byte-order mark, then <meta charset>, then detection. The default format is html: the reader
<article> alone; 'page' is a whole self-contained HTML page; 'link' is the share-link
fragment (#cc2.…) that opens the same clean copy in the app; 'epub' is an EPUB 3 book,
written as bytes (redirect it to a file), with the pictures of data: addresses inside it and
every other picture as its text linked to its address (nothing is fetched).";

#[derive(Clone, Copy)]
enum Format {
    Html,
    Markdown,
    Text,
    Json,
    /// A self-contained HTML page, styles inlined, as the app saves it.
    Page,
    /// The share-link fragment.
    Link,
    /// An EPUB 3 book (bytes).
    Epub,
}

struct Args {
    format: Format,
    path: Option<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut format = Format::Html;
    let mut path = None;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "-V" | "--version" => {
                println!("cleancopy {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "-f" | "--format" => Some(args.next().ok_or("--format needs a value: html, page, markdown, text, json, link or epub")?),
            a if a.starts_with("--format=") => Some(a["--format=".len()..].to_string()),
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option '{a}'")),
            _ => {
                if path.replace(arg).is_some() {
                    return Err("give at most one FILE".into());
                }
                None
            }
        };
        if let Some(v) = value {
            format = match v.as_str() {
                "html" => Format::Html,
                "markdown" | "md" => Format::Markdown,
                "text" | "txt" => Format::Text,
                "json" => Format::Json,
                "page" => Format::Page,
                "link" => Format::Link,
                "epub" => Format::Epub,
                other => return Err(format!("unknown format '{other}': use html, page, markdown, text, json, link or epub")),
            };
        }
    }
    Ok(Some(Args { format, path: path.filter(|p| p != "-") }))
}

fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match path {
        Some(p) => {
            let meta = std::fs::metadata(p).map_err(|e| match cleancopy::detect::web_address(p) {
                // `cleancopy https://…`: say why there is no such file, and what to give instead.
                Some(address) if e.kind() == std::io::ErrorKind::NotFound => cleancopy::Error::WebAddress { address }.to_string(),
                _ => format!("cannot read '{p}': {}", io_reason(&e)),
            })?;
            if meta.is_dir() {
                return Err(format!("cannot read '{p}': it is a directory"));
            }
            std::fs::File::open(p)
                .and_then(|f| f.take(cleancopy::MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut bytes))
                .map_err(|e| format!("cannot read '{p}': {}", io_reason(&e)))?;
        }
        None => {
            std::io::stdin()
                .take(cleancopy::MAX_INPUT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {}", io_reason(&e)))?;
        }
    }
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn run() -> Result<(), String> {
    let Some(args) = parse_args(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    let bytes = read_input(args.path.as_deref())?;
    let input = cleancopy::decode(&bytes).map_err(|e| e.to_string())?;
    drop(bytes);
    // JSON's `left_out` reads the page again; otherwise the input is handed over, so that it is
    // freed once the extractor has its own copy.
    let page = matches!(args.format, Format::Json).then(|| input.clone());
    let (article, kind) = cleancopy::extract(input, None).map_err(|e| e.to_string())?;
    let out: Vec<u8> = match args.format {
        Format::Epub => {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
            cleancopy::epub::book(&article, &cleancopy::epub::modified_at(now))
        }
        format => text_output(&article, kind, format, page.as_deref())?.into_bytes(),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&out).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the output: {e}")),
        _ => Ok(()),
    }
}

/// The clean copy in one of the text formats; `page` is the input as read, for JSON's
/// `left_out`.
fn text_output(article: &cleancopy::Article, kind: cleancopy::InputKind, format: Format, page: Option<&str>) -> Result<String, String> {
    Ok(match format {
        Format::Html => cleancopy::render::html(article),
        Format::Page => cleancopy::render::standalone(article),
        Format::Link => format!("#{}\n", cleancopy::share::encode(article)),
        Format::Markdown => cleancopy::render::markdown(article),
        Format::Text => cleancopy::render::text(article),
        Format::Json => {
            let copy = cleancopy::CleanCopy::with_left_out(article, kind, page.unwrap_or_default());
            serde_json::to_string_pretty(&copy).map_err(|e| e.to_string())? + "\n"
        }
        Format::Epub => unreachable!("an EPUB is bytes"),
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cleancopy: {message}");
            ExitCode::FAILURE
        }
    }
}
