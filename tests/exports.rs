//! The data exports of the example site, checked by independent parsers. Always, by the Rust
//! checks of tests/exports/check/ (crates made for each format: every `.ics` read by
//! `calcard` and compared with the content, every `schedule.json` validated against the
//! c3voc schema by `jsonschema`, every feed parsed by `feed-rs`). Where the outside tools are
//! installed, also by them: `schedule.xml` against its XSD (`xmllint`; no Rust crate checks
//! an XSD), and everything a second time by the Python checkers (tests/exports/*.py). A
//! missing tool is said in one line and skipped, or fails the test under
//! `SAMLING_REQUIRE_TOOLS=1` (as `.ci/run` sets).

#[path = "exports/check/mod.rs"]
mod check;
mod common;

use std::path::Path;
use std::process::Command;

use common::tools::{C3VOC_TOOLS, LIBICAL, PYTHON_CHECKERS, XMLLINT};
// The generator's code, shared with the example; `main` is only the example's.
#[allow(dead_code)]
#[path = "../examples/gen_programme/mod.rs"]
mod gen_programme;
use common::*;
use samling::Site;

const FULL_BASE: &str = "https://example.org/programmer/";

fn checks_dir() -> std::path::PathBuf {
    example_root().join("tests/exports")
}

/// Runs a Python checker script; its failure fails the test.
fn run_check(script: &str, args: &[&str]) -> String {
    run_check_with("python3", script, args)
}

/// Runs a Python checker script with the interpreter `python`.
fn run_check_with(python: &str, script: &str, args: &[&str]) -> String {
    let output = Command::new(python)
        .arg(checks_dir().join(script))
        .args(args)
        .current_dir(checks_dir())
        .output()
        .unwrap_or_else(|e| panic!("{python} cannot be run ({e}); .ci/run installs it"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{script} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    print!("{stdout}");
    stdout
}

/// Builds the site at `root` with `base_url` into a new temporary folder.
fn build_with(root: &Path, base_url: Option<&str>) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let site = Site::load_with(root, base_url).unwrap_or_else(|e| panic!("{e}"));
    site.build(&out.path().join("public"))
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

/// What a site's calendars must cover for the check to mean something.
const DST: &str = "--require-dst";
const CANCELLED: &str = "--require-cancelled";
const SEQUENCE: &str = "--require-sequence";

/// Checks every export of the build at `public`: with the Rust checks always, with xmllint
/// and the Python checkers where they are installed. `required` names what the calendars
/// must cover (e.g. [`DST`]: a session on a day the clocks change).
fn check_all(root: &Path, public: &Path, base: &str, required: &[&str]) {
    let covered = check::ics::check(root, public, base).unwrap_or_else(|e| panic!("{e}"));
    println!("ics: {covered:?}");
    for (flag, count) in [
        (DST, covered.on_clock_change_days),
        (CANCELLED, covered.cancelled),
        (SEQUENCE, covered.sequenced),
    ] {
        assert!(
            !required.contains(&flag) || count > 0,
            "{flag}: no such session in this site"
        );
    }
    // With a path for base_url there is no schedule.json to check the XML against:
    // `the_example_sites_exports_are_valid_under_a_path` compares its XML with a full
    // address's instead.
    let absolute = base.contains("://");
    if absolute {
        let schedules =
            check::schedules::check(root, public, base).unwrap_or_else(|e| panic!("{e}"));
        println!("schedules: {schedules} programmes' schedule.json and schedule.xml");
    }
    let entries = check::feeds::check(root, public).unwrap_or_else(|e| panic!("{e}"));
    println!("feed entries: {entries}");

    let xmllint = XMLLINT.available();
    if xmllint {
        let n = check::schedules::xsd(public).unwrap_or_else(|e| panic!("{e}"));
        println!("xmllint: {n} schedule.xml valid against the XSD");
    }
    if PYTHON_CHECKERS.available() {
        let (root, public) = (root.to_str().unwrap(), public.to_str().unwrap());
        let mut args = vec![root, public, base];
        args.extend(required);
        run_check("check_ics.py", &args);
        let mut args = vec![root, public, "c3voc", base];
        if !xmllint {
            // Already said above: the XSD is not checked here.
            args.push("--no-xsd");
        }
        if absolute {
            run_check("check_schedules.py", &args);
        }
        run_check("check_feeds.py", &[root, public]);
    }
    if LIBICAL.available() {
        let public = public.to_str().unwrap();
        run_check_with("/usr/bin/python3", "check_libical.py", &[public]);
    }
    if C3VOC_TOOLS.available() && absolute {
        let (root, public) = (root.to_str().unwrap(), public.to_str().unwrap());
        run_check_with(
            "python3-voc",
            "check_voc.py",
            &[root, public, "c3voc", base],
        );
    }
}

/// Meaningful under `SAMLING_REQUIRE_TOOLS=1` (CI): fails there when a tool is missing;
/// elsewhere it says which are missing.
#[test]
fn the_tools_are_installed() {
    let found = [
        XMLLINT.available(),
        PYTHON_CHECKERS.available(),
        C3VOC_TOOLS.available(),
        LIBICAL.available(),
    ];
    assert!(
        !common::tools::tools_required() || found.iter().all(|f| *f),
        "a tool is missing"
    );
}

#[test]
fn the_example_sites_exports_are_valid_with_a_full_address() {
    let root = example_root();
    let out = build_with(&root, Some(FULL_BASE));
    // The example has a session on the day summer time starts (29 March 2026) in da, sv
    // and nb, and a session moved once.
    check_all(
        &root,
        &out.path().join("public"),
        FULL_BASE,
        &[DST, SEQUENCE],
    );
}

/// A generated programme (the benchmark's generator: 80 sessions in three programmes, with
/// speaker pages and people given inline in da, sv and nb), read by the same checkers.
#[test]
fn a_generated_sites_exports_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let args = ["--sessions", "80", "--programmes", "3", "--seed", "17"];
    let args = args
        .into_iter()
        .map(String::from)
        .chain(["--out".to_owned(), root.to_str().unwrap().to_owned()]);
    let options = gen_programme::parse_args(args).unwrap();
    gen_programme::run(&options).unwrap();
    let out = build_with(&root, Some(FULL_BASE));
    check_all(&root, &out.path().join("public"), FULL_BASE, &[]);
}

#[test]
fn the_example_sites_exports_are_valid_under_a_path() {
    let root = example_root();
    let out = build_with(&root, None);
    let public = out.path().join("public");
    check_all(&root, &public, "/", &[DST]);
    // schedule.xml is the full address's without the addresses; there is no schedule.json,
    // whose events' `url` the c3voc schema wants full.
    let full = build_with(&root, Some(FULL_BASE));
    let addresses = regex::Regex::new(
        r"(?s)  <url>[^<]*</url>\n|    <base_url>[^<]*</base_url>\n    <url>[^<]*</url>\n|        <url>[^<]*</url>\n|<links>.*?</links>|<version>[^<]*</version>",
    )
    .unwrap();
    let dirs = check::schedules::schedule_dirs(&full.path().join("public"));
    assert!(dirs.len() > 3, "{dirs:?}");
    for dir in dirs {
        let rel = dir.strip_prefix(full.path()).unwrap();
        assert!(
            !out.path().join(rel).join("schedule.json").exists(),
            "{rel:?}"
        );
        let xml = read(out.path(), &format!("{}/schedule.xml", rel.display()));
        let with_addresses = read(full.path(), &format!("{}/schedule.xml", rel.display()));
        assert!(!xml.contains("<url>") && xml.contains("<links/>"), "{xml}");
        let without = |xml: &str| {
            let found = |c: &regex::Captures| {
                if c[0].starts_with("<links") {
                    "<links/>"
                } else {
                    ""
                }
                .to_owned()
            };
            addresses.replace_all(xml, found).into_owned()
        };
        assert_eq!(without(&xml), without(&with_addresses), "{rel:?}");
    }
}

#[test]
fn a_cancelled_and_moved_session_says_so_everywhere() {
    let dir = example_copy();
    let root = dir.path();
    let path = "content/fremtidens-offentlige-sektor/politisk-debat.da.md";
    let text = read(root, path)
        .replace("status = \"confirmed\"", "status = \"cancelled\"")
        .replacen(
            "\n+++\n",
            "\n[[changes]]\ndate = 2026-01-10\nwhat = \"moved\"\nnote = \"Flyttet til kl. 10.\"\n\n[[changes]]\ndate = 2026-01-15\nwhat = \"cancelled\"\nnote = \"Debatten er aflyst.\"\n+++\n",
            1,
        );
    write(root, path, &text);
    // The status is the same in every language (`check` refuses translations that differ).
    for lang in ["sv", "nb"] {
        let path = format!("content/fremtidens-offentlige-sektor/politisk-debat.{lang}.md");
        let text = read(root, &path).replace("status = \"confirmed\"", "status = \"cancelled\"");
        write(root, &path, &text);
    }
    let out = build_with(root, Some(FULL_BASE));
    let public = out.path().join("public");
    check_all(root, &public, FULL_BASE, &[DST, CANCELLED, SEQUENCE]);
    let ics = read(
        &public,
        "da/fremtidens-offentlige-sektor/politisk-debat/calendar.ics",
    );
    assert!(ics.contains("\r\nSTATUS:CANCELLED\r\n"), "{ics}");
    assert!(ics.contains("\r\nSEQUENCE:2\r\n"), "{ics}");
    assert!(ics.contains("\r\nDTSTAMP:20260115T000000Z\r\n"), "{ics}");
    assert!(
        ics.contains("SUMMARY;LANGUAGE=da:Aflyst: Politisk debat"),
        "{ics}"
    );
    // The changes are in the Danish feed; the Swedish page did not record them.
    let feed = read(&public, "da/feed.xml");
    assert!(feed.contains("<title>Aflyst: Politisk debat"), "{feed}");
    assert!(feed.contains("<title>Flyttet: Politisk debat"), "{feed}");
    let sv = read(&public, "sv/feed.xml");
    assert!(!sv.contains("Politisk debatt"), "{sv}");
    let xml = read(&public, "da/fremtidens-offentlige-sektor/schedule.xml");
    assert!(xml.contains("<title>Aflyst: Politisk debat"), "{xml}");
}

/// A session without an end: no DTEND in its calendars (one equal to DTSTART is invalid,
/// RFC 5545 §3.8.2.2), and the schedules' documented hour; a tentative one says so where
/// apps show it (the subtitle), and its people have their numbers. A session from 19:00 to
/// 01:00 ends the next morning. A change of a Danish page in the Swedish feed is marked
/// Danish.
#[test]
fn what_apps_and_readers_are_told_of_sessions_without_an_end_past_midnight_or_untranslated() {
    let dir = example_copy();
    let root = dir.path();
    for lang in ["da", "sv", "nb"] {
        let path = format!("content/fremtidens-offentlige-sektor/politisk-debat.{lang}.md");
        let text = read(root, &path)
            .replace("end = 12:00:00\n", "")
            .replace("status = \"confirmed\"", "status = \"tentative\"");
        write(root, &path, &text);
    }
    // An evening past midnight: the end before the start is the next morning.
    for lang in ["da", "sv", "nb"] {
        let path = format!("content/fremtidens-offentlige-sektor/fremtidens-kommuner.{lang}.md");
        let text = read(root, &path)
            .replace("start = 09:15:00", "start = 19:00:00")
            .replace("end = 12:00:00", "end = 01:00:00");
        write(root, &path, &text);
    }
    // All-day sessions: one on a day of its own, one beside the day's timed sessions.
    for (path, start, end) in [
        (
            "fremtidens-offentlige-sektor/kunstig-intelligens",
            "start = 09:15:00\n",
            "end = 12:00:00\n",
        ),
        (
            "samverkan-i-offentlig-sektor/digitalisering-ai-och-samverkan/data-som-medel",
            "start = 09:00:00\n",
            "end = 10:30:00\n",
        ),
    ] {
        for lang in ["da", "sv", "nb"] {
            let path = format!("content/{path}.{lang}.md");
            let text = read(root, &path).replace(start, "").replace(end, "");
            write(root, &path, &text);
        }
    }
    // A change of a session only in Danish, which the Swedish and Norwegian feeds list.
    let path = "content/kommunestyret-2030/opfoelgningsdag.da.md";
    let text = read(root, path).replacen(
        "\n+++\n",
        "\n[[changes]]\ndate = 2023-01-05\nwhat = \"moved\"\nnote = \"Flyttet til Vejle.\"\n+++\n",
        1,
    );
    write(root, path, &text);
    let out = build_with(root, Some(FULL_BASE));
    let public = out.path().join("public");
    check_all(root, &public, FULL_BASE, &[DST]);
    let feed = read(&public, "sv/feed.xml");
    assert!(feed.contains("<entry xml:lang=\"da\">"), "{feed}");
    let evening = read(
        &public,
        "da/fremtidens-offentlige-sektor/fremtidens-kommuner/calendar.ics",
    );
    assert!(
        evening.contains("\r\nDTEND;TZID=Europe/Copenhagen:20251114T010000\r\n"),
        "{evening}"
    );
    let json = read(&public, "da/fremtidens-offentlige-sektor/schedule.json");
    assert!(
        json.contains("\"start\":\"19:00\",\"duration\":\"06:00\""),
        "{json}"
    );
    // All day: the whole day alone, else the hours of the day's other sessions.
    assert!(
        json.contains(
            "\"date\":\"2026-05-21T00:00:00+02:00\",\"start\":\"00:00\",\"duration\":\"24:00\""
        ),
        "{json}"
    );
    let json = read(&public, "sv/samverkan-i-offentlig-sektor/schedule.json");
    let event = &json[..json.find("\"slug\":\"samverkan_i_offentlig_sektor-digitalisering-ai-och-samverkan-data-som-medel\"").unwrap()];
    let event = &event[event.rfind("{\"guid\"").unwrap()..];
    assert!(
        event.contains(
            "\"date\":\"2025-10-24T09:00:00+02:00\",\"start\":\"09:00\",\"duration\":\"01:30\""
        ),
        "{event}"
    );
    let ics = read(
        &public,
        "da/fremtidens-offentlige-sektor/politisk-debat/calendar.ics",
    );
    assert!(
        ics.contains("\r\nDTSTART;TZID=Europe/Copenhagen:20260122T091500\r\n"),
        "{ics}"
    );
    assert!(!ics.contains("DTEND"), "{ics}");
    let xml = read(&public, "da/fremtidens-offentlige-sektor/schedule.xml");
    let slug = xml
        .find("<slug>fremtidens_offentlige_sektor-politisk-debat<")
        .unwrap();
    let event = &xml[xml[..slug].rfind("<event ").unwrap()..];
    let event = &event[..event.find("</event>").unwrap()];
    assert!(event.contains("<duration>01:00</duration>"), "{event}");
    assert!(event.contains("<subtitle>Foreløbigt</subtitle>"), "{event}");
    assert!(event.contains("<person id=\""), "{event}");
    assert!(
        event.contains(&format!(
            "<link href=\"{FULL_BASE}da/fremtidens-offentlige-sektor/politisk-debat/\">"
        )),
        "{event}"
    );
}

#[test]
fn exports_are_the_same_in_every_build() {
    let root = example_root();
    let exports = |out: &tempfile::TempDir| {
        snapshot(&out.path().join("public"))
            .into_iter()
            .filter(|(path, _)| {
                path.ends_with(".ics") || path.contains("/schedule.") || path.ends_with("feed.xml")
            })
            .collect::<Vec<_>>()
    };
    let first = exports(&build_with(&root, None));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = exports(&build_with(&root, None));
    assert!(first.len() > 60, "{} exports", first.len());
    assert!(first == second, "two builds wrote different exports");
}

#[test]
fn pages_link_to_their_exports() {
    // With a path for base_url there is no schedule.json, and no link to it.
    let path_only = build_with(&example_root(), None);
    let programme = read(
        &path_only.path().join("public"),
        "nb/fremtidens-offentlige-sektor/index.html",
    );
    assert!(programme.contains("href=\"schedule.xml\""), "{programme}");
    assert!(!programme.contains("schedule.json"), "{programme}");
    let out = build_with(&example_root(), Some(FULL_BASE));
    let public = out.path().join("public");
    let session = read(
        &public,
        "sv/fremtidens-offentlige-sektor/studietur-oeresund/index.html",
    );
    assert!(
        session.contains(
            "<a href=\"calendar.ics\" type=\"text/calendar\">Lägg till i kalendern (.ics)</a>"
        ),
        "{session}"
    );
    let programme = read(&public, "nb/fremtidens-offentlige-sektor/index.html");
    for link in [
        "href=\"calendar.ics\"",
        "href=\"schedule.xml\"",
        "href=\"schedule.json\"",
        "href=\"../feed.xml\"",
    ] {
        assert!(programme.contains(link), "{link} missing:\n{programme}");
    }
    let speaker = read(&public, "da/speakers/bjarne-corydon/index.html");
    assert!(speaker.contains("href=\"calendar.ics\""), "{speaker}");
    assert!(
        public
            .join("da/speakers/bjarne-corydon/calendar.ics")
            .is_file()
    );
    assert_links_resolve(&public);
}

#[test]
fn an_unknown_field_in_changes_names_the_nearest() {
    let dir = example_copy();
    let root = dir.path();
    let path = "content/fremtidens-offentlige-sektor/studietur-oeresund.nb.md";
    let text = read(root, path).replacen("what = \"moved\"", "waht = \"moved\"", 1);
    write(root, path, &text);
    let err = Site::load(root)
        .err()
        .expect("the site should not load")
        .to_string();
    assert!(err.contains("unknown field `waht`"), "{err}");
    assert!(err.contains("did you mean `what`?"), "{err}");
    assert!(err.contains("studietur-oeresund.nb.md:"), "{err}");

    let text = read(root, path)
        .replace("waht = \"moved\"", "what = \"moved\"")
        .replacen("what = \"added\"", "what = \"adeed\"", 1);
    write(root, path, &text);
    let err = Site::load(root)
        .err()
        .expect("the site should not load")
        .to_string();
    assert!(err.contains("unknown value `adeed`"), "{err}");
    assert!(err.contains("did you mean `added`?"), "{err}");
}

#[test]
fn a_missing_export_string_fails_the_build_with_its_locale() {
    let dir = example_copy();
    let root = dir.path();
    let text: String = read(root, "locales/sv.ftl")
        .lines()
        .filter(|l| !l.starts_with("change-moved ="))
        .map(|l| format!("{l}\n"))
        .collect();
    write(root, "locales/sv.ftl", &text);
    let err = Site::load(root)
        .and_then(|site| site.render())
        .expect_err("the build should fail")
        .to_string();
    assert!(
        err.contains("the message `change-moved` is missing in locales/sv.ftl"),
        "{err}"
    );
}

#[test]
fn serve_makes_again_the_exports_a_session_or_speaker_edit_touches() {
    use samling::live::LiveSite;
    let dir = example_copy();
    let root = dir.path();
    let mut live = LiveSite::new(root, None);
    live.rebuild(live.classify(&[]))
        .unwrap_or_else(|e| panic!("{e}"));
    let same_as_a_build = |live: &LiveSite| {
        let full = Site::load(root)
            .and_then(|s| s.render())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(full.len(), live.files().len());
        for file in &full {
            let bytes = live.files().get(file.path.as_str()).map(|b| &b[..]);
            assert!(
                bytes == Some(&file.bytes[..]),
                "{} differs from a build",
                file.path
            );
        }
    };
    let edit = |live: &mut LiveSite, path: &str, from: &str, to: &str| -> Vec<String> {
        write(root, path, &read(root, path).replacen(from, to, 1));
        let changes = live.classify(&[std::path::PathBuf::from(path)]);
        live.rebuild(changes)
            .unwrap_or_else(|e| panic!("{e}"))
            .changed
    };

    // A session's title in Danish: its calendar, its programme's calendar and schedules
    // and its speakers' calendars in Danish change; no export in another language does.
    let key = "fremtidens-offentlige-sektor/fremtidens-kommuner";
    let changed = edit(
        &mut live,
        &format!("content/{key}.da.md"),
        "Fremtidens kommuner",
        "Kommunerne",
    );
    for file in [
        format!("da/{key}/calendar.ics"),
        "da/fremtidens-offentlige-sektor/calendar.ics".to_owned(),
        "da/fremtidens-offentlige-sektor/schedule.xml".to_owned(),
    ] {
        assert!(changed.contains(&file), "{file} is not among {changed:?}");
    }
    let exports_changed: Vec<&String> = (changed.iter())
        .filter(|f| f.ends_with(".ics") || f.ends_with(".xml") || f.ends_with(".json"))
        .collect();
    assert!(
        exports_changed.iter().all(|f| f.starts_with("da/")),
        "{exports_changed:?}"
    );
    same_as_a_build(&live);

    // A speaker page's name: the calendars and schedules that name the speaker.
    let speaker = "content/speakers/bjarne-corydon.da.md";
    let name = "Bjarne Corydon";
    assert!(read(root, speaker).contains(name));
    let changed = edit(&mut live, speaker, name, "Bjarne C. Corydon");
    assert!(
        changed.contains(&"da/speakers/bjarne-corydon/calendar.ics".to_owned()),
        "{changed:?}"
    );
    assert!(
        changed.iter().any(|f| f.ends_with("schedule.xml")),
        "{changed:?}"
    );
    same_as_a_build(&live);
}

/// The first `from` in `bytes` replaced by `to`; `from` must be there.
fn swap(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = (bytes.windows(from.len()))
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{} is not there", String::from_utf8_lossy(from)));
    [&bytes[..at], to, &bytes[at + from.len()..]].concat()
}

/// `file` of the build at `public` changed by `edit` while `check` runs; the file is put
/// back after. Answers the check's error, failing when the check accepts the broken file.
fn rejected<T: std::fmt::Debug>(
    public: &Path,
    file: &str,
    edit: impl FnOnce(&[u8]) -> Vec<u8>,
    check: impl FnOnce() -> Result<T, String>,
) -> String {
    let path = public.join(file);
    let good = std::fs::read(&path).unwrap();
    std::fs::write(&path, edit(&good)).unwrap();
    let result = check();
    std::fs::write(&path, &good).unwrap();
    match result {
        Ok(covered) => panic!("{file}: the broken export passed the check ({covered:?})"),
        Err(e) => e,
    }
}

/// The event of schedule.json with `slug`, changed by `edit`.
fn edit_event(bytes: &[u8], slug: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut doc: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    let days = doc["schedule"]["conference"]["days"]
        .as_array_mut()
        .unwrap();
    let event = (days.iter_mut())
        .flat_map(|d| d["rooms"].as_object_mut().unwrap().values_mut())
        .flat_map(|r| r.as_array_mut().unwrap().iter_mut())
        .find(|e| e["slug"] == slug)
        .unwrap_or_else(|| panic!("no event {slug}"));
    edit(event);
    serde_json::to_vec(&doc).unwrap()
}

/// Each Rust check catches an export broken on purpose: a wrong time, a VTIMEZONE whose
/// summer time starts on the wrong day, bad folding, a wrong UID or SEQUENCE, a value that
/// breaks a format of the c3voc schema, a schedule.xml day without its end, a feed without
/// its id (which feed-rs would make up) or with an entry missing.
#[test]
fn the_export_checks_catch_a_broken_export() {
    use check::{feeds, ics, schedules};
    let root = example_root();
    let out = build_with(&root, Some(FULL_BASE));
    let public = out.path().join("public");
    let (root, public) = (root.as_path(), public.as_path());
    let ics = || ics::check(root, public, FULL_BASE);
    let schedules = || schedules::check(root, public, FULL_BASE);
    let feeds = || feeds::check(root, public);
    // Unbroken, everything passes: what fails below is the break.
    ics().unwrap();
    schedules().unwrap();
    feeds().unwrap();

    let debate = "da/fremtidens-offentlige-sektor/politisk-debat/calendar.ics";
    let tour = "da/fremtidens-offentlige-sektor/studietur-oeresund/calendar.ics";
    let programme = "da/fremtidens-offentlige-sektor/calendar.ics";
    let cases: [(&str, &[u8], &[u8], &str); 10] = [
        (
            debate,
            b"DTSTART;TZID=Europe/Copenhagen:20260122T091500",
            b"DTSTART;TZID=Europe/Copenhagen:20260122T101500",
            "DTSTART",
        ),
        // Summer time from the first Sunday of April: on 29 March 2026 (the tour's day) the
        // VTIMEZONE's own rules say +01:00, the zone database +02:00.
        (
            tour,
            b"BYMONTH=3;BYDAY=-1SU",
            b"BYMONTH=4;BYDAY=1SU",
            "VTIMEZONE 3600 s, zone database 7200 s",
        ),
        (debate, b"SEQUENCE:0", b"SEQUENCE:1", "SEQUENCE"),
        (debate, b"UID:8114af21", b"UID:8114af22", "UID"),
        // Another stamp, whatever the record (the old value kept in an X- property).
        (
            debate,
            b"\r\nDTSTAMP:",
            b"\r\nDTSTAMP:19991231T000000Z\r\nX-STAMP:",
            "DTSTAMP",
        ),
        (debate, b"STATUS:CONFIRMED", b"STATUS:TENTATIVE", "STATUS"),
        (
            debate,
            b"LOCATION;LANGUAGE=da",
            b"LOCATION;LANGUAGE=sv",
            "LOCATION not in da",
        ),
        // The programme's venue (the debate names none of its own).
        (
            debate,
            b"LOCATION;LANGUAGE=da:SOHO",
            b"LOCATION;LANGUAGE=da:SOH",
            "not in LOCATION",
        ),
        // Unfolded: a line longer than 75 octets.
        (debate, b"\r\n  LA debatterer", b" LA debatterer", "octets"),
        // Folded inside the two octets of "æ".
        (
            debate,
            "Flæsketorvet".as_bytes(),
            b"Fl\xc3\r\n \xa6sketorvet",
            "splits a UTF-8",
        ),
    ];
    for (file, from, to, expected) in cases {
        let err = rejected(public, file, |b| swap(b, from, to), ics);
        assert!(err.contains(expected), "{file}: {err}");
    }
    // The programme's calendar says another time than the session's own.
    let err = rejected(
        public,
        programme,
        |b| swap(b, b"20260122T091500", b"20260122T093000"),
        ics,
    );
    assert!(err.contains("DTSTART is not as in"), "{err}");
    // Only a parameter differs: the debate's LOCATION there says it is in Norwegian.
    let err = rejected(
        public,
        programme,
        |b| {
            let at = b.windows(12).position(|w| w == b"UID:8114af21").unwrap();
            let rest = swap(&b[at..], b"LOCATION;LANGUAGE=da", b"LOCATION;LANGUAGE=nb");
            [&b[..at], &rest[..]].concat()
        },
        ics,
    );
    assert!(err.contains("LOCATION is not as in"), "{err}");

    let json = "da/fremtidens-offentlige-sektor/schedule.json";
    let slug = "fremtidens_offentlige_sektor-politisk-debat";
    let json_cases: [(&str, serde_json::Value, &str); 4] = [
        ("url", "not an address".into(), "uri"),
        ("date", "2026-01-22 09:15".into(), "date-time"),
        ("guid", "8114af21a4605474".into(), "uuid"),
        ("persons", serde_json::json!([{"name": "X"}]), "person {"),
    ];
    for (key, value, expected) in json_cases {
        let err = rejected(
            public,
            json,
            |b| edit_event(b, slug, |e| e[key] = value),
            schedules,
        );
        assert!(err.contains(expected), "{key}: {err}");
    }
    // A speaker page's person has the page's UUID.
    let err = rejected(
        public,
        json,
        |b| {
            let slug = "fremtidens_offentlige_sektor-temperaturen-paa-den-offentlige-sektor";
            edit_event(b, slug, |e| {
                e["persons"][0]["guid"] = "8114af21-a460-5474-0000-000000000000".into()
            })
        },
        schedules,
    );
    assert!(err.contains("guid is not their page's"), "{err}");
    let err = rejected(
        public,
        json,
        |b| edit_event(b, slug, |e| _ = e.as_object_mut().unwrap().remove("links")),
        schedules,
    );
    assert!(err.contains("links"), "{err}");
    let xml = "da/fremtidens-offentlige-sektor/schedule.xml";
    let err = rejected(
        public,
        xml,
        |b| swap(b, b" end=\"2025-09-18T12:00:00+02:00\"", b""),
        schedules,
    );
    assert!(err.contains("a day without @end"), "{err}");
    let err = rejected(
        public,
        xml,
        |b| swap(b, b"<start>09:15</start>", b"<start>09:30</start>"),
        schedules,
    );
    assert!(err.contains(": start"), "{err}");
    // ConfClerk shows no presenter without the person's id.
    let err = rejected(
        public,
        xml,
        |b| swap(b, b"<person id=\"2133154090\" ", b"<person "),
        schedules,
    );
    assert!(err.contains("a person without id or guid"), "{err}");
    let err = rejected(
        public,
        xml,
        |b| swap(b, b"Bjarne Corydon</person>", b"Bjarne Corydo</person>"),
        schedules,
    );
    assert!(err.contains("is not the JSON's"), "{err}");

    let feed = "da/feed.xml";
    let err = rejected(
        public,
        feed,
        |b| {
            let text = String::from_utf8(b.to_vec()).unwrap();
            let start = text.find("<id>").unwrap();
            let end = text.find("</id>").unwrap() + "</id>".len();
            [&text[..start], &text[end..]].concat().into_bytes()
        },
        feeds,
    );
    assert!(err.contains("no id"), "{err}");
    let err = rejected(
        public,
        feed,
        |b| {
            let text = String::from_utf8(b.to_vec()).unwrap();
            let start = text.rfind("<entry>").unwrap();
            let end = text.rfind("</entry>").unwrap() + "</entry>".len();
            [&text[..start], &text[end..]].concat().into_bytes()
        },
        feeds,
    );
    assert!(err.contains("entries, content has"), "{err}");
    let page = "da/fremtidens-offentlige-sektor/index.html";
    let err = rejected(
        public,
        page,
        |b| swap(b, b"type=\"application/atom+xml\"", b"type=\"text/xml\""),
        feeds,
    );
    assert!(err.contains("no Atom link"), "{err}");
}
