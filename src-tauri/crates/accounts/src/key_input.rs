//! Turning what a person typed (service, key, client id) into a checked [`Credential`].

use qrdesk_core::provider::{detect_key_format, EXAROUTES_CLIENT_ID_PREFIX};
use qrdesk_core::{ApiSecret, AppError, Credential, Environment, ErrorKind, ProviderKind};

/// A key ready to be verified and stored.
#[derive(Debug, Clone)]
pub(crate) struct KeyInput {
    pub provider: ProviderKind,
    pub environment: Environment,
    pub credential: Credential,
}

/// Detects or checks the service from the key's prefix and builds the credential.
///
/// `provider: None` means "detect": a known prefix names the service, a key without one is taken
/// for the `/api/v1/qr` platform (its keys are opaque). A key whose prefix names another service
/// than the one chosen is refused, as is an ExaRoutes `sk_live_` key without its `cust_` client id.
pub(crate) fn resolve_key(
    provider: Option<ProviderKind>,
    secret: ApiSecret,
    client_id: Option<String>,
) -> Result<KeyInput, AppError> {
    if secret.is_empty() {
        return Err(AppError::new(ErrorKind::MissingCredentials, "No API key was given"));
    }
    check_key_text(&secret)?;
    let format = detect_key_format(secret.expose());
    let provider = match (provider, format) {
        (Some(chosen), Some(f)) if f.provider != chosen => {
            return Err(AppError::bad_input(format!(
                "The key {} looks like a {} key, but the account is for {}. Check that you \
                 copied the right key, or choose {}",
                secret.masked(),
                f.provider.display_name(),
                chosen.display_name(),
                f.provider.as_str()
            )));
        }
        (Some(chosen), None) if chosen != ProviderKind::QrV1 => {
            return Err(AppError::bad_input(format!(
                "The key {} does not look like a {} key (they start with {}). Check that it was \
                 copied completely",
                secret.masked(),
                chosen.display_name(),
                expected_prefixes(chosen)
            )));
        }
        (Some(chosen), _) => chosen,
        (None, Some(f)) => f.provider,
        (None, None) => ProviderKind::QrV1,
    };
    let environment = format.map(|f| f.environment).unwrap_or_default();
    let client_id = client_id.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    if client_id.as_ref().is_some_and(|c| c.chars().count() > 200) {
        return Err(AppError::bad_input(
            "The client id is too long; copy the cust_… id from the ExaRoutes dashboard",
        ));
    }
    let needs_client_id = format.is_some_and(|f| f.needs_client_id);
    let credential = match (needs_client_id, client_id) {
        (true, Some(id)) if id.starts_with(EXAROUTES_CLIENT_ID_PREFIX) => {
            Credential::Pair { client_id: id, api_key: secret }
        }
        (true, Some(id)) => {
            return Err(AppError::bad_input(format!(
                "The client id \"{id}\" is not an ExaRoutes client id: those start with \
                 \"{EXAROUTES_CLIENT_ID_PREFIX}\""
            )));
        }
        (true, None) => {
            return Err(AppError::bad_input(format!(
                "ExaRoutes sk_live_ keys are used together with a client id (\"{}…\"). Give it \
                 with --client-id, or use a single exr_ key instead",
                EXAROUTES_CLIENT_ID_PREFIX
            )));
        }
        (false, Some(_)) => {
            return Err(AppError::bad_input(format!(
                "A client id is only used with ExaRoutes sk_live_ keys; the key {} needs none. \
                 Leave the client id empty",
                secret.masked()
            )));
        }
        (false, None) => Credential::Key(secret),
    };
    Ok(KeyInput { provider, environment, credential })
}

/// The longest key accepted: every documented key is far shorter, so more is a paste mistake.
pub const MAX_KEY_CHARS: usize = 1024;

/// Refuses what cannot be a key: spaces or invisible characters inside it (the ends are already
/// trimmed by [`ApiSecret::new`]) or something far longer than any key. Never shows the key.
fn check_key_text(secret: &ApiSecret) -> Result<(), AppError> {
    let key = secret.expose();
    if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::bad_input(format!(
            "The key {} has a space, line break or invisible character inside it. Copy it \
             again from the service's dashboard, in one piece",
            secret.masked()
        )));
    }
    let chars = key.chars().count();
    if chars > MAX_KEY_CHARS {
        return Err(AppError::bad_input(format!(
            "What was given is {chars} characters long, far longer than an API key (at most \
             {MAX_KEY_CHARS}). Check that only the key was pasted"
        )));
    }
    Ok(())
}

fn expected_prefixes(provider: ProviderKind) -> &'static str {
    match provider {
        ProviderKind::ExaRoutes => "exr_live_, exr_test_ or sk_live_",
        ProviderKind::QrCodePro => "qrcp_live_ or qrcp_test_",
        ProviderKind::IloveQr => "ilqr_",
        ProviderKind::Exante => "ex_live_",
        ProviderKind::QrV1 => "no fixed prefix",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(
        provider: Option<ProviderKind>,
        key: &str,
        client: Option<&str>,
    ) -> Result<KeyInput, AppError> {
        resolve_key(provider, ApiSecret::new(key), client.map(str::to_string))
    }

    #[test]
    fn keys_with_inner_whitespace_or_far_too_long_are_refused_without_showing_them() {
        for raw in ["exr_live_abc defg1234", "exr_live_abc\tdefg1234", "ilqr_ab\u{1}cdefg1234"] {
            let err = resolve_key(None, ApiSecret::new(raw), None).unwrap_err();
            assert_eq!(err.kind, ErrorKind::BadInput);
            assert!(err.message.contains("inside it"), "{}", err.message);
            assert!(!err.message.contains("defg"), "the key is masked: {}", err.message);
        }
        let long = format!("exr_live_{}", "a".repeat(MAX_KEY_CHARS));
        let err = resolve_key(None, ApiSecret::new(long), None).unwrap_err();
        assert!(err.message.contains("far longer than an API key"), "{}", err.message);
        assert!(!err.message.contains("aaaa"), "{}", err.message);
        let pasted = resolve_key(None, ApiSecret::new("exr_live_abcdefg1234\n"), None);
        assert!(pasted.is_ok(), "a trailing newline is trimmed");
    }

    #[test]
    fn detects_every_service_from_the_prefix() {
        let cases = [
            ("qrcp_test_nhbZ1lKAIyPI6Wnd0fcB", ProviderKind::QrCodePro, Environment::Test),
            ("exr_live_ZLQ1DhnbAyKNtnSAkBPsBgJW", ProviderKind::ExaRoutes, Environment::Live),
            ("ilqr_66A90rrjpiX0rSDUch2OyAbXug2Fg4lf", ProviderKind::IloveQr, Environment::Live),
            ("ex_live_qdaYgfRq7bQAxLkox", ProviderKind::Exante, Environment::Live),
            ("51a25033f28a3300a1483c594c9f75a36e2ed818", ProviderKind::QrV1, Environment::Live),
        ];
        for (key, provider, environment) in cases {
            let input = resolve(None, key, None).expect(key);
            assert_eq!((input.provider, input.environment), (provider, environment), "{key}");
            assert!(matches!(input.credential, Credential::Key(_)));
        }
    }

    #[test]
    fn exaroutes_pairs_need_a_cust_client_id() {
        let secret = "sk_live_6DjNQK0hq4XAvxUWLcKTshddThxGjn5t";
        let pair = resolve(None, secret, Some(" cust_9OjLJM1xXKjU0n ")).expect("pair");
        assert!(matches!(pair.credential, Credential::Pair { ref client_id, .. }
            if client_id == "cust_9OjLJM1xXKjU0n"));
        for client in [None, Some("9OjLJM1xXKjU0n")] {
            let err = resolve(None, secret, client).expect_err("no usable client id");
            assert_eq!(err.kind, ErrorKind::BadInput);
            assert!(err.message.contains("cust_"), "{}", err.message);
            assert!(!err.message.contains("6DjNQK0hq4XAvxUW"), "{}", err.message);
        }
        let err = resolve(None, "exr_live_ZLQ1DhnbAyKNtnSAkBPsBgJW", Some("cust_1")).expect_err("");
        assert!(err.message.contains("only used with"), "{}", err.message);
    }

    #[test]
    fn a_key_of_another_service_is_refused_without_showing_it() {
        let key = "qrcp_live_F4F3UiztctjQ3q00eVEB";
        let err = resolve(Some(ProviderKind::IloveQr), key, None).expect_err("mismatch");
        assert!(err.message.contains("QRCodePro"), "{}", err.message);
        assert!(!err.message.contains("F4F3Uizt"), "{}", err.message);
        let err = resolve(Some(ProviderKind::Exante), "0123456789abcdef0123", None).expect_err("");
        assert!(err.message.contains("ex_live_"), "{}", err.message);
        assert_eq!(resolve(None, "  ", None).expect_err("").kind, ErrorKind::MissingCredentials);
    }
}
