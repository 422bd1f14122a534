#pragma once

#include "core/ResultCell.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>

namespace quarry {

class ResultSpool;

// A statement's rows for the grid, read page by page from its ResultSpool: the model holds at most
// kCachedPages pages of rows, whatever the size of the result, and grows as the worker publishes rows.
class ResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Roles beyond the display: the cell as stored, and its complete value (read from disk when truncated).
    enum Role { CellRole = Qt::UserRole + 1, FullValueRole };

    static constexpr int kPageRows = 256;
    static constexpr int kCachedPages = 64;
    // QTableView's pixel arithmetic overflows an int past about 70M rows; the grid stops before that.
    static constexpr qint64 kMaxRows = 50'000'000;

    explicit ResultModel(std::shared_ptr<ResultSpool> spool, QObject* parent = nullptr);

    std::shared_ptr<ResultSpool> spool() const { return m_spool; }
    // Shows rows up to `rows` (as published by the worker); never shrinks.
    void setAvailableRows(qint64 rows);
    qint64 availableRows() const { return m_rows; }
    // True when the result has more rows than the grid can show.
    bool isCapped() const { return m_rows > kMaxRows; }
    int cachedPages() const { return int(m_pages.size()); }

    // A cell's complete value (also of a truncated TEXT or BLOB).
    QVariant fullValue(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ResultCell* cell(int row, int column) const;

    std::shared_ptr<ResultSpool> m_spool;
    QStringList m_columns;
    qint64 m_rows = 0;
    // Page number -> rows; least recently used pages are dropped past kCachedPages.
    mutable QHash<qint64, QList<ResultRow>> m_pages;
    mutable QList<qint64> m_recent;
};

} // namespace quarry
