#!/usr/bin/env python3
"""Makes the shared benchmark's samling site (../shared/bench/gen_programme.py) one that
samling builds: the generator draws people by index and sometimes gives one session two
different people of one name, which `samling check` refuses (two people of one name need a
speaker page each). The second of a name in a session gets " (2)" after it, in every
language alike; nothing else changes. Standard library only.

    python3 benches/peer_site_fixup.py /dev/shm/s10k
"""
import pathlib
import re
import sys

NAME = re.compile(r'^name = "(.*)"$')


def fix(text):
    head, sep, body = text.partition("\n+++\n")
    seen, lines, changed = set(), [], False
    for line in head.split("\n"):
        m = NAME.match(line)
        if m:
            name = m.group(1)
            if name in seen:
                line, changed = f'name = "{name} (2)"', True
            seen.add(name)
        lines.append(line)
    return ("\n".join(lines) + sep + body) if changed else None


def main(root):
    fixed = 0
    for path in sorted(pathlib.Path(root, "content").rglob("*.md")):
        text = fix(path.read_text(encoding="utf-8"))
        if text is not None:
            path.write_text(text, encoding="utf-8")
            fixed += 1
    print(f"{fixed} session files with a repeated name fixed")


if __name__ == "__main__":
    main(sys.argv[1])
