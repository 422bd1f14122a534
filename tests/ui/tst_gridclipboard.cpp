// Copy and paste in the grid, on real files: copied SQL INSERT statements restore every awkward value exactly
// (long values read whole from the file), TSV, CSV and JSON carry the values as text, and a pasted TSV range
// becomes pending edits taken as typed, or is refused whole with where it does not fit.
#include "AwkwardValues.h"
#include "TestFiles.h"
#include "WindowTestSupport.h"
#include "browser/GridClipboard.h"
#include "browser/TableBrowser.h"
#include "models/DatabaseSession.h"

#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace quarry;
using namespace quarry::test;

namespace {
const auto kSchema = QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB, x)");
const auto kDump = QStringLiteral("SELECT id, i, r, s, b, x FROM t ORDER BY id");

bool insertValues(const QString& path, const QList<AwkwardValue>& values)
{
    sqlite3* db = nullptr;
    sqlite3_stmt* insert = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
              sqlite3_prepare_v2(db, "INSERT INTO t (i, r, s, b, x) VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr) ==
                  SQLITE_OK;
    for (const AwkwardValue& value : values) {
        for (int c = 1; ok && c <= 5; ++c)
            ok = value.bind(insert, c) == SQLITE_OK;
        ok = ok && sqlite3_step(insert) == SQLITE_DONE && sqlite3_reset(insert) == SQLITE_OK;
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return ok;
}
} // namespace

class TestGridClipboard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void copiedInsertStatementsRestoreEveryValueExactly();
    void copiesTextFormatsWithHeaders();
    void pastesARangeAsPendingEditsTakenAsTyped();
    void refusesAPasteThatDoesNotFitOrHitsAReadOnlyCell();

private:
    TableBrowser* open(const QString& file);
    void selectAll(TableBrowser* browser, int rows);

    QTemporaryDir m_dir;
    BrowserFixture m_fixture;
};

void TestGridClipboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestGridClipboard::cleanup()
{
    m_fixture.close();
}

TableBrowser* TestGridClipboard::open(const QString& file)
{
    return m_fixture.open(file, QStringLiteral("t"), QSize(900, 600));
}

void TestGridClipboard::selectAll(TableBrowser* browser, int rows)
{
    QTRY_COMPARE(browser->model()->rowCount(), rows);
    browser->view()->setFocus();
    browser->view()->selectAll();
}

void TestGridClipboard::copiedInsertStatementsRestoreEveryValueExactly()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema));
    const QList<AwkwardValue> values = AwkwardValue::edgeCases();
    QVERIFY(insertValues(file, values));
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    selectAll(browser, int(values.size()));
    const QString sql = browser->copySelection(browser->view(), GridClipboard::Format::SqlInsert, true);
    QCOMPARE(QApplication::clipboard()->text(), sql);
    QCOMPARE(sql.count(QStringLiteral("INSERT INTO \"t\"")), values.size());

    const QString restored = m_dir.filePath(QStringLiteral("restored.db"));
    QFile::remove(restored);
    QVERIFY(TestFiles::execSql(restored, kSchema));
    QString error;
    QVERIFY2(TestFiles::execSql(restored, sql, &error), qPrintable(error));
    QCOMPARE(exactRows(restored, kDump), exactRows(file, kDump));
}

void TestGridClipboard::copiesTextFormatsWithHeaders()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(
        TestFiles::execSql(file, kSchema + QStringLiteral("; INSERT INTO t VALUES (1, 7, 0.1, 'a\tb', x'00ff', NULL),"
                                                          " (2, -1, 1e308, '', NULL, 'plain');")));
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    selectAll(browser, 2);
    QCOMPARE(browser->copySelection(browser->view(), GridClipboard::Format::Tsv, true),
             QStringLiteral("id\ti\tr\ts\tb\tx\r\n1\t7\t0.1\t\"a\tb\"\tAP8=\t\r\n2\t-1\t1e+308\t\"\"\t\tplain\r\n"));
    QCOMPARE(browser->copySelection(browser->view(), GridClipboard::Format::Csv, true),
             QStringLiteral("id,i,r,s,b,x\r\n1,7,0.1,a\tb,AP8=,\r\n2,-1,1e+308,\"\",,plain\r\n"));
    const QString json = browser->copySelection(browser->view(), GridClipboard::Format::Json, true);
    QVERIFY2(json.contains(
                 QStringLiteral("{\"id\": 1, \"i\": 7, \"r\": 0.1, \"s\": \"a\\tb\", \"b\": \"AP8=\", \"x\": null}")),
             qPrintable(json));
    // One cell is its bare value.
    browser->view()->selectionModel()->select(browser->model()->index(1, 2), QItemSelectionModel::ClearAndSelect);
    QCOMPARE(browser->copySelection(browser->view(), GridClipboard::Format::Tsv, false), QStringLiteral("1e+308"));
}

void TestGridClipboard::pastesARangeAsPendingEditsTakenAsTyped()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema + QStringLiteral("; INSERT INTO t VALUES (1, 1, 1.5, 'one', x'01', 1.5),"
                                                              " (2, 2, 2.5, 'two', x'02', 'keep');")));
    const QStringList before = exactRows(file, kDump);
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    QTRY_COMPARE(model->rowCount(), 2);
    browser->view()->setCurrentIndex(model->index(0, model->modelColumn(QStringLiteral("i"))));
    // i, r, s, b is left out (two columns from i), x: row 1 changes i and s, keeps r as it is; row 2 as typed.
    QApplication::clipboard()->setText(
        QStringLiteral("00601\t1.5\t\"multi\nline\"\r\n9223372036854775807\t0.1\tkeep\r\n"));
    QVERIFY(browser->pasteClipboard());
    QCOMPARE(exactRows(file, kDump), before); // nothing written yet
    PendingChanges& pending = m_fixture.session->pending();
    QCOMPARE(pending.rowCount(), 2);
    pending.undo(); // one Undo takes the whole paste back, and one Redo brings it again
    QVERIFY(pending.isEmpty());
    QVERIFY(!pending.canUndo());
    pending.redo();
    QCOMPARE(pending.rowCount(), 2);
    QVERIFY(!pending.canRedo());
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    const QStringList after = exactRows(file, kDump);
    QCOMPARE(after.at(0), QStringLiteral("integer:1|integer:601|real:3ff8000000000000|text:") +
                              QString::fromLatin1(QByteArray("multi\nline").toHex()) +
                              QStringLiteral("|blob:01|real:3ff8000000000000"));
    QCOMPARE(after.at(1), QStringLiteral("integer:2|integer:9223372036854775807|real:3fb999999999999a|text:") +
                              QString::fromLatin1(QByteArray("keep").toHex()) + QStringLiteral("|blob:02|text:") +
                              QString::fromLatin1(QByteArray("keep").toHex()));
}

void TestGridClipboard::refusesAPasteThatDoesNotFitOrHitsAReadOnlyCell()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema + QStringLiteral("; INSERT INTO t VALUES (1, 1, 1.5, 'one', x'01', 1);")));
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    QTRY_COMPARE(model->rowCount(), 1);
    QSignalSpy problems(browser, &TableBrowser::problemFound);
    browser->view()->setCurrentIndex(model->index(0, model->modelColumn(QStringLiteral("b"))));
    QApplication::clipboard()->setText(QStringLiteral("1\t2\t3\n4\t5\t6\n"));
    QVERIFY(!browser->pasteClipboard());
    QCOMPARE(problems.last().at(0).toString(),
             QStringLiteral("The clipboard holds 2 × 3 cells; from row 1, column b there is room for 1 × 2."));
    browser->view()->setCurrentIndex(model->index(0, model->modelColumn(QStringLiteral("id"))));
    QApplication::clipboard()->setText(QStringLiteral("5\t6\n"));
    QVERIFY(!browser->pasteClipboard());
    QCOMPARE(problems.last().at(0).toString(),
             QStringLiteral("Row 1, column id cannot be edited here; nothing was pasted."));
    QVERIFY(m_fixture.session->pending().isEmpty());
}

QTEST_MAIN(TestGridClipboard)
#include "tst_gridclipboard.moc"
