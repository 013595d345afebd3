//! Whole rotations on the model: every provider completes and survives a crash after any
//! action; abandoning, refusing a foreign key, an old key that still works, transient failures.

use chrono::Duration;
use qrdesk_core::{AppError, ErrorKind, ProviderKind};

use super::super::*;
use super::model::*;
use super::*;

#[test]
fn every_provider_completes_and_survives_a_crash_after_any_action() {
    for provider in PROVIDERS {
        let rotation = start(provider, Some("acme"));
        let mut world = World::new(rotation.mode);
        let (done, units) = run(rotation.clone(), &mut world, None, |_, _| false);
        assert_completed(&done, &world, &format!("{provider:?} without crash"));
        for crash_at in 0..units {
            let mut world = World::new(rotation.mode);
            let (done, _) = run(rotation.clone(), &mut world, Some(crash_at), |_, _| false);
            assert_completed(&done, &world, &format!("{provider:?}, crash after unit {crash_at}"));
        }
    }
}

/// Where a rotation is paused before the user abandons it: a name, the unit whose event a
/// crash loses on the way there (by mode), and when to stop.
type StopPoint = (&'static str, fn(RotationMode) -> Option<usize>, fn(&Rotation, &World) -> bool);

#[test]
fn abandon_before_step_3_changes_nothing() {
    use RotationMode::{Automatic, Guided};
    let stops: [StopPoint; 5] = [
        ("before anything", |_| None, |_, _| true),
        (
            "create sent, then a crash",
            |m| (m == Automatic).then_some(1),
            |r, _| r.stray_keys_possible,
        ),
        ("new key staged", |_| None, |r, _| r.step == Step::NewKeyStaged),
        ("new key verified", |_| None, |r, _| r.step == Step::NewKeyVerified),
        (
            "keychain switched, then a crash before step 3 was recorded",
            |m| Some(if m == Guided { 2 } else { 3 }),
            |r, w| r.step == Step::NewKeyVerified && w.pending_revoke.is_some(),
        ),
    ];
    let mut exercised = 0;
    for provider in PROVIDERS {
        for (name, setup_crash, stop) in stops {
            let rotation = start(provider, Some("acme"));
            let pause = |world: &mut World| {
                let (paused, _) = run(rotation.clone(), world, setup_crash(rotation.mode), stop);
                stop(&paused, world)
                    .then(|| advance(&paused, Event::Abandon).expect("abandon before step 3"))
            };
            let mut world = World::new(rotation.mode);
            let Some(abandoning) = pause(&mut world) else {
                continue; // no such pause point in this mode (guided rotations create nothing)
            };
            exercised += 1;
            assert_eq!(abandoning.audit.event, "rotation_abandon_requested");
            let (done, units) = run(abandoning.rotation, &mut world, None, |_, _| false);
            let ctx = format!("{provider:?} abandoned at {name}");
            assert_unchanged(&done, &world, &ctx);
            // The cleanup itself survives a crash after any of its actions.
            for crash_at in 0..units {
                let mut world = World::new(rotation.mode);
                let abandoning = pause(&mut world).expect("same pause point");
                let (done, _) = run(abandoning.rotation, &mut world, Some(crash_at), |_, _| false);
                assert_unchanged(&done, &world, &format!("{ctx}, crash after unit {crash_at}"));
            }
        }
    }
    assert_eq!(exercised, 4 * 4 + 5, "every pause point was reached (guided ones create nothing)");
}

#[test]
fn abandon_after_the_switch_is_refused_and_changes_nothing() {
    for provider in PROVIDERS {
        let rotation = start(provider, None);
        let mut world = World::new(rotation.mode);
        let (switched, _) = run(rotation, &mut world, None, |r, _| r.step == Step::Switched);
        let err = advance(&switched, Event::Abandon).expect_err("too late to abandon");
        assert!(err.message.contains("can no longer be abandoned"), "{}", err.message);
        assert_ne!(world.active.as_deref(), Some(OLD), "{provider:?}: the switch stays");
    }
}

#[test]
fn a_key_for_another_workspace_is_refused_and_the_old_key_stays() {
    for provider in [ProviderKind::ExaRoutes, ProviderKind::IloveQr, ProviderKind::Exante] {
        let rotation = start(provider, Some("acme"));
        let mut world = World::new(rotation.mode);
        world.reach = vec!["someone-else".into()];
        let (waiting, _) = run(rotation, &mut world, None, |r, _| {
            r.step == Step::AwaitingNewKey && r.last_error.is_some() && !r.stray_keys_possible
        });
        let err = waiting.last_error.clone().expect("why the key was refused");
        assert_eq!(err.kind, ErrorKind::NotAMember, "{provider:?}");
        assert_eq!(world.active.as_deref(), Some(OLD), "{provider:?}: old key still active");
        assert!(world.works(OLD), "{provider:?}: old key not revoked");
        assert_eq!(world.pending, None, "{provider:?}: refused key discarded");
        assert!(
            world.remote.iter().all(|k| k.revoked || k.secret == OLD),
            "{provider:?}: created key revoked"
        );
        // With a key for the right workspace the same rotation finishes.
        world.reach = vec!["acme".into()];
        let (done, _) = run(waiting, &mut world, None, |_, _| false);
        assert_completed(&done, &world, &format!("{provider:?} after a refused key"));
    }
}

#[test]
fn an_old_key_that_still_works_sends_the_user_back_to_revoke_it() {
    let rotation = start(ProviderKind::QrCodePro, None);
    let mut world = World::new(rotation.mode);
    let (revoked, _) = run(rotation, &mut world, None, |r, _| r.step == Step::OldKeyRevoked);
    world.revoked_in_dashboard.clear(); // the user confirmed without revoking
    let action = next_action(&revoked);
    let event = world.perform(&revoked, &action);
    assert_eq!(event, Event::OldKeyStillWorks);
    let back = advance(&revoked, event).expect("still works").rotation;
    assert_eq!(back.step, Step::Switched);
    let message = back.last_error.expect("tells the user").message;
    assert!(message.contains(ProviderKind::QrCodePro.key_dashboard_hint()), "{message}");
}

#[test]
fn transient_failures_keep_the_step_and_show_the_error() {
    let rotation =
        advance(&start(ProviderKind::IloveQr, None), staged(false)).expect("stage").rotation;
    let failed = advance(&rotation, Event::ActionFailed(AppError::of(ErrorKind::RateLimited)))
        .expect("failure");
    assert_eq!(failed.rotation.step, Step::NewKeyStaged);
    assert_eq!(failed.audit.event, "rotation_error");
    assert_eq!(next_action(&failed.rotation), Action::VerifyPendingKey, "retried");
    let verified =
        advance(&failed.rotation, Event::Verified { workspaces: vec![] }).expect("verified");
    assert_eq!(verified.rotation.last_error, None, "cleared once it works");
}

/// Security review, finding 7: keys QR Desk creates carry a tag unique to their rotation, and
/// the clean-up after an interrupted create looks for exactly that tag.
#[test]
fn created_keys_carry_a_tag_unique_to_their_rotation() {
    let first = super::plan::created_key_name("Production", t0());
    assert!(first.starts_with("Production [qrdesk-") && first.ends_with(']'), "{first}");
    let later = t0() + Duration::days(90);
    let second = super::plan::created_key_name(&first, later);
    assert!(second.starts_with("Production [qrdesk-"), "the earlier tag is replaced: {second}");
    assert_ne!(first, second);
    assert_eq!(second.matches("[qrdesk-").count(), 1);
    // A key the person named like QR Desk's is never taken for one of this rotation's.
    assert_ne!(super::plan::created_key_name("Production", t0()), "Production");
}
