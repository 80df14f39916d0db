//! Finds the block tag a template leaves open. Tera reports an unclosed `{% if %}` where its
//! parser gives up, as "Unknown tag" at an `{% endblock %}` far below; the organiser needs
//! the line of the `if`.

/// An opening tag without its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    /// `if`, `for`, `block`, …
    pub tag: String,
    /// 1-based line and column of the opening `{%`.
    pub line: usize,
    pub column: usize,
    /// The byte offset of the opening `{%`.
    pub offset: usize,
    /// The end tag met while this one was open (`endblock`), with its line; `None` at the
    /// end of the template.
    pub met: Option<(String, usize)>,
}

/// Tags that open a body closed by `end<tag>`.
const BLOCK_TAGS: &[&str] = &["if", "for", "block", "macro", "filter", "raw", "component"];

/// The first block tag of `text` that is not closed before an end tag of another one, or
/// before the end of the template.
pub fn unclosed_block(text: &str) -> Option<Unclosed> {
    let mut open: Vec<Unclosed> = Vec::new();
    let mut offset = 0;
    loop {
        let rest = &text[offset..];
        let next_tag = rest.find("{%");
        let next_comment = rest.find("{#");
        let start = match (next_tag, next_comment) {
            (_, Some(c)) if next_tag.is_none_or(|t| c < t) => {
                // A comment may hold tags: skip to its end.
                offset += c + 2 + text[offset + c + 2..].find("#}")? + 2;
                continue;
            }
            (Some(t), _) => t,
            (None, _) => break,
        };
        let at = offset + start;
        let after = &text[at + 2..];
        let end = after.find("%}")?;
        let inner = after[..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let word = inner.split_whitespace().next().unwrap_or("");
        let (line, column) = line_column(text, at);
        let in_raw = open.last().is_some_and(|o| o.tag == "raw");
        if let Some(ended) = word.strip_prefix("end") {
            if in_raw && ended != "raw" {
                // Inside `raw`, tags are text.
            } else {
                match open.pop() {
                    Some(top) if top.tag == ended => {}
                    Some(mut top) => {
                        top.met = Some((word.to_owned(), line));
                        return Some(top);
                    }
                    None => {}
                }
            }
        } else if !in_raw && BLOCK_TAGS.contains(&word) {
            open.push(Unclosed {
                tag: word.to_owned(),
                line,
                column,
                offset: at,
                met: None,
            });
        }
        offset = at + 2 + end + 2;
    }
    open.into_iter().next_back()
}

fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_if_left_open_is_found_at_its_own_line() {
        let text = "{% extends \"base.html\" %}\n{% block content %}\n{# {% if %} #}\n  {% if page.title %}\n<h1>x</h1>\n{% endblock content %}\n";
        let found = unclosed_block(text).unwrap();
        assert_eq!(found.tag, "if");
        assert_eq!((found.line, found.column), (4, 3));
        assert_eq!(found.met, Some(("endblock".to_owned(), 6)));
    }

    #[test]
    fn closed_blocks_and_raw_text_are_fine() {
        let text = "{% block a %}{% for x in y %}{% if x %}{%- endif -%}{% endfor %}{% endblock %}{% raw %}{% if %}{% endraw %}";
        assert_eq!(unclosed_block(text), None);
    }

    #[test]
    fn a_block_open_at_the_end_is_found() {
        let found = unclosed_block("{% block a %}\n{% for x in y %}\n").unwrap();
        assert_eq!(
            (found.tag.as_str(), found.line, found.met),
            ("for", 2, None)
        );
    }
}
