//! End-to-end tests of `dyad dict import petrarch` and `--no-builtin`, with the
//! fixtures of `crates/dyad-import/tests/fixtures/` (a fictional world written in
//! PETRARCH's syntax for these tests):
//!
//! - the import writes the dictionaries and a report naming each entry not converted
//!   with its file and line;
//! - the output passes `dyad dict lint --no-builtin`;
//! - `dyad code --dictionaries OUT --no-builtin` codes the fictional world alone, and
//!   the built-in actors are gone (`Russia` is not coded); a sentence with an imported
//!   discard phrase is withheld, and `dyad explain` names the phrase;
//! - `--no-builtin` without a dictionary directory is an error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("the dyad binary runs")
}

fn describe(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dyad-import/tests/fixtures")
        .join(name)
}

/// A temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("dyad-import-test-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn import_lint_and_code_a_fictional_world_alone() {
    let tmp = TempDir::new("world");
    let out = tmp.0.join("dicts");
    let o = dyad(&[
        "--no-builtin".as_ref(),
        "dict".as_ref(),
        "import".as_ref(),
        "petrarch".as_ref(),
        "--verbs".as_ref(),
        fixture("syldavia.verbs.txt").as_os_str(),
        "--actors".as_ref(),
        fixture("syldavia.actors.txt").as_os_str(),
        "--agents".as_ref(),
        fixture("syldavia.agents.txt").as_os_str(),
        "--discards".as_ref(),
        fixture("syldavia.discards.txt").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", describe(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("syldavia.verbs.txt: 18 converted (1 with a loss)"),
        "{}",
        describe(&o)
    );
    let report = std::fs::read_to_string(out.join("import-report.txt")).expect("the report");
    assert!(
        report.contains("syldavia.verbs.txt:38: not converted: transformation"),
        "{report}"
    );
    assert!(
        report.contains("syldavia.actors.txt:18: not converted: a date"),
        "{report}"
    );
    // Imported alone, the patterns keep PETRARCH's convention; `--modes read` chooses
    // dyad's.
    let verbs = |dir: &Path| std::fs::read_to_string(dir.join("verbs/syldavia-verbs.txt"));
    assert!(verbs(&out).expect("the verbs").contains("modes: patterns"));
    let read = tmp.0.join("read");
    let o = dyad(&[
        "--no-builtin".as_ref(),
        "dict".as_ref(),
        "import".as_ref(),
        "petrarch".as_ref(),
        "--modes".as_ref(),
        "read".as_ref(),
        "--verbs".as_ref(),
        fixture("syldavia.verbs.txt").as_os_str(),
        "--out".as_ref(),
        read.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", describe(&o));
    assert!(verbs(&read).expect("the verbs").contains("modes: read"));

    let o = dyad(&[
        "--no-builtin".as_ref(),
        "dict".as_ref(),
        "lint".as_ref(),
        out.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", describe(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(" 0 errors"),
        "{}",
        describe(&o)
    );

    let story = tmp.0.join("story.txt");
    std::fs::write(
        &story,
        "Syldavia signed an accord with Borduria on Monday. Russia signed an accord with China.\n",
    )
    .expect("a story");
    let o = dyad(&[
        "--no-builtin".as_ref(),
        "--dictionaries".as_ref(),
        out.as_os_str(),
        "code".as_ref(),
        "--published".as_ref(),
        "2020-01-01".as_ref(),
        story.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", describe(&o));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("\"SYL\""), "{}", describe(&o));
    assert!(stdout.contains("\"BOR\""), "{}", describe(&o));
    assert!(!stdout.contains("\"RUS\""), "{}", describe(&o));

    // The imported discards: the events of a sentence with a discard phrase are left
    // out of the default output, and `dyad explain` names the phrase and its line.
    std::fs::write(
        &story,
        "At the chess tournament Syldavia signed an accord with Borduria on Monday.\n",
    )
    .expect("a story");
    let run = |command: &str| {
        dyad(&[
            "--no-builtin".as_ref(),
            "--dictionaries".as_ref(),
            out.as_os_str(),
            command.as_ref(),
            "--published".as_ref(),
            "2020-01-01".as_ref(),
            story.as_os_str(),
        ])
    };
    let o = run("code");
    assert!(o.status.success(), "{}", describe(&o));
    assert!(o.stdout.is_empty(), "{}", describe(&o));
    let o = run("explain");
    assert!(o.status.success(), "{}", describe(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(
            "withheld  discarded sentence: \"chess tournament\" (discards/syldavia-discards.txt:"
        ),
        "{}",
        describe(&o)
    );
}

#[test]
fn no_builtin_needs_a_dictionary_directory() {
    let o = dyad(&["--no-builtin", "dict", "lint"]);
    assert_eq!(o.status.code(), Some(2), "{}", describe(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--no-builtin"),
        "{}",
        describe(&o)
    );
}
