//! Errors as users see them: a file, a line and column where there is one, a message, a hint.
//!
//! Every stage reports problems as [`Diagnostic`]s so that a failed build can list all of
//! them at once, each pointing at the file an organiser has to open.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How bad a problem is: an error stops a build, a warning is only reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Detail {
    Excerpt(String, Range<usize>),
    Report(String),
}

/// One problem in the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line and column (in characters), where the problem has a place.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// A suggestion, e.g. the nearest known field name.
    pub hint: Option<String>,
    /// The offending line and the byte range to underline within it.
    /// Or: text already rendered by a library that formats its own report (Tera).
    detail: Option<Box<Detail>>,
}

impl Diagnostic {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            position: None,
            message: message.into(),
            hint: None,
            detail: None,
        }
    }

    /// A problem at a byte range of `source`, the whole text of the file.
    pub fn at(
        path: impl Into<PathBuf>,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        // Without the CR of a CRLF line end, unless the problem is in the CRs themselves.
        let text_end =
            (line_start + source[line_start..line_end].trim_end_matches('\r').len()).max(start);
        let line_text = &source[line_start..text_end];
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let mut end = span.end.clamp(start, text_end);
        while !source.is_char_boundary(end) {
            end += 1;
        }
        let mut underline = (start - line_start)..(end - line_start);
        if underline.is_empty() {
            // Point at one character (or past the end of an empty line).
            let next = line_text[underline.start..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            underline.end = underline.start + next;
        }
        Diagnostic {
            position: Some((line, column)),
            detail: Some(Box::new(Detail::Excerpt(line_text.to_owned(), underline))),
            ..Diagnostic::new(path, message)
        }
    }

    /// The same problem, reported as a warning: it does not stop a build.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The order in which problems are listed: by file, then line and column.
    /// Sorts by file, place, severity and message, then by the whole report: the same
    /// problems in the same order however they were found (`serve` renders pages in
    /// another order than `build`).
    pub fn sort(diagnostics: &mut [Diagnostic]) {
        diagnostics.sort_by(|a, b| {
            (&a.path, a.position, a.severity, &a.message)
                .cmp(&(&b.path, b.position, b.severity, &b.message))
                .then_with(|| a.to_string().cmp(&b.to_string()))
        });
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A diagnostic whose full text was formatted by another library.
    pub fn with_report(mut self, report: impl Into<String>) -> Self {
        self.detail = Some(Box::new(Detail::Report(report.into())));
        self
    }

    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// `path:line:column`, or just the path.
    pub fn location(&self) -> String {
        match self.position {
            Some((line, column)) => format!("{}:{line}:{column}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str());
        let mut groups = Vec::new();
        let excerpt = match self.detail.as_deref() {
            Some(Detail::Excerpt(line_text, underline)) => Some((line_text, underline)),
            _ => None,
        };
        match (excerpt, self.position) {
            (Some((line_text, underline)), Some((line, _))) => groups.push(
                title.element(
                    Snippet::source(line_text.as_str())
                        .line_start(line)
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(underline.clone())),
                ),
            ),
            _ => groups.push(title.element(annotate_snippets::Origin::path(path.as_str()))),
        }
        if let Some(hint) = &self.hint {
            groups.push(Group::with_title(
                Level::HELP.secondary_title(hint.as_str()),
            ));
        }
        if let Some(Detail::Report(report)) = self.detail.as_deref() {
            // Already says what and where, with the source line.
            return write!(f, "{report}");
        }
        let rendered = Renderer::plain().render(&groups);
        match (excerpt.is_none(), self.position) {
            // Keep `path:line:col` on one line even without a snippet, so tools can jump to it.
            (true, Some(_)) => {
                let severity = match self.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                write!(f, "{}: {severity}: {}", self.location(), self.message)?;
                match &self.hint {
                    Some(hint) => write!(f, "\n  help: {hint}"),
                    None => Ok(()),
                }
            }
            _ => write!(f, "{rendered}"),
        }
    }
}

/// The JSON shape of a diagnostic, for editors and CI (`samling check --format json`).
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Diagnostic", 6)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("file", &self.path.to_string_lossy().replace('\\', "/"))?;
        s.serialize_field("line", &self.position.map(|(line, _)| line))?;
        s.serialize_field("column", &self.position.map(|(_, column)| column))?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("hint", &self.hint)?;
        s.end()
    }
}

/// All problems that stopped a build. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub fn new(diagnostic: Diagnostic) -> Self {
        Error {
            diagnostics: vec![diagnostic],
        }
    }

    pub fn io(path: &Path, action: &str, err: std::io::Error) -> Self {
        Error::new(Diagnostic::new(path, format!("cannot {action}: {err}")))
    }

    /// Turns collected diagnostics into a result: `Ok` only when there are none.
    pub fn check(diagnostics: Vec<Diagnostic>) -> Result<(), Error> {
        if diagnostics.is_empty() {
            Ok(())
        } else {
            Err(Error { diagnostics })
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Self {
        Error::new(diagnostic)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{diagnostic}")?;
        }
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = self.diagnostics.len() - errors;
        match (errors, warnings) {
            (_, 0) if errors > 1 => write!(f, "{errors} errors")?,
            (_, 0) => {}
            (errors, warnings) => write!(
                f,
                "{}, {}",
                count(errors, "error"),
                count(warnings, "warning")
            )?,
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A file's bytes as text: UTF-8, without the byte-order mark that some Windows editors
/// write. Anything else is refused with the offset (and line) of the first bad byte.
pub fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            Err(Diagnostic::new(
                path,
                format!("not UTF-8 text: invalid byte at offset {offset} (line {line})"),
            )
            .with_hint("save the file as UTF-8"))
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The known name closest to `unknown`, if any is close enough to be a likely typo.
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(unknown, name), name))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// A TOML error as a diagnostic in the file that contains the TOML at `offset`.
///
/// serde reports unknown fields as "unknown field `x`, expected one of `a`, `b`"; we turn
/// that into a message that names the nearest known field.
pub fn from_toml(path: &Path, file_text: &str, offset: usize, err: &toml::de::Error) -> Diagnostic {
    let span = err
        .span()
        .map_or(offset..offset, |s| (s.start + offset)..(s.end + offset));
    let message = err.message().trim_end().to_owned();
    if let Some((what, unknown, expected)) = parse_unknown(&message) {
        let known: Vec<&str> = expected
            .split([',', ' '])
            .filter(|s| *s != "or")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        // serde does not say which field holds an unknown value: the line does.
        let message = match (what, key_of_value(file_text, span.start)) {
            ("value", Some(key)) => format!("`{key}`: unknown value `{unknown}`"),
            _ => format!("unknown {what} `{unknown}`"),
        };
        let diagnostic = Diagnostic::at(path, file_text, span, message);
        return match nearest(unknown, known.iter().copied()) {
            Some(name) => diagnostic.with_hint(format!("did you mean `{name}`?")),
            None if known.is_empty() => diagnostic,
            None => diagnostic.with_hint(format!("expected one of: {}", known.join(", "))),
        };
    }
    let message = readable_type_error(&message).unwrap_or(message);
    let message = match key_of_value(file_text, span.start) {
        Some(key) if !message.contains(&format!("`{key}`")) => format!("`{key}`: {message}"),
        _ => message,
    };
    Diagnostic::at(path, file_text, span, message)
}

/// The key whose value starts at byte `at`: `format` in `format = "tlak"`, `rolle` in
/// `moderator = { name = "x", rolle = 3 }`. `None` when `at` is not after a `key =`.
fn key_of_value(text: &str, at: usize) -> Option<&str> {
    let at = floor_char_boundary(text, at.min(text.len()));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..at];
    let equals = before.rfind('=')?;
    let key = before[..equals].trim_end();
    let start = key
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let key = key[start..].trim_matches('"');
    (!key.is_empty()).then_some(key)
}

/// serde's "invalid type: string \"x\", expected f64" in the words of a TOML writer.
fn readable_type_error(message: &str) -> Option<String> {
    let rest = message.strip_prefix("invalid type: ")?;
    let (found, expected) = rest.split_once(", expected ")?;
    let expected = match expected {
        "f64" | "f32" => "a number",
        "i64" | "i32" | "u64" | "u32" | "u16" | "u8" | "usize" => "a whole number",
        "a string" => "text in quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list in [ ]",
        other => other,
    };
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("the text {text}")
    } else if let Some(number) = found
        .strip_prefix("integer ")
        .or(found.strip_prefix("floating point "))
    {
        format!("the number {}", number.trim_matches('`'))
    } else if let Some(value) = found.strip_prefix("boolean ") {
        value.trim_matches('`').to_owned()
    } else if found == "sequence" {
        "a list".to_owned()
    } else if found == "map" {
        "a table".to_owned()
    } else {
        found.to_owned()
    };
    Some(format!("expected {expected}, found {found}"))
}

/// Splits serde's "unknown field `x`, expected one of `a`, `b`" (or variant) into its parts.
fn parse_unknown(message: &str) -> Option<(&str, &str, &str)> {
    let (what, rest) = [("field", "unknown field `"), ("value", "unknown variant `")]
        .into_iter()
        .find_map(|(what, prefix)| Some((what, message.strip_prefix(prefix)?)))?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected = rest
        .strip_prefix(", expected one of ")
        .or_else(|| rest.strip_prefix(", expected "))
        .unwrap_or("");
    Some((what, unknown, expected))
}

/// `1 error`, `2 errors`, `0 errors`: the summary line is English, like the diagnostics.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_characters_not_bytes() {
        let source = "+++\ntitle = \"Møde\"\nære = 1\n";
        let at = source.find("ære").unwrap();
        let d = Diagnostic::at("x.da.md", source, at..at + "ære".len(), "bad");
        assert_eq!(d.position, Some((3, 1)));
        let at = source.find('"').unwrap();
        let d = Diagnostic::at("x.da.md", source, at..at + 1, "bad");
        assert_eq!(d.position, Some((2, 9)));
        assert!(d.to_string().contains("x.da.md:2:9"), "{d}");
    }

    #[test]
    fn nearest_suggests_typos_only() {
        let known = ["title", "summary", "date"];
        assert_eq!(nearest("titel", known), Some("title"));
        assert_eq!(nearest("sumary", known), Some("summary"));
        assert_eq!(nearest("xyzzy", known), None);
    }

    #[test]
    fn unknown_field_message_names_the_nearest_field() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Front {
            title: String,
            summary: Option<String>,
        }
        let text = "+++\ntitle = \"a\"\nsumary = \"b\"\n+++\n";
        let err = toml::from_str::<Front>(&text[4..29]).unwrap_err();
        let d = from_toml(Path::new("p.sv.md"), text, 4, &err);
        assert_eq!(d.message, "unknown field `sumary`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `summary`?"));
        assert_eq!(d.position, Some((3, 1)));
    }
}
