//! The synthetic programmes of `examples/gen-programme.rs`: generated sites build in every
//! language, read as their languages, are the same for the same seed, and never put two
//! sessions in one room at the same time.

mod common;
// The generator's code, shared with the example; `main` is only the example's.
#[allow(dead_code)]
#[path = "../examples/gen_programme/mod.rs"]
mod gen_programme;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use gen_programme::model::{self, LANGS, Params, SessionSpeaker};
use samling::Site;

/// Runs the generator as its command line does: 60 sessions in three programmes.
fn generate(seed: u64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let args = [
        "--sessions",
        "60",
        "--programmes",
        "3",
        "--seed",
        &seed.to_string(),
        "--out",
        root.to_str().unwrap(),
    ];
    let options = gen_programme::parse_args(args.map(String::from)).unwrap();
    let stats = gen_programme::run(&options).unwrap();
    assert_eq!(stats.files, snapshot(&root).len());
    (dir, root)
}

fn content(root: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(&root.join("content"))
}

#[test]
fn a_generated_site_builds_in_every_language() {
    let (_dir, root) = generate(7);
    let out = build(&root);
    let public = out.path().join("public");
    let files = snapshot(&public);
    let site = Site::load(&root).unwrap();

    // Exactly one page per session and language: <lang>/<programme>/<theme>/<session>/.
    let generated = model::generate(&Params {
        sessions: 60,
        programmes: 3,
        seed: 7,
    });
    for lang in LANGS {
        let sessions: Vec<&String> = files
            .keys()
            .filter(|path| {
                let parts: Vec<&str> = path.split('/').collect();
                // Timetable days are `<lang>/<programme>/timetable/<date>/`.
                parts.len() == 5
                    && parts[0] == lang
                    && parts[2] != "timetable"
                    && parts[4] == "index.html"
            })
            .collect();
        assert_eq!(sessions.len(), 60, "{lang}: {sessions:#?}");
        for p in &generated.programmes {
            for t in &p.themes {
                for s in &t.sessions {
                    let path = format!("{lang}/{}/{}/{}/index.html", p.slug, t.slug, s.slug);
                    assert!(files.contains_key(&path), "{path} is missing");
                }
            }
        }
    }

    // Each language's session pages are written in it.
    let text = |path: &String| String::from_utf8_lossy(&files[path]).into_owned();
    let letters = [("da", "æøå"), ("sv", "äö"), ("nb", "æøå")];
    for (lang, letters) in letters {
        for p in &generated.programmes {
            for t in &p.themes {
                let path = format!(
                    "{lang}/{}/{}/{}/index.html",
                    p.slug, t.slug, t.sessions[0].slug
                );
                let html = text(&path);
                assert_eq!(html_lang(&html), lang);
                let body = html.split("<div class=\"text\">").nth(1).expect("a body");
                let body = &body[..body.find("</div>").unwrap()];
                for letter in letters.chars() {
                    assert!(body.contains(letter), "{path} has no {letter}: {body}");
                }
            }
        }
    }

    let pages: Vec<String> = files
        .keys()
        .filter(|p| p.ends_with(".html"))
        .map(text)
        .collect();
    for lang in LANGS {
        let mark = message(&site, lang, "not-confirmed", &[]);
        let mark = format!(
            "<strong class=\"not-confirmed\">({})</strong>",
            escape(&mark)
        );
        assert!(
            pages.iter().any(|html| html.contains(&mark)),
            "no page shows {mark}"
        );
    }
    let highlighted = pages
        .iter()
        .filter(|html| html.contains("class=\"hl-"))
        .count();
    assert_eq!(
        highlighted,
        3 * 6,
        "every tenth session has highlighted code"
    );
    assert_links_resolve(&public);
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let (_a, first) = generate(7);
    let (_b, again) = generate(7);
    assert_eq!(snapshot(&first), snapshot(&again));
    let (_c, other) = generate(8);
    let (first, other) = (content(&first), content(&other));
    assert_ne!(first, other);
    // Other texts, not just other names: no session file is the same.
    let sessions = |files: &BTreeMap<String, Vec<u8>>| -> Vec<Vec<u8>> {
        files
            .iter()
            .filter(|(path, _)| path.matches('/').count() == 2 && !path.contains("_index"))
            .map(|(_, bytes)| bytes.clone())
            .collect()
    };
    let (first, other) = (sessions(&first), sessions(&other));
    assert_eq!(first.len(), 3 * 60);
    assert!(first.iter().all(|f| !other.contains(f)));
}

#[test]
fn no_room_or_speaker_is_booked_twice_at_once() {
    for (sessions, programmes, seed) in [(60, 3, 7), (1000, 1, 1), (2500, 3, 99)] {
        let params = Params {
            sessions,
            programmes,
            seed,
        };
        let site = model::generate(&params);
        assert_eq!(site.programmes.len(), programmes);
        let all: usize = site
            .programmes
            .iter()
            .flat_map(|p| &p.themes)
            .map(|t| t.sessions.len())
            .sum();
        assert_eq!(all, sessions);
        assert_eq!(
            site.programmes
                .iter()
                .map(|p| p.themes.len())
                .sum::<usize>(),
            params.themes()
        );

        let mut speakers: BTreeMap<&str, Vec<_>> = BTreeMap::new();
        for p in &site.programmes {
            let mut rooms: BTreeMap<_, Vec<(u16, u16)>> = BTreeMap::new();
            for s in p.themes.iter().flat_map(|t| &t.sessions) {
                assert!(s.start < s.end, "{}", s.slug);
                assert!((9 * 60..=17 * 60).contains(&s.start));
                assert!(s.end <= 17 * 60);
                assert!((p.first_day..=p.last_day).contains(&s.date), "{}", s.slug);
                rooms
                    .entry((s.room, s.date))
                    .or_default()
                    .push((s.start, s.end));
                assert!((1..=4).contains(&s.speakers.len()));
                for speaker in s.speakers.iter().chain(&s.moderator) {
                    if let SessionSpeaker::Page { id, .. } = speaker {
                        assert!(site.speakers.iter().any(|sp| &sp.id == id), "{id}");
                        speakers
                            .entry(id)
                            .or_default()
                            .push((s.date, s.start, s.end));
                    }
                }
            }
            for ((room, date), mut times) in rooms {
                times.sort();
                for pair in times.windows(2) {
                    assert!(
                        pair[0].1 <= pair[1].0,
                        "{}: {room} on {date} is booked twice: {pair:?}",
                        p.slug
                    );
                }
            }
        }
        for (id, mut times) in speakers {
            times.sort();
            for pair in times.windows(2) {
                assert!(
                    pair[0].0 != pair[1].0 || pair[0].2 <= pair[1].1,
                    "{id} speaks twice at once: {pair:?}"
                );
            }
        }
    }
}

#[test]
fn the_command_line() {
    let parse = |args: &[&str]| gen_programme::parse_args(args.iter().map(|a| a.to_string()));
    let options = parse(&["--sessions=10_000", "--out", "x"]).unwrap();
    assert_eq!(options.params.programmes, 10);
    assert_eq!(options.params.seed, 1);
    assert_eq!(options.format, gen_programme::OutputFormat::Samling);
    assert_eq!(
        parse(&["--sessions", "60", "--out", "x"])
            .unwrap()
            .params
            .programmes,
        1
    );
    let hugo = parse(&["--sessions", "60", "--out", "x", "--format", "hugo"]).unwrap();
    assert_eq!(hugo.format, gen_programme::OutputFormat::Hugo);
    let err = parse(&["--sessions", "60", "--out", "x", "--format", "jekyll"]).unwrap_err();
    assert!(err.contains("unknown format `jekyll`"), "{err}");
    let err = parse(&["--sessions", "60", "--out", "x", "--programmes", "4"]).unwrap_err();
    assert!(err.contains("choose 1 to 3"), "{err}");
    assert!(parse(&["--out", "x"]).unwrap_err().contains("--sessions"));
    assert!(parse(&["--sessions", "0", "--out", "x"]).is_err());
    assert!(parse(&["--sessions", "ti", "--out", "x"]).is_err());
    assert!(parse(&["--sessions", "6", "--out"]).is_err());
    assert!(parse(&["--sessions", "6", "--out", "x", "extra"]).is_err());

    // The output folder must be empty or missing.
    let dir = tempfile::tempdir().unwrap();
    assert!(gen_programme::check_out_dir(dir.path()).is_ok());
    assert!(gen_programme::check_out_dir(&dir.path().join("new")).is_ok());
    write(dir.path(), "keep.txt", "x");
    let options = parse(&["--sessions", "20", "--out", dir.path().to_str().unwrap()]).unwrap();
    assert!(
        gen_programme::run(&options)
            .unwrap_err()
            .contains("not empty")
    );
}

/// The Hugo site of the benchmark has a page for every page of samling's build of the same
/// programmes: the content files always; the built pages when `hugo` is installed (and
/// required under `SAMLING_REQUIRE_TOOLS=1`).
#[test]
fn the_hugo_site_has_the_same_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (samling_root, hugo_root) = (dir.path().join("samling"), dir.path().join("hugo"));
    for (root, format) in [(&samling_root, "samling"), (&hugo_root, "hugo")] {
        let args = [
            "--sessions",
            "60",
            "--programmes",
            "2",
            "--out",
            root.to_str().unwrap(),
        ];
        let mut options = gen_programme::parse_args(args.map(String::from)).unwrap();
        options.format = gen_programme::OutputFormat::parse(format).unwrap();
        gen_programme::run(&options).unwrap();
    }
    let site = model::generate(&Params {
        sessions: 60,
        programmes: 2,
        seed: 1,
    });
    for p in &site.programmes {
        for t in &p.themes {
            for s in &t.sessions {
                for lang in LANGS {
                    let file = format!("content/{}/{}/{}.{lang}.md", p.slug, t.slug, s.slug);
                    let text = read(&hugo_root, &file);
                    assert!(
                        text.contains(&format!("status = \"{}\"", s.status)),
                        "{file}"
                    );
                }
            }
        }
    }
    for speaker in &site.speakers {
        assert!(
            hugo_root
                .join(format!("content/speakers/{}/_index.sv.md", speaker.id))
                .is_file()
        );
    }
    let config = read(&hugo_root, "config.toml");
    for lang in LANGS {
        assert!(config.contains(&format!("[languages.{lang}]")), "{config}");
        let strings = read(&hugo_root, &format!("i18n/{lang}.toml"));
        assert!(
            strings.contains("[time-range]") && strings.contains("{{ .start }}"),
            "{strings}"
        );
        assert!(strings.contains("[sessions-count]\none = "), "{strings}");
    }

    // Says so in one line without hugo; fails under SAMLING_REQUIRE_TOOLS=1 (CI).
    if !common::tools::HUGO.available() {
        return;
    }
    let hugo_out = dir.path().join("hugo-public");
    let status = std::process::Command::new("hugo")
        .args(["--quiet", "--source"])
        .arg(&hugo_root)
        .arg("--destination")
        .arg(&hugo_out)
        .status()
        .unwrap();
    assert!(status.success());
    let samling_out = dir.path().join("samling-public");
    samling::build(&samling::BuildOptions {
        root: samling_root,
        output_dir: Some(samling_out.clone()),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let pages = |root: &Path| -> Vec<String> {
        snapshot(root)
            .into_keys()
            .filter(|p| p.ends_with("/index.html"))
            .collect()
    };
    let (ours, theirs) = (pages(&samling_out), pages(&hugo_out));
    assert!(ours.len() > 200, "{}", ours.len());
    // The Hugo site models the pages samling had when the benchmark was written: home,
    // programmes, themes, sessions, speaker pages and the speakers index. Timetables, search,
    // my programme, the programmes' changes pages and pages for speakers given inline came
    // later and are not in it (BENCHMARKS.md says so next to the figures).
    let page_speakers: Vec<String> = site
        .speakers
        .iter()
        .flat_map(|sp| LANGS.map(|lang| format!("{lang}/speakers/{}/index.html", sp.id)))
        .collect();
    let modelled = |p: &&String| {
        !p.contains("/timetable/")
            && !p.ends_with("/changes/index.html")
            && !p.ends_with("/search/index.html")
            && !p.ends_with("/my-programme/index.html")
            && (p.matches('/').count() != 3
                || !p.contains("/speakers/")
                || page_speakers.contains(p))
    };
    assert!(ours.iter().filter(modelled).count() > 200);
    let missing: Vec<&String> = ours
        .iter()
        .filter(modelled)
        .filter(|p| !theirs.contains(p))
        .collect();
    assert!(missing.is_empty(), "pages Hugo does not make: {missing:?}");
}
