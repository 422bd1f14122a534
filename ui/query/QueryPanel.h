#pragma once

#include "Dialogs.h"
#include "QueryActions.h"
#include "ResultTabs.h"
#include "StatementQuestions.h"
#include "query/QueryRunner.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QSplitter;

namespace quarry {

class EditorTabs;
class FindReplaceBar;
class HistoryPanel;
class HistoryStore;
class HistoryWriter;
class QueryPlanView;
class QueryStatusLine;
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
    void setWriteGuard(std::function<bool()> guard) { m_questions.setWriteGuard(std::move(guard)); }
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
    HookedDialogs& prompts() { return m_prompts; }

    EditorTabs* editorTabs() const { return m_editors; }
    SqlEditor* currentEditor() const;
    ResultTabs* resultTabs() const { return m_results; }
    // The result pane of statement `index` of the last run, if it has one.
    ResultPane* resultPane(int index) const { return m_results->pane(index); }
    QueryPlanView* planView() const { return m_results->planView(); }
    HistoryPanel* historyPanel() const { return m_history; }
    FindReplaceBar* findBar() const { return m_find; }
    QString statusText() const;

    QAction* runAction() const { return m_actions.run; }
    QAction* stopAction() const { return m_actions.stop; }
    QAction* explainAction() const { return m_actions.explain; }
    QAction* readOnlyAction() const { return m_actions.readOnly; }
    QAction* newTabAction() const { return m_actions.newTab; }
    QAction* saveAsAction() const { return m_actions.saveAs; }
    QAction* findAction() const { return m_actions.find; }
    QAction* replaceAction() const { return m_actions.replace; }
    QAction* commentAction() const { return m_actions.comment; }
    QAction* exportAction() const { return m_actions.exportResult; }

signals:
    // Data or schema changed and other connections can see it: the browser, schema tree and stats refresh.
    void databaseChanged(bool schemaChanged);
    // A transaction begun in the editor is open (true) or finished (false).
    void transactionStateChanged(bool open);
    void runningChanged(bool running);
    // A run ended; `ok` is false when a statement failed or the run was stopped.
    void runFinished(bool ok);

private:
    enum class RunState {
        Running,
        Stopping, // Stop was pressed
        Declined, // a question before a statement was answered No
        Finished,
    };

    struct Run {
        int id = 0;
        QPointer<SqlEditor> editor;
        int base = 0; // where the run's text starts in the editor
        RunState state = RunState::Finished;
        QString notRunReason; // when Declined: which question was answered No, as the status says
    };

    void connectActions();
    void openDatabase();
    void start(const QString& sql, int base);
    void updateActions();
    // Cancels the run before its paused statement, saying why in the status line.
    void decline(const QString& status);
    // Shows the run's editor with the error at `position` marked; false when that editor is gone.
    bool markErrorInEditor(int position);

    void onOpened(bool ok, const QString& message, bool readOnly);
    void onPaused(const PendingStatement& pending);
    void onResultStarted(int runId, int index, const QString& sql, const std::shared_ptr<ResultSpool>& rows);
    void onResultGrew(int runId, int index, qint64 rows);
    void onStatementFinished(const StatementOutcome& outcome);
    void onRunFinished(const RunSummary& summary);
    void onTransactionStateChanged(bool open);

    HookedDialogs m_prompts;
    QueryActions m_actions;
    StatementQuestions m_questions;
    QueryRunner m_runner;
    HistoryStore* m_historyStore;
    std::unique_ptr<HistoryWriter> m_historyWriter; // records statements off the GUI thread
    QString m_databasePath;
    bool m_databaseReadOnly = false; // the main window opened the file read-only
    bool m_open = false;
    bool m_transactionOpen = false;
    Run m_run;

    EditorTabs* m_editors = nullptr;
    FindReplaceBar* m_find = nullptr;
    ResultTabs* m_results = nullptr;
    HistoryPanel* m_history = nullptr;
    QueryStatusLine* m_status = nullptr;
};

} // namespace quarry
