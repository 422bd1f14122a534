#include "database/SqlIdentifier.h"

namespace quarry {

QString SqlIdentifier::quote(const QString& name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool SqlIdentifier::sameName(const QString& a, const QString& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const char16_t x = a.at(i).unicode();
        const char16_t y = b.at(i).unicode();
        if (x == y)
            continue;
        const auto lower = [](char16_t c) { return (c >= u'A' && c <= u'Z') ? char16_t(c + (u'a' - u'A')) : c; };
        if (x > 0x7f || y > 0x7f || lower(x) != lower(y))
            return false;
    }
    return true;
}

QString SqlIdentifier::list(const QStringList& names)
{
    QStringList quoted;
    for (const QString& name : names)
        quoted << quote(name);
    return quoted.join(QStringLiteral(", "));
}

QString SqlIdentifier::conditions(const QStringList& names)
{
    QStringList parts;
    for (const QString& name : names)
        parts << quote(name) + QStringLiteral(" = ?");
    return parts.join(QStringLiteral(" AND "));
}

} // namespace quarry
