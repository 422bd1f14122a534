#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace quarry {

class Connection;

// One statement the query editor ran.
struct HistoryEntry {
    enum class Outcome { Ok, Error, Cancelled };

    qint64 id = 0;
    QString database; // canonical path of the database file
    QString sql;
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    Outcome outcome = Outcome::Ok;
    QString detail; // "3 rows", "1 row affected", or the error message
};

// A statement saved under a name.
struct Snippet {
    QString name;
    QString sql;
};

// The query editor's history (per database file, across restarts) and named snippets, kept in an SQLite
// file of Quarry's own under the application data folder, created on first use. A store is used in the thread
// that opened it: the window reads it on the GUI thread, and a HistoryWriter records statements through a
// store of its own on a worker thread.
class HistoryStore {
public:
    // <AppDataLocation>/history.sqlite
    static QString defaultPath();
    // Opens the store at `path`, creating the file and its folder when missing.
    [[nodiscard]] static Result<std::unique_ptr<HistoryStore>> open(const QString& path);
    ~HistoryStore();

    QString path() const;
    // The key a database file is filed under: its canonical path when it exists.
    static QString databaseKey(const QString& databasePath);

    // Records one statement; entries beyond the newest kKeptPerDatabase of its database are dropped.
    [[nodiscard]] Status add(const HistoryEntry& entry);
    // Records several statements in one transaction (all or none), pruning each database once.
    [[nodiscard]] Status add(const QList<HistoryEntry>& entries);
    // Newest first. `search` matches any part of the SQL text, case-insensitively (empty: everything).
    [[nodiscard]] Result<QList<HistoryEntry>> entries(const QString& databasePath, const QString& search = {},
                                                      int limit = 500) const;
    [[nodiscard]] Status clear(const QString& databasePath);

    [[nodiscard]] Status saveSnippet(const QString& name, const QString& sql); // replaces a snippet of that name
    [[nodiscard]] Status removeSnippet(const QString& name);
    [[nodiscard]] Result<QList<Snippet>> snippets() const; // by name

    static constexpr int kKeptPerDatabase = 5000;

private:
    explicit HistoryStore(std::unique_ptr<Connection> connection);
    std::unique_ptr<Connection> m_connection;
};

} // namespace quarry
