//! A [`Site`] owns one site's configuration, content model, locales and templates, and runs
//! the pipeline: load → model → validate → render → write.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::changes::SiteChanges;
use crate::check::{check_strings, missing_translations};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::export::Kept;
use crate::load::Sources;
use crate::locale::Locales;
use crate::markdown::{Markdown, highlight_css};
use crate::model::Model;
use crate::render::{Renderer, Templates};
use crate::theme::ThemeFiles;
use crate::urls::Urls;
use crate::validate::{validate, validate_patch};
use crate::write::{OutputFile, write_atomically};

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
    /// Problems that do not stop a build (strings only some locales have, or none uses).
    pub warnings: Vec<Diagnostic>,
    /// Problems of the content that do not stop a build (a local time that happens twice).
    pub content_warnings: Vec<Diagnostic>,
}

/// What a build produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// Warnings about strings; `samling check` lists them with the others.
    pub warnings: usize,
    pub pages: usize,
    pub files: usize,
    pub languages: usize,
}

/// The parts of a site that a reload may take over from the previous one.
#[derive(Default)]
struct Reuse<'a> {
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
    pub fn reload(&self, sources: &Sources, changes: &SiteChanges) -> Result<Site> {
        let mut reuse = Reuse {
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
                reuse.warnings = self.warnings.clone();
            }
        }
        Site::assemble(&self.root, self.config.clone(), sources, reuse)
    }

    /// The site with `config` and the content `sources`, loaded with it; a fresh Markdown
    /// renderer and everything else read from disk.
    pub fn from_sources(root: &Path, config: Config, sources: &Sources) -> Result<Site> {
        Site::assemble(root, config, sources, Reuse::default())
    }

    fn assemble(root: &Path, config: Config, sources: &Sources, reuse: Reuse) -> Result<Site> {
        let markdown = reuse.markdown.unwrap_or_default();
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
        // The static files that links and photos may name are those the model had.
        let same_statics = reuse.theme.is_some();
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
                let static_exists = |name: &str| theme.has_static(name);
                let patched = match (reuse.model, reuse.changed_keys) {
                    (Some(previous), Some(keys)) => {
                        previous.patched(sources.groups(), keys, &config, &markdown)
                    }
                    _ => None,
                };
                let (built, changed) = match patched {
                    Some((model, changed)) => (Ok(model), Some(changed)),
                    None => (
                        Model::rebuild(sources.groups(), &config, &markdown, reuse.model),
                        None,
                    ),
                };
                match built {
                    Ok(model) => {
                        let problems = match changed {
                            // The model patched is a good site's: it had no problems.
                            Some(changed) if same_statics => {
                                validate_patch(&model, &config, &static_exists, &changed)
                            }
                            _ => validate(&model, &config, &static_exists),
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
            content_warnings,
        })
    }

    /// Keeps rendered parts (the listing items of sessions, the search indexes' documents
    /// and terms, the exports' events) between renders of this site and of the sites [`Site::reload`] makes from
    /// it while the templates and locales stay: for `serve`, which renders the same
    /// listings after every edit.
    pub fn keep_between_rebuilds(&self) {
        self.templates.keep_between_rebuilds();
        self.exports_kept.get_or_init(Kept::default);
    }

    /// The render stage over this site.
    pub fn renderer(&self) -> Renderer<'_> {
        Renderer {
            model: &self.model,
            config: &self.config,
            locales: &self.locales,
            templates: &self.templates,
            markdown: &self.markdown,
            urls: Urls::new(&self.config),
        }
    }

    /// Renders the whole site in memory: pages, exports, static files, sitemap, robots.txt;
    /// sorted.
    pub fn render(&self) -> Result<Vec<OutputFile>> {
        self.render_with(self.exports())
    }

    /// As [`Site::render`], with the site's `exports` made already. The pages' problems
    /// come first, then the exports'.
    pub fn render_with(&self, exports: Result<Vec<OutputFile>>) -> Result<Vec<OutputFile>> {
        let (mut files, exports) = match (self.render_pages(None), exports) {
            (Ok(pages), Ok(exports)) => (pages, exports),
            (Err(mut pages), Err(exports)) => {
                pages.diagnostics.extend(exports.diagnostics);
                return Err(pages);
            }
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        files.extend(exports);
        files.extend(self.other_files());
        files.push(self.sitemap());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup_by(|a, b| a.path == b.path);
        Ok(files)
    }

    /// The pages written to the files `only` (every page if `None`).
    pub fn render_pages(&self, only: Option<&BTreeSet<String>>) -> Result<Vec<OutputFile>> {
        let renderer = self.renderer();
        let pages = match only {
            Some(files) => renderer.render_files(files)?,
            None => renderer.render_all()?,
        };
        Ok(pages
            .into_iter()
            .map(|p| OutputFile {
                path: p.file,
                bytes: p.html.into_bytes(),
            })
            .collect())
    }

    /// The data exports: calendars, schedules for conference apps, change feeds
    /// ([`crate::export`]). Like pages, they win over static files of the same name.
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

    /// `sitemap.xml`, which lists every page.
    pub fn sitemap(&self) -> OutputFile {
        OutputFile {
            path: "sitemap.xml".into(),
            bytes: self.renderer().sitemap().into_bytes(),
        }
    }

    /// The files that are not pages: static files, `syntax.css`, `robots.txt`. A site's
    /// own static file never replaces a page: pages come first in [`Site::render`].
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
        if self.config.base_url.contains("://") {
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
    pub fn build(&self, output: &Path) -> Result<BuildReport> {
        self.check_output_dir(output)?;
        let files = self.render()?;
        write_atomically(output, &files)?;
        Ok(BuildReport {
            warnings: self.warnings.len(),
            pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
            files: files.len(),
            languages: self.config.languages.len(),
        })
    }

    pub fn default_output_dir(&self) -> PathBuf {
        self.root.join(DEFAULT_OUTPUT_DIR)
    }

    /// The output folder is replaced whole: it must never be the site or hold it.
    fn check_output_dir(&self, output: &Path) -> Result<()> {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
        let (root, out) = (absolute(&self.root), absolute(output));
        let inside_sources = ["content", "locales", "themes", "templates", "static"]
            .iter()
            .any(|dir| out.starts_with(root.join(dir)));
        if root.starts_with(&out) || inside_sources {
            return Err(Error::new(
                Diagnostic::new(
                    output,
                    "the output folder would replace the site's own files",
                )
                .with_hint("choose a folder of its own, such as public/"),
            ));
        }
        Ok(())
    }
}

/// How `samling build` was called.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output_dir: Option<PathBuf>,
    pub base_url: Option<String>,
}

/// Loads, renders and writes a site: what `samling build` does.
pub fn build(options: &BuildOptions) -> Result<(BuildReport, PathBuf)> {
    let site = Site::load_with(&options.root, options.base_url.as_deref())?;
    let output = options
        .output_dir
        .clone()
        .unwrap_or_else(|| site.default_output_dir());
    let report = site.build(&output)?;
    Ok((report, output))
}
