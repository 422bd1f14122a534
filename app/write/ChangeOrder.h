#pragma once

#include "write/Change.h"

#include <QList>
#include <QSqlDatabase>

namespace quarry {

// The order in which a batch of changes runs, so that immediate foreign-key checks pass and each change does what
// the person meant:
//   1. inserts and updates, table by table, referenced (parent) tables first: a new user exists before the post
//      that names them; a post given to bob has left alice before alice is deleted;
//   2. deletes, referring (child) tables first: a comment goes before its post.
// Within a table changes keep the order they were recorded in. Table dependencies come from
// PRAGMA foreign_key_list; tables in a cycle keep the order of their first change.
// Known limit: deleting a row and adding one with the same unique value in one batch fails, since the insert runs
// first; write the delete, then the insert.
class ChangeOrder {
public:
    // Indexes into `changes`, in the order to run them.
    static QList<int> plan(const QSqlDatabase& db, const QList<Change>& changes);
};

} // namespace quarry
