#pragma once

#include "models/BrowseSql.h"
#include "models/PendingChanges.h"
#include "models/RowLoader.h"
#include "models/TableInfo.h"
#include "write/RuleSet.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <memory>
#include <optional>

namespace quarry {

// A table or view of the open file as a model, for any size of table.
//
// Rows are read on a RowLoader thread a page at a time and kept in a bounded cache, so the first rows show
// at once, any row can be reached at once, and memory stays flat however far a person scrolls (Qt's
// QSqlTableModel keeps every row it has fetched and can only grow 256 rows at a time). The relational view
// of QSqlRelationalTableModel is kept: each foreign key shows its parent row's display column through a
// LEFT JOIN (so NULL and dangling keys stay visible), edits stay pending in PendingChanges until written in
// one transaction, and any existing key can be chosen.
class TableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int PageSize = 256;
    static constexpr int MaxCachedPages = 48;
    // QTableView adds row heights up in int pixels, so it cannot address much more than 70 million rows of
    // default height. A bigger table is shown through a window of at most this many rows that moves over it
    // (see setWindowStart); TableBrowser gives it a scroll bar over the whole table.
    static constexpr int DefaultWindowLimit = 100'000;

    enum Role {
        IdentityRole = Qt::UserRole + 1, // the row's rowid (negative for rows inserted here)
        StateRole,                       // CellState flags
        ProblemRole,                     // why the pending value is refused, empty when it is fine
        RawValueRole,                    // the stored value (a foreign key's key, a timestamp as stored)
        ColumnNameRole,                  // header: the column's name in the file
    };
    enum CellState {
        Edited = 0x1,
        Inserted = 0x2,
        Deleted = 0x4,
        Invalid = 0x8,
        Dangling = 0x10, // a foreign key pointing at no row
        Null = 0x20,
        Loading = 0x40,
        ForeignKey = 0x80,
        Computed = 0x100,
    };

    // `rules` says whether the blog's normalisation and validators apply (only for a blog database).
    TableModel(const QString& path, TableInfo table, QList<ComputedColumn> computed, PendingChanges* pending,
               RuleSet rules = RuleSet::Blog, QObject* parent = nullptr);
    ~TableModel() override;

    const TableInfo& table() const { return m_table; }
    // A model of a file open read-only offers no editing.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isEditable() const { return !m_readOnly && m_table.isEditable(); }
    const BrowseRequest& request() const { return m_request; }
    void setRequest(const BrowseRequest& request);
    // Reads everything again (after a write, or when the file changed).
    void reload();
    // See RowLoader::setBackgroundPaused: lets a write on the GUI connection take the file's write lock.
    void setBackgroundPaused(bool paused) { m_loader->setBackgroundPaused(paused); }

    // Rows stored in the file that match the request: exact once counted, an estimate before.
    qint64 storedRowCount() const { return m_storedRows; }

    // The window: model row r shows stored row windowStart() + r, for r < windowRows(); the pending inserted
    // rows follow. Small tables have one window from 0 holding every row.
    void setWindowLimit(int rows);
    int windowLimit() const { return m_windowLimit; }
    bool isWindowed() const { return m_storedRows > m_windowLimit; }
    qint64 windowStart() const { return m_windowStart; }
    int windowRows() const { return int(std::min<qint64>(m_storedRows - m_windowStart, m_windowLimit)); }
    // Moves the window to start at `start` (clamped to the table). Persistent indexes (the current cell,
    // the selection) follow their rows; those whose rows leave the window become invalid.
    void setWindowStart(qint64 start);
    // The stored row a model row shows, -1 for pending inserted rows and rows out of range.
    qint64 storedRowOf(int row) const;
    // The model row showing stored row `stored`, -1 when it is outside the window.
    int modelRowOf(qint64 stored) const;
    // Finds where the row with `identity` is among the current rows, on the loader thread; answered by
    // located() with its stored row in the current order, or -1 when it is not among the rows (a filter
    // leaves it out, or it is gone) or the table is a view. In a sorted order without an index on the sort
    // column, the count reads every matching row.
    void locate(const QVariant& identity) { m_loader->locate(m_generation, identity); }
    // Before the count: at least `rows` rows are known to be there (a located row's position, say).
    void expectRows(qint64 rows)
    {
        if (!m_countExact && rows > m_storedRows)
            setStoredRows(rows, false);
    }

    bool isCountExact() const { return m_countExact; }
    // "1,234 rows", "about 10,000,000 rows (counting…)" or "at least 256 rows (counting…)".
    QString rowCountText() const;
    bool isLoading() const { return m_waitingForFirstRows; }
    // The column of the model that shows `column` of the table, -1 when none.
    int modelColumn(const QString& column) const { return m_table.columnIndex(column); }
    bool isComputedColumn(int column) const { return column >= m_table.columns.size(); }
    // The first row shown with this identity, if it is loaded, else -1.
    int rowOfIdentity(const QVariant& identity) const;

    // Marks the cell that made the last Write Changes fail, with the reason in words; cleared by reload().
    void setWriteProblem(const QVariant& identity, const QString& column, const QString& message);
    // Sets a foreign key with the display value the picker found, without a lookup.
    bool setForeignKey(const QModelIndex& index, const QVariant& key, const QString& display);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Edits made while the group lives are undone as one step (PendingChanges::Group).
    [[nodiscard]] PendingChanges::Group editGroup() const { return PendingChanges::Group(m_pending); }
    // Inserting adds pending rows at the end; removing marks stored rows deleted (they stay visible, struck
    // through, until written) and drops pending inserted rows.
    bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
    // Deletes the rows with these identities (stored rows are marked, inserted ones dropped), as one undo step.
    bool deleteRowsOf(const QVariantList& identities);

signals:
    void rowCountChanged(qint64 storedRows, bool exact);
    void windowMoved(qint64 start);
    void located(const QVariant& identity, qint64 storedRow);
    void loadingChanged(bool loading);
    void failed(const QString& message);

private:
    struct Page {
        RowBlock rows;
        quint64 lastUse = 0;
    };

    void startQuery();
    void onRowsLoaded(quint64 generation, qint64 first, const quarry::RowBlock& rows);
    void onCounted(quint64 generation, qint64 rows);
    void onEstimated(quint64 generation, qint64 rows);
    void onPendingChanged(const QString& table);
    void setStoredRows(qint64 rows, bool exact);
    // A stored row by its position in the table (not in the window); asks for its page when not loaded.
    const QVariantList* storedRow(qint64 stored) const;
    // Model rows from the stored rows' range [first, end) that are in the window, as [from, to).
    std::pair<int, int> windowRange(qint64 first, qint64 end) const;
    QVariant identityOf(int row) const;
    QVariant cellValue(int row, int column, bool* pending, QString* pendingDisplay) const;
    QString displayText(int column, const QVariant& value) const;
    std::optional<QString> problemWith(const QString& column, const QVariant& value) const;

    QString m_path;
    TableInfo m_table;
    QList<ComputedColumn> m_computed;
    PendingChanges* m_pending;
    RuleSet m_rules;
    bool m_readOnly = false;
    BrowseRequest m_request;
    BrowseSql m_sql;
    std::unique_ptr<RowLoader> m_loader;
    quint64 m_generation = 0;

    qint64 m_storedRows = 0;
    qint64 m_windowStart = 0;
    int m_windowLimit = DefaultWindowLimit;
    bool m_countExact = false;
    bool m_estimated = false; // m_storedRows comes from the rowid range, not from rows read
    bool m_waitingForFirstRows = false;
    QList<qint64> m_insertedRows; // PendingChanges' inserted rows of this table, shown after the stored rows
    QHash<QString, QHash<QString, QString>> m_writeProblems; // identity -> column -> why the last write failed

    mutable QHash<qint64, Page> m_pages; // by page number in the table
    mutable quint64 m_useCounter = 0;
    mutable QSet<qint64> m_requested;
};

} // namespace quarry
