//! Decoding page bytes to text: BOM, then the HTTP header charset, then a
//! `<meta charset>` in the first kilobytes, then statistical detection
//! (chardetng). encoding_rs does the decoding; malformed bytes become U+FFFD.

use encoding_rs::Encoding;

/// How far into the document a `<meta charset>` is looked for (the HTML
/// standard's prescan window).
const META_PRESCAN: usize = 1024;

pub fn decode_html(bytes: &[u8], header_charset: Option<&str>) -> String {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    let encoding = header_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_PRESCAN)]))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                encoding_rs::UTF_8
            } else {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                detector.guess(None, true)
            }
        });
    // A page that declares UTF-16 in a meta tag is ASCII-compatible by then; the
    // standard says to treat that declaration as UTF-8.
    let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else {
        encoding
    };
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && (lower[i] == b' ' || lower[i] == b'=') {
            i += 1;
        }
        while i < lower.len() && (lower[i] == b'"' || lower[i] == b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |p| i + p);
        if let Some(encoding) = Encoding::for_label(&lower[i..end]) {
            return Some(encoding);
        }
        from = end.max(from + pos + 1);
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_then_meta_then_detection() {
        let cafe_1252 = b"<p>caf\xe9 d\xe9j\xe0 vu</p>";
        assert!(decode_html(cafe_1252, Some("windows-1252")).contains("café déjà"));
        let with_meta = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert!(decode_html(with_meta, None).contains("café"));
        let utf8_bom = b"\xef\xbb\xbf<p>caf\xc3\xa9</p>";
        assert_eq!(decode_html(utf8_bom, Some("latin1")), "<p>café</p>");
    }
}
