//! `samling import pretalx|frab`: the example's own schedules imported into a fresh site and
//! exported again, a pretalx schedule written by hand (valid against the c3voc schema) in
//! two languages, a re-import after a move and a cancellation, and refused inputs.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use samling::import::{ImportOptions, ImportReport, Source, import};
use serde_json::Value;

const FULL_BASE: &str = "https://example.org/programmer/";

fn fixture(name: &str) -> String {
    example_root()
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A site with the example's configuration, strings and theme, and only a home page.
fn fresh_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = example_root();
    for entry in ["config.toml", "locales", "themes"] {
        copy_tree(&from.join(entry), &dir.path().join(entry));
    }
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    for lang in ["da", "sv", "nb"] {
        let name = format!("content/_index.{lang}.md");
        copy_tree(&from.join(&name), &dir.path().join(&name));
    }
    dir
}

fn run(root: &Path, source: Source, files: &[String]) -> samling::Result<ImportReport> {
    import(&ImportOptions {
        root: root.to_owned(),
        source,
        files: files.to_vec(),
        programme: None,
        today: "2026-03-01".parse().unwrap(),
    })
}

fn build_full(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let site = samling::Site::load_with(root, Some(FULL_BASE)).unwrap_or_else(|e| panic!("{e}"));
    site.build(&out.path().join("public"))
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

/// What a schedule says of each event, by guid: when, where, what and who (not the
/// description, into which samling's export writes the speakers' names again).
type Events = BTreeMap<String, Vec<String>>;

fn json_events(text: &str) -> Events {
    let doc: Value = serde_json::from_str(text).unwrap();
    let mut events = Events::new();
    for day in doc["schedule"]["conference"]["days"].as_array().unwrap() {
        for (_, list) in day["rooms"].as_object().unwrap() {
            for e in list.as_array().unwrap() {
                let mut persons: Vec<String> = (e["persons"].as_array().unwrap().iter())
                    .map(|p| p["name"].as_str().unwrap().to_owned())
                    .collect();
                persons.sort();
                let fields = [
                    "date", "duration", "room", "slug", "title", "subtitle", "track",
                ];
                let mut facts: Vec<String> = fields.iter().map(|f| e[f].to_string()).collect();
                facts.push(persons.join(", "));
                events.insert(e["guid"].as_str().unwrap().to_owned(), facts);
            }
        }
    }
    events
}

fn xml_events(text: &str) -> Events {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut events = Events::new();
    for e in doc.descendants().filter(|n| n.has_tag_name("event")) {
        let text = |name: &str| {
            e.children()
                .find(|n| n.has_tag_name(name))
                .and_then(|n| n.text())
                .unwrap_or("")
                .to_owned()
        };
        let mut persons: Vec<String> = e
            .descendants()
            .filter(|n| n.has_tag_name("person"))
            .map(|p| p.text().unwrap_or("").to_owned())
            .collect();
        persons.sort();
        let fields = [
            "date", "duration", "room", "slug", "title", "subtitle", "track",
        ];
        let mut facts: Vec<String> = fields.iter().map(|f| text(f)).collect();
        facts.push(persons.join(", "));
        events.insert(e.attribute("guid").unwrap().to_owned(), facts);
    }
    events
}

/// Each programme's schedules in every language, exported, imported into a fresh site and
/// exported again: the same events, times, rooms, titles, tracks, people and guids.
#[test]
fn the_examples_schedules_survive_an_import_and_an_export() {
    let original = build_full(&example_root());
    let public = original.path().join("public");
    for programme in [
        "fremtidens-offentlige-sektor",
        "samverkan-i-offentlig-sektor",
    ] {
        for (source, file, read) in [
            (
                Source::Pretalx,
                "schedule.json",
                json_events as fn(&str) -> Events,
            ),
            (Source::Frab, "schedule.xml", xml_events),
        ] {
            let site = fresh_site();
            let files: Vec<String> = ["da", "sv", "nb"]
                .iter()
                .map(|lang| {
                    let path = public.join(lang).join(programme).join(file);
                    path.to_string_lossy().into_owned()
                })
                .collect();
            let report = run(site.path(), source, &files).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(report.programme, programme);
            assert!(report.kept.is_empty() && report.disappeared.is_empty());
            let again = build_full(site.path());
            for lang in ["da", "sv", "nb"] {
                let rel = format!("public/{lang}/{programme}/{file}");
                let before = read(&read_text(original.path(), &rel));
                let after = read(&read_text(again.path(), &rel));
                assert!(!before.is_empty(), "{rel}");
                assert_eq!(before, after, "{rel} after importing {file}");
            }
            // A second import of the same files changes nothing.
            let report = run(site.path(), source, &files).unwrap();
            assert!(report.written.is_empty(), "{:?}", report.written);
        }
    }
}

/// The example's own schedule imported into the example: every file is in place and was not
/// written by an import, so each is left as it is and reported, and nothing is written.
#[test]
fn files_the_import_did_not_write_are_left_alone() {
    let original = build_full(&example_root());
    let site = example_copy();
    let before = snapshot(&site.path().join("content"));
    let programme = "fremtidens-offentlige-sektor";
    let files: Vec<String> = ["da", "sv", "nb"]
        .iter()
        .map(|lang| {
            let path = original.path().join("public").join(lang).join(programme);
            path.join("schedule.xml").to_string_lossy().into_owned()
        })
        .collect();
    let report = run(site.path(), Source::Frab, &files).unwrap();
    assert!(report.written.is_empty(), "{:?}", report.written);
    assert!(
        report.kept.contains(&PathBuf::from(format!(
            "content/{programme}/politisk-debat.sv.md"
        ))),
        "{:?}",
        report.kept
    );
    assert_eq!(snapshot(&site.path().join("content")), before);
}

fn read_text(root: &Path, rel: &str) -> String {
    read(root, rel)
}

fn validator() -> jsonschema::Validator {
    let path = example_root().join("tests/exports/c3voc/schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft6)
        .should_validate_formats(true)
        .with_format("uuid", |s: &str| uuid::Uuid::try_parse(s).is_ok())
        .build(&schema)
        .unwrap()
}

fn pretalx_files(stem: &str) -> Vec<String> {
    vec![
        format!("{}=da", fixture(&format!("{stem}.da.json"))),
        format!("{}=sv", fixture(&format!("{stem}.sv.json"))),
    ]
}

const AI: &str = "content/nordkonf2026/digitalisering/kunstig-intelligens-i-kommunen";
const DATA: &str = "content/nordkonf2026/data-som-faelles-sprog";
const PANEL: &str = "content/nordkonf2026/digitalisering/paneldebat-om-digital-velfaerd";

#[test]
fn a_pretalx_schedule_in_two_languages_becomes_translated_pages() {
    let validator = validator();
    for name in [
        "pretalx.da.json",
        "pretalx.sv.json",
        "pretalx-moved.da.json",
        "pretalx-moved.sv.json",
    ] {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    let site = fresh_site();
    let report = run(site.path(), Source::Pretalx, &pretalx_files("pretalx")).unwrap();
    let root = site.path();
    let programme = read(root, "content/nordkonf2026/_index.da.md");
    for line in [
        "title = \"Nordisk konference 2026\"",
        "first_day = 2026-03-12",
        "last_day = 2026-03-13",
        "timezone = \"Europe/Copenhagen\"",
    ] {
        assert!(programme.contains(line), "{programme}");
    }
    let theme = read(root, "content/nordkonf2026/digitalisering/_index.sv.md");
    assert!(theme.contains("colour = \"#2a7ab0\""), "{theme}");
    let ai_da = read(root, &format!("{AI}.da.md"));
    for line in [
        "title = \"Kunstig intelligens i kommunen\"",
        "summary = \"Hvad AI kan og ikke kan i sagsbehandlingen.\"",
        "date = 2026-03-12",
        "start = 10:00",
        "end = 11:00",
        "room = \"Sal A\"",
        "speakers = [\"anna-oedegaard\"]",
        "Et oplæg om erfaringer fra tre kommuner.",
    ] {
        assert!(ai_da.contains(line), "{line} in {ai_da}");
    }
    let ai_sv = read(root, &format!("{AI}.sv.md"));
    assert!(ai_sv.contains("title = \"Artificiell intelligens i kommunen\""));
    // No track: in the programme's folder; Sal B.
    let data = read(root, &format!("{DATA}.da.md"));
    assert!(
        data.contains("room = \"Sal B\"") && data.contains("end = 10:45"),
        "{data}"
    );
    assert!(!data.contains("theme ="), "{data}");
    // Cancelled: by pretalx's English subtitle in Danish, by the site's own word in the
    // Swedish title, which loses it.
    for lang in ["da", "sv"] {
        let panel = read(root, &format!("{PANEL}.{lang}.md"));
        assert!(panel.contains("status = \"cancelled\""), "{panel}");
        assert!(!panel.contains("Inställd:"), "{panel}");
        assert!(
            panel.contains("speakers = [\"anna-oedegaard\", \"per-soerensen\"]"),
            "{panel}"
        );
    }
    // One page per person and language, with the biography of that language.
    let anna = read(root, "content/speakers/anna-oedegaard.sv.md");
    assert!(anna.contains("kind = \"speaker\"") && anna.contains("name = \"Anna Ødegård\""));
    assert!(
        anna.contains("Anna forskar i digital förvaltning."),
        "{anna}"
    );
    assert_eq!(
        report.written.len(),
        2 + 2 + 3 * 2 + 2 * 2,
        "{:?}",
        report.written
    );

    let out = build_full(root);
    let page = read(out.path(), "public/da/speakers/anna-oedegaard/index.html");
    assert!(
        page.contains("Kunstig intelligens i kommunen"),
        "Anna's page"
    );
    assert!(
        page.contains("Paneldebat om digital velfærd"),
        "Anna's page"
    );
    // The events' guids are samling's own now, made from the files' names (docs/import.md).
    let sv = json_events(&read(out.path(), "public/sv/nordkonf2026/schedule.json"));
    let panel = (sv.values())
        .find(|facts| facts.contains(&"\"Inställd: Paneldebatt om digital välfärd\"".to_owned()))
        .unwrap_or_else(|| panic!("{sv:?}"));
    assert!(panel.contains(&"\"Inställd\"".to_owned()), "{panel:?}");
    assert!(
        panel.contains(&"Anna Ødegård, Per Sørensen".to_owned()),
        "{panel:?}"
    );
}

#[test]
fn a_reimport_records_moves_and_cancellations_and_keeps_the_organisers_text() {
    let site = fresh_site();
    let root = site.path();
    run(root, Source::Pretalx, &pretalx_files("pretalx")).unwrap();
    // The organiser adds a key and a paragraph of their own, outside the markers.
    let path = format!("{AI}.da.md");
    let text = read(root, &path).replace(
        "+++\n<!--",
        "tags = [\"ai\"]\n+++\nSe også vores guide.\n\n<!--",
    ) + "\nTilmelding ved indgangen.\n";
    write(root, &path, &text);
    samling::Site::load(root).unwrap_or_else(|e| panic!("{e}"));

    let report = run(root, Source::Pretalx, &pretalx_files("pretalx-moved")).unwrap();
    let ai = read(root, &path);
    assert!(ai.contains("tags = [\"ai\"]"), "{ai}");
    assert!(
        ai.contains("Se også vores guide.\n\n<!-- samling-import session"),
        "{ai}"
    );
    assert!(
        ai.ends_with("<!-- samling-import end -->\n\nTilmelding ved indgangen.\n"),
        "{ai}"
    );
    assert!(
        ai.contains("start = 14:00") && ai.contains("room = \"Sal B\""),
        "{ai}"
    );
    assert!(
        ai.contains(
            "[[changes]]\ndate = 2026-03-01\nwhat = \"moved\"\nnote = \"2026-03-12 10:00–11:00, Sal A → 2026-03-12 14:00–15:00, Sal B\""
        ),
        "{ai}"
    );
    for lang in ["da", "sv"] {
        let data = read(root, &format!("{DATA}.{lang}.md"));
        assert!(data.contains("status = \"cancelled\""), "{data}");
        assert!(data.contains("what = \"cancelled\""), "{data}");
        assert!(!data.contains("moved"), "{data}");
    }
    // The panel is no longer in the schedule: reported, not deleted.
    let panel: Vec<PathBuf> = ["da", "sv"]
        .iter()
        .map(|l| PathBuf::from(format!("{PANEL}.{l}.md")))
        .collect();
    assert_eq!(report.disappeared, panel);
    assert!(root.join(&panel[0]).exists());
    assert_eq!(report.changes.len(), 4, "{:?}", report.changes);

    let out = build_full(root);
    let calendar = read(
        out.path(),
        "public/da/nordkonf2026/digitalisering/kunstig-intelligens-i-kommunen/calendar.ics",
    );
    assert!(calendar.contains("SEQUENCE:1"), "{calendar}");
    // Nothing more to record the next time.
    let report = run(root, Source::Pretalx, &pretalx_files("pretalx-moved")).unwrap();
    assert!(report.written.is_empty() && report.changes.is_empty());
}

#[test]
fn a_reimport_of_one_language_moves_the_other_translations_too() {
    let site = fresh_site();
    let root = site.path();
    run(root, Source::Pretalx, &pretalx_files("pretalx")).unwrap();
    let da_only = vec![format!("{}=da", fixture("pretalx-moved.da.json"))];
    run(root, Source::Pretalx, &da_only).unwrap();
    let ai_sv = read(root, &format!("{AI}.sv.md"));
    // Its times, its new room and the change, not its text.
    assert!(
        ai_sv.contains("start = 14:00") && ai_sv.contains("what = \"moved\""),
        "{ai_sv}"
    );
    assert!(ai_sv.contains("room = \"Sal B\""), "{ai_sv}");
    assert!(
        ai_sv.contains("title = \"Artificiell intelligens i kommunen\""),
        "{ai_sv}"
    );
    let data_sv = read(root, &format!("{DATA}.sv.md"));
    assert!(data_sv.contains("status = \"cancelled\""), "{data_sv}");
    // The site builds: the translations agree.
    build_full(root);
}

/// Runs the binary, expecting it to fail; its stderr.
fn refused(root: &Path, args: &[&str]) -> String {
    let before = snapshot(root);
    let output = Command::new(env!("CARGO_BIN_EXE_samling"))
        .arg("import")
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    assert!(!output.status.success(), "{args:?} was accepted");
    assert_eq!(snapshot(root), before, "{args:?} wrote files");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn doubtful_inputs_are_refused_and_nothing_is_written() {
    let site = fresh_site();
    let root = site.path();
    let dir = tempfile::tempdir().unwrap();
    let broken_json = dir.path().join("schedule.json");
    let good = std::fs::read_to_string(fixture("pretalx.da.json")).unwrap();
    std::fs::write(
        &broken_json,
        good.replacen("\"rooms\": {", "\"rooms\": {,", 1),
    )
    .unwrap();
    let good_da = format!("{}=da", fixture("pretalx.da.json"));
    let err = refused(
        root,
        &[
            "pretalx",
            &good_da,
            &format!("{}=sv", broken_json.display()),
        ],
    );
    assert!(err.contains("not a pretalx schedule.json"), "{err}");
    assert!(err.contains("schedule.json:"), "the line: {err}");

    let broken_xml = dir.path().join("schedule.xml");
    std::fs::write(&broken_xml, "<schedule>\n  <conference>\n</schedule>\n").unwrap();
    let err = refused(root, &["frab", &format!("{}=da", broken_xml.display())]);
    assert!(
        err.contains("not a frab schedule.xml") && err.contains("schedule.xml:3"),
        "{err}"
    );

    let err = refused(
        root,
        &["pretalx", &format!("{}=en", fixture("pretalx.da.json"))],
    );
    assert!(
        err.contains("`en` is not one of the site's languages"),
        "{err}"
    );
    assert!(err.contains("da, sv, nb"), "{err}");

    let err = refused(root, &["pretalx", &fixture("pretalx.da.json")]);
    assert!(
        err.contains("the language of this file is not known"),
        "{err}"
    );
    assert!(err.contains("=da"), "{err}");

    // No time zone: refused, not guessed.
    let no_zone = dir.path().join("no-zone.json");
    std::fs::write(
        &no_zone,
        good.replace("\"time_zone_name\": \"Europe/Copenhagen\",", ""),
    )
    .unwrap();
    let err = refused(root, &["pretalx", &format!("{}=da", no_zone.display())]);
    assert!(err.contains("names no time zone"), "{err}");

    // A start that its date does not say.
    let wrong_start = dir.path().join("wrong-start.json");
    std::fs::write(
        &wrong_start,
        good.replacen("\"start\": \"10:00\"", "\"start\": \"11:00\"", 1),
    )
    .unwrap();
    let err = refused(root, &["pretalx", &format!("{}=da", wrong_start.display())]);
    assert!(err.contains("its date says 10:00"), "{err}");

    // Two events in one room at once.
    let double = dir.path().join("double.json");
    std::fs::write(
        &double,
        good.replacen("\"room\": \"Sal B\"", "\"room\": \"Sal A\"", 1),
    )
    .unwrap();
    let err = refused(root, &["pretalx", &format!("{}=da", double.display())]);
    assert!(err.contains("are in Sal A at once"), "{err}");

    // Two languages that disagree on a time.
    let other_time = dir.path().join("other-time.json");
    let sv = std::fs::read_to_string(fixture("pretalx.sv.json")).unwrap();
    std::fs::write(
        &other_time,
        sv.replacen("\"duration\": \"01:00\"", "\"duration\": \"01:15\"", 1),
    )
    .unwrap();
    let err = refused(
        root,
        &["pretalx", &good_da, &format!("{}=sv", other_time.display())],
    );
    assert!(err.contains("in this file and at"), "{err}");
}
