//! The status endpoint: `/healthz` for supervisors and load balancers,
//! `/metrics` for Prometheus. Off unless `[status] listen` is set.
//!
//! It reads, never writes: it has its own read connection to the database
//! (so a stuck pipeline cannot make it lie about the database) and the shared
//! [`Metrics`]. It has no authentication, so it belongs on loopback or a
//! private network. It stops when the daemon's shutdown signal turns true.

mod metrics;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use serde::Serialize;
use tokio::sync::watch;

use crate::store::{Store, StoreError};
pub use metrics::Metrics;

/// `/healthz` fails once the daemon has shown no progress for this long. The
/// scheduler loop wakes at least every 30 s and every finished fetch counts
/// as progress, so only a stall trips it: three missed 30 s wake-ups (90 s)
/// plus 210 s for the slowest single fetch (20 s timeout tried three times,
/// with Retry-After waits of up to 60 s in between).
pub const STALE_AFTER: Duration = Duration::from_secs(300);

#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    #[error("status endpoint: cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("status endpoint: {0}")]
    Serve(std::io::Error),
}

#[derive(Clone)]
struct Shared {
    metrics: Arc<Metrics>,
    store: Arc<Store>,
}

/// A bound, not yet serving, status endpoint. Binding first lets the daemon
/// refuse to start when the port is taken instead of running unobserved.
pub struct StatusServer {
    listener: tokio::net::TcpListener,
    shared: Shared,
}

impl StatusServer {
    /// `store` should be a connection of its own to the daemon's database.
    pub async fn bind(
        addr: SocketAddr,
        metrics: Arc<Metrics>,
        store: Store,
    ) -> Result<Self, StatusError> {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| StatusError::Bind { addr, source })?;
        Ok(Self {
            listener,
            shared: Shared {
                metrics,
                store: Arc::new(store),
            },
        })
    }

    pub fn local_addr(&self) -> Result<SocketAddr, StatusError> {
        self.listener.local_addr().map_err(StatusError::Serve)
    }

    /// Serves until `shutdown` turns true (or its sender is gone), then lets
    /// in-flight requests finish.
    pub async fn serve(self, mut shutdown: watch::Receiver<bool>) -> Result<(), StatusError> {
        let app = Router::new()
            .route("/healthz", get(healthz))
            .route("/metrics", get(metrics))
            .with_state(self.shared);
        axum::serve(self.listener, app)
            .with_graceful_shutdown(async move {
                let _ = shutdown.wait_for(|stop| *stop).await;
            })
            .await
            .map_err(StatusError::Serve)
    }
}

/// The body of `/healthz`, for humans and probes alike.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct Health {
    status: &'static str,
    database: String,
    last_heartbeat_seconds_ago: Option<u64>,
}

/// Healthy when the database answers and the daemon made progress within
/// [`STALE_AFTER`]; before the first heartbeat the daemon is still starting.
fn verdict(
    database: Result<(), String>,
    since_heartbeat: Option<Duration>,
) -> (StatusCode, Health) {
    let fresh = since_heartbeat.is_some_and(|d| d <= STALE_AFTER);
    let healthy = database.is_ok() && fresh;
    let health = Health {
        status: if healthy { "ok" } else { "unhealthy" },
        database: database.err().unwrap_or_else(|| "ok".to_owned()),
        last_heartbeat_seconds_ago: since_heartbeat.map(|d| d.as_secs()),
    };
    let code = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, health)
}

async fn healthz(State(shared): State<Shared>) -> impl IntoResponse {
    let store = shared.store.clone();
    let database = blocking(move || store.ping()).await;
    let (code, health) = verdict(database, shared.metrics.since_heartbeat());
    let body = serde_json::to_string(&health).expect("Health serializes");
    (code, [(header::CONTENT_TYPE, "application/json")], body)
}

async fn metrics(State(shared): State<Shared>) -> impl IntoResponse {
    let store = shared.store.clone();
    let view = blocking(move || {
        let (pending, _, _) = store.delivery_counts()?;
        Ok((store.sources()?, usize::try_from(pending).unwrap_or(0)))
    })
    .await;
    match view {
        Ok((sources, pending)) => shared.metrics.observe_database(&sources, pending),
        // The counters are still worth scraping; `/healthz` reports the database.
        Err(error) => tracing::warn!(%error, "metrics: database gauges not refreshed"),
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        shared.metrics.encode(),
    )
}

/// Runs a database call off the async workers: SQLite may wait on a lock.
async fn blocking<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, String> {
    match tokio::task::spawn_blocking(call).await {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(join) => Err(format!("database call panicked: {join}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn healthy_needs_a_database_and_a_recent_heartbeat() {
        let (code, health) = verdict(Ok(()), Some(Duration::from_secs(12)));
        assert_eq!(code, StatusCode::OK);
        assert_eq!(health.status, "ok");
        assert_eq!(health.last_heartbeat_seconds_ago, Some(12));

        let (code, health) = verdict(Ok(()), None);
        assert_eq!(code, StatusCode::SERVICE_UNAVAILABLE, "still starting");
        assert_eq!(health.status, "unhealthy");

        let stalled = STALE_AFTER + Duration::from_secs(1);
        assert_eq!(
            verdict(Ok(()), Some(stalled)).0,
            StatusCode::SERVICE_UNAVAILABLE
        );

        let (code, health) = verdict(
            Err("database: disk I/O error".to_owned()),
            Some(Duration::ZERO),
        );
        assert_eq!(code, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(health.database, "database: disk I/O error");
    }

    #[tokio::test]
    async fn serves_until_shutdown() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
        let metrics = Arc::new(Metrics::new());
        metrics.heartbeat();
        let server = StatusServer::bind("127.0.0.1:0".parse().unwrap(), metrics, store)
            .await
            .unwrap();
        let addr = server.local_addr().unwrap();
        let (stop, shutdown) = watch::channel(false);
        let serving = tokio::spawn(server.serve(shutdown));

        let client = reqwest::Client::new();
        let health = client
            .get(format!("http://{addr}/healthz"))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status(), 200);
        let text = client
            .get(format!("http://{addr}/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(text.contains("pactwatch_pending_deliveries 0\n"), "{text}");
        assert!(text.ends_with("# EOF\n"), "{text}");

        stop.send(true).unwrap();
        tokio::time::timeout(Duration::from_secs(10), serving)
            .await
            .expect("the server stops on the shutdown signal")
            .unwrap()
            .unwrap();
    }
}
