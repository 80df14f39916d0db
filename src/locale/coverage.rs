//! The theme's strings: every message a template asks for exists in every locale, with the
//! variables it uses passed; every message a message refers to exists. Messages that only
//! some locales have, and messages nothing uses, are warnings.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::diagnostic::Diagnostic;
use crate::locale::{Locale, Locales};
use crate::theme::ThemeFiles;

/// Messages that samling's own code formats (not a template), the pages' and the exports',
/// with the variables it passes.
pub const MESSAGES_USED_BY_CODE: &[(&str, &[&str])] = &[
    ("nav-home", &[]),
    ("nav-speakers", &[]),
    ("nav-search", &[]),
    ("nav-my-programme", &[]),
    ("date-range", &["first", "last"]),
    ("time-range", &["start", "end"]),
    ("time-start", &["start"]),
    // The exports' (calendars, feeds, schedules).
    ("site-name", &[]),
    ("feed-title", &["site"]),
    ("speakers-heading", &[]),
    ("moderator-label", &[]),
    ("not-confirmed", &[]),
    ("calendar-add", &[]),
    ("session-page-link", &[]),
    ("status-label", &[]),
    ("status-confirmed", &[]),
    ("status-tentative", &[]),
    ("status-cancelled", &[]),
    ("status-moved", &[]),
    ("change-added", &[]),
    ("change-moved", &[]),
    ("change-cancelled", &[]),
    ("change-speaker-confirmed", &[]),
    ("change-updated", &[]),
    // Meetings: attachments' sizes, and the status in feeds, calendars and search.
    ("file-size-kb", &["size"]),
    ("file-size-mb", &["size"]),
    ("meeting-status-agenda", &[]),
    ("meeting-status-minutes", &[]),
    ("agenda-item", &["number"]),
];

/// One `t(...)` call in a template.
#[derive(Debug, PartialEq, Eq)]
struct Call {
    /// The key, or for `key="status-" ~ s.status` the literal prefix.
    key: String,
    dynamic: bool,
    /// Named arguments other than `key` and `lang`.
    args: BTreeSet<String>,
    /// Byte offset of the call in the template.
    at: usize,
}

/// What one message needs: the variables and other messages it refers to.
#[derive(Debug, Default)]
struct Needs {
    variables: BTreeSet<String>,
    messages: BTreeSet<String>,
}

/// Errors and warnings about the strings the theme uses.
pub fn check_strings(theme: &ThemeFiles, locales: &Locales) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let catalogues: Vec<(&Locale, BTreeMap<String, Needs>)> = locales
        .iter()
        .map(|locale| (locale, catalogue(locale.source())))
        .collect();

    // References between messages, within each locale.
    for (locale, messages) in &catalogues {
        for (id, needs) in messages {
            for missing in needs.messages.iter().filter(|m| !messages.contains_key(*m)) {
                problems.push(
                    at_message(
                        locale,
                        id,
                        &format!("`{id}` refers to the missing message `{missing}`"),
                    )
                    .with_hint(format!("add `{missing}` to {}", locale.path.display())),
                );
            }
        }
    }

    // What the templates ask for.
    let mut used_keys: BTreeSet<String> = BTreeSet::new();
    let mut used_prefixes: BTreeSet<String> = BTreeSet::new();
    let mut reported: BTreeSet<(String, String)> = BTreeSet::new();
    for (path, text) in &theme.templates {
        for call in calls(text) {
            if call.dynamic {
                used_prefixes.insert(call.key);
                continue;
            }
            used_keys.insert(call.key.clone());
            for (locale, messages) in &catalogues {
                let code = &locale.language.code;
                let place =
                    |message: String| Diagnostic::at(path, text, call.at..call.at + 1, message);
                match messages.get(&call.key) {
                    None => {
                        if reported.insert((call.key.clone(), code.clone())) {
                            problems.push(
                                place(format!(
                                    "the message `{}` is missing in {}",
                                    call.key,
                                    locale.path.display()
                                ))
                                .with_hint(format!(
                                    "this template uses it: add it to {}",
                                    locale.path.display()
                                )),
                            );
                        }
                    }
                    Some(_) => {
                        let variables = variables_of(&call.key, messages);
                        for variable in variables.difference(&call.args) {
                            if reported.insert((format!("{}${variable}", call.key), code.clone())) {
                                problems.push(
                                    place(format!(
                                        "the message `{}` in {} uses `${variable}`, which this template does not pass",
                                        call.key,
                                        locale.path.display()
                                    ))
                                    .with_hint(format!("pass it: t(key=\"{}\", {variable}=...)", call.key)),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    // What samling's code asks for must exist too, with the variables it passes.
    for (key, passed) in MESSAGES_USED_BY_CODE.iter() {
        used_keys.insert(key.to_string());
        let passed: BTreeSet<String> = passed.iter().map(|v| v.to_string()).collect();
        for (locale, messages) in &catalogues {
            if !messages.contains_key(*key) {
                if reported.insert((key.to_string(), locale.language.code.clone())) {
                    problems.push(
                        Diagnostic::new(
                            &locale.path,
                            format!("the message `{key}` is missing in {}", locale.path.display()),
                        )
                        .with_hint("samling uses it for navigation, dates or the calendar, schedule and feed exports"),
                    );
                }
                continue;
            }
            for variable in variables_of(key, messages).difference(&passed) {
                problems.push(
                    at_message(
                        locale,
                        key,
                        &format!(
                            "the message `{key}` uses `${variable}`, which samling does not give it"
                        ),
                    )
                    .with_hint(format!(
                        "it can use: {}",
                        passed
                            .iter()
                            .map(|v| format!("${v}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            }
        }
    }
    // A message that a used message refers to is used too.
    let mut stack: Vec<String> = used_keys.iter().cloned().collect();
    while let Some(key) = stack.pop() {
        for (_, messages) in &catalogues {
            for next in messages.get(&key).into_iter().flat_map(|n| &n.messages) {
                if used_keys.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
    }

    // Messages that not every locale has, and messages nothing uses.
    for (locale, messages) in &catalogues {
        for id in messages.keys() {
            let lacking: Vec<String> = catalogues
                .iter()
                .filter(|(_, other)| !other.contains_key(id))
                .map(|(other, _)| other.path.display().to_string())
                .collect();
            let used =
                used_keys.contains(id) || used_prefixes.iter().any(|p| id.starts_with(p.as_str()));
            if !lacking.is_empty() && !reported.iter().any(|(key, _)| key == id) {
                problems.push(
                    at_message(
                        locale,
                        id,
                        &format!("the message `{id}` is missing in {}", lacking.join(", ")),
                    )
                    .with_hint("every locale should have the same messages")
                    .warning(),
                );
            } else if !used {
                problems.push(
                    at_message(locale, id, &format!("no template uses the message `{id}`"))
                        .with_hint("remove it, or use it in a template")
                        .warning(),
                );
            }
        }
    }
    problems
}

/// The variables a message uses, with those of the messages it refers to.
fn variables_of(key: &str, messages: &BTreeMap<String, Needs>) -> BTreeSet<String> {
    let mut variables = BTreeSet::new();
    let mut seen = BTreeSet::from([key.to_owned()]);
    let mut stack = vec![key.to_owned()];
    while let Some(next) = stack.pop() {
        if let Some(needs) = messages.get(&next) {
            variables.extend(needs.variables.iter().cloned());
            for m in &needs.messages {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
    }
    variables
}

/// The line that defines message `id` in a locale file.
fn at_message(locale: &Locale, id: &str, message: &str) -> Diagnostic {
    let text = locale.source();
    let at = text
        .match_indices(id)
        .map(|(i, _)| i)
        .find(|&i| {
            (i == 0 || text.as_bytes()[i - 1] == b'\n')
                && text[i + id.len()..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with('=')
        })
        .unwrap_or(0);
    Diagnostic::at(&locale.path, text, at..at + id.len(), message)
}

/// Every message of a Fluent file, with what it refers to. The file has been parsed
/// successfully before (a syntax error stops the build earlier), so junk is skipped.
fn catalogue(source: &str) -> BTreeMap<String, Needs> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut needs = Needs::default();
            if let Some(pattern) = &message.value {
                pattern_needs(pattern, &mut needs);
            }
            for attribute in &message.attributes {
                pattern_needs(&attribute.value, &mut needs);
            }
            messages.insert(message.id.name.to_string(), needs);
        }
    }
    messages
}

fn pattern_needs(pattern: &ast::Pattern<&str>, needs: &mut Needs) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_needs(expression, needs);
        }
    }
}

fn expression_needs(expression: &ast::Expression<&str>, needs: &mut Needs) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_needs(selector, needs);
            for variant in variants {
                pattern_needs(&variant.value, needs);
            }
        }
        ast::Expression::Inline(inline) => inline_needs(inline, needs),
    }
}

fn inline_needs(inline: &ast::InlineExpression<&str>, needs: &mut Needs) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            needs.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            needs.messages.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_needs(argument, needs);
            }
            for argument in &arguments.named {
                inline_needs(&argument.value, needs);
            }
        }
        // A term's own variables are its parameters, given at the reference.
        ast::InlineExpression::TermReference { arguments, .. } => {
            for argument in arguments.iter().flat_map(|a| &a.named) {
                inline_needs(&argument.value, needs);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_needs(expression, needs),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

/// The `t(...)` calls of a template: `t(key="x", count=n)`, `t(key='x')`, `t(key="x-" ~ y)`.
fn calls(text: &str) -> Vec<Call> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices("t(") {
        // Only the function `t`, not `count(` or `format(`.
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let Some(arguments) = arguments(&text[at + 2..]) else {
            continue;
        };
        let mut key = None;
        let mut dynamic = false;
        let mut args = BTreeSet::new();
        for (name, value) in arguments {
            if name == "key" {
                let value = value.trim();
                let quote = value.chars().next();
                if let Some(q @ ('"' | '\'')) = quote
                    && let Some(end) = value[1..].find(q)
                {
                    key = Some(value[1..1 + end].to_owned());
                    dynamic = !value[end + 2..].trim().is_empty();
                }
            } else if name != "lang" {
                args.insert(name);
            }
        }
        if let Some(key) = key {
            found.push(Call {
                key,
                dynamic,
                args,
                at,
            });
        }
    }
    found
}

/// The named arguments of a call whose text starts after its `(`: `(name, value)` pairs, up
/// to the closing parenthesis; `None` if the call does not close or has a positional argument.
fn arguments(text: &str) -> Option<Vec<(String, String)>> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')') if depth == 0 => {
                parts.push(&text[start..i]);
                return parts
                    .into_iter()
                    .filter(|p| !p.trim().is_empty())
                    .map(|part| {
                        let (name, value) = part.split_once('=')?;
                        let name = name.trim();
                        name.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_')
                            .then(|| (name.to_owned(), value.to_owned()))
                    })
                    .collect();
            }
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message samling's code formats by name is declared, so that the check knows it.
    #[test]
    fn messages_formatted_by_code_are_declared() {
        let declared: BTreeSet<&str> = MESSAGES_USED_BY_CODE.iter().map(|(k, _)| *k).collect();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for entry in walkdir::WalkDir::new(src) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (at, _) in code.match_indices(".message(\"") {
                let key = &code[at + 10..];
                let key = &key[..key.find('"').unwrap()];
                assert!(
                    declared.contains(key),
                    "{}: `{key}` is not in MESSAGES_USED_BY_CODE",
                    entry.path().display()
                );
            }
        }
    }

    #[test]
    fn finds_calls_with_their_arguments() {
        let text = r#"{{ t(key="time-range", start=s.start_text, end=s.end_text) }} {{ count(x) }}
{{ t(key='pager-label') }} {{ t(key="status-" ~ s.status) }} {{ t(key="price-includes", items=p.includes | join(sep=", ")) }}"#;
        let calls = calls(text);
        let keys: Vec<(&str, bool)> = calls.iter().map(|c| (c.key.as_str(), c.dynamic)).collect();
        assert_eq!(
            keys,
            [
                ("time-range", false),
                ("pager-label", false),
                ("status-", true),
                ("price-includes", false)
            ]
        );
        assert_eq!(
            calls[0].args,
            BTreeSet::from(["start".to_owned(), "end".to_owned()])
        );
        assert_eq!(calls[3].args, BTreeSet::from(["items".to_owned()]));
    }

    #[test]
    fn messages_know_their_variables_and_references() {
        let messages = catalogue(
            "a = { $count ->\n    [one] én\n   *[other] { $count } { b }\n}\nb = { $name } { -brand }\n-brand = X\n",
        );
        assert_eq!(
            variables_of("a", &messages),
            BTreeSet::from(["count".to_owned(), "name".to_owned()])
        );
        assert_eq!(messages["a"].messages, BTreeSet::from(["b".to_owned()]));
        assert!(!messages.contains_key("-brand"));
    }
}
