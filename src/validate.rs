//! Validate stage: checks that need the whole linked model (dates, zones, languages, paths).

use std::collections::BTreeMap;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::front_matter::{Date, SessionFront, Status, Time};
use crate::model::{Entry, Model, Translation, at_field};

/// Every problem found; empty when the model can be rendered.
pub fn validate(
    model: &Model,
    config: &Config,
    static_exists: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for programme in &model.programmes {
        for t in &programme.entry.translations {
            let f = &t.front;
            if let (Some(first), Some(last)) = (f.first_day, f.last_day)
                && last < first
            {
                problems.push(at_field(
                    &t.file,
                    "last_day",
                    "the last day is before the first day",
                ));
            }
            if let Some(zone) = &f.timezone
                && jiff::tz::TimeZone::get(zone).is_err()
            {
                problems.push(
                    at_field(&t.file, "timezone", &format!("unknown time zone `{zone}`"))
                        .with_hint("use an IANA name such as `Europe/Stockholm`"),
                );
            }
            for round in f.practical.iter().flat_map(|p| &p.rounds) {
                if round.last_day.is_some_and(|last| last < round.first_day) {
                    problems.push(at_field(
                        &t.file,
                        "last_day",
                        "a round ends before it starts",
                    ));
                }
            }
        }
    }
    for session in &model.sessions {
        for t in &session.entry.translations {
            let f = &t.front;
            if let (Some(start), Some(end)) = (f.start, f.end)
                && end < start
            {
                problems.push(at_field(
                    &t.file,
                    "end",
                    "the session ends before it starts",
                ));
            }
            if f.end.is_some() && f.start.is_none() {
                problems.push(at_field(
                    &t.file,
                    "end",
                    "the session has an end but no start",
                ));
            }
            if let Some(code) = &f.language
                && config.language(code).is_none()
            {
                let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
                problems.push(
                    at_field(
                        &t.file,
                        "language",
                        &format!("`{code}` is not a language of this site"),
                    )
                    .with_hint(format!(
                        "the languages in config.toml are: {}",
                        codes.join(", ")
                    )),
                );
            }
        }
    }
    sessions_in_programme_days(model, config, &mut problems);
    rooms_booked_twice(model, config, &mut problems);
    for speaker in &model.speakers {
        for t in &speaker.entry.translations {
            if let Some(photo) = &t.front.photo
                && !static_exists(photo)
            {
                problems.push(
                    at_field(&t.file, "photo", &format!("no file `{photo}` in static/"))
                        .with_hint("put the photo in the site's static/ folder"),
                );
            }
        }
    }
    duplicate_paths(model, config, &mut problems);
    problems
}

/// Two pages must never be written to the same address.
fn duplicate_paths(model: &Model, config: &Config, problems: &mut Vec<Diagnostic>) {
    fn claim<F>(
        owners: &mut BTreeMap<String, String>,
        entry: &Entry<F>,
        problems: &mut Vec<Diagnostic>,
    ) {
        let file = &entry.translations[0].file;
        if let Some(other) = owners.insert(entry.key.clone(), file.path.display().to_string()) {
            problems.push(
                Diagnostic::new(
                    &file.path,
                    format!(
                        "another page is written to the same address `{}/`",
                        entry.key
                    ),
                )
                .with_hint(format!("{other} has that address too")),
            );
        }
    }
    let mut owners = BTreeMap::new();
    owners.insert(
        config.speakers_path.trim_matches('/').to_owned(),
        "the speakers index (speakers_path in config.toml)".to_owned(),
    );
    for (path, what) in [
        (crate::render::SEARCH_PATH, "the search page"),
        (
            crate::render::MY_PROGRAMME_PATH,
            "the page \"my programme\"",
        ),
    ] {
        owners.insert(path.to_owned(), what.to_owned());
    }
    for p in &model.pages {
        claim(&mut owners, p, problems);
    }
    for m in &model.minutes {
        claim(&mut owners, m, problems);
    }
    for p in &model.programmes {
        claim(&mut owners, &p.entry, problems);
    }
}

/// A session dated outside its programme's first and last day is a typo in one of them.
fn sessions_in_programme_days(model: &Model, config: &Config, problems: &mut Vec<Diagnostic>) {
    for session in &model.sessions {
        let programme = &model.programmes[session.programme];
        let front = &programme.entry.primary(config).front;
        let Some(first) = front.first_day else {
            continue;
        };
        let last = front.last_day.unwrap_or(first);
        for t in &session.entry.translations {
            let Some(date) = t.front.date else { continue };
            if date < first || date > last {
                let days = if first == last {
                    first.0.to_string()
                } else {
                    format!("{} to {}", first.0, last.0)
                };
                problems.push(
                    at_field(
                        &t.file,
                        "date",
                        &format!(
                            "the session is on {}, outside its programme's days ({days})",
                            date.0
                        ),
                    )
                    .with_hint(format!(
                        "correct the date, or first_day/last_day in {}",
                        programme.entry.primary(config).file.path.display()
                    )),
                );
            }
        }
    }
}

/// Two sessions of one programme in the same room at overlapping times. Cancelled and
/// moved sessions free their room.
fn rooms_booked_twice(model: &Model, config: &Config, problems: &mut Vec<Diagnostic>) {
    type Booking<'m> = (Time, Time, &'m Translation<SessionFront>);
    let mut rooms: BTreeMap<(usize, Date, String), Vec<Booking>> = BTreeMap::new();
    for session in &model.sessions {
        let t = session.entry.primary(config);
        let f = &t.front;
        if matches!(f.status, Some(Status::Cancelled | Status::Moved)) {
            continue;
        }
        if let (Some(room), Some(date), Some(start), Some(end)) = (&f.room, f.date, f.start, f.end)
        {
            let room = room.trim().to_lowercase();
            rooms
                .entry((session.programme, date, room))
                .or_default()
                .push((start, end, t));
        }
    }
    for bookings in rooms.values_mut() {
        bookings.sort_by_key(|(start, end, t)| (*start, *end, t.file.path.clone()));
        // The booking that ends last so far: a later one starting before that overlaps it.
        let mut latest: Option<&Booking> = None;
        for booking in bookings.iter() {
            let (start, end, t) = booking;
            if let Some((other_start, other_end, other)) = latest
                && *start < *other_end
            {
                let time = |x: &Time| x.0.strftime("%H:%M").to_string();
                problems.push(
                    at_field(
                        &t.file,
                        "room",
                        &format!(
                            "the room is booked twice: {}–{} here, {}–{} in {}",
                            time(start),
                            time(end),
                            time(other_start),
                            time(other_end),
                            other.file.path.display()
                        ),
                    )
                    .with_hint("give one of the sessions another room or time"),
                );
            }
            if latest.is_none_or(|(_, other_end, _)| end > other_end) {
                latest = Some(booking);
            }
        }
    }
}
