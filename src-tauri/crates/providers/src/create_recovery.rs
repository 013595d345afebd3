//! Creates that never duplicate (see docs/providers/README.md, 'Retries and creates').
//!
//! A create is a POST: the HTTP core repeats it only after a 429 (the service proves it did not
//! process it). When an attempt fails in a way that leaves the outcome unknown (connection lost,
//! 5xx, a 2xx whose body is unreadable), the service is searched for the code first (by the
//! client reference it may echo, else by name and destination) and the POST is only sent again
//! when nothing is found. The client reference also travels as `Idempotency-Key`.

use serde_json::Value;

use crate::error::ProviderResult;
use crate::http_client::{ApiRequest, HttpCore, IDEMPOTENCY_KEY};
use crate::model::{NewCode, RemoteCode};
use crate::provider::{Provider, MAX_PAGE_SIZE};

/// Pages searched at most when looking for a create that may have happened.
const LOOKUP_MAX_PAGES: usize = 50;

/// Sends the create `req`, parsing the answer with `parse`, checking before every resend.
pub async fn create_checked<P: Provider + ?Sized>(
    provider: &P,
    core: &HttpCore,
    new: &NewCode,
    req: ApiRequest,
    parse: fn(&Value) -> ProviderResult<RemoteCode>,
) -> ProviderResult<RemoteCode> {
    let req = req.header(IDEMPOTENCY_KEY, new.client_ref.clone());
    let mut attempt: u32 = 0;
    loop {
        let result = core.send(&req).await.and_then(|v| parse(&v));
        match result {
            Ok(code) => return Ok(code),
            Err(e) if e.outcome_unknown() && attempt < core.settings().max_retries => {
                tracing::debug!(service = %core.service, kind = %e.kind, "create outcome unknown; checking");
                core.backoff_pause(attempt).await?;
                if let Some(found) = find_created(provider, new).await? {
                    return Ok(found);
                }
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// The code `new` made, if the service has it: a code echoing the client reference wins, else
/// the newest code with the same name and destination.
pub async fn find_created<P: Provider + ?Sized>(
    provider: &P,
    new: &NewCode,
) -> ProviderResult<Option<RemoteCode>> {
    let mut cursor: Option<String> = None;
    let mut by_content: Option<RemoteCode> = None;
    for _ in 0..LOOKUP_MAX_PAGES {
        let page = provider.list_page(cursor.as_deref(), MAX_PAGE_SIZE).await?;
        for code in page.items {
            if echoes_client_ref(&code.raw, &new.client_ref) {
                return Ok(Some(code));
            }
            if code.name == new.name && code.destination == new.destination {
                let newer = match &by_content {
                    Some(prev) => code.created_at >= prev.created_at,
                    None => true,
                };
                if newer {
                    by_content = Some(code);
                }
            }
        }
        match page.next {
            Some(next) if Some(&next) != cursor.as_ref() => cursor = Some(next),
            _ => break,
        }
    }
    Ok(by_content)
}

fn echoes_client_ref(raw: &Value, client_ref: &str) -> bool {
    !client_ref.is_empty()
        && raw.as_object().is_some_and(|o| o.values().any(|v| v.as_str() == Some(client_ref)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn client_ref_is_recognised_in_any_top_level_field() {
        assert!(echoes_client_ref(&json!({"id": "a", "clientRef": "out-7"}), "out-7"));
        assert!(echoes_client_ref(&json!({"external_id": "out-7"}), "out-7"));
        assert!(!echoes_client_ref(&json!({"nested": {"x": "out-7"}}), "out-7"));
        assert!(!echoes_client_ref(&json!({"id": ""}), ""));
    }
}
