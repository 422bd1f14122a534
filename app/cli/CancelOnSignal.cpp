#include "cli/CancelOnSignal.h"

#include <csignal>
#include <iterator>

namespace quarry {

namespace {

constexpr int kSignals[] = {
    SIGINT,
    SIGTERM,
#ifdef SIGHUP
    SIGHUP,
#endif
};

using Handler = void (*)(int);

// A signal handler may touch nothing but lock-free atomics, hence state of the process's own.
static_assert(std::atomic<bool>::is_always_lock_free);
std::atomic<bool> cancelledFlag{false};
Handler previous[std::size(kSignals)] = {};

Handler previousHandler(int signal)
{
    for (size_t i = 0; i < std::size(kSignals); ++i) {
        if (kSignals[i] == signal)
            return previous[i];
    }
    return SIG_DFL;
}

void onSignal(int signal)
{
    cancelledFlag.store(true);
    // std::signal may be called from a handler for the signal being handled.
    std::signal(signal, previousHandler(signal));
}

} // namespace

CancelOnSignal::CancelOnSignal()
{
    cancelledFlag.store(false);
    for (size_t i = 0; i < std::size(kSignals); ++i) {
        // Ignored for the moment it takes to learn the handler before, so onSignal never finds it unknown.
        const Handler before = std::signal(kSignals[i], SIG_IGN);
        previous[i] = before == SIG_ERR ? SIG_DFL : before;
        // A signal the process was started ignoring (nohup, a shell's background job) stays ignored.
        if (before != SIG_IGN)
            std::signal(kSignals[i], onSignal);
    }
}

CancelOnSignal::~CancelOnSignal()
{
    for (size_t i = 0; i < std::size(kSignals); ++i)
        std::signal(kSignals[i], previous[i]);
}

const std::atomic<bool>& CancelOnSignal::cancelled() const
{
    return cancelledFlag;
}

} // namespace quarry
