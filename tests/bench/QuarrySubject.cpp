#include "QuarrySubject.h"

#include "Dialogs.h"
#include "MainWindow.h"
#include "browser/FilterRow.h"
#include "browser/TableBrowser.h"
#include "models/TableModel.h"

#include <QPushButton>
#include <QTableView>

namespace quarry::bench {

QuarrySubject::QuarrySubject(QString table)
    : m_table(std::move(table))
    , m_window(std::make_unique<MainWindow>(std::make_unique<HeadlessDialogs>(QMessageBox::Discard)))
{
    m_window->resize(1200, 760);
}

QuarrySubject::~QuarrySubject() = default;

QWidget* QuarrySubject::window() const
{
    return m_window.get();
}

bool QuarrySubject::open(const QString& path, QString& error)
{
    // Read-only: the benchmark never writes to a file it may reuse. Browsing reads through the loader's own
    // read-only connection either way. The file opens on the table, as `quarry --table posts FILE` does.
    if (!m_window->openFile(path, true, m_table)) {
        error =
            m_window->lastError().isEmpty() ? QStringLiteral("Quarry could not open the file.") : m_window->lastError();
        return false;
    }
    m_browser = m_window->showTable(m_table);
    if (!m_browser) {
        error = QStringLiteral("Quarry could not show the %1 table.").arg(m_table);
        return false;
    }
    return true;
}

QTableView* QuarrySubject::view() const
{
    return m_browser ? m_browser->view() : nullptr;
}

QScrollBar* QuarrySubject::scrollBar() const
{
    return m_browser && m_browser->model()->isWindowed() ? m_browser->rowBar() : view()->verticalScrollBar();
}

qint64 QuarrySubject::tableRow(int viewRow) const
{
    return m_browser ? m_browser->model()->storedRowOf(viewRow) : viewRow;
}

bool QuarrySubject::isRowLoaded(int row) const
{
    const TableModel* model = m_browser ? m_browser->model() : nullptr;
    if (!model || row < 0 || row >= model->rowCount())
        return false;
    return !(model->index(row, 0).data(TableModel::StateRole).toInt() & TableModel::Loading);
}

int QuarrySubject::titleColumn() const
{
    return m_browser ? m_browser->model()->modelColumn(QStringLiteral("title")) : -1;
}

QLineEdit* QuarrySubject::titleFilter() const
{
    return m_browser ? m_browser->filterRow()->field(titleColumn()) : nullptr;
}

bool QuarrySubject::showsProgress() const
{
    if (!m_browser)
        return false;
    if (m_browser->model()->isLoading())
        return true;
    const auto buttons = m_browser->findChildren<QPushButton*>();
    return std::any_of(buttons.cbegin(), buttons.cend(), [](const QPushButton* button) {
        return button->isVisible() && button->text() == QStringLiteral("Cancel");
    });
}

} // namespace quarry::bench
