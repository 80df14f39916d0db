"""Parses every language's change feed of a built samling site as Atom (feedparser, and
ElementTree for the elements RFC 4287 requires): id, title, updated, author, self link;
entries with id, title, updated and a link to a page that exists, newest first, one per
change in the content a reader of that language sees, with `xml:lang` where the page is in
another language and ids that no other feed has; and every page links to its
language's feed with <link rel="alternate" type="application/atom+xml">. A meeting series'
feeds are read the same way.

usage: check_feeds.py SITE_ROOT PUBLIC_DIR"""

import os
import re
import sys
import xml.etree.ElementTree as ET

import feedparser

import common

ATOM = "{http://www.w3.org/2005/Atom}"


def main(root, public):
    site = common.load(root)
    total = 0
    all_ids = set()
    for lang in site.languages:
        path = os.path.join(public, lang, "feed.xml")
        feed = feedparser.parse(path)
        assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
        assert feed.version == "atom10", f"{path}: {feed.version}"
        for name in ("id", "title", "updated"):
            assert feed.feed.get(name), f"{path}: no feed {name}"
        xml = ET.parse(path).getroot()
        assert xml.tag == f"{ATOM}feed", path
        assert xml.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, path
        for name in ("id", "title", "updated", "author/" + ATOM + "name"):
            assert xml.find(ATOM + name) is not None, f"{path}: no {name}"
        assert any(l.get("rel") == "self" for l in xml.findall(ATOM + "link")), path
        for n, entry in enumerate(xml.findall(ATOM + "entry")):
            # An entry about a page in another language says which, and its id is not
            # another feed's.
            href = entry.find(ATOM + "link").get("href")
            page_lang = next((s for s in href.split("/") if s in site.languages), lang)
            entry_lang = entry.get("{http://www.w3.org/XML/1998/namespace}lang", lang)
            assert entry_lang == page_lang, f"{path}: entry {n} is in {entry_lang}, its page in {page_lang}"
            entry_id = entry.findtext(ATOM + "id")
            assert entry_id not in all_ids, f"{path}: entry id {entry_id} is in two feeds"
            all_ids.add(entry_id)
        ids = set()
        previous = None
        for entry in feed.entries:
            for name in ("id", "title", "updated", "link", "summary"):
                assert entry.get(name), f"{path}: an entry without {name}"
            assert entry.id not in ids, f"{path}: id {entry.id} twice"
            ids.add(entry.id)
            if previous is not None:
                assert entry.updated_parsed <= previous, f"{path}: not newest first at {entry.title}"
            previous = entry.updated_parsed
            if "://" not in entry.link:
                target = os.path.normpath(os.path.join(public, lang, entry.link))
                assert os.path.isfile(target), f"{path}: {entry.link} does not resolve"
        expected = 0
        for translations in site.sessions.values():
            shown = site.pick(translations, lang)
            if shown is not None:
                expected += len(shown.front.get("changes", []))
        assert len(feed.entries) == expected, f"{path}: {len(feed.entries)} entries, content has {expected}"
        total += len(feed.entries)

        # Every page of the language links to the feed, in <head> and visibly.
        pages = 0
        for dirpath, _, names in os.walk(os.path.join(public, lang)):
            if "index.html" not in names:
                continue
            page = os.path.join(dirpath, "index.html")
            html = open(page, encoding="utf-8").read()
            head = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html)
            assert head, f"{page}: no Atom link in <head>"
            target = os.path.normpath(os.path.join(dirpath, head.group(1)))
            assert target == os.path.normpath(path), f"{page}: the feed link goes to {target}"
            assert html.count(head.group(1)) >= 2, f"{page}: no visible link to the feed"
            pages += 1
        assert pages, lang
    # The other feeds (a meeting series' agendas and minutes): Atom that feedparser reads, the
    # elements RFC 4287 requires, entries newest first that link to pages that exist.
    series = 0
    for lang in site.languages:
        for dirpath, _, names in os.walk(os.path.join(public, lang)):
            if "feed.xml" not in names or os.path.samefile(dirpath, os.path.join(public, lang)):
                continue
            path = os.path.join(dirpath, "feed.xml")
            feed = feedparser.parse(path)
            assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
            assert feed.version == "atom10", f"{path}: {feed.version}"
            for name in ("id", "title", "updated"):
                assert feed.feed.get(name), f"{path}: no feed {name}"
            xml = ET.parse(path).getroot()
            assert xml.get("{http://www.w3.org/XML/1998/namespace}lang") == lang, path
            assert any(l.get("rel") == "self" for l in xml.findall(ATOM + "link")), path
            assert feed.entries, f"{path}: no entries"
            for entry in feed.entries:
                for name in ("id", "title", "updated", "link"):
                    assert entry.get(name), f"{path}: an entry without {name}"
                assert entry.id not in all_ids, f"{path}: entry id {entry.id} is in two feeds"
                all_ids.add(entry.id)
                if "://" not in entry.link:
                    target = os.path.normpath(os.path.join(dirpath, entry.link))
                    if os.path.isdir(target):
                        target = os.path.join(target, "index.html")
                    assert os.path.isfile(target), f"{path}: {entry.link} does not resolve"
            series += 1
    has_series = any(
        name.startswith("_index.") and 'kind = "series"' in open(os.path.join(d, name), encoding="utf-8").read()
        for d, _, names in os.walk(os.path.join(root, "content"))
        for name in names
    )
    assert series or not has_series, "the site has a series, but no series feed was checked"
    print(f"check_feeds: {len(site.languages)} feeds, {total} entries; {series} series feeds")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
