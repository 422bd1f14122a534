#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace quarry {

// Runs a query with bound values and returns the first column of its first row (NULL when there is no row).
// For counts and existence checks.
class ScalarQuery {
public:
    [[nodiscard]] static Result<QVariant> value(const QSqlDatabase& db, const QString& sql, const QVariantList& bound,
                                                const QString& context);
};

} // namespace quarry
