#include "query/SqlEditor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QTest>
#include <QTextBlock>

using namespace quarry;

class TestSqlEditor : public QObject {
    Q_OBJECT

private slots:
    void togglesLineComments_data();
    void togglesLineComments();
    void completesKeywordsTablesAndColumns();
    void quotesNamesThatNeedIt();
    void matchesBracketsOutsideStrings();
    void marksTheErrorTokenAndMovesTheCursorThere();
    void keepsIndentationOnEnter();
};

void TestSqlEditor::togglesLineComments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("selectionStart");
    QTest::addColumn<int>("selectionEnd");
    QTest::addColumn<QString>("expected");
    QTest::newRow("current line") << QStringLiteral("SELECT 1;\nSELECT 2;") << 12 << 12
                                  << QStringLiteral("SELECT 1;\n-- SELECT 2;");
    QTest::newRow("uncomment current line") << QStringLiteral("-- SELECT 1;") << 3 << 3 << QStringLiteral("SELECT 1;");
    QTest::newRow("selected lines at common indent") << QStringLiteral("  SELECT a\n    FROM t\n\n  WHERE x") << 0 << 30
                                                     << QStringLiteral("  -- SELECT a\n  --   FROM t\n\n  -- WHERE x");
    QTest::newRow("mixed lines get commented")
        << QStringLiteral("-- a\nb") << 0 << 6 << QStringLiteral("-- -- a\n-- b");
    QTest::newRow("all commented get uncommented")
        << QStringLiteral("-- a\n  --b") << 0 << 10 << QStringLiteral("a\n  b");
    QTest::newRow("selection ending at a line start leaves that line")
        << QStringLiteral("a\nb\nc") << 0 << 4 << QStringLiteral("-- a\n-- b\nc");
}

void TestSqlEditor::togglesLineComments()
{
    QFETCH(QString, text);
    QFETCH(int, selectionStart);
    QFETCH(int, selectionEnd);
    QFETCH(QString, expected);
    SqlEditor editor;
    editor.setPlainText(text);
    QTextCursor cursor(editor.document());
    cursor.setPosition(selectionStart);
    cursor.setPosition(selectionEnd, QTextCursor::KeepAnchor);
    editor.setTextCursor(cursor);
    editor.show();
    QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
    QCOMPARE(editor.toPlainText(), expected);
    // One undo step puts it back.
    editor.undo();
    QCOMPARE(editor.toPlainText(), text);
}

void TestSqlEditor::completesKeywordsTablesAndColumns()
{
    SqlEditor editor;
    SchemaCatalog catalog;
    catalog.tables = {QStringLiteral("posts"), QStringLiteral("users")};
    catalog.columns.insert(QStringLiteral("users"),
                           {QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email")});
    catalog.columns.insert(QStringLiteral("posts"),
                           {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("author_id")});
    editor.setCatalog(catalog);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QTest::keyClicks(&editor, QStringLiteral("sel"));
    QVERIFY(editor.completer()->popup()->isVisible());
    QCOMPARE(editor.completer()->currentCompletion(), QStringLiteral("SELECT"));
    QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
    QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT"));

    QTest::keyClicks(&editor, QStringLiteral(" * FROM use"));
    QVERIFY(editor.completer()->popup()->isVisible());
    QCOMPARE(editor.completer()->currentCompletion(), QStringLiteral("username"));
    QTest::keyClick(editor.completer()->popup(), Qt::Key_Down);
    QTest::keyClick(editor.completer()->popup(), Qt::Key_Tab);
    QCOMPARE(editor.toPlainText(), QStringLiteral("SELECT * FROM users"));

    // After "users." only users' columns are offered.
    QTest::keyClicks(&editor, QStringLiteral(" WHERE users."));
    QVERIFY(editor.completer()->popup()->isVisible());
    QStringList offered;
    for (int i = 0; editor.completer()->setCurrentRow(i); ++i)
        offered << editor.completer()->currentCompletion();
    QCOMPARE(offered, (QStringList{QStringLiteral("email"), QStringLiteral("id"), QStringLiteral("username")}));
    QTest::keyClick(editor.completer()->popup(), Qt::Key_Escape);
    QVERIFY(!editor.completer()->popup()->isVisible());

    // Nothing is offered inside comments and strings.
    QTest::keyClicks(&editor, QStringLiteral("id -- sel"));
    QVERIFY(!editor.completer()->popup()->isVisible());
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClicks(&editor, QStringLiteral("AND username = 'sel"));
    QVERIFY(!editor.completer()->popup()->isVisible());
    QTest::keyClicks(&editor, QStringLiteral("' /* us"));
    QVERIFY(!editor.completer()->popup()->isVisible());
    QTest::keyClicks(&editor, QStringLiteral(" */ AND us"));
    QVERIFY(editor.completer()->popup()->isVisible());
}

void TestSqlEditor::quotesNamesThatNeedIt()
{
    SqlEditor editor;
    SchemaCatalog catalog;
    catalog.tables = {QStringLiteral("order lines")};
    catalog.columns.insert(QStringLiteral("order lines"), {QStringLiteral("unit \"price\"")});
    editor.setCatalog(catalog);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::keyClicks(&editor, QStringLiteral("ord"));
    QVERIFY(editor.completer()->popup()->isVisible());
    QCOMPARE(editor.completer()->currentCompletion(), QStringLiteral("ORDER"));
    QTest::keyClick(editor.completer()->popup(), Qt::Key_Down);
    QCOMPARE(editor.completer()->popup()->currentIndex().data().toString(),
             QStringLiteral("order lines")); // matched as typed
    QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
    QCOMPARE(editor.toPlainText(), QStringLiteral("\"order lines\""));
    QTest::keyClicks(&editor, QStringLiteral("."));
    QVERIFY(editor.completer()->popup()->isVisible());
    QCOMPARE(editor.completer()->currentCompletion(), QStringLiteral("unit \"price\""));
    QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
    QCOMPARE(editor.toPlainText(), QStringLiteral("\"order lines\".\"unit \"\"price\"\"\""));
}

void TestSqlEditor::matchesBracketsOutsideStrings()
{
    SqlEditor editor;
    const QString text = QStringLiteral("SELECT count(*) FROM t WHERE a IN (SELECT b FROM u WHERE c = ')')");
    editor.setPlainText(text);
    const int open = int(text.indexOf(QStringLiteral("IN ("))) + 3;
    QTextCursor cursor(editor.document());
    cursor.setPosition(open);
    editor.setTextCursor(cursor);
    QStringList highlighted;
    for (const QTextEdit::ExtraSelection& selection : editor.extraSelections()) {
        if (selection.cursor.hasSelection())
            highlighted << QString::number(selection.cursor.selectionStart());
    }
    // The ')' inside the string does not count: the match is the last character.
    QCOMPARE(highlighted, (QStringList{QString::number(open), QString::number(text.size() - 1)}));
}

void TestSqlEditor::marksTheErrorTokenAndMovesTheCursorThere()
{
    SqlEditor editor;
    editor.setPlainText(QStringLiteral("SELECT 1;\nSELECT id,\n       nmae FROM users;"));
    const int position = int(editor.toPlainText().indexOf(QStringLiteral("nmae")));
    editor.markError(position);
    QCOMPARE(editor.textCursor().position(), position);
    QCOMPARE(editor.textCursor().blockNumber(), 2);
    bool underlined = false;
    for (const QTextEdit::ExtraSelection& selection : editor.extraSelections()) {
        if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
            underlined = true;
            QCOMPARE(selection.cursor.selectedText(), QStringLiteral("nmae"));
        }
    }
    QVERIFY(underlined);
    // Editing clears the mark.
    editor.insertPlainText(QStringLiteral("x"));
    for (const QTextEdit::ExtraSelection& selection : editor.extraSelections())
        QVERIFY(selection.format.underlineStyle() != QTextCharFormat::WaveUnderline);
}

void TestSqlEditor::keepsIndentationOnEnter()
{
    SqlEditor editor;
    editor.show();
    QTest::keyClicks(&editor, QStringLiteral("    SELECT a"));
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClicks(&editor, QStringLiteral("FROM t"));
    QCOMPARE(editor.toPlainText(), QStringLiteral("    SELECT a\n    FROM t"));
}

QTEST_MAIN(TestSqlEditor)
#include "tst_sqleditor.moc"
