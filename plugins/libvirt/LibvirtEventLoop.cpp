// The process's libvirt event loop: a poll(2) implementation registered with
// virEventRegisterImpl and run by one thread.
//
// Why not virEventRegisterDefaultImpl(): since libvirt 6.x the default implementation is built
// on GLib's *global default* main context, and Qt's GLib event dispatcher makes the main thread
// the permanent owner of that context (g_main_context_push_thread_default). A second thread
// running virEventRunDefaultImpl() then waits forever for the context, and libvirt's events
// (lifecycle callbacks, keep-alive, close callbacks) are only dispatched while the main thread
// happens to spin its Qt event loop, never while it blocks. Our own loop owns nothing Qt or GLib
// uses, so events flow whatever the application's threads do.

#include "LibvirtHost.h"

#include <QDateTime>

#include <libvirt/virterror.h>

#include <csignal>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace Continuo::Libvirt {

namespace {

struct Watch
{
    int id = 0;
    int fd = -1;
    int events = 0;
    virEventHandleCallback callback = nullptr;
    void *opaque = nullptr;
    virFreeCallback free = nullptr;
    bool deleted = false;
};

struct Timer
{
    int id = 0;
    int intervalMs = -1; ///< -1: disabled.
    qint64 dueMs = 0;
    virEventTimeoutCallback callback = nullptr;
    void *opaque = nullptr;
    virFreeCallback free = nullptr;
    bool deleted = false;
};

struct Loop
{
    std::mutex mutex;
    std::vector<Watch> watches;
    std::vector<Timer> timers;
    int nextId = 1;
    int wakeRead = -1;
    int wakeWrite = -1;
};

Loop &loop()
{
    static Loop instance;
    return instance;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void wake()
{
    const char byte = 0;
    [[maybe_unused]] const ssize_t written = ::write(loop().wakeWrite, &byte, 1);
}

short toPoll(int events)
{
    short result = 0;
    if (events & VIR_EVENT_HANDLE_READABLE)
        result |= POLLIN;
    if (events & VIR_EVENT_HANDLE_WRITABLE)
        result |= POLLOUT;
    return result;
}

int fromPoll(short revents)
{
    int result = 0;
    if (revents & POLLIN)
        result |= VIR_EVENT_HANDLE_READABLE;
    if (revents & POLLOUT)
        result |= VIR_EVENT_HANDLE_WRITABLE;
    if (revents & POLLERR)
        result |= VIR_EVENT_HANDLE_ERROR;
    if (revents & POLLHUP)
        result |= VIR_EVENT_HANDLE_HANGUP;
    return result;
}

int addHandle(int fd, int events, virEventHandleCallback callback, void *opaque, virFreeCallback free)
{
    Loop &l = loop();
    std::lock_guard lock(l.mutex);
    Watch watch;
    watch.id = l.nextId++;
    watch.fd = fd;
    watch.events = events;
    watch.callback = callback;
    watch.opaque = opaque;
    watch.free = free;
    l.watches.push_back(watch);
    wake();
    return watch.id;
}

void updateHandle(int id, int events)
{
    Loop &l = loop();
    std::lock_guard lock(l.mutex);
    for (Watch &watch : l.watches) {
        if (watch.id == id && !watch.deleted) {
            watch.events = events;
            wake();
            return;
        }
    }
}

int removeHandle(int id)
{
    Loop &l = loop();
    std::lock_guard lock(l.mutex);
    for (Watch &watch : l.watches) {
        if (watch.id == id && !watch.deleted) {
            watch.deleted = true; // freed by the loop, never inside a callback
            wake();
            return 0;
        }
    }
    return -1;
}

int addTimeout(int intervalMs, virEventTimeoutCallback callback, void *opaque, virFreeCallback free)
{
    Loop &l = loop();
    std::lock_guard lock(l.mutex);
    Timer timer;
    timer.id = l.nextId++;
    timer.intervalMs = intervalMs;
    timer.dueMs = nowMs() + std::max(0, intervalMs);
    timer.callback = callback;
    timer.opaque = opaque;
    timer.free = free;
    l.timers.push_back(timer);
    wake();
    return timer.id;
}

void updateTimeout(int id, int intervalMs)
{
    Loop &l = loop();
    std::lock_guard lock(l.mutex);
    for (Timer &timer : l.timers) {
        if (timer.id == id && !timer.deleted) {
            timer.intervalMs = intervalMs;
            timer.dueMs = nowMs() + std::max(0, intervalMs);
            wake();
            return;
        }
    }
}

int removeTimeout(int id)
{
    Loop &l = loop();
    std::lock_guard lock(l.mutex);
    for (Timer &timer : l.timers) {
        if (timer.id == id && !timer.deleted) {
            timer.deleted = true;
            wake();
            return 0;
        }
    }
    return -1;
}

void runOnce()
{
    Loop &l = loop();
    struct Release
    {
        virFreeCallback free;
        void *opaque;
    };
    std::vector<Release> releases;
    std::vector<pollfd> fds;
    std::vector<int> ids;
    int timeoutMs = -1;
    {
        std::lock_guard lock(l.mutex);
        for (auto it = l.watches.begin(); it != l.watches.end();) {
            if (it->deleted) {
                if (it->free)
                    releases.push_back({it->free, it->opaque});
                it = l.watches.erase(it);
            } else {
                ++it;
            }
        }
        for (auto it = l.timers.begin(); it != l.timers.end();) {
            if (it->deleted) {
                if (it->free)
                    releases.push_back({it->free, it->opaque});
                it = l.timers.erase(it);
            } else {
                ++it;
            }
        }
        fds.push_back({l.wakeRead, POLLIN, 0});
        ids.push_back(0);
        for (const Watch &watch : l.watches) {
            fds.push_back({watch.fd, toPoll(watch.events), 0});
            ids.push_back(watch.id);
        }
        const qint64 now = nowMs();
        for (const Timer &timer : l.timers) {
            if (timer.intervalMs < 0)
                continue;
            const int wait = int(std::clamp<qint64>(timer.dueMs - now, 0, 60000));
            timeoutMs = timeoutMs < 0 ? wait : std::min(timeoutMs, wait);
        }
    }
    for (const Release &release : releases)
        release.free(release.opaque);

    const int ready = ::poll(fds.data(), nfds_t(fds.size()), timeoutMs);
    if (ready < 0 && errno != EINTR)
        qCWarning(lcLibvirt) << "libvirt event loop: poll failed:" << strerror(errno);
    if (ready > 0 && (fds.front().revents & POLLIN)) {
        char buffer[64];
        while (::read(l.wakeRead, buffer, sizeof buffer) > 0) {
        }
    }

    // Timers first (libvirt's own loop does the same), each looked up again before it runs:
    // an earlier callback may have removed it.
    std::vector<int> dueTimers;
    {
        std::lock_guard lock(l.mutex);
        const qint64 now = nowMs();
        for (Timer &timer : l.timers) {
            if (!timer.deleted && timer.intervalMs >= 0 && timer.dueMs <= now) {
                dueTimers.push_back(timer.id);
                timer.dueMs = now + timer.intervalMs;
            }
        }
    }
    for (int id : dueTimers) {
        virEventTimeoutCallback callback = nullptr;
        void *opaque = nullptr;
        {
            std::lock_guard lock(l.mutex);
            for (const Timer &timer : l.timers) {
                if (timer.id == id && !timer.deleted && timer.intervalMs >= 0) {
                    callback = timer.callback;
                    opaque = timer.opaque;
                }
            }
        }
        if (callback)
            callback(id, opaque);
    }
    if (ready <= 0)
        return;
    for (size_t i = 1; i < fds.size(); ++i) {
        if (!fds[i].revents)
            continue;
        virEventHandleCallback callback = nullptr;
        void *opaque = nullptr;
        {
            std::lock_guard lock(l.mutex);
            for (const Watch &watch : l.watches) {
                if (watch.id == ids[i] && !watch.deleted) {
                    callback = watch.callback;
                    opaque = watch.opaque;
                }
            }
        }
        if (callback)
            callback(ids[i], fds[i].fd, fromPoll(fds[i].revents), opaque);
    }
}

void ignoreLibvirtError(void *, virErrorPtr) {}

} // namespace

void ensureEventLoop()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // libvirt's remote driver writes to sockets and ssh pipes that may close under it; as
        // its documentation asks of applications, a dead peer must give EPIPE, not kill us.
        std::signal(SIGPIPE, SIG_IGN);
        virSetErrorFunc(nullptr, ignoreLibvirtError);
        int pipeFds[2];
        if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) < 0) {
            qCCritical(lcLibvirt) << "cannot create the libvirt event loop's wake-up pipe:" << strerror(errno);
            return;
        }
        loop().wakeRead = pipeFds[0];
        loop().wakeWrite = pipeFds[1];
        virEventRegisterImpl(addHandle, updateHandle, removeHandle, addTimeout, updateTimeout,
                             removeTimeout);
        // The one event thread of the process; it runs for the life of the process.
        std::thread([] {
            for (;;)
                runOnce();
        }).detach();
    });
}

} // namespace Continuo::Libvirt
