//! Every `schedule.json` of a built site validated against the c3voc JSON schema (the
//! `jsonschema` crate, with format checks), and what conference apps rely on besides (the
//! Rust port of check_schedules.py): exactly the sixteen event keys, acronym and slug
//! patterns, the pretalx person shape, guids that are the sessions' calendar UIDs, `day@date`,
//! `day@start` and `day@end` in the XML (read with `roxmltree`), and the same events in both
//! files. The XSD of schedule.xml needs xmllint: `xsd` runs it where it is installed.
//!
//! With a full base URL every format of the schema is checked, `uri` included. A site whose
//! base_url is only a path cannot give apps full addresses: its events' `url` is then the
//! page's address relative to schedule.json, checked to resolve to the page, and only the
//! `uri` format is left unchecked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use serde_json::Value;

use super::site;

const EVENT_KEYS: [&str; 17] = [
    "guid",
    "id",
    "date",
    "start",
    "duration",
    "room",
    "slug",
    "url",
    "title",
    "subtitle",
    "track",
    "type",
    "language",
    "abstract",
    "description",
    "persons",
    "links",
];

pub fn schemas_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/exports/c3voc")
}

/// `uuid` as Python's jsonschema checks it (the crate asserts it only from draft 2019-09 on,
/// and the schema is draft 6): a UUID in its hyphenated form.
fn is_uuid(s: &str) -> bool {
    uuid::Uuid::try_parse(s).is_ok()
        && [8, 13, 18, 23]
            .iter()
            .all(|&i| s.as_bytes().get(i) == Some(&b'-'))
}

fn validator(absolute: bool) -> jsonschema::Validator {
    let path = schemas_dir().join("schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut options = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft6)
        .should_validate_formats(true)
        .with_format("uuid", is_uuid);
    if !absolute {
        // Relative page addresses (a path-only base_url) are not `uri`s; they are checked to
        // resolve instead.
        options = options.with_format("uri", |_: &str| true);
    }
    options.build(&schema).expect("the c3voc schema compiles")
}

fn str_of<'a>(v: &'a Value, key: &str, p: &str) -> Result<&'a str, String> {
    v.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{p}: no text {key}"))
}

/// The schedule folders (`<lang>/<programme>/`) under `public`.
pub fn schedule_dirs(public: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = walkdir::WalkDir::new(public)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| {
            let name = e.file_name();
            name == "schedule.json" || name == "schedule.xml"
        })
        .map(|e| e.path().parent().unwrap().to_owned())
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs
}

/// Checks every schedule.json and schedule.xml; answers how many programmes' schedules.
pub fn check(root: &Path, public: &Path, base: &str) -> Result<usize, String> {
    let site = site::load(root);
    let absolute = base.contains("://");
    let validator = validator(absolute);
    let acronym = Regex::new(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$").unwrap();
    let slug_pattern = Regex::new(r"^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$").unwrap();
    let session_uids: BTreeMap<String, &str> = (site.sessions.keys())
        .map(|k| (site::uid(k), k.as_str()))
        .collect();
    let event_keys: BTreeSet<&str> = EVENT_KEYS.into_iter().collect();
    let dirs = schedule_dirs(public);
    let mut person_numbers: BTreeMap<String, u32> = BTreeMap::new();
    for dir in &dirs {
        let d = dir.display();
        ensure!(
            dir.join("schedule.json").is_file() && dir.join("schedule.xml").is_file(),
            "{d}: one schedule without the other"
        );
        let rel = dir
            .strip_prefix(public)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let (lang, programme) = rel
            .split_once('/')
            .ok_or_else(|| format!("{d}: a schedule outside a programme"))?;
        ensure!(
            site.programmes.contains_key(programme),
            "{d}: {programme} is no programme"
        );

        let path = dir.join("schedule.json");
        let p = path.display().to_string();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .map_err(|e| format!("{p}: {e}"))?;
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .take(5)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        ensure!(errors.is_empty(), "{p}: {}", errors.join("; "));
        let conference = &doc["schedule"]["conference"];
        let acr = str_of(conference, "acronym", &p)?;
        ensure!(acronym.is_match(acr), "{p}: acronym {acr}");
        ensure!(
            str_of(conference, "time_zone_name", &p)? == site.timezone_of(programme),
            "{p}: time_zone_name"
        );
        let mut json_events: BTreeMap<String, &Value> = BTreeMap::new();
        for day in conference["days"].as_array().unwrap() {
            let day_date = str_of(day, "date", &p)?;
            for (room, events) in day["rooms"].as_object().unwrap() {
                for ev in events.as_array().unwrap() {
                    let keys: BTreeSet<&str> =
                        ev.as_object().unwrap().keys().map(String::as_str).collect();
                    ensure!(
                        keys == event_keys,
                        "{p}: keys {:?}",
                        keys.symmetric_difference(&event_keys).collect::<Vec<_>>()
                    );
                    ensure!(str_of(ev, "room", &p)? == room, "{p}: room {room}");
                    let slug = str_of(ev, "slug", &p)?;
                    ensure!(
                        slug_pattern.is_match(slug) && slug.is_ascii(),
                        "{p}: slug {slug}"
                    );
                    ensure!(
                        str_of(ev, "date", &p)?.starts_with(day_date),
                        "{p}: {slug} not on {day_date}"
                    );
                    for person in ev["persons"].as_array().unwrap() {
                        ensure!(
                            ["name", "public_name", "guid", "code"]
                                .iter()
                                .all(|k| person.get(k).is_some()),
                            "{p}: person {person}"
                        );
                    }
                    let guid = str_of(ev, "guid", &p)?;
                    let key = *session_uids
                        .get(guid)
                        .ok_or_else(|| format!("{p}: guid {guid} is no session's UID"))?;
                    ensure!(
                        key.starts_with(&format!("{programme}/")),
                        "{p}: {key} is not in {programme}"
                    );
                    let shown = site
                        .pick(&site.sessions[key], lang)
                        .ok_or_else(|| format!("{p}: {key} is not shown in {lang}"))?;
                    let title = str_of(ev, "title", &p)?;
                    ensure!(
                        title.ends_with(site::text(&shown.front, "title").unwrap()),
                        "{p}: title {title}"
                    );
                    // The people the content names, in its order; a speaker page's person
                    // has the page's UUID.
                    let named = site.people_of(&shown.front);
                    let persons = ev["persons"].as_array().unwrap();
                    ensure!(
                        persons.len() == named.len(),
                        "{p}: {key}: {} persons for {} people",
                        persons.len(),
                        named.len()
                    );
                    for (person, entry) in persons.iter().zip(&named) {
                        let name = site.speaker_name(entry, lang);
                        ensure!(
                            person["name"] == name.as_str(),
                            "{p}: {key}: {person}, want {name}"
                        );
                        if let Some(page) = site.speaker_page_of(entry) {
                            ensure!(
                                person["guid"] == site::uid(page).as_str(),
                                "{p}: {key}: {name}'s guid is not their page's"
                            );
                        }
                    }
                    let url = str_of(ev, "url", &p)?;
                    if absolute {
                        let want = format!("{}/{}/{key}/", base.trim_end_matches('/'), shown.lang);
                        ensure!(url == want, "{p}: url {url}, want {want}");
                    } else {
                        let mut target = normalize(&dir.join(url));
                        if target.is_dir() {
                            target = target.join("index.html");
                        }
                        ensure!(target.is_file(), "{p}: url {url} does not resolve");
                    }
                    json_events.insert(guid.to_owned(), ev);
                }
            }
        }
        let slugs: BTreeSet<&str> = json_events
            .values()
            .map(|e| e["slug"].as_str().unwrap())
            .collect();
        ensure!(slugs.len() == json_events.len(), "{p}: slugs repeat");
        let ids: BTreeSet<i64> = json_events
            .values()
            .map(|e| e["id"].as_i64().unwrap())
            .collect();
        ensure!(ids.len() == json_events.len(), "{p}: ids repeat");

        let path = dir.join("schedule.xml");
        let p = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let xml = roxmltree::Document::parse(&text).map_err(|e| format!("{p}: {e}"))?;
        let days: Vec<_> = (xml.root_element().children())
            .filter(|n| n.has_tag_name("day"))
            .collect();
        ensure!(!days.is_empty(), "{p}: no day");
        let mut xml_events = BTreeMap::new();
        for day in days {
            for attr in ["date", "start", "end", "index"] {
                ensure!(
                    day.attribute(attr).is_some_and(|v| !v.is_empty()),
                    "{p}: a day without @{attr}"
                );
            }
            ensure!(
                day.attribute("start") <= day.attribute("end"),
                "{p}: a day ends before it starts"
            );
            let day_date = day.attribute("date").unwrap();
            for ev in day.descendants().filter(|n| n.has_tag_name("event")) {
                let date = child_text(ev, "date");
                ensure!(
                    date.is_some_and(|d| d.starts_with(day_date)),
                    "{p}: an event of {day_date} dated {date:?}"
                );
                xml_events.insert(ev.attribute("guid").unwrap_or_default().to_owned(), ev);
            }
        }
        ensure!(
            xml_events.keys().eq(json_events.keys()),
            "{p}: not the events of schedule.json"
        );
        // Each room has one UUID in both files.
        let room_guids: BTreeMap<&str, &str> = (conference["rooms"].as_array().unwrap().iter())
            .map(|r| {
                (
                    r["name"].as_str().unwrap(),
                    r["guid"].as_str().unwrap_or_default(),
                )
            })
            .collect();
        for room in xml.descendants().filter(|n| n.has_tag_name("room")) {
            let name = room.attribute("name").unwrap_or_default();
            ensure!(
                room.attribute("guid") == room_guids.get(name).copied(),
                "{p}: room {name}'s guid is not schedule.json's"
            );
        }
        for (guid, ev) in &xml_events {
            let j = json_events[guid];
            for name in ["date", "start", "duration", "room", "slug", "title"] {
                ensure!(
                    child_text(*ev, name) == j[name].as_str(),
                    "{p}: {guid}: {name}"
                );
            }
            let id: Option<i64> = ev.attribute("id").and_then(|i| i.parse().ok());
            ensure!(id == j["id"].as_i64(), "{p}: {guid}: id");
            // Apps (ConfClerk) show only people with an `id`: each one's, the same as the
            // JSON's `code`, and one number per person in all the site's schedules.
            let persons: Vec<_> = ev
                .descendants()
                .filter(|n| n.has_tag_name("person"))
                .collect();
            let json_persons = j["persons"].as_array().unwrap();
            ensure!(persons.len() == json_persons.len(), "{p}: {guid}: persons");
            for (x, jp) in persons.iter().zip(json_persons) {
                let (Some(id), Some(person_guid)) = (x.attribute("id"), x.attribute("guid")) else {
                    return Err(format!("{p}: {guid}: a person without id or guid"));
                };
                ensure!(
                    jp["code"] == id
                        && jp["guid"] == person_guid
                        && x.text() == jp["name"].as_str(),
                    "{p}: {guid}: person {id} is not the JSON's {jp}"
                );
                let number: u32 = id.parse().map_err(|_| format!("{p}: person id {id}"))?;
                if let Some(other) = person_numbers.insert(person_guid.to_owned(), number) {
                    ensure!(
                        other == number,
                        "{p}: {person_guid} is {number} here, {other} elsewhere"
                    );
                }
            }
        }
    }
    let numbers: BTreeSet<u32> = person_numbers.values().copied().collect();
    ensure!(
        numbers.len() == person_numbers.len(),
        "two people have one number"
    );
    ensure!(!dirs.is_empty(), "no schedules found");
    Ok(dirs.len())
}

fn child_text<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    let child = node.children().find(|n| n.has_tag_name(name))?;
    Some(child.text().unwrap_or(""))
}

/// `path` with `.` and `..` taken out, as Python's os.path.normpath.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every schedule.xml under `public` against the frab XSD, with xmllint.
pub fn xsd(public: &Path) -> Result<usize, String> {
    let xsd = schemas_dir().join("schedule.xml.xsd");
    let dirs = schedule_dirs(public);
    for dir in &dirs {
        let path = dir.join("schedule.xml");
        let run = Command::new("xmllint")
            .args(["--noout", "--schema"])
            .arg(&xsd)
            .arg(&path)
            .output()
            .map_err(|e| format!("xmllint: {e}"))?;
        ensure!(
            run.status.success(),
            "{}: xmllint: {}",
            path.display(),
            String::from_utf8_lossy(&run.stderr)
        );
    }
    ensure!(!dirs.is_empty(), "no schedules found");
    Ok(dirs.len())
}
