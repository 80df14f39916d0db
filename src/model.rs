//! Model stage: pages become programmes, themes, sessions, speakers, free pages and minutes,
//! each with its translations, linked to one another.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic};
use crate::front_matter::*;
use crate::load::{Group, SourceFile};
use crate::markdown::{Link, Markdown, PageContext};
use crate::reads::{self, Collection, Tracked};
use crate::urls::Urls;

/// One page in one language.
#[derive(Debug)]
pub struct Translation<F> {
    pub lang: String,
    /// Read through [`Translation::file`]: the file holds the body's text.
    file: Arc<SourceFile>,
    pub front: F,
    body_html: String,
    /// The `id`s of the body's headings.
    anchors: Vec<String>,
    /// The links inside the site of the body and of the front matter's texts, with their
    /// places in the file, checked by the validate stage.
    links: Vec<Link>,
    /// What `check` warns about in the page's Markdown texts (raw HTML shown as text).
    text_warnings: Vec<Diagnostic>,
    /// Its entry's key and its language, hashed ([`Entry::get`] notes it).
    identity: u64,
    /// [`Translation::fingerprints`], made when first asked for.
    fingerprints: OnceLock<(u64, u64)>,
}

impl<F> Translation<F> {
    /// The identity of a read of its body and what is made of it (headings, links).
    fn body_identity(&self) -> u64 {
        reads::part_of(self.identity, u64::MAX)
    }

    /// The file it was parsed from (which holds the body's text: a read of the body).
    pub fn file(&self) -> &Arc<SourceFile> {
        reads::note(self.body_identity());
        &self.file
    }

    pub fn body_html(&self) -> &str {
        reads::note(self.body_identity());
        &self.body_html
    }

    /// The `id`s of the body's headings.
    pub fn anchors(&self) -> &[String] {
        reads::note(self.body_identity());
        &self.anchors
    }

    /// The links inside the site of the body and of the front matter's texts, with their
    /// places in the file, checked by the validate stage.
    pub fn links(&self) -> &[Link] {
        reads::note(self.body_identity());
        &self.links
    }

    /// What `check` warns about in the page's Markdown texts (raw HTML shown as text).
    pub fn text_warnings(&self) -> &[Diagnostic] {
        reads::note(self.body_identity());
        &self.text_warnings
    }
}

impl<F: std::fmt::Debug> Translation<F> {
    /// Hashes of what was parsed from the file: its language and front matter (what
    /// [`Entry::get`] reads), and its body with what is made of it. Equal translations,
    /// however often parsed, have equal fingerprints ([`Model::fingerprints`]).
    fn fingerprints(&self) -> (u64, u64) {
        *self.fingerprints.get_or_init(|| {
            use std::fmt::Write;
            struct Hashing(std::hash::DefaultHasher);
            impl Write for Hashing {
                fn write_str(&mut self, s: &str) -> std::fmt::Result {
                    std::hash::Hasher::write(&mut self.0, s.as_bytes());
                    Ok(())
                }
            }
            let hash = |value: &dyn std::fmt::Debug| {
                let mut h = Hashing(std::hash::DefaultHasher::new());
                // Writing to a hasher cannot fail.
                let _ = write!(h, "{value:?}");
                std::hash::Hasher::finish(&h.0)
            };
            // Taken apart so that a field added is a compile error until it is hashed.
            let Translation {
                lang,
                file,
                front,
                body_html,
                anchors,
                links,
                text_warnings,
                identity: _,
                fingerprints: _,
            } = self;
            (
                hash(&(lang, front)),
                hash(&(file, body_html, anchors, links, text_warnings)),
            )
        })
    }
}

/// One page in all the languages it exists in. Translations share folder and file stem.
#[derive(Debug)]
pub struct Entry<F> {
    /// Folder and stem inside `content/`: the page's path under each language.
    pub key: String,
    /// In the order of the site's languages; read through [`Entry::get`] and the other
    /// accessors, which record which translations a page read.
    translations: Vec<Translation<F>>,
    /// Its key, hashed: what the reads of its translations are recorded by.
    identity: u64,
    /// [`Entry::uid`], made once: every listing, index and export shows it.
    uid: uuid::Uuid,
}

impl<F> Entry<F> {
    /// When the newest of its files was last committed ([`crate::history`]).
    pub fn committed(&self) -> Option<jiff::Timestamp> {
        // A read of its own: a calendar in one language shows when the files of every
        // language were committed, not what they say.
        reads::note(read_of::committed(self.identity));
        self.committed_unrecorded()
    }

    fn committed_unrecorded(&self) -> Option<jiff::Timestamp> {
        (self.translations.iter())
            .filter_map(|t| t.file.committed)
            .max()
    }

    /// Every translation, in the order of the site's languages.
    pub fn translations(&self) -> &[Translation<F>] {
        reads::note(read_of::languages(self.identity));
        for t in &self.translations {
            reads::note(read_of::translation(self.identity, &t.lang));
        }
        &self.translations
    }

    /// The first translation: what an entry shows where none is asked for by language.
    pub fn first(&self) -> &Translation<F> {
        reads::note(read_of::languages(self.identity));
        let t = &self.translations[0];
        reads::note(read_of::translation(self.identity, &t.lang));
        t
    }

    pub fn get(&self, lang: &str) -> Option<&Translation<F>> {
        reads::note(read_of::translation(self.identity, lang));
        self.translations.iter().find(|t| t.lang == lang)
    }

    /// Whether it has a translation in `lang` (which reads which languages it has, not
    /// what the translation says).
    pub fn has(&self, lang: &str) -> bool {
        reads::note(read_of::languages(self.identity));
        self.translations.iter().any(|t| t.lang == lang)
    }

    /// The languages it has, without recording: for the model's fingerprints.
    fn langs_unrecorded(&self) -> Vec<&str> {
        self.translations.iter().map(|t| t.lang.as_str()).collect()
    }

    /// The translation a page of this entry in `lang` shows. Pages are rendered only in the
    /// languages an entry has, so the first translation is only a safe default.
    pub fn rendered_in(&self, lang: &str) -> &Translation<F> {
        self.get(lang).unwrap_or_else(|| self.first())
    }

    /// The translation a reader of `lang` sees: their own, or, where `fallback` allows, the
    /// first that exists in their language's fallback order ([`Config::fallback_order_of`]:
    /// its own list, then the default language).
    pub fn pick<'a>(
        &'a self,
        lang: &str,
        config: &Config,
        fallback: bool,
    ) -> Option<&'a Translation<F>> {
        self.get(lang).or_else(|| {
            fallback
                .then(|| {
                    config
                        .fallback_order_of(lang)
                        .find_map(|code| self.get(code))
                })
                .flatten()
        })
    }

    /// Whether a reader of `lang` sees a translation ([`Entry::pick`]): which languages it
    /// has, not what they say.
    pub fn can_pick(&self, lang: &str, config: &Config, fallback: bool) -> bool {
        self.has(lang) || (fallback && config.fallback_order_of(lang).any(|code| self.has(code)))
    }

    /// The translation to use for structure shared by all languages (dates, places).
    pub fn primary(&self, config: &Config) -> &Translation<F> {
        self.pick(&config.default_language().code, config, true)
            .unwrap_or_else(|| self.first())
    }

    pub fn langs(&self) -> impl Iterator<Item = &str> {
        reads::note(read_of::languages(self.identity));
        self.translations.iter().map(|t| t.lang.as_str())
    }

    /// A UUIDv5 of the page's path (for a session: its programme folder and file stem), the
    /// same in every language and across builds: calendar apps and conference apps use it to
    /// recognise an event they already know, so it must not change when the text does.
    pub fn uid(&self) -> uuid::Uuid {
        self.uid
    }
}

#[derive(Debug, Clone)]
pub struct Programme {
    entry: Arc<Entry<ProgrammeFront>>,
    /// The IANA zone of the programme's times.
    timezone: String,
    /// Indices into [`Model::themes`], in theme order.
    themes: Vec<usize>,
    /// Indices into [`Model::sessions`], in time order.
    sessions: Vec<usize>,
    /// The days its timetable has pages for ([`Programme::timetable_days`]): a fact of the
    /// programme, so that a page showing the day links reads the programme, not every
    /// session's date.
    days: Vec<Date>,
    /// The sessions of each of `days`, in the programme's order ([`Programme::sessions_on`]).
    day_sessions: Vec<Vec<usize>>,
    /// Its collection and key, hashed: what its fields' reads are recorded by.
    identity: u64,
}

impl Programme {
    /// Every date of its sessions (their [`Session::when`]), each with its sessions in the
    /// programme's order, if any session has a room (a series of single meetings needs no
    /// grid).
    fn timetable_days(&self, sessions: &[Session], config: &Config) -> Vec<(Date, Vec<usize>)> {
        let has_room =
            (self.sessions.iter()).any(|&s| sessions[s].entry.primary(config).front.room.is_some());
        if !has_room {
            return Vec::new();
        }
        let mut days: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
        for &s in &self.sessions {
            if let Some(date) = sessions[s].date {
                days.entry(date).or_default().push(s);
            }
        }
        days.into_iter().collect()
    }

    /// Its sessions on `date`, in its order: what a timetable day shows (a read of that
    /// day alone).
    pub fn sessions_on(&self, date: Date) -> &[usize] {
        reads::note(Programme::day_identity(self.identity, date));
        match self.days.binary_search(&date) {
            Ok(at) => &self.day_sessions[at],
            Err(_) => &[],
        }
    }

    fn day_identity(programme: u64, date: Date) -> u64 {
        reads::part_of(programme, reads::hash_of(("day", date)))
    }
}

#[derive(Debug, Clone)]
pub struct Theme {
    entry: Arc<Entry<ThemeFront>>,
    programme: usize,
    sessions: Vec<usize>,
    /// Its collection and key, hashed: what its fields' reads are recorded by.
    identity: u64,
}

#[derive(Debug, Clone)]
pub struct Session {
    entry: Arc<Entry<SessionFront>>,
    programme: usize,
    theme: Option<usize>,
    /// The date of its default-language translation ([`Session::when`]), the same in every
    /// language: read apart from the entry.
    date: Option<Date>,
    /// The sessions before and after it in its programme's order: what its page links to,
    /// a fact of its own so that the page does not read the programme's whole order.
    neighbours: [Option<usize>; 2],
    /// The start and end of its default-language translation: read apart from the entry,
    /// so that what every language shows of them ("my programme") depends on these alone.
    times: [Option<Time>; 2],
    /// The room and status of its default-language translation, the same in every
    /// language: read apart from the entry, so that checking rooms and people does not
    /// read every session's text.
    room: Option<String>,
    status: Option<Status>,
    /// Its collection and key, hashed: what its fields' reads are recorded by.
    identity: u64,
}

/// What a session's translations must agree on ([`Session::when`]).
type When = (
    Option<Date>,
    [Option<Time>; 2],
    Option<String>,
    Option<Status>,
);

impl Session {
    /// Its date, start, end, room and status: those of its default-language translation,
    /// the same in every language (the one place they are taken from the translations).
    fn when(entry: &Entry<SessionFront>, config: &Config) -> When {
        let front = &entry.primary(config).front;
        (
            front.date,
            [front.start, front.end],
            front.room.clone(),
            front.status,
        )
    }
}

#[derive(Debug, Clone)]
pub struct Speaker {
    /// The file stem that sessions refer to.
    id: String,
    entry: Arc<Entry<SpeakerFront>>,
    /// Sessions that refer to this speaker, in time order.
    sessions: Vec<usize>,
    /// The person's number in the schedules: see [`Model::person_number`].
    number: u32,
    /// Its collection and key, hashed: what its fields' reads are recorded by.
    identity: u64,
}

/// A person given inline (by `name`) in sessions, with no speaker page of that name: one
/// person however many sessions, programmes and languages name them.
#[derive(Debug, Clone)]
pub struct InlineSpeaker {
    name: String,
    /// The page's folder under the speakers index: the name in lower-case ASCII.
    slug: String,
    /// Sessions that name them, as speaker or moderator, in time order.
    sessions: Vec<usize>,
    /// The person's number in the schedules: see [`Model::person_number`].
    number: u32,
    /// Its collection and key, hashed: what its fields' reads are recorded by.
    identity: u64,
}

/// The UUID of the page at `key` (its path in `content/`, no language): what [`Entry::uid`]
/// is, and what `import` matches a samling export's guid against.
pub fn page_uid(key: &str) -> uuid::Uuid {
    uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        format!("samling:{key}").as_bytes(),
    )
}

impl InlineSpeaker {
    /// A UUIDv5 of the name as compared ([`name_key`]): the same in every session,
    /// programme and language that names them, and across builds.
    pub fn uid(&self) -> uuid::Uuid {
        uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_URL,
            format!("samling:person:{}", name_key(&self.name)).as_bytes(),
        )
    }
}

/// Whom a speaker's name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Person {
    /// An index into [`Model::speakers`].
    Page(usize),
    /// An index into [`Model::inline_speakers`].
    Inline(usize),
}

/// The fields a page can read of an item, each read recorded on its own: a page that shows
/// a programme's title does not depend on its list of sessions. The entry is not a read of
/// its own: [`Entry`]'s accessors record which translations are read.
macro_rules! recorded_fields {
    ($item:ident, $collection:ident, $key:ident, { $($n:literal $part:ident $field:ident: $ty:ty = $how:tt),* $(,)? }) => {
        impl reads::Item for $item {
            const COLLECTION: Collection = Collection::$collection;
            fn key(&self) -> &str {
                recorded_fields!(@key self, $key)
            }
            fn place(&mut self, identity: u64) {
                self.identity = identity;
            }
            fn identity(&self) -> u64 {
                self.identity
            }
        }
        impl $item {
            $(
                /// The number of the field's reads ([`reads::part_of`]), for its fingerprint.
                #[allow(dead_code)]
                const $part: u64 = $n;
            )*
            $(
                pub fn $field(&self) -> $ty {
                    recorded_fields!(@give self, $n, $field, $how)
                }
            )*
        }
    };
    (@key $self:ident, entry) => { &$self.entry.key };
    (@key $self:ident, slug) => { &$self.slug };
    (@give $self:ident, $n:literal, $field:ident, entry) => { &$self.$field };
    (@give $self:ident, $n:literal, $field:ident, copy) => {{
        reads::note(reads::part_of($self.identity, $n));
        $self.$field
    }};
    (@give $self:ident, $n:literal, $field:ident, borrow) => {{
        reads::note(reads::part_of($self.identity, $n));
        &$self.$field
    }};
}

recorded_fields!(Programme, Programmes, entry, {
    0 ENTRY entry: &Arc<Entry<ProgrammeFront>> = entry,
    1 TIMEZONE timezone: &str = borrow,
    2 THEMES themes: &[usize] = borrow,
    3 SESSIONS sessions: &[usize] = borrow,
    4 DAYS days: &[Date] = borrow,
});
recorded_fields!(Theme, Themes, entry, {
    0 ENTRY entry: &Arc<Entry<ThemeFront>> = entry,
    1 PROGRAMME programme: usize = copy,
    2 SESSIONS sessions: &[usize] = borrow,
});
recorded_fields!(Session, Sessions, entry, {
    0 ENTRY entry: &Arc<Entry<SessionFront>> = entry,
    1 PROGRAMME programme: usize = copy,
    2 THEME theme: Option<usize> = copy,
    3 DATE date: Option<Date> = copy,
    4 NEIGHBOURS neighbours: [Option<usize>; 2] = copy,
    5 TIMES times: [Option<Time>; 2] = copy,
    6 ROOM room: &Option<String> = borrow,
    7 STATUS status: Option<Status> = copy,
});
recorded_fields!(Speaker, Speakers, entry, {
    0 ID id: &str = borrow,
    1 ENTRY entry: &Arc<Entry<SpeakerFront>> = entry,
    2 SESSIONS sessions: &[usize] = borrow,
    3 NUMBER number: u32 = copy,
});
recorded_fields!(InlineSpeaker, InlineSpeakers, slug, {
    0 NAME name: &str = borrow,
    1 SLUG slug: &str = borrow,
    2 SESSIONS sessions: &[usize] = borrow,
    3 NUMBER number: u32 = copy,
});
impl reads::Item for Arc<Entry<PageFront>> {
    const COLLECTION: Collection = Collection::Pages;
    fn key(&self) -> &str {
        &self.key
    }
}
impl reads::Item for Arc<Entry<MinutesFront>> {
    const COLLECTION: Collection = Collection::Minutes;
    fn key(&self) -> &str {
        &self.key
    }
}
impl reads::Item for Arc<Entry<SeriesFront>> {
    const COLLECTION: Collection = Collection::Series;
    fn key(&self) -> &str {
        &self.key
    }
}

/// The identities of the model's reads that are not of a collection's items or entries.
mod read_of {
    use crate::reads::{hash_of, part_of};

    /// Apart from every hash of a key, and made without hashing: these are noted often.
    const BASE: u64 = 0x7361_6d6c_696e_6701;

    pub fn home() -> u64 {
        part_of(BASE, 0)
    }

    // Part 1 was how entries were linked, which nothing reads any more.

    /// Which content keys there are, of which kind.
    pub fn keys() -> u64 {
        part_of(BASE, 2)
    }

    pub fn person(name_key: &str) -> u64 {
        part_of(hash_of("people"), hash_of(name_key))
    }

    /// When an entry's files were last committed.
    pub fn committed(entry: u64) -> u64 {
        part_of(entry, u64::MAX - 2)
    }

    /// Which speaker pages list a session.
    pub fn speakers_listing(session: u64) -> u64 {
        part_of(session, u64::MAX)
    }

    /// Which translations an entry has.
    pub fn languages(entry: u64) -> u64 {
        part_of(entry, u64::MAX)
    }

    /// An entry's translation in `lang`, there or not.
    pub fn translation(entry: u64, lang: &str) -> u64 {
        // A language code of up to eight bytes is its own number, so none collide.
        let n = if lang.len() <= 8 {
            lang.bytes().fold(0, |n, b| (n << 8) | u64::from(b))
        } else {
            hash_of(lang) | 1 << 63
        };
        part_of(entry, n)
    }
}

impl Model {
    /// The series meeting `i` belongs to: the one whose folder holds its file.
    pub fn series_of_meeting(&self, i: usize) -> Option<usize> {
        let key = &self.minutes[i].key;
        let folder = key.rsplit_once('/').map(|(folder, _)| folder)?;
        self.series.iter().position(|s| s.key == folder)
    }

    /// The meetings of series `s`, newest first.
    pub fn meetings_in(&self, s: usize) -> Vec<usize> {
        let folder = &self.series[s].key;
        (self.minutes.iter().enumerate())
            .filter(|(_, m)| m.key.rsplit_once('/').is_some_and(|(f, _)| f == folder))
            .map(|(i, _)| i)
            .collect()
    }

    /// The home page's entry, if the site has one.
    pub fn home(&self) -> Option<&Arc<Entry<HomeFront>>> {
        reads::note(read_of::home());
        self.home.as_ref()
    }

    /// The person a name (as [`name_key`] gives it) refers to.
    pub fn person_named(&self, key: &str) -> Option<Person> {
        reads::note(read_of::person(key));
        self.people.get(key).copied()
    }
}

/// What the model is made of, as [`crate::reads`] names it: each read's identity and a
/// fingerprint of its value, in the model's order. Two models' fingerprints differ where a
/// page that read the first may show otherwise.
#[derive(Debug, Default)]
pub struct Fingerprints(Vec<(u64, u64)>);

impl Fingerprints {
    fn insert(&mut self, identity: u64, fingerprint: u64) {
        self.0.push((identity, fingerprint));
    }
}

impl Model {
    /// Every identity a read can have in this model, with its fingerprint. A field's is its
    /// value, with the items it points to by key (so that items moving in a list do not
    /// count as changed); a translation's is everything parsed from its file; a whole
    /// collection's is its items' keys in order.
    pub fn fingerprints(&self) -> Fingerprints {
        use reads::{hash_of, part_of};
        let key = |c: Collection, i: usize| self.identity_at(c, i);
        let keys = |c: Collection, list: &[usize]| -> u64 {
            hash_of(list.iter().map(|&i| key(c, i)).collect::<Vec<u64>>())
        };
        let mut out = Fingerprints::default();
        fn entry<F: std::fmt::Debug + Sync>(out: &mut Fingerprints, e: &Entry<F>) {
            out.insert(
                read_of::languages(e.identity),
                hash_of(e.langs_unrecorded()),
            );
            out.insert(
                read_of::committed(e.identity),
                hash_of(e.committed_unrecorded()),
            );
            for t in &e.translations {
                let (front, body) = t.fingerprints();
                out.insert(t.identity, front);
                out.insert(t.body_identity(), body);
            }
        }
        fn collection<T: reads::Item>(out: &mut Fingerprints, items: &[T]) -> Vec<u64> {
            let c = T::COLLECTION;
            let identities: Vec<u64> = items.iter().map(reads::Item::identity).collect();
            out.insert(reads::whole::members(c), hash_of(&identities));
            out.insert(reads::whole::len(c), items.len() as u64);
            out.insert(reads::whole::empty(c), items.is_empty() as u64);
            identities
        }
        // Translations' fingerprints are made once per parse: the new ones side by side.
        rayon::join(
            || {
                (self.sessions.unrecorded().par_iter()).for_each(|s| {
                    s.entry
                        .translations
                        .iter()
                        .for_each(|t| _ = t.fingerprints())
                })
            },
            || {
                (self.speakers.unrecorded().par_iter()).for_each(|s| {
                    s.entry
                        .translations
                        .iter()
                        .for_each(|t| _ = t.fingerprints())
                })
            },
        );
        // Each item taken apart field by field, each by the number `recorded_fields!` gives
        // it: a field added to an item is a compile error here until it has a fingerprint.
        use Collection as C;
        let programmes = self.programmes.unrecorded();
        let ids = collection(&mut out, programmes);
        for (p, id) in programmes.iter().zip(ids) {
            let Programme {
                entry: e,
                timezone,
                themes,
                sessions,
                days,
                day_sessions,
                identity: _,
            } = p;
            entry(&mut out, e);
            out.insert(part_of(id, Programme::TIMEZONE), hash_of(timezone));
            out.insert(part_of(id, Programme::THEMES), keys(C::Themes, themes));
            out.insert(
                part_of(id, Programme::SESSIONS),
                keys(C::Sessions, sessions),
            );
            out.insert(part_of(id, Programme::DAYS), hash_of(days));
            for (date, sessions) in days.iter().zip(day_sessions) {
                out.insert(
                    Programme::day_identity(id, *date),
                    keys(C::Sessions, sessions),
                );
            }
        }
        let themes = self.themes.unrecorded();
        let ids = collection(&mut out, themes);
        for (t, id) in themes.iter().zip(ids) {
            let Theme {
                entry: e,
                programme,
                sessions,
                identity: _,
            } = t;
            entry(&mut out, e);
            out.insert(
                part_of(id, Theme::PROGRAMME),
                key(C::Programmes, *programme),
            );
            out.insert(part_of(id, Theme::SESSIONS), keys(C::Sessions, sessions));
        }
        let sessions = self.sessions.unrecorded();
        let ids = collection(&mut out, sessions);
        // The largest part, made on both cores, in order.
        let parts: Vec<Fingerprints> = (sessions.par_iter().zip(ids).enumerate())
            .fold(Fingerprints::default, |mut out, (i, (s, id))| {
                let Session {
                    entry: e,
                    programme,
                    theme,
                    date,
                    neighbours,
                    times,
                    room,
                    status,
                    identity: _,
                } = s;
                entry(&mut out, e);
                out.insert(
                    part_of(id, Session::PROGRAMME),
                    key(C::Programmes, *programme),
                );
                out.insert(
                    part_of(id, Session::THEME),
                    hash_of(theme.map(|t| key(C::Themes, t))),
                );
                out.insert(part_of(id, Session::DATE), hash_of(date));
                let neighbours = neighbours.map(|n| n.map(|n| key(C::Sessions, n)));
                out.insert(part_of(id, Session::NEIGHBOURS), hash_of(neighbours));
                out.insert(part_of(id, Session::TIMES), hash_of(times));
                out.insert(part_of(id, Session::ROOM), hash_of(room));
                out.insert(part_of(id, Session::STATUS), hash_of(status));
                let listing = keys(C::Speakers, &self.session_speakers[i]);
                out.insert(read_of::speakers_listing(id), listing);
                out
            })
            .collect();
        for part in parts {
            out.0.extend(part.0);
        }
        let speakers = self.speakers.unrecorded();
        let ids = collection(&mut out, speakers);
        for (s, id) in speakers.iter().zip(ids) {
            let Speaker {
                id: stem,
                entry: e,
                sessions,
                number,
                identity: _,
            } = s;
            entry(&mut out, e);
            out.insert(part_of(id, Speaker::ID), hash_of(stem));
            out.insert(part_of(id, Speaker::SESSIONS), keys(C::Sessions, sessions));
            out.insert(part_of(id, Speaker::NUMBER), hash_of(number));
        }
        let inline = self.inline_speakers.unrecorded();
        let ids = collection(&mut out, inline);
        for (p, id) in inline.iter().zip(ids) {
            let InlineSpeaker {
                name,
                slug,
                sessions,
                number,
                identity: _,
            } = p;
            out.insert(part_of(id, InlineSpeaker::NAME), hash_of(name));
            out.insert(part_of(id, InlineSpeaker::SLUG), hash_of(slug));
            out.insert(
                part_of(id, InlineSpeaker::SESSIONS),
                keys(C::Sessions, sessions),
            );
            out.insert(part_of(id, InlineSpeaker::NUMBER), hash_of(number));
        }
        collection(&mut out, self.pages.unrecorded());
        for e in self.pages.unrecorded() {
            entry(&mut out, e);
        }
        collection(&mut out, self.minutes.unrecorded());
        for e in self.minutes.unrecorded() {
            entry(&mut out, e);
        }
        collection(&mut out, self.series.unrecorded());
        for e in self.series.unrecorded() {
            entry(&mut out, e);
        }
        out.insert(
            read_of::home(),
            hash_of(self.home.as_ref().map(|h| h.identity)),
        );
        if let Some(home) = &self.home {
            entry(&mut out, home);
        }
        // Every key is in one collection, or is the home page's.
        let identities = C::ALL.map(reads::whole::members);
        let members: Vec<(u64, u64)> = (out.0.iter())
            .filter(|(identity, _)| identities.contains(identity))
            .copied()
            .collect();
        out.insert(
            read_of::keys(),
            hash_of((members, self.home.as_ref().map(|h| h.identity))),
        );
        for (name, person) in self.people.iter() {
            let to = match *person {
                Person::Page(i) => key(C::Speakers, i),
                Person::Inline(i) => key(C::InlineSpeakers, i),
            };
            out.insert(read_of::person(name), to);
        }
        out
    }

    /// The identity of item `i` of `collection`.
    pub(crate) fn identity_at(&self, collection: Collection, i: usize) -> u64 {
        use Collection as C;
        match collection {
            C::Programmes => self.programmes.unrecorded()[i].identity,
            C::Themes => self.themes.unrecorded()[i].identity,
            C::Sessions => self.sessions.unrecorded()[i].identity,
            C::Speakers => self.speakers.unrecorded()[i].identity,
            C::InlineSpeakers => self.inline_speakers.unrecorded()[i].identity,
            C::Pages => reads::item_identity(collection, &self.pages.unrecorded()[i].key),
            C::Minutes => reads::item_identity(collection, &self.minutes.unrecorded()[i].key),
            C::Series => reads::item_identity(collection, &self.series.unrecorded()[i].key),
        }
    }
}

/// The collection that holds the pages of `kind`.
pub(crate) fn collection_of(kind: Kind) -> Collection {
    match kind {
        Kind::Programme => Collection::Programmes,
        Kind::Theme => Collection::Themes,
        Kind::Session => Collection::Sessions,
        Kind::Speaker => Collection::Speakers,
        Kind::Page => Collection::Pages,
        Kind::Minutes => Collection::Minutes,
        Kind::Series => Collection::Series,
    }
}

/// The identities whose fingerprints differ between two models, or that one of them lacks.
pub fn changed_between(before: &Fingerprints, after: &Fingerprints) -> reads::IdentitySet {
    let (b, a) = (&before.0, &after.0);
    // After most edits the models have the same identities in the same order: compared
    // side by side, without a map of either.
    if b.len() == a.len() && b.iter().zip(a).all(|(x, y)| x.0 == y.0) {
        return (b.iter().zip(a))
            .filter(|(x, y)| x.1 != y.1)
            .map(|(_, y)| y.0)
            .collect();
    }
    let before: reads::IdentityMap<u64> = b.iter().copied().collect();
    let after: reads::IdentityMap<u64> = a.iter().copied().collect();
    let mut changed: reads::IdentitySet = after
        .iter()
        .filter(|(identity, value)| before.get(*identity) != Some(*value))
        .map(|(identity, _)| *identity)
        .collect();
    changed.extend(
        before
            .keys()
            .filter(|identity| !after.contains_key(*identity)),
    );
    changed
}

impl Model {
    /// The speaker page with file stem `id`.
    pub fn speaker_by_id(&self, id: &str) -> Option<usize> {
        self.speakers.search_by(|s| s.id().cmp(id))
    }

    /// Whom a session's speaker or moderator entry names: the page it refers to, or for a
    /// name given inline, the page of that name or the person of that name. `None` for a
    /// reference to no page (which validation refuses).
    pub fn person_of(&self, entry: &SpeakerEntry) -> Option<Person> {
        match entry {
            SpeakerEntry::Reference { id, .. } => self.speaker_by_id(id).map(Person::Page),
            SpeakerEntry::Inline { name, .. } => self.person_named(&name_key(name)),
        }
    }

    /// A person's UUID: their speaker page's, or one of their name.
    pub fn person_uid(&self, person: Person) -> uuid::Uuid {
        match person {
            Person::Page(i) => self.speakers[i].entry().uid(),
            Person::Inline(i) => self.inline_speakers[i].uid(),
        }
    }

    /// A person's number, the same in every schedule of the site (apps such as ConfClerk
    /// keep people by number): from their UUID, so it stays across builds, and the next
    /// free one on the rare collision.
    pub fn person_number(&self, person: Person) -> u32 {
        match person {
            Person::Page(i) => self.speakers[i].number(),
            Person::Inline(i) => self.inline_speakers[i].number(),
        }
    }
}

/// A stable positive number from `uid` (its first 31 bits, never 0), for apps that still
/// read integer ids: the next free one of `taken` on the rare collision, and taken then.
pub fn number_from(uid: uuid::Uuid, taken: &mut BTreeSet<u32>) -> u32 {
    let b = uid.as_bytes();
    let mut n = (u32::from_be_bytes([b[0], b[1], b[2], b[3]]) & 0x7fff_ffff).max(1);
    while !taken.insert(n) {
        n = n % 0x7fff_fffe + 1;
    }
    n
}

/// Numbers every person from their UUID ([`number_from`]), in UUID order so that a
/// collision moves the same person each time.
fn number_people(speakers: &mut [Speaker], inline: &mut [InlineSpeaker]) {
    let mut all: Vec<(uuid::Uuid, Person)> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.entry.uid(), Person::Page(i)))
        .chain(
            inline
                .iter()
                .enumerate()
                .map(|(i, p)| (p.uid(), Person::Inline(i))),
        )
        .collect();
    all.sort();
    let mut taken = BTreeSet::new();
    for (uid, person) in all {
        let n = number_from(uid, &mut taken);
        match person {
            Person::Page(i) => speakers[i].number = n,
            Person::Inline(i) => inline[i].number = n,
        }
    }
}

/// A name as compared between inline speakers and speaker pages: case and spacing aside.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Debug, Clone)]
pub struct Model {
    // What a patch of sessions leaves as it is, shared between the models before and
    // after it: copying it was most of the cost of a patch at 10,000 sessions.
    // The collections record how they are read ([`crate::reads`]): what a page read is what
    // `serve` renders it again after.
    home: Option<Arc<Entry<HomeFront>>>,
    pub programmes: Tracked<Programme>,
    pub themes: Tracked<Theme>,
    pub sessions: Tracked<Session>,
    pub speakers: Tracked<Speaker>,
    /// Inline speakers without a page of their own name, by slug.
    pub inline_speakers: Tracked<InlineSpeaker>,
    /// Every speaker's name (see [`name_key`]) → the person: a speaker page's names in each
    /// language, and inline speakers' names. Read through [`Model::person_named`].
    people: Arc<BTreeMap<String, Person>>,
    pub pages: Tracked<Arc<Entry<PageFront>>>,
    /// Meetings, newest first: in a series' folder or on their own.
    pub minutes: Tracked<Arc<Entry<MinutesFront>>>,
    /// Meeting series (a committee's, a forum's), by key.
    pub series: Tracked<Arc<Entry<SeriesFront>>>,
    /// Every entry by key, as parsed when the model was built: what the next build reuses
    /// where the files are the same. Sessions patched in since are not here (their old
    /// entries are, of other files, so never reused); the kind of each key stays right.
    parsed: Arc<BTreeMap<String, Parsed>>,
    /// By session: the speaker pages that list it.
    session_speakers: Arc<Vec<Vec<usize>>>,
}

/// Where a session takes place, as readers of one language are told: its own room, and its
/// own venue or else its programme's in their language. The session page, the search
/// index, calendars, feeds and schedules all say this, so that none names another place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub room: Option<String>,
    pub venue: Option<String>,
}

impl Place {
    /// Room and venue, as one line ("Sal 2, Folkets Hus").
    pub fn text(&self) -> Option<String> {
        let parts: Vec<&str> = self.parts().collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.room.iter().chain(&self.venue).map(String::as_str)
    }
}

impl Model {
    /// The place of `session` for readers of `lang`, who are shown its translation `t`.
    pub fn place(
        &self,
        session: &Session,
        t: &Translation<SessionFront>,
        lang: &str,
        config: &Config,
    ) -> Place {
        let programme = &self.programmes[session.programme()];
        Place {
            room: t.front.room.clone(),
            venue: t.front.venue.clone().or_else(|| {
                programme
                    .entry()
                    .pick(lang, config, true)
                    .and_then(|p| p.front.venue.clone())
            }),
        }
    }
}

/// One recorded change (`[[changes]]`) of a session, as readers of a language see it: in
/// the translation they are shown. The change feed and the programme's changes page are both
/// made of these ([`Model::changes_of`]).
#[derive(Debug, Clone, Copy)]
pub struct LoggedChange<'a> {
    pub session: usize,
    /// The session's place in its programme's order.
    pub position: usize,
    /// The change's place in its translation's list.
    pub n: usize,
    pub t: &'a Translation<SessionFront>,
    pub change: &'a crate::front_matter::Change,
}

impl Model {
    /// The changes of programme `p`'s sessions for readers of `lang`: newest first; on one
    /// day the later-listed change of a session first, then the sessions in programme order.
    pub fn changes_of(&self, p: usize, lang: &str, config: &Config) -> Vec<LoggedChange<'_>> {
        let mut changes: Vec<LoggedChange> = Vec::new();
        for (position, &s) in self.programmes[p].sessions().iter().enumerate() {
            let entry = self.sessions[s].entry();
            let Some(t) = entry.pick(lang, config, config.list_untranslated) else {
                continue;
            };
            for (n, change) in t.front.changes.iter().enumerate() {
                changes.push(LoggedChange {
                    session: s,
                    position,
                    n,
                    t,
                    change,
                });
            }
        }
        changes.sort_by(|a, b| {
            crate::front_matter::Change::newer_first((a.n, a.change), (b.n, b.change))
                .then(a.position.cmp(&b.position))
        });
        changes
    }
}

impl Model {
    /// The content keys of every page, in key order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        reads::note(read_of::keys());
        self.parsed.keys().map(String::as_str)
    }

    /// The page with content key `key`: its kind and its index in that kind's list.
    pub fn find(&self, key: &str) -> Option<(Kind, usize)> {
        // Which keys there are: a key not found now may be found after an edit.
        reads::note(read_of::keys());
        let by_key = |k: &str| k.cmp(key);
        Some(match self.parsed.get(key)? {
            Parsed::Home(_) => return None,
            // Sessions and themes are kept in key order, speakers in id order.
            Parsed::Session(_) => (
                Kind::Session,
                self.sessions.search_by(|s| by_key(&s.entry().key))?,
            ),
            Parsed::Theme(_) => (
                Kind::Theme,
                self.themes.search_by(|t| by_key(&t.entry().key))?,
            ),
            Parsed::Speaker(_) => {
                let id = key.rsplit('/').next()?;
                let i = self.speaker_by_id(id)?;
                (self.speakers[i].entry().key == key).then_some((Kind::Speaker, i))?
            }
            Parsed::Programme(_) => (
                Kind::Programme,
                self.programmes.iter().position(|p| p.entry().key == key)?,
            ),
            Parsed::Page(_) => (Kind::Page, self.pages.iter().position(|p| p.key == key)?),
            Parsed::Minutes(_) => (
                Kind::Minutes,
                self.minutes.iter().position(|m| m.key == key)?,
            ),
            Parsed::Series(_) => (Kind::Series, self.series.iter().position(|m| m.key == key)?),
        })
    }
}

impl Model {
    /// The model after changes to the sessions with content keys `keys` alone, by patching
    /// `self`: `None` unless every one was a session before and is one still, in the same
    /// place, with the same time (so the same order), theme and speaker pages. Their own
    /// fields and text may change. Saves `serve` a whole rebuild for the commonest edit.
    /// With the model, the indices of the sessions patched.
    pub fn patched(
        &self,
        groups: &BTreeMap<String, Group>,
        keys: &BTreeSet<String>,
        config: &Config,
        markdown: &Markdown,
    ) -> Option<(Model, BTreeSet<usize>)> {
        let mut model = self.clone();
        let mut changed = BTreeSet::new();
        let urls = Urls::new(config);
        for key in keys {
            let files = groups.get(key)?;
            let (Kind::Session, i) = self.find(key)? else {
                return None;
            };
            // Only position decides these files' role: no `_index`, no other kind.
            let plain = |f: &Arc<SourceFile>| {
                !f.is_index()
                    && f.kind
                        .as_ref()
                        .is_none_or(|k| k.as_str() == Some("session"))
            };
            let old = &self.sessions[i].entry;
            if !files.iter().all(plain) || !old.translations.iter().all(|t| plain(&t.file)) {
                return None;
            }
            let Ok(Parsed::Session(new)) = parse_group(
                key,
                Role::Page(Kind::Session),
                files.clone(),
                markdown,
                &urls,
            ) else {
                return None;
            };
            if standing(old, config) != standing(&new, config) {
                return None;
            }
            let session = &mut model.sessions.make_mut()[i];
            (session.date, session.times, session.room, session.status) =
                Session::when(&new, config);
            session.entry = new;
            changed.insert(i);
        }
        // A room added or taken away can give a programme its timetable or take it.
        let programmes: BTreeSet<usize> = changed
            .iter()
            .map(|&i| model.sessions.unrecorded()[i].programme)
            .collect();
        for p in programmes {
            let days = model.programmes.unrecorded()[p]
                .timetable_days(model.sessions.unrecorded(), config);
            let programme = &mut model.programmes.make_mut()[p];
            (programme.days, programme.day_sessions) = days.into_iter().unzip();
        }
        Some((model, changed))
    }
}

impl Model {
    /// What `check` warns about in the Markdown texts of every page.
    pub fn text_warnings(&self) -> Vec<Diagnostic> {
        fn of<F>(entry: &Entry<F>, out: &mut Vec<Diagnostic>) {
            for t in &entry.translations {
                out.extend(t.text_warnings.iter().cloned());
            }
        }
        let mut out = Vec::new();
        self.home.iter().for_each(|e| of(e, &mut out));
        self.programmes.iter().for_each(|x| of(&x.entry, &mut out));
        self.themes.iter().for_each(|x| of(&x.entry, &mut out));
        self.sessions.iter().for_each(|x| of(&x.entry, &mut out));
        self.speakers.iter().for_each(|x| of(&x.entry, &mut out));
        self.pages.iter().for_each(|x| of(x, &mut out));
        self.minutes.iter().for_each(|x| of(x, &mut out));
        out
    }

    /// The speaker pages that list session `s` (those it names, and those of people it
    /// gives inline by a speaker page's name).
    pub fn speakers_listing(&self, s: usize) -> &[usize] {
        reads::note(read_of::speakers_listing(self.sessions[s].identity));
        &self.session_speakers[s]
    }

    /// When the newest of the files a session's facts come from was committed: its own,
    /// its programme's, its theme's and its speakers' pages, in every language.
    pub fn session_committed(&self, s: usize) -> Option<jiff::Timestamp> {
        let session = &self.sessions[s];
        [
            session.entry().committed(),
            self.programmes[session.programme()].entry().committed(),
            session
                .theme()
                .and_then(|t| self.themes[t].entry().committed()),
        ]
        .into_iter()
        .chain(
            self.speakers_listing(s)
                .iter()
                .map(|&p| self.speakers[p].entry().committed()),
        )
        .flatten()
        .max()
    }
}

impl Entry<SessionFront> {
    /// The names of speakers given inline, as speakers or moderator, in every language.
    pub fn inline_names(&self) -> impl Iterator<Item = &str> {
        self.translations()
            .iter()
            .flat_map(|t| t.front.speakers.iter().chain(&t.front.moderator))
            .filter_map(|s| match s {
                SpeakerEntry::Inline { name, .. } => Some(name.as_str()),
                SpeakerEntry::Reference { .. } => None,
            })
    }

    /// The speaker pages the session refers to, as speakers or moderator, in every language.
    pub fn speaker_ids(&self) -> impl Iterator<Item = &str> {
        self.translations()
            .iter()
            .flat_map(|t| t.front.speakers.iter().chain(&t.front.moderator))
            .filter_map(|s| match s {
                SpeakerEntry::Reference { id, .. } => Some(id.as_str()),
                SpeakerEntry::Inline { .. } => None,
            })
    }
}

/// What decides a session's place in the model: its time (its order), its theme fields,
/// the speaker pages it refers to, its languages.
type Standing<'e> = (
    Option<Date>,
    Option<Time>,
    Option<i64>,
    Vec<&'e Option<String>>,
    Vec<&'e str>,
    Vec<&'e str>,
    Vec<&'e str>,
);

fn standing<'e>(e: &'e Entry<SessionFront>, config: &Config) -> Standing<'e> {
    let front = &e.primary(config).front;
    let themes = e.translations.iter().map(|t| &t.front.theme).collect();
    let speakers = e.speaker_ids().collect();
    (
        front.date,
        front.start,
        front.order,
        themes,
        speakers,
        e.langs().collect(),
        e.inline_names().collect(),
    )
}

/// What a group of translations is, decided before typed parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Home,
    Page(Kind),
}

impl Model {
    /// Builds the model from loaded files, grouped by page; reports every problem found.
    pub fn build(
        groups: &BTreeMap<String, Group>,
        config: &Config,
        markdown: &Markdown,
    ) -> Result<Model, Vec<Diagnostic>> {
        Model::rebuild(groups, config, markdown, None)
    }

    /// As [`Model::build`], reusing the parsed pages of `previous` whose files are the very
    /// same (`serve` re-reads only changed files, so the rest are shared, not compared).
    pub fn rebuild(
        groups: &BTreeMap<String, Group>,
        config: &Config,
        markdown: &Markdown,
        previous: Option<&Model>,
    ) -> Result<Model, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let urls = Urls::new(config);
        let roles = assign_roles(groups, &mut problems);
        // The previous entry of each key, found by walking both key-ordered lists together.
        let mut earlier = previous.map(|m| m.parsed.iter().peekable());
        let work: Vec<_> = groups
            .iter()
            .zip(roles)
            .filter_map(|((key, files), role)| {
                let role = role?;
                let reused = earlier.as_mut().and_then(|entries| {
                    while entries
                        .next_if(|(k, _)| k.as_str() < key.as_str())
                        .is_some()
                    {}
                    let (_, parsed) = entries.next_if(|(k, _)| *k == key)?;
                    (parsed.role() == role && parsed.has_files(files)).then(|| parsed.clone())
                });
                Some((key, files, role, reused))
            })
            .collect();
        let results: Vec<(String, Result<Parsed, Vec<Diagnostic>>)> = work
            .into_par_iter()
            .map(|(key, files, role, reused)| {
                let parsed = match reused {
                    Some(parsed) => Ok(parsed),
                    None => parse_group(key, role, files.clone(), markdown, &urls),
                };
                (key.clone(), parsed)
            })
            .collect();
        let mut parsed = Vec::with_capacity(results.len());
        for (key, result) in results {
            match result {
                Ok(entry) => parsed.push((key, entry)),
                Err(mut errs) => problems.append(&mut errs),
            }
        }
        // Already in key order: built in one pass.
        let parsed: BTreeMap<String, Parsed> = parsed.into_iter().collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        link(parsed, config)
    }
}

/// Decides each group's kind: explicit `kind`, else position (see docs/content.md). One
/// role per group, in the groups' order; `None` for a group in the wrong place.
fn assign_roles(
    groups: &BTreeMap<String, Group>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Option<Role>> {
    let mut explicit = BTreeMap::new();
    // Pages whose `kind` is wrong: reported once, here, and not parsed.
    let mut refused: BTreeSet<&str> = BTreeSet::new();
    for (key, files) in groups {
        let mut kind: Option<(Kind, &SourceFile)> = None;
        for file in files {
            let Some(value) = &file.kind else {
                continue;
            };
            let Some(name) = value.as_str() else {
                problems.push(at_field(
                    file,
                    "kind",
                    "`kind` must be text, e.g. \"session\"",
                ));
                refused.insert(key.as_str());
                continue;
            };
            let Some(this) = Kind::from_name(name) else {
                let mut d = at_field(file, "kind", &format!("unknown kind `{name}`"));
                d = match diagnostic::nearest(name, Kind::NAMES) {
                    Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                    None => d.with_hint(format!("kinds are: {}", Kind::NAMES.join(", "))),
                };
                problems.push(d);
                refused.insert(key.as_str());
                continue;
            };
            match kind {
                Some((other, first)) if other != this => problems.push(
                    at_field(
                        file,
                        "kind",
                        &format!("translations disagree on the kind: `{name}` here"),
                    )
                    .with_hint(
                        format!("{} says `{:?}`", first.path.display(), other).to_lowercase(),
                    ),
                ),
                _ => kind = Some((this, file)),
            }
        }
        if let Some((kind, _)) = kind {
            explicit.insert(key.clone(), kind);
        }
    }

    // Folders that are programmes or themes, by their `_index` files.
    let is_index = |key: &str| groups.get(key).is_some_and(|f| f[0].is_index());
    let programme_dirs: BTreeSet<&str> = groups
        .keys()
        .filter(|key| is_index(key) && !key.is_empty())
        .filter(|key| match explicit.get(key.as_str()) {
            Some(kind) => *kind == Kind::Programme,
            None => !key.contains('/'),
        })
        .map(String::as_str)
        .collect();
    let in_programme = |dir: &str| ancestors(dir).any(|d| programme_dirs.contains(d));
    // Folders of meetings: their files are minutes unless they say otherwise.
    let series_dirs: BTreeSet<&str> = groups
        .keys()
        .filter(|key| is_index(key) && explicit.get(key.as_str()) == Some(&Kind::Series))
        .map(String::as_str)
        .collect();

    // The programme folder a folder is in, if any (the nearest one above or itself).
    fn programme_of<'d>(dir: &'d str, programme_dirs: &BTreeSet<&str>) -> Option<&'d str> {
        ancestors(dir).find(|d| programme_dirs.contains(d))
    }
    // Folders already reported as lacking an `_index`, once each.
    let mut without_index: BTreeSet<&str> = BTreeSet::new();
    let mut roles = Vec::with_capacity(groups.len());
    for (key, files) in groups {
        let file = &files[0];
        if refused.contains(key.as_str()) {
            roles.push(None);
            continue;
        }
        if file.stem == "index" {
            for f in files {
                problems.push(
                    Diagnostic::new(&f.path, "a file named `index` is a page called \"index\"")
                        .with_hint(format!(
                            "did you mean `_index.{}.md`? a folder's own page is its `_index` file",
                            f.lang
                        )),
                );
            }
            roles.push(None);
            continue;
        }
        if let Some(programme) = programme_of(parent_of(key, file), &programme_dirs) {
            let dir = parent_of(key, file);
            // programme/theme/session: a theme directly in its programme, a session in either.
            let explicit_kind = explicit.get(key).copied();
            let is_theme = file.is_index()
                && !programme_dirs.contains(key.as_str())
                && explicit_kind.is_none_or(|k| k == Kind::Theme);
            let is_session = !file.is_index() && explicit_kind.is_none_or(|k| k == Kind::Session);
            if is_theme && dir != programme {
                problems.push(
                    Diagnostic::new(
                        &file.path,
                        format!("the folder `{key}` is inside the theme `{dir}`: it is nested too deep"),
                    )
                    .with_hint(format!(
                        "a programme holds themes and a theme holds sessions: move the folder into {programme}/, or its files into {dir}/"
                    )),
                );
                roles.push(None);
                continue;
            }
            if is_session && dir != programme && !is_index(dir) {
                if without_index.insert(dir) {
                    problems.push(
                        Diagnostic::new(
                            &file.path,
                            format!("the folder `{dir}` has no `_index` file in any language: its sessions belong to no theme"),
                        )
                        .with_hint(format!(
                            "add content/{dir}/_index.{}.md with the theme's `title`, or move the sessions into {programme}/",
                            file.lang
                        )),
                    );
                }
                roles.push(None);
                continue;
            }
        }
        let role = if key.is_empty() {
            if explicit.contains_key(key) {
                problems.push(at_field(
                    file,
                    "kind",
                    "the home page's introduction has no kind",
                ));
            }
            Role::Home
        } else if let Some(kind) = explicit.get(key) {
            let misplaced = match kind {
                Kind::Programme if !file.is_index() => {
                    Some("a programme is a folder: write it as the folder's `_index` file")
                }
                Kind::Theme if !file.is_index() => {
                    Some("a theme is a folder: write it as the folder's `_index` file")
                }
                Kind::Theme | Kind::Session if !in_programme(parent_of(key, file)) => Some(
                    "themes and sessions belong inside a programme folder (one with an `_index` file)",
                ),
                Kind::Series if in_programme(parent_of(key, file)) => {
                    Some("a series of meetings belongs outside any programme folder")
                }
                Kind::Series if !file.is_index() => Some(
                    "a series of meetings is a folder: write it as the folder's `_index` file, with the meetings beside it",
                ),
                _ => None,
            };
            if let Some(message) = misplaced {
                problems.push(at_field(file, "kind", message));
                roles.push(None);
                continue;
            }
            Role::Page(*kind)
        } else if file.is_index() {
            if programme_dirs.contains(key.as_str()) {
                Role::Page(Kind::Programme)
            } else if in_programme(parent_of(key, file)) {
                Role::Page(Kind::Theme)
            } else {
                Role::Page(Kind::Page)
            }
        } else if in_programme(&file.dir) {
            Role::Page(Kind::Session)
        } else if series_dirs.contains(file.dir.as_str()) {
            Role::Page(Kind::Minutes)
        } else {
            Role::Page(Kind::Page)
        };
        roles.push(Some(role));
    }
    roles
}

/// The folder a page belongs to: for `_index` files, the folder above their own.
fn parent_of<'a>(key: &'a str, file: &'a SourceFile) -> &'a str {
    if file.is_index() {
        key.rsplit_once('/').map_or("", |(parent, _)| parent)
    } else {
        &file.dir
    }
}

/// `a/b/c` → `a/b/c`, `a/b`, `a`.
fn ancestors(dir: &str) -> impl Iterator<Item = &str> {
    let mut next = (!dir.is_empty()).then_some(dir);
    std::iter::from_fn(move || {
        let current = next?;
        next = current.rsplit_once('/').map(|(parent, _)| parent);
        Some(current)
    })
}

/// A diagnostic at the line of `field` in the front matter (or the file's first line).
pub fn at_field(file: &SourceFile, field: &str, message: &str) -> Diagnostic {
    let span = find_in_front(file, field).unwrap_or(0..0);
    Diagnostic::at(&file.path, &file.text, span, message)
}

/// The byte range of the first line of the front matter that starts with `needle`, or of
/// the first occurrence of `needle` in it.
pub fn find_in_front(file: &SourceFile, needle: &str) -> Option<std::ops::Range<usize>> {
    let front = file.front_text();
    let at = front
        .lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| line.trim_start().starts_with(needle))
        .map(|(start, line)| start + (line.len() - line.trim_start().len()))
        .or_else(|| front.find(needle))?;
    let start = file.front.start + at;
    Some(start..start + needle.len())
}

/// One page (all its translations) as parsed, before linking.
#[derive(Debug, Clone)]
enum Parsed {
    Home(Arc<Entry<HomeFront>>),
    Programme(Arc<Entry<ProgrammeFront>>),
    Theme(Arc<Entry<ThemeFront>>),
    Session(Arc<Entry<SessionFront>>),
    Speaker(Arc<Entry<SpeakerFront>>),
    Page(Arc<Entry<PageFront>>),
    Minutes(Arc<Entry<MinutesFront>>),
    Series(Arc<Entry<SeriesFront>>),
}

impl Parsed {
    fn role(&self) -> Role {
        match self {
            Parsed::Home(_) => Role::Home,
            Parsed::Programme(_) => Role::Page(Kind::Programme),
            Parsed::Theme(_) => Role::Page(Kind::Theme),
            Parsed::Session(_) => Role::Page(Kind::Session),
            Parsed::Speaker(_) => Role::Page(Kind::Speaker),
            Parsed::Page(_) => Role::Page(Kind::Page),
            Parsed::Minutes(_) => Role::Page(Kind::Minutes),
            Parsed::Series(_) => Role::Page(Kind::Series),
        }
    }

    /// Whether this was parsed from exactly `files` (the same loaded files, in order).
    fn has_files(&self, files: &[Arc<SourceFile>]) -> bool {
        fn same<F>(entry: &Entry<F>, files: &[Arc<SourceFile>]) -> bool {
            entry.translations.len() == files.len()
                && entry
                    .translations
                    .iter()
                    .zip(files)
                    .all(|(t, f)| Arc::ptr_eq(&t.file, f))
        }
        match self {
            Parsed::Home(e) => same(e, files),
            Parsed::Programme(e) => same(e, files),
            Parsed::Theme(e) => same(e, files),
            Parsed::Session(e) => same(e, files),
            Parsed::Speaker(e) => same(e, files),
            Parsed::Page(e) => same(e, files),
            Parsed::Minutes(e) => same(e, files),
            Parsed::Series(e) => same(e, files),
        }
    }
}

/// Links themes and sessions to their programmes and speakers to their sessions.
fn link(parsed: BTreeMap<String, Parsed>, config: &Config) -> Result<Model, Vec<Diagnostic>> {
    let mut home = None;
    let (mut programme_entries, mut theme_entries, mut session_entries) =
        (Vec::new(), Vec::new(), Vec::new());
    let (mut speaker_entries, mut pages, mut minutes) = (Vec::new(), Vec::new(), Vec::new());
    let mut series = Vec::new();
    for entry in parsed.values() {
        match entry {
            Parsed::Home(e) => home = Some(Arc::clone(e)),
            Parsed::Programme(e) => programme_entries.push(Arc::clone(e)),
            Parsed::Theme(e) => theme_entries.push(Arc::clone(e)),
            Parsed::Session(e) => session_entries.push(Arc::clone(e)),
            Parsed::Speaker(e) => speaker_entries.push(Arc::clone(e)),
            Parsed::Page(e) => pages.push(Arc::clone(e)),
            Parsed::Minutes(e) => minutes.push(Arc::clone(e)),
            Parsed::Series(e) => series.push(Arc::clone(e)),
        }
    }
    let mut problems = Vec::new();
    let programme_index: BTreeMap<String, usize> = programme_entries
        .iter()
        .enumerate()
        .map(|(i, p)| (p.key.clone(), i))
        .collect();
    let nearest_programme =
        |dir: &str| ancestors(dir).find_map(|d| programme_index.get(d).copied());
    let theme_index: BTreeMap<String, usize> = theme_entries
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key.clone(), i))
        .collect();

    let mut programmes: Vec<Programme> = Vec::with_capacity(programme_entries.len());
    for entry in programme_entries {
        let front = &entry.primary(config).front;
        let timezone = front
            .timezone
            .clone()
            .unwrap_or_else(|| config.timezone.clone());
        programmes.push(Programme {
            entry,
            timezone,
            themes: Vec::new(),
            sessions: Vec::new(),
            days: Vec::new(),
            day_sessions: Vec::new(),
            identity: 0,
        });
    }

    let mut themes = Vec::with_capacity(theme_entries.len());
    for entry in theme_entries {
        let parent = entry.key.rsplit_once('/').map_or("", |(p, _)| p);
        // Roles guarantee a programme above every theme.
        let programme = nearest_programme(parent).unwrap_or_default();
        themes.push(Theme {
            entry,
            programme,
            sessions: Vec::new(),
            identity: 0,
        });
    }

    let mut sessions = Vec::with_capacity(session_entries.len());
    for entry in session_entries {
        let file = &entry.translations[0].file;
        let programme = nearest_programme(&file.dir).unwrap_or_default();
        let by_folder = ancestors(&file.dir)
            .take_while(|d| !programme_index.contains_key(*d))
            .find_map(|d| theme_index.get(d).copied());
        let mut theme = by_folder;
        for t in &entry.translations {
            let Some(name) = &t.front.theme else { continue };
            let key = format!("{}/{}", programmes[programme].entry.key, name);
            match theme_index.get(&key) {
                Some(&index) if by_folder.is_none_or(|f| f == index) => theme = Some(index),
                Some(_) => problems.push(at_field(
                    &t.file,
                    "theme",
                    "the session is inside another theme's folder",
                )),
                None => {
                    let known = themes
                        .iter()
                        .filter(|th| th.programme == programme)
                        .filter_map(|th| th.entry.key.rsplit('/').next());
                    let d = at_field(
                        &t.file,
                        "theme",
                        &format!("no theme `{name}` in this programme"),
                    );
                    problems.push(match diagnostic::nearest(name, known) {
                        Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                        None => d.with_hint(
                            "a theme is a folder of the programme with an `_index` file",
                        ),
                    });
                }
            }
        }
        let (date, times, room, status) = Session::when(&entry, config);
        sessions.push(Session {
            date,
            times,
            room,
            status,
            entry,
            programme,
            theme,
            neighbours: [None; 2],
            identity: 0,
        });
    }

    // Time order: dated sessions first, by date, start, order, then path.
    let sort_key = |s: &Session| {
        let front = &s.entry.primary(config).front;
        (
            front.date.is_none(),
            front.date,
            front.start,
            front.order.unwrap_or(0),
            s.entry.key.clone(),
        )
    };
    let mut order: Vec<usize> = (0..sessions.len()).collect();
    order.sort_by_cached_key(|&i| sort_key(&sessions[i]));
    for &i in &order {
        programmes[sessions[i].programme].sessions.push(i);
        if let Some(theme) = sessions[i].theme {
            themes[theme].sessions.push(i);
        }
    }
    let mut theme_order: Vec<usize> = (0..themes.len()).collect();
    theme_order.sort_by_cached_key(|&i| {
        let front = &themes[i].entry.primary(config).front;
        (front.order.unwrap_or(i64::MAX), front.title.clone())
    });
    for i in theme_order {
        programmes[themes[i].programme].themes.push(i);
    }

    let mut speakers: Vec<Speaker> = speaker_entries
        .into_iter()
        .map(|entry| Speaker {
            id: entry.key.rsplit('/').next().unwrap_or_default().to_owned(),
            entry,
            sessions: Vec::new(),
            number: 0,
            identity: 0,
        })
        .collect();
    speakers.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in speakers.windows(2) {
        if pair[0].id == pair[1].id {
            let file = &pair[1].entry.translations[0].file;
            problems.push(
                    Diagnostic::new(&file.path, format!("two speaker pages are called `{}`", pair[0].id))
                        .with_hint(format!(
                            "the other is {}; sessions refer to speakers by file name, so it must be unique",
                            pair[0].entry.translations[0].file.path.display()
                        )),
                );
        }
    }
    // Hashed: a binary search of the ids for every reference took 26 ms at 10,000 sessions.
    let by_id: HashMap<String, usize> = (speakers.iter().enumerate())
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    for &i in &order {
        let mut ids = BTreeSet::new();
        for t in &sessions[i].entry.translations {
            for entry in t.front.speakers.iter().chain(&t.front.moderator) {
                let SpeakerEntry::Reference { id, .. } = entry else {
                    continue;
                };
                match by_id.get(id.as_str()) {
                    Some(&s) => {
                        ids.insert(s);
                    }
                    None => {
                        let d = at_field(
                            &t.file,
                            &format!("\"{id}\""),
                            &format!("no speaker page `{id}`"),
                        );
                        let near = diagnostic::nearest(id, speakers.iter().map(|s| s.id.as_str()));
                        problems.push(match near {
                                Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                                None => d.with_hint(format!(
                                    "write a page with `kind = \"speaker\"` named `{id}.<lang>.md`, or give the speaker inline with `name`"
                                )),
                            });
                    }
                }
            }
        }
        for s in ids {
            speakers[s].sessions.push(i);
        }
    }
    let (mut inline_speakers, people) = people(&mut speakers, &sessions, &order);
    number_people(&mut speakers, &mut inline_speakers);

    pages.sort_by_cached_key(|p| {
        let front = &p.primary(config).front;
        (front.order.unwrap_or(i64::MAX), p.key.clone())
    });
    minutes.sort_by_cached_key(|m| {
        (
            std::cmp::Reverse(m.primary(config).front.date),
            m.key.clone(),
        )
    });
    series.sort_by_cached_key(|p| {
        let front = &p.primary(config).front;
        (front.order.unwrap_or(i64::MAX), p.key.clone())
    });
    programmes_sort(&mut programmes, &mut themes, &mut sessions, config);
    for p in &mut programmes {
        (p.days, p.day_sessions) = p.timetable_days(&sessions, config).into_iter().unzip();
        for (at, &s) in p.sessions.iter().enumerate() {
            let before = at.checked_sub(1).map(|b| p.sessions[b]);
            sessions[s].neighbours = [before, p.sessions.get(at + 1).copied()];
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let mut session_speakers = vec![Vec::new(); sessions.len()];
    for (p, speaker) in speakers.iter().enumerate() {
        for &i in &speaker.sessions {
            session_speakers[i].push(p);
        }
    }
    Ok(Model {
        home,
        programmes: Tracked::new(programmes),
        themes: Tracked::new(themes),
        sessions: Tracked::new(sessions),
        speakers: Tracked::new(speakers),
        inline_speakers: Tracked::new(inline_speakers),
        people: Arc::new(people),
        pages: Tracked::new(pages),
        minutes: Tracked::new(minutes),
        series: Tracked::new(series),
        parsed: Arc::new(parsed),
        session_speakers: Arc::new(session_speakers),
    })
}

/// Speakers by name across programmes and languages: an inline speaker whose name is a
/// speaker page's (in any language) is that person, and their sessions join the page's;
/// inline speakers of one name are one person, with one page.
fn people(
    speakers: &mut [Speaker],
    sessions: &[Session],
    order: &[usize],
) -> (Vec<InlineSpeaker>, BTreeMap<String, Person>) {
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    for (i, speaker) in speakers.iter().enumerate() {
        for t in &speaker.entry.translations {
            people
                .entry(name_key(&t.front.name))
                .or_insert(Person::Page(i));
        }
    }
    let mut inline: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for &i in order {
        let mut named = BTreeSet::new();
        for name in sessions[i].entry.inline_names() {
            let key = name_key(name);
            if named.insert(key.clone()) {
                match people.get(&key) {
                    Some(&Person::Page(s)) => {
                        if !speakers[s].sessions.contains(&i) {
                            speakers[s].sessions.push(i);
                        }
                    }
                    _ => inline
                        .entry(key)
                        .or_insert_with(|| (name.trim().to_owned(), Vec::new()))
                        .1
                        .push(i),
                }
            }
        }
    }
    // Page sessions stay in time order after inline ones joined them.
    let rank: BTreeMap<usize, usize> = order.iter().enumerate().map(|(r, &i)| (i, r)).collect();
    for speaker in speakers.iter_mut() {
        speaker.sessions.sort_by_key(|s| rank.get(s).copied());
    }
    let taken: BTreeSet<String> = speakers.iter().map(|s| s.id.clone()).collect();
    let mut list: Vec<(String, InlineSpeaker)> = inline
        .into_iter()
        .map(|(key, (name, sessions))| {
            (
                key,
                InlineSpeaker {
                    slug: crate::text::slug(&name, "speaker"),
                    name,
                    sessions,
                    number: 0,
                    identity: 0,
                },
            )
        })
        .collect();
    // Two names with one slug (`Anna-Lena`, `Anna Lena`), or a slug that is a speaker
    // page's: numbered, in name order, so addresses stay stable.
    let mut used = taken;
    for (_, person) in list.iter_mut() {
        let base = person.slug.clone();
        let mut n = 1;
        while !used.insert(person.slug.clone()) {
            n += 1;
            person.slug = format!("{base}-{n}");
        }
    }
    list.sort_by(|a, b| a.1.slug.cmp(&b.1.slug));
    let mut inline_speakers = Vec::with_capacity(list.len());
    for (key, person) in list {
        people.insert(key, Person::Inline(inline_speakers.len()));
        inline_speakers.push(person);
    }
    (inline_speakers, people)
}

/// Orders programmes by order, then newest first, keeping the indices of themes and
/// sessions pointing at the right programme.
fn programmes_sort(
    programmes: &mut Vec<Programme>,
    themes: &mut [Theme],
    sessions: &mut [Session],
    config: &Config,
) {
    let mut order: Vec<usize> = (0..programmes.len()).collect();
    order.sort_by_cached_key(|&i| {
        let p = &programmes[i];
        let front = &p.entry.primary(config).front;
        (
            front.order.unwrap_or(i64::MAX),
            std::cmp::Reverse(front.first_day),
            p.entry.key.clone(),
        )
    });
    let mut new_index = vec![0; programmes.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Programme>> = programmes.drain(..).map(Some).collect();
    programmes.extend(order.iter().filter_map(|&old| slots[old].take()));
    for theme in themes.iter_mut() {
        theme.programme = new_index[theme.programme];
    }
    for session in sessions.iter_mut() {
        session.programme = new_index[session.programme];
    }
}

fn parse_group(
    key: &str,
    role: Role,
    files: Vec<Arc<SourceFile>>,
    markdown: &Markdown,
    urls: &Urls,
) -> Result<Parsed, Vec<Diagnostic>> {
    fn entry<F: serde::de::DeserializeOwned>(
        key: &str,
        files: Vec<Arc<SourceFile>>,
        (markdown, urls): (&Markdown, &Urls),
        adjust: impl Fn(&mut F),
        // Renders the front matter's Markdown texts; gives the anchors the page has besides
        // its headings'.
        texts: impl Fn(&mut F, &mut dyn FnMut(&'static str, &str) -> String) -> Vec<String>,
    ) -> Result<Arc<Entry<F>>, Vec<Diagnostic>> {
        let mut translations = Vec::with_capacity(files.len());
        let mut problems = Vec::new();
        for file in files {
            // A second file of the same page and language is reported by the load stage.
            if translations
                .iter()
                .any(|t: &Translation<F>| t.lang == file.lang)
            {
                continue;
            }
            match file.parse_front::<F>() {
                Ok(mut front) => {
                    adjust(&mut front);
                    let address = Urls::page(&file.lang, key);
                    let context = PageContext {
                        dir: &file.dir,
                        lang: &file.lang,
                        address: &address,
                        urls,
                    };
                    let mut body = markdown.render_page(file.body_text(), &context);
                    let mut text_warnings = Vec::new();
                    for problem in &body.problems {
                        let d = problem.diagnostic(&file.path, &file.text, file.body.start);
                        if problem.is_error() {
                            problems.push(d);
                        } else {
                            text_warnings.push(d);
                        }
                    }
                    // Links' places in the file, for the validate stage's messages.
                    let mut links = body.links;
                    for link in &mut links {
                        link.span =
                            link.span.start + file.body.start..link.span.end + file.body.start;
                    }
                    // The front matter's Markdown texts (agenda items' fields): made with the
                    // page's links, checked as its body is.
                    let anchors = texts(&mut front, &mut |field, text| {
                        let rendered =
                            markdown.render_page_text(text, 4, &context, &mut body.anchors);
                        let offset = field_value_offset(&file, text);
                        for problem in &rendered.problems {
                            let d = match offset {
                                Some(offset) => problem.diagnostic(&file.path, &file.text, offset),
                                None => at_field(&file, field, &problem.message()),
                            };
                            if problem.is_error() {
                                problems.push(d);
                            } else {
                                text_warnings.push(d.warning());
                            }
                        }
                        for mut link in rendered.links {
                            // A text the TOML escaped is not where it is written: the field is.
                            link.span = match offset {
                                Some(at) => link.span.start + at..link.span.end + at,
                                None => find_in_front(&file, field).unwrap_or(0..0),
                            };
                            links.push(link);
                        }
                        rendered.html
                    });
                    body.anchors.extend(anchors);
                    translations.push(Translation {
                        identity: read_of::translation(reads::hash_of(("entry", key)), &file.lang),
                        fingerprints: OnceLock::new(),
                        text_warnings,
                        lang: file.lang.clone(),
                        body_html: body.html,
                        anchors: body.anchors,
                        links,
                        front,
                        file,
                    })
                }
                Err(errs) => {
                    problems.extend(crate::front_matter::speaker_without_kind(&file, errs))
                }
            }
        }
        if problems.is_empty() {
            Ok(Arc::new(Entry {
                key: key.to_owned(),
                translations,
                identity: reads::hash_of(("entry", key)),
                uid: page_uid(key),
            }))
        } else {
            Err(problems)
        }
    }
    let md = (markdown, urls);
    Ok(match role {
        Role::Home => Parsed::Home(entry(key, files, md, |_| {}, |_, _| Vec::new())?),
        Role::Page(Kind::Programme) => {
            Parsed::Programme(entry(key, files, md, |_| {}, |_, _| Vec::new())?)
        }
        Role::Page(Kind::Theme) => Parsed::Theme(entry(key, files, md, |_| {}, |_, _| Vec::new())?),
        Role::Page(Kind::Session) => {
            Parsed::Session(entry(key, files, md, |_| {}, |_, _| Vec::new())?)
        }
        Role::Page(Kind::Speaker) => {
            Parsed::Speaker(entry(key, files, md, |_| {}, |_, _| Vec::new())?)
        }
        Role::Page(Kind::Page) => Parsed::Page(entry(key, files, md, |_| {}, |_, _| Vec::new())?),
        Role::Page(Kind::Series) => {
            Parsed::Series(entry(key, files, md, |_| {}, |_, _| Vec::new())?)
        }
        Role::Page(Kind::Minutes) => Parsed::Minutes(entry(
            key,
            files,
            md,
            |front: &mut MinutesFront| front.items.sort_by_key(|item| item.number),
            |front: &mut MinutesFront, render| {
                for item in &mut front.items {
                    item.background_html =
                        (item.background.as_deref()).map(|t| render("background", t));
                    item.recommendation_html =
                        (item.recommendation.as_deref()).map(|t| render("recommendation", t));
                    item.decision_html = (item.decision.as_deref()).map(|t| render("decision", t));
                }
                front.items.iter().map(AgendaItem::anchor).collect()
            },
        )?),
    })
}

/// Where the text of a front-matter field starts in its file, when the TOML holds it as
/// written (no escapes): Markdown problems in it are then reported at their own line.
fn field_value_offset(file: &SourceFile, text: &str) -> Option<usize> {
    (!text.is_empty())
        .then(|| file.front_text().find(text))
        .flatten()
        .map(|at| file.front.start + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_walk_up() {
        assert_eq!(
            ancestors("a/b/c").collect::<Vec<_>>(),
            ["a/b/c", "a/b", "a"]
        );
        assert_eq!(ancestors("").count(), 0);
    }
}
