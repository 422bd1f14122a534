#include "blog/CommentRepository.h"

#include "database/SqlError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {

const auto kTable = QStringLiteral("comments");
const auto kSelectById =
    QStringLiteral("SELECT id, content, post_id, author_id, created_at FROM comments WHERE id = ?");

QVariantMap columns(const Comment& comment)
{
    return {
        {QStringLiteral("content"), comment.content},
        {QStringLiteral("post_id"), comment.postId},
        {QStringLiteral("author_id"), comment.authorId},
    };
}

QVariantMap keyOf(qint64 id)
{
    return {{QStringLiteral("id"), id}};
}

} // namespace

CommentRepository::CommentRepository(QSqlDatabase db) : m_db(db), m_writer(db, RuleSet::Blog) {}

Result<qint64> CommentRepository::create(const Comment& comment) const
{
    return m_writer.write(
        Change::insert(kTable, columns(comment), comment.id != 0 ? keyOf(comment.id) : QVariantMap()));
}

Result<std::optional<Comment>> CommentRepository::byId(qint64 id) const
{
    const QString context = QStringLiteral("Cannot read comment %1").arg(id);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(kSelectById))
        return sqlError(query.lastError(), context);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), context);
    if (!query.next())
        return std::optional<Comment>();
    Comment comment;
    comment.id = query.value(0).toLongLong();
    comment.content = query.value(1).toString();
    comment.postId = query.value(2).toLongLong();
    comment.authorId = query.value(3).toLongLong();
    comment.createdAt = query.value(4);
    return std::optional<Comment>(comment);
}

Status CommentRepository::update(const Comment& comment) const
{
    if (auto written = m_writer.write(Change::update(kTable, keyOf(comment.id), columns(comment))); !written)
        return written.error();
    return {};
}

Result<bool> CommentRepository::remove(qint64 id) const
{
    auto removed = m_writer.write(Change::remove(kTable, keyOf(id)));
    if (!removed)
        return removed.error();
    return *removed > 0;
}

} // namespace quarry
