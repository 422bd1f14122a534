#include "database/SqlScript.h"

#include "database/SqlError.h"
#include "database/StatementSplitter.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

Result<QString> SqlScript::load(const QString& resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error::make(Error::Kind::Io, QStringLiteral("Cannot read the SQL script %1").arg(resourcePath));
    return QString::fromUtf8(file.readAll());
}

Status SqlScript::execute(const QSqlDatabase& db, const QString& script, const QString& context)
{
    for (const ScriptStatement& statement : StatementSplitter::split(script)) {
        QSqlQuery query(db);
        if (!query.exec(statement.sql))
            return sqlError(query.lastError(), QStringLiteral("%1 (line %2)").arg(context).arg(statement.line));
    }
    return {};
}

Status SqlScript::exec(const QSqlDatabase& db, const QString& statement, const QString& context)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return sqlError(query.lastError(), context);
    return {};
}

} // namespace quarry
