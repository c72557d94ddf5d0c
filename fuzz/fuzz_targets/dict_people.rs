//! The dictionary file kind `people/fuzz.txt` on arbitrary text.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::dictionary("people/fuzz.txt", data);
});
