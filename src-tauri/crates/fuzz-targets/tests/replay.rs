//! Replays every committed fuzz input (`fuzz/corpus/<target>/` and `fuzz/regressions/<target>/`)
//! through the target bodies as an ordinary test: each input that once found new code, or once
//! crashed, is checked on every test run without building libFuzzer. New inputs are searched for
//! by `scripts/fuzz` (smoke or long), which uses the same bodies.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use qrdesk_fuzz_targets::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../fuzz")
}

fn inputs(target: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for kind in ["corpus", "regressions"] {
        let Ok(dir) = std::fs::read_dir(fuzz_dir().join(kind).join(target)) else { continue };
        files.extend(dir.flatten().map(|e| e.path()).filter(|p| p.is_file()));
    }
    files.sort();
    files
}

#[test]
fn every_committed_fuzz_input_runs_clean() {
    let started = Instant::now();
    let mut failures = Vec::new();
    for (name, run) in TARGETS {
        let files = inputs(name);
        assert!(!files.is_empty(), "fuzz/corpus/{name} is empty or missing");
        // The inputs are independent: share them out over the machine's cores.
        let next = AtomicUsize::new(0);
        let failed = Mutex::new(Vec::new());
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let data = std::fs::read(file).expect("read a fuzz input");
                    if std::panic::catch_unwind(|| run(&data)).is_err() {
                        failed.lock().unwrap().push(file.display().to_string());
                    }
                });
            }
        });
        let failed = failed.into_inner().unwrap();
        eprintln!("{name}: {} inputs, {} failed", files.len(), failed.len());
        failures.extend(failed);
    }
    eprintln!("replayed in {:.1} s", started.elapsed().as_secs_f64());
    assert!(
        failures.is_empty(),
        "fuzz inputs that fail (run each with scripts/fuzz): {failures:#?}"
    );
}
