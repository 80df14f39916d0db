//! `schedule.json`: the c3voc schedule schema v1, which pretalx and jekyll-theme-conference
//! read. Each event has exactly the schema's sixteen required keys; persons have the
//! pretalx shape (`name`, with `public_name` for older readers, and `guid`).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::frab::{event_title, format_name};
use super::{Cx, Schedule, ScheduleEvent, ScheduleMemo, rfc3339};
use crate::urls::Urls;

#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    generator: Generator,
    schedule: ScheduleJson<'a>,
}

#[derive(Serialize)]
struct Generator {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct ScheduleJson<'a> {
    version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<String>,
    conference: Conference<'a>,
}

#[derive(Serialize)]
struct Conference<'a> {
    acronym: &'a str,
    title: &'a str,
    start: String,
    end: String,
    #[serde(rename = "daysCount")]
    days_count: usize,
    timeslot_duration: &'static str,
    time_zone_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    rooms: Vec<Room<'a>>,
    tracks: Vec<Track<'a>>,
    days: Vec<Day>,
}

#[derive(Serialize)]
struct Room<'a> {
    name: &'a str,
    guid: String,
}

#[derive(Serialize)]
struct Track<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<&'a str>,
}

#[derive(Serialize)]
struct Day {
    index: usize,
    date: String,
    day_start: String,
    day_end: String,
    /// Each event as JSON already: `serve` keeps them between rebuilds.
    rooms: BTreeMap<String, Vec<Box<RawValue>>>,
}

#[derive(Serialize)]
struct Event {
    guid: String,
    id: u32,
    date: String,
    start: String,
    duration: String,
    room: String,
    slug: String,
    url: String,
    title: String,
    subtitle: Option<String>,
    track: Option<String>,
    #[serde(rename = "type")]
    kind: &'static str,
    language: Option<String>,
    #[serde(rename = "abstract")]
    summary: Option<String>,
    description: Option<String>,
    persons: Vec<Person>,
    links: Vec<Link>,
}

/// A person in pretalx's shape: `code` is the number `schedule.xml` gives them (the
/// schema's frab shape, with an integer `id`, may not be mixed with `name`).
#[derive(Serialize)]
struct Person {
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    guid: Option<String>,
    name: String,
    public_name: String,
    /// From the speaker page, if they have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    biography: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    avatar: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Link {
    #[serde(rename = "type")]
    kind: &'static str,
    url: String,
    title: String,
}

/// The schedule; each event's JSON is taken from `memo` where it was made from the same.
pub(super) fn schedule(
    cx: &Cx,
    s: &Schedule,
    mut memo: Option<&mut ScheduleMemo<(Box<RawValue>, uuid::Uuid)>>,
) -> String {
    let m = cx.model();
    let programme = &m.programmes[s.programme];
    let folder = Urls::page(cx.lang, &programme.entry().key);
    // What the version is made from: the days with a digest for each event's JSON.
    let mut prints: Vec<(String, BTreeMap<&str, Vec<String>>)> = Vec::new();
    let mut days: Vec<Day> = Vec::new();
    for (i, day) in s.days.iter().enumerate() {
        let mut rooms: BTreeMap<String, Vec<Box<RawValue>>> = BTreeMap::new();
        let mut print: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for e in &day.events {
            let (json, digest) = e.text(cx, &mut memo, || {
                let json = event(cx, &folder, e);
                let digest = super::digest(json.get());
                (json, digest)
            });
            rooms.entry(e.room.clone()).or_default().push(json);
            print
                .entry(e.room.as_str())
                .or_default()
                .push(digest.simple().to_string());
        }
        let day = Day {
            index: i + 1,
            date: day.date.to_string(),
            day_start: rfc3339(&day.start),
            day_end: rfc3339(&day.end),
            rooms,
        };
        let head = format!(
            "{} {} {} {}",
            day.index, day.date, day.day_start, day.day_end
        );
        prints.push((head, print));
        days.push(day);
    }
    let version = s.version(&serde_json::to_string(&prints).unwrap_or_default());
    let document = Document {
        schema: "https://c3voc.de/schedule/schema.json",
        generator: Generator {
            name: "samling",
            version: env!("CARGO_PKG_VERSION"),
        },
        schedule: ScheduleJson {
            version,
            base_url: cx.absolute(&folder),
            conference: Conference {
                acronym: &s.acronym,
                title: &s.title,
                start: s.first_day.to_string(),
                end: s.last_day.to_string(),
                days_count: s.days.len(),
                timeslot_duration: "00:15",
                time_zone_name: &s.zone,
                url: cx.absolute(&folder),
                rooms: s
                    .rooms
                    .iter()
                    .map(|name| Room {
                        name,
                        guid: s.room_guid(m, name).to_string(),
                    })
                    .collect(),
                tracks: (s.tracks.iter())
                    .map(|t| Track {
                        name: &t.name,
                        color: t.colour.as_deref(),
                    })
                    .collect(),
                days,
            },
        },
    };
    // Compact, as pretalx writes it: at a thousand sessions the indentation alone would
    // add a third to the file.
    let mut json = serde_json::to_string(&document).unwrap_or_default();
    json.push('\n');
    json
}

/// One event as JSON; `folder` is the schedule's.
fn event(cx: &Cx, folder: &str, e: &ScheduleEvent) -> Box<RawValue> {
    let m = cx.model();
    let minutes = (e.end.timestamp() - e.start.timestamp()).get_seconds() / 60;
    let f = &e.t.front;
    let page = Urls::page(&e.t.lang, &m.sessions[e.index].entry().key);
    let people = cx.people(e.t);
    let event = Event {
        guid: e.guid.to_string(),
        id: e.id,
        date: rfc3339(&e.start),
        start: e.start.time().strftime("%H:%M").to_string(),
        duration: format!("{:02}:{:02}", minutes / 60, minutes % 60),
        room: e.room.clone(),
        slug: e.slug.clone(),
        url: cx.link(folder, &page),
        title: event_title(cx, e.t),
        subtitle: cx.status_text(f),
        track: e.track.clone(),
        kind: f.format.map_or("talk", format_name),
        language: f.language.clone(),
        summary: f.summary.clone(),
        description: Some(cx.description(e, &people)).filter(|d| !d.is_empty()),
        persons: people.iter().map(|p| person(cx, p)).collect(),
        links: cx
            .event_links(e)
            .into_iter()
            .map(|(url, title)| Link {
                kind: "web",
                url,
                title,
            })
            .collect(),
    };
    // serde_json cannot fail on these types, nor read back what it wrote.
    let json = serde_json::to_string(&event).unwrap_or_default();
    RawValue::from_string(json).unwrap_or_else(|_| RawValue::NULL.to_owned())
}

/// A person of an event, with what their speaker page tells in this language.
fn person(cx: &Cx, p: &super::Person) -> Person {
    let m = cx.model();
    let ids = p.ids(m);
    let page = p
        .page
        .and_then(|s| Some((s, s.entry().pick(cx.lang, cx.ex.config, true)?)));
    Person {
        code: ids.map(|(_, number)| number.to_string()),
        guid: ids.map(|(guid, _)| guid.to_string()),
        name: p.name.clone(),
        public_name: p.name.clone(),
        biography: page
            .map(|(_, t)| crate::markdown::plain_text(t.file().body_text()))
            .filter(|b| !b.is_empty()),
        avatar: page.and_then(|(_, t)| cx.absolute(t.front.photo.as_ref()?)),
        url: page.and_then(|(s, t)| cx.absolute(&Urls::page(&t.lang, &s.entry().key))),
    }
}
