// The main window, driven offscreen as a person drives it: editing cells and writing the changes. Ctrl+S, inserts,
// refused values, failed writes, Revert, Undo and Redo, picking a post's author among 300 users, and timestamps.
#include "MainWindowFixture.h"
#include "TestFiles.h"
#include "blog/Validators.h"
#include "browser/ForeignKeyEditor.h"

#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

class TestMainWindowEditing : public MainWindowFixture {
    Q_OBJECT

public:
    TestMainWindowEditing() : MainWindowFixture(QStringLiteral("tst_mainwindowediting")) {}

private slots:
    void editsAUsernameAndWritesItWithCtrlS();
    void insertsARowAndWritesIt();
    void refusesAnInvalidEmailWithAMessage();
    void keepsEveryPendingEditWhenWriteFails_data();
    void keepsEveryPendingEditWhenWriteFails();
    void revertDropsEveryPendingEdit();
    void undoAndRedoStepThroughCellEdits();
    void undoesTheFirstEditAndRedoesTheFirstUndo();
    void picksUser300Of300AsAPostsAuthor_data();
    void picksUser300Of300AsAPostsAuthor();
    void showsTimestampsInLocalTimeAndWritesThemUntouched();
};

void TestMainWindowEditing::editsAUsernameAndWritesItWithCtrlS()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const int row = rowOf(users->model(), 1);
    QCOMPARE(row, 0);
    const int username = users->model()->modelColumn(QStringLiteral("username"));
    QCOMPARE(cellText(users->model(), row, username), QStringLiteral("alice"));

    {
        const WarningLog log;
        QVERIFY(editCell(users, row, QStringLiteral("username"), QStringLiteral("alicia")));
        QVERIFY2(log.messages.filter(QStringLiteral("does not belong to this view")).isEmpty(),
                 qPrintable(log.messages.join(QLatin1Char('\n'))));
    }
    QCOMPARE(cellText(users->model(), row, username), QStringLiteral("alicia"));
    QVERIFY(cellState(users->model(), row, username) & TableModel::Edited);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT username FROM users WHERE id = 1")),
             QStringLiteral("alice")); // pending, not written

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT username FROM users WHERE id = 1")),
             QStringLiteral("alicia"));
    QVERIFY(m_dialogs->warnings.isEmpty());
    QVERIFY(m_window->session()->pending().isEmpty());
    QVERIFY(!m_window->isWindowModified());
    // The view reads the file again: the name is now stored, no longer pending.
    QVERIFY(waitForRows(users->model()));
    QCOMPARE(cellText(users->model(), rowOf(users->model(), 1), username), QStringLiteral("alicia"));
    QVERIFY(!(cellState(users->model(), rowOf(users->model(), 1), username) & TableModel::Edited));
}

void TestMainWindowEditing::insertsARowAndWritesIt()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    users->view()->setFocus();
    const int before = users->model()->rowCount();
    pressOnWindow(Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(users->model()->rowCount(), before + 1);
    const int row = before;
    QVERIFY(cellState(users->model(), row, 1) & TableModel::Inserted);
    // The new row's first field is open for typing.
    auto* editor = qobject_cast<QLineEdit*>(users->view()->indexWidget(users->model()->index(row, 1)));
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("dora"));
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(editCell(users, row, QStringLiteral("email"), QStringLiteral("dora@example.com")));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE username = 'dora'")),
             QStringLiteral("dora@example.com"));
    QVERIFY(waitForRows(users->model()));
    QCOMPARE(users->model()->rowCount(), before + 1);
    QVERIFY(!(cellState(users->model(), before, 1) & TableModel::Inserted));
}

void TestMainWindowEditing::refusesAnInvalidEmailWithAMessage()
{
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const int row = rowOf(users->model(), 2);
    const int email = users->model()->modelColumn(QStringLiteral("email"));
    const QString typed = QStringLiteral("bob at example dot com");
    QVERIFY(editCell(users, row, QStringLiteral("email"), typed));

    // The cell is marked as refused, and says why in the validators' own words.
    const std::optional<QString> why = Validators::check(QStringLiteral("users"), QStringLiteral("email"), typed);
    QVERIFY(why && !why->isEmpty());
    QVERIFY(cellState(users->model(), row, email) & TableModel::Invalid);
    QCOMPARE(cellData(users->model(), row, email, TableModel::ProblemRole).toString(), *why);
    QCOMPARE(cellData(users->model(), row, email, Qt::ToolTipRole).toString(), *why);

    // Write refuses it before anything reaches the file, says why, and keeps the edit to be corrected.
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QVERIFY2(m_dialogs->warnings.first().contains(typed), qPrintable(m_dialogs->warnings.first()));
    QCOMPARE(everything(file), before);
    QCOMPARE(cellText(users->model(), row, email), typed);
    QVERIFY(cellState(users->model(), row, email) & TableModel::Invalid);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(users->currentIdentity().toLongLong(), 2);

    // Corrected, it is written.
    QVERIFY(editCell(users, row, QStringLiteral("email"), QStringLiteral("bob@example.org")));
    QVERIFY(!(cellState(users->model(), row, email) & TableModel::Invalid));
    QVERIFY(cellData(users->model(), row, email, TableModel::ProblemRole).toString().isEmpty());
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 2")),
             QStringLiteral("bob@example.org"));
}

void TestMainWindowEditing::keepsEveryPendingEditWhenWriteFails_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<qint64>("identity");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("username taken") << QStringLiteral("users") << qint64(1) << QStringLiteral("username")
                                    << QVariant(QStringLiteral("bob"))
                                    << QStringList{QStringLiteral("'bob'"), QStringLiteral("already taken")};
    QTest::newRow("author missing") << QStringLiteral("posts") << qint64(3) << QStringLiteral("author_id")
                                    << QVariant(999) << QStringList{QStringLiteral("999")};
}

void TestMainWindowEditing::keepsEveryPendingEditWhenWriteFails()
{
    QFETCH(QString, table);
    QFETCH(qint64, identity);
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(QStringList, words);
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));

    // Edits in three tables, a delete, and the one that cannot be written.
    TableBrowser* comments = browser(QStringLiteral("comments"));
    QVERIFY(comments);
    QVERIFY(editCell(comments, rowOf(comments->model(), 4), QStringLiteral("content"), QStringLiteral("Edited!")));
    comments->view()->setCurrentIndex(comments->model()->index(rowOf(comments->model(), 2), 1));
    m_dialogs->answers << QMessageBox::Yes;
    m_window->deleteSelectedRows();
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(editCell(users, rowOf(users->model(), 3), QStringLiteral("email"), QStringLiteral("c@example.org")));
    TableBrowser* failing = browser(table);
    QVERIFY(failing);
    const int failingRow = rowOf(failing->model(), identity);
    const int failingColumn = failing->model()->modelColumn(column);
    QVERIFY(failing->model()->setData(failing->model()->index(failingRow, failingColumn), value));
    const int pendingRows = m_window->session()->pending().rowCount();
    QCOMPARE(pendingRows, 4);
    // Write from another tab: the window shows where it failed.
    QVERIFY(browser(table == QStringLiteral("users") ? QStringLiteral("comments") : QStringLiteral("users")));

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(everything(file), before);
    QCOMPARE(m_window->session()->pending().rowCount(), pendingRows);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_dialogs->warnings.size(), 1);
    for (const QString& word : words)
        QVERIFY2(m_dialogs->warnings.first().contains(word), qPrintable(m_dialogs->warnings.first()));

    // The failing cell is shown, marked, and says why in words.
    QCOMPARE(m_window->currentBrowser(), failing);
    QCOMPARE(failing->currentIdentity().toLongLong(), identity);
    QVERIFY(cellState(failing->model(), failingRow, failingColumn) & TableModel::Invalid);
    const QString problem = cellData(failing->model(), failingRow, failingColumn, TableModel::ProblemRole).toString();
    for (const QString& word : words)
        QVERIFY2(problem.contains(word), qPrintable(problem));

    // Every other edit is still shown as pending.
    QCOMPARE(cellText(comments->model(), rowOf(comments->model(), 4), 1), QStringLiteral("Edited!"));
    QVERIFY(cellState(comments->model(), rowOf(comments->model(), 4), 1) & TableModel::Edited);
    QVERIFY(cellState(comments->model(), rowOf(comments->model(), 2), 1) & TableModel::Deleted);
    const int email = users->model()->modelColumn(QStringLiteral("email"));
    QCOMPARE(cellText(users->model(), rowOf(users->model(), 3), email), QStringLiteral("c@example.org"));

    // The failing cell has the keyboard, so F2 corrects it and Ctrl+Z undoes it.
    QCOMPARE(QApplication::focusWidget(), failing->view());
    failing->view()->setFocus(); // where a person's click would put it

    // Undoing the failing edit lets the rest be written.
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->session()->pending().rowCount(), pendingRows - 1);
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_dialogs->warnings.size(), 1);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT content FROM comments WHERE id = 4")),
             QStringLiteral("Edited!"));
    QCOMPARE(count(file, QStringLiteral("SELECT count(*) FROM comments WHERE id = 2")), 0);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 3")),
             QStringLiteral("c@example.org"));
    const QString stored =
        QStringLiteral("SELECT %1 FROM %2 WHERE rowid = %3").arg(quoted(column), quoted(table)).arg(identity);
    QCOMPARE(TestFiles::querySql(file, stored), TestFiles::querySql(m_template, stored));
}

void TestMainWindowEditing::revertDropsEveryPendingEdit()
{
    const QString file = demoCopy();
    const QStringList before = everything(file);
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int title = posts->model()->modelColumn(QStringLiteral("title"));
    const QString oldTitle = cellText(posts->model(), 0, title);
    QVERIFY(editCell(posts, 0, QStringLiteral("title"), QStringLiteral("Rust Programming")));
    QVERIFY(posts->model()->insertRows(posts->model()->rowCount(), 1));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    QVERIFY(users->model()->removeRows(rowOf(users->model(), 3), 1));
    QCOMPARE(m_window->session()->pending().rowCount(), 3);
    QVERIFY(action(QStringLiteral("Revert Changes"))->isEnabled());

    action(QStringLiteral("Revert Changes"))->trigger();
    QVERIFY(m_window->session()->pending().isEmpty());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!action(QStringLiteral("Revert Changes"))->isEnabled());
    QVERIFY(waitForRows(posts->model()));
    QVERIFY(waitForRows(users->model()));
    QCOMPARE(posts->model()->rowCount(), int(count(file, QStringLiteral("SELECT count(*) FROM posts"))));
    QCOMPARE(cellText(posts->model(), 0, title), oldTitle);
    QCOMPARE(cellState(posts->model(), 0, title) & TableModel::Edited, 0);
    QCOMPARE(cellState(users->model(), rowOf(users->model(), 3), 1) & TableModel::Deleted, 0);
    QCOMPARE(everything(file), before);
}

void TestMainWindowEditing::undoAndRedoStepThroughCellEdits()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const TableModel* model = users->model();
    const int email = model->modelColumn(QStringLiteral("email"));
    const int first = model->modelColumn(QStringLiteral("first_name"));
    const QString oldEmail = cellText(model, 0, email);
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("a1@example.com")));
    QVERIFY(editCell(users, 0, QStringLiteral("email"), QStringLiteral("a2@example.com")));
    QVERIFY(editCell(users, 1, QStringLiteral("first_name"), QStringLiteral("Robert")));
    QVERIFY(action(QStringLiteral("Undo"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Redo"))->isEnabled());

    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(cellText(model, 1, first).isEmpty());
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a2@example.com"));
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a1@example.com"));
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(cellText(model, 0, email), oldEmail);
    QCOMPARE(cellState(model, 0, email) & TableModel::Edited, 0);
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!action(QStringLiteral("Undo"))->isEnabled());

    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a1@example.com"));
    QVERIFY(m_window->isWindowModified());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(model, 0, email), QStringLiteral("a2@example.com"));
    QCOMPARE(cellText(model, 1, first), QStringLiteral("Robert"));
    QVERIFY(!action(QStringLiteral("Redo"))->isEnabled());
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email || ' ' || first_name FROM users WHERE id = 2")),
             TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 2")) +
                 QStringLiteral(" Robert"));
    QCOMPARE(TestFiles::querySql(file, QStringLiteral("SELECT email FROM users WHERE id = 1")),
             QStringLiteral("a2@example.com"));
}

void TestMainWindowEditing::undoesTheFirstEditAndRedoesTheFirstUndo()
{
    const QString file = demoCopy();
    QVERIFY(openWindow(file));
    TableBrowser* users = browser(QStringLiteral("users"));
    QVERIFY(users);
    const int last = users->model()->modelColumn(QStringLiteral("last_name"));
    QVERIFY(editCell(users, 0, QStringLiteral("last_name"), QStringLiteral("Liddell")));
    QVERIFY(action(QStringLiteral("Undo"))->isEnabled());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(cellText(users->model(), 0, last).isEmpty());
    QVERIFY(!action(QStringLiteral("Undo"))->isEnabled());
    QVERIFY(action(QStringLiteral("Redo"))->isEnabled());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(users->model(), 0, last), QStringLiteral("Liddell"));
    QVERIFY(action(QStringLiteral("Undo"))->isEnabled());
    QVERIFY(!action(QStringLiteral("Redo"))->isEnabled());
}

void TestMainWindowEditing::picksUser300Of300AsAPostsAuthor_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("how");
    QTest::newRow("exact name, Enter") << QStringLiteral("user300") << QStringLiteral("enter");
    QTest::newRow("arrow keys in the list, Enter") << QStringLiteral("user30") << QStringLiteral("keys");
    QTest::newRow("click in the list") << QStringLiteral("user30") << QStringLiteral("click");
}

void TestMainWindowEditing::picksUser300Of300AsAPostsAuthor()
{
    QFETCH(QString, typed);
    QFETCH(QString, how);
    const QString file = usersFile(300);
    QVERIFY(!file.isEmpty());
    QCOMPARE(count(file, QStringLiteral("SELECT max(id) FROM users")), 300);
    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int row = rowOf(posts->model(), 3);
    const QModelIndex author = posts->model()->index(row, posts->model()->modelColumn(QStringLiteral("author_id")));
    QTableView* view = posts->view();
    view->setFocus();
    view->setCurrentIndex(author);
    QTest::keyClick(view, Qt::Key_F2);
    auto* picker = qobject_cast<ForeignKeyEditor*>(view->indexWidget(author));
    QVERIFY2(picker, "a foreign-key cell is edited with the searchable picker");
    QCOMPARE(picker->text(), cellText(posts->model(), row, author.column()));
    QSignalSpy searched(picker, &ForeignKeyEditor::searched);
    QTest::keyClicks(picker, typed); // replaces the selected name
    QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty(), 10000);
    QCOMPARE(picker->text(), typed);
    int match = -1;
    for (int i = 0; i < picker->matches().size(); ++i) {
        if (picker->matches().at(i).key.toLongLong() == 300)
            match = i;
    }
    QVERIFY(match >= 0);
    QCOMPARE(picker->matches().at(match).display, QStringLiteral("user300"));

    auto* list = picker->findChild<QListWidget*>();
    QVERIFY(list && list->isVisible());
    if (how == QStringLiteral("enter")) {
        QCOMPARE(picker->key().toLongLong(), 300); // the exact name chose the row
        QTest::keyClick(picker, Qt::Key_Return);
    } else if (how == QStringLiteral("keys")) {
        QVERIFY(match > 0);
        for (int i = 0; i < match; ++i)
            QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
    } else {
        QListWidgetItem* item = list->item(match);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    }
    // The pick is the answer: the cell takes it and the editor closes, with no further key.
    QTRY_VERIFY_WITH_TIMEOUT(view->indexWidget(author) == nullptr, 5000);

    QCOMPARE(cellText(posts->model(), row, author.column()), QStringLiteral("user300"));
    QCOMPARE(cellData(posts->model(), row, author.column(), Qt::EditRole).toLongLong(), 300);
    QVERIFY(cellState(posts->model(), row, author.column()) & TableModel::Edited);
    // One pick is one step to undo.
    const QString before = TestFiles::querySql(
        file, QStringLiteral("SELECT u.username FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = 3"));
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(cellText(posts->model(), row, author.column()), before);
    QVERIFY(!m_window->isWindowModified());
    pressOnWindow(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cellText(posts->model(), row, author.column()), QStringLiteral("user300"));

    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(m_dialogs->warnings.isEmpty(), qPrintable(m_dialogs->warnings.join(QLatin1Char('\n'))));
    QCOMPARE(count(file, QStringLiteral("SELECT author_id FROM posts WHERE id = 3")), 300);
    QVERIFY(waitForRows(posts->model()));
    QCOMPARE(cellText(posts->model(), rowOf(posts->model(), 3), author.column()), QStringLiteral("user300"));
}

void TestMainWindowEditing::showsTimestampsInLocalTimeAndWritesThemUntouched()
{
    // A zone without daylight saving, half an hour off, given as a POSIX rule so no zone database is needed.
    const QByteArray zone = qgetenv("TZ");
    qputenv("TZ", "QRT-5:30");
    tzset();
    const auto restore = qScopeGuard([zone] {
        if (zone.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", zone);
        tzset();
    });
    const QString file = demoCopy();
    const QString stored = TestFiles::querySql(file, QStringLiteral("SELECT created_at FROM posts WHERE id = 1"));
    QDateTime utc = QDateTime::fromString(stored, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY(utc.isValid());
    utc.setTimeSpec(Qt::UTC);
    const QString local = utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QCOMPARE(utc.toLocalTime().offsetFromUtc(), 5 * 3600 + 1800);

    QVERIFY(openWindow(file));
    TableBrowser* posts = browser(QStringLiteral("posts"));
    QVERIFY(posts);
    const int created = posts->model()->modelColumn(QStringLiteral("created_at"));
    const int row = rowOf(posts->model(), 1);
    QCOMPARE(cellText(posts->model(), row, created), local);
    QCOMPARE(cellData(posts->model(), row, created, TableModel::RawValueRole).toString(), stored);
    // Editing another column of the row leaves the stored time exactly as it was (text, no zone added).
    QVERIFY(editCell(posts, row, QStringLiteral("title"), QStringLiteral("Python, Again")));
    pressOnWindow(Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(TestFiles::dumpRows(file, QStringLiteral("SELECT created_at FROM posts WHERE id = 1")),
             QStringList{QStringLiteral("text:") + stored});
}

QTEST_MAIN(TestMainWindowEditing)
#include "tst_mainwindowediting.moc"
