//! `dyad serve`: the HTTP API and the dashboard over a store (see docs/server.md).

use crate::Global;
use crate::ingest::{StoreArg, coder};
use anyhow::{Context, Result};
use clap::Args;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

/// `dyad serve` arguments.
#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArg,
    /// Address to listen on (another host than 127.0.0.1 exposes the server).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bearer token that `POST /api/documents` needs (default: $DYAD_TOKEN; none
    /// refuses every write).
    #[arg(long, value_name = "T")]
    pub token: Option<String>,
    /// Largest request body in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub body_limit: usize,
}

/// `dyad serve`.
pub fn run(global: &Global, args: &ServeArgs) -> Result<ExitCode> {
    let (pipeline, dict_hash) = coder(global)?;
    let coder = Arc::new(dyad_server::Coder {
        pipeline,
        dict_hash,
    });
    let config = dyad_server::Config {
        store: args.store.path(),
        addr: args.addr,
        token: args
            .token
            .clone()
            .or_else(|| std::env::var("DYAD_TOKEN").ok())
            .filter(|t| !t.is_empty()),
        body_limit: args.body_limit,
        ..dyad_server::Config::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let server = dyad_server::bind(&config, coder).await?;
        if !global.quiet {
            eprintln!(
                "dyad: serving {} on http://{} (Ctrl-C to stop){}",
                config.store.display(),
                server.addr(),
                if config.token.is_some() {
                    ""
                } else {
                    "; writes disabled (no --token)"
                }
            );
        }
        let stop = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        server.run(stop).await.context("serving")?;
        Ok(ExitCode::SUCCESS)
    })
}
