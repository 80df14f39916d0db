// Every calendar file of the example site and of a generated one read by ical.js, the parser of Thunderbird and of
// many web calendars, with the zones defined in the file itself: each session's start and
// end as instants agree with the same session in the schedule.json of its language (which
// the cargo tests check against the content), a session without an end has no DTEND and
// none ends before it starts, and the calendar's name reads as the programme's title (no
// TEXT escapes, which ical.js shows as they are in an X- property).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ICAL from "ical.js";
import { buildExample, buildGenerated, filesUnder } from "./site.mjs";

const BASE = "https://example.org/programmer/";

/** The instants of every session event in the schedules, by language and guid. */
function scheduled(public_) {
  const events = new Map();
  for (const path of filesUnder(public_, "schedule.json")) {
    const lang = path.split("/")[0];
    const doc = JSON.parse(readFileSync(join(public_, path), "utf8"));
    for (const day of doc.schedule.conference.days) {
      for (const list of Object.values(day.rooms)) {
        for (const e of list) {
          const [h, m] = e.duration.split(":").map(Number);
          const start = Date.parse(e.date);
          events.set(`${lang} ${e.guid}`, { start, end: start + (h * 60 + m) * 60000, title: doc.schedule.conference.title });
        }
      }
    }
  }
  return events;
}

/** Reads every calendar of the build at `public_` with ical.js; answers how many session
 * events it compared with schedule.json. */
function compareCalendars(public_) {
  const schedules = scheduled(public_);
  const files = filesUnder(public_, ".ics");
  assert.ok(files.length > 20, `${files.length} calendar files`);
  let compared = 0;
  for (const path of files) {
    const lang = path.split("/")[0];
    const text = readFileSync(join(public_, path), "utf8");
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) {
      ICAL.TimezoneService.register(zone);
    }
    const name = calendar.getFirstPropertyValue("x-wr-calname");
    if (name !== null) assert.ok(!name.includes("\\"), `${path}: X-WR-CALNAME ${name}`);
    const events = calendar.getAllSubcomponents("vevent");
    assert.ok(events.length > 0, `${path}: no events`);
    for (const vevent of events) {
      const event = new ICAL.Event(vevent);
      const start = event.startDate.toJSDate().getTime();
      if (vevent.hasProperty("dtend")) {
        assert.ok(event.endDate.toJSDate().getTime() > start, `${path}: ${event.uid} ends before it starts`);
      }
      const known = schedules.get(`${lang} ${event.uid}`);
      if (!known || event.startDate.isDate) continue;
      assert.equal(start, known.start, `${path}: ${event.uid} starts at another time than in schedule.json`);
      if (vevent.hasProperty("dtend")) {
        assert.equal(event.endDate.toJSDate().getTime(), known.end, `${path}: ${event.uid}: DTEND`);
      }
      compared += 1;
    }
    ICAL.TimezoneService.reset();
  }
  return compared;
}

test("ical.js reads every calendar of the example site with the schedules' times", () => {
  const compared = compareCalendars(buildExample(BASE));
  assert.ok(compared > 40, `${compared} events compared`);
});

test("ical.js reads every calendar of a generated site with the schedules' times", () => {
  // With a full address: a path-only one writes no schedule.json to compare with.
  const compared = compareCalendars(buildGenerated(200, BASE));
  assert.ok(compared > 400, `${compared} events compared`);
});
