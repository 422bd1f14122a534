#pragma once

#include <atomic>

struct sqlite3;

namespace quarry {

// While one exists, SQLite interrupts whatever statement runs on `db` once `*cancelled` is set: its progress
// handler reads the flag every kStepsBetweenChecks virtual machine steps, and the statement then fails with
// SQLITE_INTERRUPT, rolling back as any failed statement does. The flag may be set from any thread or from a
// signal handler (CancelOnSignal). A null flag installs nothing. The connection's progress handler is its own,
// so one at a time per connection.
class CancelCheck {
public:
    // A few milliseconds of work, whichever statement runs, and no cost worth measuring.
    static constexpr int kStepsBetweenChecks = 100000;

    CancelCheck(sqlite3* db, const std::atomic<bool>* cancelled);
    ~CancelCheck();

    CancelCheck(const CancelCheck&) = delete;
    CancelCheck& operator=(const CancelCheck&) = delete;

private:
    sqlite3* m_db;
};

} // namespace quarry
