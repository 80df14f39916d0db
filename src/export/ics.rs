//! iCalendar files (RFC 5545): one session, a programme, a speaker's sessions.
//!
//! Written by hand: the icalendar crate stamps `DTSTAMP` with the clock (no reproducible
//! builds) and writes no `VTIMEZONE`. Lines end in CRLF and are folded at 75 octets
//! without splitting a UTF-8 character; text values are escaped.

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

use super::{Cx, Events, When, day_start, is_cancelled, newest_change, zone_of};
use crate::front_matter::{SessionFront, Status};
use crate::model::Translation;
use crate::urls::Urls;

/// The zones whose rules since 1996 are the EU's (summer time from the last Sunday of March
/// to the last Sunday of October, changing at 01:00 UTC), by standard offset in hours and
/// the names of their standard and summer time. For these a static `VTIMEZONE` with two
/// `RRULE`s is exact; each event's offset is still checked against the time-zone database.
const EU_ZONES: &[(&str, i8, &str, &str)] = &[
    ("Europe/Copenhagen", 1, "CET", "CEST"),
    ("Europe/Stockholm", 1, "CET", "CEST"),
    ("Europe/Oslo", 1, "CET", "CEST"),
    ("Arctic/Longyearbyen", 1, "CET", "CEST"),
    ("Europe/Berlin", 1, "CET", "CEST"),
    ("Europe/Amsterdam", 1, "CET", "CEST"),
    ("Europe/Brussels", 1, "CET", "CEST"),
    ("Europe/Paris", 1, "CET", "CEST"),
    ("Europe/Vienna", 1, "CET", "CEST"),
    ("Europe/Zurich", 1, "CET", "CEST"),
    ("Europe/Rome", 1, "CET", "CEST"),
    ("Europe/Madrid", 1, "CET", "CEST"),
    ("Europe/Prague", 1, "CET", "CEST"),
    ("Europe/Warsaw", 1, "CET", "CEST"),
    ("Europe/Budapest", 1, "CET", "CEST"),
    ("Europe/Luxembourg", 1, "CET", "CEST"),
    ("Europe/Helsinki", 2, "EET", "EEST"),
    ("Europe/Mariehamn", 2, "EET", "EEST"),
    ("Europe/Tallinn", 2, "EET", "EEST"),
    ("Europe/Riga", 2, "EET", "EEST"),
    ("Europe/Vilnius", 2, "EET", "EEST"),
    ("Atlantic/Faroe", 0, "WET", "WEST"),
    ("Europe/Lisbon", 0, "WET", "WEST"),
    ("Europe/London", 0, "GMT", "BST"),
];

/// The first year the EU rule above holds for all of these zones.
const EU_RULES_SINCE: i16 = 1996;

/// A calendar being written: properties as folded lines.
struct Calendar {
    out: String,
}

impl Calendar {
    fn new(cx: &Cx, name: Option<&str>) -> Calendar {
        let mut cal = Calendar {
            out: String::with_capacity(2048),
        };
        cal.raw("BEGIN:VCALENDAR");
        cal.raw("VERSION:2.0");
        cal.raw(&format!(
            "PRODID:-//samling//samling {}//{}",
            env!("CARGO_PKG_VERSION"),
            cx.lang.to_uppercase()
        ));
        cal.raw("CALSCALE:GREGORIAN");
        // No METHOD: with one, iTIP (RFC 5546 §3.2.1) wants an ORGANIZER, which a programme
        // has none of; a plain file is what calendars subscribe to and import.
        if let Some(name) = name {
            // An X- property is read as it is (ical.js showed TEXT escapes as backslashes):
            // only a line break would end it, so it becomes a space.
            let name: String = name
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            cal.raw(&format!("X-WR-CALNAME:{name}"));
        }
        cal
    }

    /// A content line as it is: name, parameters and value already formatted.
    fn raw(&mut self, line: &str) {
        fold_line(&mut self.out, line);
    }

    fn finish(mut self) -> String {
        self.raw("END:VCALENDAR");
        self.out
    }
}

/// Appends `line` to `out` folded at 75 octets (RFC 5545 3.1): a continuation line starts
/// with a space, which counts; a character is never split. Ends with CRLF.
pub fn fold_line(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    if line.len() <= LIMIT {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// `20260329T100000`: a local date-time.
fn local(dt: civil::DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

/// `20260329T080000Z`: an instant in UTC.
fn utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The EU summer-time rule's offset in hours at `ts`, for a zone of standard offset `std`.
fn eu_offset(ts: Timestamp, std: i8) -> Option<i8> {
    let year = ts.to_zoned(TimeZone::UTC).year();
    let last_sunday = |month: i8| -> Option<Timestamp> {
        let last = civil::date(year, month, 1).last_of_month();
        let back = last.weekday().to_sunday_zero_offset();
        let day = last.checked_sub(jiff::Span::new().days(back)).ok()?;
        day.at(1, 0, 0, 0)
            .to_zoned(TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp())
    };
    let (begin, end) = (last_sunday(3)?, last_sunday(10)?);
    Some(if ts >= begin && ts < end {
        std + 1
    } else {
        std
    })
}

fn offset_text(hours: i8) -> String {
    let sign = if hours < 0 { '-' } else { '+' };
    format!("{sign}{:02}00", hours.abs())
}

/// The `VTIMEZONE` of an EU-rule zone: summer time from the last Sunday of March at
/// 01:00 UTC, standard time from the last Sunday of October at 01:00 UTC.
fn vtimezone(zone: &str, std: i8, standard: &str, summer: &str) -> Vec<String> {
    let (std_off, dst_off) = (offset_text(std), offset_text(std + 1));
    // The changes at 01:00 UTC, in the local time before each change.
    let spring = 1 + std;
    let autumn = 1 + std + 1;
    vec![
        "BEGIN:VTIMEZONE".into(),
        format!("TZID:{zone}"),
        "BEGIN:DAYLIGHT".into(),
        format!("TZOFFSETFROM:{std_off}"),
        format!("TZOFFSETTO:{dst_off}"),
        format!("TZNAME:{summer}"),
        format!("DTSTART:{EU_RULES_SINCE}0331T{spring:02}0000"),
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".into(),
        "END:DAYLIGHT".into(),
        "BEGIN:STANDARD".into(),
        format!("TZOFFSETFROM:{dst_off}"),
        format!("TZOFFSETTO:{std_off}"),
        format!("TZNAME:{standard}"),
        format!("DTSTART:{EU_RULES_SINCE}1027T{autumn:02}0000"),
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ]
}

/// Writes `DTSTART;TZID=Europe/Copenhagen:20260329T100000` when the zone is an EU-rule zone
/// (index into [`EU_ZONES`]) whose static rule gives the database's offset at `z`, and
/// `DTSTART:20260329T080000Z` otherwise (other zones, earlier years). Says whether the
/// `TZID` was used.
fn zoned_property(out: &mut String, name: &str, eu: Option<usize>, z: &Zoned) -> bool {
    let exact = eu.filter(|&i| {
        let std = EU_ZONES[i].1;
        z.year() >= EU_RULES_SINCE
            && eu_offset(z.timestamp(), std)
                .is_some_and(|h| i32::from(h) * 3600 == z.offset().seconds())
    });
    match exact {
        Some(i) => {
            fold_line(
                out,
                &format!("{name};TZID={}:{}", EU_ZONES[i].0, local(z.datetime())),
            );
            true
        }
        None => {
            fold_line(out, &format!("{name}:{}", utc(z.timestamp())));
            false
        }
    }
}

/// The `VTIMEZONE` lines of the EU-rule zone `EU_ZONES[i]`.
fn zone_definition(i: usize) -> Vec<String> {
    let (name, std, standard, summer) = EU_ZONES[i];
    vtimezone(name, std, standard, summer)
}

/// The zone a programme's times are in, and its static definition if it has one.
pub(super) struct ProgrammeZone {
    pub tz: TimeZone,
    eu: Option<usize>,
}

impl ProgrammeZone {
    pub fn new(name: &str) -> ProgrammeZone {
        ProgrammeZone {
            tz: zone_of(name),
            eu: EU_ZONES.iter().position(|(n, ..)| *n == name),
        }
    }
}

/// A `VEVENT`, folded with CRLF, made once per session and language and put in the
/// session's, the programme's and the speakers' calendars; with the zone whose
/// `VTIMEZONE` it needs.
#[derive(Clone)]
pub(super) struct EventText {
    text: String,
    zone: Option<usize>,
}

/// The `VEVENT` of session `i` in translation `t`, if it has a date.
pub(super) fn event(
    cx: &Cx,
    i: usize,
    t: &Translation<SessionFront>,
    zone: &ProgrammeZone,
) -> Option<EventText> {
    let m = cx.model();
    let session = &m.sessions[i];
    let when = When::of(&t.front, &zone.tz)?;
    let f = &t.front;
    let mut out = String::with_capacity(1024);
    let line = |out: &mut String, text: &str| fold_line(out, text);
    line(&mut out, "BEGIN:VEVENT");
    line(&mut out, &format!("UID:{}", session.entry().uid()));
    // From the record of edits, not the clock (every build the same bytes): the newest of
    // the session's changes and of its files' commits; with neither there is no record.
    let changed = newest_change(&f.changes).map(|d| day_start(d, &TimeZone::UTC).timestamp());
    let recorded = changed.into_iter().chain(m.session_committed(i)).max();
    stamps(&mut out, recorded);
    let used = times(&mut out, &when, zone);
    let sequence = f.changes.iter().filter(|c| c.what.is_significant()).count();
    line(&mut out, &format!("SEQUENCE:{sequence}"));
    let lang = Some(t.lang.as_str());
    let title = if is_cancelled(f) {
        format!("{}: {}", cx.text("status-cancelled"), f.title)
    } else {
        f.title.clone()
    };
    line(&mut out, &text_line("SUMMARY", lang, &title));
    let people = cx.people(t);
    let mut description: Vec<String> = f.summary.iter().cloned().collect();
    description.extend(cx.people_lines(&people));
    if let Some(status) = f.status.filter(|s| *s != Status::Confirmed) {
        description.push(format!(
            "{}: {}",
            cx.text("status-label"),
            cx.text(&format!("status-{}", status_name(status)))
        ));
    }
    let page = Urls::page(&t.lang, &session.entry().key);
    let url = cx.absolute(&page);
    if let Some(url) = &url {
        description.push(url.clone());
    }
    if !description.is_empty() {
        line(
            &mut out,
            &text_line("DESCRIPTION", lang, &description.join("\n")),
        );
    }
    if let Some(location) = cx.location(session, t) {
        line(&mut out, &text_line("LOCATION", lang, &location));
    }
    if let Some(url) = url {
        line(&mut out, &format!("URL:{url}"));
    }
    let theme = session.theme().map(|th| m.themes[th].entry());
    if let Some(th) = theme.and_then(|e| e.pick(cx.lang, cx.ex.config, true)) {
        line(
            &mut out,
            &text_line("CATEGORIES", Some(&th.lang), &th.front.title),
        );
    }
    match f.status {
        Some(Status::Cancelled) => line(&mut out, "STATUS:CANCELLED"),
        Some(Status::Tentative) => line(&mut out, "STATUS:TENTATIVE"),
        Some(Status::Confirmed) => line(&mut out, "STATUS:CONFIRMED"),
        // A moved session keeps its slot in the file; the description says it moved.
        Some(Status::Moved) | None => {}
    }
    line(&mut out, "TRANSP:OPAQUE");
    line(&mut out, "END:VEVENT");
    Some(EventText {
        text: out,
        zone: used.then_some(zone.eu).flatten(),
    })
}

/// `DTSTAMP` and `LAST-MODIFIED` from when the event was last recorded as edited: the epoch
/// and no `LAST-MODIFIED` without a record, as a build does not read the clock.
fn stamps(out: &mut String, recorded: Option<Timestamp>) {
    fold_line(
        out,
        &format!("DTSTAMP:{}", utc(recorded.unwrap_or(Timestamp::UNIX_EPOCH))),
    );
    if let Some(stamp) = recorded {
        fold_line(out, &format!("LAST-MODIFIED:{}", utc(stamp)));
    }
}

/// `DTSTART` and `DTEND` of `when`; says whether they name the zone's `TZID`.
fn times(out: &mut String, when: &When, zone: &ProgrammeZone) -> bool {
    match when {
        When::Day(date) => {
            fold_line(
                out,
                &format!("DTSTART;VALUE=DATE:{}", date.strftime("%Y%m%d")),
            );
            let next = date.tomorrow().unwrap_or(*date);
            fold_line(
                out,
                &format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")),
            );
            false
        }
        When::Timed { start, end } => {
            let mut used = zoned_property(out, "DTSTART", zone.eu, start);
            // No end given, no DTEND: one equal to DTSTART is invalid (RFC 5545 §3.8.2.2),
            // and without it the event is the moment it starts (§3.6.1).
            if let Some(end) = end {
                used |= zoned_property(out, "DTEND", zone.eu, end);
            }
            used
        }
    }
}

/// An all-day event for the programme's days, for a programme without dated sessions.
fn programme_days(cx: &Cx, p: usize) -> Option<EventText> {
    let programme = &cx.model().programmes[p];
    let t = programme.entry().rendered_in(cx.lang);
    let first = t.front.first_day?;
    let last = t.front.last_day.unwrap_or(first).0;
    let mut lines = vec!["BEGIN:VEVENT".to_owned()];
    lines.push(format!("UID:{}", programme.entry().uid()));
    let recorded = programme.entry().committed();
    lines.push(format!(
        "DTSTAMP:{}",
        utc(recorded.unwrap_or(Timestamp::UNIX_EPOCH))
    ));
    lines.extend(recorded.map(|stamp| format!("LAST-MODIFIED:{}", utc(stamp))));
    lines.push(format!("DTSTART;VALUE=DATE:{}", first.0.strftime("%Y%m%d")));
    let after = last.tomorrow().unwrap_or(last);
    lines.push(format!("DTEND;VALUE=DATE:{}", after.strftime("%Y%m%d")));
    lines.push(text_line("SUMMARY", Some(&t.lang), &t.front.title));
    if let Some(summary) = &t.front.summary {
        lines.push(text_line("DESCRIPTION", Some(&t.lang), summary));
    }
    if let Some(venue) = &t.front.venue {
        lines.push(text_line("LOCATION", Some(&t.lang), venue));
    }
    if let Some(url) = cx.absolute(&Urls::page(&t.lang, &programme.entry().key)) {
        lines.push(format!("URL:{url}"));
    }
    lines.push("TRANSP:TRANSPARENT".into());
    lines.push("END:VEVENT".into());
    let mut text = String::new();
    for line in lines {
        fold_line(&mut text, &line);
    }
    Some(EventText { text, zone: None })
}

/// A calendar of `events`, with the `VTIMEZONE`s they need first; `None` without events
/// (RFC 5545 wants at least one component).
fn calendar<'e>(
    cx: &Cx,
    name: Option<&str>,
    events: impl IntoIterator<Item = &'e EventText>,
) -> Option<String> {
    let events: Vec<&EventText> = events.into_iter().collect();
    if events.is_empty() {
        return None;
    }
    let mut zones: Vec<usize> = Vec::new();
    for zone in events.iter().filter_map(|e| e.zone) {
        if !zones.contains(&zone) {
            zones.push(zone);
        }
    }
    let size: usize = events.iter().map(|e| e.text.len()).sum();
    let mut cal = Calendar::new(cx, name);
    cal.out.reserve(size + 1024);
    for zone in zones {
        for line in zone_definition(zone) {
            cal.raw(&line);
        }
    }
    for event in events {
        cal.out.push_str(&event.text);
    }
    Some(cal.finish())
}

fn text_line(name: &str, lang: Option<&str>, value: &str) -> String {
    let param = lang.map(|l| format!(";LANGUAGE={l}")).unwrap_or_default();
    format!("{name}{param}:{}", crate::text::escape_ical(value))
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Confirmed => "confirmed",
        Status::Tentative => "tentative",
        Status::Cancelled => "cancelled",
        Status::Moved => "moved",
    }
}

/// The calendar of one session in the file's language, if it has a date. `events` are
/// the language's events by session index.
pub(super) fn session(cx: &Cx, i: usize, events: &Events) -> Option<String> {
    cx.model().sessions[i].entry().get(cx.lang)?;
    calendar(cx, None, events.get(i))
}

/// Every dated session of programme `p` a reader of the language sees; the programme's
/// days as one all-day event if none is dated.
pub(super) fn programme(cx: &Cx, p: usize, events: &Events) -> Option<String> {
    let programme = &cx.model().programmes[p];
    let t = programme.entry().get(cx.lang)?;
    let own: Vec<&EventText> = programme
        .sessions()
        .iter()
        .filter_map(|&s| events.get(s))
        .collect();
    if own.is_empty() {
        let days = programme_days(cx, p)?;
        return calendar(cx, Some(&t.front.title), [&days]);
    }
    calendar(cx, Some(&t.front.title), own)
}

/// Every dated session of speaker `i` a reader of the language sees.
pub(super) fn speaker(cx: &Cx, i: usize, events: &Events) -> Option<String> {
    let speaker = &cx.model().speakers[i];
    let t = speaker.entry().get(cx.lang)?;
    let own = speaker.sessions().iter().filter_map(|&s| events.get(s));
    calendar(cx, Some(&t.front.name), own)
}

/// Every dated meeting of series `s` a reader of the language sees, in the site's zone;
/// `None` without one.
pub(super) fn series(cx: &Cx, s: usize) -> Option<String> {
    let m = cx.model();
    let t = m.series[s].get(cx.lang)?;
    let zone = ProgrammeZone::new(&cx.ex.config.timezone);
    let events: Vec<EventText> = (m.meetings_in(s).into_iter())
        .filter_map(|j| meeting(cx, j, &zone))
        .collect();
    calendar(cx, Some(&t.front.title), &events)
}

/// The `VEVENT` of meeting `j`, if it has a date: its UID made as a session's is, from its
/// content key, so an agenda and its minutes are one event.
fn meeting(cx: &Cx, j: usize, zone: &ProgrammeZone) -> Option<EventText> {
    let entry = &cx.model().minutes[j];
    let config = cx.ex.config;
    let t = entry.pick(cx.lang, config, config.list_untranslated)?;
    let f = &t.front;
    let when = When::at(f.date?, f.time, f.end, &zone.tz)?;
    let mut out = String::with_capacity(512);
    fold_line(&mut out, "BEGIN:VEVENT");
    fold_line(&mut out, &format!("UID:{}", entry.uid()));
    let recorded = entry.committed();
    stamps(&mut out, recorded);
    let used = times(&mut out, &when, zone);
    let lang = Some(t.lang.as_str());
    fold_line(&mut out, &text_line("SUMMARY", lang, &f.title));
    let mut description: Vec<String> = f.summary.iter().cloned().collect();
    description.push(cx.text(&format!("meeting-status-{}", f.status.name())));
    let url = cx.absolute(&Urls::page(&t.lang, &entry.key));
    description.extend(url.clone());
    fold_line(
        &mut out,
        &text_line("DESCRIPTION", lang, &description.join("\n")),
    );
    if let Some(place) = &f.place {
        fold_line(&mut out, &text_line("LOCATION", lang, place));
    }
    if let Some(url) = url {
        fold_line(&mut out, &format!("URL:{url}"));
    }
    fold_line(&mut out, "STATUS:CONFIRMED");
    fold_line(&mut out, "TRANSP:OPAQUE");
    fold_line(&mut out, "END:VEVENT");
    Some(EventText {
        text: out,
        zone: used.then_some(zone.eu).flatten(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_line(&mut out, line);
        out
    }

    #[test]
    fn lines_fold_at_75_octets_between_characters() {
        // 70 ASCII octets, then æøå (two octets each): the fold comes before the character
        // that would pass 75 octets, not inside it.
        let line = format!("SUMMARY:{}{}", "x".repeat(62), "æøåæøå");
        let out = folded(&line);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""), "ends with CRLF");
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        assert_eq!(lines[0].len(), 74, "70 + æø = 74; å would make 76");
        assert!(lines[1].starts_with(' '));
        // Unfolding gives the line back.
        assert_eq!(out.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn long_lines_fold_many_times() {
        let line = format!("DESCRIPTION:{}", "å".repeat(200));
        let out = folded(&line);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75);
            assert!(std::str::from_utf8(l.as_bytes()).is_ok());
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), line);
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
    }

    /// The property as `zoned_property` writes it, and whether it used the `TZID`.
    fn property(name: &str, zone: &ProgrammeZone, z: &Zoned) -> (String, bool) {
        let mut out = String::new();
        let used = zoned_property(&mut out, name, zone.eu, z);
        (out.trim_end().to_owned(), used)
    }

    #[test]
    fn summer_time_starts_and_ends_with_the_eu_rule() {
        let zone = ProgrammeZone::new("Europe/Copenhagen");
        let at = |d: civil::DateTime| d.to_zoned(zone.tz.clone()).unwrap();
        // The last Sunday of March 2026 is the 29th: 01:59 is winter time, 03:00 summer.
        let before = at(civil::date(2026, 3, 29).at(1, 59, 0, 0));
        let after = at(civil::date(2026, 3, 29).at(3, 0, 0, 0));
        assert_eq!(eu_offset(before.timestamp(), 1), Some(1));
        assert_eq!(eu_offset(after.timestamp(), 1), Some(2));
        assert_eq!(after.offset().seconds(), 7200);
        assert_eq!(
            property(
                "DTSTART",
                &zone,
                &at(civil::date(2026, 3, 29).at(10, 0, 0, 0))
            ),
            (
                "DTSTART;TZID=Europe/Copenhagen:20260329T100000".to_owned(),
                true
            )
        );
        // 26 October 2025: back to winter time at 03:00 local (01:00 UTC).
        let autumn = at(civil::date(2025, 10, 26).at(10, 0, 0, 0));
        assert_eq!(autumn.offset().seconds(), 3600);
        assert_eq!(eu_offset(autumn.timestamp(), 1), Some(1));
        // Before 1996 Denmark ended summer time in September (30 September 1990): written in
        // UTC, at winter time.
        let old = at(civil::date(1990, 10, 10).at(10, 0, 0, 0));
        assert_eq!(
            property("DTSTART", &zone, &old),
            ("DTSTART:19901010T090000Z".to_owned(), false)
        );
        // A zone without a static definition: UTC.
        let tokyo = ProgrammeZone::new("Asia/Tokyo");
        assert!(tokyo.eu.is_none());
        let t = civil::date(2026, 3, 29)
            .at(10, 0, 0, 0)
            .to_zoned(tokyo.tz.clone())
            .unwrap();
        assert_eq!(
            property("DTEND", &tokyo, &t),
            ("DTEND:20260329T010000Z".to_owned(), false)
        );
        let def = zone_definition(zone.eu.unwrap()).join("\n");
        assert!(
            def.contains(
                "TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nDTSTART:19960331T020000"
            ),
            "{def}"
        );
        assert!(
            def.contains(
                "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\nDTSTART:19961027T030000"
            ),
            "{def}"
        );
    }
}
