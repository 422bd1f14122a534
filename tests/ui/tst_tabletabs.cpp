// The open file's tables in tabs, offscreen: a tab's browser is built only when the tab is first shown,
// closing tabs deletes their browsers, and a table that is not there gets no tab.
#include "TestFiles.h"
#include "WindowTestSupport.h"
#include "blog/DemoDatabase.h"
#include "browser/TableBrowser.h"
#include "browser/TableTabs.h"
#include "models/DatabaseSession.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestTableTabs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void buildsOnlyTheShownTablesBrowser();
    void buildsABrowserWhenItsTabIsFirstShown();
    void showTableReusesTheTabOrAddsOne();
    void aTableThatIsNotThereGetsNoTab();
    void fallsBackToTheFirstTabWhenTheAskedOneCannotBeShown();
    void closingTabsDeletesTheirBrowsersWithoutBuildingOthers();

private:
    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<DatabaseSession> m_session;
    std::unique_ptr<TableTabs> m_tabs; // its browsers read the session's file: goes first
    const QStringList m_blogTables{QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments")};
};

void TestTableTabs::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo.db"));
    QVERIFY(DemoDatabase::create(m_demo, true));
}

void TestTableTabs::init()
{
    auto session = DatabaseSession::open(m_demo, false);
    QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
    m_session = std::move(*session);
    m_tabs = std::make_unique<TableTabs>();
    m_tabs->setSession(m_session.get());
    m_tabs->resize(900, 500);
    m_tabs->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tabs.get()));
}

void TestTableTabs::cleanup()
{
    m_tabs.reset();
    m_session.reset();
}

void TestTableTabs::buildsOnlyTheShownTablesBrowser()
{
    QSignalSpy built(m_tabs.get(), &TableTabs::browserBuilt);
    m_tabs->addTables(m_blogTables, QStringLiteral("posts"));
    QCOMPARE(m_tabs->tableNames(), m_blogTables);
    QCOMPARE(m_tabs->currentTable(), QStringLiteral("posts"));
    QCOMPARE(built.size(), 1);
    QVERIFY(!m_tabs->browserAt(0));
    QVERIFY(m_tabs->browserAt(1));
    QVERIFY(!m_tabs->browserAt(2));
    QCOMPARE(m_tabs->currentBrowser(), m_tabs->browserAt(1));
    QCOMPARE(built.first().first().value<TableBrowser*>(), m_tabs->browserAt(1));
    QCOMPARE(m_tabs->currentBrowser()->model()->table().name, QStringLiteral("posts"));
    QVERIFY(waitForRows(m_tabs->currentBrowser()->model()));
    QCOMPARE(m_tabs->currentBrowser()->model()->rowCount(),
             TestFiles::querySql(m_demo, QStringLiteral("SELECT count(*) FROM posts")).toInt());
}

void TestTableTabs::buildsABrowserWhenItsTabIsFirstShown()
{
    m_tabs->addTables(m_blogTables, QStringLiteral("users"));
    QSignalSpy built(m_tabs.get(), &TableTabs::browserBuilt);
    QSignalSpy changed(m_tabs.get(), &TableTabs::currentTableChanged);
    m_tabs->setCurrentIndex(2);
    QCOMPARE(built.size(), 1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_tabs->browserAt(2));
    QCOMPARE(m_tabs->currentTable(), QStringLiteral("comments"));
    // Shown again: the same browser, not a new one.
    TableBrowser* comments = m_tabs->browserAt(2);
    m_tabs->setCurrentIndex(0);
    m_tabs->setCurrentIndex(2);
    QCOMPARE(built.size(), 1);
    QCOMPARE(m_tabs->browserAt(2), comments);
}

void TestTableTabs::showTableReusesTheTabOrAddsOne()
{
    m_tabs->addTables({QStringLiteral("users")}, QStringLiteral("users"));
    TableBrowser* users = m_tabs->browserAt(0);
    QVERIFY(users);
    TableBrowser* posts = m_tabs->showTable(QStringLiteral("posts"));
    QVERIFY(posts);
    QCOMPARE(m_tabs->tableNames(), (QStringList{QStringLiteral("users"), QStringLiteral("posts")}));
    QCOMPARE(m_tabs->currentBrowser(), posts);
    QCOMPARE(m_tabs->showTable(QStringLiteral("users")), users);
    QCOMPARE(m_tabs->count(), 2);
    QCOMPARE(m_tabs->currentTable(), QStringLiteral("users"));
}

void TestTableTabs::aTableThatIsNotThereGetsNoTab()
{
    m_tabs->addTables(m_blogTables, QStringLiteral("users"));
    QSignalSpy unavailable(m_tabs.get(), &TableTabs::tableUnavailable);
    QVERIFY(!m_tabs->showTable(QStringLiteral("no_such_table")));
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(unavailable.first().at(0).toString(), QStringLiteral("no_such_table"));
    QVERIFY2(!unavailable.first().at(1).toString().isEmpty(), "the message says why");
    QCOMPARE(m_tabs->tableNames(), m_blogTables);
    QCOMPARE(m_tabs->currentTable(), QStringLiteral("users"));
}

void TestTableTabs::fallsBackToTheFirstTabWhenTheAskedOneCannotBeShown()
{
    QSignalSpy unavailable(m_tabs.get(), &TableTabs::tableUnavailable);
    m_tabs->addTables(m_blogTables, QStringLiteral("gone"));
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(m_tabs->tableNames(), m_blogTables);
    QCOMPARE(m_tabs->currentTable(), QStringLiteral("users"));
    QVERIFY(m_tabs->currentBrowser());
}

void TestTableTabs::closingTabsDeletesTheirBrowsersWithoutBuildingOthers()
{
    m_tabs->addTables(m_blogTables, QStringLiteral("users"));
    const QPointer<TableBrowser> users = m_tabs->browserAt(0);
    QVERIFY(users);
    QSignalSpy built(m_tabs.get(), &TableTabs::browserBuilt);
    // Closing the shown tab the way its close button does: the next tab is shown and built.
    emit m_tabs->tabCloseRequested(0);
    QVERIFY(users.isNull());
    QCOMPARE(m_tabs->tableNames(), (QStringList{QStringLiteral("posts"), QStringLiteral("comments")}));
    QCOMPARE(built.size(), 1);
    const QPointer<TableBrowser> posts = m_tabs->currentBrowser();
    QVERIFY(posts);
    // Closing them all shows nothing on the way.
    m_tabs->closeAll();
    QCOMPARE(m_tabs->count(), 0);
    QVERIFY(posts.isNull());
    QCOMPARE(built.size(), 1);
    QVERIFY(!m_tabs->currentBrowser());
    QVERIFY(m_tabs->currentTable().isEmpty());
}

QTEST_MAIN(TestTableTabs)
#include "tst_tabletabs.moc"
