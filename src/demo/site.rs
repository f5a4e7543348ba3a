//! The demo's news site: a loopback HTTP server with a section page, an RSS
//! feed, a live story and articles, whose content moves from "day 1" to
//! "day 2" when told. It only serves the bundled pages; it never reaches out.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::oneshot;

pub const LIVE_PATH: &str = "/live/third-country-deportations";
pub const SECTION_PATH: &str = "/world/immigration";
pub const FEED_PATH: &str = "/feed.xml";

/// One page of the site as it reads on each day; `None` means not yet published.
struct Page {
    path: &'static str,
    title: &'static str,
    day_one: Option<&'static str>,
    day_two: &'static str,
}

impl Page {
    fn on(&self, day_two: bool) -> Option<&'static str> {
        if day_two {
            Some(self.day_two)
        } else {
            self.day_one
        }
    }
}

const LIVE: Page = Page {
    path: LIVE_PATH,
    title: "Live: US widens third-country deportations in Africa",
    day_one: Some(include_str!("articles/live-day1.html")),
    day_two: include_str!("articles/live-day2.html"),
};

/// The articles the section page and the feed list, newest last.
const ARTICLES: &[Page] = &[
    Page {
        path: "/news/costa-rica-panama-deportees",
        title: "Costa Rica and Panama take in deportees as US widens program",
        day_one: Some(include_str!("articles/costa-rica-panama.html")),
        day_two: include_str!("articles/costa-rica-panama.html"),
    },
    Page {
        path: "/news/el-salvador-prison-deportees",
        title: "US flies deportees to El Salvador prison under deal with Bukele",
        day_one: Some(include_str!("articles/el-salvador-prison.html")),
        day_two: include_str!("articles/el-salvador-prison.html"),
    },
    Page {
        path: "/news/rwanda-agrees-to-accept-deportees",
        title: "Rwanda agrees to accept up to 250 deportees from the United States",
        day_one: Some(include_str!("articles/rwanda-agreement.html")),
        day_two: include_str!("articles/rwanda-agreement.html"),
    },
    Page {
        path: "/news/uganda-temporary-deportation-deal",
        title: "Uganda agrees to take US deportees under temporary deal",
        day_one: None,
        day_two: include_str!("articles/uganda-deal.html"),
    },
];

/// How many distinct articles the site publishes over both days.
pub const ARTICLE_COUNT: usize = ARTICLES.len() + 1;

#[derive(Clone)]
struct Shared {
    base: String,
    day_two: Arc<AtomicBool>,
}

pub struct DemoSite {
    addr: SocketAddr,
    day_two: Arc<AtomicBool>,
    stop: Option<oneshot::Sender<()>>,
}

impl DemoSite {
    /// Starts serving day 1 on a free loopback port.
    pub async fn start() -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let day_two = Arc::new(AtomicBool::new(false));
        let app = Router::new().fallback(page).with_state(Shared {
            base: format!("http://{addr}"),
            day_two: day_two.clone(),
        });
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let serving = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(error) = serving.await {
                tracing::warn!(%error, "demo site stopped");
            }
        });
        Ok(Self {
            addr,
            day_two,
            stop: Some(stop),
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The next morning: the live story is updated and a new article is listed.
    pub fn advance_to_day_two(&self) {
        self.day_two.store(true, Ordering::SeqCst);
    }
}

impl Drop for DemoSite {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn page(State(shared): State<Shared>, uri: Uri) -> Response {
    let day_two = shared.day_two.load(Ordering::SeqCst);
    let published: Vec<&Page> = ARTICLES
        .iter()
        .filter(|p| p.on(day_two).is_some())
        .collect();
    match uri.path() {
        "/robots.txt" => text("text/plain", "User-agent: *\nAllow: /\n".to_owned()),
        SECTION_PATH => text("text/html; charset=utf-8", section(&published)),
        FEED_PATH => text("application/rss+xml", feed(&shared.base, &published)),
        path => match std::iter::once(&LIVE)
            .chain(ARTICLES)
            .find(|p| p.path == path)
            .and_then(|p| p.on(day_two))
        {
            Some(html) => text("text/html; charset=utf-8", html.to_owned()),
            None => (StatusCode::NOT_FOUND, "not found").into_response(),
        },
    }
}

fn text(content_type: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// The section page: newest first, with the navigation a real one has.
fn section(articles: &[&Page]) -> String {
    let items: String = articles
        .iter()
        .rev()
        .map(|p| format!("<li><a href=\"{}\">{}</a></li>\n", p.path, p.title))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Immigration | Demo Wire</title></head>\n\
         <body><header><a href=\"/\">Demo Wire</a> <a href=\"{LIVE_PATH}\">{live}</a></header>\n\
         <main><h1>Immigration</h1><ul>\n{items}</ul></main></body></html>\n",
        live = LIVE.title
    )
}

fn feed(base: &str, articles: &[&Page]) -> String {
    let items: String = articles
        .iter()
        .rev()
        .map(|p| {
            format!(
                "<item><title>{}</title><link>{base}{}</link></item>\n",
                p.title, p.path
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Demo Wire: Immigration</title><link>{base}{SECTION_PATH}</link>\
         <description>Fictional wire copy for the pactwatch demo</description>\n{items}</channel></rss>\n"
    )
}
