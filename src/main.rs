//! The `gloss` binary: parse the command line, run, map failures to exit codes.
//! Every error line goes through [`gloss::term::error`], which makes the
//! file names and values it quotes safe for a terminal.

#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    gloss::term::report_panics();
    let cli = match gloss::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version are not errors: print them whole.
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            gloss::term::error(&format!(
                "{} (see gloss --help)",
                usage_problem(&e.to_string())
            ));
            return ExitCode::from(2);
        }
    };
    match gloss::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            gloss::term::error(&failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// The one line that says what is wrong in clap's several-line usage
/// error: its first paragraph (the problem, with the arguments or values it
/// names), joined, without the usage and the tips that follow.
fn usage_problem(rendered: &str) -> String {
    let first: Vec<&str> = rendered
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let line = first.join(" ");
    line.strip_prefix("error: ")
        .map_or(line.clone(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::usage_problem;

    #[test]
    fn usage_errors_fold_to_one_line() {
        let missing = "error: the following required arguments were not provided:\n  <FILES>...\n\nUsage: gloss annotate <FILES>...\n\nFor more information, try '--help'.\n";
        assert_eq!(
            usage_problem(missing),
            "the following required arguments were not provided: <FILES>..."
        );
        let value = "error: invalid value 'pdf' for '--format <FORMAT>'\n  [possible values: markdown, json]\n\nFor more information, try '--help'.\n";
        assert_eq!(
            usage_problem(value),
            "invalid value 'pdf' for '--format <FORMAT>' [possible values: markdown, json]"
        );
    }
}
