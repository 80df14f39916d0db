//! Render stage: every page of the model in every language through Tera, in parallel.

mod meetings;
mod search;
pub mod timetable;
mod unclosed;
mod views;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, TeraResult};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::front_matter::{Date, Kind};
use crate::locale::{Locales, fluent_value};
use crate::markdown::Markdown;
use crate::model::Model;
use crate::reads::{History, Memo};
use crate::theme::ThemeFiles;
use crate::urls::Urls;
use views::*;

/// One page of output: its address (`da/x/`) or file name (`404.html`), and its HTML.
#[derive(Debug)]
pub struct RenderedPage {
    pub file: String,
    pub html: String,
    /// What the page read of the model, as identities ([`Model::identity_of`]), sorted;
    /// empty unless the renderer records.
    pub reads: Vec<u64>,
}

/// A page to render: what it shows and in which language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job<'a> {
    Chooser,
    NotFound,
    Home(&'a str),
    Speakers(&'a str),
    Programme(usize, &'a str),
    Theme(usize, &'a str),
    Session(usize, &'a str),
    Speaker(usize, &'a str),
    Page(usize, &'a str),
    Minutes(usize, &'a str),
    /// A series' index of its meetings.
    Series(usize, &'a str),
    /// A programme's timetable on one day.
    Timetable(usize, Date, &'a str),
    /// A programme's changes, newest first: what its change feed says, as a page.
    Changes(usize, &'a str),
    /// A person given inline in sessions, without a speaker page.
    InlineSpeaker(usize, &'a str),
    Search(&'a str),
    /// The search index the search page and "my programme" load (a script, not HTML).
    SearchIndex(&'a str),
    MyProgramme(&'a str),
}

/// The path of the search page under each language (`da/search/`).
pub const SEARCH_PATH: &str = "search";
/// The path of "my programme" under each language (`da/my-programme/`).
pub const MY_PROGRAMME_PATH: &str = "my-programme";
/// The folder of a programme's changes page under the programme (`da/konferanse/changes/`).
pub const CHANGES_SEGMENT: &str = "changes";
/// The search index's file name in the search page's folder.
const SEARCH_INDEX_FILE: &str = "index.js";

/// Tera with the theme's templates and the `t` function backed by the site's locales.
pub struct Templates {
    tera: Tera,
    /// Each template's short name (`session.html`) → the templates it pulls in, itself
    /// included: what a page must re-render when one of them changes.
    uses: BTreeMap<String, BTreeSet<String>>,
    /// Set by `serve`, which renders the same listings again and again.
    listing_items: OnceLock<ListingItems>,
    /// Set by `serve` too: the search indexes as last made.
    search: OnceLock<search::SearchCache>,
}

/// The listing items (`session_item.html`) of sessions as rendered before, kept by `serve`
/// between rebuilds: after an edit, a programme page of 1,000 sessions renders the one item
/// that changed instead of all. An item's key is everything it shows (the session's
/// summary, its heading level, the language), so a kept item is never stale; the cache
/// belongs to [`Templates`], which is made anew when a template or locale changes.
struct ListingItems {
    /// By language and heading level, then by summary.
    items: Mutex<HashMap<(String, u8), HashMap<SessionSummary, tera::Value>>>,
    /// Whole listings as the templates see them (days, summaries, items), by page, group
    /// and heading level, with the sessions they list: [`Renderer::listing`]. Each with the
    /// reads it was made with, played again where it is used.
    listings: Mutex<Memo<String, Vec<u64>, tera::Value>>,
    /// When what the listings read last changed.
    history: Arc<History>,
}

/// What `days.html` sees of a cached item: the summary, its HTML and the heading level the
/// HTML was rendered at (the template renders the item itself at any other level).
#[derive(Serialize)]
struct CachedItem<'a> {
    #[serde(flatten)]
    summary: &'a SessionSummary,
    html: tera::Value,
    html_heading: u8,
}

/// Renders listing items in one pass, each followed by [`ITEM_END`].
const ITEMS_TEMPLATE: &str = "__samling/listing-items.html";
const ITEM_END: &str = "<!--samling:item-end-->";

impl Templates {
    pub fn new(theme: &ThemeFiles, locales: Arc<Locales>, config: &Config) -> Result<Templates> {
        let mut tera = Tera::new();
        // HTML, like XML, has no place for control characters from a TOML escape (`\u0000`):
        // they are parse errors, so they are left out with the escaping.
        tera.set_escape_fn(|text, out| {
            let mut written = Ok(());
            crate::text::escape_markup_by_runs(text, |run| {
                if written.is_ok() && !run.is_empty() {
                    written = out.write_all(run.as_bytes());
                }
            });
            written
        });
        // Each language's name in itself, for marks such as "på svensk": the same on every page.
        let language_names: std::collections::BTreeMap<&str, &str> = config
            .languages
            .iter()
            .map(|l| (l.code.as_str(), l.name.as_str()))
            .collect();
        tera.global_context()
            .insert("language_names", &language_names);
        tera.set_fallback_prefixes(theme.template_prefixes.clone())
            .map_err(|e| template_error(&e))?;
        tera.register_function(
            "t",
            move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
                translate(&locales, kwargs, state)
            },
        );
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str())),
        )
        .map_err(|e| Error {
            diagnostics: template_errors(&e)
                .into_iter()
                .map(|d| at_unclosed_block(d, &theme.templates))
                .collect(),
        })?;
        tera.add_raw_template(
            ITEMS_TEMPLATE,
            &format!("{{% for s in items %}}{{% include \"session_item.html\" %}}{ITEM_END}{{% endfor %}}"),
        )
        .map_err(|e| template_error(&e))?;
        Ok(Templates {
            tera,
            uses: template_uses(theme),
            listing_items: OnceLock::new(),
            search: OnceLock::new(),
        })
    }

    /// Keeps rendered listing items and the search indexes' parts from now on, for
    /// rebuilds in `serve`.
    pub fn keep_between_rebuilds(&self, history: &Arc<History>) {
        self.listing_items.get_or_init(|| ListingItems {
            items: Mutex::default(),
            listings: Mutex::default(),
            history: Arc::clone(history),
        });
        self.search
            .get_or_init(|| search::SearchCache::new(Arc::clone(history)));
    }

    /// Whether the page template `name` includes, extends or imports one of `changed`.
    fn uses_any(&self, name: &str, changed: &BTreeSet<String>) -> bool {
        self.uses
            .get(name)
            .is_some_and(|used| used.iter().any(|u| changed.contains(u)))
    }
}

/// The closure of template references, found by the quoted names of known templates in
/// each source: a superset of what Tera loads, which is what invalidation needs.
fn template_uses(theme: &ThemeFiles) -> BTreeMap<String, BTreeSet<String>> {
    let short = |path: &str| {
        theme
            .template_prefixes
            .iter()
            .find_map(|prefix| path.strip_prefix(prefix.as_str()))
            .unwrap_or(path)
            .to_owned()
    };
    let names: BTreeSet<String> = theme.templates.iter().map(|(p, _)| short(p)).collect();
    let mut direct: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in &theme.templates {
        let refs = direct.entry(short(path)).or_default();
        for name in &names {
            if text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'")) {
                refs.insert(name.clone());
            }
        }
    }
    names
        .iter()
        .map(|name| {
            let mut seen = BTreeSet::from([name.clone()]);
            let mut stack = vec![name.clone()];
            while let Some(next) = stack.pop() {
                for used in direct.get(&next).into_iter().flatten() {
                    if seen.insert(used.clone()) {
                        stack.push(used.clone());
                    }
                }
            }
            (name.clone(), seen)
        })
        .collect()
}

/// `t(key="sessions-count", count=5)`: the message in the page's language (`lang` in the
/// context), or in the language given as `lang=`. Other arguments go to Fluent.
fn translate(locales: &Locales, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let key: String = kwargs.must_get("key")?;
    let lang: String = match kwargs.get::<String>("lang")? {
        Some(lang) => lang,
        None => state
            .get::<String>("lang")?
            .ok_or_else(|| tera::Error::message("t(): no `lang` in the template's context"))?,
    };
    let locale = locales
        .get(&lang)
        .ok_or_else(|| tera::Error::message(format!("t(): no locale `{lang}`")))?;
    let mut args = fluent::FluentArgs::new();
    for (name, value) in kwargs.iter() {
        let name = name.to_string();
        if name != "key" && name != "lang" {
            args.set(name, fluent_value(value));
        }
    }
    locale
        .message(&key, Some(&args))
        .map_err(tera::Error::message)
}

fn template_error(e: &tera::Error) -> Diagnostic {
    template_errors(e).remove(0)
}

/// Tera's errors as diagnostics with file, line and column. Loading templates reports all
/// problems as one message of several reports (`error: ...\n --> file:line:col ...`), which
/// are taken apart so each is listed at its place.
/// A syntax error in a template that leaves a block tag open, moved to that tag: Tera
/// reports it where its parser gives up, often at an `{% endblock %}` far below.
fn at_unclosed_block(d: Diagnostic, templates: &[(String, String)]) -> Diagnostic {
    let file = d.path.to_string_lossy().replace('\\', "/");
    let Some((_, text)) = templates.iter().find(|(name, _)| *name == file) else {
        return d;
    };
    let Some(open) = unclosed::unclosed_block(text) else {
        return d;
    };
    // Only an error at or below the open tag can be caused by it.
    if d.position.is_some_and(|(line, _)| line < open.line) {
        return d;
    }
    let place = match &open.met {
        Some((end, line)) => format!("before `{{% {end} %}}` on line {line}"),
        None => "before the end of the template".to_owned(),
    };
    let tag = &open.tag;
    let tag_end = text[open.offset..]
        .find("%}")
        .map_or(text.len(), |n| open.offset + n + 2);
    Diagnostic::at(
        &file,
        text,
        open.offset..tag_end,
        format!("`{{% {tag} %}}` is not closed"),
    )
    .with_hint(format!("add `{{% end{tag} %}}` {place}"))
}

impl<'a> Renderer<'a> {
    /// A programme's changes page: [`Model::changes_of`], the feed's entries of the
    /// programme, under the day each change was made.
    fn changes_view(&self, i: usize, lang: &str, v: &ViewBuilder) -> ChangesView {
        let m = self.model;
        let mut days: Vec<ChangeDay> = Vec::new();
        for c in m.changes_of(i, lang, self.config) {
            let date = c.change.date.0.to_string();
            if days.last().is_none_or(|d| d.date != date) {
                days.push(ChangeDay {
                    date_text: v.locale.long_date(c.change.date),
                    date,
                    changes: Vec::new(),
                });
            }
            let session = &m.sessions[c.session];
            let change = ProgrammeChange {
                what: c.change.what.name(),
                note: c.change.note.clone(),
                session: v.link_to(c.t, &session.entry().key, &c.t.front.title),
                status: c.t.front.status,
            };
            if let Some(day) = days.last_mut() {
                day.changes.push(change);
            }
        }
        ChangesView {
            programme: link_or_key(v, m.programmes[i].entry(), |f| &f.title),
            days,
        }
    }
}

/// A session's changes for its page, in the order of the change feed.
fn session_changes(changes: &[crate::front_matter::Change], v: &ViewBuilder) -> Vec<ChangeView> {
    let mut listed: Vec<(usize, &crate::front_matter::Change)> =
        changes.iter().enumerate().collect();
    listed.sort_by(|&a, &b| crate::front_matter::Change::newer_first(a, b));
    listed
        .into_iter()
        .map(|(_, change)| ChangeView {
            date: change.date.0.to_string(),
            date_text: v.locale.long_date(change.date),
            what: change.what.name(),
            note: change.note.clone(),
        })
        .collect()
}

fn template_errors(e: &tera::Error) -> Vec<Diagnostic> {
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut d = Diagnostic::new(report.filename(), report.message().to_owned());
            d.position = Some((span.start_line, span.start_col + 1));
            vec![d.with_report(e.to_string())]
        }
        _ => {
            let text = e.to_string();
            let reports: Vec<Diagnostic> = text
                .split("\n\nerror: ")
                .filter_map(|report| {
                    let report = report.strip_prefix("error: ").unwrap_or(report);
                    let (message, rest) = report.split_once('\n')?;
                    let place = rest.trim_start().strip_prefix("--> ")?;
                    let place = place.lines().next()?;
                    let mut parts = place.rsplitn(3, ':');
                    let column: usize = parts.next()?.trim().parse().ok()?;
                    let line: usize = parts.next()?.trim().parse().ok()?;
                    let file = parts.next()?;
                    let mut d = Diagnostic::new(file, message.trim());
                    d.position = Some((line, column));
                    Some(d.with_report(format!("error: {}", report.trim_end())))
                })
                .collect();
            if reports.is_empty() {
                vec![Diagnostic::new("templates", text)]
            } else {
                reports
            }
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct SwitchLink {
    code: String,
    name: String,
    url: String,
    current: bool,
    /// False when the page has no translation and the link goes to the nearest parent.
    exists: bool,
}

#[derive(Debug, Serialize)]
struct Alternate {
    hreflang: String,
    href: String,
}

#[derive(Debug, Serialize)]
struct NavLink {
    #[serde(flatten)]
    link: Link,
    current: bool,
}

#[derive(Debug, Serialize)]
struct Layout {
    lang: String,
    lang_name: String,
    /// The relative path from this page to the output root, for assets.
    root: String,
    home_url: String,
    nav: Vec<NavLink>,
    switcher: Vec<SwitchLink>,
    /// The page's other translations (the switcher's entries that exist).
    translations: Vec<SwitchLink>,
    alternates: Vec<Alternate>,
    canonical: String,
    /// The exports this page links to: the change feed, calendars, schedules.
    exports: crate::export::PageLinks,
}

#[derive(Debug, Serialize)]
struct LanguageLink {
    code: String,
    name: String,
    url: String,
}

pub struct Renderer<'a> {
    pub model: &'a Model,
    pub config: &'a Config,
    pub locales: &'a Locales,
    pub templates: &'a Templates,
    pub markdown: &'a Markdown,
    pub urls: Urls,
    /// Told of every page rendered.
    pub progress: &'a dyn crate::progress::Progress,
    /// Whether each page's reads of the model are recorded ([`RenderedPage::reads`]).
    pub record: bool,
    /// The site's and theme's static files, by name: agenda items' attachments are shown
    /// with their size.
    pub theme: &'a ThemeFiles,
}

impl<'a> Renderer<'a> {
    /// Renders every page, in parallel; the result is sorted by file, so it is deterministic.
    pub fn render_all(&self) -> Result<Vec<RenderedPage>> {
        let jobs = self.jobs();
        (self.progress).begin(crate::progress::Stage::Render, Some(jobs.len()));
        self.render_jobs(&jobs)
    }

    fn render_jobs(&self, jobs: &[Job<'a>]) -> Result<Vec<RenderedPage>> {
        let mut pages = self.render_each(jobs, Ok)?;
        pages.sort_by(|a, b| a.file.cmp(&b.file));
        Ok(pages)
    }

    /// Renders every page in parallel and gives each to `write` as soon as it is made, so
    /// that a build holds only the pages being written, not the site. The pages' files, in
    /// no particular order.
    pub fn render_all_into(
        &self,
        write: impl Fn(&RenderedPage) -> Result<()> + Sync,
    ) -> Result<Vec<String>> {
        let jobs = self.jobs();
        (self.progress).begin(crate::progress::Stage::Render, Some(jobs.len()));
        self.render_each(&jobs, |page| {
            write(&page).map_err(|e| {
                let mut problems = e.diagnostics.into_iter();
                problems
                    .next()
                    .unwrap_or_else(|| Diagnostic::new(&page.file, "cannot write"))
            })?;
            Ok(page.file)
        })
    }

    /// `then` of each of `jobs`' pages, in parallel; every problem, once and sorted.
    fn render_each<T: Send>(
        &self,
        jobs: &[Job<'a>],
        then: impl Fn(RenderedPage) -> std::result::Result<T, Diagnostic> + Sync,
    ) -> Result<Vec<T>> {
        let results: Vec<std::result::Result<T, Diagnostic>> = jobs
            .par_iter()
            .map(|job| {
                let done = self.render(*job).and_then(&then);
                self.progress.advance(1);
                done
            })
            .collect();
        let mut done = Vec::with_capacity(results.len());
        let mut problems: Vec<Diagnostic> = Vec::new();
        for result in results {
            match result {
                Ok(page) => done.push(page),
                // The same template mistake fails every page that uses it: report it once.
                Err(d) if !problems.contains(&d) => problems.push(d),
                Err(_) => {}
            }
        }
        Diagnostic::sort(&mut problems);
        Error::check(problems)?;
        Ok(done)
    }

    /// Whether `file` is one of the site's pages.
    pub fn is_page(&self, file: &str) -> bool {
        self.job_for(file).is_some()
    }

    /// The page written to `file` (`da/x/index.html`), if the site has one.
    fn job_for(&self, file: &str) -> Option<Job<'a>> {
        match file {
            "index.html" => return Some(Job::Chooser),
            "404.html" => return Some(Job::NotFound),
            _ => {}
        }
        if let Some(lang) = file
            .strip_suffix(SEARCH_INDEX_FILE)
            .and_then(|f| f.strip_suffix(&format!("/{SEARCH_PATH}/")))
        {
            return Some(Job::SearchIndex(self.config.language(lang)?.code.as_str()));
        }
        let address = file.strip_suffix("index.html")?.strip_suffix('/')?;
        let (lang, key) = address.split_once('/').unwrap_or((address, ""));
        let lang = self.config.language(lang)?.code.as_str();
        let timetable = key
            .rsplit_once('/')
            .and_then(|(rest, date)| Some((rest.strip_suffix(timetable::SEGMENT)?, date)))
            .and_then(|(rest, date)| Some((rest.strip_suffix('/')?, date)));
        let job = if key.is_empty() {
            Job::Home(lang)
        } else if key == self.config.speakers_path.trim_matches('/') {
            Job::Speakers(lang)
        } else if let Some(i) = key
            .strip_prefix(self.config.speakers_path.trim_matches('/'))
            .and_then(|k| k.strip_prefix('/'))
            .filter(|_| self.model.find(key).is_none())
            .and_then(|slug| self.model.inline_speakers.search_by(|p| p.slug().cmp(slug)))
        {
            Job::InlineSpeaker(i, lang)
        } else if key == SEARCH_PATH {
            Job::Search(lang)
        } else if key == MY_PROGRAMME_PATH {
            Job::MyProgramme(lang)
        } else if let Some(programme) = key
            .strip_suffix(CHANGES_SEGMENT)
            .and_then(|k| k.strip_suffix('/'))
            && let Some((Kind::Programme, i)) = self.model.find(programme)
        {
            Job::Changes(i, lang)
        } else if let Some((programme, date)) = timetable
            && let Some((Kind::Programme, i)) = self.model.find(programme)
        {
            let p = &self.model.programmes[i];
            let day = p.days().iter().copied().find(|d| d.0.to_string() == date)?;
            Job::Timetable(i, day, lang)
        } else {
            let (kind, i) = self.model.find(key)?;
            match kind {
                Kind::Programme => Job::Programme(i, lang),
                Kind::Theme => Job::Theme(i, lang),
                Kind::Session => Job::Session(i, lang),
                Kind::Speaker => Job::Speaker(i, lang),
                Kind::Page => Job::Page(i, lang),
                Kind::Minutes => Job::Minutes(i, lang),
                Kind::Series => Job::Series(i, lang),
            }
        };
        self.in_language(job, lang)
    }

    /// Renders the pages written to `files` that the site has, in parallel, sorted by file.
    pub fn render_files(&self, files: &BTreeSet<String>) -> Result<Vec<RenderedPage>> {
        let jobs: Vec<Job<'a>> = files.iter().filter_map(|f| self.job_for(f)).collect();
        self.render_jobs(&jobs)
    }

    fn languages(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.config.languages.iter().map(|l| l.code.as_str())
    }

    /// Every page's file, with the content key of the entry it is the page of (none for
    /// the index pages, timetables, search and the pages of people given inline).
    pub fn page_files(&self) -> Vec<(String, Option<&'a str>)> {
        self.jobs()
            .into_iter()
            .map(|job| (self.file(job), self.entry_key(job)))
            .collect()
    }

    /// The content key of the entry a page is of, if it is an entry's page.
    fn entry_key(&self, job: Job<'a>) -> Option<&'a str> {
        let m = self.model;
        Some(match job {
            Job::Programme(i, _) => &m.programmes[i].entry().key,
            Job::Theme(i, _) => &m.themes[i].entry().key,
            Job::Session(i, _) => &m.sessions[i].entry().key,
            Job::Speaker(i, _) => &m.speakers[i].entry().key,
            Job::Page(i, _) => &m.pages[i].key,
            Job::Minutes(i, _) => &m.minutes[i].key,
            Job::Series(i, _) => &m.series[i].key,
            _ => return None,
        })
    }

    /// The output files of pages whose templates include one of `templates` (short names,
    /// `session.html`), or of every page if a template is unknown.
    pub fn files_using(&self, templates: &BTreeSet<String>) -> BTreeSet<String> {
        self.jobs()
            .into_iter()
            .filter(|&job| self.templates.uses_any(Self::template(job), templates))
            .map(|job| self.file(job))
            .collect()
    }

    /// The output files of pages in `langs`, and the language-neutral pages (chooser,
    /// 404), which show messages of the default language.
    pub fn files_in(&self, langs: &BTreeSet<String>) -> BTreeSet<String> {
        if langs.is_empty() {
            return BTreeSet::new();
        }
        self.jobs()
            .into_iter()
            .filter(|&job| Self::lang_of(job).is_none_or(|l| langs.contains(l)))
            .map(|job| self.file(job))
            .collect()
    }

    fn jobs(&self) -> Vec<Job<'a>> {
        let m = self.model;
        let mut jobs = vec![Job::Chooser, Job::NotFound];
        for lang in self.languages() {
            jobs.push(Job::Home(lang));
            jobs.push(Job::Speakers(lang));
            jobs.push(Job::Search(lang));
            jobs.push(Job::SearchIndex(lang));
            jobs.push(Job::MyProgramme(lang));
            jobs.extend((0..m.inline_speakers.len()).map(|i| Job::InlineSpeaker(i, lang)));
        }
        for (i, p) in m.programmes.iter().enumerate() {
            for day in p.days() {
                jobs.extend(p.entry().langs().map(|lang| Job::Timetable(i, *day, lang)));
            }
            jobs.extend(p.entry().langs().map(|lang| Job::Changes(i, lang)));
        }
        jobs.extend(jobs_for(
            m.programmes.iter().map(|p| p.entry()),
            Job::Programme,
        ));
        jobs.extend(jobs_for(m.themes.iter().map(|t| t.entry()), Job::Theme));
        jobs.extend(jobs_for(m.sessions.iter().map(|s| s.entry()), Job::Session));
        jobs.extend(jobs_for(m.speakers.iter().map(|s| s.entry()), Job::Speaker));
        jobs.extend(jobs_for(m.pages.iter(), Job::Page));
        jobs.extend(jobs_for(m.minutes.iter(), Job::Minutes));
        jobs.extend(jobs_for(m.series.iter(), Job::Series));
        jobs
    }

    /// The job's page in language `lang`, if it exists there.
    fn in_language(&self, job: Job<'a>, lang: &'a str) -> Option<Job<'a>> {
        let m = self.model;
        let exists = match job {
            Job::Chooser | Job::NotFound => false,
            Job::Home(_)
            | Job::Speakers(_)
            | Job::Search(_)
            | Job::SearchIndex(_)
            | Job::MyProgramme(_)
            | Job::InlineSpeaker(..) => true,
            Job::Programme(i, _) | Job::Timetable(i, _, _) | Job::Changes(i, _) => {
                m.programmes[i].entry().has(lang)
            }
            Job::Theme(i, _) => m.themes[i].entry().has(lang),
            Job::Session(i, _) => m.sessions[i].entry().has(lang),
            Job::Speaker(i, _) => m.speakers[i].entry().has(lang),
            Job::Page(i, _) => m.pages[i].has(lang),
            Job::Minutes(i, _) => m.minutes[i].has(lang),
            Job::Series(i, _) => m.series[i].has(lang),
        };
        exists.then_some(match job {
            Job::Home(_) => Job::Home(lang),
            Job::Speakers(_) => Job::Speakers(lang),
            Job::Search(_) => Job::Search(lang),
            Job::SearchIndex(_) => Job::SearchIndex(lang),
            Job::MyProgramme(_) => Job::MyProgramme(lang),
            Job::InlineSpeaker(i, _) => Job::InlineSpeaker(i, lang),
            Job::Timetable(i, day, _) => Job::Timetable(i, day, lang),
            Job::Changes(i, _) => Job::Changes(i, lang),
            Job::Programme(i, _) => Job::Programme(i, lang),
            Job::Theme(i, _) => Job::Theme(i, lang),
            Job::Session(i, _) => Job::Session(i, lang),
            Job::Speaker(i, _) => Job::Speaker(i, lang),
            Job::Page(i, _) => Job::Page(i, lang),
            Job::Minutes(i, _) => Job::Minutes(i, lang),
            Job::Series(i, _) => Job::Series(i, lang),
            other => other,
        })
    }

    /// Where the language switcher goes when a page has no translation: the nearest parent.
    fn parent(&self, job: Job<'a>) -> Job<'a> {
        let m = self.model;
        match job {
            Job::Session(i, l) => match m.sessions[i].theme() {
                Some(t) => Job::Theme(t, l),
                None => Job::Programme(m.sessions[i].programme(), l),
            },
            Job::Theme(i, l) => Job::Programme(m.themes[i].programme(), l),
            Job::Timetable(i, _, l) | Job::Changes(i, l) => Job::Programme(i, l),
            Job::Search(l) | Job::SearchIndex(l) | Job::MyProgramme(l) => Job::Home(l),
            Job::Speaker(_, l) | Job::InlineSpeaker(_, l) => Job::Speakers(l),
            Job::Minutes(i, l) => self.meeting_parent(i, l),
            Job::Programme(_, l) | Job::Page(_, l) | Job::Series(_, l) | Job::Speakers(l) => {
                Job::Home(l)
            }
            other => other,
        }
    }

    fn address(&self, job: Job<'a>) -> String {
        let m = self.model;
        match job {
            Job::Chooser => String::new(),
            Job::NotFound => "404.html".into(),
            Job::Home(l) => Urls::page(l, ""),
            Job::Speakers(l) => Urls::page(l, self.config.speakers_path.trim_matches('/')),
            Job::Search(l) => Urls::page(l, SEARCH_PATH),
            Job::SearchIndex(l) => format!("{}{SEARCH_INDEX_FILE}", Urls::page(l, SEARCH_PATH)),
            Job::MyProgramme(l) => Urls::page(l, MY_PROGRAMME_PATH),
            Job::InlineSpeaker(i, l) => Urls::page(
                l,
                &format!(
                    "{}/{}",
                    self.config.speakers_path.trim_matches('/'),
                    m.inline_speakers[i].slug()
                ),
            ),
            Job::Timetable(i, day, l) => Urls::page(
                l,
                &format!(
                    "{}/{}/{}",
                    m.programmes[i].entry().key,
                    timetable::SEGMENT,
                    day.0
                ),
            ),
            Job::Changes(i, l) => Urls::page(
                l,
                &format!("{}/{CHANGES_SEGMENT}", m.programmes[i].entry().key),
            ),
            Job::Programme(i, l) => Urls::page(l, &m.programmes[i].entry().key),
            Job::Theme(i, l) => Urls::page(l, &m.themes[i].entry().key),
            Job::Session(i, l) => Urls::page(l, &m.sessions[i].entry().key),
            Job::Speaker(i, l) => Urls::page(l, &m.speakers[i].entry().key),
            Job::Page(i, l) => Urls::page(l, &m.pages[i].key),
            Job::Minutes(i, l) => Urls::page(l, &m.minutes[i].key),
            Job::Series(i, l) => Urls::page(l, &m.series[i].key),
        }
    }

    /// The file a page is written to: its address, plus `index.html` for folders.
    fn file(&self, job: Job<'a>) -> String {
        let address = self.address(job);
        if !address.is_empty() && !address.ends_with('/') {
            address
        } else {
            format!("{address}index.html")
        }
    }

    fn template(job: Job<'a>) -> &'static str {
        match job {
            Job::Chooser => "chooser.html",
            Job::NotFound => "404.html",
            Job::Home(_) => "home.html",
            Job::Speakers(_) => "speakers.html",
            Job::Programme(..) => "programme.html",
            Job::Theme(..) => "theme.html",
            Job::Session(..) => "session.html",
            Job::Speaker(..) | Job::InlineSpeaker(..) => "speaker.html",
            Job::Page(..) => "page.html",
            Job::Minutes(..) => "minutes.html",
            Job::Series(..) => "series.html",
            Job::Timetable(..) => "timetable.html",
            Job::Changes(..) => "changes.html",
            Job::Search(_) => "search.html",
            Job::MyProgramme(_) => "my-programme.html",
            // Not a template: written by `search::IndexState::script`.
            Job::SearchIndex(_) => "",
        }
    }

    fn lang_of(job: Job<'a>) -> Option<&'a str> {
        match job {
            Job::Chooser | Job::NotFound => None,
            Job::Home(l)
            | Job::Speakers(l)
            | Job::Search(l)
            | Job::SearchIndex(l)
            | Job::MyProgramme(l)
            | Job::InlineSpeaker(_, l)
            | Job::Timetable(_, _, l)
            | Job::Changes(_, l) => Some(l),
            Job::Programme(_, l)
            | Job::Theme(_, l)
            | Job::Session(_, l)
            | Job::Speaker(_, l)
            | Job::Page(_, l)
            | Job::Minutes(_, l)
            | Job::Series(_, l) => Some(l),
        }
    }

    fn render(&self, job: Job<'a>) -> std::result::Result<RenderedPage, Diagnostic> {
        if !self.record {
            let (file, html) = self.render_unrecorded(job)?;
            let reads = Vec::new();
            return Ok(RenderedPage { file, html, reads });
        }
        let (page, reads) = crate::reads::recorded(|| self.render_unrecorded(job));
        let (file, html) = page?;
        Ok(RenderedPage { file, html, reads })
    }

    /// The file of a page and its HTML.
    fn render_unrecorded(&self, job: Job<'a>) -> std::result::Result<(String, String), Diagnostic> {
        let address = self.address(job);
        if let Job::SearchIndex(lang) = job {
            return Ok((self.file(job), self.search_index(lang)?));
        }
        let mut context = Context::new();
        match job {
            Job::Chooser | Job::NotFound => {
                let default = self.config.default_language();
                context.insert("lang", &default.code);
                let rooted = job == Job::NotFound;
                let languages: Vec<LanguageLink> = self
                    .config
                    .languages
                    .iter()
                    .map(|l| LanguageLink {
                        code: l.code.clone(),
                        name: l.name.clone(),
                        url: if rooted {
                            self.urls.rooted(&Urls::page(&l.code, ""))
                        } else {
                            self.urls.link("", &Urls::page(&l.code, ""))
                        },
                    })
                    .collect();
                context.insert("languages", &languages);
                let root = if rooted {
                    self.urls.rooted_file("")
                } else {
                    String::new()
                };
                context.insert("root", &root);
                let alternates: Vec<Alternate> = self
                    .config
                    .languages
                    .iter()
                    .map(|l| Alternate {
                        hreflang: l.code.clone(),
                        href: self.urls.absolute(&Urls::page(&l.code, "")),
                    })
                    .collect();
                context.insert("alternates", &alternates);
                context.insert("canonical", &self.urls.absolute(""));
            }
            _ => {
                let lang = Self::lang_of(job).unwrap_or_default();
                let locale = self.locales.get(lang).ok_or_else(|| {
                    Diagnostic::new("config.toml", format!("no locale for `{lang}`"))
                })?;
                let views = ViewBuilder {
                    model: self.model,
                    config: self.config,
                    locale,
                    urls: &self.urls,
                    lang,
                    from: address.clone(),
                };
                context.insert("lang", lang);
                context.insert("layout", &self.layout(job, &views));
                self.page_context(job, &views, &mut context);
            }
        }
        let html = self
            .templates
            .tera
            .render(Self::template(job), &context)
            .map_err(|e| template_error(&e))?;
        Ok((self.file(job), html))
    }

    fn layout(&self, job: Job<'a>, views: &ViewBuilder) -> Layout {
        let lang = views.lang;
        let from = &views.from;
        let switcher: Vec<SwitchLink> = self
            .config
            .languages
            .iter()
            .map(|l| {
                let mut target = job;
                let mut exists = true;
                let found = loop {
                    if let Some(found) = self.in_language(target, &l.code) {
                        break found;
                    }
                    exists = false;
                    target = self.parent(target);
                };
                SwitchLink {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    url: self.urls.link(from, &self.address(found)),
                    current: l.code == lang,
                    exists,
                }
            })
            .collect();
        let mut alternates: Vec<Alternate> = self
            .config
            .languages
            .iter()
            .filter_map(|l| self.in_language(job, &l.code))
            .map(|j| Alternate {
                hreflang: Self::lang_of(j).unwrap_or_default().to_owned(),
                href: self.urls.absolute(&self.address(j)),
            })
            .collect();
        let default = self.in_language(job, &self.config.default_language().code);
        let x_default = default.or_else(|| {
            self.config.fallback_order().find_map(|code| {
                self.config
                    .language(code)
                    .and_then(|l| self.in_language(job, &l.code))
            })
        });
        if let Some(x) = x_default {
            alternates.push(Alternate {
                hreflang: "x-default".into(),
                href: self.urls.absolute(&self.address(x)),
            });
        }

        let mut nav = vec![NavLink {
            link: Link {
                title: views.locale.message("nav-home", None).unwrap_or_default(),
                url: self.urls.link(from, &Urls::page(lang, "")),
                lang: None,
            },
            current: matches!(job, Job::Home(_)),
        }];
        if !self.model.speakers.is_empty() {
            nav.push(NavLink {
                link: Link {
                    title: views
                        .locale
                        .message("nav-speakers", None)
                        .unwrap_or_default(),
                    url: self.urls.link(from, &self.address(Job::Speakers(lang))),
                    lang: None,
                },
                current: matches!(job, Job::Speakers(_)),
            });
        }
        for (key, target) in [
            ("nav-search", Job::Search(lang)),
            ("nav-my-programme", Job::MyProgramme(lang)),
        ] {
            nav.push(NavLink {
                link: Link {
                    title: views.locale.message(key, None).unwrap_or_default(),
                    url: self.urls.link(from, &self.address(target)),
                    lang: None,
                },
                current: job == target,
            });
        }
        for (i, page) in self.model.pages.iter().enumerate() {
            if let Some(t) = views.pick(page) {
                nav.push(NavLink {
                    link: views.link_to(t, &page.key, &t.front.title),
                    current: job == Job::Page(i, lang),
                });
            }
        }
        let translations = switcher
            .iter()
            .filter(|l| l.exists && !l.current)
            .cloned()
            .collect();
        Layout {
            translations,
            lang: lang.to_owned(),
            lang_name: self
                .config
                .language(lang)
                .map(|l| l.name.clone())
                .unwrap_or_default(),
            root: self.urls.file(from, ""),
            home_url: self.urls.link(from, &Urls::page(lang, "")),
            nav,
            switcher,
            alternates,
            canonical: self.urls.absolute(from),
            exports: self.exports_of(job, from),
        }
    }

    /// The exports the page of `job` at `from` links to.
    fn exports_of(&self, job: Job<'a>, from: &str) -> crate::export::PageLinks {
        use crate::export::{Exporter, PageOf};
        let page = match job {
            Job::Programme(i, _) => PageOf::Programme(i),
            Job::Session(i, _) => PageOf::Session(i),
            Job::Speaker(i, _) => PageOf::Speaker(i),
            Job::Series(i, _) => PageOf::Series(i),
            _ => PageOf::Other,
        };
        let exporter = Exporter {
            model: self.model,
            config: self.config,
            locales: self.locales,
            kept: None,
        };
        exporter.links(page, Self::lang_of(job).unwrap_or_default(), from)
    }

    /// Inserts the page's view into the context.
    fn page_context(&self, job: Job<'a>, v: &ViewBuilder, context: &mut Context) {
        let m = self.model;
        match job {
            Job::Home(_) => {
                context.insert("page", &self.home(v));
            }
            Job::Speakers(_) => {
                context.insert("page", &self.speaker_index(v));
            }
            Job::Programme(i, _) => {
                context.insert("page", &self.programme(i, v));
            }
            Job::Theme(i, lang) => {
                let theme = &m.themes[i];
                let t = theme.entry().rendered_in(lang);
                let programme = &m.programmes[theme.programme()];
                let view = ThemeView {
                    title: t.front.title.clone(),
                    summary: t.front.summary.clone(),
                    body_html: t.body_html().to_owned(),
                    programme: link_or_key(v, programme.entry(), |f| &f.title),
                    session_count: theme.sessions().len(),
                    // On its own page a theme needs no label.
                    days: self.listing(v, "", theme.sessions(), 4, false),
                };
                context.insert("page", &view);
            }
            Job::Session(i, lang) => {
                context.insert("page", &self.session(i, lang, v));
            }
            Job::Speaker(i, lang) => {
                let speaker = &m.speakers[i];
                let t = speaker.entry().rendered_in(lang);
                let view = SpeakerPageView {
                    name: t.front.name.clone(),
                    role: t.front.role.clone(),
                    organisation: t.front.organisation.clone(),
                    photo_url: t.front.photo.as_ref().map(|p| self.urls.file(&v.from, p)),
                    photo_alt: t.front.photo.as_ref().map(|_| {
                        t.front
                            .photo_alt
                            .clone()
                            .unwrap_or_else(|| t.front.name.clone())
                    }),
                    body_html: t.body_html().to_owned(),
                    sessions: speaker
                        .sessions()
                        .iter()
                        .filter_map(|&s| v.session_summary(s, true))
                        .collect(),
                };
                context.insert("page", &view);
            }
            Job::InlineSpeaker(i, _) => {
                let person = &m.inline_speakers[i];
                let first = v.as_first_given(person);
                let view = SpeakerPageView {
                    name: person.name().to_owned(),
                    role: first.as_ref().and_then(|f| f.role.clone()),
                    organisation: first.as_ref().and_then(|f| f.organisation.clone()),
                    photo_url: None,
                    photo_alt: None,
                    body_html: String::new(),
                    sessions: person
                        .sessions()
                        .iter()
                        .filter_map(|&s| v.session_summary(s, true))
                        .collect(),
                };
                context.insert("page", &view);
            }
            Job::Page(i, lang) => {
                let page = &m.pages[i];
                let t = page.rendered_in(lang);
                context.insert(
                    "page",
                    &FreePageView {
                        title: t.front.title.clone(),
                        summary: t.front.summary.clone(),
                        body_html: t.body_html().to_owned(),
                        accessibility: t.front.accessibility.as_ref().map(|a| StatementView {
                            status: a.status.name(),
                            updated_text: v.locale.long_date(a.updated),
                            updated: a.updated.0.to_string(),
                            method: a.method.clone(),
                            gaps: a.gaps.clone(),
                            contact: a.contact.clone(),
                            contact_url: (a.contact.contains('@') && !a.contact.contains(' '))
                                .then(|| format!("mailto:{}", a.contact)),
                            complaints: a.complaints.clone(),
                        }),
                    },
                );
            }
            Job::Minutes(i, _) => context.insert("page", &self.minutes_view(i, v)),
            Job::Series(i, _) => context.insert("page", &self.series_view(i, v)),
            Job::Timetable(i, day, _) => {
                let p = &m.programmes[i];
                let days = p
                    .days()
                    .iter()
                    .copied()
                    .map(|d| views::DayLink {
                        date: d.0.to_string(),
                        date_text: v.locale.full_date(d),
                        url: self
                            .urls
                            .link(&v.from, &self.address(Job::Timetable(i, d, v.lang))),
                        current: d == day,
                    })
                    .collect();
                let programme = link_or_key(v, p.entry(), |f| &f.title);
                context.insert("page", &timetable::view(v, i, day, days, programme));
            }
            Job::Changes(i, lang) => context.insert("page", &self.changes_view(i, lang, v)),
            Job::Search(lang) | Job::MyProgramme(lang) => {
                context.insert(
                    "page",
                    &ToolPageView {
                        index_url: self
                            .urls
                            .file(&v.from, &self.address(Job::SearchIndex(lang))),
                        speakers_url: (!m.speakers.is_empty())
                            .then(|| self.urls.link(&v.from, &self.address(Job::Speakers(lang)))),
                        search_url: self.urls.link(&v.from, &self.address(Job::Search(lang))),
                        home_url: self.urls.link(&v.from, &self.address(Job::Home(lang))),
                        my_programme_url: self
                            .urls
                            .link(&v.from, &self.address(Job::MyProgramme(lang))),
                    },
                );
            }
            Job::Chooser | Job::NotFound | Job::SearchIndex(_) => {
                unreachable!("rendered without a page view")
            }
        }
    }

    /// The days of `sessions` on the page `v` builds, items rendered at `heading`; `group`
    /// tells the page's listings apart. With `serve`'s cache a listing is kept with what it
    /// read and used as it is while none of that changed: after an edit, a programme page
    /// of 1,000 sessions makes again only the listing of the edited session's theme.
    /// `sessions` day by day, each item at level `heading`, with its theme as a label where
    /// `theme_labels`.
    fn listing(
        &self,
        v: &ViewBuilder,
        group: &str,
        sessions: &[usize],
        heading: u8,
        theme_labels: bool,
    ) -> Listing {
        let days_of = |sessions: &[usize]| {
            let mut days = v.days(sessions);
            if !theme_labels {
                for s in days.iter_mut().flat_map(|d| d.sessions.iter_mut()) {
                    s.theme = None;
                }
            }
            days
        };
        let Some(cache) = self.templates.listing_items.get() else {
            let mut days = days_of(sessions);
            self.listing_items(&mut days, heading, v.lang);
            return Listing::Days(days);
        };
        let m = self.model;
        // Which sessions it lists, passed in: what else decides it. No read of the page's
        // (identities are not): the listing's own reads are played again.
        let from: Vec<u64> = (sessions.iter())
            .map(|&s| m.identity_at(crate::reads::Collection::Sessions, s))
            .collect();
        let key = format!("{}\n{group}\n{heading}\n{theme_labels}", v.from);
        let history = &cache.history;
        let lock = || {
            cache
                .listings
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
        };
        if let Some((value, reads)) = lock().get(history, &key, &from) {
            crate::reads::replay(reads);
            return Listing::Kept(value.clone());
        }
        let (value, reads) = crate::reads::recorded(|| {
            let mut days = days_of(sessions);
            self.listing_items(&mut days, heading, v.lang);
            tera::Value::from_serializable(&days)
        });
        crate::reads::replay(&reads);
        lock().keep(history, key, from, value.clone(), reads.into());
        Listing::Kept(value)
    }

    /// Gives each day its sessions as items rendered at `heading` in one pass, those seen
    /// before taken from `serve`'s cache. `build` goes the same way without keeping them,
    /// so that both give the same pages whatever a site's `days.html` does. If that pass
    /// fails, `days.html` renders every item itself (and reports the template's error).
    fn listing_items(&self, days: &mut [Day], heading: u8, lang: &str) {
        let cache = self.templates.listing_items.get();
        let kind = (lang.to_owned(), heading);
        let mut slots: Vec<Vec<Option<tera::Value>>> = Vec::with_capacity(days.len());
        let mut missing: Vec<(usize, usize)> = Vec::new();
        {
            let mut items = cache.map(|c| c.items.lock().unwrap_or_else(PoisonError::into_inner));
            let mut items = items.as_mut().map(|i| i.entry(kind.clone()).or_default());
            for (d, day) in days.iter().enumerate() {
                let found: Vec<Option<tera::Value>> = day
                    .sessions
                    .iter()
                    .map(|s| items.as_mut().and_then(|i| i.get(s).cloned()))
                    .collect();
                missing.extend(
                    found
                        .iter()
                        .enumerate()
                        .filter(|f| f.1.is_none())
                        .map(|f| (d, f.0)),
                );
                slots.push(found);
            }
        }
        if !missing.is_empty() {
            let mut context = Context::new();
            context.insert("lang", lang);
            context.insert("session_heading", &heading);
            let summaries: Vec<&SessionSummary> =
                missing.iter().map(|&(d, i)| &days[d].sessions[i]).collect();
            context.insert("items", &summaries);
            let Ok(html) = self.templates.tera.render(ITEMS_TEMPLATE, &context) else {
                return;
            };
            let parts: Vec<&str> = html.split(ITEM_END).collect();
            // One part after the last item, which must be empty: else the template itself
            // wrote the marker, and the items cannot be told apart.
            if parts.len() != missing.len() + 1 || !parts[missing.len()].is_empty() {
                return;
            }
            let mut items = cache.map(|c| c.items.lock().unwrap_or_else(PoisonError::into_inner));
            let mut items = items.as_mut().map(|i| i.entry(kind).or_default());
            for ((d, i), part) in missing.into_iter().zip(parts) {
                let summary = &days[d].sessions[i];
                let item = tera::Value::from_serializable(&CachedItem {
                    summary,
                    html: tera::Value::safe_string(part),
                    html_heading: heading,
                });
                slots[d][i] = Some(item.clone());
                if let Some(items) = items.as_mut() {
                    items.insert(summary.clone(), item);
                }
            }
        }
        for (day, found) in days.iter_mut().zip(slots) {
            day.items = found.into_iter().collect();
        }
    }

    fn home(&self, v: &ViewBuilder) -> HomeView {
        let intro = self.model.home().and_then(|h| h.get(v.lang));
        HomeView {
            title: intro.and_then(|t| t.front.title.clone()),
            summary: intro.and_then(|t| t.front.summary.clone()),
            intro_html: intro
                .map(|t| t.body_html().to_owned())
                .filter(|h| !h.is_empty()),
            programmes: self
                .model
                .programmes
                .iter()
                .filter_map(|p| {
                    let t = v.pick(p.entry())?;
                    Some(ProgrammeCard {
                        title: t.front.title.clone(),
                        url: self
                            .urls
                            .link(&v.from, &Urls::page(&t.lang, &p.entry().key)),
                        lang: v.other_lang(t),
                        summary: t.front.summary.clone(),
                        dates_text: v.date_range(t.front.first_day, t.front.last_day),
                        venue: t.front.venue.clone(),
                        session_count: p.sessions().len(),
                    })
                })
                .collect(),
            series: (self.model.series.iter())
                .filter_map(|s| v.pick(s).map(|t| v.link_to(t, &s.key, &t.front.title)))
                .collect(),
            // Meetings of a series are listed on its page.
            minutes: (self.model.minutes.iter().enumerate())
                .filter(|&(i, _)| self.model.series_of_meeting(i).is_none())
                .filter_map(|(_, m)| v.pick(m).map(|t| meetings::meeting_card(v, t, &m.key)))
                .collect(),
            pages: self
                .model
                .pages
                .iter()
                .filter_map(|p| v.pick(p).map(|t| v.link_to(t, &p.key, &t.front.title)))
                .collect(),
        }
    }

    fn programme(&self, i: usize, v: &ViewBuilder) -> ProgrammeView {
        let programme = &self.model.programmes[i];
        let t = programme.entry().rendered_in(v.lang);
        let f = &t.front;
        let themes = (programme.themes().iter())
            .filter_map(|&th| {
                let theme = &self.model.themes[th];
                let tt = v.pick(theme.entry())?;
                Some(ThemeCard {
                    title: tt.front.title.clone(),
                    url: (self.urls).link(&v.from, &Urls::page(&tt.lang, &theme.entry().key)),
                    lang: v.other_lang(tt),
                    summary: tt.front.summary.clone(),
                    session_count: theme.sessions().len(),
                })
            })
            .collect();
        // Days at level 3 under the programme's h2, sessions at 4, each labelled by theme.
        let days = self.listing(v, "", programme.sessions(), 4, true);
        let practical = f.practical.as_ref().map(|p| PracticalView {
            note: p.note.clone(),
            price: p.price.as_ref().map(|price| PriceView {
                amount_text: v.locale.number(price.amount),
                currency: price.currency.clone(),
                includes: price.includes.clone(),
                excludes: price.excludes.clone(),
            }),
            capacity: p.capacity.clone(),
            rounds: p
                .rounds
                .iter()
                .map(|r| RoundView {
                    label: r.label.clone(),
                    dates_text: v.date_range(Some(r.first_day), r.last_day),
                    venue: r.venue.clone(),
                })
                .collect(),
        });
        ProgrammeView {
            title: f.title.clone(),
            summary: f.summary.clone(),
            body_html: t.body_html().to_owned(),
            dates_text: v.date_range(f.first_day, f.last_day),
            venue: f.venue.clone(),
            timezone: programme.timezone().to_owned(),
            organisers: f.organisers.clone(),
            contact: f.contact.clone(),
            practical,
            registration: v.registration(f.registration.as_ref()),
            notice: f.notice.clone(),
            session_count: programme.sessions().len(),
            has_themes: !programme.themes().is_empty(),
            themes,
            days,
            timetable_days: programme
                .days()
                .iter()
                .copied()
                .map(|d| views::DayLink {
                    date: d.0.to_string(),
                    date_text: v.locale.full_date(d),
                    url: self
                        .urls
                        .link(&v.from, &self.address(Job::Timetable(i, d, v.lang))),
                    current: false,
                })
                .collect(),
            changes_url: self
                .urls
                .link(&v.from, &self.address(Job::Changes(i, v.lang))),
            change_count: self.model.changes_of(i, v.lang, self.config).len(),
        }
    }

    fn session(&self, i: usize, lang: &str, v: &ViewBuilder) -> SessionView {
        let m = self.model;
        let session = &m.sessions[i];
        let t = session.entry().rendered_in(lang);
        let mut summary = v.summary_of(session, t, true);
        // The page says where the session is; a listing gives the venue only where it is
        // the session's own, under the programme's.
        summary.venue = m.place(session, t, lang, self.config).venue;
        if summary.programme.is_none() {
            summary.programme = Some(link_or_key(
                v,
                m.programmes[session.programme()].entry(),
                |f| &f.title,
            ));
        }
        let programme = &m.programmes[session.programme()];
        let [previous, next] = session.neighbours();
        let neighbour = |s: Option<usize>| {
            let s = s?;
            let st = v.pick(m.sessions[s].entry())?;
            Some(v.link_to(st, &m.sessions[s].entry().key, &st.front.title))
        };
        let held_in = v.held_in(t.front.language.as_deref());
        SessionView {
            summary,
            body_html: t.body_html().to_owned(),
            moderator: t.front.moderator.as_ref().map(|s| v.speaker(s)),
            tags: t.front.tags.clone(),
            held_in,
            timezone: programme.timezone().to_owned(),
            previous: neighbour(previous),
            next: neighbour(next),
            changes: session_changes(&t.front.changes, v),
            registration: v.registration(t.front.registration.as_ref()),
        }
    }

    fn speaker_index(&self, v: &ViewBuilder) -> Vec<SpeakerListing> {
        let m = self.model;
        let mut listings: Vec<SpeakerListing> = m
            .speakers
            .iter()
            .filter_map(|s| {
                let t = v.pick(s.entry())?;
                Some(SpeakerListing {
                    name: t.front.name.clone(),
                    role: t.front.role.clone(),
                    organisation: t.front.organisation.clone(),
                    url: Some(
                        self.urls
                            .link(&v.from, &Urls::page(&t.lang, &s.entry().key)),
                    ),
                    lang: v.other_lang(t),
                    // The speaker's page lists the sessions; the index, which grows with
                    // every speaker of every programme, only counts them.
                    session_count: s
                        .sessions()
                        .iter()
                        .filter(|&&i| v.sees(m.sessions[i].entry()))
                        .count(),
                })
            })
            .collect();
        // People given inline in sessions, each with a page of their own.
        for (i, person) in m.inline_speakers.iter().enumerate() {
            let count = person
                .sessions()
                .iter()
                .filter(|&&s| v.sees(m.sessions[s].entry()))
                .count();
            if count == 0 {
                continue;
            }
            let first = v.as_first_given(person);
            listings.push(SpeakerListing {
                name: person.name().to_owned(),
                role: first.as_ref().and_then(|f| f.role.clone()),
                organisation: first.as_ref().and_then(|f| f.organisation.clone()),
                url: Some(
                    self.urls
                        .link(&v.from, &self.address(Job::InlineSpeaker(i, v.lang))),
                ),
                lang: None,
                session_count: count,
            });
        }
        listings.sort_by_cached_key(|s| s.name.to_lowercase());
        listings
    }

    /// `sitemap.xml`: every page with its language alternates.
    pub fn sitemap(&self) -> String {
        let jobs = self.jobs();
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let mut entries: Vec<(String, Vec<(String, String)>)> = jobs
            .iter()
            .filter(|j| !matches!(j, Job::NotFound | Job::SearchIndex(_)))
            .map(|&job| {
                let alternates = match job {
                    Job::Chooser => Vec::new(),
                    _ => self
                        .languages()
                        .filter_map(|l| self.in_language(job, l))
                        .map(|j| {
                            (
                                Self::lang_of(j).unwrap_or_default().to_owned(),
                                self.urls.absolute(&self.address(j)),
                            )
                        })
                        .collect(),
                };
                (self.urls.absolute(&self.address(job)), alternates)
            })
            .collect();
        entries.sort();
        for (loc, alternates) in entries {
            xml.push_str("  <url>\n    <loc>");
            xml.push_str(&crate::text::escape_markup(&loc));
            xml.push_str("</loc>\n");
            for (lang, href) in alternates {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>\n",
                    crate::text::escape_markup(&href)
                ));
            }
            xml.push_str("  </url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    }
}

/// One job per translation of each entry.
fn jobs_for<'m, F: 'm>(
    entries: impl Iterator<Item = &'m Arc<crate::model::Entry<F>>>,
    make: fn(usize, &'m str) -> Job<'m>,
) -> impl Iterator<Item = Job<'m>> {
    entries
        .enumerate()
        .flat_map(move |(i, entry)| entry.langs().map(move |lang| make(i, lang)))
}

/// A link to `entry` for a reader of `v.lang`, falling back to any translation.
fn link_or_key<F>(
    v: &ViewBuilder,
    entry: &crate::model::Entry<F>,
    title: fn(&F) -> &String,
) -> Link {
    let t = entry
        .pick(v.lang, v.config, true)
        .unwrap_or(&entry.translations()[0]);
    v.link_to(t, &entry.key, title(&t.front))
}
