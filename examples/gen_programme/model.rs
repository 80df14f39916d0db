//! The generated programmes in memory, independent of any site generator's file format:
//! programmes, themes, sessions and speakers, with their texts in every language.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday};

use super::rng::Rng;
use super::text::{self, Slots};
use super::words;

/// The languages of the site, in the order of [`PerLang`]; the first is the default.
pub const LANGS: [&str; 3] = ["da", "sv", "nb"];
/// Each language's name in itself.
pub const LANG_NAMES: [&str; 3] = ["Dansk", "Svenska", "Norsk bokmål"];

/// One value per language of [`LANGS`].
pub type PerLang<T> = [T; 3];

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    pub sessions: usize,
    pub programmes: usize,
    pub seed: u64,
}

impl Params {
    /// Sessions per theme, about.
    pub const THEME_SIZE: usize = 20;

    pub fn themes(&self) -> usize {
        (self.sessions / Self::THEME_SIZE).max(1)
    }

    /// One programme per 1,000 sessions, rounded, at least one.
    pub fn default_programmes(sessions: usize) -> usize {
        (sessions.saturating_add(500) / 1000).max(1)
    }

    /// About one speaker page for every five sessions.
    pub fn speaker_pool(&self) -> usize {
        self.sessions.div_ceil(5).max(4)
    }
}

pub struct Site {
    pub params: Params,
    pub home: Intro,
    pub programmes: Vec<Programme>,
    pub speakers: Vec<Speaker>,
}

/// The home page's introduction.
pub struct Intro {
    pub title: PerLang<String>,
    pub summary: PerLang<String>,
    pub body: PerLang<String>,
}

pub struct Programme {
    /// The folder name.
    pub slug: String,
    pub title: PerLang<String>,
    pub summary: PerLang<String>,
    pub body: PerLang<String>,
    pub first_day: Date,
    pub last_day: Date,
    pub venue: String,
    pub timezone: &'static str,
    pub organisers: Vec<&'static str>,
    pub contact: Contact,
    pub notice: Option<PerLang<String>>,
    pub price: Option<Price>,
    pub themes: Vec<Theme>,
}

pub struct Contact {
    pub name: String,
    pub role: PerLang<String>,
    pub email: String,
    pub phone: String,
}

pub struct Price {
    pub amount: u32,
    pub currency: &'static str,
    pub includes: PerLang<Vec<String>>,
    pub excludes: PerLang<Vec<String>>,
}

pub struct Theme {
    /// The folder name, inside the programme's folder.
    pub slug: String,
    pub title: PerLang<String>,
    pub summary: PerLang<String>,
    pub body: PerLang<String>,
    pub order: u32,
    /// In time order.
    pub sessions: Vec<Session>,
}

pub struct Session {
    /// The file name without language, inside the theme's folder.
    pub slug: String,
    pub title: PerLang<String>,
    pub summary: PerLang<String>,
    /// Markdown.
    pub body: PerLang<String>,
    pub date: Date,
    /// Local times, in minutes after midnight.
    pub start: u16,
    pub end: u16,
    pub room: &'static str,
    pub format: &'static str,
    pub status: &'static str,
    /// The language the session is held in: an index into [`LANGS`].
    pub language: usize,
    pub tags: PerLang<Vec<String>>,
    pub speakers: Vec<SessionSpeaker>,
    pub moderator: Option<SessionSpeaker>,
}

pub enum SessionSpeaker {
    /// A speaker page of [`Site::speakers`], by id.
    Page { id: String, confirmed: bool },
    Inline {
        name: String,
        role: PerLang<String>,
        organisation: &'static str,
        confirmed: bool,
    },
}

/// A person with a speaker page.
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub role: PerLang<String>,
    pub organisation: &'static str,
    pub bio: PerLang<String>,
}

pub const FORMATS: [&str; 7] = [
    "keynote", "talk", "seminar", "debate", "panel", "workshop", "meeting",
];
const FORMAT_WEIGHTS: [usize; 7] = [6, 30, 20, 8, 12, 12, 12];
pub const STATUSES: [&str; 4] = ["confirmed", "tentative", "cancelled", "moved"];
const STATUS_WEIGHTS: [usize; 4] = [85, 10, 3, 2];

/// `HH:MM:SS` of minutes after midnight.
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}:00", minutes / 60, minutes % 60)
}

/// A URL-safe name: lower case ASCII letters, digits and hyphens, Nordic letters spelt out.
pub fn slugify(text: &str, max_words: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut words = 0;
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let spelt = match c {
            'æ' | 'ä' => "ae",
            'ø' | 'ö' => "oe",
            'å' => "aa",
            'é' | 'è' => "e",
            'ü' => "ue",
            _ => "",
        };
        if c.is_ascii_alphanumeric() || !spelt.is_empty() {
            if pending_dash {
                if words == max_words {
                    break;
                }
                out.push('-');
                pending_dash = false;
            }
            if out.is_empty() || out.ends_with('-') {
                words += 1;
            }
            if spelt.is_empty() {
                out.push(c);
            } else {
                out.push_str(spelt);
            }
        } else if !out.is_empty() {
            pending_dash = true;
        }
    }
    out
}

/// `base`, or `base-2`, `base-3` ... whichever is not yet in `taken`; then taken.
fn unique(taken: &mut BTreeSet<String>, base: String) -> String {
    let mut name = base.clone();
    let mut n = 1;
    while taken.contains(&name) {
        n += 1;
        name = format!("{base}-{n}");
    }
    taken.insert(name.clone());
    name
}

/// `total` split into `parts` near-equal sizes, larger ones first.
pub fn split(total: usize, parts: usize) -> Vec<usize> {
    (0..parts)
        .map(|i| total / parts + usize::from(i < total % parts))
        .collect()
}

/// When and where one session takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Slot {
    date: Date,
    start: u16,
    end: u16,
    room: usize,
}

pub fn generate(params: &Params) -> Site {
    assert!(params.sessions > 0, "at least one session");
    assert!(
        (1..=params.themes()).contains(&params.programmes),
        "between one programme and one per theme"
    );
    let mut rng = Rng::new(params.seed);
    let speakers = speaker_pool(&mut rng.fork(), params.speaker_pool());
    let mut busy = vec![Vec::new(); speakers.len()];
    let theme_sizes = split(params.sessions, params.themes());
    let mut programme_slugs = BTreeSet::from(["speakers".to_owned()]);
    let mut programmes = Vec::with_capacity(params.programmes);
    let mut themes_done = 0;
    let mut serial = 0;
    for (k, themes) in split(params.themes(), params.programmes)
        .into_iter()
        .enumerate()
    {
        let sizes = &theme_sizes[themes_done..themes_done + themes];
        themes_done += themes;
        let mut g = ProgrammeGen {
            rng: rng.fork(),
            speakers: &speakers,
            busy: &mut busy,
            serial: &mut serial,
        };
        programmes.push(g.programme(k, sizes, &mut programme_slugs));
    }
    let slots = Slots::new(&mut rng, 0, 2025);
    let home = Intro {
        title: text::phrase(&words::HOME[0], &slots, &[]),
        summary: text::phrase(&words::HOME[1], &slots, &[]),
        body: text::phrase(&words::HOME[2], &slots, &[]),
    };
    Site {
        params: params.clone(),
        home,
        programmes,
        speakers,
    }
}

/// A person's name from `country` (0 Denmark, 1 Sweden, 2 Norway): (full name, first name).
fn person(rng: &mut Rng, country: usize) -> (String, String) {
    let first = *rng.pick(words::FIRST_NAMES[country]);
    let last = *rng.pick(words::LAST_NAMES[country]);
    let name = if rng.chance(25) {
        let middle = *rng.pick(words::LAST_NAMES[country]);
        if middle == last {
            format!("{first} {last}")
        } else {
            format!("{first} {middle} {last}")
        }
    } else {
        format!("{first} {last}")
    };
    (name, first.to_owned())
}

fn country(rng: &mut Rng) -> usize {
    rng.weighted(&[6, 2, 2])
}

fn role(index: usize) -> PerLang<String> {
    words::SPEAKER_ROLES[index].map(str::to_owned)
}

fn speaker_pool(rng: &mut Rng, size: usize) -> Vec<Speaker> {
    let mut ids = BTreeSet::new();
    (0..size)
        .map(|_| {
            let country = country(rng);
            let (name, first) = person(rng, country);
            let id = unique(&mut ids, slugify(&name, 6));
            let role_index = rng.below(words::SPEAKER_ROLES.len());
            let organisation = *rng.pick(words::ORGANISATIONS[country]);
            let topic = rng.below(words::TOPICS.len());
            let slots = Slots::new(rng, topic, 2025);
            let n = rng.range(4, 30).to_string();
            let template = rng.pick(words::BIOS);
            let bio = std::array::from_fn(|lang| {
                let role = words::SPEAKER_ROLES[role_index][lang].to_lowercase();
                text::fill(
                    template[lang],
                    lang,
                    &slots,
                    &[
                        ("name", &name),
                        ("first", &first),
                        ("role", &role),
                        ("org", organisation),
                        ("n", &n),
                    ],
                )
            });
            Speaker {
                id,
                name,
                role: role(role_index),
                organisation,
                bio,
            }
        })
        .collect()
}

/// What is shared while the programmes are made one after another.
struct ProgrammeGen<'a> {
    rng: Rng,
    speakers: &'a [Speaker],
    /// When each speaker of the pool speaks: (date, start, end).
    busy: &'a mut Vec<Vec<(Date, u16, u16)>>,
    /// Sessions made so far, over all programmes.
    serial: &'a mut usize,
}

impl ProgrammeGen<'_> {
    fn programme(
        &mut self,
        k: usize,
        theme_sizes: &[usize],
        taken: &mut BTreeSet<String>,
    ) -> Programme {
        let rng = &mut self.rng;
        let country = country(rng);
        let (timezone, phone_prefix, venues) = words::COUNTRIES[country];
        let sessions: usize = theme_sizes.iter().sum();

        // A weekday some weeks after the previous programme's start.
        let mut first_day = jiff::civil::date(2025, 9, 1)
            .checked_add(jiff::Span::new().days((k * 30 + rng.below(21)) as i64))
            .expect("date in range");
        first_day = next_weekday(first_day);
        let year = first_day.year();

        let rooms: Vec<&'static str> = {
            let mut all = words::ROOMS.to_vec();
            rng.shuffle(&mut all);
            all.truncate(sessions.div_ceil(50).clamp(2, words::ROOMS.len()));
            all
        };
        let mut slots = schedule(rng, first_day, rooms.len(), sessions);
        let last_day = slots.iter().map(|s| s.date).max().unwrap_or(first_day);
        rng.shuffle(&mut slots);

        let topic = rng.below(words::TOPICS.len());
        let s = Slots::new(rng, topic, year);
        let title = text::phrase(
            rng.pick(words::PROGRAMME_TITLES),
            &s,
            &[("year", &year.to_string())],
        );
        let slug = unique(taken, slugify(&title[0], 7));
        let summary = text::phrase(&words::PROGRAMME_SUMMARY, &s, &[]);
        let mut body = text::paragraphs(rng, &s, &[4, 3]);
        let rooms_count = rooms.len().to_string();
        let parallel = text::phrase(&words::PROGRAMME_PARALLEL, &s, &[("r", &rooms_count)]);
        text::push_block(&mut body, &parallel);

        let organisers = {
            let mut all = words::ORGANISERS[country].to_vec();
            rng.shuffle(&mut all);
            all.truncate(rng.range(1, 3));
            all
        };
        let (name, first) = person(rng, country);
        let last = name.rsplit(' ').next().unwrap_or(&name);
        let contact = Contact {
            email: format!("{}.{}@example.org", slugify(&first, 1), slugify(last, 1)),
            phone: format!(
                "{phone_prefix} {:02} {:02} {:02} {:02}",
                rng.range(20, 99),
                rng.below(100),
                rng.below(100),
                rng.below(100)
            ),
            role: rng.pick(words::CONTACT_ROLES).map(str::to_owned),
            name,
        };
        let notice = rng
            .chance(30)
            .then(|| rng.pick(words::NOTICES).map(str::to_owned));
        let price = rng.chance(50).then(|| {
            let mut includes = words::PRICE_INCLUDES.to_vec();
            rng.shuffle(&mut includes);
            includes.truncate(rng.range(1, 3));
            let exclude = *rng.pick(words::PRICE_EXCLUDES);
            Price {
                amount: rng.range(12, 80) as u32 * 100,
                currency: ["DKK", "SEK", "NOK"][country],
                includes: std::array::from_fn(|l| {
                    includes.iter().map(|i| i[l].to_owned()).collect()
                }),
                excludes: std::array::from_fn(|l| vec![exclude[l].to_owned()]),
            }
        });
        let venue = (*rng.pick(venues)).to_owned();

        let mut theme_slugs = BTreeSet::new();
        let mut themes = Vec::with_capacity(theme_sizes.len());
        let mut slots = slots.into_iter();
        for (j, &size) in theme_sizes.iter().enumerate() {
            let mut mine: Vec<Slot> = slots.by_ref().take(size).collect();
            mine.sort();
            themes.push(self.theme(j, &mine, &rooms, country, year, &mut theme_slugs));
        }
        Programme {
            slug,
            title,
            summary,
            body,
            first_day,
            last_day,
            venue,
            timezone,
            organisers,
            contact,
            notice,
            price,
            themes,
        }
    }

    fn theme(
        &mut self,
        j: usize,
        slots: &[Slot],
        rooms: &[&'static str],
        country: usize,
        year: i16,
        taken: &mut BTreeSet<String>,
    ) -> Theme {
        let rng = &mut self.rng;
        let topic = rng.below(words::TOPICS.len());
        let s = Slots::new(rng, topic, year);
        let title = text::phrase(rng.pick(words::THEME_TITLES), &s, &[]);
        let slug = unique(taken, slugify(&title[0], 6));
        let summary = text::phrase(rng.pick(words::THEME_SUMMARIES), &s, &[]);
        let body = text::paragraphs(rng, &s, &[3, 3]);
        let mut session_slugs = BTreeSet::new();
        let sessions = slots
            .iter()
            .map(|slot| self.session(slot, rooms, topic, country, year, &mut session_slugs))
            .collect();
        Theme {
            slug,
            title,
            summary,
            body,
            order: j as u32 + 1,
            sessions,
        }
    }

    fn session(
        &mut self,
        slot: &Slot,
        rooms: &[&'static str],
        theme_topic: usize,
        country: usize,
        year: i16,
        taken: &mut BTreeSet<String>,
    ) -> Session {
        let serial = *self.serial;
        *self.serial += 1;
        let rng = &mut self.rng;
        let format = FORMATS[rng.weighted(&FORMAT_WEIGHTS)];
        let status = STATUSES[rng.weighted(&STATUS_WEIGHTS)];
        let language = if rng.chance(70) {
            country
        } else {
            (country + rng.range(1, 2)) % 3
        };
        let topic = if rng.chance(40) {
            theme_topic
        } else {
            rng.below(words::TOPICS.len())
        };
        let s = Slots::new(rng, topic, year);

        let mut title = text::phrase(rng.pick(words::SESSION_TITLES), &s, &[]);
        if let Some((_, prefix)) = words::FORMAT_PREFIXES.iter().find(|(f, _)| *f == format)
            && rng.chance(50)
        {
            for (title, prefix) in title.iter_mut().zip(prefix) {
                *title = format!("{prefix}: {title}");
            }
        }
        let slug = unique(taken, slugify(&title[0], 7));
        let summary = text::phrase(rng.pick(words::SESSION_SUMMARIES), &s, &[]);

        let mut tags: Vec<usize> = vec![words::TOPICS[topic].1];
        for _ in 0..rng.below(3) {
            let tag = rng.below(words::TAGS.len());
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let tags =
            std::array::from_fn(|l| tags.iter().map(|&t| words::TAGS[t][l].to_owned()).collect());

        let count = match format {
            "keynote" => 1,
            "talk" | "workshop" => rng.range(1, 2),
            "seminar" => rng.range(2, 3),
            "meeting" => rng.range(1, 3),
            _ => rng.range(3, 4),
        };
        // One person once per session: samling refuses a name given twice in one.
        let mut named = BTreeSet::new();
        let speakers = (0..count).map(|_| self.speaker(slot, &mut named)).collect();
        let moderator = (matches!(format, "debate" | "panel") && self.rng.chance(60))
            .then(|| self.speaker(slot, &mut named));

        // Every tenth session has a code block.
        let body = text::session_body(&mut self.rng, &s, serial % 10 == 9);
        Session {
            slug,
            title,
            summary,
            body,
            date: slot.date,
            start: slot.start,
            end: slot.end,
            room: rooms[slot.room],
            format,
            status,
            language,
            tags,
            speakers,
            moderator,
        }
    }

    /// A speaker from the pool who is free at the time of `slot`, else one given inline.
    fn speaker(&mut self, slot: &Slot, named: &mut BTreeSet<String>) -> SessionSpeaker {
        let rng = &mut self.rng;
        if rng.chance(85) {
            for _ in 0..8 {
                let i = rng.below(self.speakers.len());
                let free = self.busy[i]
                    .iter()
                    .all(|&(d, s, e)| d != slot.date || e <= slot.start || slot.end <= s);
                if free {
                    self.busy[i].push((slot.date, slot.start, slot.end));
                    return SessionSpeaker::Page {
                        id: self.speakers[i].id.clone(),
                        confirmed: rng.chance(88),
                    };
                }
            }
        }
        let country = country(rng);
        let mut name = person(rng, country).0;
        // samling refuses a name given inline that two speaker pages have (it cannot tell
        // whom it means), as an organiser would be asked to: another name, then.
        while self.speakers.iter().filter(|s| s.name == name).count() > 1 || named.contains(&name) {
            name = person(rng, country).0;
        }
        named.insert(name.clone());
        let role = role(rng.below(words::SPEAKER_ROLES.len()));
        let organisation = *rng.pick(words::ORGANISATIONS[country]);
        SessionSpeaker::Inline {
            name,
            role,
            organisation,
            confirmed: rng.chance(40),
        }
    }
}

fn next_weekday(mut date: Date) -> Date {
    while matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
        date = date.tomorrow().expect("date in range");
    }
    date
}

/// At least `count` slots over weekdays from `first_day` in `rooms` rooms, 09:00–17:00 with
/// a lunch break; each room's slots of a day follow one another without overlapping.
/// Returns exactly `count` slots, in the order they were made (by day, then room).
fn schedule(rng: &mut Rng, first_day: Date, rooms: usize, count: usize) -> Vec<Slot> {
    const DAY_START: u16 = 9 * 60;
    const DAY_END: u16 = 17 * 60;
    const LUNCH: (u16, u16) = (12 * 60, 13 * 60);
    let mut slots = Vec::with_capacity(count + rooms * 8);
    let mut date = first_day;
    while slots.len() < count {
        for room in 0..rooms {
            let mut start = DAY_START + [0, 0, 15, 30][rng.below(4)];
            loop {
                let length = [30, 45, 60, 60, 90, 90][rng.below(6)];
                let mut end = start + length;
                if start < LUNCH.1 && end > LUNCH.0 {
                    start = start.max(LUNCH.1);
                    end = start + length;
                }
                if end > DAY_END {
                    break;
                }
                slots.push(Slot {
                    date,
                    start,
                    end,
                    room,
                });
                start = end + [0, 15, 15, 30][rng.below(4)];
            }
            if slots.len() >= count {
                break;
            }
        }
        date = next_weekday(date.tomorrow().expect("date in range"));
    }
    slots.truncate(count);
    slots
}
