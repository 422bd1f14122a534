#include "MainWindow.h"

#include "database/DatabaseCheck.h"

#include <QFileInfo>
#include <QMessageBox>
#include <QSqlTableModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace quarry {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_tabs(new QTabWidget(this))
{
    setCentralWidget(m_tabs);
    setWindowTitle(QStringLiteral("Quarry"));
    resize(1000, 640);
}

MainWindow::~MainWindow()
{
    closeFile();
}

void MainWindow::closeFile()
{
    while (m_tabs->count() > 0) {
        QWidget* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_connection.reset();
}

bool MainWindow::openFile(const QString& path, bool readOnly)
{
    closeFile();
    auto connection = Connection::open(
        path, {readOnly ? Connection::Mode::ReadOnly : Connection::Mode::ReadWrite, 5000, QStringLiteral("gui")});
    if (!connection) {
        QMessageBox::warning(this, QStringLiteral("Cannot open file"), connection.error().message);
        return false;
    }
    m_connection = std::move(*connection);
    auto tables = DatabaseCheck::tableNames(m_connection->database());
    if (tables) {
        for (const QString& table : *tables) {
            auto* view = new QTableView(m_tabs);
            auto* model = new QSqlTableModel(view, m_connection->database());
            model->setTable(table);
            model->select();
            view->setModel(model);
            m_tabs->addTab(view, table);
        }
    }
    setWindowTitle(QFileInfo(path).fileName() +
                   (m_connection->isReadOnly() ? QStringLiteral(" [read-only]") : QString()));
    if (!m_connection->readOnlyReason().isEmpty())
        statusBar()->showMessage(m_connection->readOnlyReason());
    return true;
}

} // namespace quarry
