//! Word tokens with byte ranges, shared by the country and quote rules.
//!
//! Pure and allocation-light; each word carries its topic cues (see
//! `lexicon`), and nothing of countries or quotes.

use std::ops::Range;

use super::lexicon::{Cues, cues_of, is_third_country_phrase};

/// A word of the text: letters and digits, joined across inner apostrophes,
/// hyphens and periods ("Eswatini's", "third-country", "U.S").
#[derive(Debug, Clone)]
pub struct Word {
    pub range: Range<usize>,
    /// Lowercased, curly apostrophes made straight.
    pub lower: String,
    pub capitalised: bool,
    pub cues: Cues,
}

impl Word {
    /// The word without a possessive "'s", for lexicon look-ups.
    pub fn base(&self) -> &str {
        self.lower.strip_suffix("'s").unwrap_or(&self.lower)
    }

    pub fn is_any(&self, list: &[&str]) -> bool {
        list.contains(&self.base())
    }
}

pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut prev_alnum = false;
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            prev_alnum = true;
            continue;
        }
        let joins = matches!(c, '\'' | '’' | '-' | '.')
            && prev_alnum
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if joins {
            prev_alnum = false;
            continue;
        }
        if let Some(s) = start.take() {
            out.push(make_word(text, s..i));
        }
        prev_alnum = false;
    }
    if let Some(s) = start {
        out.push(make_word(text, s..text.len()));
    }
    for i in 1..out.len() {
        if is_third_country_phrase(&out[i - 1].lower, out[i].base()) {
            out[i - 1].cues.deportation = true;
            out[i].cues.deportation = true;
        }
        // "is studying the American request": a request weighed is talks;
        // one "turned down" or called "indecent" is not.
        if is_weighed_request(&out[i.saturating_sub(WEIGHING_REACH)..i], &out[i]) {
            out[i].cues.relation = true;
            out[i].cues.agreement = true;
        }
    }
    out
}

/// How far before "request" its weighing verb may stand ("studying the
/// American request").
const WEIGHING_REACH: usize = 3;

fn is_weighed_request(before: &[Word], word: &Word) -> bool {
    word.is_any(&["request", "requests", "proposal", "proposals"])
        && before.iter().any(|w| {
            w.is_any(&[
                "studying",
                "considering",
                "weighing",
                "reviewing",
                "examining",
                "evaluating",
            ])
        })
}

fn make_word(text: &str, range: Range<usize>) -> Word {
    let raw = &text[range.clone()];
    let lower = raw.to_lowercase().replace('’', "'");
    let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
    let cues = cues_of(lower.strip_suffix("'s").unwrap_or(&lower));
    Word {
        range,
        lower,
        capitalised,
        cues,
    }
}

/// Index of the first word starting at or after `offset`.
pub fn first_at(words: &[Word], offset: usize) -> usize {
    words.partition_point(|w| w.range.start < offset)
}

/// The byte range of the line (paragraph) holding `offset`, without its
/// newline.
pub fn line_around(text: &str, offset: usize) -> Range<usize> {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |k| offset + k);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_inner_punctuation_only() {
        let text = "Eswatini’s third-country deal, the U.S. said: 'no'.";
        let lowers: Vec<String> = words(text).into_iter().map(|w| w.lower).collect();
        assert_eq!(
            lowers,
            vec![
                "eswatini's",
                "third-country",
                "deal",
                "the",
                "u.s",
                "said",
                "no"
            ]
        );
    }
}
