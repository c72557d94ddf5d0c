//! `dyad dict import petrarch`: reads PETRARCH/TABARI dictionary files, converts them
//! with `dyad-import` and writes a dyad dictionary directory and a report.

use crate::Global;
use anyhow::{Context, Result};
use clap::Args;
use dyad_core::dict::{Dictionaries, ModeRule};
use dyad_import::{Input, Kind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Files to import and where to write the result.
#[derive(Args, Debug, Clone)]
pub struct PetrarchArgs {
    /// Verb dictionary (synonym sets and verb patterns), e.g. CAMEO.2.0.txt.
    #[arg(long, value_name = "FILE")]
    pub verbs: Vec<PathBuf>,
    /// Actor dictionaries (actors and people with dated roles).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub actors: Vec<PathBuf>,
    /// Agent dictionary (generic nouns and their roles).
    #[arg(long, value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// Discard dictionary (phrases that withhold a sentence's or a story's events),
    /// converted to `discards/*.txt`.
    #[arg(long, value_name = "FILE")]
    pub discards: Vec<PathBuf>,
    /// Issue dictionary (reported: dyad codes no issues).
    #[arg(long, value_name = "FILE")]
    pub issues: Vec<PathBuf>,
    /// Directory to write the dyad dictionaries and `import-report.txt` into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// How the converted patterns' events take their mode: `patterns` (PETRARCH's
    /// convention, the default with --no-builtin: a verb is coded as its patterns say
    /// whatever its tense, negation or modality) or `read` (dyad's, the default over
    /// the built-in dictionaries: `will meet` is an intention).
    #[arg(long, value_enum, value_name = "RULE")]
    pub modes: Option<ModesArg>,
}

/// `--modes`: the `settings` written into converted pattern files.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModesArg {
    /// The patterns alone decide (PETRARCH's convention).
    Patterns,
    /// The coder reads each verb's mode (dyad's convention).
    Read,
}

/// Runs the import. The output is made to pass `dyad dict lint` over the built-in
/// dictionaries, or alone with `--no-builtin`.
pub fn petrarch(global: &Global, args: &PetrarchArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let groups = [
        (Kind::Verbs, &args.verbs),
        (Kind::Actors, &args.actors),
        (Kind::Agents, &args.agents),
        (Kind::Discards, &args.discards),
        (Kind::Issues, &args.issues),
    ];
    let mut read = Vec::new();
    for (kind, paths) in groups {
        for p in paths {
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            read.push((kind, p.display().to_string(), bytes));
        }
    }
    if read.is_empty() {
        anyhow::bail!(
            "nothing to import: give --verbs, --actors, --agents, --discards or --issues"
        );
    }
    let inputs: Vec<Input<'_>> = read
        .iter()
        .map(|(kind, name, bytes)| Input {
            kind: *kind,
            name: name.clone(),
            bytes,
        })
        .collect();
    let base = if global.no_builtin {
        Dictionaries::default()
    } else {
        Dictionaries::builtin().map_err(|e| anyhow::anyhow!("the built-in dictionaries:\n{e}"))?
    };
    let builtin = dyad_core::dict::builtin_files();
    let cameo = builtin
        .iter()
        .find(|(p, _)| p == "cameo.txt")
        .map(|(_, t)| t.as_ref())
        .unwrap_or("");
    let options = dyad_import::Options {
        modes: args.modes.map(|m| match m {
            ModesArg::Patterns => ModeRule::Patterns,
            ModesArg::Read => ModeRule::Read,
        }),
    };
    let output = dyad_import::import_with(&inputs, &base, cameo, &options);
    write_dir(&args.out, &output.files)?;
    let report = output.report_text();
    std::fs::write(args.out.join("import-report.txt"), &report)
        .with_context(|| format!("{}: cannot write the report", args.out.display()))?;
    if !global.quiet {
        for line in report
            .lines()
            .take_while(|l| !l.contains(": not converted: ") && !l.contains(": with a loss: "))
        {
            eprintln!("{line}");
        }
        eprintln!(
            "wrote {} files to {} in {:.2} s; every entry not converted is listed in {}",
            output.files.len(),
            args.out.display(),
            start.elapsed().as_secs_f64(),
            args.out.join("import-report.txt").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn write_dir(dir: &Path, files: &[(String, String)]) -> Result<()> {
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    Ok(())
}
