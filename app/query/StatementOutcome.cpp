#include "query/StatementOutcome.h"

#include "core/Counting.h"

#include <QLocale>

namespace quarry {

QString StatementOutcome::summary() const
{
    if (error)
        return error->cancelled ? QStringLiteral("Stopped after %1 ms").arg(elapsedMs) : error->describe();
    if (hasRows())
        return plainCountText(rowCount, QStringLiteral("row"), QStringLiteral("rows"));
    if (kind == StatementInfo::Kind::Insert || kind == StatementInfo::Kind::Update ||
        kind == StatementInfo::Kind::Delete)
        return plainCountText(changes, QStringLiteral("row affected"), QStringLiteral("rows affected"));
    return QStringLiteral("Statement executed");
}

QString RunSummary::statusText(bool errorShown) const
{
    const QString elapsed = QStringLiteral("%1 ms").arg(QLocale().toString(elapsedMs));
    if (!error)
        return QStringLiteral("%1 ran in %2.")
            .arg(plainCountText(statementsRun, QStringLiteral("statement"), QStringLiteral("statements")), elapsed);
    if (error->cancelled)
        return QStringLiteral("Stopped after %1.").arg(elapsed);
    return QStringLiteral("Statement %1 of %2 failed: %3")
        .arg(error->statement + 1)
        .arg(statementCount)
        .arg(errorShown ? error->message : error->describe());
}

} // namespace quarry
