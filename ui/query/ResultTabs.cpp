#include "ResultTabs.h"

#include "QueryPlanView.h"
#include "ResultPane.h"
#include "query/SqlLexer.h"
#include "query/StatementOutcome.h"

#include <QLabel>
#include <QLocale>

namespace quarry {

namespace {

QString tabTitle(int index, const QString& sql)
{
    // Named by the statement's first words, past any leading comment.
    const QList<SqlToken> tokens = SqlLexer::significantTokens(sql);
    QString words = (tokens.isEmpty() ? sql : sql.mid(tokens.front().start)).simplified();
    if (words.size() > 22)
        words = words.left(21) + QChar(0x2026);
    return QStringLiteral("%1: %2").arg(index + 1).arg(words);
}

} // namespace

ResultTabs::ResultTabs(Dialogs& prompts, QWidget* parent)
    : QTabWidget(parent), m_prompts(prompts), m_plan(new QueryPlanView(this))
{
    setDocumentMode(true);
    m_plan->hide();
}

void ResultTabs::clearRun()
{
    while (count() > 0) {
        QWidget* page = widget(0);
        removeTab(0);
        if (page != m_plan)
            page->deleteLater();
    }
    m_plan->hide();
    m_panes.clear();
    m_untabbed = 0;
    m_untabbedChanges = 0;
}

ResultPane* ResultTabs::paneFor(int index, const QString& sql)
{
    if (ResultPane* existing = m_panes.value(index))
        return existing;
    auto* pane = new ResultPane(sql, m_prompts, this);
    connect(pane, &ResultPane::errorActivated, this, &ResultTabs::errorActivated);
    m_panes.insert(index, pane);
    const int tab = addTab(pane, tabTitle(index, sql));
    setTabToolTip(tab, sql);
    if (count() == 1)
        setCurrentIndex(tab);
    return pane;
}

ResultPane* ResultTabs::paneForFinished(const StatementOutcome& outcome)
{
    ResultPane* pane = m_panes.value(outcome.index);
    const bool needsTab = pane || outcome.hasRows() || outcome.error || m_panes.size() < MaxTabs;
    if (!needsTab) {
        ++m_untabbed;
        m_untabbedChanges += outcome.changes;
        return nullptr;
    }
    return pane ? pane : paneFor(outcome.index, outcome.sql);
}

void ResultTabs::addUntabbedSummary()
{
    if (m_untabbed == 0)
        return;
    auto* more = new QLabel(QStringLiteral("%1 more statements ran without their own tab (%2 rows affected in all).")
                                .arg(QLocale().toString(m_untabbed), QLocale().toString(m_untabbedChanges)),
                            this);
    more->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    more->setMargin(8);
    addTab(more, QStringLiteral("+%1 more").arg(m_untabbed));
}

void ResultTabs::showPlan(const PlanOutcome& plan)
{
    m_plan->showPlan(plan);
    if (indexOf(m_plan) < 0)
        addTab(m_plan, QStringLiteral("Query Plan"));
    m_plan->show();
    setCurrentWidget(m_plan);
}

} // namespace quarry
