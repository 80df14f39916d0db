//! Markdown to HTML, with fenced code highlighted by syntect into CSS classes.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::highlighting::Color;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::diagnostic::Diagnostic;
use crate::load::split_name;
use crate::urls::Urls;

/// Class prefix of highlighted tokens, so theme CSS cannot clash with them.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Renders Markdown; loaded once per site because syntax sets are costly to build.
pub struct Markdown {
    syntaxes: SyntaxSet,
    /// Raw HTML in the text is passed through (`unsafe_html = true` in config.toml) rather
    /// than shown as text.
    unsafe_html: bool,
}

impl Default for Markdown {
    /// Raw HTML shown as text: the safe default.
    fn default() -> Self {
        Markdown::new(false)
    }
}

/// The schemes a link or image of a text may have; relative links have none. Every other
/// scheme (`javascript:`, `data:`, `vbscript:`, `file:` ...) is refused: text pasted from
/// speakers must not run on the site's origin, where visitors' starred sessions are kept.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Where a page's text is shown, to resolve the links it contains.
pub struct PageContext<'a> {
    /// The folder of the page's file inside `content/` (`aarsmoede`).
    pub dir: &'a str,
    /// The language of the page.
    pub lang: &'a str,
    /// The page's address (`da/aarsmoede/aabning/`).
    pub address: &'a str,
    pub urls: &'a Urls,
}

/// A page's text as HTML, with what its links point at, for the validate stage.
#[derive(Debug, Default, Clone)]
pub struct RenderedText {
    pub html: String,
    /// The `id`s of the text's headings, which links may point at with `#id`.
    pub anchors: Vec<String>,
    pub links: Vec<Link>,
    /// Links refused and raw HTML shown as text (or, with `unsafe_html`, raw HTML that
    /// runs scripts), for `check`.
    pub problems: Vec<TextProblem>,
}

/// Something in a text that `check` reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextProblem {
    pub kind: TextProblemKind,
    /// Byte range in the text.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblemKind {
    /// A link or image whose scheme is not one of [`ALLOWED_SCHEMES`] (an error); its
    /// address is left out of the page.
    RefusedScheme { scheme: String, image: bool },
    /// Raw HTML shown as text because `unsafe_html` is off (a warning, for the first of
    /// the text's; `more` counts the others).
    HtmlShownAsText { html: String, more: usize },
    /// With `unsafe_html` on: raw HTML that runs a script (`<script>`, `onerror=`,
    /// `javascript:` ...), a warning.
    ActiveHtml { what: String },
    /// A fenced block in a language samling cannot highlight (a warning): shown plain.
    UnknownFenceLanguage { lang: String },
}

impl TextProblem {
    pub fn is_error(&self) -> bool {
        matches!(self.kind, TextProblemKind::RefusedScheme { .. })
    }

    /// The problem as a diagnostic of the file `path` with `text`, the Markdown text
    /// starting at byte `offset` of it.
    pub fn diagnostic(&self, path: &Path, text: &str, offset: usize) -> Diagnostic {
        let span = (self.span.start + offset)..(self.span.end + offset);
        let d = Diagnostic::at(path, text, span, self.message());
        match &self.kind {
            TextProblemKind::RefusedScheme { .. } => d.with_hint(
                "links may be to http, https, mailto or tel addresses, to content files \
                 (`@/page.md`), to files in static/ or to a heading (`#id`)",
            ),
            TextProblemKind::HtmlShownAsText { .. } => d
                .with_hint(
                    "write it in Markdown; `unsafe_html = true` in config.toml passes raw HTML \
                     through, for sites whose every text is trusted",
                )
                .warning(),
            TextProblemKind::ActiveHtml { .. } => d
                .with_hint(
                    "raw HTML is passed through (`unsafe_html = true`): a script in it runs with \
                     the site's rights; the default theme's Content-Security-Policy blocks \
                     scripts written in the page",
                )
                .warning(),
            TextProblemKind::UnknownFenceLanguage { .. } => d
                .with_hint(
                    "name the language as syntect does (`rust`, `toml`, `ftl`, `json`, `sh`, \
                     `html` ...), or write the fence without one for plain text",
                )
                .warning(),
        }
    }

    pub fn message(&self) -> String {
        match &self.kind {
            TextProblemKind::RefusedScheme { scheme, image } => format!(
                "{} with a `{scheme}:` address is not allowed",
                if *image { "an image" } else { "a link" }
            ),
            TextProblemKind::HtmlShownAsText { html, more } => {
                let others = match more {
                    0 => String::new(),
                    1 => " (and 1 more place in this text)".to_owned(),
                    n => format!(" (and {n} more places in this text)"),
                };
                format!("raw HTML is shown as text, not as HTML: `{html}`{others}")
            }
            TextProblemKind::ActiveHtml { what } => {
                format!("raw HTML with `{what}` runs a script on the site's pages")
            }
            TextProblemKind::UnknownFenceLanguage { lang } => {
                format!("code in `{lang}` cannot be highlighted: it is shown plain")
            }
        }
    }
}

/// A link or image in a page's text that points inside the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub target: LinkTarget,
    /// Byte range of the link in the text (the model makes it the file's), for messages.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Another page (`@/praktisk.md`, `../praktisk.sv.md#pris`), in a language.
    Page {
        key: String,
        lang: String,
        anchor: Option<String>,
    },
    /// A heading of the same page (`#pris`).
    Anchor(String),
    /// A file in `static/` (`kort.png`, `bilag/referat.pdf`).
    File(String),
}

/// The Markdown every text is read with.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// A text as plain text, for readers that show no HTML (conference apps): paragraphs and
/// headings apart by a blank line, list items on lines of their own after "- ", links and
/// images by their text; raw HTML left out, as it would show as markup.
pub fn plain_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut lists: Vec<Option<u64>> = Vec::new();
    let block_end = |out: &mut String, gap: &str| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str(gap);
        }
    };
    for event in Parser::new_ext(source, OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::List(first)) => {
                block_end(&mut out, "\n\n");
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                block_end(&mut out, "\n\n");
            }
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    block_end(&mut out, "\n");
                }
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) => block_end(&mut out, "\n"),
            Event::End(TagEnd::TableCell) => out.push_str("  "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) if lists.is_empty() => block_end(&mut out, "\n\n"),
            Event::End(TagEnd::Paragraph) => block_end(&mut out, "\n"),
            Event::Rule => block_end(&mut out, "\n\n"),
            _ => {}
        }
    }
    out.trim_end().to_owned()
}

/// Fence languages that say the block is plain text: shown plain, without a warning.
const PLAIN_TEXT: [&str; 4] = ["text", "txt", "plain", "plaintext"];

/// syntect's bundled syntaxes with TOML and Fluent, as build.rs dumped them.
fn syntaxes() -> SyntaxSet {
    static DUMP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/syntaxes.packdump"));
    syntect::dumps::from_uncompressed_data(DUMP).expect("build.rs wrote a syntax set")
}

impl Markdown {
    /// A renderer; `unsafe_html` passes raw HTML in texts through instead of showing it
    /// as text.
    pub fn new(unsafe_html: bool) -> Markdown {
        Markdown {
            syntaxes: syntaxes(),
            unsafe_html,
        }
    }

    /// Renders a page's text: links to other content files (`@/path.md` from `content/`, or
    /// relative to the file) become links to their pages, other relative links point into
    /// the site's static files, and headings get `id`s to link to. What the links point at
    /// is returned for the validate stage to check.
    pub fn render_page(&self, source: &str, page: &PageContext) -> RenderedText {
        let mut rendered = RenderedText::default();
        rendered.html = self.render_with(
            source,
            2,
            Some((page, &mut rendered.links, &mut rendered.anchors)),
            &mut rendered.problems,
        );
        rendered
    }

    /// Renders another text of a page than its body (an agenda item's field), with its
    /// highest heading at level `top`: links resolved as the body's are, heading ids unique
    /// among the page's `anchors` (which gets them).
    pub fn render_page_text(
        &self,
        source: &str,
        top: usize,
        page: &PageContext,
        anchors: &mut Vec<String>,
    ) -> RenderedText {
        let mut rendered = RenderedText::default();
        rendered.html = self.render_with(
            source,
            top,
            Some((page, &mut rendered.links, anchors)),
            &mut rendered.problems,
        );
        rendered
    }

    /// Renders a page's text.
    /// The page title is the only `<h1>`: the text's highest heading
    /// becomes `<h2>`, whether the organiser wrote `#` or `##`, so no level is skipped.
    pub fn render(&self, source: &str) -> String {
        self.render_below(source, 2)
    }

    /// Renders `source` with its highest heading at level `top` (2 to 6).
    pub fn render_below(&self, source: &str, top: usize) -> String {
        self.render_with(source, top, None, &mut Vec::new())
    }

    fn render_with(
        &self,
        source: &str,
        top: usize,
        mut page: Option<(&PageContext, &mut Vec<Link>, &mut Vec<String>)>,
        problems: &mut Vec<TextProblem>,
    ) -> String {
        let mut parsed: Vec<(Event, Range<usize>)> = Parser::new_ext(source, OPTIONS)
            .into_offset_iter()
            .collect();
        let highest = parsed
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
                _ => None,
            })
            .min()
            .unwrap_or(1);
        if let Some((_, _, anchors)) = page.as_mut() {
            name_headings(&mut parsed, anchors);
        }
        let shift = |level: HeadingLevel| relevel(level as usize + top - highest);
        let mut events = Vec::with_capacity(parsed.len());
        let mut code: Option<(String, String)> = None;
        // An HTML block's lines, gathered: a tag may span several.
        let mut html_block: Option<(String, Range<usize>)> = None;
        let mut shown_as_text: Vec<(String, Range<usize>)> = Vec::new();
        for (event, span) in parsed {
            match event {
                Event::Start(Tag::HtmlBlock) => html_block = Some((String::new(), span)),
                Event::Html(html) if html_block.is_some() => {
                    if let Some((buffer, _)) = html_block.as_mut() {
                        buffer.push_str(&html);
                    }
                }
                Event::End(TagEnd::HtmlBlock) => {
                    if let Some((html, span)) = html_block.take() {
                        self.raw_html(html, span, true, &mut events, problems, &mut shown_as_text);
                    }
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    self.raw_html(
                        html.into_string(),
                        span,
                        false,
                        &mut events,
                        problems,
                        &mut shown_as_text,
                    );
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => {
                            info.split_whitespace().next().unwrap_or("").to_owned()
                        }
                        CodeBlockKind::Indented => String::new(),
                    };
                    if !lang.is_empty()
                        && !PLAIN_TEXT.contains(&lang.to_lowercase().as_str())
                        && self.syntaxes.find_syntax_by_token(&lang).is_none()
                    {
                        // At the fence's first line, where the language is written.
                        let line_end = source[span.clone()].find('\n').unwrap_or(span.len());
                        problems.push(TextProblem {
                            kind: TextProblemKind::UnknownFenceLanguage { lang: lang.clone() },
                            span: span.start..span.start + line_end,
                        });
                    }
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
                // Links and images alike: inside the site, they are resolved and recorded;
                // those of a scheme that may run a script are refused, and lose their address.
                Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                    let image = matches!(tag, Tag::Image { .. });
                    if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                        match url_scheme(dest_url) {
                            Some(scheme) if !ALLOWED_SCHEMES.contains(&scheme.as_str()) => {
                                problems.push(TextProblem {
                                    kind: TextProblemKind::RefusedScheme { scheme, image },
                                    span,
                                });
                                *dest_url = CowStr::Borrowed("");
                            }
                            Some(_) => {}
                            None => {
                                if let Some((context, links, _)) = page.as_mut()
                                    && let Some(dest) = resolve(dest_url, span, context, links)
                                {
                                    *dest_url = dest.into();
                                }
                            }
                        }
                    }
                    events.push(Event::Start(tag))
                }
                other => events.push(other),
            }
        }
        if let Some(((html, span), others)) = shown_as_text.split_first() {
            let mut html: String = html.trim().chars().take(60).collect();
            if let Some(line) = html.lines().next() {
                html = line.to_owned();
            }
            problems.push(TextProblem {
                kind: TextProblemKind::HtmlShownAsText {
                    html,
                    more: others.len(),
                },
                span: span.clone(),
            });
        }
        let mut html = String::with_capacity(source.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }

    /// Raw HTML of the text (`block`: a whole HTML block) in the page: passed through with
    /// `unsafe_html` (and what in it runs scripts reported), otherwise shown as text.
    /// Comments are dropped either way: they are the organiser's notes, never shown.
    #[allow(clippy::too_many_arguments)]
    fn raw_html<'e>(
        &self,
        html: String,
        span: Range<usize>,
        block: bool,
        events: &mut Vec<Event<'e>>,
        problems: &mut Vec<TextProblem>,
        shown_as_text: &mut Vec<(String, Range<usize>)>,
    ) {
        if self.unsafe_html {
            for what in active_html(&html) {
                problems.push(TextProblem {
                    kind: TextProblemKind::ActiveHtml { what },
                    span: span.clone(),
                });
            }
            events.push(Event::Html(html.into()));
            return;
        }
        let visible = without_comments(&html);
        if visible.trim().is_empty() {
            return;
        }
        shown_as_text.push((visible.clone(), span));
        if block {
            events.push(Event::Start(Tag::Paragraph));
            events.push(Event::Text(visible.trim_end().to_owned().into()));
            events.push(Event::End(TagEnd::Paragraph));
        } else {
            events.push(Event::Text(visible.into()));
        }
    }

    fn highlight(&self, lang: &str, code: &str) -> String {
        let syntax = (!lang.is_empty())
            .then(|| self.syntaxes.find_syntax_by_token(lang))
            .flatten();
        let lang_attr = if lang.is_empty() {
            String::new()
        } else {
            format!(" data-lang=\"{}\"", crate::text::escape_markup(lang))
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
                    Err(_) => crate::text::escape_markup(code),
                }
            }
            None => crate::text::escape_markup(code),
        };
        format!("<pre class=\"code\"{lang_attr}><code>{body}</code></pre>\n")
    }
}

/// Gives every heading without an explicit `{#id}` one made from its text, unique in the
/// text; records all of them in `anchors`.
fn name_headings(events: &mut [(Event, Range<usize>)], anchors: &mut Vec<String>) {
    for (event, _) in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            anchors.push(id.to_string());
        }
    }
    // A set beside the list: a text with thousands of equal headings took 25 s when each
    // new id was looked for in the list.
    let mut taken: HashSet<String> = anchors.iter().cloned().collect();
    let mut next_number: HashMap<String, usize> = HashMap::new();
    for i in 0..events.len() {
        if !matches!(events[i].0, Event::Start(Tag::Heading { id: None, .. })) {
            continue;
        }
        let mut text = String::new();
        for (event, _) in &events[i + 1..] {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let base = crate::text::anchor(&text, "section");
        // Numbers below the last one given to this text are taken: start from it.
        let mut n = next_number.get(&base).copied().unwrap_or(1);
        let mut id = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        next_number.insert(base, n);
        taken.insert(id.clone());
        anchors.push(id.clone());
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
            *slot = Some(CowStr::from(id));
        }
    }
}

/// The scheme of `url` as a browser reads it, in lower case; `None` for a relative address.
///
/// As the WHATWG URL parser: leading and trailing C0 controls and spaces are stripped, tabs
/// and newlines anywhere removed, and a scheme is an ASCII letter and then letters, digits,
/// `+`, `-` or `.`, up to `:`. So ` JaVa\tScRiPt:` is `javascript`, as a browser runs it.
pub fn url_scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let mut scheme = String::new();
    for c in trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')) {
        if c == ':' {
            return (!scheme.is_empty()).then_some(scheme);
        }
        let allowed = if scheme.is_empty() {
            c.is_ascii_alphabetic()
        } else {
            c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')
        };
        if !allowed {
            return None;
        }
        scheme.push(c.to_ascii_lowercase());
    }
    None
}

/// `html` without its comments (`<!-- ... -->`; an unclosed one to the end).
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        rest = match rest[at + 4..].find("-->") {
            Some(end) => &rest[at + 4 + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// What in raw HTML runs a script: `<script>` elements, event handler attributes
/// (`onerror=`), `srcdoc=`, and attribute values with a `javascript:` or `vbscript:`
/// address. A scan of tags and attributes, enough to warn: not a sanitiser.
fn active_html(html: &str) -> Vec<String> {
    let html = without_comments(html);
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'>' | b'/')
        {
            i += 1;
        }
        let tag = html[name_start..i].to_ascii_lowercase();
        if tag == "script" {
            found.push("<script>".to_owned());
        }
        // Attributes up to the end of the tag.
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attr_start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let quote = bytes.get(i).copied().filter(|q| matches!(q, b'"' | b'\''));
                let value_start = i + usize::from(quote.is_some());
                i = value_start;
                while i < bytes.len()
                    && match quote {
                        Some(q) => bytes[i] != q,
                        None => !bytes[i].is_ascii_whitespace() && bytes[i] != b'>',
                    }
                {
                    i += 1;
                }
                value = &html[value_start..i.min(bytes.len())];
                if quote.is_some() && i < bytes.len() {
                    i += 1;
                }
            }
            if attr.len() > 2 && attr.starts_with("on") {
                found.push(format!("{attr}="));
            } else if attr == "srcdoc" {
                found.push("srcdoc=".to_owned());
            } else if let Some(scheme) = url_scheme(&decode_entities(value))
                && matches!(scheme.as_str(), "javascript" | "vbscript")
            {
                found.push(format!("{scheme}:"));
            }
            if attr.is_empty() {
                // Not an attribute (a stray `=`): step over it.
                i += 1;
            }
        }
    }
    found.dedup();
    found
}

/// Numeric character references decoded (`&#9;`, `&#x3A;`), and `&colon;`/`&Tab;`/
/// `&NewLine;`: enough to see the scheme a browser sees in an attribute value.
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let number =
                name.strip_prefix('#')
                    .and_then(|num| match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    });
            number.and_then(char::from_u32).or(match name {
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ => None,
            })
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where a link of a page's text points: the new `href` for links to content files and
/// static files (relative to the page), `None` to keep it. Internal links are recorded.
fn resolve(
    dest: &str,
    span: Range<usize>,
    page: &PageContext,
    links: &mut Vec<Link>,
) -> Option<String> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    if let Some(anchor) = dest.strip_prefix('#') {
        if !anchor.is_empty() {
            links.push(Link {
                target: LinkTarget::Anchor(decode(anchor)),
                span,
            });
        }
        return None;
    }
    let scheme = dest.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    if dest.is_empty() || scheme || dest.starts_with('/') || dest.starts_with('?') {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    if let Some(content) = path
        .strip_prefix("@/")
        .or(path.ends_with(".md").then_some(path))
    {
        let base = if path.starts_with("@/") { "" } else { page.dir };
        let joined = join(base, &decode(content));
        let (dir, file) = joined
            .as_deref()
            .map_or(("..", content), |j| j.rsplit_once('/').unwrap_or(("", j)));
        let (stem, lang) =
            split_name(file).unwrap_or((file.strip_suffix(".md").unwrap_or(file), page.lang));
        let key = match (dir, stem) {
            (dir, "_index") => dir.to_owned(),
            ("", stem) => stem.to_owned(),
            (dir, stem) => format!("{dir}/{stem}"),
        };
        let href = page.urls.link(page.address, &Urls::page(lang, &key)) + &suffix;
        links.push(Link {
            target: LinkTarget::Page {
                key,
                lang: lang.to_owned(),
                anchor: fragment.filter(|f| !f.is_empty()).map(decode),
            },
            span,
        });
        return Some(href);
    }
    // Any other relative path names a file of the site's static folder, from its top.
    let file = join("", &decode(path)).unwrap_or_else(|| decode(path));
    links.push(Link {
        target: LinkTarget::File(file),
        span,
    });
    Some(page.urls.file(page.address, path) + &suffix)
}

/// `base` and a relative `path` joined and normalised (`a/b`, `../c` → `a/c`); `None` if
/// the path leaves the top folder.
fn join(base: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
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
    #[test]
    fn plain_text_keeps_the_words_and_the_blocks_apart() {
        let text = "## Program\n\nVi *mødes* i [salen](@/sal.md) kl. `10`.\nKaffe.\n\n## Punkter\n\
                    - Velkomst\n- Debat\n\n1. Første\n2. Anden\n\n<b>rå</b> HTML\n\n---\n\nSlut";
        assert_eq!(
            super::plain_text(text),
            "Program\n\nVi mødes i salen kl. 10. Kaffe.\n\nPunkter\n\n- Velkomst\n- Debat\n\n\
             1. Første\n2. Anden\n\nrå HTML\n\nSlut"
        );
    }

    use super::*;

    /// The addresses of a site in Danish alone.
    fn danish_urls() -> Urls {
        let config = crate::config::Config::parse(
            "[[languages]]\ncode = \"da\"\nname = \"Dansk\"\ndefault = true\n",
        );
        Urls::new(&config.unwrap())
    }

    /// A page at `da/x/` of that site, from `content/`.
    fn danish_page(urls: &Urls) -> PageContext<'_> {
        PageContext {
            dir: "",
            lang: "da",
            address: "da/x/",
            urls,
        }
    }

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
    fn toml_and_fluent_are_highlighted() {
        let md = Markdown::default();
        let toml = md.render(
            "```toml\n[[items]]\nnumber = 2 # sak\ntitle = \"Camp\"\ndate = 2012-10-22\n```\n",
        );
        for class in [
            "hl-entity hl-name hl-section",
            "hl-string",
            "hl-comment",
            "hl-constant",
        ] {
            assert!(toml.contains(class), "{class}: {toml}");
        }
        let ftl = md.render("```ftl\n# Mødeord\nagenda-item = Punkt { $number }\n```\n");
        assert!(ftl.contains("hl-variable"), "{ftl}");
        assert!(ftl.contains("hl-comment"), "{ftl}");
        assert!(ftl.contains("hl-entity hl-name hl-tag"), "{ftl}");
    }

    #[test]
    fn a_fence_language_without_a_syntax_is_a_warning_at_its_line() {
        let md = Markdown::default();
        let urls = danish_urls();
        let page = danish_page(&urls);
        let source = "Tekst\n\n```tomll\na = 1\n```\n\n```text\nplain\n```\n";
        let rendered = md.render_page(source, &page);
        assert_eq!(rendered.problems.len(), 1, "{:?}", rendered.problems);
        let problem = &rendered.problems[0];
        assert!(!problem.is_error());
        assert_eq!(&source[problem.span.clone()], "```tomll");
        assert!(problem.message().contains("`tomll` cannot be highlighted"));
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

    fn problems(md: &Markdown, text: &str) -> (String, Vec<TextProblem>) {
        let mut found = Vec::new();
        let html = md.render_with(text, 2, None, &mut found);
        (html, found)
    }

    #[test]
    fn raw_html_is_shown_as_text_by_default() {
        let md = Markdown::default();
        let (html, found) = problems(
            &md,
            "<script>alert(1)</script>\n\nTekst <img src=x onerror=alert(1)> her.\n<!-- note -->\n",
        );
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("note"), "comments are dropped: {html}");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(!found[0].is_error());
        assert_eq!(found[0].span.start, 0);
        assert!(
            found[0].message().contains("1 more place"),
            "{}",
            found[0].message()
        );
    }

    #[test]
    fn script_schemes_are_refused_however_written() {
        let md = Markdown::default();
        for text in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](java&#9;script:alert(1))",
            "[x]( &#1;javascript:alert(1))",
            "<javascript:alert(1)>",
            "![x](data:image/svg+xml,x)",
            "[x](vbscript:msgbox)",
            "Se [her][r].\n\n[r]: javascript:alert(1)",
        ] {
            let (html, found) = problems(&md, text);
            assert!(
                found.iter().any(TextProblem::is_error),
                "{text:?} was let through: {html}"
            );
            assert!(
                !html.contains("href=\"j")
                    && !html.contains("src=\"d")
                    && !html.contains("href=\"v"),
                "the address is left out: {html}"
            );
        }
        for text in [
            "[x](https://example.org)",
            "[x](mailto:a@example.org)",
            "[x](tel:+4512345678)",
            "[x](#pris)",
            "[x](kort.pdf)",
            "[x](@/praktisk.md)",
        ] {
            assert!(problems(&md, text).1.is_empty(), "{text:?}");
        }
        assert_eq!(
            url_scheme(" \u{1}JaVa\tScR\nipt:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(url_scheme("@/a.md"), None);
        assert_eq!(url_scheme("a b:c"), None);
    }

    #[test]
    fn unsafe_html_passes_raw_html_and_warns_about_scripts() {
        let md = Markdown::new(true);
        let (html, found) = problems(&md, "Tekst med <b>fed</b>.\n");
        assert!(html.contains("<b>fed</b>"), "{html}");
        assert!(found.is_empty(), "{found:?}");
        let (_, found) = problems(
            &md,
            "<div>\n<script>alert(1)</script>\n</div>\n\nA <img src=x\n ONERROR = \"alert(1)\">\n\n<iframe src=\"java&#x9;script:alert(1)\"></iframe>\n",
        );
        let shown: Vec<String> = found.iter().map(TextProblem::message).collect();
        assert!(found.iter().all(|p| !p.is_error()), "{shown:?}");
        for what in ["`<script>`", "`onerror=`", "`javascript:`"] {
            assert!(
                shown.iter().any(|m| m.contains(what)),
                "{what} in {shown:?}"
            );
        }
        // Markdown links are refused with unsafe_html too.
        assert!(problems(&md, "[x](javascript:alert(1))").1[0].is_error());
    }

    #[test]
    fn many_equal_headings_get_unique_ids() {
        let md = Markdown::default();
        let text = "## Pause\n\n".repeat(4000);
        let urls = danish_urls();
        let page = danish_page(&urls);
        let rendered = md.render_page(&text, &page);
        assert_eq!(rendered.anchors.len(), 4000);
        assert_eq!(rendered.anchors[0], "pause");
        assert_eq!(rendered.anchors[1], "pause-2");
        assert_eq!(rendered.anchors[3999], "pause-4000");
        let unique: HashSet<&String> = rendered.anchors.iter().collect();
        assert_eq!(unique.len(), 4000);
        assert!(rendered.html.contains("<h2 id=\"pause-4000\">"));
        // Ids written by the organiser are kept and skipped.
        let mixed = md.render_page("## A {#a-2}\n\n## A\n\n## A\n\n## A\n", &page);
        assert_eq!(mixed.anchors, ["a-2", "a", "a-3", "a-4"]);
    }

    #[test]
    fn css_for_bundled_theme() {
        let css = highlight_css("InspiredGitHub").unwrap();
        assert!(css.contains(".hl-"), "{css}");
        assert!(highlight_css("no such theme").is_none());
    }
}
