// The history writer records statements on a thread of its own: adding never waits on the history file, the
// entries are written in order, and they survive the writer (a restart of Quarry).
#include "query/HistoryStore.h"
#include "query/HistoryWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace quarry;

class TestHistoryWriter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void writesInOrderAndSurvivesARestart_data();
    void writesInOrderAndSurvivesARestart();
    void syncFollowsTheWrites();
    void addingNeverWaitsForALockedFile();

private:
    HistoryEntry entry(const QString& sql) const;
    QList<HistoryEntry> readBack() const;

    QTemporaryDir m_dir;
    QString m_database;
    QString m_storePath;
    int m_stores = 0;
};

void TestHistoryWriter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("blog.db"));
    QVERIFY(QFile(m_database).open(QIODevice::WriteOnly));
}

void TestHistoryWriter::init()
{
    m_storePath = m_dir.filePath(QStringLiteral("store-%1/history.sqlite").arg(++m_stores));
}

HistoryEntry TestHistoryWriter::entry(const QString& sql) const
{
    HistoryEntry e;
    e.database = m_database;
    e.sql = sql;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.durationMs = 3;
    e.detail = QStringLiteral("1 row");
    return e;
}

QList<HistoryEntry> TestHistoryWriter::readBack() const
{
    auto store = HistoryStore::open(m_storePath);
    if (!store)
        return {};
    auto entries = (*store)->entries(m_database, {}, 100000);
    return entries ? *entries : QList<HistoryEntry>();
}

void TestHistoryWriter::writesInOrderAndSurvivesARestart_data()
{
    QTest::addColumn<int>("statements");
    QTest::newRow("one") << 1;
    QTest::newRow("a script's worth") << 250;
}

void TestHistoryWriter::writesInOrderAndSurvivesARestart()
{
    QFETCH(int, statements);
    {
        HistoryWriter writer(m_storePath);
        for (int i = 0; i < statements; ++i)
            writer.add(entry(QStringLiteral("SELECT %1").arg(i)));
    } // Quarry quits: what was queued is written before the writer goes.
    const QList<HistoryEntry> entries = readBack();
    QCOMPARE(entries.size(), statements);
    for (int i = 0; i < statements; ++i) // newest first
        QCOMPARE(entries.at(i).sql, QStringLiteral("SELECT %1").arg(statements - 1 - i));
}

void TestHistoryWriter::syncFollowsTheWrites()
{
    HistoryWriter writer(m_storePath);
    QSignalSpy synced(&writer, &HistoryWriter::synced);
    writer.add(entry(QStringLiteral("SELECT 'first'")));
    writer.add(entry(QStringLiteral("SELECT 'second'")));
    writer.sync();
    QVERIFY(synced.wait(5000));
    QCOMPARE(synced.size(), 1);
    const QList<HistoryEntry> entries = readBack();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).sql, QStringLiteral("SELECT 'second'"));
}

// Another connection holds the history file's write lock: add() and sync() come back at once, and the
// entry is written once the lock is gone.
void TestHistoryWriter::addingNeverWaitsForALockedFile()
{
    QVERIFY(HistoryStore::open(m_storePath)); // creates the file (in WAL mode)
    sqlite3* locker = nullptr;
    QCOMPARE(sqlite3_open_v2(QFile::encodeName(m_storePath).constData(), &locker, SQLITE_OPEN_READWRITE, nullptr),
             SQLITE_OK);
    auto closeLocker = qScopeGuard([&] { sqlite3_close(locker); });
    QCOMPARE(sqlite3_exec(locker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

    HistoryWriter writer(m_storePath);
    QSignalSpy synced(&writer, &HistoryWriter::synced);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i)
        writer.add(entry(QStringLiteral("SELECT %1").arg(i)));
    writer.sync();
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    QTest::qWait(300);
    QVERIFY(synced.isEmpty()); // still waiting for the lock, off this thread

    QCOMPARE(sqlite3_exec(locker, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    QVERIFY(synced.wait(5000));
    QCOMPARE(readBack().size(), 20);
}

QTEST_MAIN(TestHistoryWriter)
#include "tst_historywriter.moc"
