//! What each front end does to its own process at start, before any key is read: on Linux, the
//! process is marked not dumpable (`PR_SET_DUMPABLE` 0, through rustix's safe wrapper), so it
//! leaves no core dump with keys in it and other processes of the same user cannot read its
//! memory with ptrace or `/proc/PID/mem`. Keys themselves live in zeroizing types (see
//! `qrdesk_core::secret`).

/// Applies the protections; a failure is reported, never fatal (the app still works).
pub fn protect_process() -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{set_dumpable_behavior, DumpableBehavior};
        set_dumpable_behavior(DumpableBehavior::NotDumpable)
            .map_err(|e| format!("could not turn off core dumps for QR Desk ({e})"))?;
    }
    Ok(())
}

/// Whether the process is protected (tests, `qrdesk info`).
pub fn is_protected() -> bool {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{dumpable_behavior, DumpableBehavior};
        matches!(dumpable_behavior(), Ok(DumpableBehavior::NotDumpable))
    }
    #[cfg(not(target_os = "linux"))]
    true
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn the_process_is_not_dumpable_after_protection() {
        super::protect_process().unwrap();
        assert!(super::is_protected());
    }
}
