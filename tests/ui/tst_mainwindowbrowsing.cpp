// The main window, driven offscreen as a person drives it: browsing. Rows with NULL or dangling keys stay visible, a
// generic file with odd names opens, and each tab's browser is built when the tab is first shown.
#include "LessonDatabases.h"
#include "MainWindowFixture.h"
#include "TestFiles.h"

#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowBrowsing : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowBrowsing() : MainWindowFixture(QStringLiteral("tst_mainwindowbrowsing")) {}

private slots:
    void keepsPostsWithNullOrDanglingAuthorsVisible();
    void opensAGenericFileWithOddNamesAndBrowsesEveryTable();
    void buildsATabsBrowserWhenTheTabIsFirstShown();
};

void TestMainWindowBrowsing::keepsPostsWithNullOrDanglingAuthorsVisible()
{
    // The lesson's own tables allow a NULL author and were filled without foreign keys: author 999 is missing.
    const QString file = m_dir.filePath(QStringLiteral("lesson-authors.db"));
    QVERIFY(LessonDatabases::createSqlite3Lesson(file));
    QVERIFY(TestFiles::execSql(
        file, QStringLiteral("INSERT INTO posts (title, content, author_id) VALUES ('Nobody''s', 'x', NULL)")));
    const qint64 dangling = count(file, QStringLiteral("SELECT id FROM posts WHERE author_id = 999"));
    const qint64 nobody = count(file, QStringLiteral("SELECT id FROM posts WHERE author_id IS NULL"));
    QVERIFY(dangling > 0 && nobody > 0);

    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const TableModel* model = posts->model();
    QCOMPARE(model->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM posts"))));
    const int author = model->modelColumn(QStringLiteral("author_id"));
    const int danglingRow = rowOf(model, dangling);
    QVERIFY(danglingRow >= 0);
    QCOMPARE(cellText(model, danglingRow, author), QStringLiteral("999"));
    QVERIFY(cellState(model, danglingRow, author) & TableModel::Dangling);
    QVERIFY(cellData(model, danglingRow, author, Qt::ToolTipRole).toString().contains(QStringLiteral("999")));
    const int nobodyRow = rowOf(model, nobody);
    QVERIFY(nobodyRow >= 0);
    QVERIFY(cellState(model, nobodyRow, author) & TableModel::Null);
    QCOMPARE(cellState(model, nobodyRow, author) & TableModel::Dangling, 0);
    QCOMPARE(cellText(model, nobodyRow, 1), QStringLiteral("Nobody's"));
    // A good author is shown by name, not marked.
    QCOMPARE(cellText(model, rowOf(model, 1), author), QStringLiteral("alice"));
    QCOMPARE(cellState(model, rowOf(model, 1), author) & (TableModel::Dangling | TableModel::Null), 0);
}

void TestMainWindowBrowsing::opensAGenericFileWithOddNamesAndBrowsesEveryTable()
{
    const QString file = m_dir.filePath(QStringLiteral("odd names ☃.sqlite"));
    QString error;
    QVERIFY2(TestFiles::execSql(
                 file,
                 QStringLiteral(
                     "CREATE TABLE \"my \"\"odd\"\" table\" (\"ключ\" INTEGER PRIMARY KEY, \"a b\" TEXT UNIQUE, "
                     "\"naïve 'col'\" REAL);"
                     "CREATE TABLE \"Straße\" (code TEXT PRIMARY KEY, label TEXT, owner INTEGER REFERENCES "
                     "\"my \"\"odd\"\" table\" (\"ключ\") ON DELETE CASCADE) WITHOUT ROWID;"
                     "CREATE TABLE \"日本 table\" (x, y);"
                     "CREATE TABLE \"select\" (\"group\" TEXT, \"order\" INTEGER);"
                     "CREATE VIEW \"view of \"\"odd\"\"\" AS SELECT \"a b\", label FROM \"my \"\"odd\"\" table\" JOIN "
                     "\"Straße\" ON owner = \"ключ\";"
                     "INSERT INTO \"my \"\"odd\"\" table\" VALUES (1, 'first', 1.5), (2, 'zweite', NULL);"
                     "INSERT INTO \"Straße\" VALUES ('b', 'Bee', 2), ('a', 'Ay', 1);"
                     "INSERT INTO \"日本 table\" VALUES ('東京', 1), (x'414243', 2.5);"
                     "INSERT INTO \"select\" VALUES ('g', 1);"),
                 &error),
             qPrintable(error));
    QVERIFY(openWindow(file));
    QCOMPARE(m_window->session()->schema().isBlog(), false);
    auto objects = m_window->session()->objects();
    QVERIFY(objects);
    QCOMPARE(objects->size(), 5);
    for (const SchemaObject& object : *objects) {
        TableBrowser* table = browser(object.name);
        QVERIFY2(table, qPrintable(object.name));
        const TableModel* model = table->model();
        QCOMPARE(model->rowCount(),
                 int(count(file, QStringLiteral("SELECT count(*) FROM %1").arg(quoted(object.name)))));
        const int columns = int(count(
            file, QStringLiteral("SELECT count(*) FROM pragma_table_info(%1)")
                      .arg(QLatin1Char('\'') + QString(object.name).replace(QLatin1Char('\''), QStringLiteral("''")) +
                           QLatin1Char('\''))));
        QCOMPARE(model->columnCount(), columns);
        for (int c = 0; c < columns; ++c)
            QVERIFY(!model->headerData(c, Qt::Horizontal).toString().isEmpty());
        // Every stored value is there (order aside), as the file has it.
        QStringList shown;
        for (int row = 0; row < model->rowCount(); ++row) {
            QStringList cells;
            for (int c = 0; c < columns; ++c) {
                const QVariant value = cellData(model, row, c, Qt::EditRole);
                cells << (value.typeId() == QMetaType::QByteArray ? QString::fromLatin1(value.toByteArray().toHex())
                                                                  : value.toString());
            }
            shown << cells.join(QLatin1Char('|'));
        }
        QStringList stored;
        for (const QString& line :
             TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM %1").arg(quoted(object.name)))) {
            QStringList cells;
            for (const QString& cell : line.split(QLatin1Char('|'))) {
                const QString type = cell.section(QLatin1Char(':'), 0, 0);
                const QString text = cell.section(QLatin1Char(':'), 1);
                cells << (type == QStringLiteral("blob")   ? QString::fromLatin1(text.toLatin1().toHex())
                          : type == QStringLiteral("real") ? QString::number(text.toDouble())
                                                           : text);
            }
            stored << cells.join(QLatin1Char('|'));
        }
        shown.sort();
        stored.sort();
        QCOMPARE(shown, stored);
        const bool isView = object.type == QStringLiteral("view");
        QCOMPARE(model->table().isEditable(), !isView);
        QCOMPARE(action(QStringLiteral("Insert Row"))->isEnabled(), !isView);
        if (model->rowCount() > 0)
            QCOMPARE(bool(model->flags(model->index(0, columns - 1)) & Qt::ItemIsEditable), !isView);
    }

    // A key into a table with an odd name shows the parent's unique text column.
    TableBrowser* strasse = browser(QStringLiteral("Straße"));
    QVERIFY(strasse);
    const int owner = strasse->model()->modelColumn(QStringLiteral("owner"));
    const int bee = [&] {
        for (int row = 0; row < strasse->model()->rowCount(); ++row) {
            if (cellText(strasse->model(), row, 0) == QStringLiteral("b"))
                return row;
        }
        return -1;
    }();
    QVERIFY(bee >= 0);
    QCOMPARE(cellText(strasse->model(), bee, owner), QStringLiteral("zweite"));

    // Edits in the WITHOUT ROWID table and in the oddly quoted one are written.
    QVERIFY(editCell(strasse, bee, QStringLiteral("label"), QStringLiteral("Biene")));
    TableBrowser* odd = browser(QStringLiteral("my \"odd\" table"));
    QVERIFY(odd);
    QVERIFY(editCell(odd, rowOf(odd->model(), 1), QStringLiteral("a b"), QStringLiteral("erste")));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT label FROM \"Straße\" WHERE code = 'b'")),
             QStringLiteral("Biene"));
    QCOMPARE(
        TestFiles::querySql(file, QStringLiteral("SELECT \"a b\" FROM \"my \"\"odd\"\" table\" WHERE \"ключ\" = 1")),
        QStringLiteral("erste"));
}

void TestMainWindowBrowsing::buildsATabsBrowserWhenTheTabIsFirstShown()
{
    QVERIFY(openWindow(demoCopy()));
    auto* tabs = m_window->findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(tabs->tabText(0), QStringLiteral("users"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("posts"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("comments"));
    // Only the shown tab has a grid, a model and a loader reading the file.
    QCOMPARE(m_window->findChildren<TableBrowser*>().size(), 1);
    QCOMPARE(m_window->currentBrowser()->tableName(), QStringLiteral("users"));

    // Clicking a tab shows its rows.
    tabs->tabBar()->setCurrentIndex(2);
    TableBrowser* comments = m_window->currentBrowser();
    QVERIFY(comments);
    QCOMPARE(comments->tableName(), QStringLiteral("comments"));
    QTRY_COMPARE(comments->model()->rowCount(), 4);
    QCOMPARE(m_window->findChildren<TableBrowser*>().size(), 2);

    // Building a tab leaves the pending edits of the others alone.
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(editCell(users, 0, QStringLiteral("username"), QStringLiteral("renamed")));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    QCOMPARE(m_window->findChildren<TableBrowser*>().size(), 3);
    QCOMPARE(posts->model()->rowCount(), 4);
    QCOMPARE(m_window->showTable(QStringLiteral("users")), users);
    QCOMPARE(users->model()->index(0, users->model()->modelColumn(QStringLiteral("username"))).data().toString(),
             QStringLiteral("renamed"));

    // A table that is not there gets no tab, only a warning naming it.
    QVERIFY(!m_window->showTable(QStringLiteral("nosuch")));
    QCOMPARE(tabs->count(), 3);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QVERIFY(m_dialogs->warnings.constFirst().contains(QStringLiteral("nosuch")));

    // Closing the file takes every tab with it, built or not.
    m_window->session()->pending().clear();
    QVERIFY(m_window->closeFile());
    QCOMPARE(tabs->count(), 0);
    QVERIFY(m_window->findChildren<TableBrowser*>().isEmpty());
}

QTEST_MAIN(TestMainWindowBrowsing)
#include "tst_mainwindowbrowsing.moc"
