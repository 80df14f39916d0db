//! Load stage: walk `content/`, split each file into front matter and Markdown body.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic};

pub const CONTENT_DIR: &str = "content";
pub const INDEX_STEM: &str = "_index";

/// One Markdown file of `content/`, split but not yet interpreted.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, for messages (`content/x/y.da.md`).
    pub path: PathBuf,
    /// The folder inside `content/`, as `/`-separated names (`""` at the top).
    pub dir: String,
    /// The file name without language and extension (`y`, or `_index`).
    pub stem: String,
    pub lang: String,
    pub text: String,
    /// Byte range of the TOML between the `+++` lines.
    pub front: Range<usize>,
    /// Byte range of the Markdown after the closing `+++` line.
    pub body: Range<usize>,
    /// The front matter's `kind` field, to find the page's kind before typed parsing.
    pub kind: Option<toml::Value>,
    /// When the file was last committed, if the site is in git: [`crate::history`].
    pub committed: Option<jiff::Timestamp>,
}

impl SourceFile {
    pub fn is_index(&self) -> bool {
        self.stem == INDEX_STEM
    }

    pub fn front_text(&self) -> &str {
        &self.text[self.front.clone()]
    }

    pub fn body_text(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// Parses the front matter into `T`, with errors placed in the Markdown file.
    ///
    /// serde stops at the first problem; organisers should see all of them in one run, so
    /// each offending `key = value` line is blanked out (offsets stay the same) and the text
    /// parsed again, as long as that can be done without inventing new problems.
    pub fn parse_front<T: serde::de::DeserializeOwned>(&self) -> Result<T, Vec<Diagnostic>> {
        let mut front = self.front_text().to_owned();
        let mut problems = Vec::new();
        loop {
            let err = match toml::from_str(&front) {
                Ok(parsed) if problems.is_empty() => return Ok(parsed),
                Ok(_) => return Err(problems),
                Err(err) => err,
            };
            // A required field found missing after a line was blanked out (or misspelt) is
            // not a new problem.
            let again = !problems.is_empty() && err.message().starts_with("missing field");
            if again {
                return Err(problems);
            }
            problems.push(diagnostic::from_toml(
                &self.path,
                &self.text,
                self.front.start,
                &err,
            ));
            let Some(span) = err.span() else {
                return Err(problems);
            };
            if err.message().starts_with("missing field") {
                return Err(problems);
            }
            let start = front[..span.start.min(front.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let end = front[start..].find('\n').map_or(front.len(), |i| start + i);
            let line = &front[start..end];
            let key = line.split('=').next().unwrap_or("").trim();
            // Only single `key = value` lines of valid TOML: a table header or a multi-line
            // value would change the meaning of the lines after it.
            let simple = line.contains('=')
                && !key.starts_with('[')
                && !line.contains("\"\"\"")
                && !line.contains("'''")
                && problems.len() < 50
                && toml::from_str::<toml::Table>(&front).is_ok();
            if !simple {
                return Err(problems);
            }
            front.replace_range(start..end, &" ".repeat(end - start));
        }
    }

    /// The key shared by all translations of this page: folder and stem.
    pub fn key(&self) -> String {
        match (self.dir.is_empty(), self.is_index()) {
            (true, true) => String::new(),
            (true, false) => self.stem.clone(),
            (false, true) => self.dir.clone(),
            (false, false) => format!("{}/{}", self.dir, self.stem),
        }
    }
}

/// The files of one page in its languages, in the order of the site's languages.
pub type Group = Vec<Arc<SourceFile>>;

/// The Markdown files of `content/`, loaded, by path and grouped by page. `serve` keeps them
/// between builds and re-reads only the paths that changed.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: BTreeMap<PathBuf, Result<Arc<SourceFile>, Diagnostic>>,
    /// The loaded files by page key (translations share one).
    groups: BTreeMap<String, Group>,
    // The two kinds of problems, kept as files come and go: `serve` asks after every
    // edit, and looking through 30,000 files took 3.5 ms.
    /// The files that could not be loaded.
    failed: BTreeSet<PathBuf>,
    /// The pages with two files in one language.
    clashing: BTreeSet<String>,
    /// The page keys by their lower case, to find keys that differ only by case.
    folded: BTreeMap<String, BTreeSet<String>>,
    /// Whether `content/` exists at all.
    missing: bool,
    /// The links in `content/` that were not followed, with their targets.
    links: BTreeMap<PathBuf, PathBuf>,
    /// When each file was last committed, read once: edits in `serve` are not commits.
    commits: Arc<crate::history::Commits>,
}

impl Sources {
    /// Reads every `.md` file under `content/`.
    pub fn load(root: &Path, config: &Config) -> Sources {
        let mut sources = Sources {
            commits: Arc::new(crate::history::Commits::of(root, CONTENT_DIR)),
            ..Sources::default()
        };
        sources.rescan(root, config, Path::new(CONTENT_DIR));
        sources
    }

    /// Reads again the files and folders at `paths` (relative to the site root, inside
    /// `content/`), whether they changed, appeared or vanished.
    pub fn update<'p>(
        &mut self,
        root: &Path,
        config: &Config,
        paths: impl IntoIterator<Item = &'p PathBuf>,
    ) {
        for path in paths {
            self.rescan(root, config, path);
        }
    }

    /// The loaded files, grouped by page key.
    pub fn groups(&self) -> &BTreeMap<String, Group> {
        &self.groups
    }

    /// The page keys and languages of the files that could not be loaded, by their names.
    pub fn failed_pages(&self) -> impl Iterator<Item = (String, &str)> {
        self.failed.iter().filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            let (stem, lang) = split_name(name)?;
            let dir = path
                .parent()?
                .strip_prefix(CONTENT_DIR)
                .ok()?
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let key = match (dir.is_empty(), stem == INDEX_STEM) {
                (true, true) => String::new(),
                (true, false) => stem.to_owned(),
                (false, true) => dir,
                (false, false) => format!("{dir}/{stem}"),
            };
            Some((key, lang))
        })
    }

    /// A warning for every link in `content/` that was skipped, naming it and its target:
    /// samling does not follow links, so that `build` and `serve` read the same files and
    /// nothing from outside the site is published.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.links
            .iter()
            .map(|(link, target)| skipped_link(link, target))
            .collect()
    }

    /// The problems of the files that could not be loaded.
    pub fn problems(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        if self.missing {
            problems.push(
                Diagnostic::new(CONTENT_DIR, "the site has no content folder").with_hint(
                    "pages are Markdown files in content/, e.g. content/programme/_index.da.md",
                ),
            );
        }
        problems.extend(
            self.failed
                .iter()
                .filter_map(|path| self.files.get(path)?.as_ref().err())
                .cloned(),
        );
        // `x.da.md` and `x/_index.da.md` are both the page `da/x/`: the model keeps the first.
        for group in self.clashing.iter().filter_map(|key| self.groups.get(key)) {
            for pair in group.windows(2) {
                if pair[0].lang == pair[1].lang {
                    problems.push(
                        Diagnostic::new(
                            &pair[1].path,
                            format!(
                                "{} is the same page (`{}/{}/`)",
                                pair[0].path.display(),
                                pair[1].lang,
                                pair[1].key()
                            ),
                        )
                        .with_hint(format!(
                            "a folder's own page is its _index file: rename this file or move its text into {}",
                            pair[0].path.display()
                        )),
                    );
                }
            }
        }
        // `Session.da.md` and `session.da.md` are one file on Windows and macOS.
        for keys in self.folded.values().filter(|keys| keys.len() > 1) {
            let groups: Vec<&Group> = keys.iter().filter_map(|k| self.groups.get(k)).collect();
            for pair in groups.windows(2) {
                problems.push(
                    Diagnostic::new(
                        &pair[1][0].path,
                        format!(
                            "{} has the same name but for upper and lower case",
                            pair[0][0].path.display()
                        ),
                    )
                    .with_hint(
                        "Windows and macOS keep them as one file, and addresses differ by case: rename one of them",
                    ),
                );
            }
        }
        problems
    }

    fn insert(
        &mut self,
        path: PathBuf,
        loaded: Result<Arc<SourceFile>, Diagnostic>,
        config: &Config,
    ) {
        if loaded.is_err() {
            self.failed.insert(path.clone());
        } else {
            self.failed.remove(&path);
        }
        let key = loaded.as_ref().ok().map(|file| file.key());
        if let Ok(file) = &loaded {
            // In language order; a folder's `_index` before a file of the same address, so
            // that the page the model keeps does not depend on the order files were read.
            let position = |f: &SourceFile| {
                (
                    config.languages.iter().position(|l| l.code == f.lang),
                    !f.is_index(),
                )
            };
            let group = self.groups.entry(file.key()).or_default();
            let at = group.partition_point(|f| position(f) < position(file));
            group.insert(at, Arc::clone(file));
        }
        if let Some(Ok(old)) = self.files.insert(path, loaded) {
            self.forget(&old);
        }
        if let Some(key) = key {
            self.check_clash(key);
        }
    }

    fn remove(&mut self, path: &Path) {
        self.failed.remove(path);
        if let Some(Ok(old)) = self.files.remove(path) {
            self.forget(&old);
        }
    }

    /// Takes `file` out of its group.
    fn forget(&mut self, file: &Arc<SourceFile>) {
        let key = file.key();
        if let Some(group) = self.groups.get_mut(&key) {
            group.retain(|f| !Arc::ptr_eq(f, file));
            if group.is_empty() {
                self.groups.remove(&key);
            }
        }
        self.check_clash(key);
    }

    /// Notes whether the page `key` has two files in one language (neighbours in its group),
    /// and whether it is a page at all, by its lower case.
    fn check_clash(&mut self, key: String) {
        let group = self.groups.get(&key);
        let clash =
            group.is_some_and(|group| group.windows(2).any(|pair| pair[0].lang == pair[1].lang));
        let folded = key.to_lowercase();
        if group.is_some() {
            self.folded.entry(folded).or_default().insert(key.clone());
        } else if let Some(keys) = self.folded.get_mut(&folded) {
            keys.remove(&key);
            if keys.is_empty() {
                self.folded.remove(&folded);
            }
        }
        if clash {
            self.clashing.insert(key);
        } else {
            self.clashing.remove(&key);
        }
    }

    /// Forgets what was loaded at or below `path`, then loads what is there now.
    fn rescan(&mut self, root: &Path, config: &Config, path: &Path) {
        let below: Vec<PathBuf> = self
            .files
            .range(path.to_owned()..)
            .map(|(p, _)| p)
            .take_while(|p| p.starts_with(path))
            .cloned()
            .collect();
        for p in below {
            self.remove(&p);
        }
        let links: Vec<PathBuf> = self
            .links
            .range(path.to_owned()..)
            .map(|(p, _)| p)
            .take_while(|p| p.starts_with(path))
            .cloned()
            .collect();
        for link in links {
            self.links.remove(&link);
        }
        let content = root.join(CONTENT_DIR);
        self.missing = !content.is_dir();
        // What is seen through a link is not the site's (the link itself is seen below).
        let behind_link = path
            .ancestors()
            .skip(1)
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| {
                root.join(a)
                    .symlink_metadata()
                    .is_ok_and(|m| m.is_symlink())
            });
        if behind_link {
            return;
        }
        let full = root.join(path);
        let hidden = path
            .strip_prefix(CONTENT_DIR)
            .is_ok_and(|inner| inner.iter().any(is_hidden));
        if self.missing || hidden || !full.starts_with(&content) || full.symlink_metadata().is_err()
        {
            return;
        }
        let walker = walkdir::WalkDir::new(&full)
            .follow_root_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let at = relative(root, err.path().unwrap_or(&full));
                    let problem = Diagnostic::new(&at, format!("cannot read: {err}"));
                    self.insert(at, Err(problem), config);
                    continue;
                }
            };
            if entry.path_is_symlink() {
                let target = std::fs::read_link(entry.path()).unwrap_or_default();
                self.links.insert(relative(root, entry.path()), target);
                continue;
            }
            if !entry.file_type().is_file() || entry.path().extension().is_none_or(|e| e != "md") {
                continue;
            }
            let loaded = load_file(root, entry.path(), config).map(|mut file| {
                file.committed = self.commits.time(&file.path);
                Arc::new(file)
            });
            self.insert(relative(root, entry.path()), loaded, config);
        }
    }
}

/// The warning for a link that was not followed.
pub fn skipped_link(link: &Path, target: &Path) -> Diagnostic {
    Diagnostic::new(
        link,
        format!(
            "skipped: a link to {}, and samling does not follow links",
            target.display()
        ),
    )
    .with_hint("copy the folder or file into the site")
    .warning()
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_owned()
}

fn load_file(root: &Path, full: &Path, config: &Config) -> Result<SourceFile, Diagnostic> {
    let path = relative(root, full);
    let bytes =
        std::fs::read(full).map_err(|e| Diagnostic::new(&path, format!("cannot read: {e}")))?;
    let text = diagnostic::text_from_bytes(&path, bytes)?;
    let name = full
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Diagnostic::new(&path, "the file name is not valid Unicode"))?;
    let (stem, lang) = split_name(name).ok_or_else(|| {
        Diagnostic::new(&path, "the file name has no language").with_hint(format!(
            "name it `{}.{}.md`",
            name.trim_end_matches(".md"),
            config.default_language().code
        ))
    })?;
    if config.language(lang).is_none() {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        return Err(
            Diagnostic::new(&path, format!("`{lang}` is not a language of this site")).with_hint(
                format!("the languages in config.toml are: {}", codes.join(", ")),
            ),
        );
    }
    let dir = full
        .parent()
        .and_then(|p| p.strip_prefix(root.join(CONTENT_DIR)).ok())
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default();
    // Names compared as Unicode composes them: macOS writes `årsmøde` decomposed (NFD), most
    // editors composed (NFC); both are one page, at the composed address.
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    let dir = nfc.normalize(&dir).into_owned();
    let stem = &*nfc.normalize(stem);
    for (name, what) in dir
        .split('/')
        .filter(|d| !d.is_empty())
        .map(|d| (d, "folder"))
        .chain([(stem, "file")])
    {
        if let Some(problem) = unportable(name) {
            let instead = if what == "file" {
                format!("{}.{lang}.md", portable(name))
            } else {
                portable(name)
            };
            return Err(
                Diagnostic::new(&path, format!("the {what} name `{name}` {problem}"))
                    .with_hint(format!("rename it `{instead}`")),
            );
        }
    }
    SourceFile::parse(path, dir, stem, lang, text)
}

impl SourceFile {
    /// A content file from its text: front matter found and checked to be TOML.
    pub fn parse(
        path: PathBuf,
        dir: String,
        stem: &str,
        lang: &str,
        text: String,
    ) -> Result<SourceFile, Diagnostic> {
        let (front, body) = split_front_matter(&text).map_err(|(span, message, hint)| {
            Diagnostic::at(&path, &text, span, message).with_hint(hint)
        })?;
        let mut table = text[front.clone()]
            .parse::<toml::Table>()
            .map_err(|e| diagnostic::from_toml(&path, &text, front.start, &e))?;
        Ok(SourceFile {
            path,
            dir,
            stem: stem.to_owned(),
            lang: lang.to_owned(),
            text,
            front,
            body,
            kind: table.remove("kind"),
            committed: None,
        })
    }
}

/// What keeps a file or folder name out of an address or off another platform's file
/// system, if anything: it goes into the page's address and the output's folder names.
pub(crate) fn unportable(name: &str) -> Option<String> {
    if let Some(c) = name.chars().find(|c| {
        matches!(
            c,
            '#' | '?' | '%' | ':' | '\\' | '*' | '"' | '<' | '>' | '|'
        ) || c.is_control()
    }) {
        return Some(if c.is_control() {
            format!("holds the control character U+{:04X}", u32::from(c))
        } else {
            format!("holds `{c}`, which addresses and some file systems cannot keep")
        });
    }
    if name.ends_with(['.', ' ']) {
        return Some("ends in a dot or a space, which Windows drops".to_owned());
    }
    // Windows reserves these for devices, with any extension.
    let base = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_ascii_lowercase();
    let reserved = matches!(base.as_str(), "con" | "prn" | "aux" | "nul")
        || (base.len() == 4
            && (base.starts_with("com") || base.starts_with("lpt"))
            && base.as_bytes()[3].is_ascii_digit());
    reserved.then(|| format!("is a device name on Windows (`{base}`)"))
}

/// The name to use instead of an unportable one: the project's address slug, and not a
/// device name.
pub(crate) fn portable(name: &str) -> String {
    let slug = crate::text::slug(name, "name");
    if unportable(&slug).is_some() {
        format!("{slug}-1")
    } else {
        slug
    }
}

/// `name.lang.md` → (`name`, `lang`).
pub fn split_name(file_name: &str) -> Option<(&str, &str)> {
    let base = file_name.strip_suffix(".md")?;
    let (stem, lang) = base.rsplit_once('.')?;
    (!stem.is_empty() && !lang.is_empty()).then_some((stem, lang))
}

type SplitError = (Range<usize>, &'static str, &'static str);

/// Finds the TOML between a first line `+++` and the next line `+++`.
///
/// Accepts a byte-order mark and CRLF line ends, as Windows editors write them.
pub fn split_front_matter(text: &str) -> Result<(Range<usize>, Range<usize>), SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = line_ranges(text, start);
    let opening = lines.next().filter(|r| text[r.clone()].trim_end() == "+++");
    let Some(opening) = opening else {
        return Err((
            start..start,
            "missing front matter",
            "a page starts with a line `+++`, then TOML fields, then another line `+++`",
        ));
    };
    let front_start = next_line(text, opening.end);
    for line in lines {
        if text[line.clone()].trim_end() == "+++" {
            return Ok((
                front_start..line.start,
                next_line(text, line.end)..text.len(),
            ));
        }
    }
    Err((
        opening,
        "front matter is not closed",
        "add a line `+++` after the last field",
    ))
}

fn next_line(text: &str, end_of_line: usize) -> usize {
    (end_of_line + 1).min(text.len())
}

/// Byte ranges of lines (without the `\n`) from `start`.
fn line_ranges(text: &str, start: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = start;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = pos..end;
        pos = end + 1;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text = "+++\ntitle = \"a\"\n+++\nBody\n";
        let (front, body) = split_front_matter(text).unwrap();
        assert_eq!(&text[front], "title = \"a\"\n");
        assert_eq!(&text[body], "Body\n");
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let text = "\u{feff}+++\r\ntitle = \"a\"\r\n+++\r\nBody\r\n";
        let (front, body) = split_front_matter(text).unwrap();
        assert_eq!(&text[front], "title = \"a\"\r\n");
        assert_eq!(&text[body], "Body\r\n");
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let (front, body) = split_front_matter("+++\n+++").unwrap();
        assert!(front.is_empty() && body.is_empty());
    }

    #[test]
    fn reports_missing_and_unclosed() {
        assert_eq!(
            split_front_matter("title = 1\n").unwrap_err().1,
            "missing front matter"
        );
        let err = split_front_matter("+++\ntitle = 1\n").unwrap_err();
        assert_eq!(err.1, "front matter is not closed");
        assert_eq!(err.0, 0..3);
        assert!(split_front_matter("").is_err());
    }

    #[test]
    fn names_that_an_address_or_windows_cannot_keep() {
        for bad in [
            "frag#x?y=1",
            "%2e%2e",
            "kl-10:00",
            "a*b",
            "x.",
            "x ",
            "con",
            "NUL",
            "com1",
            "lpt9",
            "a\u{7}",
        ] {
            assert!(unportable(bad).is_some(), "{bad}");
        }
        for good in ["grønn pause", "årsmøde", "console", "com", "a.b", "_index"] {
            assert_eq!(unportable(good), None, "{good}");
        }
        assert_eq!(portable("frag#x?y=1"), "frag-x-y-1");
        assert_eq!(portable("kl-10:00"), "kl-10-00");
        assert_eq!(portable("con"), "con-1");
    }

    #[test]
    fn file_names() {
        assert_eq!(split_name("seminar-1.da.md"), Some(("seminar-1", "da")));
        assert_eq!(split_name("_index.nb.md"), Some(("_index", "nb")));
        assert_eq!(split_name("seminar.md"), None);
        assert_eq!(split_name(".da.md"), None);
    }
}
