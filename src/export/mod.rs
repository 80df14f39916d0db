//! Data exports of the programmes, beside the pages: calendar files (RFC 5545) per session,
//! programme and speaker, schedules for conference apps (`schedule.xml` in the frab format,
//! `schedule.json` in the c3voc schema) per programme, and an Atom feed (RFC 4287) of
//! programme changes per language.
//!
//! Every file is in one language, the language of the folder it lives in, and comes from
//! content alone (no clock, no file times), so a build writes the same bytes every time:
//! `DTSTAMP`, feed and entry dates are the dates organisers give in `[[changes]]`.
//!
//! | file | what |
//! | --- | --- |
//! | `<lang>/<session>/calendar.ics` | one session |
//! | `<lang>/<programme>/calendar.ics` | every dated session of a programme |
//! | `<lang>/<speaker>/calendar.ics` | every dated session of a speaker |
//! | `<lang>/<programme>/schedule.xml`, `schedule.json` | the programme for conference apps |
//! | `<lang>/feed.xml` | changes of every programme, newest first |

mod atom;
mod c3voc;
mod frab;
mod ics;

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};
use rayon::prelude::*;
use serde::Serialize;

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, PoisonError};

use crate::changes::ChangedKeys;
use crate::config::Config;
use crate::diagnostic::Result;
use crate::front_matter::{Change, Kind, SessionFront, SpeakerEntry, Status};
use crate::locale::{Locale, Locales};
use crate::model::{Memo, Model, Revision, Session, Translation};
use crate::urls::Urls;
use crate::write::OutputFile;

pub const CALENDAR_FILE: &str = "calendar.ics";
pub const SCHEDULE_XML: &str = "schedule.xml";
pub const SCHEDULE_JSON: &str = "schedule.json";
pub const FEED_FILE: &str = "feed.xml";

/// What the export functions read: the site's model, configuration and strings, and what
/// `serve` kept of the last exports.
#[derive(Clone, Copy)]
pub struct Exporter<'a> {
    pub model: &'a Model,
    pub config: &'a Config,
    pub locales: &'a Locales,
    pub kept: Option<&'a Kept>,
}

/// The parts of exports `serve` keeps between rebuilds while the strings and configuration
/// stay: each session's calendar event and schedule entries per language, made again only
/// when an entry they show changed. A programme's calendar and schedules are then put
/// together from its sessions' parts.
#[derive(Default)]
pub struct Kept {
    langs: Mutex<HashMap<String, KeptLang>>,
}

#[derive(Default)]
struct KeptLang {
    /// Each session's `VEVENT`, by the session's content key.
    events: Memo<Vec<Revision>, Option<ics::EventText>>,
    /// Each programme's schedule entries, by the programme's content key.
    schedules: HashMap<String, KeptSchedule>,
}

/// A programme's schedule entries in one language, by the session's content key. What an
/// entry shows also depends on its number and slug, which depend on the other sessions.
#[derive(Default)]
struct KeptSchedule {
    placed: Memo<Vec<Revision>, Option<Placed>>,
    frab: ScheduleMemo<(String, uuid::Uuid)>,
    c3voc: ScheduleMemo<(Box<serde_json::value::RawValue>, uuid::Uuid)>,
}

/// Schedule entries by session, with the entries' revisions, number and slug, and the
/// numbers of its people (which depend on everyone's, on the rare collision).
type ScheduleMemo<V> = Memo<(Vec<Revision>, u32, String, Vec<u32>, [Timestamp; 2]), V>;

impl Kept {
    fn take(&self, lang: &str) -> KeptLang {
        let mut langs = self.langs.lock().unwrap_or_else(PoisonError::into_inner);
        langs.remove(lang).unwrap_or_default()
    }

    fn put(&self, lang: &str, kept: KeptLang) {
        let mut langs = self.langs.lock().unwrap_or_else(PoisonError::into_inner);
        langs.insert(lang.to_owned(), kept);
    }
}

/// The exports an edit touches, by index in the model after it and by content key (the
/// keys of sessions that are gone too).
#[derive(Debug, Default, Clone)]
pub struct Scope {
    pub sessions: BTreeSet<usize>,
    pub programmes: BTreeSet<usize>,
    pub speakers: BTreeSet<usize>,
    /// The languages whose exports the edit touches; `None`: all. An export in one language
    /// shows the translation its readers see, and no other.
    pub languages: Option<BTreeSet<String>>,
    keys: ScopeKeys,
}

#[derive(Debug, Default, Clone)]
struct ScopeKeys {
    sessions: BTreeSet<String>,
    programmes: BTreeSet<String>,
    speakers: BTreeSet<String>,
}

/// The page an export link is shown on, without its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageOf {
    Programme(usize),
    Session(usize),
    Speaker(usize),
    Other,
}

/// The exports a page links to, as links relative to the page (empty when there is none).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct PageLinks {
    /// The language's change feed: on every page.
    pub feed: String,
    pub calendar: Option<String>,
    pub schedule_xml: Option<String>,
    pub schedule_json: Option<String>,
}

impl<'a> Exporter<'a> {
    /// Every export file of the site, sorted by path; an error if a locale lacks one of
    /// the messages the exports show.
    pub fn files(&self) -> Result<Vec<OutputFile>> {
        self.files_in(None)
    }

    /// The export files of `scope` (every file if `None`), sorted by path. The feeds are
    /// always among them: they are few and list every programme.
    pub fn files_in(&self, scope: Option<&Scope>) -> Result<Vec<OutputFile>> {
        let m = self.model;
        let zones: Vec<ics::ProgrammeZone> = m
            .programmes
            .iter()
            .map(|p| ics::ProgrammeZone::new(p.timezone()))
            .collect();
        // The sessions whose events the files of the scope show.
        let needed: Option<BTreeSet<usize>> = scope.map(|scope| {
            let mut needed = scope.sessions.clone();
            for &p in &scope.programmes {
                needed.extend(m.programmes[p].sessions());
            }
            for &s in &scope.speakers {
                needed.extend(m.speakers[s].sessions());
            }
            needed
        });
        let mut jobs = vec![Job::Feed];
        match scope {
            Some(scope) => {
                jobs.extend(scope.programmes.iter().copied().map(Job::Programme));
                jobs.extend(scope.sessions.iter().copied().map(Job::Session));
                jobs.extend(scope.speakers.iter().copied().map(Job::Speaker));
            }
            None => {
                jobs.extend((0..m.programmes.len()).map(Job::Programme));
                jobs.extend((0..m.sessions.len()).map(Job::Session));
                jobs.extend((0..m.speakers.len()).map(Job::Speaker));
            }
        }
        // The languages side by side: after an edit each has only a few files to make.
        let mut files: Vec<OutputFile> = self
            .config
            .languages
            .par_iter()
            .filter(|language| {
                scope
                    .and_then(|s| s.languages.as_ref())
                    .is_none_or(|langs| langs.contains(&language.code))
            })
            .flat_map_iter(|language| {
                self.language_files(&language.code, &jobs, needed.as_ref(), &zones)
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// The files of `jobs` in `lang`; only the events of `needed` sessions (all if `None`)
    /// are made.
    fn language_files(
        &self,
        lang: &str,
        jobs: &[Job],
        needed: Option<&BTreeSet<usize>>,
        zones: &[ics::ProgrammeZone],
    ) -> Vec<OutputFile> {
        let m = self.model;
        let Some(locale) = self.locales.get(lang) else {
            return Vec::new();
        };
        let mut kept = self.kept.map(|k| k.take(lang));
        let cx = Cx {
            ex: *self,
            locale,
            lang,
            urls: Urls::new(self.config),
        };
        // Each session's event once per language, for its own, its programme's and its
        // speakers' calendars.
        let made: Vec<(Option<ics::EventText>, Option<Vec<Revision>>)> = (0..m.sessions.len())
            .into_par_iter()
            .map(|s| {
                if needed.as_ref().is_some_and(|n| !n.contains(&s)) {
                    return (None, None);
                }
                let make = || {
                    let t = cx.pick(s)?;
                    ics::event(&cx, s, t, &zones[m.sessions[s].programme()])
                };
                let Some(kept) = &kept else {
                    return (make(), None);
                };
                let from = m.session_sources(s);
                match kept.events.get(&m.sessions[s].entry().key, &from) {
                    Some(event) => (event.clone(), None),
                    None => (make(), Some(from)),
                }
            })
            .collect();
        let mut events = Vec::with_capacity(made.len());
        for (s, (event, from)) in made.into_iter().enumerate() {
            if let (Some(kept), Some(from)) = (&mut kept, from) {
                kept.events
                    .keep(&m.sessions[s].entry().key, from, event.clone());
            }
            events.push(event);
        }
        let schedules = kept
            .as_mut()
            .map(|k| Mutex::new(std::mem::take(&mut k.schedules)));
        let files = jobs
            .par_iter()
            .flat_map_iter(|&job| cx.job(job, &events, schedules.as_ref()))
            .collect();
        if let (Some(keeper), Some(mut kept)) = (self.kept, kept) {
            kept.schedules = schedules
                .map(|s| s.into_inner().unwrap_or_else(PoisonError::into_inner))
                .unwrap_or_default();
            keeper.put(lang, kept);
        }
        files
    }

    /// The exports that edits of the pages with content keys `keys` touch, when each of
    /// them is a session or a speaker page before the edit (in `before`) or after it (in
    /// this site) and nothing else: the sessions (those of the speakers edited), their
    /// programmes and the speakers of those sessions. `None` when an edit touches more (a
    /// programme or theme page, a free page): then every export is made again.
    pub fn scope_of(&self, before: &Model, keys: &BTreeSet<String>) -> Option<Scope> {
        let m = self.model;
        let mut scope = Scope::default();
        let programme_by_key = |key: &str| m.programmes.iter().position(|p| p.entry().key == key);
        let speaker_by_id = |id: &str| m.speaker_by_id(id);
        // The sessions whose exports change, in this model and in the one before.
        let mut sessions = BTreeSet::new();
        let mut sessions_before = BTreeSet::new();
        for key in keys {
            // The edited page's own calendar, also when it is gone.
            scope.keys.sessions.insert(key.clone());
            match m.find(key) {
                Some((Kind::Session, i)) => {
                    sessions.insert(i);
                }
                Some((Kind::Speaker, i)) => {
                    scope.speakers.insert(i);
                    sessions.extend(m.speakers[i].sessions());
                }
                Some(_) => return None,
                None => {}
            }
            match before.find(key) {
                Some((Kind::Session, i)) => {
                    sessions_before.insert(i);
                }
                // Sessions that listed the speaker, inline by name too, may list them no more.
                Some((Kind::Speaker, i)) => sessions_before.extend(before.speakers[i].sessions()),
                Some(_) => return None,
                None => {}
            }
            if m.find(key).is_none() && before.find(key).is_none() {
                return None;
            }
        }
        for &i in &sessions {
            let session = &m.sessions[i];
            scope.programmes.insert(session.programme());
            (scope.speakers).extend(session.entry().speaker_ids().filter_map(speaker_by_id));
        }
        for &i in &sessions_before {
            let session = &before.sessions[i];
            let programme = &before.programmes[session.programme()].entry().key;
            scope.programmes.insert(programme_by_key(programme)?);
            for id in session.entry().speaker_ids() {
                scope.speakers.insert(speaker_by_id(id)?);
            }
            // A session still here has its exports made again.
            if let Some((Kind::Session, now)) = m.find(&session.entry().key)
                && !keys.contains(&session.entry().key)
            {
                sessions.insert(now);
                scope.programmes.insert(m.sessions[now].programme());
            }
        }
        // Speaker pages also list sessions that name their person inline.
        for (i, speaker) in m.speakers.iter().enumerate() {
            if speaker.sessions().iter().any(|s| sessions.contains(s)) {
                scope.speakers.insert(i);
            }
        }
        for speaker in before.speakers.iter() {
            if speaker
                .sessions()
                .iter()
                .any(|s| sessions_before.contains(s))
            {
                scope.speakers.insert(speaker_by_id(speaker.id())?);
            }
        }
        scope.sessions = sessions;
        scope.keys.programmes = scope
            .programmes
            .iter()
            .map(|&p| m.programmes[p].entry().key.clone())
            .collect();
        scope.keys.speakers = scope
            .speakers
            .iter()
            .map(|&s| m.speakers[s].entry().key.clone())
            .collect();
        Some(scope)
    }

    /// Every path the files of `scope` may have, in any language: those that
    /// [`Exporter::files_in`] does not make are gone.
    pub fn paths_of(&self, scope: &Scope) -> BTreeSet<String> {
        let mut paths = BTreeSet::new();
        let languages = self.config.languages.iter().filter(|language| {
            (scope.languages.as_ref()).is_none_or(|langs| langs.contains(&language.code))
        });
        for language in languages {
            let lang = language.code.as_str();
            paths.insert(format!("{lang}/{FEED_FILE}"));
            let keys = &scope.keys;
            for key in keys.sessions.iter().chain(&keys.speakers) {
                paths.insert(format!("{}{CALENDAR_FILE}", Urls::page(lang, key)));
            }
            for key in &keys.programmes {
                for name in [CALENDAR_FILE, SCHEDULE_XML, SCHEDULE_JSON] {
                    paths.insert(format!("{}{name}", Urls::page(lang, key)));
                }
            }
        }
        paths
    }

    /// The exports that the page `page` in `lang`, at address `from`, links to. The same
    /// conditions as [`Exporter::files`] decide whether each exists.
    pub fn links(&self, page: PageOf, lang: &str, from: &str) -> PageLinks {
        let urls = Urls::new(self.config);
        let m = self.model;
        let at =
            |key: &str, name: &str| urls.file(from, &format!("{}{name}", Urls::page(lang, key)));
        let mut links = PageLinks {
            feed: urls.file(from, &format!("{lang}/{FEED_FILE}")),
            ..PageLinks::default()
        };
        match page {
            PageOf::Session(i) => {
                let session = &m.sessions[i];
                if session
                    .entry()
                    .get(lang)
                    .is_some_and(|t| t.front.date.is_some())
                {
                    links.calendar = Some(at(&session.entry().key, CALENDAR_FILE));
                }
            }
            PageOf::Speaker(i) => {
                let speaker = &m.speakers[i];
                let fallback = self.config.list_untranslated;
                let dated = speaker.sessions().iter().any(|&s| {
                    m.sessions[s]
                        .entry()
                        .pick(lang, self.config, fallback)
                        .is_some_and(|t| t.front.date.is_some())
                });
                if speaker.entry().get(lang).is_some() && dated {
                    links.calendar = Some(at(&speaker.entry().key, CALENDAR_FILE));
                }
            }
            PageOf::Programme(i) => {
                let programme = &m.programmes[i];
                if programme.entry().get(lang).is_some() {
                    let key = &programme.entry().key;
                    let dated = self.programme_sessions(i, lang, |f| f.date.is_some());
                    let first_day = programme.entry().rendered_in(lang).front.first_day;
                    if dated || first_day.is_some() {
                        links.calendar = Some(at(key, CALENDAR_FILE));
                    }
                    if dated {
                        links.schedule_xml = Some(at(key, SCHEDULE_XML));
                        links.schedule_json =
                            (self.config.has_full_address()).then(|| at(key, SCHEDULE_JSON));
                    }
                }
            }
            PageOf::Other => {}
        }
        links
    }

    /// Whether a session of programme `i` that a reader of `lang` sees passes `test`.
    fn programme_sessions(
        &self,
        i: usize,
        lang: &str,
        test: impl Fn(&SessionFront) -> bool,
    ) -> bool {
        let fallback = self.config.list_untranslated;
        self.model.programmes[i].sessions().iter().any(|&s| {
            self.model.sessions[s]
                .entry()
                .pick(lang, self.config, fallback)
                .is_some_and(|t| test(&t.front))
        })
    }
}

#[derive(Debug, Clone, Copy)]
enum Job {
    Feed,
    Programme(usize),
    Session(usize),
    Speaker(usize),
}

/// One export file's context: the language it is written in.
struct Cx<'a> {
    ex: Exporter<'a>,
    locale: &'a Locale,
    lang: &'a str,
    urls: Urls,
}

impl<'a> Cx<'a> {
    /// The files of `job` in this language; `events` are the language's sessions' events,
    /// `kept` the schedule entries `serve` keeps, by programme.
    fn job(
        &self,
        job: Job,
        events: &[Option<ics::EventText>],
        kept: Option<&Mutex<HashMap<String, KeptSchedule>>>,
    ) -> Vec<OutputFile> {
        let m = self.model();
        let lang = self.lang;
        let file = |path: String, text: String| OutputFile {
            path,
            bytes: text.into_bytes(),
        };
        match job {
            Job::Feed => vec![file(format!("{lang}/{FEED_FILE}"), atom::feed(self))],
            Job::Session(i) => {
                let dir = Urls::page(lang, &m.sessions[i].entry().key);
                ics::session(self, i, events)
                    .map(|text| file(format!("{dir}{CALENDAR_FILE}"), text))
                    .into_iter()
                    .collect()
            }
            Job::Speaker(i) => {
                let dir = Urls::page(lang, &m.speakers[i].entry().key);
                ics::speaker(self, i, events)
                    .map(|text| file(format!("{dir}{CALENDAR_FILE}"), text))
                    .into_iter()
                    .collect()
            }
            Job::Programme(i) => {
                if m.programmes[i].entry().get(lang).is_none() {
                    return Vec::new();
                }
                let dir = Urls::page(lang, &m.programmes[i].entry().key);
                let mut files = Vec::new();
                if let Some(text) = ics::programme(self, i, events) {
                    files.push(file(format!("{dir}{CALENDAR_FILE}"), text));
                }
                let key = &m.programmes[i].entry().key;
                let lock = |kept: &Mutex<HashMap<String, KeptSchedule>>| {
                    let mut all = kept.lock().unwrap_or_else(PoisonError::into_inner);
                    all.remove(key).unwrap_or_default()
                };
                let mut memo = kept.map(lock);
                let schedule = Schedule::of(self, i, memo.as_mut().map(|m| &mut m.placed));
                if !schedule.days.is_empty() {
                    files.push(file(
                        format!("{dir}{SCHEDULE_XML}"),
                        frab::schedule(self, &schedule, memo.as_mut().map(|m| &mut m.frab)),
                    ));
                    // The c3voc schema wants every event's `url` a full address: none
                    // rather than an invalid file.
                    if self.ex.config.has_full_address() {
                        files.push(file(
                            format!("{dir}{SCHEDULE_JSON}"),
                            c3voc::schedule(self, &schedule, memo.as_mut().map(|m| &mut m.c3voc)),
                        ));
                    }
                }
                if let (Some(kept), Some(memo)) = (kept, memo) {
                    let mut all = kept.lock().unwrap_or_else(PoisonError::into_inner);
                    all.insert(key.clone(), memo);
                }
                files
            }
        }
    }

    fn model(&self) -> &'a Model {
        self.ex.model
    }

    /// The translation of session `i` a reader of this language sees, if any.
    fn pick(&self, i: usize) -> Option<&'a Translation<SessionFront>> {
        let config = self.ex.config;
        self.model().sessions[i]
            .entry()
            .pick(self.lang, config, config.list_untranslated)
    }

    /// A message of this language; an empty text if the locale lacks it (every key used
    /// here is also used by the default theme's templates or checked by the tests).
    fn text(&self, key: &str) -> String {
        self.locale.message(key, None).unwrap_or_default()
    }

    fn text_with(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut fluent_args = fluent::FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.locale
            .message(key, Some(&fluent_args))
            .unwrap_or_default()
    }

    /// The public address of an output path (`da/x/`), when `base_url` is a full URL.
    fn absolute(&self, path: &str) -> Option<String> {
        self.ex
            .config
            .has_full_address()
            .then(|| self.urls.absolute(path))
    }

    /// What apps should show beside a session's title (frab's and c3voc's `subtitle`): its
    /// status unless it is confirmed, in this language.
    fn status_text(&self, front: &SessionFront) -> Option<String> {
        match front.status? {
            Status::Confirmed => None,
            Status::Tentative => Some(self.text("status-tentative")),
            Status::Moved => Some(self.text("status-moved")),
            Status::Cancelled => Some(self.text("status-cancelled")),
        }
    }

    /// A schedule event's description, as plain text: the session's text, then who speaks
    /// and moderates with their roles (apps show the names alone).
    /// Made once per event, for both formats.
    fn description(&self, e: &ScheduleEvent, people: &[Person]) -> String {
        e.description
            .get_or_init(|| {
                let mut parts = vec![crate::markdown::plain_text(e.t.file().body_text())];
                parts.push(self.people_lines(people).join("\n"));
                parts.retain(|p| !p.is_empty());
                parts.join("\n\n")
            })
            .clone()
    }

    /// The links a schedule event carries, with their titles in this language: the
    /// session's page and its calendar file, where the site's full address is known (apps
    /// open them from elsewhere).
    fn event_links(&self, e: &ScheduleEvent) -> Vec<(String, String)> {
        let page = Urls::page(&e.t.lang, &self.model().sessions[e.index].entry().key);
        let mut links = Vec::new();
        if let Some(url) = self.absolute(&page) {
            links.push((url, self.text("session-page-link")));
        }
        if let Some(url) = self.absolute(&format!("{page}{CALENDAR_FILE}")) {
            links.push((url, self.text("calendar-add")));
        }
        links
    }

    /// A link from the folder `from` to the page at `to`: its public address when the
    /// site's address is known, otherwise relative to the export file.
    fn link(&self, from: &str, to: &str) -> String {
        self.absolute(to)
            .unwrap_or_else(|| self.urls.link(from, to))
    }

    /// The speakers and moderator of a session, as one line of text in this language:
    /// "Bjarne Corydon (Chefredaktør, Børsen), Heidi Bank (ikke bekræftet)".
    fn people(&self, t: &Translation<SessionFront>) -> Vec<Person<'a>> {
        let mut people: Vec<Person<'a>> = t
            .front
            .speakers
            .iter()
            .map(|s| self.person(s, false))
            .collect();
        people.extend(t.front.moderator.as_ref().map(|s| self.person(s, true)));
        people
    }

    fn person(&self, entry: &SpeakerEntry, moderator: bool) -> Person<'a> {
        let m = self.model();
        let who = m.person_of(entry);
        let page = match who {
            Some(crate::model::Person::Page(i)) => Some(&m.speakers[i]),
            _ => None,
        };
        let (name, role, organisation) = match (entry, page) {
            (
                SpeakerEntry::Inline {
                    name,
                    role,
                    organisation,
                    ..
                },
                _,
            ) => (name.clone(), role.clone(), organisation.clone()),
            (SpeakerEntry::Reference { .. }, Some(s)) => {
                let t = s.entry().pick(self.lang, self.ex.config, true);
                let t = t.unwrap_or(&s.entry().translations()[0]);
                (
                    t.front.name.clone(),
                    t.front.role.clone(),
                    t.front.organisation.clone(),
                )
            }
            (SpeakerEntry::Reference { id, .. }, None) => (id.clone(), None, None),
        };
        Person {
            name,
            role,
            organisation,
            confirmed: entry.confirmed(),
            moderator,
            page,
            who,
        }
    }

    /// "Oplægsholdere: A (rolle, organisation), B (ikke bekræftet)" and "Ordstyrer: C".
    fn people_lines(&self, people: &[Person]) -> Vec<String> {
        let describe = |p: &Person| {
            let mut details: Vec<String> = p.role.iter().chain(&p.organisation).cloned().collect();
            if !p.confirmed {
                details.push(self.text("not-confirmed"));
            }
            if details.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, details.join(", "))
            }
        };
        let mut lines = Vec::new();
        for (moderator, key) in [(false, "speakers-heading"), (true, "moderator-label")] {
            let names: Vec<String> = people
                .iter()
                .filter(|p| p.moderator == moderator)
                .map(describe)
                .collect();
            if !names.is_empty() {
                lines.push(format!("{}: {}", self.text(key), names.join(", ")));
            }
        }
        lines
    }

    /// Where a session is, as one line: [`Model::place`].
    fn location(&self, session: &Session, t: &Translation<SessionFront>) -> Option<String> {
        self.model()
            .place(session, t, self.lang, self.ex.config)
            .text()
    }
}

/// A speaker or moderator of a session, in the export's language.
struct Person<'a> {
    name: String,
    role: Option<String>,
    organisation: Option<String>,
    confirmed: bool,
    moderator: bool,
    /// The speaker page, if the person has one (a name given inline may be a page's).
    page: Option<&'a crate::model::Speaker>,
    /// Who the model says this is: `None` only for a reference to no page.
    who: Option<crate::model::Person>,
}

impl Person<'_> {
    /// The person's UUID and number, the same in every schedule of the site.
    fn ids(&self, m: &Model) -> Option<(uuid::Uuid, u32)> {
        self.who.map(|p| (m.person_uid(p), m.person_number(p)))
    }
}

/// When a session takes place, in its programme's zone.
#[derive(Debug, Clone)]
enum When {
    /// A date without a time: an all-day event.
    Day(civil::Date),
    /// A start, and an end if one is given.
    Timed { start: Zoned, end: Option<Zoned> },
}

/// How long a schedule shows a session without an end: the frab and c3voc formats need a
/// duration, and an hour is what calendar apps such as khal assume (docs/exports.md).
const DURATION_WITHOUT_END: jiff::SignedDuration = jiff::SignedDuration::from_hours(1);

impl When {
    /// The session's date and times, in the zone `tz`; an end before the start is on the
    /// next day (an evening that runs past midnight).
    fn of(front: &SessionFront, tz: &TimeZone) -> Option<When> {
        let date = front.date?.0;
        let Some(start) = front.start else {
            return Some(When::Day(date));
        };
        let start_dt = date.to_datetime(start.0);
        let end_dt = match front.end {
            Some(end) if end.0 >= start.0 => Some(date.to_datetime(end.0)),
            Some(end) => Some(date.tomorrow().ok()?.to_datetime(end.0)),
            None => None,
        };
        Some(When::Timed {
            start: start_dt.to_zoned(tz.clone()).ok()?,
            end: match end_dt {
                Some(end) => Some(end.to_zoned(tz.clone()).ok()?),
                None => None,
            },
        })
    }
}

/// The time zone of a programme (validated when the site was loaded), UTC otherwise.
fn zone_of(name: &str) -> TimeZone {
    TimeZone::get(name).unwrap_or(TimeZone::UTC)
}

/// RFC 3339 with the zone's offset: `2026-03-29T10:00:00+02:00`.
fn rfc3339(z: &Zoned) -> String {
    let seconds = z.offset().seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let (h, m) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
    format!(
        "{}T{}{sign}{h:02}:{m:02}",
        z.date(),
        z.time().strftime("%H:%M:%S")
    )
}

/// The newest of a translation's changes.
fn newest_change(changes: &[Change]) -> Option<civil::Date> {
    changes.iter().map(|c| c.date.0).max()
}

/// Midnight of `date` in `tz`, the instant a change of that date is dated at.
fn day_start(date: civil::Date, tz: &TimeZone) -> Zoned {
    date.to_zoned(tz.clone())
        .unwrap_or_else(|_| Timestamp::UNIX_EPOCH.to_zoned(tz.clone()))
}

/// The sessions of a programme a schedule export shows, by day and in time order: the
/// dated, timed sessions a reader of the export's language sees.
struct Schedule<'a> {
    programme: usize,
    title: String,
    acronym: String,
    zone: String,
    first_day: civil::Date,
    last_day: civil::Date,
    days: Vec<ScheduleDay<'a>>,
    /// Theme titles, in theme order.
    tracks: Vec<Track>,
    /// Room names in the order they first appear.
    rooms: Vec<String>,
}

struct ScheduleDay<'a> {
    date: civil::Date,
    start: Zoned,
    end: Zoned,
    events: Vec<ScheduleEvent<'a>>,
}

struct ScheduleEvent<'a> {
    index: usize,
    t: &'a Translation<SessionFront>,
    start: Zoned,
    end: Zoned,
    /// A session with a date and no time: it fills its day's window.
    all_day: bool,
    room: String,
    track: Option<String>,
    slug: String,
    id: u32,
    guid: uuid::Uuid,
    /// [`Model::session_sources`].
    sources: Vec<Revision>,
    /// [`Cx::description`], made by whichever format asks first.
    description: std::sync::OnceLock<String>,
}

/// A theme as a schedule's track: its title in the schedule's language, its colour.
struct Track {
    name: String,
    colour: Option<String>,
}

/// Where and when a session is in a schedule, as far as it does not depend on the others.
#[derive(Clone)]
struct Placed {
    start: Zoned,
    end: Zoned,
    all_day: bool,
    room: String,
    track: Option<String>,
    /// The slug of its path in the programme, without the acronym.
    slug: String,
}

impl ScheduleEvent<'_> {
    /// What decides the entry's text in a schedule, for [`ScheduleMemo`].
    /// The times are in it because an all-day session's depend on the day's other sessions.
    fn made_from(&self, m: &Model) -> (Vec<Revision>, u32, String, Vec<u32>, [Timestamp; 2]) {
        let f = &self.t.front;
        let numbers = (f.speakers.iter().chain(&f.moderator))
            .filter_map(|entry| Some(m.person_number(m.person_of(entry)?)))
            .collect();
        let times = [self.start.timestamp(), self.end.timestamp()];
        (
            self.sources.clone(),
            self.id,
            self.slug.clone(),
            numbers,
            times,
        )
    }

    /// The entry's text: kept in `memo` if made from the same, else made by `make`.
    fn text<V: Clone>(
        &self,
        cx: &Cx,
        memo: &mut Option<&mut ScheduleMemo<V>>,
        make: impl FnOnce() -> V,
    ) -> V {
        let Some(memo) = memo else {
            return make();
        };
        let key = &cx.model().sessions[self.index].entry().key;
        let from = self.made_from(cx.model());
        if let Some(text) = memo.get(key, &from) {
            return text.clone();
        }
        let text = make();
        memo.keep(key, from, text.clone());
        text
    }
}

impl<'a> Schedule<'a> {
    /// Programme `i`'s schedule; where and when each session is comes from `kept` where it
    /// was made from the same entries.
    fn of(
        cx: &Cx<'a>,
        i: usize,
        mut kept: Option<&mut Memo<Vec<Revision>, Option<Placed>>>,
    ) -> Schedule<'a> {
        let m = cx.model();
        let programme = &m.programmes[i];
        let pt = programme.entry().rendered_in(cx.lang);
        let tz = zone_of(programme.timezone());
        let acronym = acronym(&programme.entry().key);
        let tracks: Vec<Track> = programme
            .themes()
            .iter()
            .filter_map(|&th| {
                let entry = &m.themes[th].entry();
                let t = entry.pick(cx.lang, cx.ex.config, true)?;
                Some(Track {
                    name: t.front.title.clone(),
                    colour: entry
                        .primary(cx.ex.config)
                        .front
                        .colour
                        .clone()
                        .map(|c| c.0),
                })
            })
            .collect();
        let mut events: Vec<ScheduleEvent> = Vec::new();
        let mut rooms: Vec<String> = Vec::new();
        let mut ids = std::collections::BTreeSet::new();
        let mut slugs = std::collections::BTreeSet::new();
        for &s in programme.sessions() {
            let session = &m.sessions[s];
            let place = || -> Option<Placed> {
                let t = cx.pick(s)?;
                // An all-day session is the whole day here; the day's window below narrows
                // it to the hours the day's other sessions take.
                let (start, end, all_day) = match When::of(&t.front, &tz)? {
                    When::Timed { start, end } => {
                        let end = match end {
                            Some(end) => end,
                            None => start.checked_add(DURATION_WITHOUT_END).ok()?,
                        };
                        (start, end, false)
                    }
                    When::Day(date) => (
                        day_start(date, &tz),
                        day_start(date.tomorrow().ok()?, &tz),
                        true,
                    ),
                };
                // A schedule's events all have a room: the place, or else the programme.
                let place = m.place(session, t, cx.lang, cx.ex.config);
                let room = place
                    .room
                    .or(place.venue)
                    .unwrap_or_else(|| pt.front.title.clone());
                let relative = session
                    .entry()
                    .key
                    .strip_prefix(&programme.entry().key)
                    .unwrap_or(&session.entry().key)
                    .trim_matches('/');
                Some(Placed {
                    start,
                    end,
                    all_day,
                    room,
                    track: session.theme().and_then(|th| {
                        m.themes[th]
                            .entry()
                            .pick(cx.lang, cx.ex.config, true)
                            .map(|t| t.front.title.clone())
                    }),
                    slug: slug_of(relative),
                })
            };
            let sources = m.session_sources(s);
            let placed = match kept.as_deref_mut() {
                Some(memo) => match memo.get(&session.entry().key, &sources) {
                    Some(placed) => placed.clone(),
                    None => {
                        let placed = place();
                        memo.keep(&session.entry().key, sources.clone(), placed.clone());
                        placed
                    }
                },
                None => place(),
            };
            let (Some(placed), Some(t)) = (placed, cx.pick(s)) else {
                continue;
            };
            if !rooms.contains(&placed.room) {
                rooms.push(placed.room.clone());
            }
            let guid = session.entry().uid();
            // A stable number from the guid (apps that still read `id` keep their
            // favourites across updates).
            let id = crate::model::number_from(guid, &mut ids);
            let mut slug = format!("{acronym}-{}", placed.slug);
            if slug.len() < acronym.len() + 5 || !slugs.insert(slug.clone()) {
                slug = format!("{slug}-{id}");
                slugs.insert(slug.clone());
            }
            events.push(ScheduleEvent {
                index: s,
                t,
                start: placed.start,
                end: placed.end,
                all_day: placed.all_day,
                room: placed.room,
                track: placed.track,
                slug,
                id,
                guid,
                sources,
                description: std::sync::OnceLock::new(),
            });
        }
        // In time order: translations may give other times than the model's order.
        events.sort_by_key(|e| e.start.timestamp());
        let mut days: Vec<ScheduleDay> = Vec::new();
        for event in events {
            let date = event.start.date();
            match days.last_mut() {
                Some(day) if day.date == date => day.events.push(event),
                _ => days.push(ScheduleDay {
                    date,
                    start: event.start.clone(),
                    end: event.end.clone(),
                    events: vec![event],
                }),
            }
        }
        // A day's window is the hours its timed sessions take (the whole day if it has
        // none); its all-day sessions fill the window, so that apps' grids do not grow to
        // midnight for them.
        for day in &mut days {
            let window = |all_day_too: bool| {
                let events = || (day.events.iter()).filter(move |e| all_day_too || !e.all_day);
                let start = events().map(|e| e.start.clone()).min()?;
                Some((start, events().map(|e| e.end.clone()).max()?))
            };
            if let Some((start, end)) = window(false).or_else(|| window(true)) {
                day.start = start;
                day.end = end;
            }
            for e in day.events.iter_mut().filter(|e| e.all_day) {
                e.start = day.start.clone();
                e.end = day.end.clone();
            }
        }
        let first = days.first().map(|d| d.date);
        let last = days.last().map(|d| d.date);
        Schedule {
            programme: i,
            title: pt.front.title.clone(),
            acronym,
            zone: programme.timezone().to_owned(),
            first_day: pt
                .front
                .first_day
                .map(|d| d.0)
                .or(first)
                .unwrap_or_default(),
            last_day: pt.front.last_day.map(|d| d.0).or(last).unwrap_or_default(),
            days,
            tracks,
            rooms,
        }
    }

    /// The schedule's `version`, which apps show and compare to tell whether to reload: the
    /// date of the newest recorded change and how many there are, for people
    /// (`2026-01-15.3`), then a short fingerprint of what the schedule says, so that any
    /// other edit gives another version too. `text` is the schedule with a [`digest`] of each
    /// event in place of the event: `serve` keeps the digests with the events.
    fn version(&self, text: &str) -> String {
        let changes = || {
            self.days
                .iter()
                .flat_map(|d| &d.events)
                .flat_map(|e| &e.t.front.changes)
        };
        let newest = changes().map(|c| c.date.0).max();
        let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, text.as_bytes());
        let print = &id.simple().to_string()[..8];
        match newest {
            Some(date) => format!("{date}.{}-{print}", changes().count()),
            None => print.to_owned(),
        }
    }

    /// A room's UUID: of the programme and the room's name, the same in both formats.
    fn room_guid(&self, m: &Model, name: &str) -> uuid::Uuid {
        let programme = &m.programmes[self.programme];
        uuid::Uuid::new_v5(&programme.entry().uid(), format!("room:{name}").as_bytes())
    }
}

/// A digest of an export's part, for the version of the whole: a UUIDv5 (SHA-1) of it.
fn digest(text: &str) -> uuid::Uuid {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, text.as_bytes())
}

/// Session status as the calendar and apps know it.
fn is_cancelled(front: &SessionFront) -> bool {
    front.status == Some(Status::Cancelled)
}

/// A conference acronym of the c3voc pattern `^[a-z0-9_-][a-z0-9_]{3,}$`: the programme's
/// folder name in ASCII, with `_` for anything else.
fn acronym(key: &str) -> String {
    let name = key.rsplit('/').next().unwrap_or(key);
    let mut acronym: String = crate::text::ascii_fold(name, '_')
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    while acronym.len() < 4 {
        acronym.push('_');
    }
    acronym
}

/// A slug of `[a-z0-9-]`, ending in a letter or digit: `data-som-medel`,
/// `arbetstiden-arbetstid-kommunal-sektor` (folders joined with `-`).
fn slug_of(path: &str) -> String {
    crate::text::slug(path, "session")
}

/// What readers of `lang` are shown of a session, in which language, and whether it is
/// theirs (a session's calendar in a language exists only with its translation).
fn shown<'e>(
    e: &'e crate::model::Entry<SessionFront>,
    lang: &str,
    config: &Config,
) -> (Option<(&'e str, &'e SessionFront, &'e str)>, bool) {
    let t = e.pick(lang, config, config.list_untranslated);
    (
        t.map(|t| (t.lang.as_str(), &t.front, t.file().body_text())),
        e.get(lang).is_some(),
    )
}

/// The languages whose exports show a change of the sessions in `changed`: those where the
/// translation their readers are shown (their own, or another where the site lists
/// untranslated sessions) differs in its front matter or text. `None` (all) unless every
/// changed key is a session before and after and the model links entries as it did (which
/// speakers' pages list a session is the same in every language).
pub fn languages_seeing(
    before: &Model,
    after: &Model,
    config: &Config,
    changed: &ChangedKeys,
) -> Option<BTreeSet<String>> {
    if !changed.folders.is_empty() || before.links_revision() != after.links_revision() {
        return None;
    }
    let mut langs = BTreeSet::new();
    for key in &changed.keys {
        let (Some((Kind::Session, was)), Some((Kind::Session, is))) =
            (before.find(key), after.find(key))
        else {
            return None;
        };
        let (was, is) = (&before.sessions[was].entry(), &after.sessions[is].entry());
        for language in &config.languages {
            let lang = language.code.as_str();
            if shown(was, lang, config) != shown(is, lang, config) {
                langs.insert(language.code.clone());
            }
        }
    }
    Some(langs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_slugs_follow_the_c3voc_patterns() {
        assert_eq!(
            acronym("fremtidens-offentlige-sektor"),
            "fremtidens_offentlige_sektor"
        );
        assert_eq!(acronym("årsmøde"), "aarsmoede");
        assert_eq!(acronym("ab"), "ab__");
        assert_eq!(
            slug_of("arbetstiden/arbetstid-kommunal-sektor"),
            "arbetstiden-arbetstid-kommunal-sektor"
        );
        assert_eq!(slug_of("Søndag på Ø"), "soendag-paa-oe");
    }

    #[test]
    fn offsets_follow_the_zone_across_a_change_to_summer_time() {
        let tz = zone_of("Europe/Copenhagen");
        let at = |d: i8, h: i8| {
            rfc3339(
                &civil::date(2026, 3, d)
                    .at(h, 0, 0, 0)
                    .to_zoned(tz.clone())
                    .unwrap(),
            )
        };
        assert_eq!(at(28, 10), "2026-03-28T10:00:00+01:00");
        assert_eq!(at(29, 1), "2026-03-29T01:00:00+01:00");
        assert_eq!(at(29, 10), "2026-03-29T10:00:00+02:00");
    }
}
