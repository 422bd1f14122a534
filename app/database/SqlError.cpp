#include "database/SqlError.h"

#include <QSqlError>

namespace quarry {

Error sqlError(const QSqlError& error, const QString& context)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const int extended = ok ? code : 0;
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
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    const QString message = context.isEmpty() ? text : QStringLiteral("%1: %2").arg(context, text);
    return Error::make(kind, message, extended, text);
}

} // namespace quarry
