//! `samling check`: the example site is clean, warnings are reported without failing, and
//! `--format json` gives editors and CI the same findings.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use samling::check::{CheckOptions, check};

/// The site's full address as publishing gives it: with a path only, `check` warns (see
/// `a_path_only_address_is_warned_about`).
const BASE: &str = "https://example.org/programmer/";

fn on(today: jiff::civil::Date) -> CheckOptions {
    CheckOptions {
        base_url: Some(BASE.into()),
        today,
    }
}

fn lines(root: &Path, today: jiff::civil::Date) -> Vec<String> {
    check(root, &on(today))
        .all()
        .map(|d| {
            let severity = if d.is_error() { "error" } else { "warning" };
            format!("{severity}: {}: {}", d.location(), d.message)
        })
        .collect()
}

#[test]
fn the_example_site_has_only_its_deliberate_missing_translations() {
    let found = lines(&example_root(), jiff::civil::date(2026, 11, 23));
    // Programmes held in one language, and Norwegian meetings (one translated into Danish):
    // published as they were written. The meetings are seed 003's, of 2012: the agenda of
    // 1 November is one whose minutes were never written.
    assert_eq!(
        found,
        [
            "warning: content/bkf-aarsmoede-2018/_index.da.md: no translation in sv, nb",
            "warning: content/bkf-aarsmoede-2018/sammenhaengen-i-den-offentlige-sektor.da.md: no translation in sv, nb",
            "warning: content/chefforum/2012-10-04.nb.md: no translation in da, sv",
            "warning: content/chefforum/2012-10-22.da.md: no translation in sv",
            "warning: content/chefforum/2012-11-01.nb.md: no translation in da, sv",
            "warning: content/chefforum/2012-11-01.nb.md:4:1: the meeting was on 2012-11-01, and its page still shows the agenda",
            "warning: content/chefforum/_index.da.md: no translation in sv",
            "warning: content/kommunestyret-2030/_index.da.md: no translation in sv, nb",
            "warning: content/kommunestyret-2030/opfoelgningsdag.da.md: no translation in sv, nb",
            "warning: content/kommunestyret-2030/seminar-12-12.da.md: no translation in sv, nb",
        ]
    );
    // On the day the agenda was current, the meetings are as the secretariat meant them.
    let then = lines(&example_root(), jiff::civil::date(2012, 10, 28));
    assert!(
        !then
            .iter()
            .any(|l| l.contains("content/chefforum/") && !l.contains("no translation")),
        "{then:#?}"
    );
}

#[test]
fn strings_only_some_locales_have_or_none_uses_are_warnings() {
    let root = starter_site();
    let da = read(root.path(), "locales/da.ftl");
    write(
        root.path(),
        "locales/da.ftl",
        &format!("{da}\nold-banner = Tilmeld dig nu\n"),
    );
    for lang in ["da", "sv", "nb"] {
        let text = read(root.path(), &format!("locales/{lang}.ftl"));
        write(
            root.path(),
            &format!("locales/{lang}.ftl"),
            &format!("{text}\nunused-note = {lang}\n"),
        );
    }
    let lines_of_da = da.lines().count();
    let found = lines(root.path(), jiff::civil::date(2026, 11, 23));
    let expected = [
        format!(
            "warning: locales/da.ftl:{}:1: the message `old-banner` is missing in locales/nb.ftl, locales/sv.ftl",
            lines_of_da + 2
        ),
        format!(
            "warning: locales/da.ftl:{}:1: no template uses the message `unused-note`",
            lines_of_da + 4
        ),
    ];
    for line in &expected {
        assert!(found.contains(line), "{line} in {found:#?}");
    }
    assert!(
        found
            .iter()
            .any(|l| l.starts_with("warning: locales/sv.ftl:")
                && l.ends_with("no template uses the message `unused-note`"))
    );
    assert!(
        found.iter().all(|l| l.starts_with("warning: ")),
        "{found:#?}"
    );
    // Warnings do not stop a build.
    samling::Site::load(root.path()).unwrap();
}

#[test]
fn unconfirmed_speakers_are_warned_about_as_their_session_nears() {
    let root = starter_site();
    // The starter's debate (2027-03-11) has an unconfirmed speaker; the default is 14 days.
    // The warning points at the speaker's own table, not the first.
    let debate = "content/aarsmoede/debat.da.md";
    let text = read(root.path(), debate).replacen(
        "[[speakers]]\n",
        "[[speakers]]\nname = \"Eva Berg\"\n\n[[speakers]]\n",
        1,
    );
    write(root.path(), debate, &text);
    let warning = "warning: content/aarsmoede/debat.da.md:15:8: `Lars Holm` is not confirmed, and the session is in 10 days (2027-03-11)";
    let found = lines(root.path(), jiff::civil::date(2027, 3, 1));
    assert!(found.iter().any(|l| l == warning), "{found:#?}");
    assert_eq!(
        found.iter().filter(|l| l.contains("not confirmed")).count(),
        1,
        "{found:#?}"
    );
    let found = lines(root.path(), jiff::civil::date(2027, 2, 1));
    assert!(
        !found.iter().any(|l| l.contains("not confirmed")),
        "{found:#?}"
    );
    // After the session there is nothing left to confirm.
    let found = lines(root.path(), jiff::civil::date(2027, 3, 12));
    assert!(
        !found.iter().any(|l| l.contains("not confirmed")),
        "{found:#?}"
    );
    // The distance is configurable.
    let config = read(root.path(), "config.toml");
    write(
        root.path(),
        "config.toml",
        &config.replace(
            "list_untranslated = true",
            "list_untranslated = true\nconfirm_speakers_days = 60",
        ),
    );
    let found = lines(root.path(), jiff::civil::date(2027, 2, 1));
    assert!(
        found
            .iter()
            .any(|l| l.contains("`Lars Holm` is not confirmed, and the session is in 38 days")),
        "{found:#?}"
    );
}

fn samling_check(root: &Path, format: &str) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_samling"))
        .args(["check", "--root"])
        .arg(root)
        .args([
            "--format",
            format,
            "--today",
            "2026-11-23",
            "--base-url",
            BASE,
        ])
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn json_format_for_editors_and_ci() {
    let root = starter_site();
    let session = read(root.path(), "content/aarsmoede/aabning.da.md");
    write(
        root.path(),
        "content/aarsmoede/aabning.da.md",
        &session
            .replace("title = ", "titel = ")
            .replace("format = \"talk\"", "format = \"tlak\""),
    );
    let (code, stdout, _) = samling_check(root.path(), "json");
    assert_eq!(code, 1, "errors fail the check");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["errors"], 2);
    assert_eq!(json["warnings"], 1);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(
        diagnostics[0],
        serde_json::json!({
            "severity": "error",
            "file": "content/aarsmoede/aabning.da.md",
            "line": 2,
            "column": 1,
            "message": "unknown field `titel`",
            "hint": "did you mean `title`?",
        })
    );
    assert_eq!(diagnostics[1]["message"], "`format`: unknown value `tlak`");
    assert_eq!(diagnostics[1]["hint"], "did you mean `talk`?");
    assert_eq!(diagnostics[1]["line"], 7);
    assert_eq!(diagnostics[2]["severity"], "warning");
    assert_eq!(diagnostics[2]["file"], "content/aarsmoede/debat.da.md");

    // Only warnings: success, and the human format shows the translation table.
    let root = starter_site();
    let (code, stdout, _) = samling_check(root.path(), "json");
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (json["errors"].as_u64(), json["warnings"].as_u64()),
        (Some(0), Some(1))
    );
    let (code, _, stderr) = samling_check(root.path(), "human");
    assert_eq!(code, 0);
    assert!(
        stderr.contains("warning: 1 page lacks translations")
            && stderr.contains("content/aarsmoede/debat.da.md  ✓   -   -")
            && stderr.ends_with("0 errors, 1 warning\n"),
        "{stderr}"
    );
}

/// Calendars, schedules, the feed and the sitemap need the site's full address: with the
/// starter's `/`, `check` says so at the line of config.toml, and no sitemap is built.
/// A language the search cannot stem (Northern Sami, here) is named, at its line of
/// config.toml.
#[test]
fn a_language_the_search_cannot_stem_is_warned_about() {
    let root = starter_site();
    // Northern Sami as docs/locales.md adds it, with Norwegian dates (ICU has none for `se`).
    let config = read(root.path(), "config.toml")
        + "\n[[languages]]\ncode = \"se\"\nname = \"Davvisámegiella\"\nformats = \"nb\"\n";
    write(root.path(), "config.toml", &config);
    write(
        root.path(),
        "locales/se.ftl",
        &read(root.path(), "locales/nb.ftl"),
    );
    let today = jiff::civil::date(2026, 11, 23);
    let found: Vec<String> = check(root.path(), &on(today))
        .all()
        .filter(|d| d.path.ends_with("config.toml"))
        .map(|d| {
            format!(
                "{}: {} ({})",
                d.location(),
                d.message,
                d.hint.as_deref().unwrap_or("")
            )
        })
        .collect();
    let line = config.lines().position(|l| l == "code = \"se\"").unwrap() + 1;
    assert_eq!(
        found,
        [format!(
            "config.toml:{line}:1: the search has no stemmer for `se` (Davvisámegiella): its readers find a word only in the form they type (the search stems da, sv, nb, nn, no, fi; other languages are searched word for word)"
        )]
    );
}

/// A language ICU has no date formats for (Greenlandic, here) is named at its line, with
/// the dates it would get; `formats` gives it another language's, and the warning goes.
#[test]
fn a_language_without_date_formats_is_warned_about() {
    let root = starter_site();
    let config = read(root.path(), "config.toml")
        + "\n[[languages]]\ncode = \"kl\"\nname = \"Kalaallisut\"\n";
    write(root.path(), "config.toml", &config);
    write(
        root.path(),
        "locales/kl.ftl",
        &read(root.path(), "locales/da.ftl"),
    );
    let today = jiff::civil::date(2026, 11, 23);
    let about_dates = |root: &std::path::Path| -> Vec<String> {
        check(root, &on(today))
            .all()
            .filter(|d| d.message.contains("date formats"))
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    };
    let line = config.lines().position(|l| l == "code = \"kl\"").unwrap() + 1;
    assert_eq!(
        about_dates(root.path()),
        [format!(
            "config.toml:{line}:1: ICU has no date formats for `kl` (Kalaallisut): its dates would read `2027 M03 11, Thu`"
        )]
    );
    write(
        root.path(),
        "config.toml",
        &config.replace(
            "name = \"Kalaallisut\"",
            "name = \"Kalaallisut\"\nformats = \"da\"",
        ),
    );
    assert!(about_dates(root.path()).is_empty());
}

#[test]
fn a_path_only_address_is_warned_about() {
    let root = starter_site();
    let today = jiff::civil::date(2026, 11, 23);
    let options = CheckOptions {
        base_url: None,
        today,
    };
    let found: Vec<String> = check(root.path(), &options)
        .all()
        .filter(|d| d.path.ends_with("config.toml"))
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    let line = read(root.path(), "config.toml")
        .lines()
        .position(|l| l.starts_with("base_url"))
        .unwrap()
        + 1;
    assert_eq!(
        found,
        [format!(
            "config.toml:{line}:1: base_url `/` is only a path: calendars, schedules and the feed cannot link back to the site, and no sitemap or schedule.json is written"
        )]
    );
    // With the address given, nothing to say.
    assert!(
        check(root.path(), &on(today))
            .all()
            .all(|d| !d.path.ends_with("config.toml"))
    );
}

#[test]
fn byte_order_marks_and_crlf_line_ends_are_accepted_everywhere() {
    let root = starter_site();
    let windows = |text: &str| format!("\u{feff}{}", text.replace('\n', "\r\n"));
    for path in [
        "config.toml",
        "locales/da.ftl",
        "locales/sv.ftl",
        "content/aarsmoede/aabning.da.md",
        "content/aarsmoede/_index.sv.md",
    ] {
        let text = read(root.path(), path);
        write(root.path(), path, &windows(&text));
    }
    write(
        root.path(),
        "templates/404.html",
        &windows(&read(&example_root(), "themes/default/templates/404.html")),
    );
    let found = lines(root.path(), jiff::civil::date(2026, 11, 23));
    assert_eq!(
        found,
        ["warning: content/aarsmoede/debat.da.md: no translation in sv, nb"]
    );
    // A mistake in such a file is still placed at its line and column.
    let session = read(root.path(), "content/aarsmoede/aabning.da.md");
    write(
        root.path(),
        "content/aarsmoede/aabning.da.md",
        &session.replace("room = ", "rom = "),
    );
    let found = lines(root.path(), jiff::civil::date(2026, 11, 23));
    assert!(
        found.contains(
            &"error: content/aarsmoede/aabning.da.md:6:1: unknown field `rom`".to_owned()
        ),
        "{found:#?}"
    );
}

#[test]
fn a_link_to_a_missing_page_is_told_the_nearest_existing_page() {
    let root = starter_site();
    let file = "content/aarsmoede/aabning.da.md";
    let text = read(root.path(), file).replacen(
        "Netværkets formand byder velkommen.",
        "Se [debatten](debat-2030.md).",
        1,
    );
    write(root.path(), file, &text);
    let report = check(root.path(), &on(jiff::civil::date(2026, 11, 23)));
    let hints: Vec<Option<String>> = report
        .all()
        .filter(|d| d.message.contains("a page that does not exist"))
        .map(|d| d.hint)
        .collect();
    assert_eq!(
        hints,
        [Some(
            "did you mean `@/aarsmoede/debat.md`? It is the nearest existing page".to_owned()
        )]
    );
}

/// TOML and Fluent are highlighted like the languages syntect bundles; a fence in a
/// language that none of them is, is named at its line instead of shown plain in silence.
#[test]
fn a_fence_language_without_highlighting_is_warned_about_at_its_line() {
    let root = starter_site();
    let path = "content/aarsmoede/_index.da.md";
    let text = read(root.path(), path);
    let text = format!(
        "{text}\n```toml\ntitle = \"Åbning\"\n```\n\n```ftl\nnav-home = Forside\n```\n\n```mermaid\ngraph TD\n```\n"
    );
    write(root.path(), path, &text);
    let line = text.lines().position(|l| l == "```mermaid").unwrap() + 1;
    let found = lines(root.path(), jiff::civil::date(2026, 12, 7));
    let fences: Vec<&String> = found
        .iter()
        .filter(|l| l.contains("cannot be highlighted"))
        .collect();
    assert_eq!(
        fences,
        [&format!(
            "warning: {path}:{line}:1: code in `mermaid` cannot be highlighted: it is shown plain"
        )],
        "{found:#?}"
    );
    let out = build(root.path());
    let html = read(&out.path().join("public"), "da/aarsmoede/index.html");
    assert!(
        html.contains("data-lang=\"toml\"><code><span class=\"hl-"),
        "{html}"
    );
    assert!(
        html.contains("data-lang=\"ftl\"><code><span class=\"hl-"),
        "{html}"
    );
}

/// A session file named like a programme's changes page would be written over it: refused,
/// at the file, naming the page.
#[test]
fn a_session_at_the_address_of_the_changes_page_is_refused() {
    let root = starter_site();
    write(
        root.path(),
        "content/aarsmoede/changes.da.md",
        "+++\ntitle = \"Ændringer\"\ndate = 2027-03-11\n+++\n",
    );
    let today = jiff::civil::date(2026, 11, 23);
    let found: Vec<String> = check(root.path(), &on(today))
        .all()
        .filter(|d| d.message.contains("same address"))
        .map(|d| {
            format!(
                "{}: {} ({})",
                d.location(),
                d.message,
                d.hint.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "content/aarsmoede/changes.da.md: another page is written to the same address `aarsmoede/changes/` (the programme's changes page has that address too)"
        ]
    );
}

/// A sign-up address that would send participants nowhere, and a deadline after the event
/// (a typo in its year), are refused at their lines.
#[test]
fn a_registration_without_a_full_address_or_closing_after_the_event_is_refused() {
    let today = jiff::civil::date(2026, 11, 23);
    let found = |root: &Path| -> Vec<String> {
        (check(root, &on(today)).all())
            .filter(|d| d.message.contains("registration") || d.message.contains("sign up"))
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect()
    };
    let root = starter_site();
    let programme = read(root.path(), "content/aarsmoede/_index.da.md").replacen(
        "notice = ",
        "registration = { url = \"https://example.org/tilmelding\", deadline = 2028-03-01 }\nnotice = ",
        1,
    );
    write(root.path(), "content/aarsmoede/_index.da.md", &programme);
    assert_eq!(
        found(root.path()),
        [
            "content/aarsmoede/_index.da.md:8:58: registration closes on 2028-03-01, after the programme ends (2027-03-11)"
        ]
    );

    let root = starter_site();
    let session = read(root.path(), "content/aarsmoede/aabning.da.md").replacen(
        "room = ",
        "registration = { url = \"www.example.org/tilmelding\" }\nroom = ",
        1,
    );
    write(root.path(), "content/aarsmoede/aabning.da.md", &session);
    let found = found(root.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("content/aarsmoede/aabning.da.md:6:24: `url`: `www.example.org/tilmelding` is not a web or e-mail address"),
        "{found:#?}"
    );
}
