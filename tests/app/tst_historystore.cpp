#include "query/HistoryStore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;

class TestHistoryStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void livesInTheApplicationDataFolderNotTheDatabase();
    void survivesARestart();
    void keepsEachDatabasesHistoryApart();
    void searchesTheSqlText_data();
    void searchesTheSqlText();
    void dropsTheOldestBeyondTheLimit();
    void savesNamedSnippets();

private:
    HistoryEntry entry(const QString& database, const QString& sql,
                       HistoryEntry::Outcome outcome = HistoryEntry::Outcome::Ok) const;
    QTemporaryDir m_dir;
    QString m_storePath;
    QString m_blog;
    QString m_other;
};

void TestHistoryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_blog = m_dir.filePath(QStringLiteral("blog.db"));
    m_other = m_dir.filePath(QStringLiteral("other.db"));
    QVERIFY(QFile(m_blog).open(QIODevice::WriteOnly));
    QVERIFY(QFile(m_other).open(QIODevice::WriteOnly));
}

void TestHistoryStore::init()
{
    m_storePath =
        m_dir.filePath(QStringLiteral("store-%1/history.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
}

HistoryEntry TestHistoryStore::entry(const QString& database, const QString& sql, HistoryEntry::Outcome outcome) const
{
    HistoryEntry e;
    e.database = database;
    e.sql = sql;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.durationMs = 12;
    e.outcome = outcome;
    e.detail = outcome == HistoryEntry::Outcome::Ok ? QStringLiteral("3 rows") : QStringLiteral("no such table: x");
    return e;
}

void TestHistoryStore::livesInTheApplicationDataFolderNotTheDatabase()
{
    const QString path = HistoryStore::defaultPath();
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(path.endsWith(QStringLiteral("history.sqlite")));
    // Created on first use, folder included.
    QFile::remove(path);
    auto store = HistoryStore::open(path);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QVERIFY(QFile::exists(path));
    QVERIFY((*store)->add(entry(m_blog, QStringLiteral("SELECT 1"))));
    QCOMPARE(QFile(m_blog).size(), 0); // the person's database is never touched
}

void TestHistoryStore::survivesARestart()
{
    const QDateTime started = QDateTime::fromString(QStringLiteral("2026-03-04T05:06:07.089Z"), Qt::ISODateWithMs);
    {
        auto store = HistoryStore::open(m_storePath);
        QVERIFY(store);
        HistoryEntry first = entry(m_blog, QStringLiteral("SELECT * FROM users"));
        first.startedAt = started;
        first.durationMs = 42;
        const Status added = (*store)->add(first);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message + added.error().sqliteText));
        QVERIFY((*store)->add(entry(m_blog, QStringLiteral("SELECT nope"), HistoryEntry::Outcome::Error)));
    }
    auto reopened = HistoryStore::open(m_storePath);
    QVERIFY(reopened);
    auto entries = (*reopened)->entries(m_blog);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 2);
    // Newest first.
    QCOMPARE(entries->at(0).sql, QStringLiteral("SELECT nope"));
    QCOMPARE(entries->at(0).outcome, HistoryEntry::Outcome::Error);
    QCOMPARE(entries->at(0).detail, QStringLiteral("no such table: x"));
    QCOMPARE(entries->at(1).sql, QStringLiteral("SELECT * FROM users"));
    QCOMPARE(entries->at(1).startedAt, started);
    QCOMPARE(entries->at(1).durationMs, 42);
    QCOMPARE(entries->at(1).outcome, HistoryEntry::Outcome::Ok);
}

void TestHistoryStore::keepsEachDatabasesHistoryApart()
{
    auto store = HistoryStore::open(m_storePath);
    QVERIFY(store);
    QVERIFY((*store)->add(entry(m_blog, QStringLiteral("SELECT 'blog'"))));
    QVERIFY((*store)->add(entry(m_other, QStringLiteral("SELECT 'other'"))));
    // The same file reached by another spelling of its path is the same database.
    const QString roundabout = m_dir.filePath(QStringLiteral("sub/../blog.db"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("sub")));
    auto blog = (*store)->entries(roundabout);
    QVERIFY(blog);
    QCOMPARE(blog->size(), 1);
    QCOMPARE(blog->front().sql, QStringLiteral("SELECT 'blog'"));
    QVERIFY((*store)->clear(m_blog));
    QCOMPARE((*store)->entries(m_blog)->size(), 0);
    QCOMPARE((*store)->entries(m_other)->size(), 1);
}

void TestHistoryStore::searchesTheSqlText_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("found");
    QTest::newRow("everything") << QString()
                                << QStringList{QStringLiteral("SELECT 100% FROM t"),
                                               QStringLiteral("DELETE FROM posts WHERE id = 1"),
                                               QStringLiteral("SELECT user_name FROM users")};
    QTest::newRow("case-insensitive") << QStringLiteral("select")
                                      << QStringList{QStringLiteral("SELECT 100% FROM t"),
                                                     QStringLiteral("SELECT user_name FROM users")};
    QTest::newRow("underscore is literal")
        << QStringLiteral("r_n") << QStringList{QStringLiteral("SELECT user_name FROM users")};
    QTest::newRow("percent is literal") << QStringLiteral("0%") << QStringList{QStringLiteral("SELECT 100% FROM t")};
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList{};
}

void TestHistoryStore::searchesTheSqlText()
{
    QFETCH(QString, search);
    QFETCH(QStringList, found);
    auto store = HistoryStore::open(m_storePath);
    QVERIFY(store);
    const auto existing = (*store)->entries(m_blog);
    QVERIFY(existing);
    if (existing->isEmpty()) {
        for (const QString& sql :
             {QStringLiteral("SELECT user_name FROM users"), QStringLiteral("DELETE FROM posts WHERE id = 1"),
              QStringLiteral("SELECT 100% FROM t")})
            QVERIFY((*store)->add(entry(m_blog, sql)));
    }
    const auto entries = (*store)->entries(m_blog, search);
    QVERIFY(entries);
    QStringList actual;
    for (const HistoryEntry& e : entries.value())
        actual << e.sql;
    QCOMPARE(actual, found);
}

void TestHistoryStore::dropsTheOldestBeyondTheLimit()
{
    auto store = HistoryStore::open(m_storePath);
    QVERIFY(store);
    const int total = HistoryStore::kKeptPerDatabase + 20;
    for (int i = 0; i < total; ++i)
        QVERIFY((*store)->add(entry(m_blog, QStringLiteral("SELECT %1").arg(i))));
    auto entries = (*store)->entries(m_blog, {}, total);
    QVERIFY(entries);
    QCOMPARE(entries->size(), HistoryStore::kKeptPerDatabase);
    QCOMPARE(entries->front().sql, QStringLiteral("SELECT %1").arg(total - 1));
    QCOMPARE(entries->back().sql, QStringLiteral("SELECT %1").arg(total - HistoryStore::kKeptPerDatabase));
}

void TestHistoryStore::savesNamedSnippets()
{
    {
        auto store = HistoryStore::open(m_storePath);
        QVERIFY(store);
        QVERIFY((*store)->saveSnippet(QStringLiteral("posts per user"),
                                      QStringLiteral("SELECT author_id, count(*) FROM posts GROUP BY 1")));
        QVERIFY((*store)->saveSnippet(QStringLiteral("All users"), QStringLiteral("SELECT * FROM users")));
        QVERIFY((*store)->saveSnippet(QStringLiteral("All users"), QStringLiteral("SELECT * FROM users ORDER BY id")));
        QVERIFY(!(*store)->saveSnippet(QStringLiteral("  "), QStringLiteral("SELECT 1")));
    }
    auto store = HistoryStore::open(m_storePath);
    QVERIFY(store);
    auto snippets = (*store)->snippets();
    QVERIFY(snippets);
    QCOMPARE(snippets->size(), 2);
    QCOMPARE(snippets->at(0).name, QStringLiteral("All users"));
    QCOMPARE(snippets->at(0).sql, QStringLiteral("SELECT * FROM users ORDER BY id"));
    QVERIFY((*store)->removeSnippet(QStringLiteral("All users")));
    QCOMPARE((*store)->snippets()->size(), 1);
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
