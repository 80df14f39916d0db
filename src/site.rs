//! A [`Site`] owns one site's configuration, content model, locales and templates, and runs
//! the pipeline: load → model → validate → render → write.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::changes::SiteChanges;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::export::Kept;
use crate::load::Sources;
use crate::locale::Locales;
use crate::locale::coverage::check_strings;
use crate::markdown::{Markdown, highlight_css};
use crate::model::Model;
use crate::progress::{Progress, Silent, Stage};
use crate::reads::History;
use crate::render::{Renderer, Templates};
use crate::theme::{StaticFacts, ThemeFiles};
use crate::urls::Urls;
use crate::validate::missing_translations;
use crate::validate::validate;
use crate::write::{OutputFile, Staging, is_leftover_inside, is_marked, resolve};

/// Each page's file with what it read of the model ([`crate::render::RenderedPage::reads`]).
pub(crate) type PageReads = Vec<(String, Vec<u64>)>;

pub const DEFAULT_OUTPUT_DIR: &str = "public";

/// Everything about one site, loaded and checked. No global state: tests build many.
///
/// The parts are shared (`Arc`) so that a reload after a change can take over those the
/// change did not touch.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub model: Model,
    pub locales: Arc<Locales>,
    theme: Arc<ThemeFiles>,
    syntax_css: Option<Arc<str>>,
    templates: Arc<Templates>,
    markdown: Arc<Markdown>,
    /// Parts of the exports kept between rebuilds, once `serve` asks for it.
    exports_kept: Arc<OnceLock<Kept>>,
    /// Parts of views made once per site, which `serve` compares with the last site's.
    /// Problems that do not stop a build (strings only some locales have, or none uses;
    /// links not followed).
    pub warnings: Vec<Diagnostic>,
    /// Of `warnings`, those about strings: they go with the templates a reload reuses.
    string_warnings: Vec<Diagnostic>,
    /// Problems of the content that do not stop a build (a local time that happens twice).
    pub content_warnings: Vec<Diagnostic>,
}

/// The sitemap's file, at the top of the output.
pub(crate) const SITEMAP_FILE: &str = "sitemap.xml";

/// What made an output file. Where two have one path, the one first in this order is
/// written: a page, an export, a static file (`syntax.css` and `robots.txt` among them, the
/// first of a name), the sitemap. `build` and `serve` both decide by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    Page,
    Export,
    Static,
    Sitemap,
}

impl Origin {
    /// Whether a file of this origin is written where a file of `there` is (if any).
    pub(crate) fn wins_over(self, there: Option<Origin>) -> bool {
        there.is_none_or(|there| self < there)
    }
}

/// What a build produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// Warnings about strings, texts (raw HTML shown as text) and content (a repeated local
    /// time); `samling check` lists them
    /// with the others.
    pub warnings: usize,
    /// Warnings `build` shows in full: the links it did not follow.
    pub links_skipped: Vec<Diagnostic>,
    pub pages: usize,
    pub files: usize,
    pub languages: usize,
}

/// How a site's model is checked: [`validate`], or what `serve` keeps between edits
/// gives the same problems in the same order.
pub(crate) type Validator<'a> = &'a (
        dyn Fn(&Model, &Config, &(dyn Fn(&str) -> Option<StaticFacts> + Sync)) -> Vec<Diagnostic>
            + Sync
    );

/// The parts of a site that a reload may take over from the previous one.
#[derive(Default)]
struct Reuse<'a> {
    validator: Option<Validator<'a>>,
    model: Option<&'a Model>,
    /// The content keys that changed, when no folder did: the model may be patched.
    changed_keys: Option<&'a BTreeSet<String>>,
    locales: Option<Arc<Locales>>,
    theme: Option<(Arc<ThemeFiles>, Option<Arc<str>>)>,
    templates: Option<Arc<Templates>>,
    /// The string warnings that go with the reused templates.
    warnings: Vec<Diagnostic>,
    markdown: Option<Arc<Markdown>>,
    exports_kept: Option<Arc<OnceLock<Kept>>>,
}

impl Site {
    /// Loads and checks the site at `root`; reports every problem found, not just the first.
    pub fn load(root: &Path) -> Result<Site> {
        Site::load_with(root, None)
    }

    /// As [`Site::load`], with `base_url` in place of the configuration's (`--base-url`).
    pub fn load_with(root: &Path, base_url: Option<&str>) -> Result<Site> {
        let config = Site::config(root, base_url)?;
        let sources = Sources::load(root, &config);
        Site::from_sources(root, config, &sources)
    }

    /// The site's configuration, with `base_url` in place of its own (`--base-url`).
    pub fn config(root: &Path, base_url: Option<&str>) -> Result<Config> {
        let mut config = Config::load(root)?;
        if let Some(base_url) = base_url {
            config.base_url = base_url.to_owned();
        }
        Ok(config)
    }

    /// The site with the content `sources` (loaded with this site's configuration) after
    /// `changes`, which leave the configuration as it is: takes over from `self` whatever
    /// they do not touch. The result is the same as a fresh [`Site::load_with`].
    pub(crate) fn reload(
        &self,
        sources: &Sources,
        changes: &SiteChanges,
        validator: Validator,
    ) -> Result<Site> {
        let mut reuse = Reuse {
            validator: Some(validator),
            markdown: Some(Arc::clone(&self.markdown)),
            model: Some(&self.model),
            changed_keys: changes
                .content
                .folders
                .is_empty()
                .then_some(&changes.content.keys),
            ..Reuse::default()
        };
        if changes.locales.is_empty() {
            reuse.locales = Some(Arc::clone(&self.locales));
            reuse.exports_kept = Some(Arc::clone(&self.exports_kept));
        }
        if !changes.theme_changed() {
            reuse.theme = Some((Arc::clone(&self.theme), self.syntax_css.clone()));
            if changes.locales.is_empty() {
                reuse.templates = Some(Arc::clone(&self.templates));
                reuse.warnings = self.string_warnings.clone();
            }
        }
        Site::assemble(&self.root, self.config.clone(), sources, reuse)
    }

    /// The site with `config` and the content `sources`, loaded with it; a fresh Markdown
    /// renderer and everything else read from disk.
    pub fn from_sources(root: &Path, config: Config, sources: &Sources) -> Result<Site> {
        Site::assemble(root, config, sources, Reuse::default())
    }

    /// As [`Site::from_sources`], with the model checked by `validator`.
    pub(crate) fn from_sources_with(
        root: &Path,
        config: Config,
        sources: &Sources,
        validator: Validator,
    ) -> Result<Site> {
        let reuse = Reuse {
            validator: Some(validator),
            ..Reuse::default()
        };
        Site::assemble(root, config, sources, reuse)
    }

    fn assemble(root: &Path, config: Config, sources: &Sources, reuse: Reuse) -> Result<Site> {
        let markdown = reuse
            .markdown
            .unwrap_or_else(|| Arc::new(Markdown::new(config.unsafe_html)));
        let mut problems = Vec::new();
        let locales = match reuse.locales {
            Some(locales) => Some(locales),
            None => match Locales::load(root, &config) {
                Ok(locales) => Some(Arc::new(locales)),
                Err(mut errs) => {
                    problems.append(&mut errs);
                    None
                }
            },
        };
        let (theme, syntax_css) = match reuse.theme {
            Some(reused) => reused,
            None => {
                let theme = ThemeFiles::load(root, &config.theme)?;
                // The site's own syntax.css wins; otherwise it comes from the configured theme.
                let css = if theme.has_static("syntax.css") {
                    None
                } else {
                    let css = highlight_css(&config.highlight_theme);
                    if css.is_none() {
                        problems.push(
                            Diagnostic::new("config.toml", format!("no highlighting theme `{}`", config.highlight_theme))
                                .with_hint("use one of syntect's themes, e.g. `InspiredGitHub`, or put a syntax.css in static/"),
                        );
                    }
                    css.map(Arc::from)
                };
                (Arc::new(theme), css)
            }
        };
        // The model (patched or built, then validated) beside the files' own problems.
        let (mut source_problems, (model, model_problems)) = rayon::join(
            || sources.problems(),
            || {
                let static_file = |name: &str| theme.static_facts(name);
                let patched = match (reuse.model, reuse.changed_keys) {
                    (Some(previous), Some(keys)) => {
                        previous.patched(sources.groups(), keys, &config, &markdown)
                    }
                    _ => None,
                };
                let built = match patched {
                    Some((model, _)) => Ok(model),
                    None => Model::rebuild(sources.groups(), &config, &markdown, reuse.model),
                };
                match built {
                    // The whole model is validated, each check as a function of what it
                    // reads: `serve`'s validator runs again only those whose reads changed.
                    Ok(model) => {
                        let problems = match reuse.validator {
                            Some(validator) => validator(&model, &config, &static_file),
                            None => validate(&model, &config, &static_file),
                        };
                        (Some(model), problems)
                    }
                    Err(errs) => (None, errs),
                }
            },
        );
        source_problems.append(&mut problems);
        let mut problems = source_problems;
        if config.require_translations {
            problems.extend(
                missing_translations(sources, &config)
                    .iter()
                    .map(|m| m.diagnostic()),
            );
        }
        // Validation's warnings do not stop a build.
        let (mut model_errors, mut content_warnings): (Vec<_>, Vec<_>) =
            model_problems.into_iter().partition(Diagnostic::is_error);
        problems.append(&mut model_errors);
        // Templates and strings are checked even when the content has problems, so that one
        // run reports them all.
        let mut warnings = reuse.warnings;
        let templates = match (&locales, reuse.templates) {
            (Some(_), Some(templates)) => Some(templates),
            (Some(locales), None) => {
                let (errors, found): (Vec<Diagnostic>, Vec<Diagnostic>) =
                    check_strings(&theme, locales)
                        .into_iter()
                        .partition(Diagnostic::is_error);
                problems.extend(errors);
                warnings = found;
                match Templates::new(&theme, Arc::clone(locales), &config) {
                    Ok(templates) => Some(Arc::new(templates)),
                    Err(mut errs) => {
                        problems.append(&mut errs.diagnostics);
                        None
                    }
                }
            }
            (None, _) => None,
        };
        let string_warnings = warnings.clone();
        warnings.extend(sources.warnings());
        warnings.extend(
            theme
                .links_skipped
                .iter()
                .map(|(link, target)| crate::load::skipped_link(link, target)),
        );
        let (Some(model), Some(locales), Some(templates), true) =
            (model, locales, templates, problems.is_empty())
        else {
            // Warnings go with the errors, so that one run shows everything.
            problems.append(&mut warnings);
            problems.append(&mut content_warnings);
            Diagnostic::sort(&mut problems);
            return Err(Error {
                diagnostics: problems,
            });
        };
        Ok(Site {
            root: root.to_owned(),
            config,
            model,
            locales,
            theme,
            syntax_css,
            templates,
            markdown,
            exports_kept: reuse.exports_kept.unwrap_or_default(),
            warnings,
            string_warnings,
            content_warnings,
        })
    }

    /// Keeps rendered parts (the listings of sessions, the search indexes' documents and
    /// terms, the exports' events) between renders of this site and of the sites
    /// [`Site::reload`] makes from it while the templates and locales stay: for `serve`,
    /// which renders the same listings after every edit. Each part holds while `history`
    /// says that nothing it read changed.
    pub fn keep_between_rebuilds(&self, history: &Arc<History>) {
        self.templates.keep_between_rebuilds(history);
        self.exports_kept
            .get_or_init(|| Kept::new(Arc::clone(history)));
    }

    /// The render stage over this site.
    pub fn renderer(&self) -> Renderer<'_> {
        self.renderer_reporting(&Silent)
    }

    /// The render stage over this site, telling `progress` of every page.
    pub fn renderer_reporting<'a>(&'a self, progress: &'a dyn Progress) -> Renderer<'a> {
        Renderer {
            model: &self.model,
            config: &self.config,
            locales: &self.locales,
            templates: &self.templates,
            markdown: &self.markdown,
            urls: Urls::new(&self.config),
            progress,
            record: false,
            theme: &self.theme,
        }
    }

    /// Renders the whole site in memory: pages, exports, static files, sitemap, robots.txt;
    /// sorted.
    pub fn render(&self) -> Result<Vec<OutputFile>> {
        self.render_reporting(&Silent)
    }

    /// As [`Site::render`], telling `progress` how far it has come.
    pub fn render_reporting(&self, progress: &dyn Progress) -> Result<Vec<OutputFile>> {
        progress.begin(Stage::Export, None);
        let exports = self.exports();
        self.render_with_reporting(exports, progress)
    }

    /// As [`Site::render`], with the site's `exports` made already, and what each page read
    /// of the model (for `serve`). The pages' problems come first, then the exports'.
    pub(crate) fn render_recorded(
        &self,
        exports: Result<Vec<OutputFile>>,
    ) -> Result<(Vec<OutputFile>, PageReads)> {
        let renderer = Renderer {
            record: true,
            theme: &self.theme,
            ..self.renderer()
        };
        self.join_output(renderer.render_all(), exports, true)
    }

    fn render_with_reporting(
        &self,
        exports: Result<Vec<OutputFile>>,
        progress: &dyn Progress,
    ) -> Result<Vec<OutputFile>> {
        let pages = self.renderer_reporting(progress).render_all();
        Ok(self.join_output(pages, exports, false)?.0)
    }

    /// Pages, exports, static files and the sitemap as one output, one file per path; with
    /// what each page read, if the pages were `recorded`.
    fn join_output(
        &self,
        pages: Result<Vec<crate::render::RenderedPage>>,
        exports: Result<Vec<OutputFile>>,
        recorded: bool,
    ) -> Result<(Vec<OutputFile>, PageReads)> {
        let (pages, exports) = match (pages, exports) {
            (Ok(pages), Ok(exports)) => (pages, exports),
            (Err(mut pages), Err(exports)) => {
                pages.diagnostics.extend(exports.diagnostics);
                return Err(pages);
            }
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        let mut reads = PageReads::with_capacity(if recorded { pages.len() } else { 0 });
        let pages: Vec<OutputFile> = pages
            .into_iter()
            .map(|p| {
                if recorded {
                    reads.push((p.file.clone(), p.reads));
                }
                OutputFile {
                    path: p.file,
                    bytes: p.html.into_bytes(),
                }
            })
            .collect();
        let mut claimed: HashSet<String> = pages.iter().map(|f| f.path.clone()).collect();
        let rest = self.files_after_pages(exports, &mut claimed);
        let mut files = pages;
        files.extend(rest);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((files, reads))
    }

    /// The exports, static files and sitemap that are written beside the pages whose paths
    /// are `claimed`: one file per path, by [`Origin`] (of static files of one name, the
    /// first). Their paths are added to `claimed`.
    fn files_after_pages(
        &self,
        exports: Vec<OutputFile>,
        claimed: &mut HashSet<String>,
    ) -> Vec<OutputFile> {
        // In the order of [`Origin`]: the first file of a path is the one written.
        (exports.into_iter())
            .chain(self.other_files())
            .chain(self.sitemap())
            .filter(|f| claimed.insert(f.path.clone()))
            .collect()
    }

    /// The pages written to the files `only`, with what each read of the model (`serve`).
    pub(crate) fn render_pages(
        &self,
        only: &BTreeSet<String>,
    ) -> Result<Vec<(OutputFile, Vec<u64>)>> {
        let renderer = Renderer {
            record: true,
            theme: &self.theme,
            ..self.renderer()
        };
        Ok(renderer
            .render_files(only)?
            .into_iter()
            .map(|p| {
                let file = OutputFile {
                    path: p.file,
                    bytes: p.html.into_bytes(),
                };
                (file, p.reads)
            })
            .collect())
    }

    /// The data exports: calendars, schedules for conference apps, change feeds
    /// ([`crate::export`]). Like pages, they win over static files of the same name ([`Origin`]).
    pub fn exports(&self) -> Result<Vec<OutputFile>> {
        self.exporter().files()
    }

    pub fn exporter(&self) -> crate::export::Exporter<'_> {
        crate::export::Exporter {
            model: &self.model,
            config: &self.config,
            locales: &self.locales,
            kept: self.exports_kept.get(),
        }
    }

    /// Whether the site has a static file `name` (its own or its theme's).
    pub(crate) fn has_static(&self, name: &str) -> bool {
        self.theme.has_static(name)
    }

    /// `sitemap.xml`, which lists every page; none when `base_url` is only a path, as a
    /// sitemap's addresses must be full ones (sitemaps.org) and `check` says so.
    pub fn sitemap(&self) -> Option<OutputFile> {
        self.config.has_full_address().then(|| OutputFile {
            path: SITEMAP_FILE.into(),
            bytes: self.renderer().sitemap().into_bytes(),
        })
    }

    /// The files that are not pages: static files, `syntax.css`, `robots.txt`. A site's
    /// own static file never replaces a page or an export ([`Origin`]).
    pub fn other_files(&self) -> Vec<OutputFile> {
        let mut files: Vec<OutputFile> = self
            .theme
            .static_files
            .iter()
            .map(|file| OutputFile {
                path: file.name.clone(),
                bytes: file.bytes.clone(),
            })
            .collect();
        if let Some(css) = &self.syntax_css {
            files.push(OutputFile {
                path: "syntax.css".into(),
                bytes: css.as_bytes().to_vec(),
            });
        }
        let mut robots = String::from("User-agent: *\nAllow: /\n");
        if self.config.has_full_address() {
            robots.push_str(&format!(
                "Sitemap: {}sitemap.xml\n",
                self.config.base_url_slash()
            ));
        }
        files.push(OutputFile {
            path: "robots.txt".into(),
            bytes: robots.into_bytes(),
        });
        files
    }

    /// Renders and writes the site to `output`, replacing it only if everything succeeded.
    /// An existing folder that samling did not write is refused ([`Site::build_with`]).
    pub fn build(&self, output: &Path) -> Result<BuildReport> {
        self.build_with(output, false)
    }

    /// As [`Site::build`]; with `force`, an existing folder that samling did not write is
    /// replaced too (`--force`). Nothing replaces the site's own files.
    pub fn build_with(&self, output: &Path, force: bool) -> Result<BuildReport> {
        self.build_reporting(output, force, &Silent)
    }

    /// As [`Site::build_with`], telling `progress` how far it has come.
    pub fn build_reporting(
        &self,
        output: &Path,
        force: bool,
        progress: &dyn Progress,
    ) -> Result<BuildReport> {
        self.check_output_dir(output, force)?;
        let staging = Staging::open(output)?;
        let renderer = self.renderer_reporting(progress);
        // Every file goes to the disk as soon as it is made, unless one of an earlier
        // [`Origin`] has its path: the pages' paths are known before any is rendered.
        let mut claimed: HashSet<String> = (renderer.page_files().into_iter())
            .map(|(file, _)| file)
            .collect();
        progress.begin(Stage::Export, None);
        let exported = Mutex::new(Vec::new());
        let failed = Mutex::new(None);
        self.exporter().each_file(&|file| {
            if claimed.contains(&file.path) {
                return;
            }
            match staging.write(&file.path, &file.bytes) {
                Ok(()) => exported
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(file.path),
                Err(e) => {
                    _ = failed
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .get_or_insert(e)
                }
            }
        });
        if let Some(e) = failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
            return Err(e);
        }
        claimed.extend(
            exported
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner),
        );
        renderer.render_all_into(|page| staging.write(&page.file, page.html.as_bytes()))?;
        progress.begin(Stage::Write, None);
        staging.write_all(&self.files_after_pages(Vec::new(), &mut claimed))?;
        staging.commit()?;
        let files = claimed.len();
        let pages = claimed
            .iter()
            .filter(|path| path.ends_with(".html"))
            .count();
        Ok(BuildReport {
            warnings: self.string_warnings.len()
                + self.model.text_warnings().len()
                + self.content_warnings.len(),
            links_skipped: self
                .warnings
                .iter()
                .filter(|w| !self.string_warnings.contains(w))
                .cloned()
                .collect(),
            pages,
            files,
            languages: self.config.languages.len(),
        })
    }

    pub fn default_output_dir(&self) -> PathBuf {
        self.root.join(DEFAULT_OUTPUT_DIR)
    }

    /// The output folder is replaced whole: it must never be the site, hold it, lie among
    /// its sources or link to them, and without `force` it must be new, empty or samling's.
    /// Paths are compared after resolving `..` and links, and on Unix also as the folders
    /// they are (a bind mount, a case-insensitive file system give other names).
    fn check_output_dir(&self, output: &Path, force: bool) -> Result<()> {
        let resolve = |p: &Path| resolve(p).map_err(|e| Error::io(p, "find the folder", e));
        let (root, out) = (resolve(&self.root)?, resolve(output)?);
        let refusal = |message: String, hint: &str| {
            Error::new(Diagnostic::new(output, message).with_hint(hint))
        };
        let own_folder = "choose a folder of its own, such as public/";
        let holds_site = root.ancestors().find(|a| same_folder(a, &out));
        if let Some(holder) = holds_site {
            let message = if holder == root {
                format!(
                    "the output folder would replace the site's own files: it is the site itself ({})",
                    root.display()
                )
            } else {
                format!(
                    "the output folder would replace the site's own files: it holds the site ({})",
                    root.display()
                )
            };
            return Err(refusal(message, own_folder));
        }
        for source in SOURCE_FOLDERS {
            let source_dir = root.join(source);
            if out.ancestors().any(|a| same_folder(a, &source_dir)) {
                return Err(refusal(
                    format!(
                        "the output folder would replace the site's own files: it is inside the site's {source}/ folder"
                    ),
                    own_folder,
                ));
            }
        }
        let meta = match std::fs::symlink_metadata(&out) {
            Ok(meta) => meta,
            // A new folder.
            Err(_) => return Ok(()),
        };
        if !meta.is_dir() {
            return Err(refusal(
                format!("the output folder is a file ({})", out.display()),
                "remove the file, or choose a folder for the site, such as public/",
            ));
        }
        // First: a folder of the user's, maybe large, is not walked for links.
        if let Some(entry) = first_entry(&out).filter(|_| !force && !is_marked(&out)) {
            return Err(refusal(
                format!(
                    "the output folder holds files that samling did not write ({}, such as {}), and a build replaces the whole folder",
                    out.display(),
                    entry.to_string_lossy()
                ),
                "choose a new or empty folder, such as public/, or pass --force to replace the folder and everything in it",
            ));
        }
        if let Some((link, target)) = link_to_sources(&out, &root) {
            return Err(refusal(
                format!(
                    "the output folder would replace the site's own files: {} inside it links to {}",
                    link.display(),
                    target.display()
                ),
                "remove the link, or choose a folder of its own, such as public/",
            ));
        }
        Ok(())
    }
}

/// The site's folders that a build reads: an output may not lie in them.
const SOURCE_FOLDERS: [&str; 5] = ["content", "static", "themes", "templates", "locales"];

/// Whether the resolved paths `a` and `b` are one folder: the same path, or on Unix the same
/// device and inode.
fn same_folder(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.is_dir() && a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// A link inside the folder `out` to the site at `root`, a folder holding it, its sources or
/// its config.toml: the link and where it points.
fn link_to_sources(out: &Path, root: &Path) -> Option<(PathBuf, PathBuf)> {
    let config = root.join("config.toml");
    walkdir::WalkDir::new(out)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|entry| entry.path_is_symlink())
        .find_map(|entry| {
            let target = resolve(entry.path()).ok()?;
            let harmful = root.starts_with(&target)
                || target == config
                || SOURCE_FOLDERS
                    .iter()
                    .any(|source| target.starts_with(root.join(source)));
            harmful.then(|| (entry.path().to_owned(), target))
        })
}

/// An entry of the folder `dir` other than the leftovers of builds into it.
fn first_entry(dir: &Path) -> Option<std::ffi::OsString> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|entry| entry.file_name())
        .find(|name| !is_leftover_inside(name))
}

/// How `samling build` was called.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output_dir: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Replace an existing output folder that samling did not write (`--force`).
    pub force: bool,
}

/// Loads, renders and writes a site: what `samling build` does.
pub fn build(options: &BuildOptions) -> Result<(BuildReport, PathBuf)> {
    build_reporting(options, &Silent)
}

/// As [`build`], telling `progress` how far it has come.
pub fn build_reporting(
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<(BuildReport, PathBuf)> {
    progress.begin(Stage::Load, None);
    let site = Site::load_with(&options.root, options.base_url.as_deref())?;
    let output = options
        .output_dir
        .clone()
        .unwrap_or_else(|| site.default_output_dir());
    let report = site.build_reporting(&output, options.force, progress)?;
    Ok((report, output))
}
