#include "QueryPanel.h"

#include "EditorTabs.h"
#include "FindReplaceBar.h"
#include "HistoryPanel.h"
#include "QueryActions.h"
#include "QueryPlanView.h"
#include "QueryStatusLine.h"
#include "ResultPane.h"
#include "ResultTabs.h"
#include "SqlEditor.h"
#include "StatementQuestions.h"
#include "database/StatementSplitter.h"
#include "query/HistoryStore.h"
#include "query/HistoryWriter.h"
#include "query/ResultSpool.h"

#include <QAction>
#include <QFileInfo>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

namespace quarry {

QueryPanel::QueryPanel(const QString& databasePath, bool readOnly, HistoryStore* history, QWidget* parent)
    : QWidget(parent)
    , m_actions(this)
    , m_questions(m_prompts, this)
    , m_historyStore(history)
    , m_databasePath(databasePath)
    , m_databaseReadOnly(readOnly)
{
    if (m_historyStore)
        m_historyWriter = std::make_unique<HistoryWriter>(m_historyStore->path());
    connectActions();
    m_editors = new EditorTabs(m_prompts, this);
    m_find = new FindReplaceBar(this);
    m_results = new ResultTabs(m_prompts, this);
    m_history = new HistoryPanel(
        m_historyStore, m_prompts,
        [this] {
            SqlEditor* editor = currentEditor();
            return editor ? editor->selectedOrAllSql() : QString();
        },
        this);
    m_status = new QueryStatusLine(this);

    auto* editorArea = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorArea);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editors, 1);
    editorLayout->addWidget(m_find);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(editorArea);
    vertical->addWidget(m_results);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);
    auto* horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->addWidget(vertical);
    horizontal->addWidget(m_history);
    horizontal->setStretchFactor(0, 4);
    horizontal->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_actions.toolBar(this));
    layout->addWidget(horizontal, 1);
    layout->addWidget(m_status);

    connect(m_editors, &EditorTabs::currentEditorChanged, m_find, &FindReplaceBar::setEditor);
    connect(m_history, &HistoryPanel::insertRequested, this, &QueryPanel::insertSql);
    connect(m_results, &ResultTabs::errorActivated, this, [this](int position) {
        if (markErrorInEditor(position))
            m_run.editor->setFocus();
    });
    if (m_historyWriter)
        connect(m_historyWriter.get(), &HistoryWriter::synced, m_history, &HistoryPanel::refresh);
    connect(&m_runner, &QueryRunner::opened, this, &QueryPanel::onOpened);
    connect(&m_runner, &QueryRunner::statementPaused, this, &QueryPanel::onPaused);
    connect(&m_runner, &QueryRunner::resultStarted, this, &QueryPanel::onResultStarted);
    connect(&m_runner, &QueryRunner::resultGrew, this, &QueryPanel::onResultGrew);
    connect(&m_runner, &QueryRunner::statementFinished, this, &QueryPanel::onStatementFinished);
    connect(&m_runner, &QueryRunner::runFinished, this, &QueryPanel::onRunFinished);
    connect(&m_runner, &QueryRunner::planRead, m_results, &ResultTabs::showPlan);
    connect(&m_runner, &QueryRunner::schemaRead, m_editors, &EditorTabs::setCatalog);
    connect(&m_runner, &QueryRunner::transactionStateChanged, this, &QueryPanel::onTransactionStateChanged);
    connect(&m_runner, &QueryRunner::databaseChanged, this, &QueryPanel::databaseChanged);

    m_editors->newTab();
    m_find->setEditor(currentEditor());
    m_actions.readOnly->setChecked(readOnly);
    openDatabase();
}

QueryPanel::~QueryPanel() = default;

void QueryPanel::connectActions()
{
    connect(m_actions.run, &QAction::triggered, this, &QueryPanel::runAll);
    connect(m_actions.runStatement, &QAction::triggered, this, &QueryPanel::runCurrentStatement);
    connect(m_actions.stop, &QAction::triggered, this, &QueryPanel::stop);
    connect(m_actions.explain, &QAction::triggered, this, &QueryPanel::explainCurrentStatement);
    connect(m_actions.readOnly, &QAction::toggled, this, [this](bool on) {
        if (m_transactionOpen &&
            m_prompts.ask(
                this, QStringLiteral("Open Transaction"),
                QStringLiteral("Switching %1 read-only rolls back the transaction begun in the editor. Go on?")
                    .arg(on ? QStringLiteral("to") : QStringLiteral("from")),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
            const QSignalBlocker block(m_actions.readOnly);
            m_actions.readOnly->setChecked(!on);
            return;
        }
        openDatabase();
    });
    connect(m_actions.newTab, &QAction::triggered, this, [this] { m_editors->newTab(); });
    connect(m_actions.open, &QAction::triggered, this, [this] { m_editors->open(); });
    connect(m_actions.save, &QAction::triggered, this, [this] { m_editors->save(); });
    connect(m_actions.saveAs, &QAction::triggered, this, [this] { m_editors->saveAs(); });
    connect(m_actions.find, &QAction::triggered, this, [this] { m_find->showFind(false); });
    connect(m_actions.replace, &QAction::triggered, this, [this] { m_find->showFind(true); });
    connect(m_actions.comment, &QAction::triggered, this, [this] {
        if (SqlEditor* editor = currentEditor())
            editor->toggleComment();
    });
    connect(m_actions.exportResult, &QAction::triggered, this, [this] {
        if (auto* pane = qobject_cast<ResultPane*>(m_results->currentWidget()))
            pane->exportResult();
    });
    connect(m_actions.snippet, &QAction::triggered, this, [this] {
        if (SqlEditor* editor = currentEditor())
            m_history->saveSnippet(editor->selectedOrAllSql());
    });
}

SqlEditor* QueryPanel::currentEditor() const
{
    return m_editors->currentEditor();
}

bool QueryPanel::isReadOnly() const
{
    return m_actions.readOnly->isChecked();
}

QString QueryPanel::statusText() const
{
    return m_status->text();
}

void QueryPanel::setDatabase(const QString& path, bool readOnly)
{
    m_databasePath = path;
    m_databaseReadOnly = readOnly;
    {
        const QSignalBlocker block(m_actions.readOnly);
        m_actions.readOnly->setChecked(readOnly);
    }
    openDatabase();
}

void QueryPanel::openDatabase()
{
    m_open = false;
    m_transactionOpen = false;
    m_status->setTransactionOpen(false);
    m_actions.readOnly->setEnabled(!m_databaseReadOnly && !m_databasePath.isEmpty());
    m_history->setDatabase(m_databasePath);
    if (m_databasePath.isEmpty()) {
        m_runner.close();
        m_editors->setCatalog({});
        m_status->setText(QStringLiteral("No database is open."));
    } else {
        m_runner.open(m_databasePath, isReadOnly());
        m_status->setText(QStringLiteral("Opening %1\u2026").arg(QFileInfo(m_databasePath).fileName()));
    }
    updateActions();
}

void QueryPanel::onOpened(bool ok, const QString& message, bool readOnly)
{
    m_open = ok;
    if (!ok) {
        m_status->setText(message);
    } else {
        if (readOnly && !isReadOnly()) {
            // The file cannot be written: the switch shows it and stays on.
            const QSignalBlocker block(m_actions.readOnly);
            m_actions.readOnly->setChecked(true);
            m_actions.readOnly->setEnabled(false);
        }
        const QString name = QFileInfo(m_databasePath).fileName();
        m_status->setText(message.isEmpty() ? (readOnly ? QStringLiteral("%1, read-only").arg(name) : name)
                                            : QStringLiteral("%1, read-only: %2").arg(name, message));
    }
    updateActions();
}

void QueryPanel::updateActions()
{
    m_actions.update(m_open, m_runner.isRunning());
}

bool QueryPanel::confirmClose()
{
    if (!m_editors->confirmDiscardAll())
        return false;
    if (m_transactionOpen &&
        m_prompts.ask(this, QStringLiteral("Open Transaction"),
                      QStringLiteral("A transaction begun in the query editor is still open. Closing rolls it back, "
                                     "and its changes are lost. Close anyway?"),
                      QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    return true;
}

void QueryPanel::insertSql(const QString& sql)
{
    m_editors->insertSql(sql);
}

SqlEditor* QueryPanel::openSql(const QString& sql, const QString& title)
{
    return m_editors->openSql(sql, title);
}

// --- running ----------------------------------------------------------------------------------------------

void QueryPanel::runAll()
{
    SqlEditor* editor = currentEditor();
    if (!editor)
        return;
    if (editor->textCursor().hasSelection())
        start(editor->selectedSql(), editor->textCursor().selectionStart());
    else
        start(editor->toPlainText(), 0);
}

void QueryPanel::runCurrentStatement()
{
    SqlEditor* editor = currentEditor();
    if (!editor)
        return;
    if (const auto statement = editor->statementAtCursor())
        start(statement->sql, statement->offset);
}

void QueryPanel::start(const QString& sql, int base)
{
    if (!m_open || m_runner.isRunning())
        return;
    if (StatementSplitter::isBlank(sql)) {
        m_status->setText(QStringLiteral("Nothing to run."));
        return;
    }
    m_results->clearRun();
    if (m_run.editor)
        m_run.editor->clearErrorMark();
    m_run = Run{};
    m_run.state = RunState::Running;
    m_run.editor = currentEditor();
    m_run.base = base;
    RunOptions options;
    options.guardWrites = m_questions.hasWriteGuard();
    options.confirmDestructive = true;
    m_run.id = m_runner.run(sql, options);
    m_status->setText(QStringLiteral("Running\u2026"));
    updateActions();
    emit runningChanged(true);
}

void QueryPanel::stop()
{
    if (!m_runner.isRunning())
        return;
    m_runner.cancel();
    m_run.state = RunState::Stopping;
    m_status->setText(QStringLiteral("Stopping\u2026"));
}

void QueryPanel::decline(const QString& status)
{
    m_runner.cancel();
    m_run.state = RunState::Declined;
    m_run.notRunReason = status;
    m_status->setText(status);
}

void QueryPanel::onPaused(const PendingStatement& pending)
{
    if (pending.runId != m_run.id)
        return;
    auto values = m_questions.ask(pending);
    if (!values) {
        decline(values.error().message);
        return;
    }
    m_runner.resume(pending.runId, *values);
}

void QueryPanel::onResultStarted(int runId, int index, const QString& sql, const std::shared_ptr<ResultSpool>& rows)
{
    if (runId != m_run.id)
        return;
    m_results->paneFor(index, sql)->showRows(rows);
}

void QueryPanel::onResultGrew(int runId, int index, qint64 rows)
{
    if (runId != m_run.id)
        return;
    if (ResultPane* pane = m_results->pane(index))
        pane->rowsGrew(rows);
}

void QueryPanel::onStatementFinished(const StatementOutcome& outcome)
{
    if (outcome.runId != m_run.id)
        return;
    if (m_historyWriter && !m_databasePath.isEmpty())
        m_historyWriter->record(m_databasePath, outcome);

    ResultPane* pane = m_results->paneForFinished(outcome);
    if (!pane)
        return;
    pane->finish(outcome);
    if (outcome.error && !outcome.error->cancelled) {
        // Positions are in the run's text; the editor's are offset by where that text started.
        QueryError error = *outcome.error;
        const int position = m_run.base + error.position;
        if (m_run.editor) {
            m_run.editor->lineAndColumn(position, &error.line, &error.column);
        }
        pane->showError(error, position);
        m_results->setCurrentWidget(pane);
        markErrorInEditor(position);
    }
}

bool QueryPanel::markErrorInEditor(int position)
{
    if (!m_run.editor)
        return false;
    m_editors->setCurrentWidget(m_run.editor);
    m_run.editor->markError(position);
    return true;
}

void QueryPanel::onRunFinished(const RunSummary& summary)
{
    if (summary.runId != m_run.id)
        return;
    m_results->addUntabbedSummary();
    // A declined statement already said why.
    const bool declined = summary.error && summary.error->cancelled && m_run.state == RunState::Declined;
    const QString text =
        declined ? m_run.notRunReason : summary.statusText(summary.error && m_results->pane(summary.error->statement));
    m_run.state = RunState::Finished;
    m_status->setText(text);
    // The History tab reads the store once the worker has written this run's statements.
    if (m_historyWriter)
        m_historyWriter->sync();
    updateActions();
    emit runningChanged(false);
    emit runFinished(summary.succeeded());
}

void QueryPanel::explainCurrentStatement()
{
    SqlEditor* editor = currentEditor();
    if (!editor || !m_open || m_runner.isRunning())
        return;
    QString sql;
    if (editor->textCursor().hasSelection())
        sql = editor->selectedSql();
    else if (const auto statement = editor->statementAtCursor())
        sql = statement->sql;
    if (StatementSplitter::isBlank(sql))
        return;
    m_runner.explain(sql);
}

void QueryPanel::onTransactionStateChanged(bool open)
{
    m_transactionOpen = open;
    m_status->setTransactionOpen(open);
    emit transactionStateChanged(open);
}

} // namespace quarry
