#include "blog/Normaliser.h"

#include "database/SqlIdentifier.h"

namespace quarry {

QString Normaliser::username(const QString& value)
{
    if (value.isNull())
        return value;
    return value.trimmed().normalized(QString::NormalizationForm_C).toLower();
}

QString Normaliser::email(const QString& value)
{
    if (value.isNull())
        return value;
    return value.trimmed().toLower();
}

QVariant Normaliser::value(const QString& table, const QString& column, const QVariant& value)
{
    if (value.typeId() != QMetaType::QString || value.toString().isNull())
        return value;
    if (!SqlIdentifier::sameName(table, QStringLiteral("users")))
        return value;
    if (SqlIdentifier::sameName(column, QStringLiteral("username")))
        return username(value.toString());
    if (SqlIdentifier::sameName(column, QStringLiteral("email")))
        return email(value.toString());
    return value;
}

QVariantMap Normaliser::values(const QString& table, const QVariantMap& values)
{
    QVariantMap result;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        result.insert(it.key(), value(table, it.key(), it.value()));
    return result;
}

} // namespace quarry
