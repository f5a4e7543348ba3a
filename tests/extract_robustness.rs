//! `extract` must return an `Article` for any byte sequence, never panic, and
//! keep its output shape (one trimmed, non-empty paragraph per line).
//!
//! A seeded generator (reproducible failures, no extra dependency) feeds it
//! random bytes, random tag soup, mutated fixtures and pathological shapes:
//! deep nesting, unclosed markup, broken JSON-LD, every encoding declaration.

use pactwatch::extract::{ExtractOptions, extract, parse_selector};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const CASES: usize = 600;

fn assert_well_formed(input: &[u8], options: &ExtractOptions) {
    let article = extract(input, options);
    for line in article.text.split('\n') {
        if article.text.is_empty() {
            break;
        }
        assert!(!line.is_empty(), "empty line in {:?}", article.text);
        assert_eq!(line, line.trim(), "untrimmed line in {:?}", article.text);
    }
}

fn fixtures() -> Vec<Vec<u8>> {
    let dir = format!("{}/tests/fixtures/extract", env!("CARGO_MANIFEST_DIR"));
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .map(|entry| std::fs::read(entry.expect("entry").path()).expect("fixture"))
        .collect();
    pages.sort();
    pages
}

const PIECES: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<a href='x'>",
    "</a>",
    "<article>",
    "<script>",
    "</script>",
    "<style>",
    "<table><tr><td>",
    "<h1>",
    "<h2>",
    "<li>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<meta charset=\"shift_jis\">",
    "<meta charset=utf-16>",
    "<svg>",
    "<template>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "\u{0}",
    "\u{feff}",
    "<div class=\"comments\">",
    "<aside>",
    "<div itemprop=\"articleBody\">",
    "<div class=\"éd-none λhidden d-é with-ésidebar\" id=\"😀nav\">",
    "<div class=\"entry-content hidden\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":",
    "{\"@graph\":[[[[",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do. ",
    "Ünïcödé テキスト текст ",
    "\r\n",
    "\t",
    " ",
];

fn tag_soup(rng: &mut StdRng) -> Vec<u8> {
    let mut page = String::new();
    for _ in 0..rng.random_range(0..200) {
        page.push_str(PIECES[rng.random_range(0..PIECES.len())]);
    }
    page.into_bytes()
}

fn mutate(rng: &mut StdRng, page: &[u8]) -> Vec<u8> {
    let mut page = page.to_vec();
    for _ in 0..rng.random_range(1..20) {
        if page.is_empty() {
            break;
        }
        let at = rng.random_range(0..page.len());
        match rng.random_range(0..4) {
            0 => page[at] = rng.random(),
            1 => page.truncate(at),
            2 => {
                let piece = PIECES[rng.random_range(0..PIECES.len())].as_bytes();
                page.splice(at..at, piece.iter().copied());
            }
            _ => {
                let end = (at + rng.random_range(0..64)).min(page.len());
                page.drain(at..end);
            }
        }
    }
    page
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = StdRng::seed_from_u64(0x5eed_0001);
    let charsets = [
        None,
        Some("utf-8"),
        Some("utf-16le"),
        Some("shift_jis"),
        Some("bogus"),
        Some(""),
    ];
    for _ in 0..CASES {
        let mut bytes = vec![0u8; rng.random_range(0..2048)];
        rng.fill(&mut bytes[..]);
        let options = ExtractOptions {
            header_charset: charsets[rng.random_range(0..charsets.len())],
            ..Default::default()
        };
        assert_well_formed(&bytes, &options);
    }
}

#[test]
fn tag_soup_and_mutated_pages_never_panic() {
    let mut rng = StdRng::seed_from_u64(0x5eed_0002);
    let pages = fixtures();
    let selector = parse_selector("div, p > a, article").expect("valid selector");
    for case in 0..CASES {
        let input = if case % 2 == 0 {
            tag_soup(&mut rng)
        } else {
            let page = &pages[rng.random_range(0..pages.len())];
            mutate(&mut rng, page)
        };
        let options = ExtractOptions {
            selector: (case % 3 == 0).then_some(&selector),
            ..Default::default()
        };
        assert_well_formed(&input, &options);
    }
}

#[test]
fn pathological_shapes_never_panic() {
    // Depths stay moderate: html5ever's own cost grows faster than linearly
    // with nesting, and this test is about panics, not parser speed.
    let deep_divs = "<div>".repeat(3_000)
        + "Deep text that is long enough to be prose, really."
        + &"</div>".repeat(3_000);
    let deep_inline = "<p>".to_owned() + &"<b><a href=x>".repeat(1_000) + "text";
    let nested_json = format!(
        "<script type=\"application/ld+json\">{}{}</script><p>body</p>",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let huge_attribute = format!(
        "<div class=\"{}\"><p>text</p></div>",
        "sidebar-".repeat(50_000)
    );
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe<\x00p\x00>\x00h\x00i\x00".to_vec(),
        b"\xfe\xff\x00<\x00p\x00>".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        deep_divs.into_bytes(),
        deep_inline.into_bytes(),
        nested_json.into_bytes(),
        huge_attribute.into_bytes(),
        "<br>".repeat(10_000).into_bytes(),
    ];
    for input in inputs {
        assert_well_formed(&input, &ExtractOptions::default());
    }
}
