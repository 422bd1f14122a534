#include "blog/FullName.h"

#include "database/SqlIdentifier.h"

#include <QRegularExpression>

namespace quarry {

namespace {

// Exactly the characters the SQL expression trims: char(32, 9, 10, 11, 12, 13). QString::trimmed() would also
// drop Unicode spaces such as U+00A0, which SQLite's trim() keeps, and the two must agree.
bool isTrimmed(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || (u >= u'\t' && u <= u'\r');
}

QString trimmedName(const QString& name)
{
    qsizetype begin = 0;
    qsizetype end = name.size();
    while (begin < end && isTrimmed(name.at(begin)))
        ++begin;
    while (end > begin && isTrimmed(name.at(end - 1)))
        --end;
    return name.mid(begin, end - begin);
}

} // namespace

QString FullName::of(const QString& firstName, const QString& lastName, const QString& username)
{
    const QString first = trimmedName(firstName);
    const QString last = trimmedName(lastName);
    if (!first.isEmpty() && !last.isEmpty())
        return first + QLatin1Char(' ') + last;
    if (!first.isEmpty())
        return first;
    if (!last.isEmpty())
        return last;
    return username;
}

QString FullName::sqlFor(const QString& tableAlias)
{
    // One pass over kSql, so an alias that itself contains a column name is never rewritten again.
    static const QRegularExpression columns(QStringLiteral("\\b(first_name|last_name|username)\\b"));
    const QString sql = kSql.toString();
    const QString prefix = SqlIdentifier::quote(tableAlias) + QLatin1Char('.');
    QString qualified;
    qsizetype from = 0;
    for (auto it = columns.globalMatch(sql); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        qualified += sql.mid(from, match.capturedStart() - from) + prefix + match.captured();
        from = match.capturedEnd();
    }
    return qualified + sql.mid(from);
}

} // namespace quarry
