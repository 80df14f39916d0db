//! Search: stemming for Danish, Swedish and Norwegian, and the index each language's search
//! page loads, built here at build time.
//!
//! The stemmers are the Snowball algorithms for the three languages (R1, main suffixes,
//! consonant pairs, other suffixes, undoubling) written as *data* ([`Rules`]) for one small
//! interpreter. The index carries its language's rules, and the browser's query code
//! (`samling.js`) runs the same interpreter over them: queries are stemmed exactly as the
//! index was, with no stemmer library in either place to keep in step.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

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
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or(lang)
        .to_ascii_lowercase();
    STEMMERS
        .iter()
        .find(|(codes, _)| codes.contains(&primary.as_str()))
        .map(|(_, rules)| *rules)
}

/// The language codes with a stemmer, and its rules.
const STEMMERS: [(&[&str], &Rules); 3] = [
    (&["da"], &DANISH),
    (&["sv"], &SWEDISH),
    (&["nb", "nn", "no"], &NORWEGIAN),
];

/// The language codes the search stems.
pub fn stemmed_languages() -> impl Iterator<Item = &'static str> {
    STEMMERS.iter().flat_map(|(codes, _)| codes.iter().copied())
}

fn not_word(c: char) -> bool {
    !c.is_alphanumeric()
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
#[derive(Debug, Clone, Default, PartialEq)]
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
#[derive(Debug, Clone, Default, PartialEq)]
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

impl Document {
    /// `da/prog/theme/session/index.html` → `da/prog/theme/` and `session/index.html`.
    fn folder_and_rest(&self) -> (&str, &str) {
        let cut = self
            .address
            .trim_end_matches("index.html")
            .trim_end_matches('/')
            .rfind('/')
            .map_or(0, |i| i + 1);
        self.address.split_at(cut)
    }

    /// The texts the index keeps once in `strings`, in the order they are numbered.
    fn shared_texts(&self) -> impl Iterator<Item = &str> {
        let location = self.session.iter().flat_map(|s| &s.location);
        std::iter::once(self.folder_and_rest().0)
            .chain(self.detail.iter().map(String::as_str))
            .chain(location.map(String::as_str))
    }
}

/// A language's index as last made, kept by `serve` between rebuilds: each document's
/// terms and JSON, each term's JSON. After an edit only the documents that changed are
/// split into terms and written again (at 10,000 sessions an index has 13,000 documents).
/// The script is the same, byte for byte, as one made from nothing.
#[derive(Default)]
pub struct IndexState {
    docs: Vec<IndexedDoc>,
    /// Term → the numbers of the documents that contain it, ascending, and its JSON.
    terms: BTreeMap<String, (Vec<u32>, String)>,
    /// The shared texts, numbered by first use.
    strings: Vec<String>,
    /// Word (lower case) → its term: stemming is the costly part of splitting.
    stems: HashMap<String, String>,
}

struct IndexedDoc {
    doc: Arc<Document>,
    /// Its distinct terms.
    terms: Vec<String>,
    json: String,
}

impl IndexState {
    /// The index of `docs` in `lang` as a script that hands it to `samling.js` (a script,
    /// not JSON, so that it loads from disk too, where `fetch` is refused); `self` is
    /// updated to them.
    pub fn script(&mut self, lang: &str, docs: &[Arc<Document>]) -> String {
        let rules = rules_for(lang);
        if self.docs.len() != docs.len() {
            // Documents added or removed: every number after them moves.
            let stems = std::mem::take(&mut self.stems);
            *self = IndexState {
                stems,
                ..IndexState::default()
            };
        }
        let changed: Vec<usize> = if self.docs.is_empty() {
            (0..docs.len()).collect()
        } else {
            (0..docs.len())
                .filter(|&n| {
                    let old = &self.docs[n].doc;
                    !Arc::ptr_eq(old, &docs[n]) && **old != *docs[n]
                })
                .collect()
        };
        // The shared texts are numbered again only if a changed document uses others.
        let strings_same = !self.docs.is_empty()
            && changed
                .iter()
                .all(|&n| self.docs[n].doc.shared_texts().eq(docs[n].shared_texts()));
        let mut dirty: BTreeSet<String> = BTreeSet::new();
        let fresh = self.docs.is_empty();
        for &n in &changed {
            let terms = self.terms_of(&docs[n], rules);
            let number = n as u32;
            if let Some(old) = self.docs.get(n) {
                for term in &old.terms {
                    if let Some((list, _)) = self.terms.get_mut(term)
                        && let Ok(at) = list.binary_search(&number)
                    {
                        list.remove(at);
                        dirty.insert(term.clone());
                    }
                }
            }
            for term in &terms {
                let list = &mut self.terms.entry(term.clone()).or_default().0;
                if let Err(at) = list.binary_search(&number) {
                    list.insert(at, number);
                }
                if !fresh {
                    dirty.insert(term.clone());
                }
            }
            let indexed = IndexedDoc {
                doc: Arc::clone(&docs[n]),
                terms,
                json: String::new(),
            };
            if fresh {
                self.docs.push(indexed);
            } else {
                self.docs[n] = indexed;
            }
        }
        if fresh {
            for (term, (list, json)) in &mut self.terms {
                *json = term_json(term, list);
            }
        } else {
            for term in dirty {
                match self.terms.get_mut(&term) {
                    Some((list, _)) if list.is_empty() => {
                        self.terms.remove(&term);
                    }
                    Some((list, json)) => *json = term_json(&term, list),
                    None => {}
                }
            }
        }
        if strings_same {
            let numbers = numbers(&self.strings);
            for &n in &changed {
                self.docs[n].json = doc_json(&self.docs[n].doc, &numbers);
            }
        } else {
            let mut strings = Vec::new();
            for indexed in &self.docs {
                for text in indexed.doc.shared_texts() {
                    strings.push(text.to_owned());
                }
            }
            let mut seen = BTreeSet::new();
            strings.retain(|s| seen.insert(s.clone()));
            let old = std::mem::replace(&mut self.strings, strings);
            let (was, is) = (numbers(&old), numbers(&self.strings));
            // Texts are numbered in the order they first appear: one new or gone moves
            // only those after it, and a document is written again only if it changed or
            // one of its texts has moved (all of them, after a time edit, took 40 ms).
            let moved = |doc: &Document| doc.shared_texts().any(|t| was.get(t) != is.get(t));
            for (n, indexed) in self.docs.iter_mut().enumerate() {
                if fresh || changed.binary_search(&n).is_ok() || moved(&indexed.doc) {
                    indexed.json = doc_json(&indexed.doc, &is);
                }
            }
        }
        self.assemble(lang, rules)
    }

    /// The distinct terms of a document's title and text, in the order they first appear.
    fn terms_of(&mut self, doc: &Document, rules: Option<&Rules>) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        let mut word = String::new();
        let raw = doc.title.split(not_word).chain(doc.text.split(not_word));
        for part in raw.filter(|w| !w.is_empty()) {
            // As `words`, into one buffer: most words are known already.
            word.clear();
            word.extend(part.chars().flat_map(char::to_lowercase));
            if !self.stems.contains_key(word.as_str()) {
                self.stems.insert(word.clone(), stem(&word, rules));
            }
            let term = &self.stems[word.as_str()];
            if !terms.contains(term) {
                terms.push(term.clone());
            }
        }
        terms
    }

    /// The script, from the parts kept: what `serde_json` writes for the whole index.
    fn assemble(&self, lang: &str, rules: Option<&Rules>) -> String {
        let size = self.docs.iter().map(|d| d.json.len() + 1).sum::<usize>()
            + self.terms.values().map(|t| t.1.len() + 1).sum::<usize>();
        let mut out = String::with_capacity(size + 4096);
        out.push_str("window.samlingIndex={\"lang\":");
        out.push_str(&crate::text::script_json(&lang));
        out.push_str(",\"rules\":");
        out.push_str(&crate::text::script_json(&rules));
        out.push_str(",\"strings\":");
        out.push_str(&crate::text::script_json(&self.strings));
        out.push_str(",\"docs\":[");
        for (n, indexed) in self.docs.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(&indexed.json);
        }
        out.push_str("],\"terms\":{");
        for (n, (_, json)) in self.terms.values().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(json);
        }
        out.push_str("}};\n");
        out
    }
}

/// Each shared text's number.
fn numbers(strings: &[String]) -> HashMap<&str, usize> {
    strings
        .iter()
        .enumerate()
        .map(|(n, s)| (s.as_str(), n))
        .collect()
}

/// `"term":[gaps]`: the documents containing a term, as gaps between their numbers.
fn term_json(term: &str, list: &[u32]) -> String {
    let mut previous = 0;
    let gaps: Vec<u32> = list
        .iter()
        .map(|&n| {
            let gap = n - previous;
            previous = n;
            gap
        })
        .collect();
    format!(
        "{}:{}",
        crate::text::script_json(&term),
        crate::text::script_json(&gaps)
    )
}

fn doc_json(doc: &Document, numbers: &HashMap<&str, usize>) -> String {
    let number = |text: &str| numbers.get(text).copied().unwrap_or_default();
    let (folder, rest) = doc.folder_and_rest();
    let session = doc.session.as_ref();
    crate::text::script_json(&Doc {
        k: match doc.kind {
            "session" => "s",
            "speaker" => "p",
            "meeting" => "m",
            "item" => "i",
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
    })
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
        let docs: Vec<Arc<Document>> = docs.into_iter().map(Arc::new).collect();
        let script = IndexState::default().script("da", &docs);
        assert!(script.starts_with("window.samlingIndex={"));
        assert!(script.contains("\"kommun\":[0,2]"), "{script}");
        assert!(script.contains("\"region\":[1,1]"), "{script}");
    }

    /// `serve` updates the index it kept; the script must be what a build writes.
    #[test]
    fn an_updated_index_is_the_index_made_anew() {
        let doc = |title: &str, room: &str| {
            Arc::new(Document {
                kind: "session",
                title: title.into(),
                address: format!("da/p/{}/index.html", slug(title)),
                detail: vec!["torsdag".into(), room.into()],
                session: Some(SessionData {
                    uid: title.into(),
                    location: vec![room.into()],
                    ..SessionData::default()
                }),
                text: "Kommunerne og regionen </script>".into(),
                ..Document::default()
            })
        };
        fn slug(title: &str) -> String {
            title.to_lowercase().replace(' ', "-")
        }
        let first = vec![
            doc("Fremtidens kommuner", "Sal A"),
            doc("Regionen", "Sal B"),
            doc("Klima", "Sal A"),
        ];
        let mut kept = IndexState::default();
        assert_eq!(
            kept.script("da", &first),
            IndexState::default().script("da", &first)
        );
        let edits: [Vec<Arc<Document>>; 5] = [
            // A room no document had, before the others' rooms: the texts after it move,
            // and the unchanged last document's number of "Sal A" with them.
            vec![
                doc("Fremtidens kommuner", "Sal X"),
                first[1].clone(),
                first[2].clone(),
            ],
            // A title: terms come and go.
            vec![
                first[0].clone(),
                doc("Regionernes klima", "Sal B"),
                first[2].clone(),
            ],
            // A room no document had: the shared texts are numbered again.
            vec![
                first[0].clone(),
                doc("Regionernes klima", "Sal C"),
                first[2].clone(),
            ],
            // Terms lose a document ("klima") or go ("regionernes").
            vec![first[0].clone(), doc("Nye veje", "Sal C"), first[2].clone()],
            // A document added.
            vec![
                doc("Ny", "Sal A"),
                first[0].clone(),
                first[1].clone(),
                first[2].clone(),
            ],
        ];
        for docs in edits {
            let made = IndexState::default().script("da", &docs);
            assert_eq!(kept.script("da", &docs), made);
            assert!(!made.contains("</script>"), "{made}");
        }
        let json = kept.script("da", &first);
        let json = json
            .strip_prefix("window.samlingIndex=")
            .and_then(|j| j.strip_suffix(";\n"))
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["terms"]["region"], serde_json::json!([0, 1, 1]));
        assert_eq!(
            value["strings"],
            serde_json::json!(["da/p/", "torsdag", "Sal A", "Sal B"])
        );
        assert_eq!(value["docs"][1]["d"], serde_json::json!([1, 3]));
    }
}
