//! Files in legacy encodings and UTF-16, declared in a `<meta>` or not, read as a browser reads
//! them: through the core (`decode`, then `clean`) and through the command-line tool. The
//! files are made here, encoded with encoding_rs, so no fixture is committed.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use encoding_rs::Encoding;

/// One language's article, and the encoding its file is written in.
struct Case {
    label: &'static str,
    title: &'static str,
    body: [&'static str; 2],
}

const CASES: &[Case] = &[
    Case {
        label: "windows-1252",
        title: "Café crème – naïve résumé",
        body: [
            "Le café crème du matin, servi à la terrasse, reste le préféré des habitués du quartier, même en hiver.",
            "Un client naïf a laissé son résumé sur la table ; la serveuse l’a rendu, déçue qu’il n’ait pas goûté l’éclair.",
        ],
    },
    Case {
        label: "ISO-8859-2",
        title: "Zażółć gęślą jaźń",
        body: [
            "Pociąg z Krakowa do Gdańska przyjechał wczoraj z godzinnym opóźnieniem, bo na torach leżało drzewo.",
            "Podróżni czekali cierpliwie na peronie, a kierownik pociągu przeprosił ich i rozdał gorącą herbatę.",
        ],
    },
    Case {
        label: "KOI8-R",
        title: "Съешь же ещё этих мягких французских булок",
        body: [
            "Городской совет решил вчера построить новый мост через реку после многих лет споров между жителями.",
            "Работы начнутся весной и продлятся два года, сообщили чиновники на встрече с журналистами в пятницу.",
        ],
    },
    Case {
        label: "Shift_JIS",
        title: "島の図書館が種も貸し出す",
        body: [
            "島の小さな図書館では、本だけでなく野菜や花の種も貸し出しています。借りた人は秋に種を返します。",
            "司書によると、今年は三百人以上が利用し、トマトとカボチャの種が一番人気だったということです。",
        ],
    },
    Case {
        label: "EUC-JP",
        title: "夜行列車が谷に戻ってくる",
        body: [
            "二十年ぶりに、夜行列車が山あいの谷を走ることになりました。切符は来月から駅の窓口で買えます。",
            "町の人々は、観光客が増えることを期待しています。駅前の商店街では記念の催しも計画されています。",
        ],
    },
    Case {
        label: "GBK",
        title: "岛上图书馆也借出种子",
        body: [
            "这个小岛上的图书馆不仅借书，还借出蔬菜和花卉的种子。借种子的人在秋天收获以后把新的种子还回来。",
            "图书馆员说，今年有三百多人借了种子，其中西红柿和南瓜的种子最受欢迎，明年还会增加更多品种。",
        ],
    },
    Case {
        label: "Big5",
        title: "島上圖書館也借出種子",
        body: [
            "這個小島上的圖書館不僅借書，還借出蔬菜和花卉的種子。借種子的人在秋天收穫以後把新的種子還回來。",
            "圖書館員說，今年有三百多人借了種子，其中番茄和南瓜的種子最受歡迎，明年還會增加更多品種。",
        ],
    },
    Case {
        label: "EUC-KR",
        title: "섬 도서관에서 씨앗도 빌려 준다",
        body: [
            "이 작은 섬의 도서관은 책뿐만 아니라 채소와 꽃의 씨앗도 빌려 줍니다. 빌린 사람은 가을에 씨앗을 돌려줍니다.",
            "사서에 따르면 올해 삼백 명이 넘는 주민이 씨앗을 빌렸고, 토마토와 호박 씨앗이 가장 인기가 많았습니다.",
        ],
    },
    Case {
        label: "UTF-16LE",
        title: "Café crème – naïve résumé",
        body: [
            "Le café crème du matin, servi à la terrasse, reste le préféré des habitués du quartier, même en hiver.",
            "Городской совет решил вчера построить новый мост через реку. 島の図書館では種も貸し出しています。",
        ],
    },
    Case {
        label: "UTF-16BE",
        title: "Café crème – naïve résumé",
        body: [
            "Le café crème du matin, servi à la terrasse, reste le préféré des habitués du quartier, même en hiver.",
            "Городской совет решил вчера построить новый мост через реку. 島の図書館では種も貸し出しています。",
        ],
    },
];

/// The case's page as a file would hold it: encoded in its encoding (UTF-16 after a byte-order
/// mark), with `<meta charset>` naming it or not.
fn page(case: &Case, declared: bool) -> Vec<u8> {
    let meta = if declared { format!("<meta charset=\"{}\">", case.label.to_lowercase()) } else { String::new() };
    let html = format!(
        "<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head>\n<body><nav><a href=\"/\">Home</a></nav>\n\
         <article><h1>{title}</h1>\n<p>{}</p>\n<p>{}</p></article></body></html>\n",
        case.body[0],
        case.body[1],
        title = case.title,
    );
    encode(case.label, &html)
}

fn encode(label: &str, text: &str) -> Vec<u8> {
    match label {
        "UTF-16LE" => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
        "UTF-16BE" => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
        _ => {
            let encoding = Encoding::for_label(label.as_bytes()).expect("a known label");
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable, "{label} cannot hold {text:?}");
            bytes.into_owned()
        }
    }
}

/// What the reader sees of `bytes`: the title and the body's text, through the core.
fn read(bytes: &[u8]) -> Result<(String, String), String> {
    let text = cleancopy::decode(bytes).map_err(|e| e.to_string())?;
    let copy = cleancopy::clean(&text, None).map_err(|e| e.to_string())?;
    Ok((copy.title.unwrap_or_default(), copy.text))
}

fn assert_reads_right(case: &Case, declared: bool, got: Result<(String, String), String>) {
    let how = if declared { "declared" } else { "undeclared" };
    let (title, text) = got.unwrap_or_else(|e| panic!("{} ({how}): {e}", case.label));
    assert_eq!(title, case.title, "{} ({how}): the title", case.label);
    for paragraph in case.body {
        assert!(text.contains(paragraph), "{} ({how}): the body lacks {paragraph:?}; it reads:\n{text}", case.label);
    }
}

#[test]
fn a_page_declaring_its_encoding_reads_right_in_every_encoding() {
    for case in CASES {
        assert_reads_right(case, true, read(&page(case, true)));
    }
}

#[test]
fn a_page_declaring_nothing_is_detected_and_reads_right_in_every_encoding() {
    for case in CASES {
        assert_reads_right(case, false, read(&page(case, false)));
    }
}

#[test]
fn the_detected_encoding_is_the_files_own_or_one_that_reads_it_the_same() {
    // chardetng names KOI8-U for Russian KOI8-R text: a superset that decodes it alike.
    for case in CASES {
        let bytes = page(case, false);
        let sniffed = cleancopy::charset::sniff(&bytes);
        let own = Encoding::for_label(case.label.as_bytes()).unwrap();
        if sniffed.encoding != own {
            assert_eq!(sniffed.encoding.decode(&bytes).0, own.decode(&bytes).0, "{} detected as {}", case.label, sniffed.label());
        }
    }
}

#[test]
fn plain_text_files_in_legacy_encodings_read_right() {
    for case in CASES {
        let text = format!("{}\n\n{}\n\n{}\n", case.title, case.body[0], case.body[1]);
        let (_, body) = read(&encode(case.label, &text)).unwrap_or_else(|e| panic!("{}: {e}", case.label));
        assert!(body.contains(case.body[1]), "{}: {body}", case.label);
    }
}

#[test]
fn a_declaration_past_the_first_1024_bytes_is_not_read_but_detection_still_gets_it_right() {
    let case = &CASES[0];
    let html = format!(
        "<!DOCTYPE html><html><head><!-- {} --><meta charset=\"koi8-r\"><title>{t}</title></head><body><article><h1>{t}</h1><p>{}</p><p>{}</p></article></body></html>",
        "padding ".repeat(130),
        case.body[0],
        case.body[1],
        t = case.title
    );
    assert_reads_right(case, false, read(&encode(case.label, &html)));
}

fn cleancopy(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cleancopy"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn cli_reads(args: &[&str], stdin: &[u8]) -> Result<(String, String), String> {
    let (code, out, err) = cleancopy(args, stdin);
    if code != 0 {
        return Err(err);
    }
    let v: serde_json::Value = serde_json::from_str(&out).map_err(|e| e.to_string())?;
    Ok((v["title"].as_str().unwrap_or_default().to_string(), v["text"].as_str().unwrap_or_default().to_string()))
}

/// A fresh folder for this test's files.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cleancopy-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_command_line_tool_reads_each_file_declared_or_not() {
    let dir = folder("encodings");
    for case in CASES {
        for declared in [true, false] {
            let path = dir.join(format!("{}-{declared}.html", case.label));
            std::fs::write(&path, page(case, declared)).unwrap();
            assert_reads_right(case, declared, cli_reads(&["--format", "json", path.to_str().unwrap()], b""));
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_command_line_tool_reads_standard_input_in_any_encoding() {
    for case in CASES {
        assert_reads_right(case, false, cli_reads(&["--format", "json"], &page(case, false)));
    }
}
