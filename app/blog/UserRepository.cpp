#include "blog/UserRepository.h"

#include "blog/Normaliser.h"
#include "blog/ScalarQuery.h"
#include "database/SqlError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {

const auto kTable = QStringLiteral("users");
const auto kSelectById =
    QStringLiteral("SELECT id, username, email, first_name, last_name, created_at FROM users WHERE id = ?");
const auto kSelectByUsername =
    QStringLiteral("SELECT id, username, email, first_name, last_name, created_at FROM users WHERE username = ?");
// The ids arrive as one JSON array bound to one parameter, so a selection of any size needs no SQL built from it.
const auto kCountPosts =
    QStringLiteral("SELECT count(*) FROM posts WHERE author_id IN (SELECT value FROM json_each(?))");
// A comment by one of the users on a post of theirs (or of another user being deleted) is one comment, not two.
const auto kCountComments =
    QStringLiteral("SELECT count(*) FROM comments WHERE author_id IN (SELECT value FROM json_each(?)) "
                   "OR post_id IN (SELECT id FROM posts WHERE author_id IN (SELECT value FROM json_each(?)))");
// user_profiles arrived with schema v3; an older file has no profiles to lose.
const auto kHasProfiles =
    QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'user_profiles'");
const auto kCountProfiles =
    QStringLiteral("SELECT count(*) FROM user_profiles WHERE user_id IN (SELECT value FROM json_each(?))");

QString jsonArray(const QList<qint64>& ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariant nullable(const QString& text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariantMap columns(const User& user)
{
    return {
        {QStringLiteral("username"), user.username},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("first_name"), nullable(user.firstName)},
        {QStringLiteral("last_name"), nullable(user.lastName)},
    };
}

QVariantMap keyOf(qint64 id)
{
    return {{QStringLiteral("id"), id}};
}

} // namespace

UserRepository::UserRepository(QSqlDatabase db) : m_db(db), m_writer(db, RuleSet::Blog) {}

Result<qint64> UserRepository::create(const User& user) const
{
    return m_writer.write(Change::insert(kTable, columns(user), user.id != 0 ? keyOf(user.id) : QVariantMap()));
}

Result<std::optional<User>> UserRepository::byId(qint64 id) const
{
    return selectOne(kSelectById, id);
}

Result<std::optional<User>> UserRepository::byUsername(const QString& username) const
{
    return selectOne(kSelectByUsername, Normaliser::username(username));
}

Status UserRepository::update(const User& user) const
{
    if (auto written = m_writer.write(Change::update(kTable, keyOf(user.id), columns(user))); !written)
        return written.error();
    return {};
}

Result<bool> UserRepository::remove(qint64 id) const
{
    auto removed = m_writer.write(Change::remove(kTable, keyOf(id)));
    if (!removed)
        return removed.error();
    return *removed > 0;
}

Result<CascadeCounts> UserRepository::cascadeCounts(qint64 userId) const
{
    return cascadeCounts(QList<qint64>{userId});
}

Result<CascadeCounts> UserRepository::cascadeCounts(const QList<qint64>& userIds) const
{
    const QString context = QStringLiteral("Cannot count what deleting the users deletes");
    const QString ids = jsonArray(userIds);
    CascadeCounts counts;
    auto posts = ScalarQuery::value(m_db, kCountPosts, {ids}, context);
    if (!posts)
        return posts.error();
    auto comments = ScalarQuery::value(m_db, kCountComments, {ids, ids}, context);
    if (!comments)
        return comments.error();
    auto hasProfiles = ScalarQuery::value(m_db, kHasProfiles, {}, context);
    if (!hasProfiles)
        return hasProfiles.error();
    if (hasProfiles->toInt() > 0) {
        auto profiles = ScalarQuery::value(m_db, kCountProfiles, {ids}, context);
        if (!profiles)
            return profiles.error();
        counts.profiles = profiles->toLongLong();
    }
    counts.posts = posts->toLongLong();
    counts.comments = comments->toLongLong();
    return counts;
}

Result<std::optional<User>> UserRepository::selectOne(const QString& sql, const QVariant& bound) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(query.lastError(), QStringLiteral("Cannot read users"));
    query.addBindValue(bound);
    if (!query.exec())
        return sqlError(query.lastError(), QStringLiteral("Cannot read users"));
    if (!query.next())
        return std::optional<User>();
    User user;
    user.id = query.value(0).toLongLong();
    user.username = query.value(1).toString();
    user.email = query.value(2).toString();
    user.firstName = query.value(3).isNull() ? QString() : query.value(3).toString();
    user.lastName = query.value(4).isNull() ? QString() : query.value(4).toString();
    user.createdAt = query.value(5);
    return std::optional<User>(user);
}

} // namespace quarry
