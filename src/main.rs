//! The `samling` command: a thin layer over the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use samling::progress::{Progress, Silent, Stage};

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "samling",
    version,
    about = "Builds multilingual programme sites from Markdown and TOML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into a folder that any static host can serve
    Build {
        /// The site's folder (the one with config.toml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public]
        #[arg(long)]
        output_dir: Option<PathBuf>,
        /// The address the site is published at, replacing base_url of config.toml
        #[arg(long)]
        base_url: Option<String>,
        /// No progress bar, only the closing line and the problems found
        #[arg(long, short)]
        quiet: bool,
        /// Replace the output folder even if it holds files samling did not write
        #[arg(long)]
        force: bool,
    },
    /// Check the whole site and report every error and warning, writing nothing
    Check {
        /// The site's folder (the one with config.toml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// `human` (with source lines) or `json` (for editors and CI)
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The address the site is published at, replacing base_url of config.toml
        #[arg(long)]
        base_url: Option<String>,
        /// Count the days to each session from this date (YYYY-MM-DD) instead of today
        #[arg(long)]
        today: Option<jiff::civil::Date>,
        /// No progress bar, only the problems found
        #[arg(long, short)]
        quiet: bool,
    },
    /// Preview the site: build it in memory, serve it, and rebuild and reload on every save
    Serve {
        /// The site's folder (the one with config.toml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on; anything but loopback makes the preview public
        #[arg(long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// The port to listen on (the next free one if it is taken; 0 for any free port)
        #[arg(long, default_value_t = samling::serve::DEFAULT_PORT)]
        port: u16,
        /// The address the site is published at, replacing base_url of config.toml; its
        /// path is where the preview serves the site
        #[arg(long)]
        base_url: Option<String>,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
    },
    /// Import a conference's schedule (one file per language) into the site's content
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Create a new site with a sample programme in Danish, Swedish and Norwegian
    Init {
        /// The new site's folder (must be empty or missing)
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportSource {
    /// pretalx's schedule.json (the c3voc schedule schema)
    Pretalx(ImportArgs),
    /// frab's schedule.xml
    Frab(ImportArgs),
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The exported schedules, one per language: FILE=LANG, or FILE in a folder named after
    /// its language (.../da/schedule.json)
    #[arg(required = true)]
    files: Vec<String>,
    /// The site's folder (the one with config.toml)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The programme folder in content/ [default: the conference's acronym]
    #[arg(long)]
    programme: Option<String>,
    /// The date the changes of a re-import are recorded with (YYYY-MM-DD) instead of today
    #[arg(long)]
    today: Option<jiff::civil::Date>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build {
            root,
            output_dir,
            base_url,
            quiet,
            force,
        } => {
            let started = Instant::now();
            let options = samling::BuildOptions {
                root,
                output_dir,
                base_url,
                force,
            };
            let progress = progress_bar(quiet);
            let built = samling::build_reporting(&options, progress.reporter());
            progress.finish();
            built.map(|(report, output)| {
                println!(
                    "Built {} pages in {} languages ({} files) into {} in {}",
                    thousands(report.pages),
                    report.languages,
                    thousands(report.files),
                    output.display(),
                    duration(started.elapsed())
                );
                for warning in &report.links_skipped {
                    eprintln!("{warning}\n");
                }
                if report.warnings > 0 {
                    eprintln!(
                        "{}: `samling check` lists them",
                        samling::check::count(report.warnings, "warning")
                    );
                }
            })
        }
        Command::Check {
            root,
            format,
            base_url,
            today,
            quiet,
        } => {
            let options = samling::check::CheckOptions {
                base_url,
                today: today.unwrap_or_else(|| jiff::Zoned::now().date()),
            };
            let progress = progress_bar(quiet);
            let report = samling::check::check_reporting(&root, &options, progress.reporter());
            progress.finish();
            match format {
                Format::Human => eprint!("{}", report.human()),
                Format::Json => println!("{}", report.json()),
            }
            return if report.error_count() > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
        Command::Serve {
            root,
            interface,
            port,
            base_url,
            open,
        } => {
            let options = samling::serve::ServeOptions {
                root,
                interface,
                port,
                base_url,
            };
            samling::serve::serve(options, open)
        }
        Command::Import { source } => {
            let (source, args) = match source {
                ImportSource::Pretalx(args) => (samling::import::Source::Pretalx, args),
                ImportSource::Frab(args) => (samling::import::Source::Frab, args),
            };
            let options = samling::import::ImportOptions {
                root: args.root,
                source,
                files: args.files,
                programme: args.programme,
                today: args.today.unwrap_or_else(|| jiff::Zoned::now().date()),
            };
            samling::import::import(&options).map(|report| print!("{}", report.human()))
        }
        Command::Init { dir } => samling::init(&dir).map(|()| {
            println!(
                "Created a new site in {}. Build it with: samling build --root {}",
                dir.display(),
                dir.display()
            );
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

/// How long the work may take before a progress bar appears: quick builds print only their
/// closing line.
const SHOW_PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// A progress bar on stderr for a build or check on a terminal, or nothing.
enum ProgressBarOrNot {
    Bar(TerminalProgress),
    Not,
}

fn progress_bar(quiet: bool) -> ProgressBarOrNot {
    if quiet || !std::io::stdout().is_terminal() || !std::io::stderr().is_terminal() {
        return ProgressBarOrNot::Not;
    }
    ProgressBarOrNot::Bar(TerminalProgress::start())
}

impl ProgressBarOrNot {
    fn reporter(&self) -> &dyn Progress {
        match self {
            ProgressBarOrNot::Bar(bar) => bar,
            ProgressBarOrNot::Not => &Silent,
        }
    }

    /// Takes the bar off the screen before the closing line or the problems are printed.
    fn finish(&self) {
        if let ProgressBarOrNot::Bar(bar) = self {
            bar.finish();
        }
    }
}

/// The stages and pages done, drawn once the work has taken [`SHOW_PROGRESS_AFTER`].
struct TerminalProgress {
    bar: ProgressBar,
    /// Set when the work is done; the timer thread then never shows the bar.
    finished: Arc<Mutex<bool>>,
}

impl TerminalProgress {
    fn start() -> TerminalProgress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let finished = Arc::new(Mutex::new(false));
        let (timer_bar, timer_finished) = (bar.clone(), Arc::clone(&finished));
        // Loading has no steps to count, so a timer, not the next step, shows the bar.
        std::thread::spawn(move || {
            std::thread::sleep(SHOW_PROGRESS_AFTER);
            let finished = timer_finished.lock().unwrap_or_else(|e| e.into_inner());
            if !*finished {
                timer_bar.set_draw_target(ProgressDrawTarget::stderr());
                timer_bar.enable_steady_tick(Duration::from_millis(100));
            }
        });
        TerminalProgress { bar, finished }
    }

    fn finish(&self) {
        let mut finished = self.finished.lock().unwrap_or_else(|e| e.into_inner());
        *finished = true;
        self.bar.finish_and_clear();
    }
}

impl Progress for TerminalProgress {
    fn begin(&self, stage: Stage, total: Option<usize>) {
        let template = match total {
            Some(_) => "{spinner} {msg} [{bar:30}] {human_pos}/{human_len} ({elapsed})",
            None => "{spinner} {msg} ({elapsed})",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_message(stage.label());
        self.bar.set_position(0);
        self.bar.set_length(total.unwrap_or(0) as u64);
    }

    fn advance(&self, steps: usize) {
        self.bar.inc(steps as u64);
    }
}

/// `40469` as `40,469`, as the closing line shows counts.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `45 ms` under a second, `11.8 s` from then on.
fn duration(elapsed: Duration) -> String {
    if elapsed < Duration::from_secs(1) {
        format!("{} ms", elapsed.as_millis())
    } else {
        format!("{:.1} s", elapsed.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(40469), "40,469");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn durations_read_in_ms_then_seconds() {
        assert_eq!(duration(Duration::from_millis(45)), "45 ms");
        assert_eq!(duration(Duration::from_millis(11_800)), "11.8 s");
    }
}
