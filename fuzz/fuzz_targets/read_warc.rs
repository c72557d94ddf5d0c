//! The warc reader on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::read(data, "fuzz.warc", dyad_io::InputFormat::Warc);
});
