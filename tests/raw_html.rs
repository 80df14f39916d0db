//! Raw HTML and script addresses in Markdown texts (issue 15, case 9): shown as text by
//! default and warned about at file:line; passed through with `unsafe_html = true`, with a
//! warning about scripts; and every page carries a Content-Security-Policy.

mod common;

use common::*;
use samling::check::{CheckOptions, check};

fn warnings(root: &std::path::Path) -> Vec<String> {
    let options = CheckOptions {
        base_url: None,
        today: jiff::civil::date(2026, 11, 23),
    };
    check(root, &options)
        .all()
        .filter(|d| !d.is_error())
        .map(|d| {
            let (line, column) = d.position.unwrap_or_default();
            format!("{}:{line}:{column}: {}", d.path.display(), d.message)
        })
        .collect()
}

fn edit(root: &std::path::Path, file: &str, find: &str, replace: &str) {
    let text = read(root, file);
    assert!(text.contains(find), "{find:?} in {file}");
    write(root, file, &text.replacen(find, replace, 1));
}

const BODY: &str = "content/aarsmoede/aabning.da.md";
const BIO: &str = "content/speakers/anna-jensen.da.md";

#[test]
fn raw_html_is_shown_as_text_and_named_by_check() {
    let root = starter_site();
    edit(
        root.path(),
        BODY,
        "Netværkets formand byder velkommen.",
        "Netværkets formand byder velkommen.\n\n<script>alert(1)</script>\n\n<iframe src=javascript:alert(1)></iframe>",
    );
    edit(
        root.path(),
        BIO,
        "Anna Jensen leder netværkets sekretariat.",
        "Anna Jensen leder <img src=x onerror=alert(1)> netværkets sekretariat.",
    );
    let out = build(root.path());
    let session = read(out.path(), "public/da/aarsmoede/aabning/index.html");
    assert!(!session.contains("<script>alert") && !session.contains("<iframe"));
    assert!(
        session.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{session}"
    );
    let bio = read(out.path(), "public/da/speakers/anna-jensen/index.html");
    assert!(!bio.contains("<img src=x"), "{bio}");
    assert!(bio.contains("&lt;img src=x onerror=alert(1)&gt;"), "{bio}");

    let found = warnings(root.path());
    assert!(
        found.iter().any(
            |w| w.starts_with(&format!("{BODY}:14:1: raw HTML is shown as text"))
                && w.contains("<script>")
                && w.contains("1 more place")
        ),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|w| w.starts_with(&format!("{BIO}:8:19: raw HTML is shown as text"))),
        "{found:#?}"
    );
}

#[test]
fn unsafe_html_passes_html_through_and_warns_about_scripts() {
    let root = starter_site();
    edit(
        root.path(),
        "config.toml",
        "base_url = \"/\"",
        "base_url = \"/\"\nunsafe_html = true",
    );
    edit(
        root.path(),
        BODY,
        "Netværkets formand byder velkommen.",
        "Netværkets <b>formand</b> byder velkommen.\n\n<script>alert(1)</script>",
    );
    let out = build(root.path());
    let session = read(out.path(), "public/da/aarsmoede/aabning/index.html");
    assert!(session.contains("<b>formand</b>") && session.contains("<script>alert(1)</script>"));
    let found = warnings(root.path());
    assert!(
        found
            .iter()
            .any(|w| w.starts_with(&format!("{BODY}:14:1: raw HTML with `<script>`"))),
        "{found:#?}"
    );
    assert!(!found.iter().any(|w| w.contains("<b>")), "{found:#?}");
}

#[test]
fn every_page_carries_a_content_security_policy_and_no_inline_script_or_style() {
    let root = starter_site();
    let out = build(root.path());
    let pages: Vec<(String, String)> = snapshot(&out.path().join("public"))
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect();
    // Home, chooser, 404, programme, session, speaker, speakers, search, my programme.
    assert!(pages.len() >= 9, "{} pages", pages.len());
    for (path, html) in &pages {
        assert!(
            html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self';"),
            "{path} has no CSP"
        );
        assert!(
            !html.contains(" style=") && !html.contains("<style"),
            "{path}: inline style"
        );
        for (at, _) in html.match_indices("<script") {
            let tag = &html[at..at + html[at..].find('>').unwrap()];
            assert!(tag.contains(" src="), "{path}: inline script {tag}");
        }
    }
}
