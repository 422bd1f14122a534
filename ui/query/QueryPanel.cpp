#include "QueryPanel.h"

#include "EditorTabs.h"
#include "FindReplaceBar.h"
#include "HistoryPanel.h"
#include "QueryPlanView.h"
#include "ResultPane.h"
#include "SqlEditor.h"
#include "database/StatementSplitter.h"
#include "query/HistoryStore.h"
#include "query/HistoryWriter.h"
#include "query/ResultSpool.h"
#include "query/SqlLexer.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace quarry {

namespace {

// A script of thousands of statements must not make thousands of tabs: past this many, statements without
// rows or errors are only counted.
constexpr int kMaxResultTabs = 50;

QString tabTitle(int index, const QString& sql)
{
    // Named by the statement's first words, past any leading comment.
    const QList<SqlToken> tokens = SqlLexer::significantTokens(sql);
    QString words = (tokens.isEmpty() ? sql : sql.mid(tokens.front().start)).simplified();
    if (words.size() > 22)
        words = words.left(21) + QChar(0x2026);
    return QStringLiteral("%1: %2").arg(index + 1).arg(words);
}

QAction* makeAction(QWidget* owner, const QString& text, const QList<QKeySequence>& keys, const QString& tip)
{
    auto* action = new QAction(text, owner);
    action->setShortcuts(keys);
    // Shortcuts work wherever the focus is inside the panel, and nowhere else in the window.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QString toolTip = tip;
    if (!keys.isEmpty())
        toolTip += QStringLiteral(" (%1)").arg(keys.front().toString(QKeySequence::NativeText));
    action->setToolTip(toolTip);
    owner->addAction(action);
    return action;
}

} // namespace

QueryPanel::QueryPanel(const QString& databasePath, bool readOnly, HistoryStore* history, QWidget* parent)
    : QWidget(parent), m_historyStore(history), m_databasePath(databasePath), m_databaseReadOnly(readOnly)
{
    if (m_historyStore)
        m_historyWriter = std::make_unique<HistoryWriter>(m_historyStore->path());
    createActions();
    m_editors = new EditorTabs(m_prompts, this);
    m_find = new FindReplaceBar(this);
    m_results = new QTabWidget(this);
    m_results->setDocumentMode(true);
    m_plan = new QueryPlanView(this);
    m_plan->hide();
    m_history = new HistoryPanel(
        m_historyStore, m_prompts,
        [this] {
            SqlEditor* editor = currentEditor();
            if (!editor)
                return QString();
            return editor->textCursor().hasSelection() ? editor->selectedSql() : editor->toPlainText();
        },
        this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_transaction = new QLabel(QStringLiteral("Transaction open: COMMIT or ROLLBACK to finish it"), this);
    m_transaction->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; padding: 1px 6px; "
                                                "border-radius: 3px; }"));
    m_transaction->setToolTip(QStringLiteral("Until it ends, other connections (the table views too) cannot write "
                                             "to the file, and they do not see the editor's changes."));
    m_transaction->hide();

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

    auto* statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(4, 2, 4, 2);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_transaction);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createToolBar());
    layout->addWidget(horizontal, 1);
    layout->addLayout(statusRow);

    connect(m_editors, &EditorTabs::currentEditorChanged, m_find, &FindReplaceBar::setEditor);
    connect(m_history, &HistoryPanel::insertRequested, this, &QueryPanel::insertSql);
    if (m_historyWriter)
        connect(m_historyWriter.get(), &HistoryWriter::synced, m_history, &HistoryPanel::refresh);
    connect(&m_runner, &QueryRunner::opened, this, &QueryPanel::onOpened);
    connect(&m_runner, &QueryRunner::statementPaused, this, &QueryPanel::onPaused);
    connect(&m_runner, &QueryRunner::resultStarted, this, &QueryPanel::onResultStarted);
    connect(&m_runner, &QueryRunner::resultGrew, this, &QueryPanel::onResultGrew);
    connect(&m_runner, &QueryRunner::statementFinished, this, &QueryPanel::onStatementFinished);
    connect(&m_runner, &QueryRunner::runFinished, this, &QueryPanel::onRunFinished);
    connect(&m_runner, &QueryRunner::planRead, this, &QueryPanel::onPlanRead);
    connect(&m_runner, &QueryRunner::schemaRead, m_editors, &EditorTabs::setCatalog);
    connect(&m_runner, &QueryRunner::transactionStateChanged, this, &QueryPanel::onTransactionStateChanged);
    connect(&m_runner, &QueryRunner::databaseChanged, this, &QueryPanel::databaseChanged);

    m_editors->newTab();
    m_find->setEditor(currentEditor());
    m_readOnlyAction->setChecked(readOnly);
    openDatabase();
}

QueryPanel::~QueryPanel() = default;

void QueryPanel::createActions()
{
    m_runAction = makeAction(this, QStringLiteral("Run"),
                             {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                             QStringLiteral("Run the selection, or everything"));
    m_runAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_runStatementAction = makeAction(this, QStringLiteral("Run Statement"), {QKeySequence(Qt::SHIFT | Qt::Key_F5)},
                                      QStringLiteral("Run the statement under the cursor"));
    m_runStatementAction->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_stopAction = makeAction(this, QStringLiteral("Stop"), {QKeySequence(Qt::Key_Escape)},
                              QStringLiteral("Stop the running statement"));
    m_stopAction->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_explainAction = makeAction(this, QStringLiteral("Explain"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
                                 QStringLiteral("Show the query plan of the statement under the cursor"));
    m_readOnlyAction =
        makeAction(this, QStringLiteral("Read-only"), {}, QStringLiteral("Run statements without writing to the file"));
    m_readOnlyAction->setCheckable(true);
    m_newTabAction = makeAction(this, QStringLiteral("New Tab"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
                                QStringLiteral("A new query tab"));
    m_newTabAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    // Open and Save have no shortcuts: the main window's Ctrl+O and Ctrl+S belong to the database. Save As has
    // Ctrl+Shift+S, which the window leaves free.
    m_openAction =
        makeAction(this, QStringLiteral("Open SQL\u2026"), {}, QStringLiteral("Open a .sql file in a new tab"));
    m_openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_saveAction = makeAction(this, QStringLiteral("Save SQL"), {}, QStringLiteral("Save this tab's SQL"));
    m_saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_saveAsAction =
        makeAction(this, QStringLiteral("Save SQL As\u2026"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
                   QStringLiteral("Save this tab's SQL under a new name"));
    m_findAction = makeAction(this, QStringLiteral("Find"), {QKeySequence(Qt::CTRL | Qt::Key_F)},
                              QStringLiteral("Find in the SQL"));
    m_replaceAction = makeAction(this, QStringLiteral("Replace"), {QKeySequence(Qt::CTRL | Qt::Key_H)},
                                 QStringLiteral("Find and replace"));
    m_commentAction = makeAction(this, QStringLiteral("Toggle Comment"), {QKeySequence(Qt::CTRL | Qt::Key_Slash)},
                                 QStringLiteral("Comment or uncomment the selected lines"));
    m_exportAction = makeAction(this, QStringLiteral("Export Result\u2026"), {},
                                QStringLiteral("Export the shown result to CSV or JSON"));
    m_snippetAction = makeAction(this, QStringLiteral("Save as Snippet\u2026"), {},
                                 QStringLiteral("Save the selection or the whole text under a name"));

    connect(m_runAction, &QAction::triggered, this, &QueryPanel::runAll);
    connect(m_runStatementAction, &QAction::triggered, this, &QueryPanel::runCurrentStatement);
    connect(m_stopAction, &QAction::triggered, this, &QueryPanel::stop);
    connect(m_explainAction, &QAction::triggered, this, &QueryPanel::explainCurrentStatement);
    connect(m_readOnlyAction, &QAction::toggled, this, [this](bool on) {
        if (m_transactionOpen &&
            m_prompts.ask(
                this, QStringLiteral("Open Transaction"),
                QStringLiteral("Switching %1 read-only rolls back the transaction begun in the editor. Go on?")
                    .arg(on ? QStringLiteral("to") : QStringLiteral("from")),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
            const QSignalBlocker block(m_readOnlyAction);
            m_readOnlyAction->setChecked(!on);
            return;
        }
        openDatabase();
    });
    connect(m_newTabAction, &QAction::triggered, this, [this] { m_editors->newTab(); });
    connect(m_openAction, &QAction::triggered, this, [this] { m_editors->open(); });
    connect(m_saveAction, &QAction::triggered, this, [this] { m_editors->save(); });
    connect(m_saveAsAction, &QAction::triggered, this, [this] { m_editors->saveAs(); });
    connect(m_findAction, &QAction::triggered, this, [this] { m_find->showFind(false); });
    connect(m_replaceAction, &QAction::triggered, this, [this] { m_find->showFind(true); });
    connect(m_commentAction, &QAction::triggered, this, [this] {
        if (SqlEditor* editor = currentEditor())
            editor->toggleComment();
    });
    connect(m_exportAction, &QAction::triggered, this, [this] {
        if (auto* pane = qobject_cast<ResultPane*>(m_results->currentWidget()))
            pane->exportResult();
    });
    connect(m_snippetAction, &QAction::triggered, this, [this] {
        SqlEditor* editor = currentEditor();
        if (editor)
            m_history->saveSnippet(editor->textCursor().hasSelection() ? editor->selectedSql() : editor->toPlainText());
    });
}

QToolBar* QueryPanel::createToolBar()
{
    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    bar->addAction(m_runAction);
    bar->addAction(m_runStatementAction);
    bar->addAction(m_stopAction);
    bar->addAction(m_explainAction);
    bar->addSeparator();
    bar->addAction(m_newTabAction);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    // Save As hangs off Save's arrow, where people look for it; the menu shows its shortcut.
    if (auto* save = qobject_cast<QToolButton*>(bar->widgetForAction(m_saveAction))) {
        save->setObjectName(QStringLiteral("saveButton"));
        auto* saveMenu = new QMenu(save);
        saveMenu->addAction(m_saveAction);
        saveMenu->addAction(m_saveAsAction);
        save->setMenu(saveMenu);
        save->setPopupMode(QToolButton::MenuButtonPopup);
    }
    // The editing commands work by shortcut anywhere in the panel; this menu lists them with their keys.
    auto* editButton = new QToolButton(bar);
    editButton->setObjectName(QStringLiteral("editMenuButton"));
    editButton->setText(QStringLiteral("Edit"));
    editButton->setToolTip(QStringLiteral("Find, replace and comment"));
    editButton->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));
    editButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    editButton->setPopupMode(QToolButton::InstantPopup);
    auto* editMenu = new QMenu(editButton);
    editMenu->addAction(m_findAction);
    editMenu->addAction(m_replaceAction);
    editMenu->addSeparator();
    editMenu->addAction(m_commentAction);
    editButton->setMenu(editMenu);
    bar->addWidget(editButton);
    bar->addSeparator();
    bar->addAction(m_exportAction);
    bar->addAction(m_snippetAction);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_readOnlyAction);
    return bar;
}

SqlEditor* QueryPanel::currentEditor() const
{
    return m_editors->currentEditor();
}

bool QueryPanel::isReadOnly() const
{
    return m_readOnlyAction->isChecked();
}

QString QueryPanel::statusText() const
{
    return m_status->text();
}

void QueryPanel::setStatus(const QString& text)
{
    m_status->setText(text);
}

void QueryPanel::setDatabase(const QString& path, bool readOnly)
{
    m_databasePath = path;
    m_databaseReadOnly = readOnly;
    {
        const QSignalBlocker block(m_readOnlyAction);
        m_readOnlyAction->setChecked(readOnly);
    }
    openDatabase();
}

void QueryPanel::openDatabase()
{
    m_open = false;
    m_transactionOpen = false;
    m_transaction->hide();
    m_readOnlyAction->setEnabled(!m_databaseReadOnly && !m_databasePath.isEmpty());
    m_history->setDatabase(m_databasePath);
    if (m_databasePath.isEmpty()) {
        m_runner.close();
        m_editors->setCatalog({});
        setStatus(QStringLiteral("No database is open."));
    } else {
        m_runner.open(m_databasePath, isReadOnly());
        setStatus(QStringLiteral("Opening %1\u2026").arg(QFileInfo(m_databasePath).fileName()));
    }
    updateActions();
}

void QueryPanel::refreshSchema()
{
    m_runner.readSchema();
}

void QueryPanel::onOpened(bool ok, const QString& message, bool readOnly)
{
    m_open = ok;
    if (!ok) {
        setStatus(message);
    } else {
        if (readOnly && !isReadOnly()) {
            // The file cannot be written: the switch shows it and stays on.
            const QSignalBlocker block(m_readOnlyAction);
            m_readOnlyAction->setChecked(true);
            m_readOnlyAction->setEnabled(false);
        }
        const QString name = QFileInfo(m_databasePath).fileName();
        setStatus(message.isEmpty() ? (readOnly ? QStringLiteral("%1, read-only").arg(name) : name)
                                    : QStringLiteral("%1, read-only: %2").arg(name, message));
    }
    updateActions();
}

void QueryPanel::updateActions()
{
    const bool running = m_runner.isRunning();
    m_runAction->setEnabled(m_open && !running);
    m_runStatementAction->setEnabled(m_open && !running);
    m_explainAction->setEnabled(m_open && !running);
    m_stopAction->setEnabled(running);
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
    SqlEditor* editor = currentEditor();
    if (!editor)
        editor = m_editors->newTab();
    editor->insertPlainText(sql);
    editor->setFocus();
}

SqlEditor* QueryPanel::openSql(const QString& sql, const QString& title)
{
    SqlEditor* editor = currentEditor();
    if (editor && editor->filePath().isEmpty() && editor->toPlainText().trimmed().isEmpty()) {
        editor->setPlainText(sql);
        editor->document()->setModified(false);
        if (!title.isEmpty())
            m_editors->setTitle(editor, title);
    } else {
        editor = m_editors->newTab(sql, title);
    }
    editor->setFocus();
    return editor;
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
    const auto statement = StatementSplitter::statementAt(editor->toPlainText(), editor->textCursor().position());
    if (statement)
        start(statement->sql, statement->offset);
}

void QueryPanel::start(const QString& sql, int base)
{
    if (!m_open || m_runner.isRunning())
        return;
    if (StatementSplitter::isBlank(sql)) {
        setStatus(QStringLiteral("Nothing to run."));
        return;
    }
    clearResults();
    if (m_run.editor)
        m_run.editor->clearErrorMark();
    m_run = Run{};
    m_run.editor = currentEditor();
    m_run.base = base;
    RunOptions options;
    options.guardWrites = bool(m_writeGuard);
    options.confirmDestructive = true;
    m_run.id = m_runner.run(sql, options);
    setStatus(QStringLiteral("Running\u2026"));
    updateActions();
    emit runningChanged(true);
}

void QueryPanel::stop()
{
    if (!m_runner.isRunning())
        return;
    m_runner.cancel();
    setStatus(QStringLiteral("Stopping\u2026"));
}

void QueryPanel::clearResults()
{
    while (m_results->count() > 0) {
        QWidget* page = m_results->widget(0);
        m_results->removeTab(0);
        if (page != m_plan)
            page->deleteLater();
    }
    m_plan->hide();
}

ResultPane* QueryPanel::resultPane(int index) const
{
    return m_run.panes.value(index);
}

ResultPane* QueryPanel::paneFor(int index, const QString& sql)
{
    if (ResultPane* pane = m_run.panes.value(index))
        return pane;
    auto* pane = new ResultPane(index, sql, m_prompts, m_results);
    connect(pane, &ResultPane::errorActivated, this, [this](int position) {
        if (m_run.editor) {
            m_editors->setCurrentWidget(m_run.editor);
            m_run.editor->markError(position);
            m_run.editor->setFocus();
        }
    });
    m_run.panes.insert(index, pane);
    const int tab = m_results->addTab(pane, tabTitle(index, sql));
    m_results->setTabToolTip(tab, sql);
    if (m_results->count() == 1)
        m_results->setCurrentIndex(tab);
    return pane;
}

void QueryPanel::onPaused(const PendingStatement& pending)
{
    if (pending.runId != m_run.id)
        return;
    if (!pending.destructiveReason.isEmpty()) {
        const auto answer =
            m_prompts.ask(this, QStringLiteral("Run Destructive Statement?"),
                          QStringLiteral("%1\n\n%2\n\nRun it?").arg(pending.destructiveReason, pending.sql),
                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            m_runner.cancel();
            setStatus(QStringLiteral("Not run: statement %1 was declined.").arg(pending.index + 1));
            return;
        }
    }
    if (pending.needsWriteGuard && m_writeGuard && !m_writeGuard()) {
        m_runner.cancel();
        setStatus(QStringLiteral("Not run: the table views have pending edits to write or discard first."));
        return;
    }
    ParameterValues values;
    if (!pending.parameters.isEmpty()) {
        const auto answers = m_prompts.askParameters(this, pending.parameters, m_parameterValues);
        if (!answers) {
            m_runner.cancel();
            setStatus(QStringLiteral("Not run: no parameter values were given."));
            return;
        }
        values = *answers;
        for (qsizetype i = 0; i < pending.parameters.size(); ++i)
            m_parameterValues.insert(pending.parameters.at(i).name, values.value(i));
    }
    m_runner.resume(pending.runId, values);
}

void QueryPanel::onResultStarted(int runId, int index, const QString& sql, const std::shared_ptr<ResultSpool>& rows)
{
    if (runId != m_run.id)
        return;
    paneFor(index, sql)->showRows(rows);
}

void QueryPanel::onResultGrew(int runId, int index, qint64 rows)
{
    if (runId != m_run.id)
        return;
    if (ResultPane* pane = m_run.panes.value(index))
        pane->rowsGrew(rows);
}

void QueryPanel::onStatementFinished(const StatementOutcome& outcome)
{
    if (outcome.runId != m_run.id)
        return;
    if (m_historyWriter && !m_databasePath.isEmpty()) {
        HistoryEntry entry;
        entry.database = m_databasePath;
        entry.sql = outcome.sql;
        entry.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-outcome.elapsedMs);
        entry.durationMs = outcome.elapsedMs;
        entry.outcome = !outcome.error             ? HistoryEntry::Outcome::Ok
                        : outcome.error->cancelled ? HistoryEntry::Outcome::Cancelled
                                                   : HistoryEntry::Outcome::Error;
        entry.detail = outcome.error ? outcome.error->message : outcome.summary();
        m_historyWriter->add(entry);
    }

    ResultPane* pane = m_run.panes.value(outcome.index);
    const bool needsTab = pane || outcome.hasRows() || outcome.error || m_run.panes.size() < kMaxResultTabs;
    if (!needsTab) {
        ++m_run.untabbed;
        m_run.untabbedChanges += outcome.changes;
        return;
    }
    if (!pane)
        pane = paneFor(outcome.index, outcome.sql);
    pane->finish(outcome);
    if (outcome.error && !outcome.error->cancelled) {
        // Positions are in the run's text; the editor's are offset by where that text started.
        QueryError error = *outcome.error;
        const int position = m_run.base + error.position;
        if (m_run.editor) {
            const QTextBlock block = m_run.editor->document()->findBlock(position);
            error.line = block.blockNumber() + 1;
            error.column = position - block.position() + 1;
        }
        pane->showError(error, position);
        m_results->setCurrentWidget(pane);
        if (m_run.editor) {
            m_editors->setCurrentWidget(m_run.editor);
            m_run.editor->markError(position);
        }
    }
}

void QueryPanel::onRunFinished(const RunSummary& summary)
{
    if (summary.runId != m_run.id)
        return;
    if (m_run.untabbed > 0) {
        auto* more =
            new QLabel(QStringLiteral("%1 more statements ran without their own tab (%2 rows affected in all).")
                           .arg(QLocale().toString(m_run.untabbed), QLocale().toString(m_run.untabbedChanges)),
                       m_results);
        more->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        more->setMargin(8);
        m_results->addTab(more, QStringLiteral("+%1 more").arg(m_run.untabbed));
    }
    const QString elapsed = QStringLiteral("%1 ms").arg(QLocale().toString(summary.elapsedMs));
    QString text;
    if (!summary.error) {
        text = summary.statementsRun == 1
                   ? QStringLiteral("1 statement ran in %1.").arg(elapsed)
                   : QStringLiteral("%1 statements ran in %2.").arg(summary.statementsRun).arg(elapsed);
    } else if (summary.error->cancelled) {
        // A declined statement already said why.
        text = m_status->text().startsWith(QStringLiteral("Not run"))
                   ? m_status->text()
                   : QStringLiteral("Stopped after %1.").arg(elapsed);
    } else {
        const ResultPane* pane = m_run.panes.value(summary.error->statement);
        text = QStringLiteral("Statement %1 of %2 failed: %3")
                   .arg(summary.error->statement + 1)
                   .arg(summary.statementCount)
                   .arg(pane ? summary.error->message : summary.error->describe());
    }
    setStatus(text);
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
    if (editor->textCursor().hasSelection()) {
        sql = editor->selectedSql();
    } else {
        const auto statement = StatementSplitter::statementAt(editor->toPlainText(), editor->textCursor().position());
        if (statement)
            sql = statement->sql;
    }
    if (StatementSplitter::isBlank(sql))
        return;
    m_runner.explain(sql);
}

void QueryPanel::onPlanRead(const PlanOutcome& plan)
{
    m_plan->showPlan(plan);
    if (m_results->indexOf(m_plan) < 0)
        m_results->addTab(m_plan, QStringLiteral("Query Plan"));
    m_plan->show();
    m_results->setCurrentWidget(m_plan);
}

void QueryPanel::onTransactionStateChanged(bool open)
{
    m_transactionOpen = open;
    m_transaction->setVisible(open);
    emit transactionStateChanged(open);
}

} // namespace quarry
