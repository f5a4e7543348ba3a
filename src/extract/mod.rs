//! Article extraction: HTML bytes in, [`Article`] out.
//!
//! Pure: no I/O, no clock, no global state. Bytes of any shape (malformed HTML,
//! any encoding, binary junk) produce an `Article`, possibly empty, never a
//! panic. The text keeps paragraph structure, one paragraph per line, which is
//! what `diff` and `detect` rely on.
//!
//! Stages: `charset` decodes, html5ever (via scraper) parses, `metadata` reads
//! the head and structured data, `flat` copies the text-bearing DOM without
//! boilerplate, `body` picks the article's container, `paragraphs` writes it.
//! See docs/extraction.md for the measurements behind the choices.

mod body;
mod charset;
mod classify;
mod flat;
mod metadata;
mod paragraphs;

use scraper::{ElementRef, Html, Selector};

use flat::{Flat, visible_chars};

pub use charset::decode_html;

/// What the caller may tell the extractor about a page.
#[derive(Debug, Default, Clone)]
pub struct ExtractOptions<'a> {
    /// The `charset` parameter of the HTTP Content-Type, if any.
    pub header_charset: Option<&'a str>,
    /// A per-source CSS selector for the body; it takes precedence when it matches.
    pub selector: Option<&'a Selector>,
}

/// The article a page carries.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// As the page states it (ISO 8601 where the page uses it).
    pub published: Option<String>,
    pub canonical_url: Option<String>,
    /// Body paragraphs joined by `\n`.
    pub text: String,
}

/// Parses a CSS selector from configuration, with the parser's message on error.
pub fn parse_selector(css: &str) -> Result<Selector, String> {
    Selector::parse(css).map_err(|e| e.to_string())
}

/// The article in `html`: the per-source selector's matches when it matches
/// any text, otherwise the generic extractor's choice.
pub fn extract(html: &[u8], options: &ExtractOptions) -> Article {
    let source = decode_html(html, options.header_charset);
    let document = Html::parse_document(&source);
    let found = metadata::metadata(&document);
    let mut paragraphs = options
        .selector
        .map(|selector| selected_paragraphs(&document, selector))
        .filter(|paragraphs| !paragraphs.is_empty())
        .unwrap_or_else(|| generic_paragraphs(&document, found.json_ld_body.as_deref()));
    // Containers often repeat the headline (an h2 above the body, a teaser
    // of this very story); the title field carries it already.
    paragraphs.retain(|paragraph| !found.is_headline(paragraph));
    Article {
        title: found.title,
        byline: found.byline,
        published: found.published,
        canonical_url: found.canonical_url,
        text: paragraphs.join("\n"),
    }
}

/// Text of every outermost element the selector matches; boilerplate inside
/// them is still dropped.
fn selected_paragraphs(document: &Html, selector: &Selector) -> Vec<String> {
    let mut matched: Vec<ElementRef> = Vec::new();
    for element in document.select(selector) {
        // Matches come in document order, so a nested match can only lie
        // inside the latest outermost one.
        let nested = matched
            .last()
            .is_some_and(|outer| element.ancestors().any(|a| a.id() == outer.id()));
        if !nested {
            matched.push(element);
        }
    }
    matched
        .into_iter()
        .flat_map(|element| {
            let flat = Flat::build(element);
            paragraphs::paragraphs(&flat, 0)
        })
        .collect()
}

/// JSON-LD `articleBody` is used only when the DOM gives clearly less than it:
/// it often lacks paragraph breaks or carries only a teaser, while the DOM
/// keeps the structure the diff needs.
const JSON_LD_OVER_DOM: u32 = 2;

fn generic_paragraphs(document: &Html, json_ld_body: Option<&str>) -> Vec<String> {
    let mut flat = Flat::build(document.root_element());
    let container = body::best_container(&mut flat);
    let paragraphs = paragraphs::paragraphs(&flat, container);
    let dom_chars: u32 = paragraphs.iter().map(|p| visible_chars(p)).sum();
    match json_ld_body {
        Some(body)
            if !body.contains('<')
                && visible_chars(body) > dom_chars.saturating_mul(JSON_LD_OVER_DOM) =>
        {
            body.lines()
                .map(paragraphs::collapse_whitespace)
                .filter(|line| !line.is_empty())
                .collect()
        }
        _ => paragraphs,
    }
}
