#pragma once

#include <QList>
#include <QString>

namespace quarry {

// One row of PRAGMA foreign_key_check: a row of `table` whose key points at no row of `parent`.
struct ForeignKeyViolation {
    QString table;
    qint64 rowid = 0;
    QString parent;

    friend bool operator==(const ForeignKeyViolation&, const ForeignKeyViolation&) = default;
};

} // namespace quarry
