//! Texts in Danish, Swedish and Norwegian Bokmål, built from the phrase lists in
//! [`super::words`]. Every choice is made once for all three languages, so translations match.

use super::model::PerLang;
use super::rng::Rng;
use super::words::{self, Tri};

/// The values of the slots of one phrase (indices into the word lists).
#[derive(Clone, Copy)]
pub struct Slots {
    pub actor: usize,
    pub actor2: usize,
    pub topic: usize,
    pub topic2: usize,
    pub topic3: usize,
    pub goal: usize,
    pub place: usize,
    /// A coming year and a past one.
    pub year: i16,
    pub year0: i16,
    /// A percentage and another number.
    pub n: u32,
    pub m: u32,
    /// The year the text is written in.
    pub base: i16,
}

impl Slots {
    /// Random slots about `topic`, around the year `year`.
    pub fn new(rng: &mut Rng, topic: usize, year: i16) -> Slots {
        let actor = rng.below(words::ACTORS.len());
        let topic2 = other(rng, words::TOPICS.len(), topic);
        Slots {
            actor,
            actor2: other(rng, words::ACTORS.len(), actor),
            topic,
            topic2,
            topic3: loop {
                let t = rng.below(words::TOPICS.len());
                if t != topic && t != topic2 {
                    break t;
                }
            },
            goal: rng.below(words::GOALS.len()),
            place: rng.below(words::PLACES.len()),
            year: year + rng.range(1, 6) as i16,
            year0: year - rng.range(3, 12) as i16,
            n: rng.range(18, 86) as u32,
            m: rng.range(120, 990) as u32,
            base: year,
        }
    }

    /// The same topic and year, the rest drawn again: for the next sentence of a text.
    pub fn next(&self, rng: &mut Rng) -> Slots {
        Slots::new(rng, self.topic, self.base)
    }
}

/// An index in `0..n` other than `not` (`n > 1`).
fn other(rng: &mut Rng, n: usize, not: usize) -> usize {
    let i = rng.below(n - 1);
    if i >= not { i + 1 } else { i }
}

/// `template` in language `lang` (0 da, 1 sv, 2 nb) with its slots filled; `extra` gives
/// further slots by name. A `{` that does not start a known slot is kept as it is.
pub fn fill(template: &str, lang: usize, slots: &Slots, extra: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let value = (name_len > 0 && after[name_len..].starts_with('}'))
            .then(|| slot(&after[..name_len], lang, slots, extra))
            .flatten();
        match value {
            Some(value) => {
                out.push_str(&value);
                rest = &after[name_len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn slot(name: &str, lang: usize, s: &Slots, extra: &[(&str, &str)]) -> Option<String> {
    Some(match name {
        "a" => words::ACTORS[s.actor][lang].to_owned(),
        "A" => capitalise(words::ACTORS[s.actor][lang]),
        "a2" => words::ACTORS[s.actor2][lang].to_owned(),
        "t" => words::TOPICS[s.topic].0[lang].to_owned(),
        "T" => capitalise(words::TOPICS[s.topic].0[lang]),
        "t2" => words::TOPICS[s.topic2].0[lang].to_owned(),
        "t3" => words::TOPICS[s.topic3].0[lang].to_owned(),
        "tag" => words::TAGS[words::TOPICS[s.topic].1][lang].to_owned(),
        "g" => words::GOALS[s.goal][lang].to_owned(),
        "p" => words::PLACES[s.place].to_owned(),
        "y" => s.year.to_string(),
        "y0" => s.year0.to_string(),
        "n" => s.n.to_string(),
        "m" => s.m.to_string(),
        _ => {
            return extra
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string());
        }
    })
}

/// One phrase in all three languages, its first letter capitalised.
pub fn phrase(template: &Tri, slots: &Slots, extra: &[(&str, &str)]) -> PerLang<String> {
    std::array::from_fn(|lang| capitalise(&fill(template[lang], lang, slots, extra)))
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Sentences of one text, dealt without repetition until all have been used.
pub struct Deck {
    order: Vec<usize>,
    next: usize,
}

impl Deck {
    pub fn new(rng: &mut Rng) -> Deck {
        let mut order: Vec<usize> = (0..words::SENTENCES.len()).collect();
        rng.shuffle(&mut order);
        Deck { order, next: 0 }
    }

    fn deal(&mut self, rng: &mut Rng) -> usize {
        if self.next == self.order.len() {
            rng.shuffle(&mut self.order);
            self.next = 0;
        }
        self.next += 1;
        self.order[self.next - 1]
    }
}

/// A paragraph of `count` sentences from `deck` about `slots.topic`, in each language.
pub fn paragraph(rng: &mut Rng, deck: &mut Deck, slots: &Slots, count: usize) -> PerLang<String> {
    let mut out: PerLang<String> = Default::default();
    for _ in 0..count {
        let i = deck.deal(rng);
        let s = slots.next(rng);
        for (lang, text) in out.iter_mut().enumerate() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&capitalise(&fill(words::SENTENCES[i][lang], lang, &s, &[])));
        }
    }
    out
}

/// Paragraphs of `sizes` sentences, none repeated (while there are enough).
pub fn paragraphs(rng: &mut Rng, slots: &Slots, sizes: &[usize]) -> PerLang<String> {
    let mut deck = Deck::new(rng);
    let mut out: PerLang<String> = Default::default();
    for &count in sizes {
        push_block(&mut out, &paragraph(rng, &mut deck, slots, count));
    }
    out
}

/// Appends `part` to each language's text, with a blank line between blocks.
pub fn push_block(texts: &mut PerLang<String>, part: &PerLang<String>) {
    for (text, part) in texts.iter_mut().zip(part) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(part);
    }
}

/// A session's Markdown body of about 300 words: paragraphs, a heading with a bulleted list,
/// a link to a public body and, when `code` is set, a fenced code block.
pub fn session_body(rng: &mut Rng, slots: &Slots, code: bool) -> PerLang<String> {
    let mut deck = Deck::new(rng);
    let mut body = paragraph(rng, &mut deck, slots, 6);

    let heading = rng.pick(words::LIST_HEADINGS);
    push_block(
        &mut body,
        &std::array::from_fn(|l| format!("### {}", heading[l])),
    );
    let mut items: Vec<usize> = (0..words::LIST_ITEMS.len()).collect();
    rng.shuffle(&mut items);
    let list: PerLang<String> = {
        let mut list: PerLang<String> = Default::default();
        for &i in &items[..rng.range(3, 5)] {
            let s = slots.next(rng);
            for (lang, text) in list.iter_mut().enumerate() {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str("- ");
                text.push_str(&capitalise(&fill(
                    words::LIST_ITEMS[i][lang],
                    lang,
                    &s,
                    &[],
                )));
            }
        }
        list
    };
    push_block(&mut body, &list);

    let mut second = paragraph(rng, &mut deck, slots, 5);
    let (org, url) = *rng.pick(words::LINKS);
    let link = phrase(
        rng.pick(words::LINK_SENTENCES),
        slots,
        &[("org", org), ("url", url)],
    );
    for (text, link) in second.iter_mut().zip(&link) {
        text.push(' ');
        text.push_str(link);
    }
    push_block(&mut body, &second);

    if code {
        let (info, template) = rng.pick(words::CODE_BLOCKS);
        let s = slots.next(rng);
        let block: PerLang<String> = std::array::from_fn(|lang| {
            format!(
                "{}\n\n```{info}\n{}```",
                words::CODE_INTROS[lang],
                fill(template[lang], lang, &s, &[])
            )
        });
        push_block(&mut body, &block);
    }

    push_block(&mut body, &paragraph(rng, &mut deck, slots, 5));
    body
}
