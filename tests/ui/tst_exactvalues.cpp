// Every value survives the grid's editors exactly: a seeded property test over more than 10,000 values of every
// storage class, written with the C API, loaded through the browse model, each cell's real editor opened and
// accepted, the changes written, and every cell's typeof() and bytes (a REAL's bits) compared with the file's.
#include "AwkwardValues.h"
#include "TestFiles.h"
#include "WindowTestSupport.h"
#include "browser/CellDelegate.h"
#include "browser/CellEditor.h"
#include "browser/TableBrowser.h"
#include "database/SqlValue.h"
#include "models/DatabaseSession.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace quarry;
using namespace quarry::test;

namespace {

const QStringList kColumns = {QStringLiteral("i"), QStringLiteral("r"), QStringLiteral("n"),
                              QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("x")};
const auto kSchema = QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, n NUMERIC, s TEXT, "
                                    "b BLOB, x)");
const auto kDump = QStringLiteral("SELECT id, i, r, n, s, b, x FROM t ORDER BY id");
constexpr quint32 kSeed = 20261208;
constexpr int kRandomRows = 1700;

// Writes rows with the C API, each value bound as itself (SQLite applies the column's affinity).
bool insertRows(const QString& path, const QList<QList<AwkwardValue>>& rows)
{
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
              sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_stmt* insert = nullptr;
    ok = ok && sqlite3_prepare_v2(db, "INSERT INTO t (i, r, n, s, b, x) VALUES (?, ?, ?, ?, ?, ?)", -1, &insert,
                                  nullptr) == SQLITE_OK;
    for (const QList<AwkwardValue>& row : rows) {
        for (int c = 0; ok && c < row.size(); ++c)
            ok = row.at(c).bind(insert, c + 1) == SQLITE_OK;
        ok = ok && sqlite3_step(insert) == SQLITE_DONE && sqlite3_reset(insert) == SQLITE_OK;
    }
    sqlite3_finalize(insert);
    ok = ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// Binds a value the way the test's own reference write does: straight to the C API, not through Quarry.
AwkwardValue referenceOf(const QVariant& value)
{
    AwkwardValue out;
    switch (SqlValue::storageClass(value)) {
    case SqlValue::StorageClass::Null:
        break;
    case SqlValue::StorageClass::Integer:
        out.type = AwkwardValue::Type::Integer;
        out.integer = value.toLongLong();
        break;
    case SqlValue::StorageClass::Real:
        out.type = AwkwardValue::Type::Real;
        out.real = value.toDouble();
        break;
    case SqlValue::StorageClass::Text:
        out.type = AwkwardValue::Type::Text;
        out.bytes = value.metaType() == QMetaType::fromType<TextBytes>() ? value.value<TextBytes>().bytes
                                                                         : value.toString().toUtf8();
        break;
    case SqlValue::StorageClass::Blob:
        out.type = AwkwardValue::Type::Blob;
        out.bytes = value.toByteArray();
        break;
    }
    return out;
}

QVariant variantOf(const AwkwardValue& value)
{
    switch (value.type) {
    case AwkwardValue::Type::Null:
        return {};
    case AwkwardValue::Type::Integer:
        return QVariant(qlonglong(value.integer));
    case AwkwardValue::Type::Real:
        return QVariant(value.real);
    case AwkwardValue::Type::Text:
        return SqlValue::fromText(value.bytes.constData(), value.bytes.size());
    case AwkwardValue::Type::Blob:
        return QVariant(value.bytes);
    }
    return {};
}

bool updateReference(const QString& path, qint64 id, const QString& column, const AwkwardValue& value)
{
    sqlite3* db = nullptr;
    sqlite3_stmt* update = nullptr;
    const QByteArray sql = QStringLiteral("UPDATE t SET %1 = ? WHERE id = ?").arg(column).toUtf8();
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK &&
              sqlite3_prepare_v2(db, sql.constData(), -1, &update, nullptr) == SQLITE_OK &&
              value.bind(update, 1) == SQLITE_OK && sqlite3_bind_int64(update, 2, id) == SQLITE_OK &&
              sqlite3_step(update) == SQLITE_DONE;
    sqlite3_finalize(update);
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestExactValues : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void acceptingEveryEditorUnchangedWritesNothing();
    void aChangedCellIsStoredAsShownAndNothingElseChanges();
    void showsWhatTheColumnWillStoreBeforeTheWrite_data();
    void showsWhatTheColumnWillStoreBeforeTheWrite();
    void opensNoLineEditorForValuesALineCannotHold();
    void showsBlobsAndCutValuesBySize();
    void editsHitExactlyOneRowWhateverItsRowid();

private:
    QString makeFile(QList<QList<AwkwardValue>>* rows);
    TableBrowser* open(const QString& file);
    // Opens the real editor of a cell (F2's path); returns the line editor, or null when the cell asked for
    // the value editor instead.
    CellEditor* openEditor(TableBrowser* browser, const QModelIndex& index);
    // Presses Return in the editor, as a person accepts an edit, and waits until the view has closed it (the
    // delegate commits it on the next turn of the event loop).
    bool accept(TableBrowser* browser, const QModelIndex& index, CellEditor* editor);
    bool loadRow(TableModel* model, int row);

    QTemporaryDir m_dir;
    BrowserFixture m_fixture;
};

void TestExactValues::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestExactValues::cleanup()
{
    m_fixture.close();
}

QString TestExactValues::makeFile(QList<QList<AwkwardValue>>* rows)
{
    const QString path = TestFiles::currentTestPath(m_dir);
    if (!TestFiles::execSql(path, kSchema))
        return {};
    QRandomGenerator random(kSeed);
    for (const AwkwardValue& edge : AwkwardValue::edgeCases())
        rows->append(QList<AwkwardValue>(kColumns.size(), edge));
    for (int r = 0; r < kRandomRows; ++r) {
        QList<AwkwardValue> row;
        for (int c = 0; c < kColumns.size(); ++c)
            row << AwkwardValue::random(random);
        rows->append(row);
    }
    return insertRows(path, *rows) ? path : QString();
}

TableBrowser* TestExactValues::open(const QString& file)
{
    return m_fixture.open(file, QStringLiteral("t"), QSize(1000, 600));
}

bool TestExactValues::loadRow(TableModel* model, int row)
{
    return QTest::qWaitFor(
        [&] { return !(model->data(model->index(row, 0), TableModel::StateRole).toInt() & TableModel::Loading); },
        5000);
}

CellEditor* TestExactValues::openEditor(TableBrowser* browser, const QModelIndex& index)
{
    QTableView* view = browser->view();
    view->setCurrentIndex(index);
    view->edit(index);
    return qobject_cast<CellEditor*>(view->indexWidget(index));
}

bool TestExactValues::accept(TableBrowser* browser, const QModelIndex& index, CellEditor* editor)
{
    QTest::keyClick(editor, Qt::Key_Return);
    // Without qWaitFor's pauses: ten thousand cells are accepted in this test.
    for (int turn = 0; turn < 50 && browser->view()->indexWidget(index); ++turn)
        QCoreApplication::processEvents();
    return QTest::qWaitFor([&] { return browser->view()->indexWidget(index) == nullptr; }, 5000);
}

void TestExactValues::acceptingEveryEditorUnchangedWritesNothing()
{
    QList<QList<AwkwardValue>> rows;
    const QString file = makeFile(&rows);
    QVERIFY(!file.isEmpty());
    QString error;
    const QStringList before = exactRows(file, kDump, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(before.size(), rows.size());
    QVERIFY(rows.size() * kColumns.size() >= 10'000);

    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    QTRY_COMPARE(model->rowCount(), int(rows.size()));
    int inlineEdits = 0;
    int valueEditorCells = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        QVERIFY2(loadRow(model, row), qPrintable(QStringLiteral("row %1 never loaded").arg(row)));
        for (const QString& column : kColumns) {
            const QModelIndex index = model->index(row, model->modelColumn(column));
            if (CellEditor* editor = openEditor(browser, index)) {
                QVERIFY(accept(browser, index, editor));
                ++inlineEdits;
            } else {
                ++valueEditorCells;
            }
            QVERIFY2(m_fixture.session->pending().isEmpty(),
                     qPrintable(QStringLiteral("row %1, column %2: accepting the editor unchanged made an edit (%3)")
                                    .arg(row)
                                    .arg(column, rows.at(row).at(kColumns.indexOf(column)).describe())));
        }
    }
    QVERIFY(inlineEdits > 5000);
    QVERIFY(valueEditorCells > 1000);
    DatabaseSession::WriteFailure failure;
    const auto written = m_fixture.session->write(&failure);
    QVERIFY2(written, qPrintable(failure.message));
    QCOMPARE(exactRows(file, kDump), before);
}

void TestExactValues::aChangedCellIsStoredAsShownAndNothingElseChanges()
{
    QList<QList<AwkwardValue>> rows;
    const QString file = makeFile(&rows);
    QVERIFY(!file.isEmpty());
    const QString reference = m_dir.filePath(QStringLiteral("reference.db"));
    QFile::remove(reference);
    QVERIFY(QFile::copy(file, reference));

    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    QTRY_COMPARE(model->rowCount(), int(rows.size()));
    QRandomGenerator random(kSeed + 1);
    int typed = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        QVERIFY(loadRow(model, row));
        const QString column = kColumns.at(random.bounded(int(kColumns.size())));
        const QModelIndex index = model->index(row, model->modelColumn(column));
        const qint64 id = model->data(index, TableModel::IdentityRole).toLongLong();
        const AwkwardValue value = AwkwardValue::random(random);
        const QVariant asVariant = variantOf(value);
        QVariant bound;
        if (CellEditor* editor = openEditor(browser, index); editor && CellEditor::editsInline(asVariant)) {
            // Typed as a person types it: the text the editor would show for that value.
            const QVariant original = model->data(index, Qt::EditRole);
            const QString text = CellEditor::editText(asVariant);
            editor->setText(text);
            QVERIFY(accept(browser, index, editor));
            bound = text == CellEditor::editText(original) ? original : CellEditor::typedValue(text, original);
            ++typed;
        } else {
            if (editor) {
                QTest::keyClick(editor, Qt::Key_Escape);
                QTRY_VERIFY(browser->view()->indexWidget(index) == nullptr);
            }
            QVERIFY(model->setData(index, asVariant)); // the value editor's path
            bound = asVariant;
        }
        QVERIFY(updateReference(reference, id, column, referenceOf(bound)));
        // What the cell shows as pending is what SQLite stores.
        const QStringList stored =
            exactRows(reference, QStringLiteral("SELECT %1 FROM t WHERE id = %2").arg(column).arg(id));
        const QVariant pending = model->data(index, Qt::EditRole);
        QString shownAs;
        {
            const QString probe = m_dir.filePath(QStringLiteral("probe.db"));
            QFile::remove(probe);
            QVERIFY(TestFiles::execSql(probe, QStringLiteral("CREATE TABLE p (v BLOB)")));
            sqlite3* db = nullptr;
            sqlite3_stmt* insert = nullptr;
            QCOMPARE(sqlite3_open(probe.toUtf8().constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_prepare_v2(db, "INSERT INTO p VALUES (?)", -1, &insert, nullptr), SQLITE_OK);
            QCOMPARE(referenceOf(pending).bind(insert, 1), SQLITE_OK);
            QCOMPARE(sqlite3_step(insert), SQLITE_DONE);
            sqlite3_finalize(insert);
            sqlite3_close(db);
            shownAs = exactRows(probe, QStringLiteral("SELECT v FROM p")).value(0);
        }
        QVERIFY2(shownAs == stored.value(0), qPrintable(QStringLiteral("row %1, column %2: shown %3, stored %4 (%5)")
                                                            .arg(row)
                                                            .arg(column, shownAs, stored.value(0), value.describe())));
    }
    QVERIFY(typed > 300);
    DatabaseSession::WriteFailure failure;
    const auto written = m_fixture.session->write(&failure);
    QVERIFY2(written, qPrintable(failure.message));
    const QStringList actual = exactRows(file, kDump);
    const QStringList expected = exactRows(reference, kDump);
    QCOMPARE(actual.size(), expected.size());
    for (int r = 0; r < actual.size(); ++r)
        QCOMPARE(actual.at(r), expected.at(r));
}

void TestExactValues::showsWhatTheColumnWillStoreBeforeTheWrite_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("stored");
    QTest::newRow("00601 into INTEGER") << "i"
                                        << "00601"
                                        << "integer:601";
    QTest::newRow("00601 into TEXT") << "s"
                                     << "00601"
                                     << "text:3030363031";
    QTest::newRow("00601 into a column without type") << "x"
                                                      << "00601"
                                                      << "text:3030363031";
    QTest::newRow("1e5 into INTEGER") << "i"
                                      << "1e5"
                                      << "integer:100000";
    QTest::newRow("3 into REAL") << "r"
                                 << "3"
                                 << "real:4008000000000000";
    QTest::newRow("0x1F into INTEGER stays text") << "i"
                                                  << "0x1F"
                                                  << "text:30783146";
    QTest::newRow("int64 max") << "i"
                               << "9223372036854775807"
                               << "integer:9223372036854775807";
    QTest::newRow("int64 min") << "i"
                               << "-9223372036854775808"
                               << "integer:-9223372036854775808";
    QTest::newRow("past int64 becomes REAL") << "n"
                                             << "9223372036854775808"
                                             << "real:43e0000000000000";
    QTest::newRow("17 digits") << "r"
                               << "3.1415926535897931"
                               << "real:400921fb54442d18";
    // A REAL column stores a whole number as an integer on disk: SQLite itself keeps -0.0 only without affinity.
    QTest::newRow("-0.0 into REAL") << "r"
                                    << "-0.0"
                                    << "real:0000000000000000";
    QTest::newRow("-0.0 without affinity") << "x"
                                           << "-0.0"
                                           << "text:2d302e30";
    QTest::newRow("empty text is not NULL") << "s"
                                            << ""
                                            << "text:";
}

void TestExactValues::showsWhatTheColumnWillStoreBeforeTheWrite()
{
    QFETCH(QString, column);
    QFETCH(QString, typed);
    QFETCH(QString, stored);
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema + QStringLiteral("; INSERT INTO t (id, s) VALUES (1, 'x');")));
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    const QModelIndex index = model->index(0, model->modelColumn(column));
    CellEditor* editor = openEditor(browser, index);
    QVERIFY(editor);
    editor->setText(typed.isEmpty() ? QStringLiteral("z") : typed);
    if (typed.isEmpty())
        editor->clear();
    QVERIFY(accept(browser, index, editor));
    if (column == QStringLiteral("s") && typed.isEmpty()) {
        // 'x' cleared: an empty text, written as '' and not as NULL.
        QVERIFY(!model->data(index, Qt::EditRole).isNull());
    }
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(exactRows(file, QStringLiteral("SELECT %1 FROM t").arg(column)), QStringList{stored});
}

void TestExactValues::opensNoLineEditorForValuesALineCannotHold()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(
        file, kSchema + QStringLiteral("; INSERT INTO t (id, s, b) VALUES (1, 'two' || char(10) || 'lines', x'00ff10'),"
                                       " (2, printf('%.70000c', 'a'), zeroblob(50000));")));
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    auto* delegate = qobject_cast<CellDelegate*>(browser->view()->itemDelegate());
    QVERIFY(delegate);
    QSignalSpy requested(delegate, &CellDelegate::valueEditorRequested);
    for (int row = 0; row < 2; ++row) {
        for (const QString& column : {QStringLiteral("s"), QStringLiteral("b")}) {
            const QModelIndex index = model->index(row, model->modelColumn(column));
            QVERIFY2(!openEditor(browser, index), qPrintable(QStringLiteral("%1 of row %2").arg(column).arg(row + 1)));
            QCOMPARE(requested.size(), row * 2 + (column == QStringLiteral("s") ? 1 : 2));
            QCOMPARE(requested.last().at(0).toModelIndex(), index);
        }
    }
    QVERIFY(m_fixture.session->pending().isEmpty());
}

void TestExactValues::showsBlobsAndCutValuesBySize()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(
        file, kSchema + QStringLiteral(
                            "; INSERT INTO t (id, r, s, b, x) VALUES (1, 3.14159265358979, 'x', x'00ff10', 1e308),"
                            " (2, 2.5, printf('%.70000c', 'a'), zeroblob(50000), -0.0), (3, 3, 'y', x'', 5e-324);")));
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    auto shown = [&](int row, const QString& column) {
        return model->data(model->index(row, model->modelColumn(column)), Qt::DisplayRole).toString();
    };
    QCOMPARE(shown(0, QStringLiteral("r")), QStringLiteral("3.14159265358979"));
    QCOMPARE(shown(1, QStringLiteral("r")), QStringLiteral("2.5"));
    QCOMPARE(shown(0, QStringLiteral("x")), QStringLiteral("1e+308"));
    QCOMPARE(shown(1, QStringLiteral("x")), QStringLiteral("-0.0"));
    QCOMPARE(shown(2, QStringLiteral("x")), QStringLiteral("5e-324"));
    QCOMPARE(shown(2, QStringLiteral("r")), QStringLiteral("3.0"));
    QCOMPARE(shown(0, QStringLiteral("b")), QStringLiteral("BLOB, 3 bytes: 00 ff 10"));
    QCOMPARE(shown(1, QStringLiteral("b")), QStringLiteral("BLOB, 48.8 KiB: 00 00 00 00 00 00 00 00 \u2026"));
    QCOMPARE(shown(2, QStringLiteral("b")), QStringLiteral("BLOB (empty)"));
    QVERIFY(shown(1, QStringLiteral("s")).endsWith(QStringLiteral("\u2026 (68.4 KiB)")));
    // The grid holds the long text's head, never all of it.
    const QVariant cut = model->data(model->index(1, model->modelColumn(QStringLiteral("s"))), Qt::EditRole);
    QCOMPARE(cut.metaType(), QMetaType::fromType<CutValue>());
    QCOMPARE(cut.value<CutValue>().bytes, 70000);
    QVERIFY(cut.value<CutValue>().head.size() <= 1024);
    QCOMPARE(model->data(model->index(1, model->modelColumn(QStringLiteral("s"))), Qt::ToolTipRole).toString(),
             QStringLiteral("A text of 68.4 KiB; the grid shows its start, the value editor (Ctrl+Shift+E) all of it"));
}

void TestExactValues::editsHitExactlyOneRowWhateverItsRowid()
{
    // Rows inserted here and not yet written are numbered -1, -2, …: stored rows with those rowids (and 0) must
    // never be taken for them.
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, kSchema + QStringLiteral("; INSERT INTO t (id, s) VALUES (-2, 'minus two'), "
                                                              "(-1, 'minus one'), (0, 'zero'), (1, 'one');")));
    TableBrowser* browser = open(file);
    QVERIFY(browser);
    TableModel* model = browser->model();
    QTRY_COMPARE(model->rowCount(), 4);
    const int s = model->modelColumn(QStringLiteral("s"));
    QVERIFY(model->insertRows(model->rowCount(), 2));
    QCOMPARE(model->rowCount(), 6);
    QVERIFY(model->setData(model->index(4, s), QStringLiteral("new first")));
    QVERIFY(model->setData(model->index(5, s), QStringLiteral("new second")));
    QVERIFY(model->setData(model->index(1, s), QStringLiteral("minus one, edited")));
    QVERIFY(model->setData(model->index(2, s), QStringLiteral("zero, edited")));
    QCOMPARE(model->data(model->index(0, s)).toString(), QStringLiteral("minus two"));
    QCOMPARE(model->data(model->index(4, s)).toString(), QStringLiteral("new first"));
    QCOMPARE(model->rowOfIdentity(QVariant(qlonglong(-1))), 1);
    QVERIFY(model->removeRows(0, 1)); // deletes stored row -2, not the first new row
    QCOMPARE(model->rowCount(), 6);
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT id, s FROM t ORDER BY id")),
             (QStringList{QStringLiteral("integer:-1|text:minus one, edited"),
                          QStringLiteral("integer:0|text:zero, edited"), QStringLiteral("integer:1|text:one"),
                          QStringLiteral("integer:2|text:new first"), QStringLiteral("integer:3|text:new second")}));
}

QTEST_MAIN(TestExactValues)
#include "tst_exactvalues.moc"
