//! File names in addresses and control characters in XML: what a build writes for a name
//! with a space and a letter beyond ASCII, and for a CFP export's `\u0000`.

mod common;

use common::*;
use samling::Site;

const BASE: &str = "https://example.org/p/";

fn build_with_base(root: &std::path::Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let site = Site::load_with(root, Some(BASE)).unwrap_or_else(|e| panic!("{e}"));
    site.build(&out.path().join("public"))
        .unwrap_or_else(|e| panic!("the site does not build:\n{e}"));
    out
}

#[test]
fn names_with_spaces_and_letters_beyond_ascii_are_percent_encoded_in_every_output() {
    let root = starter_site();
    write(
        root.path(),
        "content/aarsmoede/grønn pause.nb.md",
        "+++\ntitle = \"Kaffe\"\ndate = 2027-03-11\nstart = 10:00\nend = 10:15\nroom = \"Festsalen\"\n+++\n",
    );
    let out = build_with_base(root.path());
    let public = out.path().join("public");
    // The folder keeps the name; every address written names it encoded.
    assert!(public.join("nb/aarsmoede/grønn pause/index.html").is_file());
    let encoded = "gr%C3%B8nn%20pause/";
    let sitemap = read(&public, "sitemap.xml");
    assert!(
        sitemap.contains(&format!("<loc>{BASE}nb/aarsmoede/{encoded}</loc>")),
        "{sitemap}"
    );
    let theme = read(&public, "nb/aarsmoede/index.html");
    assert!(
        attribute_values(&theme, "href")
            .iter()
            .any(|h| h.starts_with(encoded)),
        "no encoded link in the theme page: {:?}",
        attribute_values(&theme, "href")
    );
    let mut written = 0;
    for (path, bytes) in snapshot(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("grønn pause"),
            "{path} writes the name as it is"
        );
        written += usize::from(text.contains(encoded));
    }
    // Pages, sitemap, calendars and schedules.
    assert!(written >= 4, "the address is written in {written} files");
    let ics = read(&public, "nb/aarsmoede/grønn pause/calendar.ics");
    assert!(ics.contains(&format!("nb/aarsmoede/{encoded}")), "{ics}");
}

#[test]
fn control_characters_from_toml_escapes_leave_the_xml_parseable() {
    let root = starter_site();
    let file = "content/aarsmoede/aabning.da.md";
    let text = read(root.path(), file).replacen(
        "title = \"Åbning og velkomst\"",
        "title = \"Åbning\\u0000 og\\u000b velkomst\\f\"",
        1,
    );
    write(root.path(), file, &text);
    let out = build_with_base(root.path());
    let public = out.path().join("public");
    let mut xml_files = 0;
    for (path, bytes) in snapshot(&public) {
        let text = String::from_utf8(bytes).unwrap();
        if path.ends_with(".xml") {
            xml_files += 1;
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{path} does not parse: {e}");
            }
        }
        if path.ends_with(".html") || path.ends_with(".xml") {
            assert!(
                !text.contains(['\u{0}', '\u{b}', '\u{c}']),
                "{path} holds a control character"
            );
        }
    }
    assert!(xml_files >= 3, "{xml_files} XML files");
    let schedule = read(&public, "da/aarsmoede/schedule.xml");
    assert!(
        schedule.contains("<title>Åbning og velkomst</title>"),
        "{schedule}"
    );

    // `check` names the field, at its line.
    let report = samling::check::check(
        root.path(),
        &samling::check::CheckOptions {
            base_url: None,
            today: jiff::civil::date(2026, 11, 23),
        },
    );
    let found: Vec<String> = report
        .all()
        .filter(|d| d.message.contains("control character"))
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert_eq!(
        found,
        [format!(
            "{file}:2:9: `title` holds the control character U+0000, which XML and HTML do not allow"
        )]
    );
}

#[test]
fn composed_and_decomposed_names_are_one_page_at_the_composed_address() {
    let root = starter_site();
    let session = "+++\ntitle = \"Møde\"\ndate = 2027-03-11\nstart = 10:00\nend = 10:15\nroom = \"Festsalen\"\n+++\n";
    let composed = "\u{e5}rsm\u{f8}de";
    // `å` as `a` and a combining ring, as macOS writes names; `ø` has no decomposition.
    let decomposed = "a\u{30a}rsm\u{f8}de";
    write(
        root.path(),
        &format!("content/aarsmoede/{composed}.da.md"),
        session,
    );
    write(
        root.path(),
        &format!("content/aarsmoede/{decomposed}.nb.md"),
        session,
    );
    let report = samling::check::check(
        root.path(),
        &samling::check::CheckOptions {
            base_url: None,
            today: jiff::civil::date(2026, 11, 23),
        },
    );
    let missing: Vec<(String, Vec<String>)> = report
        .missing_translations
        .iter()
        .filter(|m| m.key.contains('\u{f8}'))
        .map(|m| (m.key.clone(), m.lacks.clone()))
        .collect();
    assert_eq!(
        missing,
        [(format!("aarsmoede/{composed}"), vec!["sv".to_owned()])]
    );
    let out = build_with_base(root.path());
    let public = out.path().join("public");
    for lang in ["da", "nb"] {
        assert!(
            public
                .join(format!("{lang}/aarsmoede/{composed}/index.html"))
                .is_file(),
            "{lang}"
        );
    }
    assert!(!public.join(format!("nb/aarsmoede/{decomposed}")).exists());
}

#[test]
fn names_that_differ_only_in_case_are_refused_naming_both() {
    let root = starter_site();
    let other = "content/aarsmoede/Aabning.da.md";
    write(
        root.path(),
        other,
        &read(root.path(), "content/aarsmoede/aabning.da.md"),
    );
    // A file system that ignores case (macOS, Windows) has only one file: nothing to refuse.
    if std::fs::read_dir(root.path().join("content/aarsmoede"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .eq_ignore_ascii_case("aabning.da.md")
        })
        .count()
        < 2
    {
        return;
    }
    let Err(err) = Site::load(root.path()) else {
        panic!("the site loads")
    };
    let found: Vec<String> = err
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.message.contains("case"))
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert_eq!(
        found,
        [
            "content/aarsmoede/aabning.da.md: content/aarsmoede/Aabning.da.md has the same name but for upper and lower case"
        ]
    );
}
