//! Randomised edits: after every edit of a seeded random sequence, the output `serve` keeps
//! in memory is byte for byte what a fresh build of the same files writes, with the same
//! warnings, and an edit a fresh build refuses is refused by `serve` with the same
//! diagnostics while it keeps its last good output.
//!
//! Runs on a generated site (the benchmark's generator, about 200 sessions in da, sv, nb)
//! and on the example site. The seed is fixed unless `SAMLING_EDIT_SEED` sets one
//! (`random` draws one from the clock, to look for new failures), so that a red run is red
//! again on the same commit; `SAMLING_EDITS` sets how many edits each site gets (500 in an
//! optimised build, as `.ci/run` runs it; fewer in debug). A failure prints the seed and the
//! shortest sequence of edits that still fails, written as a file to put in `tests/edits/`
//! where every run replays it (`replays_of_past_failures`).

mod common;
// The generator's code, shared with the example; `main` is only the example's.
#[allow(dead_code)]
#[path = "../examples/gen_programme/mod.rs"]
mod gen_programme;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gen_programme::rng::Rng;
use samling::Site;
use samling::live::LiveSite;
use serde::{Deserialize, Serialize};

/// The generated site every run edits; a replay file names it as `generated`, so changing
/// these changes what past replays start from.
const GENERATED_SESSIONS: usize = 200;
const GENERATED_PROGRAMMES: usize = 2;
const GENERATED_SEED: u64 = 16;

/// Where a sequence starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Start {
    Example,
    Generated,
}

/// One change of one file or folder (relative to the site root): new text, moved here
/// `from` another path, or gone.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Op {
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<String>,
}

/// One save: what it is (for people reading a failure) and the files it changes.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Step {
    what: String,
    #[serde(rename = "op")]
    ops: Vec<Op>,
}

/// A sequence of saves from a start, as kept in `tests/edits/*.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Replay {
    start: Start,
    seed: u64,
    #[serde(rename = "step")]
    steps: Vec<Step>,
}

fn make_start(start: Start) -> tempfile::TempDir {
    match start {
        Start::Example => common::example_copy(),
        Start::Generated => {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("site");
            let args = [
                "--sessions".to_string(),
                GENERATED_SESSIONS.to_string(),
                "--programmes".into(),
                GENERATED_PROGRAMMES.to_string(),
                "--seed".into(),
                GENERATED_SEED.to_string(),
                "--out".into(),
                root.to_str().unwrap().into(),
            ];
            let options = gen_programme::parse_args(args).unwrap();
            gen_programme::run(&options).unwrap();
            // The site's files at the top of the folder, as for the example.
            let top = tempfile::tempdir().unwrap();
            common::copy_tree(&root, top.path());
            top
        }
    }
}

/// What a build of the site gives: its files and warnings, or its diagnostics.
#[derive(PartialEq)]
enum Outcome {
    Built {
        files: BTreeMap<String, Vec<u8>>,
        warnings: Vec<String>,
    },
    Refused(String),
}

fn warnings_of(site: &Site) -> Vec<String> {
    site.warnings
        .iter()
        .chain(&site.content_warnings)
        .map(|d| d.to_string())
        .collect()
}

fn fresh_build(root: &Path) -> Outcome {
    let site = match Site::load(root) {
        Ok(site) => site,
        Err(e) => return Outcome::Refused(e.to_string()),
    };
    match site.render() {
        Ok(files) => Outcome::Built {
            files: files.into_iter().map(|f| (f.path, f.bytes)).collect(),
            warnings: warnings_of(&site),
        },
        Err(e) => Outcome::Refused(e.to_string()),
    }
}

fn live_files(live: &LiveSite) -> BTreeMap<String, Vec<u8>> {
    live.files()
        .iter()
        .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
        .collect()
}

/// Applies a step's changes to the files at `root`; returns the paths a watcher reports.
fn apply(root: &Path, step: &Step) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for op in &step.ops {
        let path = root.join(&op.path);
        if let Some(from) = &op.from {
            // A replay of part of a sequence may move what is not there.
            if root.join(from).exists() && !path.exists() {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::rename(root.join(from), &path).unwrap();
            }
            paths.push(PathBuf::from(from));
            paths.push(PathBuf::from(&op.path));
            continue;
        }
        match &op.text {
            Some(text) => {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, text).unwrap();
            }
            None if path.is_dir() => fs::remove_dir_all(&path).unwrap(),
            // A replay of part of a sequence may remove what was never made.
            None if path.exists() => fs::remove_file(&path).unwrap(),
            None => {}
        }
        paths.push(PathBuf::from(&op.path));
    }
    paths
}

/// How the live output first differed from a fresh build's, after which step.
#[derive(Debug)]
struct Mismatch {
    step: usize,
    what: String,
}

/// Shows the first lines where two texts differ.
fn difference(live: &[u8], fresh: &[u8]) -> String {
    let (live, fresh) = (
        String::from_utf8_lossy(live),
        String::from_utf8_lossy(fresh),
    );
    for (n, (a, b)) in live.lines().zip(fresh.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n  live:  {a}\n  fresh: {b}", n + 1);
        }
    }
    format!(
        "one is longer: live {} lines, fresh {}",
        live.lines().count(),
        fresh.lines().count()
    )
}

fn compare(live: &LiveSite, result: Result<(), String>, fresh: &Outcome) -> Result<(), String> {
    match (fresh, result) {
        (Outcome::Built { files, warnings }, Ok(())) => {
            let ours = live_files(live);
            if let Some(path) = files.keys().find(|p| !ours.contains_key(*p)) {
                return Err(format!("{path} is missing from the live output"));
            }
            if let Some(path) = ours.keys().find(|p| !files.contains_key(*p)) {
                return Err(format!(
                    "{path} is in the live output, not in a fresh build"
                ));
            }
            for (path, bytes) in files {
                if ours[path] != *bytes {
                    return Err(format!(
                        "{path} differs from a fresh build's: {}",
                        difference(&ours[path], bytes)
                    ));
                }
            }
            let live_warnings = warnings_of(live.site().unwrap());
            if live_warnings != *warnings {
                return Err(format!(
                    "warnings differ:\n  live:  {live_warnings:?}\n  fresh: {warnings:?}"
                ));
            }
            Ok(())
        }
        (Outcome::Built { .. }, Err(e)) => Err(format!(
            "a fresh build succeeds, the live rebuild fails:\n{e}"
        )),
        (Outcome::Refused(e), Ok(())) => Err(format!(
            "a fresh build fails, the live rebuild succeeds; the fresh build says:\n{e}"
        )),
        (Outcome::Refused(fresh), Err(live)) if fresh != &live => Err(format!(
            "diagnostics differ:\n--- live\n{live}\n--- fresh\n{fresh}"
        )),
        (Outcome::Refused(_), Err(_)) => Ok(()),
    }
}

/// Runs `steps` from `start`, comparing with a fresh build after each; the first mismatch.
fn run(start: Start, steps: &[Step]) -> Option<Mismatch> {
    let dir = make_start(start);
    let root = dir.path();
    let mut live = LiveSite::new(root, None);
    live.rebuild(live.classify(&[]))
        .unwrap_or_else(|e| panic!("the start does not build:\n{e}"));
    for (n, step) in steps.iter().enumerate() {
        if let Err(what) = save(&mut live, root, step) {
            return Some(Mismatch { step: n, what });
        }
    }
    None
}

/// Applies one step, rebuilds live and fresh, and compares them; whether the site built.
fn save(live: &mut LiveSite, root: &Path, step: &Step) -> Result<bool, String> {
    let before = live_files(live);
    let paths = apply(root, step);
    let result = live
        .rebuild(live.classify(&paths))
        .map(|_| ())
        .map_err(|e| e.to_string());
    let failed = result.is_err();
    let fresh = fresh_build(root);
    if std::env::var_os("SAMLING_EDITS_VERBOSE").is_some() {
        let said = match &fresh {
            Outcome::Refused(e) => e.lines().take(3).collect::<Vec<_>>().join(" | "),
            Outcome::Built { .. } => "built".into(),
        };
        println!("{}\n    → {said}", step.what);
    }
    compare(live, result, &fresh)?;
    if failed && live_files(live) != before {
        return Err("a refused rebuild changed the live output".into());
    }
    Ok(!failed)
}

/// The shortest sequence found that still fails: drops ever smaller runs of steps while
/// the failure stays (ddmin's complement pass), within `budget`.
fn shrink(start: Start, mut steps: Vec<Step>, budget: Duration) -> Vec<Step> {
    let began = Instant::now();
    // First the steps that touch what the failing one touches: often the whole story, and
    // far quicker to find than by halving a long sequence.
    if let Some(last) = steps.last() {
        let touched: Vec<&str> = last.ops.iter().map(|o| o.path.as_str()).collect();
        let related: Vec<Step> = steps
            .iter()
            .filter(|s| s.ops.iter().any(|o| touched.contains(&o.path.as_str())))
            .cloned()
            .collect();
        if related.len() < steps.len() && run(start, &related).is_some() {
            steps = related;
        }
    }
    let mut chunk = steps.len().div_ceil(2).max(1);
    while chunk >= 1 && began.elapsed() < budget {
        let mut at = 0;
        let mut shrunk = false;
        while at < steps.len() && began.elapsed() < budget {
            let end = (at + chunk).min(steps.len());
            let trial: Vec<Step> = steps[..at].iter().chain(&steps[end..]).cloned().collect();
            if !trial.is_empty() && run(start, &trial).is_some() {
                steps = trial;
                shrunk = true;
            } else {
                at = end;
            }
        }
        if chunk == 1 && !shrunk {
            break;
        }
        if !shrunk {
            chunk = chunk.div_ceil(2);
        }
        chunk = chunk.min(steps.len().max(1));
    }
    steps
}

// ---------------------------------------------------------------------------------------
// Drawing edits

/// The site's editable files as they are now, by path relative to the root.
fn tree(root: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let inner = entry.path().strip_prefix(root).unwrap();
        let inner = inner.to_str().unwrap().replace('\\', "/");
        if let Ok(text) = fs::read_to_string(entry.path()) {
            files.insert(inner, text);
        }
    }
    files
}

/// A page's text cut into its TOML and its Markdown, if it has both.
fn split_page(text: &str) -> Option<(toml::Table, &str)> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++\n")?;
    let table = rest[..end].parse::<toml::Table>().ok()?;
    Some((table, &rest[end + 5..]))
}

fn join_page(table: &toml::Table, body: &str) -> String {
    format!("+++\n{}+++\n{body}", toml::to_string(table).unwrap())
}

/// Values seen for each field name anywhere in the site: what an organiser might write.
type Pool = BTreeMap<String, Vec<toml::Value>>;

fn collect_pool(files: &BTreeMap<String, String>) -> Pool {
    fn walk(pool: &mut Pool, table: &toml::Table) {
        for (key, value) in table {
            match value {
                toml::Value::Table(inner) => walk(pool, inner),
                toml::Value::Array(items) => {
                    for item in items {
                        if let toml::Value::Table(inner) = item {
                            walk(pool, inner);
                        }
                    }
                    pool.entry(key.clone()).or_default().push(value.clone());
                }
                _ => pool.entry(key.clone()).or_default().push(value.clone()),
            }
        }
    }
    let mut pool = Pool::new();
    for (path, text) in files {
        if path.ends_with(".md")
            && let Some((table, _)) = split_page(text)
        {
            walk(&mut pool, &table);
        }
    }
    // Fields a site may not use yet, with values it could give them.
    let speakers: Vec<String> = files
        .keys()
        .filter_map(|p| p.strip_prefix("content/speakers/"))
        .map(|name| page_parts(&format!("x/{name}")).1.to_string())
        .collect();
    let themes: Vec<String> = folders(files)
        .iter()
        .filter(|d| d.matches('/').count() == 2)
        .map(|d| d.rsplit('/').next().unwrap().to_string())
        .collect();
    let mut extra = |key: &str, values: Vec<toml::Value>| {
        pool.entry(key.to_string()).or_default().extend(values);
    };
    let strings = |items: &[&str]| items.iter().map(|s| toml::Value::from(*s)).collect();
    extra(
        "status",
        strings(&["confirmed", "tentative", "cancelled", "moved"]),
    );
    extra(
        "format",
        strings(&["keynote", "talk", "panel", "workshop", "break", "social"]),
    );
    extra(
        "language",
        languages(files).into_iter().map(Into::into).collect(),
    );
    extra("theme", themes.iter().map(|t| t.as_str().into()).collect());
    extra("room", strings(&["Sal 1", "Auditoriet", "Rum 2.14"]));
    extra("venue", strings(&["Folkets Hus, Malmö", "Rådhuset"]));
    extra("timezone", strings(&["Europe/Oslo", "Europe/Helsinki"]));
    extra("order", vec![1.into(), 2.into(), 10.into()]);
    if !speakers.is_empty() {
        let some: Vec<toml::Value> = speakers.iter().take(3).map(|s| s.as_str().into()).collect();
        extra("speakers", vec![toml::Value::Array(some.clone())]);
        extra("moderator", some);
    }
    let mut inline = toml::Table::new();
    inline.insert("name".into(), "Åsa Öberg".into());
    inline.insert("role".into(), "Ordförande".into());
    inline.insert("confirmed".into(), false.into());
    extra("moderator", vec![toml::Value::Table(inline.clone())]);
    extra(
        "speakers",
        vec![toml::Value::Array(vec![toml::Value::Table(inline)])],
    );
    let changes: toml::Table = r#"
        one = [{ date = 2026-01-10, what = "moved", note = "Ny sal" }]
        two = [{ date = 2026-01-05, what = "added" }, { date = 2026-01-12, what = "cancelled" }]
        three = [{ date = 2026-01-07, what = "speaker-confirmed" }, { date = 2026-01-08, what = "updated", note = "Nyt program" }]
    "#
    .parse()
    .unwrap();
    extra("changes", changes.into_iter().map(|(_, v)| v).collect());
    pool
}

const WORDS: &[&str] = &[
    "ændret",
    "flyttet",
    "Malmö",
    "Tromsø",
    "Åbo",
    "nytt",
    "Über",
    "&",
    "<b>",
    "\"citat\"",
    "—",
    "seminar",
    "",
    "x",
];

/// A value of the same kind near `value`, or another one seen for `key`.
fn vary(rng: &mut Rng, pool: &Pool, key: &str, value: &toml::Value) -> toml::Value {
    use toml::Value;
    if rng.chance(30)
        && let Some(seen) = pool.get(key)
    {
        return rng.pick(seen).clone();
    }
    match value {
        Value::String(s) => {
            let word = rng.pick(WORDS);
            match rng.below(4) {
                0 => Value::String(format!("{s} {word}")),
                1 => Value::String(word.to_string()),
                2 => Value::String(s.chars().rev().collect()),
                _ => Value::String(format!("{word} {s}")),
            }
        }
        Value::Integer(n) => Value::Integer(n + rng.range(0, 4) as i64 - 2),
        Value::Float(x) => Value::Float(x + 1.0),
        Value::Boolean(b) => Value::Boolean(!b),
        Value::Datetime(dt) => {
            let mut dt = *dt;
            if let Some(date) = &mut dt.date {
                let day = chrono::NaiveDate::from_ymd_opt(
                    date.year as i32,
                    date.month as u32,
                    date.day as u32,
                )
                .unwrap();
                let shifted = day + chrono::Duration::days(rng.range(0, 6) as i64 - 3);
                use chrono::Datelike;
                date.year = shifted.year() as u16;
                date.month = shifted.month() as u8;
                date.day = shifted.day() as u8;
            }
            if let Some(time) = &mut dt.time {
                let minutes = time.hour as i64 * 60 + time.minute as i64;
                let step = *rng.pick(&[-120i64, -60, -30, -15, 15, 30, 45, 90]);
                let minutes = (minutes + step).rem_euclid(24 * 60);
                time.hour = (minutes / 60) as u8;
                time.minute = (minutes % 60) as u8;
            }
            Value::Datetime(dt)
        }
        Value::Array(items) => {
            let mut items = items.clone();
            if !items.is_empty() && rng.chance(50) {
                let at = rng.below(items.len());
                if rng.chance(50) {
                    items.remove(at);
                } else {
                    let item = items[at].clone();
                    items[at] = match item {
                        Value::Table(mut t) => {
                            if let Some(k) = t.keys().nth(rng.below(t.len().max(1))).cloned() {
                                let v = vary(rng, pool, &k, &t[&k]);
                                t.insert(k, v);
                            }
                            Value::Table(t)
                        }
                        other => vary(rng, pool, key, &other),
                    };
                }
            } else if let Some(seen) = pool.get(key) {
                // An element of another such list.
                if let Value::Array(other) = rng.pick(seen)
                    && !other.is_empty()
                {
                    items.push(rng.pick(other).clone());
                }
            }
            Value::Array(items)
        }
        Value::Table(t) => Value::Table(t.clone()),
    }
}

fn pages(files: &BTreeMap<String, String>) -> Vec<&String> {
    files
        .keys()
        .filter(|p| p.starts_with("content/") && p.ends_with(".md"))
        .collect()
}

/// `content/a/b.da.md` → (`content/a`, `b`, `da`).
fn page_parts(path: &str) -> (&str, &str, &str) {
    let (dir, name) = path.rsplit_once('/').unwrap();
    let name = name.strip_suffix(".md").unwrap();
    let (stem, lang) = name.rsplit_once('.').unwrap_or((name, ""));
    (dir, stem, lang)
}

fn folders(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut dirs: Vec<String> = pages(files)
        .iter()
        .map(|p| page_parts(p).0.to_string())
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs
}

fn languages(files: &BTreeMap<String, String>) -> Vec<String> {
    let config: toml::Table = files["config.toml"].parse().unwrap();
    config["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap().to_string())
        .collect()
}

fn write_op(path: &str, text: String) -> Op {
    Op {
        path: path.to_string(),
        text: Some(text),
        from: None,
    }
}

fn remove_op(path: &str) -> Op {
    Op {
        path: path.to_string(),
        text: None,
        from: None,
    }
}

fn move_op(from: &str, to: &str) -> Op {
    Op {
        path: to.to_string(),
        text: None,
        from: Some(from.to_string()),
    }
}

/// A random edit of the site whose files are `files`.
fn draw(rng: &mut Rng, pool: &Pool, files: &BTreeMap<String, String>, n: usize) -> Step {
    let pages = pages(files);
    let page = rng.pick(&pages).as_str();
    let text = &files[page];
    let (dir, stem, lang) = page_parts(page);
    let kinds = [
        40, // a front-matter field changed
        6,  // a field removed
        6,  // a field added
        10, // the Markdown
        4,  // a page added
        4,  // a page deleted
        3,  // a page renamed
        3,  // a page moved to another folder
        1,  // a folder renamed or deleted
        4,  // a translation added
        3,  // a translation removed
        4,  // a template
        4,  // a locale
        1,  // the configuration
        3,  // a static file
        4,  // a broken page
    ];
    match rng.weighted(&kinds) {
        0..=2 => {
            let Some((mut table, body)) = split_page(text) else {
                return Step {
                    what: format!("{page}: the text rewritten"),
                    ops: vec![write_op(page, format!("{text}\n"))],
                };
            };
            let what;
            match rng.weighted(&kinds[..3]) {
                0 if !table.is_empty() => {
                    let key = table.keys().nth(rng.below(table.len())).unwrap().clone();
                    let value = vary(rng, pool, &key, &table[&key]);
                    what = format!("{page}: {key} = {value}");
                    table.insert(key, value);
                }
                1 if !table.is_empty() => {
                    let key = table.keys().nth(rng.below(table.len())).unwrap().clone();
                    table.remove(&key);
                    what = format!("{page}: {key} removed");
                }
                _ => {
                    let keys: Vec<&String> = pool.keys().collect();
                    let key = rng.pick(&keys).to_string();
                    let value = rng.pick(&pool[&key]).clone();
                    what = format!("{page}: {key} = {value} added");
                    table.insert(key, value);
                }
            }
            Step {
                what,
                ops: vec![write_op(page, join_page(&table, body))],
            }
        }
        3 => {
            let (head, body) = match text.strip_prefix("+++\n").and_then(|r| r.find("\n+++\n")) {
                Some(end) => text.split_at(end + 9),
                None => ("", text.as_str()),
            };
            let other = &files[rng.pick(&pages).as_str()];
            let addition = match rng.below(5) {
                0 => format!("\n## Ny del {n}\n\nMere tekst om Malmö & Tromsø.\n"),
                1 => "\n[En lenke](https://example.org/)\n".to_string(),
                2 => other.rsplit("\n+++\n").next().unwrap_or("").to_string(),
                3 => String::new(),
                _ => format!("\n<div class=\"ekstra\">{n}</div>\n"),
            };
            let body = if rng.chance(50) {
                format!("{body}{addition}")
            } else {
                addition
            };
            Step {
                what: format!("{page}: the Markdown"),
                ops: vec![write_op(page, format!("{head}{body}"))],
            }
        }
        4 => {
            let dirs = folders(files);
            let into = rng.pick(&dirs);
            let path = format!("{into}/ny-side-{n}.{lang}.md");
            Step {
                what: format!("{path} added, a copy of {page}"),
                ops: vec![write_op(&path, text.clone())],
            }
        }
        5 => Step {
            what: format!("{page} deleted"),
            ops: vec![remove_op(page)],
        },
        6 => {
            let path = format!("{dir}/{stem}-{n}.{lang}.md");
            Step {
                what: format!("{page} renamed to {path}"),
                ops: vec![move_op(page, &path)],
            }
        }
        7 => {
            let dirs = folders(files);
            let into = rng.pick(&dirs);
            let path = format!("{into}/{stem}.{lang}.md");
            if files.contains_key(&path) {
                return Step {
                    what: format!("{page} saved unchanged"),
                    ops: vec![write_op(page, text.clone())],
                };
            }
            Step {
                what: format!("{page} moved to {path}"),
                ops: vec![move_op(page, &path)],
            }
        }
        8 => {
            let dirs: Vec<String> = folders(files)
                .into_iter()
                .filter(|d| d != "content")
                .collect();
            if dirs.is_empty() {
                return Step {
                    what: format!("{page} saved unchanged"),
                    ops: vec![write_op(page, text.clone())],
                };
            }
            let folder = rng.pick(&dirs).clone();
            let (what, ops) = if rng.chance(60) {
                // Renamed where it is, or moved into another folder.
                let others: Vec<&String> = dirs
                    .iter()
                    .filter(|d| !d.starts_with(folder.as_str()))
                    .collect();
                let renamed = match others.is_empty() || rng.chance(50) {
                    true => format!("{folder}-{n}"),
                    false => format!(
                        "{}/{}",
                        rng.pick(&others),
                        folder.rsplit('/').next().unwrap()
                    ),
                };
                (
                    format!("{folder} renamed to {renamed}"),
                    vec![move_op(&folder, &renamed)],
                )
            } else {
                (format!("{folder} deleted"), vec![remove_op(&folder)])
            };
            Step { what, ops }
        }
        9 => {
            let langs = languages(files);
            let missing: Vec<&String> = langs
                .iter()
                .filter(|l| !files.contains_key(&format!("{dir}/{stem}.{l}.md")))
                .collect();
            let Some(to) = missing.first().map(|_| rng.pick(&missing)) else {
                return Step {
                    what: format!("{page} saved unchanged"),
                    ops: vec![write_op(page, text.clone())],
                };
            };
            let path = format!("{dir}/{stem}.{to}.md");
            let text = match split_page(text) {
                Some((mut table, body)) => {
                    if let Some(toml::Value::String(title)) = table.get("title").cloned() {
                        table.insert("title".into(), format!("{title} ({to})").into());
                    }
                    join_page(&table, body)
                }
                None => text.clone(),
            };
            Step {
                what: format!("{path} added, a translation of {page}"),
                ops: vec![write_op(&path, text)],
            }
        }
        10 => {
            let siblings: Vec<&&String> = pages
                .iter()
                .filter(|p| {
                    let (d, s, _) = page_parts(p);
                    d == dir && s == stem
                })
                .collect();
            let gone = rng.pick(&siblings);
            Step {
                what: format!("{gone} deleted, one of {} translations", siblings.len()),
                ops: vec![remove_op(gone)],
            }
        }
        11 => draw_template(rng, files, n),
        12 => {
            let locales: Vec<&String> = files.keys().filter(|p| p.ends_with(".ftl")).collect();
            let path = rng.pick(&locales).as_str();
            let lines: Vec<&str> = files[path].lines().collect();
            let messages: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    let l = lines[i];
                    !l.starts_with([' ', '#', '.', '-', '*', '[', '}']) && l.contains(" = ")
                })
                .collect();
            let at = *rng.pick(&messages);
            let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            let what = if rng.chance(15) {
                let what = format!("{path}: {} removed", lines[at]);
                lines.remove(at);
                what
            } else {
                lines[at].push_str(&format!(" ✎{n}"));
                format!("{path}: {}", lines[at])
            };
            Step {
                what,
                ops: vec![write_op(path, lines.join("\n") + "\n")],
            }
        }
        13 => {
            let mut config: toml::Table = files["config.toml"].parse().unwrap();
            let what = match rng.below(3) {
                0 => {
                    let on = config
                        .get("list_untranslated")
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false);
                    config.insert("list_untranslated".into(), (!on).into());
                    format!("config.toml: list_untranslated = {}", !on)
                }
                1 => {
                    let zone = rng.pick(&["Europe/Oslo", "Europe/Helsinki", "Europe/Stockholm"]);
                    config.insert("timezone".into(), (*zone).into());
                    format!("config.toml: timezone = {zone}")
                }
                _ => {
                    config.insert("title".into(), format!("Titel {n}").into());
                    "config.toml: title".into()
                }
            };
            Step {
                what,
                ops: vec![write_op("config.toml", toml::to_string(&config).unwrap())],
            }
        }
        14 => {
            let statics: Vec<&String> = files.keys().filter(|p| p.contains("static/")).collect();
            match rng.below(3) {
                0 if !statics.is_empty() => {
                    let path = rng.pick(&statics).as_str();
                    Step {
                        what: format!("{path} changed"),
                        ops: vec![write_op(path, format!("{}\n/* {n} */\n", files[path]))],
                    }
                }
                1 if rng.chance(30) => {
                    // A static file of the name of another output, which it must not replace
                    // (or, for `syntax.css` and `robots.txt`, which it replaces).
                    let lang = rng.pick(&languages(files)).clone();
                    let names = [
                        "robots.txt".to_string(),
                        "sitemap.xml".into(),
                        "syntax.css".into(),
                        format!("{lang}/index.html"),
                        format!("{lang}/feed.xml"),
                    ];
                    let path = format!("static/{}", rng.pick(&names));
                    Step {
                        what: format!("{path} added"),
                        ops: vec![write_op(&path, format!("{n}\n"))],
                    }
                }
                1 => {
                    let path = format!("static/extra-{n}.txt");
                    Step {
                        what: format!("{path} added"),
                        ops: vec![write_op(&path, format!("{n}\n"))],
                    }
                }
                _ => {
                    let ours: Vec<&&String> = statics
                        .iter()
                        .filter(|p| p.starts_with("static/"))
                        .collect();
                    match ours.first() {
                        Some(_) => {
                            let path = rng.pick(&ours);
                            Step {
                                what: format!("{path} deleted"),
                                ops: vec![remove_op(path)],
                            }
                        }
                        None => Step {
                            what: "static/samling.css added over the theme's".into(),
                            ops: vec![write_op(
                                "static/samling.css",
                                "body { margin: 0 }\n".into(),
                            )],
                        },
                    }
                }
            }
        }
        _ => {
            let broken = match rng.below(4) {
                0 => text.replacen("+++\n", "+++\ntitle = \"\n", 1),
                1 => text.replacen("\n+++\n", "\n++\n", 1),
                2 => text.replacen("+++\n", "+++\ndate = 2026-02-30\n", 1),
                _ => text.replacen("+++\n", "+++\nstart = \"kl. 9\"\n", 1),
            };
            Step {
                what: format!("{page}: broken"),
                ops: vec![write_op(page, broken)],
            }
        }
    }
}

fn draw_template(rng: &mut Rng, files: &BTreeMap<String, String>, n: usize) -> Step {
    let mut templates: BTreeMap<String, String> = files
        .iter()
        .filter(|(p, _)| p.starts_with("themes/") && p.contains("/templates/"))
        .map(|(p, t)| (p.clone(), t.clone()))
        .collect();
    if templates.is_empty() {
        // A site on the built-in theme: the repository's copy of it.
        let repo = common::example_root();
        for (path, text) in tree(&repo.join("themes/default/templates")) {
            templates.insert(format!("themes/default/templates/{path}"), text);
        }
    }
    let templates: Vec<(&String, &String)> = templates.iter().collect();
    let overrides: Vec<&String> = files
        .keys()
        .filter(|p| p.starts_with("templates/"))
        .collect();
    if !overrides.is_empty() && rng.chance(25) {
        let path = rng.pick(&overrides);
        return Step {
            what: format!("{path} deleted: the theme's is used again"),
            ops: vec![remove_op(path)],
        };
    }
    let (theme_path, theme_text) = *rng.pick(&templates);
    let name = theme_path.rsplit('/').next().unwrap();
    // An override is edited further; the theme's own file where the site has one.
    let text = files
        .get(&format!("templates/{name}"))
        .filter(|_| rng.chance(50))
        .unwrap_or(theme_text);
    // Text after a tag's end never lands inside one of Tera's.
    let ends: Vec<usize> = text.match_indices("%}").map(|(i, _)| i + 2).collect();
    let addition = if rng.chance(10) {
        "{{ no_such_variable.field }}".to_string()
    } else {
        format!("<!-- {n} -->")
    };
    let changed = match ends.is_empty() {
        true => format!("{text}{addition}"),
        false => {
            let at = *rng.pick(&ends);
            format!("{}{addition}{}", &text[..at], &text[at..])
        }
    };
    let path = if files.contains_key(theme_path) && rng.chance(50) {
        theme_path.to_string()
    } else {
        format!("templates/{name}")
    };
    Step {
        what: format!("{path}: {addition}"),
        ops: vec![write_op(&path, changed)],
    }
}

/// A step back to the files of the last good build, for what `broken` changed.
fn fix(good: &BTreeMap<String, String>, now: &BTreeMap<String, String>) -> Option<Step> {
    let mut ops = Vec::new();
    for (path, text) in good {
        if now.get(path) != Some(text) {
            ops.push(write_op(path, text.clone()));
        }
    }
    for path in now.keys().filter(|p| !good.contains_key(*p)) {
        ops.push(remove_op(path));
    }
    (!ops.is_empty()).then(|| Step {
        what: "fixed: the files of the last good build back".into(),
        ops,
    })
}

/// The seed of a run: fixed, so that CI's answer depends on the commit and not on the clock
/// (a new failure is a bug all the same: look for them with `SAMLING_EDIT_SEED=random`).
fn seed() -> u64 {
    match std::env::var("SAMLING_EDIT_SEED").as_deref() {
        Err(_) => 16,
        Ok("random") => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
        Ok(s) => s
            .parse()
            .expect("SAMLING_EDIT_SEED is a number or `random`"),
    }
}

/// 500 edits of each site in an optimised build (`.ci/run` runs this test so); fewer in a
/// debug build, where a fresh build of the generated site takes seconds.
fn edit_count(start: Start) -> usize {
    let default = match (cfg!(debug_assertions), start) {
        (false, _) => 500,
        (true, Start::Example) => 50,
        (true, Start::Generated) => 10,
    };
    std::env::var("SAMLING_EDITS")
        .map(|s| s.parse().expect("SAMLING_EDITS is a number"))
        .unwrap_or(default)
}

/// Draws and checks `count` edits from `start`; on a mismatch, shrinks and panics with it.
fn random_edits(start: Start, seed: u64, count: usize) {
    println!("{start:?}: SAMLING_EDIT_SEED={seed}, {count} edits");
    let mut rng = Rng::new(seed);
    let dir = make_start(start);
    let root = dir.path();
    let mut live = LiveSite::new(root, None);
    live.rebuild(live.classify(&[])).unwrap();
    let mut files = tree(root);
    let pool = collect_pool(&files);
    let mut good = files.clone();
    let mut broken_for = 0;
    let mut steps = Vec::new();
    let mut refused = 0;
    for n in 0..count {
        // A refused edit is mended soon, as an organiser would, so most edits build.
        let step = match broken_for {
            0 => draw(&mut rng, &pool, &files, n),
            b if b >= 3 || rng.chance(60) => fix(&good, &files).unwrap(),
            _ => draw(&mut rng, &pool, &files, n),
        };
        let outcome = save(&mut live, root, &step);

        steps.push(step);
        if let Err(what) = &outcome {
            let failing = steps.len();
            eprintln!(
                "{start:?}, SAMLING_EDIT_SEED={seed}: after edit {failing} ({}): {what}\nshrinking…",
                steps[failing - 1].what
            );
            let shortest = shrink(start, steps, Duration::from_secs(300));
            let mismatch = run(start, &shortest);
            let replay = Replay {
                start,
                seed,
                steps: shortest,
            };
            let file = std::env::temp_dir().join(format!("samling-edits-{seed}.toml"));
            fs::write(&file, toml::to_string(&replay).unwrap()).unwrap();
            panic!(
                "{start:?}, SAMLING_EDIT_SEED={seed}: the live output differs from a fresh \
                 build's after edit {failing}: {what}\n\nshortest sequence that fails \
                 ({} edits, {mismatch:?}):\n{}\n\nkept in {}: copy it into tests/edits/ to \
                 replay it on every run",
                replay.steps.len(),
                replay
                    .steps
                    .iter()
                    .map(|s| format!("  - {}", s.what))
                    .collect::<Vec<_>>()
                    .join("\n"),
                file.display()
            );
        }
        files = tree(root);
        match outcome {
            Ok(true) => {
                good = files.clone();
                broken_for = 0;
            }
            _ => {
                refused += 1;
                broken_for += 1;
            }
        }
    }
    println!("{start:?}: {count} edits, {refused} refused as a fresh build refuses them");
}

#[test]
fn random_edits_of_a_generated_site_give_a_fresh_builds_output() {
    random_edits(Start::Generated, seed(), edit_count(Start::Generated));
}

#[test]
fn random_edits_of_the_example_site_give_a_fresh_builds_output() {
    random_edits(
        Start::Example,
        seed().wrapping_add(1),
        edit_count(Start::Example),
    );
}

#[test]
fn replays_of_past_failures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/edits");
    let mut replays: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    replays.sort();
    for path in replays {
        let replay: Replay = toml::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Some(mismatch) = run(replay.start, &replay.steps) {
            panic!(
                "{}: after edit {} ({}): {}",
                path.display(),
                mismatch.step + 1,
                replay.steps[mismatch.step].what,
                mismatch.what
            );
        }
    }
}
