#include "core/DelimitedText.h"

namespace quarry {

QList<QStringList> DelimitedText::parse(const QString& text, QChar separator)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;     // inside a quoted field
    bool fieldStart = true;  // nothing of the field read yet
    bool recordOpen = false; // something of the current record read
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && fieldStart) {
            quoted = true;
            fieldStart = false;
            recordOpen = true;
        } else if (c == separator) {
            row << field;
            field.clear();
            fieldStart = true;
            recordOpen = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row << field;
            rows << row;
            row.clear();
            field.clear();
            fieldStart = true;
            recordOpen = false;
        } else {
            field += c;
            fieldStart = false;
            recordOpen = true;
        }
    }
    if (recordOpen) {
        row << field;
        rows << row;
    }
    return rows;
}

} // namespace quarry
