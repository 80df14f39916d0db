//! Checks of a meeting's agenda or minutes on their own: what a closed item must not
//! publish, decisions in an agenda, attachments that are missing or not what their names
//! say, people who have no page, and an approval that cannot be.

use std::collections::BTreeSet;

use crate::diagnostic::{self, Diagnostic};
use crate::front_matter::{AgendaItem, MeetingStatus, MinutesFront, SpeakerEntry};
use crate::load::SourceFile;
use crate::model::{Model, at_field};
use crate::theme::StaticFacts;

/// How files of a type begin: an attachment named `.pdf` that does not is refused, as a
/// reader would open something else than the secretariat meant to publish.
const SIGNATURES: &[(&[&str], &[u8], &str)] = &[
    (&["pdf"], b"%PDF-", "PDF"),
    (
        &["docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"],
        b"PK\x03\x04",
        "ZIP (Office Open XML or OpenDocument)",
    ),
    (
        &["doc", "xls", "ppt"],
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "Microsoft Office 97–2003",
    ),
    (&["png"], b"\x89PNG\r\n\x1A\n", "PNG"),
    (&["jpg", "jpeg"], b"\xFF\xD8\xFF", "JPEG"),
];

pub(super) fn meeting(
    model: &Model,
    i: usize,
    static_file: &(dyn Fn(&str) -> Option<StaticFacts> + Sync),
    problems: &mut Vec<Diagnostic>,
) {
    for t in model.minutes[i].translations() {
        let f = &t.front;
        let file = t.file();
        let mut numbers = BTreeSet::new();
        let mut anchors = BTreeSet::new();
        for item in &f.items {
            let at = |field: &str, message: String| at_item(file, item.number, field, &message);
            if !numbers.insert(item.number) {
                problems.push(
                    at("number", format!("two items are numbered {}", item.number))
                        .with_hint("each item of a meeting has its own number"),
                );
            }
            let anchor = item.anchor();
            if let Some(id) = &item.id
                && !is_anchor(id)
            {
                problems.push(
                    at("id", format!("`{id}` cannot be an item's address")).with_hint(
                        "use lowercase letters, digits and hyphens, e.g. `id = \"camp\"`",
                    ),
                );
            } else if !anchors.insert(anchor.clone())
                || t.anchors().iter().filter(|a| **a == anchor).count() > 1
            {
                problems.push(
                    at(
                        "id",
                        format!(
                            "item {} has the address `#{anchor}`, which the page has already",
                            item.number
                        ),
                    )
                    .with_hint("give the item another `id`"),
                );
            }
            if item.closed {
                closed_item(file, item, problems);
            } else if f.status == MeetingStatus::Agenda && item.decision.is_some() {
                problems.push(
                    at(
                        "decision",
                        format!(
                            "item {} has a decision, but the meeting's status is \"agenda\": the decision is not published",
                            item.number
                        ),
                    )
                    .with_hint("set `status = \"minutes\"` once the meeting has decided")
                    .warning(),
                );
            }
            if !item.closed {
                for a in &item.attachments {
                    attachment(file, item, &a.file, static_file, problems);
                }
            }
        }
        for person in people(f) {
            if let SpeakerEntry::Reference { id, .. } = person
                && model.speaker_by_id(id).is_none()
            {
                let d = at_field(
                    file,
                    &format!("\"{id}\""),
                    &format!("no speaker page `{id}`"),
                );
                let near = diagnostic::nearest(id, model.speakers.iter().map(|s| s.id()));
                problems.push(match near {
                    Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                    None => d.with_hint(format!(
                        "write a page with `kind = \"speaker\"` named `{id}.<lang>.md`, or give the person inline with `name`"
                    )),
                });
            }
        }
        if let Some(approved) = &f.approved {
            if f.status == MeetingStatus::Agenda {
                problems.push(
                    at_field(
                        file,
                        "approved",
                        "an agenda cannot be approved: only minutes are",
                    )
                    .with_hint("set `status = \"minutes\"`, or remove `approved`"),
                );
            } else if let Some(date) = f.date
                && approved.date < date
            {
                problems.push(
                    at_field(
                        file,
                        "approved",
                        &format!(
                            "the minutes are approved on {}, before the meeting on {}",
                            approved.date.0, date.0
                        ),
                    )
                    .with_hint("correct the date of approval or of the meeting"),
                );
            } else if approved.notice.is_some_and(|n| n < approved.date) {
                problems.push(
                    at_field(
                        file,
                        "approved",
                        "the approval is announced before it was made",
                    )
                    .with_hint("`notice` is the day the approval was posted: on or after `date`"),
                );
            }
        }
    }
}

/// Everyone a meeting names by reference or inline.
fn people(f: &MinutesFront) -> impl Iterator<Item = &SpeakerEntry> {
    (f.chair.iter())
        .chain(&f.present)
        .chain(&f.absent)
        .chain(&f.minute_taker)
        .chain(&f.guests)
        .chain(f.approved.iter().flat_map(|a| &a.by))
}

/// A closed item is published by number and title only (the Danish local-government act,
/// § 10): any text in it would be published by mistake, so it is refused.
fn closed_item(file: &SourceFile, item: &AgendaItem, problems: &mut Vec<Diagnostic>) {
    let texts = [
        ("background", item.background.is_some()),
        ("recommendation", item.recommendation.is_some()),
        ("decision", item.decision.is_some()),
        ("presenter", item.presenter.is_some()),
        ("attachments", !item.attachments.is_empty()),
    ];
    for (field, given) in texts {
        if given {
            problems.push(
                at_item(
                    file,
                    item.number,
                    field,
                    &format!(
                        "item {} is closed, but has `{field}`: it would be published",
                        item.number
                    ),
                )
                .with_hint(
                    "a closed item is published by number and title only: keep its text out of the site, or set `closed = false`",
                ),
            );
        }
    }
}

fn attachment(
    file: &SourceFile,
    item: &AgendaItem,
    name: &str,
    static_file: &(dyn Fn(&str) -> Option<StaticFacts> + Sync),
    problems: &mut Vec<Diagnostic>,
) {
    let path = name.trim_start_matches('/');
    let at = |message: String| at_item(file, item.number, &format!("\"{name}\""), &message);
    let Some(facts) = static_file(path) else {
        problems.push(at(format!("no file `{path}` in static/")).with_hint(
            "put the attachment in the site's static/ folder, and name it by its path there",
        ));
        return;
    };
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_lowercase());
    let expected = SIGNATURES
        .iter()
        .find(|(exts, ..)| ext.as_deref().is_some_and(|e| exts.contains(&e)));
    if let Some((_, signature, kind)) = expected
        && !facts.head.starts_with(signature)
    {
        problems.push(
            at(format!(
                "`{path}` is named as a {kind} file, but is not one (it does not begin as one)"
            ))
            .with_hint("export the document again, or give the file the name of what it is"),
        );
    }
}

/// The line of `field` in the `[[items]]` table numbered `number`, or of its number.
fn at_item(file: &SourceFile, number: u32, field: &str, message: &str) -> Diagnostic {
    let front = file.front_text();
    let mut offset = 0;
    let mut start = None;
    let mut found = None;
    for line in front.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with("[[items]]") && start.is_some() {
            break;
        }
        if start.is_none() {
            if let Some(value) = trimmed.strip_prefix("number")
                && value.trim_start().strip_prefix('=').map(str::trim) == Some(&number.to_string())
            {
                start = Some(offset + indent);
            }
        } else if let Some(at) = line.find(field)
            && (trimmed.starts_with(field) || field.starts_with('"'))
        {
            found = Some(offset + at);
            break;
        }
        offset += line.len();
    }
    // The field is above the number in its table, or the item is written inline.
    let at = found.or(start);
    match at {
        Some(at) => {
            let begin = file.front.start + at;
            let len = if found.is_some() {
                field.len()
            } else {
                "number".len()
            };
            Diagnostic::at(&file.path, &file.text, begin..begin + len, message)
        }
        None => at_field(file, field, message),
    }
}

/// Lowercase letters, digits, hyphens and underscores: an id that needs no escaping in a
/// link and reads the same in every language.
fn is_anchor(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_are_plain() {
        assert!(is_anchor("camp-2"));
        assert!(!is_anchor("Camp"));
        assert!(!is_anchor("sak 2"));
        assert!(!is_anchor(""));
    }
}
