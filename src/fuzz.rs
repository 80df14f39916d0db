//! Entry points for the fuzzers in `fuzz/` and for the regression tests that replay what they
//! found (tests/fuzz_regressions.rs). Each takes any bytes an organiser's file could hold and
//! must never panic: a bad file is a diagnostic, not a crash.

use std::path::PathBuf;

use crate::config::Config;
use crate::front_matter::*;
use crate::load::{SourceFile, split_front_matter};
use crate::markdown::{Markdown, PageContext};
use crate::urls::Urls;

/// The front-matter splitter: the ranges it returns lie inside the text, in order.
pub fn split(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match split_front_matter(text) {
        Ok((front, body)) => {
            assert!(front.start <= front.end && front.end <= body.start);
            assert!(body.start <= body.end && body.end <= text.len());
            let _ = (&text[front], &text[body]);
        }
        Err((span, _, _)) => assert!(span.start <= text.len()),
    }
}

/// Loading a file and parsing its front matter as every kind of page, with the diagnostics
/// (positions, excerpts) rendered as they would be shown.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = String::from_utf8(data.to_vec()) else {
        return;
    };
    let path = PathBuf::from("content/programme/page.da.md");
    let file = match SourceFile::parse(path, "programme".into(), "page", "da", text) {
        Ok(file) => file,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    fn show<T: serde::de::DeserializeOwned>(file: &SourceFile) {
        if let Err(problems) = file.parse_front::<T>() {
            assert!(!problems.is_empty());
            for d in problems {
                let _ = d.to_string();
            }
        }
    }
    show::<HomeFront>(&file);
    show::<ProgrammeFront>(&file);
    show::<ThemeFront>(&file);
    show::<SessionFront>(&file);
    show::<SpeakerFront>(&file);
    show::<PageFront>(&file);
    show::<MinutesFront>(&file);
    show::<SeriesFront>(&file);
}

/// The Markdown pipeline of a page's text: links resolved, headings named, code highlighted.
pub fn markdown(markdown: &Markdown, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = fuzz_config();
    let urls = Urls::new(&config);
    let page = PageContext {
        dir: "programme/theme",
        lang: "da",
        address: "da/programme/theme/page/",
        urls: &urls,
    };
    let rendered = markdown.render_page(text, &page);
    for link in &rendered.links {
        assert!(link.span.end <= text.len());
    }
    let _ = markdown.render_below(text, 4);
}

/// A file or folder name as it goes into addresses: the name suggested for an unportable
/// one is itself portable, and the address written for it reads back as the name.
pub fn names(data: &[u8]) {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    if crate::load::unportable(name).is_some() {
        let instead = crate::load::portable(name);
        assert!(!instead.is_empty(), "{name:?}");
        assert_eq!(
            crate::load::unportable(&instead),
            None,
            "{name:?} → {instead:?}"
        );
    }
    let _ = crate::load::split_name(name);
    let address = crate::urls::encode(name);
    assert!(address.is_ascii(), "{address}");
    assert!(
        !address.contains([' ', '#', '?', '"', '<', '>']),
        "{address}"
    );
    let back = percent_encoding::percent_decode_str(&address).decode_utf8();
    assert_eq!(back.as_deref(), Ok(name), "{address}");
}

/// A session's local time in a zone: a time the clocks skip is reported as skipped exactly
/// when no instant has it, one they repeat as repeated exactly when two do; the message
/// names the zone.
pub fn times(data: &[u8]) {
    const ZONES: [&str; 8] = [
        "Europe/Copenhagen",
        "Europe/Stockholm",
        "Europe/Oslo",
        "Europe/Helsinki",
        "Atlantic/Reykjavik",
        "America/New_York",
        "Australia/Lord_Howe",
        "Pacific/Apia",
    ];
    let [zone, year, month, day, hour, minute, ..] = *data else {
        return;
    };
    let name = ZONES[usize::from(zone) % ZONES.len()];
    let Ok(tz) = jiff::tz::TimeZone::get(name) else {
        panic!("{name} is in the bundled zone database");
    };
    let Ok(date) = jiff::civil::Date::new(
        1970 + i16::from(year),
        1 + (month % 12) as i8,
        1 + (day % 31) as i8,
    ) else {
        return;
    };
    let time = jiff::civil::time((hour % 24) as i8, (minute % 60) as i8, 0, 0);
    let at = date.to_datetime(time);
    let problem = crate::validate::clock_problem(date, time, &tz, name);
    // Read back the other way: a skipped time comes back as another wall-clock time; a
    // repeated one has an earlier and a later instant.
    let instant =
        |z: Result<jiff::Zoned, jiff::Error>| z.ok().map(|z| (z.timestamp(), z.datetime()));
    let ambiguous = tz.to_ambiguous_zoned(at);
    let (earlier, later) = (
        instant(ambiguous.clone().earlier()),
        instant(ambiguous.later()),
    );
    let skipped = earlier.is_some_and(|(_, dt)| dt != at);
    let repeated = !skipped && earlier.map(|e| e.0) != later.map(|l| l.0);
    match problem {
        None => assert!(!skipped && !repeated, "{at} in {name}"),
        Some(p) => {
            assert_eq!(p.skipped, skipped, "{at} in {name}");
            assert_eq!(!p.skipped, repeated, "{at} in {name}");
            assert!(p.message.contains(name), "{}", p.message);
            assert!(p.message.starts_with(&time.strftime("%H:%M").to_string()));
        }
    }
}

fn fuzz_config() -> Config {
    Config::parse("[[languages]]\ncode = \"da\"\nname = \"Dansk\"\ndefault = true\n")
        .unwrap_or_else(|e| panic!("the fuzzers' configuration is valid: {e}"))
}
