//! `samling serve` over HTTP: a server on an ephemeral port, edits saved as editors save
//! them, the reload channel a page listens on, and requests that try to leave the site.

mod common;

use std::fs;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::http::{Events, get, raw, request};
use common::*;
use samling::serve::{Log, ServeOptions, Server};

const WAIT: Duration = Duration::from_secs(20);
const SESSION: &str = "content/fremtidens-offentlige-sektor/politisk-debat.da.md";
const SESSION_PAGE: &str = "/da/fremtidens-offentlige-sektor/politisk-debat/";

/// A server over a copy of the example site, and what it printed.
struct Preview {
    server: Server,
    site: tempfile::TempDir,
    log: Arc<Mutex<Vec<String>>>,
}

impl Preview {
    fn start() -> Preview {
        Preview::start_with(example_copy(), None, IpAddr::V4(Ipv4Addr::LOCALHOST), 0)
    }

    fn start_with(
        site: tempfile::TempDir,
        base_url: Option<&str>,
        interface: IpAddr,
        port: u16,
    ) -> Preview {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&log);
        let logger: Log = Arc::new(move |line: &str| sink.lock().unwrap().push(line.to_owned()));
        let options = ServeOptions {
            root: site.path().to_owned(),
            interface,
            port,
            base_url: base_url.map(str::to_owned),
        };
        let server = Server::start(options, logger).unwrap_or_else(|e| panic!("{e}"));
        Preview { server, site, log }
    }

    fn address(&self) -> SocketAddr {
        let mut address = self.server.address();
        if address.ip().is_unspecified() {
            address.set_ip(IpAddr::V4(Ipv4Addr::LOCALHOST));
        }
        address
    }

    fn root(&self) -> &Path {
        self.site.path()
    }

    fn events(&self) -> Events {
        let mut events = Events::connect(self.address(), "/__samling/events");
        // The state on connecting comes first.
        events.wait_for("hello", WAIT);
        events
    }

    fn page(&self, path: &str) -> String {
        let response = get(self.address(), path);
        assert_eq!(response.status, 200, "{path}");
        response.text()
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The first line printed that contains `needle`, waiting for it: the server prints
    /// after it has told the pages.
    fn log_line(&self, needle: &str) -> String {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            if let Some(line) = self.log().into_iter().find(|l| l.contains(needle)) {
                return line;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{needle:?} not in {:?}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Saves as many editors do: the new text into a temporary file, renamed over the old one.
fn save_atomically(root: &Path, path: &str, text: &str) {
    let target = root.join(path);
    let temporary = target.with_file_name(format!(
        ".{}.tmp",
        target.file_name().unwrap().to_string_lossy()
    ));
    fs::write(&temporary, text).unwrap();
    fs::rename(&temporary, &target).unwrap();
}

fn edit(root: &Path, path: &str, from: &str, to: &str) {
    let text = read(root, path);
    assert!(text.contains(from), "{path} lacks {from:?}");
    save_atomically(root, path, &text.replacen(from, to, 1));
}

/// Waits for `built` messages until `done` holds (a few at most).
fn wait_until(events: &mut Events, mut done: impl FnMut() -> bool) {
    for _ in 0..5 {
        if done() {
            return;
        }
        events.wait_for("built", WAIT);
    }
    assert!(done(), "not done after five rebuilds");
}

/// The JSON list of changed files in a `built` event.
fn changed_files(event: &common::http::Event) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(&event.data).unwrap();
    value["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_content_edit_saved_by_rename_reloads_the_page() {
    let preview = Preview::start();
    let before = preview.page(SESSION_PAGE);
    assert!(before.contains("Skillevej"));
    let mut events = preview.events();

    edit(preview.root(), SESSION, "Skillevej", "Vejskel");
    // First the edited page, at once; then the pages that list it.
    let page = "da/fremtidens-offentlige-sektor/politisk-debat/index.html".to_owned();
    let programme = "da/fremtidens-offentlige-sektor/index.html".to_owned();
    let first = changed_files(&events.wait_for("built", WAIT));
    assert!(
        first.contains(&page) && !first.contains(&programme),
        "{first:?}"
    );
    let after = preview.page(SESSION_PAGE);
    assert!(after.contains("Vejskel") && !after.contains("Skillevej"));
    let then = changed_files(&events.wait_for("built", WAIT));
    assert!(
        then.contains(&programme) && !then.contains(&page),
        "{then:?}"
    );
    assert!(
        preview
            .page("/da/fremtidens-offentlige-sektor/")
            .contains("Vejskel")
    );

    // The terminal says which file, how many pages and how long.
    let line = preview.log_line("politisk-debat.da.md");
    assert!(
        line.contains("rendered") && line.contains("pages") && line.ends_with(" ms"),
        "{line}"
    );
}

#[test]
fn template_locale_and_stylesheet_edits() {
    let preview = Preview::start();
    let mut events = preview.events();

    edit(
        preview.root(),
        "themes/default/templates/session.html",
        "<article class=\"session-page",
        "<article data-edited=\"yes\" class=\"session-page",
    );
    events.wait_for("built", WAIT);
    assert!(preview.page(SESSION_PAGE).contains("data-edited=\"yes\""));
    assert!(!preview.page("/da/").contains("data-edited"));

    edit(
        preview.root(),
        "locales/da.ftl",
        "nav-home = Forside",
        "nav-home = Hjem",
    );
    let files = changed_files(&events.wait_for("built", WAIT));
    assert!(files.iter().all(|f| !f.starts_with("sv/")), "{files:?}");
    assert!(preview.page("/da/").contains(">Hjem</a>"));

    // A stylesheet alone changes no page: the page swaps it without reloading.
    let css = "themes/default/static/samling.css";
    let text = read(preview.root(), css) + "\n.edited { color: #000; }\n";
    save_atomically(preview.root(), css, &text);
    let files = changed_files(&events.wait_for("built", WAIT));
    assert_eq!(files, ["samling.css"]);
    assert!(preview.page("/samling.css").contains(".edited"));
}

#[test]
fn the_page_open_in_a_browser_is_made_first_after_a_template_edit() {
    let preview = Preview::start();
    // The stream as the reload script on the session's page opens it.
    let open = "da/fremtidens-offentlige-sektor/politisk-debat/index.html";
    let mut events = Events::connect(
        preview.address(),
        &format!("/__samling/events?page={}", open.replace('/', "%2F")),
    );
    events.wait_for("hello", WAIT);

    edit(
        preview.root(),
        "themes/default/templates/session.html",
        "<article class=\"session-page",
        "<article data-edited=\"yes\" class=\"session-page",
    );
    // The open page alone first, already served as it is now; the other sessions after.
    assert_eq!(changed_files(&events.wait_for("built", WAIT)), [open]);
    assert!(preview.page(SESSION_PAGE).contains("data-edited=\"yes\""));
    let rest = changed_files(&events.wait_for("built", WAIT));
    assert!(
        !rest.is_empty() && !rest.iter().any(|f| f == open),
        "{rest:?}"
    );
    let other = rest
        .iter()
        .find(|f| f.starts_with("sv/"))
        .expect("a Swedish session page");
    let other = format!("/{}", other.trim_end_matches("index.html"));
    assert!(
        preview.page(&other).contains("data-edited=\"yes\""),
        "{other}"
    );

    // Closed, it is no longer made first: all pages come in one message.
    drop(events);
    let mut events = preview.events();
    edit(
        preview.root(),
        "themes/default/templates/session.html",
        "data-edited=\"yes\"",
        "data-edited=\"again\"",
    );
    let files = changed_files(&events.wait_for("built", WAIT));
    assert!(
        files.iter().any(|f| f == open) && files.len() > 1,
        "{files:?}"
    );
}

#[test]
fn files_and_folders_added_deleted_and_moved() {
    let preview = Preview::start();
    let root = preview.root().to_owned();
    let mut events = preview.events();

    // A new folder with a theme and a session, created in one go.
    let theme = root.join("content/fremtidens-offentlige-sektor/efteraar");
    fs::create_dir(&theme).unwrap();
    write(&theme, "_index.da.md", "+++\ntitle = \"Efterår\"\n+++\n");
    write(
        &theme,
        "ny.da.md",
        "+++\ntitle = \"Nyt møde om velfærd\"\ndate = 2026-03-01\nstart = 10:00\n+++\n",
    );
    let path = "/da/fremtidens-offentlige-sektor/efteraar/ny/";
    let programme = "/da/fremtidens-offentlige-sektor/";
    // The new pages come first, the programme that lists them with the next message.
    wait_until(&mut events, || {
        get(preview.address(), programme)
            .text()
            .contains("Nyt møde om velfærd")
    });
    assert!(preview.page(path).contains("Nyt møde om velfærd"));

    // Deleted.
    fs::remove_file(theme.join("ny.da.md")).unwrap();
    // Not the next message alone: one of the creation's builds may still be on its way.
    wait_until(&mut events, || get(preview.address(), path).status == 404);
    assert_eq!(get(preview.address(), path).status, 404);

    // A theme folder moved out of the site and back in.
    let outside = tempfile::tempdir().unwrap();
    let arbetstiden = root.join("content/samverkan-i-offentlig-sektor/arbetstiden");
    let parked = outside.path().join("arbetstiden");
    fs::rename(&arbetstiden, &parked).unwrap();
    let theme_page = "/sv/samverkan-i-offentlig-sektor/arbetstiden/";
    wait_until(&mut events, || {
        get(preview.address(), theme_page).status == 404
    });
    assert_eq!(get(preview.address(), theme_page).status, 404);
    fs::rename(&parked, &arbetstiden).unwrap();
    wait_until(&mut events, || {
        get(preview.address(), theme_page).status == 200
    });
    assert!(
        preview
            .page(&format!("{theme_page}arbetstid-kommunal-sektor/"))
            .contains("<h1>")
    );
}

#[test]
fn an_invalid_edit_keeps_the_last_good_site_and_the_fix_recovers() {
    let preview = Preview::start();
    let mut events = preview.events();

    edit(preview.root(), SESSION, "title = ", "titel = ");
    let failed = events.wait_for("failed", WAIT);
    let message: serde_json::Value = serde_json::from_str(&failed.data).unwrap();
    let message = message["message"].as_str().unwrap();
    assert!(message.contains("politisk-debat.da.md:2:1"), "{message}");
    assert!(message.contains("unknown field `titel`"), "{message}");
    // The last good page is still served, and a page that connects now learns the error.
    assert!(preview.page(SESSION_PAGE).contains("Skillevej"));
    let mut late = Events::connect(preview.address(), "/__samling/events");
    late.wait_for("failed", WAIT);
    preview.log_line("still serving the last good");

    // A template that does not render fails the same way.
    edit(preview.root(), SESSION, "titel = ", "title = ");
    events.wait_for("built", WAIT);
    edit(
        preview.root(),
        "themes/default/templates/session.html",
        "{{ page.title }}</h1>",
        "{{ page.title | nosuchfilter }}</h1>",
    );
    let failed = events.wait_for("failed", WAIT);
    assert!(failed.data.contains("session.html"), "{}", failed.data);
    edit(
        preview.root(),
        "themes/default/templates/session.html",
        "{{ page.title | nosuchfilter }}</h1>",
        "{{ page.title }}</h1>",
    );
    events.wait_for("built", WAIT);
    assert!(preview.page(SESSION_PAGE).contains("Skillevej"));
}

#[test]
fn a_site_that_does_not_build_at_first_is_served_when_fixed() {
    let site = example_copy();
    edit(site.path(), "locales/da.ftl", "site-name =", "site-name");
    let preview = Preview::start_with(site, None, IpAddr::V4(Ipv4Addr::LOCALHOST), 0);
    let waiting = get(preview.address(), "/da/");
    assert_eq!(waiting.status, 503);
    assert!(waiting.text().contains("__samling/live.js"));
    let mut events = Events::connect(preview.address(), "/__samling/events");
    let failed = events.wait_for("failed", WAIT);
    assert!(failed.data.contains("locales/da.ftl"), "{}", failed.data);

    edit(preview.root(), "locales/da.ftl", "site-name", "site-name =");
    events.wait_for("built", WAIT);
    assert!(preview.page("/da/").contains("<html lang=\"da\">"));
}

#[test]
fn the_reload_script_is_injected_by_serve_only() {
    let preview = Preview::start();
    let served = preview.page("/da/");
    assert!(
        served.contains(
            "<script src=\"/__samling/live.js\" data-base=\"/\" data-page=\"da/index.html\""
        ),
        "{served}"
    );
    let script = get(preview.address(), "/__samling/live.js");
    assert_eq!(script.status, 200);
    assert!(
        script
            .header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(script.text().contains("EventSource"));

    let out = build(preview.root());
    let built = snapshot(&out.path().join("public"));
    for (path, bytes) in built {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__samling"),
            "{path} of `build` has the reload script"
        );
    }
}

#[test]
fn under_a_sub_path() {
    let preview = Preview::start_with(
        example_copy(),
        Some("https://example.org/programmer/"),
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        0,
    );
    assert!(preview.server.url().ends_with("/programmer/"));
    let page = preview.page("/programmer/da/");
    assert!(
        page.contains("src=\"/programmer/__samling/live.js\""),
        "{page}"
    );
    assert!(page.contains("href=\"https://example.org/programmer/da/\""));
    assert_eq!(get(preview.address(), "/da/").status, 404);
    let redirect = get(preview.address(), "/programmer");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), Some("/programmer/"));

    let mut events = Events::connect(preview.address(), "/programmer/__samling/events");
    events.wait_for("hello", WAIT);
    edit(preview.root(), SESSION, "Skillevej", "Vejskel");
    events.wait_for("built", WAIT);
    assert!(
        preview
            .page("/programmer/da/fremtidens-offentlige-sektor/politisk-debat/")
            .contains("Vejskel")
    );
}

#[test]
fn content_types_caching_head_and_not_found() {
    let site = example_copy();
    // One static file of every kind a programme site serves.
    let kinds = [
        ("a.html", "text/html; charset=utf-8"),
        ("a.css", "text/css; charset=utf-8"),
        ("a.js", "text/javascript; charset=utf-8"),
        ("a.svg", "image/svg+xml"),
        ("a.png", "image/png"),
        ("a.jpg", "image/jpeg"),
        ("a.webp", "image/webp"),
        ("a.ico", "image/x-icon"),
        ("a.ics", "text/calendar; charset=utf-8"),
        ("a.json", "application/json"),
        ("a.xml", "text/xml; charset=utf-8"),
        ("a.txt", "text/plain; charset=utf-8"),
    ];
    for (name, _) in kinds {
        write(site.path(), &format!("static/files/{name}"), "x");
    }
    let preview = Preview::start_with(site, None, IpAddr::V4(Ipv4Addr::LOCALHOST), 0);
    let address = preview.address();
    for (name, kind) in kinds {
        let response = get(address, &format!("/files/{name}"));
        assert_eq!(response.status, 200, "{name}");
        assert_eq!(response.header("content-type"), Some(kind), "{name}");
    }

    // HTML is never cached; other files are revalidated by their ETag.
    let page = get(address, "/da/");
    assert_eq!(page.header("cache-control"), Some("no-store"));
    let css = get(address, "/samling.css");
    let etag = css.header("etag").unwrap().to_owned();
    let again = request(address, "GET", "/samling.css", &[("If-None-Match", &etag)]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());

    // HEAD: the same headers, no body.
    let head = request(address, "HEAD", "/da/", &[]);
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-type"), page.header("content-type"));
    assert!(head.body.is_empty());

    // The site's 404 page, with status 404.
    let missing = get(address, "/da/no-such-page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.text().contains("<html lang=\"da\">"),
        "{}",
        missing.text()
    );
    assert_eq!(request(address, "POST", "/da/", &[]).status, 405);
}

#[test]
fn a_page_is_served_at_its_percent_encoded_address() {
    let site = starter_site();
    write(
        site.path(),
        "content/aarsmoede/grønn pause.nb.md",
        "+++\ntitle = \"Kaffe\"\ndate = 2027-03-11\nstart = 10:00\nend = 10:15\nroom = \"Festsalen\"\n+++\n",
    );
    let preview = Preview::start_with(site, None, IpAddr::V4(Ipv4Addr::LOCALHOST), 0);
    let address = preview.address();
    // As the theme page links to it.
    let theme = get(address, "/nb/aarsmoede/").text();
    assert!(theme.contains("href=\"gr%C3%B8nn%20pause/"), "{theme}");
    let page = get(address, "/nb/aarsmoede/gr%C3%B8nn%20pause/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Kaffe"));
}

#[test]
fn no_request_reaches_a_file_outside_the_site() {
    let site = example_copy();
    // A secret beside the site, and a link to it among the static files.
    let secret = site.path().join("secret.txt");
    fs::write(&secret, "top secret").unwrap();
    fs::create_dir_all(site.path().join("static")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, site.path().join("static/link.txt")).unwrap();
    let preview = Preview::start_with(site, None, IpAddr::V4(Ipv4Addr::LOCALHOST), 0);
    let address = preview.address();
    for (path, status) in [
        ("/../secret.txt", 400),
        ("/../config.toml", 400),
        ("/da/../../secret.txt", 400),
        ("/%2e%2e/secret.txt", 400),
        ("/%2E%2E%2Fsecret.txt", 400),
        ("/..%2fsecret.txt", 400),
        ("/da/..%5c..%5csecret.txt", 400),
        ("/da\\..\\..\\secret.txt", 400),
        ("//secret.txt", 400),
        ("/%00", 400),
        ("/da/%00/index.html", 400),
        ("/%ff", 400),
        // Looked up in memory: `C:` names no drive, and a page may hold a colon.
        ("/C:/secret.txt", 404),
        // Not files of the built site: the link, and the site's own sources.
        ("/link.txt", 404),
        ("/config.toml", 404),
        ("/content/praktisk.da.md", 404),
    ] {
        let response = raw(
            address,
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        );
        assert_eq!(response.status, status, "{path}");
        assert!(!response.text().contains("top secret"), "{path}");
        assert!(!response.text().contains("base_url"), "{path}");
    }
    // Malformed requests are refused, and the server goes on.
    for request in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET /da/ HTTP/9.9\r\n\r\n",
        b"GET /da/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: nope\r\n\r\n",
        b"GET http://other.example/../../secret.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        b"\x00\x01\x02\r\n\r\n",
    ] {
        let response = raw(address, request);
        assert_eq!(
            response.status,
            400,
            "{:?}: {}",
            String::from_utf8_lossy(request),
            response.status
        );
        assert!(!response.text().contains("top secret"));
    }
    assert_eq!(get(address, "/da/").status, 200);
}

#[test]
fn many_clients_at_once() {
    let preview = Preview::start();
    let address = preview.address();
    let mut streams: Vec<Events> = (0..8).map(|_| preview.events()).collect();
    let threads: Vec<_> = (0..16)
        .map(|i| {
            std::thread::spawn(move || {
                for j in 0..20 {
                    let path = if (i + j) % 2 == 0 {
                        "/da/"
                    } else {
                        "/samling.css"
                    };
                    assert_eq!(get(address, path).status, 200);
                }
            })
        })
        .collect();
    edit(preview.root(), SESSION, "Skillevej", "Vejskel");
    for thread in threads {
        thread.join().unwrap();
    }
    for events in &mut streams {
        events.wait_for("built", WAIT);
    }
}

#[test]
fn a_taken_port_gives_the_next_one_and_a_public_interface_a_warning() {
    let first = Preview::start();
    let port = first.address().port();
    let second = Preview::start_with(example_copy(), None, IpAddr::V4(Ipv4Addr::LOCALHOST), port);
    assert_ne!(second.address().port(), port);
    assert!(
        second
            .log()
            .iter()
            .any(|l| l.contains(&format!("Port {port} is in use"))),
        "{:?}",
        second.log()
    );
    let public = Preview::start_with(example_copy(), None, IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0);
    assert!(
        public
            .log()
            .iter()
            .any(|l| l.contains("reachable from the network")),
        "{:?}",
        public.log()
    );
    assert_eq!(get(public.address(), "/da/").status, 200);
}

/// A request as a browser sends it to `host` (resolved by DNS to this machine).
fn get_as(address: SocketAddr, host: &str, path: &str) -> common::http::Response {
    raw(
        address,
        format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

#[test]
fn only_requests_to_localhost_or_an_address_are_answered() {
    let preview = Preview::start();
    let address = preview.address();
    let port = address.port();
    // DNS rebinding: a hostile page's own name, resolved to 127.0.0.1.
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        format!("localhost.evil.example:{port}"),
        "127.0.0.1.nip.io".to_owned(),
    ] {
        let refused = get_as(address, &host, "/da/");
        assert_eq!(refused.status, 403, "{host}");
        assert!(refused.text().contains("localhost"), "{}", refused.text());
        assert!(!refused.text().contains("<html"), "{host}");
        assert_eq!(get_as(address, &host, "/__samling/events").status, 403);
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_owned(),
        format!("programme.localhost:{port}"),
        format!("[::1]:{port}"),
        // The machine's address in the network, with --interface 0.0.0.0.
        format!("192.168.1.20:{port}"),
    ] {
        assert_eq!(get_as(address, &host, "/da/").status, 200, "{host}");
    }
}

#[test]
fn the_event_stream_refuses_pages_of_other_origins() {
    let preview = Preview::start();
    let address = preview.address();
    for origin in [
        "http://evil.example",
        "null",
        "http://localhost.evil.example",
    ] {
        let refused = request(address, "GET", "/__samling/events", &[("Origin", origin)]);
        assert_eq!(refused.status, 403, "{origin}");
        assert!(!refused.text().contains("hello"), "{origin}");
    }
    // The page's own origin, as a browser may send it.
    let mut events = Events::connect_with(
        address,
        "/__samling/events",
        &[("Origin", "http://localhost")],
    );
    events.wait_for("hello", WAIT);
    // Pages still load from anywhere that asks for them by a right name.
    let page = request(address, "GET", "/da/", &[("Origin", "http://evil.example")]);
    assert_eq!(page.status, 200);
}

#[cfg(unix)]
#[test]
fn a_linked_folder_is_skipped_and_edits_of_the_real_files_show() {
    let site = example_copy();
    std::os::unix::fs::symlink(
        "fremtidens-offentlige-sektor",
        site.path().join("content/current"),
    )
    .unwrap();
    let preview = Preview::start_with(site, None, IpAddr::V4(Ipv4Addr::LOCALHOST), 0);
    let mut events = preview.events();

    // The real file, saved: seen once, not also through the link.
    edit(preview.root(), SESSION, "Skillevej", "Vejskel");
    wait_until(&mut events, || {
        preview.page(SESSION_PAGE).contains("Vejskel")
    });
    assert!(
        !preview.log().iter().any(|l| l.contains("does not build")),
        "{:?}",
        preview.log()
    );
    let warning = preview.log_line("content/current");
    assert!(
        warning.contains("fremtidens-offentlige-sektor")
            && warning.contains("does not follow links"),
        "{warning}"
    );
    assert_eq!(get(preview.address(), "/da/current/").status, 404);
    // The warning is printed once, not at every save.
    let times = preview
        .log()
        .iter()
        .filter(|l| l.contains("content/current"))
        .count();
    assert_eq!(times, 1, "{:?}", preview.log());
}
