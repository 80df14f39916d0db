//! The pipeline `serve` runs after every save: the same load → model → validate → render as
//! `build`, kept in memory, reading again only the files that changed, re-rendering only
//! the pages they touch, and keeping the last good output whenever a rebuild fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::changes::SiteChanges;
use crate::diagnostic::Result;
use crate::site::Site;

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct Rebuild {
    /// Pages rendered.
    pub rendered: usize,
    /// Output files added, changed or removed, by path (`da/index.html`, `samling.css`).
    pub changed: Vec<String>,
    pub elapsed: Duration,
}

/// A site kept in memory between changes: the last good [`Site`] and its output.
pub struct LiveSite {
    root: PathBuf,
    base_url: Option<String>,
    site: Option<Site>,
    files: BTreeMap<String, Arc<[u8]>>,
    /// Changes since the last good build: a failed rebuild's changes are built with the next.
    pending: SiteChanges,
}

impl LiveSite {
    /// A site at `root` that has not been built yet; `base_url` replaces the configuration's.
    pub fn new(root: &Path, base_url: Option<String>) -> LiveSite {
        LiveSite {
            root: root.to_owned(),
            base_url,
            site: None,
            files: BTreeMap::new(),
            pending: SiteChanges::default(),
        }
    }

    /// The output of the last good build, by path.
    pub fn files(&self) -> &BTreeMap<String, Arc<[u8]>> {
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
        let start = Instant::now();
        self.pending.merge(changes);
        let changes = &self.pending;
        let (site, pages) = match &self.site {
            Some(old) if !changes.everything => {
                let site = old.reload(changes)?;
                let pages = pages_to_render(old, &site, changes);
                (site, pages)
            }
            _ => (Site::load_with(&self.root, self.base_url.as_deref())?, None),
        };
        let rendered = site.render_pages(pages.as_ref())?;
        let rendered_count = rendered.len();

        // Pages first, then the other files, then the sitemap: the first of a name wins,
        // as in `Site::render`.
        let page_files = site.renderer().page_files();
        let mut files: BTreeMap<String, Arc<[u8]>> = BTreeMap::new();
        for page in rendered {
            files.insert(page.path, Arc::from(page.bytes));
        }
        if pages.is_some() {
            for path in &page_files {
                if !files.contains_key(path)
                    && let Some(bytes) = self.files.get(path)
                {
                    files.insert(path.clone(), Arc::clone(bytes));
                }
            }
        }
        for file in site.other_files() {
            files
                .entry(file.path)
                .or_insert_with(|| Arc::from(file.bytes));
        }
        let same_pages = pages.is_some()
            && self.site.as_ref().is_some_and(|old| {
                // The sitemap lists pages only: unchanged while the set of pages is.
                old.renderer().page_files() == page_files
            });
        let sitemap = match (same_pages, self.files.get("sitemap.xml")) {
            (true, Some(bytes)) => Arc::clone(bytes),
            _ => Arc::from(site.sitemap().bytes),
        };
        files.entry("sitemap.xml".into()).or_insert(sitemap);

        let mut changed: Vec<String> = files
            .iter()
            .filter(|(path, bytes)| self.files.get(*path) != Some(bytes))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(
            self.files
                .keys()
                .filter(|path| !files.contains_key(*path))
                .cloned(),
        );
        changed.sort();
        self.files = files;
        self.site = Some(site);
        self.pending = SiteChanges::default();
        Ok(Rebuild {
            rendered: rendered_count,
            changed,
            elapsed: start.elapsed(),
        })
    }
}

/// The pages of `new` to render after `changes` to `old`; `None` for all of them.
fn pages_to_render(old: &Site, new: &Site, changes: &SiteChanges) -> Option<BTreeSet<String>> {
    let (before, after) = (old.renderer(), new.renderer());
    // Every page's navigation lists the free pages and, if there are speakers, their index.
    if before.navigation() != after.navigation() {
        return None;
    }
    let mut pages = before.files_showing(&changes.content);
    pages.extend(after.files_showing(&changes.content));
    pages.extend(before.files_using(&changes.templates));
    pages.extend(after.files_using(&changes.templates));
    pages.extend(after.files_in(&changes.locales));
    // Pages that did not exist before: new translations, new sessions.
    let known = before.page_files();
    pages.extend(
        after
            .page_files()
            .into_iter()
            .filter(|p| !known.contains(p)),
    );
    Some(pages)
}
