//! The dictionary linter (`dyad dict lint`): problems a parser cannot see.
