#include "stats/StatsTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace quarry;

namespace {

StatsResult activity()
{
    StatsResult result;
    result.panel = QStringLiteral("activity");
    result.columns = {QStringLiteral("username"), QStringLiteral("posts"), QStringLiteral("comments"),
                      QStringLiteral("total")};
    result.rows = {
        {QStringLiteral("eve"), 3LL, 4LL, 7LL},
        {QStringLiteral("(unknown author)"), 2LL, 1LL, 3LL},
        {QStringLiteral("ann"), 2LL, 1LL, 3LL},
        {QStringLiteral("Ben"), 1LL, 10LL, 11LL},
        {QStringLiteral("cat"), 0LL, 0LL, 0LL},
    };
    result.totalRows = result.rows.size();
    result.remainder = {0, 0, 0, 0};
    return result;
}

QStringList column(const StatsTableModel& model, int c)
{
    QStringList values;
    for (int r = 0; r < model.rowCount(); ++r)
        values << model.index(r, c).data().toString();
    return values;
}

} // namespace

class TestStatsTableModel : public QObject {
    Q_OBJECT

private slots:
    void showsTheResultAsATable();
    void alignsNumbersRight();
    void sortsNumbersAsNumbersAndKeepsTiesInOrder_data();
    void sortsNumbersAsNumbersAndKeepsTiesInOrder();
    void keepsPersistentIndexesAcrossSorts();
    void showsNullAsEmptyWithATooltip();
    void clears();
};

void TestStatsTableModel::showsTheResultAsATable()
{
    StatsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setResult(activity());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("username"));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("total"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("(unknown author)"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("7"));
    QCOMPARE(model.index(0, 3).data(Qt::EditRole), QVariant(7LL));
    QVERIFY(model.isComplete());
}

void TestStatsTableModel::alignsNumbersRight()
{
    StatsTableModel model;
    model.setResult(activity());
    const auto alignment = [&](int c) { return model.index(0, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>(); };
    QVERIFY(alignment(0) & Qt::AlignLeft);
    QVERIFY(alignment(1) & Qt::AlignRight);
    QVERIFY(alignment(3) & Qt::AlignRight);
}

void TestStatsTableModel::sortsNumbersAsNumbersAndKeepsTiesInOrder_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("users");
    // 11 after 7 (numbers, not text); ann and (unknown author) tie on 3 and keep their order.
    QTest::newRow("total descending") << 3 << Qt::DescendingOrder
                                      << QStringList{QStringLiteral("Ben"), QStringLiteral("eve"),
                                                     QStringLiteral("(unknown author)"), QStringLiteral("ann"),
                                                     QStringLiteral("cat")};
    QTest::newRow("total ascending") << 3 << Qt::AscendingOrder
                                     << QStringList{QStringLiteral("cat"), QStringLiteral("(unknown author)"),
                                                    QStringLiteral("ann"), QStringLiteral("eve"), QStringLiteral("Ben")};
    // Text by code point, as SQLite's BINARY collation orders it.
    QTest::newRow("username ascending") << 0 << Qt::AscendingOrder
                                        << QStringList{QStringLiteral("(unknown author)"), QStringLiteral("Ben"),
                                                       QStringLiteral("ann"), QStringLiteral("cat"),
                                                       QStringLiteral("eve")};
}

void TestStatsTableModel::sortsNumbersAsNumbersAndKeepsTiesInOrder()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, users);
    StatsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(activity());
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.sort(column, order);
    QCOMPARE(layout.size(), 1);
    QCOMPARE(::column(model, 0), users);
    QCOMPARE(model.rows().size(), 5);
}

void TestStatsTableModel::keepsPersistentIndexesAcrossSorts()
{
    StatsTableModel model;
    model.setResult(activity());
    const QPersistentModelIndex cat(model.index(4, 1));
    model.sort(3, Qt::AscendingOrder);
    QCOMPARE(cat.row(), 0);
    QCOMPARE(cat.column(), 1);
    QCOMPARE(model.index(cat.row(), 0).data().toString(), QStringLiteral("cat"));
}

void TestStatsTableModel::showsNullAsEmptyWithATooltip()
{
    StatsResult result;
    result.columns = {QStringLiteral("username"), QStringLiteral("email")};
    result.rows = {{QStringLiteral("(unknown author)"), QVariant()}, {QStringLiteral("amy"), QStringLiteral("a@x")}};
    result.totalRows = 2;
    StatsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(result);
    QCOMPARE(model.index(0, 1).data().toString(), QString());
    QCOMPARE(model.index(0, 1).data(Qt::ToolTipRole).toString(), QStringLiteral("NULL"));
    model.sort(1, Qt::AscendingOrder);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("(unknown author)")); // NULL first
}

void TestStatsTableModel::clears()
{
    StatsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(activity());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

QTEST_MAIN(TestStatsTableModel)
#include "tst_statstablemodel.moc"
