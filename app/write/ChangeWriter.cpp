#include "write/ChangeWriter.h"

#include "blog/Normaliser.h"
#include "blog/Validators.h"
#include "database/Connection.h"
#include "database/SqlError.h"
#include "database/SqlIdentifier.h"
#include "database/Statement.h"
#include "write/Vocabulary.h"

#include <sqlite3.h>

namespace quarry {

namespace {

const auto kInsert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)");
const auto kInsertDefaults = QStringLiteral("INSERT INTO %1 DEFAULT VALUES");
const auto kUpdate = QStringLiteral("UPDATE %1 SET %2 WHERE %3");
const auto kDelete = QStringLiteral("DELETE FROM %1 WHERE %2");

ChangeFailure failureOf(const Change& change, Error::Kind kind, const QString& message, const QString& column = {})
{
    ChangeFailure failure;
    failure.change = change;
    failure.column = column;
    failure.error = Error::make(kind, message);
    return failure;
}

Error report(const ChangeFailure& failure, ChangeFailure* out)
{
    if (out)
        *out = failure;
    return failure.error;
}

} // namespace

ChangeWriter::ChangeWriter(QSqlDatabase db, RuleSet rules) : m_db(db), m_rules(rules), m_explainer(db) {}

Change ChangeWriter::prepared(const Change& change) const
{
    if (m_rules == RuleSet::None)
        return change;
    Change normalised = change;
    normalised.values = Normaliser::values(change.table, change.values);
    return normalised;
}

std::optional<ChangeFailure> ChangeWriter::check(const Change& change) const
{
    if (change.table.isEmpty())
        return failureOf(change, Error::Kind::Usage, QStringLiteral("A change names no table."));
    const QString row = Vocabulary::describeRow(change.table, change.key);
    if (change.kind != Change::Kind::Insert && change.key.isEmpty())
        return failureOf(change, Error::Kind::Usage,
                         QStringLiteral("A change to %1 does not say which row it is for.").arg(change.table));
    if (change.kind == Change::Kind::Update && change.values.isEmpty())
        return failureOf(change, Error::Kind::Usage,
                         Vocabulary::sentence(QStringLiteral("%1 has no values to save").arg(row)));
    if (m_rules == RuleSet::Blog && change.kind != Change::Kind::Delete) {
        const Change normalised = prepared(change);
        if (auto invalid = Validators::checkValues(normalised.table, normalised.values))
            return failureOf(normalised, Error::Kind::Validation, invalid->message, invalid->column);
    }
    return std::nullopt;
}

Result<qint64> ChangeWriter::write(const Change& change, ChangeFailure* failure) const
{
    if (auto refused = check(change))
        return report(*refused, failure);
    const Change run = prepared(change);
    const QString table = SqlIdentifier::quote(run.table);

    QString sql;
    QVariantList bound;
    switch (run.kind) {
    case Change::Kind::Insert: {
        // An explicit key is inserted along with the values (a value given for the same column wins).
        QVariantMap row = run.values;
        for (auto it = run.key.cbegin(); it != run.key.cend(); ++it) {
            bool given = false;
            for (auto v = run.values.cbegin(); v != run.values.cend(); ++v)
                given = given || SqlIdentifier::sameName(v.key(), it.key());
            if (!given)
                row.insert(it.key(), it.value());
        }
        if (row.isEmpty()) {
            sql = kInsertDefaults.arg(table);
            break;
        }
        QStringList placeholders;
        for (auto it = row.cbegin(); it != row.cend(); ++it) {
            placeholders << QStringLiteral("?");
            bound << it.value();
        }
        sql = kInsert.arg(table, SqlIdentifier::list(row.keys()), placeholders.join(QStringLiteral(", ")));
        break;
    }
    case Change::Kind::Update: {
        QStringList assignments;
        for (auto it = run.values.cbegin(); it != run.values.cend(); ++it) {
            assignments << SqlIdentifier::quote(it.key()) + QStringLiteral(" = ?");
            bound << it.value();
        }
        for (const QVariant& v : run.key)
            bound << v;
        sql = kUpdate.arg(table, assignments.join(QStringLiteral(", ")), SqlIdentifier::conditions(run.key.keys()));
        break;
    }
    case Change::Kind::Delete:
        for (const QVariant& v : run.key)
            bound << v;
        sql = kDelete.arg(table, SqlIdentifier::conditions(run.key.keys()));
        break;
    }

    // Through the C API, so that every value is bound exactly (SqlValue): QSqlQuery converts text to UTF-16
    // and back, which cannot carry text that is not valid UTF-8, and binds a null QString as NULL.
    sqlite3* db = Connection::handleOf(m_db);
    if (!db)
        return report(failureOf(run, Error::Kind::Sql, QStringLiteral("The database is not open.")), failure);
    Statement statement;
    if (statement.prepare(db, sql.toUtf8()) != SQLITE_OK)
        return report(m_explainer.explain(sqliteError(db, {}), run), failure);
    if (statement.bind(bound) != SQLITE_OK)
        return report(failureOf(run, Error::Kind::Usage,
                                QStringLiteral("A value for %1 cannot be written as it is.").arg(run.table)),
                      failure);
    if (sqlite3_step(statement.handle()) != SQLITE_DONE)
        return report(m_explainer.explain(sqliteError(db, {}), run), failure);

    if (run.kind == Change::Kind::Insert)
        return qint64(sqlite3_last_insert_rowid(db));
    const qint64 changed = sqlite3_changes64(db);
    if (run.kind == Change::Kind::Update && changed == 0)
        return report(failureOf(run, Error::Kind::NotFound,
                                Vocabulary::sentence(QStringLiteral("Cannot save %1: it no longer exists")
                                                         .arg(Vocabulary::describeRow(run.table, run.key)))),
                      failure);
    return changed;
}

} // namespace quarry
