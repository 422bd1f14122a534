#pragma once

#include "core/Result.h"
#include "write/Change.h"
#include "write/ChangeFailure.h"
#include "write/RuleSet.h"

#include <QList>
#include <QSqlDatabase>

namespace quarry {

// Collects inserts, updates and deletes to any tables and writes them all in one transaction, or none: the engine
// behind Write Changes.
//
//   UnitOfWork work(connection.database(), RuleSet::Blog);
//   work.update(u"users"_s, {{u"id"_s, 1}}, {{u"email"_s, u"alice@new.example"_s}});
//   work.remove(u"comments"_s, {{u"id"_s, 4}});
//   ChangeFailure failure;
//   if (auto written = work.commit(&failure); !written)
//       show(failure.changeIndex, failure.column, written.error().message); // every change is still held
//
// commit() first normalises and validates every change (RuleSet::Blog), touching nothing if one is refused; then
// runs them between BEGIN IMMEDIATE and COMMIT in the order ChangeOrder plans (parents' inserts first, children's
// deletes first). If any statement or the COMMIT fails it rolls back, so the file is as it was, keeps every change
// so they can be fixed and written again, and reports which change failed and why in words ("Cannot add the new
// user: username 'bob' is already taken.") with SQLite's extended code in Error::sqliteCode.
//
// Uses the connection of the thread that created it; the database must not be inside a transaction already.
// Reads other code has pending on the same connection (a model's partly fetched select) keep working through a
// commit or a rollback (measured with SQLite 3.40.1).
class UnitOfWork {
public:
    explicit UnitOfWork(QSqlDatabase db, RuleSet rules = RuleSet::Blog);

    // Each returns the new change's index in changes().
    int add(const Change& change);
    int insert(const QString& table, const QVariantMap& values, const QVariantMap& key = {});
    int update(const QString& table, const QVariantMap& key, const QVariantMap& values);
    int remove(const QString& table, const QVariantMap& key);

    const QList<Change>& changes() const { return m_changes; }
    qsizetype count() const { return m_changes.size(); }
    bool isEmpty() const { return m_changes.isEmpty(); }
    // Replaces one change (an edited pending value), keeping its place.
    void replace(qsizetype index, const Change& change) { m_changes[index] = change; }

    struct Report {
        // For each change, in the order of changes() before the commit: the rowid of an inserted row, else 0.
        QList<qint64> newRowIds;
        // Rows written by the statements (not counting rows removed by ON DELETE CASCADE).
        qint64 rowsWritten = 0;
    };

    // Writes every change in one transaction. On success the changes are dropped and the report returned; on
    // failure nothing is written, every change is kept, and `failure`, when given, says which change (its index,
    // table, key and column when known) and why.
    [[nodiscard]] Result<Report> commit(ChangeFailure* failure = nullptr);

private:
    Error fail(ChangeFailure failureDetails, ChangeFailure* out);
    void rollback();

    QSqlDatabase m_db;
    RuleSet m_rules;
    QList<Change> m_changes;
};

} // namespace quarry
