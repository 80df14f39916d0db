//! The documentation's links: every relative link and `#anchor` in README.md, CHANGELOG.md
//! and docs/*.md goes to a file that exists and to a heading that file has, as GitHub shows
//! them. Links with a scheme (`https:`, `mailto:`) are not fetched.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The documents whose links are checked, relative to the repository.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("README.md"), PathBuf::from("CHANGELOG.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("docs"))
        .expect("docs/ exists")
        .map(|e| e.expect("docs/ is readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| Path::new("docs").join(p.file_name().unwrap()))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// GitHub's anchor of a heading: lowercase, punctuation dropped, spaces to `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a Markdown text's headings, duplicates numbered `-1`, `-2` as GitHub does.
fn anchors(markdown: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::all()) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let n = seen.entry(base.clone()).or_insert(0);
                let anchor = if *n == 0 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                *n += 1;
                anchors.insert(anchor);
            }
            _ => {}
        }
    }
    anchors
}

/// The link and image targets of a Markdown text.
fn links(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, Options::all())
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// Whether a link names a scheme (`https:`, `mailto:`): such links are not followed.
fn has_scheme(link: &str) -> bool {
    match link.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && !scheme.contains(['/', '#', '?'])
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        }
        None => false,
    }
}

/// The broken links of `markdown`, the document at `file` in the repository at `root`: each
/// as "file: link (why)".
fn broken_links(root: &Path, file: &Path, markdown: &str) -> Vec<String> {
    let mut broken = Vec::new();
    let folder = file.parent().unwrap_or(Path::new(""));
    for link in links(markdown) {
        if has_scheme(&link) {
            continue;
        }
        let (path, anchor) = match link.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (link.as_str(), None),
        };
        let path = path.split('?').next().unwrap_or_default();
        let target = if path.is_empty() {
            file.to_owned()
        } else {
            folder.join(path)
        };
        let full = root.join(&target);
        if !path.is_empty() && !full.exists() {
            broken.push(format!(
                "{}: {link} (no file {})",
                file.display(),
                target.display()
            ));
            continue;
        }
        let Some(anchor) = anchor.filter(|a| !a.is_empty()) else {
            continue;
        };
        let text = if path.is_empty() {
            markdown.to_owned()
        } else if full.extension().is_some_and(|e| e == "md") {
            std::fs::read_to_string(&full).unwrap_or_default()
        } else {
            broken.push(format!(
                "{}: {link} (an anchor in a file that is not Markdown)",
                file.display()
            ));
            continue;
        };
        if !anchors(&text).contains(anchor) {
            broken.push(format!(
                "{}: {link} (no heading `#{anchor}` in {})",
                file.display(),
                target.display()
            ));
        }
    }
    broken
}

#[test]
fn every_relative_link_and_anchor_of_the_docs_resolves() {
    let root = Path::new(ROOT);
    let mut broken = Vec::new();
    for file in documents() {
        let text = std::fs::read_to_string(root.join(&file))
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        broken.extend(broken_links(root, &file, &text));
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_broken_link_or_anchor_is_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(
        dir.path().join("docs/other.md"),
        "# Other\n\n## Adding a language\n\n## Adding a language\n",
    )
    .unwrap();
    let text = "# Title\n\n## `config.toml`: the keys!\n\n\
        [fine](other.md) [fine](other.md#adding-a-language) [fine](other.md#adding-a-language-1) \
        [here](#configtoml-the-keys) [web](https://example.org/x#y) [mail](mailto:a@example.org)\n\
        [missing file](gone.md) [missing anchor](other.md#adding-languages) \
        [missing here](#nowhere) [third](other.md#adding-a-language-2) ![img](images/none.png)\n";
    let broken = broken_links(dir.path(), Path::new("docs/page.md"), text);
    assert_eq!(
        broken,
        [
            "docs/page.md: gone.md (no file docs/gone.md)",
            "docs/page.md: other.md#adding-languages (no heading `#adding-languages` in docs/other.md)",
            "docs/page.md: #nowhere (no heading `#nowhere` in docs/page.md)",
            "docs/page.md: other.md#adding-a-language-2 (no heading `#adding-a-language-2` in docs/other.md)",
            "docs/page.md: images/none.png (no file docs/images/none.png)",
        ]
    );
}

#[test]
fn headings_get_githubs_anchors() {
    assert_eq!(
        slug("Previewing while you write: `samling serve`"),
        "previewing-while-you-write-samling-serve"
    );
    assert_eq!(
        slug("For visitors: timetable, search, my programme"),
        "for-visitors-timetable-search-my-programme"
    );
    assert_eq!(
        slug("Calendars, schedules for conference apps and the change feed"),
        "calendars-schedules-for-conference-apps-and-the-change-feed"
    );
    assert_eq!(slug("Tilføj på dansk"), "tilføj-på-dansk");
}

#[test]
fn the_locales_doc_lists_every_message_of_the_default_locale() {
    let root = Path::new(ROOT);
    let ftl = std::fs::read_to_string(root.join("locales/da.ftl")).unwrap();
    let doc = std::fs::read_to_string(root.join("docs/locales.md")).unwrap();
    let missing: Vec<&str> = ftl
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .filter(|id| !id.is_empty() && !id.starts_with([' ', '#', '*', '[']))
        .filter(|id| !doc.contains(&format!("| `{id}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/locales.md lacks {missing:?}: run `python3 docs/locales-table.py` and paste its table"
    );
}
