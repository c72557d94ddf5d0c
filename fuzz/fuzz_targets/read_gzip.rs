//! Gzipped input: the bytes get a gzip header (so the decoder and its limits
//! always run) and are read as JSON Lines.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut bytes = vec![0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff];
    bytes.extend_from_slice(data);
    dyad_fuzz::read(&bytes, "fuzz.jsonl.gz", dyad_io::InputFormat::JsonLines);
});
