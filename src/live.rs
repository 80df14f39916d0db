//! The pipeline `serve` runs after every save: the same load → model → validate → render as
//! `build`, kept in memory, reading again only the files that changed, re-rendering only
//! the pages they touch, and keeping the last good output whenever a rebuild fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::changes::SiteChanges;
use crate::diagnostic::Result;
use crate::load::Sources;
use crate::render::{PageUpdate, plan_update};
use crate::site::Site;

/// The output of a site by path, shared cheaply between rebuilds and the server.
pub type Output = BTreeMap<Arc<str>, Arc<[u8]>>;

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct Rebuild {
    /// Pages rendered.
    pub rendered: usize,
    /// Output files added, changed or removed, by path (`da/index.html`, `samling.css`).
    pub changed: Vec<String>,
    /// Of `changed`, those already handed to the `early` callback of
    /// [`LiveSite::rebuild_with`].
    pub early: Vec<String>,
    pub elapsed: Duration,
}

/// Called with the output and the files changed so far, when the changed pages themselves
/// are rendered and the pages that list them are not yet.
pub type Early<'a> = &'a mut dyn FnMut(&Output, &[String]);

/// A site kept in memory between changes: the content as it is on disk now, the last good
/// [`Site`] and its output.
pub struct LiveSite {
    root: PathBuf,
    base_url: Option<String>,
    /// Updated at every change, whether the rebuild succeeds or not.
    sources: Sources,
    site: Option<Site>,
    files: Output,
    /// Which of `files` are exports ([`Site::exports`]): an edit may remove some.
    exports: BTreeSet<Arc<str>>,
    /// Changes since the last good build: a failed rebuild's changes are built with the next.
    pending: SiteChanges,
}

impl LiveSite {
    /// A site at `root` that has not been built yet; `base_url` replaces the configuration's.
    pub fn new(root: &Path, base_url: Option<String>) -> LiveSite {
        LiveSite {
            root: root.to_owned(),
            base_url,
            sources: Sources::default(),
            site: None,
            files: Output::new(),
            exports: BTreeSet::new(),
            pending: SiteChanges::default(),
        }
    }

    /// The output of the last good build, by path.
    pub fn files(&self) -> &Output {
        &self.files
    }

    /// The last good site, once a build has succeeded.
    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    /// What `paths` (relative to the site root) mean to this site.
    pub fn classify(&self, paths: &[PathBuf]) -> SiteChanges {
        let theme = self.site.as_ref().map_or("", |s| s.config.theme.as_str());
        let mut changes = SiteChanges::classify(theme, paths.iter().map(PathBuf::as_path));
        // Until a build succeeds there is nothing to reuse.
        changes.everything |= self.site.is_none();
        changes
    }

    /// Builds the site after `changes`. On error the last good site and output stay, and
    /// the changes are kept for the next rebuild.
    pub fn rebuild(&mut self, changes: SiteChanges) -> Result<Rebuild> {
        self.rebuild_with(changes, &mut |_, _| {})
    }

    /// As [`LiveSite::rebuild`]; when only some pages are rendered again, `early` gets the
    /// output as soon as the changed pages themselves are, before the listings that show
    /// them (at 10,000 sessions a programme page takes far longer than a session's).
    pub fn rebuild_with(&mut self, changes: SiteChanges, early: Early) -> Result<Rebuild> {
        let start = Instant::now();
        // The content as it is now, whatever becomes of this build.
        if let Some(old) = &self.site
            && !changes.everything
        {
            self.sources
                .update(&self.root, &old.config, &changes.content_paths);
        }
        self.pending.merge(changes);
        let (site, plan) = match &self.site {
            Some(old) if !self.pending.everything => {
                let site = old.reload(&self.sources, &self.pending)?;
                let plan = plan_update(&old.renderer(), &site.renderer(), &self.pending);
                (site, plan)
            }
            _ => {
                let config = Site::config(&self.root, self.base_url.as_deref())?;
                self.sources = Sources::load(&self.root, &config);
                (Site::from_sources(&self.root, config, &self.sources)?, None)
            }
        };
        site.keep_between_rebuilds();
        let mut announced = Vec::new();
        let (files, rendered, changed, exports) = match plan {
            Some(plan) => self.update(&site, &plan, &mut |files, changed| {
                announced = changed.to_vec();
                early(files, changed);
            })?,
            None => {
                let exports = site.exports();
                let export_paths = exports
                    .iter()
                    .flatten()
                    .map(|f| Arc::from(f.path.as_str()))
                    .collect();
                let files: Output = site
                    .render_with(exports)?
                    .into_iter()
                    .map(|f| (Arc::from(f.path), Arc::from(f.bytes)))
                    .collect();
                let rendered = files.keys().filter(|p| p.ends_with(".html")).count();
                let changed = changed_files(&self.files, &files);
                (files, rendered, changed, export_paths)
            }
        };
        self.files = files;
        self.exports = exports;
        self.site = Some(site);
        self.pending = SiteChanges::default();
        Ok(Rebuild {
            rendered,
            changed,
            early: announced,
            elapsed: start.elapsed(),
        })
    }

    /// The last output with the pages of `plan` rendered again and the other files of
    /// `site`; the same, file for file, as [`Site::render`] of `site` (pages win over static
    /// files of the same name, and static files over the sitemap).
    fn update(&self, site: &Site, plan: &PageUpdate, early: Early) -> Result<Updated> {
        let mut files = self.files.clone();
        let mut changed = Vec::new();
        for path in &plan.removed {
            files.remove(path.as_str());
            changed.push(path.clone());
        }
        let insert = |files: &mut Output, changed: &mut Vec<String>, only| -> Result<usize> {
            let pages = site.render_pages(Some(only))?;
            let count = pages.len();
            for page in pages {
                let bytes: Arc<[u8]> = Arc::from(page.bytes);
                if files.get(page.path.as_str()) != Some(&bytes) {
                    changed.push(page.path.clone());
                    files.insert(Arc::from(page.path), bytes);
                }
            }
            Ok(count)
        };
        let mut rendered = 0;
        let rest: BTreeSet<String> = if plan.own.is_empty() || plan.own.len() == plan.render.len() {
            plan.render.clone()
        } else {
            rendered += insert(&mut files, &mut changed, &plan.own)?;
            early(&files, &changed);
            plan.render.difference(&plan.own).cloned().collect()
        };
        rendered += insert(&mut files, &mut changed, &rest)?;
        // Exports come from the content and the strings: kept after other edits; after
        // edits of sessions alone, those of the sessions, their programmes and speakers
        // (and the feeds) are made again; after any other, all (see the README for costs).
        let pending = &self.pending;
        let content_changed = pending.everything
            || !pending.content_paths.is_empty()
            || !pending.content.keys.is_empty()
            || !pending.content.folders.is_empty()
            || !pending.locales.is_empty();
        let scope = match &self.site {
            Some(old) if pending.content.folders.is_empty() && pending.locales.is_empty() => {
                site.exporter().scope_of(&old.model, &pending.content.keys)
            }
            _ => None,
        };
        let mut exports = self.exports.clone();
        let mut others = Vec::new();
        if content_changed {
            let (new, replaced) = match &scope {
                Some(scope) => (
                    site.exporter().files_in(Some(scope))?,
                    site.exporter().paths_of(scope),
                ),
                None => (site.exports()?, BTreeSet::new()),
            };
            let made: BTreeSet<Arc<str>> = new.iter().map(|f| Arc::from(f.path.as_str())).collect();
            let gone: Vec<Arc<str>> = match &scope {
                Some(_) => exports
                    .iter()
                    .filter(|p| replaced.contains(&***p) && !made.contains(*p))
                    .cloned()
                    .collect(),
                None => exports.difference(&made).cloned().collect(),
            };
            for path in gone {
                exports.remove(&path);
                if files.remove(&path).is_some() {
                    changed.push(path.to_string());
                }
            }
            exports.extend(made);
            others = new;
        }
        let renderer = site.renderer();
        let mut seen: BTreeSet<String> = exports.iter().map(|p| p.to_string()).collect();
        for file in others {
            // Pages win over exports, as in [`Site::render`].
            if renderer.is_page(&file.path) {
                continue;
            }
            let bytes: Arc<[u8]> = Arc::from(file.bytes);
            if files.get(file.path.as_str()) != Some(&bytes) {
                changed.push(file.path.clone());
                files.insert(Arc::from(file.path), bytes);
            }
        }
        let mut others = site.other_files();
        if plan.pages_changed {
            others.push(site.sitemap());
        }
        for file in others {
            // The first of a name wins, and never over a page.
            if !seen.insert(file.path.clone()) || renderer.is_page(&file.path) {
                continue;
            }
            let bytes: Arc<[u8]> = Arc::from(file.bytes);
            if files.get(file.path.as_str()) != Some(&bytes) {
                changed.push(file.path.clone());
                files.insert(Arc::from(file.path), bytes);
            }
        }
        changed.sort();
        changed.dedup();
        Ok((files, rendered, changed, exports))
    }
}

/// The output after an update, the pages rendered, the files changed, the exports' paths.
type Updated = (Output, usize, Vec<String>, BTreeSet<Arc<str>>);

/// Paths whose bytes differ between `old` and `new`, or that are in one only.
fn changed_files(old: &Output, new: &Output) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(path, bytes)| old.get(*path) != Some(bytes))
        .map(|(path, _)| path.to_string())
        .collect();
    changed.extend(
        old.keys()
            .filter(|path| !new.contains_key(*path))
            .map(|p| p.to_string()),
    );
    changed.sort();
    changed
}
