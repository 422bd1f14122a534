#pragma once

#include "QueryPrompts.h"
#include "query/QueryRunner.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QToolBar;

namespace quarry {

class EditorTabs;
class FindReplaceBar;
class HistoryPanel;
class HistoryStore;
class HistoryWriter;
class QueryPlanView;
class ResultPane;
class SqlEditor;

// The ad hoc SQL panel: editor tabs, result tabs, query plan, history and snippets, for one database file.
//
// Statements run on the QueryRunner's worker thread with a connection of its own (opened in that thread),
// so the window never freezes; Stop (Escape) interrupts at once. The panel is self-contained: the main
// window embeds it, tells it which file is open, and listens to databaseChanged() to refresh its views.
//
// Interplay with the browser's pending edits: before the first statement of a run that writes
// (sqlite3_stmt_readonly() == 0), the panel calls the write guard the main window set; the guard asks the
// person to write or discard pending edits and returns false to cancel the run. While a transaction the
// person began in the editor is open, transactionStateChanged(true) says so (its writes lock the file for
// others until COMMIT or ROLLBACK).
//
// History: each statement run is recorded by a HistoryWriter on a thread of its own (a locked or slow history
// file never holds up the window); the History tab reads the store again once the run's entries are written.
class QueryPanel : public QWidget {
    Q_OBJECT
public:
    // `history` may be null (no history is kept) and must outlive the panel. An empty `databasePath` starts
    // without a database: the editor works, running waits for setDatabase().
    QueryPanel(const QString& databasePath, bool readOnly, HistoryStore* history, QWidget* parent = nullptr);
    ~QueryPanel() override;

    // Switches to another file (or none, for an empty path). `readOnly` forces the panel's read-only switch
    // on. An open transaction of the editor's is rolled back: ask confirmClose() first.
    void setDatabase(const QString& path, bool readOnly);
    QString databasePath() const { return m_databasePath; }
    // The panel's read-only switch (its connection is opened read-only when on).
    bool isReadOnly() const;
    // Called before a run's first writing statement; return false to cancel the run.
    void setWriteGuard(std::function<bool()> guard) { m_writeGuard = std::move(guard); }
    // Reads table and column names for completion again (after the main window changed the schema).
    void refreshSchema();

    bool isRunning() const { return m_runner.isRunning(); }
    bool hasOpenTransaction() const { return m_transactionOpen; }
    // Before the window closes or another file opens: asks about unsaved editor text and about an open
    // transaction (which closing rolls back). False when the person cancels.
    bool confirmClose();

    // Runs the selection, or everything when nothing is selected (Ctrl+Return).
    void runAll();
    // Runs the statement under the cursor (Shift+F5).
    void runCurrentStatement();
    // Shows EXPLAIN QUERY PLAN of the selection or the statement under the cursor.
    void explainCurrentStatement();
    // Stops the running statement (Escape).
    void stop();
    // Puts `sql` into the current editor at the cursor (a statement from the history).
    void insertSql(const QString& sql);
    // Shows `sql` in an editor tab of its own, named `title` when one is given: a new tab, or the current one
    // when it is empty (so nothing the person wrote is touched). Returns that editor.
    SqlEditor* openSql(const QString& sql, const QString& title = {});

    // Dialog hooks, for tests and for a main window with its own dialog policy.
    QueryPrompts& prompts() { return m_prompts; }

    EditorTabs* editorTabs() const { return m_editors; }
    SqlEditor* currentEditor() const;
    QTabWidget* resultTabs() const { return m_results; }
    // The result pane of statement `index` of the last run, if it has one.
    ResultPane* resultPane(int index) const;
    QueryPlanView* planView() const { return m_plan; }
    HistoryPanel* historyPanel() const { return m_history; }
    FindReplaceBar* findBar() const { return m_find; }
    QString statusText() const;

    QAction* runAction() const { return m_runAction; }
    QAction* runStatementAction() const { return m_runStatementAction; }
    QAction* stopAction() const { return m_stopAction; }
    QAction* explainAction() const { return m_explainAction; }
    QAction* readOnlyAction() const { return m_readOnlyAction; }
    QAction* newTabAction() const { return m_newTabAction; }
    QAction* openAction() const { return m_openAction; }
    QAction* saveAction() const { return m_saveAction; }
    QAction* saveAsAction() const { return m_saveAsAction; }
    QAction* findAction() const { return m_findAction; }
    QAction* replaceAction() const { return m_replaceAction; }
    QAction* commentAction() const { return m_commentAction; }
    QAction* exportAction() const { return m_exportAction; }

signals:
    // Data or schema changed and other connections can see it: the browser, schema tree and stats refresh.
    void databaseChanged(bool schemaChanged);
    // A transaction begun in the editor is open (true) or finished (false).
    void transactionStateChanged(bool open);
    void runningChanged(bool running);
    // A run ended; `ok` is false when a statement failed or the run was stopped.
    void runFinished(bool ok);

private:
    struct Run {
        int id = 0;
        QPointer<SqlEditor> editor;
        int base = 0; // where the run's text starts in the editor
        QHash<int, ResultPane*> panes;
        int untabbed = 0;
        qint64 untabbedChanges = 0;
    };

    void createActions();
    QToolBar* createToolBar();
    void openDatabase();
    void start(const QString& sql, int base);
    void clearResults();
    void updateActions();
    void setStatus(const QString& text);
    ResultPane* paneFor(int index, const QString& sql);

    void onOpened(bool ok, const QString& message, bool readOnly);
    void onPaused(const PendingStatement& pending);
    void onResultStarted(int runId, int index, const QString& sql, const std::shared_ptr<ResultSpool>& rows);
    void onResultGrew(int runId, int index, qint64 rows);
    void onStatementFinished(const StatementOutcome& outcome);
    void onRunFinished(const RunSummary& summary);
    void onPlanRead(const PlanOutcome& plan);
    void onTransactionStateChanged(bool open);

    QueryRunner m_runner;
    QueryPrompts m_prompts;
    HistoryStore* m_historyStore;
    std::unique_ptr<HistoryWriter> m_historyWriter; // records statements off the GUI thread
    std::function<bool()> m_writeGuard;
    QString m_databasePath;
    bool m_databaseReadOnly = false; // the main window opened the file read-only
    bool m_open = false;
    bool m_transactionOpen = false;
    Run m_run;
    QHash<QString, QVariant> m_parameterValues; // last values given, by parameter name

    QAction* m_runAction = nullptr;
    QAction* m_runStatementAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_explainAction = nullptr;
    QAction* m_readOnlyAction = nullptr;
    QAction* m_newTabAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_replaceAction = nullptr;
    QAction* m_commentAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_snippetAction = nullptr;

    EditorTabs* m_editors = nullptr;
    FindReplaceBar* m_find = nullptr;
    QTabWidget* m_results = nullptr;
    QueryPlanView* m_plan = nullptr;
    HistoryPanel* m_history = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_transaction = nullptr;
};

} // namespace quarry
