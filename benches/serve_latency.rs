//! Save-to-reload latency of `samling serve`: the time from an editor's save (a file renamed
//! over the old one) until the reload message reaches a page's event stream, through the
//! real file watcher, debouncer, rebuild and HTTP server.
//!
//! `cargo bench --bench serve_latency` measures the example site and a generated programme of
//! 10,000 sessions in three languages; `-- --sessions N` picks another size, `--edits K` the
//! number of saves per kind (default 25), `--example-only` skips the generated one.

#[path = "../tests/common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../examples/gen_programme/mod.rs"]
mod gen_programme;

use std::fs;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use samling::serve::{Log, ServeOptions, Server};

const WAIT: Duration = Duration::from_secs(120);
/// Saves made, and rebuilds the server finished (its log says so): each save is made on
/// a quiet server.
static SAVES: AtomicUsize = AtomicUsize::new(0);
static REBUILDS: AtomicUsize = AtomicUsize::new(0);
/// Between saves, so that each is a batch of its own (the debounce is 50 ms).
const PAUSE: Duration = Duration::from_millis(250);

struct Args {
    sessions: usize,
    edits: usize,
    example_only: bool,
}

fn args() -> Args {
    let mut args = Args {
        sessions: 10_000,
        edits: 25,
        example_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sessions" => args.sessions = it.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--edits" => args.edits = it.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--example-only" => args.example_only = true,
            "--bench" => {} // Passed by `cargo bench`.
            _ => {}
        }
    }
    assert!(args.sessions > 0 && args.edits > 0, "bad arguments");
    args
}

fn main() {
    let args = args();
    let mut rows = Vec::new();

    let example = common::example_copy();
    rows.extend(measure(
        "example site",
        example.path(),
        "content/fremtidens-offentlige-sektor/politisk-debat.da.md",
        args.edits,
    ));

    if !args.example_only {
        let generated = tempfile::tempdir().unwrap();
        let root = generated.path().join("site");
        let n = args.sessions.to_string();
        let options = gen_programme::parse_args(
            [
                "--sessions",
                &n,
                "--seed",
                "1",
                "--out",
                root.to_str().unwrap(),
            ]
            .map(String::from),
        )
        .unwrap();
        gen_programme::run(&options).unwrap();
        // The built-in theme, as files to edit.
        let repository = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        common::copy_tree(&repository.join("themes"), &root.join("themes"));
        let session = first_session(&root.join("content"));
        let session = session
            .strip_prefix(&root)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        rows.extend(measure(
            &format!("{} sessions", args.sessions),
            &root,
            &session,
            args.edits,
        ));
    }

    println!();
    println!("| site | edit | saves | median | p95 | min | max |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for row in rows {
        println!("{row}");
    }
}

/// A session file: a page beside `_index` files, two folders down.
fn first_session(content: &Path) -> PathBuf {
    walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| {
            p.components().count() >= content.components().count() + 3
                && p.to_string_lossy().ends_with(".da.md")
                && !p.to_string_lossy().contains("_index")
        })
        .expect("a session")
}

fn measure(site: &str, root: &Path, session: &str, edits: usize) -> Vec<String> {
    let started = Instant::now();
    let log: Log = Arc::new(|line: &str| {
        if line.contains(": rendered ") || line.contains("does not build") {
            REBUILDS.fetch_add(1, Ordering::SeqCst);
        }
        eprintln!("  {line}");
    });
    let server = Server::start(
        ServeOptions {
            root: root.to_owned(),
            interface: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            base_url: None,
        },
        log,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{site}: first build and start in {:?}", started.elapsed());

    let key = session
        .trim_start_matches("content/")
        .trim_end_matches(".da.md")
        .to_owned();
    let page = format!("da/{key}/index.html");
    let programme = format!(
        "da/{}/index.html",
        key.split('/').next().unwrap_or_default()
    );
    let session = root.join(session);
    let template = root.join("themes/default/templates/session.html");
    let locale = root.join("locales/da.ftl");
    let mut rows = Vec::new();
    // One page open at a time, as a browser tab beside the editor: its event stream names
    // it, and the server makes it first.
    for (open, shown) in [
        (&page, "the session's page"),
        (&programme, "its programme's page"),
    ] {
        let mut events = common::http::Events::connect(
            server.address(),
            &format!("/__samling/events?page={}", open.replace('/', "%2F")),
        );
        events.wait_for("hello", WAIT);
        // Each save changes the original text in a new way, so that every save changes the page.
        let original = fs::read_to_string(&session).unwrap();
        let content = latencies(&mut events, edits, open, |i| {
            save(
                &session,
                &original.replacen("title = \"", &format!("title = \"{i} "), 1),
            );
        });
        save(&session, &original);
        rows.push(row(
            site,
            &format!("content: a session's title; {shown} open"),
            &content,
        ));
        if open == &page {
            let original = fs::read_to_string(&template).unwrap();
            let anchor = "<article class=\"session-page";
            assert!(original.contains(anchor));
            let times = latencies(&mut events, edits, open, |i| {
                let mark = format!("<article data-save=\"{i}\" class=\"session-page");
                save(&template, &original.replacen(anchor, &mark, 1));
            });
            save(&template, &original);
            rows.push(row(
                site,
                &format!("template (session.html); {shown} open"),
                &times,
            ));
        }
        let original = fs::read_to_string(&locale).unwrap();
        let anchor = "nav-home = Forside";
        assert!(original.contains(anchor));
        let times = latencies(&mut events, edits, open, |i| {
            save(
                &locale,
                &original.replacen(anchor, &format!("nav-home = Forside {i}"), 1),
            );
        });
        save(&locale, &original);
        rows.push(row(
            site,
            &format!("locale (da.ftl, every Danish page); {shown} open"),
            &times,
        ));
        // The restoring saves' builds, before the next page is opened.
        while REBUILDS.load(Ordering::SeqCst) < SAVES.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(5));
        }
        drop(events);
    }
    drop(server);
    rows
}

/// Saves `edits` times; each time waits for the reload message that names `page` and
/// notes how long after the save it came.
fn latencies(
    events: &mut common::http::Events,
    edits: usize,
    page: &str,
    mut save: impl FnMut(usize),
) -> Vec<Duration> {
    let mut times = Vec::with_capacity(edits);
    for i in 0..edits {
        std::thread::sleep(PAUSE);
        // Each save on a quiet server: the last rebuild finished, its messages read.
        while REBUILDS.load(Ordering::SeqCst) < SAVES.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(5));
        }
        while events.next(Duration::from_millis(20)).is_some() {}
        let saved = Instant::now();
        save(i);
        loop {
            let event = events.wait_for("built", WAIT);
            // More changes than the server names are announced as `*`: every page reloads.
            if event.data.contains("[\"*\"]") || event.data.contains(&format!("\"{page}\"")) {
                times.push(saved.elapsed());
                break;
            }
        }
    }
    times
}

fn row(site: &str, edit: &str, times: &[Duration]) -> String {
    let mut sorted = times.to_vec();
    sorted.sort();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let median = sorted[sorted.len() / 2];
    let p95 = sorted[((sorted.len() * 95).div_ceil(100)).saturating_sub(1)];
    format!(
        "| {site} | {edit} | {} | {} | {} | {} | {} |",
        sorted.len(),
        ms(median),
        ms(p95),
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1])
    )
}

/// Saves `text` as editors do: into a temporary file renamed over the old one.
fn save(path: &Path, text: &str) {
    SAVES.fetch_add(1, Ordering::SeqCst);
    let temporary = path.with_file_name(".bench-save.tmp");
    fs::write(&temporary, text).unwrap();
    fs::rename(&temporary, path).unwrap();
}
