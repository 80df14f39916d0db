//! Write stage: put the whole site into a temporary folder beside the output, then swap it
//! in. A build that fails at any point leaves the previous output exactly as it was.
//!
//! The output folder is replaced whole, so every output samling writes carries a [`MARKER`],
//! and `Site::build` refuses an existing folder without one. Beyond that:
//! - the swap is one `renameat2(RENAME_EXCHANGE)` on Linux, so that the output path always
//!   holds a whole site, the previous or the new one; elsewhere it is two renames
//!   ([`replace_dir`] says what can remain);
//! - a symlinked output is [`resolve`]d: the link stays, its target gets the new site;
//! - a mount point cannot be renamed: the new site is staged inside it and takes the old one's
//!   place entry by entry ([`open_inside`]);
//! - a lock on the folder holding the output keeps two builds from fighting over it, and lets
//!   a build remove what builds killed half-way left there.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Error, Result};

/// The file that marks a folder as one samling wrote, and so may replace.
pub const MARKER: &str = ".samling-output";

const MARKER_TEXT: &str = "This folder was written by `samling build`, which replaces it whole on every build:\n\
anything put here by hand is deleted by the next build.\n";

/// A file of the built site: a path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Whether `dir` is an output samling wrote: it holds the [`MARKER`].
pub fn is_marked(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// `path` made absolute, with `..` and symbolic links resolved, as `realpath` does, but also
/// for a path whose end does not exist yet: a missing part cannot be a link, so from there on
/// `..` is lexical. A dangling link resolves to where its target would be.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    // As Linux allows (ELOOP).
    const MAX_LINKS: usize = 40;
    let mut pending = parts(&std::path::absolute(path)?);
    pending.reverse();
    let mut resolved = PathBuf::new();
    let mut links = 0;
    while let Some(part) = pending.pop() {
        match part {
            Part::Root(root) => resolved = root,
            Part::Parent => {
                resolved.pop();
            }
            Part::Name(name) => {
                resolved.push(name);
                let is_link =
                    fs::symlink_metadata(&resolved).is_ok_and(|m| m.file_type().is_symlink());
                if is_link {
                    links += 1;
                    if links > MAX_LINKS {
                        return Err(io::Error::other(format!(
                            "too many symbolic links in {}",
                            path.display()
                        )));
                    }
                    let target = fs::read_link(&resolved)?;
                    // A relative target starts at the link's folder.
                    resolved.pop();
                    pending.extend(parts(&target).into_iter().rev());
                }
            }
        }
    }
    Ok(resolved)
}

enum Part {
    Root(PathBuf),
    Parent,
    Name(OsString),
}

fn parts(path: &Path) -> Vec<Part> {
    let mut root = PathBuf::new();
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => root.push(component.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => parts.push(Part::Parent),
            Component::Normal(name) => parts.push(Part::Name(name.to_owned())),
        }
    }
    if !root.as_os_str().is_empty() {
        parts.insert(0, Part::Root(root));
    }
    parts
}

/// Whether `name`, inside an output folder, is a temporary folder of a build into a mount
/// point: `.samling-new-PID` or `.samling-old-PID`.
pub fn is_leftover_inside(name: &OsStr) -> bool {
    name.as_encoded_bytes()
        .strip_prefix(b".samling-")
        .is_some_and(is_new_or_old_pid)
}

/// Whether `name`, beside the output folder `output_name`, is a temporary folder of a build
/// into it: `.NAME.samling-new-PID` or `.NAME.samling-old-PID`.
fn is_leftover_beside(name: &OsStr, output_name: &OsStr) -> bool {
    name.as_encoded_bytes()
        .strip_prefix(b".")
        .and_then(|rest| rest.strip_prefix(output_name.as_encoded_bytes()))
        .and_then(|rest| rest.strip_prefix(b".samling-"))
        .is_some_and(is_new_or_old_pid)
}

fn is_new_or_old_pid(rest: &[u8]) -> bool {
    let pid = rest
        .strip_prefix(b"new-")
        .or_else(|| rest.strip_prefix(b"old-"));
    pid.is_some_and(|pid| !pid.is_empty() && pid.iter().all(u8::is_ascii_digit))
}

fn beside(parent: &Path, output_name: &OsStr, which: &str) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(output_name);
    name.push(format!(".samling-{which}-{}", std::process::id()));
    parent.join(name)
}

/// Removes the temporary folders in `dir` that `is_leftover` names: those of builds killed
/// half-way. Only real folders: a link or a file of such a name is not samling's.
fn remove_leftovers(dir: &Path, is_leftover: impl Fn(&OsStr) -> bool) -> Result<()> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        // The type of the entry itself, not of what a link points to.
        if is_leftover(&entry.file_name()) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let path = entry.path();
            fs::remove_dir_all(&path).map_err(|e| {
                Error::io(
                    &path,
                    "remove the temporary folder of an interrupted build",
                    e,
                )
            })?;
        }
    }
    Ok(())
}

/// The next output, written file by file into a temporary folder as the build makes it, so
/// that no more than the files being written are held in memory. [`Staging::commit`] puts
/// it in the output's place; dropped before that (a build that failed), it is removed and
/// the output is as it was.
pub struct Staging {
    output: PathBuf,
    /// The temporary folder: beside the output, or inside it where it cannot be renamed.
    dir: PathBuf,
    place: Place,
    committed: bool,
    // Held until the new output is in place or given up.
    _lock: DirLock,
}

enum Place {
    /// Swapped with the output folder, or renamed to it when there is none yet; an existing
    /// output goes to `retired` where it cannot be swapped in one step ([`replace_dir`]).
    Beside { exists: bool, retired: PathBuf },
    /// Inside a mount point: its entries take the old ones' places ([`open_inside`]).
    Inside,
}

impl Staging {
    /// Makes the temporary folder of a build into `output`, removing those of builds that
    /// were killed there.
    pub fn open(output: &Path) -> Result<Staging> {
        let output = resolve(output).map_err(|e| Error::io(output, "find the output folder", e))?;
        let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
            return Err(Error::new(
                Diagnostic::new(&output, "the output folder cannot be a file system's root")
                    .with_hint("choose a folder of its own, such as public/"),
            ));
        };
        let (parent, name) = (parent.to_owned(), name.to_owned());
        fs::create_dir_all(&parent)
            .map_err(|e| Error::io(&parent, "create the output's folder", e))?;
        let lock = DirLock::take(&parent);
        remove_leftovers(&parent, |entry| is_leftover_beside(entry, &name))?;
        let exists = match fs::symlink_metadata(&output) {
            Ok(meta) if meta.is_dir() => true,
            Ok(_) => {
                return Err(Error::new(
                    Diagnostic::new(&output, "the output folder is a file").with_hint(
                        "remove the file, or choose a folder for the site, such as public/",
                    ),
                ));
            }
            // Any other problem shows at the rename, naming the path.
            Err(_) => false,
        };
        let staging = |dir: PathBuf, place: Place, lock: DirLock| Staging {
            output: output.clone(),
            dir,
            place,
            committed: false,
            _lock: lock,
        };
        if exists && is_mount_point(&output, &parent) {
            let dir = open_inside(&output)?;
            return Ok(staging(dir, Place::Inside, lock));
        }
        let dir = beside(&parent, &name, "new");
        if let Err(e) = fs::create_dir(&dir) {
            // A web root the user may write in a folder they may not (`/var/www/html`): the new
            // site cannot be swapped in beside it, only moved in from inside.
            if exists && can_write_inside_only(&e) {
                let dir = open_inside(&output)?;
                return Ok(staging(dir, Place::Inside, lock));
            }
            return Err(Error::io(&dir, "create a temporary folder", e));
        }
        let retired = beside(&parent, &name, "old");
        Ok(staging(dir, Place::Beside { exists, retired }, lock))
    }

    /// Writes `bytes` to `file` (a path in the output) in the next output, from any thread.
    pub fn write(&self, file: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.join(file);
        if let Some(folder) = path.parent() {
            // create_dir_all takes a folder made meanwhile by another thread as made.
            fs::create_dir_all(folder).map_err(|e| Error::io(folder, "create a folder", e))?;
        }
        fs::write(&path, bytes).map_err(|e| Error::io(&path, "write", e))
    }

    /// Writes `files` into the next output, in parallel.
    pub fn write_all(&self, files: &[OutputFile]) -> Result<()> {
        write_all(&self.dir, files)
    }

    /// Puts the files written into the output's place, with the [`MARKER`].
    pub fn commit(mut self) -> Result<()> {
        let marker = self.dir.join(MARKER);
        // The marker last: it replaces a static file of its name.
        fs::write(&marker, MARKER_TEXT).map_err(|e| Error::io(&marker, "write", e))?;
        // From here on the temporary folder is placed or removed below, not by `drop`.
        self.committed = true;
        let (output, staging) = (&self.output, &self.dir);
        let (exists, retired) = match &self.place {
            Place::Inside => return place_inside(output, staging),
            Place::Beside { exists, retired } => (*exists, retired),
        };
        let placed = if exists {
            replace_dir(staging, output, retired)
        } else {
            fs::rename(staging, output)
        };
        if let Err(e) = placed {
            // A bind mount, on the same device as its parent, shows only now: what was
            // written is copied into it (the rename across mounts cannot move it).
            if exists && is_mount_error(&e) {
                let inside = open_inside(output);
                let copied = inside.and_then(|inside| {
                    copy_tree(staging, &inside)?;
                    Ok(inside)
                });
                let _ = fs::remove_dir_all(staging);
                return place_inside(output, &copied?);
            }
            let _ = fs::remove_dir_all(staging);
            return Err(Error::io(output, "move the new output into place", e));
        }
        // The previous output, now at one of the temporary names.
        for old in [staging, retired] {
            if fs::symlink_metadata(old).is_ok() {
                fs::remove_dir_all(old)
                    .map_err(|e| Error::io(old, "remove the previous output", e))?;
            }
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Copies the files and folders of `from` into the folder `to`.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(from).to_owned();
            Error::io(&path, "read the new output", e.into())
        })?;
        let target = to.join(entry.path().strip_prefix(from).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).map_err(|e| Error::io(&target, "create a folder", e))?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| Error::io(&target, "write", e))?;
        }
    }
    Ok(())
}

/// Puts the folder `staging` in the place of the existing folder `output`. Afterwards the
/// previous output is at `staging` or at `retired`, for the caller to remove; on an error
/// both folders are where they were.
fn replace_dir(staging: &Path, output: &Path, retired: &Path) -> io::Result<()> {
    match exchange(staging, output) {
        Err(e) if e.kind() == io::ErrorKind::Unsupported => {}
        done => return done,
    }
    // No exchange on this system or file system: two renames. A build killed between them
    // leaves no output folder until the next build; the previous site is then in `retired`
    // and the new one in `staging`, and that build removes both.
    fs::rename(output, retired)?;
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(retired, output);
        return Err(e);
    }
    Ok(())
}

/// Swaps the entries at `a` and `b` in one step: both paths exist throughout. `Unsupported`
/// where the system or the file system cannot.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c_path = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))
    };
    let (a, b): (CString, CString) = (c_path(a)?, c_path(b)?);
    // The system call, not glibc's `renameat2`, which needs glibc 2.28.
    // SAFETY: both pointers are to NUL-terminated strings that outlive the call.
    let done = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        return Ok(());
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        // Kernels before 3.15; file systems without exchange (some network ones).
        Some(libc::ENOSYS | libc::EINVAL | libc::EOPNOTSUPP) => {
            Err(io::Error::new(io::ErrorKind::Unsupported, err))
        }
        _ => Err(err),
    }
}

#[cfg(not(target_os = "linux"))]
pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// A rename refused because the folder is a mount point, or because the temporary folder
/// beside it is on another mount.
fn is_mount_error(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::ResourceBusy | io::ErrorKind::CrossesDevices
    )
}

fn can_write_inside_only(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// Whether the folder `dir` is on another file system than its `parent`. A bind mount of the
/// same file system is not seen here: its rename fails (EBUSY or EXDEV), and the write then
/// goes into it as into any mount point.
#[cfg(unix)]
fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(dir), fs::metadata(parent)) {
        (Ok(dir), Ok(parent)) => dir.dev() != parent.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path, _: &Path) -> bool {
    false
}

/// The temporary folder of a build into `output`, a folder that cannot be renamed (a mount
/// point: a mounted web root, a container's volume; or a folder in one the user may not
/// write): inside it, `.samling-new-PID`, so a failure until then leaves the old site as it
/// was. Then ([`place_inside`]) its entries take the old ones' places one by one: a folder in one exchange, a file in
/// one rename. That cannot be a single step: while the entries move (a few system calls per
/// top-level entry: milliseconds), a visitor may get some top-level folders (a language) of
/// the new site and some of the old, and a build killed then leaves such a mix, which the
/// next build replaces. No page of both is missing meanwhile; those only the old site had go
/// last.
fn open_inside(output: &Path) -> Result<PathBuf> {
    remove_leftovers(output, is_leftover_inside)?;
    let staging = output.join(format!(".samling-new-{}", std::process::id()));
    fs::create_dir(&staging).map_err(|e| Error::io(&staging, "create a temporary folder", e))?;
    Ok(staging)
}

/// The second half of [`open_inside`]: the entries of `staging` take the old ones' places.
fn place_inside(output: &Path, staging: &Path) -> Result<()> {
    let retired = output.join(format!(".samling-old-{}", std::process::id()));
    let moved = move_entries(output, staging, &retired);
    for old in [staging, &retired] {
        if fs::symlink_metadata(old).is_ok() {
            fs::remove_dir_all(old).map_err(|e| Error::io(old, "remove the previous output", e))?;
        }
    }
    moved.map_err(|e| {
        Error::new(
            Diagnostic::new(output, format!("cannot move the new site into place: {e}"))
                .with_hint("the folder may now hold parts of both sites: build again"),
        )
    })
}

/// Moves the entries of `staging`, inside `output`, over those of `output`; what is left of
/// the old site goes to `retired`.
fn move_entries(output: &Path, staging: &Path, retired: &Path) -> io::Result<()> {
    fs::create_dir(retired)?;
    let mut new = Vec::new();
    for entry in fs::read_dir(staging)? {
        let entry = entry?;
        new.push((entry.file_name(), entry.file_type()?.is_dir()));
    }
    // Folders first: the pages at the top link into them.
    new.sort_by(|(a, a_dir), (b, b_dir)| b_dir.cmp(a_dir).then(a.cmp(b)));
    for (name, is_dir) in &new {
        let (from, to) = (staging.join(name), output.join(name));
        let old = match fs::symlink_metadata(&to) {
            Ok(meta) => Some(meta.is_dir()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if *is_dir && old == Some(true) {
            match exchange(&from, &to) {
                // The old folder is in `staging` now, removed with it.
                Ok(()) => continue,
                Err(e) if e.kind() != io::ErrorKind::Unsupported => return Err(e),
                // Two renames, and a moment without this folder.
                Err(_) => {}
            }
        }
        // A file replaces a file in one rename; anything else moves aside first.
        let file_over_file = !is_dir && old == Some(false);
        if old.is_some() && !file_over_file {
            fs::rename(&to, retired.join(name))?;
        }
        fs::rename(&from, &to)?;
    }
    for entry in fs::read_dir(output)? {
        let entry = entry?;
        let name = entry.file_name();
        let ours = [staging, retired]
            .iter()
            .any(|dir| dir.file_name() == Some(name.as_os_str()));
        if !ours && !new.iter().any(|(n, _)| *n == name) {
            fs::rename(entry.path(), retired.join(&name))?;
        }
    }
    Ok(())
}

/// Writes `files` and the marker into the new, empty folder `staging`; removes it if that
/// fails.
/// A lock on the folder holding an output, held while a build writes there: another build
/// into it waits. So the temporary folders a build finds there are of builds that were
/// killed, and it may remove them. Where the lock cannot be taken (a folder one may not
/// read; NFS, which locks only files open for writing), builds go on without it: two at once
/// may then remove each other's temporary folder and one of them fail, never the output.
struct DirLock {
    _held: Option<fs::File>,
}

impl DirLock {
    #[cfg(unix)]
    fn take(dir: &Path) -> DirLock {
        use std::os::fd::AsRawFd;
        let Ok(file) = fs::File::open(dir) else {
            return DirLock { _held: None };
        };
        loop {
            // SAFETY: flock takes a descriptor this function owns and no pointers.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                return DirLock { _held: Some(file) };
            }
            if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                return DirLock { _held: None };
            }
        }
    }

    #[cfg(not(unix))]
    fn take(_: &Path) -> DirLock {
        DirLock { _held: None }
    }
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

    /// `files` as the new content of `output`, as a build writes them.
    fn write_atomically(output: &Path, files: &[OutputFile]) -> Result<()> {
        let staging = Staging::open(output)?;
        staging.write_all(files)?;
        staging.commit()
    }

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

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_output_carries_the_marker() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &[file(MARKER, "a static file"), file("a.html", "1")]).unwrap();
        assert!(is_marked(&out));
        assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), MARKER_TEXT);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_swaps_two_folders_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (new, out) = (dir.path().join("new"), dir.path().join("out"));
        fs::create_dir(&new).unwrap();
        fs::create_dir(&out).unwrap();
        fs::write(new.join("index.html"), "new").unwrap();
        fs::write(out.join("index.html"), "old").unwrap();
        match exchange(&new, &out) {
            Err(e) if e.kind() == io::ErrorKind::Unsupported => {
                eprintln!("skipped: this file system has no RENAME_EXCHANGE ({e})");
                return;
            }
            done => done.unwrap(),
        }
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(new.join("index.html")).unwrap(), "old");
        // Replacing an output leaves the previous one at the staging name, not moved away
        // first (two renames would leave `retired`, and a moment without `out`).
        let retired = dir.path().join("retired");
        replace_dir(&new, &out, &retired).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(fs::read_to_string(new.join("index.html")).unwrap(), "new");
        assert!(!retired.exists());
    }

    #[test]
    fn the_output_never_goes_missing_while_it_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&out, &[file("index.html", "0")]).unwrap();
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let watcher = {
            let (out, done) = (out.clone(), std::sync::Arc::clone(&done));
            std::thread::spawn(move || {
                let mut missing = 0;
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    if fs::symlink_metadata(out.join("index.html")).is_err() {
                        missing += 1;
                    }
                }
                missing
            })
        };
        for round in 1..=300 {
            write_atomically(&out, &[file("index.html", &round.to_string())]).unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let missing = watcher.join().unwrap();
        if cfg!(target_os = "linux") {
            assert_eq!(missing, 0, "the output was missing {missing} times");
        }
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "300");
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for leftover in [".public.samling-new-4242", ".public.samling-old-1"] {
            fs::create_dir(dir.path().join(leftover)).unwrap();
            fs::write(dir.path().join(leftover).join("index.html"), "x").unwrap();
        }
        // Not samling's: a file, another output's, a name that only looks alike, and a link
        // (whose target must stay).
        let kept = [
            ".public.samling-old-2",
            ".docs.samling-new-3",
            ".public.samling-new-3x",
            ".public.samling-new-5",
            "theirs",
        ];
        fs::write(dir.path().join(kept[0]), "a file").unwrap();
        fs::create_dir(dir.path().join(kept[1])).unwrap();
        fs::create_dir(dir.path().join(kept[2])).unwrap();
        fs::create_dir(dir.path().join("theirs")).unwrap();
        fs::write(dir.path().join("theirs/thesis.pdf"), "%PDF").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("theirs"), dir.path().join(kept[3])).unwrap();
        #[cfg(not(unix))]
        fs::write(dir.path().join(kept[3]), "").unwrap();
        write_atomically(&out, &[file("index.html", "1")]).unwrap();
        let mut expected: Vec<String> = kept.iter().map(|s| s.to_string()).collect();
        expected.push("public".into());
        expected.sort();
        assert_eq!(names(dir.path()), expected);
        assert_eq!(
            fs::read_to_string(dir.path().join("theirs/thesis.pdf")).unwrap(),
            "%PDF"
        );
    }

    #[test]
    fn leftover_names() {
        let beside = |n: &str| is_leftover_beside(OsStr::new(n), OsStr::new("public"));
        assert!(beside(".public.samling-new-1") && beside(".public.samling-old-987654"));
        for name in [
            ".public.samling-new-",
            ".public.samling-new-1a",
            ".public.samling-tmp-1",
            "public.samling-new-1",
            ".publicx.samling-new-1",
            ".public.samling-new-1/",
        ] {
            assert!(!beside(name), "{name}");
        }
        assert!(is_leftover_inside(OsStr::new(".samling-old-12")));
        assert!(!is_leftover_inside(OsStr::new(".samling-output")));
    }

    #[cfg(unix)]
    #[test]
    fn resolve_follows_links_and_dot_dots_also_into_missing_folders() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir_all(real.join("sites/conf")).unwrap();
        symlink("sites/conf", real.join("link")).unwrap();
        symlink(real.join("nowhere/yet"), real.join("dangling")).unwrap();
        let cases = [
            ("sites/conf/../../sites", "sites"),
            ("link", "sites/conf"),
            ("link/../x", "sites/x"),
            ("link/missing/../../conf/public", "sites/conf/public"),
            ("dangling", "nowhere/yet"),
            ("dangling/../other", "nowhere/other"),
            ("./sites/./conf/", "sites/conf"),
        ];
        for (path, expected) in cases {
            assert_eq!(
                resolve(&dir.path().join(path)).unwrap(),
                real.join(expected),
                "{path}"
            );
        }
        symlink("loop", real.join("loop")).unwrap();
        assert!(resolve(&real.join("loop/x")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_stays_a_link_and_its_target_gets_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("www/programme");
        let link = dir.path().join("public");
        write_atomically(&target, &[file("index.html", "old")]).unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, &[file("index.html", "new")]).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "new"
        );
        assert_eq!(names(&dir.path().join("www")), ["programme"]);
        assert_eq!(names(dir.path()), ["public", "www"]);
    }
}
