//! How every test runs the real `qrdesk` binary: its path, and a command with a private data
//! folder, the test keychain namespace, and no data folder or backtrace setting inherited from
//! the environment.

use std::path::{Path, PathBuf};

/// The built `qrdesk` binary.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_qrdesk"))
}

/// `qrdesk --data-dir DATA_DIR` as an `assert_cmd` command.
pub fn qrdesk(data_dir: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(std_qrdesk(data_dir))
}

/// The same as a plain `std::process::Command` (for spawning, killing and piping).
pub fn std_qrdesk(data_dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(binary());
    cmd.env_remove("QRDESK_DATA_DIR")
        .env_remove("RUST_BACKTRACE")
        .env("QRDESK_KEYCHAIN_NAMESPACE", "test")
        .arg("--data-dir")
        .arg(data_dir);
    cmd
}
