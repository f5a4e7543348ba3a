//! `detect` runs inside the daemon on whatever the extractor produced: it
//! must never panic and its evidence ranges must be whole sentences of the
//! text. Checked on mangled corpus articles (truncated anywhere, quotes
//! unbalanced, paragraphs joined) and odd inputs.

// Shared with the corpus test and the bench; this test only loads articles.
#[allow(dead_code)]
#[path = "corpus/eval.rs"]
mod eval;

use std::path::Path;

use pactwatch::detect::{Findings, detect};
use pactwatch::segment;

/// Cut points per article: enough to land inside words, names and quotes.
const CUTS_PER_ARTICLE: usize = 40;

fn assert_well_formed(text: &str, findings: &Findings) {
    let sentences = segment::sentences(text);
    let evidence = findings
        .countries
        .iter()
        .map(|c| c.evidence.clone())
        .chain(findings.quotes.iter().map(|q| q.evidence.clone()));
    for range in evidence {
        assert!(
            text.get(range.clone()).is_some(),
            "evidence {range:?} is not a slice of the text"
        );
        assert!(
            sentences.iter().any(|s| s.start == range.start),
            "evidence {range:?} does not start a sentence"
        );
        assert!(
            sentences.iter().any(|s| s.end == range.end),
            "evidence {range:?} does not end a sentence"
        );
    }
}

#[test]
fn mangled_articles_never_panic_and_evidence_stays_on_sentences() {
    let articles = eval::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"));
    for article in &articles {
        let text = &article.text;
        let variants = [
            text.replace('\n', " "),
            text.replace(['"', '“', '”'], ""),
            text.replacen('"', "", 1),
            text.replace(". ", ".\n"),
        ];
        for variant in variants.iter().chain(std::iter::once(text)) {
            assert_well_formed(variant, &detect(variant));
        }
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let step = (boundaries.len() / CUTS_PER_ARTICLE).max(1);
        for &cut in boundaries.iter().step_by(step) {
            let head = &text[..cut];
            assert_well_formed(head, &detect(head));
            let tail = &text[cut..];
            assert_well_formed(tail, &detect(tail));
        }
    }
}

#[test]
fn odd_inputs() {
    for text in [
        "",
        "\n\n\n",
        "\"",
        "“”«»„",
        "\"\"\"\"",
        "Eswatini",
        "deported to",
        "Jordan, Chad. Georgia; Guinea-Bissau —",
        "— , which , who ,",
        "\"We will take them,\" he said.",
        "U.S. U.S. U.S.",
        "Sen. Dr. Mr. No. 2 Jan. Ga.",
        "é”à“ü«»",
        // Possessives with a curly apostrophe on names the detector expands.
        "Guards woke Ana Ruiz before dawn. Ruiz’s lawyer said: “We were deported to Eswatini.” Ruiz’s brother said it.",
        "Ruiz Ruiz’s Ruiz: “Deported to Ghana,” Ruiz said. İSTANBUL İlhan’s Öberg said “deported”.",
        // A table whose rows end and start with countries.
        "Deportees went to third countries.\nPeru | Received | near Chile\nBolivia | Received | Chile",
    ] {
        assert_well_formed(text, &detect(text));
    }
}
