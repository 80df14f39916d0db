//! Each language's search index: its documents, made from the model, and the index script.
//!
//! `serve` makes the index again after every edit that changes what it shows. It keeps each
//! document with what it read of the model ([`crate::reads::Memo`]), and the index's parts
//! ([`IndexState`]): only documents that read something that changed are made, split into
//! terms and written again.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use super::views::ViewBuilder;
use super::{Job, Renderer, link_or_key, timetable};
use crate::diagnostic::Diagnostic;
use crate::front_matter::{Date, MeetingStatus, SpeakerEntry, Status, Time};
use crate::reads::{History, Memo};
use crate::search::{Document, IndexState, SessionData};

/// The search indexes as last made, by language; kept by [`super::Templates`] while the
/// templates, locales and configuration stay.
pub(super) struct SearchCache {
    langs: Mutex<HashMap<String, LangIndex>>,
    history: Arc<History>,
}

impl SearchCache {
    pub(super) fn new(history: Arc<History>) -> SearchCache {
        SearchCache {
            langs: Mutex::default(),
            history,
        }
    }
}

#[derive(Default)]
struct LangIndex {
    /// By the content key of the entry each is about; `None`: the entry has no document
    /// in this language.
    documents: KeptDocuments,
    index: IndexState,
}

/// Documents by the content key of the entry each is about.
type KeptDocuments = Memo<String, (), Option<Arc<Document>>>;

/// The documents made in one pass, in order, each taken from `kept` if it still holds.
struct Documents<'c> {
    kept: Option<(&'c mut KeptDocuments, &'c History)>,
    list: Vec<Arc<Document>>,
}

impl Documents<'_> {
    /// Adds the document about the entry `key`, made by `make` unless kept.
    fn add(&mut self, key: &str, make: impl FnOnce() -> Option<Document>) {
        let make = || make().map(Arc::new);
        let doc = match &mut self.kept {
            Some((memo, history)) => memo.kept_or_made(history, key, (), make),
            None => make(),
        };
        self.list.extend(doc);
    }
}

impl<'a> Renderer<'a> {
    /// The search index script of `lang`.
    pub(super) fn search_index(&self, lang: &'a str) -> Result<String, Diagnostic> {
        let cache = self.templates.search.get();
        let mut state = cache.and_then(|c| lock(c).remove(lang)).unwrap_or_default();
        let kept = cache.map(|c| (&mut state.documents, &*c.history));
        let list = self.search_documents(lang, kept)?;
        let script = state.index.script(lang, &list);
        if let Some(cache) = cache {
            lock(cache).insert(lang.to_owned(), state);
        }
        Ok(script)
    }

    /// What the search page finds in `lang`: themes, speakers with pages, and sessions with
    /// their calendar data (which "my programme" uses as well).
    fn search_documents(
        &self,
        lang: &'a str,
        kept: Option<(&mut KeptDocuments, &History)>,
    ) -> Result<Vec<Arc<Document>>, Diagnostic> {
        let m = self.model;
        let locale = self
            .locales
            .get(lang)
            .ok_or_else(|| Diagnostic::new("config.toml", format!("no locale for `{lang}`")))?;
        let v = ViewBuilder {
            model: m,
            config: self.config,
            locale,
            urls: &self.urls,
            lang,
            from: String::new(),
        };
        let mut docs = Documents {
            kept,
            list: Vec::new(),
        };
        for &p in m.programmes.iter().flat_map(|p| p.themes()) {
            let theme = &m.themes[p];
            let programme = &m.programmes[theme.programme()].entry();
            docs.add(&theme.entry().key, || {
                let t = v.pick(theme.entry())?;
                let programme = link_or_key(&v, programme, |f| &f.title);
                Some(Document {
                    kind: "theme",
                    title: t.front.title.clone(),
                    address: v.link_to(t, &theme.entry().key, "").url,
                    lang: v.other_lang(t),
                    detail: vec![programme.title.clone()],
                    session: None,
                    text: join(&[t.front.summary.as_deref(), Some(&programme.title)]),
                })
            });
        }
        for speaker in m.speakers.iter() {
            docs.add(&speaker.entry().key, || {
                let t = v.pick(speaker.entry())?;
                let detail = parts(&[t.front.role.as_deref(), t.front.organisation.as_deref()]);
                Some(Document {
                    kind: "speaker",
                    title: t.front.name.clone(),
                    address: v.link_to(t, &speaker.entry().key, "").url,
                    lang: v.other_lang(t),
                    text: detail.join(" "),
                    detail,
                    session: None,
                })
            });
        }
        for (i, person) in m.inline_speakers.iter().enumerate() {
            if !person
                .sessions()
                .iter()
                .any(|&s| v.sees(m.sessions[s].entry()))
            {
                continue;
            }
            docs.list.push(Arc::new(Document {
                kind: "speaker",
                title: person.name().to_owned(),
                address: self
                    .urls
                    .link("", &self.address(Job::InlineSpeaker(i, lang))),
                lang: None,
                detail: Vec::new(),
                session: None,
                text: String::new(),
            }));
        }
        // Sessions share days, times and themes: each is formatted once.
        let mut day_texts: BTreeMap<Date, String> = BTreeMap::new();
        let mut time_texts: BTreeMap<(Option<Time>, Option<Time>), Option<String>> =
            BTreeMap::new();
        let status_text = |status: Status| {
            let name = serde_json::to_value(status).ok()?;
            locale
                .message(&format!("status-{}", name.as_str()?), None)
                .ok()
        };
        for programme in m.programmes.iter() {
            // Shown in each session's document: what it read, each document reads.
            let ((zone, programme_title), programme_reads) = crate::reads::carried(|| {
                let zone = jiff::tz::TimeZone::get(programme.timezone()).ok();
                let title = v
                    .pick(programme.entry())
                    .map(|t| t.front.title.clone())
                    .unwrap_or_default();
                (zone, title)
            });
            for &s in programme.sessions() {
                let session = &m.sessions[s];
                let speaker_of = |id: &str| {
                    m.speakers
                        .search_by(|p| p.id().cmp(id))
                        .map(|i| &m.speakers[i])
                };
                docs.add(&session.entry().key, || {
                    crate::reads::replay(&programme_reads);
                    let t = v.pick(session.entry())?;
                    let f = &t.front;
                    let date_text = f.date.map(|d| {
                        day_texts
                            .entry(d)
                            .or_insert_with(|| locale.full_date(d))
                            .clone()
                    });
                    let times = time_texts
                        .entry((f.start, f.end))
                        .or_insert_with(|| {
                            let mut args = fluent::FluentArgs::new();
                            args.set("start", locale.time(f.start?));
                            match f.end {
                                Some(end) => {
                                    args.set("end", locale.time(end));
                                    locale.message("time-range", Some(&args)).ok()
                                }
                                None => locale.message("time-start", Some(&args)).ok(),
                            }
                        })
                        .clone();
                    let status = f
                        .status
                        .filter(|s| *s != Status::Confirmed)
                        .and_then(status_text);
                    let detail = parts(&[
                        date_text.as_deref(),
                        times.as_deref(),
                        f.room.as_deref(),
                        Some(&programme_title),
                        status.as_deref(),
                    ]);
                    let people: Vec<String> = f
                        .speakers
                        .iter()
                        .chain(&f.moderator)
                        .map(|e| match e {
                            SpeakerEntry::Inline { name, .. } => name.clone(),
                            SpeakerEntry::Reference { id, .. } => speaker_of(id)
                                .and_then(|p| p.entry().pick(lang, self.config, true))
                                .map_or_else(|| id.clone(), |p| p.front.name.clone()),
                        })
                        .collect();
                    let theme = (session.theme())
                        .and_then(|i| v.pick(m.themes[i].entry()).map(|t| t.front.title.clone()));
                    let text = join(&[
                        f.summary.as_deref(),
                        Some(&people.join(" ")),
                        theme.as_deref(),
                        f.room.as_deref(),
                        Some(&f.tags.join(" ")),
                    ]);
                    // The default language's times, in every language.
                    let [primary_start, primary_end] = session.times();
                    let (mut start, mut minutes, mut date) = (None, None, None);
                    if let (Some(day), Some(zone)) = (session.date(), zone.as_ref()) {
                        match primary_start {
                            Some(from) => {
                                let begins = timetable::zoned(day, from, zone);
                                start = begins.as_ref().map(timetable::utc_stamp);
                                let ends = primary_end
                                    .and_then(|to| timetable::end_moment(day, from, to, zone));
                                if let (Some(b), Some(e)) = (&begins, &ends) {
                                    minutes = Some(
                                        e.timestamp()
                                            .as_second()
                                            .saturating_sub(b.timestamp().as_second())
                                            / 60,
                                    );
                                }
                            }
                            None => date = Some(day.0.strftime("%Y%m%d").to_string()),
                        }
                    }
                    let place = m.place(session, t, lang, self.config);
                    Some(Document {
                        kind: "session",
                        title: f.title.clone(),
                        address: v.link_to(t, &session.entry().key, "").url,
                        lang: v.other_lang(t),
                        detail,
                        session: Some(SessionData {
                            uid: session.entry().uid().to_string(),
                            start,
                            minutes,
                            date,
                            location: place.parts().map(str::to_owned).collect(),
                            status: f.status,
                        }),
                        text,
                    })
                });
            }
        }
        for (j, meeting) in m.minutes.iter().enumerate() {
            // Which items there are decides which documents there are; what each shows is
            // read again inside it, where the memo records it.
            let Some(anchors) = v
                .pick(meeting)
                .map(|t| t.front.items.iter().map(|i| i.anchor()).collect::<Vec<_>>())
            else {
                continue;
            };
            let seen = |t: &crate::model::Translation<crate::front_matter::MinutesFront>| {
                let date_text = t.front.date.map(|d| locale.long_date(d));
                (v.link_to(t, &meeting.key, "").url, date_text)
            };
            docs.add(&meeting.key, || {
                let t = v.pick(meeting)?;
                let f = &t.front;
                let (address, date_text) = seen(t);
                let status = locale
                    .message(&format!("meeting-status-{}", f.status.name()), None)
                    .ok();
                let series = m
                    .series_of_meeting(j)
                    .and_then(|s| v.pick(&m.series[s]))
                    .map(|st| st.front.title.clone());
                Some(Document {
                    kind: "meeting",
                    title: f.title.clone(),
                    address,
                    lang: v.other_lang(t),
                    detail: parts(&[date_text.as_deref(), status.as_deref(), series.as_deref()]),
                    session: None,
                    text: join(&[f.summary.as_deref(), f.place.as_deref()]),
                })
            });
            // Each item on its own, found by its title, case number and decision; a closed
            // item by its title and case number alone, an agenda's without decisions.
            for anchor in anchors {
                docs.add(&format!("{}#{anchor}", meeting.key), || {
                    let t = v.pick(meeting)?;
                    let f = &t.front;
                    let item = f.items.iter().find(|i| i.anchor() == anchor)?;
                    let (address, date_text) = seen(t);
                    let mut number = fluent::FluentArgs::new();
                    number.set("number", item.number);
                    let label = locale.message("agenda-item", Some(&number)).ok()?;
                    let decision = (item.decision.as_deref())
                        .filter(|_| !item.closed && f.status == MeetingStatus::Minutes);
                    Some(Document {
                        kind: "item",
                        title: format!("{label}: {}", item.title),
                        address: format!("{address}#{anchor}"),
                        lang: v.other_lang(t),
                        detail: parts(&[Some(&f.title), date_text.as_deref()]),
                        session: None,
                        text: join(&[item.case.as_deref(), decision]),
                    })
                });
            }
        }
        Ok(docs.list)
    }
}

fn lock(cache: &SearchCache) -> std::sync::MutexGuard<'_, HashMap<String, LangIndex>> {
    cache.langs.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The parts of a line that are given; the browser joins them.
fn parts(parts: &[Option<&str>]) -> Vec<String> {
    parts
        .iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .map(|p| p.to_string())
        .collect()
}

fn join(list: &[Option<&str>]) -> String {
    parts(list).join(" ")
}
