//! samling: a static-site generator for multilingual Nordic conference and meeting programmes.
//!
//! Data flows one way: `load` (walk content, split front matter) → `model` (programmes,
//! themes, sessions, speakers, translations linked) → `validate` → `render` (Tera + Fluent,
//! in parallel) → `write` (atomically). A [`Site`] value owns everything. [`serve`] runs the
//! same pipeline in memory ([`live`]) and adds watching and reloading.
//!
//! The stages are private: what the command line, the tests, the benches and the fuzz
//! targets use is what this file makes public.

pub mod check;
pub mod fuzz;
pub mod import;
pub mod live;
pub mod progress;
pub mod serve;

mod changes;
mod config;
mod diagnostic;
mod export;
mod front_matter;
mod history;
mod init;
mod load;
mod locale;
mod markdown;
mod model;
mod reads;
mod render;
mod search;
mod site;
mod text;
mod theme;
mod urls;
mod validate;
mod write;

pub use diagnostic::{Diagnostic, Error, Result};
pub use init::init;
pub use markdown::Markdown;
pub use site::{BuildOptions, BuildReport, Site, build, build_reporting};
pub use write::MARKER;
