//! The dictionary file kind `verbs/irregular.txt` on arbitrary text.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    dyad_fuzz::dictionary("verbs/irregular.txt", data);
});
