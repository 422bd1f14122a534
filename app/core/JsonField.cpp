#include "core/JsonField.h"

#include "core/ValueText.h"

#include <cmath>

namespace quarry {

QString JsonField::string(const QString& text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\b':
            out += QStringLiteral("\\b");
            break;
        case u'\f':
            out += QStringLiteral("\\f");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString JsonField::value(const QVariant& value)
{
    switch (ValueText::typeOf(value)) {
    case ResultCell::Type::Null:
        return QStringLiteral("null");
    case ResultCell::Type::Integer:
        return QString::number(value.toLongLong());
    case ResultCell::Type::Real: {
        const double d = value.toDouble();
        // JSON has no infinity; SQLite stores 1e999 as one.
        return std::isfinite(d) ? ValueText::real(d) : string(ValueText::real(d));
    }
    case ResultCell::Type::Blob:
        return QLatin1Char('"') + QString::fromLatin1(value.toByteArray().toBase64()) + QLatin1Char('"');
    case ResultCell::Type::Text:
        break;
    }
    return string(value.toString());
}

} // namespace quarry
