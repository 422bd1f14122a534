#include "Dialogs.h"
#include "query/EditorTabs.h"
#include "query/SqlEditor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;

class TestEditorTabs : public QObject {
    Q_OBJECT

private slots:
    void init();
    void opensAndSavesSqlFiles();
    void asksBeforeUnsavedTextIsLost_data();
    void asksBeforeUnsavedTextIsLost();
    void leavesUntouchedTabsAlone();

private:
    QTemporaryDir m_dir;
    HookedDialogs m_prompts;
    QStringList m_questions;
    QMessageBox::StandardButton m_answer = QMessageBox::Cancel;
    QString m_fileAnswer;
};

void TestEditorTabs::init()
{
    QVERIFY(m_dir.isValid());
    m_questions.clear();
    m_prompts.setQuestionHook([this](const QString& title, const QString& text, QMessageBox::StandardButtons) {
        m_questions << title + u'|' + text;
        return m_answer;
    });
    m_prompts.setFileHook([this](Dialogs::FileAction, const QString&, const QString&) { return m_fileAnswer; });
}

void TestEditorTabs::opensAndSavesSqlFiles()
{
    const QString path = m_dir.filePath(QStringLiteral("report.sql"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SELECT 'caf\xc3\xa9';\n");
    }
    EditorTabs tabs(m_prompts);
    tabs.newTab();
    QVERIFY(tabs.openFile(path));
    QCOMPARE(tabs.count(), 1); // the empty first tab was reused
    QCOMPARE(tabs.currentEditor()->toPlainText(), QStringLiteral("SELECT 'caf\u00e9';\n"));
    QCOMPARE(tabs.tabText(0), QStringLiteral("report.sql"));
    tabs.currentEditor()->appendPlainText(QStringLiteral("SELECT 2;"));
    QCOMPARE(tabs.tabText(0), QStringLiteral("report.sql *"));
    QVERIFY(tabs.save());
    QCOMPARE(tabs.tabText(0), QStringLiteral("report.sql"));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(saved.readAll()), QStringLiteral("SELECT 'caf\u00e9';\n\nSELECT 2;"));

    // Save As on a new tab asks for a name.
    tabs.newTab(QStringLiteral("SELECT 3;"));
    m_fileAnswer = m_dir.filePath(QStringLiteral("three.sql"));
    QVERIFY(tabs.save());
    QVERIFY(QFile::exists(m_fileAnswer));
    QCOMPARE(tabs.tabText(1), QStringLiteral("three.sql"));
    // Opening a file that is already open switches to it.
    QVERIFY(tabs.openFile(path));
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.currentIndex(), 0);
    QVERIFY(m_questions.isEmpty());
}

void TestEditorTabs::asksBeforeUnsavedTextIsLost_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<bool>("savedFile");
    QTest::newRow("cancel keeps the tab") << int(QMessageBox::Cancel) << false << false;
    QTest::newRow("discard drops the text and its tab") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("save writes, then closes") << int(QMessageBox::Save) << true << true;
}

void TestEditorTabs::asksBeforeUnsavedTextIsLost()
{
    QFETCH(int, answer);
    QFETCH(bool, closed);
    QFETCH(bool, savedFile);
    m_answer = QMessageBox::StandardButton(answer);
    m_fileAnswer = m_dir.filePath(QStringLiteral("kept-%1.sql").arg(QLatin1String(QTest::currentDataTag()).size()));
    QFile::remove(m_fileAnswer);
    EditorTabs tabs(m_prompts);
    tabs.newTab();
    tabs.newTab();
    QTest::keyClicks(tabs.currentEditor(), QStringLiteral("DELETE FROM users WHERE id = 3"));
    QVERIFY(tabs.hasUnsavedText());
    QCOMPARE(tabs.confirmDiscardAll(), closed);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.front().contains(QStringLiteral("Query 2")), qPrintable(m_questions.front()));
    if (answer == QMessageBox::Discard) {
        // Discarded text is gone with its tab, so nothing is asked about it again.
        QCOMPARE(tabs.count(), 1);
        QVERIFY(!tabs.hasUnsavedText());
        QVERIFY(tabs.confirmDiscardAll());
        QCOMPARE(m_questions.size(), 1);
    } else {
        QCOMPARE(tabs.closeTab(1), closed);
        QCOMPARE(tabs.count(), closed ? 1 : 2);
    }
    QCOMPARE(QFile::exists(m_fileAnswer), savedFile);
}

void TestEditorTabs::leavesUntouchedTabsAlone()
{
    EditorTabs tabs(m_prompts);
    tabs.newTab();
    tabs.newTab(QStringLiteral("SELECT 1"));
    QVERIFY(!tabs.hasUnsavedText());
    QVERIFY(tabs.confirmDiscardAll());
    QVERIFY(tabs.closeTab(1));
    QVERIFY(m_questions.isEmpty());
}

QTEST_MAIN(TestEditorTabs)
#include "tst_editortabs.moc"
