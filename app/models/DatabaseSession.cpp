#include "models/DatabaseSession.h"

#include "blog/FullName.h"
#include "core/Counting.h"
#include "database/Connection.h"
#include "database/SqlError.h"
#include "database/SqlIdentifier.h"
#include "database/Statement.h"
#include "models/RowIdentity.h"
#include "models/TableModel.h"
#include "write/CascadeCounts.h"
#include "write/UnitOfWork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace quarry {

namespace {

const QString kCascadeUserPosts =
    QStringLiteral("SELECT count(*) FROM posts WHERE author_id IN (SELECT value FROM json_each(?))");
const QString kCascadeUserComments =
    QStringLiteral("SELECT count(*) FROM comments WHERE author_id IN (SELECT value FROM json_each(?)) OR post_id IN "
                   "(SELECT id FROM posts WHERE author_id IN (SELECT value FROM json_each(?)))");
const QString kCascadeUserProfiles =
    QStringLiteral("SELECT count(*) FROM user_profiles WHERE user_id IN (SELECT value FROM json_each(?))");
const QString kCascadePostComments =
    QStringLiteral("SELECT count(*) FROM comments WHERE post_id IN (SELECT value FROM json_each(?))");

// "posts" -> "post", for counting rows of a table in words.
QString singular(const QString& table)
{
    if (table.endsWith(QStringLiteral("ies")))
        return table.chopped(3) + QStringLiteral("y");
    if (table.endsWith(QLatin1Char('s')) && !table.endsWith(QStringLiteral("ss")))
        return table.chopped(1);
    return table;
}

QString rowsOf(qint64 n, const QString& table)
{
    QString words = table;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    return plainCountText(n, singular(words), words);
}

QString joinWords(const QStringList& parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + parts.constLast();
}

} // namespace

DatabaseSession::DatabaseSession(std::unique_ptr<Connection> connection) : m_connection(std::move(connection)) {}

DatabaseSession::~DatabaseSession() = default;

Result<std::unique_ptr<DatabaseSession>> DatabaseSession::open(const QString& path, bool readOnly)
{
    auto connection = Connection::open(
        path, {readOnly ? Connection::Mode::ReadOnly : Connection::Mode::ReadWrite, 5000, QStringLiteral("gui")});
    if (!connection)
        return connection.error();
    std::unique_ptr<DatabaseSession> session(new DatabaseSession(std::move(*connection)));
    if (auto ok = session->refreshSchema(); !ok)
        return ok.error();
    return session;
}

Status DatabaseSession::refreshSchema()
{
    auto schema = Migrator::inspect(database());
    if (!schema)
        return schema.error();
    m_schema = *schema;
    m_tables.clear();
    return {};
}

Result<QList<SchemaObject>> DatabaseSession::objects() const
{
    return SchemaReader(database()).objects();
}

Result<TableInfo> DatabaseSession::table(const QString& name) const
{
    if (const auto it = m_tables.constFind(name); it != m_tables.cend())
        return *it;
    auto info = SchemaReader(database()).table(name);
    if (info)
        const_cast<DatabaseSession*>(this)->m_tables.insert(name, *info);
    return info;
}

Result<std::unique_ptr<TableModel>> DatabaseSession::createModel(const QString& name)
{
    auto info = table(name);
    if (!info)
        return info.error();
    QList<ComputedColumn> computed;
    if (m_schema.isBlog() && name == QStringLiteral("users") && info->columnIndex(QStringLiteral("first_name")) >= 0 &&
        info->columnIndex(QStringLiteral("last_name")) >= 0)
        computed << ComputedColumn{QStringLiteral("Full name"), FullName::sqlFor(QStringLiteral("t"))};
    auto model = std::make_unique<TableModel>(path(), *info, computed, &m_pending, rules());
    model->setReadOnly(isReadOnly());
    m_models.removeAll(nullptr);
    m_models << model.get();
    return model;
}

QHash<QString, QStringList> DatabaseSession::keyColumns() const
{
    // Every table with pending edits, read again if the schema was reloaded since; a table that is gone gets no
    // key columns, and the writer refuses a change that names no row.
    QHash<QString, QStringList> keys;
    for (const QString& name : m_pending.tables()) {
        const auto info = table(name);
        keys.insert(name, info ? RowIdentity::columns(*info) : QStringList());
    }
    return keys;
}

Result<qint64> DatabaseSession::write(WriteFailure* failure)
{
    if (isReadOnly())
        return Error::make(Error::Kind::ReadOnly,
                           QStringLiteral("The file is open read-only; nothing can be written."));
    const QHash<QString, QStringList> keys = keyColumns();
    const QList<Change> changes = m_pending.changes(keys);
    if (changes.isEmpty())
        return qint64(0);
    UnitOfWork work(database(), rules());
    for (const Change& change : changes)
        work.add(change);
    // A background row count or key walk holds a read lock for as long as it runs; the commit needs the file
    // to itself. Views re-read everything after a write anyway.
    for (const QPointer<TableModel>& model : std::as_const(m_models)) {
        if (model)
            model->setBackgroundPaused(true);
    }
    ChangeFailure details;
    auto report = work.commit(&details);
    for (const QPointer<TableModel>& model : std::as_const(m_models)) {
        if (model)
            model->setBackgroundPaused(false);
    }
    if (!report) {
        if (failure) {
            const PendingChanges::Location location = m_pending.locationOf(keys, details.changeIndex);
            *failure = WriteFailure{location.table, location.identity, details.column, report.error().message};
        }
        return report.error();
    }
    QStringList tables;
    for (const Change& change : changes) {
        if (!tables.contains(change.table))
            tables << change.table;
    }
    m_pending.clear();
    emit written(tables);
    return report->rowsWritten;
}

QList<QPair<QString, QString>> DatabaseSession::children(const QString& table) const
{
    QList<QPair<QString, QString>> result;
    auto all = objects();
    if (!all)
        return result;
    for (const SchemaObject& object : *all) {
        if (object.type != QStringLiteral("table"))
            continue;
        auto info = this->table(object.name);
        if (!info)
            continue;
        for (const ForeignKeyInfo& key : info->foreignKeys) {
            if (SqlIdentifier::sameName(key.parentTable, table))
                result.append({object.name, key.column});
        }
    }
    // The main child first: one the other children refer to (users -> posts, which comments refer to), so the
    // detail pane and "2 posts, 1 comment" follow the schema's own hierarchy.
    auto referencedBySiblings = [&](const QString& child) {
        int count = 0;
        for (const auto& [other, column] : result) {
            auto info = this->table(other);
            if (!info || other == child)
                continue;
            for (const ForeignKeyInfo& key : info->foreignKeys)
                count += SqlIdentifier::sameName(key.parentTable, child) ? 1 : 0;
        }
        return count;
    };
    std::stable_sort(result.begin(), result.end(), [&](const auto& a, const auto& b) {
        return referencedBySiblings(a.first) > referencedBySiblings(b.first);
    });
    return result;
}

Result<QString> DatabaseSession::cascadeSummary(const QString& table, const QVariantList& identities) const
{
    // The blog schema's cascades, counted over all the rows at once so a comment reached twice (bob's comment
    // on alice's post, deleting both) counts once. The lesson's own tables have no cascades: they take the
    // generic path below, which finds none.
    if (m_schema.kind == SchemaInfo::Kind::Blog &&
        (table == QStringLiteral("users") || table == QStringLiteral("posts"))) {
        QJsonArray ids;
        for (const QVariant& identity : identities)
            ids.append(identity.toLongLong());
        const QString list = QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));
        const bool users = table == QStringLiteral("users");
        const QStringList queries = users ? QStringList{kCascadeUserPosts, kCascadeUserComments, kCascadeUserProfiles}
                                          : QStringList{QString(), kCascadePostComments, QString()};
        CascadeCounts total;
        qint64* targets[] = {&total.posts, &total.comments, &total.profiles};
        for (int i = 0; i < 3; ++i) {
            if (queries.at(i).isEmpty())
                continue;
            if (i == 2 && !this->table(QStringLiteral("user_profiles")))
                continue; // before v3
            QSqlQuery query(database());
            query.prepare(queries.at(i));
            for (int n = int(queries.at(i).count(QLatin1Char('?'))); n > 0; --n)
                query.addBindValue(list);
            if (!query.exec() || !query.next())
                return sqlError(query.lastError(), QStringLiteral("Cannot count what the delete takes with it"));
            *targets[i] = query.value(0).toLongLong();
        }
        return total.summary();
    }
    // Any other file: the rows that refer to these rows with ON DELETE CASCADE, one level deep.
    auto info = this->table(table);
    if (!info)
        return info.error();
    QStringList parts;
    for (const auto& [child, column] : children(table)) {
        auto childInfo = this->table(child);
        if (!childInfo)
            continue;
        const ForeignKeyInfo* key = childInfo->foreignKey(column);
        if (!key || key->onDelete.compare(QStringLiteral("CASCADE"), Qt::CaseInsensitive) != 0)
            continue;
        qint64 count = 0;
        for (const QVariant& identity : identities) {
            auto referring = referringRows(*info, child, column, key->parentColumn, identity);
            if (!referring)
                return referring.error();
            count += *referring;
        }
        if (count > 0)
            parts << rowsOf(count, child);
    }
    return joinWords(parts);
}

Result<qint64> DatabaseSession::referringRows(const TableInfo& parent, const QString& child, const QString& column,
                                              const QString& parentColumn, const QVariant& identity) const
{
    // Through the C API: the identity binds exactly as read (a text key that is not UTF-8 included).
    sqlite3* db = Connection::handleOf(database());
    Statement statement(db, QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = (SELECT %3 FROM %4 WHERE %5)")
                                .arg(SqlIdentifier::quote(child), SqlIdentifier::quote(column),
                                     SqlIdentifier::quote(parentColumn), SqlIdentifier::quote(parent.name),
                                     RowIdentity::condition(RowIdentity::columns(parent))));
    if (statement.isNull() || statement.bind(RowIdentity::binds(identity)) != SQLITE_OK ||
        sqlite3_step(statement.handle()) != SQLITE_ROW)
        return sqliteError(db, QStringLiteral("Cannot count the rows that refer to %1").arg(parent.name));
    return sqlite3_column_int64(statement.handle(), 0);
}

Result<QString> DatabaseSession::referencesSummary(const QString& table, const QVariant& identity) const
{
    auto info = this->table(table);
    if (!info)
        return info.error();
    QStringList parts;
    for (const auto& [child, column] : children(table)) {
        auto childInfo = this->table(child);
        const ForeignKeyInfo* key = childInfo ? childInfo->foreignKey(column) : nullptr;
        if (!key)
            continue;
        auto referring = referringRows(*info, child, column, key->parentColumn, identity);
        if (!referring)
            return referring.error();
        if (*referring > 0)
            parts << rowsOf(*referring, child);
    }
    return parts.join(QStringLiteral(", "));
}

Result<MigrationReport> DatabaseSession::upgrade()
{
    Migrator migrator(*m_connection);
    auto report = migrator.migrate(Migrator::LatestVersion);
    if (!report)
        return report.error();
    if (auto ok = refreshSchema(); !ok)
        return ok.error();
    return report;
}

} // namespace quarry
