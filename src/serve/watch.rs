//! Watching the site's sources: the root (for `config.toml` and source folders that appear
//! or vanish) and each source folder, recursively. Never the whole root, which may hold an
//! output folder or a `target/` of thousands of folders.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::load::CONTENT_DIR;
use crate::locale::LOCALES_DIR;
use crate::theme::{SITE_STATIC_DIR, SITE_TEMPLATES_DIR, THEMES_DIR};

/// Short enough to feel instant, long enough to see an editor's save as one change.
const DEBOUNCE: Duration = Duration::from_millis(50);
const SOURCE_DIRS: [&str; 5] = [
    CONTENT_DIR,
    LOCALES_DIR,
    SITE_TEMPLATES_DIR,
    SITE_STATIC_DIR,
    THEMES_DIR,
];

pub struct SourceWatcher {
    root: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    /// Source folders with a watch of their own.
    watched: Vec<PathBuf>,
}

impl SourceWatcher {
    /// Calls `changed` with the paths of every debounced batch of changes, relative to `root`.
    pub fn start(
        root: &Path,
        changed: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> notify::Result<SourceWatcher> {
        // Watches and events use the absolute path; the site's root may be given as `.`.
        let root = root.canonicalize()?;
        let base = root.clone();
        let debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let Ok(events) = result else {
                return;
            };
            let mut paths: Vec<PathBuf> = events
                .iter()
                // Reading the sources during a build must not trigger another build.
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths.iter())
                .filter_map(|p| p.strip_prefix(&base).ok().map(Path::to_owned))
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                changed(paths);
            }
        })?;
        let mut watcher = SourceWatcher {
            root: root.clone(),
            debouncer,
            watched: Vec::new(),
        };
        watcher
            .debouncer
            .watch(&root, RecursiveMode::NonRecursive)?;
        watcher.refresh()?;
        Ok(watcher)
    }

    /// Watches source folders that have appeared since the last call (a folder moved in),
    /// and again those that `changed` names themselves (replaced by another folder).
    /// Called after every batch of changes.
    pub fn refresh_after(&mut self, changed: &[PathBuf]) -> notify::Result<()> {
        let replaced = |dir: &PathBuf| changed.iter().any(|c| self.root.join(c) == *dir);
        let (stale, kept): (Vec<PathBuf>, Vec<PathBuf>) = std::mem::take(&mut self.watched)
            .into_iter()
            .partition(|dir| !dir.is_dir() || replaced(dir));
        for dir in stale {
            // The watch may already be gone with its folder.
            let _ = self.debouncer.unwatch(&dir);
        }
        self.watched = kept;
        self.refresh()
    }

    fn refresh(&mut self) -> notify::Result<()> {
        for name in SOURCE_DIRS {
            let dir = self.root.join(name);
            if dir.is_dir() && !self.watched.contains(&dir) {
                self.debouncer.watch(&dir, RecursiveMode::Recursive)?;
                self.watched.push(dir);
            }
        }
        Ok(())
    }
}
