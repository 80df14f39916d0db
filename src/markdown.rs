//! Markdown to HTML, with fenced code highlighted by syntect into CSS classes.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::highlighting::Color;
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
///
/// Token colours are darkened (or, on a dark theme, lightened) until they reach WCAG AA
/// contrast, 4.5:1, against the theme's background and the default theme's code background:
/// bundled themes have comment and string colours below it.
pub fn highlight_css(theme_name: &str) -> Option<String> {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let mut theme = themes.themes.get(theme_name)?.clone();
    let white = Color {
        r: 255,
        g: 255,
        b: 255,
        a: 255,
    };
    let backgrounds = [
        theme.settings.background.unwrap_or(white),
        // `pre.code` in the default theme's samling.css.
        Color {
            r: 0xf6,
            g: 0xf8,
            b: 0xfa,
            a: 255,
        },
    ];
    let readable = |c: Color| with_contrast(c, &backgrounds, AA_CONTRAST);
    theme.settings.foreground = theme.settings.foreground.map(readable);
    for item in &mut theme.scopes {
        item.style.foreground = item.style.foreground.map(readable);
    }
    syntect::html::css_for_theme_with_class_style(&theme, CLASS_STYLE).ok()
}

/// WCAG 2.1 AA for normal text, with a little room for rounding.
const AA_CONTRAST: f64 = 4.6;

/// `color`, moved towards black (or white, on dark backgrounds) until its contrast with
/// every one of `backgrounds` is at least `minimum`.
fn with_contrast(color: Color, backgrounds: &[Color], minimum: f64) -> Color {
    let dark_background = backgrounds.iter().all(|b| luminance(*b) < 0.5);
    let mut adjusted = color;
    for step in 0..=50 {
        let worst = backgrounds
            .iter()
            .map(|b| contrast(adjusted, *b))
            .fold(f64::INFINITY, f64::min);
        if worst >= minimum {
            break;
        }
        let keep = 1.0 - f64::from(step + 1) / 50.0;
        let mix = |channel: u8| {
            let target = if dark_background { 255.0 } else { 0.0 };
            (f64::from(channel) * keep + target * (1.0 - keep)).round() as u8
        };
        adjusted = Color {
            r: mix(color.r),
            g: mix(color.g),
            b: mix(color.b),
            a: color.a,
        };
    }
    adjusted
}

/// Relative luminance (WCAG 2.1).
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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
    fn highlighting_colours_reach_aa_contrast() {
        // InspiredGitHub's comment grey, #969896, is 2.7:1 on white.
        let grey = Color {
            r: 0x96,
            g: 0x98,
            b: 0x96,
            a: 255,
        };
        let white = Color {
            r: 255,
            g: 255,
            b: 255,
            a: 255,
        };
        assert!(contrast(grey, white) < 3.0);
        let fixed = with_contrast(grey, &[white], AA_CONTRAST);
        assert!(contrast(fixed, white) >= 4.5, "{fixed:?}");
        let css = highlight_css("InspiredGitHub").unwrap();
        for hex in ["#969896", "#b3b3b3", "#55a532", "#0086b3"] {
            assert!(!css.contains(hex), "{hex} is still in {css}");
        }
    }

    #[test]
    fn css_for_bundled_theme() {
        let css = highlight_css("InspiredGitHub").unwrap();
        assert!(css.contains(".hl-"), "{css}");
        assert!(highlight_css("no such theme").is_none());
    }
}
