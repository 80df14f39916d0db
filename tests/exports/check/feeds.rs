//! Every language's change feed of a built site parsed as Atom (`feed-rs`, and `roxmltree`
//! for the elements RFC 4287 requires, which feed-rs makes up when they are missing: it
//! generates an id for a feed or entry without one), the Rust port of check_feeds.py: id,
//! title, updated, author, self link; entries with id, title, updated, summary and a link to
//! a page that exists, newest first, one per change in the content a reader of that language
//! sees; and every page links to its language's feed with
//! `<link rel="alternate" type="application/atom+xml">`, in <head> and visibly.

use std::collections::BTreeSet;
use std::path::Path;

use feed_rs::model::FeedType;
use regex::Regex;

use super::site;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

fn atom_child<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    name: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name((ATOM, name)))
}

fn has_text(node: Option<roxmltree::Node<'_, '_>>) -> bool {
    node.and_then(|n| n.text())
        .is_some_and(|t| !t.trim().is_empty())
}

/// Checks the feeds; answers how many entries they have in all.
pub fn check(root: &Path, public: &Path) -> Result<usize, String> {
    let site = site::load(root);
    let head_link =
        Regex::new(r#"<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)""#)
            .unwrap();
    let mut total = 0;
    let mut all_ids = BTreeSet::new();
    for lang in &site.languages {
        let path = public.join(lang).join("feed.xml");
        let p = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| format!("{p}: {e}"))?;
        let feed = feed_rs::parser::parse(bytes.as_slice()).map_err(|e| format!("{p}: {e}"))?;
        ensure!(
            feed.feed_type == FeedType::Atom,
            "{p}: {:?}",
            feed.feed_type
        );
        ensure!(!feed.id.is_empty(), "{p}: no feed id");
        ensure!(
            feed.title.is_some_and(|t| !t.content.is_empty()),
            "{p}: no feed title"
        );
        ensure!(feed.updated.is_some(), "{p}: no feed updated");

        let text = std::str::from_utf8(&bytes).map_err(|e| format!("{p}: {e}"))?;
        let xml = roxmltree::Document::parse(text).map_err(|e| format!("{p}: {e}"))?;
        let top = xml.root_element();
        ensure!(
            top.has_tag_name((ATOM, "feed")),
            "{p}: not an Atom feed element"
        );
        ensure!(
            top.attribute((XML, "lang")) == Some(lang),
            "{p}: xml:lang is not {lang}"
        );
        for name in ["id", "title", "updated"] {
            ensure!(has_text(atom_child(top, name)), "{p}: no {name}");
        }
        ensure!(
            has_text(atom_child(top, "author").and_then(|a| atom_child(a, "name"))),
            "{p}: no author/name"
        );
        ensure!(
            (top.children())
                .any(|n| n.has_tag_name((ATOM, "link")) && n.attribute("rel") == Some("self")),
            "{p}: no self link"
        );
        let entries: Vec<_> = top
            .children()
            .filter(|n| n.has_tag_name((ATOM, "entry")))
            .collect();
        ensure!(
            entries.len() == feed.entries.len(),
            "{p}: feed-rs read another number of entries"
        );
        for (n, entry) in entries.iter().enumerate() {
            for name in ["id", "title", "updated", "summary"] {
                ensure!(
                    has_text(atom_child(*entry, name)),
                    "{p}: entry {n} without {name}"
                );
            }
            // An entry about a page in another language says which (xml:lang), and its
            // id is not another feed's.
            let href = atom_child(*entry, "link")
                .and_then(|l| l.attribute("href"))
                .unwrap_or_default();
            let page_lang = href
                .split('/')
                .find(|segment| site.languages.iter().any(|l| l == segment))
                .unwrap_or(lang);
            let entry_lang = entry.attribute((XML, "lang")).unwrap_or(lang);
            ensure!(
                entry_lang == page_lang,
                "{p}: entry {n} is in {entry_lang}, its page in {page_lang}"
            );
            let id = atom_child(*entry, "id")
                .and_then(|i| i.text())
                .unwrap_or_default();
            ensure!(
                all_ids.insert(id.to_owned()),
                "{p}: entry id {id} is in two feeds"
            );
        }

        let mut ids = BTreeSet::new();
        let mut previous = None;
        for entry in &feed.entries {
            let title = entry
                .title
                .as_ref()
                .map(|t| t.content.as_str())
                .unwrap_or("");
            ensure!(!title.is_empty(), "{p}: an entry without a title");
            ensure!(
                entry
                    .summary
                    .as_ref()
                    .is_some_and(|s| !s.content.is_empty()),
                "{p}: {title}: no summary"
            );
            let updated = entry
                .updated
                .ok_or_else(|| format!("{p}: {title}: no updated"))?;
            ensure!(ids.insert(entry.id.clone()), "{p}: id {} twice", entry.id);
            if let Some(previous) = previous {
                ensure!(updated <= previous, "{p}: not newest first at {title}");
            }
            previous = Some(updated);
            let link = entry
                .links
                .first()
                .map(|l| l.href.as_str())
                .ok_or_else(|| format!("{p}: {title}: no link"))?;
            if !link.contains("://") {
                let target = public.join(lang).join(link);
                ensure!(target.is_file(), "{p}: {link} does not resolve");
            }
        }
        let expected: usize = (site.sessions.values())
            .filter_map(|translations| site.pick(translations, lang))
            .map(|shown| site::changes(&shown.front).len())
            .sum();
        ensure!(
            feed.entries.len() == expected,
            "{p}: {} entries, content has {expected}",
            feed.entries.len()
        );
        total += feed.entries.len();

        // Every page of the language links to the feed, in <head> and visibly.
        let mut pages = 0;
        for page in walkdir::WalkDir::new(public.join(lang)) {
            let page = page.unwrap();
            if page.file_name() != "index.html" {
                continue;
            }
            let html = std::fs::read_to_string(page.path()).unwrap();
            let pp = page.path().display();
            let href = head_link
                .captures(&html)
                .map(|c| c[1].to_owned())
                .ok_or_else(|| format!("{pp}: no Atom link in <head>"))?;
            let target = page.path().parent().unwrap().join(&href);
            ensure!(
                same_file(&target, &path),
                "{pp}: the feed link goes to {}",
                target.display()
            );
            ensure!(
                html.matches(&href).count() >= 2,
                "{pp}: no visible link to the feed"
            );
            pages += 1;
        }
        ensure!(pages > 0, "{lang}: no pages");
    }
    Ok(total)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
