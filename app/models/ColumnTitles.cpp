#include "models/ColumnTitles.h"

#include <QHash>
#include <QStringList>

namespace quarry {

QString ColumnTitles::forColumn(const QString& column, bool isForeignKey)
{
    static const QHash<QString, QString> known{
        {QStringLiteral("id"), QStringLiteral("ID")},
        {QStringLiteral("created_at"), QStringLiteral("Created")},
        {QStringLiteral("updated_at"), QStringLiteral("Updated")},
        {QStringLiteral("email"), QStringLiteral("Email")},
    };
    const QString lower = column.toLower();
    if (const auto it = known.constFind(lower); it != known.cend())
        return *it;
    QString name = column;
    if (isForeignKey && lower.endsWith(QStringLiteral("_id")) && lower.size() > 3)
        name.chop(3);
    // Only names written in snake_case or lower case are turned into words; anything else is the author's own.
    if (name != name.toLower() || name.contains(QLatin1Char(' ')))
        return name;
    static const QHash<QString, QString> acronyms{{QStringLiteral("url"), QStringLiteral("URL")},
                                                  {QStringLiteral("id"), QStringLiteral("ID")},
                                                  {QStringLiteral("ip"), QStringLiteral("IP")}};
    QStringList words = name.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    for (int i = 0; i < words.size(); ++i) {
        if (acronyms.contains(words[i]))
            words[i] = acronyms.value(words[i]);
        else if (i == 0)
            words[i][0] = words[i][0].toUpper();
    }
    return words.isEmpty() ? column : words.join(QLatin1Char(' '));
}

} // namespace quarry
