#pragma once

#include "blog/Post.h"
#include "core/Result.h"
#include "write/CascadeCounts.h"
#include "write/ChangeWriter.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace quarry {

// Posts of a blog database. Title and content are validated before writing; a missing author is reported in words
// ("The new post's author 999 does not exist."). Each write is one statement; use UnitOfWork for several.
class PostRepository {
public:
    explicit PostRepository(QSqlDatabase db);

    // Adds `post` (its id too, when not 0) and returns the new id.
    [[nodiscard]] Result<qint64> create(const Post& post) const;
    [[nodiscard]] Result<std::optional<Post>> byId(qint64 id) const;
    // Saves title, content and author of the post with `post.id`; fails with NotFound if there is none.
    [[nodiscard]] Status update(const Post& post) const;
    // Deletes the post and, by ON DELETE CASCADE, its comments. False when there was no such post.
    [[nodiscard]] Result<bool> remove(qint64 id) const;
    // What deleting the post also deletes: its comments.
    [[nodiscard]] Result<CascadeCounts> cascadeCounts(qint64 postId) const;
    // The same for deleting several posts at once. Any number of ids (they travel as one bound JSON array).
    [[nodiscard]] Result<CascadeCounts> cascadeCounts(const QList<qint64>& postIds) const;

private:
    QSqlDatabase m_db;
    ChangeWriter m_writer;
};

} // namespace quarry
