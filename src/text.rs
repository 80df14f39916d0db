//! Text rules, in one place: folding Nordic letters to ASCII, slugs and heading ids, and
//! escaping for HTML, XML, iCalendar and JSON inside a script. A rule written twice drifts
//! (speaker addresses once folded ü to u while schedules folded it to ue).

/// The ASCII of a lower-case letter that is not ASCII, as Nordic readers spell it without the
/// letter: æ → ae, ø → oe, å → aa, ä → ae, ö → oe, ü → ue, and accents dropped. `None` for
/// characters that have no ASCII spelling here.
fn ascii_of_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' | 'ä' => "ae",
        'ø' | 'ö' => "oe",
        'å' => "aa",
        'ü' => "ue",
        'ß' => "ss",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'á' | 'à' | 'â' => "a",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ó' | 'ò' | 'ô' => "o",
        'ú' | 'ù' | 'û' => "u",
        'ý' | 'ÿ' => "y",
        'ð' => "d",
        'þ' => "th",
        _ => return None,
    })
}

/// Lower-case ASCII of a Nordic name, each character folded by the one table; `other` stands
/// for a character with no ASCII spelling.
pub fn ascii_fold(text: &str, other: char) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(ascii) = ascii_of_letter(c) {
            out.push_str(ascii);
        } else {
            out.push(other);
        }
    }
    out
}

/// `Åse Ødegård Müller` → `aase-oedegaard-mueller`: an address segment of `[a-z0-9-]`,
/// starting and ending in a letter or digit; `fallback` if there are none.
pub fn slug(text: &str, fallback: &str) -> String {
    join_words(
        &ascii_fold(text, '-'),
        |c| c.is_ascii_alphanumeric(),
        fallback,
    )
}

/// `Pris og tilmelding` → `pris-og-tilmelding`: a heading's id, which keeps letters such as
/// æ, ø and å (fragments are read as Unicode); `fallback` if there are none.
pub fn anchor(text: &str, fallback: &str) -> String {
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    join_words(&lower, char::is_alphanumeric, fallback)
}

/// The runs of `text` whose characters are `kept`, joined by single `-`.
fn join_words(text: &str, kept: impl Fn(char) -> bool, fallback: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if kept(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str(fallback);
    }
    out
}

/// Whether XML 1.0 allows `c` in a document (its production `Char`). HTML has no place for
/// the others either: they are parse errors.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `&`, `<`, `>`, `"` and `'` as entities, for HTML and XML text and attribute values of
/// either quote, without the characters XML forbids: a CFP export's `\u0000` or `\u000b`
/// would make a whole schedule unreadable (`check` warns about them at their field).
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_markup_into(text, &mut out);
    out
}

/// [`escape_markup`], appended to `out`. Every page's text goes through it: the runs between
/// the bytes that need care are copied whole (a byte-wise scan; UTF-8 never has an ASCII byte
/// inside a longer character, and U+FFFE and U+FFFF, which XML forbids, begin with 0xEF).
pub fn escape_markup_into(text: &str, out: &mut String) {
    escape_markup_by_runs(text, |run| out.push_str(run));
}

/// [`escape_markup`], given to `push` run by run: for writers that take bytes (templates).
pub fn escape_markup_by_runs(text: &str, mut push: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (replacement, len): (&str, usize) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            0..0x20 => ("", 1),
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => ("", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        push(&text[run..i]);
        push(replacement);
        i += len;
        run = i;
    }
    push(&text[run..]);
}

/// A TEXT value of iCalendar (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line
/// breaks as `\n`, other control characters dropped (the format has no place for them).
pub fn escape_ical(text: &str) -> String {
    if !text.contains(['\\', ';', ',', '\r', '\n']) && !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// JSON that is safe inside a `<script>`: `</` is escaped, so no text can close the element.
/// serde_json cannot fail on the plain data given here.
pub fn script_json(value: &impl serde::Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    if json.contains("</") {
        json.replace("</", "<\\/")
    } else {
        json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_nordic_table_for_every_slug() {
        assert_eq!(slug("Åse Ødegård Müller", "x"), "aase-oedegaard-mueller");
        assert_eq!(slug("Søndag på Ø", "x"), "soendag-paa-oe");
        assert_eq!(slug("Ärende – Öppet möte", "x"), "aerende-oeppet-moete");
        assert_eq!(slug("  —  ", "speaker"), "speaker");
        assert_eq!(slug("Ελένη Šimek", "x"), "imek");
        assert_eq!(ascii_fold("Ærø", '_'), "aeroe");
        assert_eq!(ascii_fold("Ελ", '_'), "__");
    }

    #[test]
    fn heading_ids_keep_nordic_letters() {
        assert_eq!(
            anchor("Pris og tilmelding", "section"),
            "pris-og-tilmelding"
        );
        assert_eq!(anchor("Mål & værdier", "section"), "mål-værdier");
        assert_eq!(anchor("!!!", "section"), "section");
    }

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape_markup("a\u{0}b\u{b}c\u{c}d\u{1f}e\u{fffe}f"),
            "abcdef"
        );
        assert_eq!(
            escape_markup("<æ>\t\n\r&\u{7f}\"'"),
            "&lt;æ&gt;\t\n\r&amp;\u{7f}&quot;&#39;"
        );
        // The byte-wise scan against the definition, character by character, on every
        // character class it treats apart and their neighbours (U+FFFD and U+EFBF share
        // bytes with the forbidden U+FFFE and U+FFFF).
        let by_character = |text: &str| -> String {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&#39;"),
                    c if is_xml_char(c) => out.push(c),
                    _ => {}
                }
            }
            out
        };
        let pieces = [
            "a",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "\t",
            "\n",
            "\r",
            "\u{0}",
            "\u{1f}",
            "\u{7f}",
            "æ",
            "\u{fffd}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{efbf}",
            "\u{feff}",
            "😀",
            "\u{10000}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(escape_markup(&text), by_character(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn ical_text_is_escaped() {
        assert_eq!(
            escape_ical("Sal A, 2. sal; lokale 3\\4\nTrappe B\r\nNæste\u{0}"),
            "Sal A\\, 2. sal\\; lokale 3\\\\4\\nTrappe B\\nNæste"
        );
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        assert_eq!(script_json(&"</script>"), "\"<\\/script>\"");
    }
}
