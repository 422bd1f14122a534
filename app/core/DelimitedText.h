#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace quarry {

// Reads delimited text (TSV as spreadsheets copy it, CSV by RFC 4180) into rows of fields: a field in double
// quotes may hold the separator, line breaks and doubled quotes; CR LF, LF and CR end a record; a last line
// without a line break is a record; a final line break adds none.
class DelimitedText {
public:
    static QList<QStringList> parse(const QString& text, QChar separator = u'\t');
};

} // namespace quarry
