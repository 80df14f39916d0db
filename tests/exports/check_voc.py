"""Reads every schedule.json of a built samling site with c3voc-schedule-tools (the c3voc's
library `voc`, which their converters and importers use) and compares what it sees with the
content: each event's title, start (an instant in the programme's zone), room, people and
abstract, and the session's text at the start of the description; then has it write the
schedule as frab XML, which with a full base URL must be valid against the XSD. Then reads
every schedule.xml with schedule-convert's frab importer, which tells people apart by their
`id` (without one it credited every session to the first person it met), and compares each
event's title, local start and people with the content.

usage: check_voc.py SITE_ROOT PUBLIC_DIR SCHEMA_DIR BASE_URL"""

import datetime as dt
import os
import subprocess
import sys
import tempfile
from zoneinfo import ZoneInfo

from schedule_convert.importers.frab_xml import FrabXmlImporter
from voc.schedule import Schedule

import common


def main(root, public, schemas, base):
    site = common.load(root)
    session_uids = {common.uid(k): k for k in site.sessions}
    xsd = os.path.join(schemas, "schedule.xml.xsd")
    found = events = converted = 0
    for dirpath, _, names in sorted(os.walk(public)):
        if "schedule.json" not in names:
            continue
        path = os.path.join(dirpath, "schedule.json")
        lang, programme = os.path.relpath(dirpath, public).split(os.sep, 1)
        programme = programme.replace(os.sep, "/")
        zone = ZoneInfo(site.timezone_of(programme))
        schedule = Schedule.from_file(path)

        def compare(event):
            key = session_uids.get(event["guid"])
            assert key, f"{path}: {event['guid']} is no session"
            shown = site.pick(site.sessions[key], lang)
            front = shown.front
            assert event["title"].endswith(front["title"]), f"{path}: {key}: title {event['title']}"
            if "start" in front:
                want = dt.datetime.combine(front["date"], front["start"]).replace(tzinfo=zone)
                assert event.start == want, f"{path}: {key}: starts {event.start}, content {want}"
            else:
                # All day: on its date, for as long as the day's other sessions (docs/exports.md).
                assert event.start.astimezone(zone).date() == front["date"], f"{path}: {key}: all day on {front['date']}, at {event.start}"
            if "room" in front:
                assert event["room"] == front["room"], f"{path}: {key}: room {event['room']}"
            named = [site.speaker_name(e, lang) for e in site.people_of(front)]
            assert event.persons() == named, f"{path}: {key}: people {event.persons()}, content {named}"
            assert event["abstract"] == front.get("summary"), f"{path}: {key}: abstract"
            body = open(shown.path, encoding="utf-8").read().split("+++", 2)[2].strip()
            first_words = " ".join(body.split("\n\n")[0].split()[:4])
            if body and not body.startswith(("#", "-", "<", "!", "[", "*", "|", ">", "`")):
                assert (event["description"] or "").startswith(first_words), f"{path}: {key}: description"
            return 1

        seen = sum(schedule.foreach_event(compare))
        # Every dated session a reader of the language sees, all-day ones included.
        dated = [
            k for k, translations in site.sessions.items()
            if site.programme_of(k) == programme
            and (shown := site.pick(translations, lang)) is not None
            and "date" in shown.front
        ]
        assert seen == len(dated), f"{path}: {seen} events, the content has {len(dated)} dated sessions"
        events += seen
        if "://" in base:
            with tempfile.NamedTemporaryFile("w", suffix=".xml", encoding="utf-8", delete=False) as out:
                out.write(schedule.xml())
            run = subprocess.run(["xmllint", "--noout", "--schema", xsd, out.name], capture_output=True, text=True)
            os.unlink(out.name)
            assert run.returncode == 0, f"{path}: voc's schedule.xml from it: {run.stderr[:2000]}"
        # schedule-convert, from schedule.xml.
        conference = FrabXmlImporter().parse(open(os.path.join(dirpath, "schedule.xml"), "rb"))
        for event in conference.events:
            key = session_uids.get(str(event.guid))
            assert key, f"{path}: schedule-convert: {event.guid} is no session"
            front = site.pick(site.sessions[key], lang).front
            assert event.title.endswith(front["title"]), f"{path}: schedule-convert: {key}: title"
            if "start" in front:
                local = dt.datetime.combine(front["date"], front["start"])
                assert event.start == local, f"{path}: schedule-convert: {key}: starts {event.start}, content {local}"
            else:
                assert event.start.date() == front["date"], f"{path}: schedule-convert: {key}: all day at {event.start}"
            named = [site.speaker_name(e, lang) for e in site.people_of(front)]
            got = [p.name for p in event.speakers]
            assert got == named, f"{path}: schedule-convert: {key}: people {got}, content {named}"
            converted += 1
        found += 1
    assert found, "no schedules found"
    print(f"check_voc: {found} schedules, {events} events read by c3voc-schedule-tools and {converted} by schedule-convert as the content says")


if __name__ == "__main__":
    main(*sys.argv[1:5])
