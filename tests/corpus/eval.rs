//! Scores `detect` against the labelled corpus in this directory: one
//! `NAME.txt` article and one `NAME.toml` label file each. Shared by the
//! `detect_corpus` test and the `detection` bench; reads files, so it lives
//! with the tests, never in the library.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use pactwatch::detect::{detect, quote_key};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Labels {
    /// "dev" (rules were written looking at it) or "heldout" (written after).
    pub split: String,
    pub countries: Vec<String>,
    #[serde(default)]
    pub quotes: Vec<ExpectedQuote>,
}

#[derive(Deserialize)]
pub struct ExpectedQuote {
    pub text: String,
    pub speaker: Option<String>,
}

pub struct Article {
    pub name: String,
    pub text: String,
    pub labels: Labels,
}

pub fn load(dir: &Path) -> Vec<Article> {
    let mut articles: Vec<Article> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|labels_path| {
            let text_path = labels_path.with_extension("txt");
            let labels: Labels =
                toml::from_str(&std::fs::read_to_string(&labels_path).expect("labels"))
                    .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
            Article {
                name: labels_path
                    .file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                text: std::fs::read_to_string(&text_path).expect("article text"),
                labels,
            }
        })
        .collect();
    articles.sort_by(|a, b| a.name.cmp(&b.name));
    articles
}

#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub true_positive: usize,
    pub false_positive: usize,
    pub false_negative: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[derive(Default)]
pub struct Score {
    pub articles: usize,
    pub countries: Counts,
    pub quotes: Counts,
    pub speakers_right: usize,
    pub speakers_judged: usize,
    /// One line per error, for reading what went wrong.
    pub errors: Vec<String>,
}

impl Score {
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speakers_right, self.speakers_judged)
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.countries;
        let q = &self.quotes;
        write!(
            f,
            "{} articles | countries P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {}) | quotes P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {}) | speakers {:.3} ({}/{})",
            self.articles,
            c.precision(),
            c.recall(),
            c.f1(),
            c.true_positive,
            c.false_positive,
            c.false_negative,
            q.precision(),
            q.recall(),
            q.f1(),
            q.true_positive,
            q.false_positive,
            q.false_negative,
            self.speaker_accuracy(),
            self.speakers_right,
            self.speakers_judged
        )
    }
}

/// Quotes match as the store matches them: one key contains the other.
fn same_quote(a: &str, b: &str) -> bool {
    let (a, b) = (quote_key(a), quote_key(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

pub fn score<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Score {
    let mut score = Score::default();
    for article in articles {
        score.articles += 1;
        let findings = detect(&article.text);
        let found: BTreeSet<&str> = findings.countries.iter().map(|c| c.code).collect();
        let expected: BTreeSet<&str> = article
            .labels
            .countries
            .iter()
            .map(String::as_str)
            .collect();
        for code in found.union(&expected) {
            match (found.contains(code), expected.contains(code)) {
                (true, true) => score.countries.true_positive += 1,
                (true, false) => {
                    score.countries.false_positive += 1;
                    let evidence = findings
                        .countries
                        .iter()
                        .find(|c| c.code == *code)
                        .map(|c| &article.text[c.evidence.clone()]);
                    score.errors.push(format!(
                        "{}: country FP {code}: {}",
                        article.name,
                        evidence.unwrap_or("")
                    ));
                }
                (false, true) => {
                    score.countries.false_negative += 1;
                    score
                        .errors
                        .push(format!("{}: country FN {code}", article.name));
                }
                (false, false) => {}
            }
        }
        let mut matched = vec![false; findings.quotes.len()];
        for want in &article.labels.quotes {
            let hit = findings
                .quotes
                .iter()
                .position(|q| same_quote(&q.text, &want.text));
            match hit {
                Some(i) => {
                    matched[i] = true;
                    score.quotes.true_positive += 1;
                    score.speakers_judged += 1;
                    if findings.quotes[i].speaker == want.speaker {
                        score.speakers_right += 1;
                    } else {
                        score.errors.push(format!(
                            "{}: speaker {:?} instead of {:?} for {:?}",
                            article.name, findings.quotes[i].speaker, want.speaker, want.text
                        ));
                    }
                }
                None => {
                    score.quotes.false_negative += 1;
                    score
                        .errors
                        .push(format!("{}: quote FN {:?}", article.name, want.text));
                }
            }
        }
        for (quote, was_matched) in findings.quotes.iter().zip(&matched) {
            if !was_matched {
                score.quotes.false_positive += 1;
                score.errors.push(format!(
                    "{}: quote FP {:?} ({:?})",
                    article.name, quote.text, quote.speaker
                ));
            }
        }
    }
    score
}
