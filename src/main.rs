//! The `samling` command: a thin layer over the library.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
    /// Create a new site with a sample programme in Danish, Swedish and Norwegian
    Init {
        /// The new site's folder (must be empty or missing)
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build {
            root,
            output_dir,
            base_url,
        } => {
            let started = Instant::now();
            let options = samling::BuildOptions {
                root,
                output_dir,
                base_url,
            };
            samling::build(&options).map(|(report, output)| {
                println!(
                    "Built {} pages in {} languages ({} files) into {} in {} ms",
                    report.pages,
                    report.languages,
                    report.files,
                    output.display(),
                    started.elapsed().as_millis()
                );
                if report.warnings > 0 {
                    eprintln!(
                        "{} about the theme's strings: `samling check` lists them",
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
        } => {
            let options = samling::check::CheckOptions {
                base_url,
                today: today.unwrap_or_else(|| jiff::Zoned::now().date()),
            };
            let report = samling::check::check(&root, &options);
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
