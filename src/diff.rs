//! Diff: which sentences a new version of an article adds.
//!
//! Pure. Both versions are cut with `segment::sentences` and compared as
//! sequences with `similar`; a sentence counts as added only if its
//! whitespace-normalised text appears nowhere in the old version, so moved
//! paragraphs and re-wrapped text (page churn) add nothing.

use std::collections::HashSet;
use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::segment;

/// Byte ranges, in `new`, of the sentences that `new` adds to `old`. With no
/// old version every sentence is added.
pub fn added_sentences(old: Option<&str>, new: &str) -> Vec<Range<usize>> {
    let new_ranges = segment::sentences(new);
    let Some(old) = old else {
        return new_ranges;
    };
    let old_keys: Vec<String> = segment::sentences(old)
        .into_iter()
        .map(|r| normalise(&old[r]))
        .collect();
    let new_keys: Vec<String> = new_ranges
        .iter()
        .map(|r| normalise(&new[r.clone()]))
        .collect();
    let old_set: HashSet<&str> = old_keys.iter().map(String::as_str).collect();
    let mut added = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let inserted = match op {
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } => new_index..new_index + new_len,
            DiffOp::Equal { .. } | DiffOp::Delete { .. } => continue,
        };
        added.extend(
            inserted
                .filter(|&i| !old_set.contains(new_keys[i].as_str()))
                .map(|i| new_ranges[i].clone()),
        );
    }
    added
}

/// Whether `span` overlaps any of the `added` ranges.
pub fn touches(added: &[Range<usize>], span: &Range<usize>) -> bool {
    added
        .iter()
        .any(|a| a.start < span.end && span.start < a.end)
}

fn normalise(sentence: &str) -> String {
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(old: Option<&str>, new: &str) -> Vec<String> {
        added_sentences(old, new)
            .into_iter()
            .map(|r| new[r].to_owned())
            .collect()
    }

    #[test]
    fn reports_inserted_and_replaced_sentences_only() {
        let old = "One is here. Two is here.\nThree is here.";
        let new = "One is here. Two was changed.\nThree is here. Four is new.";
        assert_eq!(
            added(Some(old), new),
            vec!["Two was changed.", "Four is new."]
        );
    }

    #[test]
    fn moved_and_rewrapped_text_adds_nothing() {
        let old = "Alpha first.\nBeta  second. Gamma third.";
        let new = "Gamma third.\nAlpha first.\nBeta second.";
        assert!(added(Some(old), new).is_empty());
    }

    #[test]
    fn first_version_adds_everything() {
        assert_eq!(added(None, "A b. C d."), vec!["A b.", "C d."]);
    }

    #[test]
    fn overlap() {
        let added = vec![5..10, 30..40];
        assert!(touches(&added, &(8..20)));
        assert!(!touches(&added, &(10..20)));
        assert!(touches(&added, &(0..31)));
    }
}
