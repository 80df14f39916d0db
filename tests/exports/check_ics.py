"""Checks every .ics file of a built samling site with a real iCalendar parser (icalendar)
against the site's content: RFC 5545 lines (CRLF, folded at 75 octets between UTF-8
characters), one stable UID per session in every language, DTSTAMP (from changes and git
commits, read with git here), times with the
programme's TZID and a VTIMEZONE that gives the zone database's offset (also on the day
summer time starts or ends), SUMMARY/DESCRIPTION/LOCATION/URL in the file's language,
STATUS and SEQUENCE from the content.

usage: check_ics.py SITE_ROOT PUBLIC_DIR BASE_URL [--require-dst] [--require-cancelled]
       [--require-sequence]"""

import datetime as dt
import os
import sys
from zoneinfo import ZoneInfo

import icalendar
from dateutil import rrule

import common

SIGNIFICANT = {"moved", "cancelled"}


def check_lines(path, raw):
    assert raw.endswith(b"\r\n"), f"{path}: does not end with CRLF"
    lines = raw[:-2].split(b"\r\n")
    for n, line in enumerate(lines, 1):
        assert b"\n" not in line and b"\r" not in line, f"{path}:{n}: a bare line break"
        assert len(line) <= 75, f"{path}:{n}: {len(line)} octets"
        # Folding never splits a character: each physical line is UTF-8 by itself.
        line.decode("utf-8")
    return len(lines)


def vtimezone_offset(tz_component, local):
    """The offset the VTIMEZONE itself gives at naive local time `local`: the latest
    onset of its STANDARD and DAYLIGHT rules at or before it."""
    best = None
    for sub in tz_component.subcomponents:
        if sub.name not in ("STANDARD", "DAYLIGHT"):
            continue
        start = sub.decoded("DTSTART")
        onsets = [start]
        if "RRULE" in sub:
            rule = rrule.rrulestr(sub["RRULE"].to_ical().decode(), dtstart=start)
            onset = rule.before(local, inc=True)
            onsets = [onset] if onset else []
        for onset in onsets:
            if onset <= local and (best is None or onset > best[0]):
                best = (onset, sub.decoded("TZOFFSETTO"))
    assert best, f"no rule of {tz_component['TZID']} before {local}"
    return best[1]


def instant(cal, prop, path):
    """The UTC instant of DTSTART/DTEND, worked out from the file's own VTIMEZONE."""
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid:
        zones = [c for c in cal.walk("VTIMEZONE") if str(c["TZID"]) == tzid]
        assert len(zones) == 1, f"{path}: TZID {tzid} without one VTIMEZONE"
        local = value.replace(tzinfo=None)
        offset = vtimezone_offset(zones[0], local)
        # The zone database agrees with the static definition.
        expected = ZoneInfo(tzid).utcoffset(local)
        assert offset == expected, f"{path}: {tzid} at {local}: VTIMEZONE {offset}, tzdb {expected}"
        return (local - offset).replace(tzinfo=dt.timezone.utc)
    assert value.tzinfo is not None and value.utcoffset() == dt.timedelta(0), (
        f"{path}: {value!r} is neither UTC nor with a TZID"
    )
    return value


def transition_day(day, zone):
    z = ZoneInfo(zone)
    morning = dt.datetime.combine(day, dt.time(0, 0)).replace(tzinfo=z)
    evening = dt.datetime.combine(day, dt.time(23, 59)).replace(tzinfo=z)
    return morning.utcoffset() != evening.utcoffset()


def main(root, public, base):
    site = common.load(root)
    absolute = "://" in base
    if absolute and not base.endswith("/"):
        base += "/"
    checked_sessions = 0
    dst_sessions = 0
    cancelled = 0
    sequenced = 0
    from_commits = 0
    uids_by_session = {}
    for key, translations in sorted(site.sessions.items()):
        programme = site.programme_of(key)
        zone = site.timezone_of(programme)
        for lang, page in translations.items():
            front = page.front
            path = os.path.join(public, lang, key, "calendar.ics")
            if "date" not in front:
                assert not os.path.exists(path), f"{path}: a session without a date has a calendar"
                continue
            raw = open(path, "rb").read()
            check_lines(path, raw)
            cal = icalendar.Calendar.from_ical(raw)
            assert cal["VERSION"] == "2.0" and "PRODID" in cal, path
            events = list(cal.walk("VEVENT"))
            assert len(events) == 1, f"{path}: {len(events)} events"
            ev = events[0]
            assert str(ev["UID"]) == common.uid(key), f"{path}: UID {ev['UID']}"
            uids_by_session.setdefault(key, set()).add(str(ev["UID"]))
            # DTSTAMP from the record of edits: the newest of the session's changes (at
            # midnight UTC) and of its files' commits, else none (the epoch).
            changes = front.get("changes", [])
            recorded = [dt.datetime.combine(c["date"], dt.time(0), dt.timezone.utc) for c in changes]
            committed = site.committed(site.sources_of(key))
            recorded += [committed] if committed else []
            from_commits += bool(committed)
            epoch = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
            stamp = ev.decoded("DTSTAMP")
            assert stamp == max(recorded, default=epoch), f"{path}: DTSTAMP {stamp}, recorded {max(recorded, default=None)}"
            if recorded:
                assert ev.decoded("LAST-MODIFIED") == stamp, f"{path}: LAST-MODIFIED"
            else:
                assert "LAST-MODIFIED" not in ev, f"{path}: LAST-MODIFIED without a record"

            date = front["date"]
            if "start" in front:
                start_prop = ev["DTSTART"]
                if start_prop.params.get("TZID"):
                    assert start_prop.params["TZID"] == zone, f"{path}: TZID {start_prop.params['TZID']}"
                    assert start_prop.dt.replace(tzinfo=None) == dt.datetime.combine(date, front["start"]), path
                start = instant(cal, start_prop, path)
                want = dt.datetime.combine(date, front["start"]).replace(tzinfo=ZoneInfo(zone))
                assert start == want, f"{path}: DTSTART {start}, content {want}"
                if "end" in front:
                    end = instant(cal, ev["DTEND"], path)
                    end_day = date if front["end"] >= front["start"] else date + dt.timedelta(days=1)
                    want_end = dt.datetime.combine(end_day, front["end"]).replace(tzinfo=ZoneInfo(zone))
                    assert end == want_end, f"{path}: DTEND {end}, content {want_end}"
                else:
                    assert "DTEND" not in ev, f"{path}: a DTEND without an end in the content"
                if transition_day(date, zone):
                    dst_sessions += 1
            else:
                assert ev["DTSTART"].params.get("VALUE") == "DATE", path
                assert ev.decoded("DTSTART") == date, path
            summary = ev["SUMMARY"]
            assert str(summary).endswith(front["title"]), f"{path}: SUMMARY {summary}"
            assert summary.params.get("LANGUAGE") == lang, f"{path}: SUMMARY not in {lang}"
            status = front.get("status")
            if status == "cancelled":
                assert ev["STATUS"] == "CANCELLED", f"{path}: cancelled without STATUS:CANCELLED"
                assert str(summary) != front["title"], f"{path}: the title does not say cancelled"
                cancelled += 1
            elif status in ("confirmed", "tentative"):
                assert ev["STATUS"] == status.upper(), path
            else:
                assert "STATUS" not in ev, path
            sequence = sum(1 for c in changes if c["what"] in SIGNIFICANT)
            assert int(ev["SEQUENCE"]) == sequence, f"{path}: SEQUENCE {ev['SEQUENCE']}, want {sequence}"
            sequenced += sequence > 0
            description = str(ev.get("DESCRIPTION", ""))
            if front.get("summary"):
                assert front["summary"] in description, f"{path}: no summary in DESCRIPTION"
            people = front.get("speakers", []) + ([front["moderator"]] if "moderator" in front else [])
            for person in people:
                name = site.speaker_name(person, lang)
                assert name in description, f"{path}: speaker {name} not in DESCRIPTION"
            # The room and the venue (the session's own, else its programme's as a reader
            # of this language sees it).
            programme_page = site.pick(site.programmes[programme], lang)
            venue = front.get("venue") or (programme_page.front.get("venue") if programme_page else None)
            places = [place for place in (front.get("room"), venue) if place]
            if places:
                for place in places:
                    assert place in str(ev["LOCATION"]), f"{path}: {place} not in LOCATION"
                assert ev["LOCATION"].params.get("LANGUAGE") == lang, path
            if absolute:
                assert str(ev["URL"]) == f"{base}{lang}/{key}/", f"{path}: URL {ev['URL']}"
            else:
                assert "URL" not in ev, path
            checked_sessions += 1

    # The same session has the same UID in every language.
    for key, uids in uids_by_session.items():
        assert len(uids) == 1, f"{key}: UIDs {uids}"

    # Every calendar file (programmes and speakers too) parses, folds and is consistent with
    # the sessions' own files.
    session_uids = {common.uid(k): k for k in site.sessions}
    files = 0
    for dirpath, _, names in os.walk(public):
        for name in names:
            if not name.endswith(".ics"):
                continue
            path = os.path.join(dirpath, name)
            raw = open(path, "rb").read()
            check_lines(path, raw)
            cal = icalendar.Calendar.from_ical(raw)
            lang = os.path.relpath(path, public).split(os.sep)[0]
            assert lang in site.languages, path
            # iTIP (RFC 5546 section 3.2.1; libical checks it): a METHOD needs an ORGANIZER.
            unfolded = raw.decode("utf-8").replace("\r\n ", "")
            assert "\r\nMETHOD:" not in unfolded or "\r\nORGANIZER" in unfolded, f"{path}: METHOD without ORGANIZER"
            # A programme's calendar is named by its title as readers see it, unescaped.
            folder = os.path.relpath(dirpath, os.path.join(public, lang)).replace(os.sep, "/")
            if folder in site.programmes:
                title = site.pick(site.programmes[folder], lang).front["title"]
                assert f"\r\nX-WR-CALNAME:{title}\r\n" in unfolded, f"{path}: X-WR-CALNAME is not {title!r}"
            events = list(cal.walk("VEVENT"))
            assert events, f"{path}: no events"
            uids = [str(e["UID"]) for e in events]
            assert len(uids) == len(set(uids)), f"{path}: a UID twice"
            for ev in events:
                for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "SEQUENCE") if str(ev["UID"]) in session_uids else ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                    assert prop in ev, f"{path}: no {prop}"
                if "DTEND" in ev and ev["DTSTART"].params.get("VALUE") != "DATE":
                    assert instant(cal, ev["DTEND"], path) > instant(cal, ev["DTSTART"], path), f"{path}: DTEND not after DTSTART"
                key = session_uids.get(str(ev["UID"]))
                if key:
                    own = site.pick(site.sessions[key], lang)
                    assert own is not None, f"{path}: {key} is not shown in {lang}"
                    own_file = os.path.join(public, own.lang, key, "calendar.ics")
                    own_ev = icalendar.Calendar.from_ical(open(own_file, "rb").read()).walk("VEVENT")[0]
                    # A session shown in another language keeps its time; its title is
                    # the same when the calendar's language is its own.
                    props = ("DTSTART", "DTEND", "SEQUENCE", "STATUS", "LOCATION")
                    if own.lang == lang:
                        props += ("SUMMARY", "DESCRIPTION")
                    for prop in props:
                        assert (prop in ev) == (prop in own_ev), f"{path}: {key}: {prop}"
                        if prop in ev:
                            # Parameters too (TZID, LANGUAGE): to_ical() gives the value alone.
                            assert ev[prop].to_ical() == own_ev[prop].to_ical(), f"{path}: {key}: {prop}"
                            assert dict(ev[prop].params) == dict(own_ev[prop].params), f"{path}: {key}: {prop} parameters"
            for tz in cal.walk("VTIMEZONE"):
                ZoneInfo(str(tz["TZID"]))  # a full IANA name
            files += 1
    assert checked_sessions > 0, "no session calendars checked"
    print(
        f"check_ics: {files} calendar files, {checked_sessions} session calendars, "
        f"{dst_sessions} on a day the clocks change, {cancelled} cancelled, {sequenced} with SEQUENCE > 0, "
        f"{from_commits} stamped from their files' commits"
    )
    return dst_sessions, cancelled, sequenced


if __name__ == "__main__":
    dst_sessions, cancelled, sequenced = main(sys.argv[1], sys.argv[2], sys.argv[3])
    # What the caller requires to have been covered, e.g. `--require-dst`.
    for flag, count in (("--require-dst", dst_sessions), ("--require-cancelled", cancelled), ("--require-sequence", sequenced)):
        if flag in sys.argv[4:] and count == 0:
            sys.exit(f"check_ics: {flag}: no such session in this site")
