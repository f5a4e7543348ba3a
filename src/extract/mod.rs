//! Article extraction: HTML bytes in, [`Article`] out.
//!
//! Pure: no I/O, no clock, no global state. Bytes of any shape (malformed HTML,
//! any encoding, binary junk) produce an `Article`, possibly empty, never a
//! panic. The text keeps paragraph structure, one paragraph per line, which is
//! what `diff` and `detect` rely on.

mod charset;

use scraper::{ElementRef, Html, Node, Selector};

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

pub fn extract(html: &[u8], options: &ExtractOptions) -> Article {
    let source = decode_html(html, options.header_charset);
    let document = Html::parse_document(&source);
    let text = options
        .selector
        .and_then(|selector| {
            let text = document
                .select(selector)
                .map(|el| paragraphs(el).join("\n"))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            (!text.is_empty()).then_some(text)
        })
        .unwrap_or_else(|| body_text(&document));
    Article {
        title: title(&document),
        byline: meta(&document, &["author", "article:author"]),
        published: meta(&document, &["article:published_time", "date", "pubdate"]).or_else(|| {
            select_first(&document, "time[datetime]")
                .and_then(|t| t.value().attr("datetime").map(str::to_owned))
        }),
        canonical_url: select_first(&document, "link[rel=canonical]")
            .and_then(|l| l.value().attr("href").map(str::to_owned)),
        text,
    }
}

fn select_first<'a>(document: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(css).ok()?;
    document.select(&selector).next()
}

fn meta(document: &Html, names: &[&str]) -> Option<String> {
    let selector = Selector::parse("meta[content]").ok()?;
    names.iter().find_map(|name| {
        document.select(&selector).find_map(|m| {
            let el = m.value();
            let key = el.attr("property").or_else(|| el.attr("name"))?;
            if !key.eq_ignore_ascii_case(name) {
                return None;
            }
            Some(collapse(el.attr("content")?)).filter(|c| !c.is_empty())
        })
    })
}

fn title(document: &Html) -> Option<String> {
    meta(document, &["og:title"])
        .or_else(|| select_first(document, "h1").map(|h| collapse(&h.text().collect::<String>())))
        .or_else(|| {
            select_first(document, "title").map(|t| collapse(&t.text().collect::<String>()))
        })
        .filter(|t| !t.is_empty())
}

/// The body: the container whose direct paragraphs hold the most text.
fn body_text(document: &Html) -> String {
    let Ok(p) = Selector::parse("p") else {
        return String::new();
    };
    let mut scores: Vec<(ElementRef, usize)> = Vec::new();
    for para in document.select(&p) {
        if in_boilerplate(para) {
            continue;
        }
        let len = collapse(&para.text().collect::<String>()).len();
        if len < 40 {
            continue;
        }
        if let Some(parent) = para.parent().and_then(ElementRef::wrap) {
            match scores.iter_mut().find(|(el, _)| *el == parent) {
                Some((_, score)) => *score += len,
                None => scores.push((parent, len)),
            }
        }
    }
    scores
        .into_iter()
        .max_by_key(|(_, score)| *score)
        .map(|(el, _)| paragraphs(el).join("\n"))
        .unwrap_or_default()
}

fn in_boilerplate(el: ElementRef) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        matches!(v.name(), "nav" | "footer" | "aside" | "header" | "form")
            || v.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                [
                    "comment",
                    "related",
                    "newsletter",
                    "promo",
                    "share",
                    "sidebar",
                ]
                .iter()
                .any(|w| c.contains(w))
            })
    })
}

/// Block-level paragraphs under `root`, as collapsed text, skipping scripts
/// and boilerplate containers.
fn paragraphs(root: ElementRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    walk(root, &mut current, &mut out);
    flush(&mut current, &mut out);
    out
}

fn walk(el: ElementRef, current: &mut String, out: &mut Vec<String>) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if matches!(
                    name,
                    "script"
                        | "style"
                        | "noscript"
                        | "nav"
                        | "aside"
                        | "footer"
                        | "form"
                        | "figure"
                        | "button"
                        | "iframe"
                        | "svg"
                ) {
                    continue;
                }
                let block = matches!(
                    name,
                    "p" | "div"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "li"
                        | "blockquote"
                        | "section"
                        | "article"
                        | "ul"
                        | "ol"
                        | "table"
                        | "tr"
                        | "pre"
                );
                if name == "br" {
                    flush(current, out);
                    continue;
                }
                if block {
                    flush(current, out);
                }
                if let Some(child_el) = ElementRef::wrap(child) {
                    walk(child_el, current, out);
                }
                if block {
                    flush(current, out);
                }
            }
            _ => {}
        }
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let text = collapse(current);
    if !text.is_empty() {
        out.push(text);
    }
    current.clear();
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
