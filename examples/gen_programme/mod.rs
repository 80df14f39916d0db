//! A deterministic generator of large synthetic programme sites, for benchmarks and tests.
//!
//! [`model::generate`] makes programmes, themes, sessions and speakers in memory, with their
//! texts in Danish, Swedish and Norwegian Bokmål; a writer turns the model into one site
//! generator's files ([`samling::write`] for samling's format, [`hugo::write`] for a Hugo site
//! with the same pages, for benchmarks). The same parameters always give the same bytes.
//!
//! Used by `examples/gen-programme.rs` and, through `#[path]`, by `tests/generated.rs`.

pub mod hugo;
pub mod model;
pub mod rng;
pub mod samling;
pub mod text;
pub mod words;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use model::Params;

pub const USAGE: &str = "\
usage: gen-programme --sessions N --out DIR [--seed S] [--programmes P] [--format samling|hugo]

Writes a synthetic samling site with N sessions (in da, sv and nb) into DIR, which must be
empty or missing. The same N, P and S always give the same files.

  --sessions N     number of sessions (at least 1); about N/20 themes, N/5 speaker pages
  --out DIR        where to write the site
  --seed S         seed of the generator (default 1)
  --programmes P   number of programmes (default N/1000 rounded, at least 1; at most N/20)
  --format F       output format: samling (default), or hugo: a Hugo site of the same
                   programmes with the same pages and listings, for benchmarks
";

/// The file formats the generator can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Samling,
    Hugo,
}

impl OutputFormat {
    pub fn parse(name: &str) -> Result<OutputFormat, String> {
        match name {
            "samling" => Ok(OutputFormat::Samling),
            "hugo" => Ok(OutputFormat::Hugo),
            other => Err(format!(
                "unknown format `{other}`: choose `samling` or `hugo`"
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub params: Params,
    pub out: PathBuf,
    pub format: OutputFormat,
}

/// Parses the command line (without the program name).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
    let mut sessions = None;
    let mut programmes = None;
    let mut seed = 1;
    let mut out = None;
    let mut format = OutputFormat::Samling;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--sessions" => sessions = Some(number(&flag, &value()?)?),
            "--programmes" => programmes = Some(number(&flag, &value()?)?),
            "--seed" => seed = number(&flag, &value()?)?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--format" => format = OutputFormat::parse(&value()?)?,
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    let sessions = sessions.ok_or("--sessions N is required")?;
    if sessions == 0 {
        return Err("--sessions must be at least 1".into());
    }
    let sessions = usize::try_from(sessions).map_err(|_| "--sessions is too large")?;
    let out = out.ok_or("--out DIR is required")?;
    let themes = (sessions / Params::THEME_SIZE).max(1);
    let programmes = match programmes {
        None => Params::default_programmes(sessions),
        Some(p) if p >= 1 && p <= themes as u64 => p as usize,
        Some(p) => {
            return Err(format!(
                "--programmes {p}: each programme holds whole themes, and {sessions} sessions \
                 make {themes} theme(s); choose 1 to {themes}"
            ));
        }
    };
    Ok(Options {
        params: Params {
            sessions,
            programmes,
            seed,
        },
        out,
        format,
    })
}

fn number(flag: &str, text: &str) -> Result<u64, String> {
    text.replace('_', "")
        .parse()
        .map_err(|_| format!("{flag}: `{text}` is not a whole number"))
}

/// The output folder must be missing or empty, so that nothing is overwritten or mixed in.
pub fn check_out_dir(dir: &Path) -> Result<(), String> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(_) => Err(format!("{} is not empty", dir.display())),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", dir.display())),
    }
}

/// The Fluent files copied into generated sites: the repository's own.
pub fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// Generates and writes the site of `options`; returns what was written.
pub fn run(options: &Options) -> Result<samling::Stats, String> {
    check_out_dir(&options.out)?;
    let site = model::generate(&options.params);
    match options.format {
        OutputFormat::Samling => samling::write(&site, &options.out, &locales_dir())
            .map_err(|e| format!("writing {}: {e}", options.out.display())),
        OutputFormat::Hugo => {
            let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
            hugo::write(&site, &options.out, &locales_dir(), &theme)
                .map_err(|e| format!("writing {}: {e}", options.out.display()))
        }
    }
}

/// The command line: exit code 0 on success, 1 when writing fails, 2 on bad arguments.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    let args: Vec<String> = args.into_iter().collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(message) = check_out_dir(&options.out) {
        eprintln!("error: {message}; give an empty or new folder to --out");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    match run(&options) {
        Ok(stats) => {
            let p = &options.params;
            println!(
                "wrote {} sessions in {} programmes ({} themes, seed {}) to {}: {} files, {:.1} MB in {:.2} s",
                p.sessions,
                p.programmes,
                p.themes(),
                p.seed,
                options.out.display(),
                stats.files,
                stats.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
