// The value editor on real files, offscreen: it follows the grid's current cell, picks its mode from the value
// (text, hex, image, JSON), reads a value too long for the grid from the file, edits in the storage class chosen,
// loads from and saves to files byte for byte, and never writes a value that was not changed.
#include "AwkwardValues.h"
#include "TestFiles.h"
#include "WindowTestSupport.h"
#include "browser/TableBrowser.h"
#include "database/SqlValue.h"
#include "models/DatabaseSession.h"
#include "value/HexView.h"
#include "value/ValueEditor.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

using namespace quarry;
using namespace quarry::test;

namespace {
const auto kSchema = QStringLiteral(
    "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, b BLOB, x);"
    "INSERT INTO t VALUES (1, 'plain', x'00ff10', 42),"
    " (2, '{\"b\": 1, \"a\": [1.50, true]}', NULL, 3.14159265358979),"
    " (3, printf('%.70000c', 'a') || 'END', zeroblob(17 * 1024 * 1024), 'two' || char(13, 10) || 'lines'),"
    " (4, CAST(x'fffe41' AS TEXT), NULL, NULL);");
const auto kDump = QStringLiteral("SELECT id, s, b, x FROM t ORDER BY id");
} // namespace

class TestValueEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void picksTheModeFromTheValue_data();
    void picksTheModeFromTheValue();
    void readsAValueTooLongForTheGridWhole();
    void applyingWithoutAnEditWritesNothing();
    void editsTextAndKeepsCrLfLineEnds();
    void editsBytesInHexAndSaysWhereTheHexIsWrong();
    void storesTheChosenStorageClass_data();
    void storesTheChosenStorageClass();
    void checksJsonAndLaysItOutWithoutReorderingKeys();
    void importsAndExportsByteForByte();
    void setsNull();
    void showsAnImageWithItsSize();

private:
    ValueEditor* openAt(int row, const QString& column);
    QModelIndex cell(int row, const QString& column) const;

    QTemporaryDir m_dir;
    QString m_file;
    BrowserFixture m_fixture;
    ScriptedDialogs m_dialogs;
    std::unique_ptr<ValueEditor> m_editor;
};

void TestValueEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestValueEditor::cleanup()
{
    m_editor.reset();
    m_fixture.close();
}

QModelIndex TestValueEditor::cell(int row, const QString& column) const
{
    TableModel* model = m_fixture.browser->model();
    return model->index(row, model->modelColumn(column));
}

ValueEditor* TestValueEditor::openAt(int row, const QString& column)
{
    if (!m_fixture.browser) {
        m_file = TestFiles::currentTestPath(m_dir);
        if (!TestFiles::execSql(m_file, kSchema) || !m_fixture.open(m_file, QStringLiteral("t"), QSize(900, 500)))
            return nullptr;
    }
    if (!m_editor) {
        m_editor = std::make_unique<ValueEditor>(m_file, m_dialogs);
        m_editor->resize(600, 400);
        m_editor->show();
    }
    m_editor->setCell(m_fixture.browser->model(), cell(row, column));
    if (!QTest::qWaitFor([&] { return m_editor->isLoaded(); }, 10000))
        return nullptr;
    return m_editor.get();
}

void TestValueEditor::picksTheModeFromTheValue_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("info");
    QTest::newRow("text") << 0 << "s" << int(ValueEditor::Mode::Text) << "text, 5 bytes";
    QTest::newRow("blob") << 0 << "b" << int(ValueEditor::Mode::Hex) << "blob, 3 bytes";
    QTest::newRow("integer") << 0 << "x" << int(ValueEditor::Mode::Text) << "integer";
    QTest::newRow("json") << 1 << "s" << int(ValueEditor::Mode::Json) << "text, 27 bytes";
    QTest::newRow("real") << 1 << "x" << int(ValueEditor::Mode::Text) << "real";
    QTest::newRow("not utf-8") << 3 << "s" << int(ValueEditor::Mode::Hex)
                               << "text, 3 bytes, not valid UTF-8 (shown as bytes)";
}

void TestValueEditor::picksTheModeFromTheValue()
{
    QFETCH(int, row);
    QFETCH(QString, column);
    QFETCH(int, mode);
    QFETCH(QString, info);
    ValueEditor* editor = openAt(row, column);
    QVERIFY(editor);
    QCOMPARE(int(editor->mode()), mode);
    QCOMPARE(editor->infoText(), info);
    if (row == 1 && column == QStringLiteral("x"))
        QCOMPARE(editor->textEditor()->toPlainText(), QStringLiteral("3.14159265358979"));
    if (row == 3)
        QCOMPARE(editor->hexView()->bytes().value(), QByteArray("\xff\xfe\x41"));
}

void TestValueEditor::readsAValueTooLongForTheGridWhole()
{
    ValueEditor* editor = openAt(2, QStringLiteral("s"));
    QVERIFY(editor);
    // The grid holds 1 KiB of it; the editor reads all 70,003 characters from the file.
    QCOMPARE(m_fixture.browser->model()->data(cell(2, QStringLiteral("s")), Qt::EditRole).metaType(),
             QMetaType::fromType<CutValue>());
    const QString text = editor->textEditor()->toPlainText();
    QCOMPARE(text.size(), 70003);
    QVERIFY(text.endsWith(QStringLiteral("aEND")));
    QCOMPARE(editor->infoText(), QStringLiteral("text, 68.4 KiB"));
    // Typing one character at the end keeps every other one.
    QTextCursor cursor = editor->textEditor()->textCursor();
    cursor.movePosition(QTextCursor::End);
    editor->textEditor()->setTextCursor(cursor);
    QTest::keyClicks(editor->textEditor(), QStringLiteral("!"));
    QVERIFY(editor->apply());
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(
        TestFiles::querySql(m_file, QStringLiteral("SELECT length(s) || ' ' || substr(s, -5) FROM t WHERE id = 3")),
        QStringLiteral("70004 aEND!"));
}

void TestValueEditor::applyingWithoutAnEditWritesNothing()
{
    QVERIFY(openAt(0, QStringLiteral("s")));
    const QString file = m_file;
    const QStringList before = exactRows(file, kDump);
    for (int row = 0; row < 4; ++row) {
        for (const QString& column : {QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("x")}) {
            ValueEditor* editor = openAt(row, column);
            QVERIFY(editor);
            for (int mode = 0; mode < 4; ++mode) {
                editor->setMode(ValueEditor::Mode(mode));
                QVERIFY(editor->apply());
            }
        }
    }
    m_editor->setCell(nullptr, {});
    QVERIFY(m_fixture.session->pending().isEmpty());
    QCOMPARE(exactRows(file, kDump), before);
}

void TestValueEditor::editsTextAndKeepsCrLfLineEnds()
{
    ValueEditor* editor = openAt(2, QStringLiteral("x"));
    QVERIFY(editor);
    QCOMPARE(editor->textEditor()->toPlainText(), QStringLiteral("two\nlines"));
    editor->textEditor()->selectAll();
    QTest::keyClicks(editor->textEditor(), QStringLiteral("three"));
    QTest::keyClick(editor->textEditor(), Qt::Key_Return);
    QTest::keyClicks(editor->textEditor(), QStringLiteral("lines"));
    // Moving to another cell applies the edit: nothing typed is lost.
    editor->setCell(m_fixture.browser->model(), cell(0, QStringLiteral("x")));
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(exactRows(m_file, QStringLiteral("SELECT x FROM t WHERE id = 3")),
             QStringList{QStringLiteral("text:") + QString::fromLatin1(QByteArray("three\r\nlines").toHex())});
}

void TestValueEditor::editsBytesInHexAndSaysWhereTheHexIsWrong()
{
    ValueEditor* editor = openAt(0, QStringLiteral("b"));
    QVERIFY(editor);
    QCOMPARE(editor->hexView()->editor()->toPlainText(), QStringLiteral("00 ff 10"));
    auto type = [&](const QString& text) {
        editor->hexView()->editor()->selectAll();
        QTest::keyClicks(editor->hexView()->editor(), text);
    };
    type(QStringLiteral("00 ff zz"));
    QVERIFY(!editor->apply());
    QCOMPARE(editor->problemText(), QStringLiteral("“z” at line 1, column 7 is not a hex digit."));
    type(QStringLiteral("00 ff 1"));
    QVERIFY(!editor->apply());
    QVERIFY(editor->problemText().contains(QStringLiteral("one hex digit")));
    type(QStringLiteral("00FF10 00 7f"));
    QVERIFY2(editor->apply(), qPrintable(editor->problemText()));
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(exactRows(m_file, QStringLiteral("SELECT b FROM t WHERE id = 1")),
             QStringList{QStringLiteral("blob:00ff10007f")});
}

void TestValueEditor::storesTheChosenStorageClass_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("storage");
    QTest::addColumn<QString>("stored");
    QTest::newRow("text") << "00601" << 0 << "text:3030363031";
    QTest::newRow("integer") << "00601" << 1 << "integer:601";
    QTest::newRow("real") << "0.1" << 2 << "real:3fb999999999999a";
    QTest::newRow("blob") << "ab" << 3 << "blob:6162";
    QTest::newRow("int64 min") << "-9223372036854775808" << 1 << "integer:-9223372036854775808";
}

void TestValueEditor::storesTheChosenStorageClass()
{
    QFETCH(QString, typed);
    QFETCH(int, storage);
    QFETCH(QString, stored);
    ValueEditor* editor = openAt(0, QStringLiteral("x")); // a column without affinity keeps what it is given
    QVERIFY(editor);
    editor->textEditor()->selectAll();
    QTest::keyClicks(editor->textEditor(), typed);
    editor->storageBox()->setCurrentIndex(storage);
    QVERIFY2(editor->apply(), qPrintable(editor->problemText()));
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(exactRows(m_file, QStringLiteral("SELECT x FROM t WHERE id = 1")), QStringList{stored});
}

void TestValueEditor::checksJsonAndLaysItOutWithoutReorderingKeys()
{
    ValueEditor* editor = openAt(1, QStringLiteral("s"));
    QVERIFY(editor);
    QCOMPARE(editor->mode(), ValueEditor::Mode::Json);
    QVERIFY(editor->problemText().isEmpty());
    editor->jsonEditor()->setPlainText(QStringLiteral("{\"b\": 1,\n \"a\": [1.50, tru]}"));
    QCOMPARE(editor->problemText(), QStringLiteral("Not valid JSON at line 2, column 18: illegal value."));
    editor->jsonEditor()->setPlainText(QStringLiteral("{\"b\": 1, \"a\": [1.50, true], \"e\": {}}"));
    QVERIFY(editor->problemText().isEmpty());
    const QList<QPushButton*> buttons = editor->findChildren<QPushButton*>();
    auto find = [&](const QString& text) {
        for (QPushButton* button : buttons)
            if (button->text() == text)
                return button;
        return static_cast<QPushButton*>(nullptr);
    };
    QVERIFY(find(QStringLiteral("Pretty")));
    find(QStringLiteral("Pretty"))->click();
    QCOMPARE(editor->jsonEditor()->toPlainText(),
             QStringLiteral("{\n  \"b\": 1,\n  \"a\": [\n    1.50,\n    true\n  ],\n  \"e\": {}\n}"));
    find(QStringLiteral("Compact"))->click();
    QCOMPARE(editor->jsonEditor()->toPlainText(), QStringLiteral("{\"b\":1,\"a\":[1.50,true],\"e\":{}}"));
}

void TestValueEditor::importsAndExportsByteForByte()
{
    ValueEditor* editor = openAt(0, QStringLiteral("b"));
    QVERIFY(editor);
    QByteArray bytes;
    for (int i = 0; i < 100000; ++i)
        bytes.append(char(i * 7));
    const QString in = m_dir.filePath(QStringLiteral("in.bin"));
    QVERIFY(TestFiles::write(in, bytes));
    QVERIFY2(editor->loadFromFile(in), qPrintable(editor->problemText()));
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(exactRows(m_file, QStringLiteral("SELECT b FROM t WHERE id = 1")),
             QStringList{QStringLiteral("blob:") + QString::fromLatin1(bytes.toHex())});

    // A value larger than the editor takes is copied from the file in pieces, off the GUI thread.
    editor = openAt(2, QStringLiteral("b"));
    QVERIFY(editor);
    QVERIFY2(editor->infoText().startsWith(QStringLiteral("blob, 17.0 MiB. Larger than the editor takes")),
             qPrintable(editor->infoText()));
    const QString out = m_dir.filePath(QStringLiteral("out.bin"));
    QSignalSpy exported(editor, &ValueEditor::exported);
    QVERIFY(editor->saveToFile(out));
    QTRY_COMPARE(exported.size(), 1);
    QCOMPARE(exported.first().at(1).toString(), QString());
    QCOMPARE(TestFiles::read(out), QByteArray(17 * 1024 * 1024, '\0'));

    // Not UTF-8 text is saved as the bytes stored.
    editor = openAt(3, QStringLiteral("s"));
    QVERIFY(editor);
    QVERIFY(editor->saveToFile(out));
    QCOMPARE(TestFiles::read(out), QByteArray("\xff\xfe\x41"));
}

void TestValueEditor::setsNull()
{
    ValueEditor* editor = openAt(0, QStringLiteral("s"));
    QVERIFY(editor);
    editor->setNull();
    DatabaseSession::WriteFailure failure;
    QVERIFY2(m_fixture.session->write(&failure), qPrintable(failure.message));
    QCOMPARE(exactRows(m_file, QStringLiteral("SELECT s FROM t WHERE id = 1")), QStringList{QStringLiteral("null:")});
}

void TestValueEditor::showsAnImageWithItsSize()
{
    ValueEditor* editor = openAt(0, QStringLiteral("b"));
    QVERIFY(editor);
    const QString png = m_dir.filePath(QStringLiteral("image.png"));
    QVERIFY(TestFiles::write(png, TestFiles::pngBytes()));
    editor->storageBox()->setCurrentIndex(3);
    QVERIFY(editor->loadFromFile(png));
    QCOMPARE(editor->mode(), ValueEditor::Mode::Image);
    QVERIFY(!editor->imageLabel()->pixmap().isNull());
    QVERIFY2(editor->infoText().contains(QStringLiteral("PNG image")), qPrintable(editor->infoText()));
}

QTEST_MAIN(TestValueEditor)
#include "tst_valueeditor.moc"
