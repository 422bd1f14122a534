#include "JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace quarry::bench {

QString JsonText::value(const QJsonValue& value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // QJsonDocument writes only arrays and objects: write the value as a one-element array and unwrap it.
    const QString array = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return array.mid(1, array.size() - 2);
}

QString JsonText::object(const Members& members)
{
    QStringList parts;
    for (const auto& [name, text] : members)
        parts << string(name) + QStringLiteral(": ") + text;
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QString JsonText::objectLines(const Members& members, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    QStringList parts;
    for (const auto& [name, text] : members)
        parts << pad + string(name) + QStringLiteral(": ") + text;
    return QStringLiteral("{\n") + parts.join(QStringLiteral(",\n")) + QStringLiteral("\n}");
}

} // namespace quarry::bench
