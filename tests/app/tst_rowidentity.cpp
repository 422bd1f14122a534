// Every edit hits exactly one row: WITHOUT ROWID tables with composite primary keys are browsed in every order,
// edited, deleted from and read by the value reader through their whole key; views, virtual tables, their
// shadow tables and SQLite's own tables are read-only and say why.
#include "AwkwardValues.h"
#include "TestFiles.h"
#include "database/Connection.h"
#include "database/SqlValue.h"
#include "models/DatabaseSession.h"
#include "models/RowIdentity.h"
#include "models/RowLoader.h"
#include "models/TableModel.h"
#include "models/ValueReader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstring>

using namespace quarry;
using namespace quarry::test;

namespace {

// 6,000 rows keyed by (a, b): a repeats, b repeats across a, and neither alone names a row. Some keys are awkward:
// a text that is not UTF-8, negative and huge integers, a REAL, and texts that differ only in case.
const auto kSchema = QStringLiteral(
    "CREATE TABLE kv (a TEXT, b, v TEXT, w BLOB, PRIMARY KEY (a, b)) WITHOUT ROWID;"
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 5999) "
    "INSERT INTO kv SELECT 'k' || (i % 7), i / 7, CASE WHEN i % 13 = 0 THEN NULL ELSE 'v' || (i % 101) END, "
    "x'00ff' FROM n;"
    "INSERT INTO kv VALUES (CAST(x'ff00fe' AS TEXT), -9223372036854775808, 'not utf-8', NULL), "
    "('K0', 0, 'upper case', NULL), ('k0', 0.5, 'real key', NULL), ('k0', 9223372036854775807, 'huge', NULL);");
constexpr int kRows = 6004;

// A value as exactRows() writes a cell: storage class, then the integer, a REAL's bits, or the bytes in hex.
QString exactText(const QVariant& value)
{
    switch (SqlValue::storageClass(value)) {
    case SqlValue::StorageClass::Null:
        return QStringLiteral("null:");
    case SqlValue::StorageClass::Integer:
        return QStringLiteral("integer:%1").arg(value.toLongLong());
    case SqlValue::StorageClass::Real: {
        const double real = value.toDouble();
        quint64 bits = 0;
        std::memcpy(&bits, &real, sizeof bits);
        return QStringLiteral("real:%1").arg(bits, 16, 16, QLatin1Char('0'));
    }
    case SqlValue::StorageClass::Text:
        return QStringLiteral("text:") + QString::fromLatin1(SqlValue::bytes(value).toHex());
    case SqlValue::StorageClass::Blob:
        return QStringLiteral("blob:") + QString::fromLatin1(SqlValue::bytes(value).toHex());
    }
    return {};
}

} // namespace

class TestRowIdentity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { m_session.reset(); }
    void browsesACompositeKeyInEveryOrder_data();
    void browsesACompositeKeyInEveryOrder();
    void editsAndDeletesAddressTheWholeKey();
    void readsAWholeValueByItsWholeKey();
    void aColumnNamedRowidNeverNamesTheRow();
    void compositeForeignKeysDoNotRepeatRows();
    void readsTheLastRowsOfAViewInItsOrder();
    void readOnlyTablesSayWhy_data();
    void readOnlyTablesSayWhy();

private:
    std::unique_ptr<TableModel> open(const QString& file, const QString& table);
    static bool waitForRows(TableModel& model);
    static QVariant valueAt(TableModel& model, int row, int column);

    QTemporaryDir m_dir;
    std::unique_ptr<DatabaseSession> m_session;
};

void TestRowIdentity::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<TableModel> TestRowIdentity::open(const QString& file, const QString& table)
{
    m_session.reset();
    auto session = DatabaseSession::open(file, false);
    if (!session)
        return {};
    m_session = std::move(*session);
    auto model = m_session->createModel(table);
    return model ? std::move(*model) : nullptr;
}

bool TestRowIdentity::waitForRows(TableModel& model)
{
    return QTest::qWaitFor([&] { return !model.isLoading() && model.isCountExact(); }, 10000);
}

QVariant TestRowIdentity::valueAt(TableModel& model, int row, int column)
{
    const QModelIndex index = model.index(row, column);
    (void)QTest::qWaitFor([&] { return !(model.data(index, TableModel::StateRole).toInt() & TableModel::Loading); },
                          10000);
    return model.data(index, Qt::EditRole);
}

void TestRowIdentity::browsesACompositeKeyInEveryOrder_data()
{
    QTest::addColumn<QString>("column"); // empty: the key's order
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("filter"); // on v
    QTest::addColumn<QString>("sql");    // the same rows in SQL, in the same order
    QTest::newRow("the key's order") << QString() << int(Qt::AscendingOrder) << QString()
                                     << QStringLiteral("SELECT a, b FROM kv ORDER BY a, b");
    QTest::newRow("by v, with NULLs and ties") << QStringLiteral("v") << int(Qt::AscendingOrder) << QString()
                                               << QStringLiteral("SELECT a, b FROM kv ORDER BY v, a, b");
    QTest::newRow("by v, descending") << QStringLiteral("v") << int(Qt::DescendingOrder) << QString()
                                      << QStringLiteral("SELECT a, b FROM kv ORDER BY v DESC, a DESC, b DESC");
    QTest::newRow("by b, filtered") << QStringLiteral("b") << int(Qt::AscendingOrder) << QStringLiteral("v1")
                                    << QStringLiteral("SELECT a, b FROM kv WHERE v LIKE '%v1%' ORDER BY b, a, b");
}

void TestRowIdentity::browsesACompositeKeyInEveryOrder()
{
    QFETCH(QString, column);
    QFETCH(int, order);
    QFETCH(QString, filter);
    QFETCH(QString, sql);
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema));
    auto model = open(file, QStringLiteral("kv"));
    QVERIFY(model);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model->isEditable());
    BrowseRequest request;
    if (!column.isEmpty()) {
        request.sortColumn = model->modelColumn(column);
        request.sortOrder = Qt::SortOrder(order);
    }
    if (!filter.isEmpty())
        request.columnFilters.insert(model->modelColumn(QStringLiteral("v")), filter);
    model->setRequest(request);
    QVERIFY(waitForRows(*model));
    const QStringList expected = exactRows(file, sql);
    QCOMPARE(model->rowCount(), int(expected.size()));
    QVERIFY(expected.size() > RowLoader::KeyStride);

    // Rows deep in the table are read through key-set seeks on the whole key (the key index is built by now).
    QVERIFY(QTest::qWaitFor([&] { return model->isCountExact(); }, 5000));
    QTest::qWait(200);
    const int a = model->modelColumn(QStringLiteral("a"));
    const int b = model->modelColumn(QStringLiteral("b"));
    const int last = int(expected.size()) - 1;
    QSignalSpy located(model.get(), &TableModel::located);
    for (const int row : {0, 1, 600, last / 2 + 3, last - 300, last}) {
        const QVariant shownA = valueAt(*model, row, a);
        const QVariant identity = model->data(model->index(row, a), TableModel::IdentityRole);
        QVERIFY2(identity.typeId() == QMetaType::QVariantList, qPrintable(QString::number(row)));
        const QVariantList key = identity.toList();
        QCOMPARE(key.size(), 2);
        QCOMPARE(SqlValue::identical(key.at(0), shownA), true);
        QCOMPARE(SqlValue::identical(key.at(1), valueAt(*model, row, b)), true);
        // The same key as SQLite's row at that place, type and bytes exact.
        QCOMPARE(exactText(key.at(0)) + QLatin1Char('|') + exactText(key.at(1)), expected.at(row));
        // And the loader finds the row where it shows it.
        model->locate(identity);
        QVERIFY(located.wait(5000) || !located.isEmpty());
        QCOMPARE(located.takeFirst().at(1).toLongLong(), qlonglong(row));
    }
}

void TestRowIdentity::editsAndDeletesAddressTheWholeKey()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema));
    const QString dump = QStringLiteral("SELECT a, b, v, w FROM kv ORDER BY a, b");
    const QStringList before = exactRows(file, dump);
    auto model = open(file, QStringLiteral("kv"));
    QVERIFY(model);
    QVERIFY(waitForRows(*model));
    QCOMPARE(model->rowCount(), kRows);
    const int v = model->modelColumn(QStringLiteral("v"));
    // In key order: 'K0' 0, 'k0' 0, 'k0' 0.5, 'k0' 1, ..., 'k0' 9223372036854775807, 'k1' 0, ..., and last the
    // key that is not UTF-8. Edit rows whose keys share one part with others; delete 'k0' 0.
    const int huge = TestFiles::querySql(file, QStringLiteral("SELECT count(*) FROM kv WHERE a < 'k0' OR (a = 'k0' "
                                                              "AND b < 9223372036854775807)"))
                         .toInt();
    QVERIFY(before.at(huge).startsWith(QStringLiteral("text:6b30|integer:9223372036854775807|")));
    QVERIFY(before.at(kRows - 1).startsWith(QStringLiteral("text:ff00fe|integer:-9223372036854775808|")));
    QVERIFY(before.at(2).startsWith(QStringLiteral("text:6b30|real:")));
    const QList<int> edited{0, 2, huge, kRows - 1};
    for (const int row : edited) {
        (void)valueAt(*model, row, v); // loaded first: a row not yet read cannot be edited
        QVERIFY(model->setData(model->index(row, v), QStringLiteral("edited %1").arg(row)));
    }
    QVERIFY(model->removeRows(1, 1));
    // Undo and redo keep the whole key too.
    m_session->pending().undo();
    m_session->pending().redo();
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_session->write(&failure), qPrintable(failure.message));

    QStringList after = exactRows(file, dump);
    QCOMPARE(after.size(), before.size() - 1);
    QStringList expected = before;
    auto withV = [](const QString& row, const QString& text) {
        QStringList cells = row.split(QLatin1Char('|'));
        cells[2] = QStringLiteral("text:") + QString::fromLatin1(text.toUtf8().toHex());
        return cells.join(QLatin1Char('|'));
    };
    for (const int row : edited)
        expected[row] = withV(expected.at(row), QStringLiteral("edited %1").arg(row));
    expected.removeAt(1);
    QCOMPARE(after, expected);
}

void TestRowIdentity::readsAWholeValueByItsWholeKey()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(
        TestFiles::execSql(file, kSchema + QStringLiteral("UPDATE kv SET w = CAST(zeroblob(100000) || x'ab' AS BLOB) "
                                                          "WHERE a = 'k3' AND b = 5;")));
    auto model = open(file, QStringLiteral("kv"));
    QVERIFY(model);
    QVERIFY(waitForRows(*model));
    const int row =
        TestFiles::querySql(file, QStringLiteral("SELECT count(*) FROM kv WHERE (a, b) < ('k3', 5)")).toInt();
    const int w = model->modelColumn(QStringLiteral("w"));
    QVERIFY(valueAt(*model, row, w).metaType() == QMetaType::fromType<CutValue>());
    const CellAddress cell = CellAddress::of(model->table(), QStringLiteral("w"),
                                             model->data(model->index(row, w), TableModel::IdentityRole));
    QCOMPARE(cell.identityColumns, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    sqlite3* db = Connection::handleOf(m_session->database());
    const CellRead read = ValueReader::readCell(db, cell, 1 << 20);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QVERIFY(read.complete);
    QCOMPARE(read.bytes, 100001);
    QCOMPARE(read.value.toByteArray().right(1), QByteArray("\xab"));
}

void TestRowIdentity::aColumnNamedRowidNeverNamesTheRow()
{
    // A column called rowid hides the rowid, quoted or not: edits and deletes go by oid instead, and a WITHOUT
    // ROWID table with such a column is named by its primary key.
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(
        file, QStringLiteral("CREATE TABLE s (rowid TEXT, v TEXT); INSERT INTO s VALUES ('a', 'one'), ('a', 'two'), "
                             "('b', 'three');"
                             "CREATE TABLE w (rowid TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;"
                             "INSERT INTO w VALUES ('x', 'one'), ('y', 'two');"
                             "CREATE TABLE hidden (rowid, oid, _rowid_); INSERT INTO hidden VALUES (1, 2, 3);")));
    auto s = open(file, QStringLiteral("s"));
    QVERIFY(s);
    QVERIFY(waitForRows(*s));
    QCOMPARE(s->table().rowidName, QStringLiteral("oid"));
    const int v = s->modelColumn(QStringLiteral("v"));
    (void)valueAt(*s, 1, v);
    QVERIFY(s->setData(s->index(1, v), QStringLiteral("edited")));
    QVERIFY(s->removeRows(2, 1));
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_session->write(&failure), qPrintable(failure.message));
    QCOMPARE(
        TestFiles::dumpRows(file, QStringLiteral("SELECT oid, rowid, v FROM s ORDER BY oid")),
        (QStringList{QStringLiteral("integer:1|text:a|text:one"), QStringLiteral("integer:2|text:a|text:edited")}));

    auto w = open(file, QStringLiteral("w"));
    QVERIFY(w);
    QVERIFY(waitForRows(*w));
    QVERIFY(!w->table().hasRowid);
    (void)valueAt(*w, 0, 1);
    QVERIFY(w->setData(w->index(0, w->modelColumn(QStringLiteral("v"))), QStringLiteral("edited")));
    QVERIFY2(m_session->write(&failure), qPrintable(failure.message));
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT rowid, v FROM w ORDER BY rowid")),
             (QStringList{QStringLiteral("text:x|text:edited"), QStringLiteral("text:y|text:two")}));

    auto hidden = open(file, QStringLiteral("hidden"));
    QVERIFY(hidden);
    QVERIFY(!hidden->isEditable());
    QVERIFY(hidden->table().readOnlyReason.contains(QStringLiteral("hide the rowid")));
}

void TestRowIdentity::compositeForeignKeysDoNotRepeatRows()
{
    // A key of two columns is no single-column relation: joining on each column alone repeated the child row
    // once per parent matching either column.
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(
        TestFiles::execSql(file, QStringLiteral("CREATE TABLE p (a TEXT, b INTEGER, name TEXT, PRIMARY KEY (a, b));"
                                                "INSERT INTO p VALUES ('k', 1, 'k1'), ('k', 2, 'k2'), ('j', 1, 'j1');"
                                                "CREATE TABLE c (id INTEGER PRIMARY KEY, x TEXT, y INTEGER, "
                                                "FOREIGN KEY (x, y) REFERENCES p (a, b));"
                                                "INSERT INTO c VALUES (1, 'k', 1);")));
    auto c = open(file, QStringLiteral("c"));
    QVERIFY(c);
    QVERIFY(waitForRows(*c));
    QCOMPARE(c->rowCount(), 1);
    QVERIFY(c->table().foreignKeys.isEmpty());
    QCOMPARE(valueAt(*c, 0, c->modelColumn(QStringLiteral("x"))).toString(), QStringLiteral("k"));
}

void TestRowIdentity::readsTheLastRowsOfAViewInItsOrder()
{
    // A view has no identity to order by: its last rows are read forwards, not as a reversed first page.
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema + QStringLiteral("CREATE VIEW values_of AS SELECT a, b, v FROM kv;")));
    auto view = open(file, QStringLiteral("values_of"));
    QVERIFY(view);
    QVERIFY(waitForRows(*view));
    QCOMPARE(view->rowCount(), kRows);
    const QStringList expected = exactRows(file, QStringLiteral("SELECT a, b FROM values_of"));
    for (const int row : {kRows - 1, kRows - 2, kRows / 2 + 5}) {
        const QString shown = exactText(valueAt(*view, row, 0)) + QLatin1Char('|') + exactText(valueAt(*view, row, 1));
        QCOMPARE(shown, expected.at(row));
    }
}

void TestRowIdentity::readOnlyTablesSayWhy_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("reason"); // a part of the reason shown
    QTest::newRow("view") << QStringLiteral("titles") << QStringLiteral("a view");
    QTest::newRow("FTS5 virtual table") << QStringLiteral("notes") << QStringLiteral("a virtual table (fts5)");
    QTest::newRow("its shadow table") << QStringLiteral("notes_data")
                                      << QStringLiteral("where the virtual table notes keeps its data");
    QTest::newRow("R*Tree virtual table") << QStringLiteral("boxes") << QStringLiteral("a virtual table (rtree)");
    QTest::newRow("SQLite's own table") << QStringLiteral("sqlite_sequence") << QStringLiteral("SQLite's own");
    QTest::newRow("a plain table is editable") << QStringLiteral("items") << QString();
}

void TestRowIdentity::readOnlyTablesSayWhy()
{
    QFETCH(QString, table);
    QFETCH(QString, reason);
    const QString file = m_dir.filePath(QStringLiteral("readonly.db"));
    if (!QFile::exists(file))
        QVERIFY(TestFiles::execSql(
            file, QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT);"
                                 "INSERT INTO items (title) VALUES ('one'), ('two');"
                                 "CREATE VIEW titles AS SELECT title FROM items;"
                                 "CREATE VIRTUAL TABLE notes USING fts5(body);"
                                 "INSERT INTO notes (body) VALUES ('full text');"
                                 "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1);"
                                 "INSERT INTO boxes VALUES (1, 0, 1);")));
    const QStringList before = exactRows(file, QStringLiteral("SELECT name, sql FROM sqlite_schema ORDER BY name"));
    auto model = open(file, table);
    QVERIFY(model);
    QVERIFY(waitForRows(*model));
    QVERIFY(model->rowCount() > 0);
    if (reason.isEmpty()) {
        QVERIFY(model->isEditable());
        QVERIFY(model->table().readOnlyReason.isEmpty());
        return;
    }
    QVERIFY2(model->table().readOnlyReason.contains(reason), qPrintable(model->table().readOnlyReason));
    QVERIFY(!model->isEditable());
    QVERIFY(!(model->flags(model->index(0, 0)) & Qt::ItemIsEditable));
    QVERIFY(!model->setData(model->index(0, 0), QStringLiteral("changed")));
    QVERIFY(!model->insertRows(model->rowCount(), 1));
    QVERIFY(!model->removeRows(0, 1));
    QVERIFY(m_session->pending().isEmpty());
    QCOMPARE(exactRows(file, QStringLiteral("SELECT name, sql FROM sqlite_schema ORDER BY name")), before);
}

QTEST_GUILESS_MAIN(TestRowIdentity)
#include "tst_rowidentity.moc"
