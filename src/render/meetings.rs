//! The views of meetings: an agenda or minutes page, and a series' index of its meetings.

use jiff::civil::Weekday;

use super::views::*;
use super::{Job, Renderer};
use crate::front_matter::{AgendaItem, Attachment, Date, MeetingStatus, MinutesFront};
use crate::model::Translation;
use crate::urls::Urls;

/// The period of appeal against a municipal decision in Sweden (kommunallagen 13:5):
/// three weeks from the day the approval of the minutes was posted.
const APPEAL_DAYS: i64 = 21;

impl<'a> Renderer<'a> {
    pub(super) fn minutes_view(&self, i: usize, v: &ViewBuilder<'a>) -> MinutesView {
        let m = self.model;
        let t = m.minutes[i].rendered_in(v.lang);
        let f = &t.front;
        let series = m.series_of_meeting(i).and_then(|s| {
            let entry = &m.series[s];
            v.pick(entry)
                .map(|st| v.link_to(st, &entry.key, &st.front.title))
        });
        let people = |list: &[crate::front_matter::SpeakerEntry]| -> Vec<SpeakerView> {
            list.iter().map(|e| v.speaker(e)).collect()
        };
        MinutesView {
            title: f.title.clone(),
            summary: f.summary.clone(),
            status: f.status.name(),
            series,
            date_text: v.date_text(f.date),
            time_text: v.time_text(f.time),
            place: f.place.clone(),
            published_text: f.published.map(|d| v.locale.long_date(d)),
            chair: f.chair.as_ref().map(|e| v.speaker(e)),
            present: people(&f.present),
            absent: people(&f.absent),
            minute_taker: f.minute_taker.as_ref().map(|e| v.speaker(e)),
            guests: people(&f.guests),
            approved: f.approved.as_ref().map(|a| {
                // The period of appeal runs from a notice posted: without one, none is shown.
                let notice = a.notice.map(|n| (n, appeal_until(n)));
                ApprovalView {
                    date_text: v.locale.long_date(a.date),
                    by: people(&a.by),
                    notice_date_text: notice.map(|(n, _)| v.locale.long_date(n)),
                    appeal_until_text: notice.map(|(_, until)| v.locale.long_date(until)),
                    appeal_until: notice.map(|(_, until)| until.0.to_string()),
                }
            }),
            body_html: t.body_html().to_owned(),
            items: (f.items.iter())
                .map(|item| self.item_view(i, t, item, v))
                .collect(),
        }
    }

    fn item_view(
        &self,
        meeting: usize,
        t: &Translation<MinutesFront>,
        item: &AgendaItem,
        v: &ViewBuilder<'a>,
    ) -> AgendaItemView {
        let open = !item.closed;
        let minutes = t.front.status == MeetingStatus::Minutes;
        AgendaItemView {
            number: item.number,
            anchor: item.anchor(),
            title: item.title.clone(),
            case: item.case.clone(),
            presenter: item.presenter.clone().filter(|_| open),
            closed: item.closed,
            background_html: item.background_html.clone().filter(|_| open),
            recommendation_html: item.recommendation_html.clone().filter(|_| open),
            decision_html: (item.decision_html.clone()).filter(|_| open && minutes),
            attachments: if open {
                (item.attachments.iter())
                    .map(|a| self.attachment_view(a, v))
                    .collect()
            } else {
                Vec::new()
            },
            case_history: match &item.case {
                Some(case) => self.case_history(meeting, item, case, v),
                None => Vec::new(),
            },
        }
    }

    fn attachment_view(&self, a: &Attachment, v: &ViewBuilder<'a>) -> AttachmentView {
        let path = a.file.trim_start_matches('/');
        let size = self.static_size(path).unwrap_or(0);
        let file_type = (path.rsplit_once('.'))
            .map(|(_, ext)| ext.to_uppercase())
            .unwrap_or_default();
        AttachmentView {
            title: a.title.clone(),
            url: self.urls.file(&v.from, path),
            file_type,
            size_text: size_text(v, size),
        }
    }

    /// Every item of any meeting with case number `case`, by meeting date: the case's way
    /// through the body's meetings. Read from every meeting, so that a meeting that takes
    /// the case up later shows on the pages of the earlier ones.
    fn case_history(
        &self,
        meeting: usize,
        this: &AgendaItem,
        case: &str,
        v: &ViewBuilder<'a>,
    ) -> Vec<CaseStepView> {
        let m = self.model;
        let mut steps: Vec<(Option<Date>, &str, CaseStepView)> = Vec::new();
        for (j, entry) in m.minutes.iter().enumerate() {
            let Some(other) = entry.pick(v.lang, v.config, true) else {
                continue;
            };
            for item in &other.front.items {
                if item.case.as_deref() != Some(case) {
                    continue;
                }
                let current = j == meeting && item.number == this.number;
                let page = Urls::page(&other.lang, &entry.key);
                steps.push((
                    other.front.date,
                    entry.key.as_str(),
                    CaseStepView {
                        title: other.front.title.clone(),
                        url: (!current).then(|| {
                            format!("{}#{}", self.urls.link(&v.from, &page), item.anchor())
                        }),
                        lang: v.other_lang(other),
                        date_text: other.front.date.map(|d| v.locale.long_date(d)),
                        number: item.number,
                        current,
                    },
                ));
            }
        }
        if steps.len() < 2 {
            return Vec::new();
        }
        steps.sort_by(|a, b| (a.0, a.1, a.2.number).cmp(&(b.0, b.1, b.2.number)));
        steps.into_iter().map(|(_, _, step)| step).collect()
    }

    /// The size of static file `path`, read as a fact of the page that shows it: a file
    /// replaced under `serve` renders the page again.
    fn static_size(&self, path: &str) -> Option<u64> {
        crate::reads::note(crate::reads::static_file(path));
        self.theme.static_facts(path).map(|facts| facts.size)
    }

    pub(super) fn series_view(&self, i: usize, v: &ViewBuilder<'a>) -> SeriesView {
        let m = self.model;
        let t = m.series[i].rendered_in(v.lang);
        let mut years: Vec<MeetingYear> = Vec::new();
        let mut undated = Vec::new();
        // The model keeps meetings newest first.
        for j in m.meetings_in(i) {
            let entry = &m.minutes[j];
            let Some(mt) = v.pick(entry) else { continue };
            let card = meeting_card(v, mt, &entry.key);
            match mt.front.date {
                Some(date) => {
                    let year = date.0.year().to_string();
                    match years.last_mut() {
                        Some(last) if last.year == year => last.meetings.push(card),
                        _ => years.push(MeetingYear {
                            year,
                            meetings: vec![card],
                        }),
                    }
                }
                None => undated.push(card),
            }
        }
        SeriesView {
            title: t.front.title.clone(),
            summary: t.front.summary.clone(),
            body_html: t.body_html().to_owned(),
            years,
            undated,
        }
    }

    /// Where the language switcher goes from a meeting without a translation: its series.
    pub(super) fn meeting_parent(&self, i: usize, lang: &'a str) -> Job<'a> {
        match self.model.series_of_meeting(i) {
            Some(s) => Job::Series(s, lang),
            None => Job::Home(lang),
        }
    }
}

pub(super) fn meeting_card(
    v: &ViewBuilder,
    t: &Translation<MinutesFront>,
    key: &str,
) -> MeetingCard {
    MeetingCard {
        link: v.link_to(t, key, &t.front.title),
        date_text: t.front.date.map(|d| v.locale.long_date(d)),
        status: t.front.status.name(),
    }
}

/// The last day of the period of appeal from a notice posted on `notice`: three weeks
/// later, or the Monday after when that is a Saturday or Sunday (lag 1930:173). Public
/// holidays are not known here and are not skipped.
pub fn appeal_until(notice: Date) -> Date {
    let mut day = notice
        .0
        .checked_add(jiff::Span::new().days(APPEAL_DAYS))
        .unwrap_or(notice.0);
    while matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
        day = day.tomorrow().unwrap_or(day);
    }
    Date(day)
}

/// "2,4 kB", "240 kB", "1,2 MB": decimal units, to two significant figures below 10 and
/// whole numbers above, the number as the reader's language writes it; never "0 kB".
fn size_text(v: &ViewBuilder, bytes: u64) -> String {
    let in_units = |unit: f64| {
        let value = bytes as f64 / unit;
        if value < 10.0 {
            (value * 10.0).round().max(1.0) / 10.0
        } else {
            value.round()
        }
    };
    let (key, value) = if bytes < 999_500 {
        ("file-size-kb", in_units(1000.0))
    } else {
        ("file-size-mb", in_units(1_000_000.0))
    };
    let mut args = fluent::FluentArgs::new();
    args.set("size", v.locale.number_to(value, 1));
    v.locale.message(key, Some(&args)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_appeal_period_ends_three_weeks_after_the_notice_on_a_working_day() {
        // Posted on a Tuesday: the Tuesday three weeks later.
        assert_eq!(appeal_until(Date(date(2026, 3, 3))).0, date(2026, 3, 24));
        // Posted on a Saturday: three weeks is a Saturday, so the Monday after.
        assert_eq!(appeal_until(Date(date(2026, 3, 7))).0, date(2026, 3, 30));
    }
}
