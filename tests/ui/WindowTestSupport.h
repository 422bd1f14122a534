#pragma once

// Helpers shared by the window's widget tests: waiting for a table model's rows, checking every model with
// QAbstractItemModelTester, reading cells once their page has arrived, answering the window's questions, and
// reading a file's rows to compare with what the window shows or wrote.

#include "Dialogs.h"
#include "TestFiles.h"
#include "browser/TableBrowser.h"
#include "models/DatabaseSession.h"
#include "models/TableModel.h"

#include <QAbstractItemModelTester>
#include <QList>
#include <QStringList>
#include <QTest>
#include <QtGlobal>

#include <functional>
#include <memory>

namespace quarry::test {

// Waits until the first rows of the model's current request are in and the rows are counted exactly.
inline bool waitForRows(const TableModel* model, int timeoutMs = 10000)
{
    return model && QTest::qWaitFor([model] { return !model->isLoading() && model->isCountExact(); }, timeoutMs);
}

// Attaches a QAbstractItemModelTester (reporting through QtTest) that lives as long as the model.
inline void checkModel(TableModel* model)
{
    if (!model || model->property("quarryTested").toBool())
        return;
    model->setProperty("quarryTested", true);
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
}

// The cell's value for `role` once its page has been read (a cell whose page is not cached shows Loading).
inline QVariant cellData(const TableModel* model, int row, int column, int role = Qt::DisplayRole)
{
    const QModelIndex index = model->index(row, column);
    (void)QTest::qWaitFor([&] { return !(model->data(index, TableModel::StateRole).toInt() & TableModel::Loading); },
                          10000);
    return model->data(index, role);
}

inline QString cellText(const TableModel* model, int row, int column)
{
    return cellData(model, row, column).toString();
}

inline int cellState(const TableModel* model, int row, int column)
{
    return cellData(model, row, column, TableModel::StateRole).toInt();
}

// The row showing `identity` (the rowid), -1 when it is not loaded.
inline int rowOf(const TableModel* model, qint64 identity)
{
    return model->rowOfIdentity(QVariant(identity));
}

// One table of a file in a TableBrowser of its own, shown offscreen, its model checked and its first rows in.
// `prepare` runs on the model before the browser is shown. Returns null when any of it fails.
struct BrowserFixture {
    std::unique_ptr<DatabaseSession> session;
    std::unique_ptr<TableBrowser> browser; // reads the session's file: goes first

    TableBrowser* open(const QString& file, const QString& table, QSize size,
                       const std::function<void(TableModel*)>& prepare = {})
    {
        close();
        auto opened = DatabaseSession::open(file, false);
        if (!opened)
            return nullptr;
        session = std::move(*opened);
        auto model = session->createModel(table);
        if (!model)
            return nullptr;
        browser = std::make_unique<TableBrowser>(*session, std::move(*model));
        checkModel(browser->model());
        if (prepare)
            prepare(browser->model());
        browser->resize(size);
        browser->show();
        if (!QTest::qWaitForWindowExposed(browser.get()) || !waitForRows(browser->model()))
            return nullptr;
        return browser.get();
    }

    void close()
    {
        browser.reset();
        session.reset();
    }
};

// Collects the warnings Qt prints while it lives (and still passes them on to QtTest's log).
class WarningLog {
public:
    WarningLog() : m_previous(qInstallMessageHandler(&WarningLog::handle)) { s_current = this; }
    ~WarningLog()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    WarningLog(const WarningLog&) = delete;
    WarningLog& operator=(const WarningLog&) = delete;

    QStringList messages;

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (s_current) {
            if (type == QtWarningMsg)
                s_current->messages << message;
            if (s_current->m_previous)
                s_current->m_previous(type, context, message);
        }
    }
    static inline WarningLog* s_current = nullptr;
    QtMessageHandler m_previous;
};

// Answers the window's questions from a script and records every question and warning, so tests check the
// words a person would read without a modal dialog.
class ScriptedDialogs : public Dialogs {
public:
    QList<QMessageBox::StandardButton> answers; // taken in order; an unexpected question is answered Cancel
    QStringList questions;
    QStringList warnings;
    QStringList unexpected;
    QStringList filesToOpen;
    QStringList filesToSave;

    QMessageBox::StandardButton ask(QWidget*, const QString& title, const QString& text,
                                    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton) override
    {
        questions << text;
        if (answers.isEmpty()) {
            unexpected << title + QStringLiteral(": ") + text;
            return QMessageBox::Cancel;
        }
        const QMessageBox::StandardButton answer = answers.takeFirst();
        if (!(buttons & answer))
            unexpected << QStringLiteral("answer not offered for: ") + text;
        return answer;
    }
    void warn(QWidget*, const QString&, const QString& text) override { warnings << text; }
    QString openFileName(QWidget*, const QString&) override
    {
        return filesToOpen.isEmpty() ? QString() : filesToOpen.takeFirst();
    }
    QString saveFileName(QWidget*, const QString&, const QString&) override
    {
        return filesToSave.isEmpty() ? QString() : filesToSave.takeFirst();
    }
};

// A name as SQL quotes it: "odd ""name""".
inline QString quoted(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

inline QString plural(qint64 n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

// The one number `sql` reads from `file`.
inline qint64 count(const QString& file, const QString& sql)
{
    return TestFiles::querySql(file, sql).toLongLong();
}

// Every row of every table of a file, to tell whether a failed write changed anything at all.
inline QStringList everything(const QString& file)
{
    QStringList rows =
        TestFiles::dumpRows(file, QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY name"));
    for (const QString& table : {QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments"),
                                 QStringLiteral("user_profiles")})
        rows << TestFiles::dumpRows(file, QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table));
    rows << TestFiles::querySql(file, QStringLiteral("PRAGMA user_version"));
    return rows;
}

} // namespace quarry::test
