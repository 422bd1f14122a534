#include "query/FindReplaceBar.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

using namespace quarry;

class TestFindReplaceBar : public QObject {
    Q_OBJECT

private slots:
    void findsAndWrapsAround();
    void replacesAllInOneUndoStep_data();
    void replacesAllInOneUndoStep();
    void escapeClosesTheBar();
};

void TestFindReplaceBar::findsAndWrapsAround()
{
    QPlainTextEdit editor;
    editor.setPlainText(QStringLiteral("SELECT id FROM users;\nSELECT id FROM posts;"));
    FindReplaceBar bar;
    bar.setEditor(&editor);
    bar.showFind(false);
    bar.findField()->setText(QStringLiteral("from"));
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 10);
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 32);
    QVERIFY(bar.findNext()); // wraps
    QCOMPARE(editor.textCursor().selectionStart(), 10);
    QVERIFY(bar.findPrevious());
    QCOMPARE(editor.textCursor().selectionStart(), 32);
    bar.setCaseSensitive(true);
    QVERIFY(!bar.findNext());
}

void TestFindReplaceBar::replacesAllInOneUndoStep_data()
{
    QTest::addColumn<QString>("find");
    QTest::addColumn<QString>("replace");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");
    QTest::newRow("name") << QStringLiteral("users") << QStringLiteral("people") << 2
                          << QStringLiteral("SELECT * FROM people JOIN people_extra ON 1; -- people");
    QTest::newRow("replacement contains the pattern")
        << QStringLiteral("users") << QStringLiteral("users2") << 2
        << QStringLiteral("SELECT * FROM users2 JOIN users2_extra ON 1; -- people");
}

void TestFindReplaceBar::replacesAllInOneUndoStep()
{
    QFETCH(QString, find);
    QFETCH(QString, replace);
    QFETCH(int, count);
    QFETCH(QString, expected);
    const QString original = QStringLiteral("SELECT * FROM users JOIN users_extra ON 1; -- people");
    QPlainTextEdit editor;
    editor.setPlainText(original);
    FindReplaceBar bar;
    bar.setEditor(&editor);
    bar.showFind(true);
    bar.findField()->setText(find);
    bar.replaceField()->setText(replace);
    QCOMPARE(bar.replaceAll(), count);
    QCOMPARE(editor.toPlainText(), expected);
    editor.undo();
    QCOMPARE(editor.toPlainText(), original);
}

void TestFindReplaceBar::escapeClosesTheBar()
{
    QWidget window;
    QPlainTextEdit editor(&window);
    FindReplaceBar bar(&window);
    bar.setEditor(&editor);
    window.show();
    bar.showFind(false);
    QVERIFY(bar.isVisible());
    QTest::keyClick(bar.findField(), Qt::Key_Escape);
    QVERIFY(!bar.isVisible());
}

QTEST_MAIN(TestFindReplaceBar)
#include "tst_findreplacebar.moc"
