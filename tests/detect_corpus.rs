//! Scores detection on the labelled corpus (`tests/corpus`) and prints the
//! figures per split; asserts floors well below what the rules achieve, so a
//! regression fails without the test being something to tune against.

#[path = "corpus/eval.rs"]
mod eval;

use std::path::Path;

#[test]
fn corpus_scores_stay_above_floors() {
    let articles = eval::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"));
    assert!(!articles.is_empty());
    let splits: std::collections::BTreeSet<&str> =
        articles.iter().map(|a| a.labels.split.as_str()).collect();
    for split in splits {
        let part: Vec<&eval::Article> = articles
            .iter()
            .filter(|a| a.labels.split == split)
            .collect();
        let score = eval::score(part);
        println!("{split}: {score}");
        for error in &score.errors {
            println!("  {error}");
        }
    }
    let all = eval::score(&articles);
    println!("all: {all}");
    // Each blind split was written by someone who never read the rules and
    // scored once, unseen; it keeps floors near that first score (the first
    // two have been development data since later rounds), so a regression on
    // unseen-style text fails without the floors being something to tune to.
    // (split, country precision, country recall, quote F1, speaker accuracy)
    const BLIND_FLOORS: &[(&str, f64, f64, f64, f64)] = &[
        ("blind", 0.9, 0.9, 0.85, 0.85),
        ("blind2", 0.7, 0.85, 0.85, 0.85),
        ("blind3", 0.65, 0.9, 0.8, 0.8),
        ("blind4", 0.65, 0.8, 0.75, 0.8),
        ("blind5", 0.55, 0.7, 0.85, 0.75),
        ("blind6", 0.7, 0.5, 0.85, 0.75),
        ("blind7", 0.75, 0.9, 0.9, 0.75),
        ("blind8", 0.8, 0.85, 0.9, 0.75),
        ("blind9", 0.65, 0.85, 0.9, 0.9),
        ("blind10", 0.8, 0.85, 0.9, 0.9),
        ("blind11", 0.85, 0.9, 0.85, 0.85),
        ("blind12", 0.8, 0.8, 0.9, 0.9),
        ("blind13", 0.75, 0.9, 0.9, 0.9),
        ("blind14", 0.75, 0.85, 0.9, 0.8),
        ("blind15", 0.85, 0.85, 0.9, 0.85),
        ("blind16", 0.7, 0.75, 0.9, 0.85),
        ("blind17", 0.65, 0.9, 0.9, 0.85),
        ("blind18", 0.75, 0.85, 0.9, 0.8),
        ("blind19", 0.9, 0.9, 0.85, 0.85),
    ];
    for &(split, precision, recall, quote_f1, speakers) in BLIND_FLOORS {
        let part: Vec<&eval::Article> = articles
            .iter()
            .filter(|a| a.labels.split == split)
            .collect();
        if part.is_empty() {
            continue;
        }
        let score = eval::score(part);
        assert!(
            score.countries.precision() >= precision,
            "{split} country precision {score}"
        );
        assert!(
            score.countries.recall() >= recall,
            "{split} country recall {score}"
        );
        assert!(score.quotes.f1() >= quote_f1, "{split} quote F1 {score}");
        assert!(
            score.speaker_accuracy() >= speakers,
            "{split} speaker accuracy {score}"
        );
    }
    let tuned: Vec<&eval::Article> = articles
        .iter()
        .filter(|a| !a.labels.split.starts_with("blind"))
        .collect();
    let all = eval::score(tuned);
    assert!(all.countries.precision() >= 0.9, "country precision {all}");
    assert!(all.countries.recall() >= 0.9, "country recall {all}");
    assert!(all.quotes.f1() >= 0.8, "quote F1 {all}");
    assert!(all.speaker_accuracy() >= 0.8, "speaker accuracy {all}");
}
