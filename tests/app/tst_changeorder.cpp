#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "database/Connection.h"
#include "write/ChangeOrder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using quarry::test::TestFiles;

class TestChangeOrder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void insertsAndUpdatesRunParentsFirstThenDeletesChildrenFirst();
    void keepsTheRecordedOrderWithinATable();
    void tablesInACycleKeepTheirFirstAppearance();
    void tablesWithoutRelationsKeepTheirFirstAppearance();
    void tableNamesCompareAsSqliteDoes();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_connection;
};

namespace {

Change ins(const QString& table)
{
    return Change::insert(table, {{QStringLiteral("x"), 1}});
}
Change upd(const QString& table)
{
    return Change::update(table, {{QStringLiteral("id"), 1}}, {{QStringLiteral("x"), 1}});
}
Change del(const QString& table)
{
    return Change::remove(table, {{QStringLiteral("id"), 1}});
}

} // namespace

void TestChangeOrder::initTestCase()
{
    const QString file = m_dir.filePath(QStringLiteral("order.db"));
    QVERIFY(DemoDatabase::create(file, false));
    QVERIFY(TestFiles::execSql(file, QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY, b_id REFERENCES b (id));"
                                                    "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id REFERENCES a (id));"
                                                    "CREATE TABLE loner (id INTEGER PRIMARY KEY);")));
    auto connection = Connection::open(file);
    QVERIFY(connection);
    m_connection = std::move(*connection);
}

void TestChangeOrder::cleanupTestCase()
{
    m_connection.reset();
}

void TestChangeOrder::insertsAndUpdatesRunParentsFirstThenDeletesChildrenFirst()
{
    const QList<Change> changes{
        del(QStringLiteral("users")),    // 0
        ins(QStringLiteral("comments")), // 1
        upd(QStringLiteral("posts")),    // 2
        del(QStringLiteral("comments")), // 3
        ins(QStringLiteral("users")),    // 4
        del(QStringLiteral("posts")),    // 5
    };
    const QList<int> plan = ChangeOrder::plan(m_connection->database(), changes);
    // users, posts, comments for inserts and updates; comments, posts, users for deletes.
    QCOMPARE(plan, QList<int>({4, 2, 1, 3, 5, 0}));
}

void TestChangeOrder::keepsTheRecordedOrderWithinATable()
{
    const QList<Change> changes{
        upd(QStringLiteral("users")), ins(QStringLiteral("users")), upd(QStringLiteral("users")),
        del(QStringLiteral("users")), del(QStringLiteral("users")),
    };
    QCOMPARE(ChangeOrder::plan(m_connection->database(), changes), QList<int>({0, 1, 2, 3, 4}));
}

void TestChangeOrder::tablesInACycleKeepTheirFirstAppearance()
{
    const QList<Change> bFirst{ins(QStringLiteral("b")), ins(QStringLiteral("a")), del(QStringLiteral("a")),
                               del(QStringLiteral("b"))};
    QCOMPARE(ChangeOrder::plan(m_connection->database(), bFirst), QList<int>({0, 1, 2, 3}));
    // Planning twice gives the same plan.
    QCOMPARE(ChangeOrder::plan(m_connection->database(), bFirst), ChangeOrder::plan(m_connection->database(), bFirst));
}

void TestChangeOrder::tablesWithoutRelationsKeepTheirFirstAppearance()
{
    const QList<Change> changes{ins(QStringLiteral("loner")), ins(QStringLiteral("no_such_table")),
                                ins(QStringLiteral("users"))};
    QCOMPARE(ChangeOrder::plan(m_connection->database(), changes), QList<int>({0, 1, 2}));
}

void TestChangeOrder::tableNamesCompareAsSqliteDoes()
{
    const QList<Change> changes{ins(QStringLiteral("POSTS")), ins(QStringLiteral("Users")),
                                ins(QStringLiteral("posts"))};
    QCOMPARE(ChangeOrder::plan(m_connection->database(), changes), QList<int>({1, 0, 2}));
}

QTEST_GUILESS_MAIN(TestChangeOrder)
#include "tst_changeorder.moc"
