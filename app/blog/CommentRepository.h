#pragma once

#include "blog/Comment.h"
#include "core/Result.h"
#include "write/ChangeWriter.h"

#include <QSqlDatabase>

#include <optional>

namespace quarry {

// Comments of a blog database. Content is validated before writing; a missing post or author is reported in words
// ("Comment 4's post 99 does not exist."). Each write is one statement; use UnitOfWork for several.
class CommentRepository {
public:
    explicit CommentRepository(QSqlDatabase db);

    // Adds `comment` (its id too, when not 0) and returns the new id.
    [[nodiscard]] Result<qint64> create(const Comment& comment) const;
    [[nodiscard]] Result<std::optional<Comment>> byId(qint64 id) const;
    // Saves content, post and author of the comment with `comment.id`; fails with NotFound if there is none.
    [[nodiscard]] Status update(const Comment& comment) const;
    // False when there was no such comment.
    [[nodiscard]] Result<bool> remove(qint64 id) const;

private:
    QSqlDatabase m_db;
    ChangeWriter m_writer;
};

} // namespace quarry
