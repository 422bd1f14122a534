#include "MainWindowFixture.h"

#include "TestFiles.h"
#include "blog/DemoDatabase.h"
#include "models/DatabaseSession.h"
#include "query/QueryPanel.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <utility>

namespace quarry::test {

MainWindowFixture::MainWindowFixture(QString applicationName) : m_applicationName(std::move(applicationName)) {}

void MainWindowFixture::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QuarryTests"));
    QCoreApplication::setApplicationName(m_applicationName);
    QSettings().clear(); // recent files and layout from an earlier run
    QVERIFY(m_dir.isValid());
    m_template = m_dir.filePath(QStringLiteral("template.db"));
    QVERIFY(DemoDatabase::create(m_template, true));
}

void MainWindowFixture::init()
{
    m_window.reset();
    m_dialogs = nullptr;
}

void MainWindowFixture::cleanup()
{
    if (m_dialogs && !QTest::currentTestFailed())
        QVERIFY2(m_dialogs->unexpected.isEmpty(), qPrintable(m_dialogs->unexpected.join(QLatin1Char('\n'))));
    if (m_window && m_window->session())
        m_window->session()->pending().clear(); // closes without asking
    m_window.reset();
}

QString MainWindowFixture::demoCopy(const QString& name)
{
    const QString file = m_dir.filePath(name.isEmpty() ? QStringLiteral("demo-%1.db").arg(++m_copies) : name);
    QFile::remove(file);
    return QFile::copy(m_template, file) ? file : QString();
}

QString MainWindowFixture::usersFile(int users)
{
    const QString file = demoCopy(QStringLiteral("users-%1-%2.db").arg(users).arg(++m_copies));
    const bool ok = TestFiles::execSql(
        file, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                             "INSERT INTO users (username, email) SELECT 'user' || i, 'user' || i || '@example.com' "
                             "FROM n")
                  .arg(users));
    return ok ? file : QString();
}

MainWindow* MainWindowFixture::openWindow(const QString& file, bool readOnly)
{
    auto dialogs = std::make_unique<ScriptedDialogs>();
    m_dialogs = dialogs.get();
    m_window = std::make_unique<MainWindow>(std::move(dialogs));
    // The query editor's own questions (unsaved SQL, destructive statements) are answered from the same script.
    m_window->queryPanel()->prompts().setQuestionHook(
        [dialogs = m_dialogs](const QString& title, const QString& text, QMessageBox::StandardButtons buttons) {
            return dialogs->ask(nullptr, title, text, buttons, QMessageBox::NoButton);
        });
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return nullptr;
    if (!m_window->openFile(file, readOnly))
        return nullptr;
    return m_window.get();
}

TableBrowser* MainWindowFixture::browser(const QString& table)
{
    TableBrowser* browser = m_window->showTable(table);
    if (!browser)
        return nullptr;
    checkModel(browser->model());
    return waitForRows(browser->model()) ? browser : nullptr;
}

QAction* MainWindowFixture::action(const QString& text) const
{
    const QList<QAction*> actions = m_window->actions();
    for (QAction* candidate : actions) {
        if (candidate->text().remove(QLatin1Char('&')) == text)
            return candidate;
    }
    return nullptr;
}

void MainWindowFixture::pressOnWindow(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    // Keys go to the widget with focus, as a person's would; shortcuts are the window's.
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(target, key, modifiers);
}

// Opens the cell's editor with F2, replaces its text and presses Enter, as a person edits a cell.
bool MainWindowFixture::editCell(TableBrowser* browser, int row, const QString& column, const QString& text)
{
    QTableView* view = browser->view();
    const QModelIndex index = browser->model()->index(row, browser->model()->modelColumn(column));
    if (!index.isValid())
        return false;
    view->setFocus();
    view->setCurrentIndex(index);
    view->scrollTo(index);
    QTest::keyClick(view, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(view->indexWidget(index));
    if (!editor)
        return false;
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    return QTest::qWaitFor([&] { return view->indexWidget(index) == nullptr; }, 5000);
}

} // namespace quarry::test
