// The continuo executable: the console, or with --daemon the same engine headless.
// The daemon branch is taken before any QGuiApplication exists, so a server needs no display.

#include "ConsoleApplication.h"
#include "api/Daemon.h"

#include <cstring>

int main(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--daemon") == 0)
            return Continuo::Api::runDaemon(argc, argv);
    }
    return Continuo::Gui::runConsole(argc, argv);
}
