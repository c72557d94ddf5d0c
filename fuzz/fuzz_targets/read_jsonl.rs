//! The jsonl reader on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::read(data, "fuzz.jsonl", dyad_io::InputFormat::JsonLines);
});
