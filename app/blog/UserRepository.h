#pragma once

#include "blog/User.h"
#include "core/Result.h"
#include "write/CascadeCounts.h"
#include "write/ChangeWriter.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace quarry {

// Users of a blog database (schema v2 or later). Writes are normalised and validated first (Normaliser,
// Validators) and each is one statement, atomic by itself; to write several changes as one, use UnitOfWork.
// Errors come back in words ("Cannot add the new user: username 'bob' is already taken.").
class UserRepository {
public:
    explicit UserRepository(QSqlDatabase db);

    // Adds `user` (its id too, when not 0) and returns the new id.
    [[nodiscard]] Result<qint64> create(const User& user) const;
    [[nodiscard]] Result<std::optional<User>> byId(qint64 id) const;
    // Looks the name up as it would be stored: ' Alice ' finds 'alice'.
    [[nodiscard]] Result<std::optional<User>> byUsername(const QString& username) const;
    // Saves username, email, first and last name of the user with `user.id`; fails with NotFound if there is none.
    [[nodiscard]] Status update(const User& user) const;
    // Deletes the user, and by ON DELETE CASCADE what cascadeCounts() counts. False when there was no such user.
    [[nodiscard]] Result<bool> remove(qint64 id) const;
    // What deleting the user also deletes: their posts, the comments they wrote or that were written on their posts
    // (each once), and their profile.
    [[nodiscard]] Result<CascadeCounts> cascadeCounts(qint64 userId) const;
    // The same for deleting several users at once, each row counted once: a comment one of them wrote on
    // another's post is one comment. Any number of ids (they travel as one bound JSON array).
    [[nodiscard]] Result<CascadeCounts> cascadeCounts(const QList<qint64>& userIds) const;

private:
    [[nodiscard]] Result<std::optional<User>> selectOne(const QString& sql, const QVariant& bound) const;

    QSqlDatabase m_db;
    ChangeWriter m_writer;
};

} // namespace quarry
