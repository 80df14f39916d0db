//! Which pages a change of sources touches, for incremental rebuilds in `serve`.
//!
//! The rules mirror what the views read: a session's page shows its programme, theme,
//! speakers and neighbours; listings show the sessions' titles, times, rooms and speakers.
//! They are applied to the model before and after a change, so that pages which stop
//! showing an entry are re-rendered as well as those which start to.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{Job, Renderer};
use crate::changes::{ChangedKeys, SiteChanges};
use crate::front_matter::{Kind, SpeakerEntry};
use crate::model::Entry;

/// Whether there are speakers, and each free page's key with its titles by language.
pub type Navigation<'a> = (bool, Vec<(&'a str, Vec<(&'a str, &'a str)>)>);

/// What a page of an entry is, without its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Home,
    Speakers,
    Programme(usize),
    Theme(usize),
    Session(usize),
    Speaker(usize),
    Page(usize),
    Minutes(usize),
    /// Every timetable day of a programme: a session's edit can add, move or remove a day's
    /// rows and columns, and the day links of each page.
    Timetables(usize),
    /// One day's timetable of a programme: where an edited session is, before and after.
    TimetableDay(usize, crate::front_matter::Date),
    /// The search index, which lists every session, speaker and theme.
    SearchIndex,
    InlineSpeaker(usize),
}

/// What a rebuild after a change must do to the previous output.
#[derive(Debug, Default)]
pub struct PageUpdate {
    /// Pages of the new site to render.
    pub render: BTreeSet<String>,
    /// Pages the new site no longer has.
    pub removed: BTreeSet<String>,
    /// Whether pages were added or removed (the sitemap lists them all).
    pub pages_changed: bool,
    /// Of `render`, the pages of the changed entries themselves: the pages an organiser
    /// is looking at while editing, which `serve` shows before the listings.
    pub own: BTreeSet<String>,
}

/// The pages of `after` to render, and those of `before` to remove, after `changes`; `None`
/// when every page must be rendered.
pub fn plan_update(
    before: &Renderer,
    after: &Renderer,
    changes: &SiteChanges,
) -> Option<PageUpdate> {
    // Every page's navigation lists the free pages and, if there are speakers, their index.
    if changes.everything || before.navigation() != after.navigation() {
        return None;
    }
    let mut render = before.files_showing(&changes.content);
    render.extend(after.files_showing(&changes.content));
    // Only the changed pages themselves can appear or vanish.
    let (was, is) = (
        before.own_files(&changes.content),
        after.own_files(&changes.content),
    );
    // A listing in one language shows the translations its readers see: after an edit of
    // some translations of sessions, the listings of the other languages stay as they are
    // (the sessions' own pages are rendered in every language all the same).
    let langs = languages_seeing(before, after, &changes.content, Seen::Listings);
    if let Some(langs) = &langs {
        let prefixes: Vec<String> = langs.iter().map(|l| format!("{l}/")).collect();
        render.retain(|file| {
            was.contains(file) || is.contains(file) || prefixes.iter().any(|p| file.starts_with(p))
        });
    }
    if !changes.templates.is_empty() {
        render.extend(before.files_using(&changes.templates));
        render.extend(after.files_using(&changes.templates));
    }
    render.extend(after.files_in(&changes.locales));
    // The index has every session, speaker and theme, with text from all of them; an edit
    // of sessions' text alone (the commonest while writing) leaves it as it is.
    let index_same = changes.content.folders.is_empty()
        && changes.content.keys.iter().all(|key| {
            let (was, is) = (before.indexed(key), after.indexed(key));
            was.is_some() && was == is
        });
    if !index_same {
        // Each language's index shows the translation its readers see, and the times of
        // the default language's (for "my programme").
        render.extend(
            after
                .files_of(&BTreeSet::from([Target::SearchIndex]))
                .into_iter()
                .filter(|file| {
                    langs.as_ref().is_none_or(|langs| {
                        langs.iter().any(|l| file.starts_with(&format!("{l}/")))
                    })
                }),
        );
    }
    // The speakers' index of each language where what it shows changed: read off both
    // sites (it shows every person, in an order and with roles that any session can move).
    for lang in after.languages() {
        if before.speaker_index_of(lang) != after.speaker_index_of(lang) {
            render.insert(after.file(Job::Speakers(lang)));
        }
    }
    // A person's page lists their sessions, which an edit of another entry can change (a
    // name given inline that a new speaker page has): compared for every person.
    render.extend(after.files_of(&after.people_with_other_sessions(before)));
    // Pages other than the changed entries' own that come or go (a timetable day, when a
    // session moves to a new day or a programme is renamed; a person given inline) change
    // what other pages link to: everything. They are read off both sites' page lists.
    if before.derived_page_files() != after.derived_page_files() {
        return None;
    }
    let removed: BTreeSet<String> = was.difference(&is).cloned().collect();
    let added = is.difference(&was).count();
    // A check on the rule above: otherwise, everything.
    if before.page_count() - removed.len() + added != after.page_count() {
        return None;
    }
    render.retain(|f| !removed.contains(f));
    let own = is.into_iter().filter(|f| render.contains(f)).collect();
    Some(PageUpdate {
        render,
        pages_changed: added > 0 || !removed.is_empty(),
        removed,
        own,
    })
}

/// What of a session a set of outputs shows, for [`languages_seeing`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Listings: the front matter of the translation shown, and "my programme"'s times
    /// of the default language's.
    Listings,
    /// The exports: the front matter and the text (the schedules' descriptions).
    Exports,
}

/// The languages whose readers see a change of the sessions in `changed`: those where the
/// translation they are shown (their own, or another where the site lists untranslated
/// sessions) is not what it was in what `seen` shows, and for listings, all of them when
/// the default language's date or times changed. `None` (all) unless every changed key is
/// a session before and after and the model links entries as it did (which speakers'
/// pages list a session is the same in every language).
pub fn languages_seeing(
    before: &Renderer,
    after: &Renderer,
    changed: &ChangedKeys,
    seen: Seen,
) -> Option<BTreeSet<String>> {
    let default_times = seen == Seen::Listings;
    if !changed.folders.is_empty() || before.model.links_revision != after.model.links_revision {
        return None;
    }
    let config = after.config;
    let mut langs = BTreeSet::new();
    for key in &changed.keys {
        let (Some((Kind::Session, was)), Some((Kind::Session, is))) =
            (before.model.find(key), after.model.find(key))
        else {
            return None;
        };
        let (was, is) = (
            &before.model.sessions[was].entry,
            &after.model.sessions[is].entry,
        );
        if default_times {
            let times = |e: &Entry<crate::front_matter::SessionFront>| {
                let f = &e.primary(config).front;
                (f.date, f.start, f.end)
            };
            if times(was) != times(is) {
                return None;
            }
        }
        for language in &config.languages {
            let lang = language.code.as_str();
            // What they are shown, in which language, and whether it is theirs (a session's
            // calendar in a language exists only with its translation).
            let shown = |e: &Entry<crate::front_matter::SessionFront>| {
                let t = Entry::pick(e, lang, config, config.list_untranslated);
                (
                    t.map(|t| {
                        let text = (seen == Seen::Exports).then(|| t.file.body_text().to_owned());
                        (t.lang.clone(), t.front.clone(), text)
                    }),
                    e.get(lang).is_some(),
                )
            };
            if shown(was) != shown(is) {
                langs.insert(language.code.clone());
            }
        }
    }
    Some(langs)
}

impl<'a> Renderer<'a> {
    /// The output files of the pages of entries in `changed` themselves.
    fn own_files(&self, changed: &ChangedKeys) -> BTreeSet<String> {
        let m = self.model;
        let mut targets = BTreeSet::new();
        targets.extend(matching(
            m.programmes.iter().map(|p| &p.entry),
            changed,
            Target::Programme,
        ));
        targets.extend(matching(
            m.themes.iter().map(|t| &t.entry),
            changed,
            Target::Theme,
        ));
        targets.extend(matching(
            m.sessions.iter().map(|s| &s.entry),
            changed,
            Target::Session,
        ));
        targets.extend(matching(
            m.speakers.iter().map(|s| &s.entry),
            changed,
            Target::Speaker,
        ));
        targets.extend(matching(m.pages.iter(), changed, Target::Page));
        targets.extend(matching(m.minutes.iter(), changed, Target::Minutes));
        self.files_of(&targets)
    }

    /// What every page's navigation shows: whether there are speakers, and the free pages
    /// with their titles. Where it changes, every page must be rendered again.
    pub fn navigation(&self) -> Navigation<'a> {
        let m = self.model;
        let pages = m
            .pages
            .iter()
            .map(|p| {
                let titles = p
                    .translations
                    .iter()
                    .map(|t| (t.lang.as_str(), t.front.title.as_str()))
                    .collect();
                (p.key.as_str(), titles)
            })
            .collect();
        (!m.speakers.is_empty(), pages)
    }

    /// The output files of pages that show any of `changed`. Free pages are also in every
    /// page's navigation: the caller compares [`Renderer::navigation`] for that.
    pub fn files_showing(&self, changed: &ChangedKeys) -> BTreeSet<String> {
        let m = self.model;
        let mut targets = BTreeSet::new();
        for (i, page) in m.pages.iter().enumerate() {
            if changed.matches(&page.key) {
                targets.insert(Target::Page(i));
            }
        }
        if m.home.as_ref().is_some_and(|h| changed.matches(&h.key)) {
            targets.insert(Target::Home);
        }
        for (i, minutes) in m.minutes.iter().enumerate() {
            if changed.matches(&minutes.key) {
                targets.extend([Target::Minutes(i), Target::Home]);
            }
        }
        for (i, programme) in m.programmes.iter().enumerate() {
            if changed.matches(&programme.entry.key) {
                targets.extend([Target::Programme(i), Target::Timetables(i), Target::Home]);
                targets.extend(programme.themes.iter().map(|&t| Target::Theme(t)));
                for &s in &programme.sessions {
                    self.session_and_speakers(s, &mut targets);
                }
            }
        }
        for (i, theme) in m.themes.iter().enumerate() {
            if changed.matches(&theme.entry.key) {
                targets.extend([Target::Theme(i), Target::Programme(theme.programme)]);
                for &s in &theme.sessions {
                    self.session_and_speakers(s, &mut targets);
                }
            }
        }
        for (i, session) in m.sessions.iter().enumerate() {
            if changed.matches(&session.entry.key) {
                self.session_and_listings(i, &mut targets);
                // Its neighbours link to it by title.
                let order = &m.programmes[session.programme].sessions;
                if let Some(at) = order.iter().position(|&s| s == i) {
                    let neighbours = [at.checked_sub(1), Some(at + 1)];
                    for n in neighbours.into_iter().flatten() {
                        if let Some(&n) = order.get(n) {
                            targets.insert(Target::Session(n));
                        }
                    }
                }
            }
        }
        for (i, speaker) in m.speakers.iter().enumerate() {
            if changed.matches(&speaker.entry.key) {
                targets.extend([Target::Speaker(i), Target::Speakers]);
                // Sessions that name the speaker inline (their names link to the page).
                for &s in &speaker.sessions {
                    self.session_and_listings(s, &mut targets);
                }
                // Every session that names the speaker, as speaker or moderator.
                for (s, session) in m.sessions.iter().enumerate() {
                    if session.entry.translations.iter().any(|t| {
                        t.front.speakers.iter().chain(&t.front.moderator).any(
                            |e| matches!(e, SpeakerEntry::Reference { id, .. } if *id == speaker.id),
                        )
                    }) {
                        self.session_and_listings(s, &mut targets);
                    }
                }
            }
        }
        self.files_of(&targets)
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

    /// A session's page and the pages listing it: its programme, theme, speakers, the
    /// speakers' index and the home page (session counts).
    fn session_and_listings(&self, s: usize, targets: &mut BTreeSet<Target>) {
        let session = &self.model.sessions[s];
        targets.extend([Target::Programme(session.programme), Target::Home]);
        // Its day's timetable. A day that appears or goes changes the number of pages, and
        // `plan_update` renders everything then, day links included.
        if let Some(date) = session.entry.primary(self.config).front.date {
            targets.insert(Target::TimetableDay(session.programme, date));
        }
        targets.extend(session.theme.map(Target::Theme));
        // The speakers' index: `plan_update` compares what it shows before and after.
        self.session_and_speakers(s, targets);
    }

    /// What the search index shows of the session with content key `key`, in each of its
    /// languages; `None` if it is not a session.
    #[allow(clippy::type_complexity)]
    fn indexed(
        &self,
        key: &str,
    ) -> Option<(
        usize,
        Option<usize>,
        Vec<(&'a str, &'a crate::front_matter::SessionFront)>,
    )> {
        let (Kind::Session, i) = self.model.find(key)? else {
            return None;
        };
        let session = &self.model.sessions[i];
        Some((
            session.programme,
            session.theme,
            session
                .entry
                .translations
                .iter()
                .map(|t| (t.lang.as_str(), &t.front))
                .collect(),
        ))
    }

    /// The speakers (pages and people given inline) whose sessions, by key, are not those
    /// they had in `before`; those new in this site are left to the page lists' comparison.
    fn people_with_other_sessions(&self, before: &Renderer) -> BTreeSet<Target> {
        fn keys<'m>(m: &'m crate::model::Model, sessions: &[usize]) -> Vec<&'m str> {
            sessions
                .iter()
                .map(|&s| m.sessions[s].entry.key.as_str())
                .collect()
        }
        let (was, is) = (before.model, self.model);
        let pages: std::collections::BTreeMap<&str, Vec<&str>> = was
            .speakers
            .iter()
            .map(|s| (s.entry.key.as_str(), keys(was, &s.sessions)))
            .collect();
        let inline: std::collections::BTreeMap<&str, Vec<&str>> = was
            .inline_speakers
            .iter()
            .map(|p| (p.slug.as_str(), keys(was, &p.sessions)))
            .collect();
        let mut targets = BTreeSet::new();
        for (i, speaker) in is.speakers.iter().enumerate() {
            if pages
                .get(speaker.entry.key.as_str())
                .is_some_and(|old| *old != keys(is, &speaker.sessions))
            {
                targets.insert(Target::Speaker(i));
            }
        }
        for (i, person) in is.inline_speakers.iter().enumerate() {
            if inline
                .get(person.slug.as_str())
                .is_some_and(|old| *old != keys(is, &person.sessions))
            {
                targets.insert(Target::InlineSpeaker(i));
            }
        }
        targets
    }

    /// A session's page and its speakers' pages, which show the session's summary.
    fn session_and_speakers(&self, s: usize, targets: &mut BTreeSet<Target>) {
        targets.insert(Target::Session(s));
        for (i, person) in self.model.inline_speakers.iter().enumerate() {
            if person.sessions.contains(&s) {
                targets.insert(Target::InlineSpeaker(i));
            }
        }
        for (i, speaker) in self.model.speakers.iter().enumerate() {
            if speaker.sessions.contains(&s) {
                targets.insert(Target::Speaker(i));
            }
        }
    }

    fn files_of(&self, targets: &BTreeSet<Target>) -> BTreeSet<String> {
        let m = self.model;
        let mut files = BTreeSet::new();
        for &target in targets {
            if let Target::Timetables(p) | Target::TimetableDay(p, _) = target {
                let programme = &m.programmes[p];
                for day in super::timetable::days(m, programme, self.config) {
                    if matches!(target, Target::TimetableDay(_, d) if d != day) {
                        continue;
                    }
                    for lang in programme.entry.langs() {
                        files.insert(self.file(Job::Timetable(p, day, lang)));
                    }
                }
                continue;
            }
            let langs: Vec<&'a str> = match target {
                Target::Home
                | Target::Speakers
                | Target::SearchIndex
                | Target::InlineSpeaker(_) => self.languages().collect(),
                Target::Timetables(_) | Target::TimetableDay(..) => Vec::new(),
                Target::Programme(i) => m.programmes[i].entry.langs().collect(),
                Target::Theme(i) => m.themes[i].entry.langs().collect(),
                Target::Session(i) => m.sessions[i].entry.langs().collect(),
                Target::Speaker(i) => m.speakers[i].entry.langs().collect(),
                Target::Page(i) => m.pages[i].langs().collect(),
                Target::Minutes(i) => m.minutes[i].langs().collect(),
            };
            for lang in langs {
                let job = match target {
                    Target::Home => Job::Home(lang),
                    Target::Speakers => Job::Speakers(lang),
                    Target::Programme(i) => Job::Programme(i, lang),
                    Target::Theme(i) => Job::Theme(i, lang),
                    Target::Session(i) => Job::Session(i, lang),
                    Target::Speaker(i) => Job::Speaker(i, lang),
                    Target::Page(i) => Job::Page(i, lang),
                    Target::Minutes(i) => Job::Minutes(i, lang),
                    Target::SearchIndex => Job::SearchIndex(lang),
                    Target::InlineSpeaker(i) => Job::InlineSpeaker(i, lang),
                    Target::Timetables(_) | Target::TimetableDay(..) => continue,
                };
                files.insert(self.file(job));
            }
        }
        files
    }
}

/// The targets of the entries whose keys are in `changed`.
fn matching<'m, F: 'm>(
    entries: impl Iterator<Item = &'m Arc<Entry<F>>>,
    changed: &ChangedKeys,
    target: fn(usize) -> Target,
) -> impl Iterator<Item = Target> {
    entries
        .enumerate()
        .filter(|(_, entry)| changed.matches(&entry.key))
        .map(move |(i, _)| target(i))
}
