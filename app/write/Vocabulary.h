#pragma once

#include <QString>
#include <QVariant>
#include <QVariantMap>

namespace quarry {

// The words Quarry uses for rows and columns in messages. The blog's tables get their own nouns ("post 12",
// "post 12's author"); any other table is named as it is in the file ("row 5 of orders").
class Vocabulary {
public:
    // "user", "post", "comment", "profile" for the blog's tables; empty for any other table.
    static QString rowNoun(const QString& table);
    // A row named by its key: "post 12", "row 5 of orders", "row (a 1, b 'x') of pairs". An empty key names
    // a row being added: "the new post", "the new row in orders".
    static QString describeRow(const QString& table, const QVariantMap& key);
    // How a column is called in a sentence: "author" for posts.author_id, "first name" for users.first_name;
    // columns of other tables keep their names.
    static QString columnLabel(const QString& table, const QString& column);
    // A value as people read it: 'bob', 12, NULL, a blob of 3 bytes. Long text is cut short with "…".
    static QString quoted(const QVariant& value);
    // "1 post", "2 posts", "2 rows of orders": `n` rows of `table`.
    static QString rowCount(qint64 n, const QString& table);
    // `clause` as a sentence: first letter upper-cased, a full stop added unless it ends in one.
    static QString sentence(const QString& clause);
};

} // namespace quarry
