//! What a set of changed paths means to a site: which pages, locales, templates and static
//! files changed, so that `serve` reloads and re-renders only what they touch.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::load::{CONTENT_DIR, INDEX_STEM, split_name};
use crate::locale::LOCALES_DIR;
use crate::theme::{SITE_STATIC_DIR, SITE_TEMPLATES_DIR, THEMES_DIR};

/// Content keys that changed: pages (`programme/session`) and folders, every page below
/// which may have changed (a folder moved in or out).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangedKeys {
    pub keys: BTreeSet<String>,
    pub folders: BTreeSet<String>,
}

impl ChangedKeys {
    /// Whether the page with content key `key` may have changed.
    pub fn matches(&self, key: &str) -> bool {
        self.keys.contains(key)
            || self.folders.iter().any(|folder| {
                folder.is_empty()
                    || key == folder
                    || key
                        .strip_prefix(folder.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            })
    }

    /// A path inside `content/`: a page's key, or a folder whose pages all changed.
    fn insert(&mut self, inner: &[&str]) {
        let Some((name, dirs)) = inner.split_last() else {
            self.folders.insert(String::new());
            return;
        };
        match split_name(name) {
            Some((stem, _)) => {
                let mut key: Vec<&str> = dirs.to_vec();
                if stem != INDEX_STEM {
                    key.push(stem);
                }
                self.keys.insert(key.join("/"));
            }
            // Not a page: a folder moved or deleted (or some other file, which costs nothing).
            None => {
                self.folders.insert(inner.join("/"));
            }
        }
    }
}

/// The sources of a site that changed since it was loaded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SiteChanges {
    /// `config.toml`, or anything whose reach is unclear: load and render everything.
    pub everything: bool,
    /// Paths inside `content/`, relative to the site root, to read again.
    pub content_paths: BTreeSet<PathBuf>,
    pub content: ChangedKeys,
    /// Languages whose `locales/<lang>.ftl` changed.
    pub locales: BTreeSet<String>,
    /// Short names (`session.html`) of templates of the site or the active theme.
    pub templates: BTreeSet<String>,
    /// Static files of the site or the theme, by name inside `static/`.
    pub statics: BTreeSet<String>,
}

impl SiteChanges {
    /// Sorts `paths` (relative to the site root) by what they are to a site whose theme is
    /// `theme`. Paths that mean nothing to the site (editor files, other folders) are left out.
    pub fn classify<'p>(theme: &str, paths: impl IntoIterator<Item = &'p Path>) -> SiteChanges {
        let mut changes = SiteChanges::default();
        for path in paths {
            let parts: Vec<&str> = path
                .components()
                .filter_map(|c| match c {
                    Component::Normal(name) => name.to_str(),
                    _ => None,
                })
                .collect();
            if parts.last().is_some_and(|name| is_editor_file(name)) {
                continue;
            }
            match parts.as_slice() {
                [CONFIG_FILE] => changes.everything = true,
                [CONTENT_DIR, inner @ ..] => {
                    changes.content.insert(inner);
                    changes.content_paths.insert(path.to_owned());
                }
                [LOCALES_DIR, file] => {
                    if let Some(lang) = file.strip_suffix(".ftl") {
                        changes.locales.insert(lang.to_owned());
                    }
                }
                // The whole folder appeared or vanished.
                [LOCALES_DIR] | [THEMES_DIR] => changes.everything = true,
                [SITE_TEMPLATES_DIR, inner @ ..] => {
                    changes.templates.insert(inner.join("/"));
                }
                [SITE_STATIC_DIR, inner @ ..] => {
                    changes.statics.insert(inner.join("/"));
                }
                [THEMES_DIR, name, rest @ ..] if *name == theme => match rest {
                    ["templates", inner @ ..] => {
                        changes.templates.insert(inner.join("/"));
                    }
                    ["static", inner @ ..] => {
                        changes.statics.insert(inner.join("/"));
                    }
                    _ => changes.everything = true,
                },
                _ => {}
            }
        }
        // A templates folder as a whole: no name says which pages use what was in it.
        if changes.templates.remove("") {
            changes.everything = true;
        }
        changes
    }

    /// Adds `other`, as when a rebuild failed and its changes are still to be built.
    pub fn merge(&mut self, other: SiteChanges) {
        self.everything |= other.everything;
        self.content_paths.extend(other.content_paths);
        self.content.keys.extend(other.content.keys);
        self.content.folders.extend(other.content.folders);
        self.locales.extend(other.locales);
        self.templates.extend(other.templates);
        self.statics.extend(other.statics);
    }

    pub fn is_empty(&self) -> bool {
        *self == SiteChanges::default()
    }

    /// Whether templates or static files of the site or theme changed.
    pub fn theme_changed(&self) -> bool {
        !self.templates.is_empty() || !self.statics.is_empty()
    }
}

/// Files that editors write beside the one being saved (swap, backup, lock files).
fn is_editor_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(paths: &[&str]) -> SiteChanges {
        SiteChanges::classify("default", paths.iter().map(Path::new))
    }

    #[test]
    fn content_files_and_folders_become_keys() {
        let c = classify(&[
            "content/konf/seminar.da.md",
            "content/konf/_index.sv.md",
            "content/arkiv",
            "content/.hidden.da.md.swp",
        ]);
        assert_eq!(
            c.content.keys,
            BTreeSet::from(["konf/seminar".to_owned(), "konf".to_owned()])
        );
        assert_eq!(c.content.folders, BTreeSet::from(["arkiv".to_owned()]));
        assert_eq!(c.content_paths.len(), 3);
        assert!(c.content.matches("arkiv/x"));
        assert!(!c.content.matches("arkivet"));
        assert!(!c.everything);
    }

    #[test]
    fn config_locales_templates_and_statics() {
        assert!(classify(&["config.toml"]).everything);
        let c = classify(&[
            "locales/sv.ftl",
            "templates/session.html",
            "themes/default/templates/base.html",
            "themes/other/templates/base.html",
            "static/img/logo.png",
            "themes/default/static/samling.css",
            "public/da/index.html",
            "content/x.da.md~",
        ]);
        assert_eq!(c.locales, BTreeSet::from(["sv".to_owned()]));
        assert_eq!(
            c.templates,
            BTreeSet::from(["session.html".to_owned(), "base.html".to_owned()])
        );
        assert_eq!(
            c.statics,
            BTreeSet::from(["img/logo.png".to_owned(), "samling.css".to_owned()])
        );
        assert!(c.content_paths.is_empty() && !c.everything);
        assert!(classify(&["templates"]).everything);
        assert!(classify(&["themes/default"]).everything);
        assert!(classify(&["locales"]).everything);
    }
}
