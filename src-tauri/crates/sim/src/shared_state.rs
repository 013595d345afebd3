//! The state every request handler and the control handle share.

use std::sync::atomic::AtomicU64;
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::config::SimConfig;
use crate::faults::FaultPlan;
use crate::rate_limit::RateLimiter;
use crate::request_counts::RequestCounts;
use crate::world::World;

pub struct Shared {
    pub world: Mutex<World>,
    pub faults: Mutex<FaultPlan>,
    pub limiter: Mutex<RateLimiter>,
    pub counts: Mutex<RequestCounts>,
    /// Added to every provider request.
    pub latency_ms: AtomicU64,
    /// The random part of the control endpoint's path (`/_control/<token>`).
    pub control_token: String,
}

impl Shared {
    pub fn new(config: &SimConfig) -> Self {
        Shared {
            world: Mutex::new(World::seeded(config)),
            faults: Mutex::new(FaultPlan::new(config.seed, config.faults.clone())),
            limiter: Mutex::new(RateLimiter::new(config.rate_limits)),
            counts: Mutex::new(RequestCounts::default()),
            latency_ms: AtomicU64::new(config.latency_ms),
            control_token: random_token(),
        }
    }
}

/// Locks a mutex; a handler that panicked while holding it leaves data that is still usable
/// for a simulator, so poisoning is ignored.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// 128 random bits as hex, from the standard library's per-process random hasher keys (seeded
/// from the operating system's random source; the simulator's own generator is deterministic).
fn random_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let word = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(std::process::id().into());
        h.finish()
    };
    format!("{:016x}{:016x}", word(), word())
}
