#include "models/TypedText.h"

#include "core/ValueText.h"
#include "database/ColumnAffinity.h"
#include "database/SqlValue.h"

namespace quarry {

QString TypedText::of(const QVariant& value)
{
    switch (SqlValue::storageClass(value)) {
    case SqlValue::StorageClass::Null:
        return {};
    case SqlValue::StorageClass::Integer:
        return QString::number(value.toLongLong());
    case SqlValue::StorageClass::Real:
        return ValueText::real(value.toDouble());
    default:
        if (value.metaType() == QMetaType::fromType<QString>())
            return value.toString();
        return QString::fromUtf8(SqlValue::bytes(value));
    }
}

Result<QVariant> TypedText::fromText(QString text, Storage storage, bool crlf)
{
    if (crlf)
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    switch (storage) {
    case Storage::Integer: {
        bool ok = false;
        const qlonglong number = text.trimmed().toLongLong(&ok);
        if (!ok)
            return Error::make(Error::Kind::Validation,
                               QStringLiteral("\u201c%1\u201d is not an integer from -9223372036854775808 to "
                                              "9223372036854775807.")
                                   .arg(text.left(40)));
        return QVariant(number);
    }
    case Storage::Real:
        if (const std::optional<double> real = ColumnAffinity::realFromText(text))
            return QVariant(*real);
        return Error::make(Error::Kind::Validation,
                           QStringLiteral("\u201c%1\u201d is not a number.").arg(text.left(40)));
    case Storage::Blob:
        return QVariant(text.toUtf8());
    case Storage::Text:
        break;
    }
    return QVariant(text.isNull() ? QStringLiteral("") : text);
}

Result<QVariant> TypedText::fromBytes(const QByteArray& bytes, Storage storage)
{
    switch (storage) {
    case Storage::Text:
        return SqlValue::fromText(bytes.constData(), bytes.size());
    case Storage::Blob:
        return QVariant(bytes.isNull() ? QByteArray("") : bytes);
    default:
        return Error::make(Error::Kind::Validation,
                           QStringLiteral("Bytes are stored as BLOB or as Text; choose one of them under Store as."));
    }
}

TypedText::Storage TypedText::storageOf(const QVariant& value)
{
    switch (SqlValue::storageClass(value)) {
    case SqlValue::StorageClass::Integer:
        return Storage::Integer;
    case SqlValue::StorageClass::Real:
        return Storage::Real;
    case SqlValue::StorageClass::Blob:
        return Storage::Blob;
    default:
        return Storage::Text;
    }
}

bool TypedText::usesCrLf(const QString& text)
{
    const qsizetype pairs = text.count(QStringLiteral("\r\n"));
    return pairs > 0 && pairs == text.count(QLatin1Char('\n'));
}

} // namespace quarry
