#include "query/StatementClassifier.h"

#include <QTest>

using namespace quarry;

class TestStatementClassifier : public QObject {
    Q_OBJECT

private slots:
    void asksBeforeDestructiveStatements_data();
    void asksBeforeDestructiveStatements();
    void knowsWhatAStatementDoes_data();
    void knowsWhatAStatementDoes();
};

void TestStatementClassifier::asksBeforeDestructiveStatements_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("destructive");
    QTest::addColumn<QString>("mentions"); // a part of the reason, when destructive

    QTest::newRow("delete without where")
        << QStringLiteral("DELETE FROM users") << true << QStringLiteral("every row of users");
    QTest::newRow("delete with where") << QStringLiteral("DELETE FROM users WHERE id = 3") << false << QString();
    QTest::newRow("delete lower case, schema")
        << QStringLiteral("delete from main.posts;") << true << QStringLiteral("main.posts");
    QTest::newRow("delete with where in subquery only")
        << QStringLiteral("DELETE FROM posts RETURNING (SELECT count(*) FROM users WHERE id > 1)") << true
        << QStringLiteral("posts");
    QTest::newRow("delete with subquery in where")
        << QStringLiteral("DELETE FROM posts WHERE author_id IN (SELECT id FROM users)") << false << QString();
    QTest::newRow("update without where")
        << QStringLiteral("UPDATE users SET email = lower(email)") << true << QStringLiteral("every row of users");
    QTest::newRow("update or replace without where")
        << QStringLiteral("UPDATE OR REPLACE \"my table\" SET a = 1") << true << QStringLiteral("\"my table\"");
    QTest::newRow("update with correlated subquery but no where")
        << QStringLiteral("UPDATE posts SET title = (SELECT username FROM users WHERE users.id = posts.author_id)")
        << true << QStringLiteral("posts");
    QTest::newRow("update with where") << QStringLiteral("UPDATE users SET email = 'a@b.c' WHERE id = 1") << false
                                       << QString();
    QTest::newRow("cte then delete without where")
        << QStringLiteral("WITH old AS (SELECT id FROM posts WHERE id < 3) DELETE FROM comments") << true
        << QStringLiteral("comments");
    QTest::newRow("cte then delete with where")
        << QStringLiteral("WITH old AS (SELECT id FROM posts) DELETE FROM comments WHERE post_id IN old") << false
        << QString();
    QTest::newRow("drop table") << QStringLiteral("DROP TABLE IF EXISTS comments") << true
                                << QStringLiteral("comments");
    QTest::newRow("drop view") << QStringLiteral("DROP VIEW v") << true << QStringLiteral("view v");
    QTest::newRow("drop index") << QStringLiteral("drop index ix_posts_author_id") << true
                                << QStringLiteral("ix_posts_author_id");
    QTest::newRow("drop trigger") << QStringLiteral("DROP TRIGGER log_user") << true << QStringLiteral("log_user");
    QTest::newRow("alter drop column") << QStringLiteral("ALTER TABLE users DROP COLUMN last_name") << true
                                       << QStringLiteral("last_name of users");
    QTest::newRow("alter rename") << QStringLiteral("ALTER TABLE users RENAME TO people") << false << QString();
    QTest::newRow("alter add column") << QStringLiteral("ALTER TABLE users ADD COLUMN nick TEXT") << false << QString();
    QTest::newRow("trigger body deletes all")
        << QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END") << false << QString();
    QTest::newRow("explain of delete") << QStringLiteral("EXPLAIN QUERY PLAN DELETE FROM users") << false << QString();
    QTest::newRow("where only in a comment")
        << QStringLiteral("DELETE FROM users -- WHERE id = 1") << true << QStringLiteral("users");
    QTest::newRow("where only in a string")
        << QStringLiteral("UPDATE posts SET title = 'WHERE is it'") << true << QStringLiteral("posts");
    QTest::newRow("select") << QStringLiteral("SELECT * FROM users") << false << QString();
    QTest::newRow("insert") << QStringLiteral("INSERT INTO users (username) VALUES ('x')") << false << QString();
    QTest::newRow("blank") << QStringLiteral("  -- nothing") << false << QString();
}

void TestStatementClassifier::asksBeforeDestructiveStatements()
{
    QFETCH(QString, sql);
    QFETCH(bool, destructive);
    QFETCH(QString, mentions);
    const StatementInfo info = StatementClassifier::classify(sql);
    QCOMPARE(info.isDestructive(), destructive);
    if (destructive)
        QVERIFY2(info.destructiveReason.contains(mentions), qPrintable(info.destructiveReason));
}

void TestStatementClassifier::knowsWhatAStatementDoes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("kind");
    using Kind = StatementInfo::Kind;
    QTest::newRow("select") << QStringLiteral("/* c */ select 1") << int(Kind::Select);
    QTest::newRow("values") << QStringLiteral("VALUES (1), (2)") << int(Kind::Select);
    QTest::newRow("cte select") << QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1) SELECT x FROM c")
                                << int(Kind::Select);
    QTest::newRow("cte insert") << QStringLiteral("WITH c AS (SELECT 1) INSERT INTO t SELECT * FROM c")
                                << int(Kind::Insert);
    QTest::newRow("replace") << QStringLiteral("REPLACE INTO t VALUES (1)") << int(Kind::Insert);
    QTest::newRow("update") << QStringLiteral("UPDATE t SET a = 1 WHERE b") << int(Kind::Update);
    QTest::newRow("delete") << QStringLiteral("DELETE FROM t WHERE a") << int(Kind::Delete);
    QTest::newRow("create") << QStringLiteral("CREATE TABLE t (a)") << int(Kind::Create);
    QTest::newRow("drop") << QStringLiteral("DROP TABLE t") << int(Kind::Drop);
    QTest::newRow("alter") << QStringLiteral("ALTER TABLE t ADD b") << int(Kind::Alter);
    QTest::newRow("begin") << QStringLiteral("BEGIN IMMEDIATE") << int(Kind::Transaction);
    QTest::newRow("commit") << QStringLiteral("COMMIT;") << int(Kind::Transaction);
    QTest::newRow("end") << QStringLiteral("END") << int(Kind::Transaction);
    QTest::newRow("savepoint") << QStringLiteral("SAVEPOINT a") << int(Kind::Transaction);
    QTest::newRow("pragma") << QStringLiteral("PRAGMA foreign_keys") << int(Kind::Pragma);
    QTest::newRow("explain") << QStringLiteral("EXPLAIN SELECT 1") << int(Kind::Explain);
    QTest::newRow("vacuum") << QStringLiteral("VACUUM") << int(Kind::Other);
    QTest::newRow("empty") << QStringLiteral(";") << int(Kind::Empty);
}

void TestStatementClassifier::knowsWhatAStatementDoes()
{
    QFETCH(QString, sql);
    QFETCH(int, kind);
    QCOMPARE(int(StatementClassifier::classify(sql).kind), kind);
}

QTEST_GUILESS_MAIN(TestStatementClassifier)
#include "tst_statementclassifier.moc"
