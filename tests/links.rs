//! Links in a site's folders are not followed by `check`, `build` or `serve`: each is
//! skipped with a warning that names it and its target.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;

use common::*;
use samling::check::{CheckOptions, check};

/// The warnings of `check` about links, as `path: message`.
fn link_warnings(root: &std::path::Path) -> Vec<String> {
    let options = CheckOptions {
        base_url: None,
        today: jiff::civil::date(2026, 11, 23),
    };
    check(root, &options)
        .all()
        .filter(|d| d.message.contains("does not follow links"))
        .inspect(|d| assert!(!d.is_error(), "{}", d.message))
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect()
}

#[test]
fn linked_folders_and_files_are_skipped_with_a_warning() {
    let site = example_copy();
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "hemmelig.da.md",
        "+++\ntitle = \"Udkast fra et andet sted\"\n+++\nUdkast.\n",
    );
    symlink("fremtidens-offentlige-sektor", root.join("content/current")).unwrap();
    symlink(outside.path(), root.join("content/extra")).unwrap();
    symlink(
        outside.path().join("hemmelig.da.md"),
        root.join("content/hemmelig.da.md"),
    )
    .unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    symlink("/usr", root.join("static/usr")).unwrap();

    let found = link_warnings(root);
    let outside = outside.path().display();
    assert_eq!(
        found,
        [
            "content/current: skipped: a link to fremtidens-offentlige-sektor, and samling does not follow links".to_owned(),
            format!("content/extra: skipped: a link to {outside}, and samling does not follow links"),
            format!("content/hemmelig.da.md: skipped: a link to {outside}/hemmelig.da.md, and samling does not follow links"),
            "static/usr: skipped: a link to /usr, and samling does not follow links".to_owned(),
        ]
    );

    // `build` publishes none of it, and says so.
    let out = tempfile::tempdir().unwrap();
    let options = samling::BuildOptions {
        root: root.to_owned(),
        output_dir: Some(out.path().join("public")),
        ..Default::default()
    };
    let (report, output) = samling::build(&options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.links_skipped.len(), 4, "{:?}", report.links_skipped);
    let built = snapshot(&output);
    assert!(built.keys().all(|p| !p.starts_with("da/current/")
        && !p.starts_with("da/extra/")
        && !p.starts_with("usr/")));
    assert!(
        built
            .values()
            .all(|b| !String::from_utf8_lossy(b).contains("Udkast fra et andet sted"))
    );
}
