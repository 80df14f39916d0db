//! Every `.ics` of a built site, read by an iCalendar parser (`calcard`) and compared with the
//! content (the Rust port of check_ics.py): RFC 5545 lines (CRLF, folded at 75 octets between
//! UTF-8 characters), one stable UID per session in every language, DTSTAMP (from changes and git commits, asked
//! of git), times with the
//! programme's TZID and a VTIMEZONE whose own rules (evaluated with the `rrule` crate) give
//! the zone database's offset (`chrono-tz`), also on the day the clocks change;
//! SUMMARY/DESCRIPTION/LOCATION/URL in the file's language, STATUS and SEQUENCE from the
//! content, and every calendar consistent with the sessions' own files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName,
    ICalendarParameterValue, ICalendarProperty, ICalendarValue, ICalendarValueType,
};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::site;

/// Changes that make a calendar app update its copy of an event.
const SIGNIFICANT: [&str; 2] = ["moved", "cancelled"];

/// What one run covered, for the caller to require (e.g. a session on a day the clocks change).
#[derive(Debug, Default)]
pub struct Covered {
    pub files: usize,
    pub session_calendars: usize,
    pub on_clock_change_days: usize,
    pub cancelled: usize,
    pub sequenced: usize,
    /// Session calendars stamped from their files' git commits.
    pub stamped_from_commits: usize,
}

/// RFC 5545 lines: CRLF, at most 75 octets, and folding never splits a UTF-8 character.
pub fn check_lines(path: &Path, raw: &[u8]) -> Result<(), String> {
    let p = path.display();
    let body = raw
        .strip_suffix(b"\r\n")
        .ok_or_else(|| format!("{p}: does not end with CRLF"))?;
    let mut rest = body;
    for n in 1.. {
        let (line, next) = match rest.windows(2).position(|w| w == b"\r\n") {
            Some(at) => (&rest[..at], Some(&rest[at + 2..])),
            None => (rest, None),
        };
        ensure!(
            !line.contains(&b'\n') && !line.contains(&b'\r'),
            "{p}:{n}: a bare line break"
        );
        ensure!(line.len() <= 75, "{p}:{n}: {} octets", line.len());
        ensure!(
            std::str::from_utf8(line).is_ok(),
            "{p}:{n}: folding splits a UTF-8 character"
        );
        match next {
            Some(next) => rest = next,
            None => break,
        }
    }
    Ok(())
}

pub fn parse(path: &Path, raw: &[u8]) -> Result<ICalendar, String> {
    let p = path.display();
    let text = std::str::from_utf8(raw).map_err(|e| format!("{p}: {e}"))?;
    // Not `.strict()`: calcard 0.3.14's strict mode rejects every nested BEGIN (it answers
    // InvalidLine("BEGIN") after a valid one), so no calendar with a VEVENT passes it. The
    // line rules strict mode would add are checked by `check_lines`.
    match calcard::Parser::new(text).entry() {
        calcard::Entry::ICalendar(cal) => Ok(cal),
        other => Err(format!("{p}: not an iCalendar object: {other:?}")),
    }
}

fn components(cal: &ICalendar, kind: ICalendarComponentType) -> Vec<&ICalendarComponent> {
    (cal.components.iter())
        .filter(|c| c.component_type == kind)
        .collect()
}

fn prop(c: &ICalendarComponent, name: ICalendarProperty) -> Option<&ICalendarEntry> {
    c.property(&name)
}

/// A property's value as text (TEXT, URI, and the enumerated values such as STATUS).
fn text(entry: &ICalendarEntry) -> String {
    let values: Vec<&str> = entry.values.iter().filter_map(|v| v.as_text()).collect();
    values.join(",")
}

fn text_of(c: &ICalendarComponent, name: ICalendarProperty) -> Option<String> {
    prop(c, name).map(text)
}

fn param(entry: &ICalendarEntry, name: ICalendarParameterName) -> Option<&str> {
    entry
        .parameter(&name)
        .and_then(ICalendarParameterValue::as_text)
}

fn is_date_valued(entry: &ICalendarEntry) -> bool {
    matches!(
        entry.parameter(&ICalendarParameterName::Value),
        Some(ICalendarParameterValue::Value(ICalendarValueType::Date))
    )
}

/// A DATE-TIME value: its wall-clock time, and its UTC offset in seconds when it has one
/// (`Z` is 0).
fn date_time(entry: &ICalendarEntry) -> Option<(NaiveDateTime, Option<i32>)> {
    let dt = entry.values.first()?.as_partial_date_time()?;
    let date = NaiveDate::from_ymd_opt(dt.year?.into(), dt.month?.into(), dt.day?.into())?;
    let time = NaiveTime::from_hms_opt(
        dt.hour?.into(),
        dt.minute?.into(),
        dt.second.unwrap_or(0).into(),
    )?;
    let offset = dt.tz_hour.map(|h| {
        let seconds = i32::from(h) * 3600 + i32::from(dt.tz_minute.unwrap_or(0)) * 60;
        if dt.tz_minus { -seconds } else { seconds }
    });
    Some((date.and_time(time), offset))
}

fn date_value(entry: &ICalendarEntry) -> Option<NaiveDate> {
    let dt = entry.values.first()?.as_partial_date_time()?;
    NaiveDate::from_ymd_opt(dt.year?.into(), dt.month?.into(), dt.day?.into())
}

/// A UTC offset value (TZOFFSETTO) in seconds.
fn utc_offset(entry: &ICalendarEntry) -> Option<i32> {
    let dt = entry.values.first()?.as_partial_date_time()?;
    let seconds = i32::from(dt.tz_hour?) * 3600 + i32::from(dt.tz_minute.unwrap_or(0)) * 60;
    Some(if dt.tz_minus { -seconds } else { seconds })
}

/// The offset the VTIMEZONE itself gives at the wall-clock time `local`: that of the latest
/// onset of its STANDARD and DAYLIGHT observances at or before it.
fn vtimezone_offset(
    cal: &ICalendar,
    zone: &ICalendarComponent,
    local: NaiveDateTime,
) -> Result<i32, String> {
    let mut best: Option<(NaiveDateTime, i32)> = None;
    for &id in &zone.component_ids {
        let sub = &cal.components[id as usize];
        if !matches!(
            sub.component_type,
            ICalendarComponentType::Standard | ICalendarComponentType::Daylight
        ) {
            continue;
        }
        let (start, _) = prop(sub, ICalendarProperty::Dtstart)
            .and_then(date_time)
            .ok_or("an observance without DTSTART")?;
        let to = prop(sub, ICalendarProperty::Tzoffsetto)
            .and_then(utc_offset)
            .ok_or("an observance without TZOFFSETTO")?;
        let onset = match prop(sub, ICalendarProperty::Rrule) {
            Some(rule) => latest_onset(start, &text_rrule(rule)?, local)?,
            None => Some(start).filter(|s| *s <= local),
        };
        if let Some(onset) = onset
            && best.is_none_or(|(b, _)| onset > b)
        {
            best = Some((onset, to));
        }
    }
    best.map(|(_, offset)| offset)
        .ok_or_else(|| format!("no observance before {local}"))
}

fn text_rrule(entry: &ICalendarEntry) -> Result<String, String> {
    match entry.values.first() {
        Some(ICalendarValue::RecurrenceRule(rule)) => Ok(rule.to_string()),
        other => Err(format!("RRULE {other:?}")),
    }
}

/// The latest occurrence at or before `local` of the rule starting at `start`. Wall-clock
/// times are reckoned as if in UTC, which has no gaps, so the arithmetic is exact.
fn latest_onset(
    start: NaiveDateTime,
    rule: &str,
    local: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, String> {
    let set: rrule::RRuleSet = format!("DTSTART:{}Z\nRRULE:{rule}", start.format("%Y%m%dT%H%M%S"))
        .parse()
        .map_err(|e| format!("RRULE:{rule}: {e}"))?;
    let latest = set
        .into_iter()
        .map(|d| d.naive_utc())
        .take_while(|d| *d <= local)
        .last();
    Ok(latest)
}

/// The zone database's offset at the wall-clock time `local`; in a gap, the offset before it
/// (as Python's zoneinfo with fold=0).
fn tzdb_offset(zone: chrono_tz::Tz, local: NaiveDateTime) -> i32 {
    use chrono::Offset;
    match zone.offset_from_local_datetime(&local) {
        chrono::LocalResult::Single(o) | chrono::LocalResult::Ambiguous(o, _) => {
            o.fix().local_minus_utc()
        }
        chrono::LocalResult::None => tzdb_offset(zone, local - Duration::hours(3)),
    }
}

/// The UTC instant of DTSTART/DTEND, worked out from the file's own VTIMEZONE, which must
/// agree with the zone database.
fn instant(cal: &ICalendar, entry: &ICalendarEntry, p: &str) -> Result<DateTime<Utc>, String> {
    let (local, offset) = date_time(entry).ok_or_else(|| format!("{p}: {entry:?} is no time"))?;
    if let Some(tzid) = param(entry, ICalendarParameterName::Tzid) {
        let zones: Vec<_> = components(cal, ICalendarComponentType::VTimezone)
            .into_iter()
            .filter(|z| text_of(z, ICalendarProperty::Tzid).as_deref() == Some(tzid))
            .collect();
        ensure!(zones.len() == 1, "{p}: TZID {tzid} without one VTIMEZONE");
        let own = vtimezone_offset(cal, zones[0], local).map_err(|e| format!("{p}: {e}"))?;
        let zone =
            chrono_tz::Tz::from_str(tzid).map_err(|_| format!("{p}: {tzid} is no IANA zone"))?;
        let expected = tzdb_offset(zone, local);
        ensure!(
            own == expected,
            "{p}: {tzid} at {local}: VTIMEZONE {own} s, zone database {expected} s"
        );
        return Ok(Utc.from_utc_datetime(&(local - Duration::seconds(own.into()))));
    }
    ensure!(
        offset == Some(0),
        "{p}: {local} is neither UTC nor with a TZID"
    );
    Ok(Utc.from_utc_datetime(&local))
}

/// `date` at `time` in `zone`, as an instant.
fn in_zone(zone: chrono_tz::Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time);
    let offset = tzdb_offset(zone, local);
    Utc.from_utc_datetime(&(local - Duration::seconds(offset.into())))
}

fn clock_change_day(date: NaiveDate, zone: chrono_tz::Tz) -> bool {
    let at = |h, m| {
        tzdb_offset(
            zone,
            date.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap()),
        )
    };
    at(0, 0) != at(23, 59)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn the_event<'a>(cal: &'a ICalendar, p: &str) -> Result<&'a ICalendarComponent, String> {
    let events = components(cal, ICalendarComponentType::VEvent);
    ensure!(events.len() == 1, "{p}: {} events", events.len());
    Ok(events[0])
}

pub fn check(root: &Path, public: &Path, base: &str) -> Result<Covered, String> {
    let site = site::load(root);
    let absolute = base.contains("://");
    let base = if absolute && !base.ends_with('/') {
        format!("{base}/")
    } else {
        base.to_owned()
    };
    let mut covered = Covered::default();
    let mut uids_by_session: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (key, translations) in &site.sessions {
        let zone_name = site.timezone_of(site.programme_of(key));
        let zone = chrono_tz::Tz::from_str(&zone_name).map_err(|e| format!("{zone_name}: {e}"))?;
        for (lang, page) in translations {
            let front = &page.front;
            let path = public.join(lang).join(key).join("calendar.ics");
            let p = path.display().to_string();
            let Some(date) = front.get("date").map(site::date) else {
                ensure!(
                    !path.exists(),
                    "{p}: a session without a date has a calendar"
                );
                continue;
            };
            let raw = read(&path)?;
            check_lines(&path, &raw)?;
            let cal = parse(&path, &raw)?;
            let calendar = &cal.components[0];
            ensure!(
                calendar.component_type == ICalendarComponentType::VCalendar,
                "{p}: no VCALENDAR"
            );
            ensure!(
                text_of(calendar, ICalendarProperty::Version).as_deref() == Some("2.0")
                    && prop(calendar, ICalendarProperty::Prodid).is_some(),
                "{p}: VERSION or PRODID"
            );
            let ev = the_event(&cal, &p)?;
            let uid = ev.uid().unwrap_or_default().to_owned();
            ensure!(uid == site::uid(key), "{p}: UID {uid}");
            uids_by_session.entry(key).or_default().insert(uid);

            // DTSTAMP from the record of edits: the newest of the session's changes (at
            // midnight UTC) and of its files' commits, else none (the epoch).
            let changes = site::changes(front);
            let committed = site.committed(&site.sources_of(key));
            let recorded = (changes.iter())
                .map(|c| site::date(&c["date"]).and_time(NaiveTime::MIN))
                .chain(
                    committed
                        .and_then(|s| DateTime::from_timestamp(s, 0))
                        .map(|t| t.naive_utc()),
                )
                .max();
            let stamp = prop(ev, ICalendarProperty::Dtstamp).and_then(date_time);
            let want = recorded.unwrap_or(DateTime::UNIX_EPOCH.naive_utc());
            ensure!(
                stamp == Some((want, Some(0))),
                "{p}: DTSTAMP {stamp:?}, recorded {recorded:?}"
            );
            let modified = prop(ev, ICalendarProperty::LastModified).and_then(date_time);
            ensure!(
                modified == recorded.map(|r| (r, Some(0))),
                "{p}: LAST-MODIFIED {modified:?}, recorded {recorded:?}"
            );
            covered.stamped_from_commits += usize::from(committed.is_some());

            let dtstart =
                prop(ev, ICalendarProperty::Dtstart).ok_or_else(|| format!("{p}: no DTSTART"))?;
            if let Some(start) = front.get("start").map(site::time) {
                if let Some(tzid) = param(dtstart, ICalendarParameterName::Tzid) {
                    ensure!(tzid == zone_name, "{p}: TZID {tzid}, content {zone_name}");
                    let local = date_time(dtstart).map(|(l, _)| l);
                    ensure!(
                        local == Some(date.and_time(start)),
                        "{p}: DTSTART {local:?}, content {date} {start}"
                    );
                }
                let got = instant(&cal, dtstart, &p)?;
                let want = in_zone(zone, date, start);
                ensure!(got == want, "{p}: DTSTART {got}, content {want}");
                if let Some(end) = front.get("end").map(site::time) {
                    let dtend = prop(ev, ICalendarProperty::Dtend)
                        .ok_or_else(|| format!("{p}: no DTEND"))?;
                    let got = instant(&cal, dtend, &p)?;
                    let end_day = if end >= start {
                        date
                    } else {
                        date + Duration::days(1)
                    };
                    let want = in_zone(zone, end_day, end);
                    ensure!(got == want, "{p}: DTEND {got}, content {want}");
                } else {
                    // RFC 5545 §3.8.2.2: a DTEND must be later than DTSTART; without an
                    // end there is none.
                    ensure!(
                        prop(ev, ICalendarProperty::Dtend).is_none(),
                        "{p}: a DTEND without an end in the content"
                    );
                }
                if clock_change_day(date, zone) {
                    covered.on_clock_change_days += 1;
                }
            } else {
                ensure!(is_date_valued(dtstart), "{p}: DTSTART is not VALUE=DATE");
                ensure!(
                    date_value(dtstart) == Some(date),
                    "{p}: DTSTART {dtstart:?}, content {date}"
                );
            }

            let title = site::text(front, "title").unwrap();
            let summary_entry =
                prop(ev, ICalendarProperty::Summary).ok_or_else(|| format!("{p}: no SUMMARY"))?;
            let summary = text(summary_entry);
            ensure!(summary.ends_with(title), "{p}: SUMMARY {summary}");
            ensure!(
                param(summary_entry, ICalendarParameterName::Language) == Some(lang),
                "{p}: SUMMARY not in {lang}"
            );
            let status = text_of(ev, ICalendarProperty::Status);
            match site::text(front, "status") {
                Some("cancelled") => {
                    ensure!(
                        status.as_deref() == Some("CANCELLED"),
                        "{p}: cancelled without STATUS:CANCELLED"
                    );
                    ensure!(summary != title, "{p}: the title does not say cancelled");
                    covered.cancelled += 1;
                }
                Some(s @ ("confirmed" | "tentative")) => ensure!(
                    status.as_deref() == Some(s.to_uppercase().as_str()),
                    "{p}: STATUS {status:?}, content {s}"
                ),
                _ => ensure!(
                    status.is_none(),
                    "{p}: STATUS {status:?} without one in content"
                ),
            }
            let sequence = (changes.iter())
                .filter(|c| SIGNIFICANT.contains(&c["what"].as_str().unwrap()))
                .count();
            let got = prop(ev, ICalendarProperty::Sequence)
                .and_then(|e| e.values.first())
                .and_then(ICalendarValue::as_integer);
            ensure!(
                got == Some(sequence as i64),
                "{p}: SEQUENCE {got:?}, want {sequence}"
            );
            covered.sequenced += usize::from(sequence > 0);
            let description = text_of(ev, ICalendarProperty::Description).unwrap_or_default();
            if let Some(summary) = site::text(front, "summary").filter(|s| !s.is_empty()) {
                ensure!(
                    description.contains(summary),
                    "{p}: no summary in DESCRIPTION"
                );
            }
            let speakers = front.get("speakers").and_then(|s| s.as_array());
            let people = speakers.into_iter().flatten().chain(front.get("moderator"));
            for person in people {
                let name = site.speaker_name(person, lang);
                ensure!(
                    description.contains(&name),
                    "{p}: speaker {name} not in DESCRIPTION"
                );
            }
            // The room and the venue (the session's own, else its programme's as a reader of
            // this language sees it).
            let programme_venue = site
                .pick(&site.programmes[site.programme_of(key)], lang)
                .and_then(|p| site::text(&p.front, "venue"));
            let venue = site::text(front, "venue").or(programme_venue);
            let places: Vec<&str> = [site::text(front, "room"), venue]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect();
            if !places.is_empty() {
                let location = prop(ev, ICalendarProperty::Location)
                    .ok_or_else(|| format!("{p}: no LOCATION"))?;
                for place in places {
                    ensure!(
                        text(location).contains(place),
                        "{p}: {place} not in LOCATION"
                    );
                }
                ensure!(
                    param(location, ICalendarParameterName::Language) == Some(lang),
                    "{p}: LOCATION not in {lang}"
                );
            }
            let url = text_of(ev, ICalendarProperty::Url);
            if absolute {
                let want = format!("{base}{lang}/{key}/");
                ensure!(
                    url.as_deref() == Some(&want),
                    "{p}: URL {url:?}, want {want}"
                );
            } else {
                ensure!(url.is_none(), "{p}: URL {url:?} under a path-only base_url");
            }
            covered.session_calendars += 1;
        }
    }

    // The same session has the same UID in every language.
    for (key, uids) in &uids_by_session {
        ensure!(uids.len() == 1, "{key}: UIDs {uids:?}");
    }

    // Every calendar file (programmes and speakers too) parses, folds and is consistent
    // with the sessions' own files.
    let session_uids: BTreeMap<String, &str> = (site.sessions.keys())
        .map(|k| (site::uid(k), k.as_str()))
        .collect();
    for entry in walkdir::WalkDir::new(public).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_name().to_string_lossy().ends_with(".ics") {
            continue;
        }
        let path = entry.path();
        let p = path.display().to_string();
        let raw = read(path)?;
        check_lines(path, &raw)?;
        let cal = parse(path, &raw)?;
        let rel = path.strip_prefix(public).unwrap();
        let lang = rel.iter().next().unwrap().to_string_lossy().into_owned();
        ensure!(site.languages.contains(&lang), "{p}: not in a language");
        // iTIP (RFC 5546 §3.2.1; libical checks it): a METHOD needs an ORGANIZER.
        let unfolded = String::from_utf8_lossy(&raw).replace("\r\n ", "");
        ensure!(
            !unfolded.contains("\r\nMETHOD:") || unfolded.contains("\r\nORGANIZER"),
            "{p}: METHOD without ORGANIZER"
        );
        // A programme's calendar is named by its title as readers see it, unescaped (an
        // X- property is read as it is written).
        let folder = rel.parent().unwrap().strip_prefix(&lang).unwrap();
        let folder = folder.to_string_lossy().replace('\\', "/");
        if let Some(programme) = site.programmes.get(&folder) {
            let shown = site.pick(programme, &lang).unwrap();
            let title = site::text(&shown.front, "title").unwrap_or_default();
            let want = format!("\r\nX-WR-CALNAME:{title}\r\n");
            ensure!(
                unfolded.contains(&want),
                "{p}: X-WR-CALNAME is not {title:?}"
            );
        }
        let events = components(&cal, ICalendarComponentType::VEvent);
        ensure!(!events.is_empty(), "{p}: no events");
        let uids: Vec<&str> = events.iter().map(|e| e.uid().unwrap_or_default()).collect();
        let unique: BTreeSet<&str> = uids.iter().copied().collect();
        ensure!(unique.len() == uids.len(), "{p}: a UID twice");
        for ev in events {
            let uid = ev.uid().unwrap_or_default();
            let session = session_uids.get(uid).copied();
            let mut required = vec![
                ICalendarProperty::Uid,
                ICalendarProperty::Dtstamp,
                ICalendarProperty::Dtstart,
                ICalendarProperty::Summary,
            ];
            if session.is_some() {
                required.push(ICalendarProperty::Sequence);
            }
            for name in required {
                ensure!(ev.has_property(&name), "{p}: {uid}: no {}", name.as_str());
            }
            let dtstart = prop(ev, ICalendarProperty::Dtstart).unwrap();
            if let Some(dtend) = prop(ev, ICalendarProperty::Dtend)
                && !is_date_valued(dtstart)
            {
                ensure!(
                    instant(&cal, dtend, &p)? > instant(&cal, dtstart, &p)?,
                    "{p}: {uid}: DTEND not after DTSTART"
                );
            }
            let Some(key) = session else { continue };
            let own = site
                .pick(&site.sessions[key], &lang)
                .ok_or_else(|| format!("{p}: {key} is not shown in {lang}"))?;
            let own_path = public.join(&own.lang).join(key).join("calendar.ics");
            let own_cal = parse(&own_path, &read(&own_path)?)?;
            let own_ev = the_event(&own_cal, &own_path.display().to_string())?;
            // A session shown in another language keeps its time; its title is the same when
            // the calendar's language is its own.
            let mut props = vec![
                ICalendarProperty::Dtstart,
                ICalendarProperty::Dtend,
                ICalendarProperty::Sequence,
                ICalendarProperty::Status,
                ICalendarProperty::Location,
            ];
            if own.lang == lang {
                props.extend([ICalendarProperty::Summary, ICalendarProperty::Description]);
            }
            for name in props {
                let (here, there) = (prop(ev, name.clone()), prop(own_ev, name.clone()));
                ensure!(
                    here.map(|e| (&e.params, &e.values)) == there.map(|e| (&e.params, &e.values)),
                    "{p}: {key}: {} is not as in {}",
                    name.as_str(),
                    own_path.display()
                );
            }
        }
        for zone in components(&cal, ICalendarComponentType::VTimezone) {
            let tzid = text_of(zone, ICalendarProperty::Tzid).unwrap_or_default();
            ensure!(
                chrono_tz::Tz::from_str(&tzid).is_ok(),
                "{p}: TZID {tzid} is no IANA zone"
            );
        }
        covered.files += 1;
    }
    ensure!(
        covered.session_calendars > 0,
        "no session calendars checked"
    );
    Ok(covered)
}
