//! The base-URL rule (no plain http:// off this machine) and the secrets rule (no secret in any
//! error or Debug output): docs/providers/README.md, 'Base URL' and 'Secrets'.

use qrdesk_core::{ApiSecret, AppError, Credential, ErrorKind, ProviderKind};
use qrdesk_providers::{connect, NewCode, ProviderConfig};
use qrdesk_sim::{Fault, FaultKind};

use crate::support::*;

#[tokio::test]
async fn plain_http_to_another_host_is_refused_before_any_connection() {
    let sim = sim().await;
    let secret = "qrcp_live_SECRETSECRETSECRET1";
    for kind in ProviderKind::ALL {
        for base in [
            "http://example.com",
            "http://10.1.2.3:8080/api",
            "http://[2001:db8::1]/x",
            "http://localhost.evil.test",
        ] {
            let c = ProviderConfig::new(kind, Credential::Key(ApiSecret::new(secret)))
                .with_base_url(base);
            let e = connect(c).err().expect("refused");
            assert_eq!(e.kind, ErrorKind::BadInput, "{kind} {base}");
            assert!(e.message.contains("http://"), "{}", e.message);
            assert!(!e.message.contains(secret));
        }
    }
    // Loopback http:// (the simulator) is accepted, and the refusals above sent nothing to it.
    assert_eq!(sim.control().request_counts().values().sum::<u64>(), 0);
    let c = ProviderConfig::new(ProviderKind::QrCodePro, Credential::Key(ApiSecret::new(secret)))
        .with_base_url(sim.base_url(ProviderKind::QrCodePro).replace("127.0.0.1", "localhost"));
    assert!(connect(c).is_ok());
    sim.shutdown().await;
}

#[tokio::test]
async fn no_secret_in_any_error_or_debug_output() {
    let sim = sim().await;
    let mut shown = Vec::new();
    for kind in ProviderKind::ALL {
        for a in sim.manifest().services[kind.as_str()].accounts.clone() {
            let secret = a.key.clone().or(a.api_key.clone()).unwrap();
            let p = for_account(&sim, kind, &a.label);
            let mut errors = Vec::new();
            errors.push(p.get("no-such-code").await.err());
            errors.push(p.organizations().await.err());
            errors.push(
                p.create(&NewCode {
                    name: String::new(),
                    destination: "bad".into(),
                    client_ref: "x".into(),
                })
                .await
                .err(),
            );
            for fault in [
                FaultKind::ServerError { status: 500 },
                FaultKind::NonJsonBody { status: 401 },
                FaultKind::DropConnection,
            ] {
                sim.control().inject_fault(Fault::next(fault, 10).only(kind));
                errors.push(p.verify().await.err());
                sim.control().clear_faults();
            }
            sim.control().revoke_key(&secret).unwrap();
            errors.push(p.verify().await.err());
            for e in errors.into_iter().flatten() {
                assert_no_secret(&e, &secret);
                let app: AppError = e.into();
                shown.push(app.kind);
            }
            let c = config(&sim, kind, key_of_any(&a));
            assert!(!format!("{c:?}").contains(&secret), "ProviderConfig Debug leaks");
        }
    }
    for kind in [
        ErrorKind::KeyRevoked,
        ErrorKind::ServerError,
        ErrorKind::MalformedResponse,
        ErrorKind::Network,
        ErrorKind::NotFound,
    ] {
        assert!(shown.contains(&kind), "{kind} never produced");
    }
    sim.shutdown().await;
}

fn key_of_any(a: &qrdesk_sim::ManifestAccount) -> Credential {
    match (&a.key, &a.client_id, &a.api_key) {
        (Some(k), _, _) => Credential::Key(ApiSecret::new(k.clone())),
        (None, Some(c), Some(k)) => {
            Credential::Pair { client_id: c.clone(), api_key: ApiSecret::new(k.clone()) }
        }
        _ => unreachable!("manifest accounts carry credentials"),
    }
}
