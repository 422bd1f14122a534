#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "database/Connection.h"
#include "database/SqlValue.h"
#include "models/PendingChanges.h"
#include "models/SchemaReader.h"
#include "models/TableModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace quarry;
using quarry::test::TestFiles;

class TestTableModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void showsAuthorsByNameWithHeadersInWords();
    void keepsRowsWithDanglingAuthorsVisible();
    void sortsAndFiltersInSql_data();
    void sortsAndFiltersInSql();
    void pendingEditsOverlayTheRowsAndSurviveReloading();
    void insertAndDeleteArePending();
    void acceptsAnyExistingKeyNotJustTheFirst256();
    void reachesAnyRowOfALargeTableWithBoundedCache();
    void readsDeepRowsWhetherRowidsRunWithOrWithoutGaps_data();
    void readsDeepRowsWhetherRowidsRunWithOrWithoutGaps();
    void readsTablesWithOddNames();
    void locatesEveryRowInTheCurrentOrder_data();
    void locatesEveryRowInTheCurrentOrder();
    void readsNoBlobLongerThanACellWhileBrowsing_data();
    void readsNoBlobLongerThanACellWhileBrowsing();

private:
    std::unique_ptr<TableModel> model(const QString& file, const QString& table, PendingChanges* pending = nullptr);
    static bool waitForRows(TableModel& model);
    QString textAt(TableModel& model, int row, int column);

    QTemporaryDir m_dir;
    QString m_demo;
    std::unique_ptr<Connection> m_connection;
};

void TestTableModel::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo.db"));
    QVERIFY(DemoDatabase::create(m_demo, true));
}

std::unique_ptr<TableModel> TestTableModel::model(const QString& file, const QString& table, PendingChanges* pending)
{
    m_connection.reset();
    auto connection = Connection::open(file, {Connection::Mode::ReadOnly, 1000, QStringLiteral("test")});
    if (!connection)
        return {};
    m_connection = std::move(*connection);
    auto info = SchemaReader(m_connection->database()).table(table);
    if (!info)
        return {};
    return std::make_unique<TableModel>(file, *info, QList<ComputedColumn>{}, pending);
}

bool TestTableModel::waitForRows(TableModel& model)
{
    return QTest::qWaitFor([&] { return !model.isLoading() && model.isCountExact(); }, 10000);
}

QString TestTableModel::textAt(TableModel& model, int row, int column)
{
    const QModelIndex index = model.index(row, column);
    if (model.data(index, TableModel::StateRole).toInt() & TableModel::Loading)
        (void)QTest::qWaitFor([&] { return !(model.data(index, TableModel::StateRole).toInt() & TableModel::Loading); },
                              10000);
    return model.data(index).toString();
}

void TestTableModel::showsAuthorsByNameWithHeadersInWords()
{
    auto posts = model(m_demo, QStringLiteral("posts"));
    QVERIFY(posts);
    QAbstractItemModelTester tester(posts.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitForRows(*posts));
    QCOMPARE(posts->rowCount(), 4);
    const int author = posts->modelColumn(QStringLiteral("author_id"));
    QCOMPARE(posts->headerData(author, Qt::Horizontal).toString(), QStringLiteral("Author"));
    QCOMPARE(posts->headerData(posts->modelColumn(QStringLiteral("created_at")), Qt::Horizontal).toString(),
             QStringLiteral("Created"));
    QCOMPARE(textAt(*posts, 0, author), QStringLiteral("alice"));
    QCOMPARE(textAt(*posts, 1, author), QStringLiteral("bob"));
    QCOMPARE(posts->data(posts->index(1, author), Qt::EditRole).toLongLong(), 2);
    QVERIFY(posts->data(posts->index(1, author), TableModel::StateRole).toInt() & TableModel::ForeignKey);
}

void TestTableModel::keepsRowsWithDanglingAuthorsVisible()
{
    const QString file = m_dir.filePath(QStringLiteral("dangling.db"));
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(TestFiles::execSql(
        file, QStringLiteral("INSERT INTO posts (title, content, author_id) VALUES ('Orphan', 'x', 999)")));
    auto posts = model(file, QStringLiteral("posts"));
    QAbstractItemModelTester tester(posts.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitForRows(*posts));
    QCOMPARE(posts->rowCount(), 5);
    const int author = posts->modelColumn(QStringLiteral("author_id"));
    QCOMPARE(textAt(*posts, 4, author), QStringLiteral("999"));
    QVERIFY(posts->data(posts->index(4, author), TableModel::StateRole).toInt() & TableModel::Dangling);
    QVERIFY(
        posts->data(posts->index(4, author), Qt::ToolTipRole).toString().contains(QStringLiteral("No row of users")));
}

void TestTableModel::sortsAndFiltersInSql_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("filterColumn");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("by title") << 1 << int(Qt::AscendingOrder) << QString() << QString() << QString()
                              << QStringList{QStringLiteral("Data Science"), QStringLiteral("Machine Learning"),
                                             QStringLiteral("Python Programming"), QStringLiteral("Web Development")};
    QTest::newRow("by author name, descending")
        << 3 << int(Qt::DescendingOrder) << QString() << QString() << QString()
        << QStringList{QStringLiteral("Machine Learning"), QStringLiteral("Web Development"),
                       QStringLiteral("Data Science"), QStringLiteral("Python Programming")};
    QTest::newRow("author filter matches the name")
        << -1 << 0 << QStringLiteral("author_id") << QStringLiteral("ali") << QString()
        << QStringList{QStringLiteral("Python Programming"), QStringLiteral("Data Science")};
    QTest::newRow("author filter by key") << -1 << 0 << QStringLiteral("author_id") << QStringLiteral("=3") << QString()
                                          << QStringList{QStringLiteral("Machine Learning")};
    QTest::newRow("quick search") << -1 << 0 << QString() << QString() << QStringLiteral("web")
                                  << QStringList{QStringLiteral("Web Development")};
    QTest::newRow("filter with quote and percent")
        << -1 << 0 << QStringLiteral("title") << QStringLiteral("'%") << QString() << QStringList();
}

void TestTableModel::sortsAndFiltersInSql()
{
    QFETCH(int, sortColumn);
    QFETCH(int, order);
    QFETCH(QString, filterColumn);
    QFETCH(QString, filter);
    QFETCH(QString, search);
    QFETCH(QStringList, titles);
    auto posts = model(m_demo, QStringLiteral("posts"));
    QAbstractItemModelTester tester(posts.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    BrowseRequest request;
    request.sortColumn = sortColumn;
    request.sortOrder = Qt::SortOrder(order);
    if (!filterColumn.isEmpty())
        request.columnFilters.insert(posts->modelColumn(filterColumn), filter);
    request.quickSearch = search;
    posts->setRequest(request);
    QVERIFY(waitForRows(*posts));
    QStringList actual;
    for (int row = 0; row < posts->rowCount(); ++row)
        actual << textAt(*posts, row, 1);
    QCOMPARE(actual, titles);
}

void TestTableModel::pendingEditsOverlayTheRowsAndSurviveReloading()
{
    PendingChanges pending;
    auto users = model(m_demo, QStringLiteral("users"), &pending);
    QAbstractItemModelTester tester(users.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitForRows(*users));
    const int email = users->modelColumn(QStringLiteral("email"));
    QVERIFY(users->setData(users->index(0, email), QStringLiteral("  Alice@New.Example.com ")));
    QCOMPARE(users->data(users->index(0, email)).toString(), QStringLiteral("alice@new.example.com"));
    QVERIFY(users->data(users->index(0, email), TableModel::StateRole).toInt() & TableModel::Edited);
    QVERIFY(users->setData(users->index(1, email), QStringLiteral("not an email")));
    QVERIFY(users->data(users->index(1, email), TableModel::StateRole).toInt() & TableModel::Invalid);
    QVERIFY(users->data(users->index(1, email), TableModel::ProblemRole)
                .toString()
                .contains(QStringLiteral("not an email")));
    users->sort(1, Qt::DescendingOrder); // charlie, bob, alice
    QVERIFY(waitForRows(*users));
    QCOMPARE(textAt(*users, 2, email), QStringLiteral("alice@new.example.com"));
    QCOMPARE(pending.rowCount(), 2);
    pending.undo();
    pending.undo();
    QCOMPARE(textAt(*users, 2, email), QStringLiteral("alice@example.com"));
    pending.redo();
    QCOMPARE(textAt(*users, 2, email), QStringLiteral("alice@new.example.com"));
    // Nothing reached the file.
    QCOMPARE(TestFiles::querySql(m_demo, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             QStringLiteral("alice@example.com"));
}

void TestTableModel::insertAndDeleteArePending()
{
    PendingChanges pending;
    auto comments = model(m_demo, QStringLiteral("comments"), &pending);
    QAbstractItemModelTester tester(comments.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitForRows(*comments));
    QVERIFY(comments->insertRows(comments->rowCount(), 1));
    QCOMPARE(comments->rowCount(), 5);
    QVERIFY(comments->data(comments->index(4, 1), TableModel::StateRole).toInt() & TableModel::Inserted);
    QVERIFY(comments->flags(comments->index(4, 0)) & Qt::ItemIsEditable); // a new row may choose its id
    QVERIFY(!(comments->flags(comments->index(0, 0)) & Qt::ItemIsEditable));
    QVERIFY(comments->removeRows(0, 1));
    QVERIFY(comments->data(comments->index(0, 1), TableModel::StateRole).toInt() & TableModel::Deleted);
    QVERIFY(!(comments->flags(comments->index(0, 1)) & Qt::ItemIsEditable));
    QVERIFY(comments->removeRows(4, 1)); // an inserted row simply goes
    QCOMPARE(comments->rowCount(), 4);
    const QList<Change> changes = pending.changes({});
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().kind, Change::Kind::Delete);
    QCOMPARE(changes.first().key.value(QStringLiteral("rowid")).toLongLong(), 1);
    // Rows deleted together come back together.
    QVERIFY(comments->removeRows(1, 3));
    QCOMPARE(pending.rowCount(), 4);
    pending.undo();
    QCOMPARE(pending.rowCount(), 1);
    pending.redo();
    QCOMPARE(pending.rowCount(), 4);
}

void TestTableModel::acceptsAnyExistingKeyNotJustTheFirst256()
{
    const QString file = m_dir.filePath(QStringLiteral("300.db"));
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(
        TestFiles::execSql(file, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE "
                                                "i < 300) INSERT INTO users (username, email) SELECT 'user' || i, "
                                                "'user' || i || '@example.com' FROM n")));
    PendingChanges pending;
    auto posts = model(file, QStringLiteral("posts"), &pending);
    QVERIFY(waitForRows(*posts));
    const QModelIndex author = posts->index(2, posts->modelColumn(QStringLiteral("author_id")));
    QVERIFY(posts->setForeignKey(author, 300, QStringLiteral("user300")));
    QCOMPARE(posts->data(author).toString(), QStringLiteral("user300"));
    QCOMPARE(posts->data(author, Qt::EditRole).toLongLong(), 300);
    QVERIFY(posts->setData(author, 299));
    QCOMPARE(pending.value(QStringLiteral("posts"), 3, QStringLiteral("author_id"))->toLongLong(), 299);
}

void TestTableModel::reachesAnyRowOfALargeTableWithBoundedCache()
{
    const QString file = m_dir.filePath(QStringLiteral("large.db"));
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(
        TestFiles::execSql(file, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                                                "i < 60000) INSERT INTO posts (title, content, author_id, created_at) "
                                                "SELECT printf('Post %06d', 60001 - i), 'x', 1 + i % 3, "
                                                "datetime('2020-01-01', '+' || (i % 1000) || ' minutes') FROM n")));
    auto posts = model(file, QStringLiteral("posts"));
    QAbstractItemModelTester tester(posts.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitForRows(*posts));
    QCOMPARE(posts->rowCount(), 60004);
    QCOMPARE(textAt(*posts, 60003, 1), QStringLiteral("Post 000001"));
    QCOMPARE(textAt(*posts, 30000, 1), QStringLiteral("Post 030004"));
    // Sorted by a column with ties (created_at repeats every 1000 rows): rows stay in a stable order.
    posts->sort(posts->modelColumn(QStringLiteral("created_at")), Qt::AscendingOrder);
    QVERIFY(waitForRows(*posts));
    QTest::qWait(500); // let the key index build, then read deep rows through it
    const QString deep = textAt(*posts, 45123, 1);
    posts->sort(posts->modelColumn(QStringLiteral("created_at")), Qt::AscendingOrder);
    QVERIFY(waitForRows(*posts));
    QCOMPARE(textAt(*posts, 45123, 1), deep); // read by OFFSET before the key index, by seek after
    for (int row = 0; row < 60000; row += 997)
        QVERIFY(!textAt(*posts, row, 1).isEmpty());
}

void TestTableModel::readsDeepRowsWhetherRowidsRunWithOrWithoutGaps_data()
{
    QTest::addColumn<QString>("deletion");
    QTest::newRow("without gaps (row n is the n-th rowid, one seek)") << QString();
    QTest::newRow("with gaps (through the key index)") << QStringLiteral("DELETE FROM posts WHERE id % 7 = 3");
    QTest::newRow("gap at the start") << QStringLiteral("DELETE FROM posts WHERE id < 3");
}

void TestTableModel::readsDeepRowsWhetherRowidsRunWithOrWithoutGaps()
{
    QFETCH(QString, deletion);
    static int files = 0;
    const QString file = m_dir.filePath(QStringLiteral("gaps%1.db").arg(++files));
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(
        TestFiles::execSql(file, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                                                "i < 20000) INSERT INTO posts (title, content, author_id, created_at) "
                                                "SELECT printf('Post %06d', i), 'x', 1 + i % 3, "
                                                "datetime('2020-01-01', '+' || i || ' minutes') FROM n")));
    if (!deletion.isEmpty())
        QVERIFY(TestFiles::execSql(file, QStringLiteral("PRAGMA foreign_keys = OFF; ") + deletion));
    const int rows = TestFiles::querySql(file, QStringLiteral("SELECT count(*) FROM posts")).toInt();
    auto posts = model(file, QStringLiteral("posts"));
    QAbstractItemModelTester tester(posts.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitForRows(*posts));
    QCOMPARE(posts->rowCount(), rows);
    for (const int row : {rows - 1, rows / 2 + 17, 777, 0, 12345, rows - 300}) {
        const QString expected = TestFiles::querySql(
            file, QStringLiteral("SELECT title FROM posts ORDER BY rowid LIMIT 1 OFFSET %1").arg(row));
        QCOMPARE(textAt(*posts, row, 1), expected);
    }
}

void TestTableModel::readsTablesWithOddNames()
{
    const QString file = m_dir.filePath(QStringLiteral("odd.db"));
    QVERIFY(TestFiles::execSql(
        file, QStringLiteral("CREATE TABLE \"my \"\"odd\"\" table\" (\"ключ\" INTEGER PRIMARY KEY, \"a b\" TEXT);"
                             "CREATE TABLE \"child.x\" (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES "
                             "\"my \"\"odd\"\" table\");"
                             "INSERT INTO \"my \"\"odd\"\" table\" VALUES (1, 'first'), (2, 'second');"
                             "INSERT INTO \"child.x\" VALUES (10, 2);")));
    auto child = model(file, QStringLiteral("child.x"));
    QVERIFY(child);
    QVERIFY(waitForRows(*child));
    QCOMPARE(textAt(*child, 0, 1), QStringLiteral("second"));
    QVERIFY2(child->table().hasRowid, "a dotted name is one table, not schema.table");
    auto odd = model(file, QStringLiteral("my \"odd\" table"));
    QVERIFY(odd);
    QVERIFY(waitForRows(*odd));
    QCOMPARE(odd->headerData(1, Qt::Horizontal).toString(), QStringLiteral("a b"));
    QCOMPARE(textAt(*odd, 1, 1), QStringLiteral("second"));
}

void TestTableModel::locatesEveryRowInTheCurrentOrder_data()
{
    QTest::addColumn<QString>("column"); // empty: the natural order
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("filterColumn");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("where"); // the same filter in SQL, for the expected positions
    QTest::newRow("natural order") << QString() << int(Qt::AscendingOrder) << QString() << QString() << QString();
    QTest::newRow("by id, descending") << QStringLiteral("id") << int(Qt::DescendingOrder) << QString() << QString()
                                       << QString();
    QTest::newRow("numbers with NULLs and ties")
        << QStringLiteral("n") << int(Qt::AscendingOrder) << QString() << QString() << QString();
    QTest::newRow("numbers with NULLs and ties, descending")
        << QStringLiteral("n") << int(Qt::DescendingOrder) << QString() << QString() << QString();
    QTest::newRow("texts longer than a browsed cell")
        << QStringLiteral("s") << int(Qt::AscendingOrder) << QString() << QString() << QString();
    QTest::newRow("texts, descending, filtered")
        << QStringLiteral("s") << int(Qt::DescendingOrder) << QStringLiteral("n") << QStringLiteral(">1")
        << QStringLiteral("WHERE n > 1");
}

void TestTableModel::locatesEveryRowInTheCurrentOrder()
{
    QFETCH(QString, column);
    QFETCH(int, order);
    QFETCH(QString, filterColumn);
    QFETCH(QString, filter);
    QFETCH(QString, where);
    const QString file = TestFiles::currentTestPath(m_dir);
    // NULLs and ties in both columns, a text stored in the number column, and two texts that differ only
    // beyond the length a browsed cell keeps.
    QVERIFY(TestFiles::execSql(
        file,
        QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT);"
                       "WITH RECURSIVE i(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM i WHERE v < 90) "
                       "INSERT INTO t SELECT v, CASE WHEN v % 7 = 0 THEN NULL ELSE v % 5 END, "
                       "CASE WHEN v % 11 = 0 THEN NULL ELSE 'w' || (v % 4) END FROM i;"
                       "INSERT INTO t VALUES (91, 'many', 'w2' || replace(hex(zeroblob(40000)), '0', 'x') || 'b');"
                       "INSERT INTO t VALUES (92, 4, 'w2' || replace(hex(zeroblob(40000)), '0', 'x') || 'a');")));
    auto table = model(file, QStringLiteral("t"));
    QVERIFY(table);
    QAbstractItemModelTester tester(table.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    BrowseRequest request;
    if (!column.isEmpty()) {
        request.sortColumn = table->modelColumn(column);
        request.sortOrder = Qt::SortOrder(order);
    }
    if (!filterColumn.isEmpty())
        request.columnFilters.insert(table->modelColumn(filterColumn), filter);
    table->setRequest(request);
    QVERIFY(waitForRows(*table));

    const QString direction = order == Qt::DescendingOrder ? QStringLiteral(" DESC") : QString();
    const QString sortKey = column.isEmpty() ? QStringLiteral("id") : column;
    const QStringList expected =
        TestFiles::dumpRows(file, QStringLiteral("SELECT id, row_number() OVER (ORDER BY %1%2, id%2) - 1 FROM t %3")
                                      .arg(sortKey, direction, where));
    QHash<qint64, qint64> places;
    for (const QString& row : expected) {
        const QStringList cells = row.split(QLatin1Char('|'));
        places.insert(cells.at(0).section(QLatin1Char(':'), 1).toLongLong(),
                      cells.at(1).section(QLatin1Char(':'), 1).toLongLong());
    }
    QVERIFY(!places.isEmpty());
    QSignalSpy located(table.get(), &TableModel::located);
    for (qint64 id = 1; id <= 92; ++id) {
        table->locate(QVariant(id));
        QVERIFY(located.wait(5000) || !located.isEmpty());
        const QList<QVariant> answer = located.takeFirst();
        QCOMPARE(answer.at(0).toLongLong(), id);
        QCOMPARE(answer.at(1).toLongLong(), places.value(id, -1));
    }
}

namespace {

// Bytes this process has read through read(2) and the like (SQLite's default I/O), page cache or not.
qint64 bytesRead()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : io.readAll().split('\n')) {
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

} // namespace

void TestTableModel::readsNoBlobLongerThanACellWhileBrowsing_data()
{
    QTest::addColumn<QString>("columns");  // of t, with b the BLOB column
    QTest::addColumn<QString>("options");  // of CREATE TABLE
    QTest::addColumn<int>("sortColumn");   // -1: the natural order
    QTest::addColumn<bool>("pagesUnread"); // no page of the BLOB is read at all
    QTest::addColumn<bool>("hasHead");     // the cut value holds the BLOB's first bytes
    // A column stored after the BLOB is reached through the BLOB's chain of overflow pages: SQLite reads them
    // (without holding them) to find it. Only a BLOB at the end of its row goes unread.
    QTest::newRow("BLOB last") << QStringLiteral("id INTEGER PRIMARY KEY, s TEXT, b BLOB") << QString() << -1 << true
                               << true;
    QTest::newRow("BLOB last, sorted by another column")
        << QStringLiteral("id INTEGER PRIMARY KEY, s TEXT, b BLOB") << QString() << 1 << true << true;
    QTest::newRow("a column after the BLOB")
        << QStringLiteral("id INTEGER PRIMARY KEY, b BLOB, s TEXT") << QString() << -1 << false << true;
    // SQLite compares whole keys of a WITHOUT ROWID table, so it reads long rows there whatever Quarry asks for.
    QTest::newRow("WITHOUT ROWID") << QStringLiteral("id INTEGER PRIMARY KEY, s TEXT, b BLOB")
                                   << QStringLiteral(" WITHOUT ROWID") << -1 << false << false;
}

void TestTableModel::readsNoBlobLongerThanACellWhileBrowsing()
{
    QFETCH(QString, columns);
    QFETCH(QString, options);
    QFETCH(int, sortColumn);
    QFETCH(bool, pagesUnread);
    QFETCH(bool, hasHead);
    const QString file = TestFiles::currentTestPath(m_dir);
    constexpr qint64 kBlob = 64LL * 1024 * 1024;
    QVERIFY(TestFiles::execSql(file, QStringLiteral("CREATE TABLE t (%1)%2;"
                                                    "INSERT INTO t (id, s, b) VALUES (1, 'a', x'01'), "
                                                    "(2, 'b', zeroblob(%3)), (3, 'c', randomblob(16384)), "
                                                    "(4, 'd', randomblob(16385));")
                                         .arg(columns, options)
                                         .arg(kBlob)));
    const qint64 before = bytesRead();
    QVERIFY(before >= 0);
    const sqlite3_int64 memoryBefore = sqlite3_memory_used();
    sqlite3_memory_highwater(1);
    auto table = model(file, QStringLiteral("t"));
    QVERIFY(table);
    const int b = table->modelColumn(QStringLiteral("b"));
    if (sortColumn >= 0) {
        BrowseRequest request;
        request.sortColumn = sortColumn;
        table->setRequest(request);
    }
    QVERIFY(waitForRows(*table));
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(textAt(*table, 1, table->modelColumn(QStringLiteral("s"))), QStringLiteral("b"));
    const QVariant big = table->data(table->index(1, b), Qt::EditRole);
    QVERIFY(big.metaType() == QMetaType::fromType<CutValue>());
    const CutValue cut = big.value<CutValue>();
    QVERIFY(cut.isBlob);
    QCOMPARE(cut.bytes, kBlob);
    QCOMPARE(cut.head, hasHead ? QByteArray(1024, '\0') : QByteArray());
    // A BLOB of exactly a cell's limit is read whole; one byte more is cut.
    QCOMPARE(table->data(table->index(2, b), Qt::EditRole).toByteArray().size(), 16384);
    QVERIFY(table->data(table->index(3, b), Qt::EditRole).metaType() == QMetaType::fromType<CutValue>());
    if (options.isEmpty()) {
        const sqlite3_int64 peak = sqlite3_memory_highwater(0) - memoryBefore;
        QVERIFY2(peak < kBlob / 8, qPrintable(QStringLiteral("SQLite held %1 bytes at once").arg(peak)));
    }
    if (pagesUnread) {
        const qint64 read = bytesRead() - before;
        QVERIFY2(read < kBlob / 8, qPrintable(QStringLiteral("browsing read %1 bytes").arg(read)));
    }
}

QTEST_GUILESS_MAIN(TestTableModel)
#include "tst_tablemodel.moc"
