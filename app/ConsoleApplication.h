#pragma once

namespace Continuo::Gui {

/// The console: parses the command line, starts the embedded engine (or connects to a daemon),
/// shows the main window and runs the event loop. Returns the process exit code.
int runConsole(int argc, char *argv[]);

} // namespace Continuo::Gui
