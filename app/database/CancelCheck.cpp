#include "database/CancelCheck.h"

#include <sqlite3.h>

namespace quarry {

namespace {

int stopWhenSet(void* cancelled)
{
    return static_cast<const std::atomic<bool>*>(cancelled)->load() ? 1 : 0;
}

} // namespace

CancelCheck::CancelCheck(sqlite3* db, const std::atomic<bool>* cancelled) : m_db(cancelled ? db : nullptr)
{
    if (m_db)
        sqlite3_progress_handler(m_db, kStepsBetweenChecks, stopWhenSet,
                                 const_cast<void*>(static_cast<const void*>(cancelled)));
}

CancelCheck::~CancelCheck()
{
    if (m_db)
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
}

} // namespace quarry
