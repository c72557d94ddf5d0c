//! The verb dictionary: synonym sets (`&NAME` and `+member` lines) to word classes,
//! verb blocks (`--- NAME [CODE] ---`, verb lines, `-` pattern lines) to `verb` entries.

use crate::text::{lower_phrase, strip_comment, strip_markup_comments};
use crate::{FileReport, Known};
use dyad_core::dict::{Layer, ModeRule, patterns::check_pattern, plural_of};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt::Write as _;

/// The converted verb dictionary.
pub struct Verbs {
    /// The pattern file (`verbs/*.txt`).
    pub patterns: String,
    /// The irregular forms of its verbs that dyad does not know (`verbs/irregular-*.txt`).
    pub irregular: String,
    /// Every event code the patterns use.
    pub codes: Vec<String>,
    /// The names of the classes it defines.
    pub classes: Vec<String>,
}

/// A verb of a block: `FREEZE {FREEZES FROZE FROZEN}`, `+STIR_UP`, `WIRE_+TAP [171]`.
struct Verb {
    line: usize,
    lemma: String,
    /// Words before the verb in a multi-word verb (`wire` of `WIRE_+TAP`).
    pre: Vec<String>,
    /// Words after it (`up` of `+STIR_UP`).
    post: Vec<String>,
    /// Its own code, when it has one.
    code: Option<Code>,
}

/// A converted pattern line.
struct Pattern {
    line: usize,
    code: Code,
    /// Its elements, each with whether `_` joins it to the one before (PETRARCH's
    /// `RECENTLY_*`: no word between).
    elements: Vec<(String, bool)>,
    reciprocal: bool,
    /// Its `%` is before the verb: `[compound]`.
    compound: bool,
}

/// A PETRARCH code as a dyad pattern writes it: `057`, the null code `---`, a paired
/// code `031:032` or a reversed code `:173`.
#[derive(Clone)]
struct Code {
    text: String,
    /// The event codes it names.
    codes: Vec<String>,
}

impl Code {
    fn null() -> Code {
        Code {
            text: "---".into(),
            codes: Vec::new(),
        }
    }

    fn is_null(&self) -> bool {
        self.codes.is_empty()
    }
}

/// One side of a code: `None` for the null code, the CAMEO digits otherwise. A
/// suffix after the digits (`174K`, `023?`: PETRARCH's test markers) is dropped with a
/// loss reported.
fn code_side(
    s: &str,
    whole: &str,
    line: usize,
    report: &mut FileReport,
) -> Result<Option<String>, String> {
    let s = s.trim();
    if s.is_empty() || s == "---" {
        return Ok(None);
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(2..=4).contains(&digits) {
        return Err("a code that is not a CAMEO code (2 to 4 digits)".into());
    }
    if digits < s.len() {
        if !s[digits..]
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'?')
        {
            return Err("a code that is not a CAMEO code (2 to 4 digits)".into());
        }
        report.approx(
            line,
            "code with a suffix after its digits (`174K`, `023?`): the CAMEO digits are kept",
            whole,
        );
    }
    Ok(Some(s[..digits].to_string()))
}

/// Verbs that share an entry: their default code and the words around the verb.
type Group<'a> = (Vec<&'a Verb>, Code, Vec<String>, Vec<String>);

/// A synonym set being read.
struct Synset {
    line: usize,
    name: String,
    no_plural: bool,
    members: Vec<String>,
}

/// A verb block being read.
struct Block {
    code: Code,
    verbs: Vec<Verb>,
    patterns: Vec<Pattern>,
}

struct State<'a> {
    report: &'a mut FileReport,
    classes: FxHashMap<String, Vec<String>>,
    /// The dyad name of each synset (`TIES` -> `PET_TIES`).
    names: FxHashMap<String, String>,
    /// Class names that other imported files define.
    taken: &'a FxHashSet<String>,
    /// This file's stem, to tell its classes from another file's of the same name.
    stem: &'a str,
    out: String,
    irregular: String,
    irregular_done: FxHashSet<String>,
    base_irregular: &'a FxHashSet<&'a str>,
    known: &'a Known,
    codes: FxHashSet<String>,
}

/// Reads a bracketed code: `[023]`, `[---]`, a paired `[031:032]`, a reversed `[:173]`.
fn parse_code(s: &str, line: usize, report: &mut FileReport) -> Result<Code, String> {
    let s = s.trim();
    let (first, second) = match s.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let first = code_side(first, s, line, report)?;
    let second = match second {
        Some(b) => code_side(b, s, line, report)?,
        None => None,
    };
    let text = match (&first, &second) {
        (None, None) => return Ok(Code::null()),
        (Some(a), None) => a.clone(),
        (None, Some(b)) => format!(":{b}"),
        (Some(a), Some(b)) => format!("{a}:{b}"),
    };
    Ok(Code {
        text,
        codes: first.into_iter().chain(second).collect(),
    })
}

/// Splits `text [code]` into the text and the bracket's contents.
fn split_code(text: &str) -> (&str, Option<&str>) {
    match (text.rfind('['), text.rfind(']')) {
        (Some(open), Some(close)) if close > open => (&text[..open], Some(&text[open + 1..close])),
        _ => (text, None),
    }
}

fn class_name(name: &str) -> String {
    let n: String = name
        .trim_end_matches('_')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("PET_{n}")
}

fn is_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.'))
}

/// A run of consecutive words (joined by `_` in PETRARCH) as one element.
fn words_element(words: &[String]) -> String {
    if words.len() == 1 {
        words[0].clone()
    } else {
        format!("({})", words.join(" "))
    }
}

/// A converted element and whether `_` joins it to the one before.
type Joined = (String, bool);

/// The dyad elements of a PETRARCH pattern body, whether it is reciprocal (`%`), and
/// whether its `%` stands before the verb (a compound subject: `[compound]`).
fn elements(
    body: &str,
    names: &FxHashMap<String, String>,
) -> Result<(Vec<Joined>, bool, bool), String> {
    let flat: String = body
        .chars()
        .map(|c| {
            if matches!(c, '{' | '}' | '(' | ')') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut reciprocal = false;
    let mut compound = false;
    for token in flat.split_whitespace() {
        let mut run: Vec<String> = Vec::new();
        // Elements of one `_`-joined token are adjacent.
        let first = out.len();
        let joined = |out: &Vec<(String, bool)>| out.len() > first;
        for part in token.split('_').filter(|p| !p.is_empty()) {
            let special = match part {
                "*" => Some(part.to_string()),
                // PETRARCH's `$` is the source and `+` the target: dyad's the other way.
                "$" => Some("+".to_string()),
                "+" => Some("$".to_string()),
                "%" => {
                    reciprocal = true;
                    compound |= !out.iter().any(|e| e.0 == "*");
                    None
                }
                "^" => Some("^".to_string()),
                _ if part.starts_with('&') => {
                    let name = part[1..].trim_end_matches('_');
                    let Some(dyad) = names.get(name) else {
                        return Err(format!("synset &{name} is not defined before its use"));
                    };
                    Some(format!("&{dyad}"))
                }
                _ => {
                    let w = part.to_lowercase();
                    if !is_word(&w) {
                        return Err("a word with characters a dyad pattern cannot hold".into());
                    }
                    run.push(w);
                    continue;
                }
            };
            if !run.is_empty() {
                let j = joined(&out);
                out.push((words_element(&run), j));
                run.clear();
            }
            if let Some(e) = special {
                let j = joined(&out);
                out.push((e, j));
            }
        }
        if !run.is_empty() {
            let j = joined(&out);
            out.push((words_element(&run), j));
        }
    }
    match out.iter().filter(|e| e.0 == "*").count() {
        1 => Ok((out, reciprocal, compound)),
        0 => Err("a pattern without `*` (the verb's place)".into()),
        _ => Err("a pattern with more than one `*`".into()),
    }
}

/// Elements as a dyad pattern writes them: `_` between joined ones, else a space.
fn render(elements: &[(String, bool)]) -> String {
    let mut s = String::new();
    for (i, (e, joined)) in elements.iter().enumerate() {
        if i > 0 {
            s.push(if *joined { '_' } else { ' ' });
        }
        s.push_str(e);
    }
    s
}

/// `elements` with a multi-word verb's other words joined around its `*` (`wire_*`,
/// `*_off`).
fn with_verb_words(
    elements: &[(String, bool)],
    pre: &[String],
    post: &[String],
) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for (e, joined) in elements {
        if e != "*" {
            out.push((e.clone(), *joined));
            continue;
        }
        if pre.is_empty() {
            out.push(("*".to_string(), *joined));
        } else {
            out.push((words_element(pre), *joined));
            out.push(("*".to_string(), true));
        }
        if !post.is_empty() {
            out.push((words_element(post), true));
        }
    }
    out
}

/// Reads a verb line: the lemma, the words around it, its forms and its own code.
fn parse_verb(
    text: &str,
    line: usize,
    report: &mut FileReport,
) -> Result<(Verb, Vec<String>), String> {
    let (rest, code) = split_code(text);
    let code = code.map(|c| parse_code(c, line, report)).transpose()?;
    let (phrase, forms) = match (rest.find('{'), rest.rfind('}')) {
        (Some(o), Some(c)) if c > o => (&rest[..o], &rest[o + 1..c]),
        _ => (rest, ""),
    };
    // `LASH OUT` is read as `LASH_OUT`.
    let phrase = phrase.trim();
    let words: Vec<&str> = phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let at = match words.iter().position(|w| w.starts_with('+')) {
        Some(i) => i,
        None if words.len() == 1 => 0,
        None => {
            report.approx(
                line,
                "multi-word verb without `+`: its first word taken as the verb",
                phrase,
            );
            0
        }
    };
    let lower = |w: &str| w.trim_start_matches('+').to_lowercase();
    let lemma = lower(words.get(at).ok_or("an empty verb line")?);
    if lemma.is_empty() || !lemma.chars().all(|c| c.is_alphabetic() || c == '-') {
        return Err("a verb that is not a word".into());
    }
    let mut verb_forms = Vec::new();
    for form in forms.split_whitespace() {
        let parts: Vec<&str> = form.split('_').filter(|w| !w.is_empty()).collect();
        let f = parts
            .iter()
            .find(|p| p.starts_with('+'))
            .or(parts.get(at))
            .or(parts.first());
        if let Some(f) = f.map(|f| lower(f))
            && !f.is_empty()
            && f.chars().all(char::is_alphabetic)
        {
            verb_forms.push(f);
        }
    }
    let verb = Verb {
        line,
        lemma,
        pre: words[..at].iter().map(|w| lower(w)).collect(),
        post: words[at + 1..].iter().map(|w| lower(w)).collect(),
        code,
    };
    Ok((verb, verb_forms))
}

impl State<'_> {
    fn finish_synset(&mut self, s: Synset) {
        if s.members.is_empty() {
            self.report
                .skip(s.line, "synset with no member", &format!("&{}", s.name));
            return;
        }
        self.report.converted += 1;
        // A class of the same name from another imported file: this file's own name.
        let mut dyad = class_name(&s.name);
        if self.taken.contains(&dyad) {
            dyad = class_name(&format!("{}_{}", self.stem, s.name));
        }
        let _ = writeln!(self.out, "&{dyad}");
        self.names.insert(s.name.clone(), dyad);
        for chunk in s.members.chunks(8) {
            let _ = writeln!(self.out, "  {}", chunk.join(" | "));
        }
        self.out.push('\n');
        self.classes.insert(s.name, s.members);
    }

    fn synset_member(&mut self, s: &mut Synset, member: &str, line: usize) {
        let member = member.trim();
        if let Some(name) = member.strip_prefix('&') {
            let name = name.trim_end_matches('_');
            match self.classes.get(name) {
                Some(m) => s.members.extend(m.iter().cloned()),
                None => self.report.approx(
                    line,
                    "synset member naming an undefined synset: left out",
                    member,
                ),
            }
            return;
        }
        let phrase = lower_phrase(member);
        if phrase.is_empty() {
            return;
        }
        if !phrase.split(' ').all(is_word) {
            self.report.approx(
                line,
                "synset member with characters dyad cannot match: left out",
                member,
            );
            return;
        }
        let plural = !(s.no_plural || member.ends_with('_'));
        if plural {
            let p = plural_of(&phrase);
            if p != phrase && !s.members.contains(&p) {
                s.members.push(p);
            }
        }
        if !s.members.contains(&phrase) {
            s.members.push(phrase);
        }
    }

    fn irregular_forms(&mut self, lemma: &str, forms: &[String]) {
        let past: Vec<&String> = forms
            .iter()
            .filter(|f| {
                // Not the -ing form, the lemma or the third person: the past forms.
                !f.ends_with("ing") && *f != lemma && (!f.ends_with('s') || lemma.ends_with('s'))
            })
            .collect();
        if past.is_empty()
            || self.base_irregular.contains(lemma)
            || !self.irregular_done.insert(lemma.to_string())
        {
            return;
        }
        let alts = past
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("/");
        let _ = writeln!(self.irregular, "{lemma}: {alts} | {alts}");
    }

    /// Writes the entries of a finished block.
    fn finish_block(&mut self, b: Block) {
        let mut groups: Vec<Group<'_>> = Vec::new();
        let mut plain = Vec::new();
        for v in &b.verbs {
            if self.known.verbs.contains(&v.lemma) {
                self.report.skip(
                    v.line,
                    "verb that dyad's dictionaries already code: their patterns are kept",
                    &v.lemma,
                );
                continue;
            }
            if v.pre.is_empty() && v.post.is_empty() && v.code.is_none() {
                plain.push(v);
            } else {
                let code = v.code.clone().unwrap_or_else(|| b.code.clone());
                groups.push((vec![v], code, v.pre.clone(), v.post.clone()));
            }
        }
        if !plain.is_empty() {
            groups.insert(0, (plain, b.code.clone(), Vec::new(), Vec::new()));
        }
        for (verbs, code, pre, post) in groups {
            let mut lines = Vec::new();
            let mut codes_something = false;
            if !code.is_null() {
                codes_something = true;
                let d = with_verb_words(&[("*".to_string(), false)], &pre, &post);
                lines.push(format!("{}  {}", code.text, render(&d)));
                self.codes.extend(code.codes.iter().cloned());
            }
            for p in &b.patterns {
                let els = with_verb_words(&p.elements, &pre, &post);
                let flag = match (p.reciprocal, p.compound) {
                    (true, true) => "  [reciprocal] [compound]",
                    (true, false) => "  [reciprocal]",
                    _ => "",
                };
                lines.push(format!(
                    "{}  {}{flag}  # line {}",
                    p.code.text,
                    render(&els),
                    p.line
                ));
                codes_something |= !p.code.is_null();
                self.codes.extend(p.code.codes.iter().cloned());
            }
            if !codes_something {
                for v in verbs {
                    self.report.skip(
                        v.line,
                        "verb with nothing to code: its block's code is [---] and no pattern of the block with a code converted",
                        &v.lemma,
                    );
                }
                continue;
            }
            self.report.converted += verbs.len();
            let lemmas: Vec<&str> = verbs.iter().map(|v| v.lemma.as_str()).collect();
            let _ = writeln!(
                self.out,
                "verb {}  # line {}",
                lemmas.join(" | "),
                verbs[0].line
            );
            for l in lines {
                let _ = writeln!(self.out, "  {l}");
            }
            self.out.push('\n');
        }
    }

    fn pattern(&mut self, text: &str, line: usize) -> Option<Pattern> {
        let (body, code) = split_code(text);
        let Some(code) = code else {
            self.report.skip(line, "a pattern without a [code]", text);
            return None;
        };
        let code = match parse_code(code, line, self.report) {
            Ok(c) => c,
            Err(e) => {
                self.report.skip(line, &e, text);
                return None;
            }
        };
        let (elements, reciprocal, compound) = match elements(body, &self.names) {
            Ok(x) => x,
            Err(e) => {
                self.report.skip(line, &e, text);
                return None;
            }
        };
        let dyad = format!(
            "{} {}{}",
            code.text,
            render(&elements),
            match (reciprocal, compound) {
                (true, true) => " [reciprocal] [compound]",
                (true, false) => " [reciprocal]",
                _ => "",
            }
        );
        if let Err(e) = check_pattern(&dyad) {
            self.report.skip(
                line,
                &format!("dyad rejects the converted pattern: {e}"),
                text,
            );
            return None;
        }
        self.report.converted += 1;
        Some(Pattern {
            line,
            code,
            elements,
            reciprocal,
            compound,
        })
    }
}

/// Converts a verb dictionary. `base_irregular` lists the verbs whose irregular forms
/// dyad already has.
pub fn convert(
    text: &str,
    report: &mut FileReport,
    base_irregular: &FxHashSet<&str>,
    known: &Known,
    (modes, layer): (ModeRule, Layer),
    taken: &FxHashSet<String>,
    stem: &str,
) -> Verbs {
    let text = strip_markup_comments(text);
    let mut out = String::from(
        "# Converted by `dyad dict import petrarch`; `# line N` is the line in the source file.\n\n",
    );
    out.push_str(match modes {
        ModeRule::Patterns => {
            "# PETRARCH's convention: a verb is coded as its patterns say, whatever its tense,\n\
             # negation or modality (`will meet` is a meeting, `081  will not *` names its\n\
             # negation). See `settings` in docs/patterns.md.\n"
        }
        ModeRule::Read => {
            "# dyad's convention: the coder reads each verb's mode (`will meet` is an\n\
             # intention). See `settings` in docs/patterns.md.\n"
        }
    });
    if layer == Layer::Added {
        out.push_str(
            "# Added to dyad's own dictionaries: these entries code only a sentence in which\n\
             # dyad's own code no event (`layer: added`).\n",
        );
    }
    out.push_str(match modes {
        ModeRule::Patterns => "settings\n  modes: patterns\n",
        ModeRule::Read => "settings\n  modes: read\n",
    });
    if layer == Layer::Added {
        out.push_str("  layer: added\n");
    }
    out.push('\n');
    let mut st = State {
        report,
        classes: FxHashMap::default(),
        names: FxHashMap::default(),
        taken,
        stem,
        out,
        irregular: String::new(),
        irregular_done: FxHashSet::default(),
        base_irregular,
        known,
        codes: FxHashSet::default(),
    };
    let mut synset: Option<Synset> = None;
    let mut block: Option<Block> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = strip_comment(raw, false).trim();
        if t.is_empty() {
            continue;
        }
        if let Some(s) = synset.as_mut()
            && let Some(member) = t.strip_prefix('+')
        {
            st.synset_member(s, member, line);
            continue;
        }
        if let Some(s) = synset.take() {
            st.finish_synset(s);
        }
        if (t.starts_with("---") || t.starts_with('&'))
            && let Some(b) = block.take()
        {
            st.finish_block(b);
        }
        if let Some(h) = t.strip_prefix("---") {
            let h = h.trim_end_matches('-');
            let code = match split_code(h).1 {
                Some(c) => match parse_code(c, line, st.report) {
                    Ok(c) => c,
                    Err(e) => {
                        st.report
                            .approx(line, &format!("block default dropped: {e}"), t);
                        Code::null()
                    }
                },
                None => Code::null(),
            };
            block = Some(Block {
                code,
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
        } else if let Some(name) = t.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("");
            synset = Some(Synset {
                line,
                no_plural: name.ends_with('_'),
                name: name.trim_end_matches('_').to_string(),
                members: Vec::new(),
            });
        } else if t.starts_with('~') {
            st.report.skip(
                line,
                "transformation (~): dyad combines embedded events through frames instead",
                t,
            );
        } else if let Some(p) = t.strip_prefix('-') {
            match block.as_mut() {
                Some(b) => {
                    if let Some(p) = st.pattern(p, line) {
                        b.patterns.push(p);
                    }
                }
                None => st.report.skip(line, "a pattern outside a verb block", t),
            }
        } else if let Some(b) = block.as_mut() {
            match parse_verb(t, line, st.report) {
                Ok((v, forms)) => {
                    st.irregular_forms(&v.lemma, &forms);
                    b.verbs.push(v);
                }
                Err(e) => st.report.skip(line, &e, t),
            }
        } else {
            st.report
                .skip(line, "a line outside a verb block or synset", t);
        }
    }
    if let Some(s) = synset.take() {
        st.finish_synset(s);
    }
    if let Some(b) = block.take() {
        st.finish_block(b);
    }
    let mut codes: Vec<String> = st.codes.into_iter().collect();
    codes.sort();
    Verbs {
        patterns: st.out,
        irregular: st.irregular,
        codes,
        classes: st.names.into_values().collect(),
    }
}
