#include "models/ValueFile.h"

#include "database/Connection.h"
#include "database/SqlValue.h"

#include <QFile>
#include <QSaveFile>

#include <sqlite3.h>

#include <memory>

namespace quarry {

namespace {
constexpr int kPieceBytes = 1 << 20;

Error ioError(const QString& what, const QString& file, const QString& why)
{
    return Error::make(Error::Kind::Io, QStringLiteral("Cannot %1 \u201c%2\u201d: %3").arg(what, file, why));
}
} // namespace

Result<QByteArray> ValueFile::read(const QString& file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("read"), file, in.errorString());
    if (in.size() >= MaxImportBytes)
        return Error::make(
            Error::Kind::Usage,
            QStringLiteral("\u201c%1\u201d is larger than the 2 GiB SQLite allows for one value.").arg(file));
    QByteArray bytes = in.readAll();
    if (in.error() != QFileDevice::NoError)
        return ioError(QStringLiteral("read"), file, in.errorString());
    return bytes;
}

Status ValueFile::write(const QString& file, const QByteArray& bytes)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return ioError(QStringLiteral("write"), file, out.errorString());
    return {};
}

Status ValueFile::copyCell(const QString& database, const CellAddress& cell, const QString& file)
{
    auto connection = Connection::open(database, {Connection::Mode::ReadOnly, 5000, QStringLiteral("export")});
    if (!connection)
        return connection.error();
    sqlite3* db = (*connection)->handle();
    if (!cell.hasRowid) {
        const CellRead whole = ValueReader::readCell(db, cell, std::numeric_limits<qint64>::max());
        if (!whole.error.isEmpty())
            return Error::make(Error::Kind::Sql, QStringLiteral("Cannot read the value: %1").arg(whole.error));
        return write(file, SqlValue::bytes(whole.value));
    }
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db, "main", cell.table.toUtf8().constData(), cell.column.toUtf8().constData(),
                          cell.identity.toLongLong(), 0, &blob) != SQLITE_OK) {
        sqlite3_blob_close(blob);
        return Error::make(Error::Kind::Sql,
                           QStringLiteral("Cannot read the value: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    }
    const std::unique_ptr<sqlite3_blob, decltype(&sqlite3_blob_close)> guard(blob, sqlite3_blob_close);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("write"), file, out.errorString());
    const qint64 size = sqlite3_blob_bytes(blob);
    QByteArray piece(kPieceBytes, Qt::Uninitialized);
    for (qint64 offset = 0; offset < size; offset += kPieceBytes) {
        const int length = int(std::min<qint64>(kPieceBytes, size - offset));
        if (sqlite3_blob_read(blob, piece.data(), length, int(offset)) != SQLITE_OK)
            return Error::make(Error::Kind::Sql,
                               QStringLiteral("Cannot read the value: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
        if (out.write(piece.constData(), length) != length)
            return ioError(QStringLiteral("write"), file, out.errorString());
    }
    if (!out.commit())
        return ioError(QStringLiteral("write"), file, out.errorString());
    return {};
}

} // namespace quarry
