#include "write/UnitOfWork.h"

#include "database/SqlError.h"
#include "write/ChangeOrder.h"
#include "write/ChangeWriter.h"
#include "write/ConstraintExplainer.h"

#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {

const auto kBegin = QStringLiteral("BEGIN IMMEDIATE");
const auto kCommit = QStringLiteral("COMMIT");
const auto kRollback = QStringLiteral("ROLLBACK");

} // namespace

UnitOfWork::UnitOfWork(QSqlDatabase db, RuleSet rules) : m_db(std::move(db)), m_rules(rules) {}

int UnitOfWork::add(const Change& change)
{
    m_changes << change;
    return int(m_changes.size() - 1);
}

int UnitOfWork::insert(const QString& table, const QVariantMap& values, const QVariantMap& key)
{
    return add(Change::insert(table, values, key));
}

int UnitOfWork::update(const QString& table, const QVariantMap& key, const QVariantMap& values)
{
    return add(Change::update(table, key, values));
}

int UnitOfWork::remove(const QString& table, const QVariantMap& key)
{
    return add(Change::remove(table, key));
}

Error UnitOfWork::fail(ChangeFailure failureDetails, ChangeFailure* out)
{
    if (out)
        *out = failureDetails;
    return failureDetails.error;
}

void UnitOfWork::rollback()
{
    // SQLite has already rolled back by itself after some errors (a full disk, an interrupt); ROLLBACK then fails
    // with "no transaction is active", which is the state wanted either way.
    QSqlQuery query(m_db);
    query.exec(kRollback);
}

Result<UnitOfWork::Report> UnitOfWork::commit(ChangeFailure* failure)
{
    Report report;
    report.newRowIds.fill(0, m_changes.size());
    if (m_changes.isEmpty())
        return report;

    const ChangeWriter writer(m_db, m_rules);
    // Refuse invalid values before taking the write lock, so a typo never blocks other writers.
    for (int i = 0; i < m_changes.size(); ++i) {
        if (auto refused = writer.check(m_changes.at(i))) {
            refused->changeIndex = i;
            return fail(*refused, failure);
        }
    }

    const QList<int> order = ChangeOrder::plan(m_db, m_changes);
    {
        QSqlQuery begin(m_db);
        if (!begin.exec(kBegin)) {
            ChangeFailure cannotBegin;
            cannotBegin.error = sqlError(begin.lastError(), QStringLiteral("Cannot start writing the changes"));
            return fail(cannotBegin, failure);
        }
    }

    for (const int index : order) {
        ChangeFailure details;
        Result<qint64> written = writer.write(m_changes.at(index), &details);
        if (!written) {
            details.changeIndex = index;
            rollback();
            return fail(details, failure);
        }
        if (m_changes.at(index).kind == Change::Kind::Insert) {
            report.newRowIds[index] = *written;
            ++report.rowsWritten;
        } else {
            report.rowsWritten += *written;
        }
    }

    QSqlQuery commitQuery(m_db);
    if (!commitQuery.exec(kCommit)) {
        const Error error = sqlError(commitQuery.lastError(), QStringLiteral("Cannot write the changes"));
        commitQuery.finish();
        ChangeFailure details;
        details.error = error;
        // Deferred foreign keys are checked only now, and SQLite does not say which row broke one: look for it
        // while the transaction is still open.
        if (error.sqliteCode == sqlite_code::ConstraintForeignKey) {
            const ConstraintExplainer explainer(m_db);
            for (const int index : order) {
                if (auto found = explainer.findBrokenReference(writer.prepared(m_changes.at(index)), error)) {
                    details = *found;
                    details.changeIndex = index;
                    break;
                }
            }
        }
        rollback();
        return fail(details, failure);
    }

    m_changes.clear();
    return report;
}

} // namespace quarry
