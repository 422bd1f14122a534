// The main window, driven offscreen as a person drives it: moving around. Going to a row (Ctrl+G), following a key and
// coming back with Back and Forward.
#include "MainWindowFixture.h"
#include "TestFiles.h"

#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowNavigation : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowNavigation() : MainWindowFixture(QStringLiteral("tst_mainwindownavigation")) {}

private slots:
    void goToRowWithCtrlGMovesToTheTypedRow();
    void followsAKeyAndComesBackAndForward();
    void followingRemembersTheRowCtrlClickedFrom();
};

void TestMainWindowNavigation::goToRowWithCtrlGMovesToTheTypedRow()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* posts = m_window->showTable(QStringLiteral("posts"));
    QVERIFY(posts);
    QVERIFY(waitForRows(posts->model()));
    posts->view()->setFocus();
    pressOnWindow(Qt::Key_G, Qt::ControlModifier);
    QVERIFY(posts->goToField()->hasFocus());
    QTest::keyClicks(posts->goToField(), QStringLiteral("3"));
    QTest::keyClick(posts->goToField(), Qt::Key_Return);
    QCOMPARE(posts->view()->currentIndex().row(), 2);
    QVERIFY(posts->view()->hasFocus());
    QCOMPARE(
        posts->currentIdentity().toLongLong(),
        TestFiles::querySql(file, QStringLiteral("SELECT id FROM posts ORDER BY id LIMIT 1 OFFSET 2")).toLongLong());
}

void TestMainWindowNavigation::followsAKeyAndComesBackAndForward()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int row = rowOf(posts->model(), 2);
    const QModelIndex author = posts->model()->index(row, posts->model()->modelColumn(QStringLiteral("author_id")));
    const qint64 authorId = cellData(posts->model(), row, author.column(), Qt::EditRole).toLongLong();
    QTableView* view = posts->view();
    view->scrollTo(author);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(author).center());
    QCOMPARE(posts->currentIdentity().toLongLong(), 2);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(author).center());

    TableBrowser* users = m_window->currentBrowser();
    QVERIFY(users);
    QCOMPARE(users->tableName(), QStringLiteral("users"));
    QTRY_COMPARE_WITH_TIMEOUT(users->currentIdentity().toLongLong(), authorId, 10000);
    QVERIFY(action(QStringLiteral("Back"))->isEnabled());

    pressOnWindow(Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->currentBrowser(), posts);
    QTRY_COMPARE_WITH_TIMEOUT(posts->currentIdentity().toLongLong(), 2, 10000);
    QVERIFY(action(QStringLiteral("Forward"))->isEnabled());

    pressOnWindow(Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_window->currentBrowser(), users);
    QTRY_COMPARE_WITH_TIMEOUT(users->currentIdentity().toLongLong(), authorId, 10000);
    QVERIFY(!action(QStringLiteral("Forward"))->isEnabled());
}

void TestMainWindowNavigation::followingRemembersTheRowCtrlClickedFrom()
{
    // A person Ctrl+clicks an author without first selecting its row; Back should return to that post.
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    QTableView* view = posts->view();
    view->setCurrentIndex(posts->model()->index(rowOf(posts->model(), 1), 1));
    const QModelIndex author =
        posts->model()->index(rowOf(posts->model(), 4), posts->model()->modelColumn(QStringLiteral("author_id")));
    view->scrollTo(author);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(author).center());
    QCOMPARE(m_window->currentBrowser()->tableName(), QStringLiteral("users"));
    pressOnWindow(Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->currentBrowser(), posts);
    QCOMPARE(posts->currentIdentity().toLongLong(), 4);
}

QTEST_MAIN(TestMainWindowNavigation)
#include "tst_mainwindownavigation.moc"
