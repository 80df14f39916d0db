//! samling: a static-site generator for multilingual Nordic conference and meeting programmes.
//!
//! Data flows one way: [`load`] (walk content, split front matter) → [`model`] (programmes,
//! themes, sessions, speakers, translations linked) → [`validate`] → [`render`] (Tera +
//! Fluent, in parallel) → [`write`] (atomically). A [`Site`] value owns everything.
//! [`serve`] runs the same pipeline in memory ([`live`]) and adds watching and reloading.

pub mod changes;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod export;
pub mod front_matter;
pub mod fuzz;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod progress;
pub mod search;
pub mod text;
pub mod validate;

pub use diagnostic::{Diagnostic, Error, Result};
pub mod init;
pub mod live;
pub mod render;
pub mod serve;
pub mod site;
pub mod theme;
pub mod urls;
pub mod write;

pub use init::init;
pub use site::{BuildOptions, BuildReport, Site, build, build_reporting};
