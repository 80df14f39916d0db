//! The data exports of the example site, checked by independent tools: every `.ics` parsed
//! by Python's `icalendar` and compared with the content (tests/exports/check_ics.py), every
//! `schedule.json` validated against the c3voc schema (`jsonschema`) and `schedule.xml`
//! against its XSD (`xmllint`), every feed parsed as Atom (`feedparser`). The tools are
//! required: a missing Python package or `xmllint` fails the test (`.ci/run` installs them).

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use samling::Site;

const FULL_BASE: &str = "https://example.org/programmer/";

fn checks_dir() -> std::path::PathBuf {
    example_root().join("tests/exports")
}

/// Runs a checker script; its failure (or a missing interpreter or package) fails the test.
fn run_check(script: &str, args: &[&str]) -> String {
    let output = Command::new("python3")
        .arg(checks_dir().join(script))
        .args(args)
        .current_dir(checks_dir())
        .output()
        .unwrap_or_else(|e| panic!("python3 cannot be run ({e}); .ci/run installs it"));
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

fn check_all(root: &Path, public: &Path, base: &str, ics_flags: &[&str]) {
    let (root, public) = (root.to_str().unwrap(), public.to_str().unwrap());
    let mut args = vec![root, public, base];
    args.extend(ics_flags);
    run_check("check_ics.py", &args);
    run_check("check_schedules.py", &[root, public, "c3voc", base]);
    run_check("check_feeds.py", &[root, public]);
}

#[test]
fn the_tools_are_installed() {
    let xmllint = Command::new("xmllint").arg("--version").output();
    assert!(
        xmllint.is_ok_and(|o| o.status.success()),
        "xmllint is missing: apt-get install libxml2-utils"
    );
    let python = Command::new("python3")
        .args([
            "-c",
            "import icalendar, jsonschema, feedparser, dateutil, rfc3986_validator",
        ])
        .output()
        .expect("python3 is missing");
    assert!(
        python.status.success(),
        "Python packages are missing (see .ci/run): {}",
        String::from_utf8_lossy(&python.stderr)
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
        &["--require-dst", "--require-sequence"],
    );
}

#[test]
fn the_example_sites_exports_are_valid_under_a_path() {
    let root = example_root();
    let out = build_with(&root, None);
    check_all(&root, &out.path().join("public"), "/", &["--require-dst"]);
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
    check_all(
        root,
        &public,
        FULL_BASE,
        &["--require-dst", "--require-cancelled", "--require-sequence"],
    );
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
    let out = build_with(&example_root(), None);
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
fn serve_makes_again_only_the_exports_a_session_or_speaker_edit_touches() {
    let dir = example_copy();
    let root = dir.path();
    let before = Site::load(root).unwrap_or_else(|e| panic!("{e}"));
    let key = "fremtidens-offentlige-sektor/fremtidens-kommuner";
    let path = format!("content/{key}.da.md");
    write(
        root,
        &path,
        &read(root, &path).replace("Fremtidens kommuner", "Kommunerne"),
    );
    let after = Site::load(root).unwrap_or_else(|e| panic!("{e}"));
    let keys = std::collections::BTreeSet::from([key.to_owned()]);
    let exporter = after.exporter();
    let scope = exporter
        .scope_of(&before.model, &keys)
        .expect("a session edit has a scope");
    let programme = after
        .model
        .programmes
        .iter()
        .position(|p| p.entry.key == "fremtidens-offentlige-sektor")
        .unwrap();
    assert_eq!(
        scope.programmes.iter().copied().collect::<Vec<_>>(),
        [programme]
    );
    assert_eq!(scope.sessions.len(), 1);
    // Its two speakers' pages.
    assert_eq!(scope.speakers.len(), 2, "{scope:?}");
    let files = exporter.files_in(Some(&scope)).unwrap();
    let all = after.exports().unwrap();
    assert!(
        files.len() < all.len() / 4,
        "{} of {}",
        files.len(),
        all.len()
    );
    // What it makes is what a full export makes, file for file.
    for file in &files {
        let full = all.iter().find(|f| f.path == file.path).unwrap();
        assert!(full.bytes == file.bytes, "{} differs", file.path);
    }
    let paths = exporter.paths_of(&scope);
    assert!(paths.contains(&format!("nb/{key}/calendar.ics")));
    assert!(paths.contains("sv/fremtidens-offentlige-sektor/schedule.xml"));

    // A speaker page's edit: the exports of the sessions that name the speaker, their
    // programmes and their speakers.
    let speaker_key = "speakers/bjarne-corydon";
    let keys = std::collections::BTreeSet::from([speaker_key.to_owned()]);
    let scope = exporter
        .scope_of(&before.model, &keys)
        .expect("a speaker edit has a scope");
    let model = &after.model;
    let speaker = (model.speakers.iter())
        .position(|s| s.entry.key == speaker_key)
        .unwrap();
    let sessions = &model.speakers[speaker].sessions;
    assert!(!sessions.is_empty());
    assert!(scope.sessions.iter().eq(sessions));
    assert!(scope.speakers.contains(&speaker));
    for &s in sessions {
        assert!(scope.programmes.contains(&model.sessions[s].programme));
    }
    let files = exporter.files_in(Some(&scope)).unwrap();
    assert!(files.len() < all.len() / 4);
    for file in &files {
        let full = all.iter().find(|f| f.path == file.path).unwrap();
        assert!(full.bytes == file.bytes, "{} differs", file.path);
    }
    assert!(
        exporter
            .paths_of(&scope)
            .contains(&format!("da/{speaker_key}/calendar.ics"))
    );
}
