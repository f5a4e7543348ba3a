//! Sentence segmentation shared by `diff` and `detect`, so that a sentence the
//! diff calls "added" is exactly the span detection reports as evidence.
//!
//! Pure: text in, byte ranges out. Written by hand because no maintained Rust
//! crate segments English news copy well ("U.S.", "Sen.", "Jan. 5", initials);
//! the rules here come from English punctuation and abbreviation conventions.

use std::ops::Range;

/// Abbreviations that end with a period but rarely end a sentence, in any
/// case ("gen.", "Gen.", "approx.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "col", "lt",
    "sgt", "capt", "cmdr", "adm", "maj", "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp",
    "amb", "sec", "atty", "msgr", "fr", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "univ",
    "approx", "est", "fig", "al", "mt", "ft", "ave", "blvd", "rd",
];

/// Capitalised abbreviations: months and AP-style US state names ("Jan. 5",
/// "Folkston, Ga."). Matched case-sensitively because several are also
/// lowercase words ("mar", "ill", "mass").
const CAPITALISED_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ala",
    "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
    "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Vt", "Va", "Wash", "Wis", "Wyo",
];

/// Abbreviations that only abbreviate before a number: "No. 2", "Nos. 3".
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "no", "nos", "Art", "art", "p", "pp", "Vol", "vol",
];

/// Splits `text` into sentence byte ranges, never crossing a line break (one
/// paragraph per line is the extractor's output shape). Ranges exclude
/// surrounding whitespace and are in document order.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Absorb runs of terminators and closing quotes/brackets: `?!`, `."`, `.”)`.
            let mut j = i + 1;
            while j < bytes.len() {
                let rest = &line[j..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»'
                ) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let followed_by_space = j >= bytes.len() || line[j..].starts_with(char::is_whitespace);
            if followed_by_space && is_boundary(line, i, j) {
                push_trimmed(start, line, sentence_start, j, out);
                sentence_start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(start, line, sentence_start, bytes.len(), out);
}

/// Decides whether the terminator at `dot` (with the run ending at `run_end`)
/// ends a sentence.
fn is_boundary(line: &str, dot: usize, run_end: usize) -> bool {
    let next = line[run_end..].trim_start().chars().next();
    let Some(next) = next else { return true };
    if line.as_bytes()[dot] != b'.' {
        // `!` and `?` end a sentence unless a lowercase word follows inside a quote
        // (`"Why?" he asked.`).
        return !next.is_lowercase();
    }
    if run_end > dot + 1 && !line[dot + 1..run_end].chars().all(|c| c == '.') {
        // `."` closes a quoted sentence; a following lowercase word continues it.
        return !next.is_lowercase();
    }
    let word = last_word(&line[..dot]);
    if word.is_empty() {
        return !next.is_lowercase();
    }
    // Initials and dotted acronyms: "J.", "U.S.", "D.R.C.".
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let is_dotted = word.contains('.');
    if is_initial {
        return false;
    }
    if is_dotted {
        // "U.S. officials" continues; "to the U.S. The ..." ends when a capitalised
        // function word opens the next sentence.
        return next.is_uppercase() && starts_sentence_word(&line[run_end..]);
    }
    if ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        || CAPITALISED_ABBREVIATIONS.contains(&word)
    {
        return false;
    }
    if NUMBER_ABBREVIATIONS.contains(&word) && next.is_ascii_digit() {
        return false;
    }
    if word.chars().all(|c| c.is_ascii_digit()) && next.is_ascii_digit() {
        return false;
    }
    !next.is_lowercase()
}

/// The token right before a period: letters, digits and inner periods.
fn last_word(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &before[start..]
}

/// Words that, capitalised after an acronym like "U.S.", almost always open a
/// new sentence rather than continue a name.
fn starts_sentence_word(rest: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "In",
        "On",
        "At",
        "But",
        "And",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Their",
        "Its",
        "There",
        "Some",
        "Many",
        "Most",
        "More",
        "Officials",
        "According",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "As",
        "Since",
        "Under",
        "During",
        "For",
        "With",
        "Still",
        "Yet",
        "So",
        "Meanwhile",
        "However",
        "Now",
        "Last",
        "Earlier",
        "Later",
        "One",
        "Two",
        "Both",
        "Each",
        "No",
        "Not",
        "What",
        "Why",
        "How",
        "Who",
        "Where",
        "Such",
        "From",
        "To",
        "By",
        "Despite",
        "Although",
        "Because",
        "Asked",
        "Critics",
        "Advocates",
    ];
    let word: String = rest
        .trim_start()
        .trim_start_matches(['"', '“', '\''])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    OPENERS.contains(&word.as_str())
}

fn push_trimmed(base: usize, line: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let piece = &line[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = base + from + lead;
        out.push(s..s + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_sentences() {
        let text = "Sen. Jane Doe met U.S. officials on Jan. 5 in Washington. J. R. Smith, No. 2 at the agency, agreed.";
        assert_eq!(
            split(text),
            vec![
                "Sen. Jane Doe met U.S. officials on Jan. 5 in Washington.",
                "J. R. Smith, No. 2 at the agency, agreed."
            ]
        );
    }

    #[test]
    fn ends_after_acronym_when_a_new_sentence_opens() {
        let text = "They were flown out of the U.S. The flight landed in Kigali.";
        assert_eq!(
            split(text),
            vec![
                "They were flown out of the U.S.",
                "The flight landed in Kigali."
            ]
        );
    }

    #[test]
    fn quotes_close_sentences_and_attribution_continues() {
        let text =
            "\"We will not accept them,\" he said. \"Why?\" she asked. \"No.\" Then silence.";
        assert_eq!(
            split(text),
            vec![
                "\"We will not accept them,\" he said.",
                "\"Why?\" she asked.",
                "\"No.\"",
                "Then silence."
            ]
        );
    }

    #[test]
    fn numbers_states_and_months_keep_their_periods() {
        let text = "He ranked No. 2 on the list. FOLKSTON, Ga. (AP) — Men held since Sept. 3 said no. Then they left at 5 p.m. Officials confirmed it.";
        assert_eq!(
            split(text),
            vec![
                "He ranked No. 2 on the list.",
                "FOLKSTON, Ga. (AP) — Men held since Sept. 3 said no.",
                "Then they left at 5 p.m.",
                "Officials confirmed it."
            ]
        );
    }

    #[test]
    fn curly_quotes_and_guillemets_close_sentences() {
        let text = "“We agreed.” Officials said so. «C’est fait.» Then Rep. Jim Jordan spoke. Was it legal?” she asked.";
        assert_eq!(
            split(text),
            vec![
                "“We agreed.”",
                "Officials said so.",
                "«C’est fait.»",
                "Then Rep. Jim Jordan spoke.",
                "Was it legal?” she asked."
            ]
        );
    }

    #[test]
    fn never_crosses_paragraph_lines() {
        let text = "First paragraph without a stop\nSecond one. Two sentences.";
        assert_eq!(
            split(text),
            vec![
                "First paragraph without a stop",
                "Second one.",
                "Two sentences."
            ]
        );
    }
}
