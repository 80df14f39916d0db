//! Outside tools (xmllint, Python's packages, hugo) that some tests run as an extra,
//! independent layer of checks. A machine with only the Rust toolchain has none of them: there
//! a test says in one line what it could not check and passes what it could. CI installs them
//! and sets `SAMLING_REQUIRE_TOOLS=1`, under which a missing tool fails the test instead.

use std::io::Write;
use std::process::{Command, Stdio};

/// The environment variable under which a missing tool fails the test.
pub const REQUIRE_TOOLS: &str = "SAMLING_REQUIRE_TOOLS";

/// Whether `SAMLING_REQUIRE_TOOLS` asks for every outside tool.
pub fn tools_required() -> bool {
    std::env::var(REQUIRE_TOOLS).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// An outside tool: how to ask whether it is there, and what goes unchecked without it.
pub struct Tool<'a> {
    /// What the line names, e.g. `xmllint`.
    pub name: &'a str,
    /// A command that succeeds only where the tool works, e.g. `xmllint --version`.
    pub probe: &'a [&'a str],
    /// What is not checked without it, e.g. `schedule.xml not validated against the XSD`.
    pub unchecked: &'a str,
    /// How to install it.
    pub install: &'a str,
}

impl Tool<'_> {
    /// Whether the tool runs here. When it does not: under `SAMLING_REQUIRE_TOOLS=1` this
    /// panics (the test fails); otherwise it prints one `skipped:` line and answers false.
    pub fn available(&self) -> bool {
        if self.runs() {
            return true;
        }
        if tools_required() {
            panic!(
                "{} not found ({REQUIRE_TOOLS}=1 requires it): {}; {}",
                self.name, self.unchecked, self.install
            );
        }
        // Straight to the stream, past the test harness's capture, so that a plain
        // `cargo test` shows what it did not check.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {} not found; {}",
            self.name,
            self.unchecked
        );
        false
    }

    fn runs(&self) -> bool {
        let (program, args) = self.probe.split_first().expect("a probe command");
        Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }
}

pub const XMLLINT: Tool<'static> = Tool {
    name: "xmllint",
    probe: &["xmllint", "--version"],
    unchecked: "schedule.xml not validated against the frab XSD",
    install: "apt-get install libxml2-utils",
};

pub const PYTHON_CHECKERS: Tool<'static> = Tool {
    name: "python3 with icalendar, jsonschema, feedparser, dateutil, rfc3986_validator, \
           rfc3339_validator",
    probe: &[
        "python3",
        "-c",
        "import icalendar, jsonschema, feedparser, dateutil, rfc3986_validator, rfc3339_validator",
    ],
    unchecked: "the exports not checked a second time by tests/exports/*.py",
    install: "see .ci/run for the pinned packages",
};

/// c3voc-schedule-tools, the c3voc's own schedule library, and schedule-convert, in a
/// Python of their own (the first pins an icalendar older than the checkers'): `.ci/run`
/// makes `python3-voc` run it.
pub const C3VOC_TOOLS: Tool<'static> = Tool {
    name: "python3-voc (c3voc-schedule-tools, schedule-convert)",
    probe: &[
        "python3-voc",
        "-c",
        "import voc.schedule, schedule_convert.importers.frab_xml",
    ],
    unchecked: "the schedules not read by c3voc-schedule-tools and schedule-convert",
    install: "see .ci/run: a venv with c3voc-schedule-tools, its python3 run by python3-voc",
};

/// libical 3 through its GObject interface, in Debian's own Python (python3-gi).
pub const LIBICAL: Tool<'static> = Tool {
    name: "libical (Debian's python3 with python3-gi and gir1.2-ical-3.0)",
    probe: &[
        "/usr/bin/python3",
        "-c",
        "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib",
    ],
    unchecked: "the calendars not read by libical",
    install: "apt-get install python3-gi gir1.2-ical-3.0",
};

pub const HUGO: Tool<'static> = Tool {
    name: "hugo",
    probe: &["hugo", "version"],
    unchecked: "the benchmark's Hugo site not built and its pages not compared",
    install: "apt-get install hugo",
};
