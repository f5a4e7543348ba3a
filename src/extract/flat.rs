//! A flat, pre-order copy of the part of the DOM that can hold article text,
//! built in one walk, with the per-block text counts scoring needs.
//!
//! Subtrees classified as skipped, boilerplate by tag or role, or comment
//! threads are left out entirely, so later stages never see them; elements
//! only *named* like furniture are kept and flagged, for `body` to settle.
//! This module decides nothing about which block is the article; it only
//! measures.

use scraper::{ElementRef, Node};

use super::classify::{NamedAs, Role, named_as, role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind<'a> {
    Text { text: &'a str, in_link: bool },
    Block,
    Heading,
    Break,
    Inline,
}

#[derive(Debug)]
pub(super) struct FlatNode<'a> {
    pub kind: Kind<'a>,
    pub parent: u32,
    /// One past the last descendant: the subtree is `index..end`.
    pub end: u32,
    /// Visible characters whose nearest block ancestor is this node.
    pub own_chars: u32,
    /// The part of `own_chars` inside links.
    pub own_link_chars: u32,
    /// The part of `own_link_chars` before any plain text: a teaser's
    /// headline link opening its summary.
    pub leading_link_chars: u32,
    /// Named like furniture; `body` decides whether it really is.
    pub furniture: bool,
    /// Kept element children: tells a wrapper with one child from a group.
    pub element_children: u32,
    /// Marked up as the article body by the page itself.
    pub marked_article_body: bool,
    /// Named like an article body.
    pub named_body_like: bool,
}

/// The flat tree; index 0 is the root it was built from.
pub(super) struct Flat<'a> {
    pub nodes: Vec<FlatNode<'a>>,
}

impl<'a> Flat<'a> {
    /// Walks the subtree under `root` (the root itself is kept whatever it is,
    /// so a selector may point at boilerplate-looking markup) without
    /// recursion, so hostile nesting depth cannot overflow the stack.
    pub fn build(root: ElementRef<'a>) -> Self {
        let mut nodes: Vec<FlatNode<'a>> = Vec::with_capacity(1024);
        nodes.push(FlatNode::new(Kind::Block, u32::MAX, 0));
        // Each open element: its flat index, the nearest block at or above
        // it, and how many links enclose it.
        let mut open: Vec<Open> = vec![Open {
            index: 0,
            block: 0,
            link_depth: 0,
        }];
        // The first `<h1>` is the headline, which is metadata, not body; some
        // sites use later ones as subheadings.
        let mut headline_seen = false;
        let mut current = root.first_child();
        while let Some(node) = current {
            let top = *open.last().expect("root stays open");
            let mut descend = false;
            match node.value() {
                Node::Text(text) => {
                    let chars = visible_chars(text);
                    let in_link = top.link_depth > 0;
                    let block = &mut nodes[top.block as usize];
                    if in_link && block.own_chars == block.own_link_chars {
                        block.leading_link_chars += chars;
                    }
                    block.own_chars += chars;
                    if in_link {
                        block.own_link_chars += chars;
                    }
                    push_leaf(&mut nodes, top.index, Kind::Text { text, in_link });
                }
                Node::Element(element) => {
                    let named = named_as(element);
                    let is_headline = !headline_seen && element.name() == "h1";
                    headline_seen |= is_headline;
                    let kind = match role(element) {
                        _ if is_headline => None,
                        Role::Skip | Role::Boilerplate => None,
                        _ if named == NamedAs::Comments => None,
                        Role::Block => Some(Kind::Block),
                        Role::Heading => Some(Kind::Heading),
                        Role::Break => Some(Kind::Break),
                        Role::Inline => Some(Kind::Inline),
                    };
                    if let Some(kind) = kind {
                        let index = push_leaf(&mut nodes, top.index, kind);
                        nodes[index as usize].furniture = named == NamedAs::Furniture;
                        nodes[index as usize].marked_article_body = named == NamedAs::ArticleBody;
                        nodes[index as usize].named_body_like = named == NamedAs::BodyLike;
                        nodes[top.index as usize].element_children += 1;
                        if node.has_children() {
                            let is_block = matches!(kind, Kind::Block | Kind::Heading);
                            open.push(Open {
                                index,
                                block: if is_block { index } else { top.block },
                                link_depth: top.link_depth + u32::from(element.name() == "a"),
                            });
                            descend = true;
                        }
                    }
                }
                _ => {}
            }
            if descend {
                current = node.first_child();
                continue;
            }
            // Climb until a next sibling exists, closing finished elements.
            let mut at = node;
            loop {
                if let Some(next) = at.next_sibling() {
                    current = Some(next);
                    break;
                }
                match at.parent() {
                    Some(parent) if parent.id() != root.id() => {
                        let closed = open.pop().expect("a descended element is open");
                        nodes[closed.index as usize].end = nodes.len() as u32;
                        at = parent;
                    }
                    _ => {
                        current = None;
                        break;
                    }
                }
            }
        }
        let len = nodes.len() as u32;
        for still_open in open {
            nodes[still_open.index as usize].end = len;
        }
        Flat { nodes }
    }
}

#[derive(Clone, Copy)]
struct Open {
    index: u32,
    block: u32,
    link_depth: u32,
}

impl<'a> FlatNode<'a> {
    fn new(kind: Kind<'a>, parent: u32, end: u32) -> Self {
        FlatNode {
            kind,
            parent,
            end,
            own_chars: 0,
            own_link_chars: 0,
            leading_link_chars: 0,
            furniture: false,
            element_children: 0,
            marked_article_body: false,
            named_body_like: false,
        }
    }
}

fn push_leaf<'a>(nodes: &mut Vec<FlatNode<'a>>, parent: u32, kind: Kind<'a>) -> u32 {
    let index = nodes.len() as u32;
    nodes.push(FlatNode::new(kind, parent, index + 1));
    index
}

/// Characters a reader sees: code points other than whitespace, counted on
/// the bytes (continuation bytes skipped) to stay cheap.
pub(super) fn visible_chars(text: &str) -> u32 {
    text.bytes()
        .filter(|&b| (b & 0xC0) != 0x80 && !b.is_ascii_whitespace())
        .count() as u32
}
