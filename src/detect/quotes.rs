//! Direct quotes about deportation agreements and who said them.
//!
//! Finds quoted spans (straight, curly and guillemet marks, nested quotes,
//! quotes running over paragraphs), drops scare quotes, attributes each to a
//! speaker from the reporting clause around it, and keeps those whose words,
//! sentence or paragraph are about deportation. No Rust crate extracts quotes
//! or speakers, so the parser is written here from English reporting syntax;
//! it must not know any particular speaker or article.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{self, Form, Mention};
use super::lexicon::{
    AUXILIARIES, GIVEN_NAME_COUNTRIES, PERSON_NOUNS, SPEECH_VERBS, WEEKDAYS, is_calendar_word,
};
use super::words::{Word, first_at, line_around, words as tokenize};
use super::{CountryFinding, QuoteFinding};

/// Quotes this short are scare quotes ("so-called 'safe' countries").
const SCARE_QUOTE_MAX_WORDS: usize = 3;

/// How far after a closing mark an attribution may start ("," Rubio said).
const TAIL_REACH: usize = 10;
/// How far a speech verb may stand after a name and its long appositive.
const APPOSITIVE_REACH: usize = 18;

/// A sentence this short after a quote can be its attribution alone.
const ATTRIBUTION_SENTENCE_MAX_WORDS: usize = 8;

const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Leading words of a name phrase that are titles, not the name: "Secretary
/// of State Marco Rubio" -> "Marco Rubio".
const TITLE_WORDS: &[&str] = &[
    // "Speaker Anita Among" of a parliament.
    "speaker",
    "secretary",
    "state",
    "homeland",
    "security",
    "president",
    "vice",
    "foreign",
    "minister",
    "prime",
    "deputy",
    "assistant",
    "attorney",
    "general",
    "director",
    "chief",
    "judge",
    "mayor",
    "interior",
    "border",
    "czar",
    "white",
    "house",
    "press",
    "department",
    "acting",
    "former",
    "senior",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "ambassador",
    "envoy",
    "special",
    "commissioner",
    "official",
    "king",
    "queen",
    "dr",
    "mr",
    "mrs",
    "ms",
    "gen",
    "lt",
    "col",
    "sgt",
    "amb",
    "pres",
    "atty",
    "sec",
    "u.s",
    "us",
    "government",
    "immigration",
    "customs",
    "enforcement",
    "ice",
    "dhs",
    "leader",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "ceo",
    "executive",
    "professor",
    "prof",
    "lawyer",
    "advocate",
    "pope",
    "rev",
    "federal",
    "district",
    "supreme",
    "court",
    "justice",
    "adviser",
    "advisor",
    "affairs",
    "home",
    "public",
    "safety",
    "of",
    "the",
    "for",
    "and",
    "minister's",
    "migration",
    "national",
    "cabinet",
    "member",
    "lawmaker",
    "congressman",
    "congresswoman",
    "democratic",
    "republican",
    "democrat",
    "analyst",
    "researcher",
    "fellow",
    "officer",
    "commander",
    "premier",
    "vice-president",
    "sister",
    "father",
    "brother",
    "reverend",
    "bishop",
    "pastor",
    "imam",
    "sheikh",
    "parliament",
    "opposition",
];

/// Titles that head a title phrase: every word before them qualifies the
/// office, every word after names the holder.
const HEAD_TITLES: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "director",
    "governor",
    "senator",
    "sen",
    "rep",
    "judge",
    "mayor",
    "commissioner",
    "envoy",
    "chairman",
    "chairwoman",
    "czar",
    "premier",
    "king",
    "queen",
];

/// Capitalised words that begin sentences or name days and months, never
/// part of a speaker's name.
fn is_not_name_word(word: &Word) -> bool {
    word.is_any(NOT_NAME_WORDS) || is_calendar_word(word)
}

const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "when",
    "while",
    "after",
    "before",
    "as",
    "if",
    "since",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "there",
    "then",
    "however",
    "meanwhile",
    "still",
    "also",
    "yet",
    "so",
    "for",
    "with",
    "by",
    "from",
    "to",
    "during",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "according",
    "asked",
    "speaking",
    "last",
    "earlier",
    "later",
    "separately",
    "cbs",
    "nbc",
    "abc",
    "cnn",
    "reuters",
    "ap",
    "several",
    "many",
    "some",
    "most",
    "others",
    "both",
    "now",
    "today",
    "here",
    // The deporting country, which the gazetteer leaves out.
    "america",
    "washington",
];

/// Abbreviated titles and initials may be followed by ". " inside a name.
const DOTTED_TITLES: &[&str] = &[
    "sen", "rep", "gov", "dr", "mr", "mrs", "ms", "gen", "lt", "col", "sgt", "amb", "pres", "atty",
    "sec", "prof", "rev", "st", "jr",
];

/// Lowercase words that join the parts of a name ("Secretary of State").
const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "da", "del", "al", "bin", "van", "von", "la", "le", "for", "the",
];

/// Words that make a name phrase an organisation, not a person.
const ORGANISATION_WORDS: &[&str] = &[
    "department",
    "institute",
    "ministry",
    "news",
    "house",
    "agency",
    "office",
    "court",
    "service",
    "council",
    "party",
    "organization",
    "organisation",
    "committee",
    "union",
    "nations",
    "government",
    "administration",
    "center",
    "centre",
    "university",
    "foundation",
    "times",
    "post",
    "press",
    "network",
    "commission",
    "republic",
    "kingdom",
    "states",
    "association",
    "watch",
    "international",
    "project",
    "coalition",
    "group",
    "collective",
    "directorate",
    "bureau",
    "embassy",
    "presidency",
    "secretariat",
    "enforcement",
    "customs",
    "security",
    "protection",
    "unity",
    "lawyers",
];

struct RawQuote {
    /// Content of each paragraph's part, without marks.
    parts: Vec<Range<usize>>,
    /// From the first opening mark to after the last closing mark.
    span: Range<usize>,
}

#[derive(Clone)]
struct NamedPerson {
    at: usize,
    name: String,
    /// Role nouns the article gives the person, before the name ("Judge
    /// Brian Murphy") or in an appositive after it ("Ann Lee, a lawyer"),
    /// so that "the judge said" can name them.
    roles: Vec<String>,
    /// Grammatical gender when the text shows it: a gendered title, a
    /// common given name, or the first "he"/"she" after the name in its
    /// sentence. `None` when unknown; "she said" skips only known men.
    female: Option<bool>,
}

/// Role nouns a definite description can stand for: "the judge wrote",
/// "the minister said".
const ROLE_NOUNS: &[&str] = &[
    "judge",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "secretary",
    "president",
    "senator",
    "ambassador",
    "lawyer",
    "attorney",
    "governor",
    "envoy",
    "commissioner",
    "director",
    "mayor",
    "congressman",
    "congresswoman",
    "lawmaker",
    "researcher",
    "analyst",
    "advocate",
    "chairman",
    "chairwoman",
    "king",
    "queen",
    "professor",
];

/// Nouns for a woman or a man: they open a sentence about someone the text
/// does not name ("A woman who …"), or stand beside a name and give its
/// gender ("her brother, Thanh Le").
const UNNAMED_WOMEN: &[&str] = &[
    "woman",
    "mother",
    "girl",
    "wife",
    "daughter",
    "sister",
    "widow",
    "aunt",
    "niece",
    "grandmother",
    "fiancée",
];
const UNNAMED_MEN: &[&str] = &[
    "man",
    "father",
    "boy",
    "husband",
    "son",
    "brother",
    "widower",
    "uncle",
    "nephew",
    "grandfather",
    "fiancé",
];

/// People the wire leaves unnamed: "a senior official said".
const UNNAMED_ROLES: &[&str] = &[
    "official", "officer", "diplomat", "source", "resident", "aide", "guard", "witness",
];

/// Titles and common given names that show a person's gender, for "he" and
/// "she". A short list of frequent English and Spanish given names and of
/// politicians' given names; anything else stays unknown.
const FEMALE_MARKERS: &[&str] = &[
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "queen",
    "mrs",
    "ms",
    "madam",
    "kristi",
    "tricia",
    "pam",
    "karoline",
    "tammy",
    "tulsi",
    "kamala",
    "hillary",
    "nancy",
    "elizabeth",
    "alexandria",
    "jeanne",
    "maria",
    "mary",
    "ann",
    "anne",
    "anna",
    "jane",
    "sarah",
    "susan",
    "karen",
    "lisa",
    "laura",
    "linda",
    "patricia",
    "jennifer",
    "jessica",
    "michelle",
    "amy",
    "emily",
    "rachel",
    "rebecca",
    "catherine",
    "katherine",
    "claudia",
    "ana",
    "carmen",
    "rosa",
    "sonia",
    "lucia",
    "yolande",
    "thabile",
    "ama",
    "akosua",
    "grace",
    "fatima",
    "amina",
    "aisha",
    "julia",
    "angela",
    "melissa",
    "heather",
    "stephanie",
    "nicole",
    "samantha",
    "kristen",
    "kirsten",
    "marsha",
    "joni",
    "shelley",
    "susan",
    "erin",
];
const MALE_MARKERS: &[&str] = &[
    "spokesman",
    "chairman",
    "congressman",
    "king",
    "mr",
    "sir",
    "marco",
    "donald",
    "tom",
    "stephen",
    "chris",
    "christopher",
    "jd",
    "j.d",
    "joe",
    "john",
    "james",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "thomas",
    "charles",
    "daniel",
    "matthew",
    "mark",
    "paul",
    "peter",
    "andrew",
    "george",
    "brian",
    "kevin",
    "jason",
    "jeffrey",
    "ryan",
    "gary",
    "eric",
    "todd",
    "chuck",
    "mike",
    "jim",
    "bill",
    "bob",
    "ted",
    "rand",
    "nayib",
    "jose",
    "juan",
    "carlos",
    "luis",
    "miguel",
    "jorge",
    "pedro",
    "nicolas",
    "felix",
    "samuel",
    "yusuf",
    "yoweri",
    "alpheous",
    "russell",
    "mahmoud",
    "ahmed",
    "mohamed",
    "mohammed",
    "muhammad",
    "ali",
    "omar",
    "abdul",
    "ibrahim",
    "hakainde",
    "santiago",
    "javier",
    "rodrigo",
    "jose",
    "andres",
    "jesus",
    "antonio",
    "francisco",
    "alejandro",
    "bernardo",
    "gustavo",
];

pub fn find(
    text: &str,
    sentences: &[Range<usize>],
    words: &[Word],
    mentions: &[Mention],
    destinations: &[CountryFinding],
) -> Vec<QuoteFinding> {
    let raw = scan_quotes(text);
    if raw.is_empty() {
        return Vec::new();
    }
    let people = named_people(text, words);
    let paragraphs = paragraphs(text, words, mentions, destinations);
    let mut full_names: HashMap<String, String> = HashMap::new();
    let mut found: Vec<Candidate> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for quote in &raw {
        let quote_text = join_parts(text, &quote.parts);
        if quote_text.split_whitespace().count() <= SCARE_QUOTE_MAX_WORDS {
            continue;
        }
        let key = super::quote_key(&quote_text);
        if key.is_empty() || keys.contains(&key) {
            continue;
        }
        let attribution = attribute(text, sentences, words, quote, &people);
        let (speaker, attributed_span) = match attribution {
            Some((speaker, span)) => {
                let full = full_names
                    .entry(speaker)
                    .or_insert_with_key(|name| expand(text, words, name));
                // "Officials", "Parliament", "Burkina Faso", "the Ministry of
                // Foreign Affairs": a group, a place or an institution is no
                // speaker to report; the attribution still bounds the
                // evidence, which names it.
                (is_speaker(full).then(|| full.clone()), Some(span))
            }
            None => (None, None),
        };
        let covered = match &attributed_span {
            Some(a) => quote.span.start.min(a.start)..quote.span.end.max(a.end),
            None => quote.span.clone(),
        };
        let evidence = sentence_union(sentences, &covered);
        let first = paragraphs.partition_point(|p| p.range.end < quote.span.start);
        let last = paragraphs.partition_point(|p| p.range.end < quote.span.end.saturating_sub(1));
        let own_words = topic_of(words, &quote.span, mentions, destinations);
        keys.push(key);
        found.push(Candidate {
            quote: QuoteFinding {
                text: quote_text,
                speaker: speaker.clone(),
                evidence,
            },
            paragraphs: first..last.max(first) + 1,
            about_deportation: own_words.deportation,
            about_moving_people: own_words.moving_people,
            reported_unnamed: speaker.is_none() && has_reporting_verb(sentences, words, quote),
        });
    }
    inherit_speakers(&mut found);
    speakers_from_previous_paragraph(text, words, &mut found, &paragraphs, &people);
    // An article that reports no destination and never speaks of third
    // countries (a deportation home, local enforcement) carries a quote only
    // when the quote's own words speak of deportation, migrants or their
    // reception ("We will receive our compatriots with dignity"): a family's
    // and neighbours' words are about something else.
    let about_deals = !destinations.is_empty() || speaks_of_third_countries(words);
    let relevant: Vec<bool> = found
        .iter()
        .map(|c| {
            (about_deals || c.about_deportation || c.about_moving_people)
                && is_relevant(text, c, &paragraphs)
        })
        .collect();
    found
        .into_iter()
        .zip(relevant)
        .filter(|(_, relevant)| *relevant)
        .map(|(c, _)| c.quote)
        .collect()
}

/// "third country", "third-country", "safe third", "third nations".
fn speaks_of_third_countries(words: &[Word]) -> bool {
    words.windows(2).any(|p| {
        (p[0].lower == "third" || p[0].lower == "third-country")
            && (p[1].lower.starts_with("countr")
                || p[1].lower.starts_with("nation")
                || p[1].lower.starts_with("state"))
            || (p[0].lower == "safe" && p[1].lower.starts_with("third"))
    }) || words.iter().any(|w| w.lower.starts_with("third-countr"))
}

struct Candidate {
    quote: QuoteFinding,
    /// Indices into the article's non-empty paragraphs.
    paragraphs: Range<usize>,
    about_deportation: bool,
    /// Its own words speak of migrants or of receiving, sending, holding.
    about_moving_people: bool,
    /// Its sentence reports it with a speech verb whose speaker is unnamed
    /// ("said the woman", "the ministry said"): no other speaker applies.
    reported_unnamed: bool,
}

/// What a stretch of text talks about.
#[derive(Clone, Copy, Default)]
struct Topic {
    /// Deportation words ("deported", "third countries").
    deportation: bool,
    /// Relation or migrant words, or a country the article reports as a
    /// destination.
    related: bool,
    /// Trade, war, elections...
    other: bool,
    /// Migrant or agreeing words of its own ("returnees", "receive").
    moving_people: bool,
}

struct Paragraph {
    range: Range<usize>,
    /// Speaks of deportation, or of a relation within a few paragraphs of
    /// text that does.
    on_topic: bool,
    /// Speaks of trade, war, elections…
    other_topic: bool,
}

/// How many paragraphs back deportation talk carries on into a paragraph
/// with no topic words of its own and no other topic.
const CONTINUITY_LOOKBACK: usize = 2;

fn paragraphs(
    text: &str,
    words: &[Word],
    mentions: &[Mention],
    destinations: &[CountryFinding],
) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut topics: Vec<Topic> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let range = start..start + line.trim_end().len();
        start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let topic = topic_of(words, &range, mentions, destinations);
        // Deportation talk anywhere earlier in the article frames a
        // paragraph that only speaks of a relation ("Activists say the deal
        // was never presented to parliament"): a news story keeps its subject
        // unless a paragraph turns to another topic.
        let framed = topics.iter().any(|t| t.deportation);
        // Topic continuity: a paragraph right after deportation talk that
        // turns to nothing else carries it on ("We have no information
        // about these people," said a spokesperson).
        let continued = topics
            .iter()
            .rev()
            .take(CONTINUITY_LOOKBACK)
            .any(|t| t.deportation);
        let on_topic =
            topic.deportation || (!topic.other && ((topic.related && framed) || continued));
        topics.push(topic);
        out.push(Paragraph {
            range,
            on_topic,
            other_topic: topic.other,
        });
    }
    out
}

fn topic_of(
    words: &[Word],
    range: &Range<usize>,
    mentions: &[Mention],
    destinations: &[CountryFinding],
) -> Topic {
    let span = &words[first_at(words, range.start)..first_at(words, range.end)];
    let deportation = span.iter().any(|w| w.cues.deportation);
    let migrants = span.iter().any(|w| w.cues.migrant);
    let relation = span.iter().any(|w| w.cues.relation);
    let inside = mentions.partition_point(|m| m.range.start < range.start)
        ..mentions.partition_point(|m| m.range.start < range.end);
    let names_destination = mentions[inside]
        .iter()
        .any(|m| destinations.iter().any(|d| d.code == m.code));
    Topic {
        deportation: deportation || (migrants && relation),
        related: migrants || relation || names_destination || span.iter().any(|w| w.cues.migration),
        other: span.iter().any(|w| w.cues.other_topic) || shifts_topic(span),
        // "houses" or "held" alone is no talk of moving people.
        moving_people: migrants || span.iter().any(|w| w.cues.agreement),
    }
}

/// Discourse markers that turn a story to another subject: "Separately,",
/// "Noem also discussed the budget", "turning to the economy".
fn shifts_topic(span: &[Word]) -> bool {
    span.iter().any(|w| w.is_any(&["separately", "unrelated"]))
        // "Also Wednesday, Trump departed Qatar": the wire's turn to the
        // day's next item.
        || (span.len() >= 2 && span[0].lower == "also" && span[1].is_any(WEEKDAYS))
        || span.windows(2).any(|p| {
            (p[0].lower == "also"
                && p[1].is_any(&["discussed", "addressed", "spoke", "talked", "touched"]))
                || (p[0].is_any(&["turned", "turning"]) && p[1].lower == "to")
        })
}

/// Quote spans by paragraph. A paragraph that ends inside a quote continues
/// it when the next paragraph opens with a quote mark (the wire convention for
/// a quote running over paragraphs); otherwise the quote ends with the line.
fn scan_quotes(text: &str) -> Vec<RawQuote> {
    let mut quotes = Vec::new();
    let mut open: Option<RawQuote> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.trim_end().len();
        let mut content_start: Option<usize> = None;
        if open.is_some() {
            let trimmed = line.trim_start();
            match trimmed.chars().next() {
                Some(c) if is_opening_mark(c) => {
                    let lead = line.len() - trimmed.len();
                    content_start = Some(line_start + lead + c.len_utf8());
                }
                _ => quotes.extend(open.take()),
            }
        }
        // British style: a paragraph with no double marks quotes with ‘…’.
        if open.is_none() && !line.contains(['"', '“', '”', '«', '»', '„']) {
            quotes.extend(single_quotes(&line[..line_end - line_start], line_start));
            line_start += line.len();
            continue;
        }
        for (i, c) in line.char_indices() {
            let at = line_start + i;
            if content_start.is_some_and(|start| at < start) {
                continue;
            }
            if at >= line_end {
                break;
            }
            match content_start {
                None if is_opening_mark(c) => {
                    content_start = Some(at + c.len_utf8());
                    if open.is_none() {
                        open = Some(RawQuote {
                            parts: Vec::new(),
                            span: at..at,
                        });
                    }
                }
                Some(start) if is_closing_mark(c) => {
                    let q = open
                        .as_mut()
                        .expect("a content start implies an open quote");
                    q.parts.push(start..at);
                    q.span.end = at + c.len_utf8();
                    quotes.push(open.take().expect("checked above"));
                    content_start = None;
                }
                _ => {}
            }
        }
        if let (Some(start), Some(q)) = (content_start, open.as_mut()) {
            q.parts.push(start..line_end);
            q.span.end = line_end;
        }
        line_start += line.len();
    }
    if let Some(q) = open {
        quotes.push(q);
    }
    quotes
}

/// ‘…’ quotes in one paragraph, told from apostrophes ("Palau’s",
/// "don’t"): an opening mark stands after a space or the line start before
/// a letter; a closing one after a non-space and before a space, punctuation
/// or the line end, never between letters.
fn single_quotes(line: &str, offset: usize) -> Vec<RawQuote> {
    let mut quotes = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, n)| n);
        match (c, start) {
            ('‘', None)
                if before.is_none_or(|b| b.is_whitespace() || b == '(')
                    && after.is_some_and(char::is_alphanumeric) =>
            {
                start = Some(i + c.len_utf8());
            }
            ('’', Some(from))
                if before.is_some_and(|b| !b.is_whitespace())
                    && after.is_none_or(|a| a.is_whitespace() || ",.;:!?)—–".contains(a))
                    && !(before.is_some_and(char::is_alphabetic)
                        && after.is_some_and(char::is_alphabetic)) =>
            {
                // "the islands’ leaders": a plural possessive before a
                // lowercase word that is no speech verb or pronoun.
                let next: String = line[i + c.len_utf8()..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let possessive = before == Some('s')
                    && after.is_some_and(char::is_whitespace)
                    && next.starts_with(char::is_lowercase)
                    && !SPEECH_VERBS.contains(&next.as_str())
                    && !PRONOUNS.contains(&next.as_str());
                if possessive {
                    continue;
                }
                quotes.push(RawQuote {
                    parts: std::iter::once(offset + from..offset + i).collect(),
                    span: offset + from - '‘'.len_utf8()..offset + i + c.len_utf8(),
                });
                start = None;
            }
            _ => {}
        }
    }
    quotes
}

fn is_opening_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '„')
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '”' | '»')
}

/// The quoted words: parts joined by a space, without nested quote marks or
/// the comma that hands over to the attribution at either end.
fn join_parts(text: &str, parts: &[Range<usize>]) -> String {
    let joined: Vec<&str> = parts
        .iter()
        .map(|p| {
            text[p.clone()].trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '\'' | '‘' | '’' | ',' | '"' | '“' | '”')
            })
        })
        .filter(|p| !p.is_empty())
        .collect();
    joined.join(" ")
}

fn sentence_union(sentences: &[Range<usize>], span: &Range<usize>) -> Range<usize> {
    let touching: Vec<&Range<usize>> = sentences
        .iter()
        .filter(|s| s.start < span.end && span.start < s.end)
        .collect();
    match (touching.first(), touching.last()) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => span.clone(),
    }
}

/// The speaker and the byte span of the attribution, from the words right
/// after the quote ("," said X; "," X told CBS) or else the reporting clause
/// before it in the same sentence (X said in a statement: "…"; X told CBS
/// that the policy "…").
fn attribute(
    text: &str,
    sentences: &[Range<usize>],
    words: &[Word],
    quote: &RawQuote,
    people: &[NamedPerson],
) -> Option<(String, Range<usize>)> {
    if let Some(found) = transcript_label(text, words, quote) {
        return Some(found);
    }
    let end_sentence = sentences
        .iter()
        .find(|s| s.contains(&quote.span.end.saturating_sub(1)))?;
    let tail_from = first_at(words, quote.span.end);
    let tail_to = first_at(words, end_sentence.end.max(quote.span.end));
    let tail = &words[tail_from..tail_to.min(tail_from + APPOSITIVE_REACH)];
    let glue = text
        .get(quote.span.end..tail.first().map_or(quote.span.end, |w| w.range.start))
        .unwrap_or("");
    if !tail.is_empty()
        && !glue.contains(['.', '?', '!', '"', '“', '”'])
        && let Some(found) = speaker_after(text, tail, people)
    {
        return Some(found);
    }
    let start_sentence = sentences.iter().find(|s| s.contains(&quote.span.start))?;
    let head = &words[first_at(words, start_sentence.start)..first_at(words, quote.span.start)];
    // "In a statement read to lawmakers, he said:" ending the paragraph
    // before: the quote opening the next paragraph is the one announced.
    let announced = || {
        let before = text[..quote.span.start].trim_end();
        if !before.ends_with(':') || !text[before.len()..quote.span.start].contains('\n') {
            return None;
        }
        let colon = before.len() - 1;
        let sentence = sentences.iter().find(|s| s.contains(&colon))?;
        let head = &words[first_at(words, sentence.start)..first_at(words, colon)];
        speaker_before(text, head, people)
    };
    if head.is_empty()
        && let Some(found) = announced()
    {
        return Some(found);
    }
    speaker_before(text, head, people).or_else(|| {
        // A quote closed by its own period, then a short attribution
        // sentence: "We will take them." Dlamini said.
        let next = sentences.iter().find(|s| s.start >= quote.span.end)?;
        let same_line = !text[quote.span.end..next.start].contains('\n');
        let next_words = &words[first_at(words, next.start)..first_at(words, next.end)];
        let short = next_words.len() <= ATTRIBUTION_SENTENCE_MAX_WORDS;
        let no_quote = !text[next.clone()].contains(is_opening_mark);
        if same_line && short && no_quote {
            speaker_after(text, next_words, people)
        } else {
            None
        }
    })
}

/// "JORDAN PHOMMACHANH, DAUGHTER (SOT): \"They called …\"": a broadcast
/// transcript names who speaks in capitals before a colon opening the line.
fn transcript_label(
    text: &str,
    words: &[Word],
    quote: &RawQuote,
) -> Option<(String, Range<usize>)> {
    let line_start = line_around(text, quote.span.start).start;
    let label = text[line_start..quote.span.start]
        .trim_end()
        .strip_suffix(':')?;
    let name = label.split([',', '(']).next()?.trim();
    // "QUOTE OF THE DAY:" is a rubric, not a name.
    let capitals = name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
        && !name
            .split_whitespace()
            .any(|w| ["OF", "THE", "AND", "FOR"].contains(&w));
    if !capitals {
        return None;
    }
    let title_case: Vec<String> = name
        .split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect();
    let span = line_start..line_start + label.len();
    // "RAMAN:" after "Priya Raman" was introduced: a surname label names
    // the guest the text named in full ("Q:" and "CLAIM:" name no one).
    if let [surname] = title_case.as_slice() {
        let full = expand(text, words, surname);
        return full.contains(' ').then_some((full, span));
    }
    Some((title_case.join(" "), span))
}

fn speaker_after(
    text: &str,
    tail: &[Word],
    people: &[NamedPerson],
) -> Option<(String, Range<usize>)> {
    let first = &tail[0];
    if first.is_any(SPEECH_VERBS)
        || (first.lower == "according" && tail.get(1).is_some_and(|w| w.lower == "to"))
    {
        let skip = if first.lower == "according" { 2 } else { 1 };
        let rest = &tail[skip.min(tail.len())..];
        let subject = rest.first()?;
        if subject.is_any(PRONOUNS) {
            return Some((
                resolve_pronoun(people, subject)?,
                first.range.start..subject.range.end,
            ));
        }
        // "said his lawyer Simon Sandoval", "said her sister, Ana Ruiz": a
        // role owned by someone named before is named by the name after it.
        if subject.is_any(&["his", "her", "their"]) {
            const ROLE_REACH: usize = 3;
            let name_at = rest
                .iter()
                .take(ROLE_REACH + 1)
                .position(|w| w.capitalised)?;
            let (name, span) = name_after(text, &rest[name_at..])?;
            let person = name_at > 0 && is_person_name(&name);
            return person.then_some((name, first.range.start..span.end));
        }
        let (name, span) = name_after(text, rest)?;
        // "said Nigeria's foreign minister, Yusuf Tuggar": a title phrase
        // with no person in it is named by the appositive after it.
        if !is_person_name(&name)
            && let Some((person, person_span)) = appositive_after(text, rest, span.end)
        {
            return Some((person, first.range.start..person_span.end));
        }
        // "said Leader of the Opposition in Parliament Joel Mukasa": the
        // name closes the title phrase.
        if !is_person_name(&name) {
            let phrase_end = rest
                .iter()
                .position(|w| {
                    text[..w.range.start]
                        .trim_end()
                        .ends_with(['.', ',', ';', ':'])
                        && w.range.start > span.end
                })
                .unwrap_or(rest.len());
            if let Some(last) = rest[..phrase_end].iter().rposition(|w| w.capitalised)
                && rest[last].range.start > span.end
                && let Some((person, person_span)) = name_before(text, &rest[..=last])
                && is_person_name(&person)
            {
                return Some((person, first.range.start..person_span.end));
            }
        }
        return Some((name, first.range.start..span.end));
    }
    let verb = tail.iter().position(|w| w.is_any(SPEECH_VERBS))?;
    // "Vincent Waiswa, permanent secretary at the ministry of foreign
    // affairs, said": a name and one long appositive may reach further.
    let long_appositive = verb < APPOSITIVE_REACH && first.capitalised && {
        let between = &text[first.range.start..tail[verb].range.start];
        between.trim_end().ends_with(',')
            && between.matches(',').count() == 2
            && !between.contains(['.', '"', '“', '”', '\n'])
    };
    if verb == 0 || (verb >= TAIL_REACH && !long_appositive) {
        return None;
    }
    let subject = without_auxiliaries(&tail[..verb]);
    if subject.len() == 1 && subject[0].is_any(PRONOUNS) {
        let name = resolve_pronoun(people, &subject[0])?;
        return Some((name, subject[0].range.start..tail[verb].range.end));
    }
    if let Some(role) = role_subject(subject) {
        let name = resolve_role(people, role, subject[0].range.start)?;
        return Some((name, subject[0].range.start..tail[verb].range.end));
    }
    let (name, span) = subject_name(text, subject, tail[verb].range.start)?;
    Some((name, span.start..tail[verb].range.end))
}

/// The speaker named by the words before a speech verb, past an appositive
/// between subject and verb ("Andrew Selee, president of the Migration
/// Policy Institute, told CBS"). When the appositive is itself the name ("A
/// spokesman for Gabon's government, Laurence Ndong, told reporters"), it is
/// the speaker.
fn subject_name(text: &str, subject: &[Word], verb_start: usize) -> Option<(String, Range<usize>)> {
    let before_verb = text[..verb_start].trim_end();
    if !before_verb.ends_with(',') || subject.is_empty() {
        return name_before(text, subject);
    }
    let comma = before_verb.len() - 1;
    let opening = text[..comma].rfind(',')?;
    let split = first_at(subject, opening);
    let appositive = &subject[split..];
    let is_name = appositive.len() >= 2
        && appositive
            .iter()
            .all(|w| w.capitalised || w.is_any(NAME_CONNECTORS));
    if is_name {
        name_before(text, appositive)
    } else {
        name_before(text, &subject[..split])
    }
}

fn speaker_before(
    text: &str,
    head: &[Word],
    people: &[NamedPerson],
) -> Option<(String, Range<usize>)> {
    if let Some(at) = head.iter().position(|w| w.lower == "according")
        && head.get(at + 1).is_some_and(|w| w.lower == "to")
    {
        let (name, span) = name_after(text, &head[at + 2..])?;
        return Some((name, head[at].range.start..span.end));
    }
    let verb = head.iter().rposition(|w| w.is_any(SPEECH_VERBS))?;
    let subject = without_auxiliaries(&head[..verb]);
    let verb_start = head[verb].range.start;
    // "Serbian President Aleksandar Vučić mocked the announcement, saying
    // …": a participle after a comma speaks for the clause's subject, the
    // person named at its start.
    // So does a verb coordinated after the clause's first one:
    // "spokeswoman Tricia McLaughlin repeated the claim … and said he …".
    // The comma may close a quote before it: "… take them back," adding".
    let participle = head[verb].lower.ends_with("ing")
        && text[..verb_start]
            .trim_end()
            .trim_end_matches(['"', '”', '’'])
            .ends_with(',');
    let coordinated = subject.last().is_some_and(|w| w.lower == "and");
    // After an earlier quote in the sentence ("Tricia McLaughlin said the
    // flight removed \"…,\" adding that"), the person named before it.
    let named_before_quote = |first: &Word| {
        let quote_at =
            first.range.start + text[first.range.start..verb_start].find(is_opening_mark)?;
        people
            .iter()
            .rev()
            .find(|p| p.at >= first.range.start && p.at < quote_at)
    };
    if (participle || coordinated)
        && let Some(first) = subject.first()
        && let Some(person) = people
            .iter()
            .find(|p| subject.iter().take(4).any(|w| w.range.start == p.at))
            .or_else(|| participle.then(|| named_before_quote(first)).flatten())
    {
        return Some((person.name.clone(), first.range.start..verb_start));
    }
    if let Some(pronoun) = subject.last().filter(|w| w.is_any(PRONOUNS)) {
        return Some((
            resolve_pronoun(people, pronoun)?,
            pronoun.range.start..verb_start,
        ));
    }
    // "Asked about it, the judge said: …": the role ends the subject.
    // "Karoline Leavitt, asked about the letter, said:": a role inside an
    // aside closed by a comma before the verb is no subject.
    let clause_start = subject.iter().rposition(|w| w.lower == "the").unwrap_or(0);
    let in_aside = text[..verb_start].trim_end().ends_with(',');
    if !in_aside && let Some(role) = role_subject(&subject[clause_start..]) {
        let name = resolve_role(people, role, subject[clause_start].range.start)?;
        return Some((name, subject[clause_start].range.start..verb_start));
    }
    let (name, span) = subject_name(text, subject, verb_start)?;
    Some((name, span.start..verb_start))
}

/// The name set off by a comma after a title phrase that ends at `after`:
/// "Nigeria's foreign minister, Yusuf Tuggar," -> "Yusuf Tuggar". Only
/// lowercase title words may stand between the phrase and the comma.
fn appositive_after(text: &str, words: &[Word], after: usize) -> Option<(String, Range<usize>)> {
    let from = first_at(words, after);
    let comma = (from..words.len()).find(|&i| {
        let gap_start = if i == 0 {
            after
        } else {
            words[i - 1].range.end
        };
        text[gap_start.min(words[i].range.start)..words[i].range.start].contains(',')
    })?;
    let titles_only = words[from..comma]
        .iter()
        .all(|w| !w.capitalised && w.is_any(TITLE_WORDS));
    if !titles_only || text[after..words[comma].range.start].contains(['.', ';', '\n']) {
        return None;
    }
    let (name, span) = name_after(text, &words[comma..])?;
    let person = is_person_name(&name) && name.split_whitespace().count() >= 2;
    person.then_some((name, span))
}

/// The name phrase starting at `words[0]`, titles stripped.
fn name_after(text: &str, words: &[Word]) -> Option<(String, Range<usize>)> {
    let mut end = 0;
    let mut last_capital = None;
    let mut name_run = 0;
    let mut name_words = 0;
    while end < words.len() {
        let w = &words[end];
        if end > 0 && !joined_in_name(text, &words[end - 1], w) {
            break;
        }
        let lowercase_title = !w.capitalised && w.is_any(TITLE_WORDS);
        let connector = !w.capitalised && w.is_any(NAME_CONNECTORS);
        let name_word = w.capitalised && (end > 0 || !is_not_name_word(w));
        // "Melusi Simelane of the Southern Africa Litigation Centre": after a
        // full name, "of" opens the affiliation.
        // "Clémentine de Montjoye of Human Rights Watch": after two name
        // words, whatever particles joined them, "of" opens the affiliation.
        let affiliation = connector && w.lower == "of" && name_words >= 2;
        if !(name_word || lowercase_title || connector)
            || (connector && name_run >= 2)
            || affiliation
        {
            break;
        }
        if name_word {
            last_capital = Some(end);
            if !w.is_any(TITLE_WORDS) {
                name_words += 1;
            }
        }
        name_run = if name_word && !w.is_any(TITLE_WORDS) {
            name_run + 1
        } else {
            0
        };
        end += 1;
    }
    let last = last_capital?;
    let phrase = &words[..=last];
    // Keep the last capitalised run: "Eswatini government spokesperson
    // Thabile Mdluli" -> "Thabile Mdluli".
    let run_start = phrase
        .iter()
        .rposition(|w| !w.capitalised && !w.is_any(NAME_CONNECTORS))
        .map_or(0, |i| i + 1);
    strip_titles(text, &phrase[run_start..])
}

/// The name phrase ending at the last of `words`, titles stripped.
fn name_before(text: &str, words: &[Word]) -> Option<(String, Range<usize>)> {
    let last = words.len().checked_sub(1)?;
    if !words[last].capitalised {
        return None;
    }
    let mut start = last;
    while start > 0 {
        let previous = &words[start - 1];
        let usable = (previous.capitalised && !is_not_name_word(previous))
            || (!previous.capitalised
                && previous.is_any(NAME_CONNECTORS)
                && connects_to_name(&words[..start - 1]));
        if !usable || !joined_in_name(text, previous, &words[start]) {
            break;
        }
        start -= 1;
    }
    // "A spokesman for Prime Minister Edi Rama said", "the sister of one
    // of the men": the name belongs to the noun's owner, not the speaker.
    let owned = start > 0 && words[start - 1].is_any(&["for", "of"]);
    if owned || is_not_name_word(&words[start]) {
        return None;
    }
    strip_titles(text, &words[start..=last])
}

/// "Melusi Simelane", "Sen. Jeanne Shaheen": two name words close a full
/// name, after which "of" opens an affiliation ("of New Hampshire").
fn ends_in_full_name(phrase: &[Word]) -> bool {
    phrase.len() >= 2
        && phrase[phrase.len() - 2..]
            .iter()
            .all(|w| w.capitalised && !w.is_any(TITLE_WORDS))
}

/// Whether a run of lowercase connectors ending at `before`'s end follows a
/// capitalised word: "Juan Ramón de la Fuente".
fn connects_to_name(before: &[Word]) -> bool {
    before
        .iter()
        .rev()
        .find(|w| !w.is_any(NAME_CONNECTORS) || w.capitalised)
        .is_some_and(|w| w.capitalised && !is_not_name_word(w))
}

/// Whether two neighbouring words belong to one name: only spaces between
/// them, or the period of an initial or an abbreviated title ("Sen. Rick").
fn joined_in_name(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.range.end..b.range.start];
    if gap.chars().all(|c| c.is_whitespace() && c != '\n') && !gap.is_empty() {
        return true;
    }
    let initial = a.lower.chars().count() == 1;
    !gap.contains('\n')
        && gap.trim_start().starts_with('.')
        && gap[1..].chars().all(char::is_whitespace)
        && (initial || a.is_any(DOTTED_TITLES))
}

/// Drops leading titles; a phrase that is all titles or an organisation
/// ("State Department", "DHS") is kept whole as the speaker.
fn strip_titles(text: &str, phrase: &[Word]) -> Option<(String, Range<usize>)> {
    let first = phrase.first()?;
    let last = phrase.last()?;
    let span = first.range.start..last.range.end;
    let is_name_word = |w: &Word| w.capitalised && !w.is_any(TITLE_WORDS);
    let ends_in_person_name = phrase.len() >= 2
        && is_name_word(&phrase[phrase.len() - 1])
        && is_name_word(&phrase[phrase.len() - 2])
        && !phrase[phrase.len() - 1].is_any(ORGANISATION_WORDS);
    let is_organisation = !ends_in_person_name
        && phrase
            .iter()
            .any(|w| w.is_any(ORGANISATION_WORDS) && w.capitalised);
    // Countries lead titles too: "El Salvador's President Nayib Bukele".
    let countries = gazetteer::mentions(&text[span.clone()]);
    let in_country = |w: &Word| {
        countries.iter().any(|m| {
            m.range.start + span.start <= w.range.start
                && w.range.end <= m.range.end + span.start + 2
        })
    };
    // Places lead both names and organisations: "El Salvador's President
    // Nayib Bukele", "the Tripoli-based Government of National Unity".
    let is_place = |w: &Word| {
        (in_country(w) && !GIVEN_NAME_COUNTRIES.contains(&&text[w.range.clone()]))
            || w.lower == "el"
            || w.lower.ends_with("-based")
    };
    // "said the Department of Homeland Security": the article is no part of
    // an organisation's name.
    let mut start = usize::from(
        is_organisation && phrase.len() > 1 && !phrase[0].capitalised && phrase[0].lower == "the",
    );
    while start + 1 < phrase.len()
        && (is_place(&phrase[start])
            || (!is_organisation
                && (phrase[start].is_any(TITLE_WORDS)
                    || is_acronym(&text[phrase[start].range.clone()]))))
    {
        start += 1;
    }
    // A head title ends the title whatever qualifies it: "Information
    // Minister Chernor Bah".
    if !is_organisation
        && let Some(head) = phrase[start..phrase.len() - 1]
            .iter()
            .rposition(|w| w.is_any(HEAD_TITLES))
    {
        start += head + 1;
    }
    // "Permanent Secretary of Foreign Affairs Vincent Waiswa": the title's
    // portfolio after "of"/"for" belongs to the title.
    if !is_organisation
        && start > 0
        && start + 1 < phrase.len()
        && !phrase[start].capitalised
        && phrase[start].is_any(&["of", "for"])
    {
        let mut k = start + 1;
        while k + 1 < phrase.len()
            && (phrase[k].is_any(TITLE_WORDS)
                || phrase[k].is_any(PORTFOLIO_WORDS)
                || (!phrase[k].capitalised && phrase[k].is_any(NAME_CONNECTORS)))
        {
            k += 1;
        }
        start = k;
    }
    let kept = &phrase[start..];
    let kept = if !is_organisation && kept.len() == 1 && kept[0].is_any(TITLE_WORDS) {
        phrase
    } else {
        kept
    };
    let mut name = text[kept[0].range.start..kept[kept.len() - 1].range.end].to_string();
    if let Some(stripped) = name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")) {
        name = stripped.to_string();
    }
    // "Surangel Whipps Jr." keeps the period that is part of the suffix.
    if kept[kept.len() - 1].is_any(&["jr", "sr"])
        && text[kept[kept.len() - 1].range.end..].starts_with('.')
    {
        name.push('.');
    }
    Some((name, span))
}

/// A capitalised word that is no country, or a country that is also a given
/// name ("Chad Wolf", "Jordan Ellis").
fn is_name_not_country(text: &str, word: &Word) -> bool {
    let raw = &text[word.range.clone()];
    GIVEN_NAME_COUNTRIES.contains(&raw) || gazetteer::mentions(raw).is_empty()
}

/// Drops "has", "also" and the like between a subject and its speech verb.
fn without_auxiliaries(subject: &[Word]) -> &[Word] {
    let keep = subject
        .iter()
        .rposition(|w| !w.is_any(AUXILIARIES))
        .map_or(0, |i| i + 1);
    &subject[..keep]
}

fn is_acronym(word: &str) -> bool {
    word.len() >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// People named in the text with their position, for pronouns and for
/// completing a surname: titled names ("Foreign Minister Jane Dlamini") and
/// subjects or objects of speech verbs ("Rubio said", "said Kristi Noem").
fn named_people(text: &str, words: &[Word]) -> Vec<NamedPerson> {
    let mut people: Vec<NamedPerson> = Vec::new();
    let mut full_names: HashMap<&str, Option<String>> = HashMap::new();
    // Words that stand in a run of capitalised words somewhere ("Jhonder
    // Parra"): only those can be one name of a fuller one.
    let in_a_name: std::collections::HashSet<&str> = words
        .windows(2)
        .filter(|p| p[0].capitalised && p[1].capitalised && joined_in_name(text, &p[0], &p[1]))
        .flat_map(|p| [&text[p[0].range.clone()], &text[p[1].range.clone()]])
        .collect();
    // Words capitalised inside a sentence somewhere: proper nouns, where a
    // capital at a sentence's or a quote's start proves nothing
    // ("Detainees described …").
    let opens_sentence = |k: usize| {
        k == 0
            || text[words[k - 1].range.end..words[k].range.start]
                .contains(['.', '\n', '?', '!', '"', '“', '‘', ':'])
    };
    let proper: std::collections::HashSet<&str> = (0..words.len())
        .filter(|&k| words[k].capitalised && !opens_sentence(k))
        .map(|k| &text[words[k].range.clone()])
        .collect();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        // "An Iranian woman who converted … said": a person the sentence
        // opens on without a name; "she" after it is her, and names no one.
        let sentence_start =
            i == 0 || text[words[i - 1].range.end..w.range.start].contains(['.', '\n', '?', '!']);
        // "His wife, who works as a caregiver, said": the relative named
        // before with that noun ("his wife, Cristina Manalastas").
        if sentence_start
            && w.is_any(&["his", "her", "their"])
            && let Some(kin) = words.get(i + 1)
            && (kin.is_any(UNNAMED_WOMEN) || kin.is_any(UNNAMED_MEN))
            && let Some(relative) = people
                .iter()
                .rev()
                .find(|p| p.roles.iter().any(|r| r == kin.base()))
                .cloned()
        {
            people.push(NamedPerson {
                at: w.range.start,
                ..relative
            });
            i += 2;
            continue;
        }
        // So does "A Libyan official in Benghazi, speaking on condition of
        // anonymity, …": a role without a name.
        // "The sister of one of the Vietnamese men, who …, said": a definite
        // noun owned by someone else introduces someone unnamed too.
        const NOUN_REACH: usize = 3;
        let reach = &words[(i + 1).min(words.len())..(i + 1 + NOUN_REACH).min(words.len())];
        // A cheap look for "of" first: most sentences open on "The", and the
        // noun search below asks the gazetteer about capitalised words.
        let owned_noun = w.lower == "the"
            && words
                .get(i + 2..i + 2 + NOUN_REACH)
                .is_some_and(|r| r.iter().any(|n| n.lower == "of"));
        if sentence_start && (w.is_any(&["a", "an", "one"]) || owned_noun) {
            let noun = reach
                .iter()
                .enumerate()
                .take_while(|(_, n)| {
                    !n.capitalised || gazetteer::mentions(&text[n.range.clone()]).len() == 1
                })
                .find(|(_, n)| {
                    n.is_any(UNNAMED_WOMEN)
                        || n.is_any(UNNAMED_MEN)
                        || n.is_any(UNNAMED_ROLES)
                        || n.is_any(ROLE_NOUNS)
                })
                .filter(|&(k, _)| {
                    w.lower != "the" || words.get(i + 2 + k).is_some_and(|n| n.lower == "of")
                })
                .map(|(_, n)| n);
            if let Some(noun) = noun {
                let female = noun_gender(noun).or_else(|| marked_gender(noun.base()));
                people.push(NamedPerson {
                    at: w.range.start,
                    name: String::new(),
                    roles: Vec::new(),
                    female,
                });
                i += 1;
                continue;
            }
        }
        if !w.capitalised || is_not_name_word(w) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < words.len()
            && joined_in_name(text, &words[end - 1], &words[end])
            && (words[end].capitalised
                || (words[end].is_any(NAME_CONNECTORS)
                    && words.get(end + 1).is_some_and(|n| n.capitalised)
                    && !ends_in_full_name(&words[i..end])))
        {
            end += 1;
        }
        let phrase = &words[i..end];
        let titled = phrase.len() > 1
            && phrase[..phrase.len() - 1]
                .iter()
                .any(|w| w.capitalised && w.is_any(TITLE_WORDS) && !w.is_any(NAME_CONNECTORS));
        // Only a name directly before or after the verb speaks: in "the
        // committee's top Democrat, said" the comma closes an appositive.
        // A name set off by commas is an appositive naming the subject:
        // "Ghana's government spokesman, Felix Kwakye Ofosu, said".
        let appositive_name = phrase.len() >= 2 && text[..w.range.start].ends_with(", ");
        // "Ghana's foreign minister, Samuel Okudzeto Ablakwa": a name set off
        // after a title is the holder of that title.
        // "His wife, Jennifer Vasquez Sura, spoke": so is a name set off
        // after a noun for a relative.
        let titled_appositive = appositive_name
            && i > 0
            && (words[i - 1].is_any(HEAD_TITLES)
                || words[i - 1].is_any(UNNAMED_WOMEN)
                || words[i - 1].is_any(UNNAMED_MEN))
            && text[words[i - 1].range.end..w.range.start] == *", ";
        // "a woman who converted to Christianity said": a name governed by
        // a preposition is no subject of the verb after it.
        let governed = i > 0
            && words[i - 1].is_any(&[
                "to", "from", "in", "into", "of", "with", "for", "at", "about",
            ])
            && text[words[i - 1].range.end..w.range.start] == *" ";
        let speaking = !governed
            && words.get(end).is_some_and(|n| {
                let gap = &text[phrase[phrase.len() - 1].range.end..n.range.start];
                n.is_any(SPEECH_VERBS) && (gap == " " || (appositive_name && gap == ", "))
            })
            || (i > 0
                && words[i - 1].is_any(SPEECH_VERBS)
                && text[words[i - 1].range.end..w.range.start] == *" ")
            || speaks_after_aside(text, words, end)
            || speaks_after_parenthesis(text, words, end);
        // "Opposition leader Tracy Panton criticized ...": a full name
        // directly before a verb is a person acting in the story ("West
        // African nationals" is a description of people, no name).
        // "the Daily Monitor newspaper", "through the Darién Gap", "in San
        // Vicente": a determiner or a preposition before it makes the name
        // a thing or a place.
        let determined = i > 0 && words[i - 1].is_any(&["the", "a", "an", "this", "that"]);
        let acting = phrase.len() >= 2
            && !governed
            && !determined
            && words.get(end).is_some_and(|n| {
                !n.capitalised
                    && !n.is_any(PERSON_NOUNS)
                    && !is_not_name_word(n)
                    && !n.is_any(NAME_CONNECTORS)
                    && text[phrase[phrase.len() - 1].range.end..n.range.start] == *" "
            });
        // "Tin Thanh Nguyen, a lawyer for the men,": a full name given a role.
        let mut roles = roles_around(text, words, i, end);
        // "Vincent Waiswa said in a statement": the statement is theirs.
        if speaking
            && let [verb, prep, article, noun, ..] = &words[end.min(words.len())..]
            && verb.is_any(SPEECH_VERBS)
            && prep.lower == "in"
            && article.is_any(&["a", "an", "the", "his", "her", "their"])
            && noun.is_any(DOCUMENT_NOUNS)
        {
            roles.push(noun.lower.clone());
        }
        let has_role = phrase.len() >= 2 && !roles.is_empty() && !determined;
        // "Mahsa Karimi, an Iranian woman who …": a full name introduced by
        // a descriptive appositive.
        // So is one set off by "who …" or by a possessor's role ("Frank
        // Ábrego, Panama's security minister,").
        let introduced = phrase.len() >= 2
            && !governed
            && !determined
            && words.get(end).is_some_and(|n| {
                // "Yonas Tesfamariam, 39, sits", "Ricardo Duarte Ocampo,
                // director general of Migraciones, acknowledged".
                text[phrase[phrase.len() - 1].range.end..n.range.start] == *", "
                    && (n.is_any(&["a", "an", "who", "his", "her"])
                        || (n.capitalised && n.lower.ends_with("'s"))
                        || (n.lower.len() <= 3
                            && n.lower.chars().all(|c| c.is_ascii_digit())
                            && text[n.range.end..].starts_with(','))
                        || (!n.capitalised && n.is_any(TITLE_WORDS)))
            });
        // "Bounmy spends most days …", "Parra describes the weeks": one name
        // of someone the article names in full, as a subject again, makes
        // that person the latest one named (even one first named as an
        // object: "guards woke Jhonder Parra").
        // Only at the head of a clause: in "refused to take Keomany back"
        // the name is an object.
        let clause_head = i == 0
            || text[words[i - 1].range.end..w.range.start]
                .contains(['.', ',', ';', ':', '\n', '—'])
            || words[i - 1].is_any(&[
                "and", "but", "that", "when", "while", "because", "as", "after", "before", "since",
                "until", "where", "so",
            ]);
        // "Karimi, 29, is Iranian", "Noorzai, a 31-year-old Afghan, was":
        // an age or an appositive may come between.
        // A title ("Parliament learnt …") or a word opening a quote names
        // no one again.
        let in_quote_or_title =
            w.is_any(TITLE_WORDS) || text[..w.range.start].ends_with(['"', '“', '‘']);
        let subject_again = phrase.len() == 1
            && !in_quote_or_title
            && clause_head
            && !governed
            && !determined
            && words.get(end).is_some_and(|n| {
                let gap = &text[w.range.end..n.range.start];
                !n.capitalised
                    && (gap == " "
                        || (gap == ", "
                            && (n.lower.starts_with(char::is_numeric) || n.is_any(&["a", "an"]))))
            });
        if subject_again {
            let name = &text[w.range.clone()];
            // The first person named in full with it, as for a speaker's
            // surname (see `expand`): "Rondón said" after his mother
            // "Carmen Rondón" is still Luis Alejandro Rondón.
            let known = people
                .iter()
                .find(|p: &&NamedPerson| {
                    let mut names = p.name.split_whitespace();
                    p.name.contains(' ')
                        && (names.next() == Some(name) || names.last() == Some(name))
                })
                .cloned()
                .or_else(|| {
                    // "Trump mused": a surname the article never gives in
                    // full still names someone when it is a proper noun.
                    let alone_proper = proper.contains(name)
                        && !is_not_name_word(w)
                        && words.get(end).is_some_and(|n| n.lower.ends_with("ed"));
                    if !in_a_name.contains(name) && !alone_proper {
                        return None;
                    }
                    let full = full_names
                        .entry(name)
                        .or_insert_with(|| {
                            let full = expand(text, words, name);
                            ((full.contains(' ') || alone_proper) && is_person_name(&full))
                                .then_some(full)
                        })
                        .clone()?;
                    Some(NamedPerson {
                        at: w.range.start,
                        female: gender_of(text, words, phrase, &[], end),
                        name: full,
                        roles: Vec::new(),
                    })
                });
            if let Some(known) = known {
                people.push(NamedPerson {
                    at: w.range.start,
                    ..known
                });
                i = end;
                continue;
            }
        }
        // "Costa Rica agreed", "Costa Rican officials": a place alone names
        // no one.
        // Looked up last: the gazetteer is the dearest test.
        let place = || {
            let span = &text[phrase[0].range.start..phrase[phrase.len() - 1].range.end];
            let found = gazetteer::mentions(span);
            found.len() == 1
                && found[0].range.start == 0
                && ["", "'s", "’s"].contains(&&span[found[0].range.end..])
                && !GIVEN_NAME_COUNTRIES.contains(&span)
        };
        let lone_capital =
            phrase.len() == 1 && opens_sentence(i) && !proper.contains(&text[w.range.clone()]);
        // "who gave only his first name, Artyom": a person known by one name.
        let first_name_only = phrase.len() == 1
            && i >= 2
            && words[i - 2].lower == "first"
            && words[i - 1].lower == "name"
            && text[words[i - 1].range.end..w.range.start] == *", ";
        if !lone_capital
            && (titled
                || titled_appositive
                || speaking
                || acting
                || has_role
                || introduced
                || first_name_only)
            && !place()
            && let Some((name, _)) = strip_titles(text, phrase)
            && is_person_name(&name)
        {
            let female = gender_of(text, words, phrase, &roles, end);
            people.push(NamedPerson {
                at: w.range.start,
                name,
                roles,
                female,
            });
        }
        i = end;
    }
    // "Peters said" is the "Sen. Gary Peters" named before: the same
    // surname shares what the text showed of the person's gender.
    for k in 0..people.len() {
        if people[k].female.is_some() {
            continue;
        }
        let Some(surname) = people[k].name.split_whitespace().last() else {
            continue;
        };
        // Only a re-mention by the surname alone: "Kim Le" and her brother
        // "Thanh Duc Le" share a surname, not a gender.
        let alone = !people[k].name.contains(' ');
        let known = people
            .iter()
            .filter(|p| p.female.is_some())
            .find(|p| {
                p.name.split_whitespace().last() == Some(surname)
                    && (alone || !p.name.contains(' ') || p.name == people[k].name)
            })
            .and_then(|p| p.female);
        people[k].female = known;
    }
    people
}

/// "Karoline Leavitt, asked about the letter, said": a name, an aside of
/// lowercase words set off by commas, then a speech verb.
fn speaks_after_aside(text: &str, words: &[Word], end: usize) -> bool {
    const ASIDE_REACH: usize = 12;
    if end == 0
        || end >= words.len()
        || text[words[end - 1].range.end..words[end].range.start] != *", "
    {
        return false;
    }
    (end + 1..(end + 1 + ASIDE_REACH).min(words.len())).any(|k| {
        words[k].is_any(SPEECH_VERBS)
            && text[words[k - 1].range.end..words[k].range.start] == *", "
            && words[end..k].iter().all(|w| !w.capitalised)
    })
}

/// "Sarah Nabukeera (Woman MP, Mukono) said": a name, a parenthesis, then a
/// speech verb.
fn speaks_after_parenthesis(text: &str, words: &[Word], end: usize) -> bool {
    let Some(last) = end.checked_sub(1).and_then(|k| words.get(k)) else {
        return false;
    };
    let rest = &text[last.range.end..];
    let Some(inner) = rest.strip_prefix(" (") else {
        return false;
    };
    inner.find(')').is_some_and(|close| {
        let after = &inner[close + 1..];
        !inner[..close].contains(['\n', '"', '“', '”'])
            && after.starts_with(' ')
            && words
                .iter()
                .skip(end)
                .find(|w| w.range.start >= text.len() - after.len())
                .is_some_and(|w| w.is_any(SPEECH_VERBS))
    })
}

/// A speaker worth naming: not a place alone, nor a word for a group or a
/// body that says nothing of who spoke.
fn can_speak(name: &str) -> bool {
    const GROUPS: &[&str] = &[
        "officials",
        "lawmakers",
        "legislators",
        "critics",
        "residents",
        "analysts",
        "activists",
        "lawyers",
        "experts",
        "diplomats",
        "protesters",
        "relatives",
        "parliament",
        "congress",
        "united",
        "government",
        "authorities",
    ];
    let tokens = tokenize(name);
    let group = tokens.len() == 1 && tokens[0].is_any(GROUPS);
    let place = gazetteer::mentions(name)
        .first()
        .is_some_and(|m| m.range.start == 0 && m.range.end == name.len());
    !tokens.is_empty() && !group && !place
}

/// A person to report as a quote's speaker.
fn is_speaker(name: &str) -> bool {
    can_speak(name) && is_person_name(name) && !names_an_office(name)
}

/// "Foreign Affairs", "International Cooperation": what is left of a
/// ministry's name once its head noun fell outside the capitalised run.
fn names_an_office(name: &str) -> bool {
    tokenize(name).iter().any(|w| w.is_any(PORTFOLIO_WORDS))
}

fn is_person_name(name: &str) -> bool {
    let tokens = tokenize(name);
    // "Kenya Phan": a country that is also a given name, before a surname.
    let place_free = match name.split_once(' ') {
        Some((given, rest)) if GIVEN_NAME_COUNTRIES.contains(&given) => {
            gazetteer::mentions(rest).is_empty()
        }
        _ => gazetteer::mentions(name).is_empty(),
    };
    // "tells Americans not to travel": the US demonym is no country in the
    // gazetteer, and no one's name either.
    // "Washington said" is the US government, which the gazetteer of other
    // states leaves out.
    let us_people = tokens.len() == 1 && tokens[0].is_any(&["american", "americans", "washington"]);
    // "a chartered Korean Air jet", "the Uzbek Foreign Ministry": a phrase
    // led by a demonym names a company or an office.
    let demonym_led = gazetteer::mentions(name)
        .first()
        .is_some_and(|m| m.range.start == 0 && m.form == Form::Demonym);
    // "When I reached America I thought": the pronoun "I" is no initial.
    let pronoun_i = name.split_whitespace().any(|t| t == "I")
        || (tokens.len() == 1
            && tokens[0].is_any(&[
                "nobody",
                "everybody",
                "everyone",
                "someone",
                "somebody",
                "anyone",
                "anybody",
                "no",
                "none",
            ]));
    // "Eastern Europe", "the Panama Canal", "Darién Gap": a region or a
    // feature of the land; "Hurricane Maria" is weather.
    let region = tokens.len() > 1
        && (tokens[0].is_any(&["eastern", "western", "northern", "southern", "central"])
            || tokens.iter().any(|w| {
                w.is_any(&[
                    "canal",
                    "gulf",
                    "sea",
                    "ocean",
                    "lake",
                    "valley",
                    "bay",
                    "island",
                    "islands",
                    "river",
                    "desert",
                    "gap",
                    "jungle",
                    "mountains",
                    "coast",
                    "hurricane",
                    "storm",
                    "typhoon",
                    "cyclone",
                ])
            }));
    // "according to the U.S. Embassy": a determiner opens no name.
    let determined = name.starts_with(|c: char| c.is_lowercase());
    // "Rep. Jim Jordan, R-Ohio,": a party and a state.
    let affiliation = ["R-", "D-", "I-"].iter().any(|p| name.starts_with(p));
    // "Leader of the Opposition": a title alone.
    let title_only = tokens
        .iter()
        .all(|w| w.is_any(TITLE_WORDS) || w.is_any(NAME_CONNECTORS));
    !tokens.is_empty()
        && !determined
        && !affiliation
        && !title_only
        && !us_people
        && !demonym_led
        && !pronoun_i
        && !region
        && !tokens
            .iter()
            .any(|w| w.is_any(ORGANISATION_WORDS) || w.is_any(TITLE_WORDS) && tokens.len() == 1)
        && place_free
        && !is_acronym(name)
}

/// The role nouns given to the name `words[start..end]`: in its title
/// phrase ("U.S. District Judge Brian Murphy"), before a comma that sets it
/// off ("Ghana's foreign minister, Samuel Ablakwa"), or in an appositive
/// after it ("Ann Lee, a lawyer for the men,").
fn roles_around(text: &str, words: &[Word], start: usize, end: usize) -> Vec<String> {
    const APPOSITIVE_REACH: usize = 6;
    let mut roles: Vec<String> = words[start..end]
        .iter()
        .filter(|w| w.is_any(ROLE_NOUNS))
        .map(|w| w.base().to_string())
        .collect();
    // "Opposition senator Nilda Garay": a role noun written in lowercase
    // right before the name.
    if start > 0
        && text[words[start - 1].range.end..words[start].range.start] == *" "
        && !words[start - 1].capitalised
        && words[start - 1].is_any(ROLE_NOUNS)
    {
        roles.push(words[start - 1].base().to_string());
    }
    if start > 0 && text[words[start - 1].range.end..words[start].range.start] == *", " {
        // "his wife, Cristina Manalastas": a relative's noun is a role too,
        // for "His wife … said" later.
        roles.extend(
            words[start.saturating_sub(3)..start]
                .iter()
                .filter(|w| {
                    w.is_any(ROLE_NOUNS) || w.is_any(UNNAMED_WOMEN) || w.is_any(UNNAMED_MEN)
                })
                .map(|w| w.base().to_string()),
        );
    }
    if let Some(next) = words.get(end)
        && text[words[end - 1].range.end..next.range.start] == *", "
        && next.is_any(&["a", "an", "the"])
    {
        for k in end + 1..(end + 1 + APPOSITIVE_REACH).min(words.len()) {
            let gap = &text[words[k - 1].range.end..words[k].range.start];
            if gap.contains([',', '.', ';', '"', '“', '”']) {
                break;
            }
            if words[k].is_any(ROLE_NOUNS) {
                roles.push(words[k].base().to_string());
            }
        }
    }
    roles
}

/// The gender a noun for a woman or a man gives ("wife", "nephew").
fn noun_gender(word: &Word) -> Option<bool> {
    if word.is_any(UNNAMED_WOMEN) {
        Some(true)
    } else if word.is_any(UNNAMED_MEN) {
        Some(false)
    } else {
        None
    }
}

/// The gender a title or a common given name gives ("spokeswoman", "Kristi").
fn marked_gender(word: &str) -> Option<bool> {
    if FEMALE_MARKERS.contains(&word) {
        Some(true)
    } else if MALE_MARKERS.contains(&word) {
        Some(false)
    } else {
        None
    }
}

/// A person's gender when the text shows it: a gendered title or role, a
/// common given name, else the first "he"/"his" or "she"/"her" later in the
/// sentence naming them.
fn gender_of(
    text: &str,
    words: &[Word],
    phrase: &[Word],
    roles: &[String],
    end: usize,
) -> Option<bool> {
    if let Some(g) = roles.iter().find_map(|r| marked_gender(r)) {
        return Some(g);
    }
    // "her brother, Thanh Le," and "Thanh Le, a Vietnamese man,": a noun
    // for a man or a woman set off beside the name.
    let start = end - phrase.len();
    if start > 0
        && text[words[start - 1].range.end..words[start].range.start] == *", "
        && let Some(g) = noun_gender(&words[start - 1])
    {
        return Some(g);
    }
    const APPOSITIVE_NOUN_REACH: usize = 4;
    if let Some(next) = words.get(end)
        && text[words[end - 1].range.end..next.range.start] == *", "
        && next.is_any(&["a", "an"])
        && let Some(g) = words[end + 1..]
            .iter()
            .take(APPOSITIVE_NOUN_REACH)
            .take_while(|w| !text[..w.range.start].ends_with(", "))
            .find_map(noun_gender)
    {
        return Some(g);
    }
    // The given name, first word past titles and places, after the nouns:
    // "his daughter, Jordan Keomany" is a woman with a man's name.
    let given = phrase
        .iter()
        .find(|w| !w.is_any(TITLE_WORDS) && !w.lower.ends_with("'s"));
    if let Some(g) = phrase
        .iter()
        .filter(|w| w.is_any(&["mr", "mrs", "ms", "sir", "madam"]))
        .chain(given)
        .find_map(|w| marked_gender(w.base()))
    {
        return Some(g);
    }
    let sentence_end = words[end - 1].range.end
        + text[words[end - 1].range.end..]
            .find(['.', '\n', '"', '“', '”'])
            .unwrap_or(text.len() - words[end - 1].range.end);
    // "him" is left out: the object of a clause about the person is
    // someone else ("Judge Paula Xinis, who barred them from removing him
    // while she considers …").
    // A pronoun in what the person is reported to say is someone else
    // ("Marisa Gutiérrez said … evidence that he belonged"), except the
    // possessive right after the verb ("Kenya Phan said her father").
    let pronoun_gender = |w: &Word| match w.lower.as_str() {
        "he" | "his" | "himself" => Some(false),
        "she" | "her" | "hers" | "herself" => Some(true),
        _ => None,
    };
    let rest: Vec<&Word> = words[end..]
        .iter()
        .take_while(|w| w.range.start < sentence_end)
        .collect();
    for (k, w) in rest.iter().enumerate() {
        if w.is_any(SPEECH_VERBS) {
            return rest
                .get(k + 1)
                .filter(|n| n.is_any(&["his", "her"]))
                .and_then(|n| pronoun_gender(n));
        }
        if let Some(g) = pronoun_gender(w) {
            return Some(g);
        }
    }
    None
}

/// "he said" names the last person the article named before it, skipping
/// people the text shows to be of the other gender.
fn resolve_pronoun(people: &[NamedPerson], pronoun: &Word) -> Option<String> {
    let at = pronoun.range.start;
    let wanted = match pronoun.lower.as_str() {
        "he" => Some(false),
        "she" => Some(true),
        _ => None,
    };
    let name = &people
        .iter()
        .rev()
        .filter(|p| p.at < at)
        .find(|p| wanted.is_none() || p.female.is_none() || p.female == wanted)?
        .name;
    // An unnamed person ("a woman") is the antecedent: no speaker.
    (!name.is_empty()).then(|| name.clone())
}

/// "the judge wrote", "the foreign minister said": a definite description
/// names the last person the article gave that role; nobody when it gave
/// it to no one ("the spokesperson said" after no named spokesperson).
fn role_subject(subject: &[Word]) -> Option<&str> {
    let (first, rest) = subject.split_first()?;
    let last = rest.last()?;
    // "the President said": a title capitalised as an honorific is still
    // the role.
    (first.lower == "the"
        && rest.len() <= 3
        && rest.iter().all(|w| !w.capitalised || w.is_any(ROLE_NOUNS))
        && (last.is_any(ROLE_NOUNS) || last.is_any(DOCUMENT_NOUNS)))
    .then(|| last.base())
}

/// Ministries' portfolios in titles: "Minister of Foreign Affairs".
const PORTFOLIO_WORDS: &[&str] = &[
    "affairs",
    "justice",
    "finance",
    "defense",
    "defence",
    "health",
    "information",
    "immigration",
    "migration",
    "public",
    "internal",
    "external",
    "relations",
    "cooperation",
    "international",
    "home",
    "citizenship",
];

/// What a named person speaks "in": "X said in a statement. … the statement
/// said" names X.
const DOCUMENT_NOUNS: &[&str] = &["statement", "letter", "post", "memo", "filing"];

fn resolve_role(people: &[NamedPerson], role: &str, at: usize) -> Option<String> {
    people
        .iter()
        .rev()
        .filter(|p| p.at < at)
        .find(|p| p.roles.iter().any(|r| r == role))
        .map(|p| p.name.clone())
}

/// "Rubio" -> "Marco Rubio", "Ramirez Lezcano" -> "Ruben Ramirez Lezcano":
/// the run of given names the article first puts before the name.
fn expand(text: &str, words: &[Word], name: &str) -> String {
    const MAX_GIVEN_NAMES: usize = 3;
    let tokens = tokenize(name);
    if tokens.is_empty() || tokens.iter().any(|w| w.is_any(ORGANISATION_WORDS)) {
        return name.to_string();
    }
    for i in 0..words.len().saturating_sub(tokens.len() - 1) {
        let matches = tokens
            .iter()
            .zip(&words[i..])
            .all(|(t, w)| t.base() == w.base() && (w.capitalised || w.is_any(NAME_CONNECTORS)));
        if !matches {
            continue;
        }
        let mut j = i;
        let mut given_names = 0;
        while j > 0
            && given_names < MAX_GIVEN_NAMES
            && (words[j - 1].capitalised
                || (words[j - 1].is_any(NAME_CONNECTORS) && connects_to_name(&words[..j - 1])))
            && !words[j - 1].is_any(TITLE_WORDS)
            && !is_acronym(&text[words[j - 1].range.clone()])
            && !is_not_name_word(&words[j - 1])
            && is_name_not_country(text, &words[j - 1])
            && joined_in_name(text, &words[j - 1], &words[j])
        {
            given_names += usize::from(words[j - 1].capitalised);
            j -= 1;
        }
        // "Dawit" -> "Dawit Tesfamariam", "Yoandry Pérez" -> "Yoandry Pérez
        // Castillo": surnames the article gives after the name.
        const MAX_SURNAMES: usize = 2;
        let mut last_index = i + tokens.len() - 1;
        while last_index + 1 < words.len()
            && last_index + 1 < i + tokens.len() + MAX_SURNAMES
            && words[last_index + 1].capitalised
            && !words[last_index + 1].lower.ends_with("'s")
            && !words[last_index + 1].is_any(TITLE_WORDS)
            && !is_not_name_word(&words[last_index + 1])
            && !words[last_index + 1].is_any(ORGANISATION_WORDS)
            && !words[last_index + 1].is_any(&["jr", "sr", "ii", "iii"])
            && is_name_not_country(text, &words[last_index + 1])
            && joined_in_name(text, &words[last_index], &words[last_index + 1])
            && !words[last_index].lower.ends_with("'s")
        {
            last_index += 1;
        }
        // "Surangel Whipps Jr." keeps its generational suffix.
        if let Some(suffix) = words.get(last_index + 1)
            && suffix.is_any(&["jr", "sr", "ii", "iii"])
            && suffix.capitalised
            && joined_in_name(text, &words[last_index], suffix)
        {
            last_index += 1;
        }
        if j < i || last_index > i + tokens.len() - 1 {
            let last = &words[last_index];
            // Without a possessive, measured on the original text: its
            // apostrophe may be a three-byte "’".
            let raw = &text[last.range.clone()];
            let bare = raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("’s"))
                .unwrap_or(raw);
            let end = last.range.start + bare.len();
            let mut candidate = text[words[j].range.start..end].to_string();
            if last.is_any(&["jr", "sr"]) && text[last.range.end..].starts_with('.') {
                candidate.push('.');
            }
            // The first full naming wins: the wire introduces its principal
            // first and calls relatives or namesakes by a given name.
            return candidate;
        }
    }
    name.to_string()
}

/// About deportation agreements: the quote's words speak of deportation, a
/// paragraph carrying it is on the topic, or its speaker was named in the
/// on-topic paragraph just before (a statement continued).
fn is_relevant(text: &str, candidate: &Candidate, paragraphs: &[Paragraph]) -> bool {
    if candidate.about_deportation
        || paragraphs[candidate.paragraphs.clone()]
            .iter()
            .any(|p| p.on_topic)
    {
        return true;
    }
    let first = candidate.paragraphs.start;
    let Some(speaker) = candidate.quote.speaker.as_deref() else {
        return false;
    };
    // The article may call the speaker by either name ("Dawit said" for
    // Dawit Tesfamariam, "Rubio said" for Marco Rubio).
    let named_in = |paragraph: &str| {
        speaker
            .split_whitespace()
            .any(|name| name.chars().count() > 2 && paragraph.contains(name))
    };
    // A speaker named in one of the last few on-topic paragraphs keeps
    // speaking on the topic ("Judge Brian Murphy said … " two paragraphs
    // before "… ," Murphy said from the bench), unless the quote's own
    // paragraph turns to another topic.
    const SPEAKER_LOOKBACK: usize = 3;
    !candidate_paragraphs_other(candidate, paragraphs)
        && paragraphs[first.saturating_sub(SPEAKER_LOOKBACK)..first]
            .iter()
            .any(|p| p.on_topic && named_in(&text[p.range.clone()]))
}

fn candidate_paragraphs_other(candidate: &Candidate, paragraphs: &[Paragraph]) -> bool {
    paragraphs[candidate.paragraphs.clone()]
        .iter()
        .any(|p| p.other_topic)
}

/// Whether a speech verb reports the quote in its own sentences: right after
/// the closing mark or before the opening one.
fn has_reporting_verb(sentences: &[Range<usize>], words: &[Word], quote: &RawQuote) -> bool {
    let span = sentence_union(sentences, &quote.span);
    let before = &words[first_at(words, span.start)..first_at(words, quote.span.start)];
    let after_from = first_at(words, quote.span.end);
    let after = &words[after_from..first_at(words, span.end).max(after_from)];
    before
        .iter()
        .chain(after.iter().take(TAIL_REACH))
        .any(|w| w.is_any(SPEECH_VERBS))
}

/// An unattributed quote takes the speaker of the quote before it when that
/// one is in the same or the previous paragraph (wire copy runs a speaker's
/// quotes on without repeating "he said").
/// A feature's paragraph that opens with a quote no words attribute
/// ("“I worked for the Americans for six years. …") is the words of the
/// person the paragraph before it was about ("Noorzai, a 31-year-old
/// Afghan, …", "Mr. Yépez spoke slowly about what followed."): the last
/// person it names, when it carries no quote of its own.
fn speakers_from_previous_paragraph(
    text: &str,
    words: &[Word],
    found: &mut [Candidate],
    paragraphs: &[Paragraph],
    people: &[NamedPerson],
) {
    for i in 0..found.len() {
        let candidate = &found[i];
        let first = candidate.paragraphs.start;
        if candidate.quote.speaker.is_some() || candidate.reported_unnamed || first == 0 {
            continue;
        }
        let opens_paragraph = text[paragraphs[first].range.start..]
            .trim_start()
            .starts_with(is_opening_mark);
        let previous = &paragraphs[first - 1];
        let previous_quoted = found[..i]
            .iter()
            .any(|c| c.paragraphs.contains(&(first - 1)))
            || text[previous.range.clone()].contains(is_opening_mark);
        if !opens_paragraph || previous_quoted {
            continue;
        }
        let speaker = people
            .iter()
            .rev()
            .find(|p| previous.range.contains(&p.at))
            .filter(|p| !p.name.is_empty())
            .map(|p| expand(text, words, &p.name))
            .filter(|name| is_speaker(name));
        found[i].quote.speaker = speaker;
    }
}

fn inherit_speakers(found: &mut [Candidate]) {
    for i in 1..found.len() {
        if found[i].quote.speaker.is_none()
            && !found[i].reported_unnamed
            && found[i].paragraphs.start <= found[i - 1].paragraphs.end
        {
            found[i].quote.speaker = found[i - 1].quote.speaker.clone();
        }
    }
    for i in (0..found.len().saturating_sub(1)).rev() {
        if found[i].quote.speaker.is_none()
            && !found[i].reported_unnamed
            && found[i].paragraphs.end > found[i + 1].paragraphs.start
        {
            found[i].quote.speaker = found[i + 1].quote.speaker.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::detect;

    fn speakers(text: &str) -> Vec<Option<String>> {
        detect(text).quotes.into_iter().map(|q| q.speaker).collect()
    }

    fn one(name: &str) -> Vec<Option<String>> {
        vec![Some(name.to_string())]
    }

    #[test]
    fn pronouns_skip_places_firms_and_regions_and_follow_re_mentions() {
        // A re-mention by one name makes the person the latest named; places,
        // a demonym-led firm and a region in between are no one.
        let text = "Tomas Lindqvist, a Swedish engineer, was deported to Eswatini in July.\n\
            Lawyer Carlos Ortega Ruiz said the deal was unlawful.\n\
            Lindqvist spends his days in a cell. Flights of the Norwegian Air shuttle from Eastern Europe pass over the Darién Gap and San Vicente.\n\
            \"I was deported to a country I had never seen,\" he said.";
        assert_eq!(speakers(text), one("Tomas Lindqvist"));
        // "the President said" is the last president named; a given name
        // alone is the full name given before.
        let text = "President Ana Duarte spoke about the deportation agreement.\n\
            \"We will receive the deportees,\" the President said.";
        assert_eq!(speakers(text), one("Ana Duarte"));
        // A protagonist first named as an object, then as a subject again,
        // is the "he" of the next quote; a canal is no one.
        let text = "Guards woke Tomas Lindqvist before dawn and said he was being deported to Eswatini.\n\
            President Carlos Ortega, who agreed to take the deportees, spoke near the Panama Canal.\n\
            Lindqvist describes the flight in flat terms.\n\
            \"We were deported to a prison,\" he said.";
        assert_eq!(speakers(text), one("Tomas Lindqvist"));
        let text = "Kofi Mensah Boateng was deported to Ghana under the new agreement.\n\
            \"They sent me to a country I did not know,\" Kofi said.";
        assert_eq!(speakers(text), one("Kofi Mensah Boateng"));
    }

    #[test]
    fn a_group_or_a_place_is_no_speaker() {
        for text in [
            "\"We will not take deportees from the United States,\" Officials said.",
            "\"We will not take deportees from the United States,\" Burkina Faso said.",
        ] {
            assert_eq!(speakers(text), vec![None], "{text}");
        }
    }

    #[test]
    fn a_title_phrase_is_named_by_its_appositive() {
        assert_eq!(
            speakers(
                "\"We will not become a dumping ground for deportees,\" said Nigeria's foreign minister, Yusuf Tuggar."
            ),
            one("Yusuf Tuggar")
        );
        assert_eq!(
            speakers(
                "\"We will not become a dumping ground for deportees,\" said Ghana's deputy foreign minister, Ama Mensah, on Tuesday."
            ),
            one("Ama Mensah")
        );
        // A pronoun later resolves to the appositive name, not the country.
        let text = "The U.S. deported migrants to Ghana.\n\"We are proud to help here,\" said Ghana's foreign minister, Samuel Okudzeto Ablakwa. \"This is a humanitarian act,\" he added.";
        assert_eq!(
            speakers(text),
            vec![
                Some("Samuel Okudzeto Ablakwa".to_string()),
                Some("Samuel Okudzeto Ablakwa".to_string())
            ]
        );
    }

    #[test]
    fn institutions_are_no_speakers_and_the_evidence_names_them() {
        for (text, institution) in [
            (
                "\"Deportation flights to third countries will continue,\" said the Department of Homeland Security.",
                "Department",
            ),
            (
                "\"Deportation flights to third countries will continue,\" the State Department said.",
                "State Department",
            ),
            (
                "\"We will receive deportees from the United States,\" said the Ministry of Foreign Affairs and International Cooperation.",
                "Ministry",
            ),
            (
                "The U.S. deported 14 West Africans to Ghana.\nAccording to the U.S. Embassy in Accra, the deportees \"are being housed in a hotel with medical care.\"",
                "Embassy",
            ),
            (
                "\"The deportees from the United States will be safe here,\" Washington said.",
                "Washington",
            ),
        ] {
            let found = detect(text).quotes;
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].speaker, None, "{text}");
            assert!(
                text[found[0].evidence.clone()].contains(institution),
                "{text}"
            );
        }
    }

    #[test]
    fn the_gender_a_text_shows_picks_the_pronouns_antecedent() {
        // A relative's noun beside a name, not the shared surname, gives the
        // gender; "him" in the judge's clause is the deportee.
        let text = "The U.S. deported Duc Le to South Sudan in July.\n\
            Mai Le said her brother, Duc Le, a former refugee, calls once a month.\n\
            \"He cries when he calls us from South Sudan,\" she said.\n\
            Judge Rowena Park, who barred officials from removing him while she reviews the case, spoke on Friday.\n\
            \"Nobody has explained why South Sudan was chosen,\" she said.";
        assert_eq!(
            speakers(text),
            vec![Some("Mai Le".to_string()), Some("Rowena Park".to_string())]
        );
        // A pronoun inside what a person is reported to say is someone else's.
        let text = "The U.S. deported Tomas Ruiz to Eswatini.\n\
            His lawyer in Miami, Odalys Brenner, said the government never showed he was a gang member.\n\
            \"They deported him to Eswatini on a guess,\" she said.";
        assert_eq!(speakers(text), one("Odalys Brenner"));
    }

    #[test]
    fn speakers_introduced_by_relatives_roles_and_parentheses() {
        let text = "Uganda agreed to accept deportees from the U.S.\n\
            Opposition legislator Miriam Katushabe (Kasese) said Uganda had no room.\n\
            \"We cannot take in more people from America,\" she said.";
        assert_eq!(speakers(text), one("Miriam Katushabe"));
        let text = "Panama received 299 deportees from the U.S.\n\
            Carlos Mendieta, Panama's migration director, defended the hotel.\n\
            \"The deportees are not detained in Panama,\" he said.";
        assert_eq!(speakers(text), one("Carlos Mendieta"));
        let text = "Eswatini took five deportees from the U.S.\n\
            His wife, Rosa Delgado Ortiz, spoke outside the court.\n\
            \"Every week the government names a new country for him,\" she said.";
        assert_eq!(speakers(text), one("Rosa Delgado Ortiz"));
    }

    #[test]
    fn a_paragraph_opening_with_an_unattributed_quote_is_the_last_persons() {
        let text = "Costa Rica received 200 deportees from the U.S. in February.\n\
            Among them was Omid Rahimi. Rahimi, a 28-year-old Afghan, spent two months in a camp near the border.\n\
            \u{201c}I was deported to a country I had only crossed on foot. Nobody asked me anything.\u{201d}";
        assert_eq!(speakers(text), one("Omid Rahimi"));
        // A paragraph before that names no one leaves it unattributed.
        let text = "Costa Rica received 200 deportees from the U.S. in February.\n\
            Omid Rahimi spent two months in the camp.\n\
            The camp sits a few miles from the border with Panama.\n\
            \u{201c}They are deporting people to Costa Rica without hearings.\u{201d}";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn unnamed_officials_and_people_named_like_countries() {
        // "he said" after an unnamed official is nobody named.
        let text = "Libya denied any deal to take deportees from the U.S.\n\
            Interior Minister Adel Juma rejected the reports.\n\
            A Libyan official in Benghazi, speaking on condition of anonymity, was less categorical. \"There were talks about deportees. Talks are not agreements,\" he said.";
        assert_eq!(speakers(text).last(), Some(&None));
        // A country's name opening a person's name is no place.
        let text = "Eswatini took five deportees from the U.S.\n\
            His wife, Mai Tran, works double shifts.\n\
            Jordan Tran, who studies nursing, says she wants to visit Eswatini.\n\
            \"I looked up flights to Eswatini. Nobody will let us see him,\" she said.";
        assert_eq!(
            speakers(text).last(),
            Some(&Some("Jordan Tran".to_string()))
        );
    }

    #[test]
    fn a_surname_alone_is_the_first_person_named_with_it_and_acronyms_are_no_names() {
        let text = "Kosovo agreed to take 50 deportees from the U.S.\n\
            Deputy Minister Blerim Hoxha said the people would be housed by the ministry. \"These deportees are not prisoners,\" Hoxha said.\n\
            \"The deal with Washington should have come before the Assembly,\" said PDK MP Arbenita Hoxha.";
        assert_eq!(
            speakers(text),
            vec![
                Some("Blerim Hoxha".to_string()),
                Some("Arbenita Hoxha".to_string())
            ]
        );
    }

    #[test]
    fn relatives_affiliations_and_the_principal_of_a_feature() {
        // "His wife … said" is the wife named before.
        let text = "The U.S. deported Rodel Cruz to the Philippines after a Libya flight was stopped.\n\
            \"They want us to go to Libya,\" said his wife, Cristina Cruz, 41.\n\
            Nadia Haddad, a researcher at Amnesty International, said the reports spread fear among deportees.\n\
            Cruz was not on the Libya flight.\n\
            His wife, who works as a caregiver, said she has mixed feelings.\n\
            \"At least it is not Libya, where deportees are held in camps,\" she said.";
        assert_eq!(
            speakers(text).last(),
            Some(&Some("Cristina Cruz".to_string()))
        );
        // A party and a state set off after a name are no name; a
        // legislature opening a title is no part of the name.
        let text = "The U.S. deported migrants to Eswatini.\n\
            \"If a country will take deportees, we should send them,\" said Rep. Tom Brandt, R-Ohio.\n\
            \"Parliament learnt about this deportation agreement from the media,\" said Leader of the Opposition in Parliament Joel Mukasa.";
        assert_eq!(
            speakers(text),
            vec![
                Some("Tom Brandt".to_string()),
                Some("Joel Mukasa".to_string())
            ]
        );
        // The surname alone is the principal named first, not the mother
        // named later.
        let text = "Luis Rondón was deported to El Salvador and held at CECOT.\n\
            \"I saw my son on the television,\" said his mother, Carmen Rondón, 54.\n\
            Rondón said he did not want to be used by anyone. \"I was deported to a prison I had never heard of,\" he said.";
        assert_eq!(
            speakers(text).last(),
            Some(&Some("Luis Rondón".to_string()))
        );
    }

    #[test]
    fn a_sentence_adverb_is_no_given_name() {
        let text = "Venezuelans were deported to El Salvador and held at CECOT.\n\
            Now Ruiz, 29, sells phone cards in Maracay. \"I did not want to go to a prison in El Salvador,\" he said.";
        assert!(
            speakers(text)
                .iter()
                .all(|s| s.as_deref().is_none_or(|name| !name.starts_with("Now"))),
            "{:?}",
            speakers(text)
        );
    }

    #[test]
    fn lone_surnames_and_titles() {
        // A surname the article never gives in full is still a person when
        // it is a proper noun; a capital opening a quote is not.
        let text = "El Salvador holds deportees from the U.S. at CECOT.\n\
            A report concluded: \u{201c}Detainees described beatings at CECOT and no access to lawyers.\u{201d}\n\
            In April, beside the Salvadoran leader, Trump mused about sending more deportees.\n\
            \u{201c}The homegrowns are next for El Salvador,\u{201d} he told his guest.";
        assert_eq!(speakers(text).last(), Some(&Some("Trump".to_string())));
        // Religious and hyphenated titles are no part of the name.
        let text = "Guatemala receives deportees from the U.S. at a shelter.\n\
            \"They arrive with nothing in a country that is not theirs,\" said Sister Marta Quiñónez.\n\
            \"The deportees will be returned home,\" said Vice-President Elena Obiang Nsue.";
        assert_eq!(
            speakers(text),
            vec![
                Some("Marta Quiñónez".to_string()),
                Some("Elena Obiang Nsue".to_string())
            ]
        );
    }

    #[test]
    fn a_definite_role_names_the_person_given_that_role() {
        let text = "The U.S. has deported migrants to South Sudan.\n\
            U.S. District Judge Brian Murphy said the deportations violated his order.\n\
            Marco Rubio defended the flights.\n\
            \"The deportations to South Sudan violated the order,\" the judge wrote.";
        assert_eq!(speakers(text), one("Brian Murphy"));
        let text = "The U.S. has deported migrants to Eswatini.\n\
            Tin Thanh Nguyen, a lawyer for the men, filed suit.\n\
            Kristi Noem defended the policy.\n\
            \"These third-country deportations are unlawful,\" the lawyer said.";
        assert_eq!(speakers(text), one("Tin Thanh Nguyen"));
        // No spokesperson was named: no name, rather than the last one.
        let text = "The U.S. has deported migrants to Eswatini.\n\
            Kristi Noem defended the policy.\n\
            \"These third-country deportations are lawful,\" the spokesperson said.";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn pronouns_skip_people_of_the_other_gender() {
        let text = "The U.S. has deported migrants to Eswatini.\n\
            Kristi Noem defended the flights.\n\
            Marco Rubio was traveling.\n\
            \"These deportations keep Americans safe,\" she said.";
        assert_eq!(speakers(text), one("Kristi Noem"));
        // Gender shown by the text itself: "his", "spokeswoman".
        let text = "The U.S. has deported migrants to Eswatini.\n\
            Thabo Dlamini defended his government's deal.\n\
            Nomsa Zulu, a government spokeswoman, declined to give figures.\n\
            \"We took the deportees as a favor to Washington,\" he said.";
        assert_eq!(speakers(text), one("Thabo Dlamini"));
        // Unknown gender: the last person named.
        let text = "The U.S. has deported migrants to Eswatini.\n\
            Thabo Dlamini defended the deal.\n\
            Sipho Nkosi criticized it.\n\
            \"We took the deportees as a favor to Washington,\" he said.";
        assert_eq!(speakers(text), one("Sipho Nkosi"));
    }

    #[test]
    fn a_surname_shares_the_gender_shown_for_the_full_name() {
        let text = "The U.S. has deported migrants to Eswatini.\n\
            Kristi Noem defended the deportation deals.\n\
            Sen. Gary Peters pressed her. \"You are sending deportees to places with no ties,\" Peters said.\n\
            \"Each country gave diplomatic assurances about deportees,\" she said.";
        assert_eq!(
            speakers(text),
            vec![
                Some("Gary Peters".to_string()),
                Some("Kristi Noem".to_string())
            ]
        );
    }

    #[test]
    fn relevance_follows_the_speaker_and_stops_at_a_topic_shift() {
        // The judge was named two paragraphs back, in deportation talk.
        let text = "The U.S. deported eight men to South Sudan.\n\
            U.S. District Judge Brian Murphy said the deported men must be given interviews.\n\
            The flight stopped in Djibouti.\n\
            \"This is an extraordinary situation, and the court will not look away,\" Murphy said from the bench.";
        assert_eq!(speakers(text), one("Brian Murphy"));
        // The agency that deports frames its spokesperson's words.
        let text = "Mexico accepted the deported family on humanitarian grounds.\n\
            A Homeland Security spokesperson said the family \"had every opportunity to leave voluntarily.\"";
        assert_eq!(speakers(text), vec![None]);
        // "also discussed" turns the story to another subject.
        let text = "Kristi Noem defended the third-country deportations.\n\
            Noem also discussed hurricane preparedness. \"FEMA is ready for this season,\" she said.";
        assert!(speakers(text).is_empty());
    }

    #[test]
    fn a_paragraph_right_after_deportation_talk_carries_it_on() {
        let text = "A planeload of deportees landed in Malabo this week.\n\
            Officials declined to say who was aboard.\n\
            \"We have no information about these people,\" said a spokesperson for the Gabonese government.";
        assert_eq!(speakers(text), vec![None]);
        // Not when the paragraph turns to another topic.
        let text = "A planeload of deportees landed in Malabo this week.\n\
            \"Our oil exports will grow next year,\" the minister said.";
        assert!(speakers(text).is_empty());
        // Nor three paragraphs on, with nothing of the topic in between.
        let text = "A planeload of deportees landed in Malabo this week.\n\
            The city hosted a football final.\n\
            Fans celebrated late.\n\
            \"It was the best night of my life,\" said Juan Obiang.";
        assert!(speakers(text).is_empty());
    }

    #[test]
    fn unnamed_speakers_give_none_not_a_wrong_name() {
        let text = "Marco Rubio praised the deportation deal with Eswatini.\n\"The deal is a disgrace for deportees,\" said a State Department spokesperson.";
        assert_eq!(speakers(text), vec![None]);
        let text = "Eswatini agreed to take deportees from the U.S.\n\"These deportations are a disgrace,\" the lawyer said.";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn an_article_about_no_deal_keeps_only_quotes_about_deportation() {
        // A deportation home: the family's words are not about the deals.
        let text = "A father of two from Macon was deported to his native Peru on Friday.\n\
            \"We miss him every day,\" said Ana Ruiz, his wife.\n\
            \"Deportations like this tear families apart,\" said Luis Ortega, a lawyer.";
        assert_eq!(speakers(text), one("Luis Ortega"));
        // The same words in an article about a third-country deal count.
        let text = "A father was deported home to Peru.\n\
            \"We will receive our citizens with dignity,\" said Ana Ruiz, a Peruvian minister.";
        assert_eq!(speakers(text), one("Ana Ruiz"));
        let text = "A father of two was deported to Eswatini under a third-country deal.\n\
            \"We miss him every day,\" said Ana Ruiz, his wife.";
        assert_eq!(speakers(text), one("Ana Ruiz"));
    }

    #[test]
    fn weather_tourism_and_the_next_item_are_other_topics() {
        let text = "Belize agreed to accept deportees from the U.S. under a safe third country deal.\n\
            A hotel owner worried about tourism. \"Visitors may stay away now,\" she said.";
        assert!(speakers(text).is_empty());
        let text = "Eswatini agreed to accept deportees from the U.S.\n\
            Also Friday, the president left for Ohio. \"It is a lovely state to visit,\" he said.";
        assert!(speakers(text).is_empty());
        // "also" before a verb is no turn: the trap.
        let text = "Eswatini agreed to accept deportees from the U.S.\n\
            The minister also said more could come. \"We will see how it goes,\" she said.";
        assert_eq!(speakers(text).len(), 1);
    }

    #[test]
    fn affiliations_places_and_objects_of_prepositions_are_no_speakers() {
        let text = "Deportations to Rwanda drew criticism. \"It is not safe for deportees,\" said Clara de Souza of Amnesty International.";
        assert_eq!(speakers(text), one("Clara de Souza"));
        // Particles inside a name stay: the trap.
        let text = "Deportations to Rwanda drew criticism. \"It is not safe for deportees,\" said Juan de la Cruz.";
        assert_eq!(speakers(text), one("Juan de la Cruz"));
        let text = "The first flight Costa Rica agreed to accept landed with deportees.\n\
            Minister Omar Vega said the deportees came from Asia. \"None of them will stay,\" he said.";
        assert_eq!(speakers(text), one("Omar Vega"));
        let text = "Deportees were sent to Panama.\n\
            A woman who converted to Christianity said she feared being sent home. \"They will kill me there,\" she told reporters.";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn statements_possessive_roles_and_announced_quotes() {
        let text = "The deal covers deportees, Deputy Minister Ruth Okello said in a statement.\n\
            \"Uganda will receive people deported from the U.S.,\" the statement said.";
        assert_eq!(speakers(text), one("Ruth Okello"));
        // Nobody spoke in a statement: the trap.
        let text = "Deputy Minister Ruth Okello spoke to reporters about deportees.\n\
            \"Uganda will receive people deported from the U.S.,\" the statement said.";
        assert_eq!(speakers(text), vec![None]);
        let text = "Uganda will take deportees, Permanent Secretary of Foreign Affairs Ruth Okello said in a statement.\n\
            \"Uganda will receive people deported from the U.S.,\" the statement said.";
        assert_eq!(speakers(text), one("Ruth Okello"));
        let text = "Deportations to Uganda went ahead. \"The government is punishing him for deportees' rights,\" said his lawyer Tom Mbeki.";
        assert_eq!(speakers(text), one("Tom Mbeki"));
        let text = "Foreign Minister Kofi Mensah spoke about deportees. In a statement, he said:\n\
            \"Ghana took the deportees on humanitarian grounds.\"";
        assert_eq!(speakers(text), one("Kofi Mensah"));
    }

    #[test]
    fn single_curly_marks_quote_when_a_paragraph_has_no_double_ones() {
        let text = "Palau agreed to take deportees from the U.S.\n\
            ‘We are a small nation but a loyal friend to the deportees,’ Whipps told lawmakers. ‘Palau’s help is right.’";
        let found = detect(text).quotes;
        let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "We are a small nation but a loyal friend to the deportees",
                "Palau’s help is right."
            ]
        );
        // Apostrophes alone make no quote: the trap.
        let text = "Palau agreed to take deportees from the U.S.\n\
            The islands’ leaders didn’t say how many deportees Palau’s prisons could hold.";
        assert!(detect(text).quotes.is_empty());
        let text = "Palau agreed to take deportees from the U.S.\n\
            ‘The islands’ leaders will hold the deportees for us,’ she said.";
        assert_eq!(detect(text).quotes.len(), 1);
        assert_eq!(
            detect(text).quotes[0].text,
            "The islands’ leaders will hold the deportees for us"
        );
        let text = "Palau agreed to take deportees from the U.S.\n\
            A group of islanders ‘dreaded the news’ of the deportees.";
        assert!(detect(text).quotes.is_empty());
    }

    #[test]
    fn deportation_talk_frames_relation_paragraphs_anywhere_later() {
        let text = "Ten men deported from the U.S. arrived in Eswatini.\n\
            The prison is outside the capital.\n\
            Lawyers visited the prison on Monday.\n\
            It was raining in the capital.\n\
            The building is old.\n\
            Activists say the deal was never debated. \"The king signed this deal alone,\" said Ana Dube.\n\
            Rugby fans cheered a trade deal win. \"What a great game for us,\" said Tom Reyes.";
        assert_eq!(speakers(text), one("Ana Dube"));
    }

    #[test]
    fn a_pronoun_after_an_unnamed_person_names_no_one() {
        let text = "Deportees were sent to Panama, Frank Ortiz said.\n\
            A Cuban woman who fled said she feared the deportation. \"They will kill me there,\" she said.";
        assert_eq!(speakers(text), vec![None]);
        // The unnamed person is of the other gender: the trap.
        let text = "Deportees were sent to Panama, Ana Ortiz said.\n\
            A Cuban man who fled feared the deportation. \"We will look after them,\" she said.";
        assert_eq!(speakers(text), one("Ana Ortiz"));
    }

    #[test]
    fn partial_quotes_in_a_named_subjects_sentence() {
        // A stance verb and an adverb of time before "said".
        let text = "Chile agreed to take deportees.\n\
            President Ana Lagos defended the deal as a favor to \"our powerful friend in the north\" and said the US pays.";
        assert_eq!(speakers(text), one("Ana Lagos"));
        let text = "Chile agreed to take deportees.\n\
            Minister Ana Lagos has since said Chile took them out of \"solidarity with deported migrants\".";
        assert_eq!(speakers(text), one("Ana Lagos"));
        // A verb coordinated after the subject's first one.
        let text = "Chile agreed to take deportees.\n\
            Spokeswoman Ana Lagos repeated the claim that he is in a gang, which he denies, and said he \"will be deported, whatever the courts say.\"";
        assert_eq!(speakers(text), one("Ana Lagos"));
        // The name owns the noun that speaks: the trap.
        let text = "Chile refused to take deportees.\n\
            A spokesman for President Ana Lagos said Chile \"received no request for deportees.\"";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn long_asides_and_definite_unnamed_people() {
        let text = "\"We will not take deportees,\" Minister Ana Lagos said.\n\
            Tomas Ruiz, the ranking member of parliament's foreign affairs committee, said little. \"Chile is a transit lounge for deportees,\" he said.";
        assert_eq!(
            speakers(text),
            vec![Some("Ana Lagos".into()), Some("Tomas Ruiz".into())]
        );
        let text = "Deportees were sent to Chile, Minister Tomas Ruiz said.\n\
            The sister of one of the deported men, who lives in Ohio, said little. \"He told us the deportees are fed,\" she said.";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn transcript_labels_ages_and_quotes_before_a_participle() {
        let text = "ANCHOR: Ten men were deported to Eswatini.\n\
            ANA RUIZ, DAUGHTER (SOT): \"They said he was going to Africa, not home to his country.\"\n\
            ANCHOR: The deportees landed in Eswatini on Tuesday.\n\
            QUOTE OF THE DAY: \"Deportees will be vetted before they land.\"";
        assert_eq!(speakers(text), vec![Some("Ana Ruiz".into()), None]);
        let text = "Ten men were deported to Chile.\n\
            In a statement, spokeswoman Ana Ruiz said the flight removed \"dangerous people from our streets,\" adding that \"the deportees will not come back.\"";
        assert_eq!(speakers(text), vec![Some("Ana Ruiz".into()); 2]);
        let text = "Ten men were deported to Chile, Minister Ana Ruiz said.\n\
            Tomas Vidal, 39, sits on a chair in Santiago. \"Chile again, deported again,\" he said.";
        assert_eq!(speakers(text), one("Tomas Vidal"));
        let text = "\"Chile will take the deportees,\" Minister Ana Ruiz said.\n\
            Tomas Vidal, director general of Migraciones, acknowledged the gap. \"We have no shelter for deportees,\" he said.";
        assert_eq!(
            speakers(text),
            vec![Some("Ana Ruiz".into()), Some("Tomas Vidal".into())]
        );
    }

    #[test]
    fn surname_labels_speakers_of_parliament_and_first_names_only() {
        let text = "HOST: Priya Raman studies the deportation deals.\n\
            RAMAN: \"Rwanda has taken deportees from Israel before.\"\n\
            HOST: Listeners wrote in about the deportations.\n\
            LISTENER: \"Which countries take deportees from the US?\"";
        assert_eq!(speakers(text), vec![Some("Priya Raman".into()), None]);
        let text = "Uganda agreed to take deportees. \"The House cannot debate it,\" Speaker Anita Among said.";
        assert_eq!(speakers(text), one("Anita Among"));
        let text = "Costa Rica took 200 deportees.\n\
            Among them is a Russian who gave only his first name, Artyom. \"I asked America for protection, and they deported me,\" he said.";
        assert_eq!(speakers(text), one("Artyom"));
    }

    #[test]
    fn descriptions_of_people_are_no_names() {
        assert_eq!(
            speakers(
                "The U.S. deported 20 people to Kosovo.\nAlbanian Prime Minister Edi Rama dismissed the deportation deal, saying Kosovo was \"a waiting room for Washington.\""
            ),
            one("Edi Rama")
        );
        assert_eq!(
            speakers(
                "The U.S. deported her father to Ghana.\nJordan Nguyen, 29, said her father had called once.\n\"He was crying. He asked about the deportation,\" she said."
            ),
            one("Jordan Nguyen")
        );
        assert_eq!(
            speakers(
                "\"Ghana has agreed to receive deportees from the United States,\" Kwame Asante Boateng, deputy director for consular affairs at the ministry of the interior, said on Friday."
            ),
            one("Kwame Asante Boateng")
        );
        assert_eq!(
            speakers(
                "The U.S. has deported migrants to Ghana. Kofi Mensah said the deal was limited. \"We agreed that East African nationals were acceptable,\" he told reporters."
            ),
            one("Kofi Mensah")
        );
        assert_eq!(
            speakers(
                "The U.S. has deported migrants to Ghana.\nPress secretary Ama Boateng, asked about the letter, said: \"We took some people. We will take more deportees.\""
            ),
            one("Ama Boateng")
        );
    }
}
