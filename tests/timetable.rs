//! The timetable of a programme day, read from the built HTML as a visitor's browser and
//! screen reader would: parallel sessions side by side in one row, a session without a room
//! across all rooms, cancelled sessions shown and marked, times with the offset of their day.

mod common;

use std::collections::BTreeMap;

use common::*;

const SAMVERKAN: &str = "content/samverkan-i-offentlig-sektor";

/// One timetable cell: its row (by position), the header ids it names, colspan and text.
#[derive(Debug)]
struct Cell {
    row: usize,
    headers: Vec<String>,
    colspan: usize,
    class: String,
    text: String,
}

struct Timetable {
    /// Column header id → room name.
    rooms: BTreeMap<String, String>,
    /// Row header id → (`datetime`, text).
    times: BTreeMap<String, (String, String)>,
    cells: Vec<Cell>,
}

fn attr(tag: &tl::HTMLTag, name: &str) -> Option<String> {
    tag.attributes()
        .get(name)
        .flatten()
        .map(|v| v.as_utf8_str().into_owned())
}

fn parse(html: &str) -> Timetable {
    let dom = tl::parse(html, tl::ParserOptions::default()).expect("HTML parses");
    let parser = dom.parser();
    let tag = |h: tl::NodeHandle| h.get(parser).and_then(|n| n.as_tag()).expect("a tag");
    let table = dom
        .query_selector("table.timetable")
        .and_then(|mut q| q.next())
        .map(tag)
        .expect("a timetable");
    let mut rooms = BTreeMap::new();
    let mut times = BTreeMap::new();
    let mut cells = Vec::new();
    for th in table.query_selector(parser, "th").unwrap().map(tag) {
        let id = attr(th, "id").unwrap_or_default();
        let text = th.inner_text(parser).trim().to_owned();
        match attr(th, "scope").as_deref() {
            Some("col") if id.starts_with("room-") => {
                rooms.insert(id, text);
            }
            Some("row") => {
                let time = th
                    .query_selector(parser, "time")
                    .and_then(|mut q| q.next())
                    .map(tag)
                    .and_then(|t| attr(t, "datetime"))
                    .unwrap_or_default();
                times.insert(id, (time, text));
            }
            _ => {}
        }
    }
    // The head row has no cells, so rows count from the first row of the body.
    let rows = table.query_selector(parser, "tr").unwrap().map(tag).skip(1);
    for (r, tr) in rows.enumerate() {
        for td in tr.query_selector(parser, "td").unwrap().map(tag) {
            let Some(headers) = attr(td, "headers") else {
                continue;
            };
            cells.push(Cell {
                row: r,
                headers: headers.split_whitespace().map(str::to_owned).collect(),
                colspan: attr(td, "colspan").map_or(1, |c| c.parse().unwrap()),
                class: td
                    .query_selector(parser, "div")
                    .and_then(|mut q| q.next())
                    .map(tag)
                    .and_then(|d| attr(d, "class"))
                    .unwrap_or_default(),
                text: td.inner_text(parser).into_owned(),
            });
        }
    }
    Timetable {
        rooms,
        times,
        cells,
    }
}

impl Timetable {
    fn cell(&self, title_part: &str) -> &Cell {
        self.cells
            .iter()
            .find(|c| c.text.contains(title_part))
            .unwrap_or_else(|| panic!("no cell with {title_part:?} in {:#?}", self.cells))
    }

    fn room_of(&self, cell: &Cell) -> Option<&str> {
        cell.headers
            .iter()
            .find_map(|h| self.rooms.get(h))
            .map(String::as_str)
    }
}

#[test]
fn parallel_sessions_side_by_side_plenary_across_cancelled_shown() {
    let site = example_copy();
    let root = site.path();
    // A plenary opening without a room, and a cancelled seminar.
    write(
        root,
        &format!("{SAMVERKAN}/oppning.sv.md"),
        "+++\ntitle = \"Öppning i plenum\"\ndate = 2025-10-23\nstart = 12:00\nend = 12:45\n+++\n",
    );
    // Cancelled in every language: translations give the same status.
    for lang in ["sv", "da", "nb"] {
        let cancelled = format!("{SAMVERKAN}/arbetstiden/arbetstid-kommunal-sektor.{lang}.md");
        let text =
            read(root, &cancelled).replace("status = \"confirmed\"", "status = \"cancelled\"");
        write(root, &cancelled, &text);
    }

    let out = build(root);
    let html = read(
        out.path(),
        "public/sv/samverkan-i-offentlig-sektor/timetable/2025-10-23/index.html",
    );
    let t = parse(&html);
    assert_eq!(
        t.rooms.values().collect::<Vec<_>>(),
        ["Sal A", "Sal B", "Sal C", "Sal D"]
    );

    // The four seminars at 13:00: one row, four different rooms, each its own room.
    let seminars = [
        ("resursfördelningsmodeller", "Sal A"),
        ("regionala samhällsutmaningar", "Sal B"),
        ("Digitalisering och AI som medel", "Sal C"),
        ("personalbrist i kommunal sektor", "Sal D"),
    ];
    let cells: Vec<&Cell> = seminars.iter().map(|(title, _)| t.cell(title)).collect();
    assert!(cells.iter().all(|c| c.row == cells[0].row), "{cells:#?}");
    for ((title, room), cell) in seminars.iter().zip(&cells) {
        assert_eq!(t.room_of(cell), Some(*room), "{title}");
        // Time and room are in the entry's own text, for the list on narrow screens.
        assert!(
            cell.text.contains("13:00") && cell.text.contains(room),
            "{cell:?}"
        );
        let (datetime, label) = &t.times[&cell.headers[0]];
        assert_eq!(datetime, "2025-10-23T13:00:00+02:00");
        assert_eq!(label, "13:00");
    }

    // The plenary: its own row before, across every room, headed by its time alone.
    let plenary = t.cell("Öppning i plenum");
    assert_eq!(plenary.colspan, 4);
    assert_eq!(plenary.headers.len(), 1, "{plenary:?}");
    assert!(plenary.row < cells[0].row);
    assert!(plenary.text.contains("alla salar"), "{plenary:?}");

    // The cancelled seminar is there, marked in words and by class.
    let gone = t.cell("personalbrist i kommunal sektor");
    assert!(gone.text.contains("Inställd"), "{gone:?}");
    assert!(gone.class.contains("status-cancelled"), "{gone:?}");

    // The programme page links to the day.
    let programme = read(
        out.path(),
        "public/sv/samverkan-i-offentlig-sektor/index.html",
    );
    assert!(programme.contains("href=\"timetable/2025-10-23/index.html\""));
}

#[test]
fn times_carry_the_offset_of_each_side_of_a_daylight_saving_change() {
    let site = example_copy();
    let root = site.path();
    write(
        root,
        "content/natt/_index.sv.md",
        "+++\ntitle = \"Nattkonferens\"\nfirst_day = 2026-03-29\ntimezone = \"Europe/Stockholm\"\n+++\n",
    );
    for (name, start, end) in [("fore", "01:00", "01:45"), ("efter", "03:30", "04:00")] {
        write(
            root,
            &format!("content/natt/{name}.sv.md"),
            &format!(
                "+++\ntitle = \"Pass {name}\"\ndate = 2026-03-29\nstart = {start}\nend = {end}\nroom = \"Sal 1\"\n+++\n"
            ),
        );
    }
    let out = build(root);
    let t = parse(&read(
        out.path(),
        "public/sv/natt/timetable/2026-03-29/index.html",
    ));
    let (before, label) = &t.times[&t.cell("Pass fore").headers[0]];
    assert_eq!(before, "2026-03-29T01:00:00+01:00");
    assert!(label.contains("UTC+01:00"), "{label}");
    let (after, label) = &t.times[&t.cell("Pass efter").headers[0]];
    assert_eq!(after, "2026-03-29T03:30:00+02:00");
    assert!(label.contains("UTC+02:00"), "{label}");
    // The calendar data of "my programme" is in UTC: 00:00 and 01:30.
    let index = read(out.path(), "public/sv/search/index.js");
    assert!(
        index.contains("\"a\":\"20260329T000000Z\",\"m\":45"),
        "{index}"
    );
    assert!(
        index.contains("\"a\":\"20260329T013000Z\",\"m\":30"),
        "{index}"
    );
}
