//! Markdown to HTML, with fenced code highlighted by syntect into CSS classes.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Class prefix of highlighted tokens, so theme CSS cannot clash with them.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Renders Markdown; loaded once per site because syntax sets are costly to build.
pub struct Markdown {
    syntaxes: SyntaxSet,
}

impl Default for Markdown {
    fn default() -> Self {
        Markdown {
            syntaxes: SyntaxSet::load_defaults_newlines(),
        }
    }
}

impl Markdown {
    /// Renders a page's text. The page title is the only `<h1>`: the text's highest heading
    /// becomes `<h2>`, whether the organiser wrote `#` or `##`, so no level is skipped.
    pub fn render(&self, source: &str) -> String {
        self.render_below(source, 2)
    }

    /// Renders `source` with its highest heading at level `top` (2 to 6).
    pub fn render_below(&self, source: &str, top: usize) -> String {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        let parsed: Vec<Event> = Parser::new_ext(source, options).collect();
        let highest = parsed
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
                _ => None,
            })
            .min()
            .unwrap_or(1);
        let shift = |level: HeadingLevel| relevel(level as usize + top - highest);
        let mut events = Vec::with_capacity(parsed.len());
        let mut code: Option<(String, String)> = None;
        for event in parsed {
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_owned()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                Event::Text(text) if code.is_some() => {
                    if let Some((_, buffer)) = code.as_mut() {
                        buffer.push_str(&text);
                    }
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((lang, buffer)) = code.take() {
                        events.push(Event::Html(self.highlight(&lang, &buffer).into()));
                    }
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => events.push(Event::Start(Tag::Heading {
                    level: shift(level),
                    id,
                    classes,
                    attrs,
                })),
                Event::End(TagEnd::Heading(level)) => {
                    events.push(Event::End(TagEnd::Heading(shift(level))))
                }
                other => events.push(other),
            }
        }
        let mut html = String::with_capacity(source.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }

    fn highlight(&self, lang: &str, code: &str) -> String {
        let syntax = (!lang.is_empty())
            .then(|| self.syntaxes.find_syntax_by_token(lang))
            .flatten();
        let lang_attr = if lang.is_empty() {
            String::new()
        } else {
            format!(" data-lang=\"{}\"", escape(lang))
        };
        let body = match syntax {
            Some(syntax) => {
                let mut generator =
                    ClassedHTMLGenerator::new_with_class_style(syntax, &self.syntaxes, CLASS_STYLE);
                let highlighted = LinesWithEndings::from(code).try_for_each(|line| {
                    generator.parse_html_for_line_which_includes_newline(line)
                });
                match highlighted {
                    Ok(()) => generator.finalize(),
                    // A grammar that fails on odd input must not fail the page: show it plain.
                    Err(_) => escape(code),
                }
            }
            None => escape(code),
        };
        format!("<pre class=\"code\"{lang_attr}><code>{body}</code></pre>\n")
    }
}

fn relevel(level: usize) -> HeadingLevel {
    match level {
        0..=1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

/// CSS for the highlighting classes, from one of syntect's bundled themes.
pub fn highlight_css(theme_name: &str) -> Option<String> {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let theme = themes.themes.get(theme_name)?;
    syntect::html::css_for_theme_with_class_style(theme, CLASS_STYLE).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_fenced_code_with_classes() {
        let md = Markdown::default();
        let html = md.render("Tekst\n\n```rust\nfn main() { let æ = 1; }\n```\n");
        assert!(
            html.contains("<pre class=\"code\" data-lang=\"rust\"><code>"),
            "{html}"
        );
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "no inline colours: {html}");
        assert!(html.contains("æ"));
    }

    #[test]
    fn unknown_language_is_escaped_plain_text() {
        let md = Markdown::default();
        let html = md.render("```\"><script>\n<b>x</b>\n```\n");
        assert!(
            html.contains("data-lang=\"&quot;&gt;&lt;script&gt;\""),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn headings_start_below_the_page_title() {
        let md = Markdown::default();
        assert_eq!(md.render("# Agenda\n"), "<h2>Agenda</h2>\n");
        assert_eq!(
            md.render("## Agenda\n\n### Punkt\n"),
            "<h2>Agenda</h2>\n<h3>Punkt</h3>\n"
        );
        assert_eq!(md.render_below("# A\n", 4), "<h4>A</h4>\n");
    }

    #[test]
    fn css_for_bundled_theme() {
        let css = highlight_css("InspiredGitHub").unwrap();
        assert!(css.contains(".hl-"), "{css}");
        assert!(highlight_css("no such theme").is_none());
    }
}
