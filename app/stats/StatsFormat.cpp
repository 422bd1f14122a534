#include "stats/StatsFormat.h"

#include "query/ValueText.h"

namespace quarry {

bool StatsFormat::isNumeric(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

QString StatsFormat::text(const QVariant& value)
{
    // The same text `quarry sql` and the query editor's exports give: reals as the shortest round-trip
    // text (1.33, 2.0), BLOBs as base64, NULL empty.
    return ValueText::plain(value);
}

QString StatsFormat::csvField(const QString& field)
{
    static const QString kSpecial = QStringLiteral(",\"\r\n");
    bool needsQuotes = false;
    for (const QChar c : field) {
        if (kSpecial.contains(c)) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString StatsFormat::csvRecord(const QStringList& fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += csvField(fields.at(i));
    }
    return line + QStringLiteral("\r\n");
}

QString StatsFormat::csvRecord(const QVariantList& values)
{
    QString line;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        const QVariant& value = values.at(i);
        const QString field = text(value);
        // An empty string is quoted so that it reads back differently from NULL, which is an empty field.
        const bool isEmptyText = field.isEmpty() && value.isValid() && !value.isNull();
        line += isEmptyText ? QStringLiteral("\"\"") : csvField(field);
    }
    return line + QStringLiteral("\r\n");
}

QJsonValue StatsFormat::json(const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QJsonValue(value.toLongLong());
    case QMetaType::Double:
        return QJsonValue(value.toDouble());
    default:
        return QJsonValue(text(value));
    }
}

} // namespace quarry
