//! The TOML front matter of each kind of page, as organisers write it.
//!
//! Every struct refuses unknown fields, so a typo is reported (with the nearest known name)
//! instead of silently dropping what the organiser meant to publish.

use jiff::civil;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// What a page is. Set with `kind = "..."` or by the page's position in `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Programme,
    Theme,
    Session,
    Speaker,
    Page,
    Minutes,
    Series,
}

impl Kind {
    pub const NAMES: [&'static str; 7] = [
        "programme",
        "theme",
        "session",
        "speaker",
        "page",
        "minutes",
        "series",
    ];

    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "programme" => Kind::Programme,
            "theme" => Kind::Theme,
            "session" => Kind::Session,
            "speaker" => Kind::Speaker,
            "page" => Kind::Page,
            "minutes" => Kind::Minutes,
            "series" => Kind::Series,
            _ => return None,
        })
    }
}

/// A calendar date, written as a TOML date (`2025-09-18`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub civil::Date);

/// A wall-clock time in the programme's time zone, written as a TOML time (`09:30`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub civil::Time);

fn date_time_value<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<(Option<toml::value::Date>, Option<toml::value::Time>, bool), D::Error> {
    match toml::Value::deserialize(deserializer)? {
        toml::Value::Datetime(dt) => Ok((dt.date, dt.time, dt.offset.is_some())),
        toml::Value::String(s) => Err(de::Error::custom(format!(
            "expected a TOML date or time without quotes, found the text \"{s}\""
        ))),
        other => Err(de::Error::custom(format!(
            "expected a date or time, found {}",
            other.type_str()
        ))),
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match date_time_value(deserializer)? {
            (Some(d), None, false) => civil::Date::new(d.year as i16, d.month as i8, d.day as i8)
                .map(Date)
                .map_err(|e| de::Error::custom(format!("invalid date: {e}"))),
            _ => Err(de::Error::custom(
                "expected a date such as 2025-09-18, without a time",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match date_time_value(deserializer)? {
            (None, Some(t), false) => {
                civil::Time::new(t.hour as i8, t.minute as i8, t.second.unwrap_or(0) as i8, 0)
                    .map(Time)
                    .map_err(|e| de::Error::custom(format!("invalid time: {e}")))
            }
            _ => Err(de::Error::custom(
                "expected a local time such as 09:30, without a date or offset",
            )),
        }
    }
}

/// A colour as `#rrggbb` (`"#1f6feb"`): what conference apps colour a track with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Colour(pub String);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let hex = text.strip_prefix('#').unwrap_or("");
        if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Colour(text.to_ascii_lowercase()))
        } else {
            Err(de::Error::custom(format!(
                "`{text}` is not a colour: write it as # and six hexadecimal digits, such as \"#1f6feb\""
            )))
        }
    }
}

/// Where to sign up: a web address in full (`https:`, `http:`) or an e-mail address
/// (`mailto:`), parsed as browsers do (WHATWG): a relative or mistyped address would send
/// participants nowhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SignUpAddress(pub String);

impl<'de> Deserialize<'de> for SignUpAddress {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let parsed = url::Url::parse(text.trim())
            .ok()
            .filter(|u| match u.scheme() {
                "https" | "http" => u.host().is_some(),
                "mailto" => u.path().contains('@'),
                _ => false,
            });
        match parsed {
            Some(_) => Ok(SignUpAddress(text.trim().to_owned())),
            None => Err(de::Error::custom(format!(
                "`{text}` is not a web or e-mail address to sign up at: write it in full, such \
                 as \"https://example.org/tilmelding\" or \"mailto:kursus@example.org\""
            ))),
        }
    }
}

/// How to sign up for a programme or a session (`registration = { url, deadline, note }`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    pub url: SignUpAddress,
    /// The last day to sign up on, included.
    pub deadline: Option<Date>,
    pub note: Option<String>,
}

/// The site's home introduction (`content/_index.<lang>.md`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeFront {
    pub title: Option<String>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFront {
    #[serde(default, rename = "kind")]
    pub _kind: Option<Kind>,
    pub title: String,
    pub summary: Option<String>,
    pub first_day: Option<Date>,
    pub last_day: Option<Date>,
    pub venue: Option<String>,
    pub timezone: Option<String>,
    #[serde(default)]
    pub organisers: Vec<String>,
    pub contact: Option<Contact>,
    pub practical: Option<Practical>,
    pub registration: Option<Registration>,
    pub notice: Option<String>,
    pub order: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practical {
    pub note: Option<String>,
    pub price: Option<Price>,
    pub capacity: Option<Capacity>,
    #[serde(default)]
    pub rounds: Vec<Round>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub amount: f64,
    /// ISO 4217 code, e.g. `DKK`.
    pub currency: String,
    #[serde(default)]
    pub includes: Vec<String>,
    #[serde(default)]
    pub excludes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub unit: Option<String>,
}

/// One run of a course that is held several times.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub label: Option<String>,
    pub first_day: Date,
    pub last_day: Option<Date>,
    pub venue: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeFront {
    #[serde(default, rename = "kind")]
    pub _kind: Option<Kind>,
    pub title: String,
    pub summary: Option<String>,
    pub order: Option<i64>,
    /// The track's colour in conference apps (the default language's counts).
    pub colour: Option<Colour>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Confirmed,
    Tentative,
    Cancelled,
    Moved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Keynote,
    Talk,
    Seminar,
    Debate,
    Panel,
    Workshop,
    Meeting,
    Break,
    Social,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionFront {
    #[serde(default, rename = "kind")]
    pub _kind: Option<Kind>,
    pub title: String,
    pub summary: Option<String>,
    pub date: Option<Date>,
    pub start: Option<Time>,
    pub end: Option<Time>,
    pub room: Option<String>,
    pub venue: Option<String>,
    pub format: Option<Format>,
    #[serde(default)]
    pub speakers: Vec<SpeakerEntry>,
    pub moderator: Option<SpeakerEntry>,
    pub status: Option<Status>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The language the session is held in.
    pub language: Option<String>,
    /// A theme (folder name) of the programme, for sessions outside their theme's folder.
    pub theme: Option<String>,
    pub order: Option<i64>,
    /// What changed and when, newest or oldest first: the change feed's entries, and the
    /// calendar's `SEQUENCE` (moves and cancellations) and `DTSTAMP` (the newest date).
    #[serde(default)]
    pub changes: Vec<Change>,
    pub registration: Option<Registration>,
}

/// One change of a session, as the organiser records it (`[[changes]]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub date: Date,
    pub what: ChangeKind,
    /// What changed, in the page's language (shown in the change feed).
    pub note: Option<String>,
}

impl Change {
    /// The order in which changes are listed, on pages and in the feed: newest first; on one
    /// day the later-listed (`n`: its place in its list) first.
    pub fn newer_first((a_n, a): (usize, &Change), (b_n, b): (usize, &Change)) -> Ordering {
        b.date.cmp(&a.date).then(b_n.cmp(&a_n))
    }
}

/// The kinds of change participants follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// The session was added to the programme.
    Added,
    /// Its date, time, room or place changed.
    Moved,
    Cancelled,
    /// A speaker confirmed.
    SpeakerConfirmed,
    /// Anything else worth telling (text, speakers).
    Updated,
}

impl ChangeKind {
    /// Whether calendar apps must replace the event they have: its time or place changed,
    /// or it was cancelled (RFC 5545 3.8.7.4, `SEQUENCE`).
    pub fn is_significant(self) -> bool {
        matches!(self, ChangeKind::Moved | ChangeKind::Cancelled)
    }

    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Moved => "moved",
            ChangeKind::Cancelled => "cancelled",
            ChangeKind::SpeakerConfirmed => "speaker-confirmed",
            ChangeKind::Updated => "updated",
        }
    }
}

/// A speaker of a session: a reference to a speaker page, or the person given inline.
#[derive(Debug, Clone, PartialEq)]
pub enum SpeakerEntry {
    Reference {
        id: String,
        confirmed: Option<bool>,
    },
    Inline {
        name: String,
        role: Option<String>,
        organisation: Option<String>,
        confirmed: Option<bool>,
    },
}

impl SpeakerEntry {
    pub fn confirmed(&self) -> bool {
        match self {
            SpeakerEntry::Reference { confirmed, .. } | SpeakerEntry::Inline { confirmed, .. } => {
                confirmed.unwrap_or(true)
            }
        }
    }
}

/// Both shapes in one table type, so that serde reports unknown keys with their span.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeakerTable {
    id: Option<String>,
    name: Option<String>,
    role: Option<String>,
    organisation: Option<String>,
    confirmed: Option<bool>,
}

impl<'de> Deserialize<'de> for SpeakerEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = SpeakerEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a speaker page id such as \"bjarne-corydon\", or a table with `name`")
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<SpeakerEntry, E> {
                Ok(SpeakerEntry::Reference {
                    id: id.to_owned(),
                    confirmed: None,
                })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<SpeakerEntry, A::Error> {
                let table = SpeakerTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (table.id, table.name) {
                    (Some(id), None) if table.role.is_none() && table.organisation.is_none() => {
                        Ok(SpeakerEntry::Reference {
                            id,
                            confirmed: table.confirmed,
                        })
                    }
                    (None, Some(name)) => Ok(SpeakerEntry::Inline {
                        name,
                        role: table.role,
                        organisation: table.organisation,
                        confirmed: table.confirmed,
                    }),
                    (Some(_), _) => Err(de::Error::custom(
                        "a speaker given by `id` takes only `confirmed`; name, role and \
                         organisation come from the speaker page",
                    )),
                    (None, None) => Err(de::Error::custom(
                        "a speaker needs `name` (given inline) or `id` (a speaker page)",
                    )),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A speaker page without `kind` in a folder read as sessions gets "unknown field `name`"
/// for each of its fields: one error saying what the page lacks replaces them.
pub fn speaker_without_kind(
    file: &crate::load::SourceFile,
    problems: Vec<crate::diagnostic::Diagnostic>,
) -> Vec<crate::diagnostic::Diagnostic> {
    const SPEAKER_ONLY: [&str; 5] = ["name", "role", "organisation", "photo", "photo_alt"];
    let unknown = |d: &crate::diagnostic::Diagnostic| {
        d.message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.strip_suffix('`'))
            .filter(|field| SPEAKER_ONLY.contains(field))
            .map(str::to_owned)
    };
    let fields: Vec<String> = problems.iter().filter_map(unknown).collect();
    let only_these = problems
        .iter()
        .all(|d| unknown(d).is_some() || d.message.starts_with("missing field"));
    if file.kind.is_some() || !fields.iter().any(|f| f == "name") || !only_these {
        return problems;
    }
    let Some(first) = problems.into_iter().find(|d| unknown(d).is_some()) else {
        return Vec::new();
    };
    let listed: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    let mut one = first;
    one.message = format!(
        "{} {} of a speaker page, but this page has no `kind`",
        listed.join(", "),
        if listed.len() == 1 {
            "is a field"
        } else {
            "are fields"
        }
    );
    one.hint = Some("add kind = \"speaker\" to its front matter".to_owned());
    vec![one]
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerFront {
    #[serde(default, rename = "kind")]
    pub _kind: Option<Kind>,
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    /// A file in `static/`.
    pub photo: Option<String>,
    pub photo_alt: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    #[serde(default, rename = "kind")]
    pub _kind: Option<Kind>,
    pub title: String,
    pub summary: Option<String>,
    pub order: Option<i64>,
    /// Makes the page the site's accessibility statement (Danish "tilgængelighedserklæring",
    /// Swedish "tillgänglighetsredogörelse"), which public bodies must publish and update.
    pub accessibility: Option<AccessibilityStatement>,
}

/// What an accessibility statement says under the EU Web Accessibility Directive
/// (2016/2102) and its model statement: how far the site complies, what is not accessible,
/// how the statement was made and when, whom to tell, and where to complain.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityStatement {
    pub status: Compliance,
    /// When the statement was last reviewed: at least once a year.
    pub updated: Date,
    /// How the site was assessed ("self-assessment", an audit by whom).
    pub method: Option<String>,
    /// What is not accessible, and why.
    #[serde(default)]
    pub gaps: Vec<String>,
    /// Where to report a barrier or ask for content in another form (an address).
    pub contact: String,
    /// The body to complain to (Digitaliseringsstyrelsen, DIGG, Uu-tilsynet) and how.
    pub complaints: String,
}

/// How far a site complies with EN 301 549 / WCAG 2.1 AA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Compliance {
    Full,
    Partial,
    None,
}

impl Compliance {
    pub fn name(self) -> &'static str {
        match self {
            Compliance::Full => "full",
            Compliance::Partial => "partial",
            Compliance::None => "none",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinutesFront {
    #[serde(default, rename = "kind")]
    pub _kind: Option<Kind>,
    pub title: String,
    pub summary: Option<String>,
    /// An agenda before the meeting, its minutes after; the page keeps its address.
    #[serde(default)]
    pub status: MeetingStatus,
    pub date: Option<Date>,
    /// When the meeting starts, and ends if that is known.
    pub time: Option<Time>,
    pub end: Option<Time>,
    pub place: Option<String>,
    /// When this agenda or these minutes were made public; `check` measures an agenda's
    /// notice from it (from `--today` where not given).
    pub published: Option<Date>,
    /// Who chaired the meeting, was there, sent apologies, took the minutes, was invited.
    pub chair: Option<SpeakerEntry>,
    #[serde(default)]
    pub present: Vec<SpeakerEntry>,
    #[serde(default)]
    pub absent: Vec<SpeakerEntry>,
    pub minute_taker: Option<SpeakerEntry>,
    #[serde(default)]
    pub guests: Vec<SpeakerEntry>,
    /// When the minutes were approved ("justerat"), by whom, and when that was made known.
    pub approved: Option<Approval>,
    #[serde(default)]
    pub items: Vec<AgendaItem>,
}

/// Where a meeting is in its life: its agenda is published before, its minutes after.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingStatus {
    Agenda,
    #[default]
    Minutes,
}

impl MeetingStatus {
    /// As written in the front matter: what templates and messages (`meeting-status-…`) use.
    pub fn name(self) -> &'static str {
        match self {
            MeetingStatus::Agenda => "agenda",
            MeetingStatus::Minutes => "minutes",
        }
    }
}

/// The approval of a meeting's minutes (Swedish "justering"), from whose notice the
/// period of appeal runs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub date: Date,
    #[serde(default)]
    pub by: Vec<SpeakerEntry>,
    /// When the approval was posted on the notice board ("anslagsdatum"), from which the
    /// period of appeal runs: given only where the minutes can be appealed against.
    pub notice: Option<Date>,
}

/// A file attached to an agenda item: a file in `static/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub title: String,
    pub file: String,
}

/// One point on a meeting's agenda, with what was recommended and decided.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub number: u32,
    pub title: String,
    /// The item's anchor on the page (`#camp`), kept when items are renumbered; `item-N`
    /// where not given.
    pub id: Option<String>,
    /// The case (journal) number, e.g. `12/16033`.
    pub case: Option<String>,
    pub presenter: Option<String>,
    /// Treated behind closed doors: published by number and title only.
    #[serde(default)]
    pub closed: bool,
    pub background: Option<String>,
    pub recommendation: Option<String>,
    pub decision: Option<String>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The three texts above as HTML, made when the page is parsed, with their links
    /// resolved and checked as the page's own text's are.
    #[serde(skip)]
    pub background_html: Option<String>,
    #[serde(skip)]
    pub recommendation_html: Option<String>,
    #[serde(skip)]
    pub decision_html: Option<String>,
}

impl AgendaItem {
    /// The item's anchor on its meeting's page.
    pub fn anchor(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => format!("item-{}", self.number),
        }
    }
}

/// The `_index` of a folder of meetings of one body (a committee, a forum, a network's
/// meeting series).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesFront {
    #[serde(default, rename = "kind")]
    pub _kind: Option<Kind>,
    pub title: String,
    pub summary: Option<String>,
    /// How many days before its meeting an agenda is to be published; `check` warns about
    /// a later one.
    pub agenda_days: Option<u32>,
    pub order: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_by_reference_and_inline() {
        let front: SessionFront = toml::from_str(
            r#"
title = "Debat"
date = 2026-01-22
start = 09:30
end = 11:30:00
speakers = [
  "bjarne-corydon",
  { id = "heidi-bank", confirmed = false },
  { name = "Birgitte Vind", role = "Ordfører", organisation = "Folketinget" },
]
"#,
        )
        .unwrap();
        assert_eq!(front.speakers.len(), 3);
        assert!(front.speakers[0].confirmed());
        assert!(!front.speakers[1].confirmed());
        assert!(
            matches!(&front.speakers[2], SpeakerEntry::Inline { name, .. } if name == "Birgitte Vind")
        );
        assert_eq!(front.start.unwrap().0, civil::time(9, 30, 0, 0));
        assert_eq!(front.end.unwrap().0, civil::time(11, 30, 0, 0));
    }

    #[test]
    fn wrong_types_are_named() {
        let err =
            toml::from_str::<SessionFront>("title = \"x\"\ndate = \"22-01-2026\"\n").unwrap_err();
        assert!(err.message().contains("without quotes"), "{err}");
        assert_eq!(err.span(), Some(19..31));
        let err =
            toml::from_str::<SessionFront>("title = \"x\"\nstatus = \"canceled\"\n").unwrap_err();
        assert!(
            err.message().contains("unknown variant `canceled`"),
            "{err}"
        );
        let err = toml::from_str::<SessionFront>("title = \"x\"\nspeakers = [{ nmae = \"A\" }]\n")
            .unwrap_err();
        assert!(err.message().contains("unknown field `nmae`"), "{err}");
    }
}
