//! Command help from the catalogue: after clap has built the command from
//! `cli.rs`, every subcommand's `about` and every argument's help whose
//! identifier (`help-<subcommand>` / `help-<subcommand>-<argument>`) the
//! catalogue has is replaced by the catalogue's text, so `thidua --help` is
//! Vietnamese by default and English with `THIDUA_LANG=en`.

use super::{tr_in, Lang};

fn lookup(lang: Lang, id: &str) -> Option<String> {
    let text = tr_in(lang, id, &[]);
    (text != id).then_some(text)
}

/// `cmd` with its help texts taken from the catalogue of `lang`.
pub fn localize(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    if let Some(about) = lookup(lang, "help-about") {
        cmd = cmd.about(about);
    }
    let heading = |id: &str| tr_in(lang, id, &[]);
    let top = format!(
        "{{about}}\n\n{}: {{usage}}\n\n{}:\n{{subcommands}}\n\n{}:\n{{options}}\n",
        heading("help-usage"),
        heading("help-commands"),
        heading("help-options")
    );
    let sub_template = format!(
        "{{about}}\n\n{}: {{usage}}\n\n{}:\n{{positionals}}\n\n{}:\n{{options}}\n",
        heading("help-usage"),
        heading("help-arguments"),
        heading("help-options")
    );
    let sub_template_no_pos =
        format!("{{about}}\n\n{}: {{usage}}\n\n{}:\n{{options}}\n", heading("help-usage"), heading("help-options"));
    cmd = cmd.help_template(top);
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |mut s| {
            if let Some(about) = lookup(lang, &format!("help-{sub}")) {
                s = s.about(about);
            }
            let positional = s.get_arguments().any(|a| a.is_positional());
            s = s.help_template(if positional { sub_template.clone() } else { sub_template_no_pos.clone() });
            let args: Vec<String> = s.get_arguments().map(|a| a.get_id().to_string()).collect();
            for arg in args {
                if let Some(help) = lookup(lang, &arg_help_id(&sub, &arg)) {
                    s = s.mut_arg(&arg, |a| a.help(help));
                }
            }
            s
        });
    }
    // clap's own -h and -V, and its `help` subcommand, speak English: the
    // flags are replaced by the same flags with the catalogue's help, and
    // the subcommand is left out (`thidua <lệnh> --help` does its work).
    let help_flag = || {
        clap::Arg::new("help").short('h').long("help").action(clap::ArgAction::Help).help(tr_in(
            lang,
            "help-flag-help",
            &[],
        ))
    };
    cmd = cmd.disable_help_subcommand(true).disable_help_flag(true).arg(help_flag());
    if cmd.get_version().is_some() {
        let version = clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(tr_in(lang, "help-flag-version", &[]));
        cmd = cmd.disable_version_flag(true).arg(version);
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| s.disable_help_flag(true).arg(help_flag()));
    }
    cmd
}

/// The catalogue identifier of the help of argument `arg` of subcommand `sub`:
/// `help-flag-help` for clap's own `--help`, else `help-<sub>-<arg>`.
pub fn arg_help_id(sub: &str, arg: &str) -> String {
    match arg {
        "help" | "version" => format!("help-flag-{arg}"),
        _ => format!("help-{sub}-{}", arg.replace('_', "-")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    #[test]
    fn help_comes_from_the_catalogue_in_both_languages() {
        let cmd = || {
            Command::new("thidua")
                .subcommand(Command::new("new").arg(Arg::new("root").long("root")).arg(Arg::new("title")))
        };
        for lang in [Lang::Vi, Lang::En] {
            let mut c = localize(cmd(), lang);
            let help = c.find_subcommand_mut("new").unwrap().render_help().to_string();
            assert!(help.contains(&tr_in(lang, "help-new", &[])), "{help}");
            assert!(help.contains(&tr_in(lang, "help-new-root", &[])), "{help}");
            assert!(help.contains(&tr_in(lang, "help-usage", &[])), "{help}");
        }
    }
}
