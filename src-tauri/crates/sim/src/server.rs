//! The simulator's listener: one loopback port, one path prefix per service, connections
//! served with hyper directly so a fault can close a socket without any response.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::TokioIo;
use qrdesk_core::ProviderKind;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};

use crate::config::SimConfig;
use crate::control::SimControl;
use crate::manifest::{self, Manifest};
use crate::request_pipeline::handle;
use crate::shared_state::Shared;
use crate::{control_http, services};

/// A running simulator. Dropping it without `shutdown` leaves the server running until the
/// runtime ends.
pub struct Simulator {
    address: SocketAddr,
    shared: Arc<Shared>,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Simulator {
    /// Seeds the data and serves it on `127.0.0.1:config.port` (0 = a free port).
    pub async fn start(config: SimConfig) -> std::io::Result<Simulator> {
        let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
        let address = listener.local_addr()?;
        let shared = Arc::new(Shared::new(&config));
        let router =
            services::router(shared.clone()).merge(control_http::router(shared.clone(), address));
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(accept_loop(listener, router, shared.clone(), stopped, address));
        tracing::info!(%address, "simulator listening");
        Ok(Simulator { address, shared, stop, task })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:P/<prefix>`: what an account's base URL is set to.
    pub fn base_url(&self, provider: ProviderKind) -> String {
        manifest::base_url(self.address, provider)
    }

    pub fn manifest(&self) -> Manifest {
        manifest::build(self.address, &self.shared)
    }

    pub fn control(&self) -> SimControl {
        SimControl::new(self.shared.clone(), self.address)
    }

    /// Stops accepting, closes every open connection and waits for the listener to end.
    pub async fn shutdown(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
    }
}

async fn accept_loop(
    listener: TcpListener,
    router: Router,
    shared: Arc<Shared>,
    mut stopped: oneshot::Receiver<()>,
    address: SocketAddr,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let router = router.clone();
                    let shared = shared.clone();
                    connections.spawn(async move {
                        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                            handle(router.clone(), shared.clone(), address, request.map(Body::new))
                        });
                        let served = hyper::server::conn::http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                        if let Err(error) = served {
                            tracing::debug!(%error, "connection ended");
                        }
                    });
                }
                Err(error) => {
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.abort_all();
    while connections.join_next().await.is_some() {}
}
