#include "stats/StatsFormat.h"

#include "core/CsvField.h"
#include "core/ValueText.h"

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

QString StatsFormat::csvRecord(const QStringList& fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += CsvField::quote(fields.at(i), CsvField::EmptyText::Bare);
    }
    return line + QStringLiteral("\r\n");
}

QString StatsFormat::csvRecord(const QVariantList& values)
{
    // Each value as the query editor's CSV export writes it, so the two files agree byte for byte.
    QString line;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += CsvField::value(values.at(i));
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
