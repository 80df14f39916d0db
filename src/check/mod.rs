//! `samling check`: every problem of a site in one run, errors and warnings, without writing
//! anything. `build` refuses the same errors, because both go through [`Site`] assembly; the
//! warnings here are what a build would publish anyway but an organiser should look at.

pub use crate::diagnostic::count;
pub use crate::locale::coverage::{MESSAGES_USED_BY_CODE, check_strings};
pub use crate::validate::{MissingTranslation, missing_translations};

use std::fmt::Write as _;
use std::path::Path;

use jiff::civil;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::front_matter::{MeetingStatus, SpeakerEntry, Status};
use crate::load::Sources;
use crate::model::{Model, at_field};
use crate::progress::{Progress, Silent, Stage};
use crate::site::Site;

/// What `check` needs besides the site.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Replaces `base_url` of config.toml, as `--base-url` does for `build`.
    pub base_url: Option<String>,
    /// The day to count from when warning about unconfirmed speakers.
    pub today: civil::Date,
}

/// Speakers not confirmed although their session is less than `confirm_speakers_days` away.
pub fn unconfirmed_speakers(model: &Model, config: &Config, today: civil::Date) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for session in &model.sessions {
        for t in session.entry().translations() {
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
                let message = format!(
                    "`{name}` is not confirmed, and the session is {when} ({})",
                    date.0
                );
                warnings.push(
                    at_speaker(t.file(), field, name)
                        .map(|span| Diagnostic::at(&t.file().path, &t.file().text, span, &message))
                        .unwrap_or_else(|| at_field(t.file(), field, &message))
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

/// Agendas of a series with `agenda_days` published fewer days than that before their
/// meeting (on `published`, or now: `today`): members were to have them earlier (Norwegian
/// councils 7–10 days).
pub fn late_agendas(model: &Model, today: civil::Date) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for (s, series) in model.series.iter().enumerate() {
        for t in series.translations() {
            let Some(days_wanted) = t.front.agenda_days else {
                continue;
            };
            for j in model.meetings_in(s) {
                for m in model.minutes[j].translations() {
                    let f = &m.front;
                    let Some(date) = f.date else { continue };
                    if f.status != MeetingStatus::Agenda || m.lang != t.lang {
                        continue;
                    }
                    let from = f.published.map_or(today, |p| p.0);
                    let Ok(days) = from.until(date.0).map(|span| span.get_days()) else {
                        continue;
                    };
                    if days < 0 || days >= days_wanted as i32 {
                        continue;
                    }
                    let field = if f.published.is_some() {
                        "published"
                    } else {
                        "status"
                    };
                    warnings.push(
                        at_field(
                            m.file(),
                            field,
                            &format!(
                                "the agenda is published {days} days before the meeting on {}; the series asks for {days_wanted}",
                                date.0
                            ),
                        )
                        .with_hint(format!(
                            "publish agendas earlier, or change agenda_days in {}",
                            t.file().path.display()
                        ))
                        .warning(),
                    );
                }
            }
        }
    }
    warnings
}

/// Meetings that have been held while their page still shows the agenda: the minutes are
/// what readers look for afterwards.
pub fn agendas_of_past_meetings(model: &Model, today: civil::Date) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for meeting in &model.minutes {
        for t in meeting.translations() {
            let f = &t.front;
            if f.status == MeetingStatus::Agenda
                && let Some(date) = f.date
                && date.0 < today
            {
                warnings.push(
                    at_field(
                        t.file(),
                        "status",
                        &format!(
                            "the meeting was on {}, and its page still shows the agenda",
                            date.0
                        ),
                    )
                    .with_hint(
                        "publish the minutes: set `status = \"minutes\"` and give the decisions",
                    )
                    .warning(),
                );
            }
        }
    }
    warnings
}

/// Public bodies in the Nordic countries must publish an accessibility statement and review
/// it at least once a year (the EU Web Accessibility Directive, art. 7).
pub fn accessibility_statement(model: &Model, today: civil::Date) -> Vec<Diagnostic> {
    let statements: Vec<_> = (model.pages.iter())
        .flat_map(|p| p.translations())
        .filter_map(|t| t.front.accessibility.as_ref().map(|a| (t, a)))
        .collect();
    if statements.is_empty() {
        return vec![
            Diagnostic::new(
                "content",
                "the site has no accessibility statement, which public bodies must publish",
            )
            .with_hint(
                "write a page with an [accessibility] table (status, updated, contact, complaints): see docs/content.md",
            )
            .warning(),
        ];
    }
    let mut warnings = Vec::new();
    for (t, a) in statements {
        let Ok(age) = a.updated.0.until(today).map(|span| span.get_days()) else {
            continue;
        };
        if age > 365 {
            warnings.push(
                at_field(
                    t.file(),
                    "updated",
                    &format!(
                        "the accessibility statement was last reviewed on {}, more than a year ago",
                        a.updated.0
                    ),
                )
                .with_hint("review the statement, then set `updated` to the day you did")
                .warning(),
            );
        }
    }
    warnings
}

/// A `base_url` that is only a path (the starter's `/`): pages work, but calendars,
/// schedules, the feed and the sitemap need full addresses, so the build leaves the sitemap
/// out and the exports link relatively, which apps that fetch them cannot follow.
pub fn path_only_address(config_text: &str, config: &Config, given: bool) -> Option<Diagnostic> {
    if config.has_full_address() {
        return None;
    }
    let message = format!(
        "base_url `{}` is only a path: calendars, schedules and the feed cannot link back to the site, and no sitemap or schedule.json is written",
        config.base_url
    );
    let at = (!given).then_some(|line: &str| line.starts_with("base_url"));
    Some(
        at_config_line(config_text, at, message)
            .with_hint("before publishing, give the site's full address: base_url = \"https://example.org/programme/\" in config.toml, or --base-url")
            .warning(),
    )
}

/// Languages that the search has no stemmer for: their readers find a word only in the form
/// they type it, which in an inflected language misses most of the text.
pub fn unstemmed_languages(config_text: &str, config: &Config) -> Vec<Diagnostic> {
    let stemmed: Vec<&str> = crate::search::stemmed_languages().collect();
    (config.languages.iter())
        .filter(|language| crate::search::rules_for(&language.code).is_none())
        .map(|language| {
            at_language_line(
                config_text,
                language,
                format!(
                    "the search has no stemmer for `{}` ({}): its readers find a word only in the form they type",
                    language.code, language.name
                ),
            )
            .with_hint(format!(
                "the search stems {}; other languages are searched word for word",
                stemmed.join(", ")
            ))
            .warning()
        })
        .collect()
}

/// Languages that ICU has no date formats for: their pages would show dates in its neutral
/// form, which no reader writes.
fn languages_without_date_formats(config_text: &str, site: &Site) -> Vec<Diagnostic> {
    let default = &site.config.default_language().code;
    (site.locales.iter())
        .filter_map(|locale| Some((&locale.language, locale.neutral_dates()?)))
        .map(|(language, sample)| {
            at_language_line(
                config_text,
                language,
                format!(
                    "ICU has no date formats for `{}` ({}): its dates would read `{sample}`",
                    language.code, language.name
                ),
            )
            .with_hint(format!(
                "write its dates as another language's: formats = \"{default}\" (or the locale its readers know best) under its [[languages]] entry"
            ))
            .warning()
        })
        .collect()
}

/// A diagnostic at the `code = "…"` line of `language` in config.toml (`config_text`).
fn at_language_line(
    config_text: &str,
    language: &crate::config::Language,
    message: String,
) -> Diagnostic {
    let code = format!("\"{}\"", language.code);
    let line = |line: &str| line.starts_with("code") && line.contains(&code);
    at_config_line(config_text, Some(line), message)
}

/// A diagnostic at the first line of config.toml (`text`) that `line` (given the line
/// without its indentation) picks, or at the file.
fn at_config_line(text: &str, line: Option<impl Fn(&str) -> bool>, message: String) -> Diagnostic {
    let file = crate::config::CONFIG_FILE;
    let span = line.and_then(|picks| {
        let mut offset = 0;
        text.lines().find_map(|l| {
            let start = offset + (l.len() - l.trim_start().len());
            offset += l.len() + 1;
            picks(l.trim_start()).then(|| start..start + l.trim().len())
        })
    });
    match span {
        Some(span) => Diagnostic::at(file, text, span, message),
        None => Diagnostic::new(file, message),
    }
}

/// Text fields holding characters XML forbids (`\u0000`, `\u000b`, as CFP exports write
/// them): schedule.xml, feed.xml and the pages leave them out, so the organiser should know.
pub fn forbidden_characters(sources: &Sources) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for file in sources.groups().values().flatten() {
        // TOML allows no raw control character in a string: they come only from escapes.
        if !file.front_text().contains('\\') {
            continue;
        }
        let Ok(table) = toml::de::DeTable::parse(file.front_text()) else {
            continue;
        };
        let mut found = Vec::new();
        forbidden_in_table(table.get_ref(), "", &mut found);
        for (field, span, c) in found {
            let span = file.front.start + span.start..file.front.start + span.end;
            warnings.push(
                Diagnostic::at(
                    &file.path,
                    &file.text,
                    span,
                    format!(
                        "`{field}` holds the control character U+{:04X}, which XML and HTML do not allow",
                        u32::from(c)
                    ),
                )
                .with_hint("remove it from the text; schedule.xml, feed.xml and the pages leave it out")
                .warning(),
            );
        }
    }
    warnings
}

type Forbidden = (String, std::ops::Range<usize>, char);

fn forbidden_in_table(table: &toml::de::DeTable<'_>, prefix: &str, found: &mut Vec<Forbidden>) {
    for (key, value) in table {
        let field = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        forbidden_in_value(value, &field, found);
    }
}

fn forbidden_in_value(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    field: &str,
    found: &mut Vec<Forbidden>,
) {
    match value.get_ref() {
        toml::de::DeValue::String(text) => {
            if let Some(c) = text.chars().find(|&c| !crate::text::is_xml_char(c)) {
                found.push((field.to_owned(), value.span(), c));
            }
        }
        toml::de::DeValue::Array(items) => {
            for item in items.iter() {
                forbidden_in_value(item, field, found);
            }
        }
        toml::de::DeValue::Table(table) => forbidden_in_table(table, field, found),
        _ => {}
    }
}

/// The place of the speaker `name` (an id or an inline name, as a TOML string) in the
/// front matter at or after the field `field`: their own `[[speakers]]` table or list item,
/// not the first.
fn at_speaker(
    file: &crate::load::SourceFile,
    field: &str,
    name: &str,
) -> Option<std::ops::Range<usize>> {
    let from = crate::model::find_in_front(file, field)?.start;
    let after = &file.text[from..file.front.end];
    [format!("\"{name}\""), format!("'{name}'")]
        .iter()
        .filter_map(|quoted| after.find(quoted.as_str()))
        .min()
        .map(|at| from + at..from + at + name.len() + 2)
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
                "{severity}: {} translations (- marks a missing language)",
                match self.missing_translations.len() {
                    1 => "1 page lacks".to_owned(),
                    n => format!("{n} pages lack"),
                }
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
            "{}, {}",
            count(self.error_count(), "error"),
            count(self.warning_count(), "warning")
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
    check_reporting(root, options, &Silent)
}

/// As [`check`], telling `progress` how far it has come.
pub fn check_reporting(root: &Path, options: &CheckOptions, progress: &dyn Progress) -> Report {
    progress.begin(Stage::Load, None);
    let mut report = Report::default();
    let config = match Site::config(root, options.base_url.as_deref()) {
        Ok(config) => config,
        Err(err) => {
            report.diagnostics = err.diagnostics;
            return report;
        }
    };
    report.languages = config.languages.iter().map(|l| l.code.clone()).collect();
    // Read once more, for the lines the configuration's warnings point at.
    let config_text =
        std::fs::read_to_string(root.join(crate::config::CONFIG_FILE)).unwrap_or_default();
    report.diagnostics.extend(path_only_address(
        &config_text,
        &config,
        options.base_url.is_some(),
    ));
    report
        .diagnostics
        .extend(unstemmed_languages(&config_text, &config));
    let sources = Sources::load(root, &config);
    report.diagnostics.extend(forbidden_characters(&sources));
    if !config.require_translations {
        report.missing_translations = missing_translations(&sources, &config);
    }
    match Site::from_sources(root, config, &sources) {
        Err(err) => report.diagnostics.extend(err.diagnostics),
        Ok(site) => {
            report.diagnostics.extend(site.warnings.iter().cloned());
            report
                .diagnostics
                .extend(site.content_warnings.iter().cloned());
            if let Err(err) = site.render_reporting(progress) {
                report.diagnostics.extend(err.diagnostics);
            }
            report.diagnostics.extend(site.model.text_warnings());
            report
                .diagnostics
                .extend(languages_without_date_formats(&config_text, &site));
            report.diagnostics.extend(unconfirmed_speakers(
                &site.model,
                &site.config,
                options.today,
            ));
            report
                .diagnostics
                .extend(late_agendas(&site.model, options.today));
            report
                .diagnostics
                .extend(agendas_of_past_meetings(&site.model, options.today));
            report
                .diagnostics
                .extend(accessibility_statement(&site.model, options.today));
        }
    }
    Diagnostic::sort(&mut report.diagnostics);
    report
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_in_the_summary_agree_with_their_number() {
        assert_eq!(super::count(1, "error"), "1 error");
        assert_eq!(super::count(0, "error"), "0 errors");
        assert_eq!(super::count(2, "warning"), "2 warnings");
    }
}
