//! Addresses of pages and the links between them.
//!
//! A page's address is its folder in the output, `/`-separated and ending in `/` (`da/x/`),
//! or `""` for the root. Links between pages are relative, so one output works at a domain
//! root, under any sub-path and from disk; only canonical addresses, alternates and the
//! sitemap use `base_url`.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::config::Config;

/// What a path segment of a link must not hold as it is: the WHATWG path set, plus `%`
/// (a name is not already encoded), `:` (`kl-10:00/` would read as a scheme), `\\`, `|`
/// and brackets. Letters beyond ASCII are always encoded.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// An output path (`da/grønn pause/`) as it is written into a link, each segment
/// percent-encoded (`da/gr%C3%B8nn%20pause/`). Every link, canonical address, sitemap
/// entry, feed and schedule goes through here, so all outputs agree.
pub fn encode(path: &str) -> String {
    path.split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

#[derive(Debug, Clone)]
pub struct Urls {
    base_url: String,
    base_path: String,
    explicit_index: bool,
}

impl Urls {
    pub fn new(config: &Config) -> Urls {
        Urls {
            base_url: config.base_url_slash(),
            base_path: config.base_path(),
            explicit_index: config.explicit_index_links,
        }
    }

    /// The address of a language's copy of the page with content key `key`.
    pub fn page(lang: &str, key: &str) -> String {
        if key.is_empty() {
            format!("{lang}/")
        } else {
            format!("{lang}/{key}/")
        }
    }

    /// A link from the page at `from` to the page at `to`.
    pub fn link(&self, from: &str, to: &str) -> String {
        let mut link = encode(&relative(from, to));
        if self.explicit_index {
            link.push_str("index.html");
        } else if link.is_empty() {
            link.push_str("./");
        }
        link
    }

    /// A link from the page at `from` to a file at `path` (relative to the output root).
    pub fn file(&self, from: &str, path: &str) -> String {
        let (dir, name) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
        let dir = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        encode(&format!("{}{name}", relative(from, &dir)))
    }

    /// A link that works from any address, for the 404 page: starts at the base path.
    pub fn rooted(&self, to: &str) -> String {
        let index = if self.explicit_index {
            "index.html"
        } else {
            ""
        };
        format!("{}{}{index}", self.base_path, encode(to))
    }

    pub fn rooted_file(&self, path: &str) -> String {
        format!("{}{}", self.base_path, encode(path))
    }

    /// The public address of a page (for canonical links, alternates and the sitemap).
    pub fn absolute(&self, to: &str) -> String {
        format!("{}{}", self.base_url, encode(to))
    }
}

/// The relative path from folder `from` to folder `to`, empty if they are the same.
fn relative(from: &str, to: &str) -> String {
    let from_parts: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|p| !p.is_empty()).collect();
    let common = from_parts
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut link = "../".repeat(from_parts.len() - common);
    for part in &to_parts[common..] {
        link.push_str(part);
        link.push('/');
    }
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(explicit_index: bool) -> Urls {
        Urls {
            base_url: "https://example.org/programmer/".into(),
            base_path: "/programmer/".into(),
            explicit_index,
        }
    }

    #[test]
    fn relative_links_between_pages() {
        let u = urls(true);
        assert_eq!(u.link("da/a/b/", "da/a/"), "../index.html");
        assert_eq!(u.link("da/a/", "sv/a/"), "../../sv/a/index.html");
        assert_eq!(u.link("", "da/"), "da/index.html");
        assert_eq!(u.link("da/", "da/"), "index.html");
        let u = urls(false);
        assert_eq!(u.link("da/a/b/", "da/a/"), "../");
        assert_eq!(u.link("da/", "da/"), "./");
        assert_eq!(u.link("da/x/", "da/y/"), "../y/");
    }

    #[test]
    fn files_and_absolute_addresses() {
        let u = urls(true);
        assert_eq!(u.file("da/a/", "style.css"), "../../style.css");
        assert_eq!(u.file("", "img/x.png"), "img/x.png");
        assert_eq!(u.file("da/", "img/x.png"), "../img/x.png");
        assert_eq!(u.rooted("da/"), "/programmer/da/index.html");
        assert_eq!(u.absolute("da/a/"), "https://example.org/programmer/da/a/");
    }

    #[test]
    fn names_are_percent_encoded_per_segment() {
        let u = urls(false);
        assert_eq!(
            u.link("da/", "nb/grønn pause/"),
            "../nb/gr%C3%B8nn%20pause/"
        );
        assert_eq!(u.link("", "da/kl-10:00/"), "da/kl-10%3A00/");
        assert_eq!(u.link("", "da/frag#x?y=1/"), "da/frag%23x%3Fy=1/");
        assert_eq!(
            u.absolute("nb/grønn pause/"),
            "https://example.org/programmer/nb/gr%C3%B8nn%20pause/"
        );
        assert_eq!(u.file("da/", "img/a b.png"), "../img/a%20b.png");
        assert_eq!(u.rooted("sv/årsmöte/"), "/programmer/sv/%C3%A5rsm%C3%B6te/");
    }
}
