//! A [`Site`] owns one site's configuration, content model, locales and templates, and runs
//! the pipeline: load → model → validate → render → write.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::load::load_content;
use crate::locale::Locales;
use crate::markdown::{Markdown, highlight_css};
use crate::model::Model;
use crate::render::{Renderer, Templates};
use crate::theme::ThemeFiles;
use crate::urls::Urls;
use crate::validate::validate;
use crate::write::{OutputFile, write_atomically};

pub const DEFAULT_OUTPUT_DIR: &str = "public";

/// Everything about one site, loaded and checked. No global state: tests build many.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub model: Model,
    pub locales: Arc<Locales>,
    theme: ThemeFiles,
    syntax_css: Option<String>,
    templates: Templates,
    markdown: Markdown,
}

/// What a build produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub languages: usize,
}

impl Site {
    /// Loads and checks the site at `root`; reports every problem found, not just the first.
    pub fn load(root: &Path) -> Result<Site> {
        Site::load_with(root, None)
    }

    /// As [`Site::load`], with `base_url` in place of the configuration's (`--base-url`).
    pub fn load_with(root: &Path, base_url: Option<&str>) -> Result<Site> {
        let mut config = Config::load(root)?;
        if let Some(base_url) = base_url {
            config.base_url = base_url.to_owned();
        }
        let markdown = Markdown::default();
        let (files, mut problems) = load_content(root, &config);
        let locales = match Locales::load(root, &config) {
            Ok(locales) => Some(locales),
            Err(mut errs) => {
                problems.append(&mut errs);
                None
            }
        };
        let theme = ThemeFiles::load(root, &config.theme)?;
        // The site's own syntax.css wins; otherwise it is generated from the configured theme.
        let syntax_css = if theme.has_static("syntax.css") {
            None
        } else {
            highlight_css(&config.highlight_theme)
        };
        if syntax_css.is_none() && !theme.has_static("syntax.css") {
            problems.push(
                Diagnostic::new("config.toml", format!("no highlighting theme `{}`", config.highlight_theme))
                    .with_hint("use one of syntect's themes, e.g. `InspiredGitHub`, or put a syntax.css in static/"),
            );
        }
        let model = match Model::build(files, &config, &markdown) {
            Ok(model) => {
                problems.extend(validate(&model, &config, &|name| theme.has_static(name)));
                Some(model)
            }
            Err(mut errs) => {
                problems.append(&mut errs);
                None
            }
        };
        let (Some(model), Some(locales), true) = (model, locales, problems.is_empty()) else {
            problems.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
            return Err(Error {
                diagnostics: problems,
            });
        };
        let locales = Arc::new(locales);
        let templates = Templates::new(&theme, Arc::clone(&locales), &config)?;
        Ok(Site {
            root: root.to_owned(),
            config,
            model,
            locales,
            theme,
            syntax_css,
            templates,
            markdown,
        })
    }

    /// Renders the whole site in memory: pages, static files, sitemap, robots.txt.
    pub fn render(&self) -> Result<Vec<OutputFile>> {
        let renderer = Renderer {
            model: &self.model,
            config: &self.config,
            locales: &self.locales,
            templates: &self.templates,
            markdown: &self.markdown,
            urls: Urls::new(&self.config),
        };
        let (pages, sitemap) = renderer.render_all()?;
        let mut files: Vec<OutputFile> = pages
            .into_iter()
            .map(|p| OutputFile {
                path: p.file,
                bytes: p.html.into_bytes(),
            })
            .collect();
        for file in &self.theme.static_files {
            files.push(OutputFile {
                path: file.name.clone(),
                bytes: file.bytes.clone(),
            });
        }
        if let Some(css) = &self.syntax_css {
            files.push(OutputFile {
                path: "syntax.css".into(),
                bytes: css.clone().into_bytes(),
            });
        }
        files.push(OutputFile {
            path: "sitemap.xml".into(),
            bytes: sitemap.into_bytes(),
        });
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
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup_by(|a, b| a.path == b.path);
        Ok(files)
    }

    /// Renders and writes the site to `output`, replacing it only if everything succeeded.
    pub fn build(&self, output: &Path) -> Result<BuildReport> {
        self.check_output_dir(output)?;
        let files = self.render()?;
        write_atomically(output, &files)?;
        Ok(BuildReport {
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
