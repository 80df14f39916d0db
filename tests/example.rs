//! The example site of the repository, built from the seed documents, in all its languages.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use common::*;
use samling::Site;

/// The example site, built once for all tests of this file.
fn example() -> &'static (Site, tempfile::TempDir) {
    static BUILT: OnceLock<(Site, tempfile::TempDir)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let site = Site::load(&example_root()).unwrap_or_else(|e| panic!("{e}"));
        let out = tempfile::tempdir().unwrap();
        site.build(&out.path().join("public")).unwrap_or_else(|e| panic!("{e}"));
        (site, out)
    })
}

fn public() -> std::path::PathBuf {
    example().1.path().join("public")
}

fn page(path: &str) -> String {
    read(&public(), path)
}

/// (output path, language) of every content file.
fn expected_pages() -> Vec<(String, String)> {
    let content = example_root().join("content");
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&content).unwrap().to_string_lossy().into_owned();
        let Some(base) = rel.strip_suffix(".md") else { continue };
        let (path, lang) = base.rsplit_once('.').unwrap();
        let key = path.strip_suffix("_index").unwrap_or(path).trim_end_matches('/');
        let out = if key.is_empty() { format!("{lang}/index.html") } else { format!("{lang}/{key}/index.html") };
        pages.push((out, lang.to_owned()));
    }
    pages.sort();
    pages
}

#[test]
fn every_page_exists_in_each_of_its_languages_and_no_other() {
    let pages = expected_pages();
    assert!(pages.len() > 60, "the example site has {} pages", pages.len());
    for (path, lang) in &pages {
        let html = page(path);
        assert_eq!(html_lang(&html), *lang, "{path}");
    }
    let expected: BTreeSet<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
    let site = &example().0;
    for (path, _) in snapshot(&public()) {
        let is_index = path.ends_with("/index.html");
        let generated = path.split('/').nth(1) == Some(site.config.speakers_path.as_str()) && path.matches('/').count() == 2
            || path.matches('/').count() == 1;
        if is_index && !generated {
            assert!(expected.contains(path.as_str()), "{path} has no content file");
        }
    }
    for lang in ["da", "sv", "nb"] {
        assert!(public().join(lang).join("index.html").is_file());
        assert!(public().join(lang).join("speakers/index.html").is_file());
    }
}

#[test]
fn every_internal_and_switcher_link_resolves() {
    assert_links_resolve(&public());
}

#[test]
fn every_page_switches_to_every_language() {
    for (path, lang) in expected_pages() {
        let html = page(&path);
        let switcher = &html[html.find("class=\"language-switcher\"").unwrap()..];
        let switcher = &switcher[..switcher.find("</nav>").unwrap()];
        let links = attribute_values(switcher, "href");
        assert_eq!(links.len(), 3, "{path}");
        let targets: Vec<String> = links.iter().map(|l| resolve(&path, l)).collect();
        for (target, code) in targets.iter().zip(["da", "sv", "nb"]) {
            assert!(target.starts_with(&format!("{code}/")), "{path}: {target}");
        }
        assert!(targets.contains(&path), "{path} ({lang}) links to itself as current");
    }
}

#[test]
fn alternates_name_each_existing_translation() {
    let pages = expected_pages();
    for (path, _) in &pages {
        let key = path.split_once('/').unwrap().1;
        let translations = pages.iter().filter(|(p, _)| p.split_once('/').unwrap().1 == key).count();
        let html = page(path);
        let alternates = alternates(&html);
        assert_eq!(alternates.len(), translations + 1, "{path}: {alternates:?}");
        assert_eq!(alternates.last().unwrap().0, "x-default");
    }
}

#[test]
fn sitemap_lists_every_page() {
    let sitemap = page("sitemap.xml");
    for (path, _) in expected_pages() {
        let url = format!("<loc>/{}</loc>", path.trim_end_matches("index.html"));
        assert!(sitemap.contains(&url), "{url} is not in the sitemap");
    }
}

#[test]
fn no_page_requests_another_host_or_needs_javascript() {
    for (path, bytes) in snapshot(&public()) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        assert!(!html.contains("<script"), "{path}");
        for src in attribute_values(&html, "src") {
            assert!(!src.contains("//"), "{path}: {src}");
        }
        for line in html.lines().filter(|l| l.starts_with("<link rel=\"stylesheet\"")) {
            assert!(!line.contains("//"), "{path}: {line}");
        }
    }
}

#[test]
fn the_example_builds_identically_twice() {
    let out = build(&example_root());
    assert_eq!(snapshot(&out.path().join("public")), snapshot(&public()));
}

#[allow(dead_code)]
fn exists(path: &str) -> bool {
    Path::new(&public()).join(path).is_file()
}
