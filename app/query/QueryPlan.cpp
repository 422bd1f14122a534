#include "query/QueryPlan.h"

#include <QHash>

#include <functional>

namespace quarry {

bool QueryPlanNode::isFullScan() const
{
    // "SCAN t USING INDEX i" still visits every row, only in index order; a covering index makes the pass
    // cheaper, not shorter. "SCAN CONSTANT ROW" (a SELECT without FROM) reads nothing.
    return detail.startsWith(QStringLiteral("SCAN ")) && detail != QStringLiteral("SCAN CONSTANT ROW");
}

bool QueryPlanNode::isIndexSearch() const
{
    return detail.startsWith(QStringLiteral("SEARCH "));
}

QList<QueryPlanNode> QueryPlan::build(const QList<Row>& rows)
{
    // Children are collected by parent id first, then attached from the leaves up, since a node's
    // children must be complete before the node is copied into its parent.
    QHash<int, QList<int>> childrenOf;
    QHash<int, int> indexOfId;
    for (int i = 0; i < rows.size(); ++i)
        indexOfId.insert(rows.at(i).id, i);
    QList<int> roots;
    for (int i = 0; i < rows.size(); ++i) {
        const Row& row = rows.at(i);
        if (row.parent != row.id && indexOfId.contains(row.parent) && indexOfId.value(row.parent) < i)
            childrenOf[row.parent].append(i);
        else
            roots.append(i);
    }
    std::function<QueryPlanNode(int)> make = [&](int i) {
        const Row& row = rows.at(i);
        QueryPlanNode node{row.id, row.parent, row.detail, {}};
        for (int child : childrenOf.value(row.id))
            node.children.append(make(child));
        return node;
    };
    QList<QueryPlanNode> out;
    for (int root : roots)
        out.append(make(root));
    return out;
}

QString QueryPlan::describe(const QList<QueryPlanNode>& nodes)
{
    QString text;
    std::function<void(const QueryPlanNode&, int)> add = [&](const QueryPlanNode& node, int depth) {
        text += QString(depth * 2, u' ') + node.detail + u'\n';
        for (const QueryPlanNode& child : node.children)
            add(child, depth + 1);
    };
    for (const QueryPlanNode& node : nodes)
        add(node, 0);
    return text;
}

} // namespace quarry
