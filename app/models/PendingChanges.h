#pragma once

#include "write/Change.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QVariant>

#include <optional>

namespace quarry {

// The identity of a row inserted here and not yet written: a type of its own, so that it never equals a stored
// row's identity (a table may hold rowids 0, -1 and below). It converts to its number (-1 for the first).
struct PendingRow {
    qint64 number = 0;
    bool operator==(const PendingRow& other) const { return number == other.number; }
};

// The edits a person has made but not yet written, across every table of the open file. Views overlay them
// on the rows they read, so edits survive scrolling away and back; Write Changes turns them into Changes
// committed in one transaction; Revert drops them. Every edit can be undone and redone.
//
// A row is named by its table and identity: its RowIdentity for stored rows, a PendingRow for rows inserted
// here and not yet written.
class PendingChanges : public QObject {
    Q_OBJECT
public:
    explicit PendingChanges(QObject* parent = nullptr) : QObject(parent) {}

    bool isEmpty() const { return rowCount() == 0; }
    // The tables with pending edits.
    QStringList tables() const { return m_tables.keys(); }
    // The number of rows with pending edits, inserts or deletes.
    int rowCount() const;

    std::optional<QVariant> value(const QString& table, const QVariant& identity, const QString& column) const;
    // What the cell shows (the picked username for a foreign key), empty when the value shows itself.
    QString display(const QString& table, const QVariant& identity, const QString& column) const;
    bool isDeleted(const QString& table, const QVariant& identity) const;
    // Rows inserted into `table`, by their PendingRow numbers (negative, oldest first).
    QList<qint64> insertedRows(const QString& table) const;
    // The identity of inserted row `number`.
    static QVariant pendingIdentity(qint64 number);
    // True for the identity of a row inserted here and not yet written.
    static bool isInserted(const QVariant& identity);
    // A text equal for equal identities, stored or inserted here, for hashing.
    static QString key(const QVariant& identity);

    void setValue(const QString& table, const QVariant& identity, const QString& column, const QVariant& value,
                  const QString& display = {});
    qint64 insertRow(const QString& table);
    // Deleting an inserted row simply drops it.
    void deleteRow(const QString& table, const QVariant& identity);

    // While a Group lives, the edits made are undone and redone as one step: a paste of many cells, a delete
    // of many rows. Groups may nest; the outermost one counts.
    class Group {
    public:
        explicit Group(PendingChanges* changes);
        ~Group();
        Group(const Group&) = delete;
        Group& operator=(const Group&) = delete;

    private:
        PendingChanges* m_changes;
    };

    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    void undo();
    void redo();
    void clear();

    // The changes to write, in a stable order: per table, deletes, updates, then inserts. `keyColumns` names the
    // identity's columns per table (RowIdentity::columns; "rowid" for a table not in it).
    QList<Change> changes(const QHash<QString, QStringList>& keyColumns) const;
    // Which row and column of the table a change index from changes() refers to.
    struct Location {
        QString table;
        QVariant identity;
    };
    Location locationOf(const QHash<QString, QStringList>& keyColumns, int changeIndex) const;

signals:
    void changed(const QString& table);

private:
    struct Cell {
        QVariant value;
        QString display;
    };
    struct RowEdits {
        QVariant identity;
        QHash<QString, Cell> cells;
    };
    struct TableEdits {
        QHash<QString, RowEdits> rows; // key() of identity -> edits
        QList<qint64> inserted;
        QHash<QString, QVariant> deleted;
    };
    struct Step {
        enum class Kind { Set, Insert, Delete } kind;
        QString table;
        QVariant identity;
        QString column;
        std::optional<Cell> before;
        Cell after;
        quint64 group = 0; // steps of one Group share a number; 0 for a step alone
    };

    static qint64 pendingNumber(const QVariant& identity) { return identity.value<PendingRow>().number; }
    static int rowCount(const TableEdits& table);
    void apply(const Step& step, bool forward);
    void pruneTable(const QString& table);
    void record(Step step);

    QHash<QString, TableEdits> m_tables;
    QList<Step> m_undo;
    QList<Step> m_redo;
    qint64 m_nextInsert = -1;
    int m_groupDepth = 0;
    quint64 m_group = 0; // the open group's number, when m_groupDepth > 0
    quint64 m_lastGroup = 0;
};

} // namespace quarry

Q_DECLARE_METATYPE(quarry::PendingRow)
