#include "query/ResultSpool.h"

#include <QTest>
#include <QThread>

#include <sqlite3.h>

#include <atomic>

using namespace quarry;

class TestResultSpool : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void readsBackEveryStorageClassExactly();
    void keepsLongValuesOnDiskAndReadsThemOnDemand_data();
    void keepsLongValuesOnDiskAndReadsThemOnDemand();
    void readsAnyPageInAnyOrder();
    void readersSeeOnlyPublishedRowsWhileWriting();

private:
    // Fills `spool` from a query run on an in-memory database.
    void spoolQuery(ResultSpool& spool, const char* sql);
    sqlite3* m_db = nullptr;
};

void TestResultSpool::initTestCase()
{
    QCOMPARE(sqlite3_open(":memory:", &m_db), SQLITE_OK);
}

void TestResultSpool::cleanupTestCase()
{
    sqlite3_close(m_db);
}

void TestResultSpool::spoolQuery(ResultSpool& spool, const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    QCOMPARE(sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr), SQLITE_OK);
    while (sqlite3_step(statement) == SQLITE_ROW)
        QVERIFY(spool.appendRow(statement));
    sqlite3_finalize(statement);
    QVERIFY(spool.publish());
}

void TestResultSpool::readsBackEveryStorageClassExactly()
{
    auto spool = ResultSpool::create({QStringLiteral("i"), QStringLiteral("r"), QStringLiteral("t"),
                                      QStringLiteral("b"), QStringLiteral("n"), QStringLiteral("e")});
    QVERIFY(spool);
    spoolQuery(**spool, "SELECT -9223372036854775808, 0.1, 'caf\xc3\xa9', x'00ff10', NULL, ''");
    QCOMPARE((*spool)->rowCount(), 1);
    auto rows = (*spool)->rows(0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    const ResultRow& row = rows->front();
    QCOMPARE(row.at(0).type, ResultCell::Type::Integer);
    QCOMPARE(row.at(0).value.toLongLong(), std::numeric_limits<qint64>::min());
    QCOMPARE(row.at(1).type, ResultCell::Type::Real);
    QCOMPARE(row.at(1).value.toDouble(), 0.1);
    QCOMPARE(row.at(2).type, ResultCell::Type::Text);
    QCOMPARE(row.at(2).value.toString(), QStringLiteral("caf\u00e9"));
    QCOMPARE(row.at(3).type, ResultCell::Type::Blob);
    QCOMPARE(row.at(3).value.toByteArray(), QByteArray::fromHex("00ff10"));
    QCOMPARE(row.at(4).type, ResultCell::Type::Null);
    QVERIFY(row.at(4).value.isNull());
    QCOMPARE(row.at(5).type, ResultCell::Type::Text);
    QVERIFY(row.at(5).value.toString().isEmpty());
    for (const ResultCell& cell : row)
        QVERIFY(!cell.isTruncated());
}

void TestResultSpool::keepsLongValuesOnDiskAndReadsThemOnDemand_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("type");
    QTest::addColumn<qint64>("size");
    QTest::newRow("20 MB text") << QByteArray("replace(hex(zeroblob(5000000)), '0', '\xc3\xa9')")
                                << int(ResultCell::Type::Text) << qint64(20000000);
    QTest::newRow("3 MB blob") << QByteArray("randomblob(3000000)") << int(ResultCell::Type::Blob) << qint64(3000000);
    QTest::newRow("text just over the preview")
        << QByteArray("printf('%.*c', 1025, 'x')") << int(ResultCell::Type::Text) << qint64(1025);
}

void TestResultSpool::keepsLongValuesOnDiskAndReadsThemOnDemand()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, type);
    QFETCH(qint64, size);
    auto spool = ResultSpool::create({QStringLiteral("v"), QStringLiteral("after")});
    QVERIFY(spool);
    // The value twice with a row between, so overflow offsets beyond the first are exercised too.
    spoolQuery(
        **spool,
        (QByteArray("SELECT ") + sql + ", 1 UNION ALL SELECT 'short', 2 UNION ALL SELECT " + sql + ", 3").constData());
    auto rows = (*spool)->rows(0, 3);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 3);
    for (int r : {0, 2}) {
        const ResultCell& cell = rows->at(r).at(0);
        QCOMPARE(int(cell.type), type);
        QVERIFY(cell.isTruncated());
        QCOMPARE(cell.size, size);
        // The preview is small whatever the value's size.
        if (cell.type == ResultCell::Type::Text)
            QVERIFY(cell.value.toString().toUtf8().size() <= ResultSpool::kTextPreviewBytes);
        else
            QCOMPARE(cell.value.toByteArray().size(), ResultSpool::kBlobPreviewBytes);
        auto full = (*spool)->fullValue(cell);
        QVERIFY(full);
        const QByteArray bytes = cell.type == ResultCell::Type::Text ? full->toString().toUtf8() : full->toByteArray();
        QCOMPARE(bytes.size(), size);
        QVERIFY(bytes.startsWith(cell.type == ResultCell::Type::Text ? cell.value.toString().toUtf8()
                                                                     : cell.value.toByteArray()));
        QCOMPARE(rows->at(r).at(1).value.toLongLong(), r + 1);
    }
    QCOMPARE(rows->at(1).at(0).value.toString(), QStringLiteral("short"));
}

void TestResultSpool::readsAnyPageInAnyOrder()
{
    auto spool = ResultSpool::create({QStringLiteral("n"), QStringLiteral("label")});
    QVERIFY(spool);
    spoolQuery(**spool, "WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 99999) "
                        "SELECT n, 'row ' || n FROM c");
    QCOMPARE((*spool)->rowCount(), 100000);
    for (qint64 first : {99990LL, 0LL, 255LL, 256LL, 51234LL, 1000LL}) {
        auto rows = (*spool)->rows(first, 300);
        QVERIFY(rows);
        QCOMPARE(rows->size(), qMin<qint64>(300, 100000 - first));
        for (qsizetype i = 0; i < rows->size(); ++i) {
            QCOMPARE(rows->at(i).at(0).value.toLongLong(), first + i);
            QCOMPARE(rows->at(i).at(1).value.toString(), QStringLiteral("row %1").arg(first + i));
        }
    }
    auto none = (*spool)->rows(100000, 10);
    QVERIFY(none);
    QVERIFY(none->isEmpty());
}

void TestResultSpool::readersSeeOnlyPublishedRowsWhileWriting()
{
    auto created = ResultSpool::create({QStringLiteral("n")});
    QVERIFY(created);
    std::shared_ptr<ResultSpool> spool = *created;
    const qint64 total = 200000;
    std::atomic_bool done{false};
    QThread* writer = QThread::create([spool, &done] {
        for (qint64 n = 0; n < total; ++n) {
            if (!spool->appendValues({QVariant(qlonglong(n))}))
                break;
            if (n % 1000 == 999)
                (void)spool->publish();
        }
        (void)spool->publish();
        done = true;
    });
    writer->start();
    // Read the newest published rows again and again while the writer goes on.
    int checks = 0;
    while (!done || checks == 0) {
        const qint64 count = spool->rowCount();
        if (count > 0) {
            const qint64 first = qMax<qint64>(0, count - 700);
            auto rows = spool->rows(first, 700);
            QVERIFY(rows);
            QCOMPARE(rows->size(), count - first);
            for (qsizetype i = 0; i < rows->size(); ++i)
                QCOMPARE(rows->at(i).at(0).value.toLongLong(), first + i);
            ++checks;
        }
    }
    writer->wait();
    delete writer;
    QCOMPARE(spool->rowCount(), total);
    QVERIFY(checks > 0);
}

QTEST_GUILESS_MAIN(TestResultSpool)
#include "tst_resultspool.moc"
