//! Bad input: each mistake is reported with its file (and line where there is one), and a
//! failed build leaves the previous output exactly as it was.

mod common;

use std::process::Command;

use common::*;
use samling::Site;

/// Builds a good site, applies `mistake`, and checks that the rebuild fails with a message
/// containing every one of `expected`, leaving the first build's output untouched.
fn assert_refused(mistake: impl FnOnce(&std::path::Path), expected: &[&str]) -> String {
    let root = starter_site();
    let output = root.path().join("public");
    Site::load(root.path()).unwrap().build(&output).unwrap();
    let before = snapshot(&output);
    assert!(!before.is_empty());

    mistake(root.path());
    let err = Site::load(root.path())
        .and_then(|site| site.build(&output))
        .expect_err("the build should fail")
        .to_string();
    for part in expected {
        assert!(err.contains(part), "the error lacks {part:?}:\n{err}");
    }
    assert_eq!(snapshot(&output), before, "the previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
    err
}

#[test]
fn bad_toml_names_file_line_and_column() {
    let err = assert_refused(
        |root| {
            let text = read(root, "content/aarsmoede/aabning.da.md")
                .replace("room = \"Festsalen\"", "room = \"Festsalen");
            write(root, "content/aarsmoede/aabning.da.md", &text);
        },
        &["content/aarsmoede/aabning.da.md:6:"],
    );
    assert!(
        err.contains("room = \"Festsalen"),
        "the offending line is shown: {err}"
    );
}

#[test]
fn unknown_field_suggests_the_nearest_known_one() {
    assert_refused(
        |root| {
            let text = read(root, "content/aarsmoede/aabning.sv.md").replace("title =", "titel =");
            write(root, "content/aarsmoede/aabning.sv.md", &text);
        },
        &[
            "unknown field `titel`",
            "content/aarsmoede/aabning.sv.md:2:1",
            "did you mean `title`?",
        ],
    );
}

#[test]
fn unknown_status_value_suggests_the_nearest() {
    assert_refused(
        |root| {
            let text = read(root, "content/aarsmoede/debat.da.md")
                .replace("\"tentative\"", "\"canceled\"");
            write(root, "content/aarsmoede/debat.da.md", &text);
        },
        &[
            "`status`: unknown value `canceled`",
            "content/aarsmoede/debat.da.md:8:",
            "did you mean `cancelled`?",
        ],
    );
}

#[test]
fn a_date_written_as_text_names_the_field_line() {
    assert_refused(
        |root| {
            let text = read(root, "content/aarsmoede/debat.da.md")
                .replace("date = 2027-03-11", "date = \"11-03-2027\"");
            write(root, "content/aarsmoede/debat.da.md", &text);
        },
        &["content/aarsmoede/debat.da.md:3:8", "without quotes"],
    );
}

#[test]
fn missing_fluent_key_names_key_locale_and_template() {
    assert_refused(
        |root| {
            let text: String = read(root, "locales/nb.ftl")
                .lines()
                .filter(|l| !l.starts_with("not-confirmed ="))
                .map(|l| format!("{l}\n"))
                .collect();
            write(root, "locales/nb.ftl", &text);
            // The unconfirmed speaker must show on a Norwegian page: add a Norwegian debate.
            let debate = read(root, "content/aarsmoede/debat.da.md");
            write(root, "content/aarsmoede/debat.nb.md", &debate);
        },
        &[
            "the message `not-confirmed` is missing in locales/nb.ftl",
            "speakers_inline.html:3:",
        ],
    );
}

#[test]
fn fluent_syntax_error_names_file_and_line() {
    assert_refused(
        |root| {
            let text = read(root, "locales/sv.ftl").replacen("nav-home =", "nav-home = { $", 1);
            write(root, "locales/sv.ftl", &text);
        },
        &["locales/sv.ftl:", "Fluent syntax error"],
    );
}

#[test]
fn template_syntax_error_names_template_and_line() {
    assert_refused(
        |root| {
            write(
                root,
                "templates/page.html",
                "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title \n{% endblock main %}\n",
            );
            write(root, "content/om.da.md", "+++\ntitle = \"Om\"\n+++\n");
        },
        &["templates/page.html:4:1", "expected }}"],
    );
}

#[test]
fn template_render_error_names_template_and_line() {
    assert_refused(
        |root| {
            write(
                root,
                "templates/page.html",
                "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ page.no_such_field }}</p>\n{% endblock main %}\n",
            );
            write(root, "content/om.da.md", "+++\ntitle = \"Om\"\n+++\n");
        },
        &["templates/page.html:3:"],
    );
}

#[test]
fn reference_to_a_missing_speaker_page() {
    assert_refused(
        |root| {
            let text = read(root, "content/aarsmoede/aabning.nb.md")
                .replace("\"anna-jensen\"", "\"ana-jensen\"");
            write(root, "content/aarsmoede/aabning.nb.md", &text);
        },
        &[
            "no speaker page `ana-jensen`",
            "content/aarsmoede/aabning.nb.md:9:",
            "did you mean `anna-jensen`?",
        ],
    );
}

#[test]
fn a_file_in_an_unknown_language() {
    assert_refused(
        |root| write(root, "content/om.de.md", "+++\ntitle = \"Über\"\n+++\n"),
        &[
            "content/om.de.md",
            "`de` is not a language of this site",
            "da, sv, nb",
        ],
    );
}

#[test]
fn missing_and_unclosed_front_matter() {
    assert_refused(
        |root| write(root, "content/om.da.md", "title = \"Om\"\n"),
        &["content/om.da.md:1:1", "missing front matter"],
    );
    assert_refused(
        |root| write(root, "content/om.da.md", "+++\ntitle = \"Om\"\n"),
        &["content/om.da.md:1:1", "front matter is not closed"],
    );
}

#[test]
fn end_before_start_and_unknown_time_zone() {
    assert_refused(
        |root| {
            let text =
                read(root, "content/aarsmoede/aabning.da.md").replace("end = 10:00", "end = 09:00");
            write(root, "content/aarsmoede/aabning.da.md", &text);
            let text = read(root, "content/aarsmoede/_index.sv.md")
                .replace("venue =", "timezone = \"Europe/Stokholm\"\nvenue =");
            write(root, "content/aarsmoede/_index.sv.md", &text);
        },
        &[
            "content/aarsmoede/aabning.da.md:5:1",
            "ends before it starts",
            "content/aarsmoede/_index.sv.md:6:1",
            "unknown time zone `Europe/Stokholm`",
        ],
    );
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let err = assert_refused(
        |root| {
            write(root, "content/a.da.md", "+++\ntitel = \"A\"\n+++\n");
            write(
                root,
                "content/b.da.md",
                "+++\ntitle = \"B\"\nsumary = \"x\"\n+++\n",
            );
        },
        &["content/a.da.md:2:1", "content/b.da.md:3:1"],
    );
    assert!(err.contains("2 errors"), "{err}");
}

#[test]
fn the_command_exits_1_with_the_error_on_stderr() {
    let root = starter_site();
    write(root.path(), "content/a.da.md", "+++\ntitel = \"A\"\n+++\n");
    let output = Command::new(env!("CARGO_BIN_EXE_samling"))
        .args(["build", "--root"])
        .arg(root.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("content/a.da.md:2:1"), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(!root.path().join("public").exists());
}

#[test]
fn the_command_builds_and_reports() {
    let root = starter_site();
    let output = Command::new(env!("CARGO_BIN_EXE_samling"))
        .args(["build", "--root"])
        .arg(root.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    // The sample programme (with its changes page), its speaker and the accessibility
    // statement, in each language.
    assert!(stdout.contains("Built 36 pages in 3 languages"), "{stdout}");
    // Not on a terminal: no progress bar, nothing else on stderr.
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(root.path().join("public/da/index.html").is_file());
}

#[test]
fn init_refuses_a_folder_with_files() {
    let root = starter_site();
    let err = samling::init(root.path()).unwrap_err().to_string();
    assert!(err.contains("not empty"), "{err}");
}

#[test]
fn the_output_folder_may_not_be_the_site() {
    let root = starter_site();
    let site = Site::load(root.path()).unwrap();
    let err = site.build(root.path()).unwrap_err().to_string();
    assert!(err.contains("would replace the site's own files"), "{err}");
    assert!(root.path().join("content").is_dir());
    let err = site
        .build(&root.path().join("content/out"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("would replace the site's own files"), "{err}");
}

#[test]
fn a_session_outside_its_programmes_days() {
    assert_refused(
        |root| {
            let path = "content/aarsmoede/debat.da.md";
            let text = read(root, path).replace("date = 2027-03-11", "date = 2027-03-12");
            write(root, path, &text);
        },
        &[
            "content/aarsmoede/debat.da.md:3:1",
            "the session is on 2027-03-12, outside its programme's days (2027-03-11)",
            "content/aarsmoede/_index.da.md",
        ],
    );
}

#[test]
fn two_sessions_in_one_room_at_once() {
    let err = assert_refused(
        |root| {
            let path = "content/aarsmoede/debat.da.md";
            let text = read(root, path).replace("start = 10:15", "start = 09:45");
            write(root, path, &text);
        },
        &[
            "content/aarsmoede/debat.da.md:6:1",
            "the room is booked twice: 09:45–11:30 here, 09:30–10:00 in content/aarsmoede/aabning.da.md",
        ],
    );
    assert!(err.contains("another room or time"), "{err}");
}

#[test]
fn a_room_written_another_way_is_the_same_room() {
    assert_refused(
        |root| {
            let path = "content/aarsmoede/debat.da.md";
            let text = read(root, path)
                .replace("start = 10:15", "start = 09:45")
                .replace("room = \"Festsalen\"", "room = \" FESTSALEN \"");
            assert!(text.contains("FESTSALEN"));
            write(root, path, &text);
        },
        &[
            "content/aarsmoede/debat.da.md:6:1",
            "the room is booked twice: 09:45–11:30 here, 09:30–10:00 in content/aarsmoede/aabning.da.md",
        ],
    );
}

#[test]
fn a_cancelled_session_frees_its_room() {
    let root = starter_site();
    let path = "content/aarsmoede/debat.da.md";
    let text = read(root.path(), path)
        .replace("start = 10:15", "start = 09:45")
        .replace("status = \"tentative\"", "status = \"cancelled\"");
    assert!(text.contains("status = \"cancelled\""));
    write(root.path(), path, &text);
    Site::load(root.path()).unwrap_or_else(|e| panic!("{e}"));
}
