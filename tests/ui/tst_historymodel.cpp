#include "query/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace quarry;

class TestHistoryModel : public QObject {
    Q_OBJECT

private slots:
    void showsEntriesOnOneLineEach();
};

void TestHistoryModel::showsEntriesOnOneLineEach()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    HistoryEntry ok{1,
                    QStringLiteral("/tmp/a.db"),
                    QStringLiteral("SELECT *\n  FROM users"),
                    QDateTime::currentDateTimeUtc(),
                    1234,
                    HistoryEntry::Outcome::Ok,
                    QStringLiteral("3 rows")};
    HistoryEntry failed{
        2, QStringLiteral("/tmp/a.db"),  QStringLiteral("SELECT nope"),         QDateTime::currentDateTimeUtc(),
        1, HistoryEntry::Outcome::Error, QStringLiteral("no such column: nope")};
    HistoryEntry stopped{3,
                         QStringLiteral("/tmp/a.db"),
                         QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1) SELECT x FROM c"),
                         QDateTime::currentDateTimeUtc(),
                         9,
                         HistoryEntry::Outcome::Cancelled,
                         QStringLiteral("interrupted")};
    model.setEntries({ok, failed, stopped});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, HistoryModel::Sql).data().toString(), QStringLiteral("SELECT * FROM users"));
    QCOMPARE(model.index(0, HistoryModel::Sql).data(HistoryModel::SqlRole).toString(),
             QStringLiteral("SELECT *\n  FROM users"));
    QVERIFY(model.index(0, HistoryModel::Duration).data().toString().endsWith(QStringLiteral(" ms")));
    QCOMPARE(model.index(0, HistoryModel::Outcome).data().toString(), QStringLiteral("3 rows"));
    QCOMPARE(model.index(1, HistoryModel::Outcome).data().toString(), QStringLiteral("Error: no such column: nope"));
    QCOMPARE(model.index(2, HistoryModel::Outcome).data().toString(), QStringLiteral("Stopped"));
    QCOMPARE(model.headerData(HistoryModel::Sql, Qt::Horizontal).toString(), QStringLiteral("Statement"));
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
