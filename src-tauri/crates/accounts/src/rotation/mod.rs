//! Key rotation: the pure state machine ([`machine`]), the executor that drives it against the
//! keychain, the store and the service ([`executor`], with the side effects of each planned
//! action in `actions`), and how every step is saved with its audit note in one transaction
//! (`persist`), so a killed process resumes where it stopped.

mod actions;
mod executor;
pub mod machine;
pub(crate) mod persist;

pub use machine::*;
