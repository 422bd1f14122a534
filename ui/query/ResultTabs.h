#pragma once

#include <QHash>
#include <QTabWidget>

namespace quarry {

struct PlanOutcome;
struct StatementOutcome;
class QueryPlanView;
class Dialogs;
class ResultPane;

// The query panel's result tabs for the last run: a ResultPane per statement (named by its first words), a
// "+N more" tab counting the statements that got no tab of their own, and the query plan.
class ResultTabs : public QTabWidget {
    Q_OBJECT
public:
    // A script of thousands of statements must not make thousands of tabs: past this many, statements without
    // rows or errors are only counted.
    static constexpr int MaxTabs = 50;

    ResultTabs(Dialogs& prompts, QWidget* parent = nullptr);

    // Removes the last run's tabs, for a new run.
    void clearRun();
    // The pane of statement `index`, if it has one.
    ResultPane* pane(int index) const { return m_panes.value(index); }
    // The pane of statement `index`, made (with its tab) when it has none yet.
    ResultPane* paneFor(int index, const QString& sql);
    // The pane a finished statement is shown in, or null when it gets no tab (it is counted instead).
    ResultPane* paneForFinished(const StatementOutcome& outcome);
    // At the end of a run: the tab that counts the statements without a tab, if there were any.
    void addUntabbedSummary();

    QueryPlanView* planView() const { return m_plan; }
    void showPlan(const PlanOutcome& plan);

signals:
    // The person asked to see where a shown error points (a position in the run's editor text).
    void errorActivated(int position);

private:
    Dialogs& m_prompts;
    QueryPlanView* m_plan = nullptr;
    QHash<int, ResultPane*> m_panes;
    int m_untabbed = 0;
    qint64 m_untabbedChanges = 0;
};

} // namespace quarry
