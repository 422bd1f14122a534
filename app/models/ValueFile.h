#pragma once

#include "core/Result.h"
#include "models/ValueReader.h"

#include <QByteArray>
#include <QString>

namespace quarry {

// A cell's value to and from a file, for the value editor's Import and Export.
class ValueFile {
public:
    static constexpr qint64 MaxImportBytes = qint64(1) << 31; // SQLite's own limit on a value is 2^31-1 bytes

    [[nodiscard]] static Result<QByteArray> read(const QString& file);
    // All or nothing: a failed write leaves no partial file under `file`'s name.
    [[nodiscard]] static Status write(const QString& file, const QByteArray& bytes);
    // Copies a TEXT or BLOB cell of a rowid table into `file` a piece at a time with incremental blob I/O, on the
    // calling thread with a read-only connection of its own: a 1 GB value never sits in memory.
    [[nodiscard]] static Status copyCell(const QString& database, const CellAddress& cell, const QString& file);
};

} // namespace quarry
