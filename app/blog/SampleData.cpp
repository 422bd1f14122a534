#include "blog/SampleData.h"

#include "database/SqlScript.h"

#include <QSqlQuery>

namespace quarry {

Status SampleData::loadLessonSample(const QSqlDatabase& db)
{
    const QString context = QStringLiteral("Cannot load the sample data");
    auto script = SqlScript::load(QStringLiteral(":/sql/sample/lesson_sample.sql"));
    if (!script)
        return script.error();
    if (auto ok = SqlScript::exec(db, QStringLiteral("BEGIN IMMEDIATE"), context); !ok)
        return ok;
    Status ok = SqlScript::execute(db, *script, context);
    if (ok)
        ok = SqlScript::exec(db, QStringLiteral("COMMIT"), context);
    if (!ok)
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    return ok;
}

} // namespace quarry
