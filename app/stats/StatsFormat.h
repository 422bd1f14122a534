#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace quarry {

// How a stats value is written, shared by the panels, their CSV export and `quarry stats`, so every surface
// shows the same text for the same value.
class StatsFormat {
public:
    // Plain text as ValueText::plain gives it: integers as digits, reals as 1.33 or 2.0, NULL as an empty string.
    static QString text(const QVariant& value);
    // One CSV record of column names, CRLF-terminated as RFC 4180 asks; fields quoted by CsvField.
    static QString csvRecord(const QStringList& fields);
    // Values as text(); NULL is an empty field and an empty string is written "" so the two stay apart.
    static QString csvRecord(const QVariantList& values);
    // Integers and reals as JSON numbers, text as strings, NULL as null.
    static QJsonValue json(const QVariant& value);
    static bool isNumeric(const QVariant& value);
};

} // namespace quarry
