//! Embeds `tauri.conf.json` (a symlink to the top-level file, so the Tauri CLI finds it here too)
//! and the capability files into the shell.
fn main() {
    tauri_build::build()
}
