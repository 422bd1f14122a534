#include "blog/ScalarQuery.h"

#include "database/SqlError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

Result<QVariant> ScalarQuery::value(const QSqlDatabase& db, const QString& sql, const QVariantList& bound,
                                    const QString& context)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(query.lastError(), context);
    for (const QVariant& v : bound)
        query.addBindValue(v);
    if (!query.exec())
        return sqlError(query.lastError(), context);
    return query.next() ? query.value(0) : QVariant();
}

} // namespace quarry
