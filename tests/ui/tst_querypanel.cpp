#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "query/EditorTabs.h"
#include "query/FindReplaceBar.h"
#include "query/HistoryModel.h"
#include "query/HistoryPanel.h"
#include "query/HistoryStore.h"
#include "query/QueryPanel.h"
#include "query/QueryPlanView.h"
#include "query/ResultModel.h"
#include "query/ResultPane.h"
#include "query/SqlEditor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <sqlite3.h>

using namespace quarry;
using quarry::test::TestFiles;

class TestQueryPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void typesSqlRunsItWithTheShortcutAndReadsTheGrid();
    void runsTheStatementUnderTheCursorWithShiftF5();
    void runsOnlyTheSelection();
    void stopsTheEndlessRecursiveCountWithEscape();
    void asksBeforeDestructiveStatements_data();
    void asksBeforeDestructiveStatements();
    void showsErrorsWithLineAndColumnAndMovesTheCursor_data();
    void showsErrorsWithLineAndColumnAndMovesTheCursor();
    void bindsParameterValuesOfEveryType();
    void asksTheWriteGuardBeforeTheFirstWrite_data();
    void asksTheWriteGuardBeforeTheFirstWrite();
    void runsAScriptThatCreatesATriggerWithTwoStatements();
    void keepsAPersonsTransactionAndSaysSo();
    void readOnlySwitchRefusesWrites();
    void keepsHistoryAcrossRestartsAndPutsItBack();
    void explainsTheStatementAsATree();
    void asksAboutUnsavedTextBeforeClosing();
    void copiesAsTsvOrCsvAndExportsJson();
    void reachesSaveAsFindReplaceAndCommentFromTheToolBar();
    void saveAsHasCtrlShiftS();
    void opensHandedOverSqlInATabOfItsOwn();
    void discardingUnsavedTextDropsItAndAsksNoMore();
    void runsWithoutWaitingForALockedHistoryFile();

private:
    // A panel on the demo database, shown, with its dialogs answered by the test.
    std::unique_ptr<QueryPanel> makePanel(bool readOnly = false);
    bool waitForOpen(QueryPanel& panel);
    // Types `sql` into the current editor and runs it with Ctrl+Return; waits for the run to end.
    bool typeAndRun(QueryPanel& panel, const QString& sql, int timeoutMs = 10000);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<HistoryStore> m_history;
    QStringList m_questions;
    QMessageBox::StandardButton m_answer = QMessageBox::No;
};

void TestQueryPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestQueryPanel::init()
{
    m_path = m_dir.filePath(QStringLiteral("%1.db").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(m_path);
    QVERIFY(DemoDatabase::create(m_path, true));
    auto history = HistoryStore::open(m_dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(history);
    m_history = std::move(*history);
    m_questions.clear();
    m_answer = QMessageBox::No;
}

void TestQueryPanel::cleanup()
{
    m_history.reset();
}

std::unique_ptr<QueryPanel> TestQueryPanel::makePanel(bool readOnly)
{
    auto panel = std::make_unique<QueryPanel>(m_path, readOnly, m_history.get());
    panel->prompts().setQuestionHook([this](const QString& title, const QString& text, QMessageBox::StandardButtons) {
        m_questions << title + QStringLiteral(": ") + text;
        return m_answer;
    });
    panel->resize(1100, 700);
    panel->show();
    return panel;
}

bool TestQueryPanel::waitForOpen(QueryPanel& panel)
{
    if (!QTest::qWaitForWindowExposed(&panel))
        return false;
    QElapsedTimer timer;
    timer.start();
    while (!panel.runAction()->isEnabled() && timer.elapsed() < 5000)
        QTest::qWait(10);
    return panel.runAction()->isEnabled();
}

bool TestQueryPanel::typeAndRun(QueryPanel& panel, const QString& sql, int timeoutMs)
{
    SqlEditor* editor = panel.currentEditor();
    editor->setFocus();
    QTest::keyClicks(editor, sql);
    // Typing may have opened the completion list; Escape closes it without touching the text.
    if (QWidget* popup = QApplication::activePopupWidget())
        QTest::keyClick(popup, Qt::Key_Escape);
    // The offscreen platform does not hand activation back when a popup closes.
    panel.activateWindow();
    if (!QTest::qWaitForWindowActive(&panel))
        return false;
    editor->setFocus();
    QSignalSpy finished(&panel, &QueryPanel::runFinished);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    const bool ok = finished.wait(timeoutMs);
    if (!ok)
        qWarning("run did not finish: text \"%s\", status \"%s\", run enabled %d, focus %s",
                 qPrintable(editor->toPlainText()), qPrintable(panel.statusText()), panel.runAction()->isEnabled(),
                 QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");
    return ok;
}

void TestQueryPanel::typesSqlRunsItWithTheShortcutAndReadsTheGrid()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QVERIFY(typeAndRun(*panel, QStringLiteral("SELECT username, email FROM users ORDER BY id")));
    QCOMPARE(panel->currentEditor()->toPlainText(), QStringLiteral("SELECT username, email FROM users ORDER BY id"));
    ResultPane* pane = panel->resultPane(0);
    QVERIFY(pane);
    QVERIFY(pane->model());
    QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(pane->model()->rowCount(), 3);
    QCOMPARE(pane->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("username"));
    QStringList names;
    for (int row = 0; row < 3; ++row)
        names << pane->view()->model()->index(row, 0).data().toString();
    QCOMPARE(names, (QStringList{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("charlie")}));
    QVERIFY2(pane->statusText().startsWith(QStringLiteral("3 rows")), qPrintable(pane->statusText()));
    QVERIFY2(panel->statusText().contains(QStringLiteral("1 statement ran")), qPrintable(panel->statusText()));
    QCOMPARE(panel->resultTabs()->count(), 1);

    // A second run replaces the results: one tab per statement, "rows affected" for a change.
    panel->currentEditor()->clear();
    QVERIFY(typeAndRun(*panel,
                       QStringLiteral("UPDATE users SET first_name = 'Al' WHERE id = 1; SELECT count(*) FROM posts;")));
    QCOMPARE(panel->resultTabs()->count(), 2);
    QTRY_VERIFY(panel->resultPane(0)->findChild<QLabel*>() != nullptr);
    bool affected = false;
    for (const QLabel* label : panel->resultPane(0)->findChildren<QLabel*>())
        affected = affected || label->text() == QStringLiteral("1 row affected.");
    QVERIFY(affected);
    QCOMPARE(panel->resultPane(1)->model()->index(0, 0).data().toString(), QStringLiteral("4"));

    const QString shots = qEnvironmentVariable("QUARRY_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        panel->currentEditor()->setPlainText(
            QStringLiteral("-- Authors and how much they wrote\nSELECT u.username, count(p.id) AS posts,\n"
                           "       group_concat(p.title, ', ') AS titles\n"
                           "FROM users u LEFT JOIN posts p ON p.author_id = u.id\n"
                           "GROUP BY u.id\nORDER BY posts DESC;"));
        QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
        panel->runAll();
        QVERIFY(finished.wait(5000));
        QTRY_VERIFY(panel->resultPane(0)->view()->isVisible());
        QTest::qWait(100); // let the layouts settle before the picture
        QVERIFY(panel->grab().save(shots + QStringLiteral("/query-panel.png")));
        panel->currentEditor()->setPlainText(QStringLiteral("SELECT 1;\nSELECT id,\n       nmae\nFROM users;"));
        panel->runAll();
        QVERIFY(finished.wait(5000));
        QTest::qWait(100);
        QVERIFY(panel->grab().save(shots + QStringLiteral("/query-panel-error.png")));
        panel->currentEditor()->setPlainText(
            QStringLiteral("SELECT u.username, p.title FROM users u JOIN posts p ON p.author_id = u.id\n"
                           "WHERE p.title LIKE '%Python%' ORDER BY p.created_at;"));
        panel->explainAction()->trigger();
        QTRY_VERIFY(panel->planView()->isVisible());
        QTest::qWait(100);
        QVERIFY(panel->grab().save(shots + QStringLiteral("/query-panel-plan.png")));
    }
}

void TestQueryPanel::runsTheStatementUnderTheCursorWithShiftF5()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    SqlEditor* editor = panel->currentEditor();
    editor->setPlainText(QStringLiteral("SELECT 'first';\nSELECT 'second';\nSELECT 'third';"));
    QTextCursor cursor(editor->document());
    cursor.setPosition(int(editor->toPlainText().indexOf(QStringLiteral("second"))));
    editor->setTextCursor(cursor);
    editor->setFocus();
    QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
    QTest::keyClick(editor, Qt::Key_F5, Qt::ShiftModifier);
    QVERIFY(finished.wait(5000));
    QCOMPARE(panel->resultTabs()->count(), 1);
    QTRY_COMPARE(panel->resultPane(0)->model()->rowCount(), 1);
    QCOMPARE(panel->resultPane(0)->model()->index(0, 0).data().toString(), QStringLiteral("second"));
}

void TestQueryPanel::runsOnlyTheSelection()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    SqlEditor* editor = panel->currentEditor();
    editor->setPlainText(QStringLiteral("DELETE FROM comments;\nSELECT 1 AS a;\nSELECT 2 AS b;\n"));
    QTextCursor cursor(editor->document());
    cursor.setPosition(int(editor->toPlainText().indexOf(QStringLiteral("SELECT 1"))));
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
    QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(5000));
    QCOMPARE(panel->resultTabs()->count(), 2);
    QVERIFY(m_questions.isEmpty()); // the DELETE was not part of it
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT count(*) FROM comments")), QStringLiteral("4"));
}

void TestQueryPanel::stopsTheEndlessRecursiveCountWithEscape()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    SqlEditor* editor = panel->currentEditor();
    editor->setPlainText(
        QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"));
    QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
    QSignalSpy running(panel.get(), &QueryPanel::runningChanged);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!finished.wait(400)); // it would run forever
    QVERIFY(panel->isRunning());
    QVERIFY(panel->stopAction()->isEnabled());
    QVERIFY(!panel->runAction()->isEnabled());
    // The window answers while SQLite counts.
    QElapsedTimer responsive;
    responsive.start();
    QTest::keyClicks(editor, QStringLiteral(" "));
    QVERIFY(responsive.elapsed() < 500);

    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(finished.wait(2000));
    qInfo("stopped %lld ms after Escape", timer.elapsed());
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(finished.front().at(0).toBool(), false);
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("Stopped")), qPrintable(panel->statusText()));
    QVERIFY(!panel->isRunning());
    QVERIFY(panel->runAction()->isEnabled());
    QCOMPARE(running.last().at(0).toBool(), false);
}

void TestQueryPanel::asksBeforeDestructiveStatements_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<QString>("comments");
    QTest::newRow("declined") << int(QMessageBox::No) << QStringLiteral("4");
    QTest::newRow("confirmed") << int(QMessageBox::Yes) << QStringLiteral("0");
}

void TestQueryPanel::asksBeforeDestructiveStatements()
{
    QFETCH(int, answer);
    QFETCH(QString, comments);
    m_answer = QMessageBox::StandardButton(answer);
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QVERIFY(typeAndRun(*panel, QStringLiteral("DELETE FROM comments")));
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.front().contains(QStringLiteral("DELETE without WHERE removes every row of comments")),
             qPrintable(m_questions.front()));
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT count(*) FROM comments")), comments);
    if (answer == QMessageBox::No)
        QVERIFY2(panel->statusText().startsWith(QStringLiteral("Not run")), qPrintable(panel->statusText()));
}

void TestQueryPanel::showsErrorsWithLineAndColumnAndMovesTheCursor_data()
{
    QTest::addColumn<bool>("selectionOnly");
    QTest::newRow("whole text") << false;
    QTest::newRow("selection starting on line 2") << true;
}

void TestQueryPanel::showsErrorsWithLineAndColumnAndMovesTheCursor()
{
    QFETCH(bool, selectionOnly);
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    SqlEditor* editor = panel->currentEditor();
    const QString text = QStringLiteral("SELECT 1;\nSELECT 2;\nSELECT id,\n       nmae FROM users;\nSELECT 3;");
    editor->setPlainText(text);
    if (selectionOnly) {
        QTextCursor cursor(editor->document());
        cursor.setPosition(int(text.indexOf(QStringLiteral("SELECT 2"))));
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        editor->setTextCursor(cursor);
    }
    QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
    panel->runAll();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.front().at(0).toBool(), false);
    // The script stopped at the failing statement; the statement after it never ran.
    const int failing = selectionOnly ? 1 : 2;
    ResultPane* pane = panel->resultPane(failing);
    QVERIFY(pane);
    QVERIFY(pane->hasError());
    QVERIFY(!panel->resultPane(failing + 1));
    QCOMPARE(panel->resultTabs()->currentWidget(), pane);
    bool described = false;
    for (const QLabel* label : pane->findChildren<QLabel*>())
        described = described || label->text() == QStringLiteral("Error at line 4, column 8:\nno such column: nmae");
    QVERIFY(described);
    // The cursor sits on the culprit, in editor coordinates whatever part was run.
    QCOMPARE(editor->textCursor().position(), int(text.indexOf(QStringLiteral("nmae"))));
    QCOMPARE(editor->textCursor().blockNumber(), 3);
}

void TestQueryPanel::bindsParameterValuesOfEveryType()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QList<QList<QueryParameter>> asked;
    panel->prompts().setParameterHook([&](const QList<QueryParameter>& parameters, const QHash<QString, QVariant>&) {
        asked << parameters;
        return std::optional<ParameterValues>(
            ParameterValues{QStringLiteral("it's; text"), qlonglong(42), 2.5, QVariant()});
    });
    QVERIFY(typeAndRun(
        *panel, QStringLiteral("SELECT typeof(:t), :t, typeof(@i), @i, typeof($r), $r, typeof(?4), ?4 IS NULL")));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.front().size(), 4);
    ResultModel* model = panel->resultPane(0)->model();
    QTRY_COMPARE(model->rowCount(), 1);
    QStringList cells;
    for (int c = 0; c < model->columnCount(); ++c)
        cells << model->index(0, c).data().toString();
    QCOMPARE(cells, (QStringList{QStringLiteral("text"), QStringLiteral("it's; text"), QStringLiteral("integer"),
                                 QStringLiteral("42"), QStringLiteral("real"), QStringLiteral("2.5"),
                                 QStringLiteral("null"), QStringLiteral("1")}));

    // Cancelling the dialog runs nothing.
    panel->prompts().setParameterHook(
        [](const QList<QueryParameter>&, const QHash<QString, QVariant>&) { return std::optional<ParameterValues>(); });
    panel->currentEditor()->setPlainText(QStringLiteral("DELETE FROM comments WHERE id = :id"));
    QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
    panel->runAll();
    QVERIFY(finished.wait(5000));
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT count(*) FROM comments")), QStringLiteral("4"));
}

void TestQueryPanel::asksTheWriteGuardBeforeTheFirstWrite_data()
{
    QTest::addColumn<bool>("allow");
    QTest::addColumn<QString>("firstName");
    QTest::newRow("pending edits kept: nothing runs") << false << QString();
    QTest::newRow("pending edits written: the script runs") << true << QStringLiteral("B");
}

void TestQueryPanel::asksTheWriteGuardBeforeTheFirstWrite()
{
    QFETCH(bool, allow);
    QFETCH(QString, firstName);
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    int asked = 0;
    panel->setWriteGuard([&] {
        ++asked;
        return allow;
    });
    QSignalSpy changed(panel.get(), &QueryPanel::databaseChanged);
    QVERIFY(typeAndRun(*panel, QStringLiteral("SELECT 1; UPDATE users SET first_name = 'A' WHERE id = 1; "
                                              "UPDATE users SET first_name = 'B' WHERE id = 1;")));
    QCOMPARE(asked, 1);
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT first_name FROM users WHERE id = 1")), firstName);
    QTRY_COMPARE(changed.size(), allow ? 1 : 0);
    if (allow)
        QCOMPARE(changed.front().at(0).toBool(), false); // data, not schema
    // Reading runs without asking.
    panel->currentEditor()->clear();
    QVERIFY(typeAndRun(*panel, QStringLiteral("SELECT * FROM users")));
    QCOMPARE(asked, 1);
}

void TestQueryPanel::runsAScriptThatCreatesATriggerWithTwoStatements()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QSignalSpy changed(panel.get(), &QueryPanel::databaseChanged);
    panel->currentEditor()->setPlainText(
        QStringLiteral("CREATE TABLE audit (what TEXT, at TEXT DEFAULT CURRENT_TIMESTAMP);\n"
                       "CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN\n"
                       "  INSERT INTO audit (what) VALUES ('added ' || new.username || ';');\n"
                       "  UPDATE users SET first_name = upper(substr(new.username, 1, 1)) WHERE id = new.id;\n"
                       "END;\n"
                       "INSERT INTO users (username, email) VALUES ('dora', 'dora@example.com');\n"
                       "SELECT what FROM audit;\n"
                       "SELECT first_name FROM users WHERE username = 'dora';"));
    QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
    panel->runAll();
    QVERIFY(finished.wait(5000));
    QVERIFY2(finished.front().at(0).toBool(), qPrintable(panel->statusText()));
    QCOMPARE(panel->resultTabs()->count(), 5);
    QTRY_COMPARE(panel->resultPane(3)->model()->rowCount(), 1);
    QCOMPARE(panel->resultPane(3)->model()->index(0, 0).data().toString(), QStringLiteral("added dora;"));
    QCOMPARE(panel->resultPane(4)->model()->index(0, 0).data().toString(), QStringLiteral("D"));
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.front().at(0).toBool(), true); // the schema changed: the schema tree refreshes
}

void TestQueryPanel::keepsAPersonsTransactionAndSaysSo()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QSignalSpy transaction(panel.get(), &QueryPanel::transactionStateChanged);
    QSignalSpy changed(panel.get(), &QueryPanel::databaseChanged);
    QVERIFY(typeAndRun(*panel, QStringLiteral("BEGIN; UPDATE users SET first_name = 'T' WHERE id = 2;")));
    QTRY_COMPARE(transaction.size(), 1);
    QVERIFY(panel->hasOpenTransaction());
    bool shown = false;
    for (const QLabel* label : panel->findChildren<QLabel*>())
        shown = shown || (label->isVisible() && label->text().startsWith(QStringLiteral("Transaction open")));
    QVERIFY(shown);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT first_name FROM users WHERE id = 2")), QString());
    // Closing would roll it back: the panel asks.
    panel->currentEditor()->document()->setModified(false);
    m_answer = QMessageBox::Cancel;
    QVERIFY(!panel->confirmClose());
    QVERIFY(m_questions.last().contains(QStringLiteral("rolls it back")));

    panel->currentEditor()->clear();
    QVERIFY(typeAndRun(*panel, QStringLiteral("COMMIT")));
    QTRY_COMPARE(transaction.size(), 2);
    QVERIFY(!panel->hasOpenTransaction());
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT first_name FROM users WHERE id = 2")),
             QStringLiteral("T"));
}

void TestQueryPanel::readOnlySwitchRefusesWrites()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    panel->readOnlyAction()->trigger();
    QVERIFY(panel->isReadOnly());
    QVERIFY(waitForOpen(*panel));
    QVERIFY(typeAndRun(*panel, QStringLiteral("UPDATE users SET first_name = 'R' WHERE id = 1")));
    QVERIFY2(panel->statusText().contains(QStringLiteral("attempt to write a readonly database")),
             qPrintable(panel->statusText()));
    QCOMPARE(TestFiles::querySql(m_path, QStringLiteral("SELECT first_name FROM users WHERE id = 1")), QString());

    // A file the main window opened read-only keeps the switch on.
    auto locked = makePanel(true);
    QVERIFY(waitForOpen(*locked));
    QVERIFY(locked->isReadOnly());
    QVERIFY(!locked->readOnlyAction()->isEnabled());
}

void TestQueryPanel::keepsHistoryAcrossRestartsAndPutsItBack()
{
    {
        auto panel = makePanel();
        QVERIFY(waitForOpen(*panel));
        QVERIFY(typeAndRun(*panel, QStringLiteral("SELECT title FROM posts WHERE id = 2")));
        panel->currentEditor()->clear();
        QVERIFY(typeAndRun(*panel, QStringLiteral("SELECT nope FROM posts")));
    }
    // Quarry restarts: a new store on the same file, a new panel.
    m_history.reset();
    auto reopened = HistoryStore::open(m_dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(reopened);
    m_history = std::move(*reopened);
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    HistoryModel* model = panel->historyPanel()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entries().at(0).sql, QStringLiteral("SELECT nope FROM posts"));
    QCOMPARE(model->entries().at(0).outcome, HistoryEntry::Outcome::Error);
    QCOMPARE(model->entries().at(1).detail, QStringLiteral("1 row"));
    // Searchable.
    panel->historyPanel()->searchField()->setText(QStringLiteral("title"));
    QCOMPARE(model->rowCount(), 1);
    // And back into the editor.
    panel->historyPanel()->view()->setCurrentIndex(model->index(0, HistoryModel::Sql));
    emit panel->historyPanel()->view()->activated(model->index(0, HistoryModel::Sql));
    QCOMPARE(panel->currentEditor()->toPlainText(), QStringLiteral("SELECT title FROM posts WHERE id = 2"));

    // Snippets are saved by name.
    panel->prompts().setTextHook([](const QString&, const QString&, const QString&) {
        return std::optional<QString>(QStringLiteral("post two"));
    });
    QVERIFY(panel->historyPanel()->saveSnippet(panel->currentEditor()->toPlainText()));
    QCOMPARE(panel->historyPanel()->snippetList()->count(), 1);
}

void TestQueryPanel::explainsTheStatementAsATree()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    panel->currentEditor()->setPlainText(QStringLiteral("SELECT * FROM posts WHERE content LIKE '%x%';\n"
                                                        "SELECT * FROM comments WHERE post_id = 1;"));
    QTextCursor cursor(panel->currentEditor()->document());
    cursor.movePosition(QTextCursor::End);
    panel->currentEditor()->setTextCursor(cursor);
    panel->explainAction()->trigger();
    QTRY_VERIFY(panel->planView()->isVisible());
    QCOMPARE(panel->resultTabs()->currentWidget(), panel->planView());
    QTreeWidget* tree = panel->planView()->tree();
    QVERIFY(tree->topLevelItemCount() >= 1);
    QVERIFY2(tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("SEARCH comments USING INDEX")),
             qPrintable(tree->topLevelItem(0)->text(0)));
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("index search"));

    cursor.setPosition(3);
    panel->currentEditor()->setTextCursor(cursor);
    panel->explainAction()->trigger();
    QTRY_COMPARE(panel->planView()->tree()->topLevelItem(0)->text(1), QStringLiteral("full scan"));
    QCOMPARE(panel->planView()->summary(), QStringLiteral("1 full scan, 0 index searches."));
}

void TestQueryPanel::asksAboutUnsavedTextBeforeClosing()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QVERIFY(panel->confirmClose()); // nothing typed, nothing asked
    QVERIFY(m_questions.isEmpty());
    QTest::keyClicks(panel->currentEditor(), QStringLiteral("SELECT 1"));
    m_answer = QMessageBox::Cancel;
    QVERIFY(!panel->confirmClose());
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.front().startsWith(QStringLiteral("Unsaved SQL")));
    m_answer = QMessageBox::Discard;
    QVERIFY(panel->confirmClose());
    QCOMPARE(m_questions.size(), 2);
}

void TestQueryPanel::copiesAsTsvOrCsvAndExportsJson()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QVERIFY(typeAndRun(*panel, QStringLiteral("SELECT id, title, NULL AS n FROM posts ORDER BY id LIMIT 2")));
    ResultPane* pane = panel->resultPane(0);
    QTRY_COMPARE(pane->model()->rowCount(), 2);
    pane->view()->selectAll();
    QCOMPARE(pane->copySelection(ResultWriter::Format::Tsv),
             QStringLiteral("1\tPython Programming\t\r\n2\tWeb Development\t\r\n"));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("1\tPython Programming\t\r\n2\tWeb Development\t\r\n"));
    QCOMPARE(pane->copySelection(ResultWriter::Format::Csv),
             QStringLiteral("id,title,n\r\n1,Python Programming,\r\n2,Web Development,\r\n"));

    const QString path = m_dir.filePath(QStringLiteral("posts.json"));
    panel->prompts().setFileHook([&](Dialogs::FileAction action, const QString&, const QString&) {
        return action == Dialogs::FileAction::Export ? path : QString();
    });
    QSignalSpy exported(pane, &ResultPane::exportFinished);
    panel->resultTabs()->setCurrentWidget(pane);
    panel->exportAction()->trigger();
    QVERIFY(exported.wait(5000));
    QVERIFY(exported.front().at(0).toBool());
    QCOMPARE(QString::fromUtf8(TestFiles::read(path)),
             QStringLiteral("[\n  {\"id\": 1, \"title\": \"Python Programming\", \"n\": null},\n"
                            "  {\"id\": 2, \"title\": \"Web Development\", \"n\": null}\n]\n"));
}

// Every editing command is on the panel's tool bar, with its shortcut shown beside it.
void TestQueryPanel::reachesSaveAsFindReplaceAndCommentFromTheToolBar()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    auto* save = panel->findChild<QToolButton*>(QStringLiteral("saveButton"));
    QVERIFY(save && save->isVisible() && save->menu());
    QVERIFY(save->menu()->actions().contains(panel->saveAsAction()));
    auto* edit = panel->findChild<QToolButton*>(QStringLiteral("editMenuButton"));
    QVERIFY(edit && edit->isVisible() && edit->menu());
    const QList<QAction*> editing = edit->menu()->actions();
    for (QAction* action : {panel->findAction(), panel->replaceAction(), panel->commentAction()}) {
        QVERIFY2(editing.contains(action), qPrintable(action->text()));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    }
    QCOMPARE(panel->commentAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Slash));

    // The menu's entries do what they say.
    panel->currentEditor()->setPlainText(QStringLiteral("SELECT 1;\nSELECT 2;"));
    panel->currentEditor()->selectAll();
    edit->menu()->actions().at(editing.indexOf(panel->commentAction()))->trigger();
    QCOMPARE(panel->currentEditor()->toPlainText(), QStringLiteral("-- SELECT 1;\n-- SELECT 2;"));
    panel->replaceAction()->trigger();
    QTRY_VERIFY(panel->findBar()->isVisible());

    // And the shortcut reaches the same command from the editor: Ctrl+/ uncomments, once.
    panel->currentEditor()->setFocus();
    panel->currentEditor()->selectAll();
    QTest::keyClick(panel->currentEditor(), Qt::Key_Slash, Qt::ControlModifier);
    QCOMPARE(panel->currentEditor()->toPlainText(), QStringLiteral("SELECT 1;\nSELECT 2;"));
}

void TestQueryPanel::saveAsHasCtrlShiftS()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QCOMPARE(panel->saveAsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    const QString path = m_dir.filePath(QStringLiteral("saved-as.sql"));
    QFile::remove(path);
    QStringList asked;
    panel->prompts().setFileHook([&](Dialogs::FileAction action, const QString&, const QString&) {
        asked << QString::number(int(action));
        return action == Dialogs::FileAction::Save ? path : QString();
    });
    panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel.get()));
    panel->currentEditor()->setPlainText(QStringLiteral("SELECT 42;"));
    panel->currentEditor()->setFocus();
    QTest::keyClick(panel->currentEditor(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(QString::fromUtf8(TestFiles::read(path)), QStringLiteral("SELECT 42;"));
    QCOMPARE(panel->editorTabs()->tabText(panel->editorTabs()->currentIndex()), QStringLiteral("saved-as.sql"));
}

// SQL handed over (the stats panels' "Open in Query Editor") gets a tab of its own, named after where it came
// from, and never joins what the person wrote; an empty tab is used rather than left behind.
void TestQueryPanel::opensHandedOverSqlInATabOfItsOwn()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    EditorTabs* tabs = panel->editorTabs();
    QCOMPARE(tabs->count(), 1);
    const QString first = QStringLiteral("SELECT count(*) FROM posts;");
    SqlEditor* editor = panel->openSql(first, QStringLiteral("Posts per user"));
    QCOMPARE(tabs->count(), 1); // the empty tab took it
    QCOMPARE(editor, panel->currentEditor());
    QCOMPARE(editor->toPlainText(), first);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Posts per user"));

    // The person writes in it; the next hand-over goes to a new tab and leaves that text alone.
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral(" -- mine"));
    const QString mine = editor->toPlainText();
    const QString second = QStringLiteral("SELECT title FROM posts;");
    SqlEditor* other = panel->openSql(second, QStringLiteral("Top posts"));
    QCOMPARE(tabs->count(), 2);
    QVERIFY(other != editor);
    QCOMPARE(panel->currentEditor(), other);
    QCOMPARE(other->toPlainText(), second);
    QCOMPARE(editor->toPlainText(), mine);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Top posts"));

    // Without a name the tab is named like any new one; it runs as it is.
    SqlEditor* third = panel->openSql(second);
    QCOMPARE(tabs->count(), 3);
    QVERIFY(tabs->tabText(tabs->currentIndex()).startsWith(QStringLiteral("Query ")));
    QSignalSpy finished(panel.get(), &QueryPanel::runFinished);
    QCOMPARE(panel->currentEditor(), third);
    panel->runAll();
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.front().front().toBool());
    QCOMPARE(panel->resultPane(0)->model()->rowCount(),
             TestFiles::querySql(m_path, QStringLiteral("SELECT count(*) FROM posts")).toInt());
}

// Discard means the text is gone: it is not asked about again at the next close.
void TestQueryPanel::discardingUnsavedTextDropsItAndAsksNoMore()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    QTest::keyClicks(panel->currentEditor(), QStringLiteral("SELECT 1"));
    panel->newTabAction()->trigger();
    QTest::keyClicks(panel->currentEditor(), QStringLiteral("SELECT 2"));
    QCOMPARE(panel->editorTabs()->count(), 2);

    m_answer = QMessageBox::Discard;
    QVERIFY(panel->confirmClose());
    QCOMPARE(m_questions.size(), 2);
    QVERIFY(!panel->editorTabs()->hasUnsavedText());
    QCOMPARE(panel->editorTabs()->count(), 1);
    QVERIFY(panel->currentEditor()->toPlainText().isEmpty());

    m_answer = QMessageBox::Cancel;
    QVERIFY(panel->confirmClose());
    QCOMPARE(m_questions.size(), 2);
}

// History is written off the GUI thread: with the history file's write lock held elsewhere (the GUI's
// connection would wait out its busy timeout), a run still ends at once, and its statement shows in the
// History tab once the lock is gone.
void TestQueryPanel::runsWithoutWaitingForALockedHistoryFile()
{
    auto panel = makePanel();
    QVERIFY(waitForOpen(*panel));
    HistoryModel* model = panel->historyPanel()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = model->rowCount();

    sqlite3* locker = nullptr;
    QCOMPARE(sqlite3_open_v2(QFile::encodeName(m_history->path()).constData(), &locker, SQLITE_OPEN_READWRITE, nullptr),
             SQLITE_OK);
    auto closeLocker = qScopeGuard([&] { sqlite3_close(locker); });
    QCOMPARE(sqlite3_exec(locker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

    QElapsedTimer timer;
    timer.start();
    QVERIFY(typeAndRun(*panel, QStringLiteral("SELECT title FROM posts WHERE id = 3")));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(model->rowCount(), before); // not written yet: the lock is still held

    QCOMPARE(sqlite3_exec(locker, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 1, 10000);
    QCOMPARE(model->entries().at(0).sql, QStringLiteral("SELECT title FROM posts WHERE id = 3"));
}

QTEST_MAIN(TestQueryPanel)
#include "tst_querypanel.moc"
