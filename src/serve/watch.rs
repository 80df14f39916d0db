//! Watching the site's sources: the root (for `config.toml` and source folders that appear
//! or vanish) and each source folder, recursively. Never the whole root, which may hold an
//! output folder or a `target/` of thousands of folders.
//!
//! Links are never followed, as `build` does not follow them: every real folder gets a
//! watch of its own (notify's recursive watch follows links: `static/usr -> /usr` took
//! 17,098 watches), and an event whose path goes through a link is dropped (a save seen
//! through `content/current -> x` loaded the page twice).

use std::collections::BTreeSet;
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
    /// The folders watched, each on its own (absolute).
    watched: BTreeSet<PathBuf>,
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
                .filter(|p| through_link(&base, p).is_none())
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
            watched: BTreeSet::new(),
        };
        watcher
            .debouncer
            .watch(&root, RecursiveMode::NonRecursive)?;
        watcher.refresh()?;
        Ok(watcher)
    }

    /// Watches the folders that `changed` names (appeared, moved in or replaced) and the
    /// real folders below them, and stops watching those that are gone or are links now.
    /// Called after every batch of changes.
    pub fn refresh_after(&mut self, changed: &[PathBuf]) -> notify::Result<()> {
        for path in changed {
            let dir = self.root.join(path);
            let below: Vec<PathBuf> = self
                .watched
                .range(dir.clone()..)
                .take_while(|d| d.starts_with(&dir))
                .filter(|d| !is_real_dir(d))
                .cloned()
                .collect();
            for gone in below {
                // The watch may already be gone with its folder.
                let _ = self.debouncer.unwatch(&gone);
                self.watched.remove(&gone);
            }
        }
        for path in changed {
            let in_sources = path
                .components()
                .next()
                .is_some_and(|c| SOURCE_DIRS.iter().any(|d| c.as_os_str() == *d));
            if in_sources && through_link(&self.root, path).is_none() {
                // Again when watched already: a folder replaced by another is a new one.
                self.watch_below(&self.root.join(path), true)?;
            }
        }
        Ok(())
    }

    fn refresh(&mut self) -> notify::Result<()> {
        for name in SOURCE_DIRS {
            let dir = self.root.join(name);
            self.watch_below(&dir, false)?;
        }
        Ok(())
    }

    /// Watches `dir` and every real folder below it, not through links; `again` also
    /// those already watched.
    fn watch_below(&mut self, dir: &Path, again: bool) -> notify::Result<()> {
        for folder in folders_to_watch(dir) {
            if again || !self.watched.contains(&folder) {
                self.debouncer.watch(&folder, RecursiveMode::NonRecursive)?;
                self.watched.insert(folder);
            }
        }
        Ok(())
    }
}

/// `dir` and the folders below it, if it is a folder: never a link, nor anything below one.
pub fn folders_to_watch(dir: &Path) -> Vec<PathBuf> {
    if !is_real_dir(dir) {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .follow_root_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

fn is_real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// The first link on the way from `root` to `path` (relative to it), `path` itself not
/// counted: a change to a link is one to the site, one behind it is not.
pub fn through_link(root: &Path, path: &Path) -> Option<PathBuf> {
    let mut at = root.to_owned();
    let parts: Vec<_> = path.components().collect();
    for part in parts.iter().take(parts.len().saturating_sub(1)) {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(at);
        }
    }
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_are_not_watched_nor_their_events_kept() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(outside.path().join("lib/deep")).unwrap();
        let root = site.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("static/css")).unwrap();
        std::fs::create_dir_all(root.join("content/theme")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("static/usr")).unwrap();
        std::os::unix::fs::symlink("theme", root.join("content/current")).unwrap();

        let watcher = SourceWatcher::start(&root, |_| {}).unwrap();
        let watched: Vec<&PathBuf> = watcher.watched.iter().collect();
        assert_eq!(
            watched,
            [
                &root.join("content"),
                &root.join("content/theme"),
                &root.join("static"),
                &root.join("static/css"),
            ]
        );
        assert!(folders_to_watch(&root.join("static/usr")).is_empty());

        let link = through_link(&root, Path::new("content/current/x.da.md"));
        assert_eq!(link, Some(root.join("content/current")));
        assert_eq!(through_link(&root, Path::new("content/current")), None);
        assert_eq!(
            through_link(&root, Path::new("content/theme/x.da.md")),
            None
        );
    }
}
