//! Writes the generated model as a Hugo site with the same pages as samling's build of it,
//! for the side-by-side benchmark (benches/build_compare.sh): every session, theme,
//! programme and speaker page and the speakers' index in da, sv and nb, with the same
//! listings (a programme's sessions by theme and day, a theme's by day, a speaker's
//! sessions), the same strings (from locales/*.ftl, turned into Hugo's i18n files) and the
//! default theme's stylesheet.
//!
//! Written the way a Hugo site is usually made: translations by file name (`x.da.md`),
//! sections for programmes and themes, speakers as a taxonomy whose term pages are the speaker
//! pages, code highlighted by Hugo (Chroma, with classes), dates in each language through
//! `time.Format`.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use super::model::{LANG_NAMES, LANGS, Programme, Session, SessionSpeaker, Site, Theme};
use super::samling::{Front, Out, Stats, quote};

/// Writes `site` into `root` (which should be empty); strings from the Fluent files in
/// `locales`, the stylesheet from `static_dir`.
pub fn write(site: &Site, root: &Path, locales: &Path, static_dir: &Path) -> io::Result<Stats> {
    let out = &mut Out {
        root: root.to_owned(),
        stats: Stats::default(),
    };
    file(out, "config.toml", &config(site))?;
    for lang in LANGS {
        let path = locales.join(format!("{lang}.ftl"));
        let ftl = fs::read_to_string(&path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        file(out, &format!("i18n/{lang}.toml"), &i18n(&ftl))?;
    }
    let css = fs::read_to_string(static_dir.join("samling.css"))?;
    file(out, "static/samling.css", &css)?;
    for (name, text) in LAYOUTS {
        file(out, &format!("layouts/{name}"), text)?;
    }
    for (l, lang) in LANGS.iter().enumerate() {
        let mut f = Front::new();
        f.str("title", &site.home.title[l]);
        f.str("summary", &site.home.summary[l]);
        file(
            out,
            &format!("content/_index.{lang}.md"),
            &f.finish(&site.home.body[l]),
        )?;
        let mut f = Front::new();
        f.str("title", &message(locales, lang, "speakers-heading")?);
        file(
            out,
            &format!("content/speakers/_index.{lang}.md"),
            &f.finish(""),
        )?;
    }
    for programme in &site.programmes {
        write_programme(out, programme)?;
    }
    for speaker in &site.speakers {
        for (l, lang) in LANGS.iter().enumerate() {
            let mut f = Front::new();
            f.str("title", &speaker.name);
            f.str("role", &speaker.role[l]);
            f.str("organisation", speaker.organisation);
            file(
                out,
                &format!("content/speakers/{}/_index.{lang}.md", speaker.id),
                &f.finish(&speaker.bio[l]),
            )?;
        }
    }
    Ok(out.stats)
}

fn config(site: &Site) -> String {
    let p = &site.params;
    let mut text = format!(
        "# A synthetic Hugo site made by samling's examples/gen-programme.rs (--format hugo):\n\
         # {} sessions in {} programmes, seed {}: the same programmes as --format samling.\n\
         baseURL = \"/\"\n\
         relativeURLs = true\n\
         defaultContentLanguage = \"da\"\n\
         defaultContentLanguageInSubdir = true\n\
         # samling writes no feeds; the speakers taxonomy gives the speaker pages and index.\n\
         disableKinds = [\"RSS\"]\n\
         enableRobotsTXT = true\n\
         timeZone = \"Europe/Copenhagen\"\n\
         [taxonomies]\n\
         speaker = \"speakers\"\n\
         [markup.highlight]\n\
         noClasses = false\n\
         [languages]\n",
        p.sessions, p.programmes, p.seed
    );
    for (l, lang) in LANGS.iter().enumerate() {
        let _ = write!(
            text,
            "[languages.{lang}]\nlanguageName = {}\nlanguageCode = \"{lang}\"\nweight = {}\n",
            quote(LANG_NAMES[l]),
            l + 1
        );
    }
    text
}

fn write_programme(out: &mut Out, p: &Programme) -> io::Result<()> {
    let dir = format!("content/{}", p.slug);
    for (l, lang) in LANGS.iter().enumerate() {
        let mut f = Front::new();
        f.str("title", &p.title[l]);
        f.str("summary", &p.summary[l]);
        f.str("kind", "programme");
        f.raw("first_day", p.first_day);
        f.raw("last_day", p.last_day);
        f.str("venue", &p.venue);
        f.str("timezone", p.timezone);
        f.list("organisers", &p.organisers);
        if let Some(notice) = &p.notice {
            f.str("notice", &notice[l]);
        }
        let sessions: usize = p.themes.iter().map(|t| t.sessions.len()).sum();
        f.raw("session_count", sessions);
        f.line("[contact]");
        f.str("name", &p.contact.name);
        f.str("role", &p.contact.role[l]);
        f.str("email", &p.contact.email);
        f.str("phone", &p.contact.phone);
        file(
            out,
            &format!("{dir}/_index.{lang}.md"),
            &f.finish(&p.body[l]),
        )?;
    }
    for theme in &p.themes {
        write_theme(out, &dir, p, theme)?;
    }
    Ok(())
}

fn write_theme(out: &mut Out, programme_dir: &str, p: &Programme, t: &Theme) -> io::Result<()> {
    let dir = format!("{programme_dir}/{}", t.slug);
    for (l, lang) in LANGS.iter().enumerate() {
        let mut f = Front::new();
        f.str("title", &t.title[l]);
        f.str("summary", &t.summary[l]);
        f.str("kind", "theme");
        f.raw("weight", t.order);
        file(
            out,
            &format!("{dir}/_index.{lang}.md"),
            &f.finish(&t.body[l]),
        )?;
    }
    for session in &t.sessions {
        for (l, lang) in LANGS.iter().enumerate() {
            file(
                out,
                &format!("{dir}/{}.{lang}.md", session.slug),
                &session_page(p, session, l),
            )?;
        }
    }
    Ok(())
}

fn session_page(p: &Programme, s: &Session, l: usize) -> String {
    let mut f = Front::new();
    f.str("title", &s.title[l]);
    f.str("summary", &s.summary[l]);
    // Hugo's page date orders and groups the listings; the time zone is the programme's.
    f.raw(
        "date",
        format_args!("{}T{}", s.date, super::model::clock(s.start)),
    );
    f.str("timezone", p.timezone);
    f.str("start", &clock_short(s.start));
    f.str("end", &clock_short(s.end));
    f.str("room", s.room);
    f.str("format", s.format);
    f.str("status", s.status);
    f.str("held_in", LANGS[s.language]);
    f.list("tags", &s.tags[l]);
    let ids: Vec<&str> = s
        .speakers
        .iter()
        .chain(&s.moderator)
        .filter_map(|sp| match sp {
            SessionSpeaker::Page { id, .. } => Some(id.as_str()),
            SessionSpeaker::Inline { .. } => None,
        })
        .collect();
    f.list("speakers", &ids);
    for speaker in &s.speakers {
        f.line("[[people]]");
        speaker_table(&mut f, speaker, l);
    }
    if let Some(moderator) = &s.moderator {
        f.line("[moderator]");
        speaker_table(&mut f, moderator, l);
    }
    f.finish(&s.body[l])
}

fn speaker_table(f: &mut Front, speaker: &SessionSpeaker, l: usize) {
    match speaker {
        SessionSpeaker::Page { id, confirmed } => {
            f.str("id", id);
            f.raw("confirmed", confirmed);
        }
        SessionSpeaker::Inline {
            name,
            role,
            organisation,
            confirmed,
        } => {
            f.str("name", name);
            f.str("role", &role[l]);
            f.str("organisation", organisation);
            f.raw("confirmed", confirmed);
        }
    }
}

/// "09:30", which the i18n strings show as they are (samling writes each language's form).
fn clock_short(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Hugo's i18n file of a Fluent file: each message with its `{ $x }` arguments as
/// `{{ .x }}`; a plural selector on `$count` as Hugo's `one`/`other` with `{{ .Count }}`.
fn i18n(ftl: &str) -> String {
    let mut out = String::new();
    let mut lines = ftl.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        if line.starts_with([' ', '#']) {
            continue;
        }
        let key = key.trim();
        if value.trim() == "{ $count ->" {
            let _ = writeln!(out, "[{key}]");
            while let Some(variant) = lines.next_if(|l| l.starts_with(' ')) {
                let variant = variant.trim().trim_start_matches('*');
                if let Some((form, text)) =
                    variant.strip_prefix('[').and_then(|v| v.split_once("] "))
                {
                    let text = text.replace("{ $count }", "{{ .Count }}");
                    let _ = writeln!(out, "{form} = {}", quote(&arguments(&text)));
                }
            }
        } else if value.trim_end().ends_with("->") {
            // Other selectors (currency names) are not shown in generated sites.
            while lines.next_if(|l| l.starts_with(' ')).is_some() {}
        } else {
            let _ = writeln!(out, "[{key}]\nother = {}", quote(&arguments(value)));
        }
    }
    out
}

fn arguments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{ $") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        let end = after.find(" }").unwrap_or(after.len());
        let _ = write!(out, "{{{{ .{} }}}}", &after[..end]);
        rest = after.get(end + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// One message of `locales/<lang>.ftl`, a single line.
fn message(locales: &Path, lang: &str, key: &str) -> io::Result<String> {
    let ftl = fs::read_to_string(locales.join(format!("{lang}.ftl")))?;
    ftl.lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = ")).map(str::to_owned))
        .ok_or_else(|| io::Error::other(format!("no `{key}` in {lang}.ftl")))
}

/// The templates: the same markup as samling's default theme, page for page.
const LAYOUTS: &[(&str, &str)] = &[
    ("_default/baseof.html", BASEOF),
    ("index.html", HOME),
    ("_default/list.html", LIST),
    ("_default/single.html", SINGLE),
    ("_default/terms.html", TERMS),
    ("_default/term.html", TERM),
    ("404.html", NOT_FOUND),
    ("partials/days.html", DAYS),
    ("partials/session_item.html", SESSION_ITEM),
    ("partials/speakers_inline.html", SPEAKERS_INLINE),
    ("partials/speaker_name.html", SPEAKER_NAME),
    ("partials/speaker_link.html", SPEAKER_LINK),
];

const BASEOF: &str = r##"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ i18n "site-name" }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="{{ "samling.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">{{ i18n "skip-to-content" }}</a>
<header class="site-header">
<div class="wrap">
<p class="site-name"><a href="{{ site.Home.RelPermalink }}">{{ i18n "site-name" }}</a></p>
<nav class="language-switcher" aria-label="{{ i18n "language-switcher-label" }}">
<ul>
{{ $page := . }}{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}"{{ if eq .Language.Lang $page.Language.Lang }} aria-current="page"{{ else }} hreflang="{{ .Language.Lang }}"{{ end }}>{{ .Language.LanguageName }}</a></li>
{{ end }}</ul>
</nav>
<nav class="site-nav" aria-label="{{ i18n "nav-main-label" }}">
<ul>
<li><a href="{{ site.Home.RelPermalink }}"{{ if .IsHome }} aria-current="page"{{ end }}>{{ i18n "nav-home" }}</a></li>
<li><a href="{{ "speakers/" | relLangURL }}">{{ i18n "nav-speakers" }}</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{ i18n "footer-text" }}</p>
</div>
</footer>
</body>
</html>
"##;

const HOME: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
{{ with .Content }}<div class="text">{{ . }}</div>{{ end }}
<section aria-labelledby="programmes-heading">
<h2 id="programmes-heading">{{ i18n "programmes-heading" }}</h2>
<ul class="cards">
{{ range where .Sections "Params.kind" "programme" }}<li class="card">
<h3><a href="{{ .RelPermalink }}"><span>{{ .Title }}</span></a></h3>
<p class="card-meta">{{ time.Format ":date_long" .Params.first_day }} – {{ time.Format ":date_long" .Params.last_day }} · {{ .Params.venue }}</p>
<p>{{ .Params.summary }}</p>
<p class="card-count">{{ i18n "sessions-count" .Params.session_count }}</p>
</li>
{{ end }}</ul>
</section>
{{ end }}
"##;

const LIST: &str = r##"{{ define "main" }}
{{ if eq .Params.kind "programme" }}<article class="programme">
<h1>{{ .Title }}</h1>
<p class="programme-meta"><span>{{ time.Format ":date_long" .Params.first_day }} – {{ time.Format ":date_long" .Params.last_day }}</span><span>{{ .Params.venue }}</span></p>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
{{ with .Params.notice }}<aside class="notice" aria-label="{{ i18n "notice-label" }}"><p><strong>{{ i18n "notice-label" }}:</strong> {{ . }}</p></aside>{{ end }}
{{ with .Content }}<div class="text">{{ . }}</div>{{ end }}
<section class="schedule" aria-labelledby="schedule-heading">
<h2 id="schedule-heading">{{ i18n "programme-heading" }} <span class="count">({{ i18n "sessions-count" .Params.session_count }})</span></h2>
<p class="timezone-note">{{ i18n "timezone-note" (dict "timezone" .Params.timezone) }}</p>
{{ range .Sections }}<section class="theme-group">
<h3><a href="{{ .RelPermalink }}"><span>{{ .Title }}</span></a></h3>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
{{ partial "days.html" (dict "pages" .Pages "heading" 4) }}
</section>
{{ end }}</section>
<section class="about" aria-labelledby="about-heading">
<h2 id="about-heading">{{ i18n "organisation-heading" }}</h2>
<h3>{{ i18n "organisers-heading" }}</h3>
<ul class="organisers">
{{ range .Params.organisers }}<li>{{ . }}</li>
{{ end }}</ul>
{{ with .Params.contact }}<h3>{{ i18n "contact-heading" }}</h3>
<p class="contact">{{ .name }}, {{ .role }}
<br>{{ i18n "email-label" }}: <a href="mailto:{{ .email }}">{{ .email }}</a>
<br>{{ i18n "phone-label" }}: <a href="tel:{{ replace .phone " " "" }}">{{ .phone }}</a></p>{{ end }}
</section>
</article>
{{ else }}<article class="theme">
<p class="breadcrumb"><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}
{{ with .Content }}<div class="text">{{ . }}</div>{{ end }}
<section aria-labelledby="sessions-heading">
<h2 id="sessions-heading">{{ i18n "sessions-heading" }} <span class="count">({{ i18n "sessions-count" (len .Pages) }})</span></h2>
{{ partial "days.html" (dict "pages" .Pages "heading" 3) }}
</section>
</article>
{{ end }}
{{ end }}
"##;

const DAYS: &str = r##"{{ $heading := .heading }}{{ range .pages.GroupByDate "2006-01-02" "asc" }}<section class="day">
<h{{ $heading }} class="day-heading"><time datetime="{{ .Key }}">{{ time.Format ":date_full" (index .Pages 0).Date }}</time></h{{ $heading }}>
<ol class="sessions">
{{ range .Pages.ByDate }}{{ partial "session_item.html" (dict "s" . "heading" (add $heading 1)) }}{{ end }}
</ol>
</section>
{{ end }}"##;

const SESSION_ITEM: &str = r##"{{ $s := .s }}{{ $p := $s.Params }}<li class="session status-{{ $p.status }}">
<h{{ .heading }} class="session-title"><a href="{{ $s.RelPermalink }}"><span>{{ $s.Title }}</span></a></h{{ .heading }}>
<p class="session-meta"><span class="session-time">{{ i18n "time-range" (dict "start" $p.start "end" $p.end) }}</span><span class="session-room">{{ $p.room }}</span><span class="session-format">{{ i18n (printf "format-%s" $p.format) }}</span>{{ if ne $p.status "confirmed" }}<strong class="session-status">{{ i18n (printf "status-%s" $p.status) }}</strong>{{ end }}</p>
{{ with $p.people }}{{ partial "speakers_inline.html" . }}{{ end }}
{{ with $p.summary }}<p class="session-summary">{{ . }}</p>{{ end }}
</li>
"##;

const SPEAKERS_INLINE: &str = r##"<ul class="speakers">
{{ range . }}<li class="speaker{{ if not .confirmed }} unconfirmed{{ end }}">{{ partial "speaker_name.html" . }}{{ if not .confirmed }} <strong class="not-confirmed">({{ i18n "not-confirmed" }})</strong>{{ end }}</li>
{{ end }}</ul>"##;

// A speaker page's link is the same on every page of a language (relativeURLs makes it
// relative afterwards): cached, as a Hugo site of this size would.
const SPEAKER_NAME: &str = r##"{{ with .id }}{{ partialCached "speaker_link.html" . . site.Language.Lang }}{{ else }}{{ .name }}<span class="speaker-affiliation">, {{ .role }}, {{ .organisation }}</span>{{ end }}"##;

const SPEAKER_LINK: &str = r##"{{ with site.GetPage (printf "/speakers/%s" .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a><span class="speaker-affiliation">, {{ .Params.role }}, {{ .Params.organisation }}</span>{{ end }}"##;

const SINGLE: &str = r##"{{ define "main" }}{{ $p := .Params }}
<article class="session-page status-{{ $p.status }}">
<p class="breadcrumb"><a href="{{ .Parent.Parent.RelPermalink }}">{{ .Parent.Parent.Title }}</a> › <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
<h1>{{ .Title }}</h1>
{{ if ne $p.status "confirmed" }}<p class="status-banner"><strong>{{ i18n (printf "status-%s" $p.status) }}</strong></p>{{ end }}
{{ with $p.summary }}<p class="lead">{{ . }}</p>{{ end }}
<dl class="facts">
<dt>{{ i18n "date-label" }}</dt>
<dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ time.Format ":date_full" .Date }}</time></dd>
<dt>{{ i18n "time-label" }}</dt>
<dd>{{ i18n "time-range" (dict "start" $p.start "end" $p.end) }} <span class="timezone">({{ $p.timezone }})</span></dd>
<dt>{{ i18n "room-label" }}</dt>
<dd>{{ $p.room }}</dd>
<dt>{{ i18n "format-label" }}</dt>
<dd>{{ i18n (printf "format-%s" $p.format) }}</dd>
<dt>{{ i18n "status-label" }}</dt>
<dd>{{ i18n (printf "status-%s" $p.status) }}</dd>
<dt>{{ i18n "language-label" }}</dt>
<dd>{{ $p.held_in }}</dd>
</dl>
{{ with $p.people }}<section aria-labelledby="speakers-heading">
<h2 id="speakers-heading">{{ i18n "speakers-heading" }}</h2>
{{ partial "speakers_inline.html" . }}
</section>{{ end }}
{{ with $p.moderator }}<section aria-labelledby="moderator-heading">
<h2 id="moderator-heading">{{ i18n "moderator-label" }}</h2>
{{ partial "speakers_inline.html" (slice .) }}
</section>{{ end }}
<div class="text">{{ .Content }}</div>
{{ with .Translations }}<p class="translations">{{ i18n "translations-label" }}: {{ range $i, $t := . }}{{ if $i }} · {{ end }}<a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</p>{{ end }}
{{ with $p.tags }}<p class="tags"><span>{{ i18n "tags-label" }}:</span> {{ range $i, $t := . }}{{ if $i }}, {{ end }}<span class="tag">{{ $t }}</span>{{ end }}</p>{{ end }}
<nav class="pager" aria-label="{{ i18n "pager-label" }}">
<ul>
{{ with .PrevInSection }}<li class="previous">{{ i18n "previous-session" }}: <a href="{{ .RelPermalink }}" rel="prev">{{ .Title }}</a></li>{{ end }}
{{ with .NextInSection }}<li class="next">{{ i18n "next-session" }}: <a href="{{ .RelPermalink }}" rel="next">{{ .Title }}</a></li>{{ end }}
</ul>
</nav>
</article>
{{ end }}
"##;

const TERMS: &str = r##"{{ define "main" }}
<h1>{{ i18n "speakers-heading" }}</h1>
<ul class="speaker-index">
{{ range .Pages.ByTitle }}<li>
<h2 class="speaker-name"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p class="speaker-affiliation">{{ .Params.role }}, {{ .Params.organisation }}</p>
<p class="speaker-sessions">{{ i18n "sessions-count" (len .Pages) }}</p>
</li>
{{ end }}</ul>
{{ end }}
"##;

const TERM: &str = r##"{{ define "main" }}
<article class="speaker-page">
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Params.role }}, {{ .Params.organisation }}</p>
{{ with .Content }}<div class="text">{{ . }}</div>{{ end }}
{{ with .Pages }}<section aria-labelledby="sessions-heading">
<h2 id="sessions-heading">{{ i18n "speaker-sessions-heading" }} <span class="count">({{ i18n "sessions-count" (len .) }})</span></h2>
<ol class="sessions">
{{ range .ByDate }}<li class="session status-{{ .Params.status }}">
<h3 class="session-title"><a href="{{ .RelPermalink }}"><span>{{ .Title }}</span></a></h3>
<p class="session-meta"><span><time datetime="{{ .Date.Format "2006-01-02" }}">{{ time.Format ":date_full" .Date }}</time></span><span>{{ i18n "time-range" (dict "start" .Params.start "end" .Params.end) }}</span><span><a href="{{ .Parent.Parent.RelPermalink }}">{{ .Parent.Parent.Title }}</a></span>{{ if ne .Params.status "confirmed" }}<strong class="session-status">{{ i18n (printf "status-%s" .Params.status) }}</strong>{{ end }}</p>
</li>
{{ end }}</ol>
</section>{{ end }}
</article>
{{ end }}
"##;

const NOT_FOUND: &str = r##"{{ define "main" }}
<h1>404</h1>
<p><a href="{{ site.Home.RelPermalink }}">{{ i18n "nav-home" }}</a></p>
{{ end }}
"##;

/// A file of Hugo's site, its folder made first (Hugo's layout nests deeper than samling's).
fn file(out: &mut Out, rel: &str, text: &str) -> io::Result<()> {
    out.dir(rel.rsplit_once('/').map_or("", |(folder, _)| folder))?;
    out.file(rel, text)
}
