//! The timetable of one programme day: rooms as columns, start times as rows, parallel
//! sessions side by side, sessions without a room (plenary) across all rooms. A `<table>`
//! with `headers` on every cell, so a screen reader names each entry's time and room, and
//! each entry also says its time and room in its own text, for the list that narrow screens
//! and print show instead of the grid.

use std::collections::BTreeMap;

use jiff::civil;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::views::{DayLink, Link, SessionSummary, ViewBuilder};
use crate::front_matter::{Date, Time};

/// The path segment of timetable pages under a programme: `da/<programme>/timetable/<date>/`.
pub const SEGMENT: &str = "timetable";

/// `date` at `time` in `zone`: a gap (the hour skipped when clocks go forward) resolves as
/// most calendars do, to the later side.
pub fn zoned(date: Date, time: Time, zone: &TimeZone) -> Option<jiff::Zoned> {
    date.0.to_datetime(time.0).to_zoned(zone.clone()).ok()
}

/// `20251113T081500Z`: the moment in UTC, for iCalendar without a VTIMEZONE.
pub fn utc_stamp(z: &jiff::Zoned) -> String {
    z.with_time_zone(TimeZone::UTC)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The end of a session as a moment: on the next day if it ends before it starts.
pub fn end_moment(date: Date, start: Time, end: Time, zone: &TimeZone) -> Option<jiff::Zoned> {
    let day = if end.0 < start.0 {
        Date(date.0.tomorrow().ok()?)
    } else {
        date
    };
    zoned(day, end, zone)
}

#[derive(Debug, Serialize)]
pub struct Column {
    pub id: String,
    pub room: String,
}

#[derive(Debug, Serialize)]
pub struct Cell {
    pub colspan: usize,
    pub rowspan: usize,
    /// The ids of the row's time and the column's room (`headers`).
    pub headers: String,
    pub sessions: Vec<SessionSummary>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub time_text: String,
    /// With the offset that applies at that moment: `2026-03-29T03:30:00+02:00`.
    pub datetime: String,
    /// `UTC+02:00`, shown on days when the offset changes (daylight saving).
    pub offset_text: Option<String>,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Serialize)]
pub struct TimetableView {
    pub programme: Link,
    pub date: String,
    pub date_text: String,
    pub timezone: String,
    pub days: Vec<DayLink>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Sessions of the day without a start time.
    pub untimed: Vec<SessionSummary>,
}

/// A session placed in the grid.
struct Placed {
    summary: SessionSummary,
    start: civil::Time,
    end: Option<civil::Time>,
    column: Option<usize>,
}

pub fn view(
    v: &ViewBuilder,
    p: usize,
    date: Date,
    days: Vec<DayLink>,
    programme: Link,
) -> TimetableView {
    let m = v.model;
    let programme_model = &m.programmes[p];
    let zone = TimeZone::get(programme_model.timezone()).unwrap_or(TimeZone::UTC);
    let mut placed = Vec::new();
    let mut untimed = Vec::new();
    for &s in programme_model.sessions_on(date) {
        let session = &m.sessions[s];
        let primary = &session.entry().primary(v.config).front;
        let Some(t) = v.pick(session.entry()) else {
            continue;
        };
        let summary = v.summary_of(session, t, false);
        match primary.start {
            Some(start) => placed.push(Placed {
                summary,
                start: start.0,
                end: primary.end.map(|e| e.0).filter(|e| *e > start.0),
                column: None,
            }),
            None => untimed.push(summary),
        }
    }
    let mut rooms: Vec<String> = placed
        .iter()
        .filter_map(|p| p.summary.room.clone())
        .collect();
    rooms.sort_by_cached_key(|r| (r.to_lowercase(), r.clone()));
    rooms.dedup();
    let columns: Vec<Column> = if rooms.is_empty() {
        Vec::new()
    } else {
        rooms
            .iter()
            .enumerate()
            .map(|(i, r)| Column {
                id: format!("room-{}", i + 1),
                room: r.clone(),
            })
            .collect()
    };
    for p in &mut placed {
        p.column = p
            .summary
            .room
            .as_ref()
            .and_then(|r| rooms.iter().position(|x| x == r));
    }
    // Rows: each start time; sessions across all rooms get rows of their own, first.
    let mut row_keys: Vec<(civil::Time, bool)> = placed
        .iter()
        .map(|p| (p.start, p.column.is_some() || rooms.is_empty()))
        .collect();
    row_keys.sort();
    row_keys.dedup();
    let width = columns.len().max(1);
    let offsets: Vec<jiff::tz::Offset> = row_keys
        .iter()
        .filter_map(|(t, _)| zoned(date, Time(*t), &zone).map(|z| z.offset()))
        .collect();
    let offset_changes = offsets.windows(2).any(|w| w[0] != w[1]);
    // Cells by row and column; column `None` spans the row.
    let mut cells: BTreeMap<(usize, Option<usize>), Vec<Placed>> = BTreeMap::new();
    for p in placed {
        let key = (p.start, p.column.is_some() || rooms.is_empty());
        let row = row_keys.iter().position(|k| *k == key).unwrap_or(0);
        let column = if rooms.is_empty() { Some(0) } else { p.column };
        cells.entry((row, column)).or_default().push(p);
    }
    let mut covered = vec![vec![false; width]; row_keys.len()];
    let mut rows: Vec<Row> = Vec::with_capacity(row_keys.len());
    for (r, (start, in_rooms)) in row_keys.iter().enumerate() {
        let id = format!(
            "t-{}{}",
            start.strftime("%H%M"),
            if *in_rooms { "" } else { "-all" }
        );
        let z = zoned(date, Time(*start), &zone);
        let mut row = Row {
            id: id.clone(),
            time_text: v.locale.time(Time(*start)),
            datetime: z
                .as_ref()
                .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
                .unwrap_or_default(),
            offset_text: offset_changes
                .then(|| z.as_ref().map(|z| format!("UTC{}", z.strftime("%:z"))))
                .flatten(),
            cells: Vec::new(),
        };
        if !in_rooms {
            if let Some(sessions) = cells.remove(&(r, None)) {
                row.cells.push(Cell {
                    colspan: width,
                    rowspan: 1,
                    headers: id.clone(),
                    sessions: sessions.into_iter().map(|p| p.summary).collect(),
                });
            }
            rows.push(row);
            continue;
        }
        #[allow(clippy::needless_range_loop)] // `covered` is indexed by row, then column.
        for c in 0..width {
            if covered[r][c] {
                continue;
            }
            let Some(sessions) = cells.remove(&(r, Some(c))) else {
                row.cells.push(Cell {
                    colspan: 1,
                    rowspan: 1,
                    headers: String::new(),
                    sessions: Vec::new(),
                });
                continue;
            };
            // Down to the last row that starts before the cell's sessions end, stopping
            // at a plenary row or another session in the same room.
            let end = sessions.iter().filter_map(|p| p.end).max();
            let mut rowspan = 1;
            if let Some(end) = end {
                for (next, (t, next_in_rooms)) in row_keys.iter().enumerate().skip(r + 1) {
                    if *t >= end || !next_in_rooms || cells.contains_key(&(next, Some(c))) {
                        break;
                    }
                    covered[next][c] = true;
                    rowspan += 1;
                }
            }
            let headers = match columns.get(c) {
                Some(column) => format!("{id} {}", column.id),
                None => id.clone(),
            };
            row.cells.push(Cell {
                colspan: 1,
                rowspan,
                headers,
                sessions: sessions.into_iter().map(|p| p.summary).collect(),
            });
        }
        rows.push(row);
    }
    TimetableView {
        programme,
        date: date.0.to_string(),
        date_text: v.locale.full_date(date),
        timezone: programme_model.timezone().to_owned(),
        days,
        columns,
        rows,
        untimed,
    }
}
