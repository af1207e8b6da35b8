//! Tera set-up: the theme's templates, auto-escaping on, and the few filters
//! the templates need. A template error names the template file and line.
//!
//! Tera renders by plain recursion and has no limits of its own, so a theme
//! can abort the process or stall it. Two guards stand in front of it:
//! - before any rendering, the parsed templates are walked for loops of
//!   includes and macro calls (a macro calling itself, a template including
//!   itself, directly or around a cycle): each is an error naming the
//!   template, the line and the loop, instead of a stack overflow;
//! - each page renders under a [`Budget`]: at most [`PAGE_BYTES`] of output
//!   and [`PAGE_TIME`] of time (checked at every write and every `range`),
//!   and `range` is capped in what it makes per call and per page, so a
//!   `range(end=200000000)` is an error naming the template and the page, not
//!   gigabytes of memory.

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::theme::Theme;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error as _;
use std::time::{Duration, Instant};
use tera::ast::{Expr, ExprVal, Node};
use tera::{Context, Tera, Value};

/// Most bytes one page may render to.
pub(crate) const PAGE_BYTES: usize = 64 * 1024 * 1024;
/// Longest time one page may take to render.
pub(crate) const PAGE_TIME: Duration = Duration::from_secs(20);
/// Most values one `range` call may make.
pub(crate) const RANGE_CALL: usize = 1_000_000;
/// Most values all `range` calls of one page may make together.
pub(crate) const RANGE_PAGE: usize = 10_000_000;

/// Compiles every template of the theme.
pub(crate) fn compile(theme: &Theme, theme_path: &std::path::Path) -> Result<Tera, Diagnostic> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    let templates: Vec<(&str, &str)> = theme.templates.iter().map(|(n, s)| (n.as_str(), s.as_str())).collect();
    tera.add_raw_templates(templates).map_err(|e| {
        let message = chain(&e);
        let d = match parse_error_place(&message) {
            Some((name, line, column)) if theme.templates.contains_key(name) => {
                let source = &theme.templates[name];
                Diagnostic::error(
                    theme_path.join("templates").join(name),
                    msg!("tpl-compile", detail = message.as_str()),
                )
                .at(source, line, column)
            }
            _ => Diagnostic::error(theme_path.join("templates"), msg!("tpl-compile", detail = message.as_str())),
        };
        d.hint(msg!("tpl-compile-hint"))
    })?;
    if let Some(d) = recursion(&tera, theme, theme_path) {
        return Err(d);
    }
    tera.register_function("range", capped_range);
    Ok(tera)
}

/// A node of the call graph: a template rendered whole, or a macro of a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Call {
    Template(String),
    Macro(String, String),
}

impl Call {
    fn describe(&self) -> String {
        match self {
            Call::Template(t) => t.clone(),
            Call::Macro(file, name) => format!("{file}: macro {name}"),
        }
    }

    fn file(&self) -> &str {
        match self {
            Call::Template(t) | Call::Macro(t, _) => t,
        }
    }
}

/// The first loop of includes, extends and macro calls among the compiled
/// templates, as an error naming its first template, line and the loop.
fn recursion(tera: &Tera, theme: &Theme, theme_path: &std::path::Path) -> Option<Diagnostic> {
    let graph = call_graph(tera);
    let cycle = find_cycle(&graph)?;
    let first = &cycle[0];
    let next = cycle.get(1).unwrap_or(first);
    let path: Vec<String> = cycle.iter().chain(std::iter::once(first)).map(Call::describe).collect();
    let message = msg!("tpl-recursion", path = path.join(" → "));
    let file = first.file().to_owned();
    let mut d = Diagnostic::error(theme_path.join("templates").join(&file), message);
    if let Some(source) = theme.templates.get(&file) {
        if let Some((line, column)) = call_place(source, next) {
            d = d.at(source, line, column);
        }
    }
    Some(d.hint(msg!("tpl-recursion-hint")))
}

/// The line and column of `source` (1-based) where it calls `target`, when
/// they can be found (Tera keeps no places in its syntax tree).
fn call_place(source: &str, target: &Call) -> Option<(usize, usize)> {
    let needle = match target {
        Call::Template(t) => format!("\"{t}\""),
        Call::Macro(_, name) => format!("::{name}("),
    };
    let tagged = |l: &str| l.contains("{{") || l.contains("{%");
    let found = source.lines().enumerate().find(|(_, l)| l.contains(&needle) && tagged(l));
    let (i, line) = found.or_else(|| source.lines().enumerate().find(|(_, l)| l.contains(&needle)))?;
    let column = line[..line.find(&needle)?].chars().count() + 1;
    Some((i + 1, column))
}

/// Who calls whom: each template calls what it includes, extends and the
/// macros its own body calls; each macro what its body includes and calls.
fn call_graph(tera: &Tera) -> BTreeMap<Call, BTreeSet<Call>> {
    let mut graph: BTreeMap<Call, BTreeSet<Call>> = BTreeMap::new();
    for (name, t) in &tera.templates {
        // A child template may call the macros its parents import.
        let lineage = t.parents.iter().rev().filter_map(|p| tera.templates.get(p)).chain([t]);
        let namespaces: HashMap<&str, &str> = lineage
            .flat_map(|t| t.imported_macro_files.iter().map(|(file, ns)| (ns.as_str(), file.as_str())))
            .collect();
        let mut out = BTreeSet::new();
        if let Some(parent) = &t.parent {
            out.insert(Call::Template(parent.clone()));
        }
        nodes(&t.ast, name, &namespaces, &mut out);
        graph.insert(Call::Template(name.clone()), out);
        for (m, def) in &t.macros {
            let mut out = BTreeSet::new();
            nodes(&def.body, name, &namespaces, &mut out);
            graph.insert(Call::Macro(name.clone(), m.clone()), out);
        }
    }
    graph
}

fn nodes(body: &[Node], file: &str, ns: &HashMap<&str, &str>, out: &mut BTreeSet<Call>) {
    for node in body {
        match node {
            Node::VariableBlock(_, e) => expr(e, file, ns, out),
            Node::Include(_, names, _) => out.extend(names.iter().map(|n| Call::Template(n.clone()))),
            Node::Set(_, set) => expr(&set.value, file, ns, out),
            Node::FilterSection(_, f, _) => {
                f.filter.args.values().for_each(|e| expr(e, file, ns, out));
                nodes(&f.body, file, ns, out);
            }
            Node::Block(_, b, _) => nodes(&b.body, file, ns, out),
            Node::Forloop(_, f, _) => {
                expr(&f.container, file, ns, out);
                nodes(&f.body, file, ns, out);
                if let Some(empty) = &f.empty_body {
                    nodes(empty, file, ns, out);
                }
            }
            Node::If(i, _) => {
                for (_, cond, body) in &i.conditions {
                    expr(cond, file, ns, out);
                    nodes(body, file, ns, out);
                }
                if let Some((_, body)) = &i.otherwise {
                    nodes(body, file, ns, out);
                }
            }
            // Macro bodies are nodes of their own; the rest calls nothing.
            _ => {}
        }
    }
}

fn expr(e: &Expr, file: &str, ns: &HashMap<&str, &str>, out: &mut BTreeSet<Call>) {
    for f in &e.filters {
        f.args.values().for_each(|a| expr(a, file, ns, out));
    }
    value(&e.val, file, ns, out);
}

fn value(v: &ExprVal, file: &str, ns: &HashMap<&str, &str>, out: &mut BTreeSet<Call>) {
    match v {
        ExprVal::Math(m) => [&m.lhs, &m.rhs].into_iter().for_each(|e| expr(e, file, ns, out)),
        ExprVal::Logic(l) => [&l.lhs, &l.rhs].into_iter().for_each(|e| expr(e, file, ns, out)),
        ExprVal::In(i) => [&i.lhs, &i.rhs].into_iter().for_each(|e| expr(e, file, ns, out)),
        ExprVal::Test(t) => t.args.iter().for_each(|e| expr(e, file, ns, out)),
        ExprVal::FunctionCall(f) => f.args.values().for_each(|e| expr(e, file, ns, out)),
        ExprVal::Array(items) => items.iter().for_each(|e| expr(e, file, ns, out)),
        ExprVal::StringConcat(c) => c.values.iter().for_each(|v| value(v, file, ns, out)),
        ExprVal::MacroCall(call) => {
            call.args.values().for_each(|e| expr(e, file, ns, out));
            let target = if call.namespace == "self" { Some(file) } else { ns.get(call.namespace.as_str()).copied() };
            if let Some(target) = target {
                out.insert(Call::Macro(target.to_owned(), call.name.clone()));
            }
        }
        _ => {}
    }
}

/// A cycle of `graph` (its nodes in call order), found by depth-first search.
fn find_cycle(graph: &BTreeMap<Call, BTreeSet<Call>>) -> Option<Vec<Call>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<&Call, Mark> = BTreeMap::new();
    for start in graph.keys() {
        if marks.contains_key(&start) {
            continue;
        }
        // An explicit stack: (node, its callees still to visit), so that a
        // deep chain of templates cannot overflow this walk either.
        let mut stack: Vec<(&Call, Vec<&Call>)> = vec![(start, graph[start].iter().rev().collect())];
        marks.insert(start, Mark::Open);
        while let Some((node, todo)) = stack.last_mut() {
            let node = *node;
            match todo.pop() {
                Some(next) => match marks.get(&next) {
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|(n, _)| *n == next).unwrap_or(0);
                        return Some(stack[from..].iter().map(|(n, _)| (*n).clone()).collect());
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(next, Mark::Open);
                        let callees = graph.get(next).map(|c| c.iter().rev().collect()).unwrap_or_default();
                        stack.push((next, callees));
                    }
                },
                None => {
                    marks.insert(node, Mark::Done);
                    stack.pop();
                }
            }
        }
    }
    None
}

/// What one page may still spend while it renders (per thread: a page
/// renders on one thread from start to end).
struct Budget {
    deadline: Instant,
    range_left: usize,
    /// Why the page was stopped, when it was.
    stopped: Option<String>,
}

thread_local! {
    static BUDGET: RefCell<Option<Budget>> = const { RefCell::new(None) };
}

/// Records why the page is stopped and returns the message.
fn stop(why: String) -> String {
    BUDGET.with(|b| {
        if let Some(b) = b.borrow_mut().as_mut() {
            b.stopped.get_or_insert(why.clone());
        }
    });
    why
}

fn check_time() -> Result<(), String> {
    let late = BUDGET.with(|b| b.borrow().as_ref().is_some_and(|b| Instant::now() > b.deadline));
    if late {
        return Err(stop(crate::t!("tpl-why-time", limit = PAGE_TIME.as_secs())));
    }
    Ok(())
}

/// Tera's `range` (same arguments), refusing to make more than
/// [`RANGE_CALL`] values at once or [`RANGE_PAGE`] in one page.
fn capped_range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let number = |key: &str, default: Option<u64>| -> tera::Result<u64> {
        match args.get(key) {
            Some(v) => v.as_u64().ok_or_else(|| {
                tera::Error::msg(format!(
                    "Function `range` received {key}={v} but `{key}` can only be a whole number ≥ 0"
                ))
            }),
            None => default.ok_or_else(|| tera::Error::msg("Function `range` was called without a `end` argument")),
        }
    };
    let start = number("start", Some(0))?;
    let end = number("end", None)?;
    let step = number("step_by", Some(1))?.max(1);
    if start > end {
        return Err(tera::Error::msg("Function `range` was called with a `start` argument greater than the `end` one"));
    }
    check_time().map_err(tera::Error::msg)?;
    let count = usize::try_from((end - start).div_ceil(step)).unwrap_or(usize::MAX);
    if count > RANGE_CALL {
        return Err(tera::Error::msg(stop(format!(
            "range(start={start}, end={end}) would make {count} values, more than the {RANGE_CALL} allowed in one call"
        ))));
    }
    let over = BUDGET.with(|b| match b.borrow_mut().as_mut() {
        Some(b) if b.range_left < count => true,
        Some(b) => {
            b.range_left -= count;
            false
        }
        None => false,
    });
    if over {
        return Err(tera::Error::msg(stop(format!(
            "its range() calls would make more than the {RANGE_PAGE} values allowed in one page"
        ))));
    }
    Ok(Value::from((start..end).step_by(step as usize).collect::<Vec<u64>>()))
}

/// The output of one page, refusing to grow past [`PAGE_BYTES`] or to take
/// longer than [`PAGE_TIME`].
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        check_time().map_err(std::io::Error::other)?;
        if self.0.len() + buf.len() > PAGE_BYTES {
            let why = stop(crate::t!("tpl-why-output", limit = PAGE_BYTES / (1024 * 1024)));
            return Err(std::io::Error::other(why));
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One entry of [`RENDERING`].
type RenderingPage = (std::thread::ThreadId, Instant, String, String, u64);

/// Pages rendering now: (thread, started, template, page). The budget above
/// is checked only when a page calls `range` or writes; a loop that does
/// neither (nested `for` over lists, 50⁶ turns) is seen from outside by
/// [`overdue`], which `thidua build` watches.
static RENDERING: std::sync::Mutex<Vec<RenderingPage>> = std::sync::Mutex::new(Vec::new());

fn rendering() -> std::sync::MutexGuard<'static, Vec<RenderingPage>> {
    RENDERING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes this thread's page from [`RENDERING`] when its render ends, however it ends.
struct Rendering;

impl Drop for Rendering {
    fn drop(&mut self) {
        let me = std::thread::current().id();
        rendering().retain(|(t, ..)| *t != me);
    }
}

/// A page that has been rendering for longer than [`PAGE_TIME`] plus `grace`,
/// as the error to report: the template cannot be stopped from inside, so the
/// caller stops the process.
pub(crate) fn overdue(grace: Duration) -> Option<Diagnostic> {
    let now = Instant::now();
    let guard = rendering();
    let (_, started, template, page, _) = guard.iter().find(|(_, started, ..)| now - *started > PAGE_TIME + grace)?;
    Some(
        Diagnostic::error(
            format!("templates/{template}"),
            msg!(
                "tpl-overdue",
                page = page.as_str(),
                limit = PAGE_TIME.as_secs(),
                elapsed = (now - *started).as_secs()
            ),
        )
        .hint(msg!("tpl-overdue-hint")),
    )
}

/// The process's resident memory as last sampled by [`memory_overrun`]
/// (0 before the first sample), kept so that starting a page costs no system call.
static RESIDENT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Most memory one page may add while it renders, unless the environment
/// variable `THIDUA_PAGE_MEMORY` (bytes) sets another (the tests set a small one).
pub(crate) const PAGE_MEMORY: u64 = 2 << 30;

/// The process's resident memory in bytes (Linux; `None` elsewhere).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Samples the process's memory, and returns the error to report when it has
/// grown by more than the page memory budget since a page now rendering began:
/// a template that builds a huge value (`{% set_global s = s ~ s %}` in a loop)
/// allocates inside the template engine, where no budget can see it, and would
/// otherwise end with the system killing the process without a word. Memory
/// is shared by every thread, so the page named is the one that has been
/// rendering longest since before the growth; pages take milliseconds, so a
/// page still rendering while gigabytes appear is the one that made them.
pub(crate) fn memory_overrun() -> Option<Diagnostic> {
    let now = resident_bytes()?;
    RESIDENT.store(now, std::sync::atomic::Ordering::Relaxed);
    let budget = std::env::var("THIDUA_PAGE_MEMORY").ok().and_then(|v| v.parse().ok()).unwrap_or(PAGE_MEMORY);
    let guard = rendering();
    let (_, _, template, page, at_start) =
        guard.iter().filter(|e| e.4 > 0 && now > e.4 + budget).min_by_key(|e| e.1)?;
    Some(
        Diagnostic::error(
            format!("templates/{template}"),
            msg!("tpl-memory", page = page.as_str(), budget = budget >> 20, start = at_start >> 20, now = now >> 20),
        )
        .hint(msg!("tpl-memory-hint")),
    )
}

/// Renders `template` for the output file `page` within the page budget; an
/// error names the template and the page (and the budget, when it ran out).
pub(crate) fn render(tera: &Tera, template: &str, ctx: &Context, page: &str) -> Result<String, Diagnostic> {
    let resident = match RESIDENT.load(std::sync::atomic::Ordering::Relaxed) {
        0 => resident_bytes().unwrap_or(0),
        sampled => sampled,
    };
    rendering().push((std::thread::current().id(), Instant::now(), template.to_owned(), page.to_owned(), resident));
    let _rendering = Rendering;
    let budget = Budget { deadline: Instant::now() + PAGE_TIME, range_left: RANGE_PAGE, stopped: None };
    BUDGET.with(|b| *b.borrow_mut() = Some(budget));
    let mut out = Capped(Vec::with_capacity(16 * 1024));
    let result = tera.render_to(template, ctx, &mut out);
    let stopped = BUDGET.with(|b| b.borrow_mut().take()).and_then(|b| b.stopped);
    let path = format!("templates/{template}");
    match (result, stopped) {
        (Ok(()), _) => String::from_utf8(out.0)
            .map_err(|_| Diagnostic::error(path, msg!("tpl-not-utf8", page = page)).hint(msg!("tpl-not-utf8-hint"))),
        (Err(_), Some(why)) => {
            Err(Diagnostic::error(path, msg!("tpl-stopped", page = page, why = why)).hint(msg!("tpl-stopped-hint")))
        }
        (Err(e), None) => {
            Err(Diagnostic::error(path, msg!("tpl-failed", page = page, detail = chain(&e)))
                .hint(msg!("tpl-failed-hint")))
        }
    }
}

/// The template, line and column of a Tera syntax error: Tera reports them only
/// in its message, as `Failed to parse 'base.html':  --> 6:14`.
fn parse_error_place(message: &str) -> Option<(&str, usize, usize)> {
    let rest = message.split_once("Failed to parse '")?.1;
    let (name, rest) = rest.split_once('\'')?;
    let place = rest.split_once("--> ")?.1;
    let (line, rest) = place.split_once(':')?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((name, line.trim().parse().ok()?, column.parse().ok()?))
}

/// A Tera error with its causes, on one line.
pub(crate) fn chain(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// Auto-escaping for HTML text and quoted attribute values: `&`, `<`, `>`, `"`
/// and `'` become entities. Tera's own escaper also turns `/` into `&#x2F;`,
/// which no HTML context needs (every attribute the templates write is quoted)
/// and which costs bytes on every link and makes view-source unreadable.
fn escape_html(input: &str) -> String {
    crate::content::markdown::escape(input)
}

#[cfg(test)]
mod escape_tests {
    use super::escape_html;

    #[test]
    fn urls_keep_their_slashes_and_markup_is_escaped() {
        assert_eq!(escape_html("/css/site.css"), "/css/site.css");
        assert_eq!(escape_html("/tim-kiem/?q=a&b=\"c\""), "/tim-kiem/?q=a&amp;b=&quot;c&quot;");
        assert_eq!(escape_html("<script>'x'</script>"), "&lt;script&gt;&#39;x&#39;&lt;/script&gt;");
    }
}
