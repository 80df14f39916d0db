//! Writes the generated model as a samling site: `config.toml`, `locales/` and `content/`
//! in the format of docs/content.md.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::model::{
    LANG_NAMES, LANGS, Programme, Session, SessionSpeaker, Site, Speaker, Theme, clock,
};

/// What was written.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
}

/// Writes `site` into `root` (which should be empty), with the Fluent files of `locales`.
/// Files are written in a fixed order.
pub fn write(site: &Site, root: &Path, locales: &Path) -> io::Result<Stats> {
    let mut out = Out {
        root: root.to_owned(),
        stats: Stats::default(),
    };
    out.dir("")?;
    out.file("config.toml", &config(site))?;
    out.dir("locales")?;
    for lang in LANGS {
        let name = format!("{lang}.ftl");
        let text = fs::read_to_string(locales.join(&name)).map_err(|e| {
            io::Error::new(e.kind(), format!("{}: {e}", locales.join(&name).display()))
        })?;
        out.file(&format!("locales/{name}"), &text)?;
    }
    out.dir("content")?;
    for (l, lang) in LANGS.iter().enumerate() {
        let mut f = Front::new();
        f.str("title", &site.home.title[l]);
        f.str("summary", &site.home.summary[l]);
        out.file(
            &format!("content/_index.{lang}.md"),
            &f.finish(&site.home.body[l]),
        )?;
    }
    for programme in &site.programmes {
        write_programme(&mut out, programme)?;
    }
    out.dir("content/speakers")?;
    for speaker in &site.speakers {
        for (l, lang) in LANGS.iter().enumerate() {
            out.file(
                &format!("content/speakers/{}.{lang}.md", speaker.id),
                &speaker_page(speaker, l),
            )?;
        }
    }
    Ok(out.stats)
}

/// Where the generators write, counting what they wrote (for Hugo's site too).
pub(super) struct Out {
    pub(super) root: PathBuf,
    pub(super) stats: Stats,
}

impl Out {
    pub(super) fn dir(&self, rel: &str) -> io::Result<()> {
        fs::create_dir_all(self.root.join(rel))
    }

    /// A file in a folder that [`Out::dir`] made.
    pub(super) fn file(&mut self, rel: &str, text: &str) -> io::Result<()> {
        fs::write(self.root.join(rel), text)?;
        self.stats.files += 1;
        self.stats.bytes += text.len() as u64;
        Ok(())
    }
}

fn config(site: &Site) -> String {
    let p = &site.params;
    let mut text = format!(
        "# A synthetic site made by samling's examples/gen-programme.rs:\n\
         # {} sessions in {} programmes, seed {}. Generate it again rather than edit it.\n\
         base_url = \"/\"\n\
         theme = \"default\"\n\
         timezone = \"Europe/Copenhagen\"\n\
         list_untranslated = true\n",
        p.sessions, p.programmes, p.seed
    );
    for (l, lang) in LANGS.iter().enumerate() {
        let _ = write!(
            text,
            "\n[[languages]]\ncode = \"{lang}\"\nname = {}\n",
            quote(LANG_NAMES[l])
        );
        if l == 0 {
            text.push_str("default = true\n");
        }
    }
    text
}

fn write_programme(out: &mut Out, p: &Programme) -> io::Result<()> {
    let dir = format!("content/{}", p.slug);
    out.dir(&dir)?;
    for (l, lang) in LANGS.iter().enumerate() {
        let mut f = Front::new();
        f.str("title", &p.title[l]);
        f.str("summary", &p.summary[l]);
        f.raw("first_day", p.first_day);
        f.raw("last_day", p.last_day);
        f.str("venue", &p.venue);
        f.str("timezone", p.timezone);
        f.list("organisers", &p.organisers);
        if let Some(notice) = &p.notice {
            f.str("notice", &notice[l]);
        }
        f.line("");
        f.line("[contact]");
        f.str("name", &p.contact.name);
        f.str("role", &p.contact.role[l]);
        f.str("email", &p.contact.email);
        f.str("phone", &p.contact.phone);
        if let Some(price) = &p.price {
            f.line("");
            f.line("[practical.price]");
            f.raw("amount", price.amount);
            f.str("currency", price.currency);
            f.list("includes", &price.includes[l]);
            f.list("excludes", &price.excludes[l]);
        }
        out.file(&format!("{dir}/_index.{lang}.md"), &f.finish(&p.body[l]))?;
    }
    for theme in &p.themes {
        write_theme(out, &dir, theme)?;
    }
    Ok(())
}

fn write_theme(out: &mut Out, programme_dir: &str, t: &Theme) -> io::Result<()> {
    let dir = format!("{programme_dir}/{}", t.slug);
    out.dir(&dir)?;
    for (l, lang) in LANGS.iter().enumerate() {
        let mut f = Front::new();
        f.str("title", &t.title[l]);
        f.str("summary", &t.summary[l]);
        f.raw("order", t.order);
        out.file(&format!("{dir}/_index.{lang}.md"), &f.finish(&t.body[l]))?;
    }
    for session in &t.sessions {
        for (l, lang) in LANGS.iter().enumerate() {
            out.file(
                &format!("{dir}/{}.{lang}.md", session.slug),
                &session_page(session, l),
            )?;
        }
    }
    Ok(())
}

fn session_page(s: &Session, l: usize) -> String {
    let mut f = Front::new();
    f.str("title", &s.title[l]);
    f.str("summary", &s.summary[l]);
    f.raw("date", s.date);
    f.raw("start", clock(s.start));
    f.raw("end", clock(s.end));
    f.str("room", s.room);
    f.str("format", s.format);
    f.str("status", s.status);
    f.str("language", LANGS[s.language]);
    f.list("tags", &s.tags[l]);
    if !s.speakers.is_empty() {
        f.line("speakers = [");
        for speaker in &s.speakers {
            f.line(&format!("  {},", speaker_value(speaker, l)));
        }
        f.line("]");
    }
    if let Some(moderator) = &s.moderator {
        f.raw("moderator", speaker_value(moderator, l));
    }
    f.finish(&s.body[l])
}

/// A speaker of a session as a TOML value: an id, or an inline table.
fn speaker_value(speaker: &SessionSpeaker, l: usize) -> String {
    match speaker {
        SessionSpeaker::Page {
            id,
            confirmed: true,
        } => quote(id),
        SessionSpeaker::Page {
            id,
            confirmed: false,
        } => format!("{{ id = {}, confirmed = false }}", quote(id)),
        SessionSpeaker::Inline {
            name,
            role,
            organisation,
            confirmed,
        } => format!(
            "{{ name = {}, role = {}, organisation = {}{} }}",
            quote(name),
            quote(&role[l]),
            quote(organisation),
            if *confirmed {
                ""
            } else {
                ", confirmed = false"
            }
        ),
    }
}

fn speaker_page(s: &Speaker, l: usize) -> String {
    let mut f = Front::new();
    f.str("kind", "speaker");
    f.str("name", &s.name);
    f.str("role", &s.role[l]);
    f.str("organisation", s.organisation);
    f.finish(&s.bio[l])
}

/// TOML front matter between `+++` lines (for Hugo's content files too).
pub(super) struct Front(String);

impl Front {
    pub(super) fn new() -> Front {
        let mut text = String::with_capacity(4096);
        text.push_str("+++\n");
        Front(text)
    }

    pub(super) fn line(&mut self, line: &str) {
        self.0.push_str(line);
        self.0.push('\n');
    }

    pub(super) fn str(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.0, "{key} = {}", quote(value));
    }

    /// A value written as it is: a number, a date or a time.
    pub(super) fn raw(&mut self, key: &str, value: impl std::fmt::Display) {
        let _ = writeln!(self.0, "{key} = {value}");
    }

    pub(super) fn list<S: AsRef<str>>(&mut self, key: &str, values: &[S]) {
        let items: Vec<String> = values.iter().map(|v| quote(v.as_ref())).collect();
        let _ = writeln!(self.0, "{key} = [{}]", items.join(", "));
    }

    pub(super) fn finish(mut self, body: &str) -> String {
        self.0.push_str("+++\n\n");
        self.0.push_str(body);
        self.0.push('\n');
        self.0
    }
}

/// A TOML basic string.
pub(super) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
