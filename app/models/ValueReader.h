#pragma once

#include "models/TableInfo.h"

#include <QMutex>
#include <QThread>
#include <QVariant>
#include <QWaitCondition>

#include <optional>

struct sqlite3;

namespace quarry {

// One cell of one row, named by its table, column and row identity (RowIdentity).
struct CellAddress {
    QString table;
    QString column;
    QStringList identityColumns; // {"rowid"}, or the primary key's columns of a WITHOUT ROWID table
    QVariant identity;
    bool hasRowid = true;

    static CellAddress of(const TableInfo& table, const QString& column, const QVariant& identity);
};

// What was read of a cell: the whole value when it is at most the size asked for, else its first 64 KiB.
struct CellRead {
    QVariant value;       // exact (SqlValue); a CutValue holding the first bytes when not complete
    qint64 bytes = 0;     // the whole value's size in bytes (TEXT and BLOB)
    bool complete = true; // `value` is the whole value
    bool found = true;    // the row is still there
    QString error;        // why it could not be read, empty when it was
};

// Reads whole cell values for the value editor, on a thread of its own with its own read-only connection, so a
// 50 MB value never blocks the window. TEXT and BLOB values of rowid tables are read with SQLite's incremental
// blob I/O, so a value larger than the editor takes is read only as far as asked: the first bytes of a 1 GB
// BLOB arrive at once. A newer request replaces an older one not yet started.
class ValueReader : public QThread {
    Q_OBJECT
public:
    explicit ValueReader(QString path, QObject* parent = nullptr);
    ~ValueReader() override;

    // Called on the GUI thread; answered by read(generation, ...).
    void request(quint64 generation, const CellAddress& cell, qint64 maxBytes);

    // Reads a cell on the calling thread's own connection `db` (what run() does): also used to stream a value to
    // a file in pieces (see ValueFile).
    static CellRead readCell(sqlite3* db, const CellAddress& cell, qint64 maxBytes);

signals:
    void read(quint64 generation, const quarry::CellRead& result);

protected:
    void run() override;

private:
    QString m_path;
    QMutex m_mutex;
    QWaitCondition m_wake;
    struct Request {
        quint64 generation;
        CellAddress cell;
        qint64 maxBytes;
    };
    std::optional<Request> m_request;
    bool m_stopping = false;
};

} // namespace quarry

Q_DECLARE_METATYPE(quarry::CellRead)
