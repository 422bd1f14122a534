#pragma once

#include "query/QueryWorker.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace quarry {

// EXPLAIN QUERY PLAN of one statement as a tree: full table scans stand out from index searches.
class QueryPlanView : public QWidget {
    Q_OBJECT
public:
    explicit QueryPlanView(QWidget* parent = nullptr);

    void showPlan(const PlanOutcome& plan);
    QTreeWidget* tree() const { return m_tree; }
    QString summary() const;

private:
    QLabel* m_statement = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace quarry
