//! Helpers shared by the integration tests: sites in temporary folders, and reading output.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use samling::Site;

pub mod http;
pub mod tools;

/// The example site of the repository.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A new site made by `samling init` in a temporary folder.
pub fn starter_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    samling::init(dir.path()).unwrap();
    dir
}

/// A copy of the example site that a test may change.
pub fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = example_root();
    for entry in ["config.toml", "content", "locales", "static", "themes"] {
        copy_tree(&from.join(entry), &dir.path().join(entry));
    }
    dir
}

/// Copies a file or a folder with everything in it.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let inner = entry.path().strip_prefix(from).unwrap();
        let target = if inner.as_os_str().is_empty() {
            to.to_owned()
        } else {
            to.join(inner)
        };
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Builds the site at `root` into a new temporary folder.
pub fn build(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let site = Site::load(root).unwrap_or_else(|e| panic!("the site does not load:\n{e}"));
    site.build(&out.path().join("public"))
        .unwrap_or_else(|e| panic!("the site does not build:\n{e}"));
    out
}

pub fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

pub fn read(root: &Path, path: &str) -> String {
    fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The values of `attr="..."` in `html`, with `&amp;` decoded.
pub fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        rest = &rest[at + needle.len()..];
        let end = rest.find('"').expect("closed attribute");
        values.push(rest[..end].replace("&amp;", "&"));
        rest = &rest[end..];
    }
    values
}

/// The `<link rel="alternate" hreflang=...>` of a page, as (hreflang, href).
pub fn alternates(html: &str) -> Vec<(String, String)> {
    html.lines()
        // Language alternates only, not the change feed's link.
        .filter(|l| l.starts_with("<link rel=\"alternate\"") && l.contains(" hreflang="))
        .map(|l| {
            let lang = attribute_values(l, "hreflang").remove(0);
            let href = attribute_values(l, "href").remove(0);
            (lang, href)
        })
        .collect()
}

/// Resolves a relative link of the page at `page` (a path relative to the output) to a
/// path relative to the output, as a browser or static server would.
pub fn resolve(page: &str, link: &str) -> String {
    let link = link.split('#').next().unwrap();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let mut path = parts.join("/");
    if link.is_empty() {
        path = page.to_owned();
    } else if link.ends_with('/') || link == "." {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    path
}

/// `<html lang="...">` of a page.
pub fn html_lang(html: &str) -> String {
    let at = html.find("<html lang=\"").expect("html element with lang") + 12;
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// The site's message `key` in `lang`, as the theme shows it.
pub fn message(site: &Site, lang: &str, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = fluent::FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.to_string());
    }
    site.locales
        .get(lang)
        .unwrap()
        .message(key, Some(&fluent_args))
        .unwrap()
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every `href` and `src` of every page points at a file of the output (or is absolute).
pub fn assert_links_resolve(public: &Path) {
    let files = snapshot(public);
    let mut checked = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for link in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
        {
            if link.contains("://") || link.starts_with("mailto:") || link.starts_with("tel:") {
                continue;
            }
            if let Some(fragment) = link.strip_prefix('#') {
                assert!(
                    html.contains(&format!("id=\"{fragment}\"")),
                    "{path}: no anchor {link}"
                );
                continue;
            }
            if link.starts_with('/') {
                // Canonical and alternate addresses under a path-only base_url.
                let target = link.trim_start_matches('/');
                let target = if target.ends_with('/') || target.is_empty() {
                    format!("{target}index.html")
                } else {
                    target.to_owned()
                };
                assert!(
                    files.contains_key(&target),
                    "{path}: {link} does not resolve"
                );
                continue;
            }
            let target = resolve(path, &link);
            assert!(
                files.contains_key(&target),
                "{path}: {link} -> {target} is not in the output"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no links were checked");
}

/// Position of each needle in `haystack`, asserting that they appear in this order.
pub fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        let at = haystack[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing or out of order"));
        from += at + needle.len();
    }
}
