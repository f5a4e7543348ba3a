//! Detection: article text in, the countries and quotes it reports about US
//! third-country deportation agreements out.
//!
//! Pure: no I/O, no clock, no global mutable state. Rules come from language
//! (a gazetteer, cue words, sentence syntax), never from particular articles.
//! Every finding carries the byte span of its evidence so that the pipeline
//! can keep only findings that a change added (see `diff`).

mod countries;
pub mod gazetteer;
mod lexicon;
mod quotes;
mod words;

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
    /// The person who said it, by the fullest name the article gives.
    /// `None` when the quote is unattributed, anonymous or an institution's
    /// (the evidence then names the institution).
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
    let words = words::words(text);
    let mentions = gazetteer::mentions(text);
    let countries = countries::find(text, &sentences, &words, &mentions);
    let quotes = quotes::find(text, &sentences, &words, &mentions, &countries);
    Findings { countries, quotes }
}

/// The identity of a quote for novelty: the same words with different
/// punctuation, case, quote marks, dashes or apostrophes give the same key,
/// and a trimmed quote's key is a substring of the full quote's key.
pub fn quote_key(quote: &str) -> String {
    let mut key = String::with_capacity(quote.len());
    let mut pending_space = false;
    let mut previous: Option<char> = None;
    let mut chars = quote.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.extend(c.to_lowercase().map(fold_accent));
        } else {
            let next = chars.peek().copied();
            // "we're" and "we’re" are one word; "1,000" is one number.
            let apostrophe = matches!(c, '\'' | '’' | '‘')
                && previous.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic);
            let digit_separator = matches!(c, ',' | '.')
                && previous.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            if !(apostrophe || digit_separator) {
                pending_space = true;
            }
        }
        previous = Some(c);
    }
    key
}

/// Outlets differ in keeping accents ("Côte", "Cote"); keys drop them.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_key_ignores_marks_case_dashes_and_apostrophes() {
        assert_eq!(
            quote_key("“We’re taking them — as a favor,” he said"),
            quote_key("\"we're taking them -- as a favor\" HE SAID")
        );
        assert_eq!(quote_key("It costs $1,000."), "it costs 1000");
        assert!(
            quote_key("Would you do that, as a favor to us?").contains(&quote_key("as a favor"))
        );
        assert_eq!(quote_key("Côte d'Ivoire"), quote_key("Cote d’Ivoire"));
    }

    #[test]
    fn finds_a_new_destination_and_its_evidence_sentence() {
        let text = "Some background.\nEswatini's government agreed to accept people deported from the United States, officials said.";
        let findings = detect(text);
        assert_eq!(findings.countries.len(), 1);
        let eswatini = &findings.countries[0];
        assert_eq!((eswatini.code, eswatini.name), ("SZ", "Eswatini"));
        assert_eq!(
            &text[eswatini.evidence.clone()],
            "Eswatini's government agreed to accept people deported from the United States, officials said."
        );
    }

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        detect(text)
            .quotes
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    fn countries(text: &str) -> Vec<&'static str> {
        detect(text).countries.iter().map(|c| c.code).collect()
    }

    #[test]
    fn nationality_origin_and_other_topics_are_not_destinations() {
        assert_eq!(
            countries("A Guatemalan man was deported to South Sudan in July."),
            vec!["SS"]
        );
        assert_eq!(
            countries("Five men deported to Eswatini are citizens of Vietnam, Jamaica and Cuba."),
            vec!["SZ"]
        );
        assert_eq!(
            countries("Venezuelans deported by the U.S. were sent to a Salvadoran prison."),
            vec!["SV"]
        );
        assert!(countries("Vietnam signed a trade deal with the U.S. to accept more imports, as deportations rose.").is_empty());
        assert!(
            countries(
                "Deportees were held at a detention center in Georgia before flights to nowhere."
            )
            .is_empty()
        );
        assert!(
            countries(
                "Sudan's war has displaced millions; deported migrants were sent to South Sudan."
            )
            .contains(&"SS")
        );
    }

    #[test]
    fn negation_refuses_only_the_refusing_country() {
        assert_eq!(
            countries(
                "Nigeria rejected the request to accept deportees, but Ghana agreed to take them."
            ),
            vec!["GH"]
        );
        assert!(countries("Libya's government denied any deal to receive deportees.").is_empty());
        assert_eq!(
            countries("A judge denied a bid to halt deportations to South Sudan."),
            vec!["SS"]
        );
    }

    #[test]
    fn a_pronoun_carries_the_country_into_the_next_sentence() {
        let text = "The U.S. keeps deporting migrants to third countries.\nEswatini has been great. They took five deportees.";
        let found = detect(text).countries;
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].evidence.clone()],
            "Eswatini has been great. They took five deportees."
        );
        assert!(countries("The U.S. is deporting migrants.\nAsked whether talks were under way with Libya, he declined to say.").is_empty());
    }

    #[test]
    fn people_named_like_countries_are_people() {
        assert!(
            countries("Chad Wolf said the deal with the U.S. to take deportees was a model.")
                .is_empty()
        );
        assert!(
            countries("Rep. Jim Jordan praised the agreement to receive deported migrants.")
                .is_empty()
        );
    }

    #[test]
    fn attribution_forms() {
        let text = "The U.S. is deporting migrants to third countries.\n\
            Secretary of State Marco Rubio met officials.\n\
            \"We will send them far away,\" Rubio said.\n\
            \"They can go to Rwanda,\" he said.\n\
            According to Andrew Selee, the deals \"send a message to migrants.\"\n\
            Kristi Noem said in a statement: \"Deportation flights will continue.\"\n\
            \"We take deportees only temporarily.\" Dlamini said.";
        let found = speakers(text);
        let names: Vec<Option<&str>> = found.iter().map(|(_, s)| s.as_deref()).collect();
        assert_eq!(
            names,
            vec![
                Some("Marco Rubio"),
                Some("Marco Rubio"),
                Some("Andrew Selee"),
                Some("Kristi Noem"),
                Some("Dlamini")
            ]
        );
    }

    #[test]
    fn scare_quotes_are_not_quotes_and_multi_paragraph_quotes_are_one() {
        let text = "Officials called the deportation deals \"safe third country\" pacts.\n\
            \"We will receive deportees from the U.S. under the agreement.\n\
            \"They will stay a year.\"";
        let found = speakers(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "We will receive deportees from the U.S. under the agreement. They will stay a year."
        );
    }

    #[test]
    fn quotes_off_the_deportation_topic_are_dropped() {
        let text = "Eswatini agreed to accept deportees from the U.S.\n\
            Separately, the minister discussed the budget.\n\
            \"The tariffs on our sugar exports are unfair,\" she said.";
        assert!(speakers(text).is_empty());
    }

    #[test]
    fn finds_a_quote_with_title_before_name() {
        let text = "Eswatini agreed to take deportees from the U.S.\n\"We will take them as a favor,\" said Foreign Minister Jane Dlamini.";
        let quotes = detect(text).quotes;
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].text, "We will take them as a favor");
        assert_eq!(quotes[0].speaker.as_deref(), Some("Jane Dlamini"));
        assert_eq!(
            &text[quotes[0].evidence.clone()],
            "\"We will take them as a favor,\" said Foreign Minister Jane Dlamini."
        );
    }
}
