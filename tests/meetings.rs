//! Agendas and minutes as a municipal secretariat publishes them: a meeting's lifecycle from
//! agenda to minutes at one address, series with their index, feed and calendar, closed
//! items, attachments, people, cases across meetings, approval and appeal, and what
//! `check` refuses or warns about. Each test builds a small site from the starter.

mod common;

use std::path::Path;

use common::*;
use samling::Site;
use samling::check::{CheckOptions, check};

/// A minimal PDF: what a secretariat's attachment begins with, and more bytes after.
fn pdf(bytes: usize) -> Vec<u8> {
    let mut file = b"%PDF-1.4\n".to_vec();
    file.resize(bytes, b'%');
    file
}

const SERIES_DA: &str = r#"+++
kind = "series"
title = "Chefforum"
summary = "Tværgående chefgruppes møder."
agenda_days = 7
+++
Chefforum mødes hver anden uge.
"#;

const SERIES_SV: &str = r#"+++
kind = "series"
title = "Chefsforum"
agenda_days = 7
+++
"#;

/// A meeting in Danish: `status`, and the items after the front matter's fields.
fn meeting(title: &str, date: &str, status: &str, extra: &str, items: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nstatus = \"{status}\"\ndate = {date}\ntime = 10:00:00\nend = 12:00:00\nplace = \"Mødelokale 620\"\n{extra}\n{items}+++\nMødet i Chefforum.\n"
    )
}

const ITEMS_OCTOBER: &str = r#"[[items]]
number = 1
title = "Godkendelse af dagsorden"
decision = "Dagsordenen blev godkendt."

[[items]]
number = 2
id = "camp"
title = "Camp om ny administrativ organisering"
case = "12/16033"
background = "Se [praktisk](@/praktisk.md)."
recommendation = "At orienteringen tages til efterretning."
decision = "Orienteringen blev taget til efterretning."
attachments = [{ title = "Program for campen", file = "bilag/camp.pdf" }]

[[items]]
number = 3
title = "Ansættelse af ny chef"
closed = true
"#;

const ITEMS_NOVEMBER: &str = r#"[[items]]
number = 1
title = "Opfølgning på campen"
case = "12/16033"
recommendation = "At de to scenarier drøftes."
decision = "Drøftet; scenarierne går videre til økonomiudvalget."
"#;

/// The starter with a series of two meetings in Danish (October's minutes, November's
/// agenda) and the October meeting in Swedish, an attachment of 2,400 bytes, and an
/// accessibility statement.
fn site_with_meetings() -> tempfile::TempDir {
    let site = starter_site();
    let root = site.path();
    write(root, "content/chefforum/_index.da.md", SERIES_DA);
    write(root, "content/chefforum/_index.sv.md", SERIES_SV);
    write(
        root,
        "content/chefforum/2012-10-22.da.md",
        &meeting(
            "Chefforum 22. oktober",
            "2012-10-22",
            "minutes",
            "chair = { name = \"Jette Runchel\", role = \"Kommunaldirektør\" }\npresent = [{ name = \"Jan Eriksen\" }, { name = \"Mette Kløve\" }]\nabsent = [{ name = \"Ole Hansen\" }]\nminute_taker = { name = \"Lise Berg\" }\n",
            ITEMS_OCTOBER,
        ),
    );
    write(
        root,
        "content/chefforum/2012-10-22.sv.md",
        &meeting(
            "Chefsforum 22 oktober",
            "2012-10-22",
            "minutes",
            "",
            &ITEMS_OCTOBER.replace(
                "Camp om ny administrativ organisering",
                "Läger om ny organisation",
            ),
        ),
    );
    write(
        root,
        "content/chefforum/2012-11-01.da.md",
        &meeting(
            "Chefforum 1. november",
            "2012-11-01",
            "agenda",
            "",
            ITEMS_NOVEMBER,
        ),
    );
    let path = root.join("static/bilag/camp.pdf");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, pdf(2400)).unwrap();
    for lang in ["da", "sv"] {
        write(
            root,
            &format!("content/praktisk.{lang}.md"),
            "+++\ntitle = \"Praktisk\"\n+++\nPraktisk information.\n",
        );
    }
    site
}

/// Where `link` on the page in file `page` goes: an output file, with its fragment.
fn target(page: &str, link: &str) -> String {
    let fragment = link
        .split_once('#')
        .map(|(_, f)| format!("#{f}"))
        .unwrap_or_default();
    format!("{}{fragment}", resolve(page, link))
}

fn built(root: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = build(root);
    let public = out.path().join("public");
    (out, public)
}

fn load_error(root: &Path) -> String {
    match Site::load(root) {
        Ok(_) => panic!("the site loads, but should be refused"),
        Err(e) => e.to_string(),
    }
}

fn check_lines(root: &Path, today: jiff::civil::Date) -> Vec<String> {
    let options = CheckOptions {
        base_url: Some("https://example.org/".into()),
        today,
    };
    check(root, &options)
        .all()
        .map(|d| {
            let severity = if d.is_error() { "error" } else { "warning" };
            format!("{severity}: {}: {}", d.location(), d.message)
        })
        .collect()
}

#[test]
fn an_agenda_shows_no_decisions_and_its_minutes_add_them_at_the_same_address() {
    let site = site_with_meetings();
    let root = site.path();
    let (_out, public) = built(root);
    let agenda = read(&public, "da/chefforum/2012-11-01/index.html");
    assert!(agenda.contains("Dagsorden"), "{agenda}");
    assert!(agenda.contains("At de to scenarier drøftes."), "{agenda}");
    assert!(
        !agenda.contains("scenarierne går videre"),
        "an agenda publishes no decision: {agenda}"
    );
    // check says why the decision is not shown.
    let found = check_lines(root, jiff::civil::date(2012, 10, 1));
    assert!(
        found.iter().any(
            |l| l.starts_with("warning: content/chefforum/2012-11-01.da.md:")
                && l.contains("the decision is not published")
        ),
        "{found:#?}"
    );

    let path = "content/chefforum/2012-11-01.da.md";
    write(
        root,
        path,
        &read(root, path).replace("status = \"agenda\"", "status = \"minutes\""),
    );
    let (_out, public) = built(root);
    let minutes = read(&public, "da/chefforum/2012-11-01/index.html");
    assert!(minutes.contains("Referat"), "{minutes}");
    assert!(minutes.contains("scenarierne går videre"), "{minutes}");
}

#[test]
fn a_closed_item_shows_its_number_and_title_and_text_in_it_is_refused() {
    let site = site_with_meetings();
    let root = site.path();
    let (_out, public) = built(root);
    let page = read(&public, "da/chefforum/2012-10-22/index.html");
    assert!(page.contains("Punkt 3: Ansættelse af ny chef"), "{page}");
    assert!(page.contains("Lukket punkt"), "{page}");

    let path = "content/chefforum/2012-10-22.da.md";
    let text = read(root, path).replace(
        "closed = true\n",
        "closed = true\nbackground = \"Ansøgeren er Hans Hansen.\"\n",
    );
    write(root, path, &text);
    let line = text
        .lines()
        .position(|l| l.starts_with("background = \"Ansøgeren"))
        .unwrap()
        + 1;
    let err = load_error(root);
    assert!(
        err.contains(&format!("{path}:{line}:")) && err.contains("item 3 is closed"),
        "{err}"
    );
}

#[test]
fn attachments_link_to_their_files_with_type_and_size() {
    let site = site_with_meetings();
    let root = site.path();
    let (_out, public) = built(root);
    let page = read(&public, "da/chefforum/2012-10-22/index.html");
    assert!(
        page.contains("Program for campen</a> <span class=\"file-facts\">(PDF, 2,4 kB)</span>"),
        "{page}"
    );
    let links = attribute_values(&page, "href");
    let link = links.iter().find(|l| l.ends_with("camp.pdf")).unwrap();
    let file = target("da/chefforum/2012-10-22/index.html", link);
    assert_eq!(std::fs::read(public.join(&file)).unwrap(), pdf(2400));

    // A file that is not there, or is not what its name says, is refused at its line.
    let path = "content/chefforum/2012-10-22.da.md";
    let good = read(root, path);
    write(
        root,
        path,
        &good.replace("bilag/camp.pdf", "bilag/kamp.pdf"),
    );
    let err = load_error(root);
    assert!(
        err.contains(path) && err.contains("no file `bilag/kamp.pdf` in static/"),
        "{err}"
    );
    write(root, path, &good);
    std::fs::write(
        root.join("static/bilag/camp.pdf"),
        b"<html>not a PDF</html>",
    )
    .unwrap();
    let err = load_error(root);
    assert!(
        err.contains("is named as a PDF file, but is not one"),
        "{err}"
    );
}

#[test]
fn items_of_one_case_link_to_each_other_in_both_directions_and_every_language() {
    let site = site_with_meetings();
    let (_out, public) = built(site.path());
    let october = read(&public, "da/chefforum/2012-10-22/index.html");
    let november = read(&public, "da/chefforum/2012-11-01/index.html");
    assert!(october.contains("Sagens gang"), "{october}");
    let forward = attribute_values(&october, "href");
    assert!(
        forward
            .iter()
            .any(|l| target("da/chefforum/2012-10-22/index.html", l)
                == "da/chefforum/2012-11-01/index.html#item-1"),
        "{forward:?}"
    );
    let back = attribute_values(&november, "href");
    assert!(
        back.iter()
            .any(|l| target("da/chefforum/2012-11-01/index.html", l)
                == "da/chefforum/2012-10-22/index.html#camp"),
        "{back:?}"
    );
    // In Swedish the November meeting exists only in Danish: linked there, marked as such.
    let sv = read(&public, "sv/chefforum/2012-10-22/index.html");
    let links = attribute_values(&sv, "href");
    assert!(
        links
            .iter()
            .any(|l| target("sv/chefforum/2012-10-22/index.html", l)
                == "da/chefforum/2012-11-01/index.html#item-1"),
        "{links:?}"
    );
    assert!(sv.contains("hreflang=\"da\""), "{sv}");
    // The anchors linked to exist.
    assert!(november.contains("id=\"item-1\""));
    assert!(october.contains("id=\"camp\""));
}

#[test]
fn item_texts_links_resolve_and_a_broken_one_is_refused() {
    let site = site_with_meetings();
    let root = site.path();
    let (_out, public) = built(root);
    let page = read(&public, "da/chefforum/2012-10-22/index.html");
    assert!(!page.contains("@/"), "{page}");
    assert_links_resolve(&public);
    let path = "content/chefforum/2012-10-22.da.md";
    write(
        root,
        path,
        &read(root, path).replace("@/praktisk.md", "@/upraktisk.md"),
    );
    let err = load_error(root);
    assert!(err.contains(path) && err.contains("upraktisk"), "{err}");
}

#[test]
fn a_series_lists_its_meetings_newest_first_by_year_with_a_feed_and_a_calendar() {
    let site = site_with_meetings();
    let root = site.path();
    write(
        root,
        "content/chefforum/2011-12-12.da.md",
        &meeting("Chefforum december 2011", "2011-12-12", "minutes", "", ""),
    );
    let (_out, public) = built(root);
    let index = read(&public, "da/chefforum/index.html");
    let at = |text: &str| {
        index
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {index}"))
    };
    assert!(at(">2012</h2>") < at("Chefforum 1. november"));
    assert!(at("Chefforum 1. november") < at("Chefforum 22. oktober"));
    assert!(at("Chefforum 22. oktober") < at(">2011</h2>"));
    assert!(at(">2011</h2>") < at("Chefforum december 2011"));
    // Meetings of a series are reached from its page; the home page links the series.
    let home = read(&public, "da/index.html");
    assert!(
        home.contains("Chefforum") && !home.contains("Chefforum 22. oktober"),
        "{home}"
    );
    // A meeting links back to its series.
    let meeting_page = read(&public, "da/chefforum/2012-10-22/index.html");
    assert!(
        meeting_page.contains("class=\"breadcrumb\""),
        "{meeting_page}"
    );

    let feed_bytes = std::fs::read(public.join("da/chefforum/feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(&feed_bytes[..]).expect("the series feed parses");
    let titles: Vec<String> = (feed.entries.iter())
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(
        titles,
        [
            "Dagsorden: Chefforum 1. november",
            "Referat: Chefforum 22. oktober",
            "Referat: Chefforum december 2011"
        ]
    );
    assert!(
        index.contains("feed.xml") && index.contains("calendar.ics"),
        "{index}"
    );

    let ics = read(&public, "da/chefforum/calendar.ics");
    let calcard::Entry::ICalendar(calendar) = calcard::Parser::new(&ics).entry() else {
        panic!("the series calendar does not parse: {ics}");
    };
    let events: Vec<_> = (calendar.components.iter())
        .filter(|c| c.component_type == calcard::icalendar::ICalendarComponentType::VEvent)
        .collect();
    assert_eq!(events.len(), 3, "{ics}");
    // An agenda and its minutes are one event: the UID does not change with the status.
    let uid_of = |ics: &str| -> Vec<String> {
        ics.lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_owned)
            .collect()
    };
    let before = uid_of(&ics);
    assert!(
        ics.contains("DTSTART;TZID=Europe/Copenhagen:20121022T100000"),
        "{ics}"
    );
    let path = "content/chefforum/2012-11-01.da.md";
    write(
        root,
        path,
        &read(root, path).replace("status = \"agenda\"", "status = \"minutes\""),
    );
    let (_out, public) = built(root);
    assert_eq!(uid_of(&read(&public, "da/chefforum/calendar.ics")), before);
    // Subscribers see the minutes as news, not as an edit of the agenda.
    let feed = read(&public, "da/chefforum/feed.xml");
    assert!(feed.contains("Referat: Chefforum 1. november"), "{feed}");
}

#[test]
fn people_present_and_absent_are_shown_and_unknown_references_refused() {
    let site = site_with_meetings();
    let root = site.path();
    let (_out, public) = built(root);
    let page = read(&public, "da/chefforum/2012-10-22/index.html");
    for text in [
        "Mødeleder",
        "Jette Runchel",
        "Til stede",
        "Jan Eriksen",
        "Afbud",
        "Ole Hansen",
        "Referent",
        "Lise Berg",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
    // A speaker page named by its id is linked.
    let path = "content/chefforum/2012-10-22.da.md";
    let good = read(root, path);
    write(
        root,
        path,
        &good.replace(
            "minute_taker = { name = \"Lise Berg\" }",
            "minute_taker = \"anna-jensen\"",
        ),
    );
    let (_out, public) = built(root);
    let page = read(&public, "da/chefforum/2012-10-22/index.html");
    let links = attribute_values(&page, "href");
    assert!(
        links
            .iter()
            .any(|l| target("da/chefforum/2012-10-22/index.html", l)
                == "da/speakers/anna-jensen/index.html"),
        "{links:?}"
    );
    write(
        root,
        path,
        &good.replace(
            "minute_taker = { name = \"Lise Berg\" }",
            "minute_taker = \"anna-jenssen\"",
        ),
    );
    let err = load_error(root);
    assert!(
        err.contains("no speaker page `anna-jenssen`")
            && err.contains("did you mean `anna-jensen`?"),
        "{err}"
    );
}

#[test]
fn approved_minutes_give_the_last_day_of_the_appeal_three_weeks_from_the_notice() {
    let site = site_with_meetings();
    let root = site.path();
    let path = "content/chefforum/2012-10-22.sv.md";
    // Posted on Saturday 27 October 2012: three weeks is Saturday 17 November, so the
    // appeal may come in until Monday 19 November.
    let text = read(root, path).replace(
        "place = ",
        "approved = { date = 2012-10-24, by = [{ name = \"Jan Eriksen\" }], notice = 2012-10-27 }\nplace = ",
    );
    write(root, path, &text);
    let (_out, public) = built(root);
    let page = read(&public, "sv/chefforum/2012-10-22/index.html");
    assert!(
        page.contains("Protokollet justerades 24 oktober 2012."),
        "{page}"
    );
    assert!(
        page.contains("tillkännagavs på anslagstavlan 27 oktober 2012"),
        "{page}"
    );
    assert!(
        page.contains("Sista dag för överklagande: 19 november 2012."),
        "{page}"
    );

    // Without a notice the minutes cannot be appealed against: no period is shown.
    write(root, path, &text.replace(", notice = 2012-10-27", ""));
    let (_out, public) = built(root);
    let page = read(&public, "sv/chefforum/2012-10-22/index.html");
    assert!(
        page.contains("Protokollet justerades 24 oktober 2012."),
        "{page}"
    );
    assert!(!page.contains("överklagande"), "{page}");

    // An agenda cannot have been approved.
    write(
        root,
        path,
        &text.replace("status = \"minutes\"", "status = \"agenda\""),
    );
    let err = load_error(root);
    assert!(err.contains("an agenda cannot be approved"), "{err}");
}

#[test]
fn check_warns_about_a_late_agenda_and_a_missing_or_stale_statement() {
    let site = site_with_meetings();
    let root = site.path();
    // Three days before the meeting of 1 November, a week was asked for.
    let found = check_lines(root, jiff::civil::date(2012, 10, 29));
    assert!(
        found.iter().any(
            |l| l.starts_with("warning: content/chefforum/2012-11-01.da.md:")
                && l.contains(
                    "published 3 days before the meeting on 2012-11-01; the series asks for 7"
                )
        ),
        "{found:#?}"
    );
    let early = check_lines(root, jiff::civil::date(2012, 10, 20));
    assert!(
        !early.iter().any(|l| l.contains("the series asks for")),
        "{early:#?}"
    );
    // An agenda that says when it was published is measured from then, not from today.
    let path = "content/chefforum/2012-11-01.da.md";
    let text = read(root, path);
    write(
        root,
        path,
        &text.replace("place = ", "published = 2012-10-20\nplace = "),
    );
    let found = check_lines(root, jiff::civil::date(2012, 10, 29));
    assert!(
        !found.iter().any(|l| l.contains("the series asks for")),
        "{found:#?}"
    );
    write(
        root,
        path,
        &text.replace("place = ", "published = 2012-10-30\nplace = "),
    );
    let found = check_lines(root, jiff::civil::date(2012, 10, 29));
    assert!(
        found
            .iter()
            .any(|l| l.contains("published 2 days before the meeting on 2012-11-01")),
        "{found:#?}"
    );
    write(root, path, &text);

    let has_statement = |found: &[String]| {
        found
            .iter()
            .any(|l| l.contains("no accessibility statement"))
    };
    for lang in ["da", "sv", "nb"] {
        let _ = std::fs::remove_file(root.join(format!("content/tilgaengelighed.{lang}.md")));
    }
    assert!(has_statement(&check_lines(
        root,
        jiff::civil::date(2026, 12, 7)
    )));
    write(
        root,
        "content/tilgaengelighed.da.md",
        "+++\ntitle = \"Tilgængelighedserklæring\"\n\n[accessibility]\nstatus = \"partial\"\nupdated = 2025-11-01\ncontact = \"web@example.dk\"\ncomplaints = \"Digitaliseringsstyrelsen\"\ngaps = [\"Ældre bilag er scannede PDF'er.\"]\n+++\nErklæringen.\n",
    );
    let found = check_lines(root, jiff::civil::date(2026, 12, 7));
    assert!(!has_statement(&found), "{found:#?}");
    assert!(
        found
            .iter()
            .any(|l| l.starts_with("warning: content/tilgaengelighed.da.md:")
                && l.contains("last reviewed on 2025-11-01, more than a year ago")),
        "{found:#?}"
    );
    let (_out, public) = built(root);
    let page = read(&public, "da/tilgaengelighed/index.html");
    for text in [
        "delvist",
        "Ældre bilag er scannede PDF",
        "mailto:web@example.dk",
        "Digitaliseringsstyrelsen",
    ] {
        assert!(page.contains(text), "{text}: {page}");
    }
}

#[test]
fn search_finds_items_by_title_and_case_number_and_decisions_of_minutes_only() {
    let site = site_with_meetings();
    let (_out, public) = built(site.path());
    let index = read(&public, "da/search/index.js");
    assert!(
        index.contains("Punkt 2: Camp om ny administrativ organisering"),
        "{index}"
    );
    assert!(
        index.contains("12/16033") || index.contains("16033"),
        "{index}"
    );
    assert!(index.contains("#camp"), "{index}");
    // The closed item by its title alone; the agenda's decision not at all.
    assert!(index.contains("Punkt 3: Ansættelse af ny chef"));
    assert!(!index.contains("videre"), "{index}");
}
