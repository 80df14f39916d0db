//! `schedule.xml`: the frab/pentabarf format that Giggity, ConfClerk and EventFahrplan read
//! (c3voc's `schedule.xml.xsd`). Giggity needs `day@date`, EventFahrplan `day@end`.

use std::fmt::Write;

use super::{Cx, Schedule, ScheduleEvent, ScheduleMemo, rfc3339};
use crate::text::escape_markup;
use crate::urls::Urls;

/// The schedule; each event's text is taken from `memo` where it was made from the same.
pub(super) fn schedule(
    cx: &Cx,
    s: &Schedule,
    mut memo: Option<&mut ScheduleMemo<(String, uuid::Uuid)>>,
) -> String {
    let m = cx.model();
    let programme = &m.programmes[s.programme];
    let page = Urls::page(cx.lang, &programme.entry().key);
    let mut days = String::new();
    // What the version is made from: the days with a digest for each event's text.
    let mut print = String::new();
    for (index, day) in s.days.iter().enumerate() {
        let head = format!(
            "  <day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">\n",
            index + 1,
            day.date,
            rfc3339(&day.start),
            rfc3339(&day.end)
        );
        days.push_str(&head);
        print.push_str(&head);
        // Rooms in the order of the programme's rooms, each with its events in time order.
        for room in &s.rooms {
            let events: Vec<_> = day.events.iter().filter(|e| &e.room == room).collect();
            if events.is_empty() {
                continue;
            }
            let head = format!(
                "    <room name=\"{}\" guid=\"{}\">\n",
                escape_markup(room),
                s.room_guid(m, room)
            );
            days.push_str(&head);
            print.push_str(&head);
            for e in events {
                let (text, digest) = e.text(cx, &mut memo, || {
                    let text = event(cx, e);
                    let digest = super::digest(&text);
                    (text, digest)
                });
                days.push_str(&text);
                let _ = writeln!(print, "{digest}");
            }
            days.push_str("    </room>\n");
            print.push_str("    </room>\n");
        }
        days.push_str("  </day>\n");
        print.push_str("  </day>\n");
    }
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
    let _ = writeln!(
        xml,
        "  <generator name=\"samling\" version=\"{}\"/>",
        env!("CARGO_PKG_VERSION")
    );
    if let Some(url) = cx.absolute(&format!("{page}{}", super::SCHEDULE_XML)) {
        let _ = writeln!(xml, "  <url>{}</url>", escape_markup(&url));
    }
    let _ = writeln!(xml, "  <version>{}</version>", s.version(&print));
    xml.push_str("  <conference>\n");
    let mut el = |name: &str, value: &str| {
        let _ = writeln!(xml, "    <{name}>{}</{name}>", escape_markup(value));
    };
    el("title", &s.title);
    el("acronym", &s.acronym);
    el("start", &s.first_day.to_string());
    el("end", &s.last_day.to_string());
    el("days", &s.days.len().to_string());
    el("timeslot_duration", "00:15");
    if let Some(url) = cx.absolute(&page) {
        // Where the schedule's relative addresses start, as in schedule.json.
        el("base_url", &url);
        el("url", &url);
    }
    el("time_zone_name", &s.zone);
    for track in &s.tracks {
        let colour = (track.colour.as_ref()).map_or(String::new(), |c| format!(" color=\"{c}\""));
        let _ = writeln!(
            xml,
            "    <track name=\"{}\"{colour}/>",
            escape_markup(&track.name)
        );
    }
    xml.push_str("  </conference>\n");
    xml.push_str(&days);
    xml.push_str("</schedule>\n");
    xml
}

/// One `<event>`, as the lines inside a `<room>`.
fn event(cx: &Cx, e: &ScheduleEvent) -> String {
    let m = cx.model();
    let mut out = String::with_capacity(1024);
    let f = &e.t.front;
    let minutes = (e.end.timestamp() - e.start.timestamp()).get_seconds() / 60;
    let _ = writeln!(out, "      <event guid=\"{}\" id=\"{}\">", e.guid, e.id);
    let mut el = |name: &str, value: &str| {
        let _ = writeln!(out, "        <{name}>{}</{name}>", escape_markup(value));
    };
    el("date", &rfc3339(&e.start));
    el("start", &e.start.time().strftime("%H:%M").to_string());
    el(
        "duration",
        &format!("{:02}:{:02}", minutes / 60, minutes % 60),
    );
    el("room", &e.room);
    el("slug", &e.slug);
    el("title", &event_title(cx, e.t));
    el("subtitle", &cx.status_text(f).unwrap_or_default());
    el("track", e.track.as_deref().unwrap_or(""));
    el("type", f.format.map_or("talk", format_name));
    if let Some(language) = &f.language {
        el("language", language);
    }
    el("abstract", f.summary.as_deref().unwrap_or(""));
    let people = cx.people(e.t);
    let description = cx.description(e, &people);
    if !description.is_empty() {
        el("description", &description);
    }
    let session_page = Urls::page(&e.t.lang, &m.sessions[e.index].entry().key);
    if let Some(url) = cx.absolute(&session_page) {
        el("url", &url);
    }
    out.push_str("        <persons>\n");
    for p in &people {
        // ConfClerk shows only people with an `id`; the guid says who it is everywhere.
        match p.ids(m) {
            Some((guid, id)) => {
                let _ = writeln!(
                    out,
                    "          <person id=\"{id}\" guid=\"{guid}\">{}</person>",
                    escape_markup(&p.name)
                );
            }
            None => {
                let _ = writeln!(out, "          <person>{}</person>", escape_markup(&p.name));
            }
        }
    }
    out.push_str("        </persons>\n");
    let links = cx.event_links(e);
    if links.is_empty() {
        out.push_str("        <links/>\n");
    } else {
        out.push_str("        <links>\n");
        for (url, title) in links {
            let _ = writeln!(
                out,
                "          <link href=\"{}\">{}</link>",
                escape_markup(&url),
                escape_markup(&title)
            );
        }
        out.push_str("        </links>\n");
    }
    out.push_str("      </event>\n");
    out
}

/// A cancelled session keeps its slot, its title says so (apps know no status).
pub(super) fn event_title(
    cx: &Cx,
    t: &crate::model::Translation<crate::front_matter::SessionFront>,
) -> String {
    if super::is_cancelled(&t.front) {
        format!("{}: {}", cx.text("status-cancelled"), t.front.title)
    } else {
        t.front.title.clone()
    }
}

pub(super) fn format_name(format: crate::front_matter::Format) -> &'static str {
    use crate::front_matter::Format::*;
    match format {
        Keynote => "keynote",
        Talk => "talk",
        Seminar => "seminar",
        Debate => "debate",
        Panel => "panel",
        Workshop => "workshop",
        Meeting => "meeting",
        Break => "break",
        Social => "social",
    }
}
