"""Reads every .ics file of a built samling site with libical 3 (the library of Evolution,
GNOME Calendar and KDE's calendars, through its GObject interface), with its RFC 5545 and
RFC 5546 restriction checks on, and fails on any problem libical reports (`X-LIC-ERROR`):
a property that does not parse, a value out of its type, a component that lacks or repeats
what the RFCs require of it, a METHOD without what iTIP then needs.

Debian's python3 with python3-gi and gir1.2-ical-3.0 (.ci/run installs them).

usage: /usr/bin/python3 check_libical.py PUBLIC_DIR"""

import os
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors_in(component):
    """The X-LIC-ERROR texts libical put anywhere in `component`."""
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.get_xlicerror())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found.extend(errors_in(child))
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def main(public):
    files = events = 0
    problems = []
    for dirpath, _, names in sorted(os.walk(public)):
        for name in sorted(names):
            if not name.endswith(".ics"):
                continue
            path = os.path.join(dirpath, name)
            text = open(path, encoding="utf-8").read()
            calendar = ICalGLib.Component.new_from_string(text)
            assert calendar is not None, f"{path}: libical cannot read it"
            assert calendar.isa() == ICalGLib.ComponentKind.VCALENDAR_COMPONENT, path
            ICalGLib.restriction_check(calendar)
            problems.extend(f"{path}: {e}" for e in errors_in(calendar))
            events += calendar.count_components(ICalGLib.ComponentKind.VEVENT_COMPONENT)
            files += 1
    assert files, "no calendar files"
    assert not problems, f"libical: {len(problems)} problems, e.g.\n" + "\n".join(problems[:10])
    print(f"check_libical: {files} calendar files, {events} events, no problem libical reports")


if __name__ == "__main__":
    main(sys.argv[1])
