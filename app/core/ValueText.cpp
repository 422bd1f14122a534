#include "core/ValueText.h"

#include "core/Counting.h"

#include <charconv>
#include <cmath>

namespace quarry {

QString ValueText::real(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Inf") : QStringLiteral("-Inf");
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    QString text = QString::fromLatin1(buffer, result.ptr - buffer);
    if (!text.contains(u'.') && !text.contains(u'e'))
        text += QStringLiteral(".0");
    return text;
}

ResultCell::Type ValueText::typeOf(const QVariant& value)
{
    if (value.isNull())
        return ResultCell::Type::Null;
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return ResultCell::Type::Integer;
    case QMetaType::Double:
        return ResultCell::Type::Real;
    case QMetaType::QByteArray:
        return ResultCell::Type::Blob;
    default:
        return ResultCell::Type::Text;
    }
}

QString ValueText::plain(const QVariant& value)
{
    switch (typeOf(value)) {
    case ResultCell::Type::Null:
        return {};
    case ResultCell::Type::Integer:
        return QString::number(value.toLongLong());
    case ResultCell::Type::Real:
        return real(value.toDouble());
    case ResultCell::Type::Blob:
        return QString::fromLatin1(value.toByteArray().toBase64());
    case ResultCell::Type::Text:
        break;
    }
    return value.toString();
}

QString ValueText::byteSize(qint64 bytes)
{
    if (bytes < 1024)
        return plainCountText(bytes, QStringLiteral("byte"), QStringLiteral("bytes"));
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < 1024LL * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return QStringLiteral("%1 GiB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
}

QString ValueText::display(const ResultCell& cell)
{
    switch (cell.type) {
    case ResultCell::Type::Null:
        return QStringLiteral("NULL");
    case ResultCell::Type::Integer:
        return QString::number(cell.value.toLongLong());
    case ResultCell::Type::Real:
        return real(cell.value.toDouble());
    case ResultCell::Type::Blob:
        return QStringLiteral("BLOB (%1)").arg(byteSize(cell.size));
    case ResultCell::Type::Text:
        break;
    }
    QString text = cell.value.toString();
    for (QChar& c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    if (cell.isTruncated())
        text += QStringLiteral("\u2026 (%1)").arg(byteSize(cell.size));
    return text;
}

} // namespace quarry
