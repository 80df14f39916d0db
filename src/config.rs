//! `config.toml`: the site's languages, theme, address and defaults.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{self, Diagnostic, Error, Result};

pub const CONFIG_FILE: &str = "config.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where the site is published: a full URL (`https://example.org/programmes/`) or a path
    /// (`/`). Only absolute addresses (canonical, alternates, sitemap) use it: links between
    /// pages are relative, so the output works under any sub-path and from disk.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// The theme's folder name under `themes/`; `default` is built in.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The IANA time zone of programmes that name none.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// List pages that lack the reader's language in their own language, with a mark.
    #[serde(default = "yes")]
    pub list_untranslated: bool,
    /// Links end in `index.html`, so the site can be browsed from disk; `false` gives
    /// links that end in `/` (for servers only).
    #[serde(default = "yes")]
    pub explicit_index_links: bool,
    /// The path of the speakers index under each language (`/da/speakers/`).
    #[serde(default = "default_speakers_path")]
    pub speakers_path: String,
    /// A syntect theme for code highlighting, written to `syntax.css`.
    #[serde(default = "default_highlight_theme")]
    pub highlight_theme: String,
    /// Pages missing in some language are errors instead of warnings.
    #[serde(default)]
    pub require_translations: bool,
    /// `samling check` warns about speakers not confirmed this many days before their session.
    #[serde(default = "default_confirm_days")]
    pub confirm_speakers_days: u32,
    /// Raw HTML in Markdown texts is passed through instead of shown as text. Only for
    /// sites whose every text is trusted: a script in it runs on the site's pages.
    #[serde(default)]
    pub unsafe_html: bool,
    pub languages: Vec<Language>,
}

/// A language the site is published in. Its strings are in `locales/<code>.ftl`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// A BCP 47 code, also the suffix of content files (`da`, `sv`, `nb`).
    pub code: String,
    /// The language's name in itself (`Dansk`, `Svenska`, `Norsk bokmål`).
    pub name: String,
    #[serde(default)]
    pub default: bool,
    /// The languages a reader of this one sees, in this order, where a page lacks theirs,
    /// before the default language and the others (`fallback = ["sv"]` for `fi`).
    #[serde(default)]
    pub fallback: Vec<String>,
    /// The locale whose conventions dates, times and numbers follow, where they are not the
    /// code's own: `en` is written as in the US ("March 11, 2027", "9:30 AM"), `en-GB` as
    /// a Nordic public site writes English ("11 March 2027", "09:30").
    pub formats: Option<String>,
}

impl Language {
    /// The locale of the language's dates, times and numbers (plurals are the code's own).
    pub fn formats_locale(&self) -> &str {
        self.formats.as_deref().unwrap_or(&self.code)
    }
}

fn default_base_url() -> String {
    "/".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_timezone() -> String {
    "Europe/Copenhagen".into()
}
fn default_speakers_path() -> String {
    "speakers".into()
}
fn default_highlight_theme() -> String {
    "InspiredGitHub".into()
}
fn default_confirm_days() -> u32 {
    14
}
fn yes() -> bool {
    true
}

impl Config {
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        let bytes = std::fs::read(&path)
            .map_err(|e| Error::io(Path::new(CONFIG_FILE), "read the site configuration", e))?;
        Config::parse(&diagnostic::text_from_bytes(Path::new(CONFIG_FILE), bytes)?)
    }

    pub fn parse(text: &str) -> Result<Config> {
        let path = Path::new(CONFIG_FILE);
        let config: Config =
            toml::from_str(text).map_err(|e| diagnostic::from_toml(path, text, 0, &e))?;
        config.validate(text)?;
        Ok(config)
    }

    fn validate(&self, text: &str) -> Result<()> {
        let path = Path::new(CONFIG_FILE);
        let at_languages = |message: String| {
            let at = text.find("languages").unwrap_or(0);
            Diagnostic::at(path, text, at..at + "languages".len(), message)
        };
        if self.languages.is_empty() {
            return Err(at_languages("no languages: add a [[languages]] entry".into()).into());
        }
        let defaults = self.languages.iter().filter(|l| l.default).count();
        if defaults != 1 {
            return Err(at_languages(format!(
                "exactly one language must have `default = true`, found {defaults}"
            ))
            .into());
        }
        let mut seen = std::collections::BTreeSet::new();
        for language in &self.languages {
            if icu_locale::Locale::try_from_str(&language.code).is_err()
                || language.code.contains(['.', '/'])
            {
                return Err(at_languages(format!(
                    "`{}` is not a language code (BCP 47, e.g. `da`)",
                    language.code
                ))
                .into());
            }
            if let Some(formats) = &language.formats
                && icu_locale::Locale::try_from_str(formats).is_err()
            {
                let at = text.find(formats.as_str()).unwrap_or(0);
                return Err(Diagnostic::at(
                    path,
                    text,
                    at..at + formats.len(),
                    format!("`{formats}` is not a locale (BCP 47, e.g. `en-GB`)"),
                )
                .into());
            }
            if !seen.insert(&language.code) {
                return Err(
                    at_languages(format!("language `{}` is listed twice", language.code)).into(),
                );
            }
        }
        for language in &self.languages {
            if let Some(code) = (language.fallback.iter())
                .find(|c| **c == language.code || self.language(c).is_none())
            {
                let at = text.find("fallback").unwrap_or(0);
                let problem = if *code == language.code {
                    format!("`{code}` is its own fallback")
                } else {
                    format!(
                        "the fallback `{code}` of `{}` is not one of the site's languages",
                        language.code
                    )
                };
                let known: Vec<&str> = self.languages.iter().map(|l| l.code.as_str()).collect();
                return Err(
                    Diagnostic::at(path, text, at..at + "fallback".len(), problem)
                        .with_hint(format!(
                            "name other languages of [[languages]]: {}",
                            known.join(", ")
                        ))
                        .into(),
                );
            }
        }
        if jiff::tz::TimeZone::get(&self.timezone).is_err() {
            let at = text.find(&self.timezone).unwrap_or(0);
            return Err(Diagnostic::at(
                path,
                text,
                at..at + self.timezone.len(),
                format!("unknown time zone `{}`", self.timezone),
            )
            .with_hint("use an IANA name such as `Europe/Copenhagen`")
            .into());
        }
        Ok(())
    }

    pub fn default_language(&self) -> &Language {
        self.languages
            .iter()
            .find(|l| l.default)
            .unwrap_or(&self.languages[0])
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// Language codes in the order a fallback translation is chosen: default first.
    pub fn fallback_order(&self) -> impl Iterator<Item = &str> {
        let default = self.default_language();
        std::iter::once(default.code.as_str()).chain(
            self.languages
                .iter()
                .filter(move |l| l.code != default.code)
                .map(|l| l.code.as_str()),
        )
    }

    /// The languages a reader of `lang` is shown where a page lacks theirs, in order: the
    /// language's own `fallback` list, then [`Config::fallback_order`].
    pub fn fallback_order_of<'a>(&'a self, lang: &str) -> impl Iterator<Item = &'a str> {
        let own = self.language(lang).map_or(&[][..], |l| &l.fallback[..]);
        own.iter().map(String::as_str).chain(self.fallback_order())
    }

    /// The path part of `base_url`, always starting and ending with `/`.
    pub fn base_path(&self) -> String {
        Config::path_of(&self.base_url)
    }

    /// The path part of an address (`https://example.org/a/` or `/a`): `/a/`.
    pub fn path_of(base_url: &str) -> String {
        let after_scheme = match base_url.split_once("://") {
            Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
            None => base_url,
        };
        let trimmed = after_scheme.trim_matches('/');
        if trimmed.is_empty() {
            "/".into()
        } else {
            format!("/{trimmed}/")
        }
    }

    /// Whether `base_url` is the site's full address (`https://example.org/programme/`),
    /// not only a path (`/`): what must link to the site from elsewhere needs it.
    pub fn has_full_address(&self) -> bool {
        self.base_url.contains("://")
    }

    /// `base_url` with exactly one trailing slash.
    pub fn base_url_slash(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: &str = r#"
[[languages]]
code = "da"
name = "Dansk"
default = true
[[languages]]
code = "sv"
name = "Svenska"
"#;

    #[test]
    fn base_path_of_urls_and_paths() {
        let mut config = Config::parse(LANGS).unwrap();
        assert_eq!(config.base_path(), "/");
        config.base_url = "https://example.org/programmer".into();
        assert_eq!(config.base_path(), "/programmer/");
        config.base_url = "https://example.org".into();
        assert_eq!(config.base_path(), "/");
        config.base_url = "/sub/path/".into();
        assert_eq!(config.base_path(), "/sub/path/");
    }

    #[test]
    fn fallback_order_starts_with_default() {
        let text = LANGS.replace("default = true\n", "") + "default = true\n";
        let config = Config::parse(&text).unwrap();
        assert_eq!(config.fallback_order().collect::<Vec<_>>(), ["sv", "da"]);
    }

    #[test]
    fn a_languages_own_fallback_comes_first_and_must_be_a_language() {
        let three =
            format!("{LANGS}[[languages]]\ncode = \"fi\"\nname = \"Suomi\"\nfallback = [\"sv\"]\n");
        let config = Config::parse(&three).unwrap();
        let order: Vec<&str> = config.fallback_order_of("fi").collect();
        assert_eq!(order[..2], ["sv", "da"]);
        assert_eq!(config.fallback_order_of("da").next(), Some("da"));
        let err = Config::parse(&three.replace("[\"sv\"]", "[\"se\"]"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("the fallback `se` of `fi` is not one of the site's languages"),
            "{err}"
        );
        assert!(err.contains("config.toml:"), "{err}");
    }

    #[test]
    fn rejects_two_defaults_and_unknown_zones() {
        let text = LANGS.replace("name = \"Svenska\"", "name = \"Svenska\"\ndefault = true");
        let err = Config::parse(&text).unwrap_err().to_string();
        assert!(err.contains("exactly one language"), "{err}");
        let err = Config::parse(&format!("timezone = \"Europe/Kobenhavn\"\n{LANGS}"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("config.toml:1:13"), "{err}");
        assert!(err.contains("unknown time zone"), "{err}");
    }

    #[test]
    fn unknown_key_is_named_with_a_suggestion() {
        let err = Config::parse(&format!("them = \"x\"\n{LANGS}")).unwrap_err();
        let d = &err.diagnostics[0];
        assert_eq!(d.position, Some((1, 1)));
        assert_eq!(d.hint.as_deref(), Some("did you mean `theme`?"));
    }
}
