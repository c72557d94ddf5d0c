//! The dictionary file kind `agents.txt` on arbitrary text.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::dictionary("agents.txt", data);
});
