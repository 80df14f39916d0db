//! When each content file was last committed, where the site is a git repository: the
//! record of edits that calendars stamp their events with (`DTSTAMP`), so that an event
//! edited and committed gets a newer stamp and a client replaces its copy. Read from one
//! `git log` (the git binary, not a library: gix or git2 would add some hundred crates, or
//! C, for one query); with no git or no repository there is no record, and builds stay the
//! same bytes for the same files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::Timestamp;

/// The newest commit time of every file under `content/` that git has a record of, by path
/// relative to the site root. Uncommitted edits have their last commit's time: the record
/// is what was committed, the same in every clone.
#[derive(Debug, Clone, Default)]
pub struct Commits {
    times: HashMap<PathBuf, Timestamp>,
}

/// What starts each commit's line in the log, before its time: a byte no path has.
const COMMIT_MARK: char = '\u{1}';

impl Commits {
    /// The record of the folder `content` of the site at `root`, or none: git not
    /// installed, not a repository, or a log git could not give.
    pub fn of(root: &Path, content: &str) -> Commits {
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            .args([
                "-c",
                "core.quotePath=false",
                "log",
                // A merge is no edit: the commit that made the change is.
                "--no-merges",
                "--no-renames",
                "--relative",
                "--name-only",
                "--format=\u{1}%ct",
                "--",
                content,
            ])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output();
        match output {
            Ok(out) if out.status.success() => {
                Commits::from_log(&String::from_utf8_lossy(&out.stdout))
            }
            _ => Commits::default(),
        }
    }

    /// The times in a log of commits (each a marked line with its Unix time, then the paths
    /// it touched).
    fn from_log(log: &str) -> Commits {
        let mut times: HashMap<PathBuf, Timestamp> = HashMap::new();
        let mut at = None;
        for line in log.lines() {
            if let Some(seconds) = line.strip_prefix(COMMIT_MARK) {
                at = seconds
                    .trim()
                    .parse()
                    .ok()
                    .and_then(|s| Timestamp::from_second(s).ok());
            } else if let (Some(at), false) = (at, line.is_empty()) {
                let newest = times.entry(PathBuf::from(line)).or_insert(at);
                *newest = (*newest).max(at);
            }
        }
        Commits { times }
    }

    /// When the file at `path` (relative to the site root) was last committed.
    pub fn time(&self, path: &Path) -> Option<Timestamp> {
        self.times.get(path).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_has_its_newest_commits_time() {
        let log = "\u{1}1764000000\n\ncontent/a.da.md\ncontent/b.sv.md\n\u{1}1763000000\n\ncontent/a.da.md\ncontent/c.nb.md\n";
        let commits = Commits::from_log(log);
        let at = |s| Some(Timestamp::from_second(s).unwrap());
        assert_eq!(commits.time(Path::new("content/a.da.md")), at(1764000000));
        assert_eq!(commits.time(Path::new("content/b.sv.md")), at(1764000000));
        assert_eq!(commits.time(Path::new("content/c.nb.md")), at(1763000000));
        assert_eq!(commits.time(Path::new("content/d.da.md")), None);
    }
}
