#include "schema/LessonTables.h"

#include "database/SqlError.h"
#include "database/SqlScript.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {

// The columns the lesson's tables must have to be recognised, and those Quarry copies when adopting them.
struct LessonTable {
    QString name;
    QStringList required;
};

const QList<LessonTable>& lessonTables()
{
    static const QList<LessonTable> tables{
        {QStringLiteral("users"), {QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email")}},
        {QStringLiteral("posts"),
         {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("content"), QStringLiteral("author_id")}},
        {QStringLiteral("comments"),
         {QStringLiteral("id"), QStringLiteral("content"), QStringLiteral("post_id"), QStringLiteral("author_id")}},
    };
    return tables;
}

const QString kCreatedAt = QStringLiteral("created_at");
const QString kLessonPrefix = QStringLiteral("quarry_lesson_");

Result<QStringList> columnNames(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?)"));
    query.addBindValue(table);
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("Cannot read the columns of %1").arg(table));
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

Result<qint64> scalar(const QSqlDatabase& db, const QString& sql, const QVariant& bound = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    if (bound.isValid())
        query.addBindValue(bound);
    if (!query.exec())
        return sqlError(query.lastError(), QString());
    return query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace

Result<bool> LessonTables::present(const QSqlDatabase& db, const QStringList& tables)
{
    for (const LessonTable& table : lessonTables()) {
        if (!tables.contains(table.name))
            return false;
        auto columns = columnNames(db, table.name);
        if (!columns)
            return columns.error();
        for (const QString& column : table.required) {
            if (!columns->contains(column))
                return false;
        }
    }
    return true;
}

Status LessonTables::check(const QSqlDatabase& db, const QString& file)
{
    for (const LessonTable& table : lessonTables()) {
        auto columns = columnNames(db, table.name);
        if (!columns)
            return columns.error();
        QStringList unknown;
        for (const QString& column : *columns) {
            if (!table.required.contains(column) && column != kCreatedAt)
                unknown << column;
        }
        if (!unknown.isEmpty())
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("Not upgrading \u201c%1\u201d: table %2 has columns the blog schema does "
                                              "not know (%3), and upgrading would lose them.")
                                   .arg(file, table.name, unknown.join(QStringLiteral(", "))));
        for (const QString& column : table.required) {
            if (column == QStringLiteral("id"))
                continue;
            auto nullRow =
                scalar(db, QStringLiteral("SELECT coalesce((SELECT rowid FROM %1 WHERE %2 IS NULL LIMIT 1), 0)")
                               .arg(table.name, column));
            if (!nullRow)
                return nullRow.error();
            if (*nullRow != 0)
                return Error::make(Error::Kind::Constraint,
                                   QStringLiteral("Not upgrading \u201c%1\u201d: %2 row %3 has no %4, which the blog "
                                                  "schema requires. Fill it in or delete that row, then upgrade.")
                                       .arg(file, table.name)
                                       .arg(*nullRow)
                                       .arg(column));
        }
    }
    return {};
}

Status LessonTables::adopt(const QSqlDatabase& db, const QString& v1Script)
{
    const QString context = QStringLiteral("Adopting the lesson's tables failed");
    // Indexes and triggers a person added to the lesson's tables go with them when they are dropped;
    // remember them to create them again on the new tables.
    QStringList extras;
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS "
                                       "NOT NULL AND tbl_name IN ('users', 'posts', 'comments')")))
            return sqlError(query.lastError(), context);
        while (query.next())
            extras << query.value(0).toString();
    }
    QHash<QString, qint64> sequences;
    auto hasSequence = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'"));
    if (!hasSequence)
        return hasSequence.error();
    if (*hasSequence) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT name, seq FROM sqlite_sequence")))
            return sqlError(query.lastError(), context);
        while (query.next())
            sequences.insert(query.value(0).toString(), query.value(1).toLongLong());
    }

    for (const LessonTable& table : lessonTables()) {
        if (auto ok = SqlScript::exec(
                db, QStringLiteral("ALTER TABLE %1 RENAME TO %2%1").arg(table.name, kLessonPrefix), context);
            !ok)
            return ok;
    }
    if (auto ok = SqlScript::execute(db, v1Script, context); !ok)
        return ok;

    for (const LessonTable& table : lessonTables()) {
        auto columns = columnNames(db, kLessonPrefix + table.name);
        if (!columns)
            return columns.error();
        QStringList copied = table.required;
        if (columns->contains(kCreatedAt))
            copied << kCreatedAt;
        const QString list = copied.join(QStringLiteral(", "));
        if (auto ok = SqlScript::exec(db,
                                      QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3%1 ORDER BY id")
                                          .arg(table.name, list, kLessonPrefix),
                                      context);
            !ok)
            return ok;
        auto before = scalar(db, QStringLiteral("SELECT count(*) FROM %1%2").arg(kLessonPrefix, table.name));
        auto after = scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table.name));
        if (!before || !after || *before != *after)
            return Error::make(
                Error::Kind::Sql,
                QStringLiteral("%1: %2 would not keep every row; nothing was changed.").arg(context, table.name));
        // Keep AUTOINCREMENT's promise never to reuse an id the lesson's table had handed out.
        if (const qint64 seq = sequences.value(table.name, 0); seq > 0) {
            QSqlQuery update(db);
            update.prepare(QStringLiteral("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?"));
            update.addBindValue(seq);
            update.addBindValue(table.name);
            if (!update.exec())
                return sqlError(update.lastError(), context);
        }
    }
    for (const LessonTable& table : {lessonTables()[2], lessonTables()[1], lessonTables()[0]}) {
        if (auto ok = SqlScript::exec(db, QStringLiteral("DROP TABLE %1%2").arg(kLessonPrefix, table.name), context);
            !ok)
            return ok;
    }
    for (const QString& sql : extras) {
        QSqlQuery query(db);
        // An index the lesson made that v1 now makes too (same name) is already there: keep ours.
        if (!query.exec(sql) && !query.lastError().databaseText().contains(QStringLiteral("already exists")))
            return sqlError(query.lastError(), context);
    }
    return {};
}

} // namespace quarry
