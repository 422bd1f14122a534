#pragma once

#include <QString>

namespace quarry::test {

// Databases built exactly as the lesson's own Python code builds them, with the SQLite C API (foreign keys
// off, as Python's sqlite3 leaves them), to test that Quarry recognises and upgrades them.
class LessonDatabases {
public:
    // create_tables(), insert_sample_data(), transaction_example() and error_handling_example() of the
    // lesson's sqlite3 section: 4 users (with david), 5 posts including the orphan by author 999,
    // 4 comments. Timestamps as CURRENT_TIMESTAMP writes them (no fraction of a second).
    static bool createSqlite3Lesson(const QString& path);
    // The SQLAlchemy models' DDL (as SQLAlchemy emits it for SQLite), advanced_users with its indexes, and
    // rows as the lesson's SQLAlchemy functions leave them, with microsecond timestamps.
    static bool createSqlAlchemyLesson(const QString& path);
};

} // namespace quarry::test
