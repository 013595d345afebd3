//! Slicing a data set into pages (page/limit services) with the optional filters every list
//! accepts: `status` and a case-insensitive name search.

use qrdesk_core::ProviderKind;

use super::request_input::Query;
use crate::model::{Code, Dataset};
use crate::seed_catalog::parse_status;

#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// The service's status word, lower case.
    pub status: Option<&'static str>,
    /// Lower-case text the name must contain.
    pub search: Option<String>,
}

impl Filter {
    /// The `status` and `search` query parameters; `None` when `status` is not one of the
    /// service's words.
    pub fn from_query(service: ProviderKind, query: &Query) -> Option<Filter> {
        let status = match query.get("status").filter(|s| !s.is_empty()) {
            Some(text) => Some(parse_status(service, text)?),
            None => None,
        };
        let search = query.get("search").filter(|s| !s.is_empty()).map(|s| s.to_lowercase());
        Some(Filter { status, search })
    }

    pub fn matches(&self, code: &Code) -> bool {
        self.status.is_none_or(|s| code.status == s)
            && self.search.as_deref().is_none_or(|needle| {
                code.name.as_deref().is_some_and(|n| n.to_lowercase().contains(needle))
            })
    }
}

/// One page (1-based) of the codes that pass `filter`, in creation order, and their total.
pub fn page<'a>(
    dataset: &'a Dataset,
    filter: &Filter,
    page: u64,
    limit: u64,
) -> (Vec<&'a Code>, u64) {
    let unfiltered = filter.status.is_none() && filter.search.is_none();
    let total = if unfiltered {
        dataset.codes.len() as u64
    } else {
        dataset.codes.values().filter(|c| filter.matches(c)).count() as u64
    };
    let skip = usize::try_from(page.saturating_sub(1).saturating_mul(limit)).unwrap_or(usize::MAX);
    let take = usize::try_from(limit).unwrap_or(usize::MAX);
    let items = if unfiltered {
        dataset.slice(skip, take).collect()
    } else {
        dataset.codes.values().filter(|c| filter.matches(c)).skip(skip).take(take).collect()
    };
    (items, total)
}

/// Number of pages for `total` items (at least 1, as most services report).
pub fn page_count(total: u64, limit: u64) -> u64 {
    total.div_ceil(limit.max(1)).max(1)
}
