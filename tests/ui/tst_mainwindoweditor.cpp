// The main window, driven offscreen as a person drives it: the query editor inside it. The editor's transactions, the
// grid and schema tree following its changes, and its unsaved SQL.
#include "LessonDatabases.h"
#include "MainWindowFixture.h"
#include "TestFiles.h"
#include "query/EditorTabs.h"
#include "query/QueryPanel.h"
#include "query/SqlEditor.h"
#include "schema/Migrator.h"
#include "stats/StatsDock.h"
#include "stats/StatsPage.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowEditor : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowEditor() : MainWindowFixture(QStringLiteral("tst_mainwindoweditor")) {}

private slots:
    void editorTransactionDisablesWriteChangesUntilCommit();
    void editorTransactionLeavesOnlyDiscardBeforeAWrite_data();
    void editorTransactionLeavesOnlyDiscardBeforeAWrite();
    void editorTransactionDisablesTheUpgrade();
    void gridShowsTheEditorsUpdate();
    void schemaTreeShowsTheEditorsNewTable();
    void asksAboutPendingEditsBeforeTheEditorWrites_data();
    void asksAboutPendingEditsBeforeTheEditorWrites();
    void opensStatsSqlInAnEditorTabNamedAfterThePanel();
    void discardedEditorTextIsNotAskedAboutAgain();
    void upgradeAsksAboutUnsavedSqlBeforeClosingAnything();

private:
    // Runs `sql` in the window's query editor as a person does (Ctrl+Return); true when every statement ran.
    bool runInEditor(const QString& sql);
    bool schemaTreeHas(const QString& table) const;
};

bool TestMainWindowEditor::runInEditor(const QString& sql)
{
    QueryPanel* panel = m_window->queryPanel();
    m_window->queryDock()->show();
    if (!QTest::qWaitFor([panel] { return panel->runAction()->isEnabled(); }, 10000))
        return false;
    SqlEditor* editor = panel->currentEditor();
    editor->setPlainText(sql);
    editor->setFocus();
    QSignalSpy finished(panel, &QueryPanel::runFinished);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    if (!finished.wait(10000))
        return false;
    // The window refreshes on the panel's queued databaseChanged(); let it arrive.
    QCoreApplication::processEvents();
    return finished.first().first().toBool();
}

bool TestMainWindowEditor::schemaTreeHas(const QString& table) const
{
    const auto* tree = m_window->findChild<QTreeWidget*>();
    const QList<QTreeWidgetItem*> items =
        tree->findItems(QStringLiteral("*"), Qt::MatchWildcard | Qt::MatchRecursive, 0);
    for (const QTreeWidgetItem* item : items) {
        if (item->data(0, Qt::UserRole + 1).toString() == table)
            return true;
    }
    return false;
}

// The editor's BEGIN holds the file's write lock: Write Changes would wait out the busy timeout on the GUI
// thread and fail, so it is off (saying why) until the editor commits.
void TestMainWindowEditor::editorTransactionDisablesWriteChangesUntilCommit()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const QString email = TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1"));
    QVERIFY(runInEditor(QStringLiteral("BEGIN; UPDATE users SET first_name = 'Bea' WHERE id = 2;")));
    QTRY_VERIFY(m_window->queryPanel()->hasOpenTransaction());
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("alice@elsewhere.example")));
    QCOMPARE(m_window->session()->pending().rowCount(), 1);

    QAction* write = action(QStringLiteral("Write Changes"));
    QVERIFY(write);
    QVERIFY(!write->isEnabled());
    QVERIFY2(write->toolTip().contains(QStringLiteral("open transaction")), qPrintable(write->toolTip()));
    QVERIFY2(write->statusTip().contains(QStringLiteral("commit or roll back")), qPrintable(write->statusTip()));

    // Ctrl+S and a direct write both come back at once, write nothing and keep the edit.
    QElapsedTimer timer;
    timer.start();
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_window->writeChanges());
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(m_window->session()->pending().rowCount(), 1);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")), email);
    QStringList status;
    for (const QLabel* label : m_window->statusBar()->findChildren<QLabel*>())
        status << label->text();
    QVERIFY2(status.join(QLatin1Char('|')).contains(QStringLiteral("open transaction")),
             qPrintable(status.join(QLatin1Char('|'))));

    QVERIFY(runInEditor(QStringLiteral("COMMIT")));
    QTRY_VERIFY(!m_window->queryPanel()->hasOpenTransaction());
    QVERIFY(write->isEnabled());
    QVERIFY(!write->toolTip().contains(QStringLiteral("open transaction")));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(m_window->session()->pending().isEmpty());
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             QStringLiteral("alice@elsewhere.example"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT first_name FROM users WHERE id = 2")),
             QStringLiteral("Bea"));
}

void TestMainWindowEditor::editorTransactionLeavesOnlyDiscardBeforeAWrite_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("runs");
    QTest::newRow("discard drops the edit and runs") << int(QMessageBox::Discard) << true;
    QTest::newRow("cancel keeps the edit and runs nothing") << int(QMessageBox::Cancel) << false;
}

// Inside the editor's transaction the pending edits cannot be written first: the question offers Discard or
// Cancel (an answer not offered is reported by ScriptedDialogs), and comes back at once.
void TestMainWindowEditor::editorTransactionLeavesOnlyDiscardBeforeAWrite()
{
    QFETCH(int, answer);
    QFETCH(bool, runs);
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const QString email = TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1"));
    QVERIFY(runInEditor(QStringLiteral("BEGIN")));
    QTRY_VERIFY(m_window->queryPanel()->hasOpenTransaction());
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("alice@elsewhere.example")));

    m_dialogs->answers << QMessageBox::StandardButton(answer);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(runInEditor(QStringLiteral("UPDATE posts SET title = 'Renamed' WHERE id = 1")), runs);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().contains(QStringLiteral("open transaction")),
             qPrintable(m_dialogs->questions.first()));
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(m_window->session()->pending().isEmpty(), runs);

    QVERIFY(runInEditor(QStringLiteral("COMMIT")));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT title FROM posts WHERE id = 1")) ==
                 QStringLiteral("Renamed"),
             runs);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")), email);
}

void TestMainWindowEditor::editorTransactionDisablesTheUpgrade()
{
    const QString file = m_dir.filePath(QStringLiteral("lesson-transaction.db"));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(openWindow(file));
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QVERIFY(bar && bar->isVisibleTo(m_window.get()));
    QPushButton* upgrade = nullptr;
    for (QPushButton* button : bar->findChildren<QPushButton*>()) {
        if (button->text().startsWith(QStringLiteral("Upgrade")))
            upgrade = button;
    }
    QVERIFY(upgrade && upgrade->isEnabled());
    QVERIFY(runInEditor(QStringLiteral("BEGIN; UPDATE users SET username = username WHERE id = 1;")));
    QTRY_VERIFY(!upgrade->isEnabled());
    QVERIFY2(upgrade->toolTip().contains(QStringLiteral("open transaction")), qPrintable(upgrade->toolTip()));
    QVERIFY(bar->isVisibleTo(m_window.get()));
    QVERIFY(runInEditor(QStringLiteral("ROLLBACK")));
    QTRY_VERIFY(upgrade->isEnabled());
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("0"));
}

void TestMainWindowEditor::gridShowsTheEditorsUpdate()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const int column = users->model()->modelColumn(QStringLiteral("first_name"));
    const int row = rowOf(users->model(), 2);
    QVERIFY(row >= 0);
    QVERIFY(cellText(users->model(), row, column) != QStringLiteral("Roberta"));

    QVERIFY(runInEditor(QStringLiteral("UPDATE users SET first_name = 'Roberta' WHERE id = 2")));
    QTRY_COMPARE(cellText(users->model(), rowOf(users->model(), 2), column), QStringLiteral("Roberta"));
    QVERIFY(m_window->session()->pending().isEmpty());
}

void TestMainWindowEditor::schemaTreeShowsTheEditorsNewTable()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    QVERIFY(browser(QStringLiteral("users")));
    QVERIFY(browser(QStringLiteral("posts")));
    QVERIFY(!schemaTreeHas(QStringLiteral("notes")));

    QVERIFY(runInEditor(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")));
    QTRY_VERIFY(schemaTreeHas(QStringLiteral("notes")));
    // The tables open before are open again, in their order, showing the one shown before; the new one opens
    // like any other.
    auto* tabs = m_window->findChild<QTabWidget*>();
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(2), QStringLiteral("comments"));
    QVERIFY(m_window->currentBrowser());
    QCOMPARE(m_window->currentBrowser()->tableName(), QStringLiteral("posts"));
    QVERIFY(browser(QStringLiteral("users")));
    TableBrowser* notes = browser(QStringLiteral("notes"));
    QVERIFY(notes);
    QCOMPARE(notes->model()->rowCount(), 0);
}

void TestMainWindowEditor::asksAboutPendingEditsBeforeTheEditorWrites_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("runs");
    QTest::addColumn<bool>("written");
    QTest::newRow("save writes the edit, then runs") << int(QMessageBox::Save) << true << true;
    QTest::newRow("discard drops the edit, then runs") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("cancel keeps the edit, runs nothing") << int(QMessageBox::Cancel) << false << false;
}

void TestMainWindowEditor::asksAboutPendingEditsBeforeTheEditorWrites()
{
    QFETCH(int, answer);
    QFETCH(bool, runs);
    QFETCH(bool, written);
    const QString file = demoCopy();
    const QString before = TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1"));
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("alice@elsewhere.example")));

    // A reading statement runs without a question.
    QVERIFY(runInEditor(QStringLiteral("SELECT count(*) FROM posts")));
    QVERIFY(m_dialogs->questions.isEmpty());

    m_dialogs->answers << QMessageBox::StandardButton(answer);
    QCOMPARE(runInEditor(QStringLiteral("UPDATE posts SET title = 'Renamed' WHERE id = 1")), runs);
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().contains(QStringLiteral("1 changed row")),
             qPrintable(m_dialogs->questions.first()));
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(m_window->session()->pending().isEmpty(), runs);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             written ? QStringLiteral("alice@elsewhere.example") : before);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT title FROM posts WHERE id = 1")) ==
                 QStringLiteral("Renamed"),
             runs);
    if (!runs)
        QCOMPARE(cellText(users->model(), 0, users->model()->modelColumn(QStringLiteral("email"))),
                 QStringLiteral("alice@elsewhere.example"));
}

// "Open in Query Editor" on a stats panel gives its SQL a tab of its own, named after the panel; what the
// person wrote in the editor stays as it was.
void TestMainWindowEditor::opensStatsSqlInAnEditorTabNamedAfterThePanel()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    QueryPanel* panel = m_window->queryPanel();
    m_window->queryDock()->show();
    QTest::keyClicks(panel->currentEditor(), QStringLiteral("SELECT 'mine'"));
    SqlEditor* mine = panel->currentEditor();
    const QString written = mine->toPlainText();

    m_window->statsDock()->show();
    StatsPage* page = m_window->statsDock()->currentPage();
    QVERIFY(page);
    QPushButton* open = nullptr;
    for (QPushButton* button : page->findChildren<QPushButton*>()) {
        if (button->text().contains(QStringLiteral("Query Editor")))
            open = button;
    }
    QVERIFY(open);
    QTRY_VERIFY(open->isVisible());
    QTest::mouseClick(open, Qt::LeftButton);

    EditorTabs* tabs = panel->editorTabs();
    QTRY_COMPARE(tabs->count(), 2);
    QVERIFY(panel->currentEditor() != mine);
    QCOMPARE(mine->toPlainText(), written);
    QCOMPARE(tabs->tabText(tabs->currentIndex()), page->panel().title);
    const QString sql = panel->currentEditor()->toPlainText();
    QVERIFY2(!sql.contains(QStringLiteral("'mine'")), qPrintable(sql));
    // The SQL is the panel's, ready to run as it is.
    QVERIFY(runInEditor(sql));
}

// Discard in the unsaved-SQL question drops the text: closing the window afterwards asks nothing more.
void TestMainWindowEditor::discardedEditorTextIsNotAskedAboutAgain()
{
    const QString file = demoCopy();
    const QString other = demoCopy();
    QVERIFY(openWindow(file));
    QueryPanel* panel = m_window->queryPanel();
    m_window->queryDock()->show();
    QTest::keyClicks(panel->currentEditor(), QStringLiteral("SELECT 'draft'"));

    m_dialogs->answers << QMessageBox::Discard;
    QVERIFY(m_window->closeFile());
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().contains(QStringLiteral("not saved")),
             qPrintable(m_dialogs->questions.first()));
    QVERIFY(!panel->editorTabs()->hasUnsavedText());
    QVERIFY(panel->currentEditor()->toPlainText().isEmpty());

    QVERIFY(m_window->openFile(other, false));
    QVERIFY(m_window->close());
    QCOMPARE(m_dialogs->questions.size(), 1);
}

// The upgrade asks every question before it closes a tab: Cancel leaves the window and the file as they were.
void TestMainWindowEditor::upgradeAsksAboutUnsavedSqlBeforeClosingAnything()
{
    const QString file = m_dir.filePath(QStringLiteral("lesson-unsaved-sql.db"));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QPointer<TableBrowser> shown = users;
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QPushButton* upgrade = nullptr;
    for (QPushButton* button : bar->findChildren<QPushButton*>()) {
        if (button->text().startsWith(QStringLiteral("Upgrade")))
            upgrade = button;
    }
    QVERIFY(upgrade && upgrade->isVisible());
    m_window->queryDock()->show();
    QTest::keyClicks(m_window->queryPanel()->currentEditor(), QStringLiteral("SELECT 'draft'"));

    m_dialogs->answers << QMessageBox::Cancel;
    QTest::mouseClick(upgrade, Qt::LeftButton);
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().contains(QStringLiteral("not saved")),
             qPrintable(m_dialogs->questions.first()));
    QVERIFY(shown);
    QCOMPARE(m_window->currentBrowser(), shown.data());
    QVERIFY(m_window->session());
    QVERIFY(bar->isVisibleTo(m_window.get()));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("0"));
    QCOMPARE(m_window->queryPanel()->currentEditor()->toPlainText(), QStringLiteral("SELECT 'draft'"));

    // Discard: upgraded, and the reopening asks nothing more.
    m_dialogs->answers << QMessageBox::Discard;
    QTest::mouseClick(upgrade, Qt::LeftButton);
    QCOMPARE(m_dialogs->questions.size(), 2);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")),
             QString::number(Migrator::LatestVersion));
    QVERIFY(m_window->session());
    QVERIFY(browser(QStringLiteral("users")));
}

QTEST_MAIN(TestMainWindowEditor)
#include "tst_mainwindoweditor.moc"
