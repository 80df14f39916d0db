//! Replays what the fuzzers in fuzz/ found (fuzz/regressions/<target>/), and the example
//! site's files as well-formed seeds, through the same entry points: none may panic.

use std::path::Path;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in [
        root.join("fuzz/regressions").join(target),
        root.join("content"),
    ] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                found.push(std::fs::read(entry.path()).unwrap());
            }
        }
    }
    assert!(found.len() > 20, "{target}: {} inputs", found.len());
    found
}

#[test]
fn front_matter_splitter() {
    inputs("split").iter().for_each(|i| samling::fuzz::split(i));
}

#[test]
fn front_matter_parser() {
    inputs("front_matter")
        .iter()
        .for_each(|i| samling::fuzz::front_matter(i));
}

#[test]
fn markdown_pipeline() {
    let markdown = samling::Markdown::default();
    inputs("markdown")
        .iter()
        .for_each(|i| samling::fuzz::markdown(&markdown, i));
}

#[test]
fn names_and_addresses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The example site's own file and folder names are the well-formed seeds here.
    let mut names: Vec<Vec<u8>> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .map(|e| e.unwrap().file_name().as_encoded_bytes().to_vec())
        .collect();
    let found = root.join("fuzz/regressions/names");
    if found.is_dir() {
        for entry in std::fs::read_dir(found).unwrap() {
            names.push(std::fs::read(entry.unwrap().path()).unwrap());
        }
    }
    for bad in [
        "???",
        "frag#x?y=1",
        "%2e%2e",
        "con",
        "grønn pause",
        "kl-10:00",
        "a\u{0}b",
    ] {
        names.push(bad.as_bytes().to_vec());
    }
    assert!(names.len() > 20, "{} names", names.len());
    names.iter().for_each(|n| samling::fuzz::names(n));
}

#[test]
fn local_times() {
    // Every quarter hour of the days around the clock changes of 2027 (28 March, 31 October
    // in Europe; 14 March, 7 November in New York, 3 April, 2 October on Lord Howe) in every
    // zone of the target, and what the fuzzer found.
    for zone in 0..8u8 {
        for (month, day) in [(2, 27), (2, 26), (2, 13), (9, 30), (10, 6), (3, 2), (9, 1)] {
            for quarter in 0..96u8 {
                samling::fuzz::times(&[zone, 57, month, day, quarter / 4, quarter % 4 * 15]);
            }
        }
    }
    let found = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/times");
    if found.is_dir() {
        for entry in std::fs::read_dir(found).unwrap() {
            samling::fuzz::times(&std::fs::read(entry.unwrap().path()).unwrap());
        }
    }
}
