// One table's browser on its own, offscreen: the rows under a selected row (master-detail), following keys by
// Ctrl+click and the context menu, sorting by header clicks and filtering, all read from real files.
#include "TestFiles.h"
#include "WindowTestSupport.h"
#include "blog/DemoDatabase.h"
#include "browser/CellDelegate.h"
#include "browser/FilterRow.h"
#include "browser/TableBrowser.h"
#include "models/DatabaseSession.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBoundaryFinder>
#include <QTimer>

using namespace quarry;
using namespace quarry::test;

class TestTableBrowser : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void showsTheSelectedUsersPostsBelowTheGrid();
    void showsTheSelectedPostsComments();
    void saysWhatReferencesTheSelectedRow_data();
    void saysWhatReferencesTheSelectedRow();
    void showsNoDetailForATableNothingRefersTo();
    void ctrlClickOnAKeyAsksToFollowIt_data();
    void ctrlClickOnAKeyAsksToFollowIt();
    void contextMenuOffersToFollowAKey();
    void sortsByClickingAHeader();
    void filtersByColumnAndQuickSearch_data();
    void filtersByColumnAndQuickSearch();
    void goesToAKeyBeyondTheRowsReadSoFar();
    void cutsLongTextToTheCellBeforeEliding_data();
    void cutsLongTextToTheCellBeforeEliding();
    void saysWhyATableIsReadOnly();

private:
    TableBrowser* open(const QString& file, const QString& table);
    QStringList column(const TableModel* model, int column) const;
    QStringList titlesFromFile(const QString& file, const QString& where) const;

    QTemporaryDir m_dir;
    QString m_demo;
    BrowserFixture m_fixture;
};

void TestTableBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo.db"));
    QVERIFY(DemoDatabase::create(m_demo, true));
}

void TestTableBrowser::cleanup()
{
    m_fixture.close();
}

TableBrowser* TestTableBrowser::open(const QString& file, const QString& table)
{
    return m_fixture.open(file, table, QSize(1100, 700));
}

QStringList TestTableBrowser::column(const TableModel* model, int column) const
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values << cellText(model, row, column);
    return values;
}

QStringList TestTableBrowser::titlesFromFile(const QString& file, const QString& where) const
{
    QStringList titles;
    for (const QString& row : TestFiles::dumpRows(file, QStringLiteral("SELECT title FROM posts %1").arg(where)))
        titles << row.section(QLatin1Char(':'), 1);
    return titles;
}

void TestTableBrowser::showsTheSelectedUsersPostsBelowTheGrid()
{
    TableBrowser* users = open(m_demo, QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(users->detailView()->isVisibleTo(users));
    QVERIFY(!users->detailModel()); // nothing selected yet

    for (const qint64 user : {qint64(1), qint64(2)}) {
        users->view()->setCurrentIndex(users->model()->index(rowOf(users->model(), user), 1));
        TableModel* posts = users->detailModel();
        QVERIFY(posts);
        checkModel(posts);
        QCOMPARE(posts->table().name, QStringLiteral("posts"));
        QVERIFY(waitForRows(posts));
        QCOMPARE(column(posts, posts->modelColumn(QStringLiteral("title"))),
                 titlesFromFile(m_demo, QStringLiteral("WHERE author_id = %1 ORDER BY id").arg(user)));
        QCOMPARE(users->detailView()->model(), posts);
    }
}

void TestTableBrowser::showsTheSelectedPostsComments()
{
    TableBrowser* posts = open(m_demo, QStringLiteral("posts"));
    QVERIFY(posts);
    posts->view()->setCurrentIndex(posts->model()->index(rowOf(posts->model(), 1), 1));
    TableModel* comments = posts->detailModel();
    QVERIFY(comments);
    checkModel(comments);
    QCOMPARE(comments->table().name, QStringLiteral("comments"));
    QVERIFY(waitForRows(comments));
    QStringList stored;
    for (const QString& row :
         TestFiles::dumpRows(m_demo, QStringLiteral("SELECT content FROM comments WHERE post_id = 1 ORDER BY id")))
        stored << row.section(QLatin1Char(':'), 1);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(column(comments, comments->modelColumn(QStringLiteral("content"))), stored);
    // The detail's keys show names too: each comment's post is this post's title.
    const int post = comments->modelColumn(QStringLiteral("post_id"));
    for (int row = 0; row < comments->rowCount(); ++row)
        QCOMPARE(cellText(comments, row, post), cellText(posts->model(), rowOf(posts->model(), 1), 1));
}

void TestTableBrowser::saysWhatReferencesTheSelectedRow_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<qint64>("identity");
    QTest::addColumn<QString>("expected");
    const qint64 alicePosts =
        TestFiles::querySql(m_demo, QStringLiteral("SELECT count(*) FROM posts WHERE author_id = 1")).toLongLong();
    const qint64 aliceComments =
        TestFiles::querySql(m_demo, QStringLiteral("SELECT count(*) FROM comments WHERE author_id = 1")).toLongLong();
    const qint64 postComments =
        TestFiles::querySql(m_demo, QStringLiteral("SELECT count(*) FROM comments WHERE post_id = 1")).toLongLong();
    auto words = [](qint64 n, const QString& one) {
        return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : one + QLatin1Char('s'));
    };
    QTest::newRow("alice") << QStringLiteral("users") << qint64(1)
                           << words(alicePosts, QStringLiteral("post")) + QStringLiteral(", ") +
                                  words(aliceComments, QStringLiteral("comment"));
    QTest::newRow("post 1") << QStringLiteral("posts") << qint64(1) << words(postComments, QStringLiteral("comment"));
    QTest::newRow("a comment") << QStringLiteral("comments") << qint64(1) << QString();
}

void TestTableBrowser::saysWhatReferencesTheSelectedRow()
{
    QFETCH(QString, table);
    QFETCH(qint64, identity);
    QFETCH(QString, expected);
    TableBrowser* browser = open(m_demo, table);
    QVERIFY(browser);
    QSignalSpy status(browser, &TableBrowser::statusChanged);
    browser->view()->setCurrentIndex(browser->model()->index(rowOf(browser->model(), identity), 1));
    QCOMPARE(browser->referencesText(), expected);
    QVERIFY(!status.isEmpty());
}

void TestTableBrowser::showsNoDetailForATableNothingRefersTo()
{
    TableBrowser* comments = open(m_demo, QStringLiteral("comments"));
    QVERIFY(comments);
    comments->view()->setCurrentIndex(comments->model()->index(0, 1));
    QVERIFY(!comments->detailModel());
    QVERIFY(!comments->detailView()->isVisibleTo(comments));
}

void TestTableBrowser::ctrlClickOnAKeyAsksToFollowIt_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<bool>("follows");
    QTest::newRow("Ctrl+click on the author") << QStringLiteral("author_id") << int(Qt::ControlModifier) << true;
    QTest::newRow("plain click on the author") << QStringLiteral("author_id") << int(Qt::NoModifier) << false;
    QTest::newRow("Ctrl+click on the title") << QStringLiteral("title") << int(Qt::ControlModifier) << false;
}

void TestTableBrowser::ctrlClickOnAKeyAsksToFollowIt()
{
    QFETCH(QString, column);
    QFETCH(int, modifiers);
    QFETCH(bool, follows);
    TableBrowser* posts = open(m_demo, QStringLiteral("posts"));
    QVERIFY(posts);
    QSignalSpy followed(posts, &TableBrowser::followRequested);
    const int row = rowOf(posts->model(), 2);
    const QModelIndex index = posts->model()->index(row, posts->model()->modelColumn(column));
    posts->view()->scrollTo(index);
    QTest::mouseClick(posts->view()->viewport(), Qt::LeftButton, Qt::KeyboardModifiers(modifiers),
                      posts->view()->visualRect(index).center());
    QCOMPARE(followed.size(), follows ? 1 : 0);
    if (follows) {
        QCOMPARE(followed.first().at(0).toString(), QStringLiteral("users"));
        QCOMPARE(followed.first().at(1).toString(), QStringLiteral("id"));
        QCOMPARE(followed.first().at(2).toLongLong(),
                 TestFiles::querySql(m_demo, QStringLiteral("SELECT author_id FROM posts WHERE id = 2")).toLongLong());
    }
}

void TestTableBrowser::contextMenuOffersToFollowAKey()
{
    TableBrowser* comments = open(m_demo, QStringLiteral("comments"));
    QVERIFY(comments);
    QSignalSpy followed(comments, &TableBrowser::followRequested);
    const QModelIndex index = comments->model()->index(rowOf(comments->model(), 3),
                                                       comments->model()->modelColumn(QStringLiteral("post_id")));
    QTableView* view = comments->view();
    view->scrollTo(index);
    const QPoint position = view->visualRect(index).center();

    QStringList offered;
    // The menu runs its own event loop: pick the entry from inside it, as a person would.
    QTimer::singleShot(0, this, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions()) {
            offered << action->text();
            if (action->text() == QStringLiteral("Go to Referenced Row"))
                action->trigger();
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, position, view->viewport()->mapToGlobal(position));
    QApplication::sendEvent(view->viewport(), &event);
    QVERIFY2(offered.contains(QStringLiteral("Go to Referenced Row")), qPrintable(offered.join(QStringLiteral(", "))));
    QVERIFY(offered.contains(QStringLiteral("Copy")));
    QCOMPARE(followed.size(), 1);
    QCOMPARE(followed.first().at(0).toString(), QStringLiteral("posts"));
    QCOMPARE(followed.first().at(2).toLongLong(),
             TestFiles::querySql(m_demo, QStringLiteral("SELECT post_id FROM comments WHERE id = 3")).toLongLong());
}

void TestTableBrowser::sortsByClickingAHeader()
{
    TableBrowser* posts = open(m_demo, QStringLiteral("posts"));
    QVERIFY(posts);
    QHeaderView* header = posts->view()->horizontalHeader();
    const int title = posts->model()->modelColumn(QStringLiteral("title"));
    const int author = posts->model()->modelColumn(QStringLiteral("author_id"));
    auto click = [&](int section) {
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2));
    };
    click(title);
    QCOMPARE(posts->model()->request().sortColumn, title);
    QVERIFY(waitForRows(posts->model()));
    QCOMPARE(column(posts->model(), title), titlesFromFile(m_demo, QStringLiteral("ORDER BY title")));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    click(title);
    QVERIFY(waitForRows(posts->model()));
    QCOMPARE(column(posts->model(), title), titlesFromFile(m_demo, QStringLiteral("ORDER BY title DESC")));
    // Keys sort by what they show: the author's name.
    click(author);
    QVERIFY(waitForRows(posts->model()));
    QCOMPARE(column(posts->model(), title),
             titlesFromFile(m_demo, QStringLiteral("ORDER BY (SELECT username FROM users WHERE id = author_id), id")));
}

void TestTableBrowser::filtersByColumnAndQuickSearch_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("where");
    QTest::newRow("author by part of the name")
        << QStringLiteral("author_id") << QStringLiteral("ali")
        << QStringLiteral("WHERE author_id IN (SELECT id FROM users WHERE username LIKE '%ali%') ORDER BY id");
    QTest::newRow("title") << QStringLiteral("title") << QStringLiteral("data")
                           << QStringLiteral("WHERE title LIKE '%data%' ORDER BY id");
    QTest::newRow("quick search") << QString() << QStringLiteral("web")
                                  << QStringLiteral("WHERE title LIKE '%web%' OR content LIKE '%web%' ORDER BY id");
    QTest::newRow("nothing matches") << QStringLiteral("title") << QStringLiteral("zzz'%") << QStringLiteral("WHERE 0");
}

void TestTableBrowser::filtersByColumnAndQuickSearch()
{
    QFETCH(QString, column);
    QFETCH(QString, text);
    QFETCH(QString, where);
    TableBrowser* posts = open(m_demo, QStringLiteral("posts"));
    QVERIFY(posts);
    QLineEdit* field =
        column.isEmpty() ? posts->searchField() : posts->filterRow()->field(posts->model()->modelColumn(column));
    QVERIFY(field && field->isVisibleTo(posts));
    QTest::keyClicks(field, text);
    // Filters run once typing pauses; the model then reads the matching rows in SQL.
    QTRY_VERIFY_WITH_TIMEOUT(posts->model()->request() != BrowseRequest{}, 5000);
    QVERIFY(waitForRows(posts->model()));
    QCOMPARE(this->column(posts->model(), posts->model()->modelColumn(QStringLiteral("title"))),
             titlesFromFile(m_demo, where));
    field->clear();
    QTRY_VERIFY_WITH_TIMEOUT(posts->model()->request() == BrowseRequest{}, 5000);
    QVERIFY(waitForRows(posts->model()));
    QCOMPARE(posts->model()->rowCount(),
             TestFiles::querySql(m_demo, QStringLiteral("SELECT count(*) FROM posts")).toInt());
}

void TestTableBrowser::goesToAKeyBeyondTheRowsReadSoFar()
{
    const QString file = m_dir.filePath(QStringLiteral("many.db"));
    QFile::remove(file);
    QVERIFY(DemoDatabase::create(file, true));
    QVERIFY(TestFiles::execSql(
        file, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                             "INSERT INTO users (username, email) SELECT 'user' || i, 'user' || i || '@example.com' "
                             "FROM n")));
    TableBrowser* users = open(file, QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(users->model()->rowCount() > TableModel::PageSize);
    // Near the top: selected where it is.
    users->goToKey(QStringLiteral("id"), 7);
    QCOMPARE(users->currentIdentity().toLongLong(), 7);
    // Far down, in the natural order: the grid goes to it in the whole table.
    const qint64 rows = users->model()->storedRowCount();
    users->goToKey(QStringLiteral("id"), 1999);
    QTRY_COMPARE_WITH_TIMEOUT(users->currentIdentity().toLongLong(), 1999, 5000);
    QCOMPARE(users->model()->storedRowCount(), rows);
    QCOMPARE(users->model()->storedRowOf(users->view()->currentIndex().row()), 1998);
    QCOMPARE(users->view()->currentIndex().column(), users->model()->modelColumn(QStringLiteral("id")));
    QVERIFY(users->filterRow()->field(users->model()->modelColumn(QStringLiteral("id")))->text().isEmpty());
    // Sorted by another column: the grid goes to the row's place in that order, the rows unfiltered.
    users->model()->sort(users->model()->modelColumn(QStringLiteral("username")), Qt::DescendingOrder);
    QVERIFY(waitForRows(users->model()));
    users->goToKey(QStringLiteral("id"), 1500);
    QTRY_COMPARE_WITH_TIMEOUT(users->currentIdentity().toLongLong(), 1500, 5000);
    QCOMPARE(users->model()->storedRowCount(), rows);
    const qint64 place =
        TestFiles::querySql(file, QStringLiteral("SELECT n FROM (SELECT id, row_number() OVER (ORDER BY username "
                                                 "DESC, id DESC) - 1 AS n FROM users) WHERE id = 1500"))
            .toLongLong();
    QVERIFY(place > TableModel::PageSize);
    QCOMPARE(users->model()->storedRowOf(users->view()->currentIndex().row()), place);
    QCOMPARE(cellText(users->model(), users->view()->currentIndex().row(),
                      users->model()->modelColumn(QStringLiteral("username"))),
             QStringLiteral("user1500"));
    QVERIFY(users->filterRow()->field(users->model()->modelColumn(QStringLiteral("id")))->text().isEmpty());
    // A row the filters leave out: the table shows just that row, with its filter in view to clear.
    BrowseRequest others = users->model()->request();
    others.columnFilters.insert(users->model()->modelColumn(QStringLiteral("username")), QStringLiteral("user2"));
    users->setRequest(others);
    QVERIFY(waitForRows(users->model()));
    users->goToKey(QStringLiteral("id"), 1500);
    QTRY_COMPARE_WITH_TIMEOUT(users->model()->rowCount(), 1, 5000);
    QVERIFY(waitForRows(users->model()));
    QTRY_COMPARE_WITH_TIMEOUT(users->currentIdentity().toLongLong(), 1500, 5000);
    QCOMPARE(cellText(users->model(), 0, users->model()->modelColumn(QStringLiteral("username"))),
             QStringLiteral("user1500"));
    QCOMPARE(users->filterRow()->field(users->model()->modelColumn(QStringLiteral("id")))->text(),
             QStringLiteral("=1500"));
}

void TestTableBrowser::cutsLongTextToTheCellBeforeEliding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("lines"); // 0: a cell that does not wrap
    const QString words = QStringLiteral("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ").repeated(5);
    QTest::newRow("paragraph in a narrow cell") << words << 120 << 0;
    QTest::newRow("paragraph in a wide cell") << words << 900 << 0;
    QTest::newRow("paragraph in a one-line cell that wraps") << words << 120 << 1;
    QTest::newRow("narrow letters only") << QStringLiteral("il.").repeated(80) << 150 << 0;
    QTest::newRow("wide letters only") << QStringLiteral("WM").repeated(120) << 200 << 0;
    QTest::newRow("characters beyond the BMP") << QStringLiteral("\U0001F600").repeated(100) << 60 << 0;
    QTest::newRow("combining accents") << QStringLiteral("e\u0301").repeated(120) << 90 << 0;
    QTest::newRow("joined emoji") << QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467 ").repeated(30) << 80
                                  << 0;
    QTest::newRow("short text is left alone") << QStringLiteral("short") << 10 << 0;
}

// What a person sees, the text elided to the cell, is the same whether the whole text is elided or the cut one; the
// cut never splits a character as a person sees it.
void TestTableBrowser::cutsLongTextToTheCellBeforeEliding()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(int, lines);
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    const QFontMetrics metrics(option.font);
    option.rect = QRect(0, 0, width, lines > 0 ? lines * metrics.lineSpacing() + 4 : 20);
    if (lines > 0)
        option.features |= QStyleOptionViewItem::WrapText;
    option.text = text;
    CellDelegate::clipToCell(&option);
    const int narrowest =
        std::min({metrics.horizontalAdvance(QLatin1Char('i')), metrics.horizontalAdvance(QLatin1Char('.')),
                  metrics.horizontalAdvance(QLatin1Char(' '))});
    if (option.text == text) {
        QVERIFY(text.size() < 16 || text.size() <= width / narrowest + 1); // short text is never cut
        return;
    }
    QVERIFY(option.text.endsWith(QStringLiteral("\u2026")));
    const QString kept = option.text.chopped(1);
    QVERIFY(text.startsWith(kept));
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    graphemes.setPosition(kept.size());
    QVERIFY(graphemes.isAtBoundary());
    QCOMPARE(metrics.elidedText(option.text, Qt::ElideRight, width), metrics.elidedText(text, Qt::ElideRight, width));
}

void TestTableBrowser::saysWhyATableIsReadOnly()
{
    const QString file = TestFiles::currentTestPath(m_dir);
    QVERIFY(TestFiles::execSql(file, QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT);"
                                                    "INSERT INTO items (title) VALUES ('one');"
                                                    "CREATE VIRTUAL TABLE notes USING fts5(body);"
                                                    "INSERT INTO notes (body) VALUES ('full text');")));
    auto readOnlyMark = [](const TableBrowser* browser) -> const QLabel* {
        for (const QLabel* label : browser->findChildren<QLabel*>()) {
            if (label->text().contains(QStringLiteral("Read-only")))
                return label;
        }
        return nullptr;
    };
    TableBrowser* notes = open(file, QStringLiteral("notes"));
    QVERIFY(notes);
    const QLabel* mark = readOnlyMark(notes);
    QVERIFY(mark);
    QVERIFY(mark->isVisible());
    QVERIFY2(mark->toolTip().contains(QStringLiteral("notes is read-only: a virtual table (fts5)")),
             qPrintable(mark->toolTip()));
    QSignalSpy problems(notes, &TableBrowser::problemFound);
    QApplication::clipboard()->setText(QStringLiteral("changed"));
    notes->view()->setCurrentIndex(notes->model()->index(0, 0));
    QVERIFY(!notes->pasteClipboard());
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().first().toString().contains(QStringLiteral("a virtual table (fts5)")));
    QVERIFY(m_fixture.session->pending().isEmpty());

    TableBrowser* items = open(file, QStringLiteral("items"));
    QVERIFY(items);
    const QLabel* none = readOnlyMark(items);
    QVERIFY(!none || !none->isVisible());
}

QTEST_MAIN(TestTableBrowser)
#include "tst_tablebrowser.moc"
