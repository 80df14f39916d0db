//! Building sites: output layout, languages, links, switchers, Fluent strings and dates.

mod common;

use common::*;
use samling::Site;

#[test]
fn init_makes_a_site_that_builds_in_every_language() {
    let site = starter_site();
    let out = build(site.path());
    let public = out.path().join("public");
    for file in [
        "index.html",
        "404.html",
        "robots.txt",
        "samling.css",
        "syntax.css",
        "da/index.html",
        "sv/index.html",
        "nb/index.html",
        "da/aarsmoede/index.html",
        "sv/aarsmoede/aabning/index.html",
        "nb/speakers/anna-jensen/index.html",
        "da/speakers/index.html",
    ] {
        assert!(public.join(file).is_file(), "{file} is missing");
    }
    // The debate exists only in Danish.
    assert!(public.join("da/aarsmoede/debat/index.html").is_file());
    assert!(!public.join("sv/aarsmoede/debat/index.html").exists());
    // A sitemap needs full addresses, which the starter's `/` does not give.
    assert!(!public.join("sitemap.xml").exists());
    for lang in ["da", "sv", "nb"] {
        assert_eq!(
            html_lang(&read(&public, &format!("{lang}/aarsmoede/index.html"))),
            lang
        );
    }
}

#[test]
fn a_page_in_one_language_is_listed_in_the_others_with_a_mark() {
    let root = starter_site();
    let out = build(root.path());
    let public = out.path().join("public");
    let site = Site::load(root.path()).unwrap();
    let sv = read(&public, "sv/aarsmoede/index.html");
    let mark = message(
        &site,
        "sv",
        "in-language",
        &[("code", "da"), ("native", "Dansk")],
    );
    assert_eq!(mark, "på danska");
    assert!(
        sv.contains("href=\"../../da/aarsmoede/debat/index.html\" hreflang=\"da\""),
        "{sv}"
    );
    assert!(sv.contains(&format!("<span lang=\"da\">Debat: Velfærd frem mod 2030</span></a> <span class=\"other-language\">({mark})</span>")), "{sv}");

    // With the switch off, the Swedish programme leaves the Danish-only session out.
    let config = read(root.path(), "config.toml")
        .replace("list_untranslated = true", "list_untranslated = false");
    write(root.path(), "config.toml", &config);
    let out = build(root.path());
    let sv = read(&out.path().join("public"), "sv/aarsmoede/index.html");
    assert!(!sv.contains("Debat: Velfærd"), "{sv}");
    assert!(sv.contains("Öppning och välkomnande"));
}

/// A language's own `fallback` list: a Norwegian reader is shown the Swedish text of a
/// page that lacks Norwegian, not the default Danish one, in listings and exports alike.
#[test]
fn a_language_reads_its_own_fallback_before_the_default() {
    let site = example_copy();
    let root = site.path();
    std::fs::remove_file(root.join("content/fremtidens-offentlige-sektor/politisk-debat.nb.md"))
        .unwrap();
    let swedish = "Politisk debatt: Vägskäl för den offentliga sektorn?";
    let danish = "Politisk debat: Skillevej i den offentlige sektor?";
    let nb_programme = |root: &std::path::Path| {
        let out = build(root);
        let public = out.path().join("public");
        let page = read(&public, "nb/fremtidens-offentlige-sektor/index.html");
        let xml = read(&public, "nb/fremtidens-offentlige-sektor/schedule.xml");
        (page, xml)
    };
    let (page, xml) = nb_programme(root);
    assert!(page.contains(danish) && xml.contains(danish), "{page}");
    let config = read(root, "config.toml")
        .replace("code = \"nb\"\n", "code = \"nb\"\nfallback = [\"sv\"]\n");
    write(root, "config.toml", &config);
    let (page, xml) = nb_programme(root);
    assert!(!page.contains(danish) && !xml.contains(danish), "{page}");
    assert!(
        page.contains(&format!("<span lang=\"sv\">{swedish}</span>")),
        "{page}"
    );
    assert!(page.contains("på svensk"), "{page}");
    assert!(xml.contains(&format!("<title>{swedish}</title>")), "{xml}");
}

#[test]
fn language_switcher_goes_to_the_translation_or_the_nearest_parent() {
    let root = starter_site();
    let out = build(root.path());
    let public = out.path().join("public");
    let da = read(&public, "da/aarsmoede/aabning/index.html");
    assert!(da.contains("<a href=\"../../../sv/aarsmoede/aabning/index.html\" lang=\"sv\" hreflang=\"sv\">Svenska</a>"), "{da}");
    assert!(
        da.contains("<a href=\"index.html\" lang=\"da\" aria-current=\"page\">Dansk</a>"),
        "{da}"
    );
    // No Swedish debate: the switcher goes to the Swedish programme.
    let debate = read(&public, "da/aarsmoede/debat/index.html");
    assert!(debate.contains("<a href=\"../../../sv/aarsmoede/index.html\" lang=\"sv\" hreflang=\"sv\" rel=\"nofollow\">Svenska</a>"), "{debate}");
}

#[test]
fn hreflang_alternates_list_existing_translations_and_x_default() {
    let root = starter_site();
    let config = read(root.path(), "config.toml").replace(
        "base_url = \"/\"",
        "base_url = \"https://example.org/programmer/\"",
    );
    write(root.path(), "config.toml", &config);
    let out = build(root.path());
    let public = out.path().join("public");
    let sv = read(&public, "sv/aarsmoede/aabning/index.html");
    assert_eq!(
        alternates(&sv),
        [
            ("da", "https://example.org/programmer/da/aarsmoede/aabning/"),
            ("sv", "https://example.org/programmer/sv/aarsmoede/aabning/"),
            ("nb", "https://example.org/programmer/nb/aarsmoede/aabning/"),
            (
                "x-default",
                "https://example.org/programmer/da/aarsmoede/aabning/"
            ),
        ]
        .map(|(l, h)| (l.to_owned(), h.to_owned()))
    );
    let debate = read(&public, "da/aarsmoede/debat/index.html");
    assert_eq!(alternates(&debate).len(), 2, "only Danish and x-default");
    let sitemap = read(&public, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/programmer/sv/aarsmoede/aabning/</loc>\n    <xhtml:link rel=\"alternate\" hreflang=\"da\" href=\"https://example.org/programmer/da/aarsmoede/aabning/\"/>"), "{sitemap}");
    assert!(
        read(&public, "robots.txt").contains("Sitemap: https://example.org/programmer/sitemap.xml")
    );
    // The 404 page is served at any depth: its links start at the base path.
    let not_found = read(&public, "404.html");
    assert!(
        not_found.contains("href=\"/programmer/da/index.html\""),
        "{not_found}"
    );
    assert!(
        not_found.contains("href=\"/programmer/samling.css\""),
        "{not_found}"
    );
}

#[test]
fn base_url_flag_replaces_the_configured_one() {
    let root = starter_site();
    let out = tempfile::tempdir().unwrap();
    let options = samling::BuildOptions {
        root: root.path().to_owned(),
        output_dir: Some(out.path().join("site")),
        base_url: Some("/sub/path".into()),
        ..Default::default()
    };
    samling::build(&options).unwrap();
    let da = read(&out.path().join("site"), "da/index.html");
    assert!(
        da.contains("<link rel=\"canonical\" href=\"/sub/path/da/\">"),
        "{da}"
    );
    // Page links stay relative, so the same files work under any path.
    assert!(da.contains("href=\"aarsmoede/index.html\""), "{da}");
}

/// Each shipped locale (`locales/*.ftl`) builds a page in its language, with CLDR's dates
/// and plurals for it; `en` takes its formats from `en-GB` (`formats`). The site has the
/// starter's Danish programme in every language.
#[test]
fn every_shipped_locale_builds_its_language() {
    let root = starter_site();
    let shipped = [
        (
            "en",
            "English",
            Some("en-GB"),
            "Thursday, 11 March 2027",
            "2 sessions",
        ),
        (
            "nn",
            "Norsk nynorsk",
            None,
            "torsdag 11. mars 2027",
            "2 programpostar",
        ),
        (
            "fi",
            "Suomi",
            None,
            "torstai 11. maaliskuuta 2027",
            "2 ohjelmanumeroa",
        ),
    ];
    let mut config = read(root.path(), "config.toml");
    for (code, name, formats, ..) in shipped {
        config.push_str(&format!(
            "\n[[languages]]\ncode = \"{code}\"\nname = \"{name}\"\n"
        ));
        if let Some(formats) = formats {
            config.push_str(&format!("formats = \"{formats}\"\n"));
        }
        let ftl = std::fs::read_to_string(example_root().join(format!("locales/{code}.ftl")))
            .unwrap_or_else(|e| panic!("locales/{code}.ftl: {e}"));
        write(root.path(), &format!("locales/{code}.ftl"), &ftl);
        copy_pages_to_language(root.path(), "da", code);
    }
    write(root.path(), "config.toml", &config);
    let options = samling::check::CheckOptions {
        base_url: None,
        today: jiff::civil::date(2026, 11, 23),
    };
    let report = samling::check::check(root.path(), &options);
    let locale_problems: Vec<String> = report
        .all()
        .filter(|d| d.path.starts_with("locales"))
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert!(locale_problems.is_empty(), "{locale_problems:?}");
    let out = build(root.path());
    let public = out.path().join("public");
    for ((code, _, _, date, count), time) in
        shipped
            .into_iter()
            .zip(["09:30–10:00", "kl. 09:30–10:00", "klo 9.30–10.00"])
    {
        let programme = read(&public, &format!("{code}/aarsmoede/index.html"));
        assert_eq!(html_lang(&programme), code);
        assert!(programme.contains(date), "{code}: {date} in\n{programme}");
        assert!(programme.contains(count), "{code}: {count} in\n{programme}");
        let session = read(&public, &format!("{code}/aarsmoede/aabning/index.html"));
        assert!(session.contains(time), "{code}: {time} in\n{session}");
    }
    assert_links_resolve(&public);
}

#[test]
fn plural_forms_and_dates_in_each_language() {
    let root = starter_site();
    // The programme starts on the seed's date, so that sessions may be on it.
    for lang in ["da", "sv", "nb"] {
        let path = format!("content/aarsmoede/_index.{lang}.md");
        let text =
            read(root.path(), &path).replace("first_day = 2027-03-11", "first_day = 2012-10-22");
        write(root.path(), &path, &text);
    }
    // A second Danish-only session on another date, and one on the seed's date.
    write(
        root.path(),
        "content/aarsmoede/referat.da.md",
        "+++\ntitle = \"Chefforum\"\ndate = 2012-10-22\nstart = 10:00\n+++\n",
    );
    for (lang, title) in [("sv", "Chefforum SV"), ("nb", "Chefforum NB")] {
        write(
            root.path(),
            &format!("content/aarsmoede/referat.{lang}.md"),
            &format!("+++\ntitle = \"{title}\"\ndate = 2012-10-22\nstart = 10:00\n+++\n"),
        );
    }
    let out = build(root.path());
    let public = out.path().join("public");
    let da = read(&public, "da/aarsmoede/index.html");
    assert!(da.contains("(3 programpunkter)"), "{da}");
    assert!(
        da.contains("<time datetime=\"2012-10-22\">mandag 22. oktober 2012</time>"),
        "{da}"
    );
    assert!(
        da.contains("kl. 10.00"),
        "Danish writes times with a dot: {da}"
    );
    let sv = read(
        &public,
        "sv/referat/index.html"
            .replace("referat", "aarsmoede/referat")
            .as_str(),
    );
    assert!(sv.contains("måndag 22 oktober 2012"), "{sv}");
    assert!(sv.contains("kl. 10:00"), "{sv}");
    let nb = read(&public, "nb/aarsmoede/referat/index.html");
    assert!(nb.contains("mandag 22. oktober 2012"), "{nb}");
    // One session: the singular form.
    let speaker = read(&public, "da/speakers/anna-jensen/index.html");
    assert!(speaker.contains("(ét programpunkt)"), "{speaker}");
}

#[test]
fn speakers_show_role_organisation_and_a_not_confirmed_mark() {
    let root = starter_site();
    let out = build(root.path());
    let public = out.path().join("public");
    let site = Site::load(root.path()).unwrap();
    let mark = message(&site, "da", "not-confirmed", &[]);
    let debate = read(&public, "da/aarsmoede/debat/index.html");
    assert!(
        debate.contains(&format!("<a href=\"../../speakers/lars-holm/index.html\">Lars Holm</a><span class=\"speaker-affiliation\">, Kommunaldirektør, Eksempel Kommune</span> <strong class=\"not-confirmed\">({mark})</strong>")),
        "{debate}"
    );
    let opening = read(&public, "sv/aarsmoede/aabning/index.html");
    assert!(opening.contains("Anna Jensen</a><span class=\"speaker-affiliation\">, Nätverksansvarig, Nätverket</span></li>"), "{opening}");
    // The speakers index lists speakers with pages and those given inline.
    let index = read(&public, "da/speakers/index.html");
    assert!(
        index.contains("Anna Jensen") && index.contains("Lars Holm"),
        "{index}"
    );
}

#[test]
fn every_internal_link_resolves_to_a_written_file() {
    let root = starter_site();
    let out = build(root.path());
    assert_links_resolve(&out.path().join("public"));
}

#[test]
fn output_is_deterministic() {
    let root = starter_site();
    let first = build(root.path());
    let second = build(root.path());
    assert_eq!(
        snapshot(&first.path().join("public")),
        snapshot(&second.path().join("public"))
    );
}

#[test]
fn a_new_language_needs_only_config_and_a_locale() {
    let root = starter_site();
    let config =
        read(root.path(), "config.toml") + "\n[[languages]]\ncode = \"fi\"\nname = \"Suomi\"\n";
    write(root.path(), "config.toml", &config);
    let strings =
        read(root.path(), "locales/sv.ftl").replace("Nätverkets program", "Verkoston ohjelmat");
    write(root.path(), "locales/fi.ftl", &strings);
    write(
        root.path(),
        "content/aarsmoede/aabning.fi.md",
        "+++\ntitle = \"Avaus\"\ndate = 2027-03-11\nstart = 09:30\nend = 10:00\nroom = \"Festsalen\"\n+++\n",
    );
    let out = build(root.path());
    let public = out.path().join("public");
    let fi = read(&public, "fi/aarsmoede/aabning/index.html");
    assert_eq!(html_lang(&fi), "fi");
    assert!(
        fi.contains("torstai 11. maaliskuuta 2027"),
        "dates come from ICU, not from tables: {fi}"
    );
    assert!(
        read(&public, "index.html")
            .contains("lang=\"fi\" hreflang=\"fi\"><span class=\"language-name\">Suomi</span>")
    );
    // Other languages' switchers offer Finnish.
    let da = read(&public, "da/aarsmoede/aabning/index.html");
    assert!(da.contains("<a href=\"../../../fi/aarsmoede/aabning/index.html\" lang=\"fi\" hreflang=\"fi\">Suomi</a>"), "{da}");
    assert_links_resolve(&public);
}

#[test]
fn fenced_code_is_highlighted_with_classes() {
    let root = starter_site();
    write(
        root.path(),
        "content/om.da.md",
        "+++\ntitle = \"Om\"\n+++\n\n# Eksempel\n\n```rust\nfn main() {}\n```\n",
    );
    let out = build(root.path());
    let public = out.path().join("public");
    let page = read(&public, "da/om/index.html");
    assert!(
        page.contains("<h2 id=\"eksempel\">Eksempel</h2>"),
        "body headings sit below the title: {page}"
    );
    assert!(
        page.contains(
            "<pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-source hl-rust\">"
        ),
        "{page}"
    );
    assert!(read(&public, "syntax.css").contains(".hl-"));
    // Free pages appear in the navigation, in other languages with a mark of language.
    let sv = read(&public, "sv/index.html");
    assert!(
        sv.contains("<a href=\"../da/om/index.html\" lang=\"da\" hreflang=\"da\">Om</a>"),
        "{sv}"
    );
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let root = starter_site();
    write(root.path(), "static/samling.css", "body { color: black; }");
    write(
        root.path(),
        "templates/page.html",
        "{% extends \"base.html\" %}{% block title %}{{ page.title }}{% endblock title %}{% block main %}<p class=\"mine\">{{ page.title }}</p>{% endblock main %}",
    );
    write(
        root.path(),
        "content/om.da.md",
        "+++\ntitle = \"Om os\"\n+++\n",
    );
    let out = build(root.path());
    let public = out.path().join("public");
    assert_eq!(read(&public, "samling.css"), "body { color: black; }");
    assert!(read(&public, "da/om/index.html").contains("<p class=\"mine\">Om os</p>"));
}

#[test]
fn links_to_content_files_become_links_to_their_pages() {
    let root = starter_site();
    write(
        root.path(),
        "static/kort.pdf",
        "%PDF-1.4 a map of the venue\n",
    );
    write(
        root.path(),
        "content/om.da.md",
        "+++\ntitle = \"Om\"\n+++\n\n## Pris og tilmelding\n\n\
         Se [programmet](@/aarsmoede/_index.md), [åbningen](aarsmoede/aabning.md#velkommen), \
         [på svensk](@/aarsmoede/aabning.sv.md), [prisen](#pris-og-tilmelding), \
         [kortet](kort.pdf) og [KL](https://www.kl.dk/).\n",
    );
    write(
        root.path(),
        "content/aarsmoede/aabning.da.md",
        &read(root.path(), "content/aarsmoede/aabning.da.md").replace(
            "Netværkets formand byder velkommen.",
            "## Velkommen {#velkommen}\n\nNetværkets formand byder velkommen.",
        ),
    );
    let out = build(root.path());
    let public = out.path().join("public");
    let page = read(&public, "da/om/index.html");
    for link in [
        "<h2 id=\"pris-og-tilmelding\">Pris og tilmelding</h2>",
        "<a href=\"../aarsmoede/index.html\">programmet</a>",
        "<a href=\"../aarsmoede/aabning/index.html#velkommen\">åbningen</a>",
        "<a href=\"../../sv/aarsmoede/aabning/index.html\">på svensk</a>",
        "<a href=\"#pris-og-tilmelding\">prisen</a>",
        "<a href=\"../../kort.pdf\">kortet</a>",
        "<a href=\"https://www.kl.dk/\">KL</a>",
    ] {
        assert!(page.contains(link), "{link} in {page}");
    }
    assert_links_resolve(&public);
}

/// What a progress bar is told: every stage in order, and every page rendered counted once.
#[test]
fn a_build_reports_its_stages_and_every_page() {
    use samling::progress::{Progress, Stage};
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorded {
        stages: Mutex<Vec<(Stage, Option<usize>, usize)>>,
    }
    impl Progress for Recorded {
        fn begin(&self, stage: Stage, total: Option<usize>) {
            self.stages.lock().unwrap().push((stage, total, 0));
        }
        fn advance(&self, steps: usize) {
            self.stages.lock().unwrap().last_mut().unwrap().2 += steps;
        }
    }

    let site = starter_site();
    let out = tempfile::tempdir().unwrap();
    let recorded = Recorded::default();
    let options = samling::BuildOptions {
        root: site.path().to_owned(),
        output_dir: Some(out.path().join("public")),
        ..Default::default()
    };
    let (report, _) = samling::build_reporting(&options, &recorded).unwrap();
    let stages = recorded.stages.into_inner().unwrap();
    let order: Vec<Stage> = stages.iter().map(|s| s.0).collect();
    assert_eq!(
        order,
        [Stage::Load, Stage::Export, Stage::Render, Stage::Write]
    );
    let (_, total, done) = stages[2];
    assert_eq!(total, Some(done), "every page counted once");
    assert!(done >= report.pages, "{done} of {} pages", report.pages);
}

/// The four languages the docs add by one `.ftl` and one `[[languages]]` entry: Icelandic,
/// Faroese, Greenlandic and Northern Sami. Each builds pages with its own `lang`, dates as
/// CLDR writes them (ICU has none for `kl` and `se`: they name a language whose dates their
/// readers know, as docs/locales.md says), and plurals by the language's own CLDR rules, never
/// by those of the language it borrows dates from: Sami has a dual, Norwegian does not.
#[test]
fn a_documented_language_builds_with_its_own_dates_and_plurals() {
    let root = starter_site();
    // The test's strings: the Norwegian file with the count of sessions in each language's
    // plural categories (CLDR: `is` one for 1, 21, 31… but not 11; `se` one, two, other).
    let languages = [
        (
            "is",
            "Íslenska",
            None,
            "{ $count ->\n    [one] { $count } dagskrárliður\n   *[other] { $count } dagskrárliðir\n}",
        ),
        (
            "fo",
            "Føroyskt",
            None,
            "{ $count ->\n    [one] { $count } skrápunktur\n   *[other] { $count } skrápunktir\n}",
        ),
        (
            "kl",
            "Kalaallisut",
            Some("da"),
            "{ $count ->\n    [one] { $count } programmimi immikkoortoq\n   *[other] { $count } programmimi immikkoortut\n}",
        ),
        (
            "se",
            "Davvisámegiella",
            Some("nb"),
            "{ $count ->\n    [one] { $count } prográmmačuokkis\n    [two] { $count } prográmmačuoggá\n   *[other] { $count } prográmmačuoggát\n}",
        ),
    ];
    let mut config = read(root.path(), "config.toml");
    let norwegian = read(root.path(), "locales/nb.ftl");
    let plural_start = norwegian.find("sessions-count = ").unwrap();
    let plural_end = plural_start + norwegian[plural_start..].find("\n}\n").unwrap() + 2;
    for (code, name, formats, sessions_count) in languages {
        config.push_str(&format!(
            "\n[[languages]]\ncode = \"{code}\"\nname = \"{name}\"\n"
        ));
        if let Some(formats) = formats {
            config.push_str(&format!("formats = \"{formats}\"\n"));
        }
        let ftl = format!(
            "{}sessions-count = {sessions_count}{}",
            &norwegian[..plural_start],
            &norwegian[plural_end..]
        );
        write(root.path(), &format!("locales/{code}.ftl"), &ftl);
        copy_pages_to_language(root.path(), "nb", code);
    }
    write(root.path(), "config.toml", &config);
    let options = samling::check::CheckOptions {
        base_url: None,
        today: jiff::civil::date(2026, 11, 23),
    };
    let problems: Vec<String> = samling::check::check(root.path(), &options)
        .all()
        .filter(|d| d.path.starts_with("locales") || d.message.contains("date formats"))
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    let out = build(root.path());
    let public = out.path().join("public");
    // CLDR's long dates with the weekday: Icelandic and Faroese their own; Greenlandic and Sami
    // those of the language they name in `formats`.
    for (code, date) in [
        ("is", "fimmtudagur, 11. mars 2027"),
        ("fo", "hósdagur 11. mars 2027"),
        ("kl", "torsdag 11. marts 2027"),
        ("se", "torsdag 11. mars 2027"),
    ] {
        let programme = read(&public, &format!("{code}/aarsmoede/index.html"));
        assert_eq!(html_lang(&programme), code);
        assert!(programme.contains(date), "{code}: {date} in\n{programme}");
    }
    let site = Site::load(root.path()).unwrap();
    let counts = |code: &str| -> Vec<String> {
        // Numbers, as templates pass them: a string would match only an `[1]` variant.
        [1, 2, 3, 11, 21]
            .into_iter()
            .map(|n| {
                let mut args = fluent::FluentArgs::new();
                args.set("count", n);
                site.locales
                    .get(code)
                    .unwrap()
                    .message("sessions-count", Some(&args))
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(
        counts("is"),
        [
            "1 dagskrárliður",
            "2 dagskrárliðir",
            "3 dagskrárliðir",
            "11 dagskrárliðir",
            "21 dagskrárliður"
        ]
    );
    assert_eq!(
        counts("fo"),
        [
            "1 skrápunktur",
            "2 skrápunktir",
            "3 skrápunktir",
            "11 skrápunktir",
            "21 skrápunktir"
        ]
    );
    assert_eq!(
        counts("se"),
        [
            "1 prográmmačuokkis",
            "2 prográmmačuoggá",
            "3 prográmmačuoggát",
            "11 prográmmačuoggát",
            "21 prográmmačuoggát"
        ]
    );
    assert_eq!(counts("kl")[1], "2 programmimi immikkoortut");
    assert_links_resolve(&public);
}

/// Every content file in `from` copied beside itself as a page in `to`.
fn copy_pages_to_language(root: &std::path::Path, from: &str, to: &str) {
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let path = entry.unwrap().into_path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = file.strip_suffix(&format!(".{from}.md")) {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(path.with_file_name(format!("{stem}.{to}.md")), text).unwrap();
        }
    }
}

/// A conference with themes is read by the clock: the opening, the seminars of two themes at
/// one time and the lunch outside any theme in time order on their day, each seminar
/// labelled with its theme; the themes listed after the days, in their order.
#[test]
fn a_programme_with_themes_lists_its_sessions_by_day_and_time() {
    let root = starter_site();
    let session = |path: &str, title: &str, start: &str, end: &str, room: &str| {
        let text = format!(
            "+++\ntitle = \"{title}\"\ndate = 2027-03-11\nstart = {start}\nend = {end}\nroom = \"{room}\"\n+++\n"
        );
        write(
            root.path(),
            &format!("content/aarsmoede/{path}.da.md"),
            &text,
        );
    };
    for (folder, title, order) in [("velfaerd", "Velfærd", 2), ("klima", "Klima", 1)] {
        write(
            root.path(),
            &format!("content/aarsmoede/{folder}/_index.da.md"),
            &format!("+++\ntitle = \"{title}\"\norder = {order}\n+++\n"),
        );
    }
    session(
        "velfaerd/seminar",
        "Seminar om ældrepleje",
        "10:30",
        "12:00",
        "Sal A",
    );
    session(
        "klima/seminar",
        "Seminar om klimatilpasning",
        "10:30",
        "12:00",
        "Sal B",
    );
    session("frokost", "Frokost", "12:00", "13:00", "Festsalen");
    let out = build(root.path());
    let html = read(out.path(), "public/da/aarsmoede/index.html");
    let main = &html[html.find("id=\"schedule-heading\"").unwrap()..];
    let label = |theme: &str, title: &str| {
        format!("<span class=\"session-theme\"><a href=\"{theme}/index.html\">{title}</a></span>")
    };
    // The starter's opening at 09:30 first, though it has no theme; then the two seminars
    // (same time: in the order of their themes), then the lunch.
    assert_in_order(
        main,
        &[
            "Åbning og velkomst",
            "Seminar om klimatilpasning",
            &label("klima", "Klima"),
            "Seminar om ældrepleje",
            &label("velfaerd", "Velfærd"),
            "Frokost",
            "<h3 id=\"themes-heading\">Temaer</h3>",
            "<a href=\"klima/index.html\"><span>Klima</span></a> <span class=\"count\">(ét programpunkt)</span>",
            "<a href=\"velfaerd/index.html\"><span>Velfærd</span></a>",
        ],
    );
    assert_eq!(main.matches("class=\"day-heading\"").count(), 1, "{main}");
    assert!(!main.contains("Øvrige"), "{main}");
    // A theme's own page lists its sessions without the label.
    let theme = read(out.path(), "public/da/aarsmoede/klima/index.html");
    assert!(theme.contains("Seminar om klimatilpasning") && !theme.contains("session-theme"));
}

/// A programme's and a session's `registration`: the link, its deadline in the page's
/// language, and the line the script shows once the deadline has passed.
#[test]
fn registration_is_a_link_with_its_deadline_on_the_first_screen() {
    let root = starter_site();
    let programme = read(root.path(), "content/aarsmoede/_index.da.md").replacen(
        "notice = ",
        "registration = { url = \"https://example.org/tilmelding\", deadline = 2027-03-01, note = \"Gratis for medlemmer.\" }\nnotice = ",
        1,
    );
    write(root.path(), "content/aarsmoede/_index.da.md", &programme);
    let session = read(root.path(), "content/aarsmoede/aabning.sv.md").replacen(
        "room = ",
        "registration = { url = \"mailto:anmalan@example.org\" }\nroom = ",
        1,
    );
    write(root.path(), "content/aarsmoede/aabning.sv.md", &session);
    let out = build(root.path());
    let da = read(out.path(), "public/da/aarsmoede/index.html");
    assert_in_order(
        &da,
        &[
            "<h1>",
            "<div class=\"registration\" data-deadline=\"2027-03-01\">",
            "<a class=\"registration-link\" href=\"https://example.org/tilmelding\">Tilmeld dig</a> <span class=\"registration-deadline\">senest mandag 1. marts 2027</span>",
            "<p class=\"registration-closed\" hidden>Tilmeldingen lukkede mandag 1. marts 2027.</p>",
            "<p class=\"registration-note\">Gratis for medlemmer.</p>",
            "id=\"schedule-heading\"",
        ],
    );
    let sv = read(out.path(), "public/sv/aarsmoede/aabning/index.html");
    assert!(
        sv.contains(
            "<a class=\"registration-link\" href=\"mailto:anmalan@example.org\">Anmäl dig</a></p>"
        ),
        "{sv}"
    );
    assert!(
        !sv.contains("registration-closed"),
        "no deadline, nothing to close: {sv}"
    );
    // Only where it is given.
    assert!(!read(out.path(), "public/da/aarsmoede/aabning/index.html").contains("registration"));
}
