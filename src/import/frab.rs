//! frab's `schedule.xml` (c3voc's `schedule.xml.xsd`, as frab, pretalx and samling write it).

use std::path::Path;

use roxmltree::{Document, Node};

use super::{Event, Person, Schedule, Track, problem};
use crate::diagnostic::Diagnostic;

/// The schedule in `text`, read from the file at `path`.
pub(super) fn parse(path: &Path, text: &str) -> Result<Schedule, Diagnostic> {
    let doc = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        let mut d = Diagnostic::new(path, format!("not a frab schedule.xml: {e}"))
            .with_hint("give the schedule.xml that frab, pretalx or samling exports");
        d.position = Some((pos.row as usize, pos.col as usize));
        d
    })?;
    let line = |node: Node| Some(doc.text_pos_at(node.range().start).row as usize);
    let root = doc.root_element();
    if root.tag_name().name() != "schedule" {
        return Err(problem(
            path,
            line(root),
            format!(
                "the document is a <{}>, not a <schedule>",
                root.tag_name().name()
            ),
            "give the schedule.xml that frab, pretalx or samling exports",
        ));
    }
    let Some(conference) = child(root, "conference") else {
        return Err(problem(
            path,
            line(root),
            "the schedule has no <conference>",
            "a frab schedule.xml names its conference (title, acronym, days) in <conference>",
        ));
    };
    let field = |name: &str| text_of(conference, name);
    let required = |name: &str| {
        field(name).ok_or_else(|| {
            problem(
                path,
                line(conference),
                format!("the <conference> has no <{name}>"),
                "add it to the schedule in the tool it comes from, then export again",
            )
        })
    };
    // Tracks as c3voc writes them (`<track name color/>`) or as frab does
    // (`<tracks><track>Name</track></tracks>`).
    let mut tracks = Vec::new();
    for t in conference.descendants().filter(|n| n.has_tag_name("track")) {
        let name = t
            .attribute("name")
            .map(str::to_owned)
            .or_else(|| t.text().map(|s| s.trim().to_owned()))
            .unwrap_or_default();
        if !name.is_empty() {
            tracks.push(Track {
                name,
                colour: t.attribute("color").map(str::to_owned),
            });
        }
    }
    let mut events = Vec::new();
    for day in root.children().filter(|n| n.has_tag_name("day")) {
        for room in day.children().filter(|n| n.has_tag_name("room")) {
            for e in room.children().filter(|n| n.has_tag_name("event")) {
                let id = match (e.attribute("guid"), e.attribute("id")) {
                    (Some(guid), _) => guid.to_owned(),
                    (None, Some(id)) => id.to_owned(),
                    (None, None) => {
                        return Err(problem(
                            path,
                            line(e),
                            "an <event> has neither a guid nor an id",
                            "each event needs a guid (or id) to be matched across languages and imports",
                        ));
                    }
                };
                // c3voc's <date> is the start with its offset; frab's older files give only
                // the day's date and <start>.
                let date = match text_of(e, "date") {
                    Some(date) if date.contains('T') => date,
                    _ => match (day.attribute("date"), text_of(e, "start")) {
                        (Some(d), Some(start)) => format!("{d}T{start}"),
                        _ => {
                            return Err(problem(
                                path,
                                line(e),
                                format!("the event {id} has no date"),
                                "an event needs <date> (or its day's date and <start>)",
                            ));
                        }
                    },
                };
                let persons = child(e, "persons")
                    .into_iter()
                    .flat_map(|ps| ps.children().filter(|n| n.has_tag_name("person")))
                    .map(|p| Person {
                        key: p.attribute("guid").or(p.attribute("id")).map(str::to_owned),
                        guid: p.attribute("guid").map(str::to_owned),
                        name: p.text().unwrap_or_default().trim().to_owned(),
                        biography: None,
                    })
                    .collect();
                events.push(Event {
                    id,
                    slug: text_of(e, "slug"),
                    title: text_of(e, "title").unwrap_or_default(),
                    subtitle: text_of(e, "subtitle"),
                    date,
                    start: text_of(e, "start"),
                    end: None,
                    duration: text_of(e, "duration"),
                    room: text_of(e, "room")
                        .or_else(|| room.attribute("name").map(str::to_owned))
                        .unwrap_or_default(),
                    track: text_of(e, "track"),
                    kind: text_of(e, "type"),
                    language: text_of(e, "language"),
                    summary: text_of(e, "abstract"),
                    description: text_of(e, "description"),
                    persons,
                    line: line(e),
                });
            }
        }
    }
    Ok(Schedule {
        path: path.to_owned(),
        lang: String::new(),
        acronym: required("acronym")?,
        title: required("title")?,
        start: required("start")?,
        end: required("end")?,
        zone: field("time_zone_name"),
        tracks,
        events,
    })
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

/// The text of the child element `name`, trimmed; `None` when missing or empty.
fn text_of(node: Node, name: &str) -> Option<String> {
    let text: String = child(node, name)?
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}
