//! Themes: Tera templates and static files, with the site's own files taking precedence.
//!
//! The default theme is compiled into the binary as well, so a site made by `samling init`
//! builds without a copy of it; a `themes/default/` folder in the site replaces it.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostic::{Diagnostic, Error, Result};

static BUILT_IN_DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub const THEMES_DIR: &str = "themes";
pub const SITE_TEMPLATES_DIR: &str = "templates";
pub const SITE_STATIC_DIR: &str = "static";

/// A text or binary file with its path relative to its folder.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The templates and static files of the active theme and the site's overrides.
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    /// Template name prefixes in lookup order: the site's first, then the theme's.
    pub template_prefixes: Vec<String>,
    /// Templates named `<prefix><name>`, e.g. `themes/default/templates/base.html`.
    pub templates: Vec<(String, String)>,
    /// Static files, the site's replacing the theme's of the same name; sorted by name.
    pub static_files: Vec<ThemeFile>,
    /// The links among them that were not followed, with their targets.
    pub links_skipped: Vec<(PathBuf, PathBuf)>,
}

impl ThemeFiles {
    pub fn load(root: &Path, theme: &str) -> Result<ThemeFiles> {
        let theme_dir = Path::new(THEMES_DIR).join(theme);
        let theme_prefix = format!("{THEMES_DIR}/{theme}/templates/");
        let site_prefix = format!("{SITE_TEMPLATES_DIR}/");
        let mut links = Vec::new();
        let (theme_templates, theme_static) = if root.join(&theme_dir).is_dir() {
            (
                read_dir(root, &theme_dir.join("templates"), &mut links)?,
                read_dir(root, &theme_dir.join("static"), &mut links)?,
            )
        } else if theme == "default" {
            (built_in("templates"), built_in("static"))
        } else {
            return Err(Error::new(
                Diagnostic::new("config.toml", format!("no theme `{theme}`")).with_hint(format!(
                    "the theme's folder should be {}",
                    theme_dir.display()
                )),
            ));
        };
        let mut templates = Vec::new();
        for (prefix, files) in [
            (
                &site_prefix,
                read_dir(root, Path::new(SITE_TEMPLATES_DIR), &mut links)?,
            ),
            (&theme_prefix, theme_templates),
        ] {
            for file in files {
                let path = format!("{prefix}{}", file.name);
                let text = crate::diagnostic::text_from_bytes(Path::new(&path), file.bytes)?;
                templates.push((path, text));
            }
        }
        let mut static_files = read_dir(root, Path::new(SITE_STATIC_DIR), &mut links)?;
        for file in theme_static {
            if !static_files.iter().any(|f| f.name == file.name) {
                static_files.push(file);
            }
        }
        static_files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(ThemeFiles {
            template_prefixes: vec![site_prefix, theme_prefix],
            templates,
            static_files,
            links_skipped: links,
        })
    }

    pub fn has_static(&self, name: &str) -> bool {
        self.static_facts(name).is_some()
    }

    /// What validation needs to know of static file `name`, if there is one.
    pub fn static_facts(&self, name: &str) -> Option<StaticFacts> {
        let at = (self.static_files)
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()?;
        let bytes = &self.static_files[at].bytes;
        let mut head = [0; 8];
        let n = bytes.len().min(8);
        head[..n].copy_from_slice(&bytes[..n]);
        Some(StaticFacts {
            size: bytes.len() as u64,
            head,
        })
    }
}

/// A static file's size and first bytes: enough to tell a PDF from what only has its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaticFacts {
    pub size: u64,
    pub head: [u8; 8],
}

/// All files below `root/dir`, named by their `/`-separated path inside `dir`. Links are
/// not followed, as in `content/`: they go into `links` with their targets.
fn read_dir(
    root: &Path,
    dir: &Path,
    links: &mut Vec<(PathBuf, PathBuf)>,
) -> Result<Vec<ThemeFile>> {
    let full = root.join(dir);
    // `themes/x` or `static` itself a link.
    let mut ancestors: Vec<&Path> = dir
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .collect();
    ancestors.reverse();
    for at in ancestors {
        if root
            .join(at)
            .symlink_metadata()
            .is_ok_and(|m| m.is_symlink())
        {
            let link = (
                at.to_owned(),
                std::fs::read_link(root.join(at)).unwrap_or_default(),
            );
            if !links.contains(&link) {
                links.push(link);
            }
            return Ok(Vec::new());
        }
    }
    if !full.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&full).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().map_or_else(|| dir.to_owned(), PathBuf::from);
            Error::new(Diagnostic::new(path, format!("cannot read: {e}")))
        })?;
        let hidden = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'));
        let relative = entry.path().strip_prefix(&full).unwrap_or(entry.path());
        // Editors' lock files are hidden links (`.#base.html`): no warning for them.
        if entry.path_is_symlink() && !hidden {
            let target = std::fs::read_link(entry.path()).unwrap_or_default();
            links.push((dir.join(relative), target));
            continue;
        }
        if !entry.file_type().is_file() || hidden {
            continue;
        }
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes =
            std::fs::read(entry.path()).map_err(|e| Error::io(&dir.join(relative), "read", e))?;
        files.push(ThemeFile { name, bytes });
    }
    Ok(files)
}

fn built_in(sub: &str) -> Vec<ThemeFile> {
    let Some(dir) = BUILT_IN_DEFAULT.get_dir(sub) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        stack.extend(dir.dirs());
        for file in dir.files() {
            let name = file
                .path()
                .strip_prefix(sub)
                .unwrap_or(file.path())
                .to_string_lossy()
                .replace('\\', "/");
            files.push(ThemeFile {
                name,
                bytes: file.contents().to_vec(),
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}
