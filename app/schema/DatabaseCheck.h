#pragma once

#include "core/Result.h"
#include "database/ForeignKeyViolation.h"
#include "schema/SchemaInfo.h"

#include <QList>
#include <QPair>
#include <QSqlDatabase>

namespace quarry {

// The health of a database file: what `quarry check` prints and the GUI's integrity report shows.
struct CheckReport {
    SchemaInfo schema;
    QList<QPair<QString, qint64>> tableRowCounts; // every table, in name order
    QStringList integrity;                        // PRAGMA integrity_check lines; {"ok"} when healthy
    QList<ForeignKeyViolation> foreignKeyViolations;

    bool isHealthy() const { return integrity == QStringList{QStringLiteral("ok")} && foreignKeyViolations.isEmpty(); }
};

class DatabaseCheck {
public:
    [[nodiscard]] static Result<CheckReport> run(const QSqlDatabase& db);
    [[nodiscard]] static Result<QList<ForeignKeyViolation>> foreignKeyViolations(const QSqlDatabase& db);
    [[nodiscard]] static Result<QStringList> tableNames(const QSqlDatabase& db);
};

} // namespace quarry
