//! What templates see: each page of the model, in one language, with every date formatted,
//! every link made relative to the page that shows it, and translations resolved.

use serde::Serialize;

use crate::config::Config;
use crate::front_matter::{Contact, Date, SessionFront, SpeakerEntry, Time};
use crate::locale::Locale;
use crate::model::{Entry, Model, Person, Session, Translation};
use crate::urls::Urls;

/// A link to another page. `lang` is set when the target is not in the reader's language,
/// so the template can mark it ("på svensk") and set `lang`/`hreflang`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct SpeakerView {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub confirmed: bool,
    pub url: Option<String>,
    pub lang: Option<String>,
}

/// Everything a listing shows of a session: also the key of its cached HTML (see
/// [`super::ListingItems`]), so any field a template can show must be in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct SessionSummary {
    /// [`crate::model::Entry::uid`], for the star of "my programme".
    pub uid: String,
    pub title: String,
    pub url: String,
    pub lang: Option<String>,
    pub summary: Option<String>,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub start_text: Option<String>,
    pub end_text: Option<String>,
    pub room: Option<String>,
    pub venue: Option<String>,
    pub format: Option<crate::front_matter::Format>,
    pub status: Option<crate::front_matter::Status>,
    pub speakers: Vec<SpeakerView>,
    pub programme: Option<Link>,
    pub theme: Option<Link>,
    /// The language it is held in, where that is not the page's: a reader of Danish is told
    /// in the listing that a seminar is in Swedish, not only on its page.
    pub held_in_another: Option<HeldIn>,
}

/// Sessions of one day, in time order.
#[derive(Debug)]
pub struct Day {
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub sessions: Vec<SessionSummary>,
    /// The sessions as cached listing items (each summary with its `html`), which the
    /// template sees as `sessions` when set: see [`super::ListingItems`].
    pub items: Option<Vec<tera::Value>>,
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut day = serializer.serialize_struct("Day", 3)?;
        day.serialize_field("date", &self.date)?;
        day.serialize_field("date_text", &self.date_text)?;
        match &self.items {
            // A tera::Value is passed through, not serialised again.
            Some(items) => day.serialize_field("sessions", items)?,
            None => day.serialize_field("sessions", &self.sessions)?,
        }
        day.end()
    }
}

/// A theme as the programme page lists it: a label of its sessions, and a way to its page.
#[derive(Debug, Serialize)]
pub struct ThemeCard {
    pub title: String,
    pub url: String,
    pub lang: Option<String>,
    pub summary: Option<String>,
    pub session_count: usize,
}

/// A listing's days: made for this page, or kept by `serve` as the templates see them.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Listing {
    Days(Vec<Day>),
    Kept(tera::Value),
}

/// Builds views for pages in one language, linking from one page's address.
pub struct ViewBuilder<'a> {
    pub model: &'a Model,
    pub config: &'a Config,
    pub locale: &'a Locale,
    pub urls: &'a Urls,
    pub lang: &'a str,
    /// The address of the page being rendered.
    pub from: String,
}

impl<'a> ViewBuilder<'a> {
    /// The reader's translation of `entry` or, where allowed, another language's.
    pub fn pick<F>(&self, entry: &'a Entry<F>) -> Option<&'a Translation<F>> {
        entry.pick(self.lang, self.config, self.config.list_untranslated)
    }

    /// Whether [`ViewBuilder::pick`] finds a translation.
    pub fn sees<F>(&self, entry: &'a Entry<F>) -> bool {
        entry.can_pick(self.lang, self.config, self.config.list_untranslated)
    }

    pub fn other_lang<F>(&self, t: &Translation<F>) -> Option<String> {
        (t.lang != self.lang).then(|| t.lang.clone())
    }

    pub fn link_to<F>(&self, t: &Translation<F>, key: &str, title: &str) -> Link {
        Link {
            title: title.to_owned(),
            url: self.urls.link(&self.from, &Urls::page(&t.lang, key)),
            lang: self.other_lang(t),
        }
    }

    pub fn date_text(&self, date: Option<Date>) -> Option<String> {
        date.map(|d| self.locale.full_date(d))
    }

    pub fn registration(
        &self,
        r: Option<&crate::front_matter::Registration>,
    ) -> Option<RegistrationView> {
        let r = r?;
        Some(RegistrationView {
            url: r.url.0.clone(),
            deadline: r.deadline.map(|d| d.0.to_string()),
            deadline_text: self.date_text(r.deadline),
            note: r.note.clone(),
        })
    }

    pub fn time_text(&self, time: Option<Time>) -> Option<String> {
        time.map(|t| self.locale.time(t))
    }

    /// "22. oktober 2012" or "18. september 2025 – 21. maj 2026" through the locale.
    pub fn date_range(&self, first: Option<Date>, last: Option<Date>) -> Option<String> {
        let first = first?;
        match last {
            Some(last) if last != first => {
                let mut args = fluent::FluentArgs::new();
                args.set("first", self.locale.long_date(first));
                args.set("last", self.locale.long_date(last));
                self.locale.message("date-range", Some(&args)).ok()
            }
            _ => Some(self.locale.long_date(first)),
        }
    }

    pub fn speaker(&self, entry: &SpeakerEntry) -> SpeakerView {
        match entry {
            SpeakerEntry::Inline {
                name,
                role,
                organisation,
                ..
            } => {
                // The same person as a speaker page of that name, or their own page.
                let (url, lang) =
                    match self.model.person_of(entry) {
                        Some(Person::Page(i)) => {
                            let speaker = &self.model.speakers[i];
                            match speaker.entry().pick(self.lang, self.config, true) {
                                Some(t) => (
                                    Some(self.urls.link(
                                        &self.from,
                                        &Urls::page(&t.lang, &speaker.entry().key),
                                    )),
                                    self.other_lang(t),
                                ),
                                None => (None, None),
                            }
                        }
                        Some(Person::Inline(i)) => {
                            let path = format!(
                                "{}/{}",
                                self.config.speakers_path.trim_matches('/'),
                                self.model.inline_speakers[i].slug()
                            );
                            (
                                Some(self.urls.link(&self.from, &Urls::page(self.lang, &path))),
                                None,
                            )
                        }
                        None => (None, None),
                    };
                SpeakerView {
                    name: name.clone(),
                    role: role.clone(),
                    organisation: organisation.clone(),
                    confirmed: entry.confirmed(),
                    url,
                    lang,
                }
            }
            SpeakerEntry::Reference { id, .. } => {
                // Validation guarantees the page exists.
                let speaker = self
                    .model
                    .speaker_by_id(id)
                    .map(|i| &self.model.speakers[i]);
                let t = speaker.and_then(|s| s.entry().pick(self.lang, self.config, true));
                match (speaker, t) {
                    (Some(speaker), Some(t)) => SpeakerView {
                        name: t.front.name.clone(),
                        role: t.front.role.clone(),
                        organisation: t.front.organisation.clone(),
                        confirmed: entry.confirmed(),
                        url: Some(
                            self.urls
                                .link(&self.from, &Urls::page(&t.lang, &speaker.entry().key)),
                        ),
                        lang: self.other_lang(t),
                    },
                    _ => SpeakerView {
                        name: id.clone(),
                        role: None,
                        organisation: None,
                        confirmed: entry.confirmed(),
                        url: None,
                        lang: None,
                    },
                }
            }
        }
    }

    /// A person given inline, with the role and organisation their first session that a
    /// reader of this language sees gives them.
    pub fn as_first_given(&self, person: &crate::model::InlineSpeaker) -> Option<SpeakerView> {
        let key = crate::model::name_key(person.name());
        person.sessions().iter().find_map(|&s| {
            let t = self.pick(self.model.sessions[s].entry())?;
            let entries = t.front.speakers.iter().chain(&t.front.moderator);
            entries
                .filter(|e| {
                    matches!(e, SpeakerEntry::Inline { name, .. } if crate::model::name_key(name) == key)
                })
                .map(|e| self.speaker(e))
                .next()
        })
    }

    /// The site's language of code `code`, if it is one.
    pub fn held_in(&self, code: Option<&str>) -> Option<HeldIn> {
        let language = self.config.language(code?)?;
        Some(HeldIn {
            code: language.code.clone(),
            native: language.name.clone(),
        })
    }

    pub fn session_summary(&self, index: usize, with_programme: bool) -> Option<SessionSummary> {
        let session = &self.model.sessions[index];
        let t = self.pick(session.entry())?;
        Some(self.summary_of(session, t, with_programme))
    }

    pub fn summary_of(
        &self,
        session: &Session,
        t: &Translation<SessionFront>,
        with_programme: bool,
    ) -> SessionSummary {
        let f = &t.front;
        let programme = &self.model.programmes[session.programme()];
        SessionSummary {
            uid: session.entry().uid().to_string(),
            title: f.title.clone(),
            url: self
                .urls
                .link(&self.from, &Urls::page(&t.lang, &session.entry().key)),
            lang: self.other_lang(t),
            summary: f.summary.clone(),
            date: f.date.map(|d| d.0.to_string()),
            date_text: self.date_text(f.date),
            start_text: self.time_text(f.start),
            end_text: self.time_text(f.end),
            room: f.room.clone(),
            venue: f.venue.clone(),
            format: f.format,
            status: f.status,
            speakers: f.speakers.iter().map(|s| self.speaker(s)).collect(),
            programme: with_programme
                .then(|| self.pick(programme.entry()))
                .flatten()
                .map(|p| self.link_to(p, &programme.entry().key, &p.front.title)),
            held_in_another: self
                .held_in(f.language.as_deref())
                .filter(|h| h.code != self.lang),
            theme: session.theme().and_then(|i| {
                let theme = &self.model.themes[i];
                self.pick(theme.entry())
                    .map(|th| self.link_to(th, &theme.entry().key, &th.front.title))
            }),
        }
    }

    /// Sessions grouped by day, in the order given.
    pub fn days(&self, sessions: &[usize]) -> Vec<Day> {
        let mut days: Vec<Day> = Vec::new();
        for &i in sessions {
            let Some(summary) = self.session_summary(i, false) else {
                continue;
            };
            match days.last_mut() {
                Some(day) if day.date == summary.date => day.sessions.push(summary),
                _ => days.push(Day {
                    date: summary.date.clone(),
                    date_text: summary.date_text.clone(),
                    sessions: vec![summary],
                    items: None,
                }),
            }
        }
        days
    }
}

#[derive(Debug, Serialize)]
pub struct PriceView {
    pub amount_text: String,
    pub currency: String,
    pub includes: Vec<String>,
    pub excludes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RoundView {
    pub label: Option<String>,
    pub dates_text: Option<String>,
    pub venue: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PracticalView {
    pub note: Option<String>,
    pub price: Option<PriceView>,
    pub capacity: Option<crate::front_matter::Capacity>,
    pub rounds: Vec<RoundView>,
}

#[derive(Debug, Serialize)]
pub struct ProgrammeView {
    pub title: String,
    pub summary: Option<String>,
    pub body_html: String,
    pub dates_text: Option<String>,
    pub venue: Option<String>,
    pub timezone: String,
    pub organisers: Vec<String>,
    pub contact: Option<Contact>,
    pub practical: Option<PracticalView>,
    pub registration: Option<RegistrationView>,
    pub notice: Option<String>,
    pub session_count: usize,
    pub has_themes: bool,
    /// Its themes, in theme order; the sessions carry theirs as a label.
    pub themes: Vec<ThemeCard>,
    /// Every session, day by day and in time order: a programme is read by the clock, with
    /// plenaries in their day, not under "other sessions" after the themes.
    pub days: Listing,
    /// The programme's days with a timetable page.
    pub timetable_days: Vec<DayLink>,
    /// Its changes page, and how many changes it lists.
    pub changes_url: String,
    pub change_count: usize,
}

#[derive(Debug, Serialize)]
pub struct ThemeView {
    pub title: String,
    pub summary: Option<String>,
    pub body_html: String,
    pub programme: Link,
    pub session_count: usize,
    pub days: Listing,
}

/// The language a session is held in (its `language`), as its code and its own name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct HeldIn {
    pub code: String,
    pub native: String,
}

#[derive(Debug, Serialize)]
pub struct SessionView {
    #[serde(flatten)]
    pub summary: SessionSummary,
    pub body_html: String,
    pub moderator: Option<SpeakerView>,
    pub tags: Vec<String>,
    pub held_in: Option<HeldIn>,
    pub timezone: String,
    pub previous: Option<Link>,
    pub next: Option<Link>,
    /// The `[[changes]]` of the translation shown, newest first, as the feed has them.
    pub changes: Vec<ChangeView>,
    pub registration: Option<RegistrationView>,
}

/// How to sign up (`registration`): shown with its deadline; past the deadline the page's
/// script says registration has closed (the build does not know the reader's day).
#[derive(Debug, Serialize)]
pub struct RegistrationView {
    pub url: String,
    /// ISO 8601, for `data-deadline` and `<time datetime>`.
    pub deadline: Option<String>,
    pub deadline_text: Option<String>,
    pub note: Option<String>,
}

/// A programme's changes page.
#[derive(Debug, Serialize)]
pub struct ChangesView {
    pub programme: Link,
    /// Newest first.
    pub days: Vec<ChangeDay>,
}

/// The changes made on one day.
#[derive(Debug, Serialize)]
pub struct ChangeDay {
    /// ISO 8601, for `<time datetime>`.
    pub date: String,
    pub date_text: String,
    pub changes: Vec<ProgrammeChange>,
}

/// One change on a programme's changes page: the session it is of, linked.
#[derive(Debug, Serialize)]
pub struct ProgrammeChange {
    pub what: &'static str,
    pub note: Option<String>,
    pub session: Link,
    pub status: Option<crate::front_matter::Status>,
}

/// One recorded change of a session, as its page lists it.
#[derive(Debug, Serialize)]
pub struct ChangeView {
    /// ISO 8601, for `<time datetime>`.
    pub date: String,
    pub date_text: String,
    /// The kind (`moved`), for the message `change-<kind>` and a class.
    pub what: &'static str,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SpeakerPageView {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub photo_url: Option<String>,
    pub photo_alt: Option<String>,
    pub body_html: String,
    pub sessions: Vec<SessionSummary>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct SpeakerListing {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub session_count: usize,
}

#[derive(Debug, Serialize)]
pub struct ProgrammeCard {
    pub title: String,
    pub url: String,
    pub lang: Option<String>,
    pub summary: Option<String>,
    pub dates_text: Option<String>,
    pub venue: Option<String>,
    pub session_count: usize,
}

#[derive(Debug, Serialize)]
pub struct HomeView {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub intro_html: Option<String>,
    pub programmes: Vec<ProgrammeCard>,
    /// Meeting series, and meetings outside any series.
    pub series: Vec<Link>,
    pub minutes: Vec<MeetingCard>,
    pub pages: Vec<Link>,
}

#[derive(Debug, Serialize)]
pub struct AgendaItemView {
    pub number: u32,
    /// Its id on the page: what links to the item point at, kept when items are renumbered.
    pub anchor: String,
    pub title: String,
    pub case: Option<String>,
    pub presenter: Option<String>,
    /// Behind closed doors: the page shows its number and title alone.
    pub closed: bool,
    pub background_html: Option<String>,
    pub recommendation_html: Option<String>,
    /// In minutes only: an agenda is published before anything is decided.
    pub decision_html: Option<String>,
    pub attachments: Vec<AttachmentView>,
    /// The case's way through meetings ("sagens gang"), in date order, this item among them;
    /// empty when no other meeting has the case.
    pub case_history: Vec<CaseStepView>,
}

/// A file attached to an agenda item, with what a reader needs before opening it.
#[derive(Debug, Serialize)]
pub struct AttachmentView {
    pub title: String,
    pub url: String,
    /// "PDF", from the file's name.
    pub file_type: String,
    /// "240 kB", in the reader's language.
    pub size_text: String,
}

/// One meeting at which a case was on the agenda.
#[derive(Debug, Serialize)]
pub struct CaseStepView {
    /// The meeting's title, and a link to the item on its page (none for this item).
    pub title: String,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub date_text: Option<String>,
    pub number: u32,
    pub current: bool,
}

/// The approval of minutes, and the period of appeal that runs from its notice.
#[derive(Debug, Serialize)]
pub struct ApprovalView {
    pub date_text: String,
    pub by: Vec<SpeakerView>,
    /// When the approval was posted, where the minutes can be appealed against.
    pub notice_date_text: Option<String>,
    /// The last day an appeal can reach the authority: three weeks from the notice,
    /// moved past a weekend.
    pub appeal_until_text: Option<String>,
    pub appeal_until: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct MinutesView {
    pub title: String,
    pub summary: Option<String>,
    /// `agenda` or `minutes`.
    pub status: &'static str,
    pub series: Option<Link>,
    pub date_text: Option<String>,
    pub time_text: Option<String>,
    pub place: Option<String>,
    pub published_text: Option<String>,
    pub chair: Option<SpeakerView>,
    pub present: Vec<SpeakerView>,
    pub absent: Vec<SpeakerView>,
    pub minute_taker: Option<SpeakerView>,
    pub guests: Vec<SpeakerView>,
    pub approved: Option<ApprovalView>,
    pub body_html: String,
    pub items: Vec<AgendaItemView>,
}

/// A meeting in a listing: its series' page, the home page.
#[derive(Debug, Serialize)]
pub struct MeetingCard {
    #[serde(flatten)]
    pub link: Link,
    pub date_text: Option<String>,
    pub status: &'static str,
}

/// A year of a series' meetings, newest first.
#[derive(Debug, Serialize)]
pub struct MeetingYear {
    pub year: String,
    pub meetings: Vec<MeetingCard>,
}

#[derive(Debug, Serialize)]
pub struct SeriesView {
    pub title: String,
    pub summary: Option<String>,
    pub body_html: String,
    /// Meetings without a date come last, under no year.
    pub years: Vec<MeetingYear>,
    pub undated: Vec<MeetingCard>,
}

#[derive(Debug, Serialize)]
pub struct FreePageView {
    pub title: String,
    pub summary: Option<String>,
    pub body_html: String,
    pub accessibility: Option<StatementView>,
}

/// An accessibility statement's fields, as its page shows them.
#[derive(Debug, Serialize)]
pub struct StatementView {
    /// `full`, `partial` or `none`.
    pub status: &'static str,
    pub updated_text: String,
    pub updated: String,
    pub method: Option<String>,
    pub gaps: Vec<String>,
    pub contact: String,
    /// A `mailto:` link when the contact is an e-mail address.
    pub contact_url: Option<String>,
    pub complaints: String,
}

/// The search page and "my programme": where the index is, and where to go without JavaScript.
#[derive(Debug, Serialize)]
pub struct ToolPageView {
    pub index_url: String,
    pub speakers_url: Option<String>,
    pub search_url: String,
    pub home_url: String,
    pub my_programme_url: String,
}

/// A day of a programme's timetable, in the day chooser.
#[derive(Debug, Serialize)]
pub struct DayLink {
    pub date: String,
    pub date_text: String,
    pub url: String,
    pub current: bool,
}
