#pragma once

#include "core/Error.h"
#include "write/Change.h"
#include "write/ChangeFailure.h"

#include <QSqlDatabase>

#include <optional>

namespace quarry {

// Turns SQLite's error for a change into a sentence a person can act on, keeping SQLite's code and text:
//   UNIQUE (2067)       "Cannot add the new user: username 'bob' is already taken."
//   PRIMARY KEY (1555)  "User 3 already exists."
//   NOT NULL (1299)     "Cannot add the new post: title must not be empty."
//   CHECK (275)         "Cannot save row 4 of items: price -1 breaks the rule 'price > 0'."
//   FOREIGN KEY (787)   "Post 12's author 999 does not exist." / "Cannot delete row 1 of customers: 2 rows of
//                       orders still refer to it."
// SQLite's foreign-key message names no key, so the explainer reads the schema (PRAGMA foreign_key_list) and
// looks for the missing parent row or the remaining child rows. Call it on the connection that ran the change,
// inside its transaction and before rolling back, so it sees what the statement saw.
class ConstraintExplainer {
public:
    explicit ConstraintExplainer(QSqlDatabase db);

    // The failure of `change` (as run) given SQLite's error for it.
    ChangeFailure explain(const Error& sqliteError, const Change& change) const;

    // For a foreign-key failure SQLite reports only at COMMIT (deferred constraints): the broken reference that
    // `change`, already run, leaves behind, if it leaves one.
    std::optional<ChangeFailure> findBrokenReference(const Change& change, const Error& sqliteError) const;

private:
    struct Clause {
        QString column;
        QString text;
        bool namesRow = false; // the clause names the row itself ("post 12's author ..."), so needs no prefix
    };

    std::optional<Clause> missingParent(const Change& change) const;
    std::optional<Clause> remainingChildren(const Change& change) const;
    Clause unique(const QString& detail, const Change& change, bool primaryKey) const;
    Clause notNull(const QString& detail, const Change& change) const;
    Clause check(const QString& detail, const Change& change) const;

    QSqlDatabase m_db;
};

} // namespace quarry
