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

/// A sentence the new version adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addition {
    /// Byte range of the sentence in the new text.
    pub sentence: Range<usize>,
    /// The old sentences this one took the place of, when it was a rewrite
    /// rather than an insertion.
    pub replaced: Option<String>,
}

/// The sentences that `new` adds to `old`. With no old version every
/// sentence is added.
pub fn additions(old: Option<&str>, new: &str) -> Vec<Addition> {
    let new_ranges = segment::sentences(new);
    let Some(old) = old else {
        return new_ranges
            .into_iter()
            .map(|sentence| Addition {
                sentence,
                replaced: None,
            })
            .collect();
    };
    let old_ranges = segment::sentences(old);
    let old_keys: Vec<String> = old_ranges
        .iter()
        .map(|r| normalise(&old[r.clone()]))
        .collect();
    let new_keys: Vec<String> = new_ranges
        .iter()
        .map(|r| normalise(&new[r.clone()]))
        .collect();
    let old_set: HashSet<&str> = old_keys.iter().map(String::as_str).collect();
    let mut added = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (inserted, replaced) = match op {
            DiffOp::Insert {
                new_index, new_len, ..
            } => (new_index..new_index + new_len, None),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                new_index..new_index + new_len,
                Some(old_keys[old_index..old_index + old_len].join(" ")),
            ),
            DiffOp::Equal { .. } | DiffOp::Delete { .. } => continue,
        };
        added.extend(
            inserted
                .filter(|&i| !old_set.contains(new_keys[i].as_str()))
                .map(|i| Addition {
                    sentence: new_ranges[i].clone(),
                    replaced: replaced.clone(),
                }),
        );
    }
    added
}

/// The additions that overlap `span`; empty when the span is old text.
pub fn touching<'a>(added: &'a [Addition], span: &Range<usize>) -> Vec<&'a Addition> {
    added
        .iter()
        .filter(|a| a.sentence.start < span.end && span.start < a.sentence.end)
        .collect()
}

fn normalise(sentence: &str) -> String {
    sentence.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(old: Option<&str>, new: &str) -> Vec<String> {
        additions(old, new)
            .into_iter()
            .map(|a| new[a.sentence].to_owned())
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
        let replaced: Vec<Option<String>> = additions(Some(old), new)
            .into_iter()
            .map(|a| a.replaced)
            .collect();
        assert_eq!(replaced, vec![Some("Two is here.".to_owned()), None]);
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
        let added = additions(None, "Aaaa. Bbbb. Cccc.");
        assert_eq!(touching(&added, &(0..3)).len(), 1);
        assert_eq!(touching(&added, &(3..8)).len(), 2);
        assert!(touching(&added, &(100..120)).is_empty());
    }
}
