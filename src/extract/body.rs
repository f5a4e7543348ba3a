//! Choosing the element that holds the article: the subtree whose prose
//! outweighs the link lists and scraps inside it by the widest margin.
//!
//! A few passes over the flat tree, each linear in its size. It only picks;
//! writing the text out is `paragraphs`' job.

use super::flat::{Flat, FlatNode, Kind};

/// Non-link characters a block needs to count as prose (about one sentence).
const PROSE_MIN_CHARS: u32 = 40;

/// Share of link characters above which a block reads as a link list.
const LINK_LIST_DENSITY: f32 = 0.5;

/// What a scrap of short non-link text (a date, a label, a subheading) costs
/// per character; low so that the short lines inside an article do not push
/// the choice down to one of its parts.
const SCRAP_PENALTY: f32 = 0.25;

/// Share of the page's prose above which an element named like furniture is
/// taken for the article's container after all.
const HOLDS_THE_ARTICLE: f32 = 0.5;

/// Settles which furniture-named elements really are furniture, then returns
/// the index of the element marked as the article body, or else of the
/// block whose subtree scores highest outside furniture; the root when
/// nothing scores above zero.
pub(super) fn best_container(flat: &mut Flat) -> u32 {
    let nodes = &mut flat.nodes;
    let mut values: Vec<f32> = nodes.iter().map(block_value).collect();
    discount_lone_prose(nodes, &mut values);
    let mut prose: Vec<f32> = values.iter().map(|v| v.max(0.0)).collect();
    for index in (1..nodes.len()).rev() {
        let parent = nodes[index].parent as usize;
        prose[parent] += prose[index];
    }
    let article_size = prose[0] * HOLDS_THE_ARTICLE;
    for (node, prose) in nodes.iter_mut().zip(&prose) {
        if node.furniture && *prose >= article_size && *prose > 0.0 {
            node.furniture = false;
        }
    }
    let mut scores = values;
    for index in (1..nodes.len()).rev() {
        if !nodes[index].furniture {
            let parent = nodes[index].parent as usize;
            scores[parent] += scores[index];
        }
    }
    let mut in_furniture = vec![false; nodes.len()];
    let mut best = 0;
    let mut best_score = 0.0;
    let mut best_marked: Option<(usize, f32)> = None;
    for (index, node) in nodes.iter().enumerate() {
        let inside = node.furniture || (index > 0 && in_furniture[node.parent as usize]);
        in_furniture[index] = inside;
        if node.marked_article_body
            && !inside
            && prose[index] > 0.0
            && best_marked.is_none_or(|(_, score)| scores[index] > score)
        {
            best_marked = Some((index, scores[index]));
        }
        // `>=`: on a tie the later node in pre-order is a descendant (or a
        // later sibling), so wrappers that add nothing lose to what they wrap.
        if !inside && node.kind == Kind::Block && scores[index] > 0.0 && scores[index] >= best_score
        {
            best = index;
            best_score = scores[index];
        }
    }
    if let Some((index, _)) = best_marked {
        // The page's own articleBody markup beats any score: scores only
        // guess what the markup states.
        return index as u32;
    }
    narrow_to_body_like(nodes, &scores, &in_furniture, best) as u32
}

/// Share of the container's score an element named like an article body
/// (`entry-content`) must keep to replace it.
const BODY_LIKE_SHARE: f32 = 0.7;

/// Within the chosen container, the highest-scoring element named like an
/// article body, when it keeps most of the score: what it leaves out is
/// then furniture the names did not catch.
fn narrow_to_body_like(
    nodes: &[FlatNode],
    scores: &[f32],
    in_furniture: &[bool],
    container: usize,
) -> usize {
    let end = nodes[container].end as usize;
    let threshold = scores[container] * BODY_LIKE_SHARE;
    (container + 1..end)
        .filter(|&index| {
            nodes[index].named_body_like && !in_furniture[index] && scores[index] >= threshold
        })
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
        .unwrap_or(container)
}

/// Weight of a prose block that has no prose sibling in its group: a teaser's
/// summary under its headline, a caption, a bio; an article's paragraphs come
/// in runs.
const LONE_PROSE_WEIGHT: f32 = 0.1;

/// Above this many characters a lone block is an article written as one
/// block with `<br>` breaks, not a summary.
const LONE_PROSE_MAX_CHARS: f32 = 1000.0;

/// Scales down prose blocks that stand alone. Siblings are counted at the
/// nearest ancestor with more than one element child, so one wrapper per
/// paragraph still groups the paragraphs.
fn discount_lone_prose(nodes: &[FlatNode], values: &mut [f32]) {
    // The group a node's children belong to, filled top-down (parents come
    // first in pre-order) so that no chain of wrappers is climbed twice.
    let mut children_group = vec![0usize; nodes.len()];
    for index in 1..nodes.len() {
        children_group[index] = if nodes[index].element_children == 1 {
            children_group[nodes[index].parent as usize]
        } else {
            index
        };
    }
    let group_of = |index: usize| children_group[nodes[index].parent as usize];
    let mut prose_in_group = vec![0u32; nodes.len()];
    for index in 1..nodes.len() {
        if values[index] > 0.0 {
            prose_in_group[group_of(index)] += 1;
        }
    }
    for index in 1..nodes.len() {
        if values[index] > 0.0
            && values[index] < LONE_PROSE_MAX_CHARS
            && prose_in_group[group_of(index)] < 2
        {
            values[index] *= LONE_PROSE_WEIGHT;
        }
    }
}

/// A block that opens with a link this long opens with a headline: it is a
/// teaser (headline and summary in one line, as in tickers), not a paragraph.
const TEASER_HEADLINE_MIN_CHARS: u32 = 30;

/// A block's own contribution: its prose counts for it, teasers count like
/// lone prose, link lists count fully against it, other scraps count a
/// little against it.
fn block_value(node: &FlatNode) -> f32 {
    let (own_chars, own_link_chars) = (node.own_chars, node.own_link_chars);
    if own_chars == 0 {
        return 0.0;
    }
    let plain = own_chars - own_link_chars;
    let link_density = own_link_chars as f32 / own_chars as f32;
    if link_density > LINK_LIST_DENSITY {
        -(own_chars as f32)
    } else if node.leading_link_chars >= TEASER_HEADLINE_MIN_CHARS {
        plain as f32 * LONE_PROSE_WEIGHT
    } else if plain >= PROSE_MIN_CHARS {
        plain as f32
    } else {
        -(own_chars as f32) * SCRAP_PENALTY
    }
}
