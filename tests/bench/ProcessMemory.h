#pragma once

namespace quarry::bench {

// This process's resident memory, read from /proc/self/status (getrusage where there is no /proc).
class ProcessMemory {
public:
    // The most the process has held resident since it started (VmHWM), in MiB.
    static double peakMb();
    // What it holds resident now (VmRSS), in MiB.
    static double currentMb();
};

} // namespace quarry::bench
