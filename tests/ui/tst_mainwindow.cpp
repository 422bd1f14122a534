// The main window driven as a person drives it, offscreen: keys, clicks, the cell editors, and the window's
// questions answered through the Dialogs test hook. Every check on a file reads it back with the SQLite C API.
#include "LessonDatabases.h"
#include "MainWindow.h"
#include "TestFiles.h"
#include "WindowTestSupport.h"
#include "blog/DemoDatabase.h"
#include "blog/Validators.h"
#include "browser/ForeignKeyEditor.h"
#include "browser/TableBrowser.h"
#include "models/DatabaseSession.h"
#include "query/EditorTabs.h"
#include "query/QueryPanel.h"
#include "query/SqlEditor.h"
#include "schema/Migrator.h"
#include "stats/StatsDock.h"
#include "stats/StatsPage.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include <ctime>

using namespace quarry;
using namespace quarry::test;

namespace {

QString quoted(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString plural(qint64 n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

qint64 count(const QString& file, const QString& sql)
{
    return TestFiles::querySql(file, sql).toLongLong();
}

// Every row of every table of a file, to tell whether a failed write changed anything at all.
QStringList everything(const QString& file)
{
    QStringList rows =
        TestFiles::dumpRows(file, QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY name"));
    for (const QString& table : {QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments"),
                                 QStringLiteral("user_profiles")})
        rows << TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table));
    rows << TestFiles::querySql(file, QStringLiteral("PRAGMA user_version"));
    return rows;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void titleShowsFileModifiedMarkerAndReadOnly_data();
    void titleShowsFileModifiedMarkerAndReadOnly();
    void statusBarShowsSchemaVersionAndRowCount();
    void editsAUsernameAndWritesItWithCtrlS();
    void insertsARowAndWritesIt();
    void refusesAnInvalidEmailWithAMessage();
    void keepsEveryPendingEditWhenWriteFails_data();
    void keepsEveryPendingEditWhenWriteFails();
    void revertDropsEveryPendingEdit();
    void undoAndRedoStepThroughCellEdits();
    void undoesTheFirstEditAndRedoesTheFirstUndo();
    void goToRowWithCtrlGMovesToTheTypedRow();
    void asksBeforeACascadingDeleteAndWritesIt_data();
    void asksBeforeACascadingDeleteAndWritesIt();
    void cancellingADeleteMarksNothing();
    void deletingInALessonDatabasePromisesNoCascade();
    void picksUser300Of300AsAPostsAuthor_data();
    void picksUser300Of300AsAPostsAuthor();
    void keepsPostsWithNullOrDanglingAuthorsVisible();
    void showsTimestampsInLocalTimeAndWritesThemUntouched();
    void followsAKeyAndComesBackAndForward();
    void followingRemembersTheRowCtrlClickedFrom();
    void opensAGenericFileWithOddNamesAndBrowsesEveryTable();
    void asksAboutPendingEditsWhenClosing_data();
    void asksAboutPendingEditsWhenClosing();
    void asksAboutPendingEditsBeforeOpeningAnotherFile();
    void offersTheUpgradeForALessonDatabase_data();
    void offersTheUpgradeForALessonDatabase();
    void upgradesALessonDatabaseFromTheBar();
    void warnsAboutANewerSchemaAndNeverMigrates();
    void aNewcomersFirstSessionReachesTheFile();
    void createsANewDemoDatabaseButNeverOverwrites();
    void opensRecentAndDroppedFiles();
    void buildsATabsBrowserWhenTheTabIsFirstShown();
    void remembersTheWindowLayout();
    void screenshotOptionRendersTheWindowAndExits();
    void screenshotOptionFailsForAMissingFile();
    void screenshotOptionFailsForAMissingTable();
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
    // A fresh copy of the demo database for the running test.
    QString demoCopy(const QString& name = {});
    QString usersFile(int users);
    MainWindow* openWindow(const QString& file, bool readOnly = false);
    TableBrowser* browser(const QString& table);
    QAction* action(const QString& text) const;
    bool editCell(TableBrowser* browser, int row, const QString& column, const QString& text);
    void pressOnWindow(Qt::Key key, Qt::KeyboardModifiers modifiers);
    // Runs `sql` in the window's query editor as a person does (Ctrl+Return); true when every statement ran.
    bool runInEditor(const QString& sql);
    bool schemaTreeHas(const QString& table) const;

    QTemporaryDir m_dir;
    QString m_template;
    std::unique_ptr<MainWindow> m_window;
    ScriptedDialogs* m_dialogs = nullptr;
    int m_copies = 0;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuarryTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear(); // recent files and layout from an earlier run
    QVERIFY(m_dir.isValid());
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
}

void TestMainWindow::init()
{
    m_window.reset();
    m_dialogs = nullptr;
}

void TestMainWindow::cleanup()
{
    if (m_dialogs && !QTest::currentTestFailed())
        QVERIFY2(m_dialogs->unexpected.isEmpty(), qPrintable(m_dialogs->unexpected.join(QLatin1Char('\n'))));
    if (m_window && m_window->session())
        m_window->session()->pending().clear(); // closes without asking
    m_window.reset();
}

QString TestMainWindow::demoCopy(const QString& name)
{
    const QString file = m_dir.filePath(name.isEmpty() ? QStringLiteral("demo-%1.db").arg(++m_copies) : name);
    QFile::remove(file);
    return QFile::copy(m_template, file) ? file : QString();
}

QString TestMainWindow::usersFile(int users)
{
    const QString file = demoCopy(QStringLiteral("users-%1-%2.db").arg(users).arg(++m_copies));
    const bool ok = TestFiles::execSql(
        file, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                             "INSERT INTO users (username, email) SELECT 'user' || i, 'user' || i || '@example.com' "
                             "FROM n")
                  .arg(users));
    return ok ? file : QString();
}

MainWindow* TestMainWindow::openWindow(const QString& file, bool readOnly)
{
    auto dialogs = std::make_unique<ScriptedDialogs>();
    m_dialogs = dialogs.get();
    m_window = std::make_unique<MainWindow>(std::move(dialogs));
    // The query editor's own questions (unsaved SQL, destructive statements) are answered from the same script.
    m_window->queryPanel()->prompts().setQuestionHook(
        [dialogs = m_dialogs](const QString& title, const QString& text, QMessageBox::StandardButtons buttons) {
            return dialogs->ask(nullptr, title, text, buttons, QMessageBox::NoButton);
        });
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return nullptr;
    if (!m_window->openFile(file, readOnly))
        return nullptr;
    return m_window.get();
}

TableBrowser* TestMainWindow::browser(const QString& table)
{
    TableBrowser* browser = m_window->showTable(table);
    if (!browser)
        return nullptr;
    checkModel(browser->model());
    return waitForRows(browser->model()) ? browser : nullptr;
}

QAction* TestMainWindow::action(const QString& text) const
{
    const QList<QAction*> actions = m_window->actions();
    for (QAction* candidate : actions) {
        if (candidate->text().remove(QLatin1Char('&')) == text)
            return candidate;
    }
    return nullptr;
}

void TestMainWindow::pressOnWindow(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    // Keys go to the widget with focus, as a person's would; shortcuts are the window's.
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, key, modifiers);
}

// Opens the cell's editor with F2, replaces its text and presses Enter, as a person edits a cell.
bool TestMainWindow::editCell(TableBrowser* browser, int row, const QString& column, const QString& text)
{
    QTableView* view = browser->view();
    const QModelIndex index = browser->model()->index(row, browser->model()->modelColumn(column));
    if (!index.isValid())
        return false;
    view->setFocus();
    view->setCurrentIndex(index);
    view->scrollTo(index);
    QTest::keyClick(view, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(view->indexWidget(index));
    if (!editor)
        return false;
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    return QTest::qWaitFor([&] { return view->indexWidget(index) == nullptr; }, 5000);
}

void TestMainWindow::titleShowsFileModifiedMarkerAndReadOnly_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write") << false;
    QTest::newRow("read-only") << true;
}

void TestMainWindow::titleShowsFileModifiedMarkerAndReadOnly()
{
    QFETCH(bool, readOnly);
    const QString file = demoCopy(QStringLiteral("My Blog %1.db").arg(readOnly ? 1 : 0));
    QVERIFY(openWindow(file, readOnly));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const QString name = QFileInfo(file).fileName();
    QVERIFY2(m_window->windowTitle().startsWith(name + QStringLiteral("[*]")), qPrintable(m_window->windowTitle()));
    QCOMPARE(m_window->windowTitle().contains(QStringLiteral("(read-only)")), readOnly);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!action(QStringLiteral("Write Changes"))->isEnabled());

    const int email = users->model()->modelColumn(QStringLiteral("email"));
    const bool editable = users->model()->flags(users->model()->index(0, email)) & Qt::ItemIsEditable;
    QCOMPARE(editable, !readOnly);
    QCOMPARE(action(QStringLiteral("Insert Row"))->isEnabled(), !readOnly);
    QCOMPARE(action(QStringLiteral("Delete Rows…"))->isEnabled(), !readOnly);
    if (readOnly) {
        QVERIFY(!users->model()->setData(users->model()->index(0, email), QStringLiteral("x@example.com")));
        QVERIFY(!m_window->isWindowModified());
        return;
    }
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("alice@new.example.com")));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(action(QStringLiteral("Write Changes"))->isEnabled());
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_window->isWindowModified());
    m_window->closeFile();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Quarry"));
}

void TestMainWindow::statusBarShowsSchemaVersionAndRowCount()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    QVERIFY(browser(QStringLiteral("posts")));
    QStringList texts;
    for (const QLabel* label : m_window->statusBar()->findChildren<QLabel*>())
        texts << label->text();
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("Schema v%1").arg(Migrator::LatestVersion)), qPrintable(all));
    QVERIFY2(
        all.contains(QStringLiteral("posts: %1 rows").arg(count(file, QStringLiteral("SELECT count(*) FROM posts")))),
        qPrintable(all));
}

void TestMainWindow::editsAUsernameAndWritesItWithCtrlS()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const int row = rowOf(users->model(), 1);
    QCOMPARE(row, 0);
    const int username = users->model()->modelColumn(QStringLiteral("username"));
    QCOMPARE(cellText(users->model(), row, username), QStringLiteral("alice"));

    {
        const WarningLog log;
        QVERIFY(editCell(users, row, QStringLiteral("username"), QStringLiteral("alicia")));
        QVERIFY2(log.messages.filter(QStringLiteral("does not belong to this view")).isEmpty(),
                 qPrintable(log.messages.join(QLatin1Char('\n'))));
    }
    QCOMPARE(cellText(users->model(), row, username), QStringLiteral("alicia"));
    QVERIFY(cellState(users->model(), row, username) & TableModel::Edited);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT username FROM users WHERE id = 1")),
             QStringLiteral("alice")); // pending, not written

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT username FROM users WHERE id = 1")),
             QStringLiteral("alicia"));
    QVERIFY(m_dialogs->warnings.isEmpty());
    QVERIFY(m_window->session()->pending().isEmpty());
    QVERIFY(!m_window->isWindowModified());
    // The view reads the file again: the name is now stored, no longer pending.
    QVERIFY(waitForRows(users->model()));
    QCOMPARE(cellText(users->model(), rowOf(users->model(), 1), username), QStringLiteral("alicia"));
    QVERIFY(!(cellState(users->model(), rowOf(users->model(), 1), username) & TableModel::Edited));
}

void TestMainWindow::insertsARowAndWritesIt()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    users->view()->setFocus();
    const int before = users->model()->rowCount();
    pressOnWindow(Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(users->model()->rowCount(), before + 1);
    const int row = before;
    QVERIFY(cellState(users->model(), row, 1) & TableModel::Inserted);
    // The new row's first field is open for typing.
    auto* editor = qobject_cast<QLineEdit*>(users->view()->indexWidget(users->model()->index(row, 1)));
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("dora"));
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(editCell(users, row, QStringLiteral("email"), QStringLiteral("dora@example.com")));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE username = 'dora'")),
             QStringLiteral("dora@example.com"));
    QVERIFY(waitForRows(users->model()));
    QCOMPARE(users->model()->rowCount(), before + 1);
    QVERIFY(!(cellState(users->model(), before, 1) & TableModel::Inserted));
}

void TestMainWindow::refusesAnInvalidEmailWithAMessage()
{
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const int row = rowOf(users->model(), 2);
    const int email = users->model()->modelColumn(QStringLiteral("email"));
    const QString typed = QStringLiteral("bob at example dot com");
    QVERIFY(editCell(users, row, QStringLiteral("email"), typed));

    // The cell is marked as refused, and says why in the validators' own words.
    const std::optional<QString> why = Validators::check(QStringLiteral("users"), QStringLiteral("email"), typed);
    QVERIFY(why && !why->isEmpty());
    QVERIFY(cellState(users->model(), row, email) & TableModel::Invalid);
    QCOMPARE(cellData(users->model(), row, email, TableModel::ProblemRole).toString(), *why);
    QCOMPARE(cellData(users->model(), row, email, Qt::ToolTipRole).toString(), *why);

    // Write refuses it before anything reaches the file, says why, and keeps the edit to be corrected.
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QVERIFY2(m_dialogs->warnings.first().contains(typed), qPrintable(m_dialogs->warnings.first()));
    QCOMPARE(everything(file), before);
    QCOMPARE(cellText(users->model(), row, email), typed);
    QVERIFY(cellState(users->model(), row, email) & TableModel::Invalid);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(users->currentIdentity().toLongLong(), 2);

    // Corrected, it is written.
    QVERIFY(editCell(users, row, QStringLiteral("email"), QStringLiteral("bob@example.org")));
    QVERIFY(!(cellState(users->model(), row, email) & TableModel::Invalid));
    QVERIFY(cellData(users->model(), row, email, TableModel::ProblemRole).toString().isEmpty());
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 2")),
             QStringLiteral("bob@example.org"));
}

void TestMainWindow::keepsEveryPendingEditWhenWriteFails_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<qint64>("identity");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("username taken") << QStringLiteral("users") << qint64(1) << QStringLiteral("username")
                                    << QVariant(QStringLiteral("bob"))
                                    << QStringList{QStringLiteral("'bob'"), QStringLiteral("already taken")};
    QTest::newRow("author missing") << QStringLiteral("posts") << qint64(3) << QStringLiteral("author_id")
                                    << QVariant(999) << QStringList{QStringLiteral("999")};
}

void TestMainWindow::keepsEveryPendingEditWhenWriteFails()
{
    QFETCH(QString, table);
    QFETCH(qint64, identity);
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(QStringList, words);
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));

    // Edits in three tables, a delete, and the one that cannot be written.
    TableBrowser* comments = browser(QStringLiteral("comments"));
    QVERIFY(comments);
    QVERIFY(editCell(comments, rowOf(comments->model(), 4), QStringLiteral("content"), QStringLiteral("Edited!")));
    comments->view()->setCurrentIndex(comments->model()->index(rowOf(comments->model(), 2), 1));
    m_dialogs->answers << QMessageBox::Yes;
    m_window->deleteSelectedRows();
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(editCell(users, rowOf(users->model(), 3), QStringLiteral("email"), QStringLiteral("c@example.org")));
    TableBrowser* failing = browser(table);
    QVERIFY(failing);
    const int failingRow = rowOf(failing->model(), identity);
    const int failingColumn = failing->model()->modelColumn(column);
    QVERIFY(failing->model()->setData(failing->model()->index(failingRow, failingColumn), value));
    const int pendingRows = m_window->session()->pending().rowCount();
    QCOMPARE(pendingRows, 4);
    // Write from another tab: the window shows where it failed.
    QVERIFY(browser(table == QStringLiteral("users") ? QStringLiteral("comments") : QStringLiteral("users")));

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(everything(file), before);
    QCOMPARE(m_window->session()->pending().rowCount(), pendingRows);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_dialogs->warnings.size(), 1);
    for (const QString& word : words)
        QVERIFY2(m_dialogs->warnings.first().contains(word), qPrintable(m_dialogs->warnings.first()));

    // The failing cell is shown, marked, and says why in words.
    QCOMPARE(m_window->currentBrowser(), failing);
    QCOMPARE(failing->currentIdentity().toLongLong(), identity);
    QVERIFY(cellState(failing->model(), failingRow, failingColumn) & TableModel::Invalid);
    const QString problem = cellData(failing->model(), failingRow, failingColumn, TableModel::ProblemRole).toString();
    for (const QString& word : words)
        QVERIFY2(problem.contains(word), qPrintable(problem));

    // Every other edit is still shown as pending.
    QCOMPARE(cellText(comments->model(), rowOf(comments->model(), 4), 1), QStringLiteral("Edited!"));
    QVERIFY(cellState(comments->model(), rowOf(comments->model(), 4), 1) & TableModel::Edited);
    QVERIFY(cellState(comments->model(), rowOf(comments->model(), 2), 1) & TableModel::Deleted);
    const int email = users->model()->modelColumn(QStringLiteral("email"));
    QCOMPARE(cellText(users->model(), rowOf(users->model(), 3), email), QStringLiteral("c@example.org"));

    // The failing cell has the keyboard, so F2 corrects it and Ctrl+Z undoes it.
    QCOMPARE(QApplication::focusWidget(), failing->view());
    failing->view()->setFocus(); // where a person's click would put it

    // Undoing the failing edit lets the rest be written.
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->session()->pending().rowCount(), pendingRows - 1);
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT content FROM comments WHERE id = 4")),
             QStringLiteral("Edited!"));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM comments WHERE id = 2")), 0);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 3")),
             QStringLiteral("c@example.org"));
    const QString stored =
        QStringLiteral("SELECT %1 FROM %2 WHERE rowid = %3").arg(quoted(column), quoted(table)).arg(identity);
    QCOMPARE(TestFiles::querySql(file, stored), TestFiles::querySql(m_template, stored));
}

void TestMainWindow::revertDropsEveryPendingEdit()
{
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int title = posts->model()->modelColumn(QStringLiteral("title"));
    const QString oldTitle = cellText(posts->model(), 0, title);
    QVERIFY(editCell(posts, 0, QStringLiteral("title"), QStringLiteral("Rust Programming")));
    QVERIFY(posts->model()->insertRows(posts->model()->rowCount(), 1));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(users->model()->removeRows(rowOf(users->model(), 3), 1));
    QCOMPARE(m_window->session()->pending().rowCount(), 3);
    QVERIFY(action(QStringLiteral("Revert Changes"))->isEnabled());

    action(QStringLiteral("Revert Changes"))->trigger();
    QVERIFY(m_window->session()->pending().isEmpty());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!action(QStringLiteral("Revert Changes"))->isEnabled());
    QVERIFY(waitForRows(posts->model()));
    QVERIFY(waitForRows(users->model()));
    QCOMPARE(posts->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM posts"))));
    QCOMPARE(cellText(posts->model(), 0, title), oldTitle);
    QCOMPARE(cellState(posts->model(), 0, title) & TableModel::Edited, 0);
    QCOMPARE(cellState(users->model(), rowOf(users->model(), 3), 1) & TableModel::Deleted, 0);
    QCOMPARE(everything(file), before);
}

void TestMainWindow::undoAndRedoStepThroughCellEdits()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const TableModel* model = users->model();
    const int email = model->modelColumn(QStringLiteral("email"));
    const int first = model->modelColumn(QStringLiteral("first_name"));
    const QString oldEmail = cellText(model, 0, email);
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("a1@example.com")));
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("a2@example.com")));
    QVERIFY(editCell(users, 1, QStringLiteral("first_name"), QStringLiteral("Robert")));
    QVERIFY(action(QStringLiteral("Undo"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Redo"))->isEnabled());

    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(cellText(model, 1, first).isEmpty());
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a2@example.com"));
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a1@example.com"));
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(cellText(model, 0, email), oldEmail);
    QCOMPARE(cellState(model, 0, email) & TableModel::Edited, 0);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!action(QStringLiteral("Undo"))->isEnabled());

    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a1@example.com"));
    QVERIFY(m_window->isWindowModified());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a2@example.com"));
    QCOMPARE(cellText(model, 1, first), QStringLiteral("Robert"));
    QVERIFY(!action(QStringLiteral("Redo"))->isEnabled());
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email || ' ' || first_name FROM users WHERE id = 2")),
             TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 2")) +
                 QStringLiteral(" Robert"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             QStringLiteral("a2@example.com"));
}

void TestMainWindow::goToRowWithCtrlGMovesToTheTypedRow()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* posts = m_window->showTable(QStringLiteral("posts"));
    QVERIFY(posts);
    QVERIFY(waitForRows(posts->model()));
    posts->view()->setFocus();
    pressOnWindow(Qt::Key_G, Qt::ControlModifier);
    QVERIFY(posts->goToField()->hasFocus());
    QTest::keyClicks(posts->goToField(), QStringLiteral("3"));
    QTest::keyClick(posts->goToField(), Qt::Key_Return);
    QCOMPARE(posts->view()->currentIndex().row(), 2);
    QVERIFY(posts->view()->hasFocus());
    QCOMPARE(
        posts->currentIdentity().toLongLong(),
        TestFiles::querySql(file, QStringLiteral("SELECT id FROM posts ORDER BY id LIMIT 1 OFFSET 2")).toLongLong());
}

void TestMainWindow::undoesTheFirstEditAndRedoesTheFirstUndo()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const int last = users->model()->modelColumn(QStringLiteral("last_name"));
    QVERIFY(editCell(users, 0, QStringLiteral("last_name"), QStringLiteral("Liddell")));
    QVERIFY(action(QStringLiteral("Undo"))->isEnabled());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(cellText(users->model(), 0, last).isEmpty());
    QVERIFY(!action(QStringLiteral("Undo"))->isEnabled());
    QVERIFY(action(QStringLiteral("Redo"))->isEnabled());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(users->model(), 0, last), QStringLiteral("Liddell"));
    QVERIFY(action(QStringLiteral("Undo"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Redo"))->isEnabled());
}

void TestMainWindow::asksBeforeACascadingDeleteAndWritesIt_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QList<qint64>>("identities");
    QTest::addColumn<QString>("what");
    QTest::newRow("user alice") << QStringLiteral("users") << QList<qint64>{1} << QStringLiteral("user alice");
    QTest::newRow("post Python Programming")
        << QStringLiteral("posts") << QList<qint64>{1} << QStringLiteral("post Python Programming");
    QTest::newRow("users alice and bob") << QStringLiteral("users") << QList<qint64>{1, 2}
                                         << QStringLiteral("2 rows of users");
}

void TestMainWindow::asksBeforeACascadingDeleteAndWritesIt()
{
    QFETCH(QString, table);
    QFETCH(QList<qint64>, identities);
    QFETCH(QString, what);
    const QString file = demoCopy();
    QStringList ids;
    for (qint64 id : identities)
        ids << QString::number(id);
    const QString in = ids.join(QLatin1Char(','));
    // What the schema's ON DELETE CASCADE takes with them, counted in the file, each row once.
    qint64 posts = 0;
    qint64 comments = 0;
    if (table == QStringLiteral("users")) {
        posts = count(file, QStringLiteral("SELECT count(*) FROM posts WHERE author_id IN (%1)").arg(in));
        comments = count(file, QStringLiteral("SELECT count(*) FROM comments WHERE author_id IN (%1) OR post_id IN "
                                              "(SELECT id FROM posts WHERE author_id IN (%1))")
                                   .arg(in));
        QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM user_profiles")), 0);
    } else {
        comments = count(file, QStringLiteral("SELECT count(*) FROM comments WHERE post_id IN (%1)").arg(in));
    }
    QStringList parts;
    if (posts > 0)
        parts << plural(posts, QStringLiteral("post"), QStringLiteral("posts"));
    if (comments > 0)
        parts << plural(comments, QStringLiteral("comment"), QStringLiteral("comments"));
    const QString question =
        QStringLiteral("Delete %1? This also deletes %2.").arg(what, parts.join(QStringLiteral(" and ")));
    const qint64 usersBefore = count(file, QStringLiteral("SELECT count(*) FROM users"));
    const qint64 postsBefore = count(file, QStringLiteral("SELECT count(*) FROM posts"));
    const qint64 commentsBefore = count(file, QStringLiteral("SELECT count(*) FROM comments"));

    QVERIFY(openWindow(file));
    QVERIFY(browser(QStringLiteral("comments")));
    QVERIFY(browser(QStringLiteral("posts")));
    TableBrowser* target = browser(table);
    QVERIFY(target);
    QItemSelectionModel* selection = target->view()->selectionModel();
    selection->clearSelection();
    for (qint64 id : identities) {
        const QModelIndex index = target->model()->index(rowOf(target->model(), id), 1);
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    m_dialogs->answers << QMessageBox::Yes;
    QAction* remove = m_window->findChild<QAction*>(QStringLiteral("deleteRows"));
    QVERIFY(remove && remove->isEnabled());
    remove->trigger();
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().startsWith(question),
             qPrintable(m_dialogs->questions.first() + QStringLiteral("\nexpected: ") + question));
    for (qint64 id : identities)
        QVERIFY(cellState(target->model(), rowOf(target->model(), id), 1) & TableModel::Deleted);
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM %1").arg(table)),
             table == QStringLiteral("users") ? usersBefore : postsBefore); // pending until written

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM %1 WHERE id IN (%2)").arg(table, in)), 0);
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM posts")),
             postsBefore - posts - (table == QStringLiteral("posts") ? identities.size() : 0));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM comments")), commentsBefore - comments);
    // Every open table reads the file again: the cascaded rows are gone from the views too.
    TableBrowser* commentsView = browser(QStringLiteral("comments"));
    QVERIFY(commentsView);
    QCOMPARE(commentsView->model()->rowCount(), int(commentsBefore - comments));
    TableBrowser* postsView = browser(QStringLiteral("posts"));
    QVERIFY(postsView);
    QCOMPARE(postsView->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM posts"))));
}

void TestMainWindow::cancellingADeleteMarksNothing()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    users->view()->setCurrentIndex(users->model()->index(0, 1));
    m_dialogs->answers << QMessageBox::Cancel;
    users->view()->setFocus();
    pressOnWindow(Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY(m_window->session()->pending().isEmpty());
    QCOMPARE(cellState(users->model(), 0, 1) & TableModel::Deleted, 0);
}

void TestMainWindow::deletingInALessonDatabasePromisesNoCascade()
{
    // The lesson's tables refer to users without ON DELETE CASCADE: deleting alice takes nothing with her, and
    // with foreign keys enforced the delete cannot be written while her posts refer to her.
    const QString file = m_dir.filePath(QStringLiteral("lesson-delete.db"));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(count(file, QStringLiteral("SELECT count(*) FROM posts WHERE author_id = 1")) > 0);
    const QStringList before = TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM users"));
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    users->view()->setCurrentIndex(users->model()->index(rowOf(users->model(), 1), 1));
    m_dialogs->answers << QMessageBox::Yes;
    m_window->deleteSelectedRows();
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(!m_dialogs->questions.first().contains(QStringLiteral("also deletes")),
             qPrintable(m_dialogs->questions.first()));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QVERIFY2(m_dialogs->warnings.first().contains(QStringLiteral("alice")) ||
                 m_dialogs->warnings.first().contains(QStringLiteral("user 1")),
             qPrintable(m_dialogs->warnings.first()));
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM users")), before);
    QVERIFY(cellState(users->model(), rowOf(users->model(), 1), 1) & TableModel::Deleted);
}

void TestMainWindow::picksUser300Of300AsAPostsAuthor_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("how");
    QTest::newRow("exact name, Enter") << QStringLiteral("user300") << QStringLiteral("enter");
    QTest::newRow("arrow keys in the list, Enter") << QStringLiteral("user30") << QStringLiteral("keys");
    QTest::newRow("click in the list") << QStringLiteral("user30") << QStringLiteral("click");
}

void TestMainWindow::picksUser300Of300AsAPostsAuthor()
{
    QFETCH(QString, typed);
    QFETCH(QString, how);
    const QString file = usersFile(300);
    QVERIFY(!file.isEmpty());
    QCOMPARE(count(file, QStringLiteral("SELECT max(id) FROM users")), 300);
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int row = rowOf(posts->model(), 3);
    const QModelIndex author = posts->model()->index(row, posts->model()->modelColumn(QStringLiteral("author_id")));
    QTableView* view = posts->view();
    view->setFocus();
    view->setCurrentIndex(author);
    QTest::keyClick(view, Qt::Key_F2);
    auto* picker = qobject_cast<ForeignKeyEditor*>(view->indexWidget(author));
    QVERIFY2(picker, "a foreign-key cell is edited with the searchable picker");
    QCOMPARE(picker->text(), cellText(posts->model(), row, author.column()));
    QSignalSpy searched(picker, &ForeignKeyEditor::searched);
    QTest::keyClicks(picker, typed); // replaces the selected name
    QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty(), 10000);
    QCOMPARE(picker->text(), typed);
    int match = -1;
    for (int i = 0; i < picker->matches().size(); ++i) {
        if (picker->matches().at(i).key.toLongLong() == 300)
            match = i;
    }
    QVERIFY(match >= 0);
    QCOMPARE(picker->matches().at(match).display, QStringLiteral("user300"));

    auto* list = picker->findChild<QListWidget*>();
    QVERIFY(list && list->isVisible());
    if (how == QStringLiteral("enter")) {
        QCOMPARE(picker->key().toLongLong(), 300); // the exact name chose the row
        QTest::keyClick(picker, Qt::Key_Return);
    } else if (how == QStringLiteral("keys")) {
        QVERIFY(match > 0);
        for (int i = 0; i < match; ++i)
            QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
    } else {
        QListWidgetItem* item = list->item(match);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    }
    // The pick is the answer: the cell takes it and the editor closes, with no further key.
    QTRY_VERIFY_WITH_TIMEOUT(view->indexWidget(author) == nullptr, 5000);

    QCOMPARE(cellText(posts->model(), row, author.column()), QStringLiteral("user300"));
    QCOMPARE(cellData(posts->model(), row, author.column(), Qt::EditRole).toLongLong(), 300);
    QVERIFY(cellState(posts->model(), row, author.column()) & TableModel::Edited);
    // One pick is one step to undo.
    const QString before = TestFiles::querySql(
        file, QStringLiteral("SELECT u.username FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = 3"));
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(cellText(posts->model(), row, author.column()), before);
    QVERIFY(!m_window->isWindowModified());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(posts->model(), row, author.column()), QStringLiteral("user300"));

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(count(file, QStringLiteral("SELECT author_id FROM posts WHERE id = 3")), 300);
    QVERIFY(waitForRows(posts->model()));
    QCOMPARE(cellText(posts->model(), rowOf(posts->model(), 3), author.column()), QStringLiteral("user300"));
}

void TestMainWindow::keepsPostsWithNullOrDanglingAuthorsVisible()
{
    // The lesson's own tables allow a NULL author and were filled without foreign keys: author 999 is missing.
    const QString file = m_dir.filePath(QStringLiteral("lesson-authors.db"));
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(TestFiles::execSql(
        file, QStringLiteral("INSERT INTO posts (title, content, author_id) VALUES ('Nobody''s', 'x', NULL)")));
    const qint64 dangling = count(file, QStringLiteral("SELECT id FROM posts WHERE author_id = 999"));
    const qint64 nobody = count(file, QStringLiteral("SELECT id FROM posts WHERE author_id IS NULL"));
    QVERIFY(dangling > 0 && nobody > 0);

    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const TableModel* model = posts->model();
    QCOMPARE(model->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM posts"))));
    const int author = model->modelColumn(QStringLiteral("author_id"));
    const int danglingRow = rowOf(model, dangling);
    QVERIFY(danglingRow >= 0);
    QCOMPARE(cellText(model, danglingRow, author), QStringLiteral("999"));
    QVERIFY(cellState(model, danglingRow, author) & TableModel::Dangling);
    QVERIFY(cellData(model, danglingRow, author, Qt::ToolTipRole).toString().contains(QStringLiteral("999")));
    const int nobodyRow = rowOf(model, nobody);
    QVERIFY(nobodyRow >= 0);
    QVERIFY(cellState(model, nobodyRow, author) & TableModel::Null);
    QCOMPARE(cellState(model, nobodyRow, author) & TableModel::Dangling, 0);
    QCOMPARE(cellText(model, nobodyRow, 1), QStringLiteral("Nobody's"));
    // A good author is shown by name, not marked.
    QCOMPARE(cellText(model, rowOf(model, 1), author), QStringLiteral("alice"));
    QCOMPARE(cellState(model, rowOf(model, 1), author) & (TableModel::Dangling | TableModel::Null), 0);
}

void TestMainWindow::showsTimestampsInLocalTimeAndWritesThemUntouched()
{
    // A zone without daylight saving, half an hour off, given as a POSIX rule so no zone database is needed.
    const QByteArray zone = qgetenv("TZ");
    qputenv("TZ", "QRT-5:30");
    tzset();
    const auto restore = qScopeGuard([zone] {
        if (zone.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", zone);
        tzset();
    });
    const QString file = demoCopy();
    const QString stored = TestFiles::querySql(file, QStringLiteral("SELECT created_at FROM posts WHERE id = 1"));
    QDateTime utc = QDateTime::fromString(stored, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY(utc.isValid());
    utc.setTimeSpec(Qt::UTC);
    const QString local = utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QCOMPARE(utc.toLocalTime().offsetFromUtc(), 5 * 3600 + 1800);

    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int created = posts->model()->modelColumn(QStringLiteral("created_at"));
    const int row = rowOf(posts->model(), 1);
    QCOMPARE(cellText(posts->model(), row, created), local);
    QCOMPARE(cellData(posts->model(), row, created, TableModel::RawValueRole).toString(), stored);
    // Editing another column of the row leaves the stored time exactly as it was (text, no zone added).
    QVERIFY(editCell(posts, row, QStringLiteral("title"), QStringLiteral("Python, Again")));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT created_at FROM posts WHERE id = 1")),
             QStringList{QStringLiteral("text:") + stored});
}

void TestMainWindow::followsAKeyAndComesBackAndForward()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int row = rowOf(posts->model(), 2);
    const QModelIndex author = posts->model()->index(row, posts->model()->modelColumn(QStringLiteral("author_id")));
    const qint64 authorId = cellData(posts->model(), row, author.column(), Qt::EditRole).toLongLong();
    QTableView* view = posts->view();
    view->scrollTo(author);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(author).center());
    QCOMPARE(posts->currentIdentity().toLongLong(), 2);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(author).center());

    TableBrowser* users = m_window->currentBrowser();
    QVERIFY(users);
    QCOMPARE(users->tableName(), QStringLiteral("users"));
    QTRY_COMPARE_WITH_TIMEOUT(users->currentIdentity().toLongLong(), authorId, 10000);
    QVERIFY(action(QStringLiteral("Back"))->isEnabled());

    pressOnWindow(Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->currentBrowser(), posts);
    QTRY_COMPARE_WITH_TIMEOUT(posts->currentIdentity().toLongLong(), 2, 10000);
    QVERIFY(action(QStringLiteral("Forward"))->isEnabled());

    pressOnWindow(Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_window->currentBrowser(), users);
    QTRY_COMPARE_WITH_TIMEOUT(users->currentIdentity().toLongLong(), authorId, 10000);
    QVERIFY(!action(QStringLiteral("Forward"))->isEnabled());
}

void TestMainWindow::followingRemembersTheRowCtrlClickedFrom()
{
    // A person Ctrl+clicks an author without first selecting its row; Back should return to that post.
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    QTableView* view = posts->view();
    view->setCurrentIndex(posts->model()->index(rowOf(posts->model(), 1), 1));
    const QModelIndex author =
        posts->model()->index(rowOf(posts->model(), 4), posts->model()->modelColumn(QStringLiteral("author_id")));
    view->scrollTo(author);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(author).center());
    QCOMPARE(m_window->currentBrowser()->tableName(), QStringLiteral("users"));
    pressOnWindow(Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->currentBrowser(), posts);
    QCOMPARE(posts->currentIdentity().toLongLong(), 4);
}

void TestMainWindow::opensAGenericFileWithOddNamesAndBrowsesEveryTable()
{
    const QString file = m_dir.filePath(QStringLiteral("odd names ☃.sqlite"));
    QString error;
    QVERIFY2(TestFiles::execSql(
                 file,
                 QStringLiteral(
                     "CREATE TABLE \"my \"\"odd\"\" table\" (\"ключ\" INTEGER PRIMARY KEY, \"a b\" TEXT UNIQUE, "
                     "\"naïve 'col'\" REAL);"
                     "CREATE TABLE \"Straße\" (code TEXT PRIMARY KEY, label TEXT, owner INTEGER REFERENCES "
                     "\"my \"\"odd\"\" table\" (\"ключ\") ON DELETE CASCADE) WITHOUT ROWID;"
                     "CREATE TABLE \"日本 table\" (x, y);"
                     "CREATE TABLE \"select\" (\"group\" TEXT, \"order\" INTEGER);"
                     "CREATE VIEW \"view of \"\"odd\"\"\" AS SELECT \"a b\", label FROM \"my \"\"odd\"\" table\" JOIN "
                     "\"Straße\" ON owner = \"ключ\";"
                     "INSERT INTO \"my \"\"odd\"\" table\" VALUES (1, 'first', 1.5), (2, 'zweite', NULL);"
                     "INSERT INTO \"Straße\" VALUES ('b', 'Bee', 2), ('a', 'Ay', 1);"
                     "INSERT INTO \"日本 table\" VALUES ('東京', 1), (x'414243', 2.5);"
                     "INSERT INTO \"select\" VALUES ('g', 1);"),
                 &error),
             qPrintable(error));
    QVERIFY(openWindow(file));
    QCOMPARE(m_window->session()->schema().isBlog(), false);
    auto objects = m_window->session()->objects();
    QVERIFY(objects);
    QCOMPARE(objects->size(), 5);
    for (const SchemaObject& object : *objects) {
        TableBrowser* table = browser(object.name);
        QVERIFY2(table, qPrintable(object.name));
        const TableModel* model = table->model();
        QCOMPARE(model->rowCount(),
                 int(count(file, QStringLiteral("SELECT count(*) FROM %1").arg(quoted(object.name)))));
        const int columns = int(count(
            file, QStringLiteral("SELECT count(*) FROM pragma_table_info(%1)")
                      .arg(QLatin1Char('\'') + QString(object.name).replace(QLatin1Char('\''), QStringLiteral("''")) +
                           QLatin1Char('\''))));
        QCOMPARE(model->columnCount(), columns);
        for (int c = 0; c < columns; ++c)
            QVERIFY(!model->headerData(c, Qt::Horizontal).toString().isEmpty());
        // Every stored value is there (order aside), as the file has it.
        QStringList shown;
        for (int row = 0; row < model->rowCount(); ++row) {
            QStringList cells;
            for (int c = 0; c < columns; ++c) {
                const QVariant value = cellData(model, row, c, Qt::EditRole);
                cells << (value.typeId() == QMetaType::QByteArray ? QString::fromLatin1(value.toByteArray().toHex())
                                                                  : value.toString());
            }
            shown << cells.join(QLatin1Char('|'));
        }
        QStringList stored;
        for (const QString& line :
             TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM %1").arg(quoted(object.name)))) {
            QStringList cells;
            for (const QString& cell : line.split(QLatin1Char('|'))) {
                const QString type = cell.section(QLatin1Char(':'), 0, 0);
                const QString text = cell.section(QLatin1Char(':'), 1);
                cells << (type == QStringLiteral("blob")   ? QString::fromLatin1(text.toLatin1().toHex())
                          : type == QStringLiteral("real") ? QString::number(text.toDouble())
                                                           : text);
            }
            stored << cells.join(QLatin1Char('|'));
        }
        shown.sort();
        stored.sort();
        QCOMPARE(shown, stored);
        const bool isView = object.type == QStringLiteral("view");
        QCOMPARE(model->table().isEditable(), !isView);
        QCOMPARE(action(QStringLiteral("Insert Row"))->isEnabled(), !isView);
        if (model->rowCount() > 0)
            QCOMPARE(bool(model->flags(model->index(0, columns - 1)) & Qt::ItemIsEditable), !isView);
    }

    // A key into a table with an odd name shows the parent's unique text column.
    TableBrowser* strasse = browser(QStringLiteral("Straße"));
    QVERIFY(strasse);
    const int owner = strasse->model()->modelColumn(QStringLiteral("owner"));
    const int bee = [&] {
        for (int row = 0; row < strasse->model()->rowCount(); ++row) {
            if (cellText(strasse->model(), row, 0) == QStringLiteral("b"))
                return row;
        }
        return -1;
    }();
    QVERIFY(bee >= 0);
    QCOMPARE(cellText(strasse->model(), bee, owner), QStringLiteral("zweite"));

    // Edits in the WITHOUT ROWID table and in the oddly quoted one are written.
    QVERIFY(editCell(strasse, bee, QStringLiteral("label"), QStringLiteral("Biene")));
    TableBrowser* odd = browser(QStringLiteral("my \"odd\" table"));
    QVERIFY(odd);
    QVERIFY(editCell(odd, rowOf(odd->model(), 1), QStringLiteral("a b"), QStringLiteral("erste")));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT label FROM \"Straße\" WHERE code = 'b'")),
             QStringLiteral("Biene"));
    QCOMPARE(
        TestFiles::querySql(file, QStringLiteral("SELECT \"a b\" FROM \"my \"\"odd\"\" table\" WHERE \"ключ\" = 1")),
        QStringLiteral("erste"));
}

void TestMainWindow::asksAboutPendingEditsWhenClosing_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("written");
    QTest::newRow("cancel keeps the window and the edit") << int(QMessageBox::Cancel) << false << false;
    QTest::newRow("discard closes, file unchanged") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("save writes, then closes") << int(QMessageBox::Save) << true << true;
}

void TestMainWindow::asksAboutPendingEditsWhenClosing()
{
    QFETCH(int, answer);
    QFETCH(bool, closes);
    QFETCH(bool, written);
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("alice@elsewhere.example")));

    m_dialogs->answers << QMessageBox::StandardButton(answer);
    QCOMPARE(m_window->close(), closes);
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().contains(QFileInfo(file).fileName()),
             qPrintable(m_dialogs->questions.first()));
    QVERIFY2(m_dialogs->questions.first().contains(QStringLiteral("1 changed row")),
             qPrintable(m_dialogs->questions.first()));
    QCOMPARE(m_window->isVisible(), !closes);
    if (!closes) {
        QCOMPARE(m_window->session()->pending().rowCount(), 1);
        QCOMPARE(cellText(users->model(), 0, users->model()->modelColumn(QStringLiteral("email"))),
                 QStringLiteral("alice@elsewhere.example"));
        QVERIFY(m_window->isWindowModified());
    }
    if (written) {
        QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
                 QStringLiteral("alice@elsewhere.example"));
        QVERIFY(m_window->session()->pending().isEmpty());
    } else {
        QCOMPARE(everything(file), before);
    }
}

void TestMainWindow::asksAboutPendingEditsBeforeOpeningAnotherFile()
{
    const QString file = demoCopy();
    const QString other = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(editCell(users, 0, QStringLiteral("first_name"), QStringLiteral("Alice")));

    m_dialogs->answers << QMessageBox::Cancel;
    QVERIFY(!m_window->openFile(other, false));
    QCOMPARE(m_window->session()->path(), QFileInfo(file).absoluteFilePath());
    QCOMPARE(m_window->session()->pending().rowCount(), 1);

    m_dialogs->answers << QMessageBox::Cancel;
    action(QStringLiteral("Close"))->trigger();
    QVERIFY(m_window->session());

    m_dialogs->answers << QMessageBox::Discard;
    m_dialogs->filesToOpen << other;
    action(QStringLiteral("Open…"))->trigger();
    QCOMPARE(m_dialogs->questions.size(), 3);
    QVERIFY(m_window->session());
    QCOMPARE(m_window->session()->path(), QFileInfo(other).absoluteFilePath());
    QVERIFY(TestFiles::querySql(file, QStringLiteral("SELECT first_name FROM users WHERE id = 1")).isEmpty());
}

void TestMainWindow::offersTheUpgradeForALessonDatabase_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write: offered") << false;
    QTest::newRow("read-only: never offered") << true;
}

void TestMainWindow::offersTheUpgradeForALessonDatabase()
{
    QFETCH(bool, readOnly);
    const QString file = m_dir.filePath(QStringLiteral("lesson-%1.db").arg(readOnly));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    const QStringList before = TestFiles::dumpRows(file, QStringLiteral("SELECT sql FROM sqlite_schema ORDER BY name"));
    QVERIFY(openWindow(file, readOnly));
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QVERIFY(bar);
    QCOMPARE(bar->isVisibleTo(m_window.get()), !readOnly);
    QVERIFY(m_dialogs->questions.isEmpty()); // offered in the bar, never as a modal question
    // The data shows as it is.
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QCOMPARE(users->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM users"))));
    m_window->closeFile();
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT sql FROM sqlite_schema ORDER BY name")), before);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("0"));
}

void TestMainWindow::upgradesALessonDatabaseFromTheBar()
{
    const QString file = m_dir.filePath(QStringLiteral("lesson-upgrade.db"));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    const qint64 users = count(file, QStringLiteral("SELECT count(*) FROM users"));
    const qint64 posts = count(file, QStringLiteral("SELECT count(*) FROM posts"));
    QVERIFY(openWindow(file));
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QVERIFY(bar && bar->isVisibleTo(m_window.get()));
    QPushButton* upgrade = nullptr;
    for (QPushButton* button : bar->findChildren<QPushButton*>()) {
        if (button->text().startsWith(QStringLiteral("Upgrade")))
            upgrade = button;
    }
    QVERIFY(upgrade && upgrade->isVisibleTo(m_window.get()));
    QTest::mouseClick(upgrade, Qt::LeftButton);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")),
             QString::number(Migrator::LatestVersion));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM users")), users);
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM posts")), posts);
    QVERIFY(!bar->isVisibleTo(m_window.get()));
    QVERIFY(m_window->session());
    QCOMPARE(m_window->session()->schema().version, Migrator::LatestVersion);
    TableBrowser* view = browser(QStringLiteral("posts"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), int(posts));
}

void TestMainWindow::warnsAboutANewerSchemaAndNeverMigrates()
{
    const QString file = demoCopy();
    QVERIFY(TestFiles::execSql(file, QStringLiteral("PRAGMA user_version = 9")));
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QVERIFY(bar && bar->isVisibleTo(m_window.get()));
    QString words;
    for (const QLabel* label : bar->findChildren<QLabel*>())
        words += label->text();
    QVERIFY2(words.contains(QStringLiteral("v9")) && words.contains(QStringLiteral("newer")), qPrintable(words));
    for (QPushButton* button : bar->findChildren<QPushButton*>()) {
        if (button->text().startsWith(QStringLiteral("Upgrade")))
            QVERIFY(!button->isVisibleTo(m_window.get()));
    }
    QVERIFY(m_dialogs->questions.isEmpty());
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QCOMPARE(users->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM users"))));
    m_window->closeFile();
    QCOMPARE(everything(file), before);
}

void TestMainWindow::aNewcomersFirstSessionReachesTheFile()
{
    // The "done when": change alice's email, give post 3 to bob, delete a comment, write, find all three.
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(
        editCell(users, rowOf(users->model(), 1), QStringLiteral("email"), QStringLiteral("alice@newmail.example")));

    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const QModelIndex author =
        posts->model()->index(rowOf(posts->model(), 3), posts->model()->modelColumn(QStringLiteral("author_id")));
    posts->view()->setFocus();
    posts->view()->setCurrentIndex(author);
    QTest::keyClick(posts->view(), Qt::Key_F2);
    auto* picker = qobject_cast<ForeignKeyEditor*>(posts->view()->indexWidget(author));
    QVERIFY(picker);
    QTest::keyClicks(picker, QStringLiteral("bob"));
    QTRY_COMPARE_WITH_TIMEOUT(picker->key().toLongLong(), 2, 10000); // the exact name chooses the row
    QTest::keyClick(picker, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(posts->view()->indexWidget(author) == nullptr, 5000);
    QCOMPARE(cellText(posts->model(), author.row(), author.column()), QStringLiteral("bob"));

    TableBrowser* comments = browser(QStringLiteral("comments"));
    QVERIFY(comments);
    comments->view()->setCurrentIndex(comments->model()->index(rowOf(comments->model(), 3), 1));
    m_dialogs->answers << QMessageBox::Yes;
    comments->view()->setFocus();
    pressOnWindow(Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(m_dialogs->questions.size(), 1);

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE username = 'alice'")),
             QStringLiteral("alice@newmail.example"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT u.username FROM posts p JOIN users u ON u.id = "
                                                      "p.author_id WHERE p.id = 3")),
             QStringLiteral("bob"));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM comments WHERE id = 3")), 0);
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM comments")),
             count(m_template, QStringLiteral("SELECT count(*) FROM comments")) - 1);
}

void TestMainWindow::createsANewDemoDatabaseButNeverOverwrites()
{
    const QString file = m_dir.filePath(QStringLiteral("new demo %1.db").arg(++m_copies));
    QVERIFY(openWindow(demoCopy()));
    m_dialogs->filesToSave << file;
    action(QStringLiteral("New Demo Database…"))->trigger();
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(m_window->session()->path(), QFileInfo(file).absoluteFilePath());
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")),
             QString::number(Migrator::LatestVersion));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QCOMPARE(users->model()->rowCount(), int(count(m_template, QStringLiteral("SELECT count(*) FROM users"))));

    // An existing file is never replaced: the window says so and stays on the open file.
    const QStringList before = everything(file);
    m_dialogs->filesToSave << file;
    action(QStringLiteral("New Database…"))->trigger();
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QVERIFY2(m_dialogs->warnings.first().contains(QStringLiteral("already exists")),
             qPrintable(m_dialogs->warnings.first()));
    QCOMPARE(everything(file), before);
    QCOMPARE(m_window->session()->path(), QFileInfo(file).absoluteFilePath());

    // A new empty database opens at the latest schema with no rows.
    const QString empty = m_dir.filePath(QStringLiteral("empty %1.db").arg(++m_copies));
    m_dialogs->filesToSave << empty;
    action(QStringLiteral("New Database…"))->trigger();
    QCOMPARE(m_window->session()->path(), QFileInfo(empty).absoluteFilePath());
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    QCOMPARE(posts->model()->rowCount(), 0);
}

void TestMainWindow::buildsATabsBrowserWhenTheTabIsFirstShown()
{
    QVERIFY(openWindow(demoCopy()));
    auto* tabs = m_window->findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(0), QStringLiteral("users"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("posts"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("comments"));
    // Only the shown tab has a grid, a model and a loader reading the file.
    QCOMPARE(m_window->findChildren<TableBrowser*>().size(), 1);
    QCOMPARE(m_window->currentBrowser()->tableName(), QStringLiteral("users"));

    // Clicking a tab shows its rows.
    tabs->tabBar()->setCurrentIndex(2);
    TableBrowser* comments = m_window->currentBrowser();
    QVERIFY(comments);
    QCOMPARE(comments->tableName(), QStringLiteral("comments"));
    QTRY_COMPARE(comments->model()->rowCount(), 4);
    QCOMPARE(m_window->findChildren<TableBrowser*>().size(), 2);

    // Building a tab leaves the pending edits of the others alone.
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(editCell(users, 0, QStringLiteral("username"), QStringLiteral("renamed")));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    QCOMPARE(m_window->findChildren<TableBrowser*>().size(), 3);
    QCOMPARE(posts->model()->rowCount(), 4);
    QCOMPARE(m_window->showTable(QStringLiteral("users")), users);
    QCOMPARE(users->model()->index(0, users->model()->modelColumn(QStringLiteral("username"))).data().toString(),
             QStringLiteral("renamed"));

    // A table that is not there gets no tab, only a warning naming it.
    QVERIFY(!m_window->showTable(QStringLiteral("nosuch")));
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QVERIFY(m_dialogs->warnings.constFirst().contains(QStringLiteral("nosuch")));

    // Closing the file takes every tab with it, built or not.
    m_window->session()->pending().clear();
    QVERIFY(m_window->closeFile());
    QCOMPARE(tabs->count(), 0);
    QVERIFY(m_window->findChildren<TableBrowser*>().isEmpty());
}

void TestMainWindow::opensRecentAndDroppedFiles()
{
    QSettings().remove(QStringLiteral("recentFiles"));
    const QString first = demoCopy();
    const QString second = demoCopy();
    QVERIFY(openWindow(first));
    QVERIFY(m_window->openFile(second, false));
    const QStringList newestFirst{QFileInfo(second).absoluteFilePath(), QFileInfo(first).absoluteFilePath()};
    // Saved on a worker: the settings file is synced to disk, which must not hold up the window.
    QTRY_COMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList(), newestFirst);

    // Open Recent lists them newest first; choosing one opens it.
    QMenu* recent = nullptr;
    for (QMenu* menu : m_window->menuBar()->findChildren<QMenu*>()) {
        if (menu->title().remove(QLatin1Char('&')) == QStringLiteral("Open Recent"))
            recent = menu;
    }
    QVERIFY(recent);
    emit recent->aboutToShow();
    QCOMPARE(recent->actions().size(), 2);
    QCOMPARE(recent->actions().at(1)->text(), QDir::toNativeSeparators(QFileInfo(first).absoluteFilePath()));
    recent->actions().at(1)->trigger();
    QCOMPARE(m_window->session()->path(), QFileInfo(first).absoluteFilePath());

    // A file dropped on the window opens.
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(second)});
    const QPoint middle = m_window->rect().center();
    QDragEnterEvent enter(middle, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(middle), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QCOMPARE(m_window->session()->path(), QFileInfo(second).absoluteFilePath());
    QVERIFY(browser(QStringLiteral("users")));

    // The list outlives the window: a new one offers the same files.
    m_window->session()->pending().clear();
    m_window.reset();
    QVERIFY(openWindow(first));
    for (QMenu* menu : m_window->menuBar()->findChildren<QMenu*>()) {
        if (menu->title().remove(QLatin1Char('&')) == QStringLiteral("Open Recent"))
            recent = menu;
    }
    emit recent->aboutToShow();
    QCOMPARE(recent->actions().size(), 2);
    QCOMPARE(recent->actions().at(0)->text(), QDir::toNativeSeparators(QFileInfo(first).absoluteFilePath()));
    QCOMPARE(recent->actions().at(1)->text(), QDir::toNativeSeparators(newestFirst.constFirst()));
}

void TestMainWindow::remembersTheWindowLayout()
{
    QVERIFY(openWindow(demoCopy()));
    m_window->resize(900, 640);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->size(), QSize(900, 640), 5000);
    QVERIFY(m_window->close());
    m_window.reset();
    QVERIFY(openWindow(demoCopy()));
    QCOMPARE(m_window->size(), QSize(900, 640));
}

void TestMainWindow::screenshotOptionRendersTheWindowAndExits()
{
    const QString file = demoCopy();
    const QString shot = m_dir.filePath(QStringLiteral("shot.png"));
    // The real binary, on the offscreen platform, with its settings kept out of the user's folders.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
    const auto result = TestFiles::runQuarry(
        {file, QStringLiteral("--table"), QStringLiteral("posts"), QStringLiteral("--screenshot"), shot});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 400 && image.height() >= 300);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() >= 16, qPrintable(QString::number(colours.size())));
    QCOMPARE(everything(file), everything(m_template)); // looking writes nothing
}

void TestMainWindow::screenshotOptionFailsForAMissingFile()
{
    const QString shot = m_dir.filePath(QStringLiteral("missing.png"));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
    const auto result =
        TestFiles::runQuarry({m_dir.filePath(QStringLiteral("no such file.db")), QStringLiteral("--screenshot"), shot});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(!result.err.isEmpty());
    QVERIFY(!QFile::exists(shot));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no such file.db"))));
}

void TestMainWindow::screenshotOptionFailsForAMissingTable()
{
    const QString file = demoCopy();
    const QByteArray before = TestFiles::read(file);
    const QString shot = m_dir.filePath(QStringLiteral("missing-table.png"));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
    const auto result = TestFiles::runQuarry(
        {file, QStringLiteral("--table"), QStringLiteral("nosuch"), QStringLiteral("--screenshot"), shot});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("nosuch")), qPrintable(result.err));
    QVERIFY(!QFile::exists(shot));
    QCOMPARE(TestFiles::read(file), before);
}

bool TestMainWindow::runInEditor(const QString& sql)
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

bool TestMainWindow::schemaTreeHas(const QString& table) const
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
void TestMainWindow::editorTransactionDisablesWriteChangesUntilCommit()
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

void TestMainWindow::editorTransactionLeavesOnlyDiscardBeforeAWrite_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("runs");
    QTest::newRow("discard drops the edit and runs") << int(QMessageBox::Discard) << true;
    QTest::newRow("cancel keeps the edit and runs nothing") << int(QMessageBox::Cancel) << false;
}

// Inside the editor's transaction the pending edits cannot be written first: the question offers Discard or
// Cancel (an answer not offered is reported by ScriptedDialogs), and comes back at once.
void TestMainWindow::editorTransactionLeavesOnlyDiscardBeforeAWrite()
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

void TestMainWindow::editorTransactionDisablesTheUpgrade()
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

void TestMainWindow::gridShowsTheEditorsUpdate()
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

void TestMainWindow::schemaTreeShowsTheEditorsNewTable()
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

void TestMainWindow::asksAboutPendingEditsBeforeTheEditorWrites_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("runs");
    QTest::addColumn<bool>("written");
    QTest::newRow("save writes the edit, then runs") << int(QMessageBox::Save) << true << true;
    QTest::newRow("discard drops the edit, then runs") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("cancel keeps the edit, runs nothing") << int(QMessageBox::Cancel) << false << false;
}

void TestMainWindow::asksAboutPendingEditsBeforeTheEditorWrites()
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
void TestMainWindow::opensStatsSqlInAnEditorTabNamedAfterThePanel()
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
void TestMainWindow::discardedEditorTextIsNotAskedAboutAgain()
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
void TestMainWindow::upgradeAsksAboutUnsavedSqlBeforeClosingAnything()
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
