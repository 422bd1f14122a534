#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace quarry {

// A placeholder of a prepared statement: ?, ?NNN, :name, @name or $name.
struct QueryParameter {
    int index = 1; // SQLite's 1-based parameter index
    QString name;  // as written (":id", "@x", "$y", "?3"); "?" plus the index for a bare ?

    // Named parameters (:name, @name, $name) mean the same value wherever they appear in a script; positional
    // ones (? and ?NNN) belong to their statement.
    bool isNamed() const { return name.startsWith(u':') || name.startsWith(u'@') || name.startsWith(u'$'); }
};

// A value to bind: a null QVariant binds NULL, qlonglong an INTEGER, double a REAL, QString TEXT and
// QByteArray a BLOB. Values are always bound, never pasted into the SQL text.
using ParameterValues = QList<QVariant>;

} // namespace quarry
