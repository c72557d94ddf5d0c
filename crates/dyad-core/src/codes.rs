//! Code values: actor codes (`RUSGOV`) and CAMEO event codes (`057`), as small
//! copyable values so that coding a sentence allocates nothing for them.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The longest actor code dyad stores (`IGOUNOSCOMIL` and the like fit).
const ACTOR_CODE_MAX: usize = 15;

/// An actor code: a country or organisation prefix and role codes, e.g. `RUSGOV`,
/// `IGOUNO`, `IMGMOSALQ`. Upper-case ASCII letters, digits and `-` (for the unknown
/// country `---`), at most 15 characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorCode {
    len: u8,
    bytes: [u8; ACTOR_CODE_MAX],
}

impl ActorCode {
    /// Parses a code; `None` when it is empty, too long or has other characters.
    pub fn new(code: &str) -> Option<Self> {
        let b = code.as_bytes();
        if b.is_empty()
            || b.len() > ACTOR_CODE_MAX
            || !b
                .iter()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-')
        {
            return None;
        }
        let mut bytes = [0u8; ACTOR_CODE_MAX];
        bytes[..b.len()].copy_from_slice(b);
        Some(ActorCode {
            len: b.len() as u8,
            bytes,
        })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (checked in `new` and `with_role`).
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }

    /// The first three characters: the country, region or organisation type.
    pub fn prefix(&self) -> &str {
        &self.as_str()[..3.min(self.len as usize)]
    }

    /// The characters after the first three (roles and organisation codes).
    pub fn rest(&self) -> &str {
        &self.as_str()[3.min(self.len as usize)..]
    }

    /// This code with `role` appended, unless it already ends with it or would be too
    /// long.
    pub fn with_role(&self, role: &ActorCode) -> ActorCode {
        if self.as_str().ends_with(role.as_str())
            || self.len as usize + role.len as usize > ACTOR_CODE_MAX
        {
            return *self;
        }
        let mut out = *self;
        out.bytes[self.len as usize..self.len as usize + role.len as usize]
            .copy_from_slice(&role.bytes[..role.len as usize]);
        out.len += role.len;
        out
    }

    /// Whether the code has more than its three-character prefix.
    pub fn has_role(&self) -> bool {
        self.len > 3
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl Serialize for ActorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ActorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ActorCode::new(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not an actor code")))
    }
}

/// A CAMEO event code: two to four digits (`05`, `057`, `0211`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventCode {
    len: u8,
    bytes: [u8; 4],
}

impl EventCode {
    /// Parses a code of two to four ASCII digits.
    pub fn new(code: &str) -> Option<Self> {
        let b = code.as_bytes();
        if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut bytes = [0u8; 4];
        bytes[..b.len()].copy_from_slice(b);
        Some(EventCode {
            len: b.len() as u8,
            bytes,
        })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }

    /// The two-digit root (`05` for `057`).
    pub fn root(&self) -> EventCode {
        EventCode {
            len: 2,
            bytes: [self.bytes[0], self.bytes[1], 0, 0],
        }
    }

    /// The root as a number (5 for `057`).
    pub fn root_number(&self) -> u8 {
        (self.bytes[0] - b'0') * 10 + (self.bytes[1] - b'0')
    }

    /// The parent code: `057` for `0571`, `05` for `057`, itself for a root.
    pub fn parent(&self) -> EventCode {
        let mut out = *self;
        if out.len > 2 {
            out.len -= 1;
            out.bytes[out.len as usize] = 0;
        }
        out
    }

    /// Number of digits.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Always false: a code has at least two digits.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl Serialize for EventCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        EventCode::new(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not a CAMEO code")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_compose() {
        let rus = ActorCode::new("RUS").unwrap();
        let gov = ActorCode::new("GOV").unwrap();
        assert_eq!(rus.with_role(&gov).as_str(), "RUSGOV");
        assert_eq!(rus.with_role(&gov).with_role(&gov).as_str(), "RUSGOV");
        assert_eq!(ActorCode::new("IGOUNO").unwrap().prefix(), "IGO");
        assert_eq!(ActorCode::new("---GOV").unwrap().rest(), "GOV");
        assert!(ActorCode::new("rus").is_none());
        assert!(ActorCode::new("ABCDEFGHIJKLMNOP").is_none());
    }

    #[test]
    fn event_codes_know_their_root_and_parent() {
        let c = EventCode::new("0571").unwrap();
        assert_eq!(c.root().as_str(), "05");
        assert_eq!(c.parent().as_str(), "057");
        assert_eq!(c.parent().parent().as_str(), "05");
        assert_eq!(c.root_number(), 5);
        assert!(EventCode::new("5").is_none() && EventCode::new("05a").is_none());
    }
}
