//! Write stage: put the whole site into a temporary folder beside the output, then swap it
//! in. A build that fails at any point leaves the previous output exactly as it was.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Error, Result};

/// A file of the built site: a path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Writes `files` as the new content of `output`, replacing what was there only when all
/// files were written.
pub fn write_atomically(output: &Path, files: &[OutputFile]) -> Result<()> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, "create the output's folder", e))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let staging = parent.join(format!(".{name}.samling-new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.samling-old-{}", std::process::id()));
    // Left-overs of a build that was killed half-way.
    for stale in [&staging, &retired] {
        if stale.exists() {
            fs::remove_dir_all(stale)
                .map_err(|e| Error::io(stale, "remove an old temporary folder", e))?;
        }
    }
    if let Err(err) = write_all(&staging, files) {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    if output.exists() {
        fs::rename(output, &retired).map_err(|e| {
            let _ = fs::remove_dir_all(&staging);
            Error::io(output, "move the previous output aside", e)
        })?;
    }
    if let Err(e) = fs::rename(&staging, output) {
        // Put the previous output back.
        let _ = fs::rename(&retired, output);
        let _ = fs::remove_dir_all(&staging);
        return Err(Error::io(output, "move the new output into place", e));
    }
    if retired.exists() {
        fs::remove_dir_all(&retired)
            .map_err(|e| Error::io(&retired, "remove the previous output", e))?;
    }
    Ok(())
}

fn write_all(staging: &Path, files: &[OutputFile]) -> Result<()> {
    fs::create_dir_all(staging).map_err(|e| Error::io(staging, "create a temporary folder", e))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| staging.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    // A site of 10,000 sessions has a folder per page: made in parallel, as the files are
    // (create_dir_all takes a folder made meanwhile by another thread as made).
    dirs.par_iter().try_for_each(|dir| {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create a folder", e))
    })?;
    files.par_iter().try_for_each(|file| {
        let path = staging.join(&file.path);
        fs::write(&path, &file.bytes).map_err(|e| Error::io(&path, "write", e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_output_and_removes_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &[file("a/index.html", "1"), file("old.html", "x")]).unwrap();
        write_atomically(&out, &[file("a/index.html", "2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "2");
        assert!(!out.join("old.html").exists());
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary folders are left behind");
    }

    #[test]
    fn a_failed_write_keeps_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &[file("index.html", "good")]).unwrap();
        // A file and a folder of the same name cannot both be written.
        let err = write_atomically(&out, &[file("x", "1"), file("x/y", "2")]);
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "good");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }
}
