//! `thidua serve`: build into memory, serve on loopback, watch the inputs,
//! rebuild what changed, and tell open tabs to reload.
//!
//! One thread owns rebuilding (events arrive from the watcher in order); the
//! HTTP threads only read the file map the last rebuild published, under a
//! lock of their own that a rebuild never holds while it works. Each rebuild bumps a
//! generation counter; live-reload streams wait on it. A failed rebuild keeps
//! the last good files and publishes its diagnostics for the overlay.

pub(crate) mod http;
pub mod state;
pub(crate) mod watch;

use crate::build::BuildOptions;
use crate::output::Content;
use crate::pipeline::trace;
use state::{Served, State};
use std::net::SocketAddr;
use std::sync::{mpsc, Arc, Condvar, Mutex, MutexGuard, RwLock};
use std::time::{Duration, Instant};
use watch::Change;

/// What `serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The build options (root, drafts, future); the base URL is set to the server's address.
    pub build: BuildOptions,
    /// Address to listen on.
    pub addr: SocketAddr,
}

/// Why serving could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The port is taken or the address is not local.
    #[error("{}", crate::t!("serve-listen-failed", addr = addr.to_string(), error = message.as_str()))]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        message: String,
    },
    /// The watcher could not start.
    #[error("{}", crate::t!("serve-watch-failed", error = .0.as_str()))]
    Watch(String),
}

/// State shared by the rebuild loop and the HTTP threads.
pub(crate) struct Shared {
    state: Mutex<State>,
    /// What requests are answered from; replaced whole after each rebuild.
    served: RwLock<Served>,
    /// The editor (`/__thidua/editor/`), when serve listens on loopback.
    pub(crate) editor: Option<crate::editor::Editor>,
    generation: Mutex<(u64, bool)>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The site as last published (never waits for a rebuild).
    fn served(&self) -> Served {
        self.served.read().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// Publishes what `state` holds now to the HTTP threads.
    fn publish(&self, state: &State) {
        let served = state.served();
        *self.served.write().unwrap_or_else(std::sync::PoisonError::into_inner) = served;
    }

    /// The content of an output file.
    pub(crate) fn file(&self, rel: &str) -> Option<Arc<Content>> {
        self.served().files.get(rel).cloned()
    }

    /// True when the last rebuild failed.
    pub(crate) fn has_errors(&self) -> bool {
        !self.served().errors.is_empty()
    }

    /// The current diagnostics as JSON: `[{"text": "..."}]`.
    pub(crate) fn errors_json(&self) -> String {
        let items: Vec<serde_json::Value> =
            self.served().errors.iter().map(|d| serde_json::json!({ "text": d.to_string() })).collect();
        serde_json::Value::Array(items).to_string()
    }

    /// The current generation.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.lock().unwrap_or_else(std::sync::PoisonError::into_inner).0
    }

    /// Waits until the generation differs from `seen` or `timeout` passes;
    /// returns the generation and whether its rebuild failed.
    pub(crate) fn wait_change(&self, seen: u64, timeout: Duration) -> (u64, bool) {
        let guard = self.generation.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |g| g.0 == seen)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard
    }

    fn bump(&self, failed: bool) {
        let mut g = self.generation.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *g = (g.0 + 1, failed);
        self.changed.notify_all();
    }
}

/// Prints a rebuild's diagnostics and one line about it; `first` for the first build.
fn report(first: bool, outcome: &state::Outcome) {
    for d in outcome.errors.iter().chain(&outcome.warnings) {
        eprintln!("{d}");
    }
    let ms = outcome.elapsed.as_millis().to_string();
    if outcome.errors.is_empty() {
        let id = if first { "serve-built" } else { "serve-rebuilt" };
        println!("{}", crate::t!(id, files = outcome.rendered, ms = ms));
    } else {
        println!("{}", crate::t!("serve-failed", errors = outcome.errors.len()));
    }
}

/// Builds, serves and watches until the process is stopped.
pub fn serve(opts: ServeOptions) -> Result<(), ServeError> {
    let server = http::bind(opts.addr).map_err(|e| ServeError::Listen { addr: opts.addr, message: e.to_string() })?;
    let addr = server.local_addr().unwrap_or(opts.addr);
    let mut build = opts.build.clone();
    build.overrides.base_url = Some(format!("http://{addr}/"));
    let mut state = State::new(build.clone());
    let first = state.rebuild_all();
    report(true, &first);
    let editor = crate::editor::Editor::new(&build.root, addr);
    let shared = Arc::new(Shared {
        served: RwLock::new(state.served()),
        state: Mutex::new(state),
        editor,
        generation: Mutex::new((0, !first.errors.is_empty())),
        changed: Condvar::new(),
    });

    let (tx, rx) = mpsc::channel();
    let _watcher = watch::start(&build.root, tx).map_err(|e| ServeError::Watch(e.to_string()))?;
    let http_shared = shared.clone();
    std::thread::spawn(move || http::run(server, http_shared));
    let (index_tx, index_rx) = mpsc::channel();
    let index_shared = shared.clone();
    std::thread::spawn(move || reindex_loop(&index_rx, &index_shared));
    println!("{}", crate::t!("serve-listening", addr = addr.to_string()));
    match &shared.editor {
        Some(editor) => {
            println!("{}", editor.notice());
            println!("{}", editor.address());
        }
        None => println!("{}", crate::t!("serve-editor-needs-password", addr = addr.to_string())),
    }
    rebuild_loop(&rx, &shared, &index_tx);
    Ok(())
}

/// Rebuilds the search index in the background after content changes, so a
/// reload never waits for it; bursts of changes make one rebuild.
fn reindex_loop(rx: &mpsc::Receiver<()>, shared: &Shared) {
    while rx.recv().is_ok() {
        std::thread::sleep(Duration::from_millis(300));
        while rx.try_recv().is_ok() {}
        let started = Instant::now();
        let (glossary, dir) = match shared.lock().search_setup() {
            Ok(Some(setup)) => setup,
            Ok(None) => continue,
            Err(ds) => {
                ds.iter().for_each(|d| eprintln!("{d}"));
                continue;
            }
        };
        let docs = search_docs(shared);
        trace("search documents taken", started);
        // Built on a thread of the lowest priority (tantivy's threads inherit
        // it), so that the next edit's rebuild gets the CPU first.
        let built = std::thread::scope(|s| {
            s.spawn(|| {
                lower_priority();
                crate::search::build(docs, &glossary, &dir)
            })
            .join()
        });
        let Ok(built) = built else {
            eprintln!("serve: {}", crate::t!("serve-search-panicked"));
            continue;
        };
        let export = match built {
            Ok(e) => e,
            Err(e) => {
                eprintln!("serve: {}", crate::t!("search-failed", detail = e.to_string()));
                continue;
            }
        };
        let applied = {
            let mut state = shared.lock();
            let applied = state.apply_search(export);
            shared.publish(&state);
            applied
        };
        match applied {
            Ok(()) => println!("{}", crate::t!("serve-search-updated", ms = started.elapsed().as_millis().to_string())),
            Err(ds) => ds.iter().for_each(|d| eprintln!("{d}")),
        }
    }
}

/// The search documents of every record, taken a slice at a time so that the
/// state is never held for long (at 10,000 records, all at once held it long
/// enough to delay the next edit's rebuild); started again if the model
/// changed in between.
fn search_docs(shared: &Shared) -> Vec<crate::search::SearchDoc> {
    const SLICE: usize = 250;
    'again: loop {
        let mut docs = Vec::new();
        let mut version = None;
        loop {
            let state = shared.lock();
            if version.is_some_and(|v| v != state.version()) {
                continue 'again;
            }
            version = Some(state.version());
            if docs.len() >= state.record_count() {
                return docs;
            }
            docs.extend(state.search_docs(docs.len(), SLICE));
        }
    }
}

/// Gives the calling thread, and the threads it starts, the lowest CPU priority.
#[cfg(target_os = "linux")]
fn lower_priority() {
    // SAFETY: setpriority only reads its integer arguments; on Linux, `who = 0`
    // with PRIO_PROCESS names the calling thread.
    let failed = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 19) } != 0;
    if failed {
        eprintln!("serve: {}", crate::t!("serve-no-low-priority"));
    }
}

/// Gives the calling thread the lowest CPU priority (only on Linux).
#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

fn rebuild_loop(rx: &mpsc::Receiver<Change>, shared: &Shared, index_tx: &mpsc::Sender<()>) {
    while let Ok(mut change) = rx.recv() {
        // Merge what queued up meanwhile into one rebuild.
        while let Ok(more) = rx.try_recv() {
            change = merge(change, more);
        }
        let outcome_started = Instant::now();
        let outcome = {
            let mut state = shared.lock();
            trace("locked", outcome_started);
            let outcome = match &change {
                Change::Full => state.rebuild_all(),
                Change::Content(paths) => state.rebuild_content(paths),
            };
            shared.publish(&state);
            outcome
        };
        shared.bump(!outcome.errors.is_empty());
        trace("bumped", outcome_started);
        // Freed after the reload went out: dropping thousands of records is slow.
        let retired = shared.lock().take_retired();
        drop(retired);
        report(false, &outcome);
        if outcome.errors.is_empty() && matches!(change, Change::Content(_)) && index_tx.send(()).is_err() {
            eprintln!("serve: {}", crate::t!("serve-reindexer-stopped"));
        }
    }
}

fn merge(a: Change, b: Change) -> Change {
    match (a, b) {
        (Change::Content(mut x), Change::Content(y)) => {
            x.extend(y);
            x.sort();
            x.dedup();
            Change::Content(x)
        }
        _ => Change::Full,
    }
}
