#pragma once

#include <QList>
#include <QVariant>

namespace quarry {

// One value of a result row as the grid and the exporters see it. Long TEXT and BLOB values are held as a
// preview; the full value stays on disk in the ResultSpool and is read on demand.
struct ResultCell {
    enum class Type : quint8 { Null, Integer, Real, Text, Blob };

    Type type = Type::Null;
    QVariant value;       // qlonglong, double, QString or QByteArray (the preview when truncated); null for NULL
    qint64 size = 0;      // bytes of the full TEXT (UTF-8) or BLOB value
    qint64 overflow = -1; // where the full value is kept by the spool; -1 when `value` is already complete

    bool isNull() const { return type == Type::Null; }
    bool isTruncated() const { return overflow >= 0; }
};

using ResultRow = QList<ResultCell>;

} // namespace quarry
