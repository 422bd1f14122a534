#include "models/ValueReader.h"

#include "database/Connection.h"
#include "database/SqlIdentifier.h"
#include "database/SqlValue.h"
#include "database/Statement.h"
#include "models/RowIdentity.h"

#include <QMutexLocker>

#include <sqlite3.h>

#include <memory>

namespace quarry {

namespace {

constexpr qint64 kHeadBytes = 64 * 1024;

// A statement over one row of the cell's table, its identity bound; null when it cannot be prepared or bound.
Statement prepareForRow(sqlite3* db, const QString& what, const CellAddress& cell)
{
    Statement statement(db,
                        QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                            .arg(what, SqlIdentifier::quote(cell.table), RowIdentity::condition(cell.identityColumns)));
    if (!statement.isNull() && statement.bind(RowIdentity::binds(cell.identity)) != SQLITE_OK)
        return Statement();
    return statement;
}

} // namespace

CellAddress CellAddress::of(const TableInfo& table, const QString& column, const QVariant& identity)
{
    return CellAddress{table.name, column, RowIdentity::columns(table), identity, table.hasRowid};
}

ValueReader::ValueReader(QString path, QObject* parent) : QThread(parent), m_path(std::move(path))
{
    qRegisterMetaType<quarry::CellRead>();
    start();
}

ValueReader::~ValueReader()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    wait();
}

void ValueReader::request(quint64 generation, const CellAddress& cell, qint64 maxBytes)
{
    QMutexLocker lock(&m_mutex);
    m_request = Request{generation, cell, maxBytes};
    m_wake.wakeAll();
}

CellRead ValueReader::readCell(sqlite3* db, const CellAddress& cell, qint64 maxBytes)
{
    CellRead result;
    if (cell.identityColumns.isEmpty()) {
        result.error = QStringLiteral("%1 has no key to read one of its rows by (a view)").arg(cell.table);
        return result;
    }
    const QString column = SqlIdentifier::quote(cell.column);
    // typeof() and length() of a BLOB read no content; for TEXT, incremental I/O tells the size unread.
    const Statement type = prepareForRow(db, QStringLiteral("typeof(%1)").arg(column), cell);
    if (type.isNull()) {
        result.error = QString::fromUtf8(sqlite3_errmsg(db));
        return result;
    }
    const int rc = sqlite3_step(type.handle());
    if (rc == SQLITE_DONE) {
        result.found = false;
        return result;
    }
    if (rc != SQLITE_ROW) {
        result.error = QString::fromUtf8(sqlite3_errmsg(db));
        return result;
    }
    const QByteArray typeName(reinterpret_cast<const char*>(sqlite3_column_text(type.handle(), 0)));
    const bool isBlob = typeName == "blob";
    if ((isBlob || typeName == "text") && cell.hasRowid) {
        sqlite3_blob* blob = nullptr;
        if (sqlite3_blob_open(db, "main", cell.table.toUtf8().constData(), cell.column.toUtf8().constData(),
                              cell.identity.toLongLong(), 0, &blob) == SQLITE_OK) {
            const std::unique_ptr<sqlite3_blob, decltype(&sqlite3_blob_close)> guard(blob, sqlite3_blob_close);
            result.bytes = sqlite3_blob_bytes(blob);
            // Larger than asked for: only its head is read, whatever its size.
            const qint64 wanted = result.bytes <= maxBytes ? result.bytes : std::min<qint64>(kHeadBytes, maxBytes);
            QByteArray bytes(wanted, Qt::Uninitialized);
            if (wanted > 0 && sqlite3_blob_read(blob, bytes.data(), int(wanted), 0) != SQLITE_OK) {
                result.error = QString::fromUtf8(sqlite3_errmsg(db));
                return result;
            }
            result.complete = wanted == result.bytes;
            if (!result.complete) {
                CutValue cut;
                cut.isBlob = isBlob;
                cut.bytes = result.bytes;
                cut.head = bytes;
                result.value = QVariant::fromValue(cut);
            } else if (isBlob) {
                result.value = QVariant(bytes.isNull() ? QByteArray("") : bytes);
            } else {
                result.value = SqlValue::fromText(bytes.constData(), bytes.size());
            }
            return result;
        }
    }
    // A WITHOUT ROWID table, a number or NULL: the value is read whole.
    const Statement read = prepareForRow(db, column, cell);
    if (read.isNull() || sqlite3_step(read.handle()) != SQLITE_ROW) {
        result.error = QString::fromUtf8(sqlite3_errmsg(db));
        return result;
    }
    result.value = read.value(0);
    result.bytes = SqlValue::bytes(result.value).size();
    return result;
}

// Runs on the reader's thread; talks to the GUI only through the queued read() signal.
void ValueReader::run()
{
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("values")});
    for (;;) {
        Request request;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && !m_request)
                m_wake.wait(&m_mutex);
            if (m_stopping)
                return;
            request = *std::exchange(m_request, std::nullopt);
        }
        CellRead result;
        if (!connection)
            result.error = connection.error().message;
        else
            result = readCell((*connection)->handle(), request.cell, request.maxBytes);
        emit read(request.generation, result);
    }
}

} // namespace quarry
