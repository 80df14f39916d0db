#!/usr/bin/env python3
"""Print the table of messages for docs/locales.md: every message of locales/da.ftl, the
variables it uses, and what uses it (the default theme's templates, samling's code).

Run from the repository's top folder and paste the output between the markers in
docs/locales.md:  python3 docs/locales-table.py
Python 3's standard library only."""

import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent


def messages(path):
    """Message id -> (variables, first line of its value), in file order."""
    out, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*)$", line)
        if m:
            current = m.group(1)
            out[current] = [set(), m.group(2).strip()]
        elif current and line[:1].isspace():
            pass
        else:
            current = None if not line.strip() or line.startswith("#") else current
        if current:
            out[current][0].update(re.findall(r"\$([a-zA-Z_][a-zA-Z0-9_-]*)", line))
    return out


uses = {}
for template in sorted((root / "themes/default/templates").glob("*.html")):
    text = template.read_text(encoding="utf-8")
    for m in re.finditer(r"""t\(key=(["'])([^"']+)\1(\s*~)?""", text):
        key = m.group(2) + ("*" if m.group(3) else "")
        uses.setdefault(key, set()).add(template.name)
# The messages code formats (src/locale/coverage.rs): the exports' after their comment.
who = "code"
for line in (root / "src/locale/coverage.rs").read_text(encoding="utf-8").splitlines():
    if "The exports'" in line:
        who = "exports"
    m = re.match(r'\s*\("([a-z][a-z0-9-]*)", &\[', line)
    if m:
        uses.setdefault(m.group(1), set()).add(who)
    if line.startswith("];"):
        break

print("| message | variables | used by | Danish |")
print("| --- | --- | --- | --- |")
for key, (variables, value) in messages(root / "locales/da.ftl").items():
    users = set(uses.get(key, set()))
    for prefix, names in uses.items():
        if prefix.endswith("*") and key.startswith(prefix[:-1]):
            users |= names
    if not value or value.endswith("->"):
        value = "(a plural or select: see the file)"
    value = value.replace("|", "\\|")
    args = ", ".join(f"`${v}`" for v in sorted(variables)) or "–"
    print(f"| `{key}` | {args} | {', '.join(sorted(users)) or '–'} | {value} |")
