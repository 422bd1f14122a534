#include "core/CsvField.h"

#include "core/ValueText.h"

#include <algorithm>

namespace quarry {

QString CsvField::quote(const QString& text, EmptyText empty, QChar separator)
{
    const auto special = [separator](QChar c) { return c == separator || c == u'"' || c == u'\r' || c == u'\n'; };
    const bool needsQuotes =
        text.isEmpty() ? empty == EmptyText::Quoted : std::any_of(text.cbegin(), text.cend(), special);
    if (!needsQuotes)
        return text;
    QString quoted;
    quoted.reserve(text.size() + 2);
    quoted += u'"';
    for (const QChar c : text) {
        if (c == u'"')
            quoted += u'"';
        quoted += c;
    }
    quoted += u'"';
    return quoted;
}

QString CsvField::value(const QVariant& value, QChar separator)
{
    if (value.isNull())
        return {};
    return quote(ValueText::plain(value), EmptyText::Quoted, separator);
}

} // namespace quarry
