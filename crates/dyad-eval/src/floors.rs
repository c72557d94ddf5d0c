//! Floors: the least each headline metric of each file may score (`eval/floors.toml`).
//!
//! The file is TOML with one table per gold file (named by the file's name without
//! `.jsonl`) and one `metric = floor` per headline metric:
//!
//! ```toml
//! [plover_gsr]
//! triple_f1 = 0.25
//! ```

use anyhow::{Context, bail};
use std::collections::BTreeMap;
use std::path::Path;

/// Floors by file name, then by metric name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Floors(pub BTreeMap<String, BTreeMap<String, f64>>);

/// A metric that fell below its floor.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The gold file's name.
    pub file: String,
    /// The metric's name.
    pub metric: String,
    /// What it scored.
    pub value: f64,
    /// Its floor.
    pub floor: f64,
}

impl Floors {
    /// Reads a floors file.
    pub fn load(path: &Path) -> anyhow::Result<Floors> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read floors file {}", path.display()))?;
        Floors::parse(&text).with_context(|| format!("in floors file {}", path.display()))
    }

    /// Parses floors from TOML text.
    pub fn parse(text: &str) -> anyhow::Result<Floors> {
        let files: BTreeMap<String, BTreeMap<String, f64>> = toml::from_str(text)?;
        for (file, metrics) in &files {
            for (metric, floor) in metrics {
                if !(0.0..=1.0).contains(floor) {
                    bail!("[{file}] {metric} = {floor}: a floor is between 0 and 1");
                }
            }
        }
        Ok(Floors(files))
    }

    /// Checks the floors of every scored file (`(name, metrics)`); files with no table
    /// are not checked, nor tables of files not scored. A floor naming a metric the
    /// file does not have is an error (a typo would otherwise check nothing).
    pub fn check(
        &self,
        scored: &[(&str, Vec<(&'static str, f64)>)],
    ) -> anyhow::Result<Vec<Failure>> {
        let mut failures = Vec::new();
        for (file, metrics) in scored {
            let Some(floors) = self.0.get(*file) else {
                continue;
            };
            for (metric, &floor) in floors {
                let Some(&(_, value)) = metrics.iter().find(|(m, _)| m == metric) else {
                    let known: Vec<&str> = metrics.iter().map(|(m, _)| *m).collect();
                    bail!(
                        "floor [{file}] {metric}: {file} has no such metric (it has {})",
                        known.join(", ")
                    );
                };
                // Tolerate rounding in the last printed digits.
                if value + 1e-9 < floor {
                    failures.push(Failure {
                        file: file.to_string(),
                        metric: metric.clone(),
                        value,
                        floor,
                    });
                }
            }
        }
        Ok(failures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold::Kind;
    use crate::score::score_file;

    fn shipped() -> Floors {
        Floors::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/floors.toml")).unwrap()
    }

    #[test]
    fn shipped_floors_name_real_metrics() {
        let floors = shipped();
        let kinds = [
            ("plover_gsr", Kind::PloverTriples),
            ("plv", Kind::Plv),
            ("conflibert_cameo", Kind::Conflibert),
            ("cameo_manual", Kind::CameoManual),
        ];
        assert_eq!(
            floors.0.keys().collect::<Vec<_>>(),
            vec!["cameo_manual", "conflibert_cameo", "plover_gsr", "plv"]
        );
        let none = |_: &str| None;
        // Every floor names a metric its file has (no unknown name), and with all
        // metrics at 0 every positive floor is reported as failing.
        let scored: Vec<(&str, Vec<(&'static str, f64)>)> = kinds
            .iter()
            .map(|(n, k)| (*n, score_file(*k, &[], &[], &none).metrics()))
            .collect();
        let failures = floors
            .check(&scored)
            .expect("every floor names a known metric");
        let positive = floors
            .0
            .values()
            .flat_map(|m| m.values())
            .filter(|v| **v > 0.0)
            .count();
        assert_eq!(failures.len(), positive);
        assert_eq!(floors.0["plover_gsr"].len(), 4);
        assert_eq!(
            floors.0["cameo_manual"].keys().collect::<Vec<_>>(),
            vec!["code_accuracy", "root_accuracy"]
        );
    }

    #[test]
    fn failures_and_errors() {
        let floors =
            Floors::parse("[plv]\naccuracy = 0.5\nmacro_f1 = 0.3\n[other]\naccuracy = 1\n")
                .unwrap();
        let scored = vec![("plv", vec![("accuracy", 0.4), ("macro_f1", 0.3)])];
        let f = floors.check(&scored).unwrap();
        assert_eq!(
            f,
            vec![Failure {
                file: "plv".into(),
                metric: "accuracy".into(),
                value: 0.4,
                floor: 0.5
            }]
        );
        let typo = Floors::parse("[plv]\naccuracyy = 0.5\n").unwrap();
        let e = typo.check(&scored).unwrap_err().to_string();
        assert!(
            e.contains("accuracyy") && e.contains("no such metric"),
            "{e}"
        );
        assert!(Floors::parse("[plv]\naccuracy = 1.5\n").is_err());
        assert!(Floors::parse("[plv]\naccuracy = \"high\"\n").is_err());
    }
}
