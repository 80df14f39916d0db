//! How far a long build or check has come, for whoever shows it (the command's progress bar
//! on a terminal). The library only counts; it never draws, so tests and `serve` pass
//! [`Silent`].

/// The stages of the pipeline that a build or check reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the content, locales and theme, building the model and validating it.
    Load,
    /// Rendering the pages.
    Render,
    /// Making the calendars, schedules and feeds.
    Export,
    /// Writing the files into the output folder.
    Write,
}

impl Stage {
    /// What the stage is doing, in the words of the command's other messages.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Load => "Loading",
            Stage::Render => "Rendering pages",
            Stage::Export => "Making exports",
            Stage::Write => "Writing files",
        }
    }
}

/// Receives progress from a build or check; called from several threads at once.
pub trait Progress: Sync {
    /// `stage` begins; it has `total` steps when that is known beforehand.
    fn begin(&self, stage: Stage, total: Option<usize>);
    /// `steps` more steps of the current stage are done.
    fn advance(&self, steps: usize);
}

/// Progress that nobody looks at.
pub struct Silent;

impl Progress for Silent {
    fn begin(&self, _: Stage, _: Option<usize>) {}
    fn advance(&self, _: usize) {}
}
