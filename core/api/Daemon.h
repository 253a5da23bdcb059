#pragma once

#include "continuo_core_export.h"

namespace Continuo::Api {

/// `continuo --daemon`: the engine headless behind the continuo.v1 gRPC server.
/// Options: --listen HOST:PORT (default 127.0.0.1:7443; port 0 picks a free one),
/// --data-dir DIR, --scenario demo|none|FILE, --seed N, --no-host-probe, --probe
/// KIND://ADDRESS[@SECONDS] (repeatable; ActiveProber); as an agent of a central daemon:
/// --central HOST:PORT [--agent-id ID] [--forward-interval SECONDS] [--site SITE]
/// (federation.proto; agents of different sites measure the latency between them).
/// Prints `listening on HOST:PORT` on stdout once serving; SIGTERM/SIGINT shut it down cleanly.
/// Creates its own QCoreApplication; returns the process exit code.
CONTINUO_CORE_EXPORT int runDaemon(int argc, char *argv[]);

} // namespace Continuo::Api
