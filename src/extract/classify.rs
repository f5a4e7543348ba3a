//! What an element is to the extractor: dropped with its subtree, boilerplate,
//! a block that separates paragraphs, a line break, or inline text.
//!
//! Decided from the tag, the ARIA role, visibility attributes and the words in
//! `class`/`id`, and nothing else: no site names, no page strings. It must not
//! look at text content; scoring does that.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use scraper::node::Element;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Never text: scripts, styles, widgets, media, form controls.
    Skip,
    /// Page furniture: navigation, rails, comments, captions, share bars.
    Boilerplate,
    /// Starts and ends a paragraph.
    Block,
    /// A heading; a paragraph of its own.
    Heading,
    Break,
    Inline,
}

/// The role of `element` by markup alone. The extraction root is never
/// classified, so a per-source selector can point inside anything.
pub(super) fn role(element: &Element) -> Role {
    let name = element.name();
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "iframe" | "object" | "embed"
        | "canvas" | "video" | "audio" | "map" | "head" | "title" | "meta" | "link" | "button"
        | "select" | "option" | "textarea" | "input" | "dialog" | "math" => {
            return Role::Skip;
        }
        _ => {}
    }
    if is_hidden(element) {
        return Role::Skip;
    }
    if matches!(
        name,
        "nav" | "aside" | "footer" | "header" | "figure" | "figcaption" | "menu"
    ) || element.attr("role").is_some_and(is_boilerplate_role)
    {
        return Role::Boilerplate;
    }
    match name {
        "br" | "hr" => Role::Break,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
        "a" | "abbr" | "b" | "bdi" | "bdo" | "cite" | "code" | "data" | "dfn" | "em" | "font"
        | "i" | "kbd" | "mark" | "q" | "s" | "samp" | "small" | "span" | "strong" | "sub"
        | "sup" | "time" | "u" | "var" | "wbr" | "del" | "ins" | "label" | "big" | "tt"
        | "strike" | "nobr" | "acronym" | "ruby" | "rt" | "rp" | "img" | "picture" | "source" => {
            Role::Inline
        }
        _ => Role::Block,
    }
}

fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

fn is_boilerplate_role(role: &str) -> bool {
    [
        "navigation",
        "complementary",
        "banner",
        "contentinfo",
        "menu",
        "menubar",
        "dialog",
        "alert",
        "search",
    ]
    .iter()
    .any(|r| role.eq_ignore_ascii_case(r))
}

/// How strongly an element's `class`/`id` say it is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NamedAs {
    /// Marked up as the article body (`itemprop="articleBody"`).
    ArticleBody,
    /// Named like an article body (`entry-content`, `story-body`).
    BodyLike,
    Content,
    /// Comment threads: never the article, whatever their size.
    Comments,
    /// Furniture by its name, unless it turns out to hold most of the page's
    /// prose (WordPress puts `author-…` and `tag-…` on the article itself).
    Furniture,
}

/// Fragments that mark comment threads.
const COMMENT_FRAGMENTS: &[&str] = &["comment", "disqus"];

/// Fragments that mark furniture wherever they appear in a class or id
/// (`site-footer`, `relatedArticles`, `comment-list`).
const BOILERPLATE_FRAGMENTS: &[&str] = &[
    "sidebar",
    "related",
    "recommend",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "promo",
    "advert",
    "sponsor",
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "footer",
    "masthead",
    "navbar",
    "navigation",
    "outbrain",
    "taboola",
    "trending",
    "popular",
    "most-read",
    "mostread",
    "more-stories",
    "readmore",
    "read-more",
    "cookie",
    "consent",
    "paywall",
    "modal",
    "popup",
    "widget",
    "toolbar",
    "caption",
    "byline",
    "author",
    "timestamp",
    "pagination",
    "teaser",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "print-only",
    "notification",
];

/// Words that mark furniture only as a whole token (`ad` but not `header`'s
/// letters, `nav` but not `canvas`).
const BOILERPLATE_TOKENS: &[&str] = &[
    "ad", "ads", "adslot", "dfp", "nav", "menu", "header", "tags", "meta", "rail", "skip", "pager",
    "prev", "next", "date", "dateline", "credit", "credits", "topics",
];

const HIDDEN: &str = "hidden";

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// CSS-framework utility classes that hide an element on screen (`d-none`,
/// `hide`, `invisible`), unless a responsive class shows it again at some
/// width (`d-none d-md-block`); `d-print-block` shows it only on paper.
fn is_utility_hidden(value: &str) -> bool {
    let mut hidden = false;
    for class in value.split_ascii_whitespace() {
        if ["d-none", "hide", "invisible"]
            .iter()
            .any(|c| class.eq_ignore_ascii_case(c))
        {
            hidden = true;
        } else if starts_with_ignore_case(class, "d-") && !starts_with_ignore_case(class, "d-print")
        {
            return false;
        }
    }
    hidden
}

/// How far back a layout modifier is looked for; bounded so that a hostile
/// class attribute full of furniture words stays linear.
const MODIFIER_LOOKBACK: usize = 48;

/// Whether the furniture word at `at` only describes the layout around the
/// element (`content-with-sidebar`, `has-comments`, `no-sidebar`), judged by
/// a modifier earlier in the same class name.
fn is_layout_modifier(value: &str, at: usize) -> bool {
    let window = &value.as_bytes()[at.saturating_sub(MODIFIER_LOOKBACK)..at];
    let class_start = window
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |i| i + 1);
    let before = &window[class_start..];
    [&b"with"[..], b"has", b"no", b"without"]
        .iter()
        .any(|modifier| {
            before.windows(modifier.len() + 1).any(|w| {
                w[..modifier.len()].eq_ignore_ascii_case(modifier)
                    && matches!(w[modifier.len()], b'-' | b'_')
            })
        })
}

/// Names that say "this is the article body"; they win over a furniture word
/// in the same attribute (`article-body has-sidebar`).
const CONTENT_FRAGMENTS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article-content",
    "article__body",
    "article__content",
    "story-body",
    "storybody",
    "entry-content",
    "post-content",
    "post-body",
];

/// One automaton over every fragment, so an element's names are scanned once.
/// Patterns are numbered content, then comments, then furniture.
static NAME_FRAGMENTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(
            CONTENT_FRAGMENTS
                .iter()
                .chain(COMMENT_FRAGMENTS)
                .chain(BOILERPLATE_FRAGMENTS),
        )
        .expect("fixed fragment list builds")
});

/// What the element's `class` and `id` call it. The document's `html`,
/// `body` and `main` are never furniture, whatever their classes say.
pub(super) fn named_as(element: &Element) -> NamedAs {
    if element
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return NamedAs::ArticleBody;
    }
    if matches!(element.name(), "html" | "body" | "main") {
        return NamedAs::Content;
    }
    let mut named = NamedAs::Content;
    for value in [element.attr("class"), element.attr("id")]
        .into_iter()
        .flatten()
    {
        for found in NAME_FRAGMENTS.find_overlapping_iter(value) {
            let pattern = found.pattern().as_usize();
            if pattern < CONTENT_FRAGMENTS.len() {
                return NamedAs::BodyLike;
            } else if is_layout_modifier(value, found.start()) {
                continue;
            } else if pattern < CONTENT_FRAGMENTS.len() + COMMENT_FRAGMENTS.len() {
                named = NamedAs::Comments;
            } else if named == NamedAs::Content {
                named = NamedAs::Furniture;
            }
        }
        let furniture_word = value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|token| {
                BOILERPLATE_TOKENS
                    .iter()
                    .any(|word| token.eq_ignore_ascii_case(word))
            });
        // `hidden`, `hidden-xs` hide the element; `field-label-hidden` only
        // hides a label inside it, so the word must start the class.
        let hidden_class = value
            .split_ascii_whitespace()
            .any(|class| starts_with_ignore_case(class, HIDDEN));
        if (furniture_word || hidden_class || is_utility_hidden(value)) && named == NamedAs::Content
        {
            named = NamedAs::Furniture;
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn first_div(html: &str) -> NamedAs {
        let fragment = Html::parse_fragment(html);
        let element = fragment
            .tree
            .nodes()
            .find_map(|node| {
                node.value()
                    .as_element()
                    .filter(|e| e.name() == "div")
                    .cloned()
            })
            .expect("a div");
        named_as(&element)
    }

    #[test]
    fn names_mark_furniture_comments_and_bodies() {
        assert_eq!(
            first_div(r#"<div class="related-stories">"#),
            NamedAs::Furniture
        );
        assert_eq!(first_div(r#"<div id="sidebarRight">"#), NamedAs::Furniture);
        assert_eq!(first_div(r#"<div class="ad-slot">"#), NamedAs::Furniture);
        assert_eq!(
            first_div(r#"<div class="comment-list">"#),
            NamedAs::Comments
        );
        assert_eq!(
            first_div(r#"<div class="entry-content share">"#),
            NamedAs::BodyLike
        );
        assert_eq!(
            first_div(r#"<div itemprop="articleBody" class="nav">"#),
            NamedAs::ArticleBody
        );
    }

    #[test]
    fn words_inside_other_words_are_not_furniture() {
        assert_eq!(
            first_div(r#"<div class="subheader shadow download">"#),
            NamedAs::Content
        );
        assert_eq!(
            first_div(r#"<div class="tag-wework category-business">"#),
            NamedAs::Content
        );
        assert_eq!(
            first_div(r#"<div class="field-label-hidden">"#),
            NamedAs::Content
        );
    }

    #[test]
    fn layout_modifiers_describe_surroundings() {
        assert_eq!(
            first_div(r#"<div class="content-with-sidebar-wrp">"#),
            NamedAs::Content
        );
        assert_eq!(
            first_div(r#"<div class="post has-comments">"#),
            NamedAs::Content
        );
        assert_eq!(
            first_div(r#"<div class="page no_sidebar">"#),
            NamedAs::Content
        );
    }

    #[test]
    fn utility_classes_hide_unless_shown_again() {
        assert_eq!(first_div(r#"<div class="hidden-xs">"#), NamedAs::Furniture);
        assert_eq!(
            first_div(r#"<div class="d-none d-print-block">"#),
            NamedAs::Furniture
        );
        assert_eq!(
            first_div(r#"<div class="d-none d-md-block">"#),
            NamedAs::Content
        );
    }
}
