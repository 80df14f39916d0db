//! `samling import pretalx|frab FILE…`: a conference's schedule, as pretalx or frab export it
//! (and as samling's own `schedule.json` and `schedule.xml` are), written as content files: the
//! programme, a theme per track, a session per event, a speaker page per person.
//!
//! Every file of one import is one language of one conference; events with the same guid (or
//! id) in several files are one session, one file per language. Everything is read and
//! checked before anything is written; each file is then written whole (a temporary file
//! renamed over it). A file the import writes carries a marker comment in its body: only
//! marked files are ever rewritten, and of those only the keys the import owns and the text
//! between the markers; the organiser's own keys and text stay (docs/import.md).

mod frab;
mod pretalx;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use jiff::civil;
use jiff::tz::TimeZone;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::locale::Locales;
use crate::model::page_uid;
use crate::text::slug;

/// Which tool's export the files are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// pretalx's `schedule.json` (the c3voc schedule schema v1).
    Pretalx,
    /// frab's `schedule.xml`.
    Frab,
}

impl Source {
    fn name(self) -> &'static str {
        match self {
            Source::Pretalx => "pretalx",
            Source::Frab => "frab",
        }
    }
}

/// What to import, and into which site.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The site's folder (the one with `config.toml`).
    pub root: PathBuf,
    pub source: Source,
    /// Each `FILE` or `FILE=LANG`: one language of the conference each.
    pub files: Vec<String>,
    /// The programme folder in `content/`; the conference's acronym if not given.
    pub programme: Option<String>,
    /// The date a re-import records its `[[changes]]` with.
    pub today: civil::Date,
}

/// What an import wrote and found, paths relative to the site's folder.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// The programme folder inside `content/`.
    pub programme: String,
    pub written: Vec<PathBuf>,
    /// Files the import would write that already say the same.
    pub unchanged: usize,
    /// Files in the import's place that the import did not write: left as they are.
    pub kept: Vec<PathBuf>,
    /// `[[changes]]` recorded: the file and what changed.
    pub changes: Vec<(PathBuf, String)>,
    /// Session files an earlier import wrote whose events are in none of the files now:
    /// not deleted.
    pub disappeared: Vec<PathBuf>,
}

/// A schedule as read from one file, before it is checked.
struct Schedule {
    path: PathBuf,
    lang: String,
    acronym: String,
    title: String,
    start: String,
    end: String,
    zone: Option<String>,
    tracks: Vec<Track>,
    events: Vec<Event>,
}

struct Track {
    name: String,
    colour: Option<String>,
}

/// An event as the file gives it.
struct Event {
    /// Its guid, else its id (or pretalx's code): what matches it across files and imports.
    id: String,
    slug: Option<String>,
    title: String,
    subtitle: Option<String>,
    /// The start, RFC 3339 (or a local date and time in older frab files).
    date: String,
    /// `HH:MM`, checked against `date`.
    start: Option<String>,
    end: Option<String>,
    duration: Option<String>,
    room: String,
    track: Option<String>,
    kind: Option<String>,
    language: Option<String>,
    summary: Option<String>,
    description: Option<String>,
    persons: Vec<Person>,
    /// Where it is in the file, for errors.
    line: Option<usize>,
}

struct Person {
    /// guid, pretalx code or frab id.
    key: Option<String>,
    guid: Option<String>,
    name: String,
    biography: Option<String>,
}

fn problem(
    path: &Path,
    line: Option<usize>,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Diagnostic {
    let mut d = Diagnostic::new(path, message).with_hint(hint);
    d.position = line.map(|l| (l, 1));
    d
}

/// The line of the first `needle` in `text`: where a JSON event is, since serde gives no
/// positions of values.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    let at = text.find(&format!("\"{needle}\""))?;
    Some(text[..at].matches('\n').count() + 1)
}

/// The marker that opens what an import wrote into a body; its kind and id follow it.
const MARKER: &str = "<!-- samling-import ";
const END_MARKER: &str = "<!-- samling-import end -->";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Confirmed,
    Tentative,
    Moved,
    Cancelled,
}

/// When a session is, in its programme's time zone.
#[derive(Debug, Clone, PartialEq, Eq)]
struct When {
    date: civil::Date,
    start: civil::Time,
    end: Option<civil::Time>,
}

/// One event in all the files that have it.
struct Merged {
    id: String,
    when: When,
    status: Status,
    /// The event in each file that has it, the first in the file of the first language.
    versions: Vec<Version>,
    /// Index into the themes.
    theme: Option<usize>,
    /// Its page key (`programme/theme/stem`), once chosen.
    key: Option<String>,
}

/// An event in one file: indices into the schedules and their events, and its title without
/// a status before it.
struct Version {
    schedule: usize,
    event: usize,
    title: String,
}

struct Theme {
    /// Its title and colour by schedule index.
    names: BTreeMap<usize, (String, Option<String>)>,
    folder: String,
}

struct Speaker {
    key: String,
    guid: Option<String>,
    /// Name and biography by schedule index.
    names: BTreeMap<usize, (String, Option<String>)>,
    stem: String,
    /// False for a speaker page the import did not write (one of the site's own).
    write: bool,
}

/// A content file already in the import's folders.
struct Existing {
    text: String,
    front: Range<usize>,
    body: Range<usize>,
    /// The kind and id of the import's marker, if an import wrote it.
    marker: Option<(String, String)>,
}

/// The files of a site's `content/` an import looks at: the programme's and the speakers'.
struct Content {
    files: BTreeMap<String, Existing>,
    /// Every page key (path without language and `.md`) seen, to keep new names free.
    keys: BTreeSet<String>,
}

/// Imports `options.files` into the site at `options.root`.
pub fn import(options: &ImportOptions) -> Result<ImportReport> {
    let root = &options.root;
    let config = Config::load(root)?;
    let locales = Locales::load(root, &config).map_err(|diagnostics| Error { diagnostics })?;
    if options.files.is_empty() {
        return Err(Error::new(
            Diagnostic::new(root, "no schedule to import")
                .with_hint("name the exported files: samling import pretalx schedule.json=da"),
        ));
    }
    let mut problems = Vec::new();
    let mut schedules = Vec::new();
    for arg in &options.files {
        let (path, lang) = match file_and_language(arg, &config) {
            Ok(found) => found,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let text = match fs::read(&path) {
            Ok(bytes) => crate::diagnostic::text_from_bytes(&path, bytes),
            Err(e) => Err(Diagnostic::new(
                &path,
                format!("cannot read the schedule: {e}"),
            )),
        };
        let parsed = text.and_then(|text| match options.source {
            Source::Pretalx => pretalx::parse(&path, &text),
            Source::Frab => frab::parse(&path, &text),
        });
        match parsed {
            Ok(mut s) => {
                s.lang = lang;
                schedules.push(s);
            }
            Err(d) => problems.push(d),
        }
    }
    Error::check(std::mem::take(&mut problems))?;
    // The default language first, then the site's order: the first file's titles name new
    // files and folders.
    let order = |lang: &str| config.languages.iter().position(|l| l.code == lang);
    let default = &config.default_language().code;
    schedules.sort_by_key(|s| (&s.lang != default, order(&s.lang)));
    for pair in schedules.windows(2) {
        if pair[0].lang == pair[1].lang {
            problems.push(problem(
                &pair[1].path,
                None,
                format!(
                    "two files in `{}`: {} and this one",
                    pair[1].lang,
                    pair[0].path.display()
                ),
                "import one file per language; give each file its own language (FILE=LANG)",
            ));
        }
    }
    let first = &schedules[0];
    if options.programme.is_none() {
        for s in &schedules[1..] {
            if s.acronym != first.acronym {
                problems.push(problem(
                    &s.path,
                    None,
                    format!(
                        "another conference: its acronym is `{}`, {}'s is `{}`",
                        s.acronym,
                        first.path.display(),
                        first.acronym
                    ),
                    "import one conference at a time, or name the programme folder with --programme",
                ));
            }
        }
    }
    let programme = match &options.programme {
        Some(name) => name.clone(),
        None => slug(&first.acronym.replace('_', "-"), "programme"),
    };
    if programme.is_empty()
        || programme.contains(['/', '\\'])
        || programme.starts_with('.')
        || crate::load::unportable(&programme).is_some()
    {
        problems.push(problem(
            Path::new("content"),
            None,
            format!("`{programme}` cannot be a programme folder"),
            "name a folder of letters, digits and `-` with --programme",
        ));
    }
    Error::check(std::mem::take(&mut problems))?;

    // The time zone, and each event's time in it.
    let mut zone: Option<(String, TimeZone)> = None;
    for s in &schedules {
        let Some(name) = s.zone.as_deref().filter(|z| !z.trim().is_empty()) else {
            problems.push(problem(
                &s.path,
                None,
                "the schedule names no time zone",
                "set the conference's time zone (time_zone_name) where the schedule is made; \
                 samling does not guess where a conference is",
            ));
            continue;
        };
        match &zone {
            Some((first_name, _)) if first_name != name => problems.push(problem(
                &s.path,
                None,
                format!("its time zone is {name}, the other files' {first_name}"),
                "import the exports of one conference",
            )),
            Some(_) => {}
            None => match TimeZone::get(name) {
                Ok(tz) => zone = Some((name.to_owned(), tz)),
                Err(_) => problems.push(problem(
                    &s.path,
                    None,
                    format!("unknown time zone `{name}`"),
                    "a time zone is an IANA name such as Europe/Copenhagen",
                )),
            },
        }
    }
    Error::check(std::mem::take(&mut problems))?;
    let (zone_name, tz) = zone.expect("every schedule has a zone");

    let mut days = Vec::new();
    for s in &schedules {
        let date = |text: &str, what: &str| {
            text.get(..10)
                .and_then(|d| d.parse::<civil::Date>().ok())
                .ok_or_else(|| {
                    problem(
                        &s.path,
                        None,
                        format!("the conference's {what} `{text}` is not a date"),
                        "a date is YYYY-MM-DD",
                    )
                })
        };
        match (date(&s.start, "start"), date(&s.end, "end")) {
            (Ok(a), Ok(b)) if a <= b => days.push((a, b)),
            (Ok(_), Ok(_)) => problems.push(problem(
                &s.path,
                None,
                "the conference ends before it starts",
                "check the conference's start and end",
            )),
            (a, b) => problems.extend(a.err().into_iter().chain(b.err())),
        }
    }
    Error::check(std::mem::take(&mut problems))?;
    let (first_day, last_day) = days[0];

    let words: Vec<StatusWords> = schedules
        .iter()
        .map(|s| StatusWords::of(&locales, &s.lang))
        .collect();
    let mut merged: Vec<Merged> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (si, s) in schedules.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for (ei, e) in s.events.iter().enumerate() {
            let at = |message: String, hint: &str| problem(&s.path, e.line, message, hint);
            if !seen.insert(&e.id) {
                problems.push(at(
                    format!("the event {} is in the file twice", e.id),
                    "each event is once in a schedule",
                ));
                continue;
            }
            let when = match when(&s.path, &tz, e) {
                Ok(when) => when,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            if when.date < first_day || when.date > last_day {
                problems.push(at(
                    format!(
                        "\"{}\" is on {}, outside the conference's days ({first_day} to {last_day})",
                        e.title, when.date
                    ),
                    "correct the event's date or the conference's dates",
                ));
            }
            if e.room.trim().is_empty() {
                problems.push(at(
                    format!("\"{}\" has no room", e.title),
                    "give every event of the schedule its room",
                ));
            }
            if e.title.trim().is_empty() {
                problems.push(at(
                    format!("the event {} has no title", e.id),
                    "give it a title",
                ));
            }
            if let Some(p) = e.persons.iter().find(|p| p.name.trim().is_empty()) {
                problems.push(at(
                    format!(
                        "a person of \"{}\" has no name ({})",
                        e.title,
                        p.key.as_deref().unwrap_or("no id")
                    ),
                    "give every person their name",
                ));
            }
            let (status, title) = words[si].read(e);
            let version = Version {
                schedule: si,
                event: ei,
                title,
            };
            match by_id.get(&e.id) {
                Some(&m) => {
                    let other = &merged[m];
                    let other_path = &schedules[other.versions[0].schedule].path;
                    if other.when != when {
                        problems.push(at(
                            format!(
                                "\"{}\" is at {} in this file and at {} in {}",
                                e.title,
                                describe(&when),
                                describe(&other.when),
                                other_path.display()
                            ),
                            "the translations of a session have one time: export the files again from one schedule",
                        ));
                    } else if other.status != status {
                        problems.push(at(
                            format!(
                                "\"{}\" is {} in this file and {} in {}",
                                e.title,
                                status_name(status),
                                status_name(other.status),
                                other_path.display()
                            ),
                            "the translations of a session have one status",
                        ));
                    }
                    merged[m].versions.push(version);
                }
                None => {
                    by_id.insert(e.id.clone(), merged.len());
                    merged.push(Merged {
                        id: e.id.clone(),
                        when,
                        status,
                        versions: vec![version],
                        theme: None,
                        key: None,
                    });
                }
            }
        }
    }
    Error::check(std::mem::take(&mut problems))?;
    merged.sort_by(|a, b| (&a.when.date, a.when.start).cmp(&(&b.when.date, b.when.start)));
    // Two events in one room at once: a mistake of the schedule, which the site would refuse
    // after writing (docs/content.md); refused here, naming both.
    for (i, a) in merged.iter().enumerate() {
        for b in &merged[i + 1..] {
            let busy = |m: &Merged| m.status != Status::Cancelled;
            let room = |m: &Merged| {
                let v = &m.versions[0];
                let s = &schedules[v.schedule];
                (
                    v.schedule,
                    room_of(s, &s.events[v.event]).map(|r| r.to_string().to_lowercase()),
                )
            };
            let (ra, rb) = (room(a), room(b));
            let end = |m: &Merged| m.when.end.filter(|e| *e > m.when.start);
            let overlap = a.when.date == b.when.date
                && match (end(a), end(b)) {
                    (Some(ea), Some(eb)) => a.when.start < eb && b.when.start < ea,
                    _ => a.when.start == b.when.start,
                };
            if busy(a) && busy(b) && ra == rb && ra.1.is_some() && overlap {
                let s = &schedules[b.versions[0].schedule];
                let e = &s.events[b.versions[0].event];
                problems.push(problem(
                    &s.path,
                    e.line,
                    format!(
                        "\"{}\" and \"{}\" are in {} at once ({} and {})",
                        b.versions[0].title,
                        a.versions[0].title,
                        e.room,
                        describe(&b.when),
                        describe(&a.when)
                    ),
                    "correct the room or the time in the schedule, then export it again",
                ));
            }
        }
    }
    Error::check(std::mem::take(&mut problems))?;

    let mut content = Content::read(root, &programme)?;
    let event_of = |v: &Version| &schedules[v.schedule].events[v.event];

    // Themes: a track of a later file is the theme of its events in an earlier one.
    let mut themes: Vec<Theme> = Vec::new();
    let mut theme_of: HashMap<(usize, String), usize> = HashMap::new();
    for (si, s) in schedules.iter().enumerate() {
        let mut tracks: Vec<(String, Option<String>)> = Vec::new();
        for t in &s.tracks {
            if !tracks.iter().any(|(n, _)| n == &t.name) {
                tracks.push((t.name.clone(), t.colour.clone()));
            }
        }
        for e in &s.events {
            if let Some(t) = &e.track
                && !tracks.iter().any(|(n, _)| n == t)
            {
                tracks.push((t.clone(), None));
            }
        }
        for (name, colour) in tracks {
            let earlier = s
                .events
                .iter()
                .filter(|e| e.track.as_ref() == Some(&name))
                .find_map(|e| {
                    let m = &merged[by_id[&e.id]];
                    m.versions.iter().filter(|v| v.schedule < si).find_map(|v| {
                        let track = event_of(v).track.clone()?;
                        theme_of.get(&(v.schedule, track)).copied()
                    })
                });
            let t = earlier.unwrap_or_else(|| {
                themes.push(Theme {
                    names: BTreeMap::new(),
                    folder: String::new(),
                });
                themes.len() - 1
            });
            themes[t].names.entry(si).or_insert((name.clone(), colour));
            theme_of.insert((si, name), t);
        }
    }
    for m in &mut merged {
        m.theme = m.versions.iter().find_map(|v| {
            let track = schedules[v.schedule].events[v.event].track.clone()?;
            theme_of.get(&(v.schedule, track)).copied()
        });
    }

    // Where each session is: where an earlier import put it, else the file its guid was
    // made from (samling's own exports), else a new file named from its title.
    let sessions_by_marker: HashMap<String, String> = content.marked("session");
    let acronym = &first.acronym;
    for m in &mut merged {
        m.key = sessions_by_marker.get(&m.id).cloned().or_else(|| {
            let guid = uuid::Uuid::try_parse(&m.id).ok()?;
            m.versions.iter().find_map(|v| {
                let slug = schedules[v.schedule].events[v.event].slug.as_deref()?;
                key_of_guid(guid, &programme, acronym, slug)
            })
        });
    }
    let mut folders_taken = BTreeSet::new();
    for (t, theme) in themes.iter_mut().enumerate() {
        let placed = merged
            .iter()
            .filter(|m| m.theme == Some(t))
            .filter_map(|m| {
                let parts: Vec<&str> = m.key.as_deref()?.split('/').collect();
                (parts.len() == 3).then(|| parts[1].to_owned())
            })
            .next();
        let name = &theme.names.values().next().expect("a theme has a name").0;
        let folder = placed.unwrap_or_else(|| slug(name, "theme"));
        let mut candidate = folder.clone();
        let mut n = 1;
        while !folders_taken.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{folder}-{n}");
        }
        theme.folder = candidate;
    }
    for m in &mut merged {
        if m.key.is_none() {
            let folder = match m.theme {
                Some(t) => format!("{programme}/{}", themes[t].folder),
                None => programme.clone(),
            };
            let stem = slug(&m.versions[0].title, "session");
            m.key = Some(content.free_key(&folder, &stem));
        } else if let Some(key) = &m.key {
            content.keys.insert(key.to_lowercase());
        }
    }

    // Speakers: one page per person, matched by their guid, code or id.
    let speakers_by_marker = content.marked("speaker");
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut speaker_of: HashMap<String, usize> = HashMap::new();
    for m in &merged {
        for v in &m.versions {
            for p in &event_of(v).persons {
                let key = person_key(p);
                let i = *speaker_of.entry(key.clone()).or_insert_with(|| {
                    speakers.push(Speaker {
                        key,
                        guid: p.guid.clone(),
                        names: BTreeMap::new(),
                        stem: String::new(),
                        write: true,
                    });
                    speakers.len() - 1
                });
                speakers[i]
                    .names
                    .entry(v.schedule)
                    .or_insert((p.name.trim().to_owned(), p.biography.clone()));
            }
        }
    }
    let mut report = ImportReport {
        programme: programme.clone(),
        ..ImportReport::default()
    };
    for s in &mut speakers {
        let name = &s.names.values().next().expect("a speaker has a name").0;
        if let Some(key) = speakers_by_marker.get(&s.key) {
            s.stem = key.trim_start_matches("speakers/").to_owned();
            continue;
        }
        let wanted = slug(name, "speaker");
        let proven = s
            .guid
            .as_deref()
            .and_then(|g| uuid::Uuid::try_parse(g).ok())
            .is_some_and(|g| g == page_uid(&format!("speakers/{wanted}")));
        if proven {
            s.stem = wanted.clone();
            // One of the site's own speaker pages: referred to, not written.
            s.write = !content.keys.contains(&format!("speakers/{wanted}"))
                || content.is_marked_key(&format!("speakers/{wanted}"));
            content
                .keys
                .insert(format!("speakers/{wanted}").to_lowercase());
        } else {
            s.stem = content
                .free_key("speakers", &wanted)
                .trim_start_matches("speakers/")
                .to_owned();
        }
    }

    // The files, each in memory first.
    let mut planned: Vec<(String, String)> = Vec::new();
    let reimport = !sessions_by_marker.is_empty();
    let how = how(options.source);
    for s in &schedules {
        let rel = format!("{programme}/_index.{}.md", s.lang);
        let owned = vec![
            ("title", Some(string(&s.title))),
            ("first_day", Some(datetime(&first_day.to_string()))),
            ("last_day", Some(datetime(&last_day.to_string()))),
            ("timezone", Some(string(&zone_name))),
        ];
        let marker = format!("{MARKER}programme {}: {}", slug(acronym, "programme"), how);
        plan_page(
            &content,
            &mut report,
            &mut planned,
            rel,
            &marker,
            owned,
            "",
            &[],
        )?;
    }
    for (t, theme) in themes.iter().enumerate() {
        for (&si, (name, colour)) in &theme.names {
            let rel = format!(
                "{programme}/{}/_index.{}.md",
                theme.folder, schedules[si].lang
            );
            let colour = colour.as_deref().filter(|c| is_colour(c)).map(string);
            let owned = vec![
                ("title", Some(string(name))),
                ("order", Some(toml::Value::Integer(t as i64 + 1))),
                ("colour", colour),
            ];
            let marker = format!("{MARKER}theme {}: {}", theme.folder, how);
            plan_page(
                &content,
                &mut report,
                &mut planned,
                rel,
                &marker,
                owned,
                "",
                &[],
            )?;
        }
    }
    // Speaker pages for the sessions written: a session left as the organiser wrote it
    // names its people itself.
    let mut needed = BTreeSet::new();
    for m in &merged {
        let key = m.key.as_deref().expect("every session has a key");
        let in_theme_folder = key.split('/').count() == 3;
        for v in &m.versions {
            let s = &schedules[v.schedule];
            let e = event_of(v);
            let rel = format!("{key}.{}.md", s.lang);
            let mut people: Vec<String> = Vec::new();
            for p in &e.persons {
                let stem = &speakers[speaker_of[&person_key(p)]].stem;
                if !people.contains(stem) {
                    people.push(stem.clone());
                }
            }
            let room = room_of(s, e);
            let owned = vec![
                ("title", Some(string(&v.title))),
                (
                    "summary",
                    e.summary
                        .as_deref()
                        .filter(|t| !t.trim().is_empty())
                        .map(string),
                ),
                ("date", Some(datetime(&m.when.date.to_string()))),
                ("start", Some(time(m.when.start))),
                ("end", m.when.end.map(time)),
                ("room", room),
                (
                    "theme",
                    m.theme
                        .filter(|_| !in_theme_folder)
                        .map(|t| string(&themes[t].folder)),
                ),
                ("format", e.kind.as_deref().and_then(format_of).map(string)),
                (
                    "language",
                    e.language
                        .as_deref()
                        .filter(|l| config.language(l).is_some())
                        .map(string),
                ),
                (
                    "status",
                    (m.status != Status::Confirmed).then(|| string(status_name(m.status))),
                ),
                (
                    "speakers",
                    (!people.is_empty())
                        .then(|| toml::Value::Array(people.iter().map(|p| string(p)).collect())),
                ),
            ];
            let mut body = String::new();
            if let Some(sub) = e.subtitle.as_deref().map(str::trim)
                && !sub.is_empty()
                && words[v.schedule].status_of(sub).is_none()
            {
                body.push_str(&format!("*{sub}*\n\n"));
            }
            body.push_str(e.description.as_deref().unwrap_or("").trim());
            let changes = match content.files.get(&rel) {
                Some(old) if old.marker.is_some() => {
                    let old_front = front_table(&rel, old)?;
                    changes_between(&old_front, &owned, options.today)
                }
                None if reimport => vec![change(options.today, "added", None)],
                _ => Vec::new(),
            };
            for c in &changes {
                report
                    .changes
                    .push((content_path(&rel), describe_change(c)));
            }
            let marker = format!("{MARKER}session {}: {}", m.id, how);
            let written = plan_page(
                &content,
                &mut report,
                &mut planned,
                rel,
                &marker,
                owned,
                &body,
                &changes,
            )?;
            if written {
                for p in &e.persons {
                    needed.insert(speaker_of[&person_key(p)]);
                }
            }
        }
    }
    // Translations an earlier import wrote in languages not imported now: their times and
    // status follow (translations agree on them), with the same changes; their text stays.
    let imported: BTreeSet<&str> = schedules.iter().map(|s| s.lang.as_str()).collect();
    for m in &merged {
        let key = m.key.as_deref().expect("every session has a key");
        for lang in
            (config.languages.iter().map(|l| l.code.as_str())).filter(|l| !imported.contains(l))
        {
            let rel = format!("{key}.{lang}.md");
            let Some(old) = content.files.get(&rel).filter(|f| f.marker.is_some()) else {
                continue;
            };
            let table = front_table(&rel, old)?;
            // Its room's name may be translated: kept, unless the room changed in the
            // language imported, whose name it then takes rather than show the old room.
            let v = &m.versions[0];
            let imported_rel = format!("{key}.{}.md", schedules[v.schedule].lang);
            let was = match content.files.get(&imported_rel) {
                Some(f) if f.marker.is_some() => {
                    front_table(&imported_rel, f)?.get("room").cloned()
                }
                _ => None,
            };
            let now = room_of(&schedules[v.schedule], event_of(v));
            let room = if was == now {
                table.get("room").cloned()
            } else {
                now
            };
            let facts = vec![
                ("date", Some(datetime(&m.when.date.to_string()))),
                ("start", Some(time(m.when.start))),
                ("end", m.when.end.map(time)),
                ("room", room),
                (
                    "status",
                    (m.status != Status::Confirmed).then(|| string(status_name(m.status))),
                ),
            ];
            let changes = changes_between(&table, &facts, options.today);
            for c in &changes {
                report
                    .changes
                    .push((content_path(&rel), describe_change(c)));
            }
            let front = updated_front(
                &rel,
                Some(&old.text[old.front.clone()]),
                table,
                facts,
                &changes,
            )?;
            let text = format!("+++\n{front}+++\n{}", &old.text[old.body.clone()]);
            planned.push((rel, text));
        }
    }
    for (_, s) in (speakers.iter().enumerate()).filter(|(i, s)| s.write && needed.contains(i)) {
        for (&si, (name, biography)) in &s.names {
            let rel = format!("speakers/{}.{}.md", s.stem, schedules[si].lang);
            let owned = vec![
                ("kind", Some(string("speaker"))),
                ("name", Some(string(name))),
            ];
            let marker = format!("{MARKER}speaker {}: {}", s.key, how);
            let body = biography.as_deref().unwrap_or("").trim();
            plan_page(
                &content,
                &mut report,
                &mut planned,
                rel,
                &marker,
                owned,
                body,
                &[],
            )?;
        }
    }
    let ids: BTreeSet<&str> = merged.iter().map(|m| m.id.as_str()).collect();
    for (rel, file) in &content.files {
        if let Some((kind, id)) = &file.marker
            && kind == "session"
            && !ids.contains(id.as_str())
        {
            report.disappeared.push(content_path(rel));
        }
    }

    // Everything was read and checked: now the writing.
    for (rel, text) in planned {
        let path = root.join("content").join(&rel);
        if content.files.get(&rel).is_some_and(|old| old.text == text) {
            report.unchanged += 1;
            continue;
        }
        write_file(&path, &text).map_err(|e| Error::io(&path, "write the file", e))?;
        report.written.push(content_path(&rel));
    }
    Ok(report)
}

/// What the opening marker says to whoever opens the file.
fn how(source: Source) -> String {
    format!(
        "written by `samling import {}`; the text from here to the end marker is replaced by \
         each import, write your own after it -->",
        source.name()
    )
}

fn content_path(rel: &str) -> PathBuf {
    Path::new("content").join(rel)
}

/// The file of `arg` and its language: `FILE=LANG`, else a folder of its path named as one
/// of the site's languages (`…/da/…/schedule.json`, as samling's exports are).
fn file_and_language(
    arg: &str,
    config: &Config,
) -> std::result::Result<(PathBuf, String), Diagnostic> {
    let languages = || {
        config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some((file, lang)) = arg.rsplit_once('=')
        && !lang.is_empty()
        && !lang.contains(['/', '\\', '.'])
    {
        if config.language(lang).is_none() {
            return Err(Diagnostic::new(
                Path::new(file),
                format!("`{lang}` is not one of the site's languages"),
            )
            .with_hint(format!(
                "the languages in config.toml are {}: give one of them, or add the language there",
                languages()
            )));
        }
        return Ok((PathBuf::from(file), lang.to_owned()));
    }
    let path = PathBuf::from(arg);
    let found: BTreeSet<String> = path
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .filter(|c| config.language(c).is_some())
        .map(str::to_owned)
        .collect();
    match found.len() {
        1 => Ok((path, found.into_iter().next().expect("one language"))),
        0 => Err(
            Diagnostic::new(&path, "the language of this file is not known").with_hint(format!(
                "add it to the file's name on the command line, `{arg}=da`, or put the file in \
                 a folder named after its language (the site's languages: {})",
                languages()
            )),
        ),
        _ => Err(
            Diagnostic::new(&path, "the folders of this file name several languages")
                .with_hint(format!("say which with `{arg}=LANG`")),
        ),
    }
}

/// When `e` is, in `tz`: its start from `date` (checked against `start`), its end from `end`
/// or `duration`. A session of samling ends on its day or by 06:00 the next morning.
fn when(path: &Path, tz: &TimeZone, e: &Event) -> std::result::Result<When, Diagnostic> {
    let at = |message: String, hint: &str| problem(path, e.line, message, hint);
    let parse = |text: &str| -> Option<jiff::Zoned> {
        match text.parse::<jiff::Timestamp>() {
            Ok(ts) => Some(ts.to_zoned(tz.clone())),
            // Older frab files: a local date and time, in the conference's zone.
            Err(_) => text
                .parse::<civil::DateTime>()
                .ok()?
                .to_zoned(tz.clone())
                .ok(),
        }
    };
    let Some(start) = parse(&e.date) else {
        return Err(at(
            format!("\"{}\": `{}` is not a date and time", e.title, e.date),
            "an event's date is RFC 3339, such as 2026-03-12T10:00:00+01:00",
        ));
    };
    if let Some(given) = e.start.as_deref() {
        let local = start.time().strftime("%H:%M").to_string();
        let same = given
            .trim()
            .parse::<civil::Time>()
            .is_ok_and(|t| t.strftime("%H:%M").to_string() == local);
        if !same {
            return Err(at(
                format!(
                    "\"{}\": its date says {local} in {}, its start says {given}",
                    e.title,
                    tz.iana_name().unwrap_or("the conference's time zone")
                ),
                "the date, the start and the time zone of the schedule disagree: export it again",
            ));
        }
    }
    let by_duration = match e.duration.as_deref() {
        Some(d) => match minutes(d) {
            Some(m) => Some(m),
            None => {
                return Err(at(
                    format!("\"{}\": `{d}` is not a duration", e.title),
                    "a duration is HH:MM",
                ));
            }
        },
        None => None,
    };
    let end = match (e.end.as_deref(), by_duration) {
        (Some(text), by_duration) => {
            let Some(end) = parse(text) else {
                return Err(at(
                    format!("\"{}\": its end `{text}` is not a date and time", e.title),
                    "an event's end is RFC 3339",
                ));
            };
            let m = (end.timestamp() - start.timestamp()).get_seconds() / 60;
            if by_duration.is_some_and(|d| d != m) {
                return Err(at(
                    format!("\"{}\": its end and its duration disagree", e.title),
                    "export the schedule again",
                ));
            }
            end
        }
        (None, Some(m)) => start
            .checked_add(jiff::SignedDuration::from_mins(m))
            .map_err(|_| {
                at(
                    format!("\"{}\" ends too late", e.title),
                    "check its duration",
                )
            })?,
        (None, None) => {
            return Err(at(
                format!("\"{}\" has neither an end nor a duration", e.title),
                "a schedule gives every event its duration",
            ));
        }
    };
    if end.timestamp() < start.timestamp() {
        return Err(at(
            format!("\"{}\" ends before it starts", e.title),
            "check its duration",
        ));
    }
    let end_time = if end.timestamp() == start.timestamp() {
        None
    } else if end.date() == start.date()
        || (start.date().tomorrow().ok() == Some(end.date())
            && end.time() <= civil::time(6, 0, 0, 0))
    {
        Some(end.time())
    } else {
        return Err(at(
            format!(
                "\"{}\" lasts from {} to {}: a session ends on its day or by 06:00 the next morning",
                e.title,
                start.strftime("%Y-%m-%d %H:%M"),
                end.strftime("%Y-%m-%d %H:%M")
            ),
            "split it into a session per day in the schedule",
        ));
    };
    Ok(When {
        date: start.date(),
        start: start.time(),
        end: end_time,
    })
}

/// `01:30` or `1:30:00` as minutes.
fn minutes(text: &str) -> Option<i64> {
    let mut parts = text.trim().split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let s: i64 = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    (parts.next().is_none() && (0..60).contains(&m) && (0..60).contains(&s) && h >= 0)
        .then_some(h * 60 + m)
}

fn describe(w: &When) -> String {
    match w.end {
        Some(end) => format!(
            "{} {}–{}",
            w.date,
            w.start.strftime("%H:%M"),
            end.strftime("%H:%M")
        ),
        None => format!("{} {}", w.date, w.start.strftime("%H:%M")),
    }
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Confirmed => "confirmed",
        Status::Tentative => "tentative",
        Status::Moved => "moved",
        Status::Cancelled => "cancelled",
    }
}

/// The words for a status in a file's language, lower case: the site's strings
/// (`status-cancelled` …), which samling's exports write as the subtitle, and pretalx's
/// and frab's English "cancelled".
struct StatusWords {
    words: Vec<(String, Status)>,
}

impl StatusWords {
    fn of(locales: &Locales, lang: &str) -> StatusWords {
        let mut words = vec![
            ("cancelled".to_owned(), Status::Cancelled),
            ("canceled".to_owned(), Status::Cancelled),
        ];
        if let Some(locale) = locales.get(lang) {
            for (key, status) in [
                ("status-cancelled", Status::Cancelled),
                ("status-moved", Status::Moved),
                ("status-tentative", Status::Tentative),
            ] {
                if let Ok(text) = locale.message(key, None) {
                    words.push((text.trim().to_lowercase(), status));
                }
            }
        }
        StatusWords { words }
    }

    fn status_of(&self, text: &str) -> Option<Status> {
        let text = text.trim().to_lowercase();
        self.words.iter().find(|(w, _)| *w == text).map(|&(_, s)| s)
    }

    /// The event's status and its title without a status before a colon ("Aflyst: …").
    fn read(&self, e: &Event) -> (Status, String) {
        let title = e.title.trim();
        if let Some((head, rest)) = title.split_once(':')
            && self.status_of(head) == Some(Status::Cancelled)
            && !rest.trim().is_empty()
        {
            return (Status::Cancelled, rest.trim().to_owned());
        }
        let status = e.subtitle.as_deref().and_then(|s| self.status_of(s));
        (status.unwrap_or(Status::Confirmed), title.to_owned())
    }
}

/// A samling format for a schedule's event type, where one fits.
fn format_of(kind: &str) -> Option<&'static str> {
    let kind = kind.trim().to_lowercase();
    [
        "keynote", "talk", "seminar", "debate", "panel", "workshop", "meeting", "break", "social",
    ]
    .into_iter()
    .find(|f| *f == kind)
}

fn is_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// The page key a samling export's event came from: its slug is the acronym and the
/// session's path with `-` for `/`, and its guid the UUID of that path, which tells which of
/// the possible paths it is.
fn key_of_guid(guid: uuid::Uuid, programme: &str, acronym: &str, slug: &str) -> Option<String> {
    let rest = slug.strip_prefix(&format!("{acronym}-")).unwrap_or(slug);
    // A slug that two sessions shared has the event's number after it.
    let trimmed = rest
        .rsplit_once('-')
        .filter(|(_, n)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map(|(r, _)| r);
    for rest in std::iter::once(rest).chain(trimmed) {
        let mut candidates = vec![format!("{programme}/{rest}")];
        for (i, _) in rest.match_indices('-') {
            candidates.push(format!("{programme}/{}/{}", &rest[..i], &rest[i + 1..]));
        }
        if let Some(key) = candidates.into_iter().find(|k| page_uid(k) == guid) {
            return Some(key);
        }
    }
    None
}

/// What a person is known by across files and imports: guid, code or id, else their name.
fn person_key(p: &Person) -> String {
    match p.key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        Some(k)
            if k.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) =>
        {
            k.to_owned()
        }
        Some(k) => slug(k, "person"),
        None => format!("name-{}", slug(&p.name, "person")),
    }
}

fn string(text: &str) -> toml::Value {
    toml::Value::String(text.to_owned())
}

fn datetime(text: &str) -> toml::Value {
    toml::Value::Datetime(text.parse().expect("a date samling wrote"))
}

fn time(t: civil::Time) -> toml::Value {
    datetime(&t.strftime("%H:%M").to_string())
}

fn change(today: civil::Date, what: &str, note: Option<String>) -> toml::Table {
    let mut c = toml::Table::new();
    c.insert("date".into(), datetime(&today.to_string()));
    c.insert("what".into(), string(what));
    if let Some(note) = note {
        c.insert("note".into(), string(&note));
    }
    c
}

/// The `[[changes]]` between a session's file and what the import writes now: `moved` when
/// its date, times or room differ, `cancelled` when it is newly cancelled, `updated` when it
/// is no longer.
fn changes_between(
    old: &toml::Table,
    new: &[(&str, Option<toml::Value>)],
    today: civil::Date,
) -> Vec<toml::Table> {
    let new_of = |key: &str| {
        new.iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, v)| v.clone())
    };
    let show = |v: Option<toml::Value>| match v {
        Some(toml::Value::String(s)) => s,
        Some(toml::Value::Datetime(d)) => {
            let s = d.to_string();
            s.strip_suffix(":00")
                .filter(|_| s.len() == 8)
                .map_or(s.clone(), str::to_owned)
        }
        Some(other) => other.to_string(),
        None => "–".to_owned(),
    };
    let place = |get: &dyn Fn(&str) -> Option<toml::Value>| {
        format!(
            "{} {}–{}, {}",
            show(get("date")),
            show(get("start")),
            show(get("end")),
            show(get("room"))
        )
    };
    let old_of = |key: &str| old.get(key).cloned();
    let mut changes = Vec::new();
    let moved = ["date", "start", "end", "room"]
        .iter()
        .any(|k| old_of(k) != new_of(k));
    if moved {
        changes.push(change(
            today,
            "moved",
            Some(format!("{} → {}", place(&old_of), place(&new_of))),
        ));
    }
    let cancelled =
        |v: Option<toml::Value>| v.as_ref().and_then(|v| v.as_str()) == Some("cancelled");
    match (cancelled(old_of("status")), cancelled(new_of("status"))) {
        (false, true) => changes.push(change(today, "cancelled", None)),
        (true, false) => changes.push(change(today, "updated", None)),
        _ => {}
    }
    changes
}

/// An event's room; none where it is the conference's title, which samling's exports give
/// a session without a place.
fn room_of(s: &Schedule, e: &Event) -> Option<toml::Value> {
    (e.room.trim() != s.title.trim()).then(|| string(e.room.trim()))
}

/// A change as the report shows it: `moved: 2026-03-12 10:00–11:00, Sal A → …`.
fn describe_change(c: &toml::Table) -> String {
    let what = c.get("what").and_then(|w| w.as_str()).unwrap_or_default();
    match c.get("note").and_then(|w| w.as_str()) {
        Some(note) => format!("{what}: {note}"),
        None => what.to_owned(),
    }
}

fn front_table(rel: &str, file: &Existing) -> Result<toml::Table> {
    let text = &file.text[file.front.clone()];
    toml::from_str::<toml::Table>(text).map_err(|e| {
        Error::new(crate::diagnostic::from_toml(
            &content_path(rel),
            &file.text,
            file.front.start,
            &e,
        ))
    })
}

/// Adds the page at `rel` (inside `content/`) to `planned`: a new file, or a file an import
/// wrote with the owned keys and the text between the markers replaced. A file the import
/// did not write is left as it is and reported. Whether it was added.
#[allow(clippy::too_many_arguments)]
fn plan_page(
    content: &Content,
    report: &mut ImportReport,
    planned: &mut Vec<(String, String)>,
    rel: String,
    marker: &str,
    owned: Vec<(&str, Option<toml::Value>)>,
    body: &str,
    changes: &[toml::Table],
) -> Result<bool> {
    let old = content.files.get(&rel);
    if old.is_some_and(|f| f.marker.is_none()) {
        report.kept.push(content_path(&rel));
        return Ok(false);
    }
    let table = match old {
        Some(f) => front_table(&rel, f)?,
        None => toml::Table::new(),
    };
    let old_front = old.map(|f| &f.text[f.front.clone()]);
    let front = updated_front(&rel, old_front, table, owned, changes)?;
    let (before, after) = match old {
        Some(f) => {
            let text = &f.text[f.body.clone()];
            let open = text.find(MARKER).unwrap_or(0);
            let Some(close) = text.find(END_MARKER) else {
                return Err(Error::new(
                    Diagnostic::new(content_path(&rel), "the import's end marker is missing")
                        .with_hint(format!(
                            "put `{END_MARKER}` back after the imported text (your own text goes after it), then import again"
                        )),
                ));
            };
            let after = &text[close + END_MARKER.len()..];
            (
                text[..open].to_owned(),
                after.strip_prefix('\n').unwrap_or(after).to_owned(),
            )
        }
        None => (String::new(), String::new()),
    };
    let mut text = format!("+++\n{front}+++\n{before}{marker}\n");
    if !body.is_empty() {
        text.push_str(body);
        text.push('\n');
    }
    text.push_str(END_MARKER);
    text.push('\n');
    text.push_str(&after);
    planned.push((rel, text));
    Ok(true)
}

/// `table` with the owned keys set (or removed) and `changes` added, as TOML: the keys of
/// `old_front` (the file's front matter) in its order, new ones in the order of `owned`,
/// tables after the plain keys, where TOML wants them, `[[changes]]` last.
fn updated_front(
    rel: &str,
    old_front: Option<&str>,
    mut table: toml::Table,
    owned: Vec<(&str, Option<toml::Value>)>,
    changes: &[toml::Table],
) -> Result<String> {
    // Where each key of the old front matter first is: a line starting with it.
    let position = |key: &str| -> usize {
        old_front
            .and_then(|text| {
                let mut at = 0;
                for line in text.split_inclusive('\n') {
                    let l = line.trim_start().trim_start_matches('[');
                    if let Some(rest) = l.strip_prefix(key)
                        && rest.trim_start().starts_with(['=', '.', ']'])
                    {
                        return Some(at);
                    }
                    at += line.len();
                }
                None
            })
            .unwrap_or(usize::MAX)
    };
    let mut order: Vec<String> = table.keys().cloned().collect();
    order.sort_by_key(|k| position(k));
    for (key, value) in owned {
        match value {
            Some(v) => {
                if !order.iter().any(|k| k == key) {
                    order.push(key.to_owned());
                }
                table.insert(key.to_owned(), v);
            }
            None => {
                table.remove(key);
            }
        }
    }
    if !changes.is_empty() {
        let mut list = match table.remove("changes") {
            Some(toml::Value::Array(list)) => list,
            _ => Vec::new(),
        };
        list.extend(changes.iter().cloned().map(toml::Value::Table));
        table.insert("changes".into(), toml::Value::Array(list));
    }
    order.retain(|k| k != "changes");
    order.push("changes".to_owned());
    let is_table = |v: &toml::Value| match v {
        toml::Value::Table(_) => true,
        toml::Value::Array(items) => {
            !items.is_empty() && items.iter().all(|i| matches!(i, toml::Value::Table(_)))
        }
        _ => false,
    };
    let mut plain = String::new();
    let mut tables = String::new();
    for key in &order {
        let Some(value) = table.remove(key) else {
            continue;
        };
        let into = if is_table(&value) {
            &mut tables
        } else {
            &mut plain
        };
        if let (true, toml::Value::Array(list)) = (key == "changes", &value) {
            // Each change as docs/content.md writes it: date, what, note.
            for change in list.iter().filter_map(|c| c.as_table()) {
                if !into.is_empty() {
                    into.push('\n');
                }
                into.push_str("[[changes]]\n");
                let mut keys: Vec<&String> = change.keys().collect();
                keys.sort_by_key(|k| ["date", "what", "note"].iter().position(|o| o == k));
                for k in keys {
                    let mut one = toml::Table::new();
                    one.insert(k.clone(), change[k].clone());
                    into.push_str(&to_toml(rel, &one)?);
                }
            }
            continue;
        }
        let mut one = toml::Table::new();
        one.insert(key.clone(), value);
        let text = to_toml(rel, &one)?;
        if into.is_empty() || !is_table(&one[key]) {
            into.push_str(&text);
        } else {
            into.push('\n');
            into.push_str(&text);
        }
    }
    if !tables.is_empty() && !plain.is_empty() {
        plain.push('\n');
    }
    plain.push_str(&tables);
    Ok(plain)
}

fn to_toml(rel: &str, table: &toml::Table) -> Result<String> {
    toml::to_string(table).map_err(|e| {
        Error::new(Diagnostic::new(
            content_path(rel),
            format!("cannot write the front matter: {e}"),
        ))
    })
}

impl Content {
    /// The files of `content/<programme>/` and `content/speakers/`.
    fn read(root: &Path, programme: &str) -> Result<Content> {
        let content = root.join("content");
        let mut files = BTreeMap::new();
        let mut keys = BTreeSet::new();
        for dir in [programme, "speakers"] {
            let dir = content.join(dir);
            if !dir.is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(&dir) {
                let entry = entry.map_err(|e| {
                    Error::new(Diagnostic::new(
                        &dir,
                        format!("cannot read the folder: {e}"),
                    ))
                })?;
                let Some(name) = entry.file_name().to_str() else {
                    continue;
                };
                if !entry.file_type().is_file() {
                    continue;
                }
                let Some((stem, _)) = crate::load::split_name(name) else {
                    continue;
                };
                let rel = entry
                    .path()
                    .strip_prefix(&content)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                let folder = rel.rsplit_once('/').map_or("", |(f, _)| f);
                // Lower case: names that differ only in case are one file on macOS and
                // Windows, and `check` refuses them.
                keys.insert(format!("{folder}/{stem}").to_lowercase());
                let bytes = fs::read(entry.path())
                    .map_err(|e| Error::io(entry.path(), "read the file", e))?;
                let Ok(text) = crate::diagnostic::text_from_bytes(entry.path(), bytes) else {
                    continue;
                };
                let Ok((front, body)) = crate::load::split_front_matter(&text) else {
                    // Not a page the import wrote, nor one it will write: a new name is
                    // chosen around it.
                    continue;
                };
                let marker = text[body.clone()].lines().find_map(|line| {
                    let rest = line.strip_prefix(MARKER)?;
                    let (head, _) = rest.split_once(':')?;
                    let (kind, id) = head.split_once(' ')?;
                    Some((kind.to_owned(), id.to_owned()))
                });
                files.insert(
                    rel,
                    Existing {
                        text,
                        front,
                        body,
                        marker,
                    },
                );
            }
        }
        Ok(Content { files, keys })
    }

    /// The page key of each id of `kind` an import marked.
    fn marked(&self, kind: &str) -> HashMap<String, String> {
        let mut found = HashMap::new();
        for (rel, file) in &self.files {
            if let Some((k, id)) = &file.marker
                && k == kind
                && let Some((key, _)) = rel.strip_suffix(".md").and_then(|r| r.rsplit_once('.'))
            {
                found.entry(id.clone()).or_insert_with(|| key.to_owned());
            }
        }
        found
    }

    fn is_marked_key(&self, key: &str) -> bool {
        self.files.iter().any(|(rel, f)| {
            f.marker.is_some()
                && rel
                    .strip_suffix(".md")
                    .and_then(|r| r.rsplit_once('.'))
                    .is_some_and(|(k, _)| k == key)
        })
    }

    /// `folder/stem`, or `folder/stem-2` … where that is taken; taken from then on.
    fn free_key(&mut self, folder: &str, stem: &str) -> String {
        let mut key = format!("{folder}/{stem}");
        let mut n = 1;
        while self.keys.contains(&key.to_lowercase()) {
            n += 1;
            key = format!("{folder}/{stem}-{n}");
        }
        self.keys.insert(key.to_lowercase());
        key
    }
}

/// Writes `text` to `path` whole: into a temporary file beside it, renamed over it.
fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("page");
    let temporary = dir.join(format!(".{name}.samling-import"));
    fs::write(&temporary, text)?;
    fs::rename(&temporary, path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

impl ImportReport {
    /// The report as the command prints it.
    pub fn human(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Imported into content/{}/: {} written, {} unchanged",
            self.programme,
            crate::diagnostic::count(self.written.len(), "file"),
            self.unchanged
        );
        for path in &self.written {
            let _ = writeln!(out, "  wrote {}", path.display());
        }
        for (path, change) in &self.changes {
            let _ = writeln!(out, "  change in {}: {change}", path.display());
        }
        for path in &self.kept {
            let _ = writeln!(
                out,
                "  kept {}: the import did not write it, so it is left as it is",
                path.display()
            );
        }
        for path in &self.disappeared {
            let _ = writeln!(
                out,
                "  no longer in the schedule: {} (not deleted: set status = \"cancelled\" or delete it)",
                path.display()
            );
        }
        out
    }
}
