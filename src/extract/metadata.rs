//! Title, byline, publication date and canonical URL, from JSON-LD first,
//! then `<meta>` (OpenGraph, article:*, Dublin Core, common CMS names), then
//! visible markup (`<h1>`, `<time>`, `rel=author`, `<title>`).
//!
//! One pass over the parsed nodes in arena order (document order for parsed
//! pages). It reads values as the page states them and must not invent or
//! reformat them.

use scraper::{ElementRef, Html};
use serde_json::Value;

use super::paragraphs::collapse_whitespace;

#[derive(Debug, Default)]
pub(super) struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub canonical_url: Option<String>,
    /// The JSON-LD `articleBody`, for when the DOM yields too little.
    pub json_ld_body: Option<String>,
    /// Every form of the headline the page states, to recognise it when the
    /// body repeats it.
    pub headlines: Vec<String>,
}

impl Metadata {
    /// Whether `paragraph` is the headline again: equal to a stated form, or
    /// the start of the `<title>` before a " | Site" style suffix.
    pub fn is_headline(&self, paragraph: &str) -> bool {
        self.headlines.iter().any(|headline| {
            headline == paragraph
                || (paragraph.chars().count() >= HEADLINE_PREFIX_MIN_CHARS
                    && headline.strip_prefix(paragraph).is_some_and(|rest| {
                        rest.starts_with([' ', '|', '-', '\u{2013}', '\u{2014}', ':'])
                    }))
        })
    }
}

/// A shorter paragraph that starts the title is too likely a coincidence.
const HEADLINE_PREFIX_MIN_CHARS: usize = 20;

/// Candidates as found, before choosing by precedence.
#[derive(Default)]
struct Found {
    json_ld: JsonLdArticle,
    og_title: Option<String>,
    h1: Option<String>,
    html_title: Option<String>,
    meta_author: Option<String>,
    rel_author: Option<String>,
    meta_published: Option<String>,
    itemprop_published: Option<String>,
    first_time: Option<String>,
    link_canonical: Option<String>,
    og_url: Option<String>,
}

#[derive(Default)]
struct JsonLdArticle {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    body: Option<String>,
}

const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
];

const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

pub(super) fn metadata(document: &Html) -> Metadata {
    let mut found = Found::default();
    for node in document.tree.nodes() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let value = element.value();
        match value.name() {
            "meta" => read_meta(value, &mut found),
            "link" => {
                let canonical = value.attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical && found.link_canonical.is_none() {
                    found.link_canonical = non_empty(value.attr("href"));
                }
            }
            "script" => {
                let is_json_ld = value
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_json_ld {
                    let source: String = element.text().collect();
                    if let Ok(json) = serde_json::from_str::<Value>(&source) {
                        read_json_ld(&json, &mut found.json_ld, 0);
                    }
                }
            }
            "title" if found.html_title.is_none() => found.html_title = element_text(element),
            "h1" if found.h1.is_none() => found.h1 = element_text(element),
            "time" => {
                let datetime = non_empty(value.attr("datetime"));
                let is_published = value
                    .attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                if is_published && found.itemprop_published.is_none() {
                    found.itemprop_published = datetime.clone().or_else(|| element_text(element));
                }
                if found.first_time.is_none() {
                    found.first_time = datetime;
                }
            }
            "a" if found.rel_author.is_none() => {
                let is_author = value.attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("author"))
                });
                if is_author {
                    found.rel_author = element_text(element);
                }
            }
            _ => {}
        }
    }
    let headlines: Vec<String> = [
        &found.json_ld.headline,
        &found.og_title,
        &found.h1,
        &found.html_title,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    Metadata {
        title: found
            .json_ld
            .headline
            .or(found.og_title)
            .or(found.h1)
            .or(found.html_title),
        byline: found
            .json_ld
            .author
            .or(found.meta_author)
            .or(found.rel_author),
        published: found
            .json_ld
            .published
            .or(found.meta_published)
            .or(found.itemprop_published)
            .or(found.first_time),
        canonical_url: found.link_canonical.or(found.og_url),
        json_ld_body: found.json_ld.body,
        headlines,
    }
}

fn read_meta(meta: &scraper::node::Element, found: &mut Found) {
    let Some(key) = meta
        .attr("property")
        .or_else(|| meta.attr("name"))
        .or_else(|| meta.attr("itemprop"))
    else {
        return;
    };
    let Some(content) = non_empty(meta.attr("content")) else {
        return;
    };
    let key = key.trim();
    if key.eq_ignore_ascii_case("og:title") {
        found.og_title.get_or_insert(content);
    } else if key.eq_ignore_ascii_case("og:url") {
        found.og_url.get_or_insert(content);
    } else if AUTHOR_META.iter().any(|k| key.eq_ignore_ascii_case(k)) {
        // `article:author` is often a profile URL, which is not a byline.
        if !content.starts_with("http") {
            found.meta_author.get_or_insert(content);
        }
    } else if PUBLISHED_META.iter().any(|k| key.eq_ignore_ascii_case(k)) {
        found.meta_published.get_or_insert(content);
    }
}

/// JSON-LD nests freely (`@graph`, arrays, `mainEntity`); the depth cap keeps
/// hostile input from recursing without end.
const JSON_LD_MAX_DEPTH: u32 = 8;

fn read_json_ld(value: &Value, article: &mut JsonLdArticle, depth: u32) {
    if depth > JSON_LD_MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                read_json_ld(item, article, depth + 1);
            }
        }
        Value::Object(object) => {
            if object.get("@type").is_some_and(is_article_type) {
                if article.headline.is_none() {
                    article.headline = object.get("headline").and_then(json_string);
                }
                if article.author.is_none() {
                    article.author = object.get("author").and_then(author_names);
                }
                if article.published.is_none() {
                    article.published = object.get("datePublished").and_then(json_string);
                }
                if article.body.is_none() {
                    article.body = object
                        .get("articleBody")
                        .and_then(Value::as_str)
                        .map(str::to_owned);
                }
            }
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let Some(inner) = object.get(key) {
                    read_json_ld(inner, article, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn is_article_type(kind: &Value) -> bool {
    let matches = |name: &str| {
        name.ends_with("Article")
            || matches!(
                name,
                "BlogPosting" | "LiveBlogPosting" | "Report" | "SocialMediaPosting"
            )
    };
    match kind {
        Value::String(name) => matches(name),
        Value::Array(names) => names.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn json_string(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(collapse_whitespace)
        .filter(|s| !s.is_empty())
}

fn author_names(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(author_name).collect(),
        other => author_name(other).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

fn author_name(value: &Value) -> Option<String> {
    match value {
        Value::String(name) if !name.starts_with("http") => json_string(value),
        Value::Object(object) => object.get("name").and_then(json_string),
        _ => None,
    }
}

fn element_text(element: ElementRef) -> Option<String> {
    let text = collapse_whitespace(&element.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

fn non_empty(value: Option<&str>) -> Option<String> {
    value.map(collapse_whitespace).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_over_meta_and_markup() {
        let page = Html::parse_document(
            r#"<html><head><title>Site | Story</title>
            <meta property="og:title" content="OG story">
            <meta name="author" content="Meta Writer">
            <link rel="canonical" href="https://example.org/story">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"LD story",
              "author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Bo Li"}],"datePublished":"2025-03-01T10:00:00Z"}]}</script>
            </head><body><h1>Visible story</h1><time datetime="2025-01-01">Jan 1</time></body></html>"#,
        );
        let found = metadata(&page);
        assert_eq!(found.title.as_deref(), Some("LD story"));
        assert_eq!(found.byline.as_deref(), Some("Ana Ruiz, Bo Li"));
        assert_eq!(found.published.as_deref(), Some("2025-03-01T10:00:00Z"));
        assert_eq!(
            found.canonical_url.as_deref(),
            Some("https://example.org/story")
        );
    }

    #[test]
    fn markup_fallbacks_without_structured_data() {
        let page = Html::parse_document(
            r#"<html><head><title>Plain</title></head><body><h1> The  headline </h1>
            <a rel="author" href="/staff/x">Kim Park</a><time datetime="2024-12-24">Dec 24</time></body></html>"#,
        );
        let found = metadata(&page);
        assert_eq!(found.title.as_deref(), Some("The headline"));
        assert_eq!(found.byline.as_deref(), Some("Kim Park"));
        assert_eq!(found.published.as_deref(), Some("2024-12-24"));
        assert_eq!(found.canonical_url, None);
    }
}
