//! The `gloss` binary: parse the command line, run, map failures to exit codes.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = gloss::cli::Cli::parse();
    match gloss::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("gloss: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
