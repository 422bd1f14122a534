// The main window, driven offscreen as a person drives it: the upgrade bar. Offered for the lesson's own database and
// upgrading from it; a newer schema is never migrated.
#include "LessonDatabases.h"
#include "MainWindowFixture.h"
#include "TestFiles.h"
#include "schema/Migrator.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowUpgrade : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowUpgrade() : MainWindowFixture(QStringLiteral("tst_mainwindowupgrade")) {}

private slots:
    void offersTheUpgradeForALessonDatabase_data();
    void offersTheUpgradeForALessonDatabase();
    void upgradesALessonDatabaseFromTheBar();
    void warnsAboutANewerSchemaAndNeverMigrates();
};

void TestMainWindowUpgrade::offersTheUpgradeForALessonDatabase_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write: offered") << false;
    QTest::newRow("read-only: never offered") << true;
}

void TestMainWindowUpgrade::offersTheUpgradeForALessonDatabase()
{
    QFETCH(bool, readOnly);
    const QString file = m_dir.filePath(QStringLiteral("lesson-%1.db").arg(readOnly));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    const QStringList before = TestFiles::dumpRows(file, QStringLiteral("SELECT sql FROM sqlite_schema ORDER BY name"));
    QVERIFY(openWindow(file, readOnly));
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QVERIFY(bar);
    QCOMPARE(bar->isVisibleTo(m_window.get()), !readOnly);
    QVERIFY(m_dialogs->questions.isEmpty()); // offered in the bar, never as a modal question
    // The data shows as it is.
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QCOMPARE(users->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM users"))));
    m_window->closeFile();
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT sql FROM sqlite_schema ORDER BY name")), before);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")), QStringLiteral("0"));
}

void TestMainWindowUpgrade::upgradesALessonDatabaseFromTheBar()
{
    const QString file = m_dir.filePath(QStringLiteral("lesson-upgrade.db"));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    const qint64 users = count(file, QStringLiteral("SELECT count(*) FROM users"));
    const qint64 posts = count(file, QStringLiteral("SELECT count(*) FROM posts"));
    QVERIFY(openWindow(file));
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QVERIFY(bar && bar->isVisibleTo(m_window.get()));
    QPushButton* upgrade = nullptr;
    for (QPushButton* button : bar->findChildren<QPushButton*>()) {
        if (button->text().startsWith(QStringLiteral("Upgrade")))
            upgrade = button;
    }
    QVERIFY(upgrade && upgrade->isVisibleTo(m_window.get()));
    QTest::mouseClick(upgrade, Qt::LeftButton);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("PRAGMA user_version")),
             QString::number(Migrator::LatestVersion));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM users")), users);
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM posts")), posts);
    QVERIFY(!bar->isVisibleTo(m_window.get()));
    QVERIFY(m_window->session());
    QCOMPARE(m_window->session()->schema().version, Migrator::LatestVersion);
    TableBrowser* view = browser(QStringLiteral("posts"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), int(posts));
}

void TestMainWindowUpgrade::warnsAboutANewerSchemaAndNeverMigrates()
{
    const QString file = demoCopy();
    QVERIFY(TestFiles::execSql(file, QStringLiteral("PRAGMA user_version = 9")));
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    auto* bar = m_window->findChild<QWidget*>(QStringLiteral("upgradeBar"));
    QVERIFY(bar && bar->isVisibleTo(m_window.get()));
    QString words;
    for (const QLabel* label : bar->findChildren<QLabel*>())
        words += label->text();
    QVERIFY2(words.contains(QStringLiteral("v9")) && words.contains(QStringLiteral("newer")), qPrintable(words));
    for (QPushButton* button : bar->findChildren<QPushButton*>()) {
        if (button->text().startsWith(QStringLiteral("Upgrade")))
            QVERIFY(!button->isVisibleTo(m_window.get()));
    }
    QVERIFY(m_dialogs->questions.isEmpty());
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QCOMPARE(users->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM users"))));
    m_window->closeFile();
    QCOMPARE(everything(file), before);
}

QTEST_MAIN(TestMainWindowUpgrade)
#include "tst_mainwindowupgrade.moc"
