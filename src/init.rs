//! `samling init DIR`: a new site with a small sample programme in every shipped language.

use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostic::{Diagnostic, Error, Result};

/// `config.toml` and `content/` of the sample site.
static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/starter");
/// The shipped locales, so the new site's strings can be edited in place.
static LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// Writes a new site into `dir`, which must be missing or empty. The default theme is
/// built into samling, so the new site has no copy of it until it wants to change it.
pub fn init(dir: &Path) -> Result<()> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, "read", e))?;
        if entries.next().is_some() {
            return Err(Error::new(
                Diagnostic::new(dir, "the folder is not empty")
                    .with_hint("samling init writes a new site into an empty or new folder"),
            ));
        }
    }
    extract(&STARTER, dir)?;
    extract(&LOCALES, &dir.join("locales"))
}

fn extract(source: &Dir, target: &Path) -> Result<()> {
    let mut stack = vec![source];
    while let Some(current) = stack.pop() {
        stack.extend(current.dirs());
        for file in current.files() {
            let path = target.join(file.path());
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", e))?;
            }
            std::fs::write(&path, file.contents()).map_err(|e| Error::io(&path, "write", e))?;
        }
    }
    Ok(())
}
