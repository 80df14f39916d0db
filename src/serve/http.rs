//! The preview's HTTP side: the built site from memory, the reload script and the event
//! stream that tells open pages to reload, swap stylesheets or show a build error.
//!
//! Files are looked up in the in-memory output by name, never on disk, so no request can
//! reach a file outside the site, whatever its path says.

use std::collections::{BTreeMap, BTreeSet};
use std::convert::Infallible;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use serde::Serialize;
use tokio::sync::broadcast;

use crate::live::{Changes, Output};

/// The reload client, served at `<base>__samling/live.js`.
const CLIENT: &str = include_str!("live.js");
const RESERVED: &str = "__samling/";

/// What the browser is told after a rebuild.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Notice {
    /// A rebuild succeeded; `files` changed (possibly none: the overlay goes away).
    Built { generation: u64, files: Vec<String> },
    /// A rebuild failed; the last good site is still served.
    Failed { message: String },
    /// Sent first to a page that connects: the build its files are from.
    Hello { generation: u64 },
}

/// The files of a site as served: a copy of the output made now and then, and the
/// changes since. Publishing a version shares the copy: copying the whole output for every
/// version took 5 ms at 10,000 sessions, twice per save.
#[derive(Debug, Clone, Default)]
pub struct Files {
    copy: Arc<Output>,
    since: Arc<Changes>,
}

impl Files {
    /// A copy of `output`.
    pub fn of(output: &Output) -> Files {
        Files {
            copy: Arc::new(output.clone()),
            since: Arc::default(),
        }
    }

    /// These files with `changes` laid over them.
    pub fn with(&self, changes: &Changes) -> Files {
        let mut since = (*self.since).clone();
        since.extend(changes.iter().map(|(p, c)| (Arc::clone(p), c.clone())));
        Files {
            copy: Arc::clone(&self.copy),
            since: Arc::new(since),
        }
    }

    /// How many changes are laid over the copy.
    pub fn changes(&self) -> usize {
        self.since.len()
    }

    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        match self.since.get(path) {
            Some(change) => change.as_ref(),
            None => self.copy.get(path),
        }
    }

    fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Whether these are exactly the files of `output`.
    pub fn are(&self, output: &Output) -> bool {
        let paths: std::collections::BTreeSet<&str> = self
            .copy
            .keys()
            .chain(self.since.keys())
            .map(|p| &**p)
            .filter(|p| self.contains_key(p))
            .collect();
        paths.len() == output.len() && output.iter().all(|(p, b)| self.get(p) == Some(b))
    }
}

/// The site as served right now.
#[derive(Debug)]
pub struct Snapshot {
    pub files: Files,
    /// Counts successful builds, so that a page loaded before a rebuild reloads on connect.
    pub generation: u64,
    /// The error of the last build, if it failed.
    pub error: Option<String>,
    /// `/` or `/sub/path/`: where the site is mounted.
    pub base_path: String,
}

/// Shared between the HTTP handlers and the rebuild loop.
pub struct Preview {
    snapshot: RwLock<Arc<Snapshot>>,
    notices: broadcast::Sender<Notice>,
    /// Set when the server stops: ends the event streams, which never end by themselves.
    closing: tokio::sync::watch::Sender<bool>,
    /// The pages open in browsers, by output file (`da/x/index.html`), with how many event
    /// streams show each: a rebuild makes these first.
    open: Arc<OpenCounts>,
}

/// The pages open in browsers, with how many event streams show each.
type OpenCounts = Mutex<BTreeMap<String, usize>>;

/// Counts a page as open while its event stream lasts.
struct OpenPage {
    open: Arc<OpenCounts>,
    page: String,
}

impl OpenPage {
    fn new(open: &Arc<OpenCounts>, page: String) -> OpenPage {
        *lock(open).entry(page.clone()).or_default() += 1;
        OpenPage {
            open: Arc::clone(open),
            page,
        }
    }
}

impl Drop for OpenPage {
    fn drop(&mut self) {
        let mut open = lock(&self.open);
        if let Some(count) = open.get_mut(&self.page) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.page);
            }
        }
    }
}

/// The lock's map even if a holder panicked: counts are only ever changed whole.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Preview {
    pub fn new() -> Preview {
        let empty = Snapshot {
            files: Files::default(),
            generation: 0,
            error: None,
            base_path: "/".into(),
        };
        Preview {
            snapshot: RwLock::new(Arc::new(empty)),
            notices: broadcast::channel(64).0,
            closing: tokio::sync::watch::channel(false).0,
            open: Arc::default(),
        }
    }

    /// The output files of the pages open in browsers now.
    pub fn open_pages(&self) -> BTreeSet<String> {
        lock(&self.open).keys().cloned().collect()
    }

    pub fn base_path(&self) -> String {
        self.current().base_path.clone()
    }

    pub fn current(&self) -> Arc<Snapshot> {
        // A poisoned lock still holds a whole snapshot: it is only ever replaced.
        Arc::clone(&self.snapshot.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Publishes a new snapshot and tells every open page.
    pub fn publish(&self, snapshot: Snapshot, notice: Notice) {
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        // No receivers (no open page) is not an error.
        let _ = self.notices.send(notice);
    }

    /// Ends every open event stream.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }
}

/// Serves `preview` on `listener` from a thread of its own, until told to stop.
pub fn spawn(
    listener: std::net::TcpListener,
    preview: Arc<Preview>,
) -> std::io::Result<(
    tokio::sync::oneshot::Sender<()>,
    std::thread::JoinHandle<()>,
)> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("samling-http")
        .enable_all()
        .build()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("samling-http".into())
        .spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                let app = Router::new().fallback(handle).with_state(preview);
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
            // Open event streams never end by themselves: do not wait for them.
            runtime.shutdown_background();
        })?;
    Ok((stop, thread))
}

async fn handle(
    State(preview): State<Arc<Preview>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    if let Some(refusal) = refuse_host(&headers) {
        return refusal;
    }
    let snapshot = preview.current();
    match resolve(&snapshot.base_path, uri.path(), &snapshot) {
        Resolved::File(path) => {
            let bytes = snapshot
                .files
                .get(path.as_str())
                .cloned()
                .unwrap_or_default();
            file_response(&snapshot, &path, &bytes, StatusCode::OK, &headers)
        }
        Resolved::Client => file_response(
            &snapshot,
            "__samling/live.js",
            CLIENT.as_bytes(),
            StatusCode::OK,
            &headers,
        ),
        Resolved::Events => match refuse_origin(&headers) {
            Some(refusal) => refusal,
            None => events(&preview, open_page(uri.query())).into_response(),
        },
        Resolved::Redirect(to) => {
            (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response()
        }
        Resolved::NotFound if snapshot.generation == 0 => {
            // No build has succeeded yet: every page shows the error, and reloads when fixed.
            let page = format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>samling</title></head><body><main><h1>samling</h1><p>The site has not been built yet.</p></main>{}</body></html>",
                client_tag(&snapshot.base_path, "", 0)
            );
            let mut response = (StatusCode::SERVICE_UNAVAILABLE, page).into_response();
            set(
                &mut response,
                header::CONTENT_TYPE,
                "text/html; charset=utf-8",
            );
            set(&mut response, header::CACHE_CONTROL, "no-store");
            response
        }
        Resolved::NotFound => {
            let bytes = snapshot.files.get("404.html").cloned().unwrap_or_default();
            file_response(
                &snapshot,
                "404.html",
                &bytes,
                StatusCode::NOT_FOUND,
                &headers,
            )
        }
        Resolved::BadRequest => (StatusCode::BAD_REQUEST, "bad request path\n").into_response(),
    }
}

/// Refuses a request whose `Host` is a name other than `localhost` or `*.localhost`: a
/// hostile page whose domain is made to resolve to this machine (DNS rebinding) would
/// otherwise read the unpublished site and its errors. As Vite's dev server does: an IP
/// address cannot be rebound, so any is accepted (also that of `--interface`, or the
/// machine's own address when listening on all), and so is a request without `Host`,
/// which no browser sends.
fn refuse_host(headers: &HeaderMap) -> Option<Response> {
    let host = headers.get(header::HOST)?;
    let allowed = host.to_str().ok().and_then(host_name).is_some_and(|name| {
        name.parse::<std::net::IpAddr>().is_ok()
            || name == "localhost"
            || name.ends_with(".localhost")
    });
    if allowed {
        return None;
    }
    let shown = String::from_utf8_lossy(host.as_bytes()).into_owned();
    Some(
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "samling serve answers only requests to localhost or an IP address, not to {shown:?}.\nOpen the preview at http://localhost:PORT/ or http://127.0.0.1:PORT/.\n"
            ),
        )
            .into_response(),
    )
}

/// The host name of a `Host` value, lowercased, without port and brackets
/// (`[::1]:1111` → `::1`); `None` if it is not one.
fn host_name(host: &str) -> Option<String> {
    let host = host.trim().to_ascii_lowercase();
    let name = if let Some(rest) = host.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.strip_prefix(':').is_some_and(is_port)) {
            return None;
        }
        inside.to_owned()
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name.to_owned(),
            Some(_) => return None,
            None => host,
        }
    };
    // `localhost.` is `localhost`.
    let name = name.strip_suffix('.').unwrap_or(&name).to_owned();
    (!name.is_empty()).then_some(name)
}

fn is_port(port: &str) -> bool {
    !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
}

/// Refuses an event stream asked for by a page of another origin: only the preview's own
/// pages learn of builds and errors. A request without `Origin` is a page of the preview
/// itself (browsers send none with a same-origin `EventSource`) or not a browser.
fn refuse_origin(headers: &HeaderMap) -> Option<Response> {
    let origin = headers.get(header::ORIGIN)?;
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase);
    let same = origin
        .to_str()
        .ok()
        .map(str::to_ascii_lowercase)
        .and_then(|o| o.strip_prefix("http://").map(str::to_owned))
        .is_some_and(|authority| Some(authority) == host);
    if same {
        return None;
    }
    Some(
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "samling serve tells only its own pages about builds\n",
        )
            .into_response(),
    )
}

fn set(response: &mut Response, name: header::HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response.headers_mut().insert(name, value);
    }
}

fn file_response(
    snapshot: &Snapshot,
    path: &str,
    bytes: &[u8],
    status: StatusCode,
    request: &HeaderMap,
) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    // Text is UTF-8, as samling reads and writes it; JSON has no charset parameter.
    let text = mime.type_() == mime_guess::mime::TEXT;
    let content_type = if text {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    let html = mime.subtype() == mime_guess::mime::HTML;
    let body: Vec<u8> = if html {
        inject(
            bytes,
            &client_tag(&snapshot.base_path, path, snapshot.generation),
        )
    } else {
        bytes.to_vec()
    };
    let etag = etag(&body);
    let unchanged = status == StatusCode::OK
        && request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|tags| tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (status, Body::from(body)).into_response()
    };
    set(&mut response, header::CONTENT_TYPE, &content_type);
    set(&mut response, header::ETAG, &etag);
    // HTML must show every save at once; other files are revalidated by their ETag.
    let cache = if html { "no-store" } else { "no-cache" };
    set(&mut response, header::CACHE_CONTROL, cache);
    response
}

fn etag(bytes: &[u8]) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("\"{:016x}-{:x}\"", hasher.finish(), bytes.len())
}

fn client_tag(base_path: &str, page: &str, generation: u64) -> String {
    let attr = |s: &str| crate::text::escape_markup(s);
    format!(
        "<script src=\"{}{RESERVED}live.js\" data-base=\"{}\" data-page=\"{}\" data-generation=\"{generation}\" defer></script>",
        attr(base_path),
        attr(base_path),
        attr(page)
    )
}

/// The page with the reload script before its `</body>` (or at its end).
fn inject(html: &[u8], tag: &str) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The page an event stream is for: its `page` parameter, the output file the reload
/// script was served in (`da/x/index.html`).
fn open_page(query: Option<&str>) -> Option<String> {
    let value = query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))?;
    let page = percent_encoding::percent_decode_str(value)
        .decode_utf8()
        .ok()?;
    (!page.is_empty()).then(|| page.into_owned())
}

fn events(
    preview: &Preview,
    page: Option<String>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>> + use<>> {
    // The page counts as open for as long as the stream lasts (the server drops a stream
    // when its connection closes, at the latest at the next keep-alive).
    let open = page.map(|page| OpenPage::new(&preview.open, page));
    // Subscribe before reading the state, so that no build falls between the two.
    let receiver = preview.notices.subscribe();
    let snapshot = preview.current();
    // A page connecting learns the state at once: the generation, and an error if any.
    let mut first = vec![event(&Notice::Hello {
        generation: snapshot.generation,
    })];
    if let Some(message) = &snapshot.error {
        first.push(event(&Notice::Failed {
            message: message.clone(),
        }));
    }
    let closing = preview.closing.subscribe();
    let later = stream::unfold(
        (receiver, closing, open),
        |(mut receiver, mut closing, open)| async move {
            let received = tokio::select! {
                received = receiver.recv() => received,
                _ = closing.wait_for(|closed| *closed) => return None,
            };
            let notice = match received {
                Ok(notice) => notice,
                // A slow page missed notices: a reload of everything is the safe answer.
                Err(broadcast::error::RecvError::Lagged(_)) => Notice::Built {
                    generation: u64::MAX,
                    files: vec!["*".into()],
                },
                Err(broadcast::error::RecvError::Closed) => return None,
            };
            Some((event(&notice), (receiver, closing, open)))
        },
    );
    Sse::new(stream::iter(first).chain(later))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

fn event(notice: &Notice) -> Result<Event, Infallible> {
    let name = match notice {
        Notice::Built { .. } => "built",
        Notice::Failed { .. } => "failed",
        Notice::Hello { .. } => "hello",
    };
    let data = serde_json::to_string(notice).unwrap_or_default();
    Ok(Event::default().event(name).data(data))
}

use futures_util::StreamExt;

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(String),
    Client,
    Events,
    Redirect(String),
    NotFound,
    BadRequest,
}

/// Maps a request path (still percent-encoded) to a file of the output, decoded segment by
/// segment as links are encoded (`gr%C3%B8nn%20pause/`). Anything that tries to leave the
/// site (`..`, encoded dots or slashes, backslashes, NUL) is refused. A `:` is not: files
/// are looked up in memory, never on disk, so `C:` names no drive and `kl-10:00/` is a page.
fn resolve(base_path: &str, raw: &str, snapshot: &Snapshot) -> Resolved {
    let Some(rest) = raw.strip_prefix(base_path) else {
        return if format!("{raw}/") == base_path {
            Resolved::Redirect(base_path.to_owned())
        } else {
            Resolved::NotFound
        };
    };
    let mut segments = Vec::new();
    for segment in rest.split('/') {
        let Ok(segment) = percent_encoding::percent_decode_str(segment).decode_utf8() else {
            return Resolved::BadRequest;
        };
        segments.push(segment);
    }
    let last = segments.len() - 1;
    let bad = segments.iter().enumerate().any(|(i, s)| {
        *s == "." || *s == ".." || (s.is_empty() && i != last) || s.contains(['/', '\\', '\0'])
    });
    if bad {
        return Resolved::BadRequest;
    }
    let decoded = segments.join("/");
    match decoded.as_ref() {
        "__samling/live.js" => return Resolved::Client,
        "__samling/events" => return Resolved::Events,
        _ => {}
    }
    let path = if decoded.is_empty() || decoded.ends_with('/') {
        format!("{decoded}index.html")
    } else {
        decoded
    };
    if snapshot.files.contains_key(path.as_str()) {
        Resolved::File(path)
    } else if snapshot
        .files
        .contains_key(format!("{path}/index.html").as_str())
    {
        Resolved::Redirect(format!("{raw}/"))
    } else {
        Resolved::NotFound
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Snapshot {
        let mut files = Output::new();
        for path in [
            "index.html",
            "da/index.html",
            "da/x/index.html",
            "nb/grønn pause/index.html",
            "da/kl-10:00/index.html",
            "samling.css",
        ] {
            files.insert(Arc::from(path), Arc::from(b"x".as_slice()));
        }
        Snapshot {
            files: Files::of(&files),
            generation: 1,
            error: None,
            base_path: "/".into(),
        }
    }

    #[test]
    fn files_served_are_the_copy_with_the_changes_since() {
        let bytes = |b: &[u8]| Arc::<[u8]>::from(b);
        let mut output = Output::new();
        output.insert(Arc::from("a.html"), bytes(b"a"));
        output.insert(Arc::from("b.html"), bytes(b"b"));
        let files = Files::of(&output);
        assert!(files.are(&output));
        let mut changes = Changes::new();
        changes.insert(Arc::from("a.html"), Some(bytes(b"A")));
        changes.insert(Arc::from("b.html"), None);
        changes.insert(Arc::from("c.html"), Some(bytes(b"c")));
        let later = files.with(&changes);
        crate::live::apply(&mut output, &changes);
        assert!(later.are(&output));
        assert_eq!(later.get("a.html"), Some(&bytes(b"A")));
        assert_eq!(later.get("b.html"), None);
        assert_eq!(later.changes(), 3);
        // The earlier version is as it was.
        assert_eq!(files.get("a.html"), Some(&bytes(b"a")));
        assert!(!later.are(&Output::new()));
    }

    #[test]
    fn paths_map_to_files_of_the_site_only() {
        let s = site();
        let file = |p: &str| Resolved::File(p.to_owned());
        assert_eq!(resolve("/", "/", &s), file("index.html"));
        assert_eq!(resolve("/", "/da/x/", &s), file("da/x/index.html"));
        assert_eq!(resolve("/", "/samling.css", &s), file("samling.css"));
        assert_eq!(
            resolve("/", "/da/x", &s),
            Resolved::Redirect("/da/x/".into())
        );
        assert_eq!(resolve("/", "/nope", &s), Resolved::NotFound);
        // As links encode names: per segment.
        assert_eq!(
            resolve("/", "/nb/gr%C3%B8nn%20pause/", &s),
            file("nb/grønn pause/index.html")
        );
        assert_eq!(
            resolve("/", "/da/kl-10%3A00/", &s),
            file("da/kl-10:00/index.html")
        );
        assert_eq!(
            resolve("/", "/da/kl-10:00/", &s),
            file("da/kl-10:00/index.html")
        );
        assert_eq!(resolve("/", "/C:/Windows", &s), Resolved::NotFound);
        assert_eq!(resolve("/sub/", "/sub/da/", &s), file("da/index.html"));
        assert_eq!(
            resolve("/sub/", "/sub", &s),
            Resolved::Redirect("/sub/".into())
        );
        assert_eq!(resolve("/sub/", "/da/", &s), Resolved::NotFound);
        for hostile in [
            "/../etc/passwd",
            "/da/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc/passwd",
            "/da/..\\..\\etc",
            "/da%5c..%5c",
            "//etc/passwd",
            "/da/%00",
            "/%ff%fe",
        ] {
            assert_eq!(resolve("/", hostile, &s), Resolved::BadRequest, "{hostile}");
        }
    }

    #[test]
    fn host_names_of_host_values() {
        let name = |h: &str| host_name(h);
        assert_eq!(name("localhost:1111").as_deref(), Some("localhost"));
        assert_eq!(name("LocalHost.").as_deref(), Some("localhost"));
        assert_eq!(name("127.0.0.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(name("[::1]:80").as_deref(), Some("::1"));
        assert_eq!(name("evil.example:1111").as_deref(), Some("evil.example"));
        for bad in ["", "[::1", "[::1]x", "a:b", "127.0.0.1:"] {
            assert_eq!(name(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_client_goes_before_the_end_of_body() {
        let html = b"<html><body><p>x</p></body></html>";
        let out = inject(html, "<script></script>");
        assert_eq!(
            out,
            b"<html><body><p>x</p><script></script></body></html>".to_vec()
        );
        assert_eq!(inject(b"<p>", "<s>"), b"<p><s>".to_vec());
    }
}
