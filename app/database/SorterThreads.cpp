#include "database/SorterThreads.h"

#include <QThread>

#include <algorithm>

namespace quarry {

namespace {

// SQLite caps PRAGMA threads at its compile-time maximum (8 by default) on its own; this keeps the request modest.
constexpr int kMaxSorterThreads = 4;

} // namespace

int SorterThreads::forSpareCores()
{
    return std::clamp(QThread::idealThreadCount() - 1, 1, kMaxSorterThreads);
}

int SorterThreads::forAllCores()
{
    return std::clamp(QThread::idealThreadCount(), 1, kMaxSorterThreads);
}

} // namespace quarry
