#pragma once

// The fixture the main window's tests share, one test executable per feature: a demo database copied fresh
// for each test, the real window opened on it with its questions answered from a script, and the steps a
// person takes in it (showing a table, editing a cell, pressing a key, choosing an action).

#include "MainWindow.h"
#include "WindowTestSupport.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QAction;

namespace quarry::test {

class MainWindowFixture : public QObject {
    Q_OBJECT

public:
    // `applicationName` keeps each executable's settings (recent files, the window's layout) apart, so the
    // feature tests can run side by side.
    explicit MainWindowFixture(QString applicationName);

private slots:
    void initTestCase();
    void init();
    void cleanup();

protected:
    // A fresh copy of the demo database for the running test.
    QString demoCopy(const QString& name = {});
    QString usersFile(int users);
    MainWindow* openWindow(const QString& file, bool readOnly = false);
    TableBrowser* browser(const QString& table);
    QAction* action(const QString& text) const;
    bool editCell(TableBrowser* browser, int row, const QString& column, const QString& text);
    void pressOnWindow(Qt::Key key, Qt::KeyboardModifiers modifiers);

    QTemporaryDir m_dir;
    QString m_template;
    std::unique_ptr<MainWindow> m_window;
    ScriptedDialogs* m_dialogs = nullptr;
    int m_copies = 0;

private:
    QString m_applicationName;
};

} // namespace quarry::test
