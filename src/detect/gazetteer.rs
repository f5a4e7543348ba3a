//! The country gazetteer: every UN member and observer plus Kosovo and Taiwan,
//! under their official, short, old and abbreviated names and their demonyms,
//! found in text with one leftmost-longest Aho-Corasick pass.
//!
//! It only says where a country is *named*; whether the naming reports a
//! deportation destination is `countries`' job. It must not guess roles.
//!
//! Country data comes from `keshvar`; the override tables below fix what it
//! lacks or gets wrong (Kosovo, "Emirati", "DRC", Niger's demonym, aliases it
//! maps to several countries, foreign-language aliases that are English words).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use keshvar::CountryIterator;

/// How a country is named: a name ("Rwanda") or a demonym ("Rwandan").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Demonym,
    /// A capital city standing for its country or its government ("flown to
    /// Juba", "Kigali agreed"); a destination only in a destination role.
    Capital,
}

/// One place where the text names a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub code: &'static str,
    pub form: Form,
}

/// The country deporting people; never a destination, so never a mention
/// (and "American" is never a country).
const DEPORTING_COUNTRY: &str = "US";

/// UN observer states, which keshvar does not flag as members.
const UN_OBSERVERS: &[&str] = &["PS", "VA"];

/// Names the gazetteer adds beyond keshvar: `(code, name)`. Codes absent from
/// keshvar (Kosovo) are created here.
const EXTRA_NAMES: &[(&str, &str)] = &[
    ("XK", "Kosovo"),
    ("XK", "Republic of Kosovo"),
    ("AE", "UAE"),
    ("AE", "U.A.E."),
    ("AE", "Emirates"),
    ("GB", "UK"),
    ("GB", "U.K."),
    ("GB", "Britain"),
    ("CD", "DRC"),
    ("CD", "D.R.C."),
    ("CD", "DR Congo"),
    ("CD", "Democratic Republic of Congo"),
    ("CD", "Democratic Republic of the Congo"),
    ("CD", "Congo-Kinshasa"),
    // AP style: plain "Congo" is the larger, Kinshasa-ruled country.
    ("CD", "Congo"),
    ("CG", "Republic of Congo"),
    ("CG", "Republic of the Congo"),
    ("CG", "Congo Republic"),
    ("CG", "Congo-Brazzaville"),
    ("CI", "Ivory Coast"),
    ("CI", "Cote d'Ivoire"),
    ("CI", "Côte d’Ivoire"),
    ("CI", "Cote d’Ivoire"),
    ("CV", "Cape Verde"),
    ("CZ", "Czech Republic"),
    ("TR", "Turkey"),
    ("TR", "Turkiye"),
    ("MM", "Burma"),
    ("SZ", "Swaziland"),
    ("MK", "Macedonia"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("LA", "Laos"),
    ("RU", "Russia"),
    ("SY", "Syria"),
    ("IR", "Iran"),
    ("VN", "Vietnam"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("BO", "Bolivia"),
    ("VE", "Venezuela"),
    ("MD", "Moldova"),
    ("FM", "Micronesia"),
    ("BN", "Brunei"),
    ("VA", "Vatican"),
    ("VA", "Vatican City"),
    ("PS", "Palestine"),
    ("PS", "Palestinian territories"),
    ("ST", "São Tomé and Príncipe"),
    ("GM", "The Gambia"),
    ("BS", "The Bahamas"),
    ("TL", "East Timor"),
    ("SA", "Saudi"),
];

/// Demonyms and adjectives keshvar lacks or gets wrong: `(code, demonym)`.
const EXTRA_DEMONYMS: &[(&str, &str)] = &[
    ("XK", "Kosovar"),
    ("XK", "Kosovan"),
    ("AE", "Emirati"),
    ("MM", "Burmese"),
    ("MM", "Myanmarese"),
    ("NE", "Nigerien"),
    ("SV", "Salvadorean"),
    ("SV", "Salvadorian"),
    ("CD", "Congolese"),
    ("GQ", "Equatoguinean"),
    ("GQ", "Equatorial Guinean"),
    ("GW", "Bissau-Guinean"),
    ("CV", "Cape Verdean"),
    ("CV", "Cabo Verdean"),
    ("AR", "Argentine"),
    ("AR", "Argentinian"),
    ("EC", "Ecuadorian"),
    ("PH", "Filipino"),
    ("SZ", "Swazi"),
    ("SZ", "Eswatini"),
    ("TW", "Taiwanese"),
    ("GB", "British"),
    ("NL", "Dutch"),
    ("SA", "Saudi"),
    ("LA", "Lao"),
    ("DO", "Dominican"),
    ("KP", "North Korean"),
    ("KR", "South Korean"),
    ("SS", "South Sudanese"),
    ("PG", "Papua New Guinean"),
    ("BA", "Bosnian"),
    ("UZ", "Uzbek"),
    ("TJ", "Tajik"),
    ("KZ", "Kazakh"),
    ("KG", "Kyrgyz"),
    ("NP", "Nepali"),
    ("BF", "Burkinabè"),
    ("KN", "Kittitian"),
];

/// Capital cities (and seats of government) of UN members and observers,
/// plus Kosovo and Taiwan: `(code, city)`. keshvar 0.7 carries no capitals.
/// Left out because in US coverage they are more often a person, a US town
/// or an English word: Washington, Athens, Dublin, Kingston, Georgetown,
/// Victoria, Wellington, Santiago, Sofia, San José, Male, Sucre, Jerusalem;
/// "Djibouti" and "Kuwait", "Singapore", "Monaco", "San Marino", "Luxembourg",
/// "Vatican City" are the country's own name.
const CAPITALS: &[(&str, &str)] = &[
    // Africa
    ("SS", "Juba"),
    ("SD", "Khartoum"),
    ("SD", "Port Sudan"),
    ("UG", "Kampala"),
    ("RW", "Kigali"),
    ("KE", "Nairobi"),
    ("ET", "Addis Ababa"),
    ("ER", "Asmara"),
    ("SO", "Mogadishu"),
    ("TZ", "Dodoma"),
    ("ZM", "Lusaka"),
    ("ZW", "Harare"),
    ("MW", "Lilongwe"),
    ("MZ", "Maputo"),
    ("SZ", "Mbabane"),
    ("SZ", "Lobamba"),
    ("LS", "Maseru"),
    ("BW", "Gaborone"),
    ("NA", "Windhoek"),
    ("ZA", "Pretoria"),
    ("AO", "Luanda"),
    ("CD", "Kinshasa"),
    ("CG", "Brazzaville"),
    ("GA", "Libreville"),
    ("GQ", "Malabo"),
    ("CM", "Yaounde"),
    ("CM", "Yaoundé"),
    ("CF", "Bangui"),
    ("TD", "N'Djamena"),
    ("TD", "N’Djamena"),
    ("TD", "Ndjamena"),
    ("NG", "Abuja"),
    ("GH", "Accra"),
    ("TG", "Lome"),
    ("TG", "Lomé"),
    ("BJ", "Porto-Novo"),
    ("BJ", "Cotonou"),
    ("BF", "Ouagadougou"),
    ("NE", "Niamey"),
    ("ML", "Bamako"),
    ("SN", "Dakar"),
    ("GM", "Banjul"),
    ("GW", "Bissau"),
    ("GN", "Conakry"),
    ("SL", "Freetown"),
    ("LR", "Monrovia"),
    ("CI", "Yamoussoukro"),
    ("CI", "Abidjan"),
    ("MR", "Nouakchott"),
    ("MA", "Rabat"),
    ("DZ", "Algiers"),
    ("TN", "Tunis"),
    ("LY", "Tripoli"),
    ("EG", "Cairo"),
    ("CV", "Praia"),
    ("KM", "Moroni"),
    ("MG", "Antananarivo"),
    ("MU", "Port Louis"),
    ("BI", "Gitega"),
    ("BI", "Bujumbura"),
    // Asia
    ("UZ", "Tashkent"),
    ("KZ", "Astana"),
    ("KG", "Bishkek"),
    ("TJ", "Dushanbe"),
    ("TM", "Ashgabat"),
    ("AF", "Kabul"),
    ("PK", "Islamabad"),
    ("IN", "New Delhi"),
    ("BD", "Dhaka"),
    ("NP", "Kathmandu"),
    ("BT", "Thimphu"),
    ("LK", "Colombo"),
    ("CN", "Beijing"),
    ("JP", "Tokyo"),
    ("KR", "Seoul"),
    ("KP", "Pyongyang"),
    ("MN", "Ulaanbaatar"),
    ("VN", "Hanoi"),
    ("LA", "Vientiane"),
    ("KH", "Phnom Penh"),
    ("TH", "Bangkok"),
    ("MM", "Naypyidaw"),
    ("MM", "Naypyitaw"),
    ("MY", "Kuala Lumpur"),
    ("ID", "Jakarta"),
    ("PH", "Manila"),
    ("TW", "Taipei"),
    ("GE", "Tbilisi"),
    ("AM", "Yerevan"),
    ("AZ", "Baku"),
    ("IR", "Tehran"),
    ("IQ", "Baghdad"),
    ("SY", "Damascus"),
    ("LB", "Beirut"),
    ("JO", "Amman"),
    ("SA", "Riyadh"),
    ("QA", "Doha"),
    ("AE", "Abu Dhabi"),
    ("OM", "Muscat"),
    ("YE", "Sanaa"),
    ("KW", "Kuwait City"),
    ("BH", "Manama"),
    ("TR", "Ankara"),
    // Europe
    ("XK", "Pristina"),
    ("XK", "Prishtina"),
    ("AL", "Tirana"),
    ("MK", "Skopje"),
    ("RS", "Belgrade"),
    ("BA", "Sarajevo"),
    ("ME", "Podgorica"),
    ("HR", "Zagreb"),
    ("SI", "Ljubljana"),
    ("MD", "Chisinau"),
    ("UA", "Kyiv"),
    ("UA", "Kiev"),
    ("BY", "Minsk"),
    ("RU", "Moscow"),
    ("PL", "Warsaw"),
    ("CZ", "Prague"),
    ("SK", "Bratislava"),
    ("HU", "Budapest"),
    ("RO", "Bucharest"),
    ("IT", "Rome"),
    ("ES", "Madrid"),
    ("PT", "Lisbon"),
    ("FR", "Paris"),
    ("GB", "London"),
    ("DE", "Berlin"),
    ("BE", "Brussels"),
    ("NL", "Amsterdam"),
    ("NL", "The Hague"),
    ("CH", "Bern"),
    ("AT", "Vienna"),
    ("DK", "Copenhagen"),
    ("NO", "Oslo"),
    ("SE", "Stockholm"),
    ("FI", "Helsinki"),
    ("IS", "Reykjavik"),
    ("EE", "Tallinn"),
    ("LV", "Riga"),
    ("LT", "Vilnius"),
    ("MT", "Valletta"),
    ("CY", "Nicosia"),
    // Oceania
    ("AU", "Canberra"),
    ("PG", "Port Moresby"),
    ("FJ", "Suva"),
    ("SB", "Honiara"),
    ("VU", "Port Vila"),
    ("PW", "Ngerulmud"),
    ("PW", "Koror"),
    // The Americas
    ("CA", "Ottawa"),
    ("CU", "Havana"),
    ("HT", "Port-au-Prince"),
    ("DO", "Santo Domingo"),
    ("BS", "Nassau"),
    ("BB", "Bridgetown"),
    ("TT", "Port of Spain"),
    ("SR", "Paramaribo"),
    ("BZ", "Belmopan"),
    ("EC", "Quito"),
    ("CO", "Bogota"),
    ("CO", "Bogotá"),
    ("VE", "Caracas"),
    ("PE", "Lima"),
    ("BO", "La Paz"),
    ("PY", "Asuncion"),
    ("PY", "Asunción"),
    ("UY", "Montevideo"),
    ("AR", "Buenos Aires"),
    ("BR", "Brasilia"),
    ("BR", "Brasília"),
    ("MX", "Mexico City"),
    ("GT", "Guatemala City"),
    ("SV", "San Salvador"),
    ("HN", "Tegucigalpa"),
    ("NI", "Managua"),
    ("PA", "Panama City"),
];

/// keshvar names and demonyms dropped: wrong for the code, shared by several
/// countries, or an English word or place that is not the country ("Chili" is
/// French for Chile; "Salvador" is a Brazilian city and a given name).
const REMOVED: &[(&str, &str)] = &[
    ("NE", "Nigerian"),
    ("SV", "Salvador"),
    ("CL", "Chili"),
    // Icelandic and German for Iceland; "Manus Island" in English.
    ("IS", "Island"),
    ("GB", "England"),
    ("AE", "Emirian"),
    ("CG", "Congolese"),
    ("CG", "Congo"),
    ("DM", "Dominican"),
    ("US", "American"),
    ("TW", "Taiwan, Province of China"),
    ("MK", "Macedonian"),
    ("CV", "Cape Verdian"),
    ("VA", "Vatican Citizen"),
    // The regional adjective ("the Central African state", "Central African
    // forests") far outnumbers the republic's demonym.
    ("CF", "Central African"),
];

/// Display names where keshvar's ISO short name is not the common English
/// one ("Iran (Islamic Republic of)").
const COMMON_NAMES: &[(&str, &str)] = &[
    ("BO", "Bolivia"),
    ("BN", "Brunei"),
    ("CD", "Democratic Republic of the Congo"),
    ("CG", "Republic of the Congo"),
    ("FM", "Micronesia"),
    ("GB", "United Kingdom"),
    ("IR", "Iran"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("LA", "Laos"),
    ("MD", "Moldova"),
    ("PS", "Palestine"),
    ("RU", "Russia"),
    ("SY", "Syria"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("VA", "Vatican City"),
    ("VE", "Venezuela"),
    ("VN", "Vietnam"),
    ("XK", "Kosovo"),
];

/// Phrases that contain a country name but name something else; matched so
/// that leftmost-longest swallows the country inside them.
const NOT_COUNTRIES: &[&str] = &[
    "New Mexico",
    "New Jersey",
    "Guinea pig",
    "Guinea pigs",
    "Guinea fowl",
    "Guinea worm",
    "Turkey Day",
    "Jordan Valley",
    "Indian Ocean",
    "Native American",
    "Panama Canal",
    // Seas, gulfs and lakes named after a country are places, not the state.
    "Gulf of Mexico",
    "Gulf of Guinea",
    "Gulf of Oman",
    "Gulf of Panama",
    "Gulf of Honduras",
    "Gulf of Thailand",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Philippine Sea",
    "Timor Sea",
    "Lake Chad",
    "Lake Malawi",
];

struct Entry {
    /// `None` for `NOT_COUNTRIES` phrases.
    code: Option<&'static str>,
    form: Form,
    /// All-capital abbreviations ("UK", "DRC") must match case exactly.
    exact_case: bool,
}

struct Gazetteer {
    matcher: AhoCorasick,
    entries: Vec<Entry>,
    names: HashMap<&'static str, &'static str>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

fn build() -> Gazetteer {
    let mut patterns: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut names: HashMap<&'static str, &'static str> = HashMap::new();
    // keshvar exposes codes as an enum; one leaked string per country (about
    // 200, once per process) gives the `&'static str` the interface promises.
    let mut seen: HashMap<String, Option<(&'static str, Form)>> = HashMap::new();
    let mut add = |pattern: &str, code: &'static str, form: Form| {
        if REMOVED.contains(&(code, pattern)) {
            return;
        }
        match seen.get(pattern) {
            Some(Some((other, _))) if *other != code => {
                seen.insert(pattern.to_string(), None);
            }
            Some(_) => {}
            None => {
                seen.insert(pattern.to_string(), Some((code, form)));
            }
        }
    };

    for country in CountryIterator::new() {
        let code_string = country.alpha2().to_string();
        if code_string == DEPORTING_COUNTRY {
            continue;
        }
        let is_member = country.un_member()
            || UN_OBSERVERS.contains(&code_string.as_str())
            || code_string == "TW";
        if !is_member {
            continue;
        }
        let code: &'static str = Box::leak(code_string.into_boxed_str());
        let short = country.iso_short_name();
        let display = COMMON_NAMES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| *n)
            .unwrap_or(short);
        names.insert(code, display);
        if is_plain_english_name(short) {
            add(short, code, Form::Name);
        }
        for alias in country.unofficial_name_list() {
            if is_plain_english_name(alias) {
                add(alias, code, Form::Name);
            }
        }
        if let Some(nationality) = country.maybe_nationality() {
            for demonym in nationality.split(", ") {
                if is_plain_english_name(demonym) {
                    add(demonym, code, Form::Demonym);
                }
            }
        }
    }
    for (code, name) in COMMON_NAMES {
        names.entry(code).or_insert(name);
    }
    for (code, name) in EXTRA_NAMES {
        add(name, code, Form::Name);
    }
    for (code, demonym) in EXTRA_DEMONYMS {
        add(demonym, code, Form::Demonym);
    }
    for (code, city) in CAPITALS {
        // Only capitals of countries the gazetteer knows by name.
        if names.contains_key(code) || EXTRA_NAMES.iter().any(|(c, _)| c == code) {
            add(city, code, Form::Capital);
        }
    }

    let mut sorted: Vec<_> = seen.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for (pattern, resolved) in sorted {
        let Some((code, form)) = resolved else {
            continue;
        };
        entries.push(Entry {
            code: Some(code),
            form,
            exact_case: is_abbreviation(&pattern),
        });
        patterns.push(pattern);
    }
    for phrase in NOT_COUNTRIES {
        patterns.push((*phrase).to_string());
        entries.push(Entry {
            code: None,
            form: Form::Name,
            exact_case: false,
        });
    }

    // A DFA: a few hundred kilobytes once per process for the fastest scan,
    // which every sentence and speaker check repeats.
    let matcher = AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("gazetteer patterns are plain strings");
    Gazetteer {
        matcher,
        entries,
        names,
    }
}

/// keshvar's alias lists mix in other languages and scripts; English copy
/// only needs Latin-script names without ISO's bracketed qualifiers.
fn is_plain_english_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| {
            c.is_ascii_alphabetic()
                || matches!(
                    c,
                    ' ' | '-' | '\'' | '’' | '.' | 'ô' | 'é' | 'í' | 'ü' | 'ç' | 'ã'
                )
        })
}

fn is_abbreviation(pattern: &str) -> bool {
    let letters: Vec<char> = pattern.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// The common English short name of a gazetteer code ("SZ" -> "Eswatini").
pub fn common_name(code: &str) -> Option<&'static str> {
    GAZETTEER.names.get(code).copied()
}

/// Every place `text` names a country, in order, after word-boundary and
/// capitalisation checks. Demonyms also match with a plural "s" ("Rwandans").
pub fn mentions(text: &str) -> Vec<Mention> {
    let gazetteer = &*GAZETTEER;
    let mut found = Vec::new();
    for m in gazetteer.matcher.find_iter(text) {
        if let Some(mention) = accept(gazetteer, text, m) {
            found.push(mention);
            continue;
        }
        // "The Gambian man": the longest match ("The Gambia") runs into a
        // word, and the shorter one from the next word ("Gambian") is the
        // mention. Leftmost-longest matching never reports it by itself.
        // A decoy without a code ("New Mexico") stands as matched.
        let decoy = gazetteer.entries[m.pattern().as_usize()].code.is_none();
        let Some(space) = text[m.range()].find(' ').filter(|_| !decoy) else {
            continue;
        };
        let from = m.start() + space + 1;
        if let Some(inner) = gazetteer
            .matcher
            .find(aho_corasick::Input::new(text).range(from..))
            .filter(|inner| inner.start() == from)
            && let Some(mention) = accept(gazetteer, text, inner)
        {
            found.push(mention);
        }
    }
    found
}

/// The mention a match makes, if it stands as whole, capitalised words.
fn accept(gazetteer: &Gazetteer, text: &str, m: aho_corasick::Match) -> Option<Mention> {
    let entry = &gazetteer.entries[m.pattern().as_usize()];
    let code = entry.code?;
    let matched = &text[m.range()];
    let mut end = m.end();
    if entry.form == Form::Demonym && text.as_bytes().get(end) == Some(&b's') {
        end += 1;
    }
    let starts_word = text[..m.start()]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let ends_word = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    // Proper nouns are capitalised: "china", "turkey", "chad" are not countries.
    let capitalised = matched.chars().next().is_some_and(char::is_uppercase);
    let case_fits = !entry.exact_case
        || matched
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    (starts_word && ends_word && capitalised && case_fits).then_some(Mention {
        range: m.start()..end,
        code,
        form: entry.form,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(&'static str, &str)> {
        mentions(text)
            .into_iter()
            .map(|m| (m.code, &text[m.range]))
            .collect()
    }

    #[test]
    fn longest_name_wins_among_nested_names() {
        assert_eq!(
            codes("Equatorial Guinea, Guinea-Bissau, Papua New Guinea and Guinea"),
            vec![
                ("GQ", "Equatorial Guinea"),
                ("GW", "Guinea-Bissau"),
                ("PG", "Papua New Guinea"),
                ("GN", "Guinea")
            ]
        );
        assert_eq!(
            codes("Niger, Nigeria, Sudan and South Sudan"),
            vec![
                ("NE", "Niger"),
                ("NG", "Nigeria"),
                ("SD", "Sudan"),
                ("SS", "South Sudan")
            ]
        );
        assert_eq!(
            codes("Congo and the Democratic Republic of the Congo and Congo-Brazzaville"),
            vec![
                ("CD", "Congo"),
                ("CD", "Democratic Republic of the Congo"),
                ("CG", "Congo-Brazzaville")
            ]
        );
    }

    #[test]
    fn old_names_abbreviations_and_kosovo() {
        assert_eq!(
            codes(
                "Swaziland, Burma, Ivory Coast, Cape Verde, Czechia, Türkiye, DRC, UAE, UK, Kosovo"
            ),
            vec![
                ("SZ", "Swaziland"),
                ("MM", "Burma"),
                ("CI", "Ivory Coast"),
                ("CV", "Cape Verde"),
                ("CZ", "Czechia"),
                ("TR", "Türkiye"),
                ("CD", "DRC"),
                ("AE", "UAE"),
                ("GB", "UK"),
                ("XK", "Kosovo")
            ]
        );
    }

    #[test]
    fn a_shorter_name_inside_a_longer_match_is_found() {
        assert_eq!(codes("The Gambian man"), vec![("GM", "Gambian")]);
        assert_eq!(codes("The Gambia"), vec![("GM", "The Gambia")]);
    }

    #[test]
    fn demonyms_including_plurals_and_overrides() {
        assert_eq!(
            codes("Salvadoran prison, Rwandan officials, Emirati, Burmese, Nigerien, Rwandans"),
            vec![
                ("SV", "Salvadoran"),
                ("RW", "Rwandan"),
                ("AE", "Emirati"),
                ("MM", "Burmese"),
                ("NE", "Nigerien"),
                ("RW", "Rwandans")
            ]
        );
        assert_eq!(codes("Nigerian"), vec![("NG", "Nigerian")]);
    }

    #[test]
    fn word_boundaries_case_and_non_countries() {
        assert!(codes("a woman in fine china ate turkey with a guinea pig").is_empty());
        assert!(codes("Guinea pigs, New Mexico, American officials, Indiana, uk").is_empty());
        assert!(codes("oil fields in the Gulf of Guinea and the South China Sea").is_empty());
        assert!(codes("held on Manus Island and Christmas Island").is_empty());
        assert_eq!(codes("Oman's port"), vec![("OM", "Oman")]);
    }

    #[test]
    fn capitals_name_their_country_and_ambiguous_ones_are_left_out() {
        let found: Vec<(&str, Form)> = mentions(
            "Juba, Kigali, Mexico City, Pristina, San Salvador, Yaoundé, N'Djamena, Tbilisi",
        )
        .into_iter()
        .map(|m| (m.code, m.form))
        .collect();
        let found_codes: Vec<&str> = found.iter().map(|f| f.0).collect();
        assert_eq!(
            found_codes,
            vec!["SS", "RW", "MX", "XK", "SV", "CM", "TD", "GE"]
        );
        assert!(found.iter().all(|f| f.1 == Form::Capital));
        // "San Salvador" is the city, "El Salvador" the country.
        assert_eq!(codes_of("El Salvador"), vec!["SV"]);
        assert!(
            codes("Washington, Athens, Dublin, Kingston, Santiago, Sofia, San Jose").is_empty()
        );
        // Every capital maps to a country the gazetteer names.
        for (code, city) in CAPITALS {
            assert!(common_name(code).is_some(), "{city} -> {code}");
            let found = mentions(city);
            assert_eq!(found.len(), 1, "{city}");
            assert_eq!(found[0].code, *code, "{city}");
        }
    }

    fn codes_of(text: &str) -> Vec<&'static str> {
        mentions(text).into_iter().map(|m| m.code).collect()
    }

    #[test]
    fn display_names_are_common_english() {
        assert_eq!(common_name("SZ"), Some("Eswatini"));
        assert_eq!(common_name("XK"), Some("Kosovo"));
        assert_eq!(common_name("IR"), Some("Iran"));
        assert_eq!(common_name("US"), None);
    }
}
