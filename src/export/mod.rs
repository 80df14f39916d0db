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
use std::sync::{Arc, Mutex, PoisonError};

use crate::config::Config;
use crate::diagnostic::Result;
use crate::front_matter::{Change, Date, SessionFront, SpeakerEntry, Status, Time};
use crate::locale::{Locale, Locales};
use crate::model::{Model, Session, Translation};
use crate::reads::{self, History, Memo};
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
/// stay: each session's calendar event and schedule entries per language, each with what
/// it read of the model, made again once something of that changed ([`reads::Memo`]). A
/// programme's calendar and schedules are then put together from its sessions' parts.
pub struct Kept {
    langs: Mutex<HashMap<String, KeptLang>>,
    history: Arc<History>,
}

#[derive(Default)]
struct KeptLang {
    /// Each session's `VEVENT`, by the session's content key.
    events: Memo<String, (), Option<ics::EventText>>,
    /// Each programme's schedule entries, by the programme's content key.
    schedules: HashMap<String, KeptSchedule>,
}

/// A programme's schedule entries in one language, by the session's content key. What an
/// entry shows also depends on its number and slug, which depend on the other sessions.
#[derive(Default)]
struct KeptSchedule {
    placed: Memo<String, (), Option<Placed>>,
    frab: ScheduleMemo<(String, uuid::Uuid)>,
    c3voc: ScheduleMemo<(Box<serde_json::value::RawValue>, uuid::Uuid)>,
}

/// Schedule entries by session, with what else decided them: the entry's number and slug,
/// and the numbers of its people (which depend on everyone's, on the rare collision).
type ScheduleMemo<V> = Memo<String, (u32, String, Vec<u32>, [Timestamp; 2]), V>;

/// A language's calendar events by session index, each with what making it read when the
/// exports are recorded: a calendar that shows an event reads what the event read.
struct Events {
    events: Vec<Option<ics::EventText>>,
    reads: Vec<Arc<[u64]>>,
}

impl Events {
    fn get(&self, s: usize) -> Option<&ics::EventText> {
        if let Some(made_with) = self.reads.get(s) {
            reads::replay(made_with);
        }
        self.events[s].as_ref()
    }
}

impl Kept {
    /// Parts kept as long as `history` says what they read did not change.
    pub fn new(history: Arc<History>) -> Kept {
        Kept {
            langs: Mutex::default(),
            history,
        }
    }

    fn take(&self, lang: &str) -> KeptLang {
        let mut langs = self.langs.lock().unwrap_or_else(PoisonError::into_inner);
        langs.remove(lang).unwrap_or_default()
    }

    fn put(&self, lang: &str, kept: KeptLang) {
        let mut langs = self.langs.lock().unwrap_or_else(PoisonError::into_inner);
        langs.insert(lang.to_owned(), kept);
    }
}

/// One export job in one language of the site ([`Exporter::jobs`]): what `serve` makes
/// again when something it read changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExportJob {
    /// Index into the configuration's languages.
    pub lang: usize,
    pub job: Job,
}

/// The files one job made, with what it read of the model if the exports were recorded.
pub struct JobFiles {
    pub job: ExportJob,
    pub files: Vec<OutputFile>,
    pub reads: Vec<u64>,
}

/// The page an export link is shown on, without its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageOf {
    Programme(usize),
    Session(usize),
    Speaker(usize),
    Series(usize),
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
    /// A meeting series' feed of its agendas and minutes.
    pub series_feed: Option<String>,
}

impl<'a> Exporter<'a> {
    /// Every export file of the site, sorted by path.
    pub fn files(&self) -> Result<Vec<OutputFile>> {
        let mut files: Vec<OutputFile> = (self.make(None, false, None).into_iter())
            .flat_map(|job| job.files)
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// Every export file of the site, each given to `each` as soon as its job has made it,
    /// from any thread and in no particular order: a build writes them as they come instead
    /// of holding them all (the schedules carry every session's text).
    pub fn each_file(&self, each: &(dyn Fn(OutputFile) + Sync)) {
        self.make(None, false, Some(each));
    }

    /// Every job of the site, language by language: each language's feed, and the
    /// calendars and schedules of each programme, session and speaker.
    pub fn jobs(&self) -> Vec<ExportJob> {
        let m = self.model;
        // Which items there are, in order (a read of each collection's members): a job is
        // known by its item's identity.
        let (programmes, sessions, speakers, series) = (
            m.programmes.iter().count(),
            m.sessions.iter().count(),
            m.speakers.iter().count(),
            m.series.iter().count(),
        );
        let jobs: Vec<Job> = std::iter::once(Job::Feed)
            .chain((0..programmes).map(Job::ProgrammeCalendar))
            .chain((0..programmes).map(Job::ProgrammeSchedules))
            .chain((0..sessions).map(Job::Session))
            .chain((0..speakers).map(Job::Speaker))
            .chain((0..series).map(Job::Series))
            .collect();
        (0..self.config.languages.len())
            .flat_map(|lang| jobs.iter().map(move |&job| ExportJob { lang, job }))
            .collect()
    }

    /// The files of `jobs` (of every job if `None`), each job's with what it read of the
    /// model ([`crate::reads`]), for `serve`.
    pub fn files_recorded(&self, jobs: Option<&[ExportJob]>) -> Vec<JobFiles> {
        self.make(jobs, true, None)
    }

    /// The files of `jobs` (all if `None`), job by job; what each read if `record`. With
    /// `each`, the files go to it as they are made instead of into the jobs' lists.
    fn make(
        &self,
        jobs: Option<&[ExportJob]>,
        record: bool,
        each: Option<&(dyn Fn(OutputFile) + Sync)>,
    ) -> Vec<JobFiles> {
        let m = self.model;
        let zones: Vec<ics::ProgrammeZone> = (m.programmes.unrecorded().iter())
            .map(|p| ics::ProgrammeZone::new(p.timezone()))
            .collect();
        let all = jobs.is_none().then(|| self.jobs());
        let jobs = jobs.or(all.as_deref()).unwrap_or_default();
        // The languages side by side: after an edit each has only a few files to make.
        (0..self.config.languages.len())
            .into_par_iter()
            .flat_map_iter(|lang| {
                let of_lang: Vec<Job> = (jobs.iter())
                    .filter(|job| job.lang == lang)
                    .map(|job| job.job)
                    .collect();
                let code = &self.config.languages[lang].code;
                let files = if of_lang.is_empty() {
                    Vec::new()
                } else {
                    let every = all.is_some();
                    self.language_files(code, &of_lang, every, &zones, record, each)
                };
                (files.into_iter()).map(move |(job, files, reads)| JobFiles {
                    job: ExportJob { lang, job },
                    files,
                    reads,
                })
            })
            .collect()
    }

    /// The files of `jobs` in `lang`, job by job, with what each read if `record`; only the
    /// events of the sessions the jobs show are made (of all sessions if `every`).
    fn language_files(
        &self,
        lang: &str,
        jobs: &[Job],
        every: bool,
        zones: &[ics::ProgrammeZone],
        record: bool,
        each: Option<&(dyn Fn(OutputFile) + Sync)>,
    ) -> Vec<(Job, Vec<OutputFile>, Vec<u64>)> {
        let m = self.model;
        let Some(locale) = self.locales.get(lang) else {
            return Vec::new();
        };
        // The sessions whose events the jobs' files show.
        let needed: Option<BTreeSet<usize>> = (!every).then(|| {
            let mut needed = BTreeSet::new();
            for job in jobs {
                match *job {
                    Job::Feed | Job::Series(_) => {}
                    Job::ProgrammeCalendar(p) => needed.extend(m.programmes[p].sessions()),
                    Job::ProgrammeSchedules(_) => {}
                    Job::Session(s) => {
                        needed.insert(s);
                    }
                    Job::Speaker(s) => needed.extend(m.speakers[s].sessions()),
                }
            }
            needed
        });
        let mut kept = self.kept.map(|k| k.take(lang));
        let cx = Cx {
            ex: *self,
            locale,
            lang,
            urls: Urls::new(self.config),
        };
        // Each session's event once per language, for its own, its programme's and its
        // speakers' calendars: with what making it read, and whether it was made now.
        type Made = (Option<ics::EventText>, Option<Arc<[u64]>>, bool);
        let history = cx.history();
        let made: Vec<Made> = (0..m.sessions.len())
            .into_par_iter()
            .map(|s| {
                if needed.as_ref().is_some_and(|n| !n.contains(&s)) {
                    return (None, None, false);
                }
                let make = || {
                    let t = cx.pick(s)?;
                    let programme = m.sessions[s].programme();
                    // Read here: the zones were looked up once, unrecorded.
                    _ = m.programmes[programme].timezone();
                    ics::event(&cx, s, t, &zones[programme])
                };
                if !record {
                    return (make(), None, false);
                }
                if let (Some(kept), Some(history)) = (&kept, history)
                    && let Some((event, made_with)) =
                        kept.events
                            .get(history, m.sessions[s].entry().key.as_str(), &())
                {
                    return (event.clone(), Some(Arc::clone(made_with)), false);
                }
                let (event, made_with) = reads::recorded(make);
                (event, Some(made_with.into()), true)
            })
            .collect();
        let mut events = Events {
            events: Vec::with_capacity(made.len()),
            reads: Vec::with_capacity(if record { made.len() } else { 0 }),
        };
        for (s, (event, made_with, made_now)) in made.into_iter().enumerate() {
            if let (Some(kept), Some(history), Some(made_with), true) =
                (&mut kept, history, &made_with, made_now)
            {
                let key = m.sessions[s].entry().key.clone();
                kept.events
                    .keep(history, key, (), event.clone(), Arc::clone(made_with));
            }
            events.events.push(event);
            if record {
                events
                    .reads
                    .push(made_with.unwrap_or_else(|| Arc::from([])));
            }
        }
        let schedules = kept
            .as_mut()
            .map(|k| Mutex::new(std::mem::take(&mut k.schedules)));
        let files = jobs
            .par_iter()
            .map(|&job| {
                let make = || cx.job(job, &events, schedules.as_ref());
                if let Some(each) = each {
                    make().into_iter().for_each(each);
                    return (job, Vec::new(), Vec::new());
                }
                if record {
                    let (files, reads) = reads::recorded(make);
                    (job, files, reads)
                } else {
                    (job, make(), Vec::new())
                }
            })
            .collect();
        if let (Some(keeper), Some(mut kept)) = (self.kept, kept) {
            kept.schedules = schedules
                .map(|s| s.into_inner().unwrap_or_else(PoisonError::into_inner))
                .unwrap_or_default();
            keeper.put(lang, kept);
        }
        files
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
            PageOf::Series(i) => {
                let series = &m.series[i];
                if series.get(lang).is_some() {
                    links.series_feed = Some(at(&series.key, FEED_FILE));
                    if (m.meetings_in(i).iter()).any(|&j| {
                        m.minutes[j]
                            .get(lang)
                            .is_some_and(|t| t.front.date.is_some())
                    }) {
                        links.calendar = Some(at(&series.key, CALENDAR_FILE));
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

/// What an export job makes: a language's feed, or the calendars and schedules of one
/// programme, session or speaker (by index in the model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    Feed,
    /// A programme's calendar, apart from its schedules so that both can be made at once.
    ProgrammeCalendar(usize),
    /// A programme's schedules.
    ProgrammeSchedules(usize),
    Session(usize),
    Speaker(usize),
    /// A meeting series' feed and calendar.
    Series(usize),
}

/// One export file's context: the language it is written in.
struct Cx<'a> {
    ex: Exporter<'a>,
    locale: &'a Locale,
    lang: &'a str,
    urls: Urls,
}

impl<'a> Cx<'a> {
    /// When what `serve`'s kept parts read last changed; `None` in a build, which keeps none.
    fn history(&self) -> Option<&'a History> {
        self.ex.kept.map(|k| &*k.history)
    }

    /// The files of `job` in this language; `events` are the language's sessions' events,
    /// `kept` the schedule entries `serve` keeps, by programme.
    fn job(
        &self,
        job: Job,
        events: &Events,
        kept: Option<&Mutex<HashMap<String, KeptSchedule>>>,
    ) -> Vec<OutputFile> {
        let m = self.model();
        let lang = self.lang;
        let file = |path: String, text: String| OutputFile {
            path,
            bytes: text.into_bytes(),
        };
        // The calendar file of the page with content key `key`, if it has one.
        let calendar = |key: &str, text: Option<String>| -> Vec<OutputFile> {
            let dir = Urls::page(lang, key);
            (text.map(|text| file(format!("{dir}{CALENDAR_FILE}"), text)))
                .into_iter()
                .collect()
        };
        match job {
            Job::Feed => vec![file(format!("{lang}/{FEED_FILE}"), atom::feed(self))],
            Job::Session(i) => calendar(&m.sessions[i].entry().key, ics::session(self, i, events)),
            Job::Speaker(i) => calendar(&m.speakers[i].entry().key, ics::speaker(self, i, events)),
            // A series' exports exist in its own languages.
            Job::Series(i) if m.series[i].get(lang).is_none() => Vec::new(),
            Job::Series(i) => {
                let key = &m.series[i].key;
                let mut files = vec![file(
                    format!("{}{FEED_FILE}", Urls::page(lang, key)),
                    atom::series(self, i),
                )];
                files.extend(calendar(key, ics::series(self, i)));
                files
            }
            // A programme's exports exist only in its own languages.
            Job::ProgrammeCalendar(i) | Job::ProgrammeSchedules(i)
                if m.programmes[i].entry().get(lang).is_none() =>
            {
                Vec::new()
            }
            Job::ProgrammeCalendar(i) => calendar(
                &m.programmes[i].entry().key,
                ics::programme(self, i, events),
            ),
            Job::ProgrammeSchedules(i) => {
                let dir = Urls::page(lang, &m.programmes[i].entry().key);
                let mut files = Vec::new();
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
        let (text, made_with) = e.description.get_or_init(|| {
            reads::carried(|| {
                let mut parts = vec![crate::markdown::plain_text(e.t.file().body_text())];
                parts.push(self.people_lines(people).join("\n"));
                parts.retain(|p| !p.is_empty());
                parts.join("\n\n")
            })
        });
        // The format that asks second reads what making it read.
        reads::replay(made_with);
        text.clone()
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
        When::at(front.date?, front.start, front.end, tz)
    }

    /// As [`When::of`], of a date and times.
    fn at(date: Date, start: Option<Time>, end: Option<Time>, tz: &TimeZone) -> Option<When> {
        let date = date.0;
        let Some(start) = start else {
            return Some(When::Day(date));
        };
        let start_dt = date.to_datetime(start.0);
        let end_dt = match end {
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
    /// What making it read of the model: what its entries' texts read too.
    made_with: Arc<[u64]>,
    /// [`Cx::description`], made by whichever format asks first, with what it read.
    description: std::sync::OnceLock<(String, Arc<[u64]>)>,
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
    fn made_from(&self, m: &Model) -> (u32, String, Vec<u32>, [Timestamp; 2]) {
        let f = &self.t.front;
        let numbers = (f.speakers.iter().chain(&f.moderator))
            .filter_map(|entry| Some(m.person_number(m.person_of(entry)?)))
            .collect();
        let times = [self.start.timestamp(), self.end.timestamp()];
        (self.id, self.slug.clone(), numbers, times)
    }

    /// The entry's text: kept in `memo` if made from the same, else made by `make`.
    fn text<V: Clone>(
        &self,
        cx: &Cx,
        memo: &mut Option<&mut ScheduleMemo<V>>,
        make: impl FnOnce() -> V,
    ) -> V {
        let (Some(memo), Some(history)) = (memo, cx.history()) else {
            return make();
        };
        let key = cx.model().sessions[self.index].entry().key.as_str();
        // A memo's key is no read: the value brings its own reads, which include what the
        // event it is made from read.
        let from = reads::unrecorded(|| self.made_from(cx.model()));
        memo.kept_or_made(history, key, from, || {
            reads::replay(&self.made_with);
            make()
        })
    }
}

impl<'a> Schedule<'a> {
    /// Programme `i`'s schedule; where and when each session is comes from `kept` where it
    /// was made from the same entries.
    fn of(
        cx: &Cx<'a>,
        i: usize,
        mut kept: Option<&mut Memo<String, (), Option<Placed>>>,
    ) -> Schedule<'a> {
        let m = cx.model();
        let programme = &m.programmes[i];
        // Where each session is shows these: each place kept reads what they read.
        let ((pt, tz), programme_reads) = reads::carried(|| {
            let pt = programme.entry().rendered_in(cx.lang);
            (pt, zone_of(programme.timezone()))
        });
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
                reads::replay(&programme_reads);
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
            // What the event is made of, with what that read: its entries' texts, made
            // from it, read the same (the place kept brings the reads it was made with).
            let ((placed, t), made_with) = reads::carried(|| {
                let placed = match (kept.as_deref_mut(), cx.history()) {
                    (Some(memo), Some(history)) => {
                        memo.kept_or_made(history, session.entry().key.as_str(), (), place)
                    }
                    _ => place(),
                };
                (placed, cx.pick(s))
            });
            let (Some(placed), Some(t)) = (placed, t) else {
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
                made_with,
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
