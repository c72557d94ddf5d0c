//! The html reader on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::read(data, "fuzz.html", dyad_io::InputFormat::Html);
});
