#pragma once

#include <QString>

namespace quarry {

// What a statement does, read from its tokens before it runs.
struct StatementInfo {
    enum class Kind {
        Empty, // only whitespace and comments
        Select,
        Insert,
        Update,
        Delete,
        Create,
        Drop,
        Alter,
        Transaction, // BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT, RELEASE
        Explain,
        Pragma,
        Other, // ATTACH, VACUUM, ANALYZE, REINDEX, ...
    };

    Kind kind = Kind::Empty;
    // Why the statement deserves a confirmation before it runs, in a sentence; empty when it does not.
    QString destructiveReason;

    bool isDestructive() const { return !destructiveReason.isEmpty(); }
    // INSERT, UPDATE or DELETE (possibly after WITH): "N rows affected" is meaningful for these.
};

// Classifies one SQL statement by its tokens. Destructive are: DELETE or UPDATE without a WHERE clause of
// its own (a WHERE inside a subquery does not count), DROP TABLE/VIEW/INDEX/TRIGGER, and ALTER TABLE ... DROP
// COLUMN. Statements inside a CREATE TRIGGER body only run when the trigger fires, so creating a trigger is
// not destructive; neither is EXPLAIN of anything.
class StatementClassifier {
public:
    static StatementInfo classify(const QString& sql);
};

} // namespace quarry
