#pragma once

#include <QLocale>
#include <QString>

namespace quarry {

// "1 row", "3,424 rows": a count in the person's locale with the English noun that goes with it. The app has no
// translations, so tr("%n row(s)") would show its "(s)" as written.
inline QString countText(qint64 n, const QString& singular, const QString& plural)
{
    return n == 1 ? QStringLiteral("1 %1").arg(singular) : QStringLiteral("%1 %2").arg(QLocale().toString(n), plural);
}

inline QString rowsText(qint64 n)
{
    return countText(n, QStringLiteral("row"), QStringLiteral("rows"));
}

} // namespace quarry
