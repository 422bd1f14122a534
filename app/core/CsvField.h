#pragma once

#include <QChar>
#include <QString>
#include <QVariant>

namespace quarry {

// One field of a delimited record as RFC 4180 writes it. Every CSV and TSV Quarry writes (query exports, the
// stats export, the command line, the grid's clipboard) quotes through here, so the same text gives the same
// bytes everywhere. JsonField is its JSON counterpart.
class CsvField {
public:
    // What an empty string becomes. Where NULL is written as an empty field, an empty string is quoted ("") so
    // that the two read back apart; where nothing can be NULL (column names), it stays bare.
    enum class EmptyText { Bare, Quoted };

    // `text` as it is, or in double quotes with its quotes doubled when it holds the separator, a quote, CR or
    // LF. Leading and trailing spaces are data in RFC 4180 and do not call for quotes.
    static QString quote(const QString& text, EmptyText empty, QChar separator = u',');
    // A stored value as a field: its ValueText::plain text, quoted when it needs to be. NULL is the empty bare
    // field, so an empty string is quoted ("") to read back as text.
    static QString value(const QVariant& value, QChar separator = u',');
};

} // namespace quarry
