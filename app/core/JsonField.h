#pragma once

#include <QString>
#include <QVariant>

namespace quarry {

// One JSON value as Quarry writes it, beside CsvField for CSV and TSV: every JSON export (the query editor's, the
// command line's, the grid's clipboard) writes its strings and values through here.
class JsonField {
public:
    // A JSON string literal (with quotes) for `text`.
    static QString string(const QString& text);
    // A stored value: integers and finite reals as numbers (reals in their shortest round-trip text), an infinite
    // real as a string, NULL as null, TEXT as a string and BLOB as a base64 string.
    static QString value(const QVariant& value);
};

} // namespace quarry
