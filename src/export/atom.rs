//! The change feed (Atom, RFC 4287): per language, one entry per change that organisers
//! record in a session's `[[changes]]`, newest first, dated by the change's date.

use std::fmt::Write;

use jiff::Zoned;
use jiff::civil;
use jiff::tz::TimeZone;

use super::{Cx, FEED_FILE, day_start, rfc3339, zone_of};
use crate::front_matter::{Change, MinutesFront, SessionFront};
use crate::model::Translation;
use crate::text::escape_markup;
use crate::urls::Urls;

struct Entry<'a> {
    date: civil::Date,
    updated: Zoned,
    /// Position of the session in the site's programmes, then of the change in its list:
    /// ties of one date are in a fixed order.
    order: (usize, usize, usize),
    session: usize,
    t: &'a Translation<SessionFront>,
    change: &'a Change,
}

pub(super) fn feed(cx: &Cx) -> String {
    let m = cx.model();
    let mut entries: Vec<Entry> = Vec::new();
    for (p, programme) in m.programmes.iter().enumerate() {
        let tz = zone_of(programme.timezone());
        // The changes its changes page lists, as its readers see them.
        for c in m.changes_of(p, cx.lang, cx.ex.config) {
            entries.push(Entry {
                date: c.change.date.0,
                updated: day_start(c.change.date.0, &tz),
                order: (p, c.position, c.n),
                session: c.session,
                t: c.t,
                change: c.change,
            });
        }
    }
    // Newest first; on one day the later-listed change first.
    entries.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(b.updated.timestamp().cmp(&a.updated.timestamp()))
            .then(b.order.2.cmp(&a.order.2))
            .then(a.order.0.cmp(&b.order.0))
            .then(a.order.1.cmp(&b.order.1))
    });
    let lang = cx.lang;
    let folder = format!("{lang}/");
    let updated = entries
        .first()
        .map(|e| rfc3339(&e.updated))
        .unwrap_or_else(|| rfc3339(&never_changed()));
    let feed_id = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        format!("samling:feed:{lang}").as_bytes(),
    );
    let title = cx.text_with("feed-title", &[("site", cx.text("site-name"))]);
    let mut xml = head(cx, &feed_id, &title, &updated, &folder);
    for e in &entries {
        let session = &m.sessions[e.session];
        let f = &e.t.front;
        let kind = e.change.what;
        let same_kind_before = e.t.front.changes[..e.order.2]
            .iter()
            .filter(|c| c.date == e.change.date && c.what == kind)
            .count();
        // Stable across builds: the feed's language, the session, the date, the kind. Not
        // the same in two languages' feeds, which a reader of both would take for one.
        let id = uuid::Uuid::new_v5(
            &session.entry().uid(),
            format!(
                "change:{lang}:{}:{}:{same_kind_before}",
                e.date,
                kind.name()
            )
            .as_bytes(),
        );
        let title = format!(
            "{}: {}",
            cx.text(&format!("change-{}", kind.name())),
            f.title
        );
        let page = Urls::page(&e.t.lang, &session.entry().key);
        // A change shown from another language's page is in that language.
        if e.t.lang == lang {
            xml.push_str("  <entry>\n");
        } else {
            let _ = writeln!(xml, "  <entry xml:lang=\"{}\">", e.t.lang);
        }
        let _ = writeln!(xml, "    <id>urn:uuid:{id}</id>");
        let _ = writeln!(xml, "    <title>{}</title>", escape_markup(&title));
        let _ = writeln!(xml, "    <updated>{}</updated>", rfc3339(&e.updated));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape_markup(&cx.link(&folder, &page))
        );
        let _ = writeln!(
            xml,
            "    <summary type=\"text\">{}</summary>",
            escape_markup(&summary(cx, session, e.t, e.change))
        );
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// A feed's XML declaration and its elements before the entries (RFC 4287 4.1.1): `folder`
/// is the page it is the feed of, where its file is.
fn head(cx: &Cx, id: &uuid::Uuid, title: &str, updated: &str, folder: &str) -> String {
    let lang = cx.lang;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">"
    );
    let _ = writeln!(xml, "  <id>urn:uuid:{id}</id>");
    let _ = writeln!(xml, "  <title>{}</title>", escape_markup(title));
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    let self_href = cx
        .absolute(&format!("{folder}{FEED_FILE}"))
        .unwrap_or_else(|| FEED_FILE.to_owned());
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape_markup(&self_href)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape_markup(&cx.link(folder, folder))
    );
    let _ = writeln!(
        xml,
        "  <author><name>{}</name></author>",
        escape_markup(&cx.text("site-name"))
    );
    let _ = writeln!(
        xml,
        "  <generator version=\"{}\">samling</generator>",
        env!("CARGO_PKG_VERSION")
    );
    xml
}

/// The change's note, then where and when the session is now: "Afgangen er flyttet til
/// kl. 8.30. søndag 29. marts 2026, kl. 08.30–17.00, Københavns Hovedbanegård."
fn summary(
    cx: &Cx,
    session: &crate::model::Session,
    t: &Translation<SessionFront>,
    change: &Change,
) -> String {
    let f = &t.front;
    let mut parts: Vec<String> = change.note.iter().cloned().collect();
    let mut now: Vec<String> = Vec::new();
    if let Some(date) = f.date {
        now.push(cx.locale.full_date(date));
    }
    match (f.start, f.end) {
        (Some(start), Some(end)) => now.push(cx.text_with(
            "time-range",
            &[
                ("start", cx.locale.time(start)),
                ("end", cx.locale.time(end)),
            ],
        )),
        (Some(start), None) => {
            now.push(cx.text_with("time-start", &[("start", cx.locale.time(start))]))
        }
        _ => {}
    }
    now.extend(cx.location(session, t));
    if let Some(status) = f
        .status
        .filter(|s| *s != crate::front_matter::Status::Confirmed)
    {
        let name = match status {
            crate::front_matter::Status::Confirmed => "confirmed",
            crate::front_matter::Status::Tentative => "tentative",
            crate::front_matter::Status::Cancelled => "cancelled",
            crate::front_matter::Status::Moved => "moved",
        };
        now.push(cx.text(&format!("status-{name}")));
    }
    if !now.is_empty() {
        parts.push(format!("({})", now.join(", ")));
    }
    parts.join(" ")
}

/// The `updated` of a feed without entries (Atom requires one): nothing has changed, so
/// the start of the Unix epoch, the same in every build.
fn never_changed() -> Zoned {
    day_start(civil::date(1970, 1, 1), &TimeZone::UTC)
}

/// A meeting series' feed: one entry per meeting in the language, newest meeting first,
/// updated when its files were last committed, or at the start of its day. An entry's id
/// is made of the meeting's, its status and the feed's language: the minutes are a new
/// entry to subscribers, not an edit of the agenda's.
pub(super) fn series(cx: &Cx, s: usize) -> String {
    let m = cx.model();
    let config = cx.ex.config;
    let series = &m.series[s];
    let lang = cx.lang;
    let title = series.get(lang).map_or("", |t| t.front.title.as_str());
    let tz = zone_of(&config.timezone);
    let folder = Urls::page(lang, &series.key);
    struct Meeting<'a> {
        j: usize,
        t: &'a Translation<MinutesFront>,
        updated: Zoned,
    }
    let meetings: Vec<Meeting> = (m.meetings_in(s).into_iter())
        .filter_map(|j| {
            let entry = &m.minutes[j];
            let t = entry.pick(lang, config, config.list_untranslated)?;
            let updated = match (entry.committed(), t.front.date) {
                (Some(stamp), _) => stamp.to_zoned(tz.clone()),
                (None, Some(date)) => day_start(date.0, &tz),
                (None, None) => never_changed(),
            };
            Some(Meeting { j, t, updated })
        })
        .collect();
    let updated = (meetings.iter())
        .map(|e| &e.updated)
        .max_by_key(|z| z.timestamp())
        .map_or_else(|| rfc3339(&never_changed()), rfc3339);
    let feed_id = uuid::Uuid::new_v5(&series.uid(), format!("feed:{lang}").as_bytes());
    let mut xml = head(cx, &feed_id, title, &updated, &folder);
    for e in &meetings {
        let entry = &m.minutes[e.j];
        let f = &e.t.front;
        if e.t.lang == lang {
            xml.push_str("  <entry>\n");
        } else {
            let _ = writeln!(xml, "  <entry xml:lang=\"{}\">", e.t.lang);
        }
        let title = format!(
            "{}: {}",
            cx.text(&format!("meeting-status-{}", f.status.name())),
            f.title
        );
        // Not the same in two languages' feeds (as the change feed's), which a reader of
        // both would take for one.
        let id = uuid::Uuid::new_v5(
            &entry.uid(),
            format!("{}:{lang}", f.status.name()).as_bytes(),
        );
        let _ = writeln!(xml, "    <id>urn:uuid:{id}</id>");
        let _ = writeln!(xml, "    <title>{}</title>", escape_markup(&title));
        let _ = writeln!(xml, "    <updated>{}</updated>", rfc3339(&e.updated));
        let page = Urls::page(&e.t.lang, &entry.key);
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape_markup(&cx.link(&folder, &page))
        );
        let mut summary: Vec<String> = f.summary.iter().cloned().collect();
        if let Some(date) = f.date {
            summary.push(cx.locale.full_date(date));
        }
        summary.extend(f.place.iter().cloned());
        if !summary.is_empty() {
            let _ = writeln!(
                xml,
                "    <summary type=\"text\">{}</summary>",
                escape_markup(&summary.join(" · "))
            );
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
