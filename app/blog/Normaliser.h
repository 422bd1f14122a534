#pragma once

#include <QString>
#include <QVariant>
#include <QVariantMap>

namespace quarry {

// The lesson's before_insert listener, applied before every insert and update: usernames and email addresses
// are trimmed and lower-cased, so 'Alice ' and 'alice' are one user. The GUI calls it on edited cells and the
// repositories and the unit of work call it before writing.
class Normaliser {
public:
    // Trimmed, in Unicode normal form C (so 'é' typed either way is the same letter) and lower-cased.
    static QString username(const QString& value);
    // Trimmed and lower-cased.
    static QString email(const QString& value);
    // `value` as it will be stored in `table`.`column`: users.username and users.email normalised; NULL, values
    // that are not text, and every other column unchanged. Table and column names compare as SQLite does.
    static QVariant value(const QString& table, const QString& column, const QVariant& value);
    // value() applied to each column of a row.
    static QVariantMap values(const QString& table, const QVariantMap& values);
};

} // namespace quarry
