#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace quarry {

// Owns one named QSqlDatabase (QSQLITE) for the thread that opened it. Qt allows a connection to be used
// only in its creating thread, so every thread that talks to SQLite opens its own Connection.
//
// Every connection has foreign keys on, trusted_schema off and a busy timeout. Opening never creates a
// file unless Mode::Create is asked for, never writes to the file, and refuses files that are not SQLite
// databases with SQLite's own reason.
class Connection {
public:
    enum class Mode {
        ReadWrite, // open an existing file; falls back to read-only (with a reason) when it cannot be written
        ReadOnly,  // open an existing file read-only
        Create,    // create a new file; refuses a path that exists
    };

    struct Options {
        Mode mode = Mode::ReadWrite;
        int busyTimeoutMs = 5000;
        QString purpose = QStringLiteral("main"); // part of the connection name, for diagnostics
        const char* vfs = nullptr;                // a registered SQLite VFS by name; the default one when null
    };

    [[nodiscard]] static Result<std::unique_ptr<Connection>> open(const QString& path, const Options& options);
    [[nodiscard]] static Result<std::unique_ptr<Connection>> open(const QString& path) { return open(path, Options{}); }

    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    QSqlDatabase database() const { return m_db; }
    QString path() const { return m_path; }
    QString connectionName() const { return m_name; }
    bool isReadOnly() const { return m_readOnly; }
    // Why the connection is read-only when the caller asked for read-write; empty otherwise.
    QString readOnlyReason() const { return m_readOnlyReason; }

    // The SQLite handle behind the Qt connection (Debian's Qt links the same libsqlite3 as Quarry).
    sqlite3* handle() const { return m_handle; }
    // The SQLite handle behind any open QSQLITE connection, or null.
    static sqlite3* handleOf(const QSqlDatabase& db);
    // Asks SQLite to stop the statement running on this connection. Safe to call from any thread.
    void interrupt() const;

private:
    Connection(QString name, QString path, bool readOnly, QString readOnlyReason);

    QString m_name;
    QString m_path;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    QSqlDatabase m_db;
    sqlite3* m_handle = nullptr; // cached at open so interrupt() never touches Qt objects off-thread
};

} // namespace quarry
