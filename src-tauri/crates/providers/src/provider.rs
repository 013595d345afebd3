//! The one trait every service adapter implements.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDate;

use qrdesk_core::provider::Capabilities;
use qrdesk_core::{CodeChanges, ProviderKind, ScanSeries};

use crate::error::{ProviderError, ProviderResult};
use crate::model::{CreatedKey, KeyInfo, NewCode, Organization, Page, RemoteCode, Verified};
use crate::stats::RequestStats;

/// The largest page every supported service accepts.
pub const MAX_PAGE_SIZE: u32 = 100;

/// A connected account of one service. Operations a service cannot do return a `bad_input`
/// error that says so (check [`Provider::capabilities`] first to not offer them at all).
#[async_trait]
pub trait Provider: Send + Sync {
    fn kind(&self) -> ProviderKind;

    /// What the service can do (the table in `qrdesk_core`).
    fn capabilities(&self) -> Capabilities {
        self.kind().capabilities()
    }

    /// Counters of the requests this adapter sent.
    fn stats(&self) -> Arc<RequestStats>;

    /// Checks the key and reports what the service said about it.
    async fn verify(&self) -> ProviderResult<Verified>;

    /// One page of codes. `cursor` is `None` for the first page, else the previous page's `next`;
    /// `limit` is clamped to 1..=[`MAX_PAGE_SIZE`].
    async fn list_page(
        &self,
        cursor: Option<&str>,
        limit: u32,
    ) -> ProviderResult<Page<RemoteCode>> {
        let _ = (cursor, limit);
        Err(ProviderError::unsupported(self.kind(), "list QR codes"))
    }

    async fn get(&self, remote_id: &str) -> ProviderResult<RemoteCode> {
        let _ = remote_id;
        Err(ProviderError::unsupported(self.kind(), "read QR codes"))
    }

    async fn create(&self, new: &NewCode) -> ProviderResult<RemoteCode> {
        let _ = new;
        Err(ProviderError::unsupported(self.kind(), "create QR codes"))
    }

    async fn update(&self, remote_id: &str, changes: &CodeChanges) -> ProviderResult<RemoteCode> {
        let _ = (remote_id, changes);
        Err(ProviderError::unsupported(self.kind(), "edit QR codes"))
    }

    async fn delete(&self, remote_id: &str) -> ProviderResult<()> {
        let _ = remote_id;
        Err(ProviderError::unsupported(self.kind(), "delete QR codes"))
    }

    /// Daily scans and breakdowns for `from..=to` (UTC days).
    async fn analytics(
        &self,
        remote_id: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ProviderResult<ScanSeries> {
        let _ = (remote_id, from, to);
        Err(ProviderError::unsupported(self.kind(), "report scan analytics"))
    }

    /// Organizations the key can see (iloveQR).
    async fn organizations(&self) -> ProviderResult<Vec<Organization>> {
        Err(ProviderError::unsupported(self.kind(), "list organizations"))
    }

    /// Replaces `find` by `replace` in every destination of the workspace (ExaRoutes); returns
    /// how many codes changed.
    async fn bulk_replace(&self, find: &str, replace: &str) -> ProviderResult<u64> {
        let _ = (find, replace);
        Err(ProviderError::unsupported(self.kind(), "replace URLs in bulk"))
    }

    /// The organization's API keys (Exante).
    async fn list_keys(&self) -> ProviderResult<Vec<KeyInfo>> {
        Err(ProviderError::unsupported(self.kind(), "manage API keys"))
    }

    /// Creates a key; the full secret is only in the answer.
    async fn create_key(
        &self,
        name: &str,
        scopes: &[String],
        expires_in_days: Option<u32>,
    ) -> ProviderResult<CreatedKey> {
        let _ = (name, scopes, expires_in_days);
        Err(ProviderError::unsupported(self.kind(), "manage API keys"))
    }

    /// Revokes a key by its uid (immediate on the service).
    async fn revoke_key(&self, uid: &str) -> ProviderResult<KeyInfo> {
        let _ = uid;
        Err(ProviderError::unsupported(self.kind(), "manage API keys"))
    }
}

/// Every code, following `next` until the last page (bounded by `max_pages`).
pub async fn list_all(
    provider: &dyn Provider,
    page_size: u32,
    max_pages: usize,
) -> ProviderResult<Vec<RemoteCode>> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..max_pages {
        let page = provider.list_page(cursor.as_deref(), page_size).await?;
        out.extend(page.items);
        match page.next {
            Some(next) if Some(&next) != cursor.as_ref() => cursor = Some(next),
            _ => return Ok(out),
        }
    }
    Ok(out)
}
