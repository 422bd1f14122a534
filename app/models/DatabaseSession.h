#pragma once

#include "core/Result.h"
#include "database/Connection.h"
#include "models/PendingChanges.h"
#include "models/SchemaReader.h"
#include "schema/Migrator.h"
#include "schema/SchemaInfo.h"
#include "write/RuleSet.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace quarry {

class TableModel;

// One open database file as the window sees it: the GUI thread's connection, what the file holds, the edits
// pending across all its tables, and writing them. Models made here read on their own threads.
class DatabaseSession : public QObject {
    Q_OBJECT
public:
    [[nodiscard]] static Result<std::unique_ptr<DatabaseSession>> open(const QString& path, bool readOnly);
    ~DatabaseSession() override;

    QString path() const { return m_connection->path(); }
    bool isReadOnly() const { return m_connection->isReadOnly(); }
    QString readOnlyReason() const { return m_connection->readOnlyReason(); }
    const SchemaInfo& schema() const { return m_schema; }
    RuleSet rules() const { return m_schema.isBlog() ? RuleSet::Blog : RuleSet::None; }
    QSqlDatabase database() const { return m_connection->database(); }
    PendingChanges& pending() { return m_pending; }

    [[nodiscard]] Result<QList<SchemaObject>> objects() const;
    [[nodiscard]] Result<TableInfo> table(const QString& name) const;
    // A model of `table` (with the users' full name as a computed column in a blog database).
    [[nodiscard]] Result<std::unique_ptr<TableModel>> createModel(const QString& table);

    // Where the last write failed, in words.
    struct WriteFailure {
        QString table;
        QVariant identity;
        QString column;
        QString message;
    };
    // Writes every pending change in one transaction. On failure nothing is written and every change stays
    // pending; `failure` says which row and column and why.
    [[nodiscard]] Result<qint64> write(WriteFailure* failure);

    // What deleting these rows also deletes through ON DELETE CASCADE, as "2 posts and 3 comments";
    // empty when nothing else goes.
    [[nodiscard]] Result<QString> cascadeSummary(const QString& table, const QVariantList& identities) const;
    // What refers to a row: "3 posts, 5 comments"; empty when nothing does.
    [[nodiscard]] Result<QString> referencesSummary(const QString& table, const QVariant& identity) const;
    // Tables that refer to `table` with a foreign key, as (child table, child column) pairs.
    [[nodiscard]] QList<QPair<QString, QString>> children(const QString& table) const;

    // Reads what the file holds again (after the query editor changed the schema).
    [[nodiscard]] Status reloadSchema() { return refreshSchema(); }

    // Upgrades a blog database to the latest schema (backup first) and re-reads the schema.
    [[nodiscard]] Result<MigrationReport> upgrade();

signals:
    void written(const QStringList& tables);

private:
    explicit DatabaseSession(std::unique_ptr<Connection> connection);
    QHash<QString, QStringList> keyColumns() const;
    // How many rows of `child` refer through `column` to the row `identity` of `parent`.
    Result<qint64> referringRows(const TableInfo& parent, const QString& child, const QString& column,
                                 const QString& parentColumn, const QVariant& identity) const;
    Status refreshSchema();

    // Models read through their own connections; a write pauses their background reads (see write()).
    QList<QPointer<TableModel>> m_models;
    std::unique_ptr<Connection> m_connection;
    SchemaInfo m_schema;
    PendingChanges m_pending;
    QHash<QString, TableInfo> m_tables;
};

} // namespace quarry
