//! The export checks in Rust: crates made for each format (calcard, jsonschema, feed-rs,
//! roxmltree) read what samling wrote and compare it with the content as the `toml` crate
//! reads it, apart from samling's own model. Each check answers `Err` with the file and what
//! is wrong, so that a test can also assert that a broken export is caught.

/// Fails the check with a message unless `cond` holds.
macro_rules! ensure {
    ($cond:expr, $($message:tt)+) => {
        if !$cond {
            return Err(format!($($message)+));
        }
    };
}

pub mod feeds;
pub mod ics;
pub mod schedules;
pub mod site;
