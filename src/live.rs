//! The pipeline `serve` runs after every save: the same load → model → validate → render as
//! `build`, kept in memory, reading again only the files that changed, re-rendering only
//! the pages they touch, and keeping the last good output whenever a rebuild fails.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use std::sync::Mutex;

use rayon::prelude::*;

use crate::changes::SiteChanges;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Result};
use crate::export::{ExportJob, Job, JobFiles};
use crate::load::Sources;
use crate::model::{Fingerprints, Model, changed_between, collection_of};
use crate::reads::{Collection, History, IdentitySet, Readers};
use crate::site::{Origin, PageReads, SITEMAP_FILE, Site, Validator};
use crate::theme::StaticFacts;
use crate::validate::{Check, Validation};
use crate::write::OutputFile;

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

/// Called with the changes to the last output so far, when the changed pages themselves
/// are rendered and the pages that list them are not yet.
pub type Early<'a> = &'a mut dyn FnMut(&Changes);

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
    /// What each export job ([`crate::export::Job`]) read of the model when it last ran,
    /// and the files it made then.
    export_reads: Readers<ExportKey>,
    export_files: JobPaths,
    /// The last good site's export jobs.
    export_jobs: ExportJobs,
    /// Which of `files` are static files or the sitemap: a static file deleted goes.
    others: BTreeSet<Arc<str>>,
    /// Changes since the last good build: a failed rebuild's changes are built with the next.
    pending: SiteChanges,
    /// What each page of `files` read of the model when it was last rendered
    /// ([`crate::reads`]): after an edit, the pages to render again are those that read
    /// something whose fingerprint changed.
    reads: Readers<Arc<str>>,
    /// The fingerprints of the last good site's model ([`crate::model::Model::fingerprints`]).
    fingerprints: Arc<Fingerprints>,
    /// The problems of the last model validated, good or not, check by check.
    validated: Validated,
    /// The last good site's page list.
    routes: Routes,
    /// When each identity last changed, rebuild by rebuild: what the parts the stages keep
    /// ([`crate::reads::Memo`]) are checked against.
    history: Arc<History>,
    /// What changed in rebuilds that failed while rendering, whose parts may be kept: it
    /// counts as changed again in the next rebuild, whose model may differ from that one
    /// where it equals the last good one.
    unsettled: IdentitySet,
}

/// What a rebuild after a change must do to the previous output.
#[derive(Debug, Default)]
struct PageUpdate {
    /// Pages of the new site to render.
    render: BTreeSet<String>,
    /// Pages the new site no longer has.
    removed: BTreeSet<String>,
    /// Whether pages were added or removed (the sitemap lists them all).
    pages_changed: bool,
    /// Of `render`, the pages the organiser is likely looking at while editing, which
    /// `serve` shows before the rest: those of the changed entries themselves, and those
    /// open in browsers.
    first: BTreeSet<String>,
    /// The page list, when it was made again.
    routes: Option<Routes>,
    /// The identities whose fingerprints changed since the last good build.
    changed: IdentitySet,
}

/// The site's pages as last listed ([`crate::render::Renderer::page_files`]), with what
/// listing them read of the model.
#[derive(Debug, Default)]
struct Routes {
    /// Each page's file, with the content key of the entry it is the page of.
    pages: HashMap<Arc<str>, Option<Arc<str>>>,
    reads: Vec<u64>,
}

impl Routes {
    fn of(site: &Site) -> Routes {
        let (files, reads) = crate::reads::recorded(|| site.renderer().page_files());
        let pages = (files.into_iter())
            .map(|(file, key)| (Arc::from(file), key.map(Arc::from)))
            .collect();
        Routes { pages, reads }
    }
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
            export_reads: Readers::default(),
            export_files: HashMap::new(),
            export_jobs: ExportJobs::default(),
            others: BTreeSet::new(),
            pending: SiteChanges::default(),
            reads: Readers::default(),
            fingerprints: Arc::default(),
            validated: Validated::default(),
            routes: Routes::default(),
            history: Arc::default(),
            unsettled: IdentitySet::default(),
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
        self.rebuild_with(changes, &BTreeSet::new(), &mut |_| {})
    }

    /// As [`LiveSite::rebuild`]; when only some pages are rendered again, `early` gets the
    /// output as soon as the pages `open` in browsers (output files, `da/x/index.html`) and
    /// the changed entries' own pages are, before the rest: at 10,000 sessions a
    /// programme page takes far longer than a session's, and a template edit re-renders
    /// 30,000 pages.
    pub fn rebuild_with(
        &mut self,
        changes: SiteChanges,
        open: &BTreeSet<String>,
        early: Early,
    ) -> Result<Rebuild> {
        let start = Instant::now();
        // The content as it is now, whatever becomes of this build.
        if let Some(old) = &self.site
            && !changes.everything
        {
            self.sources
                .update(&self.root, &old.config, &changes.content_paths);
        }
        self.pending.merge(changes);
        // Validation's memo holds for the model and the static files it checked against
        // (templates and strings do not enter it).
        if self.pending.everything || !self.pending.statics.is_empty() {
            self.validated.forget_problems();
        }
        let validated = Mutex::new(std::mem::take(&mut self.validated));
        let validator: Validator = &|model, config, static_file| {
            let mut validated = validated.lock().expect("no check panicked");
            validated.validate(model, config, static_file)
        };
        let built = match &self.site {
            Some(old) if !self.pending.everything => old
                .reload(&self.sources, &self.pending, validator)
                .map(|site| (site, true)),
            _ => Site::config(&self.root, self.base_url.as_deref()).and_then(|config| {
                self.sources = Sources::load(&self.root, &config);
                Site::from_sources_with(&self.root, config, &self.sources, validator)
                    .map(|site| (site, false))
            }),
        };
        self.validated = validated.into_inner().expect("no check panicked");
        let (site, patched) = built?;
        let Some(seen) = self.validated.seen.take() else {
            unreachable!("a site is made only from a validated model")
        };
        let (plan, fingerprints) = if patched {
            let (plan, fingerprints) = self.plan(&site, seen, open);
            (Some(plan), fingerprints)
        } else {
            (None, seen.fingerprints)
        };
        site.keep_between_rebuilds(&self.history);
        let mut announced = Vec::new();
        let (rendered, changed) = match plan {
            Some(mut plan) => {
                let mut changed = std::mem::take(&mut self.unsettled);
                changed.extend(plan.changed.iter().copied());
                self.history.advance(&changed);
                let update = self.update(&site, &plan, &mut |changes| {
                    announced = changes.keys().map(|p| p.to_string()).collect();
                    early(changes);
                });
                let update = match update {
                    Ok(update) => update,
                    Err(e) => {
                        self.unsettled = changed;
                        return Err(e);
                    }
                };
                let changes = update.files.changes;
                let (gone, made) = (update.exports_gone, update.exports_made);
                let (export_jobs, export_jobs_gone) = (update.export_jobs, update.export_jobs_gone);
                let export_list = update.export_list;
                let rendered = update.rendered;
                let others = update.others;
                let page_reads = update.reads;
                for (key, files, reads) in export_jobs {
                    self.export_reads.set(key, reads);
                    self.export_files.insert(key, files);
                }
                for key in &export_jobs_gone {
                    self.export_reads.remove(key);
                    self.export_files.remove(key);
                }
                if let Some(list) = export_list {
                    self.export_jobs = list;
                }
                for path in &plan.removed {
                    self.reads.remove(path.as_str());
                }
                for (path, reads) in page_reads {
                    self.reads.set(Arc::from(path), reads);
                }
                if let Some(routes) = plan.routes.take() {
                    self.routes = routes;
                }
                apply(&mut self.files, &changes);
                self.exports.retain(|p| !gone.contains(p));
                self.exports.extend(made);
                if let Some(others) = others {
                    self.others = others;
                }
                (
                    rendered,
                    changes.into_keys().map(|p| p.to_string()).collect(),
                )
            }
            None => {
                let jobs = site.exporter().files_recorded(None);
                let (export_reads, export_files, exports) = exports_by_job(&site.model, jobs);
                let export_paths: BTreeSet<Arc<str>> =
                    exports.iter().map(|f| Arc::from(f.path.as_str())).collect();
                let (files, reads) = site.render_recorded(Ok(exports))?;
                self.export_reads = export_reads;
                self.export_files = export_files;
                self.export_jobs = ExportJobs::of(&site);
                let files: Output = files
                    .into_iter()
                    .map(|f| (Arc::from(f.path), Arc::from(f.bytes)))
                    .collect();
                self.reads = Readers::default();
                for (path, reads) in reads {
                    self.reads.set(Arc::from(path), reads);
                }
                self.routes = Routes::of(&site);
                let rendered = files.keys().filter(|p| p.ends_with(".html")).count();
                let changed = changed_files(&self.files, &files);
                let renderer = site.renderer();
                self.others = files
                    .keys()
                    .filter(|p| !renderer.is_page(p) && !export_paths.contains(*p))
                    .cloned()
                    .collect();
                self.files = files;
                self.exports = export_paths;
                (rendered, changed)
            }
        };
        self.site = Some(site);
        self.fingerprints = fingerprints;
        self.pending = SiteChanges::default();
        Ok(Rebuild {
            rendered,
            changed,
            early: announced,
            elapsed: start.elapsed(),
        })
    }

    /// The pages of `site` to render after the pending changes: those that read something
    /// of the model whose fingerprint changed since the last good build, those new to the
    /// site, those whose templates or strings changed; and the pages that are gone. Of
    /// them, those to make first: the changed entries' own pages and those `open`.
    /// With the pages, the fingerprints of `site`'s model.
    fn plan(
        &self,
        site: &Site,
        seen: ModelSeen,
        open: &BTreeSet<String>,
    ) -> (PageUpdate, Arc<Fingerprints>) {
        let fingerprints = seen.fingerprints;
        // Changed since the model validated before, which is the last good one unless a
        // rebuild failed since.
        let mut changed = if Arc::ptr_eq(&seen.since, &self.fingerprints) {
            seen.changed
        } else {
            changed_between(&self.fingerprints, &fingerprints)
        };
        // Static files are not in the model: pages read them by name (attachments' sizes).
        changed.extend((self.pending.statics.iter()).map(|name| crate::reads::static_file(name)));
        let renderer = site.renderer();
        let pending = &self.pending;
        // The page list is made again only when what it was made from changed.
        let routes = (self.routes.reads.iter())
            .any(|read| changed.contains(read))
            .then(|| Routes::of(site));
        let pages = routes.as_ref().unwrap_or(&self.routes);
        let mut render: BTreeSet<String> = changed
            .iter()
            .flat_map(|&identity| self.reads.reading(identity))
            .filter(|file| pages.pages.contains_key(&***file))
            .map(|file| file.to_string())
            .collect();
        let mut added = 0;
        let mut removed = BTreeSet::new();
        if let Some(routes) = &routes {
            for file in routes.pages.keys() {
                if !self.reads.has(file) {
                    added += 1;
                    render.insert(file.to_string());
                }
            }
            removed = (self.reads.keys())
                .filter(|file| !routes.pages.contains_key(&***file))
                .map(|file| file.to_string())
                .collect();
        }
        let mut first: BTreeSet<String> = (render.iter())
            .filter(|file| {
                let key = pages
                    .pages
                    .get(file.as_str())
                    .and_then(|key| key.as_deref());
                key.is_some_and(|key| pending.content.matches(key))
            })
            .cloned()
            .collect();
        if !pending.templates.is_empty() {
            render.extend(renderer.files_using(&pending.templates));
        }
        render.extend(renderer.files_in(&pending.locales));
        first.extend(render.intersection(open).cloned());
        let update = PageUpdate {
            render,
            pages_changed: added > 0 || !removed.is_empty(),
            removed,
            first,
            routes,
            changed,
        };
        (update, fingerprints)
    }

    /// The pages of `plan` rendered again, the exports the changes touch made again, and the
    /// other files of `site`, as changes to the last output: once applied, the same file
    /// for file as [`Site::render`] of `site` (pages win over exports and static files of
    /// the same name, and static files over the sitemap). Nothing is changed here, so that
    /// a failure keeps the last output as it was; `early` gets the changed pages of the
    /// edited entries themselves as soon as they are rendered.
    fn update(&self, site: &Site, plan: &PageUpdate, early: Early) -> Result<Update<'_>> {
        let mut update = Update {
            files: Overlay {
                base: &self.files,
                changes: Changes::new(),
            },
            rendered: 0,
            exports_gone: BTreeSet::new(),
            exports_made: BTreeSet::new(),
            export_jobs: Vec::new(),
            export_jobs_gone: Vec::new(),
            export_list: None,
            others: None,
            reads: PageReads::new(),
        };
        for path in &plan.removed {
            update.files.remove(path);
        }
        let rest: BTreeSet<String> =
            if plan.first.is_empty() || plan.first.len() == plan.render.len() {
                plan.render.clone()
            } else {
                // A failure there is reported as a full render would: with every page's problems.
                let pages = site
                    .render_pages(&plan.first)
                    .or_else(|_| site.render_pages(&plan.render))?;
                update.rendered += pages.len();
                for (page, reads) in pages {
                    update.files.put(&page.path, Arc::from(page.bytes));
                    update.reads.push((page.path, reads));
                }
                early(&update.files.changes);
                plan.render.difference(&plan.first).cloned().collect()
            };
        // The export jobs that read something that changed, or are new; all of them when
        // the strings changed (exports read strings unrecorded).
        let pending = &self.pending;
        // The job list is made again only when what it was made from changed.
        let remade = (self.export_jobs.reads.iter())
            .any(|read| plan.changed.contains(read))
            .then(|| ExportJobs::of(site));
        let list = remade.as_ref().unwrap_or(&self.export_jobs);
        let mut run: BTreeSet<usize> = if pending.locales.is_empty() {
            (plan.changed.iter())
                .flat_map(|&identity| self.export_reads.reading(identity))
                .filter_map(|key| list.by_key.get(key).copied())
                .collect()
        } else {
            (0..list.jobs.len()).collect()
        };
        let mut jobs_gone = Vec::new();
        if remade.is_some() {
            run.extend(
                (0..list.jobs.len()).filter(|&i| !self.export_files.contains_key(&list.keys[i])),
            );
            jobs_gone = (self.export_files.keys())
                .filter(|key| !list.by_key.contains_key(*key))
                .copied()
                .collect();
        }
        let run: Vec<ExportJob> = run.into_iter().map(|i| list.jobs[i]).collect();
        // The listings and the exports side by side: each has a long job (a programme's
        // pages, its schedules) that would leave a core idle.
        let (pages, made) = rayon::join(
            || site.render_pages(&rest),
            || site.exporter().files_recorded(Some(&run)),
        );
        let pages = pages?;
        update.rendered += pages.len();
        for (page, reads) in pages {
            update.files.put(&page.path, Arc::from(page.bytes));
            update.reads.push((page.path, reads));
        }
        let renderer = site.renderer();
        let mut gone: BTreeSet<Arc<str>> = BTreeSet::new();
        for key in &jobs_gone {
            gone.extend(self.export_files[key].iter().cloned());
        }
        let mut made_paths: BTreeSet<Arc<str>> = BTreeSet::new();
        for JobFiles { job, files, reads } in made {
            let key = export_key(&site.model, &job);
            let paths: Vec<Arc<str>> = (files.iter()).map(|f| Arc::from(f.path.as_str())).collect();
            if let Some(before) = self.export_files.get(&key) {
                gone.extend(before.iter().filter(|p| !paths.contains(p)).cloned());
            }
            for file in files {
                let page = renderer.is_page(&file.path).then_some(Origin::Page);
                if Origin::Export.wins_over(page) {
                    update.files.put(&file.path, Arc::from(file.bytes));
                }
            }
            made_paths.extend(paths.iter().cloned());
            update.export_jobs.push((key, paths, reads));
        }
        gone.retain(|path| !made_paths.contains(path));
        for path in &gone {
            if !renderer.is_page(path) {
                update.files.remove(path);
            }
        }
        update.exports_gone = gone;
        update.exports_made = made_paths;
        update.export_list = remade;
        update.export_jobs_gone = jobs_gone;
        // Static files and the sitemap change only with the theme, the configuration (a
        // new site), pages that come or go, or exports that come or go over them.
        let exports_moved = !update.exports_gone.is_empty()
            || update
                .exports_made
                .iter()
                .any(|p| !self.exports.contains(p));
        if pending.theme_changed() || plan.pages_changed || exports_moved {
            let is_export = |path: &str| {
                update.exports_made.contains(path)
                    || (self.exports.contains(path) && !update.exports_gone.contains(path))
            };
            let made_there = |path: &str| {
                if renderer.is_page(path) {
                    Some(Origin::Page)
                } else {
                    is_export(path).then_some(Origin::Export)
                }
            };
            // The sitemap lists the pages: made again only when they come or go (at 10,000
            // sessions it takes longer than the rest of a rebuild), or when a static file
            // of its name comes, goes or changes.
            let static_sitemap = site.has_static(SITEMAP_FILE)
                || self
                    .site
                    .as_ref()
                    .is_some_and(|s| s.has_static(SITEMAP_FILE));
            let make_sitemap = plan.pages_changed || static_sitemap;
            let sitemap = make_sitemap
                .then(|| site.sitemap())
                .flatten()
                .map(|f| (Origin::Sitemap, f));
            let others =
                (site.other_files().into_iter().map(|f| (Origin::Static, f))).chain(sitemap);
            let mut kept: BTreeMap<Arc<str>, Origin> = BTreeMap::new();
            for (origin, file) in others {
                let there = kept.get(file.path.as_str()).copied();
                // Of static files of one name, the first.
                if there.is_some() || !origin.wins_over(made_there(&file.path)) {
                    continue;
                }
                kept.insert(Arc::from(file.path.as_str()), origin);
                update.files.put(&file.path, Arc::from(file.bytes));
            }
            let mut kept: BTreeSet<Arc<str>> = kept.into_keys().collect();
            if !make_sitemap {
                kept.extend(self.others.get(SITEMAP_FILE).cloned());
            }
            // Static files deleted, or now under a page or an export (which are put above).
            for path in self.others.difference(&kept) {
                if made_there(path).is_none() {
                    update.files.remove(path);
                }
            }
            update.others = Some(kept);
        }
        Ok(update)
    }
}

/// The problems of each check of validation ([`crate::validate::Check`]) with what it read
/// of the model, and the fingerprints of that model: after an edit, the checks to run again
/// are those that read something whose fingerprint changed.
#[derive(Default)]
struct Validated {
    problems: HashMap<CheckKey, Vec<Diagnostic>>,
    readers: Readers<CheckKey>,
    fingerprints: Arc<Fingerprints>,
    /// The model last validated, until the rebuild takes it.
    seen: Option<ModelSeen>,
}

/// A check by what it is about: the identity of its programme or session (which stays
/// when items before it come or go and their indices shift), or which check across entries.
type CheckKey = (u8, u64);

/// A model as validation saw it: its fingerprints, and the identities that changed since
/// the model validated before it, whose fingerprints were `since`.
struct ModelSeen {
    fingerprints: Arc<Fingerprints>,
    since: Arc<Fingerprints>,
    changed: IdentitySet,
}

impl Validated {
    fn forget_problems(&mut self) {
        self.problems.clear();
        self.readers = Readers::default();
    }

    /// The problems of `model`, as [`crate::validate::validate`] finds them: the checks whose
    /// reads did not change are not run again. The model as seen is kept in `seen`.
    fn validate(
        &mut self,
        model: &Model,
        config: &Config,
        static_file: &(dyn Fn(&str) -> Option<StaticFacts> + Sync),
    ) -> Vec<Diagnostic> {
        let fingerprints = Arc::new(model.fingerprints());
        let changed = changed_between(&self.fingerprints, &fingerprints);
        let validation = Validation::new(model, config, static_file);
        let checks = validation.checks();
        let key_of = |check: &Check| -> CheckKey {
            match *check {
                Check::Programme(p) => (0, model.identity_at(Collection::Programmes, p)),
                Check::Session(s) => (1, model.identity_at(Collection::Sessions, s)),
                Check::Meeting(i) => (15, model.identity_at(Collection::Minutes, i)),
                Check::Links(None) => (2, 0),
                Check::Links(Some((kind, i))) => {
                    (3 + kind as u8, model.identity_at(collection_of(kind), i))
                }
                Check::Across(across) => (16 + across as u8, 0),
            }
        };
        let keys: Vec<CheckKey> = checks.iter().map(key_of).collect();
        let dirty: std::collections::HashSet<CheckKey> = (changed.iter())
            .flat_map(|&identity| self.readers.reading(identity))
            .copied()
            .collect();
        let stale: Vec<usize> = (0..checks.len())
            .filter(|&i| dirty.contains(&keys[i]) || !self.problems.contains_key(&keys[i]))
            .collect();
        let found: Vec<(Vec<Diagnostic>, Vec<u64>)> = (stale.par_iter())
            .map(|&i| crate::reads::recorded(|| validation.run(checks[i])))
            .collect();
        for (&i, (problems, reads)) in stale.iter().zip(found) {
            self.readers.set(keys[i], reads);
            self.problems.insert(keys[i], problems);
        }
        // The checks of programmes and sessions that are gone.
        if self.problems.len() > keys.len() {
            let now: std::collections::HashSet<&CheckKey> = keys.iter().collect();
            let gone: Vec<CheckKey> = (self.problems.keys())
                .filter(|key| !now.contains(key))
                .copied()
                .collect();
            for key in gone {
                self.problems.remove(&key);
                self.readers.remove(&key);
            }
        }
        let problems = (keys.iter())
            .flat_map(|key| self.problems[key].iter().cloned())
            .collect();
        let since = std::mem::replace(&mut self.fingerprints, Arc::clone(&fingerprints));
        self.seen = Some(ModelSeen {
            fingerprints,
            since,
            changed,
        });
        problems
    }
}

/// An export job by what it is about: its language, and the identity of its programme,
/// session or speaker (which stays when items before it come or go), or the feed.
type ExportKey = (usize, u8, u64);

/// The files each export job made, by job.
type JobPaths = HashMap<ExportKey, Vec<Arc<str>>>;

/// A site's export jobs ([`crate::export::Exporter::jobs`]) with their keys, and what
/// listing them read of the model.
#[derive(Default)]
struct ExportJobs {
    jobs: Vec<ExportJob>,
    keys: Vec<ExportKey>,
    by_key: HashMap<ExportKey, usize>,
    reads: Vec<u64>,
}

impl ExportJobs {
    fn of(site: &Site) -> ExportJobs {
        let (jobs, reads) = crate::reads::recorded(|| site.exporter().jobs());
        let keys: Vec<ExportKey> = (jobs.iter()).map(|j| export_key(&site.model, j)).collect();
        let by_key = (keys.iter().enumerate()).map(|(i, &k)| (k, i)).collect();
        ExportJobs {
            jobs,
            keys,
            by_key,
            reads,
        }
    }
}

fn export_key(model: &Model, job: &ExportJob) -> ExportKey {
    let item = |c: Collection, i: usize| model.identity_at(c, i);
    let (kind, identity) = match job.job {
        Job::Feed => (0, 0),
        Job::ProgrammeSchedules(i) => (1, item(Collection::Programmes, i)),
        Job::ProgrammeCalendar(i) => (4, item(Collection::Programmes, i)),
        Job::Session(i) => (2, item(Collection::Sessions, i)),
        Job::Speaker(i) => (3, item(Collection::Speakers, i)),
        Job::Series(i) => (5, item(Collection::Series, i)),
    };
    (job.lang, kind, identity)
}

/// The exports of a site made job by job: what each job read, which files it made, and
/// the files.
fn exports_by_job(
    model: &Model,
    jobs: Vec<JobFiles>,
) -> (Readers<ExportKey>, JobPaths, Vec<OutputFile>) {
    let mut readers = Readers::default();
    let mut paths = HashMap::new();
    let mut files = Vec::new();
    for JobFiles {
        job,
        files: made,
        reads,
    } in jobs
    {
        let key = export_key(model, &job);
        readers.set(key, reads);
        paths.insert(
            key,
            (made.iter()).map(|f| Arc::from(f.path.as_str())).collect(),
        );
        files.extend(made);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (readers, paths, files)
}

/// Files changed in an output, by path: their new bytes, or `None` for a file that is gone.
pub type Changes = BTreeMap<Arc<str>, Option<Arc<[u8]>>>;

/// An output with changes laid over it, not yet applied.
struct Overlay<'o> {
    base: &'o Output,
    changes: Changes,
}

impl Overlay<'_> {
    fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        match self.changes.get(path) {
            Some(change) => change.as_ref(),
            None => self.base.get(path),
        }
    }

    /// Writes `bytes` to `path`: a change only if they differ from what is there.
    fn put(&mut self, path: &str, bytes: Arc<[u8]>) {
        if self.get(path) != Some(&bytes) {
            self.changes.insert(Arc::from(path), Some(bytes));
        }
    }

    fn remove(&mut self, path: &str) {
        if self.get(path).is_some() {
            self.changes.insert(Arc::from(path), None);
        }
    }
}

/// What [`LiveSite::update`] made: the changes, the pages rendered, the exports' paths
/// that went and that were made.
struct Update<'o> {
    files: Overlay<'o>,
    rendered: usize,
    exports_gone: BTreeSet<Arc<str>>,
    exports_made: BTreeSet<Arc<str>>,
    /// The export jobs run: each with the files it made and what it read.
    export_jobs: Vec<(ExportKey, Vec<Arc<str>>, Vec<u64>)>,
    /// The export jobs the site no longer has.
    export_jobs_gone: Vec<ExportKey>,
    /// The list of export jobs, when it was made again.
    export_list: Option<ExportJobs>,
    /// The static files and sitemap, when they were made again.
    others: Option<BTreeSet<Arc<str>>>,
    /// What each page rendered read of the model.
    reads: PageReads,
}

/// `output` with `changes` applied.
pub(crate) fn apply(output: &mut Output, changes: &Changes) {
    for (path, change) in changes {
        match change {
            Some(bytes) => {
                output.insert(Arc::clone(path), Arc::clone(bytes));
            }
            None => {
                output.remove(path);
            }
        }
    }
}

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
