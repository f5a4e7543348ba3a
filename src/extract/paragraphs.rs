//! Writing a chosen subtree out as paragraphs, one per line: blocks and line
//! breaks end a paragraph, whitespace collapses, link lists are dropped.
//!
//! It trusts the flat tree for what is boilerplate; it must not choose the
//! container (that is `body`'s job).

use super::flat::{Flat, Kind, visible_chars};

/// Paragraphs whose characters are mostly link text are menus, tag lists or
/// "read next" teasers, not prose.
const LINK_PARAGRAPH_DENSITY: f32 = 0.5;

/// The paragraphs under `root` (exclusive) in document order.
pub(super) fn paragraphs(flat: &Flat, root: u32) -> Vec<String> {
    let nodes = &flat.nodes;
    let end = nodes[root as usize].end;
    let mut writer = Writer::default();
    // Ends of the blocks currently open: reaching one closes a paragraph.
    let mut open_block_ends: Vec<u32> = Vec::new();
    let mut index = root + 1;
    while index < end {
        while open_block_ends
            .last()
            .is_some_and(|&block_end| block_end <= index)
        {
            open_block_ends.pop();
            writer.flush();
        }
        let node = &nodes[index as usize];
        if node.furniture {
            index = node.end;
            continue;
        }
        match node.kind {
            Kind::Text { text, in_link } => writer.push(text, in_link),
            Kind::Break => writer.flush(),
            Kind::Block | Kind::Heading => {
                writer.flush();
                open_block_ends.push(node.end);
            }
            Kind::Inline => {}
        }
        index += 1;
    }
    writer.flush();
    writer.out
}

#[derive(Default)]
struct Writer {
    current: String,
    link_chars: u32,
    out: Vec<String>,
}

impl Writer {
    fn push(&mut self, text: &str, in_link: bool) {
        if in_link {
            self.link_chars += visible_chars(text);
        }
        self.current.push_str(text);
    }

    fn flush(&mut self) {
        if self.current.is_empty() {
            return;
        }
        let chars = visible_chars(&self.current);
        let keep = chars > 0 && (self.link_chars as f32) <= chars as f32 * LINK_PARAGRAPH_DENSITY;
        if keep {
            self.out.push(collapse_whitespace(&self.current));
        }
        self.current.clear();
        self.link_chars = 0;
    }
}

pub(super) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
