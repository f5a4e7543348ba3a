//! Detection: article text in, the countries and quotes it reports about US
//! third-country deportation agreements out.
//!
//! Pure: no I/O, no clock, no global mutable state. Rules come from language
//! (a gazetteer, cue words, sentence syntax), never from particular articles.
//! Every finding carries the byte span of its evidence so that the pipeline
//! can keep only findings that a change added (see `diff`).

use std::ops::Range;

use crate::segment;

/// A country the text reports as receiving, agreeing to receive, or
/// negotiating to receive people deported from the US.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryFinding {
    /// ISO 3166-1 alpha-2 code ("SZ"; "XK" for Kosovo).
    pub code: &'static str,
    /// Common English short name ("Eswatini").
    pub name: &'static str,
    /// Byte range in the text of the evidence sentence.
    pub evidence: Range<usize>,
}

/// A direct quote about deportation agreements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFinding {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// The speaker's fullest name the article gives, when attributed.
    pub speaker: Option<String>,
    /// Byte range in the text of the sentence(s) carrying the quote.
    pub evidence: Range<usize>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Findings {
    pub countries: Vec<CountryFinding>,
    pub quotes: Vec<QuoteFinding>,
}

pub fn detect(text: &str) -> Findings {
    let sentences = segment::sentences(text);
    let _ = sentences;
    Findings::default()
}

/// The identity of a quote for novelty: the same words with different
/// punctuation, case or quote marks give the same key.
pub fn quote_key(quote: &str) -> String {
    let mut key = String::with_capacity(quote.len());
    for word in quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key
}
