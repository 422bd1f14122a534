#pragma once

#include "core/Error.h"
#include "write/Change.h"

#include <QString>

namespace quarry {

// Why a change could not be written, in words, and where: the GUI marks the row and cell and shows the message.
struct ChangeFailure {
    int changeIndex = -1; // position in UnitOfWork::changes(); -1 when no single change is to blame
    Change change;        // the failing change, as it was run (normalised)
    QString column;       // the column at fault, when known
    // message: a sentence such as "Cannot add the new user: username 'bob' is already taken." or "Post 12's author
    // 999 does not exist."; kind Validation (refused before SQLite), Constraint, NotFound (the row is gone) or what
    // SQLite reported; sqliteCode and sqliteText exactly as SQLite gave them (e.g. 2067, "UNIQUE constraint failed:
    // users.username").
    Error error;
};

} // namespace quarry
