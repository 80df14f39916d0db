"""Validates every schedule.json of a built samling site against the c3voc JSON schema
(jsonschema, with format checks) and every schedule.xml against the c3voc XSD (xmllint), and
checks what conference apps rely on: exactly the seventeen event keys, acronym and slug
patterns, the pretalx person shape, guids that are the sessions' calendar UIDs, `day@date`,
`day@start` and `day@end` in the XML, and the same events in both files; the people the
content names, each with the same `id` (XML) and `code` (JSON) in every schedule of the site,
and a speaker page's person with the page's UUID.

With a full base URL every format of the schema is checked, `uri` included (the
rfc3986-validator package) and `date-time` (rfc3339-validator); `color` needs webcolors and is
not used by samling's schedules. A site whose base_url is only a path cannot give apps full
addresses: its events' `url` is then the page's address relative to schedule.json, checked to
resolve to the page, and only the `uri` format is left unchecked.

usage: check_schedules.py SITE_ROOT PUBLIC_DIR SCHEMA_DIR BASE_URL [--no-xsd]

--no-xsd leaves out the XSD (for a machine without xmllint; tests/exports.rs says so)."""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema

import common

EVENT_KEYS = {
    "guid", "id", "date", "start", "duration", "room", "slug", "url", "title", "subtitle",
    "track", "type", "language", "abstract", "description", "persons", "links",
}
ACRONYM = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
SLUG = re.compile(r"^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$")


def main(root, public, schemas, base, xsd_check=True):
    site = common.load(root)
    schema = json.load(open(os.path.join(schemas, "schema.json")))
    absolute = "://" in base
    formats = jsonschema.FormatChecker()
    assert "uri" in formats.checkers, "jsonschema cannot check `uri`: pip install rfc3986-validator"
    assert "date-time" in formats.checkers, "jsonschema cannot check `date-time`: pip install rfc3339-validator"
    if not absolute:
        formats = jsonschema.FormatChecker([f for f in formats.checkers if f != "uri"])
    validator = jsonschema.Draft6Validator(schema, format_checker=formats)
    xsd = os.path.join(schemas, "schedule.xml.xsd")
    session_uids = {common.uid(k): k for k in site.sessions}
    found = 0
    person_numbers = {}
    for dirpath, _, names in sorted(os.walk(public)):
        if "schedule.json" not in names and "schedule.xml" not in names:
            continue
        assert "schedule.json" in names and "schedule.xml" in names, f"{dirpath}: one schedule without the other"
        lang, programme = os.path.relpath(dirpath, public).split(os.sep, 1)
        programme = programme.replace(os.sep, "/")
        assert programme in site.programmes, dirpath

        path = os.path.join(dirpath, "schedule.json")
        doc = json.load(open(path, encoding="utf-8"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, f"{path}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        conference = doc["schedule"]["conference"]
        assert ACRONYM.match(conference["acronym"]), conference["acronym"]
        assert conference["time_zone_name"] == site.timezone_of(programme), path
        json_events = {}
        for day in conference["days"]:
            for room, events in day["rooms"].items():
                for ev in events:
                    assert set(ev) == EVENT_KEYS, f"{path}: keys {sorted(set(ev) ^ EVENT_KEYS)}"
                    assert ev["room"] == room, path
                    assert SLUG.match(ev["slug"]) and ev["slug"].isascii(), f"{path}: slug {ev['slug']}"
                    assert ev["date"].startswith(day["date"]), path
                    for person in ev["persons"]:
                        assert {"name", "public_name", "guid", "code"} <= set(person), f"{path}: person {person}"
                    key = session_uids.get(ev["guid"])
                    assert key, f"{path}: guid {ev['guid']} is no session's UID"
                    assert key.startswith(programme + "/"), f"{path}: {key} is not in {programme}"
                    shown = site.pick(site.sessions[key], lang)
                    assert shown is not None, f"{path}: {key} is not shown in {lang}"
                    assert ev["title"].endswith(shown.front["title"]), f"{path}: title {ev['title']}"
                    named = site.people_of(shown.front)
                    assert len(ev["persons"]) == len(named), f"{path}: {key}: persons"
                    for person, entry in zip(ev["persons"], named):
                        name = site.speaker_name(entry, lang)
                        assert person["name"] == name, f"{path}: {key}: {person}, want {name}"
                        page = site.speaker_page_of(entry)
                        if page:
                            assert person["guid"] == common.uid(page), f"{path}: {key}: {name}'s guid is not their page's"
                    if absolute:
                        assert ev["url"] == f"{base.rstrip('/')}/{shown.lang}/{key}/", f"{path}: url {ev['url']}"
                    else:
                        target = os.path.normpath(os.path.join(dirpath, ev["url"]))
                        if os.path.isdir(target):
                            target = os.path.join(target, "index.html")
                        assert os.path.isfile(target), f"{path}: url {ev['url']} does not resolve"
                    json_events[ev["guid"]] = ev
        assert len({e["slug"] for e in json_events.values()}) == len(json_events), f"{path}: slugs repeat"
        assert len({e["id"] for e in json_events.values()}) == len(json_events), f"{path}: ids repeat"

        path = os.path.join(dirpath, "schedule.xml")
        if xsd_check:
            run = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True)
            assert run.returncode == 0, f"{path}: xmllint: {run.stderr}"
        tree = ET.parse(path)
        days = tree.getroot().findall("day")
        assert days, path
        xml_events = {}
        for day in days:
            for attr in ("date", "start", "end", "index"):
                assert day.get(attr), f"{path}: day without @{attr}"
            assert day.get("start") <= day.get("end"), path
            for ev in day.iter("event"):
                assert ev.findtext("date").startswith(day.get("date")), path
                xml_events[ev.get("guid")] = ev
        assert set(xml_events) == set(json_events), f"{path}: not the events of schedule.json"
        room_guids = {r["name"]: r.get("guid") for r in conference["rooms"]}
        for room in tree.getroot().iter("room"):
            assert room.get("guid") == room_guids.get(room.get("name")), f"{path}: room {room.get('name')}'s guid is not schedule.json's"
        for guid, ev in xml_events.items():
            j = json_events[guid]
            for name in ("date", "start", "duration", "room", "slug", "title"):
                assert ev.findtext(name) == str(j[name]), f"{path}: {guid}: {name}"
            assert int(ev.get("id")) == j["id"], path
            # ConfClerk shows only people with an id: one number per person, site-wide.
            persons = ev.find("persons").findall("person")
            assert len(persons) == len(j["persons"]), f"{path}: {guid}: persons"
            for x, jp in zip(persons, j["persons"]):
                assert x.get("id") and x.get("guid"), f"{path}: {guid}: a person without id or guid"
                assert (x.get("id"), x.get("guid"), x.text) == (jp["code"], jp["guid"], jp["name"]), f"{path}: {guid}: person"
                number = int(x.get("id"))
                assert person_numbers.setdefault(x.get("guid"), number) == number, f"{path}: {x.get('guid')} has two numbers"
        found += 1
    assert len(set(person_numbers.values())) == len(person_numbers), "two people have one number"
    assert found, "no schedules found"
    print(f"check_schedules: {found} programmes' schedule.json and schedule.xml valid")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], "--no-xsd" not in sys.argv[5:])
