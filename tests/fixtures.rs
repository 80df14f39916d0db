//! The corpus of invalid sites in tests/fixtures/invalid/: each is the starter site
//! (`samling init`) with the files of its `site/` folder laid over it, the edits of its
//! `edits.toml` made (`find` replaced once by `replace` in `file`; edits rather than copies,
//! so that fixtures follow changes to the starter and the locales) and the files in its
//! `remove.txt` removed. `expected.txt` beside it holds the exact diagnostics `samling check`
//! must report, one per line (`severity: file:line:column: message`), beyond those of the
//! starter site itself. For each one, `build` must refuse with the same errors and leave the
//! previous output exactly as it was.
//!
//! `SAMLING_BLESS=1 cargo test --test fixtures` rewrites the expected files (review the diff).

mod common;

use std::path::Path;

use common::*;
use samling::Site;
use samling::check::{CheckOptions, check};

fn options() -> CheckOptions {
    CheckOptions {
        base_url: None,
        // Before the starter's programme (2027-03-11): its unconfirmed speaker is not due.
        today: jiff::civil::date(2026, 11, 23),
    }
}

fn line(d: &samling::Diagnostic) -> String {
    let severity = if d.is_error() { "error" } else { "warning" };
    let file = d.path.to_string_lossy().replace('\\', "/");
    match d.position {
        Some((line, column)) => format!("{severity}: {file}:{line}:{column}: {}", d.message),
        None => format!("{severity}: {file}: {}", d.message),
    }
}

#[test]
fn every_invalid_fixture_gives_its_diagnostics_and_build_keeps_the_output() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let bless = std::env::var_os("SAMLING_BLESS").is_some();
    let base = starter_site();
    let base_lines: Vec<String> = check(base.path(), &options())
        .all()
        .map(|d| line(&d))
        .collect();

    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 40, "the corpus has {} fixtures", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let fixture = corpus.join(name);
        let root = starter_site();
        let output = root.path().join("public");
        Site::load(root.path()).unwrap().build(&output).unwrap();
        let before = snapshot(&output);

        if fixture.join("site").is_dir() {
            copy_tree(&fixture.join("site"), root.path());
        }
        if let Ok(text) = std::fs::read_to_string(fixture.join("edits.toml")) {
            let edits: toml::Table = text.parse().unwrap();
            for edit in edits["edit"].as_array().unwrap() {
                let field = |name: &str| edit[name].as_str().unwrap().to_owned();
                let (file, find) = (field("file"), field("find"));
                let before = read(root.path(), &file);
                assert!(before.contains(&find), "{name}: no {find:?} in {file}");
                write(
                    root.path(),
                    &file,
                    &before.replacen(&find, &field("replace"), 1),
                );
            }
        }
        if let Ok(list) = std::fs::read_to_string(fixture.join("remove.txt")) {
            for path in list.lines().filter(|l| !l.trim().is_empty()) {
                std::fs::remove_file(root.path().join(path.trim())).unwrap();
            }
        }

        let report = check(root.path(), &options());
        let found: Vec<String> = report
            .all()
            .map(|d| line(&d))
            .filter(|l| !base_lines.contains(l))
            .collect();
        let expected_path = fixture.join("expected.txt");
        if bless {
            let text: String = found.iter().map(|l| format!("{l}\n")).collect();
            std::fs::write(&expected_path, text).unwrap();
        }
        let expected: Vec<String> = std::fs::read_to_string(&expected_path)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect();
        if found != expected {
            failures.push(format!(
                "{name}: expected\n  {}\nfound\n  {}",
                expected.join("\n  "),
                found.join("\n  ")
            ));
        }
        if !found.iter().any(|l| l.starts_with("error: ")) {
            failures.push(format!("{name}: no error"));
        }

        // `build` refuses with the same errors, and the previous output stays as it was.
        match Site::load(root.path()).and_then(|site| site.build(&output)) {
            Ok(_) => failures.push(format!("{name}: the build succeeded")),
            Err(err) => {
                let mut refused: Vec<String> = err
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(line)
                    .collect();
                refused.sort();
                let mut errors: Vec<String> = report
                    .all()
                    .filter(|d| d.is_error())
                    .map(|d| line(&d))
                    .collect();
                errors.sort();
                if refused != errors {
                    failures.push(format!(
                        "{name}: build refused with\n  {}\nbut check reports\n  {}",
                        refused.join("\n  "),
                        errors.join("\n  ")
                    ));
                }
            }
        }
        if snapshot(&output) != before {
            failures.push(format!("{name}: the previous output changed"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
