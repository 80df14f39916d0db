//! `samling check`: every problem of a site in one run, errors and warnings, without writing
//! anything. `build` refuses the same errors, because both go through [`Site`] assembly; the
//! warnings here are what a build would publish anyway but an organiser should look at.

mod strings;

pub use strings::{MESSAGES_USED_BY_CODE, check_strings};

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::front_matter::{SpeakerEntry, Status};
use crate::load::Sources;
use crate::model::{Model, at_field};
use crate::site::Site;

/// What `check` needs besides the site.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Replaces `base_url` of config.toml, as `--base-url` does for `build`.
    pub base_url: Option<String>,
    /// The day to count from when warning about unconfirmed speakers.
    pub today: civil::Date,
}

/// A page that does not exist in every language of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingTranslation {
    /// One of the page's files, the first in the site's language order.
    pub path: PathBuf,
    /// The page's path inside `content/`, without language.
    pub key: String,
    pub lacks: Vec<String>,
    pub severity: Severity,
}

impl MissingTranslation {
    pub fn diagnostic(&self) -> Diagnostic {
        let d = Diagnostic::new(
            &self.path,
            format!("no translation in {}", self.lacks.join(", ")),
        )
        .with_hint(format!(
            "add {}",
            self.lacks
                .iter()
                .map(|lang| format!("{}.{lang}.md", self.key_stem()))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        match self.severity {
            Severity::Error => d,
            Severity::Warning => d.warning(),
        }
    }

    /// The file name before the language: `_index` or the page's own name.
    fn key_stem(&self) -> &str {
        self.path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(crate::load::split_name)
            .map_or(&self.key, |(stem, _)| stem)
    }
}

/// Every page that lacks some of the site's languages, in file order. From the loaded
/// files, so that it is known even when the content has errors.
pub fn missing_translations(sources: &Sources, config: &Config) -> Vec<MissingTranslation> {
    let groups = sources.groups();
    // A file that could not be read is still there: its language is not missing.
    let failed: Vec<(String, &str)> = sources.failed_pages().collect();
    let severity = if config.require_translations {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut missing: Vec<MissingTranslation> = groups
        .iter()
        .filter_map(|(key, files)| {
            let lacks: Vec<String> = config
                .languages
                .iter()
                .filter(|l| !files.iter().any(|f| f.lang == l.code))
                .filter(|l| !failed.iter().any(|(k, lang)| k == key && *lang == l.code))
                .map(|l| l.code.clone())
                .collect();
            (!lacks.is_empty()).then(|| MissingTranslation {
                path: files[0].path.clone(),
                key: key.clone(),
                lacks,
                severity,
            })
        })
        .collect();
    missing.sort_by(|a, b| a.path.cmp(&b.path));
    missing
}

/// Speakers not confirmed although their session is less than `confirm_speakers_days` away.
pub fn unconfirmed_speakers(model: &Model, config: &Config, today: civil::Date) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for session in &model.sessions {
        for t in &session.entry.translations {
            let f = &t.front;
            let Some(date) = f.date else { continue };
            if matches!(f.status, Some(Status::Cancelled | Status::Moved)) {
                continue;
            }
            let Ok(days) = today.until(date.0).map(|span| span.get_days()) else {
                continue;
            };
            if days < 0 || days >= i64::from(config.confirm_speakers_days) as i32 {
                continue;
            }
            for (field, speaker) in f
                .speakers
                .iter()
                .map(|s| ("speakers", s))
                .chain(f.moderator.iter().map(|m| ("moderator", m)))
            {
                if speaker.confirmed() {
                    continue;
                }
                let name = match speaker {
                    SpeakerEntry::Reference { id, .. } => id,
                    SpeakerEntry::Inline { name, .. } => name,
                };
                let when = match days {
                    0 => "today".to_owned(),
                    1 => "tomorrow".to_owned(),
                    n => format!("in {n} days"),
                };
                warnings.push(
                    at_field(
                        &t.file,
                        field,
                        &format!("`{name}` is not confirmed, and the session is {when} ({})", date.0),
                    )
                    .with_hint(format!(
                        "confirm the speaker, or say so on the page; samling warns {} days ahead (confirm_speakers_days)",
                        config.confirm_speakers_days
                    ))
                    .warning(),
                );
            }
        }
    }
    warnings
}

/// Everything `samling check` found.
#[derive(Debug, Default)]
pub struct Report {
    /// Errors and warnings, sorted by file and position; missing translations not included.
    pub diagnostics: Vec<Diagnostic>,
    pub missing_translations: Vec<MissingTranslation>,
    /// The site's language codes, in its order: the columns of the translation table.
    pub languages: Vec<String>,
}

impl Report {
    pub fn error_count(&self) -> usize {
        self.all().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.all().filter(|d| !d.is_error()).count()
    }

    /// Every problem, missing translations included, sorted by file and position.
    pub fn all(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        let mut all: Vec<Diagnostic> = self
            .diagnostics
            .iter()
            .cloned()
            .chain(
                self.missing_translations
                    .iter()
                    .map(MissingTranslation::diagnostic),
            )
            .collect();
        Diagnostic::sort(&mut all);
        all.into_iter()
    }

    /// For people: each problem with its source line, then the missing translations as a
    /// table, then the counts.
    pub fn human(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let _ = writeln!(out, "{d}\n");
        }
        if !self.missing_translations.is_empty() {
            let languages: Vec<&str> = self.languages.iter().map(String::as_str).collect();
            let severity = match self.missing_translations[0].severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = writeln!(
                out,
                "{severity}: {} pages lack translations (- marks a missing language)",
                self.missing_translations.len()
            );
            let width = self
                .missing_translations
                .iter()
                .map(|m| m.path.display().to_string().chars().count())
                .max()
                .unwrap_or(0);
            let _ = writeln!(out, "  {:width$}  {}", "file", languages.join("  "));
            for m in &self.missing_translations {
                let marks: Vec<String> = languages
                    .iter()
                    .map(|lang| {
                        let mark = if m.lacks.iter().any(|l| l == lang) {
                            "-"
                        } else {
                            "✓"
                        };
                        format!("{mark:<w$}", w = lang.chars().count())
                    })
                    .collect();
                let path = m.path.display().to_string();
                let line = format!("  {path:width$}  {}", marks.join("  "));
                let _ = writeln!(out, "{}", line.trim_end());
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} errors, {} warnings",
            self.error_count(),
            self.warning_count()
        );
        out
    }

    /// For editors and CI: `{"errors": n, "warnings": n, "diagnostics": [...]}`.
    pub fn json(&self) -> String {
        let diagnostics: Vec<Diagnostic> = self.all().collect();
        serde_json::json!({
            "errors": self.error_count(),
            "warnings": self.warning_count(),
            "diagnostics": diagnostics,
        })
        .to_string()
    }
}

/// Checks the site at `root`: loads, links, validates and renders it in memory, writing
/// nothing, and collects every error and warning.
pub fn check(root: &Path, options: &CheckOptions) -> Report {
    let mut report = Report::default();
    let config = match Site::config(root, options.base_url.as_deref()) {
        Ok(config) => config,
        Err(err) => {
            report.diagnostics = err.diagnostics;
            return report;
        }
    };
    report.languages = config.languages.iter().map(|l| l.code.clone()).collect();
    let sources = Sources::load(root, &config);
    if !config.require_translations {
        report.missing_translations = missing_translations(&sources, &config);
    }
    match Site::from_sources(root, config, &sources) {
        Err(err) => report.diagnostics = err.diagnostics,
        Ok(site) => {
            report.diagnostics.extend(site.warnings.iter().cloned());
            report
                .diagnostics
                .extend(site.content_warnings.iter().cloned());
            if let Err(err) = site.render() {
                report.diagnostics.extend(err.diagnostics);
            }
            report.diagnostics.extend(unconfirmed_speakers(
                &site.model,
                &site.config,
                options.today,
            ));
        }
    }
    Diagnostic::sort(&mut report.diagnostics);
    report
}
