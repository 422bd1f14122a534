#include "models/CellText.h"

#include "core/ValueText.h"
#include "database/SqlValue.h"

#include <QtEndian>

namespace quarry {

namespace {

constexpr int kHeadBytes = 8;
constexpr qsizetype kMaxCellText = 240;

QString blobSummary(const QByteArray& head, qint64 size)
{
    if (size == 0)
        return QStringLiteral("BLOB (empty)");
    const QString image = CellText::imageKind(head);
    if (!image.isEmpty())
        return QStringLiteral("BLOB, %1, %2").arg(image, ValueText::byteSize(size));
    QString text = QStringLiteral("BLOB, %1: %2").arg(ValueText::byteSize(size), CellText::hexHead(head, kHeadBytes));
    if (size > kHeadBytes)
        text += QStringLiteral(" \u2026");
    return text;
}

} // namespace

QString CellText::oneLine(const QString& text, bool more)
{
    qsizetype cut = text.indexOf(QLatin1Char('\n'));
    if (cut < 0 && text.size() <= kMaxCellText && !more)
        return text;
    if (cut < 0 || cut > kMaxCellText)
        cut = std::min(kMaxCellText, text.size());
    return text.left(cut) + QStringLiteral("\u2026");
}

QString CellText::hexHead(const QByteArray& bytes, int count)
{
    return QString::fromLatin1(bytes.left(count).toHex(' '));
}

QString CellText::imageKind(const QByteArray& head)
{
    const auto* data = reinterpret_cast<const uchar*>(head.constData());
    if (head.startsWith("\x89PNG\r\n\x1a\n") && head.size() >= 24)
        return QStringLiteral("PNG image %1\u00d7%2")
            .arg(qFromBigEndian<quint32>(data + 16))
            .arg(qFromBigEndian<quint32>(data + 20));
    if ((head.startsWith("GIF87a") || head.startsWith("GIF89a")) && head.size() >= 10)
        return QStringLiteral("GIF image %1\u00d7%2")
            .arg(qFromLittleEndian<quint16>(data + 6))
            .arg(qFromLittleEndian<quint16>(data + 8));
    if (head.startsWith("\xff\xd8\xff"))
        return QStringLiteral("JPEG image");
    if (head.startsWith("BM") && head.size() >= 26)
        return QStringLiteral("BMP image %1\u00d7%2")
            .arg(qFromLittleEndian<qint32>(data + 18))
            .arg(std::abs(qFromLittleEndian<qint32>(data + 22)));
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QStringLiteral("WebP image");
    return {};
}

std::optional<QString> CellText::summary(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    if (value.typeId() == QMetaType::Double)
        return ValueText::real(value.toDouble());
    if (value.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = value.toByteArray();
        return blobSummary(bytes, bytes.size());
    }
    if (value.metaType() == QMetaType::fromType<CutValue>()) {
        const CutValue cut = value.value<CutValue>();
        if (cut.isBlob)
            return blobSummary(cut.head, cut.bytes);
        return QStringLiteral("%1 (%2)").arg(CellText::oneLine(QString::fromUtf8(cut.head), true),
                                             ValueText::byteSize(cut.bytes));
    }
    if (value.metaType() == QMetaType::fromType<TextBytes>()) {
        const QByteArray bytes = value.value<TextBytes>().bytes;
        return QStringLiteral("%1 (not UTF-8)").arg(CellText::oneLine(QString::fromUtf8(bytes), false));
    }
    return std::nullopt;
}

} // namespace quarry
