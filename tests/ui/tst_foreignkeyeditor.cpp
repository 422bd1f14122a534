// The foreign-key picker on its own: what typing finds (with LIMIT, never the whole table), choosing with the
// mouse's API and the keyboard, and that typed text is no key until a row is chosen.
#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "browser/ForeignKeyEditor.h"

#include <QFile>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace quarry;
using namespace quarry::test;

namespace {

QList<qint64> keysOf(const KeyMatches& matches)
{
    QList<qint64> keys;
    for (const KeyMatch& match : matches)
        keys << match.key.toLongLong();
    return keys;
}

QList<qint64> keysFrom(const QString& file, const QString& sql)
{
    QList<qint64> keys;
    for (const QString& row : TestFiles::dumpRows(file, sql))
        keys << row.section(QLatin1Char(':'), 1).toLongLong();
    return keys;
}

const ForeignKeyInfo kAuthor{QStringLiteral("author_id"), QStringLiteral("users"), QStringLiteral("id"),
                             QStringLiteral("username"), QStringLiteral("CASCADE")};

} // namespace

class TestForeignKeyEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void findsRowsByWhatIsTyped_data();
    void findsRowsByWhatIsTyped();
    void neverFindsMoreThanTheLimit();
    void choosingAMatchSetsTheKeyAndWhatItShows();
    void choosesFromTheListWithTheKeyboard();
    void typingTheExactNameChoosesThatRow();
    void typedTextIsNoKeyUntilARowIsChosen();
    void searchesATableWithAnOddName();

private:
    ForeignKeyEditor* editor(const QString& file, const ForeignKeyInfo& key);
    bool type(const QString& text);

    QTemporaryDir m_dir;
    QString m_users;
    std::unique_ptr<ForeignKeyEditor> m_editor;
};

void TestForeignKeyEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_users = m_dir.filePath(QStringLiteral("300 users.db"));
    QVERIFY(DemoDatabase::create(m_users, true));
    QVERIFY(TestFiles::execSql(
        m_users, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                                "INSERT INTO users (username, email) SELECT 'user' || i, 'user' || i || "
                                "'@example.com' FROM n")));
}

void TestForeignKeyEditor::cleanup()
{
    m_editor.reset();
}

ForeignKeyEditor* TestForeignKeyEditor::editor(const QString& file, const ForeignKeyInfo& key)
{
    m_editor = std::make_unique<ForeignKeyEditor>(file, key);
    m_editor->resize(300, m_editor->sizeHint().height());
    m_editor->show();
    m_editor->activateWindow();
    return QTest::qWaitForWindowExposed(m_editor.get()) ? m_editor.get() : nullptr;
}

// Types `text` over what the field holds and waits for the search of exactly that text to answer.
bool TestForeignKeyEditor::type(const QString& text)
{
    QSignalSpy searched(m_editor.get(), &ForeignKeyEditor::searched);
    m_editor->selectAll();
    QTest::keyClicks(m_editor.get(), text);
    return m_editor->text() == text && QTest::qWaitFor([&] { return !searched.isEmpty(); }, 10000);
}

void TestForeignKeyEditor::findsRowsByWhatIsTyped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("first");
    QTest::addColumn<QList<qint64>>("then");
    // The key itself when the text is a number, then names that start with the text (in order), then names
    // that contain it.
    auto startsWith = [this](const QString& text) {
        return keysFrom(m_users, QStringLiteral("SELECT id FROM users WHERE substr(username, 1, %1) = '%2' "
                                                "ORDER BY username LIMIT 20")
                                     .arg(text.size())
                                     .arg(text));
    };
    auto contains = [this](const QString& text) {
        return keysFrom(m_users,
                        QStringLiteral("SELECT id FROM users WHERE instr(username, '%1') > 1 ORDER BY id").arg(text));
    };
    QTest::newRow("start of a name") << QStringLiteral("user30") << startsWith(QStringLiteral("user30"))
                                     << contains(QStringLiteral("user30"));
    QTest::newRow("the last user") << QStringLiteral("user300") << startsWith(QStringLiteral("user300"))
                                   << contains(QStringLiteral("user300"));
    QTest::newRow("a key") << QStringLiteral("300") << QList<qint64>{300} << contains(QStringLiteral("300"));
    QTest::newRow("part of a name") << QStringLiteral("lic") << startsWith(QStringLiteral("lic"))
                                    << contains(QStringLiteral("lic"));
    QTest::newRow("nothing") << QStringLiteral("zz") << QList<qint64>{} << QList<qint64>{};
}

void TestForeignKeyEditor::findsRowsByWhatIsTyped()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, first);
    QFETCH(QList<qint64>, then);
    QVERIFY(editor(m_users, kAuthor));
    QVERIFY(type(text));
    const QList<qint64> found = keysOf(m_editor->matches());
    QCOMPARE(found.mid(0, first.size()), first);
    QList<qint64> rest = found.mid(first.size());
    std::sort(rest.begin(), rest.end());
    for (qint64 key : first)
        then.removeAll(key);
    QCOMPARE(rest, then);
    // What each match shows is the row's name.
    for (const KeyMatch& match : m_editor->matches())
        QCOMPARE(match.display,
                 TestFiles::querySql(
                     m_users, QStringLiteral("SELECT username FROM users WHERE id = %1").arg(match.key.toLongLong())));
    // The list under the field shows them, or says there is no match.
    auto* list = m_editor->findChild<QListWidget*>();
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->count(), std::max<int>(1, int(found.size())));
    if (found.isEmpty())
        QVERIFY(list->item(0)->text().contains(text));
}

void TestForeignKeyEditor::neverFindsMoreThanTheLimit()
{
    QVERIFY(editor(m_users, kAuthor));
    QVERIFY(type(QStringLiteral("user")));
    QCOMPARE(m_editor->matches().size(), 20);
    for (const KeyMatch& match : m_editor->matches())
        QVERIFY(match.display.startsWith(QStringLiteral("user")));
}

void TestForeignKeyEditor::choosingAMatchSetsTheKeyAndWhatItShows()
{
    QVERIFY(editor(m_users, kAuthor));
    m_editor->setCurrent(1, QStringLiteral("alice"));
    QCOMPARE(m_editor->text(), QStringLiteral("alice"));
    QCOMPARE(m_editor->key().toLongLong(), 1);
    QVERIFY(type(QStringLiteral("user29")));
    int index = -1;
    for (int i = 0; i < m_editor->matches().size(); ++i) {
        if (m_editor->matches().at(i).display == QStringLiteral("user299"))
            index = i;
    }
    QVERIFY(index >= 0);
    QSignalSpy finished(m_editor.get(), &QLineEdit::editingFinished);
    m_editor->choose(index);
    QCOMPARE(m_editor->key().toLongLong(), 299);
    QCOMPARE(m_editor->display(), QStringLiteral("user299"));
    QCOMPARE(m_editor->text(), QStringLiteral("user299"));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_editor->findChild<QListWidget*>()->isVisible());
}

void TestForeignKeyEditor::choosesFromTheListWithTheKeyboard()
{
    QVERIFY(editor(m_users, kAuthor));
    QVERIFY(type(QStringLiteral("user30")));
    auto* list = m_editor->findChild<QListWidget*>();
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->currentRow(), 0);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentRow(), 1);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(m_editor->key(), m_editor->matches().at(1).key);
    QCOMPARE(m_editor->text(), m_editor->matches().at(1).display);
    QVERIFY(!list->isVisible());
}

void TestForeignKeyEditor::typingTheExactNameChoosesThatRow()
{
    QVERIFY(editor(m_users, kAuthor));
    QVERIFY(type(QStringLiteral("bob")));
    QCOMPARE(m_editor->key().toLongLong(),
             TestFiles::querySql(m_users, QStringLiteral("SELECT id FROM users WHERE username = 'bob'")).toLongLong());
    QCOMPARE(m_editor->display(), QStringLiteral("bob"));
}

void TestForeignKeyEditor::typedTextIsNoKeyUntilARowIsChosen()
{
    QVERIFY(editor(m_users, kAuthor));
    m_editor->setCurrent(2, QStringLiteral("bob"));
    QTest::keyClick(m_editor.get(), Qt::Key_End);
    QTest::keyClick(m_editor.get(), Qt::Key_X);
    QVERIFY(!m_editor->key().isValid());
    QVERIFY(type(QStringLiteral("nobody here")));
    QVERIFY(m_editor->matches().isEmpty());
    QVERIFY(!m_editor->key().isValid());
}

void TestForeignKeyEditor::searchesATableWithAnOddName()
{
    const QString file = m_dir.filePath(QStringLiteral("odd.db"));
    QFile::remove(file);
    QVERIFY(TestFiles::execSql(
        file,
        QStringLiteral("CREATE TABLE \"my \"\"odd\"\" table\" (\"ключ\" INTEGER PRIMARY KEY, \"a b\" TEXT UNIQUE);"
                       "INSERT INTO \"my \"\"odd\"\" table\" VALUES (1, 'first'), (2, 'zweite'), (3, '50% off');")));
    const ForeignKeyInfo key{QStringLiteral("owner"), QStringLiteral("my \"odd\" table"), QStringLiteral("ключ"),
                             QStringLiteral("a b"), QString()};
    QVERIFY(editor(file, key));
    QVERIFY(type(QStringLiteral("wei")));
    QCOMPARE(keysOf(m_editor->matches()), QList<qint64>{2});
    // % and _ are letters here, not patterns.
    QVERIFY(type(QStringLiteral("% o")));
    QCOMPARE(keysOf(m_editor->matches()), QList<qint64>{3});
    QVERIFY(type(QStringLiteral("_")));
    QVERIFY(m_editor->matches().isEmpty());
}

QTEST_MAIN(TestForeignKeyEditor)
#include "tst_foreignkeyeditor.moc"
