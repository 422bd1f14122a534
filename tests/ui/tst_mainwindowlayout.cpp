// The main window, driven offscreen as a person drives it: how it looks. Its layout is remembered between sessions, and
// --screenshot renders it.
#include "MainWindowFixture.h"
#include "TestFiles.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowLayout : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowLayout() : MainWindowFixture(QStringLiteral("tst_mainwindowlayout")) {}

private slots:
    void remembersTheWindowLayout();
    void screenshotOptionRendersTheWindowAndExits();
    void screenshotOptionFailsForAMissingFile();
    void screenshotOptionFailsForAMissingTable();
};

void TestMainWindowLayout::remembersTheWindowLayout()
{
    QVERIFY(openWindow(demoCopy()));
    m_window->resize(900, 640);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->size(), QSize(900, 640), 5000);
    QVERIFY(m_window->close());
    m_window.reset();
    QVERIFY(openWindow(demoCopy()));
    QCOMPARE(m_window->size(), QSize(900, 640));
}

void TestMainWindowLayout::screenshotOptionRendersTheWindowAndExits()
{
    const QString file = demoCopy();
    const QString shot = m_dir.filePath(QStringLiteral("shot.png"));
    // The real binary, on the offscreen platform, with its settings kept out of the user's folders.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
    const auto result = TestFiles::runQuarry(
        {file, QStringLiteral("--table"), QStringLiteral("posts"), QStringLiteral("--screenshot"), shot});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 400 && image.height() >= 300);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() >= 16, qPrintable(QString::number(colours.size())));
    QCOMPARE(everything(file), everything(m_template)); // looking writes nothing
}

void TestMainWindowLayout::screenshotOptionFailsForAMissingFile()
{
    const QString shot = m_dir.filePath(QStringLiteral("missing.png"));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
    const auto result =
        TestFiles::runQuarry({m_dir.filePath(QStringLiteral("no such file.db")), QStringLiteral("--screenshot"), shot});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(!result.err.isEmpty());
    QVERIFY(!QFile::exists(shot));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no such file.db"))));
}

void TestMainWindowLayout::screenshotOptionFailsForAMissingTable()
{
    const QString file = demoCopy();
    const QByteArray before = TestFiles::read(file);
    const QString shot = m_dir.filePath(QStringLiteral("missing-table.png"));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
    const auto result = TestFiles::runQuarry(
        {file, QStringLiteral("--table"), QStringLiteral("nosuch"), QStringLiteral("--screenshot"), shot});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("nosuch")), qPrintable(result.err));
    QVERIFY(!QFile::exists(shot));
    QCOMPARE(TestFiles::read(file), before);
}

QTEST_MAIN(TestMainWindowLayout)
#include "tst_mainwindowlayout.moc"
