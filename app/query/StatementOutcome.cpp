#include "query/StatementOutcome.h"

#include <QLocale>

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

QString RunSummary::statusText(bool errorShown) const
{
    const QString elapsed = QStringLiteral("%1 ms").arg(QLocale().toString(elapsedMs));
    if (!error)
        return statementsRun == 1 ? QStringLiteral("1 statement ran in %1.").arg(elapsed)
                                  : QStringLiteral("%1 statements ran in %2.").arg(statementsRun).arg(elapsed);
    if (error->cancelled)
        return QStringLiteral("Stopped after %1.").arg(elapsed);
    return QStringLiteral("Statement %1 of %2 failed: %3")
        .arg(error->statement + 1)
        .arg(statementCount)
        .arg(errorShown ? error->message : error->describe());
}

} // namespace quarry
