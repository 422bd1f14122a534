#pragma once

#include <QList>
#include <QString>

namespace quarry {

// One line of EXPLAIN QUERY PLAN, with its children, as SQLite nests them by (id, parent).
struct QueryPlanNode {
    int id = 0;
    int parent = 0;
    QString detail; // "SCAN users", "SEARCH posts USING INDEX idx_posts_author_id (author_id=?)"
    QList<QueryPlanNode> children;

    // A pass over every row of a table (SCAN, with or without an index), the thing a person looks for.
    bool isFullScan() const;
    // A lookup through an index or the rowid (SEARCH).
    bool isIndexSearch() const;
};

// Builds and reads query plans.
class QueryPlan {
public:
    struct Row {
        int id = 0;
        int parent = 0;
        QString detail;
    };
    // The plan's rows (in SQLite's order) as a forest of nodes. A row whose parent is unknown becomes a root.
    static QList<QueryPlanNode> build(const QList<Row>& rows);
    // The plan as indented text, one node a line ("SCAN users\n  USE TEMP B-TREE FOR ORDER BY").
    static QString describe(const QList<QueryPlanNode>& nodes);
};

} // namespace quarry
