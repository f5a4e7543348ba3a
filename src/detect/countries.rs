//! Country roles: which country mentions report a destination of people
//! deported from the US (receiving, agreeing to receive, negotiating to
//! receive, or party to a "safe third country" agreement).
//!
//! Decides from the evidence sentence and its neighbours: deportation cues,
//! relation cues, the mention's syntactic role (nationality, origin, other
//! topic) and negation. It must not look at anything outside the text.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::CountryFinding;
use super::gazetteer::{self, Form, Mention};
use super::lexicon::{
    BLOCKING_VERBS, CRITICAL_VERBS, FROM_ORIGIN_HEADS, GIVEN_NAME_COUNTRIES, HEDGED_REFUSALS,
    INSTITUTION_NOUNS, INVOLVEMENT_WORDS, LIST_OPENERS, NEGATED_OBJECTS, NEGATING_VERBS,
    NEW_SUBJECT_WORDS, ORIGIN_MARKERS, PERSON_NOUNS, SPEECH_VERBS, VOLUNTARY_MOVES, is_negator,
    is_not_surname, is_relation_word,
};
use super::words::{Word, first_at, line_around};

/// Words that make "Georgia" the Caucasus country rather than the US state.
const CAUCASUS_MARKERS: &[&str] = &["tbilisi", "caucasus", "soviet", "georgian"];

/// Words and marks that end a clause.
const CLAUSE_BREAKS: &[&str] = &[
    ";",
    // Table cells and dotted fields.
    " | ",
    " · ",
    " • ",
    " — ",
    " – ",
    " -- ",
    " but ",
    " while ",
    " whereas ",
    " although ",
    " though ",
];

/// Openings of relative clauses, which sit inside a clause.
const RELATIVE_OPENERS: &[&str] = &[", which ", ", who ", ", whom ", ", whose ", ", where "];

/// Clause breaks then relative openers, found in one pass per clause.
static CLAUSE_MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(CLAUSE_BREAKS.iter().chain(RELATIVE_OPENERS))
        .expect("clause markers are plain strings")
});

/// How many earlier paragraphs may lend deportation context to a sentence
/// that only has a relation cue ("entering into discussions with ...").
const CONTEXT_LOOKBACK: usize = 8;

struct Sentence {
    range: Range<usize>,
    words: Range<usize>,
    line: usize,
    deportation: bool,
    relation: bool,
    agreement: bool,
}

pub fn find(
    text: &str,
    sentence_ranges: &[Range<usize>],
    words: &[Word],
    mentions: &[Mention],
) -> Vec<CountryFinding> {
    if mentions.is_empty() {
        return Vec::new();
    }
    let sentences = describe_sentences(text, sentence_ranges, words);
    let latest_year = words.iter().filter_map(year_of).max();
    let sections = denying_sections(text);
    let mut list_sentences: Vec<Option<bool>> = vec![None; sentences.len()];
    let mut findings: Vec<CountryFinding> = Vec::new();
    // A country refused or named as the other party in a sentence stays so
    // for the rest of that sentence ("Nigeria ... to accept prisoners into
    // Nigeria").
    let mut excluded: Vec<(&str, usize)> = Vec::new();
    let mut denied_entries: Vec<(&str, usize)> = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        if findings.iter().any(|f| f.code == mention.code) {
            continue;
        }
        let Some(s) = sentences
            .iter()
            .position(|s| s.range.contains(&mention.range.start))
        else {
            continue;
        };
        if excluded.contains(&(mention.code, s)) {
            continue;
        }
        if in_dateline(text, &sentences[s], mention) {
            // "PANAMA CITY — … deportees were being held at a hotel in the
            // capital": the dateline's place, named again by "the capital"
            // or "here", is where the people are held.
            if dateline_place_receives(&words[sentences[s].words.clone()])
                && let Some(name) = gazetteer::common_name(mention.code)
            {
                findings.push(CountryFinding {
                    code: mention.code,
                    name,
                    evidence: sentences[s].range.clone(),
                });
            }
            continue;
        }
        let group = list_group(text, mentions, index);
        let list_sentence = *list_sentences[s]
            .get_or_insert_with(|| in_list_sentence(text, &sentences, s, mentions));
        let heading_end = heading_end(text, mentions, mention);
        let heading = (heading_end.is_some()
            && sentences[s].range.start <= mention.range.start
            && heading_in_context(&sentences, s, words))
            || list_sentence;
        // "MEXICO: STILL NO." — a heading answered with a no, for the whole
        // entry ("May 7 — Libya [NO DEAL]. … a planned flight to Libya").
        if heading
            && heading_end.is_some_and(|end| {
                heading_says_no(text, words, end) || entry_moves_its_own(text, mentions, end)
            })
        {
            denied_entries.push((mention.code, sentences[s].line));
            continue;
        }
        if under_denying_section(&sections, mention)
            || denied_entries.contains(&(mention.code, sentences[s].line))
        {
            continue;
        }
        let evidence = if heading
            || in_deportation_context(&sentences, s, words, mentions, &mentions[group.start])
        {
            sentences[s].range.clone()
        } else if let Some(next) = continued_by_pronoun(text, &sentences, s, words, mention) {
            sentences[s].range.start..sentences[next].range.end
        } else {
            continue;
        };
        let sentence = &sentences[s];
        let sentence_words = &words[sentence.words.clone()];
        // "Did Nigeria and Ghana agree to take deportees?": a question asks
        // and reports nothing; nor does the claim a fact-check weighs, or a
        // newsletter's sign-off ("— Jordan").
        if text[sentence.range.clone()]
            .trim_end_matches(['"', '”', '’', '\'', ')', ' '])
            .ends_with('?')
            || is_claim_or_sign_off(text, mention)
        {
            continue;
        }
        if is_other_meaning(text, sentence_words, mention, &sentences, s, words) {
            continue;
        }
        let clause = clause_around(text, &sentence.range, &mention.range);
        let clause_words: Vec<&Word> = sentence_words.iter().filter(|w| clause.holds(w)).collect();
        // A relative clause right after the country describes it: "Nigeria,
        // which has publicly refused to take deportees".
        let described: Vec<&Word> = match &clause.hole {
            Some(hole)
                if text
                    .get(mentions[group.end - 1].range.end..hole.start)
                    .is_some_and(|gap| gap.trim().is_empty()) =>
            {
                sentence_words
                    .iter()
                    .filter(|w| clause.holds(w) || hole.contains(&w.range.start))
                    .collect()
            }
            _ => clause_words.clone(),
        };
        // The cue and the country share a clause: a country in a relative
        // clause about something else ("Ghana's minister, who visited China
        // last week, said Ghana would accept deportees") is no party.
        let continued = evidence.end != sentence.range.end;
        let head = &mentions[group.start];
        if !continued && !heading && !clause_has_cue(text, &described, words, sentence, head) {
            continue;
        }
        if mention.form == Form::Capital && !is_capital_destination(&clause_words, mention) {
            continue;
        }
        let antecedent = relative_antecedent(text, mentions, &clause.range);
        // A list shares its head's negation: "could not send them to
        // Nigeria or Gambia".
        if is_negated(text, &described, mention)
            || (group.start != index && is_negated(text, &described, &mentions[group.start]))
            || is_counterparty(text, &clause_words, mentions, &group, antecedent)
        {
            excluded.push((mention.code, s));
            continue;
        }
        // Origin reads the list from its head: "who are from Sierra Leone,
        // Guinea and Cameroon".
        let head_words: Vec<&Word> = if group.start == index {
            clause_words.clone()
        } else {
            let head_clause = clause_around(text, &sentence.range, &mentions[group.start].range);
            sentence_words
                .iter()
                .filter(|w| head_clause.holds(w))
                .collect()
        };
        if is_own_country_appositive(text, &mentions[group.end - 1])
            || returns_its_own_people(text, &clause_words, mentions, mention)
            || in_descriptive_appositive(text, &sentence.range, mentions, &group)
            || is_in_question_or_condition(&head_words, &mentions[group.start])
            || is_set_against(&clause_words, &mentions[group.start])
            || takes_back_own_citizens(&head_words, group.len() > 1)
            || is_bare_location(&clause_words, &mentions[group.start])
            || is_origin(text, &head_words, mentions, &group)
            || is_other_topic(&clause_words, mention, &mentions[group.end - 1])
            || is_other_topic(
                &head_words,
                &mentions[group.start],
                &mentions[group.end - 1],
            )
            || is_us_facility_site(&described, mention)
            || is_own_journey(&clause_words, &mentions[group.start])
            || is_agent_of_other_act(&clause_words, &mentions[group.start])
            || is_beneficiary(&clause_words, &mentions[group.start])
            || is_sender(&clause_words, &mentions[group.end - 1])
            || in_foreign_scheme(text, sentence_words, mentions, mention)
            || is_person_descriptor(sentence_words, mention)
            || is_bloc_member(&clause_words, &mentions[group.start])
            || feared_return_home(sentence_words, mentions, mention)
            || under_repatriation_agreement(&clause_words)
            || takes_people_back(&clause_words, &mentions[group.end - 1])
            || set_in_an_earlier_year(&clause_words, latest_year)
            || sends_people_home(&clause_words, mention)
            || is_start_of_a_leg(&clause_words, mention)
            || is_reacting_party(&clause_words, &mentions[group.start])
            || is_demonym_place(text, mention)
            || runs_its_own_site(text, &described)
            || moved_by_other_state(&clause_words, mentions, mention)
            || only_might_be_asked(&clause_words, mention)
            || names_the_speaker(text, sentence, sentence_words, mention)
            || is_returned_to(&head_words, &mentions[group.start])
            || owns_the_object(&head_words, &mentions[group.start])
            || was_only_approached(
                &head_words,
                &mentions[group.start],
                &mentions[group.end - 1],
            )
            || is_object_of_refusal(&clause_words, mention)
        {
            continue;
        }
        let Some(name) = gazetteer::common_name(mention.code) else {
            continue;
        };
        findings.push(CountryFinding {
            code: mention.code,
            name,
            evidence,
        });
    }
    findings
}

fn describe_sentences(text: &str, ranges: &[Range<usize>], words: &[Word]) -> Vec<Sentence> {
    let mut line = 0;
    let mut scanned = 0;
    ranges
        .iter()
        .map(|range| {
            // Blank lines carry no sentences: any line break starts the next paragraph.
            line += usize::from(text[scanned..range.start].contains('\n'));
            scanned = range.start;
            let span = first_at(words, range.start)..first_at(words, range.end);
            let sentence_words = &words[span.clone()];
            let deportation = sentence_words.iter().any(|w| w.cues.deportation);
            let migrants = sentence_words.iter().any(|w| w.cues.migrant);
            // "the migrants deported there": "there" is the country named.
            let relation = sentence_words.iter().any(|w| w.cues.relation)
                || sentence_words.windows(2).any(|p| {
                    (p[0].cues.deportation || p[0].cues.relation) && p[1].lower == "there"
                });
            let all: Vec<&Word> = sentence_words.iter().collect();
            let agreement =
                names_the_set_again(&all) || sentence_words.iter().any(|w| w.cues.agreement);
            Sentence {
                range: range.clone(),
                words: span,
                line,
                deportation: deportation || (migrants && relation),
                relation,
                agreement,
            }
        })
        .collect()
}

/// "NAIROBI, Kenya (AP) — ...": the place a story was filed from says
/// nothing about deportations.
fn in_dateline(text: &str, sentence: &Sentence, mention: &Mention) -> bool {
    const MAX_DATELINE: usize = 60;
    let body = &text[sentence.range.clone()];
    // Wire copy sets the dateline off with a dash; plain-text feeds type it
    // as a spaced hyphen ("KATHMANDU, Nepal (Reuters) - ").
    let Some(dash) = body.find(['—', '–']).or_else(|| body.find(" - ")) else {
        return false;
    };
    let dateline = &body[..dash];
    let city: String = dateline
        .chars()
        .take_while(|c| *c != ',' && *c != '(')
        .collect();
    let shouting = city.chars().any(char::is_alphabetic)
        && city
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    dash <= MAX_DATELINE && shouting && mention.range.start < sentence.range.start + dash
}

/// The dateline's sentence holds deportees "in the capital" or "here".
fn dateline_place_receives(sentence: &[Word]) -> bool {
    const HANDLING: &[&str] = &[
        "held", "housed", "detained", "arrived", "landed", "flown", "brought", "taken", "kept",
        "lodged",
    ];
    const REACH: usize = 8;
    if !sentence
        .iter()
        .any(|w| w.cues.deportation || w.cues.migrant)
    {
        return false;
    }
    sentence.iter().enumerate().any(|(i, w)| {
        let deictic = w.lower == "here"
            || (i >= 2
                && w.is_any(&["capital", "city"])
                && sentence[i - 1].lower == "the"
                && sentence[i - 2].is_any(&["in", "to", "into"]));
        deictic
            && sentence[i.saturating_sub(REACH)..i]
                .iter()
                .any(|x| x.is_any(HANDLING))
    })
}

/// A sentence reports a destination when it speaks of deportation and of a
/// relation (or sends people "to" the country), or when it speaks of a
/// relation ("talks with Libya") right after sentences about deportation.
fn in_deportation_context(
    sentences: &[Sentence],
    s: usize,
    words: &[Word],
    mentions: &[Mention],
    list_head: &Mention,
) -> bool {
    let sentence = &sentences[s];
    let directed = is_directed(words, sentence, list_head);
    if sentence.deportation {
        return sentence.relation || directed;
    }
    // "238 Venezuelan men the Trump administration flew to El Salvador": the
    // US moving another country's nationals there is the deal at work, with
    // or without the word "deport" nearby.
    if sentence.relation && directed && us_moves_foreigners(words, sentence, mentions, list_head) {
        return true;
    }
    if !(sentence.agreement
        || (sentence.relation && directed)
        || is_payee(words, sentence, list_head)
        || holds_foreigners(words, sentence, mentions, list_head))
    {
        return false;
    }
    let first_line = sentence.line.saturating_sub(CONTEXT_LOOKBACK);
    sentences
        .iter()
        .filter(|o| (first_line..=sentence.line).contains(&o.line))
        .any(|o| o.deportation)
}

fn us_moves_foreigners(
    words: &[Word],
    sentence: &Sentence,
    mentions: &[Mention],
    list_head: &Mention,
) -> bool {
    let sentence_words = &words[sentence.words.clone()];
    let us = sentence_words
        .iter()
        .any(|w| w.is_any(US_WORDS) && w.lower != "us" || w.is_any(&["administration", "trump"]));
    us && sentence_words.iter().enumerate().any(|(k, w)| {
        is_other_demonym(mentions, w, list_head)
            && (w.lower.ends_with('s')
                || sentence_words
                    .get(k + 1)
                    .is_some_and(|n| n.is_any(PERSON_NOUNS)))
    })
}

/// `word` is a demonym of a country other than `list_head`'s ("Venezuelan"
/// beside El Salvador).
fn is_other_demonym(mentions: &[Mention], word: &Word, list_head: &Mention) -> bool {
    mention_at(mentions, word).is_some_and(|m| m.form == Form::Demonym && m.code != list_head.code)
}

/// "El Salvador has held Venezuelans in its prison since March": a country
/// opening the sentence as the subject of taking in people of another
/// country.
fn holds_foreigners(
    words: &[Word],
    sentence: &Sentence,
    mentions: &[Mention],
    list_head: &Mention,
) -> bool {
    const VERB_REACH: usize = 4;
    const OBJECT_REACH: usize = 3;
    let at = first_at(words, list_head.range.start);
    if at != sentence.words.start {
        return false;
    }
    let after = first_at(words, list_head.range.end);
    let sentence_words = &words[after..sentence.words.end];
    let Some(verb) = sentence_words
        .iter()
        .take(VERB_REACH)
        .position(|w| w.cues.relation && !w.cues.agreement)
    else {
        return false;
    };
    sentence_words[verb + 1..]
        .iter()
        .take(OBJECT_REACH)
        .any(|w| {
            w.is_any(PERSON_NOUNS)
                || (w.lower.ends_with('s') && is_other_demonym(mentions, w, list_head))
        })
}

/// "ESWATINI: Five men arrived in July", "Costa Rica — Received about 200
/// people", "Panama | Received | about 300": a fact box entry, list item or
/// table row headed by the country is about that country. Returns where the
/// heading ends: the separator after a line opening with only countries.
fn heading_end(text: &str, mentions: &[Mention], mention: &Mention) -> Option<usize> {
    const MAX_HEADING: usize = 60;
    let line_range = line_around(text, mention.range.start);
    let line_start = line_range.start;
    let line = &text[line_range];
    let separator = line_start + line.find([':', '—', '–', '|', '·', '•'])?;
    if separator < mention.range.end {
        return dated_heading_end(text, mentions, line_start, separator, mention);
    }
    if separator - line_start > MAX_HEADING {
        return None;
    }
    names_only_countries(text, line_start..separator, mentions).then_some(separator)
}

/// The span holds country names joined by "and" and punctuation, nothing
/// else: a heading.
fn names_only_countries(text: &str, span: Range<usize>, mentions: &[Mention]) -> bool {
    let (rest, _) = without_countries(text, span, mentions);
    rest.split(|c: char| !c.is_alphanumeric())
        .all(|w| w.is_empty() || w.eq_ignore_ascii_case("and"))
}

/// "CLAIM: \"Nigeria and Ghana have signed secret agreements …\"", "—
/// Jordan": a line that states what a fact-check weighs, or signs off.
fn is_claim_or_sign_off(text: &str, mention: &Mention) -> bool {
    let Range {
        start: line_start,
        end: line_end,
    } = line_around(text, mention.range.start);
    let line = &text[line_start..line_end];
    // "Not counted: the 2019 agreements with …": a label that leaves out.
    const MAX_LABEL_WORDS: usize = 3;
    let claim = line.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim();
        let mut label_words = label.split_whitespace();
        label.eq_ignore_ascii_case("claim")
            || (label.split_whitespace().count() <= MAX_LABEL_WORDS
                && label_words
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("not") || w.eq_ignore_ascii_case("no")))
    });
    // "— Jordan" closing a line, alone or after the last sentence.
    let before = text[line_start..mention.range.start].trim_end();
    let dashed = before.ends_with(['—', '–']);
    let rest_of_line = before.trim_end_matches(['—', '–']).trim_end();
    let after_sentence = rest_of_line.is_empty() || rest_of_line.ends_with(['.', '!', '?']);
    let sign_off = dashed && after_sentence && text[mention.range.end..line_end].trim().is_empty();
    claim || sign_off
}

/// "Feb. 12 — Panama. The first flight lands …", "May 7 — Libya [NO
/// DEAL].": a tracker's entry, a date, then the country alone up to a
/// period or a bracket. Ends where the country's name does.
fn dated_heading_end(
    text: &str,
    mentions: &[Mention],
    line_start: usize,
    separator: usize,
    mention: &Mention,
) -> Option<usize> {
    const MAX_DATE: usize = 24;
    let date = &text[line_start..separator];
    if date.len() > MAX_DATE || !date.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = separator + text[separator..].chars().next().map_or(0, char::len_utf8);
    let end = after + text[after..].find(['.', '[', '(', '\n'])?;
    if end < mention.range.end || text[end..].starts_with('\n') {
        return None;
    }
    names_only_countries(text, after..end, mentions).then_some(end)
}

/// The first words after a heading deny, doubt or speak of the country's
/// own people: "MEXICO: Still no.", "Uzbekistan | Own nationals only",
/// "LIBYA · Disputed", "Home returns only".
fn heading_says_no(text: &str, words: &[Word], end: usize) -> bool {
    const REACH: usize = 3;
    // A table row's first cell after the country is its answer.
    let after = end + text[end..].chars().next().map_or(0, char::len_utf8);
    let cell_end = text[after..]
        .find(['|', '·', '•', '\n'])
        .map_or(text.len(), |k| after + k);
    let opening: Vec<&Word> = words[first_at(words, end)..first_at(words, cell_end)]
        .iter()
        .take(REACH)
        .collect();
    opening.iter().any(|w| {
        is_negator(w)
            || w.is_any(NEGATING_VERBS)
            || w.is_any(BLOCKING_VERBS)
            || w.is_any(&["disputed", "unconfirmed"])
    }) || opening.windows(2).any(|p| {
        (p[0].lower == "own" && p[1].is_any(&["nationals", "citizens", "people"]))
            || (p[0].lower == "home" && p[1].lower.starts_with("return"))
    })
}

/// "July 18 — Venezuela. The 252 Venezuelans held at CECOT are flown to
/// Caracas": an entry whose people are the heading country's own nationals,
/// and no one else's, tells of a return home.
fn entry_moves_its_own(text: &str, mentions: &[Mention], end: usize) -> bool {
    let Some(heading) = mentions.iter().rev().find(|m| m.range.end <= end) else {
        return false;
    };
    // The entry's first sentence; "non-Mexicans" are others.
    let after = end + text[end..].chars().next().map_or(0, char::len_utf8);
    let sentence_end = text[after..]
        .find(['.', '\n'])
        .map_or(text.len(), |k| after + k);
    let people = |m: &&Mention| {
        m.form == Form::Demonym
            && (after..sentence_end).contains(&m.range.start)
            && text[m.range.clone()].ends_with('s')
            && !is_non_prefixed(text, m)
    };
    let mut entry = mentions.iter().filter(people);
    entry.clone().any(|m| m.code == heading.code) && entry.all(|m| m.code == heading.code)
}

/// "non-Mexicans", "non-Guatemalan deportees": everyone but the country's
/// own people.
fn is_non_prefixed(text: &str, mention: &Mention) -> bool {
    text.get(mention.range.start.saturating_sub(4)..mention.range.start)
        .is_some_and(|p| p.eq_ignore_ascii_case("non-"))
}

/// "Said no, or denied" above "Nigeria — …", "Not on this list" above
/// "… nor is Djibouti": a section heading of a round-up that denies covers
/// every line under it, up to the next heading. Returns, for each line's
/// start, whether the section it stands in denies; worked out once per text.
fn denying_sections(text: &str) -> Vec<(usize, bool)> {
    const MAX_SECTION_WORDS: usize = 8;
    const DENIALS: &[&str] = &[
        "no", "not", "denied", "refused", "rejected", "declined", "refusals", "refusing", "denials",
    ];
    let mut denies = false;
    let mut offset = 0;
    let mut lines = Vec::new();
    for raw in text.split_inclusive('\n') {
        lines.push((offset, denies));
        offset += raw.len();
        let line = raw.trim();
        let heading = !line.is_empty()
            && line.split_whitespace().count() <= MAX_SECTION_WORDS
            && !line.ends_with(['.', '!', '?', ':', '"', '”', ')'])
            && !line.contains(['—', '–', '|', '·', '•']);
        if heading {
            denies = line
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| DENIALS.contains(&w.to_lowercase().as_str()));
        }
    }
    lines
}

fn under_denying_section(sections: &[(usize, bool)], mention: &Mention) -> bool {
    let line = sections.partition_point(|(start, _)| *start <= mention.range.start);
    line > 0 && sections[line - 1].1
}

/// The text of `span` with the countries in it blanked out, and how many
/// there were: what a heading or a list says besides naming countries.
fn without_countries(text: &str, span: Range<usize>, mentions: &[Mention]) -> (String, usize) {
    let mut rest = text[span.clone()].to_string();
    let inside = mentions
        .iter()
        .filter(|m| m.range.start >= span.start && m.range.end <= span.end);
    let mut count = 0;
    for m in inside {
        let blank = " ".repeat(m.range.len());
        rest.replace_range(m.range.start - span.start..m.range.end - span.start, &blank);
        count += 1;
    }
    (rest, count)
}

/// "Africa: Eswatini, South Sudan, Rwanda and Uganda." under "Where the
/// deals stand, by region:": a sentence that is only a label and a list of
/// countries, after lines about deportation deals, lists their parties.
fn in_list_sentence(text: &str, sentences: &[Sentence], s: usize, mentions: &[Mention]) -> bool {
    const MAX_LABEL: usize = 40;
    const LIST_LOOKBACK: usize = 8;
    let sentence = &text[sentences[s].range.clone()];
    let (label, body) = match sentence.find(':') {
        Some(colon) if colon <= MAX_LABEL => (&sentence[..colon], &sentence[colon + 1..]),
        _ => ("", sentence),
    };
    // "Refusals: …", "Other schemes: Italy–Albania": no list of US partners.
    let label_denies = label.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        [
            "not", "no", "never", "refused", "rejected", "declined", "refusals", "other", "others",
        ]
        .contains(&w.as_str())
    });
    let body_start = sentences[s].range.end - body.len();
    let (rest, listed) = without_countries(text, body_start..sentences[s].range.end, mentions);
    // Parenthetical notes ("Palau (up to 75)") say how many, not who.
    let mut depth = 0usize;
    let rest: String = rest
        .chars()
        .filter(|c| {
            depth = match c {
                '(' => depth + 1,
                ')' => depth.saturating_sub(1),
                _ => depth,
            };
            depth == 0 && *c != ')'
        })
        .collect();
    // "QUESTION: And Bhutan?" asks.
    let only_countries = listed > 0
        && !sentence.trim_end().ends_with('?')
        && rest.split(|c: char| !c.is_alphanumeric()).all(|w| {
            w.is_empty() || ["and", "or", "also", "plus"].contains(&w.to_lowercase().as_str())
        });
    let line = sentences[s].line;
    let first_line = line.saturating_sub(LIST_LOOKBACK);
    let before: Vec<&Sentence> = sentences[..s]
        .iter()
        .filter(|o| o.line >= first_line)
        .collect();
    only_countries
        && !label_denies
        && before.iter().any(|o| o.deportation)
        && before.iter().any(|o| o.agreement || o.relation)
}

fn heading_in_context(sentences: &[Sentence], s: usize, words: &[Word]) -> bool {
    let line = sentences[s].line;
    let paragraph_relation = sentences
        .iter()
        .filter(|o| o.line == line)
        .any(|o| o.relation);
    let told = sentences[..=s].iter().any(|o| o.deportation)
        || sentences
            .iter()
            .filter(|o| o.line == line)
            .flat_map(|o| &words[o.words.clone()])
            .any(|w| w.cues.deportation);
    paragraph_relation && told
}

/// "hosted migrants for Italy": a country after "for" is the one served,
/// not a destination (but "a flight bound for Eswatini" is).
fn is_beneficiary(clause: &[&Word], list_head: &Mention) -> bool {
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    at >= 1
        && clause[at - 1].lower == "for"
        && !(at >= 2
            && clause[at - 2].is_any(&[
                "bound", "destined", "headed", "departed", "left", "leaving", "leaves", "flight",
                "flights", "plane",
            ]))
}

/// "deported to Mexico, Guatemala and Honduras", "deporting migrants to
/// countries including South Sudan", "send him to Uganda": the list is the
/// goal of a preposition that can carry a destination.
fn is_directed(words: &[Word], sentence: &Sentence, list_head: &Mention) -> bool {
    let before = first_at(words, list_head.range.start);
    before > sentence.words.start
        && (words[before - 1].is_any(&["to", "in", "into", "with", "including"])
            || (before > sentence.words.start + 1
                && words[before - 2].lower == "such"
                && words[before - 1].lower == "as"))
}

/// Whether the clause holding the mention (with a relative clause right
/// after it that describes it) carries the deportation relation itself: a
/// deportation, migrant or relation word, or the list is the goal of "to",
/// "in", "with".
/// "a list of partners that has grown all year: El Salvador, which …; Costa
/// Rica and Panama, …; and Eswatini, South Sudan …": a colon after a noun
/// for the set opens a list of its members, however the items are split.
fn listed_after_set_colon(text: &str, words: &[Word], sentence: &Sentence, head: &Mention) -> bool {
    const SET_NOUNS: &[&str] = &[
        "partners",
        "countries",
        "nations",
        "destinations",
        "governments",
        "states",
        "list",
    ];
    let sentence_words = &words[sentence.words.clone()];
    let Some(colon) = sentence_words
        .iter()
        .position(|w| w.range.end < head.range.start && text[w.range.end..].starts_with(':'))
    else {
        return false;
    };
    sentence_words[..=colon].iter().any(|w| w.is_any(SET_NOUNS))
}

fn clause_has_cue(
    text: &str,
    clause: &[&Word],
    words: &[Word],
    sentence: &Sentence,
    head: &Mention,
) -> bool {
    // Only "to"/"into" (a goal) and "with" (a counterpart: "raised the
    // idea with Ivory Coast") carry a destination by themselves: "abuses in
    // Sudan" in a clause about something else is no goal.
    let before = first_at(words, head.range.start);
    let goal = before > sentence.words.start && words[before - 1].is_any(&["to", "into", "with"]);
    goal || names_the_set_again(clause)
        || listed_after_set_colon(text, words, sentence, head)
        || is_payee(words, sentence, head)
        || clause
            .iter()
            .any(|w| w.cues.relation || w.cues.deportation || w.cues.migrant)
}

/// "how much the administration had paid governments including El
/// Salvador, Rwanda and Eswatini": the states paid, in a paragraph about
/// deportation deals, are the deals' other parties.
fn is_payee(words: &[Word], sentence: &Sentence, list_head: &Mention) -> bool {
    const REACH: usize = 4;
    const BETWEEN: &[&str] = &[
        "governments",
        "government",
        "countries",
        "nations",
        "including",
        "such",
        "as",
        "the",
    ];
    let at = first_at(words, list_head.range.start);
    let from = at.saturating_sub(REACH).max(sentence.words.start);
    (from..at).rev().any(|i| {
        words[i].is_any(&["paid", "pay", "pays", "paying"])
            && words[i + 1..at].iter().all(|w| w.is_any(BETWEEN))
    })
}

/// "Among the countries named were Liberia and Sierra Leone": the set of
/// countries the story is about, named again; its deportation talk comes
/// from the paragraphs before, as for "talks with Libya".
fn names_the_set_again(words: &[&Word]) -> bool {
    // "They include El Salvador, Costa Rica …", "These include …", "Among
    // them are …" right after a sentence about the countries.
    let opens_with_set = match words {
        [first, second, ..] => {
            (first.is_any(&["they", "these", "those", "others"])
                && second.is_any(&["include", "included", "includes", "are", "were"]))
                || (first.lower == "among" && second.lower == "them")
        }
        _ => false,
    };
    // "Antigua was among the first.", "St. Kitts and Nevis followed.",
    // "Dominica did the same": a predicate that only points back at the
    // sentence before.
    let points_back = words.windows(3).any(|p| {
        p[0].lower == "among"
            && p[1].lower == "the"
            && p[2].is_any(&["first", "latest", "last", "earliest", "next"])
    }) || words.windows(2).any(|p| {
        (p[0].lower == "followed" && p[1].lower == "suit")
            || (p[0].is_any(&["did", "done", "do", "does"]) && p[1].lower == "the")
                && words.iter().any(|w| w.lower == "same")
            || (p[0].lower == "joined" && p[1].is_any(&["them", "the"]))
    }) || words.iter().enumerate().any(|(k, w)| {
        // "St Kitts and Nevis followed weeks later."
        w.lower == "followed"
            && words[k + 1..].iter().take(2).all(|n| {
                n.is_any(&[
                    "suit", "weeks", "days", "months", "later", "soon", "shortly", "quickly",
                    "days", "week", "month",
                ])
            })
    });
    opens_with_set
        || points_back
        || words.windows(2).any(|p| {
            p[0].is_any(&["countries", "nations", "governments"])
                && p[1].is_any(&[
                    "named",
                    "listed",
                    "mentioned",
                    "approached",
                    "contacted",
                    "asked",
                    "cited",
                    "identified",
                    "targeted",
                ])
        })
}

/// A capital stands for its country only in a destination role: the goal of
/// "to"/"into" ("flown to Juba"), the place people are handled "in"
/// ("landed in Malabo", not "talks in Doha"), or the subject of an agreeing
/// word ("Kigali agreed", "Kigali has said it will accept").
fn is_capital_destination(clause: &[&Word], mention: &Mention) -> bool {
    const SUBJECT_REACH: usize = 5;
    const HANDLING_REACH: usize = 4;
    if its_leader_acts_there(clause, mention) {
        return true;
    }
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    if at > 0 && clause[at - 1].is_any(&["to", "into"]) {
        return true;
    }
    if at > 0 && clause[at - 1].is_any(&["in", "at"]) {
        return clause[at.saturating_sub(1 + HANDLING_REACH)..at - 1]
            .iter()
            .any(|w| (w.cues.relation && !w.cues.agreement) || w.cues.deportation);
    }
    let first_after = clause.partition_point(|w| w.range.start < mention.range.end);
    clause[first_after..]
        .iter()
        .take(SUBJECT_REACH)
        .any(|w| w.cues.agreement)
}

/// "In Guatemala City, President Bernardo Arévalo agreed to take
/// deportees": a clause opened by the place, whose subject is a head of
/// state or government acting, makes the place that state.
fn its_leader_acts_there(clause: &[&Word], mention: &Mention) -> bool {
    const SUBJECT_REACH: usize = 6;
    const LEADERS: &[&str] = &[
        "president",
        "government",
        "minister",
        "ministry",
        "officials",
        "authorities",
        "leader",
        "king",
    ];
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    if at != 1 || clause[0].lower != "in" {
        return false;
    }
    let after = clause.partition_point(|w| w.range.start < mention.range.end);
    let subject = &clause[after..(after + SUBJECT_REACH).min(clause.len())];
    // Its own act, not what it said of others' ("the foreign minister said
    // Washington had tied visas to its willingness to accept deportees").
    // "confirmed that it had held talks" reports its own act.
    let rest = &clause[after..];
    let own_act_end = rest
        .iter()
        .enumerate()
        .position(|(k, w)| {
            w.is_any(SPEECH_VERBS)
                && !matches!(
                    rest.get(k + 1..k + 3),
                    Some([a, b]) if (a.lower == "that" && b.lower == "it") || a.lower == "it"
                )
        })
        .unwrap_or(rest.len());
    subject.iter().any(|w| w.is_any(LEADERS))
        && rest[..own_act_end]
            .iter()
            .any(|w| w.cues.relation || w.cues.agreement)
}

/// When the clause is a relative clause ("…, which struck a deal with
/// Britain"), the country it hangs on is its subject.
fn relative_antecedent<'m>(
    text: &str,
    mentions: &'m [Mention],
    clause: &Range<usize>,
) -> Option<&'m Mention> {
    let before = text[..clause.start].trim_end();
    let pronoun = ["which", "who", "whose"]
        .iter()
        .find(|p| before.ends_with(*p))?;
    let opener = before[..before.len() - pronoun.len()].trim_end();
    let opener = opener.strip_suffix(',')?.trim_end();
    let opener = opener
        .strip_suffix("government")
        .map_or(opener, str::trim_end);
    let opener = opener
        .strip_suffix("'s")
        .or_else(|| opener.strip_suffix("’s"))
        .unwrap_or(opener);
    mentions.iter().find(|m| m.range.end == opener.len())
}

/// "The swap was negotiated by … Venezuela", "a deal brokered by Qatar":
/// the agent of a passive verb of mediating or paying, or of an act that is
/// no deportation (a prisoner swap), is no destination.
fn is_agent_of_other_act(clause: &[&Word], list_head: &Mention) -> bool {
    const MEDIATING: &[&str] = &[
        "brokered",
        "mediated",
        "facilitated",
        "funded",
        "financed",
        "paid",
        "backed",
        "sponsored",
        "hosted",
        "organized",
        "organised",
        "arranged",
        "criticized",
        "criticised",
        "condemned",
        "opposed",
    ];
    const OTHER_ACTS: &[&str] = &[
        "swap",
        "swaps",
        "exchange",
        "hostage",
        "hostages",
        "prisoner",
        "ceasefire",
        "truce",
    ];
    /// Words the agent phrase may hold before the country: "by the Trump
    /// administration, El Salvador and Venezuela".
    const AGENT_REACH: usize = 6;
    const PHRASE_ENDS: &[&str] = &[
        "to", "in", "into", "with", "from", "for", "of", "at", "on", "that", "which", "who",
    ];
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    let Some(by) = clause[at.saturating_sub(AGENT_REACH)..at]
        .iter()
        .rposition(|w| w.lower == "by" || w.is_any(PHRASE_ENDS))
        .map(|i| i + at.saturating_sub(AGENT_REACH))
        .filter(|&i| clause[i].lower == "by")
    else {
        return false;
    };
    let before = &clause[..by];
    // "centres built by Italy", "a ban announced by Ghana": the agent of a
    // participle that neither receives nor moves people did something else.
    const IRREGULAR_PARTICIPLES: &[&str] =
        &["built", "run", "made", "led", "won", "set", "written"];
    let other_participle = before
        .iter()
        .rev()
        .find(|w| !w.lower.ends_with("ly"))
        .is_some_and(|w| {
            (w.lower.ends_with("ed") || w.is_any(IRREGULAR_PARTICIPLES))
                && !w.cues.relation
                && !w.cues.deportation
        });
    other_participle
        || before.iter().rev().take(3).any(|w| w.is_any(MEDIATING))
        || (!before.iter().any(|w| w.cues.deportation || w.cues.migrant)
            && before.iter().any(|w| w.is_any(OTHER_ACTS)))
}

/// Words naming the US as a party; a sentence without any speaks of some
/// other state's doings.
const US_WORDS: &[&str] = &[
    "u.s",
    "us",
    "united",
    "america",
    "american",
    "americans",
    "washington",
    "trump",
    "administration",
    "ice",
    "dhs",
];
/// Verbs by which a state moves people abroad under its own scheme.
const SCHEME_VERBS: &[&str] = &[
    "sent",
    "send",
    "sends",
    "sending",
    "flew",
    "fly",
    "flies",
    "shipped",
    "pioneered",
    "followed",
    "relocated",
    "transferred",
    "outsourced",
    // "Israel quietly paid Rwanda and Uganda to take …".
    "paid",
    "pays",
    "paying",
];
/// The same verbs in the infinitive: "a plan to send".
const SEND_INFINITIVES: &[&str] = &[
    "send", "deport", "fly", "move", "ship", "process", "relocate", "transfer",
];
const SCHEME_NOUNS: &[&str] = &[
    "plan",
    "scheme",
    "policy",
    "programme",
    "program",
    "model",
    "deal",
    "arrangement",
    "agreement",
    "partnership",
    "solution",
    "pact",
];

fn mention_at<'m>(mentions: &'m [Mention], w: &Word) -> Option<&'m Mention> {
    mentions
        .iter()
        .find(|m| m.range.start <= w.range.start && w.range.start < m.range.end)
}

/// "an arrangement reached between Italy and Albania", "Australia … sending
/// asylum seekers to camps on Nauru", "Britain's plan to fly asylum seekers
/// to Kigali", "Denmark, which once negotiated with Rwanda": a sentence (or a
/// relative clause) where a state other than the US sends people to another
/// state, with no word of the US, reports another state's scheme; none of
/// its countries is a US destination.
fn in_foreign_scheme(
    text: &str,
    sentence: &[Word],
    mentions: &[Mention],
    mention: &Mention,
) -> bool {
    let is_state = |m: &Mention| m.form != Form::Demonym;
    let us_in = |ws: &[Word]| {
        ws.iter().any(|w| {
            w.is_any(US_WORDS)
                && (w.lower != "us" && w.lower != "ice"
                    || text[w.range.clone()].chars().all(|c| c.is_uppercase()))
        })
    };
    // "Denmark, which once negotiated with Rwanda": the relative clause
    // right after the country.
    let k = sentence.partition_point(|w| w.range.start < mention.range.end);
    if k < sentence.len()
        && text[mention.range.end..sentence[k].range.start].trim() == ","
        && sentence[k].is_any(&["which", "who"])
    {
        {
            let end = sentence[k..]
                .iter()
                .position(|w| text[w.range.end..].starts_with(','))
                .map_or(sentence.len(), |e| k + e + 1);
            let hole = &sentence[k + 1..end];
            let acts = hole
                .iter()
                .take(4)
                .any(|w| w.is_any(SCHEME_VERBS) || w.is_any(&["negotiated", "struck", "signed"]));
            let other = hole
                .iter()
                .filter_map(|w| mention_at(mentions, w))
                .any(|m| is_state(m) && m.code != mention.code);
            // "Rwanda, which struck a deal with Britain, agreed to take
            // deportees": the main clause may still make it a destination.
            let main_relates = sentence[end..]
                .iter()
                .any(|w| w.cues.relation || w.cues.deportation || w.cues.migrant);
            if acts && other && !us_in(hole) && !main_relates {
                return true;
            }
        }
    }
    if us_in(sentence) {
        return false;
    }
    // "The EU has since struck similar deals with Tunisia and Egypt": a bloc
    // of other states, which the gazetteer does not list, is another party.
    const PACT_VERBS: &[&str] = &[
        "signed",
        "struck",
        "reached",
        "negotiated",
        "inked",
        "sealed",
    ];
    let bloc = sentence.iter().enumerate().position(|(k, w)| {
        text[w.range.clone()] == *"EU"
            || (w.lower == "union" && k > 0 && sentence[k - 1].lower == "european")
    });
    if let Some(b) = bloc {
        let at = sentence.partition_point(|w| w.range.start < mention.range.start);
        if b < at
            && sentence[b..at].iter().any(|w| w.is_any(PACT_VERBS))
            && sentence[b..at].iter().any(|w| w.lower == "with")
        {
            return true;
        }
    }
    for (i, w) in sentence.iter().enumerate() {
        let Some(m) = mention_at(mentions, w).filter(|m| is_state(m)) else {
            continue;
        };
        // "between Italy and Albania".
        if i > 0 && sentence[i - 1].lower == "between" {
            return true;
        }
        if m.range.end != w.range.end && !w.lower.ends_with("'s") {
            continue;
        }
        // "Israel, a decade ago, quietly paid Rwanda": a parenthetical set
        // off by commas stands between the state and its verb.
        const PARENTHETICAL: usize = 6;
        let rest = &sentence[i + 1..];
        let skip = if text[m.range.end..].trim_start().starts_with(',') {
            rest.iter()
                .take(PARENTHETICAL)
                .position(|x| text[..x.range.start].trim_end().ends_with(','))
                .map_or(0, |p| p.max(1))
        } else {
            0
        };
        let rest = &rest[skip..];
        let Some(first) = rest.first() else {
            continue;
        };
        let verb_from = if skip > 0 {
            first.range.start
        } else {
            m.range.end
        };
        let later_state = |from: usize| {
            rest[from..]
                .iter()
                .filter_map(|x| mention_at(mentions, x))
                .any(|o| is_state(o) && o.code != m.code)
        };
        // "a plan to fly asylum seekers to Kigali".
        let plan_to_send = |k: usize| {
            rest.get(k..k + 3).is_some_and(|p| {
                p[0].is_any(SCHEME_NOUNS)
                    && p[1].lower == "to"
                    && (p[2].is_any(SCHEME_VERBS) || p[2].is_any(SEND_INFINITIVES))
            }) && later_state(k + 3)
        };
        // "Britain's plan to fly asylum seekers to Kigali"; "Britain spent
        // £700 million on a plan to send asylum seekers to Rwanda": the
        // sentence's subject funds or adopts a scheme of its own.
        let opens_sentence = i == 0
            || text[sentence[0].range.start..m.range.start]
                .trim_end()
                .ends_with(['—', '–', ':']);
        if (w.lower.ends_with("'s") && plan_to_send(0))
            || (opens_sentence && (0..rest.len()).any(plan_to_send))
        {
            return true;
        }
        // "Israel also quietly sent thousands of Eritreans to Rwanda".
        let verb = rest.iter().take(4).position(|x| {
            !(x.lower.ends_with("ly")
                || x.is_any(&[
                    "has", "have", "had", "also", "long", "once", "then", "later", "itself",
                ]))
        });
        let Some(v) = verb else {
            continue;
        };
        let attached = !text[verb_from..rest[v].range.start].contains([',', ';', '—', '–']);
        // "Uganda followed Rwanda in agreeing" is no scheme of its own;
        // "Israel followed with secret arrangements" is.
        if rest[v].is_any(SCHEME_VERBS)
            && (rest[v].lower != "followed" || rest.get(v + 1).is_some_and(|w| w.lower == "with"))
            && attached
            && later_state(v + 1)
        {
            return true;
        }
        // "Albania's arrangement with Italy": a pact of two other states.
        if w.lower.ends_with("'s")
            && rest.len() >= 3
            && rest[0].is_any(&[
                "deal",
                "arrangement",
                "agreement",
                "pact",
                "accord",
                "memorandum",
                "partnership",
            ])
            && rest[1].lower == "with"
            && mention_at(mentions, &rest[2]).is_some_and(|o| is_state(o) && o.code != m.code)
        {
            return true;
        }
        // "Australia has spent billions holding people on Nauru": money
        // spent on moving or holding people in another state.
        const SPENT_REACH: usize = 4;
        if rest[v].is_any(&["spent", "spends", "spending"])
            && attached
            && rest[v + 1..]
                .iter()
                .take(SPENT_REACH)
                .position(|x| {
                    x.is_any(&[
                        "holding",
                        "sending",
                        "detaining",
                        "processing",
                        "housing",
                        "flying",
                    ])
                })
                .is_some_and(|g| later_state(v + 1 + g))
        {
            return true;
        }
        // "Denmark once signed a memorandum with Kigali": a pact between two
        // other states.
        if rest[v].is_any(PACT_VERBS)
            && attached
            && rest[v + 1..].iter().enumerate().any(|(k, x)| {
                x.lower == "with"
                    && rest
                        .get(v + 2 + k)
                        .and_then(|n| mention_at(mentions, n))
                        .is_some_and(|o| is_state(o) && o.code != m.code)
            })
        {
            return true;
        }
    }
    false
}

/// "an ally of Argentina's Javier Milei", "ties with Argentina's Javier
/// Milei": a country's possessive before a person's name, in a phrase the
/// person does not head as subject, describes the person.
fn is_person_descriptor(sentence: &[Word], mention: &Mention) -> bool {
    let at = sentence.partition_point(|w| w.range.end <= mention.range.start);
    let Some(w) = sentence.get(at) else {
        return false;
    };
    if !w.lower.ends_with("'s") || at == 0 {
        return false;
    }
    // "flown to Ghana's Kotoka International Airport" is a place; "an
    // agreement with Guatemala's Bernardo Arévalo" makes the country a party.
    const REACH: usize = 8;
    let governed = sentence[at - 1].is_any(&["of", "with", "and", "like"])
        && !sentence[at.saturating_sub(REACH)..at]
            .iter()
            .any(|w| w.cues.relation || w.cues.deportation || w.cues.migrant);
    let name = sentence.get(at + 1..at + 3).is_some_and(|n| {
        n.iter()
            .all(|x| x.capitalised && !x.is_any(INSTITUTION_NOUNS) && !x.is_any(PERSON_NOUNS))
    });
    governed && name
}

/// "“Rwanda takes America's deportees …,” Congolese government spokesman
/// Patrick Muyaya told AFP": a country in the title of a quote's speaker
/// says who speaks, not who receives. What is said makes it a party only
/// by speaking as "we" ("“We will receive them,” Eswatini's government
/// spokesman said") or, outside the quote, by reporting an act ("said it
/// had agreed to receive him").
fn names_the_speaker(text: &str, sentence: &Sentence, words: &[Word], mention: &Mention) -> bool {
    const TITLE_REACH: usize = 3;
    const VERB_REACH: usize = 6;
    const TITLE_NOUNS: &[&str] = &[
        "minister",
        "ministry",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "government",
        "official",
        "officials",
        "ambassador",
        "embassy",
        "envoy",
        "president",
    ];
    // Without a quote, what the speaker's government said is its own act
    // ("Ghana's government spokesman said the men were being helped home").
    let quotes = quoted_spans(&text[sentence.range.clone()], sentence.range.start);
    if quotes.is_empty() || quotes.iter().any(|q| q.contains(&mention.range.start)) {
        return false;
    }
    let at = words.partition_point(|w| w.range.end <= mention.range.start);
    let after = &words[(at + 1).min(words.len())..];
    let title = after
        .iter()
        .take(TITLE_REACH)
        .position(|w| w.is_any(TITLE_NOUNS));
    let Some(title) = title else {
        return false;
    };
    let quoted = |w: &Word| quotes.iter().any(|q| q.contains(&w.range.start));
    let verb = after[title + 1..]
        .iter()
        .take(VERB_REACH)
        .take_while(|w| !quoted(w))
        .position(|w| w.is_any(SPEECH_VERBS))
        .map(|k| &after[title + 1 + k + 1..]);
    let verb_before = (at > 0 && words[at - 1].is_any(SPEECH_VERBS))
        || (at > 1 && words[at - 2].is_any(SPEECH_VERBS));
    // "The Liberian government said it had agreed to receive him": what it
    // said outside the quote is an act of its own.
    let reports_an_act = |rest: &[Word]| {
        rest.iter()
            .take_while(|w| !quoted(w))
            .any(|w| w.cues.relation || w.cues.deportation)
    };
    let reported = match verb {
        Some(rest) => !reports_an_act(rest),
        None => verb_before,
    };
    let speaks_as_we = words
        .iter()
        .filter(|w| quotes.iter().any(|q| q.contains(&w.range.start)))
        .any(|w| w.is_any(&["we", "us"]));
    reported && !speaks_as_we
}

/// Byte ranges, in the text, of the parts of `sentence` (which starts at
/// `offset`) between quotation marks. An unclosed mark runs to the end.
fn quoted_spans(sentence: &str, offset: usize) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match (c, open) {
            ('“', None) => open = Some(i),
            ('”', Some(start)) => {
                spans.push(offset + start..offset + i);
                open = None;
            }
            ('"', None) => open = Some(i),
            ('"', Some(start)) => {
                spans.push(offset + start..offset + i);
                open = None;
            }
            _ => {}
        }
    }
    // A sentence that ends a quote opened before it: its words up to the
    // closing mark are quoted.
    if spans.is_empty()
        && open.is_none()
        && let Some(close) = sentence.find('”')
    {
        spans.push(offset..offset + close);
    }
    if let Some(start) = open {
        spans.push(offset + start..offset + sentence.len());
    }
    spans
}

/// "the trade bloc it shares with Brazil, Argentina and Uruguay": members of
/// a bloc or alliance.
fn is_bloc_member(clause: &[&Word], list_head: &Mention) -> bool {
    const REACH: usize = 6;
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    clause[at.saturating_sub(REACH)..at]
        .iter()
        .any(|w| w.is_any(&["bloc", "blocs", "alliance", "alliances", "membership"]))
}

/// "Vietnam has accepted few deportees … under a bilateral agreement": a
/// bilateral or repatriation agreement takes back the country's own
/// nationals, unless the clause speaks of third-country or other people.
fn under_repatriation_agreement(clause: &[&Word]) -> bool {
    let agreement = clause.windows(2).any(|p| {
        p[0].is_any(&["bilateral", "repatriation", "readmission"])
            && p[1].is_any(&[
                "agreement",
                "agreements",
                "accord",
                "accords",
                "deal",
                "pact",
            ])
    });
    agreement
        && !clause.iter().any(|w| {
            w.lower.starts_with("third")
                || w.lower.starts_with("non-")
                || w.is_any(&["other", "others", "foreign", "foreigners"])
        })
}

/// "Iranian Christians, who face persecution if returned to Iran": a group
/// named by the country's demonym, feared to be sent back there.
fn feared_return_home(sentence: &[Word], mentions: &[Mention], mention: &Mention) -> bool {
    let at = sentence.partition_point(|w| w.range.start < mention.range.start);
    if at < 3 || sentence[at - 1].lower != "to" {
        return false;
    }
    let verb = &sentence[at - 2];
    let moved = verb.is_any(&[
        "returned",
        "deported",
        "sent",
        "repatriated",
        "expelled",
        "removed",
    ]) || (verb.is_any(&["back", "home"]) && at >= 4);
    let conditional = sentence[at.saturating_sub(5)..at - 1]
        .iter()
        .any(|w| w.is_any(&["if", "should", "unless", "once"]));
    let own_group = mentions.iter().any(|m| {
        m.form == Form::Demonym
            && m.code == mention.code
            && m.range.end <= mention.range.start
            && sentence
                .first()
                .is_some_and(|f| f.range.start <= m.range.start)
    });
    moved && conditional && own_group
}

/// "Italy has long sent migrants back", "Mexico deports thousands": the
/// subject of a sending verb is the sender, not a destination (unless it
/// sends them on into its own prisons).
fn is_sender(clause: &[&Word], list_end: &Mention) -> bool {
    const BETWEEN: &[&str] = &[
        "has",
        "have",
        "had",
        "also",
        "long",
        "already",
        "previously",
        "itself",
        "been",
        "would",
        "will",
        "could",
        "recently",
        "reportedly",
        "routinely",
        "regularly",
        "now",
        "still",
        "itself",
        "too",
        "alone",
    ];
    let after = clause.partition_point(|w| w.range.start < list_end.range.end);
    let rest = &clause[after..];
    let Some(verb) = rest.iter().position(|w| !w.is_any(BETWEEN)) else {
        return false;
    };
    let w = rest[verb];
    let sending = w.base().starts_with("deport")
        || w.base().starts_with("expel")
        || w.is_any(&["sent", "send", "sends", "sending", "returns", "repatriated"]);
    sending
        && !rest[verb..]
            .iter()
            .any(|w| w.is_any(&["prison", "prisons", "jail", "jails", "facility", "center"]))
}

/// "Eswatini has been great. They took some very bad people": a country
/// opening its sentence is the subject the next sentence's "They"/"It"/"the
/// country" continues, and that sentence can carry the deportation context.
/// Returns the continuing sentence.
fn continued_by_pronoun(
    text: &str,
    sentences: &[Sentence],
    s: usize,
    words: &[Word],
    mention: &Mention,
) -> Option<usize> {
    const SUBJECT_REACH: usize = 2;
    let sentence = &sentences[s];
    let next = sentences.get(s + 1).filter(|n| n.line == sentence.line)?;
    let opens_with_country =
        first_at(words, mention.range.start) - sentence.words.start <= SUBJECT_REACH;
    let next_words = &words[next.words.clone()];
    // "The landlocked kingdom, whose …, agreed": one adjective may come
    // between.
    const HEADS: &[&str] = &["country", "kingdom", "nation", "government"];
    let continues = match next_words {
        [first, ..] if first.is_any(&["it", "they"]) => true,
        [first, second, third, ..] if first.lower == "the" && !second.capitalised => {
            second.is_any(HEADS) || third.is_any(HEADS)
        }
        [first, second, ..] => first.lower == "the" && second.is_any(HEADS),
        _ => false,
    };
    let next_words: Vec<&Word> = next_words.iter().collect();
    let pseudo = Mention {
        range: next.range.start..next.range.start,
        code: mention.code,
        form: mention.form,
    };
    (opens_with_country
        && continues
        && in_deportation_context(sentences, s + 1, words, &[], &pseudo)
        && !is_negated(text, &next_words, &pseudo))
    .then_some(s + 1)
}

/// Georgia the US state, and people named Jordan or Chad.
fn is_other_meaning(
    text: &str,
    sentence_words: &[Word],
    mention: &Mention,
    sentences: &[Sentence],
    s: usize,
    words: &[Word],
) -> bool {
    let name = &text[mention.range.clone()];
    if mention.code == "GE" {
        let line = sentences[s].line;
        let paragraph_has_marker = sentences
            .iter()
            .filter(|o| o.line == line)
            .flat_map(|o| &words[o.words.clone()])
            .any(|w| CAUCASUS_MARKERS.contains(&w.base()));
        if !paragraph_has_marker {
            return true;
        }
    }
    if mention.form != Form::Name || !GIVEN_NAME_COUNTRIES.contains(&name) {
        return false;
    }
    let at = sentence_words.partition_point(|w| w.range.start < mention.range.start);
    let adjacent_name =
        |w: &Word, gap: &str| w.capitalised && !is_not_surname(w) && gap.trim().is_empty();
    let next = sentence_words.get(at + 1).is_some_and(|w| {
        adjacent_name(w, &text[mention.range.end..w.range.start])
            && gazetteer::mentions(&text[w.range.clone()]).is_empty()
    });
    let previous = at > 0
        && sentence_words.get(at - 1).is_some_and(|w| {
            at - 1 > 0 && adjacent_name(w, &text[w.range.end..mention.range.start])
        });
    // "His daughter, Jordan, 19,": a person named after a noun for one, or
    // given an age.
    let after_person = at > 0
        && sentence_words[at - 1].is_any(PERSON_NOUNS)
        && text[sentence_words[at - 1].range.end..mention.range.start] == *", ";
    let aged = text[mention.range.end..]
        .strip_prefix(", ")
        .is_some_and(|rest| {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (1..=3).contains(&digits) && rest[digits..].starts_with(',')
        });
    next || previous || after_person || aged
}

/// The clause holding the mention: sentences join clauses with semicolons,
/// dashes and contrastive conjunctions, and a role or negation in one clause
/// says nothing about a country in another.
fn clause_around(text: &str, sentence: &Range<usize>, mention: &Range<usize>) -> Clause {
    let body = &text[sentence.clone()];
    let at = mention.start - sentence.start;
    let until = at + (mention.end - mention.start);
    let mut start = 0;
    let mut end = body.len();
    let mut relatives = Vec::new();
    for m in CLAUSE_MARKERS.find_iter(body) {
        let (i, after) = (m.start(), m.end());
        if m.pattern().as_usize() >= CLAUSE_BREAKS.len() {
            relatives.push((i, after));
        } else if after <= at {
            start = start.max(after);
        } else if i >= until && !continues_subject(&body[after..]) {
            end = end.min(i);
        }
    }
    // A relative clause set off by commas ("Gabon, which borders Equatorial
    // Guinea, said ...") is its own clause; around it the main clause runs on.
    let mut hole = None;
    for (i, inner) in relatives {
        let close = body[inner..].find(", ").map(|c| inner + c);
        let relative_end = close.unwrap_or(body.len());
        if (inner..relative_end).contains(&at) {
            start = start.max(inner);
            end = end.min(relative_end);
        } else if i >= start && relative_end <= end {
            hole = Some(sentence.start + i..sentence.start + relative_end);
        }
    }
    Clause {
        range: sentence.start + start..sentence.start + end,
        hole,
    }
}

/// The words of a sentence that can bear on one mention: a byte range,
/// less a relative clause inside it that speaks of something else.
struct Clause {
    range: Range<usize>,
    hole: Option<Range<usize>>,
}

impl Clause {
    fn holds(&self, word: &Word) -> bool {
        word.range.start >= self.range.start
            && word.range.end <= self.range.end
            && !self
                .hole
                .as_ref()
                .is_some_and(|h| h.contains(&word.range.start))
    }
}

/// "... but would not take deportees", "... but made no commitment": a
/// clause that opens on a verb rather than a new subject shares the subject
/// before it, so its negation still applies to that subject.
fn continues_subject(rest: &str) -> bool {
    let first: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    first.chars().next().is_some_and(char::is_lowercase)
        && !NEW_SUBJECT_WORDS.contains(&first.as_str())
}

/// Indices of the mentions coordinated with mention `index` ("Vietnam,
/// Jamaica, Laos and Cuba"), in order.
fn list_group(text: &str, mentions: &[Mention], index: usize) -> Range<usize> {
    // A list stays inside its paragraph: a country ending one line and one
    // opening the next (a table's rows) are no list.
    let joined = |a: &Mention, b: &Mention| {
        let gap = text.get(a.range.end..b.range.start).unwrap_or("x");
        !gap.contains('\n')
            && gap
                .split(|c: char| c == ',' || c.is_whitespace())
                .all(|w| w.is_empty() || matches!(w, "and" | "or" | "the"))
    };
    let mut first = index;
    while first > 0 && joined(&mentions[first - 1], &mentions[first]) {
        first -= 1;
    }
    let mut last = index;
    while last + 1 < mentions.len() && joined(&mentions[last], &mentions[last + 1]) {
        last += 1;
    }
    first..last + 1
}

/// Nationality or origin rather than destination: "a Guatemalan man",
/// "Venezuelans", "citizens of Cuba", "men from Laos", "Cuba nationals".
fn is_origin(text: &str, clause: &[&Word], mentions: &[Mention], group: &Range<usize>) -> bool {
    /// How far before "from" the people it describes may stand.
    const FROM_REACH: usize = 6;
    let first = &mentions[group.start];
    let last = &mentions[group.end - 1];
    let after = clause.iter().position(|w| w.range.start >= last.range.end);
    let head = after.map(|i| clause[i]);
    if mentions[group.clone()]
        .iter()
        .any(|m| m.form == Form::Demonym)
    {
        let plural = mentions[group.clone()]
            .iter()
            .any(|m| m.form == Form::Demonym && text[m.range.clone()].ends_with('s'));
        let institution = head.is_some_and(|w| w.is_any(INSTITUTION_NOUNS));
        if plural || !institution {
            return true;
        }
    } else if head.is_some_and(|w| {
        w.is_any(PERSON_NOUNS) && text[last.range.end..w.range.start].trim().is_empty()
    }) {
        return true;
    }
    let before: Vec<&&Word> = clause
        .iter()
        .filter(|w| w.range.end <= first.range.start)
        .collect();
    let mut i = before.len();
    // Regions share origin lists with countries: "from Central Asia and India".
    let mut regions = 0;
    while i > 0 {
        let w = before[i - 1];
        let region_word =
            regions < 3 && (w.capitalised || w.is_any(&["and", "or"])) && !w.is_any(LIST_OPENERS);
        // "from countries in Central Asia and India": "in" inside the list
        // opener, after the noun it locates.
        let locating = w.lower == "in"
            && i >= 2
            && before[i - 2].is_any(&["countries", "country", "nations", "places"]);
        if !(w.is_any(LIST_OPENERS) || region_word || locating) {
            break;
        }
        regions += usize::from(region_word);
        i -= 1;
    }
    if i == 0 {
        return false;
    }
    let marker = before[i - 1];
    // "citizens of their countries, including Panama": a comma ends the
    // origin phrase before the list; one inside a list of places ("from
    // Central America, Cuba and Venezuela") does not.
    let gap = &before[i..];
    let list_of_places = gap
        .iter()
        .all(|w| w.capitalised || w.is_any(&["and", "or"]));
    if text[marker.range.end..first.range.start].contains([',', ';', ':']) && !list_of_places {
        return false;
    }
    // "sent home to Mexico", "flown back to Cuba": a return to the origin.
    // "repatriated to Jamaica" is a return by definition; "sent on to Togo"
    // is a later leg from the first destination, not a US deportation.
    // "people it cannot or will not send home, to South Sudan": a return
    // denied is no return.
    let denied_return = before[i.saturating_sub(6)..i - 1]
        .iter()
        .any(|w| denies_a_return(w));
    if marker.lower == "to"
        && i >= 2
        && (before[i - 2].is_any(&["home", "back", "on", "onward", "onwards"])
            || before[i - 2].lower.starts_with("repatriat"))
        && !denied_return
    {
        return true;
    }
    // "before their release to Venezuela", "his return to Honduras".
    if marker.lower == "to"
        && i >= 3
        && before[i - 2].is_any(&["return", "release", "repatriation"])
        && (before[i - 3].is_any(&["their", "his", "her"])
            || before[i - 3].lower.ends_with("'s")
            || before[i - 3].lower.ends_with("s'"))
    {
        return true;
    }
    // "some of whom were then sent to Togo", "later transferred to Cameroon":
    // a later leg from the first destination.
    if marker.is_any(&["to", "into"]) && is_onward_leg(&before[..i - 1]) {
        return true;
    }
    // "deported to his native El Salvador", "returned to their homeland of
    // Haiti": the person's own country.
    if marker.is_any(&["native", "ancestral"])
        && i >= 3
        && before[i - 2].is_any(&["his", "her", "their"])
        && before[i - 3].lower == "to"
    {
        return true;
    }
    match marker.base() {
        "of" => i >= 2 && before[i - 2].is_any(ORIGIN_MARKERS),
        "in" => i >= 2 && before[i - 2].is_any(&["born", "raised"]),
        // "Panama took 299, from countries including Afghanistan and China":
        // people "from countries such as" are named by their origins.
        "from"
            if before[i..]
                .iter()
                .any(|w| w.is_any(&["countries", "nations"])) =>
        {
            true
        }
        "from" => {
            let mut j = i - 1;
            while j > 0
                && before[j - 1].is_any(&[
                    "originally",
                    "all",
                    "mostly",
                    "mainly",
                    "largely",
                    "many",
                    "most",
                ])
            {
                j -= 1;
            }
            // "The men — from Vietnam, Jamaica and Laos — were flown": an
            // aside opening on "from" describes people named before it.
            // "the 200 deportees, most from Central Asia and India": so
            // does one opening on a quantifier after a comma.
            let aside_start = if j < i - 1 { before[j] } else { marker };
            let opens_aside = (j == 0 || j < i - 1)
                && text[..aside_start.range.start]
                    .trim_end()
                    .ends_with(['—', '–', ',', '(']);
            // "deportees this year, mostly from Cuba": the people the origin
            // belongs to may stand a few words back.
            let after_adverb = j < i - 1;
            let people_before = after_adverb
                && before[j.saturating_sub(FROM_REACH)..j]
                    .iter()
                    .any(|w| w.is_any(PERSON_NOUNS));
            // "non-Mexicans from Cuba", "Africans from Ghana": a plural
            // demonym names people too.
            let demonym_people = j > 0 && {
                let w = before[j - 1];
                w.lower.starts_with("non-")
                    || mentions.iter().any(|m| {
                        m.form == Form::Demonym
                            && m.range.start <= w.range.start
                            && w.range.end <= m.range.end
                            && text[m.range.clone()].ends_with('s')
                    })
            };
            // "fled from Honduras, as well as from Nicaragua": a "from"
            // coordinated with an origin "from" before it shares its role.
            let coordinated = j > 0
                && before[j - 1].is_any(&["as", "and", "or", "also"])
                && before[..j - 1].iter().enumerate().any(|(k, w)| {
                    w.lower == "from"
                        && k > 0
                        && (before[k - 1].is_any(PERSON_NOUNS)
                            || before[k - 1].is_any(FROM_ORIGIN_HEADS))
                });
            opens_aside
                || coordinated
                || people_before
                || demonym_people
                || (j > 0
                    && (before[j - 1].is_any(PERSON_NOUNS)
                        || before[j - 1].is_any(FROM_ORIGIN_HEADS)))
        }
        _ => false,
    }
}

/// "then sent to", "were subsequently transferred to": a move after the
/// deportation, ending where the words before "to" end.
fn is_onward_leg(before: &[&&Word]) -> bool {
    const LATER: &[&str] = &[
        "then",
        "later",
        "subsequently",
        "eventually",
        "afterward",
        "afterwards",
    ];
    const MOVED: &[&str] = &[
        "sent",
        "transferred",
        "returned",
        "repatriated",
        "moved",
        "taken",
        "handed",
        // "Bhutan, which then expelled many of them to Nepal": a third state
        // moving people on.
        "expelled",
        "deported",
        "pushed",
        // "later flew to Argentina", "then travelled on to Senegal": the
        // person going on.
        "flew",
        "travelled",
        "traveled",
        "went",
        "headed",
    ];
    /// Words that may stand between the verb and "to": "sent across the
    /// border to Togo", "taken by bus to".
    const BETWEEN: usize = 4;
    let n = before.len();
    let Some(verb) = (n.saturating_sub(BETWEEN + 1)..n)
        .rev()
        .find(|&i| before[i].is_any(MOVED))
    else {
        return false;
    };
    // "from there, … they were taken to Nigeria": a leg from the place
    // just named.
    let from_there = before[..verb]
        .windows(2)
        .any(|p| p[0].lower == "from" && p[1].is_any(&["there", "where", "which"]));
    let later = from_there
        || before[verb.saturating_sub(3)..verb]
            .iter()
            .any(|w| w.is_any(LATER));
    // "held in a hotel before being sent to Togo".
    let before_being =
        verb >= 2 && before[verb - 2].lower == "before" && before[verb - 1].lower == "being";
    // "sent across the border to Togo": on to a neighbour of the first
    // destination, over land.
    let over_border = before[verb + 1..].iter().any(|w| w.lower == "border");
    // Those two only after a first destination in the clause ("deported to
    // Ghana … before being sent …"): "sent across the border to Mexico"
    // from the US is a destination.
    let first_leg = before[..verb]
        .windows(2)
        .any(|p| p[0].lower == "to" && p[1].capitalised);
    // "sent on by road to Nigeria", "moved onward to Togo": the particle
    // says the leg follows another.
    // "deported on a flight to Lima" is a preposition, not the particle.
    let moved_on = before
        .get(verb + 1)
        .is_some_and(|w| w.is_any(&["on", "onward", "onwards"]))
        && before.get(verb + 2).is_none_or(|w| {
            !w.is_any(&[
                "a",
                "an",
                "the",
                "board",
                "his",
                "her",
                "their",
                "its",
                "charter",
                "commercial",
                "military",
            ])
        });
    later || moved_on || ((before_being || over_border) && first_leg)
}

/// "deported to Mexico, his country of birth", "sent to Honduras, their
/// home country": an appositive naming the country as the person's own.
fn is_own_country_appositive(text: &str, last: &Mention) -> bool {
    let rest = text[last.range.end..].trim_start();
    let Some(rest) = rest.strip_prefix(',') else {
        return false;
    };
    let phrase: Vec<String> = rest
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_lowercase)
        .collect();
    let phrase: Vec<&str> = phrase.iter().map(String::as_str).collect();
    matches!(
        phrase.as_slice(),
        [
            "his" | "her" | "their" | "its",
            "own" | "home" | "native" | "birth",
            ..
        ] | [
            "his" | "her" | "their",
            "country" | "homeland" | "nation",
            "of",
            "birth" | "origin" | "citizenship" | "nationality"
        ] | ["his" | "her" | "their", "country" | "homeland", ..]
            | ["where", "he" | "she" | "they", "was" | "were", "born"]
            | [
                "the",
                "country" | "nation" | "homeland",
                "he" | "she" | "they",
                "left" | "fled" | "had" | "once"
            ]
    )
}

/// "Four Cubans deported to Mexico were later flown to Havana": people the
/// sentence names by the country's demonym, as people ("Cubans", "Cuban
/// men"), going there are going home, which is no third-country deal.
fn returns_its_own_people(
    text: &str,
    clause: &[&Word],
    mentions: &[Mention],
    mention: &Mention,
) -> bool {
    let Some(first) = clause.first() else {
        return false;
    };
    // "the Hondurans … were received by Honduran authorities": the
    // receiving state's own people.
    if mention.form == Form::Demonym {
        // The people may stand in the main clause before the relative one
        // ("the Hondurans were taken to the border, where …").
        return mentions.iter().any(|m| {
            m.code == mention.code
                && m.form == Form::Demonym
                && m.range.end < mention.range.start
                && !text[m.range.end..mention.range.start].contains(['\n', '.', '?', '!'])
                && text[m.range.clone()].ends_with('s')
        }) && clause.iter().any(|w| {
            w.range.start >= mention.range.end && w.is_any(&["authorities", "officials"])
        }) && clause.iter().any(|w| {
            w.range.end <= mention.range.start && w.is_any(&["received", "met", "welcomed"])
        });
    }
    let in_clause = |m: &Mention| {
        m.range.start >= first.range.start
            && clause.last().is_some_and(|l| m.range.end <= l.range.end)
    };
    // "Received 238 Venezuelans and 23 Salvadorans": others' nationals
    // coordinated with its own come too, so more than its own people.
    const COORDINATED: usize = 24;
    let with_others = |own: &Mention| {
        mentions.iter().any(|m| {
            m.code != mention.code
                && m.form == Form::Demonym
                && in_clause(m)
                && text[m.range.clone()].ends_with('s')
                && m.range.end <= own.range.start
                && own.range.start - m.range.end <= COORDINATED
        })
    };
    mentions
        .iter()
        .filter(|m| !with_others(m))
        .filter(|m| {
            m.code == mention.code
                && m.form == Form::Demonym
                && m.range.start >= first.range.start
                && clause.last().is_some_and(|l| m.range.end <= l.range.end)
                // "non-Guatemalan deportees" are the opposite.
                && !is_non_prefixed(text, m)
        })
        .any(|m| {
            // "180 Venezuelans", "Venezuelan deportees", and one person too:
            // "the Mexican man was repatriated to Mexico" goes home.
            let next = clause.iter().find(|w| w.range.start >= m.range.end);
            // "men of Bhutanese origin": the demonym names the group's roots.
            let roots = next.is_some_and(|w| {
                w.is_any(&["origin", "descent", "heritage", "ancestry", "nationality"])
            });
            let people = text[m.range.clone()].ends_with('s')
                || roots
                || next.is_some_and(|w| w.is_any(PERSON_NOUNS));
            // …and they are the ones moved: a moving word between them and
            // the country, or right after them ("180 Venezuelans landing").
            const RIGHT_AFTER: usize = 3;
            // Going home is a move too: "Uzbek nationals returned to
            // Tashkent", "a flight to Hanoi".
            let moving = |w: &&&Word| {
                w.cues.deportation
                    || (w.cues.relation && !w.cues.agreement)
                    || w.is_any(&[
                        "returned",
                        "repatriated",
                        "went",
                        "flew",
                        "flown",
                        "flight",
                        "bus",
                        "home",
                    ])
            };
            // "carried about 100 Iranians from Louisiana to Tehran": the
            // verb may come before the people.
            const VERB_BEFORE: usize = 3;
            let moved_before = clause
                .iter()
                .filter(|w| w.range.end <= m.range.start)
                .rev()
                .take(VERB_BEFORE)
                .any(|w| {
                    moving(&w) || w.is_any(&["carried", "carrying", "flown", "bused", "bussed"])
                });
            let moved = if m.range.end < mention.range.start {
                moved_before
                    || clause
                        .iter()
                        .filter(|w| {
                            w.range.start > m.range.end && w.range.end <= mention.range.start
                        })
                        .any(|w| moving(&w))
            } else {
                // "a flight to Guatemala City with 130 other Guatemalans":
                // companions of the move before the country.
                const WITH_REACH: usize = 4;
                let companions = clause
                    .iter()
                    .filter(|w| w.range.start > mention.range.end && w.range.end <= m.range.start)
                    .take(WITH_REACH)
                    .any(|w| w.lower == "with");
                clause
                    .iter()
                    .filter(|w| w.range.start > m.range.end)
                    .take(RIGHT_AFTER)
                    .any(|w| moving(&w))
                    || (companions
                        && clause
                            .iter()
                            .take_while(|w| w.range.end <= mention.range.start)
                            .any(|w| moving(&w)))
            };
            people && moved
        })
}

/// "Eswatini, a landlocked kingdom bordered by South Africa", "South Sudan,
/// a country that split from Sudan": a noun phrase set off after a country
/// describes it, and the countries inside it are no destinations.
fn in_descriptive_appositive(
    text: &str,
    sentence: &Range<usize>,
    mentions: &[Mention],
    group: &Range<usize>,
) -> bool {
    const DESCRIBING_NOUNS: &[&str] = &[
        "country",
        "nation",
        "kingdom",
        "state",
        "monarchy",
        "republic",
        "neighbor",
        "neighbour",
        "archipelago",
        "island",
        "enclave",
        "territory",
        "place",
    ];
    let first = &mentions[group.start];
    let Some(anchor) = mentions[..group.start]
        .iter()
        .rev()
        .find(|m| m.code != first.code && m.range.end >= sentence.start)
    else {
        return false;
    };
    let Some(between) = text.get(anchor.range.end..first.range.start) else {
        return false;
    };
    let Some(after_comma) = between.strip_prefix(", ") else {
        return false;
    };
    // The appositive runs unbroken from the anchor to this country.
    if after_comma.contains([',', ';', '(', ')', '—', '–']) {
        return false;
    }
    let mut words = after_comma.split_whitespace().map(|w| w.to_lowercase());
    let opens = words
        .next()
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the" | "its" | "their"));
    opens
        && words
            .take(4)
            .any(|w| DESCRIBING_NOUNS.contains(&w.as_str()))
}

/// "Nigeria rejected the request", "Ghana would not accept deportees",
/// "no deal with Togo": the relation is denied for this country.
fn is_negated(text: &str, clause: &[&Word], mention: &Mention) -> bool {
    const VERB_REACH: usize = 10;
    const NEGATOR_REACH: usize = 5;
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    let after = &clause[at.min(clause.len())..];
    // "received men … whose home countries would not take them back": a
    // restrictive relative clause (no comma) describes a nearer noun, and
    // its negation is its own. "Nigeria, which has refused" describes the
    // country.
    // The clause resumes after the relative clause's closing comma.
    let mut kept: Vec<&Word> = Vec::with_capacity(after.len());
    let mut in_relative = false;
    for (k, w) in after.iter().enumerate() {
        let gap = if k > 0 {
            &text[after[k - 1].range.end..w.range.start]
        } else {
            ""
        };
        if in_relative && gap.contains([',', ';', '—', '–', '(', ')']) {
            in_relative = false;
        }
        if k > 0
            && w.is_any(&["who", "whose", "which", "whom"])
            && !gap.contains([',', '—', '–', '('])
        {
            in_relative = true;
        }
        if !in_relative {
            kept.push(w);
        }
    }
    let after = &kept[..];
    for (i, word) in after.iter().enumerate() {
        let rest = &after[i + 1..];
        // "…, warned Amnesty International": a speech verb inverted after
        // a comma has its subject after it, not the country.
        let inverted = i > 0 && {
            let gap = &text[after[i - 1].range.end..word.range.start];
            gap.contains(',') && rest.first().is_some_and(|w| w.capitalised)
        };
        // "Talks with Moldova stalled after Chisinau demanded": the name
        // right before the verb is its subject.
        let other_subject =
            i > 0 && after[i - 1].capitalised && after[i - 1].range.start >= mention.range.end;
        // "Belize signed in October, over objections from the opposition":
        // others' criticism, in a phrase of its own.
        let others_criticism = after[i.saturating_sub(2)..i]
            .iter()
            .any(|w| w.is_any(&["over", "despite", "amid"]));
        if word.is_any(CRITICAL_VERBS) && !inverted && !other_subject && !others_criticism {
            return true;
        }
        // "A court in Kenya blocked a plan to receive deportees": the
        // country is the agent (no "to" before it, no "by" after the verb).
        if word.is_any(BLOCKING_VERBS)
            && !(at > 0 && clause[at - 1].is_any(&["to", "into"]))
            && rest.first().is_none_or(|w| w.lower != "by")
            && rest.iter().take(VERB_REACH).any(|w| is_relation_word(w))
        {
            return true;
        }
        // "turned it down", "ruled them out": a refusal of whatever was
        // offered, named earlier.
        if refusal_particle(word, rest).is_some_and(|particle| particle > 0) {
            return true;
        }
        // "a reported approach to Cabo Verde was shelved": the proposal
        // named before the country is the one refused.
        let passive = i > 0 && after[i - 1].is_any(&["was", "were", "been", "is", "are", "being"]);
        if passive && word.is_any(NEGATING_VERBS) {
            return true;
        }
        // "has ruled out a similar deal", "turned down a request".
        if word.is_any(NEGATING_VERBS) || refusal_particle(word, rest).is_some() {
            let window = &rest[..rest.len().min(VERB_REACH)];
            // "has so far refused to go that far": refusing to do anything
            // in a sentence about the deals refuses the deal.
            // The country must be its subject: right before it past
            // auxiliaries and adverbs, or closed off by an appositive's
            // comma ("Mexico, the administration's partner, has refused").
            let subject_is_country = {
                let mut k = i;
                while k > 0
                    && (after[k - 1].lower.ends_with("ly")
                        || after[k - 1].is_any(&[
                            "has", "have", "had", "so", "far", "also", "since", "then", "long",
                            "already", "still", "again", "thus",
                        ]))
                {
                    k -= 1;
                }
                k == 0
                    || after[k - 1].range.end <= mention.range.end
                    || text[after[k - 1].range.end..after[k].range.start].contains(',')
            };
            let refuses_to = word.is_any(NEGATING_VERBS)
                && subject_is_country
                && rest.first().is_some_and(|w| w.lower == "to")
                && !word.is_any(&["denied", "denies", "deny", "dismissed", "dismisses"]);
            if refuses_to
                || window.is_empty()
                || window
                    .iter()
                    .any(|w| is_relation_word(w) || w.is_any(NEGATED_OBJECTS))
            {
                return true;
            }
        }
        // "is not among the countries that have agreed", "not one of".
        // "has stayed silent", "did not respond": no word of a deal is no deal.
        // "has not said whether it has been approached".
        if word.is_any(&["silent", "silence"])
            || (word.lower == "nothing" && i > 0 && after[i - 1].is_any(SPEECH_VERBS))
            || (word.lower == "whether"
                && i > 1
                && after[i - 1].is_any(SPEECH_VERBS)
                && is_negator(after[i - 2]))
            || (is_negator(word)
                && rest
                    .iter()
                    .take(2)
                    .any(|w| w.is_any(&["respond", "reply", "answer", "comment"])))
        {
            return true;
        }
        if is_negator(word)
            && rest.first().is_some_and(|w| w.is_any(&["among", "one"]))
            && rest.iter().any(|w| is_relation_word(w))
        {
            return true;
        }
        if is_negator(word)
            && rest.iter().take(NEGATOR_REACH).any(|w| {
                is_relation_word(w) || w.is_any(NEGATED_OBJECTS) || w.is_any(INVOLVEMENT_WORDS)
            })
        {
            return true;
        }
    }
    // "deported not to Cuba but to Mexico".
    if at > 1 && clause[at - 1].is_any(&["to", "into"]) && is_negator(clause[at - 2]) {
        return true;
    }
    // "no deal with Togo"; "difficult for a country like Nigeria to accept".
    let before = &clause[..at.min(clause.len())];
    // "Ghana had never agreed to take him, and Uganda's deal …": a comma
    // and "and" after a lowercase word (not a list of names) open a new
    // clause; the negation before them is spent.
    let opens = before
        .iter()
        .enumerate()
        .rposition(|(k, w)| {
            w.is_any(&["and", "or"])
                && k > 0
                && !before[k - 1].capitalised
                && text[before[k - 1].range.end..w.range.start].contains(',')
        })
        .map_or(0, |k| k + 1);
    let before = &before[opens..];
    let near = &before[before.len().saturating_sub(6)..];
    let relation_follows = after.iter().skip(1).take(3).any(|w| is_relation_word(w));
    near.iter().enumerate().any(|(i, w)| {
        (is_negator(w) || w.is_any(HEDGED_REFUSALS))
            && (relation_follows || near[i + 1..].iter().any(|w| is_relation_word(w)))
    })
}

/// "cannot or will not send home", "who cannot be returned": a return
/// denied. ("cannot" alone is no negator: "who cannot be returned" does not
/// deny a country's agreement.)
fn denies_a_return(word: &Word) -> bool {
    is_negator(word) || word.lower == "cannot"
}

/// "to deport migrants … to their home countries, with flights to Colombia,
/// Ecuador and India": the countries of a clause that sends people home are
/// their homes.
/// The phrase must come before the country, and not be denied ("who cannot
/// be returned to their home countries" makes the country a third one).
fn sends_people_home(clause: &[&Word], mention: &Mention) -> bool {
    const DENIAL_REACH: usize = 4;
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    // "After the swap he was sent to Caracas": the goal of a prisoner swap
    // is home ("held Venezuelans until a prisoner swap" is not its goal).
    // A new subject of moved people between them is another act ("the swap
    // was brokered by Qatar, and deportees were flown to El Salvador").
    const SWAP_REACH: usize = 10;
    let swap_near = clause
        .iter()
        .enumerate()
        .filter(|&(k, w)| {
            w.is_any(&["swap", "swapped"])
                // "in exchange for payment" is no swap.
                || (w.lower == "exchange"
                    && k > 0
                    && clause[k - 1].is_any(&["prisoner", "prisoners"]))
        })
        .any(|(k, _)| {
            let between = if k < at {
                &clause[k..at]
            } else {
                &clause[at..=k]
            };
            between.len() <= SWAP_REACH && !between.iter().any(|w| w.cues.migrant)
        });
    if at > 0 && clause[at - 1].lower == "to" && swap_near {
        return true;
    }
    // "as part of a prisoner exchange with Venezuela": the other side of a
    // swap gets its own people back.
    const WITH_REACH: usize = 3;
    if at > 1
        && clause[at - 1].lower == "with"
        && clause[(at - 1).saturating_sub(WITH_REACH)..at - 1]
            .iter()
            .any(|w| w.is_any(&["swap", "exchange"]))
    {
        return true;
    }
    // "buses to Nigeria and other home countries": one of their homes.
    let other_homes = clause[at.min(clause.len())..]
        .iter()
        .skip_while(|w| w.range.start < mention.range.end)
        .take(4)
        .map(|w| w.lower.as_str())
        .collect::<Vec<_>>();
    if matches!(
        other_homes.as_slice(),
        [
            "and" | "or",
            "other",
            "home" | "native",
            "countries" | "nations",
            ..
        ]
    ) {
        return true;
    }
    let before = &clause[..at];
    before.windows(3).enumerate().any(|(k, p)| {
        let home = (p[0].is_any(&["their", "his", "her"])
            && p[1].is_any(&["home", "own", "native"])
            && p[2].is_any(&["countries", "country", "nations"]))
            || (p[0].is_any(&["countries", "country"])
                && p[1].lower == "of"
                && p[2].is_any(&["origin", "birth", "citizenship", "nationality"]));
        let denied = before[k.saturating_sub(DENIAL_REACH)..k]
            .iter()
            .any(|w| denies_a_return(w));
        home && !denied
    })
}

/// "removed from the United States from Djibouti to South Sudan": a country
/// after "from" is where a move starts, never where it ends.
/// "An agreement from Guatemala", "a promise from Salvadoran President
/// Bukele" name a party, not a starting point.
fn is_start_of_a_leg(clause: &[&Word], mention: &Mention) -> bool {
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    let party = at > 1
        && (clause[at - 2].cues.agreement
            || clause[at - 2].is_any(&[
                "away",
                "promise",
                "pledge",
                "commitment",
                "offer",
                "approval",
            ]));
    // "refugees evacuated from detention in Libya": a place inside the
    // starting point.
    let from_inside = at >= 3 && clause[at - 1].lower == "in" && clause[at - 3].lower == "from";
    mention.form != Form::Demonym
        && at > 0
        && (clause[at - 1].lower == "from" || from_inside)
        && !party
}

/// "a sharp response from neighbouring South Africa": a country reacting
/// to the deals.
fn is_reacting_party(clause: &[&Word], list_head: &Mention) -> bool {
    // "The arrangement has unsettled neighbouring South Africa": the object
    // of a verb of feeling.
    const FEELINGS: &[&str] = &[
        "unsettled",
        "alarmed",
        "worried",
        "angered",
        "irritated",
        "concerned",
        "upset",
        "rattled",
        "dismayed",
        "troubled",
    ];
    const REACTIONS: &[&str] = &[
        "response",
        "reaction",
        "criticism",
        "condemnation",
        "protest",
        "protests",
        "objection",
        "objections",
        "complaint",
        "complaints",
        "rebuke",
        "backlash",
    ];
    const REACH: usize = 4;
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    let object_of_feeling = clause[at.saturating_sub(2)..at]
        .iter()
        .any(|w| w.is_any(FEELINGS));
    if object_of_feeling {
        return true;
    }
    let Some(from) = clause[at.saturating_sub(REACH)..at]
        .iter()
        .rposition(|w| w.lower == "from")
        .map(|k| k + at.saturating_sub(REACH))
    else {
        return false;
    };
    from > 0 && clause[from - 1].is_any(REACTIONS)
}

/// "near the Guatemalan border", "off the Libyan coast": a demonym naming a
/// place.
fn is_demonym_place(text: &str, mention: &Mention) -> bool {
    let next = text[mention.range.end..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    mention.form == Form::Demonym
        && ["border", "frontier", "coast", "side", "waters", "border's"]
            .iter()
            .any(|place| next.eq_ignore_ascii_case(place))
}

/// "hosts two Italian-run centres for migrants": a site another state runs
/// is that state's scheme.
fn runs_its_own_site(text: &str, clause: &[&Word]) -> bool {
    clause.iter().any(|w| {
        text[w.range.clone()]
            .split_once('-')
            .is_some_and(|(state, act)| {
                ["run", "built", "funded", "operated", "financed", "managed"].contains(&act)
                    && gazetteer::mentions(state).len() == 1
            })
    })
}

/// "Bhutanese authorities promptly expelled them across the border into
/// India": another state's officers moving people on.
fn moved_by_other_state(clause: &[&Word], mentions: &[Mention], mention: &Mention) -> bool {
    const AUTHORITIES: &[&str] = &[
        "authorities",
        "police",
        "officials",
        "government",
        "forces",
        "troops",
        "soldiers",
        "army",
        "guards",
    ];
    const MOVES: &[&str] = &[
        "expelled",
        "deported",
        "sent",
        "pushed",
        "returned",
        "removed",
        "transferred",
        "forced",
        "drove",
        "bused",
        "bussed",
        "dumped",
        "escorted",
    ];
    const VERB_REACH: usize = 3;
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    clause[..at].windows(2).enumerate().any(|(k, p)| {
        let demonym = mention_at(mentions, p[0])
            .is_some_and(|m| m.form == Form::Demonym && m.range == p[0].range);
        demonym
            && p[1].is_any(AUTHORITIES)
            && clause[k + 2..at]
                .iter()
                .take(VERB_REACH)
                .any(|w| w.is_any(MOVES))
    })
}

/// "feared Cameroon could be asked to do the same", "countries that could
/// face travel restrictions, among them Angola": what might be asked of a
/// country is no report that it takes anyone.
fn only_might_be_asked(clause: &[&Word], mention: &Mention) -> bool {
    const AFTER_REACH: usize = 4;
    const BEFORE_REACH: usize = 8;
    let modal_at = |k: usize| {
        clause.get(k..k + 3).is_some_and(|p| {
            p[0].is_any(&["could", "might", "may"])
                && ((p[1].lower == "be"
                    && p[2].is_any(&["asked", "approached", "pressed", "next"]))
                    || p[1].lower == "face")
        })
    };
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    let end = clause.partition_point(|w| w.range.start < mention.range.end);
    (end..(end + AFTER_REACH).min(clause.len())).any(modal_at)
        || (at.saturating_sub(BEFORE_REACH)..at).any(|k| {
            modal_at(k)
                && !clause[k + 3..at]
                    .iter()
                    .any(|w| w.cues.relation || w.cues.deportation)
        })
}

/// A year written out ("2019"), for dating clauses.
fn year_of(word: &Word) -> Option<u16> {
    const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;
    (word.lower.len() == 4)
        .then(|| word.lower.parse().ok())
        .flatten()
        .filter(|year| YEARS.contains(year))
}

/// "in 2019 flew to Brazil with a forged visa", "in 2024 its parliament
/// ratified a deal to rent prison cells to Denmark": a clause dated before
/// the latest year the article names is history, not news of a destination.
/// A safe third country or asylum cooperation agreement stays a party
/// whatever its date ("Canada … since 2004"), as the product defines it.
fn set_in_an_earlier_year(clause: &[&Word], latest_year: Option<u16>) -> bool {
    if set_in_a_first_term(clause) {
        return true;
    }
    let Some(latest) = latest_year else {
        return false;
    };
    let standing_agreement = clause.windows(2).any(|p| {
        (p[0].lower == "safe" && p[1].lower.starts_with("third"))
            || (p[0].lower == "cooperation" && p[1].lower.starts_with("agreement"))
    });
    if standing_agreement {
        return false;
    }
    let years: Vec<u16> = clause.iter().filter_map(|w| year_of(w)).collect();
    !years.is_empty() && years.iter().all(|&year| year < latest)
}

/// "During Trump's first term, Washington signed …", "The first Trump
/// administration signed similar agreements": what a past administration
/// did is history, even a safe third country agreement ("reviving a policy
/// from Trump's first term" is today's act).
fn set_in_a_first_term(clause: &[&Word]) -> bool {
    const REACH: usize = 3;
    clause.iter().enumerate().any(|(i, w)| {
        if w.lower != "first" {
            return false;
        }
        let before = &clause[i.saturating_sub(REACH)..i];
        let term = clause.get(i + 1).is_some_and(|n| n.lower == "term")
            && before.iter().any(|b| b.is_any(&["during", "in", "under"]));
        let administration = clause[i + 1..]
            .iter()
            .take(2)
            .any(|n| n.lower == "administration")
            && !before.iter().any(|b| b.lower == "from");
        term || administration
    })
}

/// "most of them returned overland to Honduras", "was repatriated to
/// Kingston": a return goes back where people came from, no third country.
fn is_returned_to(clause: &[&Word], mention: &Mention) -> bool {
    const ADVERB_REACH: usize = 2;
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    if at == 0 || clause[at - 1].lower != "to" {
        return false;
    }
    clause[at.saturating_sub(2 + ADVERB_REACH)..at - 1]
        .iter()
        .any(|w| {
            w.is_any(&[
                "returned",
                "return",
                "repatriated",
                "repatriate",
                "repatriating",
            ])
        })
}

/// "Trump hosted the leaders of Gabon, Liberia and Senegal": after the verb,
/// a country of the people who are its object is no place anyone is sent.
fn owns_the_object(clause: &[&Word], list_head: &Mention) -> bool {
    const HOLDERS: &[&str] = &[
        "leader",
        "leaders",
        "president",
        "presidents",
        "head",
        "heads",
        "delegation",
        "delegations",
        "minister",
        "ministers",
        "envoy",
        "envoys",
        "ambassador",
        "ambassadors",
        "king",
    ];
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    at >= 3
        && clause[at - 1].lower == "of"
        && clause[at - 2].is_any(HOLDERS)
        && clause[..at - 2]
            .iter()
            .any(|w| w.cues.relation || w.cues.deportation)
}

/// "Angola and Benin were among the countries approached", "Mauritania was
/// approached about taking deportees", "pressed Ouagadougou into accepting
/// deportees": asked or pushed, with no answer reported.
fn was_only_approached(clause: &[&Word], list_head: &Mention, list_end: &Mention) -> bool {
    const REACH: usize = 6;
    let after = clause.partition_point(|w| w.range.start < list_end.range.end);
    let rest = &clause[after..];
    let approached = rest.iter().take(REACH).enumerate().any(|(k, w)| {
        w.is_any(&["approached", "sounded", "courted", "pressed", "pressured"])
            && k > 0
            && rest[k - 1].is_any(&["was", "were", "been", "being", "countries", "governments"])
    });
    // "had tried to pressure Ouagadougou into accepting deportees": the
    // object of pressure is asked, not agreeing.
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    let pressed = at > 0
        && clause[at - 1].is_any(&[
            "approached",
            "approach",
            "approaching",
            "courted",
            "pressure",
            "pressured",
            "pressuring",
            "press",
            "pressed",
            "pressing",
            "urge",
            "urged",
            "urging",
            "push",
            "pushed",
            "pushing",
            "coax",
        ]);
    // "raised the issue with the leaders of Gabon and Senegal": a question
    // put, with no answer yet.
    const RAISED_REACH: usize = 8;
    let raised = clause[..at].windows(3).rev().take(RAISED_REACH).any(|p| {
        p[0].is_any(&["raised", "raising", "broached", "broaching"])
            && p[2].is_any(&[
                "issue",
                "idea",
                "question",
                "matter",
                "subject",
                "possibility",
            ])
    });
    let answered = clause.iter().any(|w| {
        w.is_any(&[
            "agreed", "accepted", "signed", "received", "took", "taken", "welcomed",
        ])
    });
    (approached || pressed || raised) && !answered
}

/// "rejects the use of Libyan territory to resettle migrants": the country
/// is what a refusal refuses.
/// So is the goal of a refused act: "declined to send arms to Ukraine".
fn is_object_of_refusal(clause: &[&Word], mention: &Mention) -> bool {
    const REACH: usize = 5;
    const ACT_REACH: usize = 8;
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    let from = at.saturating_sub(REACH);
    let refused_object = clause[from..at]
        .iter()
        .rposition(|w| w.is_any(NEGATING_VERBS))
        .is_some_and(|k| {
            !clause[from + k + 1..at]
                .iter()
                .any(|w| w.cues.relation || w.cues.agreement || w.cues.deportation)
        });
    let act_from = at.saturating_sub(ACT_REACH);
    let refused_act = clause[act_from..at].windows(3).any(|p| {
        p[0].is_any(NEGATING_VERBS)
            && p[1].lower == "to"
            && (p[2].cues.relation || p[2].cues.deportation)
    });
    refused_object || refused_act
}

/// "slow to take back people deported from the U.S.": taking people back is
/// taking back one's own nationals.
fn takes_people_back(clause: &[&Word], mention: &Mention) -> bool {
    let at = clause.partition_point(|w| w.range.start < mention.range.end);
    // "take back deported migrants who are not their citizens".
    let others = clause.iter().enumerate().any(|(i, w)| {
        w.lower.starts_with("third")
            || w.lower.starts_with("non-")
            || w.is_any(&["other", "others", "foreign", "foreigners"])
            || (is_negator(w)
                && clause[i + 1..]
                    .iter()
                    .take(3)
                    .any(|x| x.is_any(&["citizens", "nationals"])))
    });
    !others
        && clause[at..].windows(2).any(|p| {
            p[0].is_any(&[
                "take",
                "takes",
                "took",
                "taken",
                "taking",
                "accept",
                "accepts",
                "accepted",
                "accepting",
            ]) && p[1].lower == "back"
        })
}

/// A phrasal verb of refusal ("turn down", "rule out", "back out", "pull
/// out", "walk away"): the position in `rest` of its particle, after at most
/// a pronoun object ("turned it down").
fn refusal_particle(verb: &Word, rest: &[&Word]) -> Option<usize> {
    const PHRASES: &[(&[&str], &str)] = &[
        (&["turn", "turns", "turned", "turning"], "down"),
        (&["rule", "rules", "ruled", "ruling"], "out"),
        (&["back", "backs", "backed", "backing"], "out"),
        (&["pull", "pulls", "pulled", "pulling"], "out"),
        (&["walk", "walks", "walked", "walking"], "away"),
        // "turned back two US military planes".
        (&["turn", "turns", "turned", "turning"], "back"),
    ];
    const PRONOUNS: &[&str] = &["it", "them", "this", "that"];
    PHRASES
        .iter()
        .filter(|(forms, _)| verb.is_any(forms))
        .find_map(|(_, particle)| match rest {
            [p, ..] if p.lower == *particle => Some(0),
            [o, p, ..] if o.is_any(PRONOUNS) && p.lower == *particle => Some(1),
            _ => None,
        })
}

/// "Venezuela had agreed to accept its own citizens": a country taking back
/// its nationals is their origin, not a third country. Read in the main
/// clause only: "Uzbekistan, which has received flights of its own
/// nationals," may still be approached about others.
fn takes_back_own_citizens(clause: &[&Word], coordinated: bool) -> bool {
    // "deportees who are not its citizens" says the opposite. "Pakistan and
    // Bangladesh have received flights carrying their nationals": a list's
    // own people are "their" nationals.
    // "Laos has slow-walked travel documents", "Cuba accepts returns when
    // it suits Havana": papers and returns are for a country's own people.
    // "slow to accept citizens ordered deported": citizens of no other
    // country are its own ("accept citizens of Mali" are not).
    let repatriation = clause.windows(2).enumerate().any(|(i, p)| {
        let owner_follows = clause.get(i + 2).is_some_and(|w| w.is_any(&["of", "from"]));
        // "received like any other returning citizen".
        (p[0].lower == "travel" && p[1].is_any(&["documents", "document", "papers"]))
            || (p[0].lower == "returning"
                && p[1].is_any(&["citizen", "citizens", "national", "nationals"]))
            || (p[0].base().starts_with("accept")
                && (p[1].is_any(&["returns", "repatriations", "repatriation"])
                    || (p[1].is_any(&["citizens", "nationals"]) && !owner_follows)))
    });
    if repatriation {
        return true;
    }
    // "returned to their own countries" speaks of the people's countries.
    const OWN_PEOPLE: &[&str] = &["citizens", "nationals", "people", "deportees", "migrants"];
    clause.iter().enumerate().any(|(i, w)| {
        let people = match clause.get(i + 1) {
            Some(next) if next.lower == "own" => clause.get(i + 2),
            next => next,
        };
        (w.lower == "its" || (coordinated && w.lower == "their"))
            && people.is_some_and(|p| p.is_any(OWN_PEOPLE))
            // "countries other than their own" says the opposite too;
            // "visa restrictions on their citizens" takes no one in.
            && !(i > 0
                && (is_negator(clause[i - 1])
                    || clause[i - 1].is_any(&["than", "on", "for", "against"])))
    })
}

/// "drew anger in India", "protests in Kenya": a country after "in" is a
/// destination only when people are handled or deported "in" it ("held in",
/// "deportees in South Sudan"), not where something else happens.
fn is_bare_location(clause: &[&Word], list_head: &Mention) -> bool {
    const REACH: usize = 2;
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    // "critics in neighbouring Congo": a place adjective between.
    let at = if at >= 2
        && clause[at - 1].is_any(&[
            "neighbouring",
            "neighboring",
            "nearby",
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
        ]) {
        at - 1
    } else {
        at
    };
    // "driven to the border with Togo": the frontier, not the country.
    if at >= 2
        && clause[at - 1].lower == "with"
        && clause[at - 2].is_any(&["border", "borders", "frontier"])
    {
        return true;
    }
    // "the Darién Gap between Colombia and Panama", "wedged between
    // Cameroon and Gabon": where a place lies.
    if at >= 2
        && clause[at - 1].lower == "between"
        && clause[at - 2].is_any(&[
            "gap",
            "border",
            "frontier",
            "wedged",
            "sandwiched",
            "located",
            "lies",
            "lying",
            "situated",
            "nestled",
            "squeezed",
            "river",
            "sea",
            "strait",
            "jungle",
            "region",
        ])
    {
        return true;
    }
    if at == 0 || clause[at - 1].lower != "in" || its_leader_acts_there(clause, list_head) {
        return false;
    }
    // "former detainees interviewed in Venezuela": where someone spoke.
    if at >= 2
        && clause[at - 2].is_any(&[
            "interviewed",
            "reached",
            "speaking",
            "spoke",
            "quoted",
            "contacted",
            "reporting",
        ])
    {
        return true;
    }
    // "American detainees in Venezuela": Americans held abroad are no
    // people the US deports there.
    const AMERICANS_REACH: usize = 3;
    let americans = clause[at.saturating_sub(1 + AMERICANS_REACH)..at - 1]
        .iter()
        .any(|w| w.is_any(&["american", "americans", "u.s"]))
        && at >= 2
        && (clause[at - 2].is_any(PERSON_NOUNS)
            || clause[at - 2].is_any(&["detained", "held", "jailed", "imprisoned"]));
    if americans {
        return true;
    }
    // "officials in Uzbekistan", "the government in Kigali" are the state.
    if at >= 2 && clause[at - 2].is_any(INSTITUTION_NOUNS) {
        return false;
    }
    !clause[at.saturating_sub(1 + REACH)..at - 1]
        .iter()
        .any(|w| {
            w.cues.deportation
                || w.cues.migrant
                || (w.cues.relation && !w.cues.agreement)
                || w.is_any(PERSON_NOUNS)
        })
}

/// "deported to Mexico rather than Honduras": the country set against the
/// destination is not one.
fn is_set_against(clause: &[&Word], list_head: &Mention) -> bool {
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    let before: Vec<&str> = clause[at.saturating_sub(2)..at]
        .iter()
        .map(|w| w.base())
        .collect();
    // "should not be confused with neighbouring Guinea … or with
    // Guinea-Bissau": a country named to tell it apart is no report.
    let told_apart = clause[..at]
        .iter()
        .any(|w| w.is_any(&["confused", "confuse", "distinguished", "mistaken"]));
    // "Unlike Albania's arrangement, Kosovo's deal …": a contrast.
    told_apart
        || matches!(
            before.as_slice(),
            ["rather", "than"] | ["instead", "of"] | [_, "not"] | ["not"] | [.., "unlike"]
        )
}

/// "Asked whether talks were under way with Libya", "If Malawi agreed to
/// take deportees, it could …": a question or a condition reports no fact
/// about the country.
/// A country given as an example ("if a country like Eswatini is willing to
/// be a partner") is one of the partners the condition speaks of.
fn is_in_question_or_condition(clause: &[&Word], mention: &Mention) -> bool {
    let before: Vec<&&Word> = clause
        .iter()
        .take_while(|w| w.range.start < mention.range.start)
        .collect();
    let example = before.last().is_some_and(|w| w.is_any(&["like", "as"]));
    before.iter().any(|w| w.lower == "whether")
        || (!example && before.iter().any(|w| w.is_any(&["if", "unless"])))
}

/// "later traveled to Argentina", "the flight stopped in Djibouti": people
/// going on by themselves, or passing through, are not sent there.
fn is_own_journey(clause: &[&Word], list_head: &Mention) -> bool {
    let at = clause.partition_point(|w| w.range.start < list_head.range.start);
    // "flown via Senegal", "by way of Mexico": a stop on the way; "crossed
    // the Darién Gap, Panama and Mexico": a list of stops.
    const CROSS_REACH: usize = 4;
    // "took him across Egypt's Sinai": a land passed over.
    if at >= 1
        && clause[at - 1].is_any(&[
            "via",
            "through",
            "across",
            "crossing",
            "crossed",
            "transiting",
        ])
        || (at >= 2 && clause[at - 1].lower == "of" && clause[at - 2].lower == "way")
        || clause[at.saturating_sub(CROSS_REACH)..at]
            .iter()
            .any(|w| w.is_any(&["crossed", "crossing"]))
    {
        return true;
    }
    // "was diverted to Djibouti": a stop forced on the way.
    if at >= 2 && clause[at - 1].lower == "to" && clause[at - 2].lower == "diverted" {
        return true;
    }
    // "His journey began with … a flight to Brazil", "the long bus corridor
    // north: Costa Rica, Nicaragua …": places on a route, before any word
    // of deportation.
    const ROUTE_NOUNS: &[&str] = &["journey", "route", "corridor", "trek", "odyssey"];
    let route = clause[..at]
        .iter()
        .rev()
        .take_while(|w| !w.cues.deportation)
        .any(|w| w.is_any(ROUTE_NOUNS));
    if route {
        return true;
    }
    // "he fled Russia", "left Venezuela in 2018": where a journey starts.
    if at >= 1
        && clause[at - 1].is_any(&[
            "fled", "fleeing", "flee", "escaped", "escaping", "left", "leaving",
        ])
    {
        return true;
    }
    // "Trump departed Qatar", "Rubio visited Panama": an official's own
    // travel, the country its direct object.
    if at >= 1 && clause[at - 1].is_any(TRAVEL_OBJECT_VERBS) {
        return true;
    }
    if at < 2 || !clause[at - 1].is_any(&["to", "in", "at", "via", "through", "into"]) {
        return false;
    }
    // "Smugglers took him across the Sahara to Libya", "then, on his own,
    // into Benin": a journey of the person's own making.
    const OWN_REACH: usize = 8;
    let lead = &clause[at.saturating_sub(OWN_REACH)..at - 1];
    let smuggled = lead
        .iter()
        .any(|w| w.is_any(&["smugglers", "smuggler", "traffickers", "coyote", "coyotes"]));
    let on_own = lead.windows(3).any(|p| {
        p[0].lower == "on" && p[1].is_any(&["his", "her", "their", "my"]) && p[2].lower == "own"
    });
    // "he crossed into Togo", "In 2022 he flew from Havana to Managua": a
    // person as the subject of a verb of travelling.
    const SELF_MOVES: &[&str] = &[
        "flew",
        "crossed",
        "traveled",
        "travelled",
        "drove",
        "walked",
        "sailed",
        "went",
        "headed",
        "hitchhiked",
        "trekked",
        "fled",
    ];
    // "The family flew to Serbia" is theirs too; "they" may be the
    // deportees ICE flew, and is left out.
    let travels = lead.windows(2).any(|p| {
        p[0].is_any(&["he", "she", "i", "we", "family", "couple"]) && p[1].is_any(SELF_MOVES)
    });
    if smuggled || on_own || travels {
        return true;
    }
    // "his tour also took him to Panama", "on a trip to Ghana": a journey
    // named by its noun a few words before.
    const TRIP_REACH: usize = 5;
    // "bought a plane ticket to Managua", "took a bus south … to Kampala":
    // a fare or a ride the person took.
    let own_ride = clause[..at - 1]
        .iter()
        .rev()
        .take(TRIP_REACH + 3)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|p| {
            p[0].is_any(&["ticket", "tickets", "bus", "taxi", "train", "ferry", "boat"])
                && (p[1].is_any(&[
                    "took", "take", "takes", "taking", "bought", "buy", "caught", "boarded",
                ]) || p[1].is_any(&["a", "plane", "bus", "one-way", "train"]))
        });
    own_ride
        || clause[..at - 1]
            .iter()
            .rev()
            .take(3)
            .any(|w| w.is_any(VOLUNTARY_MOVES))
        || clause[..at - 1]
            .iter()
            .rev()
            .take(TRIP_REACH)
            .any(|w| w.is_any(TRIP_NOUNS))
}

/// Verbs whose direct object is a place the subject travels: "departed
/// Qatar", "visited Panama".
const TRAVEL_OBJECT_VERBS: &[&str] = &[
    "departed", "visited", "visiting", "toured", "touring", "visits", "tours",
];

/// Nouns of an official's own journey: "the tour took him to Panama".
const TRIP_NOUNS: &[&str] = &["tour", "trip", "visit", "itinerary", "swing"];

/// "a U.S. military base in Djibouti", "the American embassy in Kigali": a
/// US site abroad, not a country receiving anyone.
fn is_us_facility_site(clause: &[&Word], mention: &Mention) -> bool {
    const SITES: &[&str] = &[
        "base",
        "embassy",
        "consulate",
        "facility",
        "camp",
        "station",
    ];
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    // "landed in Djibouti, where the men were held at Camp Lemonnier, a U.S.
    // base": the relative clause after the country puts them in a US site.
    let after = &clause[at.min(clause.len())..];
    if after.get(1).is_some_and(|w| w.lower == "where")
        && after.windows(2).any(|p| {
            p[0].is_any(&["u.s", "us", "american"])
                && (p[1].is_any(SITES) || p[1].lower == "military" || p[1].lower == "naval")
        })
    {
        return true;
    }
    // "the naval base at Guantánamo Bay, Cuba": the country named after a
    // place and a comma is where that place is.
    let after_place = at >= 2
        && clause[at - 1].capitalised
        && clause[at - 1].range.end + 2 == mention.range.start;
    if at < 2 || !(clause[at - 1].lower == "in" || after_place) {
        return false;
    }
    /// Installations a state keeps abroad: "held at a base in Djibouti".
    const FOREIGN_SITES: &[&str] = &["base", "bases", "airbase", "embassy", "consulate"];
    let phrase = &clause[at.saturating_sub(5)..at - usize::from(!after_place)];
    // "Guantánamo Bay in Cuba" is a U.S. naval base.
    let guantanamo = phrase
        .iter()
        .any(|w| w.lower.starts_with("guant") && w.lower.ends_with("namo"));
    guantanamo
        || phrase.last().is_some_and(|w| w.is_any(FOREIGN_SITES))
        || (phrase.last().is_some_and(|w| w.is_any(SITES))
            && phrase.iter().any(|w| w.is_any(&["u.s", "us", "american"])))
}

/// "Rwanda agreed to a deal with Britain": the country after "with" is the
/// other party of a deal whose subject is another country.
fn is_counterparty(
    text: &str,
    clause: &[&Word],
    mentions: &[Mention],
    group: &Range<usize>,
    antecedent: Option<&Mention>,
) -> bool {
    let first = &mentions[group.start];
    let at = clause.partition_point(|w| w.range.start < first.range.start);
    let preceded_by_with = at >= 1
        && (clause[at - 1].lower == "with"
            || (at >= 2 && clause[at - 1].lower == "the" && clause[at - 2].lower == "with"));
    if !preceded_by_with {
        return false;
    }
    // "one of several countries to take deportees, along with Rwanda":
    // "along with" adds to the subject, it names no other party.
    let with_at = if clause[at - 1].lower == "with" {
        at - 1
    } else {
        at - 2
    };
    if with_at >= 1 && clause[with_at - 1].is_any(&["along", "together"]) {
        return false;
    }
    // "Rwanda, which struck a similar deal with Britain in 2022, …".
    if antecedent.is_some_and(|a| a.code != first.code)
        && clause[..at].iter().any(|w| is_relation_word(w))
    {
        return true;
    }
    mentions[..group.start].iter().any(|m| {
        if m.code == first.code {
            return false;
        }
        let Some(index) = clause.iter().position(|w| w.range.start == m.range.start) else {
            return false;
        };
        // A list member shares its head's role: "to South Sudan, Eswatini".
        let k = mentions
            .iter()
            .position(|o| o.range == m.range)
            .unwrap_or(0);
        let head = &mentions[list_group(text, mentions, k).start];
        let head_index = clause
            .iter()
            .position(|w| w.range.start == head.range.start)
            .unwrap_or(index);
        let is_subject = head_index == 0
            || !clause[head_index - 1]
                .is_any(&["with", "to", "in", "from", "of", "and", "or", "into"]);
        is_subject && clause[index + 1..at].iter().any(|w| is_relation_word(w))
    })
}

/// A trade deal, a war, sanctions: the mention sits next to another topic.
fn is_other_topic(clause: &[&Word], mention: &Mention, list_end: &Mention) -> bool {
    const REACH: usize = 5;
    let at = clause.partition_point(|w| w.range.start < mention.range.start);
    // Measured after the whole list: "pressing Ukraine and Russia to accept
    // a ceasefire".
    let end = clause
        .partition_point(|w| w.range.start < list_end.range.end)
        .max(at + 1);
    let from = at.saturating_sub(REACH);
    let to = (end + REACH).min(clause.len());
    // "restricting travel from 19 countries", "the travel ban": travel
    // itself is what deportees do too ("free to travel in the region").
    // "hosts large refugee camps at Dadaab", "the Kakuma refugee camp in
    // Kenya": refugees it shelters, not people the US deports.
    let refugee_camps = clause[from..to]
        .windows(2)
        .any(|p| p[0].lower == "refugee" && p[1].is_any(&["camp", "camps"]));
    let travel_ban = refugee_camps
        || clause[from.saturating_sub(1)..to].windows(2).any(|p| {
            (p[0].lower == "travel" && p[1].is_any(&["ban", "bans", "restriction", "restrictions"]))
            // "maintains diplomatic relations with Taiwan".
            || (p[0].lower == "diplomatic" && p[1].is_any(&["relations", "ties"]))
            || (p[0].is_any(&[
                "restricting",
                "barring",
                "banning",
                "restrict",
                "bar",
                "ban",
            ]) && p[1].lower == "travel")
        });
    // Visas and recognition are deal talk in a quote's paragraph ("visa
    // sanctions on countries that refuse deportees") but another topic
    // beside a country: "Nicaragua's decision to drop visa requirements",
    // "still recognize Taiwan rather than China".
    const COUNTRY_TOPICS: &[&str] = &[
        "visa",
        "visas",
        "recognize",
        "recognise",
        "recognizes",
        "recognises",
        "recognized",
        "recognised",
    ];
    travel_ban
        || clause[from..to]
            .iter()
            .any(|w| w.cues.other_topic || w.is_any(COUNTRY_TOPICS))
}

#[cfg(test)]
mod tests {
    use crate::detect::detect;

    fn countries(text: &str) -> Vec<&'static str> {
        detect(text).countries.iter().map(|c| c.code).collect()
    }

    /// Each sentence, after `lead`, finds exactly the countries given.
    fn each_after(lead: &str, cases: &[(&str, &[&str])]) {
        for (sentence, expected) in cases {
            assert_eq!(
                countries(&format!("{lead}{sentence}")),
                *expected,
                "{sentence}"
            );
        }
    }

    /// Each sentence, after `lead`, adds no country to `lead`'s own.
    fn none_after(lead: &str, lead_finds: &[&str], sentences: &[&str]) {
        for sentence in sentences {
            assert_eq!(
                countries(&format!("{lead}{sentence}")),
                lead_finds,
                "{sentence}"
            );
        }
    }

    #[test]
    fn the_cue_and_the_country_share_a_clause() {
        assert_eq!(
            countries(
                "Ghana's foreign minister, who visited China last week, said Ghana would accept West African deportees."
            ),
            vec!["GH"]
        );
        assert_eq!(
            countries(
                "Rwanda, which borders Uganda and Tanzania, agreed to take deportees from the U.S."
            ),
            vec!["RW"]
        );
        // The relative clause that describes the country is its clause too.
        assert_eq!(
            countries(
                "The U.S. is deporting migrants. Palau, which agreed to take up to 75 deportees, is small."
            ),
            vec!["PW"]
        );
        assert!(countries("Nicaragua's government, which has accepted deportation flights of its own citizens, did not respond to questions.").is_empty());
    }

    #[test]
    fn refusals_other_schemes_and_onward_moves_name_no_destination() {
        let context = "The US has deported dozens of migrants to third countries this year.\n";
        let found = |sentence: &str| countries(&format!("{context}{sentence}"));
        let none: &[&str] = &[];
        for sentence in [
            // A spaced-hyphen dateline; a return home told by origin; a push
            // across the border after it.
            "KAMPALA, Uganda (Reuters) - Men of Laotian origin were deported to Laos, only to be pushed across the border into Thailand.",
            "Norway, a few years ago, quietly paid Kenya and Tanzania to take asylum seekers it had rejected.",
            "Sweden once signed a memorandum with Nairobi on deportations, before shelving it.",
            "Finland spent $90 million on a plan to send asylum seekers to Kenya.",
            "Belgium's prime minister said his country had received a similar request from Washington and turned it down.",
            "Peru has stayed silent about the deportees.",
            "Greece, which hosts migrant camps financed by Germany, said it had declined a US approach to accept deportees.",
            "A reported approach to Togo about deportees was shelved in the summer.",
            "Lithuania turned back two US planes carrying deported migrants.",
            "Refugees from Moldova were housed in camps built by Poland.",
            "Cambodia and Laos have been slow to take back people deported from the U.S.",
            "The men were driven to the border with Benin, and from there they were taken to Niger.",
            "He later bought a plane ticket to Lima and left the camp.",
            "Former deportees interviewed in Peru described beatings.",
            "Deportees were held near the Gulf of Guinea.",
            "The 90 deportees, mostly from Central Asia and India, were flown on.",
            "Smugglers took him across the desert to Niger before his deportation.",
            "After his release he crossed into Benin and then flew to Peru.",
            "US forces struck boats carrying drugs from Colombia, killing migrants.",
            "The deportee was offered a bus ticket to the Peruvian border.",
            "Peruvian authorities expelled the deportees across the border into Bolivia.",
            "Neighbouring Greece hosts two German-run centres for migrants.",
            "The deportation deal drew a sharp response from neighbouring Chile.",
            "CHILE: Still no deal on deportees.",
            "Deportees were sent from Djibouti onward by plane.",
            "The Peruvian man among them was repatriated to Peru in May.",
            "One deportee who said he fled conscription later flew to Chile.",
            "Bolivia, the administration's closest partner, has so far refused to go that far.",
            "The deportation deal has unsettled neighbouring Chile.",
        ] {
            assert_eq!(found(sentence), none, "{sentence}");
        }
        // The same words in a destination's role still count.
        assert_eq!(
            found("Peru has accepted deportees, mostly from Central America, Haiti and Cuba."),
            vec!["PE"]
        );
        assert_eq!(
            found("Several nations agreed to take deportees. Samoa followed weeks later."),
            vec!["WS"]
        );
        let home = found(
            "Washington paid Panama to deport migrants to their home countries, with flights to Peru and Chile.",
        );
        assert!(!home.contains(&"PE") && !home.contains(&"CL"), "{home:?}");
        assert_eq!(
            found(
                "Togo agreed to receive deportees who cannot be returned to their home countries."
            ),
            vec!["TG"]
        );
        assert_eq!(
            found("Chile took 90, from countries including Haiti and Cuba."),
            vec!["CL"]
        );
        // The people's own countries are not the list's own people.
        assert_eq!(
            found(
                "Washington reached agreements with Chile and Peru, and Bolivia agreed to receive deportees before they are returned to their own countries."
            ),
            vec!["CL", "PE", "BO"]
        );
        assert_eq!(
            found("Chile agreed to take back deportees who are not its citizens."),
            vec!["CL"]
        );
        assert_eq!(
            found("The administration has shipped people it cannot send home to Peru."),
            vec!["PE"]
        );
        assert_eq!(
            found("Greece said it had signed a memorandum with Washington to receive deportees."),
            vec!["GR"]
        );
    }

    #[test]
    fn lists_headings_and_pointing_back_carry_the_role() {
        let context = "The US has deported dozens of migrants to third countries this year.\n";
        let found = |text: &str| countries(&format!("{context}{text}"));
        assert_eq!(
            found(
                "The plan builds on a list of partners: Peru, which took ten men; Chile and Bolivia, which took more; and, since May, Togo and Benin."
            ),
            vec!["PE", "CL", "BO", "TG", "BJ"]
        );
        assert_eq!(
            found("Nepal and Laos: Both received men whose home countries would not take them."),
            vec!["NP", "LA"]
        );
        assert_eq!(
            found(
                "Several nations agreed to accept deportees. Fiji was among the first. Samoa followed."
            ),
            vec!["FJ", "WS"]
        );
        // Round-up layouts: dash entries, table rows, label lists, sections.
        let roundup = "The US has signed deals with countries to take deportees.\n\
            Where the deals stand:\n\
            Received deportees\n\
            Peru — Took 40 men in March.\n\
            Chile | Agreement signed | not disclosed | Signed in May\n\
            Fiji | Own nationals only | 20 | A charter of Fijians\n\
            Pacific: Samoa and Tonga (up to 30).\n\
            QUESTION: And Nauru?\n\
            Said no\n\
            Bolivia — Its president called the idea an insult.";
        assert_eq!(countries(roundup), vec!["PE", "CL", "WS", "TO"]);
        let dotted = "The US has signed deals with countries to take deportees.\n\
            PERU · Received · 40 men in March\n\
            CHILE · Disputed · Officials deny any deal\n\
            BOLIVIA · Home returns only · Flights of Bolivians";
        assert_eq!(countries(dotted), vec!["PE"]);
        assert_eq!(
            found(
                "Togo is one of several countries to take deportees, along with Benin and Niger."
            ),
            vec!["TG", "BJ", "NE"]
        );
        let none: &[&str] = &[];
        assert_eq!(
            found("Activists fear Gabon could be asked to take deportees next."),
            none
        );
        // History and a US base abroad are no new destinations; a standing
        // safe third country agreement is, whatever its date.
        let context = "In 2025 the US deported migrants to third countries.\n";
        let found = |text: &str| countries(&format!("{context}{text}"));
        let none: &[&str] = &[];
        assert_eq!(
            found("In 2016 he flew to Brazil with a forged visa after his deportation order."),
            none
        );
        assert_eq!(
            found("Migrants were held at the naval base at Guantánamo Bay, Cuba."),
            none
        );
        assert_eq!(
            found("Canada has had a safe third country agreement with the US since 2004."),
            vec!["CA"]
        );
    }

    #[test]
    fn capitals_count_only_in_destination_roles() {
        assert_eq!(
            countries("Deportees were flown to Juba on Tuesday, officials said."),
            vec!["SS"]
        );
        assert_eq!(
            countries("Kigali agreed to accept up to 250 people deported from the United States."),
            vec!["RW"]
        );
        assert_eq!(
            countries("Seven deportees landed in Malabo on Friday."),
            vec!["GQ"]
        );
        assert_eq!(
            countries("Deportees were flown to Kampala, where they will be housed."),
            vec!["UG"]
        );
        // A place of talks, of a ministry or of a dateline is no destination.
        assert!(
            countries("Talks in Doha on deportation flights stalled, officials said.").is_empty()
        );
        assert!(countries("Officials met in Nairobi to discuss deportations.").is_empty());
        assert!(
            countries("JUBA, South Sudan (AP) — A court in Juba heard the case on Monday.")
                .is_empty()
        );
        // Capitals left out of the table for being people or US towns.
        assert!(
            countries("Deportees were flown to Washington and Athens for hearings.").is_empty()
        );
    }

    #[test]
    fn agents_of_other_acts_are_not_destinations() {
        assert!(countries("The U.S. is deporting migrants.\nThe swap was negotiated by the Trump administration, Qatar and Venezuela.").is_empty());
        assert_eq!(
            countries("The deal, mediated by Qatar, sends deportees to Rwanda."),
            vec!["RW"]
        );
        assert_eq!(
            countries(
                "The prisoner swap was brokered by Qatar, and deportees were flown to El Salvador."
            ),
            vec!["SV"]
        );
        // A receiving passive is a destination: "accepted by Uganda".
        assert_eq!(
            countries("The deportees were accepted by Uganda under the agreement."),
            vec!["UG"]
        );
    }

    #[test]
    fn senders_bases_and_transit_are_not_destinations() {
        assert_eq!(
            countries(
                "Critics said deportations to Libya violate the law; Italy has long sent migrants back there."
            ),
            vec!["LY"]
        );
        assert!(
            countries("Mexico deports thousands of migrants to Guatemala's border each month.")
                .iter()
                .all(|c| *c != "MX")
        );
        assert_eq!(
            countries(
                "The men had been held at a military base in Djibouti before being deported to South Sudan."
            ),
            vec!["SS"]
        );
        assert_eq!(
            countries("The men were held at a base in Djibouti after being deported."),
            Vec::<&str>::new()
        );
        assert_eq!(
            countries("Deportees were flown via Senegal to Equatorial Guinea."),
            vec!["GQ"]
        );
        assert_eq!(
            countries("Deportees were flown to Rwanda by way of Qatar."),
            vec!["RW"]
        );
        // Held in a country's own prison is still a destination.
        assert_eq!(
            countries("Deportees were held in a prison in El Salvador."),
            vec!["SV"]
        );
    }

    #[test]
    fn onward_legs_home_countries_and_descriptions() {
        assert_eq!(
            countries(
                "Ghana has received 14 West Africans deported from the U.S., some of whom were then sent to Togo and Nigeria."
            ),
            vec!["GH"]
        );
        assert_eq!(
            countries("Deportees held in El Salvador were later returned to Venezuela."),
            vec!["SV"]
        );
        assert_eq!(
            countries(
                "The migrants were held in El Salvador before their release to Venezuela after deportation."
            ),
            vec!["SV"]
        );
        assert!(countries("He was deported to Mexico, his country of birth.").is_empty());
        assert!(countries("She was deported to Honduras, her home country.").is_empty());
        // An appositive describing the destination names no destination.
        assert_eq!(
            countries(
                "Sudanese deportees were flown to South Sudan, a country that split from Sudan in 2011."
            ),
            vec!["SS"]
        );
        assert_eq!(
            countries(
                "Five men were deported to Eswatini, a small kingdom bordered by South Africa and Mozambique."
            ),
            vec!["SZ"]
        );
        // A plain list after a comma is still a list of destinations.
        assert_eq!(
            countries("Deportees were flown to Ghana, Rwanda and Uganda."),
            vec!["GH", "RW", "UG"]
        );
        assert_eq!(
            countries(
                "Costa Rica agreed to receive 200 deportees from countries in Central Asia and India."
            ),
            vec!["CR"]
        );
    }

    #[test]
    fn an_inverted_speech_verb_belongs_to_its_own_subject() {
        // "warned Amnesty International": Amnesty warns, not South Sudan;
        // "abuses in Sudan" in Amnesty's relative clause is no goal.
        assert_eq!(
            countries(
                "Deportees to South Sudan are at risk, warned Amnesty International, which has documented abuses in South Sudan and Sudan."
            ),
            vec!["SS"]
        );
        assert!(countries("The U.S. is deporting migrants to third countries.\nSerbia, which does not recognize Kosovo, criticized the agreement.").is_empty());
    }

    #[test]
    fn blocking_concern_consideration_and_going_home() {
        assert!(
            countries("A court in Kenya blocked a plan to receive deportees from the U.S.")
                .is_empty()
        );
        // The country as the goal of blocked deportations stays a destination.
        assert_eq!(
            countries("Deportations to South Sudan were blocked by a federal judge."),
            vec!["SS"]
        );
        assert!(
            countries(
                "Japan and Germany have raised concerns about the U.S. deportation agreements."
            )
            .is_empty()
        );
        assert!(countries("Officials said deportations to Ukraine, which is at war with Russia, were not under consideration.").is_empty());
        assert_eq!(
            countries(
                "The U.S. deports migrants to third countries.\nFour Cubans deported to Mexico were later flown to Havana."
            ),
            vec!["MX"]
        );
        assert_eq!(
            countries(
                "The U.S. deports migrants to third countries.\nGuatemala said it would receive non-Guatemalan deportees."
            ),
            vec!["GT"]
        );
        // A demonym for people who are not the ones moved says nothing.
        assert_eq!(
            countries(
                "Sierra Leone is in talks about receiving deportees, after visa limits on Sierra Leoneans."
            ),
            vec!["SL"]
        );
    }

    #[test]
    fn concern_demands_and_a_possessive_return() {
        assert_eq!(
            countries(
                "Five men were deported to Eswatini.\nSouth Africa, which surrounds Eswatini, has expressed concern about the deal."
            ),
            vec!["SZ"]
        );
        assert!(countries("The U.S. deported 200 men to a prison abroad.\nVenezuela's government called the deportations a kidnapping and demanded the men's return to Caracas.").is_empty());
    }

    #[test]
    fn fact_box_headings_beneficiaries_deictic_there_and_guantanamo() {
        let text = "Here is where the administration has deported people.\n\
            ESWATINI: Five men from Vietnam, Jamaica and Laos arrived in July.\n\
            MEXICO: Mexico has long accepted non-Mexicans from Cuba and Haiti.";
        assert_eq!(countries(text), vec!["SZ", "MX"]);
        assert_eq!(
            countries(
                "Costa Rica said it would release the 65 migrants deported there from the United States."
            ),
            vec!["CR"]
        );
        assert!(countries("The U.S. deports migrants to third countries.\nAlbania, which has hosted migrants for Italy under a separate deal, said it had received no request.").is_empty());
        assert_eq!(
            countries("Deportees were put on a flight bound for Eswatini."),
            vec!["SZ"]
        );
        assert_eq!(
            countries(
                "The U.S. has also deported Venezuelans to El Salvador and to Guantánamo Bay in Cuba."
            ),
            vec!["SV"]
        );
        // Repatriation flights of a country's own people are no third-country deal.
        assert!(countries("Deportation flights to Venezuela resumed, with 180 Venezuelans landing outside Caracas.").is_empty());
        assert!(countries("The U.S. deports migrants.\nVenezuela's government accused the U.S. of mistreating deported migrants.").is_empty());
    }

    #[test]
    fn bare_locations_lists_own_nationals_and_seekers_from() {
        assert!(countries("The flights, on U.S. military planes, drew anger in India after deportees said they had been shackled.").is_empty());
        assert_eq!(
            countries("Deportees in South Sudan lacked lawyers, and men held in Eswatini too."),
            vec!["SS", "SZ"]
        );
        // Officials or a government "in" a country are that country.
        assert_eq!(
            countries(
                "The U.S. deports migrants to third countries.\nDiplomats opened talks on deportees with officials in Uzbekistan."
            ),
            vec!["UZ"]
        );
        assert!(countries("Pakistan and Bangladesh have also received deportation flights carrying their nationals.").is_empty());
        assert_eq!(
            countries(
                "Rwanda received seven deportees.\nThe country previously agreed to take asylum seekers from Britain under a deal."
            ),
            vec!["RW"]
        );
        // The name right before a critical verb is its subject.
        assert_eq!(
            countries(
                "The U.S. has deported migrants to third countries.\nTalks with Moldova stalled after Chisinau demanded assurances."
            ),
            vec!["MD"]
        );
    }

    #[test]
    fn the_set_named_again_and_not_on_the_list() {
        let text = "A cable asks embassies to press governments to accept deportees.\n\
            Among the countries named were Liberia, Sierra Leone and Guinea-Bissau, which face visa restrictions.\n\
            Ethiopia, a close U.S. partner, was not on the list.";
        assert_eq!(countries(text), vec!["LR", "SL", "GW"]);
        // Without deportation talk before, a named set is nothing.
        assert!(countries("Among the countries named were Liberia and Ghana.").is_empty());
    }

    #[test]
    fn onward_legs_after_a_first_destination() {
        assert_eq!(
            countries(
                "A Guatemalan man deported to Ghana said he was held in a hotel before being sent across the border to Togo."
            ),
            vec!["GH"]
        );
        assert_eq!(
            countries("The U.S. deported the men to Ghana; Ghana later transferred them to Togo."),
            vec!["GH"]
        );
        // From the US itself, over the border is a destination.
        assert_eq!(
            countries("The U.S. has deported Cubans and sent them across the border to Mexico."),
            vec!["MX"]
        );
        assert_eq!(
            countries("Deportees were held in Texas before being sent to Eswatini."),
            vec!["SZ"]
        );
    }

    #[test]
    fn they_include_lists_the_set_and_one_person_sent_home_goes_home() {
        let text = "The number of countries accepting people deported from the U.S. has grown.\n\
            They include El Salvador, Costa Rica, Kosovo and Ghana.";
        assert_eq!(countries(text), vec!["SV", "CR", "XK", "GH"]);
        assert!(countries("They include El Salvador and Ghana.").is_empty());
        // Sent to the country of their own demonym, one person goes home
        // as a group does: no third country.
        assert!(
            countries(
                "A Salvadoran man living in Maryland was mistakenly deported to El Salvador in March."
            )
            .is_empty()
        );
    }

    #[test]
    fn list_members_share_the_role_of_their_head() {
        assert_eq!(
            countries(
                "The U.S. has sent deportees to South Sudan, Eswatini and Rwanda, and is in talks with Uganda and Honduras."
            ),
            vec!["SS", "SZ", "RW", "UG", "HN"]
        );
        assert!(
            countries("Moldova is not among the countries that have agreed to take deportees.")
                .is_empty()
        );
        assert!(
            countries("Serbia is not one of the nations that signed deportation deals.").is_empty()
        );
    }

    #[test]
    fn the_other_party_of_a_relative_clause_deal() {
        assert_eq!(
            countries(
                "Rwanda, which struck a similar deal with Britain in 2022, agreed to take deportees from the US."
            ),
            vec!["RW"]
        );
        assert_eq!(
            countries(
                "The administration is negotiating with Moldova and Bhutan to accept deportees."
            ),
            vec!["MD", "BT"]
        );
    }

    #[test]
    fn home_countries_disclaimers_tours_and_third_state_expulsions() {
        // The person's own country, by "native" or "the country he left".
        assert!(
            countries("A farmer from Ohio was deported last week to his native Honduras.")
                .is_empty()
        );
        assert!(countries("She was deported to Peru, the country she left as a child.").is_empty());
        assert_eq!(
            countries("He was deported to Eswatini, a country he had never seen."),
            vec!["SZ"]
        );
        // A country named to tell it apart.
        assert_eq!(
            countries("Deportees were flown to Niger, which should not be confused with Nigeria."),
            vec!["NE"]
        );
        assert!(countries("The deportation deal covers Dominica, not to be confused with the Dominican Republic, officials said.").contains(&"DM"));
        // An official's own travel.
        assert!(countries("The deportation talks went on as the minister's trip also took her to Peru and Chile.").is_empty());
        assert!(countries("As deportation flights continued, the president departed Oman, where officials agreed on a jet purchase.").is_empty());
        assert_eq!(
            countries("Rubio's deportation deal sends migrants to Panama."),
            vec!["PA"]
        );
        // A third state moving people on.
        assert_eq!(
            countries(
                "Refugees were deported to Laos, which then expelled many of them to Thailand."
            ),
            vec!["LA"]
        );
        // Other topics measured after the whole list.
        assert!(
            countries(
                "The deportation envoy is pressing Armenia and Azerbaijan to accept a ceasefire."
            )
            .is_empty()
        );
        // A group going home, named by demonym and a plural noun.
        assert!(
            countries("Deportation flights went on: Cuban deportees were flown on to Havana.")
                .is_empty()
        );
        // Americans held abroad.
        assert!(
            countries(
                "Deportation talks aside, Rubio won the release of American prisoners in Belarus."
            )
            .is_empty()
        );
        assert_eq!(
            countries("Deportees held in Belarus were Afghans."),
            vec!["BY"]
        );
        assert!(
            countries(
                "Deportation talks aside, every American unjustly detained in Belarus is free."
            )
            .is_empty()
        );
        assert!(
            countries("He was deported on a flight to Lima with 90 other Peruvians.").is_empty()
        );
        assert_eq!(
            countries("He was deported on a flight to Lima with 90 Venezuelans."),
            vec!["PE"]
        );
        // A regional adjective is no demonym.
        assert!(
            countries("The Central African state will house the deportees, the note said.")
                .is_empty()
        );
    }

    #[test]
    fn removal_is_deportation() {
        assert_eq!(
            countries("The administration said it would pursue his removal to Eswatini."),
            vec!["SZ"]
        );
        // Another topic's removal or consideration: the traps.
        assert!(countries("The removal of tariffs on Peru is under review.").is_empty());
    }

    #[test]
    fn other_states_schemes_are_no_us_deals() {
        let lead = "The U.S. has deported 40 migrants to Ghana under a third-country deal. ";
        for other in [
            "Critics compared it with a scheme agreed between Spain and Morocco to hold migrants.",
            "Japan once quietly sent refugees to camps in Malaysia.",
            "Germany's plan to fly asylum seekers to Tunisia was dropped last year.",
            "Norway, which once negotiated with Kenya, has followed the American approach with interest.",
        ] {
            assert_eq!(countries(&format!("{lead}{other}")), vec!["GH"], "{other}");
        }
        // Traps: the destination's own doings, with no word of the US.
        assert_eq!(
            countries(
                "The third-country deportation deal was signed last month. Uganda followed Rwanda in agreeing to take deportees."
            ),
            vec!["UG", "RW"]
        );
        assert_eq!(
            countries(
                "The third-country deportation deal was signed last month. Uganda agreed to take up to 300 deportees."
            ),
            vec!["UG"]
        );
        assert_eq!(
            countries(
                "The U.S. deported five men to Eswatini. Eswatini sent the deportees to a maximum-security prison."
            ),
            vec!["SZ"]
        );
    }

    #[test]
    fn coordinated_origins_crossings_and_feared_returns() {
        assert_eq!(
            countries(
                "Migrants deported from the U.S. to Costa Rica fled from Cuba and Haiti, as well as from Syria and Yemen, often crossing Colombia on the way."
            ),
            vec!["CR"]
        );
        assert_eq!(
            countries(
                "A group of Eritrean Christians, who fear torture if sent back to Eritrea, were deported to Uganda under the deal."
            ),
            vec!["UG"]
        );
        // Trap: "as well as to" is another destination.
        assert_eq!(
            countries("The U.S. has deported migrants to Ghana, as well as to Rwanda."),
            vec!["GH", "RW"]
        );
    }

    #[test]
    fn spent_negations_ruled_out_deals_and_payees() {
        assert_eq!(
            countries(
                "The U.S. deported people. Togo said it had never agreed to take them, and Benin's deal with Washington covers 50 people."
            ),
            vec!["BJ"]
        );
        // Trap: a list after the negation shares it.
        assert!(
            countries("The U.S. deported people. There are no deals with Togo, Benin, and Ghana.")
                .is_empty()
        );
        assert!(countries("The U.S. deported people. Serbian Prime Minister Ana Brnabic has ruled out a similar deal.").is_empty());
        assert_eq!(
            countries(
                "Lawmakers questioned the third-country deportation deals. They asked what the administration had paid countries such as Palau and Belize."
            ),
            vec!["PW", "BZ"]
        );
        // Trap: a payment with no deportation talk around it.
        assert!(
            countries(
                "The administration paid countries such as Palau and Belize for fishing rights."
            )
            .is_empty()
        );
    }

    #[test]
    fn person_descriptors_blocs_and_datelines() {
        assert_eq!(
            countries(
                "Deportation flights to Honduras resumed, praised by an ally of Brazil's Luiz Lula."
            ),
            vec!["HN"]
        );
        assert_eq!(
            countries(
                "Paraguay agreed to receive deportees from the U.S. as the regional alliance it shares with Chile and Peru met."
            ),
            vec!["PY"]
        );
        // Traps: a place named after the country, a deal with its leader.
        assert_eq!(
            countries("Deportees were flown to Ghana's Kotoka International Airport."),
            vec!["GH"]
        );
        assert_eq!(
            countries(
                "The U.S. reached a deportation agreement with Guatemala's Bernardo Arévalo."
            ),
            vec!["GT"]
        );
        // Trap: the country's leader as subject is the country agreeing.
        assert_eq!(
            countries("Uganda's Yoweri Museveni agreed to accept deportees from the U.S."),
            vec!["UG"]
        );
        assert_eq!(
            countries(
                "ACCRA — Ghanaian officials said 14 deportees from the U.S. were being held at a hotel in the capital."
            ),
            vec!["GH"]
        );
        // Trap: the dateline's place does not receive anyone here.
        assert_eq!(
            countries(
                "NAIROBI, Kenya — The U.S. deported 20 migrants to Ghana last week, officials said."
            ),
            vec!["GH"]
        );
    }

    #[test]
    fn a_speakers_country_is_no_party_unless_it_speaks_as_we() {
        let lead = "Uganda agreed to accept deportees from the United States.\n";
        each_after(
            lead,
            &[
                (
                    "\u{201c}Uganda takes America's deportees to please Washington,\u{201d} Kenyan government spokesman Omari Lenku told Reuters.",
                    &["UG"],
                ),
                (
                    "\"This deportation agreement changes nothing on the border,\" said Tanzanian Foreign Minister Asha Mfaume.",
                    &["UG"],
                ),
                // Speaking as "we", the speaker's country is the one receiving.
                (
                    "\"We will receive the deportees with dignity,\" Rwandan government spokeswoman Aline Uwase said.",
                    &["UG", "RW"],
                ),
                // What it said outside the quote is its own act.
                (
                    "The Liberian government said it had agreed to receive him \u{201c}on humanitarian grounds\u{201d} for a limited period.",
                    &["UG", "LR"],
                ),
            ],
        );
    }

    #[test]
    fn going_home_returns_and_conditions_are_no_destinations() {
        let lead = "Costa Rica agreed to receive deportees from the United States.\n";
        none_after(
            lead,
            &["CR"],
            &[
                // A return, by whatever road, goes back.
                "Most of them were returned overland to Nicaragua and Honduras within days.",
                "The Haitian woman was repatriated to Port-au-Prince last week.",
                // A group named by the destination's demonym goes home.
                "A group of Kyrgyz nationals flew to Bishkek on a charter flight.",
                "Several Tajiks went home on a bus to Tajikistan.",
                // One of their homes.
                "Most were put on buses to Nicaragua and other home countries.",
                // A condition reports nothing.
                "If Malawi agreed to take deportees, it could win relief from visa bonds.",
                "Unless Zambia accepts deportees, the visa bond will stay.",
            ],
        );
        // A country given as an example of a partner is one.
        assert_eq!(
            countries(
                "\"If a country like Eswatini or Rwanda is willing to take deportees, we will work with them,\" Noem said."
            ),
            vec!["SZ", "RW"]
        );
    }

    #[test]
    fn travel_bans_sport_visits_and_blocs_are_other_business() {
        let lead = "Rwanda agreed to accept deportees from the United States.\n";
        none_after(
            lead,
            &["RW"],
            &[
                "In June, a proclamation barring or restricting travel from 12 countries, including Chad, Eritrea and Somalia, took effect.",
                "Talks also covered the 2026 World Cup, which the two countries will co-host with Canada.",
                "The same month, Trump hosted the leaders of Gabon, Senegal and Mauritania for a lunch.",
                "The EU has since struck similar deals with Tunisia and Egypt.",
                "The European Union signed a migration pact with Mauritania last year.",
            ],
        );
    }

    #[test]
    fn a_scene_set_by_the_place_a_lists_negation_and_other_than_their_own() {
        let lead = "The U.S. is deporting migrants to third countries.\n";
        each_after(
            lead,
            &[
                (
                    "In Guatemala City, President Bernardo Arévalo agreed to take deportees of other nationalities.",
                    &["GT"],
                ),
                (
                    "In El Salvador, President Nayib Bukele offered to hold deportees for a fee.",
                    &["SV"],
                ),
                // What the leader there says of others is no act of its own.
                (
                    "In Burkina Faso, the foreign minister said Washington had tied visas to the country's willingness to accept deportees.",
                    &[],
                ),
                (
                    "The government could not lawfully send them to Nigeria or Gambia directly.",
                    &[],
                ),
                (
                    "It has made sending migrants to countries other than their own central to its policy, and has sent men to South Sudan and Eswatini.",
                    &["SS", "SZ"],
                ),
            ],
        );
    }

    #[test]
    fn people_named_like_countries_by_their_age_or_kin() {
        let lead = "Rwanda agreed to accept deportees from the United States.\n";
        none_after(
            lead,
            &["RW"],
            &[
                "His daughter, Jordan, a nursing student, talks to him about the deportation deal.",
                "Chad, 19, talks to him about the deportation deal most nights.",
            ],
        );
    }

    #[test]
    fn routes_diversions_own_citizens_and_others_objections() {
        let lead = "Rwanda agreed to accept deportees from the United States.\n";
        none_after(
            lead,
            &["RW"],
            &[
                "Laos and Cuba have for years been slow to accept citizens ordered deported.",
                "Then came the long bus corridor north: Peru, Ecuador, Colombia.",
                "His journey began with a bus to Lima and a flight through Quito to Chile, which issued visas.",
                "Their deportation flight was diverted to Djibouti after a ruling.",
                "The deported men were flown to Lima in July as part of a prisoner exchange.",
                "Officials in Peru and Chile, reportedly approached about deportees, have said nothing publicly.",
                "Remittances to Mexico fell as deportations rose.",
                "Kenya, which hosts large refugee camps at Dadaab, has not said whether it has been approached.",
                "He spent years in the Kakuma refugee camp in Kenya before he was deported.",
                "\"We have hosted our brothers and sisters from Peru and Chile for decades, and deportees too.\"",
            ],
        );
        // Deals signed over others' objections, and visas for a list's
        // citizens, still report the deals.
        assert_eq!(
            countries(&format!(
                "{lead}Peru signed a deal in August and Chile in October, over objections from the opposition."
            )),
            vec!["RW", "PE", "CL"]
        );
        assert_eq!(
            countries(&format!(
                "{lead}Peru and Chile agreed to accept a few deportees, as Washington weighed visa restrictions on their citizens."
            )),
            vec!["RW", "PE", "CL"]
        );
    }

    #[test]
    fn trackers_questions_claims_and_sign_offs() {
        // A tracker's dated entries: the country alone after the date.
        let tracker = "TRACKER: Deportations to third countries, month by month\n\
            Feb. 12 — Peru. The first flight lands with 119 deportees from Asia. Status: received.\n\
            May 7 — Chile [NO DEAL]. Lawyers learn of a planned flight of deportees to Chile.\n\
            July 18 — Bolivia. The 252 Bolivians held in Peru are flown home in a swap.\n";
        assert_eq!(countries(tracker), vec!["PE"]);
        let lead = "Rwanda agreed to accept deportees from the United States.\n";
        none_after(
            lead,
            &["RW"],
            &[
                "FACT CHECK: Did Peru and Chile agree to take U.S. deportees?",
                "What makes anybody think Laos is going to take him from Rwanda?",
                "CLAIM: \"Peru and Chile have signed secret deals to accept deportees.\"",
                "That's all for this week on deportations.\n— Jordan",
                "That's it for this week on deportations. — Chad",
                "Not counted: the asylum cooperation agreements with Peru and Chile, which were suspended.",
                "During Trump's first term, Washington signed asylum cooperation agreements with Peru and Chile in 2019.",
                "The first Trump administration signed similar safe third country agreements with Peru.",
                "Laos has slow-walked travel documents for years and accepts deportees only when it suits Vientiane.",
                "Peru's foreign ministry said the deportee would be received \"like any other returning citizen.\"",
                "Cuba accepts returns of deportees when it suits Havana.",
                "He paid smugglers to take him across Egypt's Sinai before his deportation.",
                "US officials raised the issue with the leaders of Peru and Chile, presenting a proposal to receive deportees.",
            ],
        );
        // Today's deals that revive a first-term policy are today's.
        assert_eq!(
            countries(
                "Peru signed a safe third country agreement, reviving a policy from Trump's first term."
            ),
            vec!["PE"]
        );
        // A request being weighed is talks.
        assert_eq!(
            countries(&format!(
                "{lead}Officials say Chile is studying the American request."
            )),
            vec!["RW", "CL"]
        );
    }

    #[test]
    fn approaches_refusals_contrasts_and_other_states_pacts() {
        let lead = "Rwanda agreed to accept deportees from the United States.\n";
        none_after(
            lead,
            &["RW"],
            &[
                "Angola and Benin were among the countries approached earlier this year, but neither has responded.",
                "Zambia was approached about taking deportees.",
                "The government categorically rejects the use of Libyan territory to resettle migrants.",
                "The president declined to send the deportees to Zambia.",
                "Unlike Albania's arrangement, this deal puts no foreign officers on the ground.",
                "Albania's arrangement with Italy became a symbol of outsourcing migrants.",
                "Australia has spent billions holding people on Nauru.",
                "President Peña reaffirmed Paraguay's diplomatic recognition of Taiwan in the same week.",
                "The deal's champion, one of the few leaders to keep diplomatic relations with Taiwan, defended the accord.",
                "He was deported not to Peru, the country of his birth, but to Rwanda.",
                "In 2022 he flew from Lima to Quito, taking advantage of Ecuador's decision to drop visa requirements for Peruvians.",
                "Its partner in the deal is one of a dozen countries that still recognize Taiwan rather than China.",
                "Those men were released and flown to Lima as part of a prisoner exchange with Peru.",
            ],
        );
        // Paid for, not swapped.
        assert_eq!(
            countries(&format!(
                "{lead}Peru agreed to take deportees in exchange for aid."
            )),
            vec!["RW", "PE"]
        );
        // Approached, then agreed: a destination.
        assert_eq!(
            countries(&format!(
                "{lead}Zambia was approached in March and agreed to take deportees."
            )),
            vec!["RW", "ZM"]
        );
    }

    #[test]
    fn a_subject_holding_foreigners_and_a_ministry_reporting_its_own_talks() {
        let lead = "The U.S. is deporting migrants to third countries.\n";
        each_after(
            lead,
            &[
                (
                    "El Salvador has held Venezuelans in its prison since March.",
                    &["SV"],
                ),
                (
                    "In Moldova, the interior ministry confirmed that it had held talks with US officials about the reception of migrants.",
                    &["MD"],
                ),
                // Its own people are no foreigners.
                ("Venezuela has received Venezuelans on return flights.", &[]),
            ],
        );
    }

    #[test]
    fn the_us_moving_foreigners_and_states_receiving_their_own() {
        // No "deport" word anywhere: the US moving another country's
        // nationals there is enough.
        assert_eq!(
            countries(
                "Luis Rondón was one of 238 Venezuelan men the Trump administration flew to El Salvador in March."
            ),
            vec!["SV"]
        );
        let lead = "The U.S. is deporting migrants to third countries.\n";
        each_after(
            lead,
            &[
                // Others' nationals came with its own.
                (
                    "El Salvador received 238 Venezuelans and 23 Salvadorans in March.",
                    &["SV"],
                ),
                (
                    "The Hondurans were taken by bus to the border, where they were received by Honduran authorities.",
                    &[],
                ),
                (
                    "Washington had tried to pressure Ouagadougou into accepting deportees.",
                    &[],
                ),
                (
                    "Similar accords with Honduras and El Salvador never came into force.",
                    &[],
                ),
                (
                    "The plane landed in Djibouti, where the men were held at Camp Lemonnier, a U.S. base, for weeks.",
                    &[],
                ),
            ],
        );
    }

    #[test]
    fn onward_legs_geography_own_people_and_approaches_by_active_verbs() {
        let lead = "Ghana agreed to accept deportees from the United States.\n";
        none_after(
            lead,
            &["GH"],
            &[
                "Most of the West Africans were sent on by road to Nigeria and other neighbouring countries.",
                "Many migrants pass through the Darién Gap between Colombia and Panama.",
                "The country, a former colony wedged between Cameroon and Gabon, declined to say more.",
                "A charter flight carried about 100 Iranians from Louisiana to Tehran in September.",
                "U.S. officials have also approached Angola and Benin, according to two diplomats.",
            ],
        );
    }

    #[test]
    fn the_kingdom_named_again_with_an_adjective_carries_the_country() {
        assert_eq!(
            countries(
                "The U.S. is deporting migrants to third countries.\n\
                Eswatini is a case in point. The landlocked kingdom, whose sugar industry depends on US trade, agreed this year to receive deportees from the United States."
            ),
            vec!["SZ"]
        );
    }

    #[test]
    fn journeys_of_their_own_and_a_demonym_inside_a_longer_name() {
        let lead = "Costa Rica agreed to receive deportees from the United States.\n";
        none_after(
            lead,
            &["CR"],
            &[
                "The family flew to Serbia, which did not require visas, then crossed into Arizona.",
                "Ilya, a software engineer, said he fled Russia after receiving a draft notice.",
                "Her husband crossed the Darién Gap, Panama and Mexico before reaching the border.",
                // "The Gambia" runs into "Gambian": the demonym is still found,
                // and the man goes home.
                "The Gambian man was flown to Banjul.",
                "The Nigerians had been taken by road to Lagos, and the Gambian man had been flown to Banjul.",
                "After the swap he was sent to Managua with the others.",
                "The Nicaraguans went by bus, and the Gambian man was helped to return to Banjul.",
                "Costa Rica also hosts a transit centre for refugees evacuated from detention in Libya.",
            ],
        );
    }
}
