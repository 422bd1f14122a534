#pragma once

#include "query/SchemaCatalog.h"

#include <QStandardItemModel>
#include <QStringList>

namespace quarry {

// What the SQL editor offers while typing: SQLite's keywords and the open file's table and column names, or
// after "table." that table's columns. Each item shows the plain name (what a person types) and holds, as
// Qt::UserRole, the text to insert: quoted when the name needs it.
class SqlCompletionModel : public QStandardItemModel {
    Q_OBJECT
public:
    explicit SqlCompletionModel(QObject* parent = nullptr);

    void setCatalog(const SchemaCatalog& catalog);
    // Offers the columns of `qualifier` (a table name), or every keyword and name when it is empty.
    void showWordsFor(const QString& qualifier);

    // The word (identifier) ending at `column` of `line`, and in `qualifier` the table name before a '.', if any.
    static QString wordBefore(const QString& line, int column, QString* qualifier);
    // Whether the end of `before` (a line up to the cursor) is inside a comment or a string, where completions only
    // get in the way; `previousLineState` is the lexer state the line above ended in, or -1.
    static bool isInCommentOrString(const QString& before, int previousLineState);

private:
    void show(const QStringList& names);

    SchemaCatalog m_catalog;
    QStringList m_generalWords; // keywords + names, sorted case-insensitively
    QStringList m_shownWords;   // what the model holds now
};

} // namespace quarry
