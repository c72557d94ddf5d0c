//! Event pattern files (`dictionaries/verbs/*.txt`): verb and noun entries with their
//! patterns, word classes and irregular verbs. The language is specified in
//! `docs/patterns.md`; this module only reads it.

use super::syntax::{Entry, entries, first_word, key_value, list};
use super::{DictError, Origin};
use crate::codes::EventCode;

/// A frame: how an embedded event's code turns into the pattern's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Frame {
    /// Appeal (02): `urged X to withdraw`.
    Appeal,
    /// Intent (03): `pledged to cooperate`.
    Intent,
    /// Demand (10): `demanded that X withdraw`.
    Demand,
    /// Threat (13): `threatened to attack`.
    Threat,
    /// Rejection (12): `refused to withdraw`.
    Reject,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "appeal" => Frame::Appeal,
            "intent" => Frame::Intent,
            "demand" => Frame::Demand,
            "threat" => Frame::Threat,
            "reject" => Frame::Reject,
            _ => return None,
        })
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Element {
    /// `*`: the trigger.
    Trigger,
    /// A word or one of several words (normalised, lower case).
    Words(Vec<String>),
    /// `&NAME`: a word class.
    Class(String),
    /// `$`: the target.
    Target,
    /// `+`: the source.
    Source,
    /// `%frame`: an embedded verb.
    Frame(Frame),
    /// `^`: skips a phrase (an actor, else one word) that a later element must not
    /// take (`* iftar in ^ $`: the target after the place).
    Skip,
    /// `x?`: an optional element.
    Optional(Box<Element>),
    /// An element joined to its neighbour towards the trigger by `_` (`recently_*`,
    /// `new_&TIES_relations`): nothing may be skipped between them.
    Tight(Box<Element>),
}

impl Element {
    /// The element without its `?` and `_` marks.
    pub fn bare(&self) -> &Element {
        match self {
            Element::Optional(x) | Element::Tight(x) => x.bare(),
            x => x,
        }
    }
}

/// Whether an entry's lemmas are verbs or nouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TriggerKind {
    /// Verbs: inflections generated.
    Verb,
    /// Nouns: plurals generated.
    Noun,
    /// Adjectives after a copula (`was pessimistic`, `critical of`): taken as written.
    Adjective,
}

/// How the coder reads the mode (negation, future, hypotheses) of the events of a
/// pattern file's entries: the file's `settings` entry, `modes:` attribute.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ModeRule {
    /// `modes: read` (the default): the coder reads each trigger's verb group for its
    /// mode and codes by it (`will meet` is an intention, `will not attend` a refusal,
    /// a negated or hypothetical event is not asserted).
    #[default]
    Read,
    /// `modes: patterns`: the patterns alone decide, as in PETRARCH and TABARI. Every
    /// event is coded as its pattern says and asserted, whatever its tense, negation or
    /// modality; a pattern that should code a negation or a future names its words
    /// (`081  will not *`).
    Patterns,
}

/// Which layer a pattern file's entries belong to: the file's `settings` entry,
/// `layer:` attribute.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Layer {
    /// `layer: base` (the default): the entries code every sentence they match.
    #[default]
    Base,
    /// `layer: added`: dictionaries added to the base ones (an import over dyad's):
    /// their entries code only a sentence in which the base entries code no event, so
    /// that they fill gaps and never change what the base dictionaries decide.
    Added,
}

/// One pattern line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternLine {
    /// The CAMEO code it gives; `None` for the null code `---`: when this pattern is
    /// the best match, the trigger codes nothing.
    pub code: Option<EventCode>,
    /// The second code of a paired code `A:B`: the target's act on the source, coded
    /// beside the source's act `A`.
    pub reply: Option<EventCode>,
    /// A reversed code `:B`: the event goes from the pattern's target to its source
    /// (`appeared before a court` is the court's act on the subject).
    pub reversed: bool,
    /// Its elements, `*` included.
    pub elements: Vec<Element>,
    /// `[reciprocal]`.
    pub reciprocal: bool,
    /// `[compound]`: matches only when the subject is a compound actor (`X and Y
    /// agreed`), and then counts as an element more (PETRARCH's `%`).
    pub compound: bool,
    /// `[reporting]`.
    pub reporting: bool,
    /// `[intransitive]`: matches only when no object follows the trigger (`protesters
    /// demonstrated`, not `demonstrated great courage`).
    pub intransitive: bool,
    /// `[topic]`: what follows the pattern is what the event is about, not its other
    /// side (`talked about Afghanistan`): no target is sought after it.
    pub topic: bool,
    /// The line as written (for explanations).
    pub text: String,
    /// Where it is written.
    pub origin: Origin,
}

/// A `verb` or `noun` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternEntry {
    /// Verb or noun.
    pub kind: TriggerKind,
    /// The lemmas of the header.
    pub lemmas: Vec<String>,
    /// Its patterns, in file order.
    pub patterns: Vec<PatternLine>,
    /// How its events' modes are read (its file's `settings`).
    pub modes: ModeRule,
    /// Its layer (its file's `settings`).
    pub layer: Layer,
    /// Where the entry starts.
    pub origin: Origin,
}

/// A word class (`&AGREEMENT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordClassEntry {
    /// Its name, without `&`.
    pub name: String,
    /// Its members (words or phrases).
    pub members: Vec<String>,
    /// Where it is defined.
    pub origin: Origin,
}

/// An irregular verb's forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrregularVerb {
    /// The lemma.
    pub lemma: String,
    /// Past tense forms.
    pub past: Vec<String>,
    /// Past participle forms.
    pub participle: Vec<String>,
    /// Where it is written.
    pub origin: Origin,
}

fn parse_element(token: &str) -> Result<Element, String> {
    if let Some(inner) = token.strip_suffix('?')
        && !inner.is_empty()
    {
        let e = parse_element(inner)?;
        if matches!(e, Element::Trigger) {
            return Err("the trigger `*` cannot be optional".into());
        }
        return Ok(Element::Optional(Box::new(e)));
    }
    Ok(match token {
        "*" => Element::Trigger,
        "$" => Element::Target,
        "+" => Element::Source,
        "^" => Element::Skip,
        _ if token.starts_with('%') => {
            Element::Frame(Frame::parse(&token[1..]).ok_or_else(|| {
                format!("unknown frame {token:?} (appeal, intent, demand, threat, reject)")
            })?)
        }
        _ if token.starts_with('&') => {
            let name = &token[1..];
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(format!("{token:?} is not a class name (upper case)"));
            }
            Element::Class(name.to_string())
        }
        _ if token.starts_with('(') && token.ends_with(')') && token.len() > 2 => {
            let words: Vec<String> = token[1..token.len() - 1]
                .split('|')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            if let Some(bad) = words.iter().find(|w| {
                !w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '\'' | '-' | '.'))
            }) {
                return Err(format!(
                    "{bad:?} in {token:?} is not a word or phrase (slots and classes cannot be inside parentheses)"
                ));
            }
            if words.is_empty() {
                return Err(format!("{token:?} lists no word"));
            }
            Element::Words(words)
        }
        _ if token
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '-' | '.')) =>
        {
            Element::Words(vec![token.to_lowercase()])
        }
        _ => return Err(format!("{token:?} is not a pattern element")),
    })
}

/// The elements of a pattern body. Elements joined by `_` (outside parentheses) are
/// adjacent: the one farther from the trigger is wrapped in [`Element::Tight`].
fn tight_elements(body: &str) -> Result<Vec<Element>, String> {
    // (element, joined to the element on its left)
    let mut parts: Vec<(Element, bool)> = Vec::new();
    for token in element_tokens(body) {
        let mut depth = 0;
        let mut start = 0;
        let mut pieces = Vec::new();
        for (i, c) in token.char_indices() {
            // Inside a class name, `_` before an upper-case letter or digit is part of
            // the name (`&HUMANITARIAN_AID`).
            let in_name = token[start..].starts_with('&')
                && token[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_uppercase() || n.is_ascii_digit());
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                '_' if depth == 0 && !in_name => {
                    pieces.push(&token[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        pieces.push(&token[start..]);
        if pieces.iter().any(|p| p.is_empty()) {
            return Err(format!("{token:?}: `_` joins two elements"));
        }
        for (k, piece) in pieces.iter().enumerate() {
            parts.push((parse_element(piece)?, k > 0));
        }
    }
    let trigger = parts.iter().position(|(e, _)| *e == Element::Trigger);
    let joined_right: Vec<bool> = (0..parts.len())
        .map(|i| parts.get(i + 1).is_some_and(|p| p.1))
        .collect();
    Ok(parts
        .into_iter()
        .enumerate()
        .map(|(i, (e, joined_left))| {
            let tight = match trigger {
                Some(t) if i > t => joined_left,
                Some(t) if i < t => joined_right[i],
                _ => false,
            };
            if tight {
                Element::Tight(Box::new(e))
            } else {
                e
            }
        })
        .collect())
}

/// Splits a pattern body into element tokens, keeping `( a | b )` groups together.
fn element_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                cur.push(c);
            }
            ')' => {
                depth -= 1;
                cur.push(c);
            }
            c if c.is_whitespace() && depth == 0 => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            // Inside a group, spaces belong to phrases: `(tear gas|teargas)`.
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Reads a pattern's code: `057`, the null code `---`, a paired code `031:032` (the
/// target's reply second) or a reversed code `:173`; returns (code, reply, reversed).
fn parse_code(text: &str) -> Result<(Option<EventCode>, Option<EventCode>, bool), String> {
    let one = |c: &str| -> Result<Option<EventCode>, String> {
        match c {
            "" | "---" => Ok(None),
            _ => EventCode::new(c)
                .map(Some)
                .ok_or_else(|| format!("{c:?} is not a CAMEO code")),
        }
    };
    match text.split_once(':') {
        None if text.is_empty() => Err("a pattern needs a code".into()),
        None => Ok((one(text)?, None, false)),
        Some((a, b)) => match (one(a)?, one(b)?) {
            (None, None) => Err(format!("{text:?} codes nothing on either side")),
            (None, Some(b)) => Ok((Some(b), None, true)),
            (a, b) => Ok((a, b, false)),
        },
    }
}

fn parse_pattern(text: &str, origin: Origin) -> Result<PatternLine, String> {
    let (code_text, mut rest) = first_word(text);
    let (code, reply, reversed) = parse_code(code_text)?;
    let mut reciprocal = false;
    let mut compound = false;
    let mut reporting = false;
    let mut intransitive = false;
    let mut topic = false;
    while let Some(open) = rest.rfind('[') {
        let flag = rest[open..].trim();
        let Some(name) = flag.strip_prefix('[').and_then(|f| f.strip_suffix(']')) else {
            return Err(format!("bad flag {flag:?}"));
        };
        match name.trim() {
            "reciprocal" => reciprocal = true,
            "compound" => compound = true,
            "reporting" => reporting = true,
            "intransitive" => intransitive = true,
            "topic" => topic = true,
            other => {
                return Err(format!(
                    "unknown flag [{other}] (reciprocal, compound, reporting, intransitive, topic)"
                ));
            }
        }
        rest = rest[..open].trim_end();
    }
    let elements = tight_elements(rest)?;
    let triggers = elements
        .iter()
        .filter(|e| matches!(e, Element::Trigger))
        .count();
    if triggers != 1 {
        return Err(format!(
            "a pattern needs exactly one `*` (found {triggers})"
        ));
    }
    let count = |f: fn(&Element) -> bool| elements.iter().filter(|e| f(e.bare())).count();
    if count(|e| matches!(e, Element::Target)) > 1 || count(|e| matches!(e, Element::Source)) > 1 {
        return Err("a pattern has at most one `$` and one `+`".into());
    }
    if count(|e| matches!(e, Element::Frame(_))) > 1 {
        return Err("a pattern has at most one frame".into());
    }
    Ok(PatternLine {
        code,
        reply,
        reversed,
        elements,
        reciprocal,
        compound,
        reporting,
        intransitive,
        topic,
        text: text.to_string(),
        origin,
    })
}

/// Checks one pattern line as written in an entry (`057 * &AGREEMENT with $`): the
/// reason it is not a pattern, if it is not one. Classes are not resolved here.
pub fn check_pattern(text: &str) -> Result<(), String> {
    parse_pattern(text, Origin { file: 0, line: 0 }).map(|_| ())
}

/// Parses a pattern file (entries and classes).
pub(super) fn parse(
    path: &str,
    file: u16,
    text: &str,
    patterns: &mut Vec<PatternEntry>,
    classes: &mut Vec<WordClassEntry>,
    errors: &mut Vec<DictError>,
) {
    let entries = match entries(path, text) {
        Ok(e) => e,
        Err(e) => return errors.push(e),
    };
    let (modes, layer) = file_settings(path, &entries, errors);
    for entry in entries {
        let origin = Origin {
            file,
            line: entry.header.number as u32,
        };
        let (head, rest) = first_word(entry.header.text);
        if let Some(name) = head.strip_prefix('&') {
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            {
                errors.push(DictError::new(
                    path,
                    entry.header.number,
                    format!("{head:?} is not a class name (upper case)"),
                ));
                continue;
            }
            let mut members: Vec<String> = list(rest).map(str::to_string).collect();
            for line in &entry.body {
                members.extend(list(line.text).map(str::to_string));
            }
            if members.is_empty() {
                errors.push(DictError::new(
                    path,
                    entry.header.number,
                    format!("class &{name} has no members"),
                ));
            }
            classes.push(WordClassEntry {
                name: name.to_string(),
                members,
                origin,
            });
            continue;
        }
        let kind = match head {
            "settings" => continue,
            "verb" => TriggerKind::Verb,
            "noun" => TriggerKind::Noun,
            "adj" => TriggerKind::Adjective,
            _ => {
                errors.push(DictError::new(
                    path,
                    entry.header.number,
                    format!("expected `verb`, `noun`, `adj` or `&CLASS`, found {head:?}"),
                ));
                continue;
            }
        };
        let lemmas: Vec<String> = list(rest).map(|l| l.to_lowercase()).collect();
        if lemmas.is_empty() || lemmas.iter().any(|l| l.contains(char::is_whitespace)) {
            errors.push(DictError::new(
                path,
                entry.header.number,
                "list one-word lemmas after `verb`/`noun`/`adj` (particles go in the patterns)",
            ));
            continue;
        }
        let mut e = PatternEntry {
            kind,
            lemmas,
            patterns: Vec::new(),
            modes,
            layer,
            origin,
        };
        for line in entry.body {
            match parse_pattern(
                line.text,
                Origin {
                    file,
                    line: line.number as u32,
                },
            ) {
                Ok(p) => e.patterns.push(p),
                Err(message) => errors.push(DictError::new(path, line.number, message)),
            }
        }
        if e.patterns.is_empty() {
            errors.push(DictError::new(
                path,
                entry.header.number,
                "an entry needs at least one pattern",
            ));
            continue;
        }
        patterns.push(e);
    }
}

/// The file's `settings` entry (at most one; it applies to every entry of the file,
/// wherever it is written): `modes: read | patterns`, `layer: base | added`.
fn file_settings(
    path: &str,
    entries: &[Entry<'_>],
    errors: &mut Vec<DictError>,
) -> (ModeRule, Layer) {
    let mut modes = ModeRule::default();
    let mut layer = Layer::default();
    let mut seen = None;
    for entry in entries
        .iter()
        .filter(|e| first_word(e.header.text).0 == "settings")
    {
        if let Some(first) = seen.replace(entry.header.number) {
            errors.push(DictError::new(
                path,
                entry.header.number,
                format!("a second `settings` entry (the first is at line {first})"),
            ));
        }
        for line in &entry.body {
            let bad = |what: &str| DictError::new(path, line.number, what.to_string());
            match key_value(line.text) {
                Some(("modes", "read")) => modes = ModeRule::Read,
                Some(("modes", "patterns")) => modes = ModeRule::Patterns,
                Some(("modes", other)) => errors.push(bad(&format!(
                    "unknown value {other:?} of `modes` (read, patterns)"
                ))),
                Some(("layer", "base")) => layer = Layer::Base,
                Some(("layer", "added")) => layer = Layer::Added,
                Some(("layer", other)) => errors.push(bad(&format!(
                    "unknown value {other:?} of `layer` (base, added)"
                ))),
                _ => errors.push(bad(&format!(
                    "unknown setting {:?} (modes, layer)",
                    line.text
                ))),
            }
        }
    }
    (modes, layer)
}

/// Parses `irregular.txt`.
pub(super) fn parse_irregular(
    path: &str,
    file: u16,
    text: &str,
    out: &mut Vec<IrregularVerb>,
    errors: &mut Vec<DictError>,
) {
    for (_, line) in super::syntax::lines(text) {
        let parsed = line.text.split_once(':').and_then(|(lemma, forms)| {
            let mut parts = forms.split('|');
            let past = parts.next()?;
            let participle = parts.next()?;
            if parts.next().is_some() {
                return None;
            }
            let alts = |s: &str| {
                s.split('/')
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            };
            let (past, participle) = (alts(past), alts(participle));
            let lemma = lemma.trim().to_lowercase();
            (!lemma.is_empty() && !past.is_empty() && !participle.is_empty())
                .then_some((lemma, past, participle))
        });
        match parsed {
            Some((lemma, past, participle)) => out.push(IrregularVerb {
                lemma,
                past,
                participle,
                origin: Origin {
                    file,
                    line: line.number as u32,
                },
            }),
            None => errors.push(DictError::new(
                path,
                line.number,
                "expected `lemma: past | participle`",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o() -> Origin {
        Origin { file: 0, line: 1 }
    }

    #[test]
    fn parses_patterns_and_flags() {
        let p = parse_pattern("057  * &AGREEMENT with $ [reciprocal]", o()).unwrap();
        assert_eq!(p.code.expect("a code").as_str(), "057");
        assert!(p.reciprocal && !p.reporting && !p.compound && !p.intransitive && !p.topic);
        assert!(parse_pattern("040  * about [topic]", o()).unwrap().topic);
        assert!(
            parse_pattern("140  *  [intransitive]", o())
                .unwrap()
                .intransitive
        );
        assert!(
            parse_pattern("030  * [reciprocal] [compound]", o())
                .unwrap()
                .compound
        );
        assert_eq!(
            p.elements,
            [
                Element::Trigger,
                Element::Class("AGREEMENT".into()),
                Element::Words(vec!["with".into()]),
                Element::Target
            ]
        );
        let p = parse_pattern("020 * $ to? %appeal", o()).unwrap();
        assert_eq!(
            p.elements[2],
            Element::Optional(Box::new(Element::Words(vec!["to".into()])))
        );
        assert_eq!(p.elements[3], Element::Frame(Frame::Appeal));
        let p = parse_pattern("163 * (sanctions | embargo) (on|against) $", o()).unwrap();
        assert_eq!(
            p.elements[1],
            Element::Words(vec!["sanctions".into(), "embargo".into()])
        );
        let p = parse_pattern("045 * iftar in ^ $", o()).unwrap();
        assert_eq!(p.elements[3], Element::Skip);
        let p = parse_pattern("175 * (tear gas|teargas) $", o()).unwrap();
        assert_eq!(
            p.elements[1],
            Element::Words(vec!["tear gas".into(), "teargas".into()])
        );
    }

    #[test]
    fn reads_null_paired_and_reversed_codes() {
        let p = parse_pattern("---  * peace-keeping", o()).unwrap();
        assert_eq!((p.code, p.reply, p.reversed), (None, None, false));
        let p = parse_pattern("031:032  * with $", o()).unwrap();
        assert_eq!(
            p.code.map(|c| c.as_str().to_string()).as_deref(),
            Some("031")
        );
        assert_eq!(
            p.reply.map(|c| c.as_str().to_string()).as_deref(),
            Some("032")
        );
        assert!(!p.reversed);
        let p = parse_pattern(":173  * before $", o()).unwrap();
        assert_eq!(
            p.code.map(|c| c.as_str().to_string()).as_deref(),
            Some("173")
        );
        assert!(p.reversed && p.reply.is_none());
        let p = parse_pattern("---:173  * before $", o()).unwrap();
        assert!(p.reversed);
        let p = parse_pattern("057:---  * $", o()).unwrap();
        assert!(p.reply.is_none() && !p.reversed);
        for bad in ["---:---  * $", ":  * $", "05x:031  * $", "031:5  * $"] {
            assert!(parse_pattern(bad, o()).is_err(), "{bad}");
        }
    }

    #[test]
    fn underscores_join_elements_towards_the_trigger() {
        let p = parse_pattern("025 recently_*", o()).unwrap();
        assert_eq!(
            p.elements,
            [
                Element::Tight(Box::new(Element::Words(vec!["recently".into()]))),
                Element::Trigger
            ]
        );
        let p = parse_pattern("903 *_(def ghi) new_&HUMANITARIAN_AID_relations", o()).unwrap();
        assert_eq!(p.elements.len(), 5, "{:?}", p.elements);
        assert_eq!(
            p.elements[1],
            Element::Tight(Box::new(Element::Words(vec!["def ghi".into()])))
        );
        // `new` is farther from the trigger than nothing it is joined to: free.
        assert_eq!(p.elements[2], Element::Words(vec!["new".into()]));
        assert_eq!(
            p.elements[3],
            Element::Tight(Box::new(Element::Class("HUMANITARIAN_AID".into())))
        );
        assert!(matches!(p.elements[4], Element::Tight(_)));
        assert!(parse_pattern("025 recently__*", o()).is_err());
    }

    #[test]
    fn a_files_settings_apply_to_all_its_entries() {
        let (mut pats, mut classes, mut errors) = (Vec::new(), Vec::new(), Vec::new());
        let src = "verb sign
  057  *
settings
  modes: patterns
verb meet
  040  *
";
        parse("verbs/a.txt", 0, src, &mut pats, &mut classes, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(pats.iter().all(|p| p.modes == ModeRule::Patterns));
        parse(
            "verbs/b.txt",
            1,
            "verb sign
  057  *
",
            &mut pats,
            &mut classes,
            &mut errors,
        );
        assert_eq!(pats[2].modes, ModeRule::Read);
        let bad = "settings
  modes: sometimes
  colour: blue
settings
verb sign
  057  *
";
        parse("verbs/c.txt", 2, bad, &mut pats, &mut classes, &mut errors);
        assert_eq!(errors.len(), 3, "{errors:?}");
        errors.clear();
        let added = "settings\n  layer: added\n  modes: read\nverb meet\n  040  *\n";
        parse(
            "verbs/d.txt",
            3,
            added,
            &mut pats,
            &mut classes,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(pats.last().map(|p| p.layer), Some(Layer::Added));
        assert_eq!(pats[0].layer, Layer::Base);
        parse(
            "verbs/e.txt",
            4,
            "settings\n  layer: top\n",
            &mut pats,
            &mut classes,
            &mut errors,
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn rejects_malformed_patterns() {
        for bad in [
            "5 * $",
            "057 $",
            "057 * * $",
            "057 * $ $",
            "057 * %beg",
            "057 * &lower",
            "057 * [odd]",
            "057 *?",
        ] {
            assert!(parse_pattern(bad, o()).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_entries_classes_and_irregulars() {
        let src = "&AGREEMENT  agreement | treaty\n  pact\nverb sign | ink\n  057  * &AGREEMENT\nnoun visit\n  042  * to $\nbogus x\n";
        let (mut pats, mut classes, mut errors) = (Vec::new(), Vec::new(), Vec::new());
        parse("verbs/05.txt", 0, src, &mut pats, &mut classes, &mut errors);
        assert_eq!(classes[0].members, ["agreement", "treaty", "pact"]);
        assert_eq!(pats.len(), 2);
        assert_eq!(pats[1].kind, TriggerKind::Noun);
        assert_eq!(errors.len(), 1);
        let mut irr = Vec::new();
        parse_irregular(
            "verbs/irregular.txt",
            0,
            "meet: met | met\nburn: burned/burnt | burnt\nbad\n",
            &mut irr,
            &mut errors,
        );
        assert_eq!(irr[1].past, ["burned", "burnt"]);
        assert_eq!(errors.len(), 2);
    }
}
