// The main window, driven offscreen as a person drives it: deleting rows. The question says what a cascade takes with
// them; cancelling it marks nothing.
#include "LessonDatabases.h"
#include "MainWindowFixture.h"
#include "TestFiles.h"

#include <QAction>
#include <QFile>
#include <QTableView>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowDelete : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowDelete() : MainWindowFixture(QStringLiteral("tst_mainwindowdelete")) {}

private slots:
    void asksBeforeACascadingDeleteAndWritesIt_data();
    void asksBeforeACascadingDeleteAndWritesIt();
    void cancellingADeleteMarksNothing();
    void deletingInALessonDatabasePromisesNoCascade();
};

void TestMainWindowDelete::asksBeforeACascadingDeleteAndWritesIt_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QList<qint64>>("identities");
    QTest::addColumn<QString>("what");
    QTest::newRow("user alice") << QStringLiteral("users") << QList<qint64>{1} << QStringLiteral("user alice");
    QTest::newRow("post Python Programming")
        << QStringLiteral("posts") << QList<qint64>{1} << QStringLiteral("post Python Programming");
    QTest::newRow("users alice and bob") << QStringLiteral("users") << QList<qint64>{1, 2}
                                         << QStringLiteral("2 rows of users");
}

void TestMainWindowDelete::asksBeforeACascadingDeleteAndWritesIt()
{
    QFETCH(QString, table);
    QFETCH(QList<qint64>, identities);
    QFETCH(QString, what);
    const QString file = demoCopy();
    QStringList ids;
    for (qint64 id : identities)
        ids << QString::number(id);
    const QString in = ids.join(QLatin1Char(','));
    // What the schema's ON DELETE CASCADE takes with them, counted in the file, each row once.
    qint64 posts = 0;
    qint64 comments = 0;
    if (table == QStringLiteral("users")) {
        posts = count(file, QStringLiteral("SELECT count(*) FROM posts WHERE author_id IN (%1)").arg(in));
        comments = count(file, QStringLiteral("SELECT count(*) FROM comments WHERE author_id IN (%1) OR post_id IN "
                                              "(SELECT id FROM posts WHERE author_id IN (%1))")
                                   .arg(in));
        QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM user_profiles")), 0);
    } else {
        comments = count(file, QStringLiteral("SELECT count(*) FROM comments WHERE post_id IN (%1)").arg(in));
    }
    QStringList parts;
    if (posts > 0)
        parts << plural(posts, QStringLiteral("post"), QStringLiteral("posts"));
    if (comments > 0)
        parts << plural(comments, QStringLiteral("comment"), QStringLiteral("comments"));
    const QString question =
        QStringLiteral("Delete %1? This also deletes %2.").arg(what, parts.join(QStringLiteral(" and ")));
    const qint64 usersBefore = count(file, QStringLiteral("SELECT count(*) FROM users"));
    const qint64 postsBefore = count(file, QStringLiteral("SELECT count(*) FROM posts"));
    const qint64 commentsBefore = count(file, QStringLiteral("SELECT count(*) FROM comments"));

    QVERIFY(openWindow(file));
    QVERIFY(browser(QStringLiteral("comments")));
    QVERIFY(browser(QStringLiteral("posts")));
    TableBrowser* target = browser(table);
    QVERIFY(target);
    QItemSelectionModel* selection = target->view()->selectionModel();
    selection->clearSelection();
    for (qint64 id : identities) {
        const QModelIndex index = target->model()->index(rowOf(target->model(), id), 1);
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    m_dialogs->answers << QMessageBox::Yes;
    QAction* remove = m_window->findChild<QAction*>(QStringLiteral("deleteRows"));
    QVERIFY(remove && remove->isEnabled());
    remove->trigger();
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(m_dialogs->questions.first().startsWith(question),
             qPrintable(m_dialogs->questions.first() + QStringLiteral("\nexpected: ") + question));
    for (qint64 id : identities)
        QVERIFY(cellState(target->model(), rowOf(target->model(), id), 1) & TableModel::Deleted);
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM %1").arg(table)),
             table == QStringLiteral("users") ? usersBefore : postsBefore); // pending until written

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM %1 WHERE id IN (%2)").arg(table, in)), 0);
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM posts")),
             postsBefore - posts - (table == QStringLiteral("posts") ? identities.size() : 0));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM comments")), commentsBefore - comments);
    // Every open table reads the file again: the cascaded rows are gone from the views too.
    TableBrowser* commentsView = browser(QStringLiteral("comments"));
    QVERIFY(commentsView);
    QCOMPARE(commentsView->model()->rowCount(), int(commentsBefore - comments));
    TableBrowser* postsView = browser(QStringLiteral("posts"));
    QVERIFY(postsView);
    QCOMPARE(postsView->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM posts"))));
}

void TestMainWindowDelete::cancellingADeleteMarksNothing()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    users->view()->setCurrentIndex(users->model()->index(0, 1));
    m_dialogs->answers << QMessageBox::Cancel;
    users->view()->setFocus();
    pressOnWindow(Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY(m_window->session()->pending().isEmpty());
    QCOMPARE(cellState(users->model(), 0, 1) & TableModel::Deleted, 0);
}

void TestMainWindowDelete::deletingInALessonDatabasePromisesNoCascade()
{
    // The lesson's tables refer to users without ON DELETE CASCADE: deleting alice takes nothing with her, and
    // with foreign keys enforced the delete cannot be written while her posts refer to her.
    const QString file = m_dir.filePath(QStringLiteral("lesson-delete.db"));
    QFile::remove(file);
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(count(file, QStringLiteral("SELECT count(*) FROM posts WHERE author_id = 1")) > 0);
    const QStringList before = TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM users"));
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    users->view()->setCurrentIndex(users->model()->index(rowOf(users->model(), 1), 1));
    m_dialogs->answers << QMessageBox::Yes;
    m_window->deleteSelectedRows();
    QCOMPARE(m_dialogs->questions.size(), 1);
    QVERIFY2(!m_dialogs->questions.first().contains(QStringLiteral("also deletes")),
             qPrintable(m_dialogs->questions.first()));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QVERIFY2(m_dialogs->warnings.first().contains(QStringLiteral("alice")) ||
                 m_dialogs->warnings.first().contains(QStringLiteral("user 1")),
             qPrintable(m_dialogs->warnings.first()));
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM users")), before);
    QVERIFY(cellState(users->model(), rowOf(users->model(), 1), 1) & TableModel::Deleted);
}

QTEST_MAIN(TestMainWindowDelete)
#include "tst_mainwindowdelete.moc"
