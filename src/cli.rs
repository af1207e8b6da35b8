//! Command-line interface (clap derive). Each subcommand's arguments live here;
//! `cmd/` turns them into library calls.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Static site generator for the portal of a provincial Ban Dân tộc.
#[derive(Debug, Parser)]
#[command(name = "thidua", version, about)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the site into the output folder.
    Build(BuildArgs),
    /// Load and validate everything; write nothing.
    Check(CheckArgs),
    /// Search the index that the last build wrote.
    Search(SearchArgs),
    /// Turn official documents (.docx, .pdf, .txt, .md, or folders of them) into van-ban records.
    Import(ImportArgs),
    /// Write a new record with commented front matter.
    New(NewArgs),
    /// Build into memory, serve on 127.0.0.1, rebuild and reload on every change.
    Serve(ServeArgs),
}

/// Arguments of `thidua serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub(crate) port: u16,
    /// Address to listen on; only loopback unless you ask for another.
    #[arg(long, default_value = "127.0.0.1")]
    pub(crate) interface: std::net::IpAddr,
    /// Include records marked draft = true (the default; kept for old scripts).
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Include records dated after today (the default; kept for old scripts).
    #[arg(long)]
    pub(crate) future: bool,
    /// Show only what `build` publishes: no drafts, nothing dated after today.
    #[arg(long = "published-only", alias = "chi-ban-dang")]
    pub(crate) published_only: bool,
}

/// The kinds `thidua new` can create, by their section names or English names.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum NewKind {
    /// Phong trào (phong-trao/).
    #[value(name = "phong-trao", alias = "campaign")]
    Campaign,
    /// Điển hình (dien-hinh/).
    #[value(name = "dien-hinh", alias = "person")]
    Person,
    /// Tin tức (tin-tuc/).
    #[value(name = "tin-tuc", alias = "news", alias = "tin")]
    News,
    /// Văn bản (van-ban/).
    #[value(name = "van-ban", alias = "document")]
    Document,
    /// Trang (content/).
    #[value(name = "trang", alias = "page")]
    Page,
}

/// Arguments of `thidua new`.
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// What to create.
    #[arg(value_enum)]
    pub(crate) kind: NewKind,
    /// The title, with diacritics; the file name is folded from it.
    pub(crate) title: String,
    /// Make a folder record (<slug>/index.md) that keeps photos and files beside it.
    #[arg(long = "thu-muc", alias = "folder")]
    pub(crate) folder: bool,
}

/// Arguments of `thidua build`.
#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// The site folder (holds config.toml and content/).
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Where to write the site (default: <root>/public).
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// Override [site] base_url, e.g. http://localhost:8000/portal/.
    #[arg(long)]
    pub(crate) base_url: Option<String>,
    /// Include records marked draft = true.
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Include records dated after today.
    #[arg(long)]
    pub(crate) future: bool,
}

/// Arguments of `thidua check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Include records marked draft = true.
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Include records dated after today.
    #[arg(long)]
    pub(crate) future: bool,
    /// Also check external links (http/https) by asking their servers; needs a network.
    #[arg(long)]
    pub(crate) external: bool,
    /// Print the diagnostics as JSON (each with its message identifier `id`).
    #[arg(long)]
    pub(crate) json: bool,
}

/// Arguments of `thidua search`.
#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// The output folder the last build wrote (default: <root>/public).
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// Maximum number of hits.
    #[arg(long, default_value_t = 10)]
    pub(crate) limit: usize,
    /// Print hits as a JSON array.
    #[arg(long)]
    pub(crate) json: bool,
    /// Only this kind: campaign, person, news, document, page.
    #[arg(long)]
    pub(crate) kind: Option<String>,
    /// Only records of this campaign (slug).
    #[arg(long)]
    pub(crate) campaign: Option<String>,
    /// Only this ethnicity (any spelling).
    #[arg(long)]
    pub(crate) ethnicity: Option<String>,
    /// Only this district.
    #[arg(long)]
    pub(crate) district: Option<String>,
    /// Only this year.
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// The query, as a reader would type it.
    #[arg(required = true, num_args = 1..)]
    pub(crate) query: Vec<String>,
}

/// Arguments of `thidua import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Add the records to this campaign (a slug of content/phong-trao/).
    #[arg(long)]
    pub(crate) campaign: Option<String>,
    /// Show what would be written and the report; write no record.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Also write the report (file, kind, number, date, signer, title, warnings) as CSV to this file.
    #[arg(long, value_name = "FILE")]
    pub(crate) report: Option<PathBuf>,
    /// The documents to import, or folders to import every document in (recursively).
    #[arg(required = true, num_args = 1..)]
    pub(crate) files: Vec<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;
    use thidua::i18n::{self, cli::arg_help_id};

    /// Every subcommand and every argument has its help in the catalogue, so
    /// no English help text from the doc comments above reaches `--help`.
    #[test]
    fn every_subcommand_and_argument_has_catalogue_help() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = sub.get_name();
            if !i18n::has(&format!("help-{name}")) {
                missing.push(format!("help-{name}"));
            }
            for arg in sub.get_arguments() {
                let id = arg_help_id(name, arg.get_id().as_str());
                if !i18n::has(&id) {
                    missing.push(id);
                }
            }
        }
        assert!(missing.is_empty(), "no catalogue help for: {missing:?}");
    }
}
