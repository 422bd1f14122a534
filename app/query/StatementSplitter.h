#pragma once

#include <QList>
#include <QString>

namespace quarry {

// One statement of a script, with where it starts in the script (1-based line and column, in characters).
struct ScriptStatement {
    QString sql;     // the statement's text, trimmed, including its terminating ';' when it had one
    int offset = 0;  // character offset of the first character of sql in the script
    int line = 1;
    int column = 1;
};

// Splits a script into statements with SQLite's own notion of a complete statement (sqlite3_complete),
// never by splitting on ';': semicolons inside strings, quoted names, comments and trigger bodies stay
// where they are. Text after the last complete statement is returned as a final statement unless it
// holds only whitespace and comments.
class StatementSplitter {
public:
    static QList<ScriptStatement> split(const QString& script);
    // True when sql holds nothing but whitespace and comments.
    static bool isBlank(const QString& sql);
};

} // namespace quarry
