// The main window, driven offscreen as a person drives it: opening files. The title and status bar, a newcomer's first
// session, new databases, and the recent and dropped files.
#include "MainWindowFixture.h"
#include "TestFiles.h"
#include "browser/ForeignKeyEditor.h"
#include "schema/Migrator.h"

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QUrl>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowFiles : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowFiles() : MainWindowFixture(QStringLiteral("tst_mainwindowfiles")) {}

private slots:
    void titleShowsFileModifiedMarkerAndReadOnly_data();
    void titleShowsFileModifiedMarkerAndReadOnly();
    void statusBarShowsSchemaVersionAndRowCount();
    void aNewcomersFirstSessionReachesTheFile();
    void createsANewDemoDatabaseButNeverOverwrites();
    void opensRecentAndDroppedFiles();
};

void TestMainWindowFiles::titleShowsFileModifiedMarkerAndReadOnly_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write") << false;
    QTest::newRow("read-only") << true;
}

void TestMainWindowFiles::titleShowsFileModifiedMarkerAndReadOnly()
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

void TestMainWindowFiles::statusBarShowsSchemaVersionAndRowCount()
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

void TestMainWindowFiles::aNewcomersFirstSessionReachesTheFile()
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

void TestMainWindowFiles::createsANewDemoDatabaseButNeverOverwrites()
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

void TestMainWindowFiles::opensRecentAndDroppedFiles()
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

QTEST_MAIN(TestMainWindowFiles)
#include "tst_mainwindowfiles.moc"
