#include "query/ResultModel.h"
#include "query/ResultSpool.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace quarry;

class TestResultModel : public QObject {
    Q_OBJECT

private slots:
    void growsAsRowsArePublished();
    void keepsABoundedNumberOfPagesWhileScrollingAMillionRows();
    void showsValuesByTypeAndGivesFullValuesOnDemand();

private:
    std::shared_ptr<ResultSpool> spoolOf(qint64 rows);
};

std::shared_ptr<ResultSpool> TestResultModel::spoolOf(qint64 rows)
{
    auto spool = ResultSpool::create({QStringLiteral("n"), QStringLiteral("label")});
    if (!spool)
        return nullptr;
    for (qint64 i = 0; i < rows; ++i)
        (void)(*spool)->appendValues({qlonglong(i), QStringLiteral("row %1").arg(i)});
    (void)(*spool)->publish();
    return *spool;
}

void TestResultModel::growsAsRowsArePublished()
{
    auto created = ResultSpool::create({QStringLiteral("n")});
    QVERIFY(created);
    std::shared_ptr<ResultSpool> spool = *created;
    ResultModel model(spool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 1);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("n"));

    // A short last page is read, then read again once the writer has filled it.
    for (int i = 0; i < 100; ++i)
        QVERIFY(spool->appendValues({qlonglong(i)}));
    QVERIFY(spool->publish());
    model.setAvailableRows(spool->rowCount());
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(99, 0).data().toString(), QStringLiteral("99"));
    for (int i = 100; i < 1000; ++i)
        QVERIFY(spool->appendValues({qlonglong(i)}));
    QVERIFY(spool->publish());
    model.setAvailableRows(spool->rowCount());
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.index(200, 0).data().toString(), QStringLiteral("200"));
    QCOMPARE(model.index(999, 0).data().toString(), QStringLiteral("999"));
    QCOMPARE(inserted.size(), 2);
    // Never shrinks.
    model.setAvailableRows(10);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.headerData(9, Qt::Vertical).toInt(), 10);
}

void TestResultModel::keepsABoundedNumberOfPagesWhileScrollingAMillionRows()
{
    const auto spool = spoolOf(1000000);
    QVERIFY(spool);
    ResultModel model(spool);
    model.setAvailableRows(spool->rowCount());
    QCOMPARE(model.rowCount(), 1000000);
    // Jump around like a scroll bar dragged end to end, and back.
    for (int row = 0; row < 1000000; row += 7919) {
        QCOMPARE(model.index(row, 1).data().toString(), QStringLiteral("row %1").arg(row));
        QVERIFY(model.cachedPages() <= ResultModel::kCachedPages);
    }
    QCOMPARE(model.index(999999, 0).data().toString(), QStringLiteral("999999"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.cachedPages(), ResultModel::kCachedPages);
}

void TestResultModel::showsValuesByTypeAndGivesFullValuesOnDemand()
{
    auto created = ResultSpool::create({QStringLiteral("i"), QStringLiteral("r"), QStringLiteral("t"),
                                        QStringLiteral("b"), QStringLiteral("n"), QStringLiteral("long")});
    QVERIFY(created);
    std::shared_ptr<ResultSpool> spool = *created;
    const QString longText = QString(100000, u'x') + QStringLiteral("end");
    QVERIFY(spool->appendValues(
        {qlonglong(42), 2.0, QStringLiteral("two\nlines"), QByteArray(5000, '\x01'), QVariant(), longText}));
    QVERIFY(spool->publish());
    ResultModel model(spool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAvailableRows(1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("42"));
    QCOMPARE(model.index(0, 0).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("2.0"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("two lines"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("BLOB (4.9 KiB)"));
    QCOMPARE(model.index(0, 4).data().toString(), QStringLiteral("NULL"));
    QVERIFY(model.index(0, 4).data(Qt::FontRole).value<QFont>().italic());
    // The grid holds a short preview; the full value comes from disk when asked.
    QVERIFY(model.index(0, 5).data().toString().size() < 1100);
    QCOMPARE(model.index(0, 5).data(ResultModel::FullValueRole).toString(), longText);
    QCOMPARE(model.index(0, 3).data(ResultModel::FullValueRole).toByteArray(), QByteArray(5000, '\x01'));
    QVERIFY(model.index(0, 5).data(Qt::ToolTipRole).toString().contains(QStringLiteral("KiB")));
}

QTEST_MAIN(TestResultModel)
#include "tst_resultmodel.moc"
