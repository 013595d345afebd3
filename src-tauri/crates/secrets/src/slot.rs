//! The places one account's keys can be in while a key is rotated.

/// Which of an account's keychain entries is meant.
///
/// Outside a rotation only [`Slot::Active`] exists. A rotation stages the new key under
/// [`Slot::Pending`] (steps 1-2), promotion makes it active and keeps the old one under
/// [`Slot::PendingRevoke`] (step 3), and once the old key is confirmed dead that entry is
/// deleted (step 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    /// The key every request uses.
    Active,
    /// A new key entered during a rotation, not yet in use.
    Pending,
    /// The previous key, kept until the service confirms it is revoked.
    PendingRevoke,
}

impl Slot {
    pub const ALL: [Slot; 3] = [Slot::Active, Slot::Pending, Slot::PendingRevoke];

    /// Stable name, part of the keychain entry's user name (`account-3/active`).
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::Active => "active",
            Slot::Pending => "pending",
            Slot::PendingRevoke => "pending-revoke",
        }
    }
}
