//! Discovery: from a listing page or a feed, the article URLs worth following.
//!
//! Pure: bytes and a base URL in, canonical article URLs out. It decides which
//! links are articles (same site, optional path filter) and what a URL's
//! canonical form is; it neither fetches nor extracts.

use std::collections::HashSet;
use std::sync::LazyLock;

use scraper::{Html, Selector};
use url::Url;

/// Links beyond this many on one listing or feed are ignored: a section page
/// that suddenly lists thousands of links is a redesign, not news.
pub const MAX_LINKS: usize = 200;

/// Query parameters that only track the click; dropping them makes the same
/// article from two feeds one URL.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "ocid",
    "cmpid",
    "ftag",
    "taid",
    "CMP",
    "s_cid",
    "smid",
    "partner",
    "at_medium",
    "at_campaign",
    "cid",
];

#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("not an RSS or Atom feed: {0}")]
    Feed(String),
}

/// The canonical form of an article URL: no fragment, no tracking parameters,
/// no default port.
///
/// ```
/// use pactwatch::discover::canonical_url;
/// let url = url::Url::parse("https://news.example:443/a?utm_source=rss&page=2#comments").unwrap();
/// assert_eq!(canonical_url(&url).as_str(), "https://news.example/a?page=2");
/// ```
pub fn canonical_url(url: &Url) -> Url {
    let mut url = url.clone();
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !k.starts_with("utm_") && !TRACKING_PARAMS.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url
}

/// Same-site article links of a listing page, in page order, without
/// duplicates or the listing itself. `filter`, when set, must occur in the
/// link's path (e.g. "/news/").
pub fn listing_links(html: &str, base: &Url, filter: Option<&str>) -> Vec<Url> {
    static ANCHOR: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("a[href]").expect("static selector"));
    let document = Html::parse_document(html);
    let base_host = site(base);
    let listing = canonical_url(base);
    let mut seen = HashSet::new();
    document
        .select(&ANCHOR)
        .filter_map(|a| base.join(a.value().attr("href")?.trim()).ok())
        .filter(|url| matches!(url.scheme(), "http" | "https"))
        .filter(|url| site(url) == base_host)
        .filter(|url| filter.is_none_or(|f| url.path().contains(f)))
        .map(|url| canonical_url(&url))
        .filter(|url| *url != listing && url.path() != "/")
        .filter(|url| seen.insert(url.clone()))
        .take(MAX_LINKS)
        .collect()
}

/// Item links of an RSS or Atom feed, in feed order. Relative links resolve
/// against the feed's URL.
pub fn feed_links(
    bytes: &[u8],
    base: &Url,
    filter: Option<&str>,
) -> Result<Vec<Url>, DiscoverError> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        .build()
        .parse(bytes)
        .map_err(|e| DiscoverError::Feed(e.to_string()))?;
    let mut seen = HashSet::new();
    Ok(feed
        .entries
        .iter()
        .filter_map(|entry| {
            // Prefer the alternate (HTML) link; Atom entries may list several.
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())?;
            base.join(link.href.trim()).ok()
        })
        .filter(|url| matches!(url.scheme(), "http" | "https"))
        .filter(|url| filter.is_none_or(|f| url.path().contains(f)))
        .map(|url| canonical_url(&url))
        .filter(|url| seen.insert(url.clone()))
        .take(MAX_LINKS)
        .collect())
}

/// The registrable-ish site of a URL: its host without a leading "www.".
fn site(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    host.strip_prefix("www.").map(str::to_owned).unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_drops_tracking_and_fragment() {
        let url = Url::parse("https://ex.org/news/a?utm_source=x&id=7&fbclid=1#top").unwrap();
        assert_eq!(canonical_url(&url).as_str(), "https://ex.org/news/a?id=7");
    }

    #[test]
    fn listing_keeps_same_site_filtered_links_once() {
        let base = Url::parse("https://www.ex.org/section/immigration").unwrap();
        let html = r#"<a href="/news/one">1</a><a href="https://www.ex.org/news/one#c">dup</a>
            <a href="https://other.org/news/x">off-site</a><a href="/about">about</a>
            <a href="mailto:a@b">mail</a><a href="/news/two?utm_medium=rss">2</a>
            <a href="/section/immigration">self</a>"#;
        let links: Vec<String> = listing_links(html, &base, Some("/news/"))
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            links,
            vec!["https://www.ex.org/news/one", "https://www.ex.org/news/two"]
        );
    }

    #[test]
    fn feed_links_from_rss_and_atom() {
        let base = Url::parse("https://ex.org/feed.xml").unwrap();
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>a</title><link>https://ex.org/a?utm_source=rss</link></item>
            <item><title>b</title><link>/b</link></item></channel></rss>"#;
        let links = feed_links(rss, &base, None).unwrap();
        assert_eq!(
            links.iter().map(Url::as_str).collect::<Vec<_>>(),
            vec!["https://ex.org/a", "https://ex.org/b"]
        );
        let atom = br#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2025-01-01T00:00:00Z</updated>
            <entry><title>c</title><id>c</id><updated>2025-01-01T00:00:00Z</updated><link rel="alternate" href="https://ex.org/c"/></entry></feed>"#;
        assert_eq!(
            feed_links(atom, &base, None).unwrap()[0].as_str(),
            "https://ex.org/c"
        );
        assert!(feed_links(b"<html>not a feed</html>", &base, None).is_err());
    }
}
