//! Validate stage: checks that need the whole linked model (dates, zones, languages, paths).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rayon::prelude::*;

mod meetings;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::front_matter::{Date, Kind, SessionFront, Status, Time};
use crate::load::{SourceFile, Sources};
use crate::markdown::LinkTarget;
use crate::model::{Entry, Model, Translation, at_field};
use crate::theme::StaticFacts;

/// Every problem found; empty when the model can be rendered.
pub fn validate(
    model: &Model,
    config: &Config,
    static_file: &(dyn Fn(&str) -> Option<StaticFacts> + Sync),
) -> Vec<Diagnostic> {
    let validation = Validation::new(model, config, static_file);
    let problems: Vec<Vec<Diagnostic>> = (validation.checks().par_iter())
        .map(|&check| validation.run(check))
        .collect();
    problems.concat()
}

/// One unit of validation: one programme or session on its own, or one check across
/// entries. Each is a function of what it reads of the model, so that `serve` can keep a
/// unit's problems while nothing it read changed ([`crate::live`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// Programme `i` of the model on its own.
    Programme(usize),
    /// Session `i` on its own and within its programme's days.
    Session(usize),
    /// Meeting `i` (an agenda or minutes) on its own.
    Meeting(usize),
    /// The links of an entry's text: the home page's (`None`) or that of a page of `Kind`.
    Links(Option<(Kind, usize)>),
    /// One check that needs many entries at once.
    Across(Across),
}

/// The checks across entries, in the order their problems are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Across {
    RoomsBookedTwice,
    PeopleBookedTwice,
    NamesOfTwoSpeakerPages,
    Photos,
    DuplicatePaths,
}

/// A model to validate, with what every check needs of the site.
pub struct Validation<'m> {
    model: &'m Model,
    config: &'m Config,
    static_file: &'m (dyn Fn(&str) -> Option<StaticFacts> + Sync),
    /// Each programme's zone, looked up once: a lookup reads the zone's rules.
    zones: Vec<Option<jiff::tz::TimeZone>>,
}

impl<'m> Validation<'m> {
    pub fn new(
        model: &'m Model,
        config: &'m Config,
        static_file: &'m (dyn Fn(&str) -> Option<StaticFacts> + Sync),
    ) -> Validation<'m> {
        let zones = (model.programmes.unrecorded().iter())
            .map(|p| jiff::tz::TimeZone::get(p.timezone()).ok())
            .collect();
        Validation {
            model,
            config,
            static_file,
            zones,
        }
    }

    /// Every check of the model, in the order of their problems.
    pub fn checks(&self) -> Vec<Check> {
        let model = self.model;
        use Across as A;
        (0..model.programmes.unrecorded().len())
            .map(Check::Programme)
            .chain((0..model.sessions.unrecorded().len()).map(Check::Session))
            .chain((0..model.minutes.unrecorded().len()).map(Check::Meeting))
            .chain(
                [
                    A::RoomsBookedTwice,
                    A::PeopleBookedTwice,
                    A::NamesOfTwoSpeakerPages,
                    A::Photos,
                    A::DuplicatePaths,
                ]
                .map(Check::Across),
            )
            .chain(every_entry(model).map(Check::Links))
            .collect()
    }

    /// The problems `check` finds.
    pub fn run(&self, check: Check) -> Vec<Diagnostic> {
        let (model, config) = (self.model, self.config);
        let mut problems = Vec::new();
        match check {
            Check::Programme(p) => programme_alone(model, p, &mut problems),
            Check::Session(s) => {
                let programme = model.sessions[s].programme();
                // Read, so that a zone changed is seen; looked up once, in `zones`.
                _ = model.programmes[programme].timezone();
                let zone = self.zones[programme].as_ref();
                session_alone(model, config, s, zone, &mut problems);
                session_in_programme_days(model, config, s, &mut problems);
            }
            Check::Meeting(i) => meetings::meeting(model, i, self.static_file, &mut problems),
            Check::Links(at) => links(model, at, self.static_file, &mut problems),
            Check::Across(across) => match across {
                Across::RoomsBookedTwice => rooms_booked_twice(model, config, &mut problems),
                Across::PeopleBookedTwice => people_booked_twice(model, config, &mut problems),
                Across::NamesOfTwoSpeakerPages => names_of_two_speaker_pages(model, &mut problems),
                Across::Photos => photos(model, self.static_file, &mut problems),
                Across::DuplicatePaths => duplicate_paths(model, config, &mut problems),
            },
        }
        problems
    }
}

/// Problems of programme `p`'s pages on their own.
fn programme_alone(model: &Model, p: usize, problems: &mut Vec<Diagnostic>) {
    for t in model.programmes[p].entry().translations() {
        let f = &t.front;
        if let (Some(first), Some(last)) = (f.first_day, f.last_day)
            && last < first
        {
            problems.push(at_field(
                t.file(),
                "last_day",
                "the last day is before the first day",
            ));
        }
        if let Some(zone) = &f.timezone
            && jiff::tz::TimeZone::get(zone).is_err()
        {
            problems.push(
                at_field(t.file(), "timezone", &format!("unknown time zone `{zone}`"))
                    .with_hint("use an IANA name such as `Europe/Stockholm`"),
            );
        }
        let last = f.last_day.or(f.first_day);
        if let (Some(deadline), Some(last)) =
            (f.registration.as_ref().and_then(|r| r.deadline), last)
            && deadline > last
        {
            problems.push(deadline_after(
                t.file(),
                deadline,
                last,
                "the programme ends",
            ));
        }
        for round in f.practical.iter().flat_map(|p| &p.rounds) {
            if round.last_day.is_some_and(|last| last < round.first_day) {
                problems.push(at_field(
                    t.file(),
                    "last_day",
                    "a round ends before it starts",
                ));
            }
        }
    }
}

/// A registration that closes after the event it is for: a typo in the deadline's date
/// (most often its year), which would keep the sign-up link open after the event.
fn deadline_after(file: &SourceFile, deadline: Date, last: Date, ends: &str) -> Diagnostic {
    at_field(
        file,
        "deadline",
        &format!(
            "registration closes on {}, after {ends} ({})",
            deadline.0, last.0
        ),
    )
    .with_hint("correct the deadline: it is the last day to sign up on")
}

/// The latest end before the start that is read as the next morning (an evening that runs
/// past midnight, 19:00–01:00); a later one (14:00–13:00) is taken for a mistake.
const NEXT_MORNING: jiff::civil::Time = jiff::civil::Time::constant(6, 0, 0, 0);

/// How far into its own day a session runs, for overlaps: to the end of the day if it
/// ends the next morning (the morning after is not compared). An end before the start that
/// is no morning is reported at the session, not again as an overlap.
fn end_on_its_day(start: Time, end: Time) -> Time {
    if end < start && end.0 <= NEXT_MORNING {
        Time(jiff::civil::Time::MAX)
    } else {
        end
    }
}

/// Problems of session `s` on its own: times and language, local times the programme's
/// zone skips or repeats, translations that disagree on when and where.
/// `zone` is the programme's, `None` if unknown (which is reported at the programme).
fn session_alone(
    model: &Model,
    config: &Config,
    s: usize,
    zone: Option<&jiff::tz::TimeZone>,
    problems: &mut Vec<Diagnostic>,
) {
    let session = &model.sessions[s];
    let primary = session.entry().primary(config);
    for t in session.entry().translations() {
        let f = &t.front;
        if let (Some(deadline), Some(date)) =
            (f.registration.as_ref().and_then(|r| r.deadline), f.date)
            && deadline > date
        {
            problems.push(deadline_after(t.file(), deadline, date, "the session"));
        }
        if let (Some(zone), Some(date)) = (zone, f.date) {
            let name = &model.programmes[session.programme()].timezone();
            for (field, time) in [("start", f.start), ("end", f.end)] {
                if let Some(time) = time {
                    local_time(t, field, date, time, zone, name, problems);
                }
            }
        }
        if !std::ptr::eq(t, primary) {
            translations_agree(t, primary, problems);
        }
        // Two inline people of one name in one session would be merged into one person.
        let mut named = std::collections::BTreeSet::new();
        for entry in f.speakers.iter().chain(&f.moderator) {
            if let crate::front_matter::SpeakerEntry::Inline { name, .. } = entry
                && !named.insert(crate::model::name_key(name))
            {
                problems.push(
                    at_field(t.file(), &format!("name = \"{name}\""), &format!("`{name}` is given twice in this session"))
                        .with_hint("give each person once, as speaker or moderator; two people of one name need a speaker page each, referred to by `id`"),
                );
            }
        }
        if let (Some(start), Some(end)) = (f.start, f.end)
            && end < start
            && end.0 > NEXT_MORNING
        {
            problems.push(
                at_field(t.file(), "end", "the session ends before it starts")
                    .with_hint("an end before the start is read as the next morning only up to 06:00 (an evening past midnight); check the times"),
            );
        }
        if f.end.is_some() && f.start.is_none() {
            problems.push(at_field(
                t.file(),
                "end",
                "the session has an end but no start",
            ));
        }
        if let Some(code) = &f.language
            && config.language(code).is_none()
        {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            problems.push(
                at_field(
                    t.file(),
                    "language",
                    &format!("`{code}` is not a language of this site"),
                )
                .with_hint(format!(
                    "the languages in config.toml are: {}",
                    codes.join(", ")
                )),
            );
        }
    }
}

/// A local time the zone skips (an error: there is no such time) or repeats (a warning:
/// it happens twice; samling takes the first, as the exports' "compatible" conversion does).
fn local_time(
    t: &Translation<SessionFront>,
    field: &str,
    date: Date,
    time: Time,
    zone: &jiff::tz::TimeZone,
    zone_name: &str,
    problems: &mut Vec<Diagnostic>,
) {
    if let Some(clock) = clock_problem(date.0, time.0, zone, zone_name) {
        let d = at_field(t.file(), field, &clock.message).with_hint(clock.hint);
        problems.push(if clock.skipped { d } else { d.warning() });
    }
}

/// What is wrong with a local time in a zone, if anything.
pub(crate) struct ClockProblem {
    /// The clocks skip the time (else they show it twice).
    pub skipped: bool,
    pub message: String,
    pub hint: &'static str,
}

/// A local time the zone skips or repeats on `date`, with the change of the clocks named.
pub(crate) fn clock_problem(
    date: jiff::civil::Date,
    time: jiff::civil::Time,
    zone: &jiff::tz::TimeZone,
    zone_name: &str,
) -> Option<ClockProblem> {
    use jiff::tz::AmbiguousOffset;
    let at = date.to_datetime(time);
    let hm = |dt: jiff::civil::DateTime| dt.time().strftime("%H:%M").to_string();
    let offset = |o: jiff::tz::Offset| {
        let s = o.seconds();
        let sign = if s < 0 { '-' } else { '+' };
        format!("{sign}{:02}:{:02}", s.abs() / 3600, s.abs() % 3600 / 60)
    };
    // The wall-clock times just before and after the change, read at its instant.
    let change = |before: jiff::tz::Offset, after: jiff::tz::Offset| {
        let after_ts = after.to_timestamp(at).ok()?;
        let before_ts = before.to_timestamp(at).ok()?;
        let from = after_ts.min(before_ts);
        let transition = zone
            .following(from.checked_sub(jiff::SignedDuration::from_secs(1)).ok()?)
            .next()?;
        let instant = transition.timestamp();
        Some((
            hm(before.to_datetime(instant)),
            hm(after.to_datetime(instant)),
        ))
    };
    match zone.to_ambiguous_zoned(at).offset() {
        AmbiguousOffset::Unambiguous { .. } => None,
        AmbiguousOffset::Gap { before, after } => {
            let clocks = change(before, after)
                .map(|(from, to)| format!(": the clocks go from {from} to {to}"))
                .unwrap_or_default();
            Some(ClockProblem {
                skipped: true,
                message: format!("{} does not exist on {date} in {zone_name}{clocks}", hm(at)),
                hint: "give a time before or after the skipped hour, as the clocks show it that day",
            })
        }
        AmbiguousOffset::Fold { before, after } => {
            let clocks = change(before, after)
                .map(|(from, to)| format!(" (the clocks go back from {from} to {to})"))
                .unwrap_or_default();
            Some(ClockProblem {
                skipped: false,
                message: format!(
                    "{} happens twice on {date} in {zone_name}{clocks}: at {} and at {}; samling uses the first ({})",
                    hm(at),
                    offset(before),
                    offset(after),
                    offset(before)
                ),
                hint: "say on the page which one is meant, or give a time outside the repeated hour",
            })
        }
    }
}

/// A translation must give the same date, times, room and status as the session's primary
/// translation: one event may not have two times (or places) depending on the language.
fn translations_agree(
    t: &Translation<SessionFront>,
    primary: &Translation<SessionFront>,
    problems: &mut Vec<Diagnostic>,
) {
    let (f, p) = (&t.front, &primary.front);
    // Times agree to the minute. Compared before anything is written out: `serve` checks
    // every translation after every edit (20,000 at 10,000 sessions).
    let minute = |x: &Option<Time>| x.map(|x| (x.0.hour(), x.0.minute()));
    if f.date == p.date
        && minute(&f.start) == minute(&p.start)
        && minute(&f.end) == minute(&p.end)
        && f.room.is_some() == p.room.is_some()
        && f.status == p.status
    {
        return;
    }
    let date = |d: &Option<Date>| d.map(|d| d.0.to_string());
    let time = |x: &Option<Time>| x.map(|x| x.0.strftime("%H:%M").to_string());
    // A room's name is text readers see and may be translated (the example site's "Mødested:
    // Hovedbanegårdens hovedhal"): only a room given in one language and not in another is
    // a disagreement.
    let room = |r: &Option<String>| r.as_ref().map(|_| String::new());
    let status = |s: &Option<Status>| s.map(|s| format!("{s:?}").to_lowercase());
    let shown = |r: &Option<String>| r.as_ref().map(|r| format!("\"{}\"", r.trim()));
    let fields = [
        (
            "date",
            date(&f.date),
            date(&p.date),
            date(&f.date),
            date(&p.date),
        ),
        (
            "start",
            time(&f.start),
            time(&p.start),
            time(&f.start),
            time(&p.start),
        ),
        (
            "end",
            time(&f.end),
            time(&p.end),
            time(&f.end),
            time(&p.end),
        ),
        (
            "room",
            room(&f.room),
            room(&p.room),
            shown(&f.room),
            shown(&p.room),
        ),
        (
            "status",
            status(&f.status),
            status(&p.status),
            status(&f.status),
            status(&p.status),
        ),
    ];
    for (field, here, there, here_shown, there_shown) in fields {
        if here == there {
            continue;
        }
        let none = || "not given".to_owned();
        problems.push(
            at_field(
                t.file(),
                field,
                &format!(
                    "the translations disagree on `{field}`: {} here, {} in {}",
                    here_shown.unwrap_or_else(none),
                    there_shown.unwrap_or_else(none),
                    primary.file().path.display()
                ),
            )
            .with_hint("date, start, end, room and status are the same in every language: correct one of the files"),
        );
    }
}

/// Speakers' photos that are not in static/.
fn photos(
    model: &Model,
    static_file: &(dyn Fn(&str) -> Option<StaticFacts> + Sync),
    problems: &mut Vec<Diagnostic>,
) {
    for speaker in model.speakers.iter() {
        for t in speaker.entry().translations() {
            if let Some(photo) = &t.front.photo
                && static_file(photo).is_none()
            {
                problems.push(
                    at_field(t.file(), "photo", &format!("no file `{photo}` in static/"))
                        .with_hint("put the photo in the site's static/ folder"),
                );
            }
        }
    }
}

/// Calls `$f` with the entry `$at` ([`Check::Links`]) of the model, of whatever kind (a
/// macro: the entries' front matter types differ, and a closure cannot be generic).
macro_rules! with_entry {
    ($model:expr, $at:expr, $f:expr) => {{
        let model = $model;
        match $at {
            None => {
                if let Some(home) = model.home() {
                    $f(&**home)
                }
            }
            Some((Kind::Programme, i)) => $f(&*model.programmes[i].entry()),
            Some((Kind::Theme, i)) => $f(&*model.themes[i].entry()),
            Some((Kind::Session, i)) => $f(&*model.sessions[i].entry()),
            Some((Kind::Speaker, i)) => $f(&*model.speakers[i].entry()),
            Some((Kind::Page, i)) => $f(&*model.pages[i]),
            Some((Kind::Minutes, i)) => $f(&*model.minutes[i]),
            Some((Kind::Series, i)) => $f(&*model.series[i]),
        }
    }};
}

/// Every entry of the model, for [`Check::Links`]: the home page (`None`), then each kind's
/// in order.
fn every_entry(model: &Model) -> impl Iterator<Item = Option<(Kind, usize)>> {
    let counts = [
        (Kind::Programme, model.programmes.unrecorded().len()),
        (Kind::Theme, model.themes.unrecorded().len()),
        (Kind::Session, model.sessions.unrecorded().len()),
        (Kind::Speaker, model.speakers.unrecorded().len()),
        (Kind::Page, model.pages.unrecorded().len()),
        (Kind::Minutes, model.minutes.unrecorded().len()),
        (Kind::Series, model.series.unrecorded().len()),
    ];
    let home = model.home().is_some().then_some(None);
    home.into_iter().chain(
        counts
            .into_iter()
            .flat_map(|(kind, n)| (0..n).map(move |i| Some((kind, i)))),
    )
}

/// The translations of the page with content key `key`, by language, with the headings of
/// each: `None` if there is no such page.
fn target<'m>(model: &'m Model, key: &str) -> Option<BTreeMap<&'m str, &'m [String]>> {
    fn langs<F>(entry: &Entry<F>) -> BTreeMap<&str, &[String]> {
        (entry.translations().iter())
            .map(|t| (t.lang.as_str(), t.anchors()))
            .collect()
    }
    if key.is_empty() {
        return model.home().map(|home| langs(home));
    }
    let (kind, i) = model.find(key)?;
    Some(match kind {
        Kind::Programme => langs(model.programmes[i].entry()),
        Kind::Theme => langs(model.themes[i].entry()),
        Kind::Session => langs(model.sessions[i].entry()),
        Kind::Speaker => langs(model.speakers[i].entry()),
        Kind::Page => langs(&model.pages[i]),
        Kind::Minutes => langs(&model.minutes[i]),
        Kind::Series => langs(&model.series[i]),
    })
}

/// Every link of an entry's text that points inside the site must find its page, heading
/// or static file: a broken link in a published programme is found by participants
/// otherwise.
fn links(
    model: &Model,
    at: Option<(Kind, usize)>,
    static_file: &dyn Fn(&str) -> Option<StaticFacts>,
    problems: &mut Vec<Diagnostic>,
) {
    fn check<F>(
        entry: &Entry<F>,
        model: &Model,
        static_file: &dyn Fn(&str) -> Option<StaticFacts>,
        problems: &mut Vec<Diagnostic>,
    ) {
        for t in entry.translations() {
            for link in t.links() {
                let span = link.span.clone();
                let at = |message: String| {
                    Diagnostic::at(&t.file().path, &t.file().text, span.clone(), message)
                };
                let headings = |anchors: &[String]| {
                    let shown: Vec<String> =
                        anchors.iter().take(8).map(|a| format!("#{a}")).collect();
                    if shown.is_empty() {
                        "it has no headings".to_owned()
                    } else {
                        format!("its headings: {}", shown.join(", "))
                    }
                };
                match &link.target {
                    LinkTarget::Anchor(anchor) if !t.anchors().contains(anchor) => problems.push(
                        at(format!("this page has no heading `#{anchor}`"))
                            .with_hint(headings(t.anchors())),
                    ),
                    LinkTarget::Anchor(_) => {}
                    LinkTarget::Page { key, lang, anchor } => match target(model, key) {
                        None => problems.push(
                            at(format!("the link points to a page that does not exist: `{key}`"))
                                .with_hint(
                                    // The nearest existing page, not the link again.
                                    match crate::diagnostic::nearest(key, model.keys().filter(|k| !k.is_empty())) {
                                        Some(near) => format!("did you mean `@/{near}.md`? It is the nearest existing page"),
                                        None => format!(
                                            "link to a content file, e.g. `@/{key}.md` for content/{key}.{lang}.md"
                                        ),
                                    },
                                ),
                        ),
                        Some(langs) => match langs.get(lang.as_str()) {
                            None => problems.push(
                                at(format!("the page `{key}` has no translation in `{lang}`"))
                                    .with_hint(format!(
                                        "it exists in: {}; name the language, e.g. `@/{key}.{}.md`",
                                        langs.keys().copied().collect::<Vec<_>>().join(", "),
                                        langs.keys().next().copied().unwrap_or_default()
                                    )),
                            ),
                            Some(anchors) => {
                                if let Some(anchor) = anchor
                                    && !anchors.contains(anchor)
                                {
                                    problems.push(
                                        at(format!("the page `{key}` has no heading `#{anchor}`"))
                                            .with_hint(headings(anchors)),
                                    );
                                }
                            }
                        },
                    },
                    LinkTarget::File(path) if static_file(path).is_none() => problems.push(
                        at(format!("no file `{path}` in static/"))
                            .with_hint("put the file in the site's static/ folder; links to other pages end in .md"),
                    ),
                    LinkTarget::File(_) => {}
                }
            }
        }
    }
    with_entry!(model, at, |entry| check(
        entry,
        model,
        static_file,
        problems
    ));
}

/// Two pages must never be written to the same address.
fn duplicate_paths(model: &Model, config: &Config, problems: &mut Vec<Diagnostic>) {
    fn claim<F>(
        owners: &mut BTreeMap<String, String>,
        entry: &Entry<F>,
        problems: &mut Vec<Diagnostic>,
    ) {
        let file = &entry.translations()[0].file();
        if let Some(other) = owners.insert(entry.key.clone(), file.path.display().to_string()) {
            problems.push(
                Diagnostic::new(
                    &file.path,
                    format!(
                        "another page is written to the same address `{}/`",
                        entry.key
                    ),
                )
                .with_hint(format!("{other} has that address too")),
            );
        }
    }
    let mut owners = BTreeMap::new();
    owners.insert(
        config.speakers_path.trim_matches('/').to_owned(),
        "the speakers index (speakers_path in config.toml)".to_owned(),
    );
    for (path, what) in [
        (crate::render::SEARCH_PATH, "the search page"),
        (
            crate::render::MY_PROGRAMME_PATH,
            "the page \"my programme\"",
        ),
    ] {
        owners.insert(path.to_owned(), what.to_owned());
    }
    for p in &model.pages {
        claim(&mut owners, p, problems);
    }
    for m in &model.minutes {
        claim(&mut owners, m, problems);
    }
    for m in &model.series {
        claim(&mut owners, m, problems);
    }
    for p in model.programmes.iter() {
        owners.insert(
            format!("{}/{}", p.entry().key, crate::render::CHANGES_SEGMENT),
            "the programme's changes page".to_owned(),
        );
    }
    for p in model.programmes.iter() {
        claim(&mut owners, p.entry(), problems);
    }
    // Within a programme's folder, only its changes page can have a theme's or a session's
    // address: files have one each.
    let changes_page = |key: &str| {
        key.rsplit('/').next() == Some(crate::render::CHANGES_SEGMENT) && key.contains('/')
    };
    for t in model.themes.iter().filter(|t| changes_page(&t.entry().key)) {
        claim(&mut owners, t.entry(), problems);
    }
    for s in model
        .sessions
        .iter()
        .filter(|s| changes_page(&s.entry().key))
    {
        claim(&mut owners, s.entry(), problems);
    }
}

/// A session dated outside its programme's first and last day is a typo in one of them.
fn session_in_programme_days(
    model: &Model,
    config: &Config,
    s: usize,
    problems: &mut Vec<Diagnostic>,
) {
    let session = &model.sessions[s];
    let programme = &model.programmes[session.programme()];
    let front = &programme.entry().primary(config).front;
    let Some(first) = front.first_day else {
        return;
    };
    let last = front.last_day.unwrap_or(first);
    if last < first {
        // Reported at the programme: its days are not known.
        return;
    }
    for t in session.entry().translations() {
        let Some(date) = t.front.date else { continue };
        if date < first || date > last {
            let days = if first == last {
                first.0.to_string()
            } else {
                format!("{} to {}", first.0, last.0)
            };
            problems.push(
                at_field(
                    t.file(),
                    "date",
                    &format!(
                        "the session is on {}, outside its programme's days ({days})",
                        date.0
                    ),
                )
                .with_hint(format!(
                    "correct the date, or first_day/last_day in {}",
                    programme.entry().primary(config).file().path.display()
                )),
            );
        }
    }
}

/// Two sessions of one programme in the same room at overlapping times. Cancelled
/// sessions free their room.
fn rooms_booked_twice(model: &Model, config: &Config, problems: &mut Vec<Diagnostic>) {
    let mut rooms: BTreeMap<RoomDay, Vec<Booking>> = BTreeMap::new();
    for s in 0..model.sessions.len() {
        if let Some((room, start, end)) = booking(model, s) {
            rooms.entry(room).or_default().push((start, end, s));
        }
    }
    rooms_booked_twice_in(model, config, rooms, problems);
}

/// A warning for each person (speaker page or inline, as speaker or moderator) in two
/// sessions at overlapping times: by person, each with few sessions, not over all pairs.
/// Times are compared as the clocks show them (one zone, as rooms are).
fn people_booked_twice(model: &Model, config: &Config, problems: &mut Vec<Diagnostic>) {
    let people = model
        .speakers
        .iter()
        .map(|s| (s.entry().primary(config).front.name.as_str(), s.sessions()))
        .chain(
            model
                .inline_speakers
                .iter()
                .map(|p| (p.name(), p.sessions())),
        );
    for (name, sessions) in people {
        // From the sessions' own facts: the translations are read only to report.
        let mut times: Vec<(Date, Time, Time, usize)> = sessions
            .iter()
            .filter_map(|&s| {
                let session = &model.sessions[s];
                if session.status() == Some(Status::Cancelled) {
                    return None;
                }
                let [start, end] = session.times();
                Some((session.date()?, start?, end?, s))
            })
            .collect();
        times.sort_by_key(|a| (a.0, a.1, a.2));
        let mut latest: Option<&(Date, Time, Time, usize)> = None;
        for booking in &times {
            let (date, start, end, s) = booking;
            if let Some((other_date, other_start, other_end, other)) = latest
                && other_date == date
                && *start < end_on_its_day(*other_start, *other_end)
            {
                let time = |x: &Time| x.0.strftime("%H:%M").to_string();
                let t = model.sessions[*s].entry().primary(config);
                let other = model.sessions[*other].entry().primary(config);
                problems.push(
                    at_field(
                        t.file(),
                        "start",
                        &format!(
                            "`{name}` is in two sessions at once: {}–{} here, {}–{} in {}",
                            time(start),
                            time(end),
                            time(other_start),
                            time(other_end),
                            other.file().path.display()
                        ),
                    )
                    .with_hint("check the times, or whether it is the same person")
                    .warning(),
                );
            }
            if latest.is_none_or(|(d, s, e, _)| {
                d != date || end_on_its_day(*start, *end) > end_on_its_day(*s, *e)
            }) {
                latest = Some(booking);
            }
        }
    }
}

/// A name given inline that two speaker pages have (in any language): the session would
/// link to whichever page sorts first, perhaps the wrong person, so it is refused.
fn names_of_two_speaker_pages(model: &Model, problems: &mut Vec<Diagnostic>) {
    let mut pages: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, speaker) in model.speakers.iter().enumerate() {
        for t in speaker.entry().translations() {
            let owners = pages
                .entry(crate::model::name_key(&t.front.name))
                .or_default();
            if !owners.contains(&i) {
                owners.push(i);
            }
        }
    }
    // A name of two pages given inline joins the sessions of the first page of that name
    // ([`Model::person_of`]): only those sessions are read, not every session's text.
    let sessions: BTreeSet<usize> = (pages.values())
        .filter(|owners| owners.len() > 1)
        .flat_map(|owners| model.speakers[owners[0]].sessions().iter().copied())
        .collect();
    for session in sessions.iter().map(|&s| &model.sessions[s]) {
        for t in session.entry().translations() {
            for entry in t.front.speakers.iter().chain(&t.front.moderator) {
                let crate::front_matter::SpeakerEntry::Inline { name, .. } = entry else {
                    continue;
                };
                let Some(owners) = pages.get(&crate::model::name_key(name)) else {
                    continue;
                };
                if owners.len() < 2 {
                    continue;
                }
                let files: Vec<String> = owners
                    .iter()
                    .map(|&i| {
                        model.speakers[i].entry().translations()[0]
                            .file()
                            .path
                            .display()
                            .to_string()
                    })
                    .collect();
                let ids: Vec<String> = owners
                    .iter()
                    .map(|&i| format!("\"{}\"", model.speakers[i].id()))
                    .collect();
                problems.push(
                    at_field(
                        t.file(),
                        &format!("name = \"{name}\""),
                        &format!(
                            "`{name}` is the name of {} speaker pages: {}",
                            owners.len(),
                            files.join(", ")
                        ),
                    )
                    .with_hint(format!(
                        "give the id of the person's page in place of the name: {}",
                        ids.join(" or ")
                    )),
                );
            }
        }
    }
}

/// A room of a programme on a day ("Sal A " and "sal a" are one room).
type RoomDay = (usize, Date, String);
/// A session's time in a room: start, end, the session.
type Booking = (Time, Time, usize);

/// Where and when session `s` keeps a room, if it does: a cancelled session does not. A
/// moved session does: its date and times are those it was moved to (the model keeps no
/// old time; `[[changes]]` only records that it moved). From the session's own facts, the
/// same in every language.
fn booking(model: &Model, s: usize) -> Option<(RoomDay, Time, Time)> {
    let session = &model.sessions[s];
    if session.status() == Some(Status::Cancelled) {
        return None;
    }
    let (Some(room), Some(date), [Some(start), Some(end)]) =
        (session.room(), session.date(), session.times())
    else {
        return None;
    };
    let room = room.trim().to_lowercase();
    Some(((session.programme(), date, room), start, end))
}

/// The bookings of each room that overlap an earlier one.
fn rooms_booked_twice_in(
    model: &Model,
    config: &Config,
    mut rooms: BTreeMap<RoomDay, Vec<Booking>>,
    problems: &mut Vec<Diagnostic>,
) {
    let translation = |s: usize| model.sessions[s].entry().primary(config);
    for bookings in rooms.values_mut() {
        // Of bookings at one time, the file that sorts first is the one kept: its file is
        // read only then.
        bookings.sort_by(|a, b| {
            (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
                translation(a.2)
                    .file()
                    .path
                    .cmp(&translation(b.2).file().path)
            })
        });
        // The booking that ends last so far: a later one starting before that overlaps it.
        let mut latest: Option<&Booking> = None;
        for booking in bookings.iter() {
            let (start, end, s) = booking;
            if let Some((other_start, other_end, other)) = latest
                && *start < end_on_its_day(*other_start, *other_end)
            {
                let time = |x: &Time| x.0.strftime("%H:%M").to_string();
                problems.push(
                    at_field(
                        translation(*s).file(),
                        "room",
                        &format!(
                            "the room is booked twice: {}–{} here, {}–{} in {}",
                            time(start),
                            time(end),
                            time(other_start),
                            time(other_end),
                            translation(*other).file().path.display()
                        ),
                    )
                    .with_hint("give one of the sessions another room or time"),
                );
            }
            if latest.is_none_or(|(other_start, other_end, _)| {
                end_on_its_day(*start, *end) > end_on_its_day(*other_start, *other_end)
            }) {
                latest = Some(booking);
            }
        }
    }
}
/// A page that does not exist in every language of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingTranslation {
    /// One of the page's files, the first in the site's language order.
    pub path: PathBuf,
    /// The page's path inside `content/`, without language.
    pub key: String,
    pub lacks: Vec<String>,
    pub severity: Severity,
}

impl MissingTranslation {
    pub fn diagnostic(&self) -> Diagnostic {
        let d = Diagnostic::new(
            &self.path,
            format!("no translation in {}", self.lacks.join(", ")),
        )
        .with_hint(format!(
            "add {}",
            self.lacks
                .iter()
                .map(|lang| format!("{}.{lang}.md", self.key_stem()))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        match self.severity {
            Severity::Error => d,
            Severity::Warning => d.warning(),
        }
    }

    /// The file name before the language: `_index` or the page's own name.
    fn key_stem(&self) -> &str {
        self.path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(crate::load::split_name)
            .map_or(&self.key, |(stem, _)| stem)
    }
}

/// Every page that lacks some of the site's languages, in file order. From the loaded
/// files, so that it is known even when the content has errors.
pub fn missing_translations(sources: &Sources, config: &Config) -> Vec<MissingTranslation> {
    let groups = sources.groups();
    // A file that could not be read is still there: its language is not missing.
    let failed: Vec<(String, &str)> = sources.failed_pages().collect();
    let severity = if config.require_translations {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut missing: Vec<MissingTranslation> = groups
        .iter()
        .filter_map(|(key, files)| {
            let lacks: Vec<String> = config
                .languages
                .iter()
                .filter(|l| !files.iter().any(|f| f.lang == l.code))
                .filter(|l| !failed.iter().any(|(k, lang)| k == key && *lang == l.code))
                .map(|l| l.code.clone())
                .collect();
            (!lacks.is_empty()).then(|| MissingTranslation {
                path: files[0].path.clone(),
                key: key.clone(),
                lacks,
                severity,
            })
        })
        .collect();
    missing.sort_by(|a, b| a.path.cmp(&b.path));
    missing
}
