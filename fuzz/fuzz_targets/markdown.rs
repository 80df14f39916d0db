#![no_main]
use std::sync::LazyLock;

// Syntax sets are costly to load: once per fuzzing process, as once per site.
static MARKDOWN: LazyLock<samling::Markdown> = LazyLock::new(Default::default);

libfuzzer_sys::fuzz_target!(|data: &[u8]| samling::fuzz::markdown(&MARKDOWN, data));
