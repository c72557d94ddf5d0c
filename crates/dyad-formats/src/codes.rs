//! Facts the formats share: the parts of a CAMEO actor code, Phoenix's PentaClass,
//! PLOVER's quad categories, ISO 3166 to FIPS 10-4 country codes, and the integer
//! event ids that GDELT and Phoenix expect.

use std::collections::HashMap;
use std::sync::OnceLock;

/// CAMEO actor type (role) codes: what GDELT's `Type1Code`..`Type3Code` hold.
const TYPE_CODES: &[&str] = &[
    "AGR", "BUS", "CEO", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IDP", "IGO", "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO",
    "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF",
];

/// CAMEO religion codes: what GDELT's `Religion1Code` and `Religion2Code` hold.
const RELIGION_CODES: &[&str] = &[
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "ORT", "PAG", "PRO", "SFI", "SHI",
    "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO",
];

/// Prefixes that are organisation kinds, not countries.
const ORG_PREFIXES: &[&str] = &["IGO", "NGO", "IMG", "MNC"];

/// Phoenix's primary agents (its `SourceActorRole` column).
const PHOENIX_AGENTS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
];

/// An actor code cut into the parts the flat formats want.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ActorParts<'a> {
    /// The first three letters when they are a country or an organisation kind
    /// (Phoenix's `ActorEntity`); empty for `---` and regions' own codes stay.
    pub root: &'a str,
    /// The known group: the first three-letter part that is neither a type nor a
    /// religion (`UNO` in `IGOUNO`, `HAM` in `PSEREBHAM`).
    pub known_group: &'a str,
    /// Religion codes, at most two.
    pub religions: Vec<&'a str>,
    /// Type codes, at most three, in order.
    pub types: Vec<&'a str>,
}

fn chunks(rest: &str) -> impl Iterator<Item = &str> {
    (0..rest.len() / 3).map(move |i| &rest[i * 3..i * 3 + 3])
}

/// Cuts `code` into its root, known group, religions and types.
pub fn actor_parts(code: &str) -> ActorParts<'_> {
    let mut p = ActorParts::default();
    if code.len() < 3 || !code.is_ascii() {
        return p;
    }
    let prefix = &code[..3];
    if prefix != "---" {
        p.root = prefix;
    }
    for c in chunks(&code[3..]) {
        if TYPE_CODES.contains(&c) {
            if p.types.len() < 3 {
                p.types.push(c);
            }
        } else if RELIGION_CODES.contains(&c) {
            if p.religions.len() < 2 {
                p.religions.push(c);
            }
        } else if p.known_group.is_empty() {
            p.known_group = c;
        }
    }
    p
}

/// Whether the prefix names an organisation kind (IGO, NGO, IMG, MNC).
pub fn is_org_prefix(prefix: &str) -> bool {
    ORG_PREFIXES.contains(&prefix)
}

/// Phoenix's split of an actor code: (entity, role, attributes joined with `;`).
/// The entity is a country or an organisation kind; the role one of Phoenix's primary
/// agents right after it; the attributes every later three-letter part.
pub fn phoenix_parts(code: &str) -> (&str, &str, String) {
    if code.len() < 3 || !code.is_ascii() {
        return ("", "", String::new());
    }
    let entity = if &code[..3] == "---" { "" } else { &code[..3] };
    let mut rest = &code[3..];
    let role = match rest.get(..3) {
        Some(r) if PHOENIX_AGENTS.contains(&r) => {
            rest = &rest[3..];
            r
        }
        _ => "",
    };
    let others: Vec<&str> = chunks(rest).collect();
    (entity, role, others.join(";"))
}

/// Phoenix's PentaClass of a CAMEO root: 0 statements (01, 02), 1 verbal cooperation
/// (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material
/// conflict (14, 15, 17-20).
pub fn penta_class(root: &str) -> Option<u8> {
    Some(match root.parse::<u8>().ok()? {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        14 | 15 | 17..=20 => 4,
        _ => return None,
    })
}

/// PLOVER's quad category of a PLOVER event type (the PLOVER manual's table): 1 verbal
/// cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
pub fn plover_quad(kind: &str) -> Option<u8> {
    Some(match kind {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => 1,
        "COOPERATE" | "AID" | "RETREAT" | "INVESTIGATE" => 2,
        "DEMAND" | "ACCUSE" | "REJECT" | "SANCTION" | "THREATEN" => 3,
        "PROTEST" | "MOBILIZE" | "COERCE" | "ASSAULT" => 4,
        _ => return None,
    })
}

static FIPS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();

/// The FIPS 10-4 country code of an ISO 3166-1 alpha-3 code (`GBR` -> `UK`), from
/// `data/iso3-fips.tsv`.
pub fn iso3_to_fips(iso3: &str) -> Option<&'static str> {
    FIPS.get_or_init(|| {
        include_str!("../data/iso3-fips.tsv")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                Some((it.next()?, it.next()?))
            })
            .collect()
    })
    .get(iso3)
    .copied()
}

/// A positive 63-bit integer id for an event id: GDELT's `GlobalEventID` and
/// Phoenix's `EventID`. It is a hash of the (stable) dyad id, so machines coding parts
/// of one corpus give different events different ids without sharing a counter, and a
/// rerun gives the same ids.
///
/// An id that is already a non-negative integer (the store's event ids, which
/// `dyad export` writes) is kept as it is, so GDELT and Phoenix ids match
/// `dyad query`'s; `dyad code`'s ids (`DOC-SENTENCE-N`) are never plain integers.
pub fn integer_id(event_id: &str) -> i64 {
    match event_id.parse::<i64>() {
        Ok(n) if n >= 0 && event_id.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => (xxhash_rust::xxh3::xxh3_64(event_id.as_bytes()) & (i64::MAX as u64)) as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_code_parts() {
        let p = actor_parts("IGOUNOMIL");
        assert_eq!(
            (p.root, p.known_group, p.types.as_slice()),
            ("IGO", "UNO", &["MIL"][..])
        );
        let p = actor_parts("SYRMOSSUNREBGOVMIL");
        assert_eq!(p.religions, vec!["MOS", "SUN"]);
        assert_eq!(p.types, vec!["REB", "GOV", "MIL"]);
        assert_eq!(actor_parts("---GOV").root, "");
        assert_eq!(
            phoenix_parts("USAGOVMILREB"),
            ("USA", "GOV", "MIL;REB".to_string())
        );
        assert_eq!(phoenix_parts("IGOUNO"), ("IGO", "", "UNO".to_string()));
    }

    #[test]
    fn classes_and_tables() {
        assert_eq!(penta_class("02"), Some(0));
        assert_eq!(penta_class("16"), Some(3));
        assert_eq!(penta_class("15"), Some(4));
        assert_eq!(penta_class("21"), None);
        assert_eq!(plover_quad("RETREAT"), Some(2));
        assert_eq!(plover_quad("SANCTION"), Some(3));
        assert_eq!(iso3_to_fips("GBR"), Some("UK"));
        assert_eq!(iso3_to_fips("DEU"), Some("GM"));
        assert_eq!(iso3_to_fips("PSE"), None);
        assert!(integer_id("doc-1-0-0") > 0);
        assert_ne!(integer_id("doc-1-0-0"), integer_id("doc-1-0-1"));
        assert_eq!(integer_id("4611686018427387904"), 4611686018427387904);
        assert_ne!(integer_id("+12"), 12);
    }
}
