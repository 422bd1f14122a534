#pragma once

#include "core/Result.h"
#include "write/Change.h"
#include "write/ChangeFailure.h"
#include "write/ConstraintExplainer.h"
#include "write/RuleSet.h"

#include <QSqlDatabase>

#include <optional>

namespace quarry {

// Runs one Change as one statement with bound values and quoted names, after normalising and validating it
// (RuleSet::Blog). Opens no transaction: the caller decides its extent (UnitOfWork wraps many changes in one).
class ChangeWriter {
public:
    ChangeWriter(QSqlDatabase db, RuleSet rules);

    // The change as it will be written: normalised under the blog's rules.
    Change prepared(const Change& change) const;
    // Refuses a change that cannot be written, without touching the database: a value the validators reject
    // (kind Validation, with the column), or a change that makes no sense (kind Usage: no table, an update or
    // delete without a key, an update without values).
    std::optional<ChangeFailure> check(const Change& change) const;

    // check(), then runs the change. Returns the new row's rowid for an insert, the number of rows changed for an
    // update or delete. An update that finds no row fails (kind NotFound: the row is gone); deleting a row that
    // is already gone returns 0. On failure the Error is in words (see ConstraintExplainer) and `failure`, when
    // given, receives the details.
    [[nodiscard]] Result<qint64> write(const Change& change, ChangeFailure* failure = nullptr) const;

private:
    QSqlDatabase m_db;
    RuleSet m_rules;
    ConstraintExplainer m_explainer;
};

} // namespace quarry
