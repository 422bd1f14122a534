// The main window, driven offscreen as a person drives it: the pending-edits guard. Closing the window or opening
// another file asks about edits not yet written.
#include "MainWindowFixture.h"
#include "TestFiles.h"

#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowPendingEdits : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowPendingEdits() : MainWindowFixture(QStringLiteral("tst_mainwindowpendingedits")) {}

private slots:
    void asksAboutPendingEditsWhenClosing_data();
    void asksAboutPendingEditsWhenClosing();
    void asksAboutPendingEditsBeforeOpeningAnotherFile();
};

void TestMainWindowPendingEdits::asksAboutPendingEditsWhenClosing_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("written");
    QTest::newRow("cancel keeps the window and the edit") << int(QMessageBox::Cancel) << false << false;
    QTest::newRow("discard closes, file unchanged") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("save writes, then closes") << int(QMessageBox::Save) << true << true;
}

void TestMainWindowPendingEdits::asksAboutPendingEditsWhenClosing()
{
    QFETCH(int, answer);
    QFETCH(bool, closes);
    QFETCH(bool, written);
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("alice@elsewhere.example")));

    m_dialogs->answers << QMessageBox::StandardButton(answer);
    QCOMPARE(m_window->close(), closes);
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().contains(QFileInfo(file).fileName()),
             qPrintable(m_dialogs->questions.first()));
    QVERIFY2(m_dialogs->questions.first().contains(QStringLiteral("1 changed row")),
             qPrintable(m_dialogs->questions.first()));
    QCOMPARE(m_window->isVisible(), !closes);
    if (!closes) {
        QCOMPARE(m_window->session()->pending().rowCount(), 1);
        QCOMPARE(cellText(users->model(), 0, users->model()->modelColumn(QStringLiteral("email"))),
                 QStringLiteral("alice@elsewhere.example"));
        QVERIFY(m_window->isWindowModified());
    }
    if (written) {
        QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
                 QStringLiteral("alice@elsewhere.example"));
        QVERIFY(m_window->session()->pending().isEmpty());
    } else {
        QCOMPARE(everything(file), before);
    }
}

void TestMainWindowPendingEdits::asksAboutPendingEditsBeforeOpeningAnotherFile()
{
    const QString file = demoCopy();
    const QString other = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(editCell(users, 0, QStringLiteral("first_name"), QStringLiteral("Alice")));

    m_dialogs->answers << QMessageBox::Cancel;
    QVERIFY(!m_window->openFile(other, false));
    QCOMPARE(m_window->session()->path(), QFileInfo(file).absoluteFilePath());
    QCOMPARE(m_window->session()->pending().rowCount(), 1);

    m_dialogs->answers << QMessageBox::Cancel;
    action(QStringLiteral("Close"))->trigger();
    QVERIFY(m_window->session());

    m_dialogs->answers << QMessageBox::Discard;
    m_dialogs->filesToOpen << other;
    action(QStringLiteral("Open…"))->trigger();
    QCOMPARE(m_dialogs->questions.size(), 3);
    QVERIFY(m_window->session());
    QCOMPARE(m_window->session()->path(), QFileInfo(other).absoluteFilePath());
    QVERIFY(TestFiles::querySql(file, QStringLiteral("SELECT first_name FROM users WHERE id = 1")).isEmpty());
}

QTEST_MAIN(TestMainWindowPendingEdits)
#include "tst_mainwindowpendingedits.moc"
