#include "schema/DatabaseCheck.h"

#include "database/SqlError.h"
#include "database/SqlIdentifier.h"
#include "schema/Migrator.h"

#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {
const QString kTableNames = QStringLiteral(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
}

Result<QStringList> DatabaseCheck::tableNames(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(kTableNames))
        return sqlError(query.lastError(), QStringLiteral("Cannot list the tables"));
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

Result<QList<ForeignKeyViolation>> DatabaseCheck::foreignKeyViolations(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return sqlError(query.lastError(), QStringLiteral("Cannot check foreign keys"));
    QList<ForeignKeyViolation> violations;
    while (query.next())
        violations.append({query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString()});
    return violations;
}

Result<CheckReport> DatabaseCheck::run(const QSqlDatabase& db)
{
    CheckReport report;
    auto schema = Migrator::inspect(db);
    if (!schema)
        return schema.error();
    report.schema = *schema;

    auto names = tableNames(db);
    if (!names)
        return names.error();
    for (const QString& name : *names) {
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM ") + SqlIdentifier::quote(name)) || !count.next())
            return sqlError(count.lastError(), QStringLiteral("Cannot count the rows of %1").arg(name));
        report.tableRowCounts.append({name, count.value(0).toLongLong()});
    }

    QSqlQuery integrity(db);
    if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(integrity.lastError(), QStringLiteral("Cannot check integrity"));
    while (integrity.next())
        report.integrity << integrity.value(0).toString();

    auto violations = foreignKeyViolations(db);
    if (!violations)
        return violations.error();
    report.foreignKeyViolations = *violations;
    return report;
}

} // namespace quarry
