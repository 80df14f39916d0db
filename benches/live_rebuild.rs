//! Incremental rebuild time of `samling serve` without the watcher, debounce and HTTP: the
//! time of [`LiveSite::rebuild`] after one save, on a generated programme: a session's title,
//! text or start, a speaker page's role, a theme's title, a session's translation added. It
//! covers the model patched or built again, the validation checks, and the pages and exports
//! that read something the edit changed made again.
//!
//! `cargo bench --bench live_rebuild -- --sessions 10000 [--edits 25] [--site DIR]`
//! (`--site` reuses a site made by gen-programme, which is left as it was). After the edits,
//! the live output is checked against a full render of the same sources, file for file.

#[allow(dead_code)]
#[path = "../examples/gen_programme/mod.rs"]
mod gen_programme;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use samling::live::LiveSite;

fn main() {
    let mut sessions = 10_000usize;
    let mut edits = 25usize;
    let mut site = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sessions" => sessions = it.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--edits" => edits = it.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--site" => site = it.next().map(PathBuf::from),
            _ => {} // `--bench`, passed by cargo.
        }
    }
    assert!(sessions > 0 && edits > 0, "bad arguments");
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("site");
    match &site {
        Some(dir) => copy_tree(dir, &root),
        None => {
            let n = sessions.to_string();
            let args = ["--sessions", &n, "--out", root.to_str().unwrap()];
            let options = gen_programme::parse_args(args.map(String::from)).unwrap();
            gen_programme::run(&options).unwrap();
        }
    }

    let mut live = LiveSite::new(&root, None);
    let started = Instant::now();
    let first = live
        .rebuild(live.classify(&[]))
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "first build: {} pages in {:.0} ms",
        first.rendered,
        started.elapsed().as_secs_f64() * 1000.0
    );

    // The first session with speakers given inline (its people have pages of their own)
    // and the first without.
    let inline = first_session(&root.join("content"), true);
    let not_inline = first_session(&root.join("content"), false);
    let title = |i: usize, text: &str| text.replacen("title = \"", &format!("title = \"{i} "), 1);
    let body = |i: usize, text: &str| format!("{text}\nEdit {i}.\n");
    // Edits that change more than a session's own fields: the model is built again.
    let start_later = |i: usize, text: &str| {
        // A minute later and back: within the session's own slot, so no room is booked twice.
        let at = text.find("start = ").expect("a start") + "start = ".len();
        let minute: usize = text[at + 3..at + 5].parse().unwrap();
        let shifted = minute + (i + 1) % 2;
        format!("{}{shifted:02}{}", &text[..at + 3], &text[at + 5..])
    };
    let role = |i: usize, text: &str| text.replacen("role = \"", &format!("role = \"{i} "), 1);
    let speaker = first_speaker(&root.join("content"));
    // A session's time is the same in every translation: moved in all of them at once.
    let translations = |da: &PathBuf| -> Vec<PathBuf> {
        ["da", "sv", "nb"]
            .iter()
            .map(|lang| da.with_extension("").with_extension(format!("{lang}.md")))
            .filter(|p| p.exists())
            .collect()
    };
    let theme = first_theme(&root.join("content"));
    let edits_made: [(Vec<PathBuf>, &str, &Change); 6] = [
        (
            vec![not_inline.clone()],
            "title, no inline speakers",
            &title,
        ),
        (vec![inline.clone()], "title, speakers given inline", &title),
        (vec![inline.clone()], "body only", &body),
        (
            translations(&not_inline),
            "start time, every translation (model built again)",
            &start_later,
        ),
        (vec![speaker], "speaker's role (model built again)", &role),
        (vec![theme], "a theme's title (model built again)", &title),
    ];
    let mut rows = Vec::new();
    for (files, edit, change) in edits_made {
        let relative: Vec<PathBuf> = files
            .iter()
            .map(|f| f.strip_prefix(&root).unwrap().to_owned())
            .collect();
        let originals: Vec<String> = files
            .iter()
            .map(|f| fs::read_to_string(f).unwrap())
            .collect();
        let mut times = Vec::new();
        let mut rendered = 0;
        for i in 0..edits {
            for (file, original) in files.iter().zip(&originals) {
                fs::write(file, change(i, original)).unwrap();
            }
            let changes = live.classify(&relative);
            let rebuild = live.rebuild(changes).unwrap_or_else(|e| panic!("{e}"));
            rendered = rebuild.rendered;
            times.push(rebuild.elapsed);
        }
        rows.push(row(sessions, edit, rendered, &mut times));
    }

    // A translation added: the session's Norwegian file taken away (not timed), then put
    // back with a new title (timed), save after save.
    let added = not_inline.with_extension("").with_extension("nb.md");
    let original = fs::read_to_string(&added).expect("the session has a Norwegian translation");
    let relative = vec![added.strip_prefix(&root).unwrap().to_owned()];
    let mut times = Vec::new();
    let mut rendered = 0;
    for i in 0..edits {
        fs::remove_file(&added).unwrap();
        live.rebuild(live.classify(&relative))
            .unwrap_or_else(|e| panic!("{e}"));
        fs::write(&added, title(i, &original)).unwrap();
        let rebuild = (live.rebuild(live.classify(&relative))).unwrap_or_else(|e| panic!("{e}"));
        rendered = rebuild.rendered;
        times.push(rebuild.elapsed);
    }
    rows.push(row(
        sessions,
        "a session's translation added (model built again)",
        rendered,
        &mut times,
    ));

    // The live output is what a full build of the same sources writes.
    let fresh = samling::Site::load(&root).unwrap_or_else(|e| panic!("{e}"));
    let full = fresh.render().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(full.len(), live.files().len(), "the same files");
    for file in &full {
        assert!(
            live.files().get(file.path.as_str()).map(|b| &b[..]) == Some(&file.bytes[..]),
            "{} differs from a full build",
            file.path
        );
    }
    eprintln!(
        "live output identical to a full build: {} files",
        full.len()
    );

    println!();
    println!("| sessions | edit | pages rendered | rebuilds | median | p95 | min | max |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for row in rows {
        println!("{row}");
    }
}

/// A new text of a session file, for the `i`th save.
type Change = dyn Fn(usize, &str) -> String;

fn row(sessions: usize, edit: &str, rendered: usize, times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let p95 = times[((times.len() * 95).div_ceil(100)).saturating_sub(1)];
    format!(
        "| {sessions} | {edit} | {rendered} | {} | {} | {} | {} | {} |",
        times.len(),
        ms(times[times.len() / 2]),
        ms(p95),
        ms(times[0]),
        ms(times[times.len() - 1])
    )
}

/// A session file (a page beside `_index` files, two folders down) whose speakers are, or
/// are not, given inline in some language.
fn first_session(content: &Path, inline: bool) -> PathBuf {
    walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| {
            p.components().count() >= content.components().count() + 3
                && p.to_string_lossy().ends_with(".da.md")
                && !p.to_string_lossy().contains("_index")
                && ["da", "sv", "nb"].iter().any(|lang| {
                    let path = p.with_extension("").with_extension(format!("{lang}.md"));
                    fs::read_to_string(path)
                        .unwrap_or_default()
                        .contains("{ name = ")
                }) == inline
        })
        .expect("a session")
}

/// The Danish page of the first theme: an `_index` two folders down.
fn first_theme(content: &Path) -> PathBuf {
    walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| {
            p.components().count() == content.components().count() + 3
                && p.file_name().is_some_and(|n| n == "_index.da.md")
                && !p.starts_with(content.join("speakers"))
        })
        .expect("a theme")
}

/// The first speaker page in Danish that has a role.
fn first_speaker(content: &Path) -> PathBuf {
    walkdir::WalkDir::new(content.join("speakers"))
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| {
            p.to_string_lossy().ends_with(".da.md")
                && fs::read_to_string(p)
                    .unwrap_or_default()
                    .contains("role = \"")
        })
        .expect("a speaker")
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}
