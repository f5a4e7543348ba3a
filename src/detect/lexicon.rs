//! Cue lexicons: the English words that signal deportation, a receiving
//! relation, nationality, negation or another topic. Lists of words only; the
//! rules that use them live in `countries` and `quotes`.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::words::Word;

/// The topic cues of one word, worked out once per word because every
/// sentence, clause, paragraph and quote asks about them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cues {
    /// Deportation by itself: "deported", "third-country", "expelled".
    pub deportation: bool,
    /// A person moved by deportation policy: "migrants", "deportees".
    pub migrant: bool,
    /// Receiving, agreeing, negotiating, sending: "accept", "deal", "flown".
    pub relation: bool,
    /// The agreeing and negotiating part of `relation`: "deal", "talks".
    pub agreement: bool,
    /// The migration debate: "immigration", "asylum", "border".
    pub migration: bool,
    /// Another story: "trade", "war", "tariffs".
    pub other_topic: bool,
}

/// Cues of a lowercased word without its possessive "'s".
pub fn cues_of(base: &str) -> Cues {
    let mut cues = WHOLE_WORD_CUES.get(base).copied().unwrap_or_default();
    cues.deportation |= base.contains("deport")
        || DEPORTATION_PREFIXES.iter().any(|p| base.starts_with(p))
        // "his removal to Eswatini": the legal word for a deportation.
        || base == "removals"
        || base == "removal";
    let agreeing = AGREEMENT_PREFIXES.iter().any(|p| base.starts_with(p));
    cues.agreement |= agreeing;
    cues.relation |= agreeing || HANDLING_PREFIXES.iter().any(|p| base.starts_with(p));
    cues
}

const DEPORTATION_PREFIXES: &[&str] = &[
    "expel",
    "expuls",
    "third-country",
    "third-party",
    "repatriat",
];

/// The whole-word lists folded into one table, so that a word costs one
/// hash look-up instead of a scan of every list.
static WHOLE_WORD_CUES: LazyLock<HashMap<&'static str, Cues>> = LazyLock::new(|| {
    let mut table: HashMap<&'static str, Cues> = HashMap::new();
    for word in MIGRANT_NOUNS {
        table.entry(word).or_default().migrant = true;
    }
    for word in AGREEMENT_WORDS {
        let cues = table.entry(word).or_default();
        cues.agreement = true;
        cues.relation = true;
    }
    for word in HANDLING_WORDS {
        table.entry(word).or_default().relation = true;
    }
    for word in MIGRATION_WORDS {
        table.entry(word).or_default().migration = true;
    }
    for word in OTHER_TOPICS {
        table.entry(word).or_default().other_topic = true;
    }
    table
});

/// "third country/countries/nations", "safe third country": deportation
/// talk only as a pair.
pub fn is_third_country_phrase(first: &str, second: &str) -> bool {
    first == "third" && ["country", "countries", "nation", "nations", "nationals"].contains(&second)
}

/// People moved by deportation policy.
pub const MIGRANT_NOUNS: &[&str] = &[
    "migrant",
    "migrants",
    "immigrant",
    "immigrants",
    "deportee",
    "deportees",
    "detainee",
    "detainees",
    "asylum",
    "noncitizens",
    "non-citizens",
    "foreigners",
    "aliens",
    "criminals",
    "deportation",
    "deportations",
    "returnee",
    "returnees",
];

/// Words of agreeing, receiving or negotiating, matched as prefixes: with
/// deportation talk just before, they alone make a country a party
/// ("talks with Libya").
pub const AGREEMENT_PREFIXES: &[&str] = &[
    "accept",
    "receiv",
    "agree",
    "arrangement",
    "negotiat",
    "discussion",
    "partner",
    "memorand",
    "welcom",
    "host",
];

/// Agreement words matched whole.
pub const AGREEMENT_WORDS: &[&str] = &[
    "take", "takes", "taking", "took", "taken", "deal", "deals", "pact", "pacts", "talks", "talk",
    "signed", "sign", "signs", "signing", "signed", "sign", "signs", "struck", "reached",
    "offered", "offer", "accord", "accords",
];

/// Words of moving or holding people, matched as prefixes: a relation only
/// in a sentence that itself speaks of deportation ("released ... it had
/// detained" is no deal).
pub const HANDLING_PREFIXES: &[&str] = &[
    "transfer",
    "relocat",
    "resettl",
    "detain",
    "imprison",
    "destination",
    "landed",
    "arriv",
    "hous",
    "incarcerat",
    "jail",
];

/// Handling words matched whole.
pub const HANDLING_WORDS: &[&str] = &[
    "plane", "planes", "bound", "custody", "sent", "send", "sends", "sending", "flown", "flew",
    "shipped", "shipping", "fly", "flight", "flights", "held", "hold", "holding", "removed",
    "returned", "prison", "prisons", "facility", "landing", "lands",
];

/// Words for being involved at all; denied, they deny a deal ("was not
/// asked", "were not involved").
pub const INVOLVEMENT_WORDS: &[&str] = &[
    "asked",
    "approached",
    "contacted",
    "involved",
    "part",
    "included",
    "consulted",
    "notified",
    "party",
    // "not under consideration", "not being considered", "not on the table".
    "consideration",
    "considered",
    "considering",
    "table",
    "planned",
    "list",
];

/// Verbs of people moving on their own or passing through: "traveled to
/// Argentina", "stopped in Djibouti".
pub const VOLUNTARY_MOVES: &[&str] = &[
    "stopped",
    "refueled",
    "refuelled",
    "stopover",
    "layover",
    "transited",
    "traveled",
    "travelled",
    "travel",
    "moved",
    "went",
    "go",
    "fled",
    "migrated",
    "emigrated",
    "walked",
    "crossed",
    "headed",
    "continued",
];

/// Words of criticism or concern: the country that criticizes a deal, or is
/// worried by it, is not its party.
pub const CRITICAL_VERBS: &[&str] = &[
    "warned",
    "warns",
    "concerned",
    "worried",
    "alarmed",
    "criticized",
    "criticised",
    "criticizes",
    "condemned",
    "condemns",
    "denounced",
    "denounces",
    "protested",
    "opposed",
    "opposes",
    "slammed",
    "decried",
    "concern",
    "concerns",
    "objected",
    "objections",
    "demanded",
    "demands",
    "accused",
    "accuses",
];

/// Verbs of stopping something: negating only when the country (or its
/// court) is their subject, "A court in Kenya blocked a plan to receive
/// deportees", not "deportations to Libya were blocked by a judge".
pub const BLOCKING_VERBS: &[&str] = &[
    "blocked",
    "blocks",
    "halted",
    "halts",
    "suspended",
    "suspends",
    "barred",
    "bars",
    "overturned",
];

pub fn is_relation_word(word: &Word) -> bool {
    word.cues.relation
}

/// Nouns for people: a demonym or country modifying one gives a nationality
/// ("a Guatemalan man", "Cuba nationals"), not a destination.
pub const PERSON_NOUNS: &[&str] = &[
    "man",
    "men",
    "woman",
    "women",
    "national",
    "nationals",
    "citizen",
    "citizens",
    "migrant",
    "migrants",
    "immigrant",
    "immigrants",
    "deportee",
    "deportees",
    "detainee",
    "detainees",
    "person",
    "people",
    "child",
    "children",
    "boy",
    "boys",
    "girl",
    "girls",
    "family",
    "families",
    "father",
    "mother",
    "son",
    "daughter",
    "husband",
    "wife",
    // "our brothers and sisters from South Sudan and Congo".
    "brothers",
    "sisters",
    "native",
    "natives",
    "refugee",
    "refugees",
    "seeker",
    "seekers",
    "asylum",
    "worker",
    "workers",
    "student",
    "students",
    "teenager",
    "teenagers",
    "gang",
    "prisoner",
    "prisoners",
    "inmate",
    "inmates",
    "convict",
    "convicts",
    "criminals",
    "descent",
    "origin",
    "national's",
    "mom",
    "dad",
    "resident",
    "residents",
    "couple",
    "brothers",
    "brother",
    "sister",
    "veteran",
    "nationality",
    "passport",
    "citizenship",
    "community",
    "diaspora",
    "exile",
    "exiles",
    "dissident",
    "dissidents",
    "journalist",
    "activist",
];

/// Nouns through which a demonym names the state itself ("Rwandan
/// officials", "a Salvadoran prison"), so it can be a destination.
pub const INSTITUTION_NOUNS: &[&str] = &[
    "government",
    "governments",
    "official",
    "officials",
    "authorities",
    "authority",
    "president",
    "minister",
    "ministry",
    "prison",
    "prisons",
    "jail",
    "jails",
    "mega-prison",
    "megaprison",
    "facility",
    "facilities",
    "capital",
    "soil",
    "territory",
    "leader",
    "leaders",
    "diplomat",
    "diplomats",
    "embassy",
    "police",
    "side",
    "counterpart",
    "counterparts",
    "parliament",
    "lawmakers",
    "court",
    "courts",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "administration",
    "military",
    "army",
    "custody",
    "cabinet",
    "foreign",
    "interior",
    "security",
    "negotiators",
    "envoy",
    "leadership",
    "regime",
    "junta",
    "prime",
    "state",
    "agreement",
    "deal",
    "detention",
    "center",
    "centre",
    "camp",
    "officer",
    "officers",
    "immigration",
    "home",
    "border",
    "king",
    "monarch",
    "monarchy",
    "kingdom",
];

/// Words after which a country names where people come from: "citizens of
/// Cuba", "born in Laos", "migrants from Venezuela".
pub const ORIGIN_MARKERS: &[&str] = &[
    "citizens",
    "citizen",
    "nationals",
    "national",
    "natives",
    "native",
];

/// Words that, before "from", make it a place of origin ("men from Cuba",
/// "who are from Laos"), or of departure ("deported from Mexico").
pub const FROM_ORIGIN_HEADS: &[&str] = &[
    "are",
    "were",
    "is",
    "was",
    "come",
    "comes",
    "came",
    "coming",
    "hail",
    "hails",
    "hailing",
    "originally",
    "originate",
    "originates",
    "originated",
    "originating",
    "fled",
    "fleeing",
    "escaped",
    "deported",
    "flown",
    "removed",
    "expelled",
    "returned",
    "flights",
    "flight",
    "them",
    "whom",
    "who",
];

/// Words a list of origin countries may open with: "from countries such as".
pub const LIST_OPENERS: &[&str] = &[
    "the",
    "countries",
    "country",
    "nations",
    "such",
    "as",
    "including",
    "like",
    "other",
    "places",
    "their",
    "home",
    "origin",
];

/// Verbs that negate a relation when the country is their subject.
pub const NEGATING_VERBS: &[&str] = &[
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "rejected",
    "rejects",
    "reject",
    "rejecting",
    "denied",
    "denies",
    "deny",
    "declined",
    "declines",
    "decline",
    "dismissed",
    "dismisses",
    "balked",
    "spurned",
    "rebuffed",
    "rebuffs",
    "resisted",
    "vetoed",
    "shelved",
    "shelving",
    "scrapped",
    "abandoned",
    "refusal",
    "rejection",
    "denial",
];

/// Words that, followed closely by a relation word, negate it ("would not
/// accept", "no deal", "has never agreed").
pub fn is_negator(word: &Word) -> bool {
    word.is_any(&["not", "no", "never", "nor", "neither", "without"]) || word.lower.ends_with("n't")
}

/// Words that hedge a relation into a refusal when they precede it:
/// "it will be difficult for a country like Nigeria to accept".
pub const HEDGED_REFUSALS: &[&str] = &[
    "difficult",
    "impossible",
    "unwilling",
    "reluctant",
    "unable",
];

/// Auxiliaries and adverbs between a speaker and the speech verb: "Rubio
/// has said", "Noem also told".
pub const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "later",
    "then",
    "again",
    "repeatedly",
    "once",
    "recently",
    "would",
    "will",
    "long",
    "earlier",
    "separately",
    "has",
    "often",
    "publicly",
    // "has since said", "had already told".
    "since",
    "already",
];

/// Words that open a clause with a new subject; any other lowercase word
/// after "but" opens a verb phrase sharing the subject before it.
pub const NEW_SUBJECT_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "there",
    "officials",
    "some",
    "many",
    "most",
    "none",
    "others",
    "critics",
    "both",
    "each",
    "all",
    "one",
    "two",
    "no",
    "not",
    "also",
    "only",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "as",
    "if",
];

/// Things a negating verb rejects.
pub const NEGATED_OBJECTS: &[&str] = &[
    // "never came into force", "never took effect".
    "force",
    "effect",
    "commitment",
    "commitments",
    "request",
    "requests",
    "proposal",
    "proposals",
    "plan",
    "plans",
    "reports",
    "report",
    "idea",
    "offer",
    "demand",
    "demands",
    "overture",
    "overtures",
    "approach",
    "approaches",
    "invitation",
    "pitch",
    "entreaties",
    "any",
    "claims",
];

/// Topics that put a country mention outside the deportation story.
pub const OTHER_TOPICS: &[&str] = &[
    "trade",
    "tariff",
    "tariffs",
    "war",
    "wars",
    "ceasefire",
    "truce",
    "peace",
    "minerals",
    "mineral",
    "oil",
    "sanctions",
    "election",
    "elections",
    "earthquake",
    "conflict",
    "fighting",
    "invasion",
    "invaded",
    "occupation",
    "annexation",
    "territorial",
    "dispute",
    "coup",
    "troops",
    "exports",
    "imports",
    "investment",
    "drug",
    "drugs",
    // Natural resources: "access to Congo's vast reserves of cobalt".
    "reserves",
    "cobalt",
    "coltan",
    "lithium",
    "copper",
    "uranium",
    "cartel",
    "cartels",
    "energy",
    // Weather, tourism, gifts and the Panama Canal: stories that run beside
    // the deals in live blogs and round-ups.
    "weather",
    "storm",
    "storms",
    "thunderstorms",
    "hurricane",
    "tourism",
    "tourists",
    // "Transfers to Mexico fell" in a story on remittances.
    "remittance",
    "remittances",
    "gift",
    "canal",
    // Recognition: "reaffirmed Paraguay's diplomatic recognition of Taiwan".
    "recognition",
    // "in remarks unrelated to the migration agreement".
    "unrelated",
    // Sport: "the World Cup, which they will co-host with Canada".
    "cup",
    "tournament",
    "qualifier",
    "football",
    "soccer",
    "co-host",
    "co-hosts",
    "co-hosting",
];

/// Days of the week: capitalised, nobody's name, and the wire's marker of a
/// new item ("Also Wednesday, …").
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Months, capitalised but nobody's name ("May" is left out: it is a
/// surname too).
const MONTHS_NOT_MAY: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A day or a month other than May.
pub fn is_calendar_word(word: &Word) -> bool {
    word.is_any(WEEKDAYS) || word.is_any(MONTHS_NOT_MAY)
}

/// Capitalised words that follow a given name-like country but are not a
/// surname ("Jordan Monday", "Jordan May 5").
pub fn is_not_surname(word: &Word) -> bool {
    is_calendar_word(word) || word.is_any(&["may", "and", "or", "the"])
}

/// Country names that are also given names: "Jordan Smith", "Rep. Jim Jordan".
pub const GIVEN_NAME_COUNTRIES: &[&str] =
    &["Jordan", "Chad", "Israel", "India", "Georgia", "Kenya"];

/// Words of the migration debate and of where people go: with a
/// deportation story framing them, a paragraph using them is on the topic.
pub const MIGRATION_WORDS: &[&str] = &[
    "immigration",
    "migration",
    "asylum",
    "border",
    "illegal",
    "country",
    "countries",
    "nations",
    // The agencies that carry deportations out.
    "homeland",
    "dhs",
    "ice",
    "cbp",
    "uscis",
];

/// Verbs that report speech: "said", "told", "wrote", "insisted".
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "stated",
    "states",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "explained",
    "noted",
    "declared",
    "insisted",
    "warned",
    "argued",
    "continued",
    "posted",
    "tweeted",
    "remarked",
    "replied",
    "responded",
    "announced",
    "acknowledged",
    "confirmed",
    "emphasized",
    "stressed",
    "recalled",
    "testified",
    "claimed",
    "vowed",
    "promised",
    "revealed",
    "urged",
    "cautioned",
    "contended",
    "conceded",
    "admitted",
    "maintained",
    "called",
    "described",
    "labeled",
    "labelled",
    // "defended the arrangement as a favor to "our … brother"".
    "defended",
    "observed",
    "explains",
    "notes",
    "adding",
    "saying",
    "telling",
    "writing",
];
