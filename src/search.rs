//! Search: stemming, and the index each language's search page loads, built here at build
//! time.
//!
//! The stemmers are Snowball's own algorithms (<https://snowballstem.org>), transcribed from
//! `algorithms/{danish,swedish,norwegian,finnish}.sbl` at Snowball commit `037ee88` into
//! *data*: each is a [`Rules`], a small program of Snowball's backward-mode commands ([`Op`])
//! with its regions R1 and R2. One interpreter runs it here ([`stem`]); the index carries its
//! language's rules as JSON, and the browser's query code (`samling.js`) runs the same
//! interpreter over them, so queries are stemmed exactly as the index was, with no stemmer
//! library in either place to keep in step. Both interpreters are checked against every word
//! of Snowball's test vocabularies (`tests/fixtures/snowball`). Languages without a Snowball
//! algorithm (Icelandic, Faroese, Greenlandic, Sami) are searched by the word as typed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use serde::{Serialize, Serializer};
use serde_json::{Value, json};

/// One language's stemmer: where its regions start, and its steps.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Rules {
    /// Snowball's `v`: R1 starts after the first non-vowel that follows a vowel, R2 after
    /// the next such pair.
    pub vowels: &'static str,
    /// R1 starts at least this many letters in (0: no minimum).
    pub r1_min: usize,
    /// Snowball's routines, which `steps` and among's conditions call by name.
    pub routines: BTreeMap<&'static str, Op>,
    /// The body of Snowball's `backwards (…)`: run from the end of the word.
    pub steps: Op,
}

/// The region marks, Snowball's `p1` and `p2`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    P1,
    P2,
}

/// A Snowball command in backward mode, as Snowball's manual defines it: it succeeds or
/// fails, moving the cursor towards the start of the word. Written to JSON as an array, its
/// name first (`["eq","ig"]`), for `samling.js`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// `C1 C2 …`: each in turn, failing at the first that fails.
    Seq(Vec<Op>),
    /// `do C`: C, then the cursor back; succeeds.
    Do(Box<Op>),
    /// `try C`: C, the cursor back if it failed; succeeds.
    Try(Box<Op>),
    /// `C1 or C2 …`: the first that succeeds, from the same cursor.
    Or(Vec<Op>),
    /// `C1 and C2 …`: each from the same cursor, failing at the first that fails.
    And(Vec<Op>),
    /// `not C`
    Not(Box<Op>),
    /// `test C`: C, then the cursor back.
    Test(Box<Op>),
    /// `'s'`: the letters before the cursor are `s`; the cursor goes before them.
    Literal(&'static str),
    /// A grouping: the letter before the cursor is one of these.
    In(&'static str),
    /// `non-` a grouping: the letter before the cursor is none of these.
    NotIn(&'static str),
    /// `next`: over one letter.
    Next,
    /// `atlimit`
    AtLimit,
    /// `[`: in backward mode, the slice ends at the cursor.
    SliceEnd,
    /// `]`: the slice starts at the cursor.
    SliceStart,
    /// `delete`: the slice.
    Delete,
    /// `<- 's'`: the slice becomes `s`.
    Replace(&'static str),
    /// `setlimit tomark pN for C`: C, with the cursor kept at or after pN.
    SetLimit(Mark, Box<Op>),
    /// `setlimit tomark pN for ([substring]) among(…)`: the longest of the strings at the
    /// end, inside the region, becomes the slice, and its branch's action runs.
    Suffix(Mark, Vec<Branch>),
    /// `among(…)` without `substring`: the longest of the strings before the cursor, and its
    /// branch's action.
    Among(Vec<Branch>),
    /// A routine of [`Rules::routines`].
    Call(&'static str),
    /// `$pN <= cursor`
    AfterMark(Mark),
    /// `set b` and `b`, of a boolean (all start unset).
    Set(&'static str),
    IsSet(&'static str),
    /// `-> x`: the slice into the string `x`.
    SliceTo(&'static str),
    /// `x`: the letters before the cursor are those of the string `x`.
    EqualsString(&'static str),
    /// `goto C`: the cursor moves back until C would succeed there.
    Goto(Box<Op>),
}

/// Strings of an `among`, each with the routine (if any) that must succeed after it for it
/// to match, and the action they share (`None`: Snowball's `()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    pub strings: Vec<(&'static str, Option<&'static str>)>,
    pub action: Option<Op>,
}

impl Op {
    fn to_json(&self) -> Value {
        let all = |name: &str, ops: &[Op]| {
            let mut list = vec![json!(name)];
            list.extend(ops.iter().map(Op::to_json));
            Value::Array(list)
        };
        let branches = |list: &mut Vec<Value>, branches: &[Branch]| {
            for branch in branches {
                let strings: Vec<Value> = (branch.strings.iter())
                    .map(|(s, condition)| match condition {
                        Some(routine) => json!([s, routine]),
                        None => json!(s),
                    })
                    .collect();
                list.push(json!([strings, branch.action.as_ref().map(Op::to_json)]));
            }
        };
        match self {
            Op::Seq(ops) => all("seq", ops),
            Op::Do(op) => json!(["do", op.to_json()]),
            Op::Try(op) => json!(["try", op.to_json()]),
            Op::Or(ops) => all("or", ops),
            Op::And(ops) => all("and", ops),
            Op::Not(op) => json!(["not", op.to_json()]),
            Op::Test(op) => json!(["test", op.to_json()]),
            Op::Literal(s) => json!(["eq", s]),
            Op::In(g) => json!(["in", g]),
            Op::NotIn(g) => json!(["out", g]),
            Op::Next => json!(["next"]),
            Op::AtLimit => json!(["atlimit"]),
            Op::SliceEnd => json!(["["]),
            Op::SliceStart => json!(["]"]),
            Op::Delete => json!(["delete"]),
            Op::Replace(s) => json!(["<-", s]),
            Op::SetLimit(mark, op) => json!(["setlimit", mark, op.to_json()]),
            Op::Suffix(mark, list) => {
                let mut out = vec![json!("suffix"), json!(mark)];
                branches(&mut out, list);
                Value::Array(out)
            }
            Op::Among(list) => {
                let mut out = vec![json!("among")];
                branches(&mut out, list);
                Value::Array(out)
            }
            Op::Call(name) => json!(["call", name]),
            Op::AfterMark(mark) => json!(["atmark", mark]),
            Op::Set(b) => json!(["set", b]),
            Op::IsSet(b) => json!(["is", b]),
            Op::SliceTo(x) => json!(["->", x]),
            Op::EqualsString(x) => json!(["eqs", x]),
            Op::Goto(op) => json!(["goto", op.to_json()]),
        }
    }
}

impl Serialize for Op {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

// Shorthands for writing the algorithms below as Snowball reads.
fn seq<const N: usize>(ops: [Op; N]) -> Op {
    Op::Seq(ops.into())
}
fn do_(op: Op) -> Op {
    Op::Do(Box::new(op))
}
fn try_(op: Op) -> Op {
    Op::Try(Box::new(op))
}
fn or<const N: usize>(ops: [Op; N]) -> Op {
    Op::Or(ops.into())
}
fn and<const N: usize>(ops: [Op; N]) -> Op {
    Op::And(ops.into())
}
fn not(op: Op) -> Op {
    Op::Not(Box::new(op))
}
fn test(op: Op) -> Op {
    Op::Test(Box::new(op))
}
fn lit(s: &'static str) -> Op {
    Op::Literal(s)
}
fn call(routine: &'static str) -> Op {
    Op::Call(routine)
}
fn setlimit(mark: Mark, op: Op) -> Op {
    Op::SetLimit(mark, Box::new(op))
}
/// A branch of `among`: `strings`, separated by spaces, and their action.
fn branch(strings: &'static str, action: Op) -> Branch {
    Branch {
        strings: strings.split(' ').map(|s| (s, None)).collect(),
        action: Some(action),
    }
}
/// A branch of `among` with no action.
fn strings(strings: &'static str) -> Branch {
    Branch {
        strings: strings.split(' ').map(|s| (s, None)).collect(),
        action: None,
    }
}

use Op::{Delete, Next, SliceEnd, SliceStart};

/// `algorithms/danish.sbl`.
fn danish() -> Rules {
    const V: &str = "aeiouyæåø";
    const C: &str = "bcdfghjklmnpqrstvwxz";
    const S_ENDING: &str = "abcdfghjklmnoprtvyzå";
    let routines = [
        (
            "main_suffix",
            Op::Suffix(
                Mark::P1,
                vec![
                    branch(
                        "hed ethed ered e erede ende erende ene erne ere en heden eren er heder \
                         erer heds es endes erendes enes ernes eres ens hedens erens ers ets \
                         erets et eret",
                        Delete,
                    ),
                    branch("s", seq([Op::In(S_ENDING), Delete])),
                ],
            ),
        ),
        (
            "consonant_pair",
            seq([
                test(Op::Suffix(Mark::P1, vec![strings("gd dt gt kt")])),
                Next,
                SliceStart,
                Delete,
            ]),
        ),
        (
            "other_suffix",
            seq([
                do_(seq([SliceEnd, lit("st"), SliceStart, lit("ig"), Delete])),
                Op::Suffix(
                    Mark::P1,
                    vec![
                        branch(
                            "ig lig elig els",
                            seq([Delete, do_(call("consonant_pair"))]),
                        ),
                        branch("løst", Op::Replace("løs")),
                    ],
                ),
            ]),
        ),
        (
            "undouble",
            seq([
                setlimit(
                    Mark::P1,
                    seq([SliceEnd, Op::In(C), SliceStart, Op::SliceTo("ch")]),
                ),
                Op::EqualsString("ch"),
                Delete,
            ]),
        ),
    ];
    Rules {
        vowels: V,
        r1_min: 3,
        routines: routines.into_iter().collect(),
        steps: seq([
            do_(call("main_suffix")),
            do_(call("consonant_pair")),
            do_(call("other_suffix")),
            do_(call("undouble")),
        ]),
    }
}

/// `algorithms/swedish.sbl`.
fn swedish() -> Rules {
    const V: &str = "aeiouyäåö";
    const S_ENDING: &str = "bcdfghjklmnoprtvy";
    let routines = [
        (
            // A final "et" is an ending after a short syllable, but not in these words
            // ("frihet", "societet", "alfabet", "raket"…).
            "et_condition",
            and([
                seq([Op::NotIn(V), Op::In(V), not(Op::AtLimit)]),
                not(Op::Among(vec![strings(
                    "h iet uit fab cit dit alit ilit mit nit pit rit sit tit ivit kvit xit \
                     kom rak pak stak",
                )])),
            ]),
        ),
        (
            "main_suffix",
            Op::Suffix(
                Mark::P1,
                vec![
                    branch(
                        "a arna erna heterna orna ad e ade ande arne are aste en anden aren \
                         heten ern ar er heter or as arnas ernas ornas es ades andes ens arens \
                         hetens erns at andet het ast",
                        Delete,
                    ),
                    branch(
                        "s",
                        seq([
                            or([
                                seq([lit("et"), call("et_condition"), SliceStart]),
                                Op::In(S_ENDING),
                            ]),
                            Delete,
                        ]),
                    ),
                    branch("et", seq([call("et_condition"), Delete])),
                ],
            ),
        ),
        (
            "consonant_pair",
            setlimit(
                Mark::P1,
                and([
                    Op::Among(vec![strings("dd gd nn dt gt kt tt")]),
                    seq([SliceEnd, Next, SliceStart, Delete]),
                ]),
            ),
        ),
        (
            "other_suffix",
            Op::Suffix(
                Mark::P1,
                vec![
                    branch("lig ig els", Delete),
                    branch("öst", seq([Op::In("iklnprtuv"), Op::Replace("ös")])),
                    branch("fullt", Op::Replace("full")),
                ],
            ),
        ),
    ];
    Rules {
        vowels: V,
        r1_min: 3,
        routines: routines.into_iter().collect(),
        steps: seq([
            do_(call("main_suffix")),
            do_(call("consonant_pair")),
            do_(call("other_suffix")),
        ]),
    }
}

/// `algorithms/norwegian.sbl`.
fn norwegian() -> Rules {
    const V: &str = "aeêioòóôuyæåø";
    const S_ENDING: &str = "bcdfghjlmnoptvyz";
    let mut ers_removed = strings("giv hav skap");
    ers_removed.strings.push(("", None));
    ers_removed.action = Some(Delete);
    let routines = [
        (
            "main_suffix",
            Op::Suffix(
                Mark::P1,
                vec![
                    branch(
                        "a e ede ande ende ane ene hetene en heten ar er heter as es edes endes \
                         enes hetenes ens hetens ets et het ast",
                        Delete,
                    ),
                    branch(
                        "ers",
                        Op::Among(vec![
                            strings("amm ast ind kap kk lt nk omm pp v øst"),
                            ers_removed,
                        ]),
                    ),
                    branch(
                        "s",
                        seq([
                            or([
                                Op::In(S_ENDING),
                                seq([lit("r"), not(lit("e"))]),
                                seq([lit("k"), Op::NotIn(V)]),
                            ]),
                            Delete,
                        ]),
                    ),
                    branch("erte ert", Op::Replace("er")),
                ],
            ),
        ),
        (
            "consonant_pair",
            seq([
                test(Op::Suffix(Mark::P1, vec![strings("dt vt")])),
                Next,
                SliceStart,
                Delete,
            ]),
        ),
        (
            "other_suffix",
            Op::Suffix(
                Mark::P1,
                vec![branch(
                    "leg eleg ig eig lig elig els lov elov slov hetslov",
                    Delete,
                )],
            ),
        ),
    ];
    Rules {
        vowels: V,
        r1_min: 3,
        routines: routines.into_iter().collect(),
        steps: seq([
            do_(call("main_suffix")),
            do_(call("consonant_pair")),
            do_(call("other_suffix")),
        ]),
    }
}

/// `algorithms/finnish.sbl`.
fn finnish() -> Rules {
    // Snowball's V1; V2 is V1 without "y".
    const V: &str = "aeiouyäö";
    const V2: &str = "aeiouäö";
    const C: &str = "bcdfghjklmnpqrstvwxz";
    const PARTICLE_END: &str = "aeiouyäönt";
    let either = |letters: [&'static str; 2]| or([lit(letters[0]), lit(letters[1])]);
    let not_po = not(lit("po"));
    let routines = [
        ("R2", Op::AfterMark(Mark::P2)),
        (
            "particle_etc",
            seq([
                Op::Suffix(
                    Mark::P1,
                    vec![
                        branch("kin kaan kään ko kö han hän pa pä", Op::In(PARTICLE_END)),
                        branch("sti", call("R2")),
                    ],
                ),
                Delete,
            ]),
        ),
        (
            "possessive",
            Op::Suffix(
                Mark::P1,
                vec![
                    // "ksi" is the translative case, not a possessive.
                    branch("si", seq([not(lit("k")), Delete])),
                    // "kseni" is "ksi" + "ni".
                    branch(
                        "ni",
                        seq([Delete, SliceEnd, lit("kse"), SliceStart, Op::Replace("ksi")]),
                    ),
                    branch("nsa nsä mme nne", Delete),
                    // "Vn" possessives after case endings.
                    branch(
                        "an",
                        seq([Op::Among(vec![strings("ta ssa sta lla lta na")]), Delete]),
                    ),
                    branch(
                        "än",
                        seq([Op::Among(vec![strings("tä ssä stä llä ltä nä")]), Delete]),
                    ),
                    branch("en", seq([Op::Among(vec![strings("lle ine")]), Delete])),
                ],
            ),
        ),
        ("LONG", Op::Among(vec![strings("aa ee ii oo uu ää öö")])),
        ("VI", seq([lit("i"), Op::In(V2)])),
        (
            "case_ending",
            seq([
                Op::Suffix(
                    Mark::P1,
                    vec![
                        // Illative: the vowel before "h" is the ending's.
                        branch("han", lit("a")),
                        branch("hen", lit("e")),
                        branch("hin", lit("i")),
                        branch("hon", lit("o")),
                        branch("hän", lit("ä")),
                        branch("hön", lit("ö")),
                        // Illative, and genitive plurals.
                        Branch {
                            strings: vec![
                                ("siin", Some("VI")),
                                ("seen", Some("LONG")),
                                ("den", Some("VI")),
                                ("tten", Some("VI")),
                            ],
                            action: None,
                        },
                        // Genitive, or illative after a long vowel (which loses a letter).
                        branch(
                            "n",
                            try_(seq([
                                and([or([call("LONG"), lit("ie")]), Next]),
                                SliceStart,
                            ])),
                        ),
                        // Partitive.
                        branch("a ä", seq([Op::In(V), Op::In(C)])),
                        branch("tta ttä", lit("e")),
                        // Partitive, inessive, elative, adessive, ablative, allative,
                        // essive, translative, comitative.
                        strings("ta tä ssa ssä sta stä lla llä lta ltä lle na nä ksi ine"),
                    ],
                ),
                Delete,
                Op::Set("ending_removed"),
            ]),
        ),
        (
            "other_endings",
            seq([
                Op::Suffix(
                    Mark::P2,
                    vec![
                        // Comparatives ("-po" improves things).
                        branch("mpi mpa mpä mmi mma mmä", not_po.clone()),
                        // Superlatives, and the agent.
                        strings("impi impa impä immi imma immä eja ejä"),
                    ],
                ),
                Delete,
            ]),
        ),
        (
            "i_plural",
            seq([Op::Suffix(Mark::P1, vec![strings("i j")]), Delete]),
        ),
        (
            "t_plural",
            seq([
                setlimit(
                    Mark::P1,
                    seq([SliceEnd, lit("t"), SliceStart, test(Op::In(V)), Delete]),
                ),
                Op::Suffix(Mark::P2, vec![branch("mma", not_po), strings("imma")]),
                Delete,
            ]),
        ),
        (
            "tidy",
            seq([
                setlimit(
                    Mark::P1,
                    seq([
                        // A long vowel shortened.
                        do_(and([
                            call("LONG"),
                            seq([SliceEnd, Next, SliceStart, Delete]),
                        ])),
                        // A final a, ä, e or i after a consonant.
                        do_(seq([
                            SliceEnd,
                            Op::In("aäei"),
                            SliceStart,
                            Op::In(C),
                            Delete,
                        ])),
                        do_(seq([
                            SliceEnd,
                            lit("j"),
                            SliceStart,
                            either(["o", "u"]),
                            Delete,
                        ])),
                        do_(seq([SliceEnd, lit("o"), SliceStart, lit("j"), Delete])),
                    ]),
                ),
                // The last consonant undoubled.
                Op::Goto(Box::new(Op::NotIn(V))),
                SliceEnd,
                Op::In(C),
                SliceStart,
                Op::SliceTo("x"),
                Op::EqualsString("x"),
                Delete,
            ]),
        ),
    ];
    Rules {
        vowels: V,
        r1_min: 0,
        routines: routines.into_iter().collect(),
        steps: seq([
            do_(call("particle_etc")),
            do_(call("possessive")),
            do_(call("case_ending")),
            do_(call("other_endings")),
            or([
                seq([Op::IsSet("ending_removed"), do_(call("i_plural"))]),
                do_(call("t_plural")),
            ]),
            do_(call("tidy")),
        ]),
    }
}

/// The language codes with a stemmer, and its rules: the one place that maps codes to
/// Snowball's algorithms. Snowball has one Norwegian stemmer, for `nb`, `nn` and `no`.
static STEMMERS: LazyLock<[(&[&str], Rules); 4]> = LazyLock::new(|| {
    [
        (&["da"], danish()),
        (&["sv"], swedish()),
        (&["nb", "nn", "no"], norwegian()),
        (&["fi"], finnish()),
    ]
});

/// The stemmer for a language code (`da`, `nb-NO`…), if Snowball has one for it. Other
/// languages are searched unstemmed.
pub fn rules_for(lang: &str) -> Option<&'static Rules> {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or(lang)
        .to_ascii_lowercase();
    STEMMERS
        .iter()
        .find(|(codes, _)| codes.contains(&primary.as_str()))
        .map(|(_, rules)| rules)
}

/// The language codes the search stems.
pub fn stemmed_languages() -> impl Iterator<Item = &'static str> {
    STEMMERS.iter().flat_map(|(codes, _)| codes.iter().copied())
}

fn not_word(c: char) -> bool {
    !c.is_alphanumeric()
}

/// `word` (lower-case) stemmed by `rules`; unchanged without rules.
pub fn stem(word: &str, rules: Option<&Rules>) -> String {
    let Some(rules) = rules else {
        return word.to_owned();
    };
    let word: Vec<char> = word.chars().collect();
    let marks = regions(&word, rules);
    let mut machine = Machine {
        rules,
        c: word.len(),
        limit: 0,
        bra: 0,
        ket: word.len(),
        word,
        marks,
        booleans: Vec::new(),
        strings: Vec::new(),
    };
    machine.run(&rules.steps);
    machine.word.into_iter().collect()
}

/// Snowball's `mark_regions`: where R1 and R2 start (`p1`, `p2`).
fn regions(word: &[char], rules: &Rules) -> [usize; 2] {
    let vowel = |c: char| rules.vowels.contains(c);
    // `gopast v gopast non-v` from `from`.
    let after_vowel_and_non_vowel = |from: usize| {
        let v = from + word[from..].iter().position(|&c| vowel(c))?;
        let non_v = v + 1 + word[v + 1..].iter().position(|&c| !vowel(c))?;
        Some(non_v + 1)
    };
    let standard = after_vowel_and_non_vowel(0);
    let mut p1 = standard.unwrap_or(word.len());
    let p2 = standard
        .and_then(after_vowel_and_non_vowel)
        .unwrap_or(word.len());
    if word.len() >= rules.r1_min {
        p1 = p1.max(rules.r1_min);
    }
    [p1, p2]
}

/// Snowball's state in backward mode: the word, the cursor `c` moving from its end towards
/// `limit`, the slice `bra..ket`, the marks and the variables.
struct Machine<'r> {
    rules: &'r Rules,
    word: Vec<char>,
    c: usize,
    limit: usize,
    bra: usize,
    ket: usize,
    marks: [usize; 2],
    booleans: Vec<&'static str>,
    strings: Vec<(&'static str, Vec<char>)>,
}

impl Machine<'_> {
    fn mark(&self, mark: Mark) -> usize {
        self.marks[mark as usize]
    }

    /// The cursor as its distance from the end, which deletions behind it keep: how
    /// Snowball saves it in backward mode.
    fn saved(&self) -> usize {
        self.word.len() - self.c
    }

    fn restore(&mut self, saved: usize) {
        self.c = self.word.len() - saved;
    }

    /// The letters before the cursor are `letters`: the cursor goes before them.
    fn ends_with(&mut self, letters: impl ExactSizeIterator<Item = char>) -> bool {
        let n = letters.len();
        if self.c - self.limit < n || !self.word[self.c - n..self.c].iter().copied().eq(letters) {
            return false;
        }
        self.c -= n;
        true
    }

    fn letter_before(&mut self, wanted: impl Fn(char) -> bool) -> bool {
        if self.c > self.limit && wanted(self.word[self.c - 1]) {
            self.c -= 1;
            true
        } else {
            false
        }
    }

    /// The slice becomes `by`; the cursor moves with the letters after it.
    fn replace(&mut self, by: &str) {
        let (bra, ket) = (self.bra, self.ket);
        let by: Vec<char> = by.chars().collect();
        let length = self.word.len();
        self.word.splice(bra..ket, by.iter().copied());
        if self.c >= ket {
            self.c = self.c + self.word.len() - length;
        } else if self.c > bra {
            self.c = bra;
        }
        self.ket = bra + by.len();
    }

    /// Snowball's `find_among_b`: the longest string before the cursor whose condition
    /// holds; the cursor goes before it. The action of its branch.
    fn find<'b>(&mut self, branches: &'b [Branch]) -> Option<Option<&'b Op>> {
        let c = self.c;
        let mut matches: Vec<(usize, Option<&'static str>, &'b Branch)> = Vec::new();
        for branch in branches {
            for &(s, condition) in &branch.strings {
                let n = s.chars().count();
                if c - self.limit >= n && self.word[c - n..c].iter().copied().eq(s.chars()) {
                    matches.push((n, condition, branch));
                }
            }
        }
        matches.sort_by_key(|&(n, _, _)| std::cmp::Reverse(n));
        for (n, condition, branch) in matches {
            self.c = c - n;
            let holds = condition.is_none_or(|routine| self.run(&Op::Call(routine)));
            self.c = c - n;
            if holds {
                return Some(branch.action.as_ref());
            }
        }
        None
    }

    fn act(&mut self, action: Option<&Op>) -> bool {
        action.is_none_or(|op| self.run(op))
    }

    fn run(&mut self, op: &Op) -> bool {
        match op {
            Op::Seq(ops) => ops.iter().all(|op| self.run(op)),
            Op::Do(op) => {
                let saved = self.saved();
                self.run(op);
                self.restore(saved);
                true
            }
            Op::Try(op) => {
                let saved = self.saved();
                if !self.run(op) {
                    self.restore(saved);
                }
                true
            }
            Op::Or(ops) => {
                let saved = self.saved();
                ops.iter().any(|op| {
                    self.restore(saved);
                    self.run(op)
                })
            }
            Op::And(ops) => {
                let saved = self.saved();
                ops.iter().all(|op| {
                    self.restore(saved);
                    self.run(op)
                })
            }
            Op::Not(op) => {
                let saved = self.saved();
                let failed = !self.run(op);
                self.restore(saved);
                failed
            }
            Op::Test(op) => {
                let saved = self.saved();
                let holds = self.run(op);
                self.restore(saved);
                holds
            }
            Op::Literal(s) => self.ends_with(s.chars().collect::<Vec<_>>().into_iter()),
            Op::In(group) => self.letter_before(|c| group.contains(c)),
            Op::NotIn(group) => self.letter_before(|c| !group.contains(c)),
            Op::Next => self.letter_before(|_| true),
            Op::AtLimit => self.c == self.limit,
            Op::SliceEnd => {
                self.ket = self.c;
                true
            }
            Op::SliceStart => {
                self.bra = self.c;
                true
            }
            Op::Delete => {
                self.replace("");
                true
            }
            Op::Replace(by) => {
                self.replace(by);
                true
            }
            Op::SetLimit(mark, op) => {
                let mark = self.mark(*mark);
                if self.c < mark {
                    return false;
                }
                let limit = std::mem::replace(&mut self.limit, mark);
                let holds = self.run(op);
                self.limit = limit;
                holds
            }
            Op::Suffix(mark, branches) => {
                let mark = self.mark(*mark);
                if self.c < mark {
                    return false;
                }
                let limit = std::mem::replace(&mut self.limit, mark);
                self.ket = self.c;
                let found = self.find(branches);
                self.limit = limit;
                let Some(action) = found else {
                    return false;
                };
                self.bra = self.c;
                self.act(action)
            }
            Op::Among(branches) => match self.find(branches) {
                Some(action) => self.act(action),
                None => false,
            },
            Op::Call(routine) => {
                let rules = self.rules;
                self.run(&rules.routines[routine])
            }
            Op::AfterMark(mark) => self.mark(*mark) <= self.c,
            Op::Set(name) => {
                if !self.booleans.contains(name) {
                    self.booleans.push(name);
                }
                true
            }
            Op::IsSet(name) => self.booleans.contains(name),
            Op::SliceTo(name) => {
                let slice = self.word[self.bra..self.ket].to_vec();
                self.strings.retain(|(n, _)| n != name);
                self.strings.push((name, slice));
                true
            }
            Op::EqualsString(name) => {
                let value = (self.strings.iter())
                    .find(|(n, _)| n == name)
                    .map(|(_, value)| value.clone())
                    .unwrap_or_default();
                self.ends_with(value.into_iter())
            }
            Op::Goto(op) => loop {
                let saved = self.saved();
                let holds = self.run(op);
                self.restore(saved);
                if holds {
                    return true;
                }
                if self.c <= self.limit {
                    return false;
                }
                self.c -= 1;
            },
        }
    }
}

/// What a search result shows and, for sessions, what "my programme" needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// `session`, `speaker` or `theme`.
    pub kind: &'static str,
    pub title: String,
    /// The page's link from the output root (`da/x/index.html`).
    pub address: String,
    /// The page's language, where it is not the index's.
    pub lang: Option<String>,
    /// A line under the title, in parts: when and where, or role and organisation.
    pub detail: Vec<String>,
    pub session: Option<SessionData>,
    /// Text searched but not shown.
    pub text: String,
}

/// A session's calendar data, for "my programme" and its `.ics` built in the browser.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionData {
    /// [`crate::model::Entry::uid`]: the same in every language and in every export.
    pub uid: String,
    /// UTC, `20251113T081500Z`, from the programme's zone at build time.
    pub start: Option<String>,
    /// Minutes from start to end.
    pub minutes: Option<i64>,
    /// All-day sessions: `20251113`.
    pub date: Option<String>,
    /// Room and venue.
    pub location: Vec<String>,
    pub status: Option<crate::front_matter::Status>,
}

/// One document as the browser reads it: short keys, repeated texts (days, rooms,
/// programmes, folders) as numbers into `strings`. A 10,000-session index stays a few MB.
#[derive(Serialize)]
struct Doc<'a> {
    k: &'static str,
    t: &'a str,
    /// The folder of the page's address, in `strings`.
    f: usize,
    /// The rest of its address.
    s: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    l: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    d: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    u: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    m: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    o: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x: Option<crate::front_matter::Status>,
}

impl Document {
    /// `da/prog/theme/session/index.html` → `da/prog/theme/` and `session/index.html`.
    fn folder_and_rest(&self) -> (&str, &str) {
        let cut = self
            .address
            .trim_end_matches("index.html")
            .trim_end_matches('/')
            .rfind('/')
            .map_or(0, |i| i + 1);
        self.address.split_at(cut)
    }

    /// The texts the index keeps once in `strings`, in the order they are numbered.
    fn shared_texts(&self) -> impl Iterator<Item = &str> {
        let location = self.session.iter().flat_map(|s| &s.location);
        std::iter::once(self.folder_and_rest().0)
            .chain(self.detail.iter().map(String::as_str))
            .chain(location.map(String::as_str))
    }
}

/// A language's index as last made, kept by `serve` between rebuilds: each document's
/// terms and JSON, each term's JSON. After an edit only the documents that changed are
/// split into terms and written again (at 10,000 sessions an index has 13,000 documents).
/// The script is the same, byte for byte, as one made from nothing.
#[derive(Default)]
pub struct IndexState {
    docs: Vec<IndexedDoc>,
    /// Term → the numbers of the documents that contain it, ascending, and its JSON.
    terms: BTreeMap<String, (Vec<u32>, String)>,
    /// The shared texts, numbered by first use.
    strings: Vec<String>,
    /// Word (lower case) → its term: stemming is the costly part of splitting.
    stems: HashMap<String, String>,
}

struct IndexedDoc {
    doc: Arc<Document>,
    /// Its distinct terms.
    terms: Vec<String>,
    json: String,
}

impl IndexState {
    /// The index of `docs` in `lang` as a script that hands it to `samling.js` (a script,
    /// not JSON, so that it loads from disk too, where `fetch` is refused); `self` is
    /// updated to them.
    pub fn script(&mut self, lang: &str, docs: &[Arc<Document>]) -> String {
        let rules = rules_for(lang);
        if self.docs.len() != docs.len() {
            // Documents added or removed: every number after them moves.
            let stems = std::mem::take(&mut self.stems);
            *self = IndexState {
                stems,
                ..IndexState::default()
            };
        }
        let changed: Vec<usize> = if self.docs.is_empty() {
            (0..docs.len()).collect()
        } else {
            (0..docs.len())
                .filter(|&n| {
                    let old = &self.docs[n].doc;
                    !Arc::ptr_eq(old, &docs[n]) && **old != *docs[n]
                })
                .collect()
        };
        // The shared texts are numbered again only if a changed document uses others.
        let strings_same = !self.docs.is_empty()
            && changed
                .iter()
                .all(|&n| self.docs[n].doc.shared_texts().eq(docs[n].shared_texts()));
        let mut dirty: BTreeSet<String> = BTreeSet::new();
        let fresh = self.docs.is_empty();
        for &n in &changed {
            let terms = self.terms_of(&docs[n], rules);
            let number = n as u32;
            if let Some(old) = self.docs.get(n) {
                for term in &old.terms {
                    if let Some((list, _)) = self.terms.get_mut(term)
                        && let Ok(at) = list.binary_search(&number)
                    {
                        list.remove(at);
                        dirty.insert(term.clone());
                    }
                }
            }
            for term in &terms {
                let list = &mut self.terms.entry(term.clone()).or_default().0;
                if let Err(at) = list.binary_search(&number) {
                    list.insert(at, number);
                }
                if !fresh {
                    dirty.insert(term.clone());
                }
            }
            let indexed = IndexedDoc {
                doc: Arc::clone(&docs[n]),
                terms,
                json: String::new(),
            };
            if fresh {
                self.docs.push(indexed);
            } else {
                self.docs[n] = indexed;
            }
        }
        if fresh {
            for (term, (list, json)) in &mut self.terms {
                *json = term_json(term, list);
            }
        } else {
            for term in dirty {
                match self.terms.get_mut(&term) {
                    Some((list, _)) if list.is_empty() => {
                        self.terms.remove(&term);
                    }
                    Some((list, json)) => *json = term_json(&term, list),
                    None => {}
                }
            }
        }
        if strings_same {
            let numbers = numbers(&self.strings);
            for &n in &changed {
                self.docs[n].json = doc_json(&self.docs[n].doc, &numbers);
            }
        } else {
            let mut strings = Vec::new();
            for indexed in &self.docs {
                for text in indexed.doc.shared_texts() {
                    strings.push(text.to_owned());
                }
            }
            let mut seen = BTreeSet::new();
            strings.retain(|s| seen.insert(s.clone()));
            let old = std::mem::replace(&mut self.strings, strings);
            let (was, is) = (numbers(&old), numbers(&self.strings));
            // Texts are numbered in the order they first appear: one new or gone moves
            // only those after it, and a document is written again only if it changed or
            // one of its texts has moved (all of them, after a time edit, took 40 ms).
            let moved = |doc: &Document| doc.shared_texts().any(|t| was.get(t) != is.get(t));
            for (n, indexed) in self.docs.iter_mut().enumerate() {
                if fresh || changed.binary_search(&n).is_ok() || moved(&indexed.doc) {
                    indexed.json = doc_json(&indexed.doc, &is);
                }
            }
        }
        self.assemble(lang, rules)
    }

    /// The distinct terms of a document's title and text, in the order they first appear.
    fn terms_of(&mut self, doc: &Document, rules: Option<&Rules>) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        let mut word = String::new();
        let raw = doc.title.split(not_word).chain(doc.text.split(not_word));
        for part in raw.filter(|w| !w.is_empty()) {
            // As `words`, into one buffer: most words are known already.
            word.clear();
            word.extend(part.chars().flat_map(char::to_lowercase));
            if !self.stems.contains_key(word.as_str()) {
                self.stems.insert(word.clone(), stem(&word, rules));
            }
            let term = &self.stems[word.as_str()];
            if !terms.contains(term) {
                terms.push(term.clone());
            }
        }
        terms
    }

    /// The script, from the parts kept: what `serde_json` writes for the whole index.
    fn assemble(&self, lang: &str, rules: Option<&Rules>) -> String {
        let size = self.docs.iter().map(|d| d.json.len() + 1).sum::<usize>()
            + self.terms.values().map(|t| t.1.len() + 1).sum::<usize>();
        let mut out = String::with_capacity(size + 4096);
        out.push_str("window.samlingIndex={\"lang\":");
        out.push_str(&crate::text::script_json(&lang));
        out.push_str(",\"rules\":");
        out.push_str(&crate::text::script_json(&rules));
        out.push_str(",\"strings\":");
        out.push_str(&crate::text::script_json(&self.strings));
        out.push_str(",\"docs\":[");
        for (n, indexed) in self.docs.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(&indexed.json);
        }
        out.push_str("],\"terms\":{");
        for (n, (_, json)) in self.terms.values().enumerate() {
            if n > 0 {
                out.push(',');
            }
            out.push_str(json);
        }
        out.push_str("}};\n");
        out
    }
}

/// Each shared text's number.
fn numbers(strings: &[String]) -> HashMap<&str, usize> {
    strings
        .iter()
        .enumerate()
        .map(|(n, s)| (s.as_str(), n))
        .collect()
}

/// `"term":[gaps]`: the documents containing a term, as gaps between their numbers.
fn term_json(term: &str, list: &[u32]) -> String {
    let mut previous = 0;
    let gaps: Vec<u32> = list
        .iter()
        .map(|&n| {
            let gap = n - previous;
            previous = n;
            gap
        })
        .collect();
    format!(
        "{}:{}",
        crate::text::script_json(&term),
        crate::text::script_json(&gaps)
    )
}

fn doc_json(doc: &Document, numbers: &HashMap<&str, usize>) -> String {
    let number = |text: &str| numbers.get(text).copied().unwrap_or_default();
    let (folder, rest) = doc.folder_and_rest();
    let session = doc.session.as_ref();
    crate::text::script_json(&Doc {
        k: match doc.kind {
            "session" => "s",
            "speaker" => "p",
            "meeting" => "m",
            "item" => "i",
            _ => "t",
        },
        t: &doc.title,
        f: number(folder),
        s: rest,
        l: doc.lang.as_deref(),
        d: doc.detail.iter().map(|p| number(p)).collect(),
        u: session.map(|s| s.uid.as_str()),
        a: session.and_then(|s| s.start.as_deref()),
        m: session.and_then(|s| s.minutes),
        y: session.and_then(|s| s.date.as_deref()),
        o: session
            .map(|s| s.location.iter().map(|p| number(p)).collect())
            .unwrap_or_default(),
        x: session.and_then(|s| s.status),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn da(word: &str) -> String {
        stem(word, rules_for("da"))
    }

    #[test]
    fn danish_inflections_share_a_stem() {
        let forms = [
            "kommune",
            "kommuner",
            "kommunerne",
            "kommunernes",
            "kommunen",
        ];
        let stems: Vec<String> = forms.iter().map(|w| da(w)).collect();
        assert!(stems.iter().all(|s| s == "kommun"), "{stems:?}");
        assert_eq!(da("udfordringerne"), da("udfordring"));
        assert_eq!(da("debatten"), da("debat"));
        // Snowball's own examples for Danish.
        assert_eq!(da("indtager"), "indtag");
        assert_eq!(da("løbende"), "løb");
        assert_eq!(da("kendelse"), "kend");
        assert_eq!(da("kærlighed"), "kær");
    }

    #[test]
    fn swedish_and_norwegian() {
        let sv = |w: &str| stem(w, rules_for("sv"));
        assert_eq!(sv("kommunerna"), sv("kommuner"));
        assert_eq!(sv("samverkans"), "samverkan");
        assert_eq!(sv("regionernas"), sv("region"));
        let nb = |w: &str| stem(w, rules_for("nb"));
        assert_eq!(nb("kommunene"), nb("kommune"));
        assert_eq!(nb("utfordringene"), nb("utfordring"));
        assert!(
            rules_for("nn").is_some() && rules_for("fi").is_some() && rules_for("is").is_none()
        );
        assert_eq!(stem("Kommunerne", None), "Kommunerne");
    }

    #[test]
    fn index_lists_stems_with_gaps() {
        let doc = |title: &str| Document {
            kind: "session",
            title: title.into(),
            ..Document::default()
        };
        let docs = [
            doc("Kommunerne"),
            doc("Regionen"),
            doc("Kommunen og regionen"),
        ];
        let docs: Vec<Arc<Document>> = docs.into_iter().map(Arc::new).collect();
        let script = IndexState::default().script("da", &docs);
        assert!(script.starts_with("window.samlingIndex={"));
        assert!(script.contains("\"kommun\":[0,2]"), "{script}");
        assert!(script.contains("\"region\":[1,1]"), "{script}");
    }

    /// `serve` updates the index it kept; the script must be what a build writes.
    #[test]
    fn an_updated_index_is_the_index_made_anew() {
        let doc = |title: &str, room: &str| {
            Arc::new(Document {
                kind: "session",
                title: title.into(),
                address: format!("da/p/{}/index.html", slug(title)),
                detail: vec!["torsdag".into(), room.into()],
                session: Some(SessionData {
                    uid: title.into(),
                    location: vec![room.into()],
                    ..SessionData::default()
                }),
                text: "Kommunerne og regionen </script>".into(),
                ..Document::default()
            })
        };
        fn slug(title: &str) -> String {
            title.to_lowercase().replace(' ', "-")
        }
        let first = vec![
            doc("Fremtidens kommuner", "Sal A"),
            doc("Regionen", "Sal B"),
            doc("Klima", "Sal A"),
        ];
        let mut kept = IndexState::default();
        assert_eq!(
            kept.script("da", &first),
            IndexState::default().script("da", &first)
        );
        let edits: [Vec<Arc<Document>>; 5] = [
            // A room no document had, before the others' rooms: the texts after it move,
            // and the unchanged last document's number of "Sal A" with them.
            vec![
                doc("Fremtidens kommuner", "Sal X"),
                first[1].clone(),
                first[2].clone(),
            ],
            // A title: terms come and go.
            vec![
                first[0].clone(),
                doc("Regionernes klima", "Sal B"),
                first[2].clone(),
            ],
            // A room no document had: the shared texts are numbered again.
            vec![
                first[0].clone(),
                doc("Regionernes klima", "Sal C"),
                first[2].clone(),
            ],
            // Terms lose a document ("klima") or go ("regionernes").
            vec![first[0].clone(), doc("Nye veje", "Sal C"), first[2].clone()],
            // A document added.
            vec![
                doc("Ny", "Sal A"),
                first[0].clone(),
                first[1].clone(),
                first[2].clone(),
            ],
        ];
        for docs in edits {
            let made = IndexState::default().script("da", &docs);
            assert_eq!(kept.script("da", &docs), made);
            assert!(!made.contains("</script>"), "{made}");
        }
        let json = kept.script("da", &first);
        let json = json
            .strip_prefix("window.samlingIndex=")
            .and_then(|j| j.strip_suffix(";\n"))
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["terms"]["region"], serde_json::json!([0, 1, 1]));
        assert_eq!(
            value["strings"],
            serde_json::json!(["da/p/", "torsdag", "Sal A", "Sal B"])
        );
        assert_eq!(value["docs"][1]["d"], serde_json::json!([1, 3]));
    }

    /// Snowball's vocabulary and its expected stems (`tests/fixtures/snowball`), word by
    /// word: the words where `stem` differs, as (word, expected, got).
    fn snowball_differences(language: &str, code: &str) -> (usize, Vec<(String, String, String)>) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/snowball")
            .join(language);
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
        let (words, expected) = (read("voc.txt"), read("output.txt"));
        let pairs: Vec<(&str, &str)> = words.lines().zip(expected.lines()).collect();
        assert_eq!(
            pairs.len(),
            words.lines().count(),
            "{language}: voc and output differ in length"
        );
        assert_eq!(
            pairs.len(),
            expected.lines().count(),
            "{language}: voc and output differ in length"
        );
        let rules = rules_for(code);
        let differing = pairs
            .iter()
            .map(|(word, expected)| (word, expected, stem(word, rules)))
            .filter(|(_, expected, got)| got != *expected)
            .map(|(w, e, g)| (w.to_string(), e.to_string(), g))
            .collect();
        (pairs.len(), differing)
    }

    fn assert_snowball(language: &str, code: &str) {
        let (compared, differing) = snowball_differences(language, code);
        assert!(compared > 10_000, "{language}: only {compared} words");
        assert!(
            differing.is_empty(),
            "{language}: {} of {compared} words stem otherwise than Snowball's; the first (word, expected, got): {:?}",
            differing.len(),
            &differing[..differing.len().min(20)]
        );
    }

    #[test]
    fn danish_is_snowballs() {
        assert_snowball("danish", "da");
    }

    #[test]
    fn swedish_is_snowballs() {
        assert_snowball("swedish", "sv");
    }

    #[test]
    fn norwegian_is_snowballs() {
        // Snowball's one Norwegian stemmer serves Bokmål and Nynorsk alike.
        for code in ["nb", "nn", "no", "nn-NO"] {
            assert_snowball("norwegian", code);
        }
    }

    #[test]
    fn finnish_is_snowballs() {
        assert_snowball("finnish", "fi");
    }
}
