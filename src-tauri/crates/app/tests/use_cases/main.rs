//! Every use case of `qrdesk-app` as a front end calls it, without a window or a terminal: a real
//! data folder (SQLite on disk), keys in a memory secret store, the services served by the
//! simulator over loopback HTTP.

mod accounts;
mod campaigns;
mod history;
mod leaks;
mod library_and_outbox;
mod print;
mod styles;
mod support;
mod sync;
