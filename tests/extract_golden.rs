//! Golden tests for `extract` on small hand-written layouts: each fixture
//! holds an article among one kind of furniture (teaser rail, comment thread,
//! pull quote and captions, div-only or `<br><br>` paragraphs), and the test
//! asserts the body paragraphs present, one per line, and the furniture absent.

use pactwatch::extract::{Article, ExtractOptions, extract, parse_selector};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract_fixture(name: &str) -> Article {
    extract(&fixture(name), &ExtractOptions::default())
}

fn lines(article: &Article) -> Vec<&str> {
    article.text.lines().collect()
}

fn assert_body(article: &Article, expected: &[&str]) {
    assert_eq!(lines(article), expected, "full text:\n{}", article.text);
}

#[test]
fn teaser_rail_stays_out() {
    let article = extract_fixture("teaser_rail.html");
    assert_body(
        &article,
        &[
            "Guatemala signed an agreement on Tuesday to receive asylum seekers who crossed its territory on their way to the United States, officials said.",
            "The accord, negotiated over several months, would let American authorities send some migrants to Guatemala to seek protection there instead.",
            "\"This is a responsible step,\" the minister said at a press conference in the capital, adding that details would follow.",
        ],
    );
    for teaser in [
        "Honduras",
        "Rwanda",
        "Uganda",
        "Ghana",
        "Bhutan",
        "Palau",
        "More from World",
        "Home",
    ] {
        assert!(!article.text.contains(teaser), "{teaser} leaked");
    }
}

#[test]
fn comment_thread_stays_out() {
    let article = extract_fixture("comments.html");
    assert_eq!(lines(&article).len(), 3, "{}", article.text);
    assert!(
        article
            .text
            .starts_with("A federal judge on Friday blocked")
    );
    for comment in [
        "El Salvador",
        "Eswatini",
        "reader1",
        "42 comments",
        "overturned",
    ] {
        assert!(!article.text.contains(comment), "{comment} leaked");
    }
}

#[test]
fn pull_quotes_and_captions_stay_out() {
    let article = extract_fixture("pull_quote_caption.html");
    assert_body(
        &article,
        &[
            "Deportation flights to Central America resumed on Monday after a pause of several weeks, according to flight tracking data.",
            "Passengers on the first flight said they were not told where they were going until shortly before the plane landed.",
            "\"We were not told where we were going,\" one passenger said, describing a journey that lasted more than a day.",
            "The agency did not respond to questions about how many flights were planned for the rest of the month.",
        ],
    );
    assert!(
        !article.text.contains("Costa Rica"),
        "figure caption leaked"
    );
    assert!(!article.text.contains("Panama City"), "caption div leaked");
}

#[test]
fn div_only_paragraphs_are_paragraphs() {
    let article = extract_fixture("div_paragraphs.html");
    assert_body(
        &article,
        &[
            "Officials in Costa Rica confirmed that a second group of migrants had arrived from the United States late on Wednesday.",
            "The group included families from Asia and Africa, who were taken to a shelter near the border with Panama.",
            "A government spokesperson said the country was acting as a bridge and that the migrants would not stay long.",
        ],
    );
    for furniture in [
        "Front page",
        "Share on",
        "newsletter",
        "Mexico",
        "rights reserved",
    ] {
        assert!(!article.text.contains(furniture), "{furniture} leaked");
    }
}

#[test]
fn double_br_separates_paragraphs() {
    let article = extract_fixture("br_paragraphs.html");
    assert_body(
        &article,
        &[
            "Panama agreed on Thursday to accept deportees from the United States who are not Panamanian citizens, the foreign ministry said.",
            "The arrangement covers people from several countries and is expected to be reviewed after six months, a spokesperson added.",
            "Human rights groups criticised the plan, saying that it left people in a legal limbo far from home.",
        ],
    );
    assert!(!article.text.contains("Kosovo"), "tag list leaked");
    assert!(!article.text.contains("Archive"), "menu leaked");
}

#[test]
fn metadata_and_body_without_headline_byline_or_date_lines() {
    let article = extract_fixture("metadata.html");
    assert_eq!(
        article.title.as_deref(),
        Some("Kosovo agrees to host deportees")
    );
    assert_eq!(article.byline.as_deref(), Some("Lena Hoxha"));
    assert_eq!(article.published.as_deref(), Some("2025-06-12T08:30:00Z"));
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://news.example.org/world/kosovo-deportees")
    );
    assert_body(
        &article,
        &[
            "Kosovo has agreed to temporarily host up to fifty people deported from the United States, the government in Pristina said on Thursday.",
            "The people would stay for one year while arrangements are made for their return to their countries of origin, it said.",
        ],
    );
}

#[test]
fn source_selector_takes_precedence_when_it_matches() {
    let selector = parse_selector("div.more").expect("valid selector");
    let options = ExtractOptions {
        selector: Some(&selector),
        ..Default::default()
    };
    let article = extract(&fixture("teaser_rail.html"), &options);
    assert!(
        article.text.contains("The government in Kigali said"),
        "{}",
        article.text
    );
    assert!(
        !article.text.contains("Guatemala signed"),
        "{}",
        article.text
    );

    let nested = parse_selector("div.layout, div.story").expect("valid selector");
    let options = ExtractOptions {
        selector: Some(&nested),
        ..Default::default()
    };
    let article = extract(&fixture("teaser_rail.html"), &options);
    assert_eq!(
        article.text.matches("Guatemala signed").count(),
        1,
        "nested matches are written once: {}",
        article.text
    );

    let unmatched = parse_selector("div.no-such-class").expect("valid selector");
    let options = ExtractOptions {
        selector: Some(&unmatched),
        ..Default::default()
    };
    let article = extract(&fixture("teaser_rail.html"), &options);
    assert!(
        article.text.starts_with("Guatemala signed"),
        "{}",
        article.text
    );
    assert!(parse_selector("div[").is_err());
}

#[test]
fn legacy_encodings_are_decoded() {
    let page = b"<html><head><meta charset=\"windows-1252\"></head><body><div class=\"story\">\
        <p>Le ministre a d\xe9clar\xe9 que l'accord \xe9tait sign\xe9 et qu'il entrerait en vigueur bient\xf4t.</p>\
        <p>Les d\xe9tails seront publi\xe9s la semaine prochaine par le minist\xe8re des affaires \xe9trang\xe8res.</p>\
        </div></body></html>";
    let article = extract(page, &ExtractOptions::default());
    assert!(
        article.text.contains("a déclaré que l'accord était signé"),
        "{}",
        article.text
    );

    let options = ExtractOptions {
        header_charset: Some("iso-8859-1"),
        ..Default::default()
    };
    let article = extract(&page[..], &options);
    assert!(article.text.contains("bientôt"), "{}", article.text);
}

#[test]
fn json_ld_body_fills_in_when_the_dom_shows_a_stub() {
    let article = extract_fixture("json_ld_paywall.html");
    assert_eq!(
        article.title.as_deref(),
        Some("Eswatini receives five deportees")
    );
    assert_eq!(article.byline.as_deref(), Some("Sipho Dlamini"));
    assert_eq!(article.published.as_deref(), Some("2025-07-16"));
    assert_body(
        &article,
        &[
            "Five men deported from the United States arrived in Eswatini on Tuesday, the government said.",
            "The men, from Vietnam, Jamaica, Laos, Cuba and Yemen, are being held in a correctional facility.",
            "Officials said they would eventually be sent to their home countries, without giving dates.",
        ],
    );
    assert!(!article.text.contains("Subscribe"), "{}", article.text);
}
