#pragma once

#include <QLocale>
#include <QString>

namespace quarry {

// The one plural rule: English nouns, `singular` for exactly one, `plural` for any other count. The app has no
// translations, so tr("%n row(s)") would show its "(s)" as written.
inline QString plural(qint64 n, const QString& singular, const QString& plural)
{
    return n == 1 ? singular : plural;
}

// "1 row", "3,424 rows": a count in the person's locale with the noun that goes with it.
inline QString countText(qint64 n, const QString& singular, const QString& plural)
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(n), quarry::plural(n, singular, plural));
}

// "1 row", "3424 rows": a count in plain digits with its noun, for text read back or compared as written (the
// command line's output, the history's details).
inline QString plainCountText(qint64 n, const QString& singular, const QString& plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(quarry::plural(n, singular, plural));
}

inline QString rowsText(qint64 n)
{
    return countText(n, QStringLiteral("row"), QStringLiteral("rows"));
}

} // namespace quarry
