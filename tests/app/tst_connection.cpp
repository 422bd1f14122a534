#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "database/Connection.h"
#include "database/SqlError.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace quarry;
using quarry::test::TestFiles;

class TestConnection : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void missingPathCreatesNothing_data();
    void missingPathCreatesNothing();
    void everyConnectionTurnsOnForeignKeysAndSafety();
    void readOnlyOpenRefusesWrites();
    void unwritableFileOpensReadOnlyAndSaysWhy();
    void nonDatabaseFilesAreRefusedAndLeftIdentical_data();
    void nonDatabaseFilesAreRefusedAndLeftIdentical();
    void truncatedDatabaseIsRefusedAndLeftIdentical();
    void createRefusesExistingFile();
    void oddPathsWork_data();
    void oddPathsWork();
    void connectionsAreNamedAndRemoved();
    void interruptStopsARunningStatement();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestConnection::missingPathCreatesNothing_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("read-write") << int(Connection::Mode::ReadWrite);
    QTest::newRow("read-only") << int(Connection::Mode::ReadOnly);
}

void TestConnection::missingPathCreatesNothing()
{
    QFETCH(int, mode);
    const QString missing = path(QStringLiteral("missing.db"));
    auto connection = Connection::open(missing, {Connection::Mode(mode), 1000, QStringLiteral("test")});
    QVERIFY(!connection);
    QCOMPARE(connection.error().kind, Error::Kind::NotFound);
    QVERIFY2(connection.error().message.contains(QStringLiteral("missing.db")), qPrintable(connection.error().message));
    QVERIFY(!QFile::exists(missing));
    QVERIFY(!QFile::exists(missing + QStringLiteral("-journal")));
}

void TestConnection::everyConnectionTurnsOnForeignKeysAndSafety()
{
    const QString file = path(QStringLiteral("blog.db"));
    QVERIFY(DemoDatabase::create(file, true));
    auto connection = Connection::open(file, {Connection::Mode::ReadWrite, 4321, QStringLiteral("test")});
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
    QVERIFY(!(*connection)->isReadOnly());
    QSqlQuery query((*connection)->database());
    const QList<QPair<QString, int>> expected{{QStringLiteral("PRAGMA foreign_keys"), 1},
                                              {QStringLiteral("PRAGMA trusted_schema"), 0},
                                              {QStringLiteral("PRAGMA busy_timeout"), 4321}};
    for (const auto& [pragma, value] : expected) {
        QVERIFY2(query.exec(pragma) && query.next(), qPrintable(pragma));
        QCOMPARE(query.value(0).toInt(), value);
    }
    // The lesson's own "foreign key constraint error" example must really fail here.
    QVERIFY(!query.exec(
        QStringLiteral("INSERT INTO posts (title, content, author_id) VALUES ('Test Post', 'Content', 999)")));
    const Error error = sqlError(query.lastError(), QString());
    QCOMPARE(error.sqliteCode, sqlite_code::ConstraintForeignKey);
    QCOMPARE(error.kind, Error::Kind::Constraint);
    QVERIFY(QSqlQuery((*connection)->database()).exec(QStringLiteral("SELECT 1")));
    QVERIFY((*connection)->handle() != nullptr);
}

void TestConnection::readOnlyOpenRefusesWrites()
{
    const QString file = path(QStringLiteral("ro.db"));
    QVERIFY(DemoDatabase::create(file, true));
    const QByteArray before = TestFiles::read(file);
    {
        auto connection = Connection::open(file, {Connection::Mode::ReadOnly, 1000, QStringLiteral("test")});
        QVERIFY(connection);
        QVERIFY((*connection)->isReadOnly());
        QVERIFY((*connection)->readOnlyReason().isEmpty());
        QSqlQuery query((*connection)->database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM users")) && query.next());
        QCOMPARE(query.value(0).toInt(), 3);
        QVERIFY(!query.exec(QStringLiteral("UPDATE users SET email = 'x@example.com' WHERE id = 1")));
        QCOMPARE(sqlError(query.lastError(), QString()).kind, Error::Kind::ReadOnly);
    }
    QCOMPARE(TestFiles::read(file), before);
}

void TestConnection::unwritableFileOpensReadOnlyAndSaysWhy()
{
    const QString file = path(QStringLiteral("locked.db"));
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    {
        auto connection = Connection::open(file);
        QVERIFY(connection);
        QVERIFY((*connection)->isReadOnly());
        QVERIFY2((*connection)->readOnlyReason().contains(QStringLiteral("locked.db")),
                 qPrintable((*connection)->readOnlyReason()));
        QSqlQuery query((*connection)->database());
        QVERIFY(!query.exec(QStringLiteral("DELETE FROM comments")));
    }
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
}

void TestConnection::nonDatabaseFilesAreRefusedAndLeftIdentical_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");

    QTest::newRow("png renamed .db") << QStringLiteral("picture.db") << TestFiles::pngBytes()
                                     << QStringLiteral("file is not a database");
    QByteArray encrypted(8192, '\0');
    for (int i = 0; i < encrypted.size(); ++i)
        encrypted[i] = char((i * 7919 + 13) % 251); // random-looking pages, as an encrypted file has
    QTest::newRow("encrypted") << QStringLiteral("secret.db") << encrypted << QStringLiteral("file is not a database");
    QTest::newRow("text") << QStringLiteral("notes.sqlite") << QByteArray("just some notes\n")
                          << QStringLiteral("file is not a database");
}

void TestConnection::nonDatabaseFilesAreRefusedAndLeftIdentical()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString file = path(name);
    QVERIFY(TestFiles::write(file, bytes));
    for (auto mode : {Connection::Mode::ReadWrite, Connection::Mode::ReadOnly}) {
        auto connection = Connection::open(file, {mode, 1000, QStringLiteral("test")});
        QVERIFY(!connection);
        QCOMPARE(connection.error().kind, Error::Kind::NotADatabase);
        QVERIFY2(connection.error().message.contains(name), qPrintable(connection.error().message));
        QVERIFY2(connection.error().message.contains(reason), qPrintable(connection.error().message));
        QCOMPARE(TestFiles::read(file), bytes);
    }
}

void TestConnection::truncatedDatabaseIsRefusedAndLeftIdentical()
{
    const QString file = path(QStringLiteral("cut.db"));
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(TestFiles::execSql(file, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                                    "WHERE i < 2000) INSERT INTO posts (title, content, author_id) "
                                                    "SELECT 'title ' || i, printf('%.500c', 'x'), 1 FROM n")));
    const QByteArray whole = TestFiles::read(file);
    QVERIFY(whole.size() > 100000);
    const QByteArray half = whole.left(whole.size() / 2);
    QVERIFY(TestFiles::write(file, half));
    for (auto mode : {Connection::Mode::ReadWrite, Connection::Mode::ReadOnly}) {
        auto connection = Connection::open(file, {mode, 1000, QStringLiteral("test")});
        QVERIFY(!connection);
        QCOMPARE(connection.error().kind, Error::Kind::NotADatabase);
        QVERIFY2(connection.error().message.contains(QStringLiteral("cut.db")), qPrintable(connection.error().message));
        QVERIFY2(connection.error().message.contains(QStringLiteral("malformed")),
                 qPrintable(connection.error().message));
        QCOMPARE(TestFiles::read(file), half);
    }
}

void TestConnection::createRefusesExistingFile()
{
    const QString file = path(QStringLiteral("exists.db"));
    QVERIFY(TestFiles::write(file, QByteArray("keep me")));
    auto connection = Connection::open(file, {Connection::Mode::Create, 1000, QStringLiteral("test")});
    QVERIFY(!connection);
    QVERIFY(connection.error().message.contains(QStringLiteral("already exists")));
    QCOMPARE(TestFiles::read(file), QByteArray("keep me"));
}

void TestConnection::oddPathsWork_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("spaces") << QStringLiteral("my blog.db");
    QTest::newRow("uri characters") << QStringLiteral("a?b#c%20d&mode=ro.db");
    QTest::newRow("non-ascii") << QStringLiteral("blög €uro ✓.db");
    QTest::newRow("quotes") << QStringLiteral("it's \"here\".db");
}

void TestConnection::oddPathsWork()
{
    QFETCH(QString, name);
    const QString file = path(name);
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(QFile::exists(file));
    auto connection = Connection::open(file);
    QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
    QVERIFY(!(*connection)->isReadOnly());
    QSqlQuery query((*connection)->database());
    QVERIFY(query.exec(QStringLiteral("UPDATE users SET email = 'new@example.com' WHERE username = 'alice'")));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE username = 'alice'")),
             QStringLiteral("new@example.com"));
    // Nothing was created beside it under a mangled name.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.db")}, QDir::Files).count(name), 1);
}

void TestConnection::connectionsAreNamedAndRemoved()
{
    const QString file = path(QStringLiteral("names.db"));
    QVERIFY(DemoDatabase::create(file, false));
    QString name;
    {
        auto first = Connection::open(file);
        auto second = Connection::open(file);
        QVERIFY(first && second);
        QVERIFY((*first)->connectionName() != (*second)->connectionName());
        name = (*first)->connectionName();
        QVERIFY(QSqlDatabase::contains(name));
    }
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestConnection::interruptStopsARunningStatement()
{
    const QString file = path(QStringLiteral("busy.db"));
    QVERIFY(DemoDatabase::create(file, false));
    auto connection = Connection::open(file);
    QVERIFY(connection);
    // An endless statement, interrupted from another thread as the query editor's Stop does.
    std::atomic<bool> started = false;
    QThread* stopper = QThread::create([&] {
        while (!started)
            QThread::msleep(1);
        QThread::msleep(50);
        (*connection)->interrupt();
    });
    stopper->start();
    QSqlQuery query((*connection)->database());
    started = true;
    QElapsedTimer timer;
    timer.start();
    const bool ran = query.exec(QStringLiteral(
                         "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")) &&
                     query.next();
    stopper->wait();
    delete stopper;
    QVERIFY(!ran);
    QCOMPARE(sqlError(query.lastError(), QString()).kind, Error::Kind::Cancelled);
    QVERIFY(timer.elapsed() < 10000);
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
