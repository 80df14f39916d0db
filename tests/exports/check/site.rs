//! What the export checks know of a samling site: its configuration and content, read with
//! the `toml` crate from the Markdown files' front matter, independently of samling's own
//! model (as tests/exports/common.py does with tomllib).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use toml::{Table, Value};

pub struct Page {
    pub lang: String,
    pub front: Table,
    /// Relative to the site root.
    pub path: std::path::PathBuf,
}

/// A content item's translations, by language code.
pub type Translations = BTreeMap<String, Page>;

pub struct Site {
    pub root: std::path::PathBuf,
    pub config: Table,
    pub languages: Vec<String>,
    pub default: String,
    pub programmes: BTreeMap<String, Translations>,
    pub sessions: BTreeMap<String, Translations>,
    /// By the speaker's id (the file's stem).
    pub speakers: BTreeMap<String, Translations>,
    /// Each speaker page's content key, by id.
    pub speaker_keys: BTreeMap<String, String>,
}

/// `Entry::uid`: a UUIDv5 (URL namespace) of `samling:<content key>`.
pub fn uid(key: &str) -> String {
    uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        format!("samling:{key}").as_bytes(),
    )
    .to_string()
}

fn front_matter(path: &Path) -> Table {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let rest = text
        .strip_prefix("+++")
        .unwrap_or_else(|| panic!("{}: no front matter", path.display()));
    let end = rest
        .find("\n+++")
        .unwrap_or_else(|| panic!("{}: front matter not closed", path.display()));
    rest[..end]
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn load(root: &Path) -> Site {
    let config: Table = std::fs::read_to_string(root.join("config.toml"))
        .unwrap()
        .parse()
        .unwrap_or_else(|e| panic!("config.toml: {e}"));
    let languages_of = config["languages"].as_array().expect("[[languages]]");
    let languages: Vec<String> = languages_of
        .iter()
        .map(|l| l["code"].as_str().unwrap().to_owned())
        .collect();
    let default = languages_of
        .iter()
        .find(|l| l.get("default").and_then(Value::as_bool) == Some(true))
        .map(|l| l["code"].as_str().unwrap().to_owned())
        .expect("a default language");
    let content = root.join("content");
    // (folder relative to content/, stem, language, front matter)
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(name) = name.strip_suffix(".md") else {
            continue;
        };
        let (stem, lang) = name.rsplit_once('.').expect("a language in the file name");
        let rel = entry
            .path()
            .parent()
            .unwrap()
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let front = front_matter(entry.path());
        let path = entry.path().strip_prefix(root).unwrap().to_owned();
        pages.push((rel, stem.to_owned(), lang.to_owned(), front, path));
    }
    let mut site = Site {
        root: root.to_owned(),
        config,
        languages,
        default,
        programmes: BTreeMap::new(),
        sessions: BTreeMap::new(),
        speakers: BTreeMap::new(),
        speaker_keys: BTreeMap::new(),
    };
    let kind = |front: &Table| front.get("kind").and_then(Value::as_str).map(str::to_owned);
    for (rel, stem, lang, front, path) in &pages {
        let page = || Page {
            lang: lang.clone(),
            front: front.clone(),
            path: path.clone(),
        };
        if stem == "_index"
            && !rel.is_empty()
            && !rel.contains('/')
            && kind(front).as_deref().unwrap_or("programme") == "programme"
        {
            let entry = site.programmes.entry(rel.clone()).or_default();
            entry.insert(lang.clone(), page());
        }
        if kind(front).as_deref() == Some("speaker") {
            let entry = site.speakers.entry(stem.clone()).or_default();
            entry.insert(lang.clone(), page());
            let key = if rel.is_empty() {
                stem.clone()
            } else {
                format!("{rel}/{stem}")
            };
            site.speaker_keys.insert(stem.clone(), key);
        }
    }
    for (rel, stem, lang, front, path) in pages {
        if stem == "_index" || !matches!(kind(&front).as_deref(), None | Some("session")) {
            continue;
        }
        let top = rel.split('/').next().unwrap_or("");
        if site.programmes.contains_key(top) {
            let key = format!("{rel}/{stem}");
            let entry = site.sessions.entry(key).or_default();
            entry.insert(lang.clone(), Page { lang, front, path });
        }
    }
    site
}

impl Site {
    /// The programme folder a session key belongs to (the nearest one above it).
    pub fn programme_of(&self, key: &str) -> &str {
        let parts: Vec<&str> = key.split('/').collect();
        for n in (1..parts.len()).rev() {
            let candidate = parts[..n].join("/");
            if let Some((programme, _)) = self.programmes.get_key_value(&candidate) {
                return programme;
            }
        }
        panic!("no programme above {key}")
    }

    pub fn timezone_of(&self, programme: &str) -> String {
        let translations = &self.programmes[programme];
        let page = translations
            .get(&self.default)
            .or_else(|| translations.values().next())
            .unwrap();
        page.front
            .get("timezone")
            .or_else(|| self.config.get("timezone"))
            .and_then(Value::as_str)
            .unwrap_or("Europe/Copenhagen")
            .to_owned()
    }

    /// The translation a reader of `lang` sees, as samling picks it.
    pub fn pick<'a>(&self, translations: &'a Translations, lang: &str) -> Option<&'a Page> {
        if let Some(page) = translations.get(lang) {
            return Some(page);
        }
        let list_untranslated = (self.config.get("list_untranslated"))
            .and_then(Value::as_bool)
            .unwrap_or(true);
        if !list_untranslated {
            return None;
        }
        // The language's own `fallback` list first, then the default and the others.
        let own: Vec<String> = (self.config["languages"].as_array().unwrap().iter())
            .find(|l| l["code"].as_str() == Some(lang))
            .and_then(|l| l.get("fallback")?.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect();
        let order = own
            .iter()
            .chain(std::iter::once(&self.default))
            .chain(self.languages.iter().filter(|l| **l != self.default));
        order.into_iter().find_map(|code| translations.get(code))
    }

    /// The speakers and moderator a session's translation names, in the order it gives them.
    pub fn people_of<'a>(&self, front: &'a Table) -> Vec<&'a Value> {
        let list = |key: &str| match front.get(key) {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
            None => Vec::new(),
        };
        let mut people = list("speakers");
        people.extend(list("moderator"));
        people
    }

    /// The speaker page a speaker entry refers to by id, if it does.
    pub fn speaker_page_of<'a>(&'a self, person: &'a Value) -> Option<&'a str> {
        let id = match person {
            Value::String(id) => id.as_str(),
            Value::Table(t) if t.get("name").is_none() => t["id"].as_str()?,
            _ => return None,
        };
        self.speaker_keys.get(id).map(String::as_str)
    }

    /// The files a session's facts come from, in every language: its own, its programme's,
    /// its theme's, and the speaker pages it names (by id, or by a page's name).
    pub fn sources_of(&self, key: &str) -> Vec<std::path::PathBuf> {
        let mut paths: Vec<std::path::PathBuf> = self.sessions[key]
            .values()
            .map(|p| p.path.clone())
            .collect();
        let programme = self.programme_of(key);
        paths.extend(self.programmes[programme].values().map(|p| p.path.clone()));
        let folder = key.rsplit_once('/').map_or("", |(f, _)| f);
        if folder != programme {
            let dir = Path::new("content").join(folder);
            for entry in std::fs::read_dir(self.root.join(&dir)).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                if name.starts_with("_index.") {
                    paths.push(dir.join(name));
                }
            }
        }
        let fold = |name: &str| {
            name.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let by_name: BTreeMap<String, &str> = (self.speakers.iter())
            .flat_map(|(id, pages)| pages.values().map(move |p| (p, id)))
            .map(|(p, id)| (fold(p.front["name"].as_str().unwrap()), id.as_str()))
            .collect();
        for page in self.sessions[key].values() {
            for person in self.people_of(&page.front) {
                let id = match person {
                    Value::String(id) => Some(id.as_str()),
                    Value::Table(t) => match t.get("name").and_then(Value::as_str) {
                        Some(name) => by_name.get(&fold(name)).copied(),
                        None => t["id"].as_str(),
                    },
                    _ => None,
                };
                if let Some(pages) = id.and_then(|id| self.speakers.get(id)) {
                    paths.extend(pages.values().map(|p| p.path.clone()));
                }
            }
        }
        paths.sort();
        paths.dedup();
        paths
    }

    /// When the newest of `paths` was last committed, as Unix seconds, if the site is in
    /// git (asked of git itself).
    pub fn committed(&self, paths: &[std::path::PathBuf]) -> Option<i64> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["log", "-1", "--no-merges", "--format=%ct", "--"])
            .args(paths)
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout).trim().parse().ok()
    }

    pub fn speaker_name(&self, person: &Value, lang: &str) -> String {
        let id = match person {
            Value::String(id) => id.as_str(),
            Value::Table(t) => {
                if let Some(name) = t.get("name").and_then(Value::as_str) {
                    return name.to_owned();
                }
                t["id"].as_str().unwrap()
            }
            other => panic!("a speaker entry {other}"),
        };
        let pages = &self.speakers[id];
        let page = (pages.get(lang))
            .or_else(|| pages.get(&self.default))
            .or_else(|| pages.values().next())
            .unwrap();
        page.front["name"].as_str().unwrap().to_owned()
    }
}

/// The front matter's `key` as text.
pub fn text<'a>(front: &'a Table, key: &str) -> Option<&'a str> {
    front.get(key).and_then(Value::as_str)
}

pub fn date(value: &Value) -> NaiveDate {
    let d = value
        .as_datetime()
        .and_then(|d| d.date)
        .unwrap_or_else(|| panic!("{value} is not a date"));
    NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()).unwrap()
}

pub fn time(value: &Value) -> NaiveTime {
    let t = value
        .as_datetime()
        .and_then(|d| d.time)
        .unwrap_or_else(|| panic!("{value} is not a time"));
    NaiveTime::from_hms_opt(t.hour.into(), t.minute.into(), t.second.unwrap_or(0).into()).unwrap()
}

/// The front matter's `[[changes]]`.
pub fn changes(front: &Table) -> Vec<&Table> {
    (front.get("changes").and_then(Value::as_array))
        .map(|a| a.iter().map(|c| c.as_table().unwrap()).collect())
        .unwrap_or_default()
}
