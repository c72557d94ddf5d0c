//! Inflections of verbs: the regular rules of English spelling, with irregular forms
//! from `verbs/irregular.txt`. Where the spelling rule is uncertain (doubling the final
//! consonant: `banned` but `visited`) both spellings are generated; the wrong one
//! never occurs in text, so it costs nothing.

/// The grammatical form of a verb token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum VerbForm {
    /// `sign`
    Base,
    /// `signs`
    ThirdPerson,
    /// `signed` (past tense)
    Past,
    /// `signed` (past participle), also used for the passive
    Participle,
    /// `signing`
    Gerund,
    /// An adjective heading an event (`pessimistic`, `critical of`): no inflections.
    Adjective,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether the lemma ends consonant-vowel-consonant, so that a suffix starting with a
/// vowel may double the last consonant (`ban` -> `banned`, `commit` -> `committed`).
fn may_double(lemma: &str) -> bool {
    let b = lemma.as_bytes();
    let n = b.len();
    n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn with_suffix(lemma: &str, suffix: &str, out: &mut Vec<String>) {
    let b = lemma.as_bytes();
    let last = *b.last().unwrap_or(&b' ');
    match suffix {
        "s" => {
            if lemma.ends_with(['s', 'x', 'z'])
                || lemma.ends_with("ch")
                || lemma.ends_with("sh")
                || lemma.ends_with('o')
            {
                out.push(format!("{lemma}es"));
            } else if last == b'y' && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
                out.push(format!("{}ies", &lemma[..lemma.len() - 1]));
            } else {
                out.push(format!("{lemma}s"));
            }
        }
        "ed" => {
            if last == b'e' {
                out.push(format!("{lemma}d"));
            } else if last == b'y' && b.len() > 1 && !is_vowel(b[b.len() - 2]) {
                out.push(format!("{}ied", &lemma[..lemma.len() - 1]));
            } else {
                out.push(format!("{lemma}ed"));
                if may_double(lemma) {
                    out.push(format!("{lemma}{}ed", last as char));
                }
            }
        }
        _ => {
            // -ing
            if let Some(stem) = lemma.strip_suffix("ie") {
                out.push(format!("{stem}ying"));
            } else if last == b'e'
                && !lemma.ends_with("ee")
                && !lemma.ends_with("ye")
                && !lemma.ends_with("oe")
                && lemma.len() > 2
            {
                out.push(format!("{}ing", &lemma[..lemma.len() - 1]));
            } else {
                out.push(format!("{lemma}ing"));
                if may_double(lemma) {
                    out.push(format!("{lemma}{}ing", last as char));
                }
            }
        }
    }
}

/// Every form of a verb, with its grammatical form. `irregular` gives the past and
/// participle forms when the verb is irregular.
pub fn verb_forms(
    lemma: &str,
    irregular: Option<(&[String], &[String])>,
) -> Vec<(String, VerbForm)> {
    let mut out = vec![(lemma.to_string(), VerbForm::Base)];
    let mut buf = Vec::new();
    with_suffix(lemma, "s", &mut buf);
    out.extend(buf.drain(..).map(|f| (f, VerbForm::ThirdPerson)));
    with_suffix(lemma, "ing", &mut buf);
    out.extend(buf.drain(..).map(|f| (f, VerbForm::Gerund)));
    match irregular {
        Some((past, participle)) => {
            out.extend(past.iter().map(|f| (f.clone(), VerbForm::Past)));
            out.extend(participle.iter().map(|f| (f.clone(), VerbForm::Participle)));
        }
        None => {
            with_suffix(lemma, "ed", &mut buf);
            for f in buf.drain(..) {
                out.push((f.clone(), VerbForm::Past));
                out.push((f, VerbForm::Participle));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(lemma: &str) -> Vec<String> {
        verb_forms(lemma, None)
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn regular_verbs() {
        assert_eq!(
            forms("sign"),
            ["sign", "signs", "signing", "signed", "signed"]
        );
        assert!(
            forms("accuse").contains(&"accused".to_string())
                && forms("accuse").contains(&"accusing".to_string())
        );
        assert!(
            forms("deny").contains(&"denied".to_string())
                && forms("deny").contains(&"denies".to_string())
        );
        assert!(
            forms("ban").contains(&"banned".to_string())
                && forms("ban").contains(&"banning".to_string())
        );
        assert!(forms("commit").contains(&"committed".to_string()));
        assert!(forms("visit").contains(&"visited".to_string()));
        assert!(
            forms("agree").contains(&"agreeing".to_string())
                && forms("agree").contains(&"agreed".to_string())
        );
        assert!(forms("reach").contains(&"reaches".to_string()));
        assert!(
            forms("play").contains(&"played".to_string())
                && forms("play").contains(&"plays".to_string())
        );
        assert!(forms("tie").contains(&"tying".to_string()));
    }

    #[test]
    fn irregular_verbs_use_their_table() {
        let past = vec!["met".to_string()];
        let f = verb_forms("meet", Some((&past, &past)));
        assert!(f.contains(&("met".to_string(), VerbForm::Past)));
        assert!(f.contains(&("met".to_string(), VerbForm::Participle)));
        assert!(f.contains(&("meeting".to_string(), VerbForm::Gerund)));
        assert!(!f.iter().any(|(w, _)| w == "meeted"));
    }
}
