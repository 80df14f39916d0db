//! Search: stemming for Danish, Swedish and Norwegian, and the index each language's search
//! page loads, built here at build time.
//!
//! The stemmers are the Snowball algorithms for the three languages (R1, main suffixes,
//! consonant pairs, other suffixes, undoubling) written as *data* ([`Rules`]) for one small
//! interpreter. The index carries its language's rules, and the browser's query code
//! (`samling.js`) runs the same interpreter over them: queries are stemmed exactly as the
//! index was, with no stemmer library in either place to keep in step.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

/// One language's stemming steps. Every step applies only inside R1.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Rules {
    /// Letters that count as vowels when R1 is found.
    pub vowels: &'static str,
    /// Main suffixes and what replaces them (`""`: removed). `s` is handled by `s_ending`.
    pub main: &'static [(&'static str, &'static str)],
    /// Letters before which a final `s` is removed.
    pub s_ending: &'static str,
    /// Whether a final `s` after `k` preceded by a non-vowel is removed (Norwegian).
    pub s_after_consonant_k: bool,
    /// Consonant pairs whose last letter is removed.
    pub pairs: &'static [&'static str],
    /// Other suffixes and their replacements; `pairs` is tried again when `repeat_pairs`.
    pub other: &'static [(&'static str, &'static str)],
    /// Danish: an ending `igst` loses its `st` before `other`.
    pub igst: bool,
    /// Danish: after an `other` suffix is removed, `pairs` is tried again.
    pub repeat_pairs: bool,
    /// Danish: a final double consonant is undoubled.
    pub undouble: bool,
}

const DANISH: Rules = Rules {
    vowels: "aeiouyæåø",
    main: &[
        ("hed", ""),
        ("ethed", ""),
        ("ered", ""),
        ("e", ""),
        ("erede", ""),
        ("ende", ""),
        ("erende", ""),
        ("ene", ""),
        ("erne", ""),
        ("ere", ""),
        ("en", ""),
        ("heden", ""),
        ("eren", ""),
        ("er", ""),
        ("heder", ""),
        ("erer", ""),
        ("heds", ""),
        ("es", ""),
        ("endes", ""),
        ("erendes", ""),
        ("enes", ""),
        ("ernes", ""),
        ("eres", ""),
        ("ens", ""),
        ("hedens", ""),
        ("erens", ""),
        ("ers", ""),
        ("ets", ""),
        ("erets", ""),
        ("et", ""),
        ("eret", ""),
    ],
    s_ending: "abcdfghjklmnoprtvyzå",
    s_after_consonant_k: false,
    pairs: &["gd", "dt", "gt", "kt"],
    other: &[
        ("ig", ""),
        ("lig", ""),
        ("elig", ""),
        ("els", ""),
        ("løst", "løs"),
    ],
    igst: true,
    repeat_pairs: true,
    undouble: true,
};

const SWEDISH: Rules = Rules {
    vowels: "aeiouyäåö",
    main: &[
        ("a", ""),
        ("arna", ""),
        ("erna", ""),
        ("heterna", ""),
        ("orna", ""),
        ("ad", ""),
        ("e", ""),
        ("ade", ""),
        ("ande", ""),
        ("arne", ""),
        ("are", ""),
        ("aste", ""),
        ("en", ""),
        ("anden", ""),
        ("aren", ""),
        ("heten", ""),
        ("ern", ""),
        ("ar", ""),
        ("er", ""),
        ("heter", ""),
        ("or", ""),
        ("as", ""),
        ("arnas", ""),
        ("ernas", ""),
        ("ornas", ""),
        ("es", ""),
        ("ades", ""),
        ("andes", ""),
        ("ens", ""),
        ("arens", ""),
        ("hetens", ""),
        ("erns", ""),
        ("at", ""),
        ("andet", ""),
        ("het", ""),
        ("ast", ""),
    ],
    s_ending: "bcdfghjklmnoprtvy",
    s_after_consonant_k: false,
    pairs: &["dd", "gd", "nn", "dt", "gt", "kt", "tt"],
    other: &[
        ("lig", ""),
        ("ig", ""),
        ("els", ""),
        ("löst", "lös"),
        ("fullt", "full"),
    ],
    igst: false,
    repeat_pairs: false,
    undouble: false,
};

const NORWEGIAN: Rules = Rules {
    vowels: "aeiouyæåø",
    main: &[
        ("a", ""),
        ("e", ""),
        ("ede", ""),
        ("ande", ""),
        ("ende", ""),
        ("ane", ""),
        ("ene", ""),
        ("hetene", ""),
        ("erte", "er"),
        ("en", ""),
        ("heten", ""),
        ("ar", ""),
        ("er", ""),
        ("heter", ""),
        ("as", ""),
        ("es", ""),
        ("edes", ""),
        ("endes", ""),
        ("enes", ""),
        ("hetenes", ""),
        ("ens", ""),
        ("hetens", ""),
        ("ers", ""),
        ("ets", ""),
        ("et", ""),
        ("het", ""),
        ("ert", "er"),
        ("ast", ""),
    ],
    s_ending: "bcdfghjlmnoprtvyz",
    s_after_consonant_k: true,
    pairs: &["dt", "vt"],
    other: &[
        ("leg", ""),
        ("eleg", ""),
        ("ig", ""),
        ("eig", ""),
        ("lig", ""),
        ("elig", ""),
        ("els", ""),
        ("lov", ""),
        ("elov", ""),
        ("slov", ""),
        ("hetslov", ""),
    ],
    igst: false,
    repeat_pairs: false,
    undouble: false,
};

/// The stemmer for a language code: Danish, Swedish, and Norwegian for `nb`, `nn` and
/// `no` (Snowball has one Norwegian stemmer). Other languages are searched unstemmed.
pub fn rules_for(lang: &str) -> Option<&'static Rules> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    match primary.to_ascii_lowercase().as_str() {
        "da" => Some(&DANISH),
        "sv" => Some(&SWEDISH),
        "nb" | "nn" | "no" => Some(&NORWEGIAN),
        _ => None,
    }
}

fn not_word(c: char) -> bool {
    !c.is_alphanumeric()
}

/// The words of `text`, lower-cased: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(not_word)
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// `word` (lower-case) stemmed by `rules`; unchanged without rules.
pub fn stem(word: &str, rules: Option<&Rules>) -> String {
    let Some(rules) = rules else {
        return word.to_owned();
    };
    let mut w: Vec<char> = word.chars().collect();
    let vowel = |c: char| rules.vowels.contains(c);
    // R1: after the first non-vowel that follows a vowel, and at least 3 letters in.
    let mut r1 = w.len();
    for i in 1..w.len() {
        if !vowel(w[i]) && vowel(w[i - 1]) {
            r1 = i + 1;
            break;
        }
    }
    let r1 = r1.max(3);
    let ends_in_r1 = |w: &[char], suffix: &str| {
        let n = suffix.chars().count();
        w.len() >= n && w.len() - n >= r1 && w[w.len() - n..].iter().copied().eq(suffix.chars())
    };
    let replace = |w: &mut Vec<char>, suffix: &str, by: &str| {
        w.truncate(w.len() - suffix.chars().count());
        w.extend(by.chars());
    };
    // Main suffixes: the longest in R1, `s` included.
    let longest = rules
        .main
        .iter()
        .chain([("s", "")].iter())
        .filter(|(s, _)| ends_in_r1(&w, s))
        .max_by_key(|(s, _)| s.len());
    if let Some(&(suffix, by)) = longest {
        if suffix == "s" {
            let before = w.len().checked_sub(2).map(|i| w[i]);
            let keep = match before {
                Some(c) if rules.s_ending.contains(c) => false,
                Some('k') if rules.s_after_consonant_k => w.len() < 3 || vowel(w[w.len() - 3]),
                _ => true,
            };
            if !keep {
                w.pop();
            }
        } else {
            replace(&mut w, suffix, by);
        }
    }
    let pairs = |w: &mut Vec<char>| {
        if rules.pairs.iter().any(|p| ends_in_r1(w, p)) {
            w.pop();
        }
    };
    pairs(&mut w);
    if rules.igst && w.ends_with(&['i', 'g', 's', 't']) {
        w.truncate(w.len() - 2);
    }
    let other = rules
        .other
        .iter()
        .filter(|(s, _)| ends_in_r1(&w, s))
        .max_by_key(|(s, _)| s.len());
    if let Some(&(suffix, by)) = other {
        replace(&mut w, suffix, by);
        if rules.repeat_pairs && by.is_empty() {
            pairs(&mut w);
        }
    }
    if rules.undouble
        && w.len() >= 2
        && w.len() > r1
        && !vowel(w[w.len() - 1])
        && w[w.len() - 1] == w[w.len() - 2]
    {
        w.pop();
    }
    w.into_iter().collect()
}

/// What a search result shows and, for sessions, what "my programme" needs.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// `session`, `speaker` or `theme`.
    pub kind: &'static str,
    pub title: String,
    /// The page's link from the output root (`da/x/index.html`).
    pub address: String,
    /// The page's language, where it is not the index's.
    pub lang: Option<String>,
    /// A line under the title, in parts: when and where, or role and organisation.
    pub detail: Vec<String>,
    pub session: Option<SessionData>,
    /// Text searched but not shown.
    pub text: String,
}

/// A session's calendar data, for "my programme" and its `.ics` built in the browser.
#[derive(Debug, Clone, Default)]
pub struct SessionData {
    /// [`crate::model::Entry::uid`]: the same in every language and in every export.
    pub uid: String,
    /// UTC, `20251113T081500Z`, from the programme's zone at build time.
    pub start: Option<String>,
    /// Minutes from start to end.
    pub minutes: Option<i64>,
    /// All-day sessions: `20251113`.
    pub date: Option<String>,
    /// Room and venue.
    pub location: Vec<String>,
    pub status: Option<crate::front_matter::Status>,
}

/// One document as the browser reads it: short keys, repeated texts (days, rooms,
/// programmes, folders) as numbers into `strings`. A 10,000-session index stays a few MB.
#[derive(Serialize)]
struct Doc<'a> {
    k: &'static str,
    t: &'a str,
    /// The folder of the page's address, in `strings`.
    f: usize,
    /// The rest of its address.
    s: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    l: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    d: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    u: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    m: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    o: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x: Option<crate::front_matter::Status>,
}

#[derive(Serialize)]
struct Index<'a> {
    lang: &'a str,
    rules: Option<&'static Rules>,
    strings: Vec<&'a str>,
    docs: Vec<Doc<'a>>,
    /// Stem → the documents containing it, as gaps between ascending document numbers.
    terms: BTreeMap<String, Vec<u32>>,
}

/// The index of `docs` for language `lang`, as a script that hands it to `samling.js`
/// (a script, not JSON, so that it loads from disk too, where `fetch` is refused).
pub fn index_script<'a>(lang: &'a str, docs: &'a [Document]) -> String {
    let rules = rules_for(lang);
    // Each distinct word is stemmed once; postings are kept by term number.
    let mut term_of: HashMap<String, usize> = HashMap::new();
    let mut stem_numbers: HashMap<String, usize> = HashMap::new();
    let mut postings: Vec<(String, Vec<u32>)> = Vec::new();
    let mut word = String::new();
    for (n, doc) in docs.iter().enumerate() {
        let n = n as u32;
        let raw = doc.title.split(not_word).chain(doc.text.split(not_word));
        for part in raw.filter(|w| !w.is_empty()) {
            // As `words`, into one buffer: most words are known already.
            word.clear();
            word.extend(part.chars().flat_map(char::to_lowercase));
            let term = match term_of.get(word.as_str()) {
                Some(&term) => term,
                None => {
                    let stemmed = stem(&word, rules);
                    let next = postings.len();
                    let term = *stem_numbers.entry(stemmed.clone()).or_insert(next);
                    if term == next {
                        postings.push((stemmed, Vec::new()));
                    }
                    term_of.insert(word.clone(), term);
                    term
                }
            };
            let list = &mut postings[term].1;
            if list.last() != Some(&n) {
                list.push(n);
            }
        }
    }
    let terms: BTreeMap<String, Vec<u32>> = postings
        .into_iter()
        .map(|(term, list)| {
            let mut previous = 0;
            let gaps = list
                .into_iter()
                .map(|n| {
                    let gap = n - previous;
                    previous = n;
                    gap
                })
                .collect();
            (term, gaps)
        })
        .collect();
    // Repeated texts (folders, days, times, rooms, programmes) once, by number.
    let mut strings: Vec<&str> = Vec::new();
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<Doc> = Vec::with_capacity(docs.len());
    for doc in docs {
        let mut number = |text: &'a str| -> usize {
            *numbers.entry(text).or_insert_with(|| {
                strings.push(text);
                strings.len() - 1
            })
        };
        // `da/prog/theme/session/index.html` → `da/prog/theme/` and `session/index.html`.
        let cut = doc
            .address
            .trim_end_matches("index.html")
            .trim_end_matches('/')
            .rfind('/')
            .map_or(0, |i| i + 1);
        let (folder, rest) = doc.address.split_at(cut);
        let session = doc.session.as_ref();
        out.push(Doc {
            k: match doc.kind {
                "session" => "s",
                "speaker" => "p",
                _ => "t",
            },
            t: &doc.title,
            f: number(folder),
            s: rest,
            l: doc.lang.as_deref(),
            d: doc.detail.iter().map(|p| number(p)).collect(),
            u: session.map(|s| s.uid.as_str()),
            a: session.and_then(|s| s.start.as_deref()),
            m: session.and_then(|s| s.minutes),
            y: session.and_then(|s| s.date.as_deref()),
            o: session
                .map(|s| s.location.iter().map(|p| number(p)).collect())
                .unwrap_or_default(),
            x: session.and_then(|s| s.status),
        });
    }
    let index = Index {
        lang,
        rules,
        strings,
        docs: out,
        terms,
    };
    // serde_json cannot fail on these types; `</` is escaped so the text is script-safe.
    let json = serde_json::to_string(&index)
        .unwrap_or_default()
        .replace("</", "<\\/");
    format!("window.samlingIndex={json};\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn da(word: &str) -> String {
        stem(word, rules_for("da"))
    }

    #[test]
    fn danish_inflections_share_a_stem() {
        let forms = [
            "kommune",
            "kommuner",
            "kommunerne",
            "kommunernes",
            "kommunen",
        ];
        let stems: Vec<String> = forms.iter().map(|w| da(w)).collect();
        assert!(stems.iter().all(|s| s == "kommun"), "{stems:?}");
        assert_eq!(da("udfordringerne"), da("udfordring"));
        assert_eq!(da("debatten"), da("debat"));
        // Snowball's own examples for Danish.
        assert_eq!(da("indtager"), "indtag");
        assert_eq!(da("løbende"), "løb");
        assert_eq!(da("kendelse"), "kend");
        assert_eq!(da("kærlighed"), "kær");
    }

    #[test]
    fn swedish_and_norwegian() {
        let sv = |w: &str| stem(w, rules_for("sv"));
        assert_eq!(sv("kommunerna"), sv("kommuner"));
        assert_eq!(sv("samverkans"), "samverkan");
        assert_eq!(sv("regionernas"), sv("region"));
        let nb = |w: &str| stem(w, rules_for("nb"));
        assert_eq!(nb("kommunene"), nb("kommune"));
        assert_eq!(nb("utfordringene"), nb("utfordring"));
        assert!(rules_for("nn").is_some() && rules_for("fi").is_none());
        assert_eq!(stem("Kommunerne", None), "Kommunerne");
    }

    #[test]
    fn index_lists_stems_with_gaps() {
        let doc = |title: &str| Document {
            kind: "session",
            title: title.into(),
            ..Document::default()
        };
        let docs = [
            doc("Kommunerne"),
            doc("Regionen"),
            doc("Kommunen og regionen"),
        ];
        let script = index_script("da", &docs);
        assert!(script.starts_with("window.samlingIndex={"));
        assert!(script.contains("\"kommun\":[0,2]"), "{script}");
        assert!(script.contains("\"region\":[1,1]"), "{script}");
    }
}
