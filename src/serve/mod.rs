//! `samling serve`: builds the site in memory, serves it, and rebuilds on every save.
//!
//! Three parts: the watcher ([`watch`]) turns editor saves into batches of paths; a rebuild
//! thread runs them through [`LiveSite`] (the build pipeline, incrementally); the HTTP side
//! ([`http`]) serves the last good output from memory and tells open pages what changed.

mod http;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Instant;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Error, Result};
use crate::live::{LiveSite, Rebuild};

pub use http::Notice;
use http::{Files, Preview, Snapshot};
use watch::SourceWatcher;

pub const DEFAULT_PORT: u16 = 1111;
/// More changed files than this are announced as "everything" (`*`).
const MAX_NAMED_CHANGES: usize = 2000;
/// Past this many changes laid over the copy of the output that `serve` serves, it makes a
/// new copy (or past an eighth of the site): each version served copies the changes.
const MAX_CHANGES_SERVED: usize = 2000;
/// How many ports after a taken one `serve` tries.
const PORT_ATTEMPTS: u16 = 20;

/// How `samling serve` was called.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: IpAddr,
    /// 0 for any free port.
    pub port: u16,
    pub base_url: Option<String>,
}

/// Where the server's messages go: the terminal, or a test's log.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// A running preview server. Stops when dropped.
pub struct Server {
    address: SocketAddr,
    preview: Arc<Preview>,
    messages: mpsc::Sender<Message>,
    rebuilder: Option<JoinHandle<()>>,
    http: Option<(tokio::sync::oneshot::Sender<()>, JoinHandle<()>)>,
}

/// What the rebuild thread is told.
enum Message {
    Changed(Vec<PathBuf>),
    Stop,
}

impl Server {
    /// Builds the site, starts watching its sources and serving it. A site that does not
    /// build still gets a server: its pages show the error until the files are fixed.
    pub fn start(options: ServeOptions, log: Log) -> Result<Server> {
        let root = options.root.clone();
        if !root.is_dir() {
            return Err(Error::new(Diagnostic::new(&root, "no such folder")));
        }
        let listener = bind(options.interface, options.port, &log)?;
        let address = listener
            .local_addr()
            .map_err(|e| Error::io(&root, "read the server's address", e))?;
        if !options.interface.is_loopback() {
            log(&format!(
                "warning: listening on {}: the preview is reachable from the network",
                options.interface
            ));
        }

        let preview = Arc::new(Preview::new());
        let mut live = LiveSite::new(&root, options.base_url.clone());
        let started = Instant::now();
        let first = live.rebuild(live.classify(&[]));
        let mut served = Files::default();
        publish(&preview, &live, &options, first.as_ref(), &mut served);
        give_back_freed_memory();
        match &first {
            Ok(rebuild) => log(&format!(
                "Built {} pages in {} ms",
                rebuild.rendered,
                started.elapsed().as_millis()
            )),
            Err(err) => log(&format!(
                "The site does not build yet; serving an error page until it does:\n{err}"
            )),
        }
        let mut warned = Vec::new();
        warn_anew(&live, &mut warned, &log);

        let (messages, inbox) = mpsc::channel();
        let to_rebuilder = messages.clone();
        let watcher = SourceWatcher::start(&root, move |paths| {
            // The receiver is gone only when the server stops.
            let _ = to_rebuilder.send(Message::Changed(paths));
        })
        .map_err(|e| {
            Error::new(
                Diagnostic::new(&root, format!("cannot watch the site's files: {e}")).with_hint(
                    "on Linux, raise fs.inotify.max_user_watches if the limit was reached",
                ),
            )
        })?;
        let rebuilder = {
            let preview = Arc::clone(&preview);
            let log = Arc::clone(&log);
            std::thread::Builder::new()
                .name("samling-rebuild".into())
                .spawn(move || {
                    let state = Rebuilding {
                        live,
                        served,
                        watcher,
                        warned,
                    };
                    rebuild_loop(state, inbox, &preview, &options, &log)
                })
                .map_err(|e| Error::io(&root, "start the rebuild thread", e))?
        };
        let http = http::spawn(listener, Arc::clone(&preview))
            .map_err(|e| Error::io(&root, "start the HTTP server", e))?;
        Ok(Server {
            address,
            preview,
            messages,
            rebuilder: Some(rebuilder),
            http: Some(http),
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The address of the site's home (`http://127.0.0.1:1111/` or with the base path).
    pub fn url(&self) -> String {
        let host = match self.address.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        format!(
            "http://{host}:{}{}",
            self.address.port(),
            self.preview.base_path()
        )
    }

    /// Serves until the process is stopped.
    pub fn wait(mut self) {
        if let Some(rebuilder) = self.rebuilder.take() {
            let _ = rebuilder.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.messages.send(Message::Stop);
        if let Some(rebuilder) = self.rebuilder.take() {
            let _ = rebuilder.join();
        }
        if let Some((stop, thread)) = self.http.take() {
            self.preview.close();
            let _ = stop.send(());
            let _ = thread.join();
        }
    }
}

/// Binds `port`, or the next free one if it is taken (and says so).
fn bind(interface: IpAddr, port: u16, log: &Log) -> Result<TcpListener> {
    let attempts = if port == 0 { 1 } else { PORT_ATTEMPTS };
    let mut last_error = None;
    for offset in 0..attempts {
        let Some(candidate) = port.checked_add(offset) else {
            break;
        };
        match TcpListener::bind((interface, candidate)) {
            Ok(listener) => {
                if offset > 0 {
                    log(&format!(
                        "Port {port} is in use; serving on port {candidate} instead"
                    ));
                }
                return Ok(listener);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => last_error = Some(e),
            Err(e) => {
                return Err(Error::new(Diagnostic::new(
                    "--interface",
                    format!("cannot listen on {interface} port {candidate}: {e}"),
                )));
            }
        }
    }
    let detail = last_error.map(|e| e.to_string()).unwrap_or_default();
    Err(Error::new(
        Diagnostic::new(
            "--port",
            format!(
                "ports {port} to {} on {interface} are all in use ({detail})",
                port.saturating_add(attempts - 1)
            ),
        )
        .with_hint("choose another with --port, or --port 0 for any free port"),
    ))
}

/// What the rebuild thread keeps between changes.
struct Rebuilding {
    live: LiveSite,
    served: Files,
    watcher: SourceWatcher,
    /// The warnings printed already.
    warned: Vec<Diagnostic>,
}

/// Prints the warnings of the last good build not printed before (a link skipped), so
/// that the terminal says why a page is not there without repeating it at every save.
fn warn_anew(live: &LiveSite, warned: &mut Vec<Diagnostic>, log: &Log) {
    let Some(site) = live.site() else { return };
    for warning in &site.warnings {
        if !warned.contains(warning) {
            log(&warning.to_string());
        }
    }
    warned.clone_from(&site.warnings);
}

/// Runs every batch of changes through the pipeline until told to stop.
fn rebuild_loop(
    state: Rebuilding,
    inbox: mpsc::Receiver<Message>,
    preview: &Preview,
    options: &ServeOptions,
    log: &Log,
) {
    let Rebuilding {
        mut live,
        mut served,
        mut watcher,
        mut warned,
    } = state;
    while let Ok(Message::Changed(mut paths)) = inbox.recv() {
        // Saves that arrived while the last rebuild ran are built together.
        while let Ok(message) = inbox.try_recv() {
            match message {
                Message::Changed(more) => paths.extend(more),
                Message::Stop => return,
            }
        }
        paths.sort();
        paths.dedup();
        let changes = live.classify(&paths);
        // Folders that appeared or were replaced need watches of their own.
        if let Err(e) = watcher.refresh_after(&paths) {
            log(&format!("warning: cannot watch a new folder: {e}"));
        }
        if changes.is_empty() {
            continue;
        }
        let what = describe(&paths);
        // The edited pages and those open in browsers are shown as soon as they are
        // rendered, the rest after.
        let base = base_path(&live, options);
        let open = preview.open_pages();
        let result = live.rebuild_with(changes, &open, &mut |changes| {
            // What is served is the last output: these are the first changes to it.
            let changed: Vec<String> = changes.keys().map(|p| p.to_string()).collect();
            publish_built(preview, served.with(changes), &changed, base.clone());
        });
        publish(preview, &live, options, result.as_ref(), &mut served);
        give_back_freed_memory();
        match result {
            Ok(rebuild) => log(&format!(
                "{what}: rendered {} of {} pages, {} files changed, in {} ms",
                rebuild.rendered,
                live.files().keys().filter(|p| p.ends_with(".html")).count(),
                rebuild.changed.len(),
                rebuild.elapsed.as_millis()
            )),
            Err(err) => log(&format!(
                "{what}: the site does not build; still serving the last good version\n{err}"
            )),
        }
        warn_anew(&live, &mut warned, log);
    }
}

/// Hands the memory a build freed back to the system. glibc's allocator keeps it for the
/// process otherwise, and a build's pages and parses, gone once the output is kept, held
/// serve at about twice a full build's peak (2,375 MiB against 1,134 at 10,000 sessions;
/// 1,693 MiB after this). Taken after the new output is served, off the path to a reload.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's own heap.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// "content/x.da.md" or "content/x.da.md and 2 more".
fn describe(paths: &[PathBuf]) -> String {
    let first = paths
        .first()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    match paths.len() {
        0 | 1 => first,
        n => format!("{first} and {} more", n - 1),
    }
}

/// Hands the live site's state to the HTTP side and tells open pages what changed.
/// `served` is what was served after the last good build; it becomes the output of this
/// one if it succeeded.
fn publish(
    preview: &Preview,
    live: &LiveSite,
    options: &ServeOptions,
    result: std::result::Result<&Rebuild, &Error>,
    served: &mut Files,
) {
    let base_path = base_path(live, options);
    match result {
        Ok(rebuild) => {
            let output = live.files();
            let changes: crate::live::Changes = rebuild
                .changed
                .iter()
                .map(|p| (Arc::from(p.as_str()), output.get(p.as_str()).cloned()))
                .collect();
            let total = served.changes() + changes.len();
            *served = if total > MAX_CHANGES_SERVED || total * 8 > output.len() {
                Files::of(output)
            } else {
                served.with(&changes)
            };
            debug_assert!(served.are(output), "serve serves the output of the build");
            let later: Vec<String> = rebuild
                .changed
                .iter()
                .filter(|f| !rebuild.early.contains(f))
                .cloned()
                .collect();
            publish_built(preview, served.clone(), &later, base_path);
        }
        Err(err) => {
            let message = err.to_string();
            // The last good site: also after an early part of the failed build was shown.
            let snapshot = Snapshot {
                files: served.clone(),
                generation: preview.current().generation,
                error: Some(message.clone()),
                base_path,
            };
            preview.publish(snapshot, Notice::Failed { message });
        }
    }
}

/// Serves `files` from now on and tells open pages that `changed` did.
fn publish_built(preview: &Preview, files: Files, changed: &[String], base_path: String) {
    let generation = preview.current().generation + 1;
    let snapshot = Snapshot {
        files,
        generation,
        error: None,
        base_path,
    };
    // A page reloads when its file is named; past a point, all of them do.
    let files = if changed.len() > MAX_NAMED_CHANGES {
        vec!["*".to_owned()]
    } else {
        changed.to_vec()
    };
    preview.publish(snapshot, Notice::Built { generation, files });
}

/// Where the site is mounted: the path of `--base-url`, or of the configuration's.
fn base_path(live: &LiveSite, options: &ServeOptions) -> String {
    // A built site's configuration already has `--base-url` in it.
    if let Some(site) = live.site() {
        return site.config.base_path();
    }
    match &options.base_url {
        Some(base_url) => Config::path_of(base_url),
        None => Config::load(&options.root).map_or_else(|_| "/".into(), |c| c.base_path()),
    }
}

/// The site at `root` is served by [`Server::start`]; this is what the CLI calls.
pub fn serve(options: ServeOptions, open: bool) -> Result<()> {
    let log: Log = Arc::new(|line: &str| println!("{line}"));
    let server = Server::start(options, Arc::clone(&log))?;
    let url = server.url();
    log(&format!("Serving on {url} (stop with Ctrl-C)"));
    if open && let Err(e) = ::open::that_detached(&url) {
        log(&format!("warning: cannot open a browser: {e}"));
    }
    server.wait();
    Ok(())
}
