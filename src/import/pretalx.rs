//! pretalx's `schedule.json`: the c3voc schedule schema v1 (what `/schedule/export/schedule.json`
//! of a pretalx event and samling's own `schedule.json` write).

use std::path::Path;

use serde::Deserialize;

use super::{Event, Person, Schedule, Track, line_of, problem};
use crate::diagnostic::Diagnostic;

#[derive(Deserialize)]
struct Document {
    schedule: ScheduleJson,
}

#[derive(Deserialize)]
struct ScheduleJson {
    conference: Conference,
}

#[derive(Deserialize)]
struct Conference {
    acronym: String,
    title: String,
    start: String,
    end: String,
    time_zone_name: Option<String>,
    #[serde(default)]
    tracks: Vec<TrackJson>,
    days: Vec<Day>,
}

#[derive(Deserialize)]
struct TrackJson {
    name: String,
    color: Option<String>,
}

#[derive(Deserialize)]
struct Day {
    rooms: std::collections::BTreeMap<String, Vec<EventJson>>,
}

#[derive(Deserialize)]
struct EventJson {
    guid: Option<String>,
    id: Option<u64>,
    code: Option<String>,
    date: String,
    start: Option<String>,
    end: Option<String>,
    duration: Option<String>,
    room: Option<String>,
    slug: Option<String>,
    title: String,
    subtitle: Option<String>,
    track: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    language: Option<String>,
    #[serde(rename = "abstract")]
    summary: Option<String>,
    description: Option<String>,
    #[serde(default)]
    persons: Vec<PersonJson>,
}

#[derive(Deserialize)]
struct PersonJson {
    code: Option<String>,
    guid: Option<String>,
    id: Option<u64>,
    name: Option<String>,
    public_name: Option<String>,
    biography: Option<String>,
}

/// The schedule in `text`, read from the file at `path`.
pub(super) fn parse(path: &Path, text: &str) -> Result<Schedule, Diagnostic> {
    let document: Document = serde_json::from_str(text).map_err(|e| {
        let mut d = Diagnostic::new(path, format!("not a pretalx schedule.json: {e}"))
            .with_hint("give the schedule.json that pretalx (or samling) exports, in the c3voc schedule schema");
        if e.line() > 0 {
            d.position = Some((e.line(), e.column()));
        }
        d
    })?;
    let c = document.schedule.conference;
    let mut events = Vec::new();
    for day in c.days {
        for (room_name, room_events) in day.rooms {
            for e in room_events {
                let id = match (&e.guid, e.id, &e.code) {
                    (Some(guid), _, _) => guid.clone(),
                    (None, Some(id), _) => id.to_string(),
                    (None, None, Some(code)) => code.clone(),
                    (None, None, None) => {
                        return Err(problem(
                            path,
                            line_of(text, &e.title),
                            format!("the event \"{}\" has no guid, id or code", e.title),
                            "each event needs a guid (or id) to be matched across languages and imports",
                        ));
                    }
                };
                let line = line_of(text, &id);
                let persons = e
                    .persons
                    .into_iter()
                    .map(|p| {
                        let name = p.name.or(p.public_name).unwrap_or_default();
                        let key = p.guid.clone().or(p.code).or(p.id.map(|id| id.to_string()));
                        Person {
                            key,
                            guid: p.guid,
                            name,
                            biography: p.biography.filter(|b| !b.trim().is_empty()),
                        }
                    })
                    .collect();
                events.push(Event {
                    id,
                    slug: e.slug,
                    title: e.title,
                    subtitle: e.subtitle,
                    date: e.date,
                    start: e.start,
                    end: e.end,
                    duration: e.duration,
                    room: e.room.unwrap_or_else(|| room_name.clone()),
                    track: e.track.filter(|t| !t.trim().is_empty()),
                    kind: e.kind,
                    language: e.language,
                    summary: e.summary,
                    description: e.description,
                    persons,
                    line,
                });
            }
        }
    }
    Ok(Schedule {
        path: path.to_owned(),
        lang: String::new(),
        acronym: c.acronym,
        title: c.title,
        start: c.start,
        end: c.end,
        zone: c.time_zone_name,
        tracks: c
            .tracks
            .into_iter()
            .map(|t| Track {
                name: t.name,
                colour: t.color,
            })
            .collect(),
        events,
    })
}
