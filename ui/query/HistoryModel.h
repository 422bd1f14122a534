#pragma once

#include "query/HistoryStore.h"

#include <QAbstractTableModel>

namespace quarry {

// The statements of the query history, newest first: when, how long, outcome, and the SQL on one line.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Sql, Outcome, Duration, Time, ColumnCount };
    enum Role { SqlRole = Qt::UserRole + 1 };

    explicit HistoryModel(QObject* parent = nullptr);

    void setEntries(const QList<HistoryEntry>& entries);
    const QList<HistoryEntry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<HistoryEntry> m_entries;
};

} // namespace quarry
