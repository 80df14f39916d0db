//! The example site of the repository, built from the seed documents, in all its languages.

mod common;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use common::*;
use samling::Site;

/// The example site, built once for all tests of this file.
fn example() -> &'static (Site, tempfile::TempDir) {
    static BUILT: OnceLock<(Site, tempfile::TempDir)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let site = Site::load(&example_root()).unwrap_or_else(|e| panic!("{e}"));
        let out = tempfile::tempdir().unwrap();
        site.build(&out.path().join("public"))
            .unwrap_or_else(|e| panic!("{e}"));
        (site, out)
    })
}

fn public() -> std::path::PathBuf {
    example().1.path().join("public")
}

fn page(path: &str) -> String {
    read(&public(), path)
}

/// (output path, language) of every content file.
fn expected_pages() -> Vec<(String, String)> {
    let content = example_root().join("content");
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let Some(base) = rel.strip_suffix(".md") else {
            continue;
        };
        let (path, lang) = base.rsplit_once('.').unwrap();
        let key = path
            .strip_suffix("_index")
            .unwrap_or(path)
            .trim_end_matches('/');
        let out = if key.is_empty() {
            format!("{lang}/index.html")
        } else {
            format!("{lang}/{key}/index.html")
        };
        pages.push((out, lang.to_owned()));
    }
    pages.sort();
    pages
}

#[test]
fn every_page_exists_in_each_of_its_languages_and_no_other() {
    let pages = expected_pages();
    assert!(
        pages.len() > 60,
        "the example site has {} pages",
        pages.len()
    );
    for (path, lang) in &pages {
        let html = page(path);
        assert_eq!(html_lang(&html), *lang, "{path}");
    }
    let expected: BTreeSet<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
    let site = &example().0;
    for (path, _) in snapshot(&public()) {
        let is_index = path.ends_with("/index.html");
        let parts: Vec<&str> = path.split('/').collect();
        // Pages of no content file: indexes, search, "my programme", timetable days, the
        // programmes' changes pages, and people given inline in sessions.
        let generated = parts.len() <= 2
            || parts[1] == site.config.speakers_path.as_str() && parts.len() == 3
            || parts.len() == 3 && ["search", "my-programme"].contains(&parts[1])
            || parts.len() >= 4 && parts[parts.len() - 3] == "timetable"
            || parts.len() >= 4
                && parts[parts.len() - 2] == "changes"
                && site
                    .model
                    .find(&parts[1..parts.len() - 2].join("/"))
                    .is_some()
            || parts.len() == 4
                && parts[1] == site.config.speakers_path.as_str()
                && site
                    .model
                    .inline_speakers
                    .iter()
                    .any(|p| p.slug() == parts[2]);
        if is_index && !generated {
            assert!(
                expected.contains(path.as_str()),
                "{path} has no content file"
            );
        }
    }
    for lang in ["da", "sv", "nb"] {
        assert!(public().join(lang).join("index.html").is_file());
        assert!(public().join(lang).join("speakers/index.html").is_file());
    }
}

#[test]
fn every_internal_and_switcher_link_resolves() {
    assert_links_resolve(&public());
}

#[test]
fn every_page_switches_to_every_language() {
    for (path, lang) in expected_pages() {
        let html = page(&path);
        let switcher = &html[html.find("class=\"language-switcher\"").unwrap()..];
        let switcher = &switcher[..switcher.find("</nav>").unwrap()];
        let links = attribute_values(switcher, "href");
        assert_eq!(links.len(), 3, "{path}");
        let targets: Vec<String> = links.iter().map(|l| resolve(&path, l)).collect();
        for (target, code) in targets.iter().zip(["da", "sv", "nb"]) {
            assert!(target.starts_with(&format!("{code}/")), "{path}: {target}");
        }
        assert!(
            targets.contains(&path),
            "{path} ({lang}) links to itself as current"
        );
    }
}

#[test]
fn alternates_name_each_existing_translation() {
    let pages = expected_pages();
    for (path, _) in &pages {
        let key = path.split_once('/').unwrap().1;
        let translations = pages
            .iter()
            .filter(|(p, _)| p.split_once('/').unwrap().1 == key)
            .count();
        let html = page(path);
        let alternates = alternates(&html);
        assert_eq!(alternates.len(), translations + 1, "{path}: {alternates:?}");
        assert_eq!(alternates.last().unwrap().0, "x-default");
    }
}

#[test]
fn sitemap_lists_every_page() {
    let base = "https://example.org/programmer/";
    let out = tempfile::tempdir().unwrap();
    let site = samling::Site::load_with(&example_root(), Some(base)).unwrap();
    site.build(&out.path().join("public")).unwrap();
    let sitemap = read(&out.path().join("public"), "sitemap.xml");
    for (path, _) in expected_pages() {
        let url = format!("<loc>{base}{}</loc>", path.trim_end_matches("index.html"));
        assert!(sitemap.contains(&url), "{url} is not in the sitemap");
    }
}

#[test]
fn no_page_requests_another_host_and_scripts_only_enhance() {
    for (path, bytes) in snapshot(&public()) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        // Scripts only enhance (search, stars): deferred files of the site, never inline.
        for script in html.split("<script").skip(1) {
            let tag = &script[..script.find('>').unwrap()];
            assert!(
                tag.contains(" src=\"") && tag.ends_with(" defer"),
                "{path}: {tag}"
            );
        }
        for src in attribute_values(&html, "src") {
            assert!(!src.contains("//"), "{path}: {src}");
        }
        for line in html
            .lines()
            .filter(|l| l.starts_with("<link rel=\"stylesheet\""))
        {
            assert!(!line.contains("//"), "{path}: {line}");
        }
    }
}

#[test]
fn the_example_builds_identically_twice() {
    let out = build(&example_root());
    assert_eq!(snapshot(&out.path().join("public")), snapshot(&public()));
}

#[test]
fn seed_000_meeting_series_with_speakers_notice_and_contact() {
    let site = &example().0;
    for lang in ["da", "sv", "nb"] {
        let programme = page(&format!("{lang}/fremtidens-offentlige-sektor/index.html"));
        assert!(programme.contains("class=\"notice\""), "{lang}: notice");
        assert!(programme.contains("Daniel H. Fischer"), "{lang}: contact");
        // The seed's five meetings, and the study trip the example adds on the day summer
        // time starts (for the calendar exports' tests).
        let mut args = fluent::FluentArgs::new();
        args.set("count", 6);
        let count = site
            .locales
            .get(lang)
            .unwrap()
            .message("sessions-count", Some(&args))
            .unwrap();
        assert!(programme.contains(&format!("({count})")), "{lang}: {count}");
        // Heidi Bank is not confirmed: the mark in the reader's language.
        let debate = page(&format!(
            "{lang}/fremtidens-offentlige-sektor/politisk-debat/index.html"
        ));
        let mark = message(site, lang, "not-confirmed", &[]);
        let heidi = &debate[debate.find("Heidi Bank").unwrap()..];
        let heidi = &heidi[..heidi.find("</li>").unwrap()];
        assert!(heidi.contains(&format!("({mark})")), "{lang}: {heidi}");
        let birgitte = &debate[debate.find("Birgitte Vind").unwrap()..];
        assert!(
            !birgitte[..birgitte.find("</li>").unwrap()].contains("not-confirmed"),
            "{lang}"
        );
        // Speakers by reference carry their page's role and organisation, and link to it.
        let keynote = page(&format!(
            "{lang}/fremtidens-offentlige-sektor/temperaturen-paa-den-offentlige-sektor/index.html"
        ));
        assert!(
            keynote.contains(
                "<a href=\"../../speakers/bjarne-corydon/index.html\">Bjarne Corydon</a>"
            ),
            "{lang}"
        );
        assert!(keynote.contains("Børsen"), "{lang}");
    }
    let danish = page("da/fremtidens-offentlige-sektor/index.html");
    assert!(danish.contains("<time datetime=\"2025-09-18\">torsdag 18. september 2025</time>"));
    assert!(danish.contains("kl. 09.15–12.00"));
    let speaker = page("sv/speakers/bjarne-corydon/index.html");
    assert!(
        speaker.contains("temperaturen-paa-den-offentlige-sektor/index.html"),
        "a speaker page lists its sessions"
    );
}

#[test]
fn seed_001_conference_themes_in_order_with_their_seminars() {
    let sv = page("sv/samverkan-i-offentlig-sektor/index.html");
    // Day by day, each seminar labelled with its theme; the themes listed after, in order.
    assert_in_order(
        &sv,
        &[
            "torsdag 23 oktober 2025",
            "Kortare arbetstid och personalbrist i kommunal sektor",
            "<span class=\"session-theme\"><a href=\"arbetstiden/index.html\">Arbetstiden – varva ner eller kavla upp?</a></span>",
            "fredag 24 oktober 2025",
            "Kortare arbetstid och personalbrist i regional sektor",
            "<h3 id=\"themes-heading\">Teman</h3>",
            "Styrning för att samverka och effektivisera?",
            "Reformutrymme och flernivåsamordning",
            "Digitalisering, AI och samverkan",
            "Arbetstiden – varva ner eller kavla upp?",
        ],
    );
    assert!(sv.contains("(8 programpunkter)"));
    assert!(sv.contains("torsdag 23 oktober 2025") && sv.contains("fredag 24 oktober 2025"));
    assert!(sv.contains("Alla tider är lokal tid (Europe/Stockholm)."));
    let theme = page("da/samverkan-i-offentlig-sektor/arbetstiden/index.html");
    assert!(theme.contains("(2 programpunkter)"), "{theme}");
    // Held in Swedish, shown in Danish and Norwegian words.
    let seminar =
        page("nb/samverkan-i-offentlig-sektor/arbetstiden/arbetstid-kommunal-sektor/index.html");
    assert!(seminar.contains("Holdes på svensk"), "{seminar}");
    // Listings and the timetable say so too, where the page is not in Swedish.
    let held = "<span class=\"session-held-in\">Holdes på svensk</span>";
    let nb = page("nb/samverkan-i-offentlig-sektor/index.html");
    assert_eq!(nb.matches(held).count(), 8, "{nb}");
    let timetable = page("nb/samverkan-i-offentlig-sektor/timetable/2025-10-23/index.html");
    assert_eq!(timetable.matches(held).count(), 4, "{timetable}");
    assert!(!sv.contains("session-held-in"), "{sv}");
}

#[test]
fn seed_002_course_with_practical_information_in_danish_only() {
    let da = page("da/kommunestyret-2030/index.html");
    assert!(
        da.contains("14.900 kr., inkl. overnatning, ekskl. transport, moms"),
        "price as Danish writes it"
    );
    assert!(da.contains("5–10 direktører pr. hold"));
    assert_in_order(&da, &["Hold 1:", "Hold 2:", "Hold 3:", "Hold 4:"]);
    assert!(da.contains("Kommunaldirektørforeningen i Danmark"));
    assert!(!public().join("sv/kommunestyret-2030").exists());
    // Listed on the Swedish and Norwegian homes, in Danish, with a mark.
    let sv = page("sv/index.html");
    assert!(sv.contains("<a href=\"../da/kommunestyret-2030/index.html\" hreflang=\"da\"><span lang=\"da\">Kommunestyret 2030</span></a> <span class=\"other-language\">(på danska)</span>"), "{sv}");
    let nb = page("nb/index.html");
    assert!(nb.contains(
        "Kommunestyret 2030</span></a> <span class=\"other-language\">(på dansk)</span>"
    ));
}

#[test]
fn seed_003_minutes_with_ordered_items_and_decisions() {
    let nb = page("nb/chefforum/2012-10-22/index.html");
    assert!(nb.contains("mandag 22. oktober 2012, kl. 10:00"), "{nb}");
    assert_in_order(
        &nb,
        &[
            "Sak 1: Godkjenning av dagsorden og referat",
            "Sak 2: Camp om ny administrativ organisering",
            "12/16033",
            "Sak 3: Ny dansk forvaltningspolitikk",
            "12/7550",
            "Sak 4:",
            "Sak 5: Eventuelt",
        ],
    );
    assert!(
        nb.matches("<h3>Vedtak</h3>").count() >= 5,
        "every item has its decision"
    );
    assert!(nb.contains("<h3>Innstilling</h3>") && nb.contains("<h3>Vedlegg</h3>"));
    // The Danish series page lists the meetings held in Norwegian alone with a mark, and
    // the one translated in Danish.
    let da = page("da/chefforum/index.html");
    assert!(
        da.contains("Møte i Chefforum 4. oktober 2012</span></a> <span class=\"other-language\">(på norsk)</span>"),
        "{da}"
    );
    assert!(
        da.contains("<span>Møde i Chefforum 22. oktober 2012</span></a> · 22. oktober 2012"),
        "{da}"
    );
    assert!(page("da/index.html").contains("Chefforum"));
}

/// Seed 003's facts as a series: an agenda without decisions, a closed item, a case across
/// three meetings, and attachments that are files.
#[test]
fn seed_003_as_a_series_of_agendas_and_minutes() {
    let agenda = page("nb/chefforum/2012-11-01/index.html");
    assert!(agenda.contains("Innkalling og saksliste"), "{agenda}");
    assert!(!agenda.contains("<h3>Vedtak</h3>"), "{agenda}");
    let october = page("nb/chefforum/2012-10-04/index.html");
    assert!(
        october.contains("class=\"agenda-item closed\""),
        "{october}"
    );
    let minutes = page("nb/chefforum/2012-10-22/index.html");
    assert!(minutes.contains("<h3>Sakens gang</h3>"), "{minutes}");
    assert!(
        minutes.contains("href=\"../2012-11-01/index.html#camp\""),
        "{minutes}"
    );
    assert!(
        minutes.contains("href=\"../2012-10-04/index.html#"),
        "{minutes}"
    );
    assert!(minutes.contains("(PDF, "), "{minutes}");
    assert!(minutes.contains(".pdf\""), "{minutes}");
}

/// An agenda item's texts link as the page's own text does: `@/` links become the pages'
/// addresses (before, `href="@/praktisk.md"` was published as written).
#[test]
fn links_in_agenda_items_go_to_their_pages() {
    let site = example_copy();
    let root = site.path();
    let path = "content/chefforum/2012-10-22.nb.md";
    let text = read(root, path).replacen(
        "decision = \"Kommunaldirektøren godkjente dagsordenen og referatet.\"",
        "decision = \"Godkjent; se [praktisk informasjon](@/praktisk.md#tilmelding).\"",
        1,
    );
    write(root, path, &text);
    let out = build(root);
    let public = out.path().join("public");
    let nb = read(&public, "nb/chefforum/2012-10-22/index.html");
    assert!(!nb.contains("@/"), "{nb}");
    let links = attribute_values(&nb, "href");
    assert!(
        links
            .iter()
            .any(|l| l == "../../praktisk/index.html#tilmelding"),
        "{links:?}"
    );
    assert_links_resolve(&public);
}

#[test]
fn seed_004_keynote_with_its_speaker() {
    let programme = page("da/bkf-aarsmoede-2018/index.html");
    assert!(
        programme.contains("(ét programpunkt)"),
        "singular in Danish"
    );
    assert!(programme.contains("torsdag 15. november 2018"));
    let keynote = page("da/bkf-aarsmoede-2018/sammenhaengen-i-den-offentlige-sektor/index.html");
    assert!(keynote.contains("Henrik Kolind</a>"));
    assert!(keynote.contains("Roskilde Kommune"));
    assert!(
        keynote.contains("Hovedoplæg"),
        "format label from the locale"
    );
}

#[test]
fn no_page_has_inline_styles() {
    for (path, bytes) in snapshot(&public()) {
        if path.ends_with(".html") {
            assert!(
                !String::from_utf8(bytes).unwrap().contains(" style=\""),
                "{path} has inline styles"
            );
        }
    }
}

/// Readers of a session's page see what was changed, not only the feed's subscribers: its
/// `[[changes]]`, newest first, dated in the page's language, with each note.
#[test]
fn a_session_page_lists_its_changes_newest_first() {
    let sv = page("sv/fremtidens-offentlige-sektor/studietur-oeresund/index.html");
    let changes = &sv[sv.find("<section class=\"changes\"").expect(&sv)..];
    let changes = &changes[..changes.find("</section>").unwrap()];
    assert_in_order(
        changes,
        &[
            "<h2 id=\"changes-heading\">Ändringar</h2>",
            "<time datetime=\"2026-03-02\">2 mars 2026</time>",
            "har bekräftat sitt deltagande",
            "<li class=\"change change-moved\"><time datetime=\"2026-02-16\">16 februari 2026</time>: <strong>Flyttad</strong>. Avgången har flyttats från kl. 9.00 till kl. 8.30",
            "<time datetime=\"2025-12-04\">4 december 2025</time>",
        ],
    );
    // A session without changes has no such section.
    let plain = page("da/fremtidens-offentlige-sektor/index.html");
    assert!(!plain.contains("class=\"changes\""));
}

/// Each programme has a changes page per language, made of what its change feed says: the
/// changes of its sessions newest first under the day they were made, each linking to its
/// session. The programme links to it, with the count, where there are changes.
#[test]
fn a_programme_lists_its_changes_on_a_page_of_their_own() {
    let nb = page("nb/fremtidens-offentlige-sektor/changes/index.html");
    assert_eq!(html_lang(&nb), "nb");
    let main = &nb[nb.find("<h1>").unwrap()..nb.find("</article>").unwrap()];
    assert_in_order(
        main,
        &[
            "<h1>Endringer i programmet</h1>",
            "<h2 id=\"changes-2026-03-02\"><time datetime=\"2026-03-02\">2. mars 2026</time></h2>",
            "<a href=\"../studietur-oeresund/index.html\">",
            "<time datetime=\"2026-02-16\">16. februar 2026</time>",
            "<strong>Flyttet:</strong>",
            "<time datetime=\"2025-12-04\">4. desember 2025</time>",
        ],
    );
    // The same changes as the feed: three entries of this programme.
    let feed = page("nb/feed.xml");
    assert_eq!(main.matches("<li class=\"change ").count(), 3);
    assert_eq!(feed.matches("studietur-oeresund").count(), 3, "{feed}");
    let programme = page("nb/fremtidens-offentlige-sektor/index.html");
    assert!(
        programme.contains(
            "<p class=\"changes-link\"><a href=\"changes/index.html\">3 endringer i programmet</a></p>"
        ),
        "{programme}"
    );
    // A programme without changes has the page (its address lasts) and no count on its page.
    let none = page("sv/samverkan-i-offentlig-sektor/changes/index.html");
    assert!(
        none.contains("<p>Programmet har ännu inte ändrats.</p>"),
        "{none}"
    );
    assert!(!page("sv/samverkan-i-offentlig-sektor/index.html").contains("changes-link"));
}
