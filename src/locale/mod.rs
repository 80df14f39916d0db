//! Locales: the Fluent strings of each language, and its way of writing dates and numbers.
//!
//! A small loader of our own rather than fluent-templates: parse errors name the file, line
//! and column, and a missing key is an error, never a placeholder on a published page.

pub mod coverage;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use icu_datetime::fieldsets::{T, YMD, YMDE};
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use writeable::Writeable;

use crate::config::{Config, Language};
use crate::diagnostic::Diagnostic;
use crate::front_matter::{Date, Time};

pub const LOCALES_DIR: &str = "locales";

pub struct Locale {
    pub language: Language,
    /// `locales/<code>.ftl`, for messages.
    pub path: PathBuf,
    /// The file's text, kept for the checks of which messages exist and what they use.
    source: String,
    bundle: FluentBundle<FluentResource>,
    full_date: DateTimeFormatter<YMDE>,
    long_date: DateTimeFormatter<YMD>,
    time: NoCalendarFormatter<T>,
    decimal: DecimalFormatter,
    /// Dates and times as written before: a programme has a few days and times, and its
    /// listings show them for every session.
    written: Mutex<HashMap<(Written, Date, Time), String>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Written {
    FullDate,
    LongDate,
    Time,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("language", &self.language)
            .finish()
    }
}

impl Locale {
    /// Loads `locales/<code>.ftl` of the site at `root`.
    pub fn load(root: &Path, language: &Language) -> Result<Locale, Vec<Diagnostic>> {
        let path = Path::new(LOCALES_DIR).join(format!("{}.ftl", language.code));
        let bytes = std::fs::read(root.join(&path)).map_err(|e| {
            vec![
                Diagnostic::new(
                    &path,
                    format!("cannot read the strings of `{}`: {e}", language.code),
                )
                .with_hint(format!(
                    "every language in config.toml needs {}",
                    path.display()
                )),
            ]
        })?;
        let text = crate::diagnostic::text_from_bytes(&path, bytes).map_err(|d| vec![d])?;
        Locale::parse(path, &text, language)
    }

    pub fn parse(
        path: PathBuf,
        text: &str,
        language: &Language,
    ) -> Result<Locale, Vec<Diagnostic>> {
        if let Some(deep) = too_deep(text) {
            let message = deep
                .message
                .map(|id| format!(" in the message `{id}`"))
                .unwrap_or_default();
            return Err(vec![
                Diagnostic::at(
                    &path,
                    text,
                    deep.at..deep.at + 1,
                    format!(
                        "placeables are nested more than {MAX_NESTING} deep{message}"
                    ),
                )
                .with_hint("a message needs only a few `{ ... }` inside one another; look for an unclosed `}`"),
            ]);
        }
        let resource = FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| {
            errors
                .into_iter()
                .map(|e| {
                    let message = match broken_message(text, &e) {
                        Some(id) => format!("Fluent syntax error in `{id}`: {}", e.kind),
                        None => format!("Fluent syntax error: {}", e.kind),
                    };
                    Diagnostic::at(&path, text, e.pos.clone(), message)
                })
                .collect::<Vec<_>>()
        })?;
        let shown = path.clone();
        let unexpected = |what: &str| vec![Diagnostic::new(&shown, what.to_owned())];
        // Plurals are the language's own (Sami's dual), whichever language's dates it borrows.
        let fluent_id: unic_langid::LanguageIdentifier = language
            .code
            .parse()
            .map_err(|_| unexpected("the language code is not understood by Fluent"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![fluent_id]);
        // No Unicode isolation marks around arguments: output is HTML with `lang` set.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            return Err(errors
                .into_iter()
                .map(|e| Diagnostic::new(&path, format!("Fluent: {e}")))
                .collect());
        }
        let icu_locale = icu_locale::Locale::try_from_str(language.formats_locale())
            .map_err(|_| unexpected("the language code is not understood by ICU"))?;
        let prefs = || (&icu_locale).into();
        let no_data = |_| unexpected("no date or number formats for this language");
        Ok(Locale {
            language: language.clone(),
            path,
            source: text.to_owned(),
            bundle,
            full_date: DateTimeFormatter::try_new(prefs(), YMDE::long()).map_err(no_data)?,
            long_date: DateTimeFormatter::try_new(prefs(), YMD::long()).map_err(no_data)?,
            time: NoCalendarFormatter::try_new(prefs(), T::hm()).map_err(no_data)?,
            decimal: DecimalFormatter::try_new((&icu_locale).into(), Default::default())
                .map_err(|_| unexpected("no number formats for this language"))?,
            written: Mutex::default(),
        })
    }

    /// The message `key`, formatted with `args`. The error says what is missing and where.
    pub fn message(&self, key: &str, args: Option<&FluentArgs>) -> Result<String, String> {
        let message = self.bundle.get_message(key).ok_or_else(|| {
            format!(
                "the message `{key}` is missing in {} (language `{}`)",
                self.path.display(),
                self.language.code
            )
        })?;
        let pattern = message.value().ok_or_else(|| {
            format!(
                "the message `{key}` in {} has no value",
                self.path.display()
            )
        })?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(e) => Err(format!(
                "the message `{key}` in {} cannot be formatted: {e}",
                self.path.display()
            )),
        }
    }

    /// "mandag 22. oktober 2012".
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn full_date(&self, date: Date) -> String {
        self.remembered((Written::FullDate, date, MIDNIGHT), || {
            self.full_date
                .format(&iso(date))
                .write_to_string()
                .into_owned()
        })
    }

    /// A date as this language writes it ("2027 M03 11, Thu") if that is only ICU's neutral
    /// form: ICU has no date formats of the language's own (Greenlandic and Northern Sami
    /// among the Nordic ones). None where it has.
    pub fn neutral_dates(&self) -> Option<String> {
        let neutral = icu_locale::Locale::UNKNOWN;
        let formatter = DateTimeFormatter::try_new((&neutral).into(), YMDE::long()).ok()?;
        let sample = Date(jiff::civil::date(2027, 3, 11));
        let written = self.full_date(sample);
        (formatter.format(&iso(sample)).write_to_string() == written).then_some(written)
    }

    /// "22. oktober 2012".
    pub fn long_date(&self, date: Date) -> String {
        self.remembered((Written::LongDate, date, MIDNIGHT), || {
            self.long_date
                .format(&iso(date))
                .write_to_string()
                .into_owned()
        })
    }

    /// "09.30" (da) or "09:30" (sv, nb).
    pub fn time(&self, time: Time) -> String {
        let t = time.0;
        self.remembered((Written::Time, EPOCH, time), || {
            icu_time::Time::try_new(t.hour() as u8, t.minute() as u8, t.second() as u8, 0)
                .map(|t| self.time.format(&t).write_to_string().into_owned())
                .unwrap_or_default()
        })
    }

    fn remembered(&self, key: (Written, Date, Time), write: impl FnOnce() -> String) -> String {
        let lock = || self.written.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(text) = lock().get(&key) {
            return text.clone();
        }
        let text = write();
        lock().insert(key, text.clone());
        text
    }

    /// "14.900" (da) or "14 900" (sv, nb); at most two decimals.
    pub fn number(&self, value: f64) -> String {
        self.number_to(value, 2)
    }

    /// As [`Locale::number`], with `decimals` decimals unless the value is whole.
    pub fn number_to(&self, value: f64, decimals: usize) -> String {
        let text = if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value:.decimals$}")
        };
        match fixed_decimal::Decimal::try_from_str(&text) {
            Ok(decimal) => self.decimal.format(&decimal).write_to_string().into_owned(),
            Err(_) => text,
        }
    }
}

/// How deep `{ ... }` placeables may be nested in a message. fluent-syntax parses them by
/// recursion, and some thousands overflow the stack (the process aborts); real messages
/// nest two or three.
pub const MAX_NESTING: usize = 32;

/// Where a Fluent text nests placeables more than [`MAX_NESTING`] deep.
struct TooDeep<'a> {
    /// Byte offset of the `{` that is one too deep.
    at: usize,
    /// The id of the message (or term) it is in.
    message: Option<&'a str>,
}

/// A scan of `{` depth, cheap and before parsing: braces in string literals (`{ "}" }`)
/// are not counted, and a line that starts a new message or term at depth 0 names it.
fn too_deep(text: &str) -> Option<TooDeep<'_>> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut message = None;
    let mut line_start = true;
    for (i, c) in text.char_indices() {
        if line_start && depth == 0 {
            let line = &text[i..];
            let id: &str = line
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .next()
                .unwrap_or("");
            if !id.is_empty() || line.starts_with('-') {
                let end = line.find([' ', '=']).unwrap_or(line.len());
                message = Some(&line[..end]).filter(|m| !m.is_empty());
            }
        }
        line_start = c == '\n';
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                // A string literal ends at its line (an error for the parser to report).
                '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(TooDeep { at: i, message });
                }
            }
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 => in_string = true,
            _ => {}
        }
    }
    None
}

const MIDNIGHT: Time = Time(jiff::civil::Time::midnight());
const EPOCH: Date = Date(jiff::civil::date(1970, 1, 1));

fn iso(date: Date) -> icu_calendar::Date<icu_calendar::Iso> {
    let d = date.0;
    // A jiff date is always a valid ISO date.
    icu_calendar::Date::try_new_iso(d.year() as i32, d.month() as u8, d.day() as u8)
        .unwrap_or_else(|_| icu_calendar::Date::try_new_iso(1970, 1, 1).expect("valid date"))
}

/// The locales of all of the site's languages, by code.
#[derive(Debug)]
pub struct Locales {
    by_code: BTreeMap<String, Locale>,
}

impl Locales {
    pub fn load(root: &Path, config: &Config) -> Result<Locales, Vec<Diagnostic>> {
        let mut by_code = BTreeMap::new();
        let mut problems = Vec::new();
        for language in &config.languages {
            match Locale::load(root, language) {
                Ok(locale) => {
                    by_code.insert(language.code.clone(), locale);
                }
                Err(mut errs) => problems.append(&mut errs),
            }
        }
        if problems.is_empty() {
            Ok(Locales { by_code })
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, code: &str) -> Option<&Locale> {
        self.by_code.get(code)
    }

    /// The locales in the order of their language codes.
    pub fn iter(&self) -> impl Iterator<Item = &Locale> {
        self.by_code.values()
    }
}

/// Converts a template argument to a Fluent argument: numbers stay numbers (for plurals).
pub fn fluent_value(value: &tera::Value) -> FluentValue<'static> {
    if let Some(n) = value.as_i128() {
        FluentValue::from(n as f64)
    } else if let Some(n) = value.as_f64() {
        FluentValue::from(n)
    } else if let Some(s) = value.as_str() {
        FluentValue::from(s.to_owned())
    } else {
        FluentValue::from(value.to_string())
    }
}

/// The id of the message (or `-term`) a syntax error is in: the first line of the broken
/// entry that is not blank or a comment starts with it.
fn broken_message(text: &str, error: &fluent_syntax::parser::ParserError) -> Option<String> {
    let range = error.slice.clone().unwrap_or_else(|| {
        let start = text[..error.pos.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        start..text.len()
    });
    let line = text
        .get(range)?
        .lines()
        .map(str::trim_end)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    // An id starts a line; an indented line continues a value.
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let id: String = line
        .chars()
        .take_while(|&c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        .collect();
    (!id.trim_start_matches('-').is_empty()).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(code: &str) -> Language {
        Language {
            code: code.into(),
            name: code.into(),
            default: false,
            fallback: Vec::new(),
            formats: None,
        }
    }

    const FTL: &str =
        "sessions-count = { $count ->\n    [one] én session\n   *[other] { $count } sessioner\n}\n";

    #[test]
    fn plural_forms() {
        let locale = Locale::parse("da.ftl".into(), FTL, &language("da")).unwrap();
        let mut args = FluentArgs::new();
        args.set("count", 1);
        assert_eq!(
            locale.message("sessions-count", Some(&args)).unwrap(),
            "én session"
        );
        args.set("count", 5);
        assert_eq!(
            locale.message("sessions-count", Some(&args)).unwrap(),
            "5 sessioner"
        );
    }

    #[test]
    fn missing_key_names_file_and_language() {
        let locale = Locale::parse("locales/sv.ftl".into(), FTL, &language("sv")).unwrap();
        let err = locale.message("nope", None).unwrap_err();
        assert!(
            err.contains("`nope`") && err.contains("locales/sv.ftl") && err.contains("`sv`"),
            "{err}"
        );
    }

    #[test]
    fn syntax_error_names_its_message() {
        let errs = Locale::parse(
            "locales/nb.ftl".into(),
            "ok = fint\n\n# A comment\nnav-home Hjem\n-term = x\nmulti =\n    one\n  { $x }}\n",
            &language("nb"),
        )
        .unwrap_err();
        let messages: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages[0].starts_with("Fluent syntax error in `nav-home`: "),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("Fluent syntax error in `multi`: "),
            "{messages:?}"
        );
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let errs = Locale::parse(
            "locales/nb.ftl".into(),
            "ok = fint\nbad = { $x }}\nfine = ok\n",
            &language("nb"),
        )
        .unwrap_err();
        assert_eq!(errs[0].line(), Some(2), "{}", errs[0]);
    }

    #[test]
    fn deeply_nested_placeables_are_refused_before_parsing() {
        // 20,000 nested placeables overflowed fluent-syntax's stack: the process aborted.
        let text = format!(
            "ok = fint\ndeep = {}x{}\n",
            "{ ".repeat(20_000),
            " }".repeat(20_000)
        );
        let errs = Locale::parse("locales/da.ftl".into(), &text, &language("da")).unwrap_err();
        assert_eq!(errs[0].line(), Some(2), "{}", errs[0]);
        assert!(
            errs[0].message.contains("`deep`") && errs[0].message.contains("nested"),
            "{}",
            errs[0]
        );
        // Braces in string literals are not placeables; a few levels are fine.
        let fine = format!(
            "a = {{ \"{}\" }}\nb = {{ {{ {{ $x }} }} }}\n",
            "{".repeat(100)
        );
        assert!(Locale::parse("locales/da.ftl".into(), &fine, &language("da")).is_ok());
    }

    #[test]
    fn dates_times_and_numbers_as_each_language_writes_them() {
        let date = Date(jiff::civil::date(2012, 10, 22));
        let time = Time(jiff::civil::time(9, 30, 0, 0));
        let da = Locale::parse("da.ftl".into(), FTL, &language("da")).unwrap();
        let sv = Locale::parse("sv.ftl".into(), FTL, &language("sv")).unwrap();
        let nb = Locale::parse("nb.ftl".into(), FTL, &language("nb")).unwrap();
        assert_eq!(da.full_date(date), "mandag 22. oktober 2012");
        assert_eq!(sv.full_date(date), "måndag 22 oktober 2012");
        assert_eq!(nb.full_date(date), "mandag 22. oktober 2012");
        assert_eq!(sv.long_date(date), "22 oktober 2012");
        assert_eq!(da.time(time), "09.30");
        assert_eq!(sv.time(time), "09:30");
        assert_eq!(da.number(14900.0), "14.900");
        assert_eq!(nb.number(14900.0), "14\u{a0}900");
    }
}
