//! The output folder is safe: a build never replaces the site, its sources or a folder it did
//! not write, swaps the new site in whole (also into a symlinked folder or a mount point), and
//! cleans up after builds that were killed.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;
use samling::MARKER;
use samling::Site;

/// `samling ARGS` run in the folder `cwd`.
fn samling(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samling"))
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The build fails, and its message holds every one of `expected`.
fn assert_refused(output: &Output, expected: &[&str]) {
    let err = stderr(output);
    assert!(!output.status.success(), "the build should fail:\n{err}");
    for part in expected {
        assert!(err.contains(part), "the error lacks {part:?}:\n{err}");
    }
}

/// A starter site in `sites/conf` of a new temporary folder, beside a file of the user's.
fn site_among_others() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("sites/conf");
    samling::init(&root).unwrap();
    write(dir.path(), "sites/neighbour.txt", "someone else's notes");
    (dir, root)
}

#[test]
fn an_output_holding_the_site_is_refused() {
    let (dir, root) = site_among_others();
    let before = snapshot(&dir.path().join("sites"));
    let run = samling(&root, &["build", "--output-dir", "../../sites"]);
    assert_refused(
        &run,
        &[
            "would replace the site's own files",
            "holds the site",
            "public/",
        ],
    );
    assert_eq!(snapshot(&dir.path().join("sites")), before);
    // Not with --force either.
    let run = samling(&root, &["build", "--force", "--output-dir", "../../sites"]);
    assert_refused(&run, &["holds the site"]);
    assert_eq!(snapshot(&dir.path().join("sites")), before);
}

#[test]
fn an_output_that_is_the_site_by_another_path_is_refused() {
    let (dir, root) = site_among_others();
    let before = snapshot(&root);
    let run = samling(&root, &["build", "--force", "--output-dir", "../conf"]);
    assert_refused(&run, &["is the site itself", "sites/conf"]);
    assert_eq!(snapshot(&root), before);
    assert!(!dir.path().join("sites/.conf.samling-new-1").exists());
}

#[cfg(unix)]
#[test]
fn a_symlinked_root_is_compared_as_the_site_it_points_to() {
    let (dir, root) = site_among_others();
    let link = dir.path().join("current");
    std::os::unix::fs::symlink(&root, &link).unwrap();
    let before = snapshot(&root);
    let real = root.to_str().unwrap();
    let run = samling(
        dir.path(),
        &[
            "build",
            "--force",
            "--root",
            "current",
            "--output-dir",
            real,
        ],
    );
    assert_refused(&run, &["is the site itself"]);
    let content_out = root.join("content/out");
    let run = samling(
        dir.path(),
        &[
            "build",
            "--force",
            "--root",
            "current",
            "--output-dir",
            content_out.to_str().unwrap(),
        ],
    );
    assert_refused(&run, &["inside the site's content/ folder"]);
    assert_eq!(snapshot(&root), before);
    // Its own public/ is fine, by either path.
    let run = samling(dir.path(), &["build", "--root", "current"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(root.join("public/index.html").is_file());
}

#[test]
fn outputs_among_the_sources_are_refused_by_every_path() {
    let (_dir, root) = site_among_others();
    let site = Site::load(&root).unwrap();
    for (output, folder) in [
        ("static/out", "static/"),
        ("locales", "locales/"),
        ("templates/x/../out", "templates/"),
        ("public/../themes/t", "themes/"),
        ("public/../content", "content/"),
    ] {
        let err = site
            .build_with(&root.join(output), true)
            .expect_err(output)
            .to_string();
        assert!(
            err.contains(&format!("inside the site's {folder} folder")),
            "{output}: {err}"
        );
        assert!(err.contains(output), "the error names the path: {err}");
    }
    assert!(!root.join("static").exists() && !root.join("templates").exists());
}

#[test]
fn a_folder_samling_did_not_write_is_kept_unless_forced() {
    let (dir, root) = site_among_others();
    let docs = dir.path().join("docs");
    write(&docs, "thesis.pdf", "%PDF-1.7 three years of work");
    let run = samling(&root, &["build", "--output-dir", "../../docs"]);
    assert_refused(
        &run,
        &[
            "holds files that samling did not write",
            "docs, such as thesis.pdf",
            "--force",
        ],
    );
    assert_eq!(read(&docs, "thesis.pdf"), "%PDF-1.7 three years of work");

    let run = samling(&root, &["build", "--force", "--output-dir", "../../docs"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!docs.join("thesis.pdf").exists());
    assert!(docs.join("da/index.html").is_file());
    assert!(docs.join(MARKER).is_file());
    // Now it is samling's: the next build needs no --force.
    let run = samling(&root, &["build", "--output-dir", "../../docs"]);
    assert!(run.status.success(), "{}", stderr(&run));
}

#[test]
fn an_empty_or_missing_folder_needs_no_force() {
    let (dir, root) = site_among_others();
    let site = Site::load(&root).unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    site.build(&dir.path().join("empty")).unwrap();
    site.build(&dir.path().join("new/folder")).unwrap();
    assert!(is_samlings(&dir.path().join("empty")));
    assert!(is_samlings(&dir.path().join("new/folder")));
}

fn is_samlings(dir: &Path) -> bool {
    dir.join(MARKER).is_file() && dir.join("index.html").is_file()
}

#[test]
fn a_file_at_the_output_path_is_refused_even_with_force() {
    let (dir, root) = site_among_others();
    write(dir.path(), "public", "not a folder");
    let site = Site::load(&root).unwrap();
    for force in [false, true] {
        let err = site
            .build_with(&dir.path().join("public"), force)
            .unwrap_err()
            .to_string();
        assert!(err.contains("the output folder is a file"), "{err}");
    }
    assert_eq!(read(dir.path(), "public"), "not a folder");
}

#[cfg(unix)]
#[test]
fn an_output_linking_to_the_sources_is_refused_even_with_force() {
    let (dir, root) = site_among_others();
    let out = dir.path().join("www");
    let site = Site::load(&root).unwrap();
    site.build(&out).unwrap();
    std::os::unix::fs::symlink(root.join("config.toml"), out.join("da/config.toml")).unwrap();
    let err = site.build_with(&out, true).unwrap_err().to_string();
    assert!(err.contains("da/config.toml inside it links to"), "{err}");
    assert!(err.contains("remove the link"), "{err}");
    assert!(root.join("config.toml").is_file());
}

#[test]
fn leftovers_of_killed_builds_beside_the_output_are_removed() {
    let (dir, root) = site_among_others();
    let out = dir.path().join("www");
    let site = Site::load(&root).unwrap();
    site.build(&out).unwrap();
    // What a build killed before its swap, or before removing the old site, leaves.
    for leftover in [".www.samling-new-31337", ".www.samling-old-7"] {
        copy_tree(&out, &dir.path().join(leftover));
    }
    site.build(&out).unwrap();
    let mut left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["sites", "www"]);
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_gets_the_site_in_its_target() {
    let (dir, root) = site_among_others();
    let target = dir.path().join("srv/www");
    let link = root.join("public");
    let site = Site::load(&root).unwrap();
    site.build(&target).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    write(&root, "content/om.da.md", "+++\ntitle = \"Om os\"\n+++\n");
    let run = samling(&root, &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(target.join("da/om/index.html").is_file());
    // The swap happened at the target, leaving nothing beside the link.
    let mut beside_link: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    beside_link.sort();
    assert!(beside_link.is_empty(), "{beside_link:?}");
    assert_eq!(
        fs::read_dir(dir.path().join("srv")).unwrap().count(),
        1,
        "nothing left beside the target"
    );
}

#[test]
fn a_build_that_fails_to_write_leaves_the_previous_output_byte_identical() {
    let (dir, root) = site_among_others();
    let out = dir.path().join("www");
    Site::load(&root).unwrap().build(&out).unwrap();
    let before = snapshot(&out);
    // A static file where the pages need a folder: the site renders, its writing fails.
    write(&root, "static/da", "a file named like a language");
    let err = Site::load(&root)
        .and_then(|site| site.build(&out))
        .expect_err("the build should fail")
        .to_string();
    assert!(err.contains("da"), "{err}");
    assert_eq!(snapshot(&out), before);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "sites, www");
}

/// Pages are written as they are rendered: one that fails to render, after others were
/// written, leaves the previous output as it was and no temporary folder.
#[test]
fn a_build_that_fails_to_render_a_page_leaves_the_previous_output_byte_identical() {
    let (dir, root) = site_among_others();
    let out = dir.path().join("www");
    Site::load(&root).unwrap().build(&out).unwrap();
    let before = snapshot(&out);
    write(&root, "content/om.da.md", "+++\ntitle = \"Om\"\n+++\n");
    // `round` of a text fails when the free page is rendered, not when templates load.
    write(
        &root,
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ page.title | round }}{% endblock main %}",
    );
    let err = Site::load(&root)
        .and_then(|site| site.build(&out))
        .expect_err("the build should fail")
        .to_string();
    assert!(err.contains("templates/page.html"), "{err}");
    assert_eq!(snapshot(&out), before);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "sites, www");
}

/// A file system mounted at a folder for one test: unmounted when dropped.
#[cfg(target_os = "linux")]
struct Mount(PathBuf);

#[cfg(target_os = "linux")]
impl Mount {
    /// Mounts with `mount ARGS DIR`, or says why not (not root, no permission in a
    /// container) in one line.
    fn new(args: &[&str], dir: &Path) -> Option<Mount> {
        fs::create_dir_all(dir).unwrap();
        match Command::new("mount").args(args).arg(dir).output() {
            Ok(out) if out.status.success() => Some(Mount(dir.to_owned())),
            Ok(out) => {
                eprintln!(
                    "skipped: cannot mount here ({})",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: cannot run mount ({e})");
                None
            }
        }
    }
}

#[cfg(target_os = "linux")]
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Builds into the mount point `out` twice, the second time a changed site, and checks that
/// the mount holds exactly the new site and nothing of samling's temporary folders.
#[cfg(target_os = "linux")]
fn assert_builds_into_mount(root: &Path, out: &Path, parent: &Path) {
    let site = Site::load(root).unwrap();
    site.build(out).unwrap();
    let first = snapshot(out);
    assert!(first.contains_key("da/index.html") && first.contains_key(MARKER));
    let failed = {
        write(root, "static/da", "a file named like a language");
        Site::load(root).and_then(|site| site.build(out))
    };
    assert!(failed.is_err());
    assert_eq!(snapshot(out), first, "a failed build changed the mount");
    fs::remove_file(root.join("static/da")).unwrap();
    write(root, "content/om.da.md", "+++\ntitle = \"Om os\"\n+++\n");
    write(root, "static/old.txt", "gone next time");
    Site::load(root).unwrap().build(out).unwrap();
    fs::remove_file(root.join("static/old.txt")).unwrap();
    let site = Site::load(root).unwrap();
    site.build(out).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    site.build(&fresh.path().join("public")).unwrap();
    assert_eq!(snapshot(out), snapshot(&fresh.path().join("public")));
    let hidden: Vec<_> = fs::read_dir(out)
        .unwrap()
        .chain(fs::read_dir(parent).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".samling-") && n != MARKER)
        .collect();
    assert!(hidden.is_empty(), "temporary folders left: {hidden:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_that_is_a_mount_point_is_written_into() {
    let (dir, root) = site_among_others();
    let out = dir.path().join("www/html");
    let Some(_mount) = Mount::new(&["-t", "tmpfs", "none"], &out) else {
        return;
    };
    // A leftover of a build killed inside the mount.
    fs::create_dir(out.join(".samling-new-4711")).unwrap();
    assert_builds_into_mount(&root, &out, &dir.path().join("www"));
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_that_is_a_bind_mount_on_the_same_device_is_written_into() {
    let (dir, root) = site_among_others();
    let source = dir.path().join("volume");
    fs::create_dir(&source).unwrap();
    let out = dir.path().join("www/html");
    let Some(_mount) = Mount::new(&["--bind", source.to_str().unwrap()], &out) else {
        return;
    };
    assert_builds_into_mount(&root, &out, &dir.path().join("www"));
}

/// A build writes each file as it is made, the site in memory (`Site::render`, what `serve`
/// serves) is joined at the end: both the same files, by the same rule where a static file
/// has a page's or an export's path (the page, then the export, wins; the site's own
/// `robots.txt` wins over the one samling writes).
#[test]
fn the_written_output_is_the_site_rendered_in_memory() {
    let site_dir = example_copy();
    let root = site_dir.path();
    write(
        root,
        "static/da/index.html",
        "a static file at the Danish home's path",
    );
    write(
        root,
        "static/da/feed.xml",
        "a static file at the Danish feed's path",
    );
    write(root, "static/robots.txt", "User-agent: *\nDisallow: /\n");
    let out = tempfile::tempdir().unwrap();
    let site = Site::load_with(root, Some("https://example.org/")).unwrap();
    site.build(&out.path().join("public")).unwrap();
    let mut written = snapshot(&out.path().join("public"));
    assert!(written.remove(MARKER).is_some());
    let rendered: std::collections::BTreeMap<String, Vec<u8>> = (site.render().unwrap())
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        rendered.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &written {
        assert!(bytes == &rendered[path], "{path} differs");
    }
    let text = |path: &str| String::from_utf8_lossy(&written[path]).into_owned();
    assert!(text("da/index.html").starts_with("<!DOCTYPE html>"));
    assert!(
        text("da/feed.xml").starts_with("<?xml"),
        "{}",
        text("da/feed.xml")
    );
    assert_eq!(text("robots.txt"), "User-agent: *\nDisallow: /\n");
    assert!(written.contains_key("sitemap.xml") && written.contains_key("da/search/index.js"));
}
