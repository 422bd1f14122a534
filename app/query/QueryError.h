#pragma once

#include <QString>

namespace quarry {

// Why a statement of a script failed, and where: SQLite's own message and the place in the script it points
// at (SQLite's error offset when it gives one, else the statement's first token).
struct QueryError {
    QString message;    // SQLite's message, verbatim ("no such column: nmae")
    int code = 0;       // SQLite's extended result code; 0 for errors found before SQLite saw the text
    int statement = -1; // index of the statement in the script
    int position = 0;   // character offset in the script
    int line = 1;       // 1-based line and column of `position`
    int column = 1;
    bool cancelled = false; // stopped on request (sqlite3_interrupt) rather than failed

    // "line 3, column 8: no such column: nmae"
    QString describe() const { return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message); }
};

} // namespace quarry
