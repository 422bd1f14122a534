#include "blog/PostRepository.h"

#include "blog/ScalarQuery.h"
#include "database/SqlError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {

const auto kTable = QStringLiteral("posts");
const auto kSelectById = QStringLiteral("SELECT id, title, content, author_id, created_at FROM posts WHERE id = ?");
// The ids arrive as one JSON array bound to one parameter, so a selection of any size needs no SQL built from it.
const auto kCountComments =
    QStringLiteral("SELECT count(*) FROM comments WHERE post_id IN (SELECT value FROM json_each(?))");

QVariantMap columns(const Post& post)
{
    return {
        {QStringLiteral("title"), post.title},
        {QStringLiteral("content"), post.content},
        {QStringLiteral("author_id"), post.authorId},
    };
}

QVariantMap keyOf(qint64 id)
{
    return {{QStringLiteral("id"), id}};
}

} // namespace

PostRepository::PostRepository(QSqlDatabase db) : m_db(db), m_writer(db, RuleSet::Blog) {}

Result<qint64> PostRepository::create(const Post& post) const
{
    return m_writer.write(Change::insert(kTable, columns(post), post.id != 0 ? keyOf(post.id) : QVariantMap()));
}

Result<std::optional<Post>> PostRepository::byId(qint64 id) const
{
    const QString context = QStringLiteral("Cannot read post %1").arg(id);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(kSelectById))
        return sqlError(query.lastError(), context);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), context);
    if (!query.next())
        return std::optional<Post>();
    Post post;
    post.id = query.value(0).toLongLong();
    post.title = query.value(1).toString();
    post.content = query.value(2).toString();
    post.authorId = query.value(3).toLongLong();
    post.createdAt = query.value(4);
    return std::optional<Post>(post);
}

Status PostRepository::update(const Post& post) const
{
    if (auto written = m_writer.write(Change::update(kTable, keyOf(post.id), columns(post))); !written)
        return written.error();
    return {};
}

Result<bool> PostRepository::remove(qint64 id) const
{
    auto removed = m_writer.write(Change::remove(kTable, keyOf(id)));
    if (!removed)
        return removed.error();
    return *removed > 0;
}

Result<CascadeCounts> PostRepository::cascadeCounts(qint64 postId) const
{
    return cascadeCounts(QList<qint64>{postId});
}

Result<CascadeCounts> PostRepository::cascadeCounts(const QList<qint64>& postIds) const
{
    QJsonArray ids;
    for (const qint64 id : postIds)
        ids.append(id);
    auto comments =
        ScalarQuery::value(m_db, kCountComments, {QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))},
                           QStringLiteral("Cannot count what deleting the posts deletes"));
    if (!comments)
        return comments.error();
    CascadeCounts counts;
    counts.comments = comments->toLongLong();
    return counts;
}

} // namespace quarry
