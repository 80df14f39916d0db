#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| samling::fuzz::times(data));
