//! The dictionary file kind `actors/fuzz.txt` on arbitrary text.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::dictionary("actors/fuzz.txt", data);
});
