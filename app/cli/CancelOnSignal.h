#pragma once

#include <atomic>

namespace quarry {

// While one exists, the first SIGINT, SIGTERM or SIGHUP (Ctrl+C, `kill`, a closed terminal) sets cancelled()
// instead of ending the process, so that a long command can stop cleanly and remove what it half wrote. The
// signal that came is then handled as it was before, so a second one ends a command that cannot stop.
// Signal handlers are the process's own, so only one may exist at a time.
class CancelOnSignal {
public:
    CancelOnSignal();
    ~CancelOnSignal(); // puts the handlers back as they were

    CancelOnSignal(const CancelOnSignal&) = delete;
    CancelOnSignal& operator=(const CancelOnSignal&) = delete;

    [[nodiscard]] const std::atomic<bool>& cancelled() const;
};

} // namespace quarry
