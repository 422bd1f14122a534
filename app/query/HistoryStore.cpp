#include "query/HistoryStore.h"

#include "database/Connection.h"
#include "database/SqlError.h"
#include "database/SqlScript.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace quarry {

namespace {

const QString kSchemaResource = QStringLiteral(":/sql/query/history_schema.sql");

// History is written by a worker while the window reads it: WAL lets the reads go on during a write, and
// NORMAL sync keeps a write to a fraction of a millisecond and still survives a crash of Quarry.
const QString kJournalMode = QStringLiteral("PRAGMA journal_mode = WAL");
const QString kSynchronous = QStringLiteral("PRAGMA synchronous = NORMAL");

const QString kInsertEntry = QStringLiteral(
    "INSERT INTO history (database, sql, started_at, duration_ms, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)");
const QString kPruneEntries =
    QStringLiteral("DELETE FROM history WHERE database = ?1 AND id <= "
                   "(SELECT id FROM history WHERE database = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)");
const QString kSelectEntries = QStringLiteral(
    "SELECT id, database, sql, started_at, duration_ms, outcome, detail FROM history "
    "WHERE database = ? AND (ifnull(?, '') = '' OR sql LIKE '%' || ? || '%' ESCAPE '\\') ORDER BY id DESC LIMIT ?");
const QString kClearEntries = QStringLiteral("DELETE FROM history WHERE database = ?");
const QString kSaveSnippet = QStringLiteral("INSERT OR REPLACE INTO snippets (name, sql, saved_at) VALUES (?, ?, ?)");
const QString kRemoveSnippet = QStringLiteral("DELETE FROM snippets WHERE name = ?");
const QString kSelectSnippets = QStringLiteral("SELECT name, sql FROM snippets ORDER BY name COLLATE NOCASE");

QString outcomeName(HistoryEntry::Outcome outcome)
{
    switch (outcome) {
    case HistoryEntry::Outcome::Error:
        return QStringLiteral("error");
    case HistoryEntry::Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case HistoryEntry::Outcome::Ok:
        break;
    }
    return QStringLiteral("ok");
}

HistoryEntry::Outcome outcomeNamed(const QString& name)
{
    if (name == QStringLiteral("error"))
        return HistoryEntry::Outcome::Error;
    if (name == QStringLiteral("cancelled"))
        return HistoryEntry::Outcome::Cancelled;
    return HistoryEntry::Outcome::Ok;
}

// LIKE treats % and _ as wildcards; a search for "a_b" means those three characters.
QString likeEscaped(const QString& text)
{
    QString out = text;
    out.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    out.replace(QStringLiteral("%"), QStringLiteral("\\%"));
    out.replace(QStringLiteral("_"), QStringLiteral("\\_"));
    return out;
}

Status execBound(const QSqlDatabase& db, const QString& sql, const QVariantList& values, const QString& context)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return sqlError(query.lastError(), context);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(query.lastError(), context);
    return {};
}

} // namespace

HistoryStore::HistoryStore(std::unique_ptr<Connection> connection) : m_connection(std::move(connection)) {}

HistoryStore::~HistoryStore() = default;

QString HistoryStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

QString HistoryStore::path() const
{
    return m_connection->path();
}

QString HistoryStore::databaseKey(const QString& databasePath)
{
    const QFileInfo info(databasePath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString& path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(
            Error::Kind::Io,
            QStringLiteral("Cannot create the folder for the query history: %1").arg(info.absolutePath()));
    const bool exists = info.exists();
    auto connection = Connection::open(
        path, {exists ? Connection::Mode::ReadWrite : Connection::Mode::Create, 5000, QStringLiteral("history")});
    if (!connection)
        return connection.error();
    if ((*connection)->isReadOnly())
        return Error::make(
            Error::Kind::ReadOnly,
            QStringLiteral("The query history cannot be written: %1").arg((*connection)->readOnlyReason()));
    const QSqlDatabase db = (*connection)->database();
    for (const QString& pragma : {kJournalMode, kSynchronous}) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return sqlError(query.lastError(), QStringLiteral("Cannot prepare the query history"));
    }
    auto schema = SqlScript::load(kSchemaResource);
    if (!schema)
        return schema.error();
    if (Status status = SqlScript::execute(db, *schema, QStringLiteral("Cannot prepare the query history")); !status)
        return status.error();
    return std::unique_ptr<HistoryStore>(new HistoryStore(std::move(*connection)));
}

Status HistoryStore::add(const HistoryEntry& entry)
{
    const QSqlDatabase db = m_connection->database();
    const QString key = databaseKey(entry.database);
    const QString context = QStringLiteral("Cannot record the statement in the query history");
    if (Status status = execBound(db, kInsertEntry,
                                  {key, entry.sql, entry.startedAt.toUTC().toString(Qt::ISODateWithMs),
                                   entry.durationMs, outcomeName(entry.outcome), entry.detail},
                                  context);
        !status)
        return status;
    // Qt's QSQLITE counts placeholders itself and does not understand ?NNN, so repeated values are bound twice.
    return execBound(db, kPruneEntries, {key, key, kKeptPerDatabase}, context);
}

Status HistoryStore::add(const QList<HistoryEntry>& entries)
{
    QSqlDatabase db = m_connection->database();
    const QString context = QStringLiteral("Cannot record the statements in the query history");
    if (!db.transaction())
        return sqlError(db.lastError(), context);
    QStringList keys;
    for (const HistoryEntry& entry : entries) {
        const QString key = databaseKey(entry.database);
        if (!keys.contains(key))
            keys << key;
        if (Status status = execBound(db, kInsertEntry,
                                      {key, entry.sql, entry.startedAt.toUTC().toString(Qt::ISODateWithMs),
                                       entry.durationMs, outcomeName(entry.outcome), entry.detail},
                                      context);
            !status) {
            db.rollback();
            return status;
        }
    }
    for (const QString& key : keys) {
        if (Status status = execBound(db, kPruneEntries, {key, key, kKeptPerDatabase}, context); !status) {
            db.rollback();
            return status;
        }
    }
    if (!db.commit()) {
        const Status failed = sqlError(db.lastError(), context);
        db.rollback();
        return failed;
    }
    return {};
}

Result<QList<HistoryEntry>> HistoryStore::entries(const QString& databasePath, const QString& search, int limit) const
{
    QSqlQuery query(m_connection->database());
    const QString context = QStringLiteral("Cannot read the query history");
    if (!query.prepare(kSelectEntries))
        return sqlError(query.lastError(), context);
    query.addBindValue(databaseKey(databasePath));
    query.addBindValue(likeEscaped(search));
    query.addBindValue(likeEscaped(search));
    query.addBindValue(limit);
    if (!query.exec())
        return sqlError(query.lastError(), context);
    QList<HistoryEntry> out;
    while (query.next()) {
        HistoryEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.database = query.value(1).toString();
        entry.sql = query.value(2).toString();
        entry.startedAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
        entry.durationMs = query.value(4).toLongLong();
        entry.outcome = outcomeNamed(query.value(5).toString());
        entry.detail = query.value(6).toString();
        out.append(entry);
    }
    return out;
}

Status HistoryStore::clear(const QString& databasePath)
{
    return execBound(m_connection->database(), kClearEntries, {databaseKey(databasePath)},
                     QStringLiteral("Cannot clear the query history"));
}

Status HistoryStore::saveSnippet(const QString& name, const QString& sql)
{
    if (name.trimmed().isEmpty())
        return Error::make(Error::Kind::Validation, QStringLiteral("A snippet needs a name."));
    return execBound(m_connection->database(), kSaveSnippet,
                     {name.trimmed(), sql, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                     QStringLiteral("Cannot save the snippet"));
}

Status HistoryStore::removeSnippet(const QString& name)
{
    return execBound(m_connection->database(), kRemoveSnippet, {name}, QStringLiteral("Cannot remove the snippet"));
}

Result<QList<Snippet>> HistoryStore::snippets() const
{
    QSqlQuery query(m_connection->database());
    if (!query.exec(kSelectSnippets))
        return sqlError(query.lastError(), QStringLiteral("Cannot read the snippets"));
    QList<Snippet> out;
    while (query.next())
        out.append(Snippet{query.value(0).toString(), query.value(1).toString()});
    return out;
}

} // namespace quarry
