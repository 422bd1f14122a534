#include "query/StatementOutcome.h"

namespace quarry {

QString StatementOutcome::summary() const
{
    if (error)
        return error->cancelled ? QStringLiteral("Stopped after %1 ms").arg(elapsedMs) : error->describe();
    if (hasRows())
        return rowCount == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(rowCount);
    if (kind == StatementInfo::Kind::Insert || kind == StatementInfo::Kind::Update ||
        kind == StatementInfo::Kind::Delete)
        return changes == 1 ? QStringLiteral("1 row affected") : QStringLiteral("%1 rows affected").arg(changes);
    return QStringLiteral("Statement executed");
}

} // namespace quarry
