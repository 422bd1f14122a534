#pragma once

#include <QtGlobal>

namespace quarry {

// Seconds since 1970 as the text CURRENT_TIMESTAMP writes ('YYYY-MM-DD HH:MM:SS', UTC), into a char buffer:
// the generator formats tens of millions of them, so no QDateTime and no allocation.
class TimestampText {
public:
    static constexpr int kLength = 19;

    // Writes exactly kLength characters (no terminating zero) for a time between years 0 and 9999.
    static void write(qint64 secondsSinceEpoch, char* out);
};

} // namespace quarry
