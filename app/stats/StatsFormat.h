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
    // RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled.
    static QString csvField(const QString& field);
    // One CSV record, CRLF-terminated as RFC 4180 asks.
    static QString csvRecord(const QStringList& fields);
    // Values as text(); an empty string is written "" so it stays distinct from NULL (an empty field).
    static QString csvRecord(const QVariantList& values);
    // Integers and reals as JSON numbers, text as strings, NULL as null.
    static QJsonValue json(const QVariant& value);
    static bool isNumeric(const QVariant& value);
};

} // namespace quarry
