#include "QueryPlanView.h"

#include "core/Counting.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace quarry {

QueryPlanView::QueryPlanView(QWidget* parent)
    : QWidget(parent), m_statement(new QLabel(this)), m_summary(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_statement->setTextFormat(Qt::PlainText);
    m_statement->setStyleSheet(QStringLiteral("color: #6a737d;"));
    m_statement->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_statement);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    m_tree->setHeaderLabels({QStringLiteral("Step"), QStringLiteral("Access")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setAccessibleName(QStringLiteral("Query plan"));
}

QString QueryPlanView::summary() const
{
    return m_summary->text();
}

void QueryPlanView::showPlan(const PlanOutcome& plan)
{
    m_tree->clear();
    m_statement->setText(plan.sql.simplified());
    m_statement->setToolTip(plan.sql);
    if (plan.error) {
        m_summary->setText(QStringLiteral("Error at line %1, column %2: %3")
                               .arg(plan.error->line)
                               .arg(plan.error->column)
                               .arg(plan.error->message));
        m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
        return;
    }
    m_summary->setStyleSheet(QString());
    int scans = 0;
    int searches = 0;
    std::function<void(QTreeWidgetItem*, const QueryPlanNode&)> add = [&](QTreeWidgetItem* item,
                                                                          const QueryPlanNode& node) {
        item->setText(0, node.detail);
        if (node.isFullScan()) {
            ++scans;
            item->setText(1, QStringLiteral("full scan"));
            item->setForeground(1, QColor(0xb0, 0x00, 0x20));
            item->setToolTip(0, node.detail.contains(QStringLiteral(" USING "))
                                    ? QStringLiteral("Reads every row of the table, in the index's order.")
                                    : QStringLiteral("Reads every row of the table."));
        } else if (node.isIndexSearch()) {
            ++searches;
            item->setText(1, QStringLiteral("index search"));
            item->setForeground(1, QColor(0x09, 0x86, 0x58));
            item->setToolTip(0, QStringLiteral("Looks rows up through an index."));
        }
        for (const QueryPlanNode& child : node.children)
            add(new QTreeWidgetItem(item), child);
    };
    for (const QueryPlanNode& node : plan.nodes)
        add(new QTreeWidgetItem(m_tree), node);
    m_tree->expandAll();
    if (plan.nodes.isEmpty())
        m_summary->setText(QStringLiteral("This statement reads no tables, so it has no plan."));
    else
        m_summary->setText(QStringLiteral("%1, %2.").arg(
            plainCountText(scans, QStringLiteral("full scan"), QStringLiteral("full scans")),
            plainCountText(searches, QStringLiteral("index search"), QStringLiteral("index searches"))));
}

} // namespace quarry
