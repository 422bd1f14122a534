#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace quarry {

// One statement of a script, with where it starts in the script (1-based line and column, in characters).
struct ScriptStatement {
    QString sql;    // the statement's text, trimmed, including its terminating ';' when it had one
    int offset = 0; // character offset of the first character of sql in the script
    int line = 1;   // line and column of the statement's first token (after any leading comment)
    int column = 1;

    int end() const { return offset + int(sql.size()); }
};

// A position in a script as a person reads it.
struct ScriptPosition {
    int line = 1;   // 1-based
    int column = 1; // 1-based, in characters
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

    // The statement a cursor at character `position` belongs to: the one containing it, else the nearest
    // one before it (the cursor sits after its ';'), else the first one. Nothing for a blank script.
    static std::optional<ScriptStatement> statementAt(const QString& script, int position);
    // Line and column of character `position` in `script`.
    static ScriptPosition positionOf(const QString& script, int position);
    // The character offset in `sql` of byte `byteOffset` of its UTF-8 form (SQLite reports byte offsets).
    static int characterOffset(const QString& sql, int byteOffset);
};

} // namespace quarry
