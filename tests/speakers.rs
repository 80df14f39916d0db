//! One person, one page per language, however many programmes, languages and ways of
//! naming them: a speaker page's sessions include those that name the person inline, and
//! inline speakers of one name share one page listing all their sessions.

mod common;

use common::*;

const SEMINAR: &str =
    "content/samverkan-i-offentlig-sektor/styrning-och-samverkan/resursfordelningsmodeller";

fn add_speakers(root: &std::path::Path, lang: &str, speakers: &str) {
    let path = format!("{SEMINAR}.{lang}.md");
    let text = read(root, &path).replacen(
        "format = \"seminar\"",
        &format!("format = \"seminar\"\nspeakers = [{speakers}]"),
        1,
    );
    write(root, &path, &text);
}

#[test]
fn a_speaker_across_programmes_and_languages_has_one_page_per_language() {
    let site = example_copy();
    let root = site.path();
    // In the Swedish conference: Bjarne Corydon, who has a page, given inline by name (in
    // other spacing and case), and Linea Svendsen, given inline in the Danish series too.
    add_speakers(
        root,
        "sv",
        "{ name = \"bjarne  Corydon\", role = \"Chefredaktör\" }, { name = \"Linea Svendsen\", role = \"AI-expert\" }",
    );
    add_speakers(
        root,
        "da",
        "{ name = \"Linea Svendsen\", role = \"AI-ekspert\" }",
    );
    let out = build(root);
    let public = |path: &str| read(out.path(), &format!("public/{path}"));
    let seminar = "samverkan-i-offentlig-sektor/styrning-och-samverkan/resursfordelningsmodeller";

    // Bjarne Corydon's page lists the Swedish seminar besides the Danish session that
    // refers to his page, in each language; his name in the seminar links to the page.
    for lang in ["da", "sv", "nb"] {
        let page = public(&format!("{lang}/speakers/bjarne-corydon/index.html"));
        assert!(
            page.contains("resursfordelningsmodeller/index.html"),
            "{lang}: {page}"
        );
        assert!(page.contains("temperaturen"), "{lang}: {page}");
    }
    let seminar_sv = public(&format!("sv/{seminar}/index.html"));
    assert!(
        seminar_sv.contains("href=\"../../../speakers/bjarne-corydon/index.html\""),
        "{seminar_sv}"
    );

    // Linea Svendsen: one page per language, both programmes' sessions on it.
    for lang in ["da", "sv", "nb"] {
        let page = public(&format!("{lang}/speakers/linea-svendsen/index.html"));
        assert!(page.contains("<h1>Linea Svendsen</h1>"), "{lang}");
        assert!(
            page.contains("resursfordelningsmodeller/index.html"),
            "{lang}: {page}"
        );
        assert!(page.contains("kunstig-intelligens"), "{lang}: {page}");
    }
    assert!(seminar_sv.contains("href=\"../../../speakers/linea-svendsen/index.html\""));

    // The index lists each person once, with a count and a link.
    let index = public("sv/speakers/index.html");
    assert_eq!(index.matches(">Bjarne Corydon</a>").count(), 1, "{index}");
    assert_eq!(index.matches(">Linea Svendsen</a>").count(), 1, "{index}");
    assert!(index.contains("href=\"linea-svendsen/index.html\""));
    assert_eq!(index.matches("bjarne  Corydon").count(), 0);
    assert_eq!(
        index.matches("<li>\n<h2 class=\"speaker-name\">").count(),
        index.matches("class=\"speaker-sessions\"").count()
    );
}

#[test]
fn inline_speakers_are_found_by_search() {
    let site = example_copy();
    let out = build(site.path());
    let index = read(out.path(), "public/da/search/index.js");
    assert!(
        index.contains("{\"k\":\"p\",\"t\":\"Birgitte Vind\",\"f\":"),
        "{index}"
    );
    assert!(
        index.contains(",\"s\":\"birgitte-vind/index.html\"}"),
        "{index}"
    );
    assert!(index.contains("\"da/speakers/\""), "{index}");
}
