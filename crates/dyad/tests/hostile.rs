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

/// Stories in six other languages (written for this test) beside an English one:
/// only English is coded, the others are counted in the summary by language, and
/// `--lang any` codes them too.
#[test]
fn other_languages_are_reported_not_coded() {
    let dir = TempDir(std::env::temp_dir().join(format!("dyad-langs-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let stories = [
        (
            "en.txt",
            "Russian troops shelled the Ukrainian city of Kharkiv on Monday, and the Ukrainian government accused Russia of attacking civilians, officials said.",
        ),
        (
            "fr.txt",
            "Les troupes russes ont bombardé la ville ukrainienne de Kharkiv lundi, et le gouvernement ukrainien a accusé la Russie de viser des civils, selon des responsables.",
        ),
        (
            "es.txt",
            "Las tropas rusas bombardearon el lunes la ciudad ucraniana de Járkov, y el gobierno de Ucrania acusó a Rusia de atacar a civiles, según fuentes oficiales.",
        ),
        (
            "de.txt",
            "Russische Truppen haben am Montag die ukrainische Stadt Charkiw beschossen, und die ukrainische Regierung warf Russland vor, Zivilisten anzugreifen, teilten Beamte mit.",
        ),
        (
            "ru.txt",
            "Российские войска в понедельник обстреляли украинский город Харьков, а правительство Украины обвинило Россию в нападении на мирных жителей, сообщили официальные лица.",
        ),
        (
            "ar.txt",
            "قصفت القوات الروسية مدينة خاركيف الأوكرانية يوم الاثنين، واتهمت الحكومة الأوكرانية روسيا بمهاجمة المدنيين، بحسب ما قال مسؤولون.",
        ),
        (
            "zh.txt",
            "俄罗斯军队周一炮击了乌克兰城市哈尔科夫，乌克兰政府指责俄罗斯袭击平民。官员表示，当地有多座建筑受损。",
        ),
    ];
    for (name, text) in stories {
        std::fs::write(dir.0.join(name), text).unwrap();
    }
    let out = dyad(&["code".as_ref(), dir.0.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("dyad: 1 documents,"), "{stderr}");
    assert!(
        stderr.contains("6 documents not coded, in other languages than --lang en: ar 1, de 1, es 1, fr 1, ru 1, zh 1"),
        "{stderr}"
    );
    let english = String::from_utf8(out.stdout).unwrap();
    assert!(!english.is_empty(), "the English story is coded");
    // --lang any: every story goes through the coder.
    let out = dyad(&[
        "code".as_ref(),
        "--lang".as_ref(),
        "any".as_ref(),
        dir.0.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dyad: 7 documents,"), "{stderr}");
    assert!(!stderr.contains("not coded"), "{stderr}");
    // --explain names each document left out; `dyad sentences` gives each
    // sentence's language.
    let out = dyad(&["code".as_ref(), "--explain".as_ref(), dir.0.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fr.txt (") && stderr.contains("language fr, not coded"),
        "{stderr}"
    );
    let out = dyad(&["sentences".as_ref(), dir.0.join("ru.txt").as_os_str()]);
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["language"], "ru");
}
