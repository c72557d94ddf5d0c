//! `dyad code` on the whole malformed-input corpus at once (made by
//! `scripts/malformed-corpus`, its big files at a size that keeps the test fast but
//! over the default limits): exit code 1, exactly one error line per bad file naming
//! it, none for the others, and the good files in the same batch coded exactly as
//! when they are coded alone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

/// A temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn code_on_the_malformed_corpus() {
    let dir = TempDir(std::env::temp_dir().join(format!("dyad-hostile-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&dir.0);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/malformed-corpus");
    // 17 MB: over the 16 MB line and 10 MB document limits; a 30 KB sentence.
    let made = Command::new("bash")
        .arg(&script)
        .arg(&dir.0)
        .args(["17000000", "30000"])
        .status()
        .expect("bash runs");
    assert!(made.success(), "scripts/malformed-corpus failed");

    let mut names: Vec<String> = std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let of = |prefix: &str| -> Vec<String> {
        names
            .iter()
            .filter(|n| n.starts_with(prefix))
            .cloned()
            .collect()
    };
    let (bad, good, ok) = (of("bad-"), of("good-"), of("ok-"));
    assert!(
        bad.len() >= 18 && good.len() >= 5 && ok.len() >= 3,
        "{names:?}"
    );
    assert_eq!(bad.len() + good.len() + ok.len(), names.len());

    let out = dyad(&["code".as_ref(), dir.0.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    for name in &bad {
        let path = dir.0.join(name).display().to_string();
        let lines: Vec<&&str> = errors
            .iter()
            .filter(|l| l.starts_with(&format!("error: {path}:")))
            .collect();
        assert_eq!(lines.len(), 1, "{name}: {lines:?}\n{stderr}");
    }
    assert_eq!(errors.len(), bad.len(), "{stderr}");
    assert!(
        !stderr.contains("good-") && !stderr.contains("ok-"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{} skipped with errors", bad.len())),
        "{stderr}"
    );
    assert!(!stderr.contains("files not read"), "{stderr}");

    // The good files, coded alone, give the same events as in the hostile batch.
    let batch: BTreeSet<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    for name in &good {
        let path = dir.0.join(name);
        let alone = dyad(&["code".as_ref(), path.as_os_str()]);
        assert_eq!(alone.status.code(), Some(0), "{name}");
        let alone = String::from_utf8(alone.stdout).unwrap();
        assert!(!alone.is_empty(), "no event from {name}");
        for line in alone.lines() {
            assert!(
                batch.contains(line),
                "{name}: missing from the batch: {line}"
            );
        }
    }
}
