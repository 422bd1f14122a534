#pragma once

#include "stats/StatsResult.h"

#include <QAbstractTableModel>

namespace quarry {

// The rows of one stats panel for a QTableView. Sorting reorders the rows it holds (stable, numbers compared
// as numbers, NULL first); a result that kept only its first rows says so through isComplete().
class StatsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit StatsTableModel(QObject* parent = nullptr);

    void setResult(const StatsResult& result);
    void clear();
    const StatsResult& result() const { return m_result; }
    // The rows in the current (possibly sorted) order.
    const QList<QVariantList>& rows() const { return m_result.rows; }
    bool isComplete() const { return m_result.isComplete(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    StatsResult m_result;
    QList<bool> m_numericColumns;
};

} // namespace quarry
