#include "database/SqlError.h"

#include <QSqlError>

#include <sqlite3.h>

namespace quarry {

namespace {

Error classified(int extended, const QString& text, const QString& context)
{
    Error::Kind kind = Error::Kind::Sql;
    switch (extended & 0xff) {
    case sqlite_code::Constraint:
        kind = Error::Kind::Constraint;
        break;
    case sqlite_code::NotADatabase:
    case sqlite_code::Corrupt:
        kind = Error::Kind::NotADatabase;
        break;
    case sqlite_code::ReadOnly:
        kind = Error::Kind::ReadOnly;
        break;
    case sqlite_code::Interrupt:
        kind = Error::Kind::Cancelled;
        break;
    default:
        break;
    }
    const QString message = context.isEmpty() ? text : QStringLiteral("%1: %2").arg(context, text);
    return Error::make(kind, message, extended, text);
}

} // namespace

Error sqlError(const QSqlError& error, const QString& context)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    return classified(ok ? code : 0, text, context);
}

Error sqliteError(sqlite3* db, const QString& context)
{
    return classified(sqlite3_extended_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)), context);
}

} // namespace quarry
