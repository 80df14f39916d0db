"""What the export checks know of a samling site: its configuration and content, read
with tomllib from the Markdown files' front matter, independently of samling's own code."""

import datetime as dt
import os
import subprocess
import tomllib
import uuid
from dataclasses import dataclass, field


@dataclass
class Page:
    key: str
    lang: str
    front: dict
    path: str


@dataclass
class Site:
    root: str
    config: dict
    languages: list
    default: str
    programmes: dict = field(default_factory=dict)  # key -> {lang: Page}
    sessions: dict = field(default_factory=dict)  # key -> {lang: Page}
    speakers: dict = field(default_factory=dict)  # id -> {lang: Page}

    def programme_of(self, key):
        """The programme folder a session key belongs to (the nearest one above it)."""
        parts = key.split("/")
        for n in range(len(parts) - 1, 0, -1):
            candidate = "/".join(parts[:n])
            if candidate in self.programmes:
                return candidate
        raise AssertionError(f"no programme above {key}")

    def timezone_of(self, programme):
        translations = self.programmes[programme]
        front = translations.get(self.default) or next(iter(translations.values()))
        return front.front.get("timezone", self.config.get("timezone", "Europe/Copenhagen"))

    def pick(self, translations, lang):
        """The translation a reader of `lang` sees, as samling picks it."""
        if lang in translations:
            return translations[lang]
        if not self.config.get("list_untranslated", True):
            return None
        own = next((l.get("fallback", []) for l in self.config["languages"] if l["code"] == lang), [])
        for code in own + [self.default] + [l for l in self.languages if l != self.default]:
            if code in translations:
                return translations[code]
        return None

    def people_of(self, front):
        """The speakers and moderator a session's translation names, in its order."""
        speakers = front.get("speakers", [])
        moderator = front.get("moderator")
        return list(speakers) + ([moderator] if moderator is not None else [])

    def speaker_page_of(self, entry):
        """The content key of the speaker page an entry refers to by id, if it does."""
        if isinstance(entry, str):
            entry = {"id": entry}
        if "name" in entry or entry.get("id") not in self.speakers:
            return None
        return next(iter(self.speakers[entry["id"]].values())).key

    def speaker_name(self, entry, lang):
        if isinstance(entry, str):
            entry = {"id": entry}
        if "name" in entry:
            return entry["name"]
        pages = self.speakers[entry["id"]]
        page = pages.get(lang) or pages.get(self.default) or next(iter(pages.values()))
        return page.front["name"]


    def sources_of(self, key):
        """The files a session's facts come from, in every language: its own, its
        programme's, its theme's, and the speaker pages it names, by id or by a page's name."""
        paths = [p.path for p in self.sessions[key].values()]
        programme = self.programme_of(key)
        paths += [p.path for p in self.programmes[programme].values()]
        folder = key.rsplit("/", 1)[0]
        if folder != programme:
            theme_dir = os.path.join(self.root, "content", folder)
            paths += [os.path.join(theme_dir, n) for n in sorted(os.listdir(theme_dir)) if n.startswith("_index.")]
        names = {" ".join(p.front["name"].split()).lower(): i for i, pages in self.speakers.items() for p in pages.values()}
        for page in self.sessions[key].values():
            for entry in self.people_of(page.front):
                if isinstance(entry, str):
                    entry = {"id": entry}
                speaker = names.get(" ".join(entry["name"].split()).lower()) if "name" in entry else entry.get("id")
                if speaker in self.speakers:
                    paths += [p.path for p in self.speakers[speaker].values()]
        return sorted(set(paths))

    def committed(self, paths):
        """When the newest of `paths` was last committed, if the site is in git."""
        run = subprocess.run(
            ["git", "-C", self.root, "log", "-1", "--no-merges", "--format=%ct", "--"] + [os.path.relpath(p, self.root) for p in paths],
            capture_output=True, text=True,
        )
        if run.returncode != 0 or not run.stdout.strip():
            return None
        return dt.datetime.fromtimestamp(int(run.stdout.strip()), dt.timezone.utc)


def uid(key):
    """Entry::uid: a UUIDv5 (URL namespace) of `samling:<content key>`."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"samling:{key}"))


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    assert text.startswith("+++"), path
    end = text.index("\n+++", 3)
    return tomllib.loads(text[3:end])


def load(root):
    config = tomllib.load(open(os.path.join(root, "config.toml"), "rb"))
    languages = [l["code"] for l in config["languages"]]
    default = next(l["code"] for l in config["languages"] if l.get("default"))
    site = Site(root, config, languages, default)
    content = os.path.join(root, "content")
    pages = []
    for dirpath, _, files in os.walk(content):
        for name in files:
            if not name.endswith(".md"):
                continue
            stem, lang = name[:-3].rsplit(".", 1)
            rel = os.path.relpath(dirpath, content).replace(os.sep, "/")
            rel = "" if rel == "." else rel
            path = os.path.join(dirpath, name)
            front = front_matter(path)
            pages.append((rel, stem, lang, front, path))
    for rel, stem, lang, front, path in pages:
        if stem == "_index" and rel and "/" not in rel and front.get("kind", "programme") == "programme":
            site.programmes.setdefault(rel, {})[lang] = Page(rel, lang, front, path)
        if front.get("kind") == "speaker":
            site.speakers.setdefault(stem, {})[lang] = Page(f"{rel}/{stem}".strip("/"), lang, front, path)
    for rel, stem, lang, front, path in pages:
        if stem == "_index" or front.get("kind") not in (None, "session"):
            continue
        top = rel.split("/")[0] if rel else ""
        if top in site.programmes:
            key = f"{rel}/{stem}"
            site.sessions.setdefault(key, {})[lang] = Page(key, lang, front, path)
    return site
