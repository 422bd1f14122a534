// Tables bigger than the grid can address: the model shows a window of the table and the browser scrolls it
// over the whole length. Real tables have tens of millions of rows; here the window is made small (1,000 rows
// over 5,000) so that every path that moves it runs in a moment.
#include "TestFiles.h"
#include "WindowTestSupport.h"
#include "blog/DemoDatabase.h"
#include "browser/TableBrowser.h"
#include "models/DatabaseSession.h"
#include "models/PendingChanges.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

using namespace quarry;
using namespace quarry::test;

namespace {

constexpr int kRows = 5000;
constexpr int kWindow = 1000;

enum class Layout {
    Dense,      // rowids 1..N: pages are found by rowid arithmetic
    Gaps,       // rowids 3, 6, 9...: pages are found through the key index
    LabelsDown, // sorted by a text column, descending: key-index seeks on the sort key
};

} // namespace

Q_DECLARE_METATYPE(Layout)

class TestBigTable : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void showsAWindowAndAScrollBarOverTheWholeTable_data();
    void showsAWindowAndAScrollBarOverTheWholeTable();
    void theRowBarReachesEveryPart_data();
    void theRowBarReachesEveryPart();
    void pagingDownWithTheKeysCrossesEveryWindowEdge();
    void ctrlEndAndCtrlHomeReachTheTablesEnds();
    void goToRowShowsAnyRow();
    void theCurrentCellStaysOnItsRowWhenTheWindowMoves();
    void pendingEditsSurviveTheWindowMovingAway();
    void smallTablesKeepTheGridsOwnScrollBar();

private:
    TableBrowser* open(const QString& file, const QString& table, Layout layout = Layout::Dense);
    qint64 expectedId(qint64 stored) const;
    // The id shown in model row `row`, once loaded.
    qint64 idAt(int row) const;
    qint64 currentStoredRow() const;
    qint64 topStoredRow() const;

    QTemporaryDir m_dir;
    QString m_dense;
    QString m_gaps;
    Layout m_layout = Layout::Dense;
    BrowserFixture m_fixture;
};

void TestBigTable::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_dense = m_dir.filePath(QStringLiteral("dense.db"));
    m_gaps = m_dir.filePath(QStringLiteral("gaps.db"));
    const QString schema = QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL);"
                                          "CREATE INDEX ix_items_label ON items(label);");
    QVERIFY(TestFiles::execSql(m_dense, schema + QStringLiteral(R"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO items (id, label) SELECT i, printf('item %06d', i) FROM n;)sql")
                                                     .arg(kRows)));
    QVERIFY(TestFiles::execSql(m_gaps, schema + QStringLiteral(R"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO items (id, label) SELECT 3 * i, printf('item %06d', 3 * i) FROM n;)sql")
                                                    .arg(kRows)));
}

void TestBigTable::cleanup()
{
    m_fixture.close();
}

TableBrowser* TestBigTable::open(const QString& file, const QString& table, Layout layout)
{
    m_layout = layout;
    TableBrowser* browser = m_fixture.open(file, table, QSize(900, 600), [&](TableModel* model) {
        if (table == QStringLiteral("items"))
            model->setWindowLimit(kWindow);
    });
    if (!browser || layout != Layout::LabelsDown)
        return browser;
    TableModel* model = browser->model();
    model->sort(model->modelColumn(QStringLiteral("label")), Qt::DescendingOrder);
    return waitForRows(model) ? browser : nullptr;
}

qint64 TestBigTable::expectedId(qint64 stored) const
{
    switch (m_layout) {
    case Layout::Dense:
        return stored + 1;
    case Layout::Gaps:
        return 3 * (stored + 1);
    case Layout::LabelsDown:
        return kRows - stored;
    }
    return -1;
}

qint64 TestBigTable::idAt(int row) const
{
    const TableModel* model = m_fixture.browser->model();
    return cellData(model, row, model->modelColumn(QStringLiteral("id")), Qt::EditRole).toLongLong();
}

qint64 TestBigTable::currentStoredRow() const
{
    return m_fixture.browser->model()->storedRowOf(m_fixture.browser->view()->currentIndex().row());
}

qint64 TestBigTable::topStoredRow() const
{
    // Scrolling by item, the grid's scroll value is its top row; at the very end the last row sits at the
    // bottom and the row above the scroll value may peek in at the top.
    return m_fixture.browser->model()->storedRowOf(m_fixture.browser->view()->verticalScrollBar()->value());
}

void TestBigTable::showsAWindowAndAScrollBarOverTheWholeTable_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::newRow("dense rowids") << Layout::Dense;
    QTest::newRow("rowids with gaps") << Layout::Gaps;
    QTest::newRow("sorted by label, descending") << Layout::LabelsDown;
}

void TestBigTable::showsAWindowAndAScrollBarOverTheWholeTable()
{
    QFETCH(Layout, layout);
    TableBrowser* browser = open(layout == Layout::Gaps ? m_gaps : m_dense, QStringLiteral("items"), layout);
    QVERIFY(browser);
    TableModel* model = browser->model();
    QCOMPARE(model->storedRowCount(), qint64(kRows));
    QVERIFY(model->isWindowed());
    QCOMPARE(model->rowCount(), kWindow);
    QCOMPARE(model->windowStart(), qint64(0));
    QVERIFY(browser->rowBar()->isVisible());
    QCOMPARE(browser->view()->verticalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    const int visible = browser->view()->viewport()->height() / browser->view()->verticalHeader()->defaultSectionSize();
    QCOMPARE(browser->rowBar()->maximum(), kRows - visible);
    QCOMPARE(idAt(0), expectedId(0));
    // The row numbers are the table's, wherever the window is.
    model->setWindowStart(2000);
    QCOMPARE(model->headerData(0, Qt::Vertical).toLongLong(), 2001);
    QCOMPARE(idAt(0), expectedId(2000));
    QCOMPARE(idAt(kWindow - 1), expectedId(2000 + kWindow - 1));
}

void TestBigTable::theRowBarReachesEveryPart_data()
{
    showsAWindowAndAScrollBarOverTheWholeTable_data();
}

void TestBigTable::theRowBarReachesEveryPart()
{
    QFETCH(Layout, layout);
    TableBrowser* browser = open(layout == Layout::Gaps ? m_gaps : m_dense, QStringLiteral("items"), layout);
    QVERIFY(browser);
    QScrollBar* bar = browser->rowBar();
    // Dragging the bar anywhere shows that part of the table at the top of the grid.
    for (const int position : {2500, 4100, 150, bar->maximum(), 999, 1000, 0, 3333}) {
        bar->setValue(position);
        QCOMPARE(topStoredRow(), qint64(position));
        QCOMPARE(idAt(browser->view()->verticalScrollBar()->value()), expectedId(position));
    }
    // At the end, the table's last row is the grid's last row, at the bottom.
    bar->setValue(bar->maximum());
    const TableModel* model = browser->model();
    QCOMPARE(model->storedRowOf(model->rowCount() - 1), qint64(kRows - 1));
    QCOMPARE(browser->view()->rowAt(browser->view()->viewport()->height() - 1), model->rowCount() - 1);
    QCOMPARE(idAt(model->rowCount() - 1), expectedId(kRows - 1));
}

void TestBigTable::pagingDownWithTheKeysCrossesEveryWindowEdge()
{
    TableBrowser* browser = open(m_gaps, QStringLiteral("items"), Layout::Gaps);
    QVERIFY(browser);
    QTableView* view = browser->view();
    view->setFocus();
    view->setCurrentIndex(browser->model()->index(0, 1));
    qint64 previous = 0;
    int presses = 0;
    while (currentStoredRow() < kRows - 1 && presses < 2000) {
        QTest::keyClick(view, Qt::Key_PageDown);
        ++presses;
        const qint64 now = currentStoredRow();
        QVERIFY2(now > previous, qPrintable(QStringLiteral("stuck at row %1 after %2 presses").arg(now).arg(presses)));
        previous = now;
        // The bar follows the grid.
        QCOMPARE(qint64(browser->rowBar()->value()), topStoredRow());
        if (presses % 25 == 0)
            QCOMPARE(idAt(view->currentIndex().row()), expectedId(now));
    }
    QCOMPARE(currentStoredRow(), qint64(kRows - 1));
    QCOMPARE(idAt(view->currentIndex().row()), expectedId(kRows - 1));
    QVERIFY(browser->model()->windowStart() > 0);
}

void TestBigTable::ctrlEndAndCtrlHomeReachTheTablesEnds()
{
    TableBrowser* browser = open(m_dense, QStringLiteral("items"));
    QVERIFY(browser);
    QTableView* view = browser->view();
    view->setFocus();
    view->setCurrentIndex(browser->model()->index(0, 1));
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(currentStoredRow(), qint64(kRows - 1));
    QCOMPARE(idAt(view->currentIndex().row()), qint64(kRows));
    QCOMPARE(browser->rowBar()->value(), browser->rowBar()->maximum());
    QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(currentStoredRow(), qint64(0));
    QCOMPARE(idAt(view->currentIndex().row()), qint64(1));
    QCOMPARE(browser->rowBar()->value(), 0);
    // Shift extends the selection to the table's end: the window's rows from the first to the last.
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(currentStoredRow(), qint64(kRows - 1));
}

void TestBigTable::goToRowShowsAnyRow()
{
    TableBrowser* browser = open(m_gaps, QStringLiteral("items"), Layout::Gaps);
    QVERIFY(browser);
    // Go to Row puts the cursor in the field; typed digits with a group separator are read as one number.
    browser->focusGoToField();
    QVERIFY(browser->goToField()->hasFocus());
    QTest::keyClicks(browser->goToField(), QStringLiteral("3,210"));
    QTest::keyClick(browser->goToField(), Qt::Key_Return);
    QCOMPARE(currentStoredRow(), qint64(3209));
    QCOMPARE(idAt(browser->view()->currentIndex().row()), expectedId(3209));
    QVERIFY(browser->view()->hasFocus());
    const int row = browser->view()->currentIndex().row();
    QVERIFY(browser->view()->rowAt(0) <= row &&
            row <= browser->view()->rowAt(browser->view()->viewport()->height() - 1));
    QVERIFY(browser->goToProblem().isEmpty());
    // A number that is no row says so and moves nothing; one past the end goes to the last row and says why.
    for (const QString& typed : {QStringLiteral("0"), QStringLiteral(",")}) {
        browser->focusGoToField();
        QTest::keyClicks(browser->goToField(), typed);
        QTest::keyClick(browser->goToField(), Qt::Key_Return);
        QCOMPARE(currentStoredRow(), qint64(3209));
        QCOMPARE(browser->goToProblem(),
                 QStringLiteral("There is no row \u201c%1\u201d. Type a row number from 1 to %2.")
                     .arg(typed, QLocale().toString(kRows)));
        QCOMPARE(browser->goToField()->toolTip(), browser->goToProblem());
    }
    browser->focusGoToField();
    QTest::keyClicks(browser->goToField(), QStringLiteral("7000"));
    QTest::keyClick(browser->goToField(), Qt::Key_Return);
    QCOMPARE(currentStoredRow(), qint64(kRows - 1));
    QCOMPARE(browser->goToProblem(),
             QStringLiteral("The table has %1 rows: showing the last.").arg(QLocale().toString(kRows)));
    // Past the end: the last row.
    browser->goToRow(999'999);
    QCOMPARE(currentStoredRow(), qint64(kRows - 1));
    browser->goToRow(1);
    QCOMPARE(currentStoredRow(), qint64(0));
    QCOMPARE(browser->model()->windowStart(), qint64(0));
}

void TestBigTable::theCurrentCellStaysOnItsRowWhenTheWindowMoves()
{
    TableBrowser* browser = open(m_dense, QStringLiteral("items"));
    QVERIFY(browser);
    TableModel* model = browser->model();
    browser->goToRow(2000);
    QCOMPARE(currentStoredRow(), qint64(1999));
    const qint64 start = model->windowStart();
    model->setWindowStart(start + 100);
    QCOMPARE(model->windowStart(), start + 100);
    QCOMPARE(currentStoredRow(), qint64(1999));
    QCOMPARE(idAt(browser->view()->currentIndex().row()), qint64(2000));
    // A row that leaves the window leaves no current cell on a row it is not.
    model->setWindowStart(kRows);
    QVERIFY(!browser->view()->currentIndex().isValid() || currentStoredRow() == 1999);
}

void TestBigTable::pendingEditsSurviveTheWindowMovingAway()
{
    TableBrowser* browser = open(m_dense, QStringLiteral("items"));
    QVERIFY(browser);
    TableModel* model = browser->model();
    const int label = model->modelColumn(QStringLiteral("label"));
    QVERIFY(model->setData(model->index(10, label), QStringLiteral("edited near the top")));
    browser->goToLastRow();
    const int last = browser->view()->currentIndex().row();
    QCOMPARE(model->storedRowOf(last), qint64(kRows - 1));
    QCOMPARE(cellText(model, last, label), QStringLiteral("item %1").arg(kRows, 6, 10, QLatin1Char('0')));
    QVERIFY(model->setData(model->index(last, label), QStringLiteral("edited at the end")));
    browser->goToFirstRow();
    QCOMPARE(model->windowStart(), qint64(0));
    QCOMPARE(cellText(model, 10, label), QStringLiteral("edited near the top"));
    QVERIFY(cellState(model, 10, label) & TableModel::Edited);
    browser->goToRow(kRows);
    const int end = model->modelRowOf(kRows - 1);
    QCOMPARE(cellText(model, end, label), QStringLiteral("edited at the end"));
    QCOMPARE(m_fixture.session->pending().rowCount(), 2);
    // Nothing was written: the file still has its own labels.
    QCOMPARE(TestFiles::dumpRows(m_dense,
                                 QStringLiteral("SELECT label FROM items WHERE id IN (11, %1) ORDER BY id").arg(kRows)),
             (QStringList{QStringLiteral("text:item 000011"),
                          QStringLiteral("text:item %1").arg(kRows, 6, 10, QLatin1Char('0'))}));
}

void TestBigTable::smallTablesKeepTheGridsOwnScrollBar()
{
    const QString demo = m_dir.filePath(QStringLiteral("demo.db"));
    QVERIFY(DemoDatabase::create(demo, true));
    TableBrowser* browser = open(demo, QStringLiteral("posts"));
    QVERIFY(browser);
    QVERIFY(!browser->model()->isWindowed());
    QVERIFY(!browser->rowBar()->isVisible());
    QCOMPARE(browser->view()->verticalScrollBarPolicy(), Qt::ScrollBarAsNeeded);
    QCOMPARE(browser->model()->rowCount(), 4);
}

QTEST_MAIN(TestBigTable)
#include "tst_bigtable.moc"
