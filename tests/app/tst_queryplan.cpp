#include "query/QueryPlan.h"

#include <QTest>

using namespace quarry;

class TestQueryPlan : public QObject {
    Q_OBJECT

private slots:
    void nestsRowsByParent();
    void tellsFullScansFromIndexSearches_data();
    void tellsFullScansFromIndexSearches();
};

void TestQueryPlan::nestsRowsByParent()
{
    // As SQLite 3.40 reports SELECT ... WHERE id IN (SELECT ...) ORDER BY.
    const QList<QueryPlan::Row> rows{{2, 0, QStringLiteral("SCAN users")},
                                     {5, 0, QStringLiteral("LIST SUBQUERY 1")},
                                     {7, 5, QStringLiteral("SCAN posts")},
                                     {9, 7, QStringLiteral("CORRELATED SCALAR SUBQUERY 2")},
                                     {20, 0, QStringLiteral("USE TEMP B-TREE FOR ORDER BY")}};
    const QList<QueryPlanNode> nodes = QueryPlan::build(rows);
    QCOMPARE(nodes.size(), 3);
    QCOMPARE(nodes.at(1).detail, QStringLiteral("LIST SUBQUERY 1"));
    QCOMPARE(nodes.at(1).children.size(), 1);
    QCOMPARE(nodes.at(1).children.at(0).children.at(0).detail, QStringLiteral("CORRELATED SCALAR SUBQUERY 2"));
    QCOMPARE(QueryPlan::describe(nodes),
             QStringLiteral("SCAN users\nLIST SUBQUERY 1\n  SCAN posts\n    CORRELATED SCALAR "
                            "SUBQUERY 2\nUSE TEMP B-TREE FOR ORDER BY\n"));
}

void TestQueryPlan::tellsFullScansFromIndexSearches_data()
{
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("fullScan");
    QTest::addColumn<bool>("indexSearch");
    QTest::newRow("scan") << QStringLiteral("SCAN users") << true << false;
    QTest::newRow("covering index scan still reads every row")
        << QStringLiteral("SCAN users USING COVERING INDEX sqlite_autoindex_users_1") << true << false;
    QTest::newRow("scan in index order") << QStringLiteral("SCAN p USING INDEX ix_posts_created_at") << true << false;
    QTest::newRow("constant row") << QStringLiteral("SCAN CONSTANT ROW") << false << false;
    QTest::newRow("search by index") << QStringLiteral("SEARCH posts USING INDEX ix_posts_author_id (author_id=?)")
                                     << false << true;
    QTest::newRow("search by rowid") << QStringLiteral("SEARCH users USING INTEGER PRIMARY KEY (rowid=?)") << false
                                     << true;
}

void TestQueryPlan::tellsFullScansFromIndexSearches()
{
    QFETCH(QString, detail);
    QFETCH(bool, fullScan);
    QFETCH(bool, indexSearch);
    const QueryPlanNode node{0, 0, detail, {}};
    QCOMPARE(node.isFullScan(), fullScan);
    QCOMPARE(node.isIndexSearch(), indexSearch);
}

QTEST_GUILESS_MAIN(TestQueryPlan)
#include "tst_queryplan.moc"
