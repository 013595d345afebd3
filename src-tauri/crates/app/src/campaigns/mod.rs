//! Campaigns: from rows (a CSV) to one new dynamic code per row on a service to printed labels,
//! in one job that survives being stopped. [`create_campaign`] checks every row and writes the
//! campaign, its rows, their codes and the outbox creates in one transaction (so a crash leaves
//! all of it or none, and the outbox's idempotency keys mean no code is ever made twice);
//! [`advance_campaign`] syncs the account until the service has confirmed every code and its
//! short link, then prints the labels (atomically, recorded in the print history). A campaign
//! that could not finish says it is waiting; advancing it again carries on.
//!
//! The outbox and the sync engine own sending the creates (pacing, retries, rate limits); the
//! print engine owns the PDF. Here: the rows and their UTM'd destinations, the job's steps, and
//! the views of a campaign with its scans per placement.

mod create;
mod progress;
mod utm;
mod view;
mod window;

pub use create::{create_campaign, CampaignRequest, CampaignSettings, MAX_CAMPAIGN_ROWS};
pub use progress::{advance_campaign, print_ready_campaigns};
pub use utm::{add_utm, UtmTemplate};
pub use view::{campaign_details, campaign_print_job, list_campaigns};
pub use window::{campaign_preview, create_from_draft};
