#pragma once

#include <QString>

namespace quarry {

// Headers in words, not column names: author_id -> "Author", created_at -> "Created", avatar_url -> "Avatar URL".
class ColumnTitles {
public:
    static QString forColumn(const QString& column, bool isForeignKey);
};

} // namespace quarry
