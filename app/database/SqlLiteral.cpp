#include "database/SqlLiteral.h"

#include "core/ValueText.h"
#include "database/SqlIdentifier.h"
#include "database/SqlValue.h"

#include <cmath>

namespace quarry {

QString SqlLiteral::of(const QVariant& value)
{
    switch (SqlValue::storageClass(value)) {
    case SqlValue::StorageClass::Null:
        return QStringLiteral("NULL");
    case SqlValue::StorageClass::Integer:
        return QString::number(value.toLongLong());
    case SqlValue::StorageClass::Real: {
        const double real = value.toDouble();
        if (std::isinf(real))
            return real > 0 ? QStringLiteral("9e999") : QStringLiteral("-9e999");
        return ValueText::real(real);
    }
    case SqlValue::StorageClass::Blob:
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(SqlValue::bytes(value).toHex()));
    case SqlValue::StorageClass::Text:
        break;
    }
    if (value.metaType() == QMetaType::fromType<QString>() && !value.toString().contains(QChar(0))) {
        QString text = value.toString();
        text.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    return QStringLiteral("CAST(x'%1' AS TEXT)").arg(QString::fromLatin1(SqlValue::bytes(value).toHex()));
}

QString SqlLiteral::insert(const QString& table, const QStringList& columns, const QVariantList& values)
{
    QStringList literals;
    for (const QVariant& value : values)
        literals << of(value);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3);")
        .arg(SqlIdentifier::quote(table), SqlIdentifier::list(columns), literals.join(QStringLiteral(", ")));
}

} // namespace quarry
