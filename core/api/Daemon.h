#pragma once

#include "continuo_core_export.h"

namespace Continuo::Api {

/// `continuo --daemon`: the engine headless behind the continuo.v1 gRPC server.
/// Options: --listen HOST:PORT (default 127.0.0.1:7443; port 0 picks a free one),
/// --data-dir DIR, --scenario demo|none|FILE, --seed N, --no-host-probe; as an agent of a central
/// daemon: --central HOST:PORT [--agent-id ID] [--forward-interval SECONDS] (federation.proto).
/// Prints `listening on HOST:PORT` on stdout once serving; SIGTERM/SIGINT shut it down cleanly.
/// Creates its own QCoreApplication; returns the process exit code.
CONTINUO_CORE_EXPORT int runDaemon(int argc, char *argv[]);

} // namespace Continuo::Api
