#include "value/ValueDock.h"

#include "browser/CellDelegate.h"
#include "browser/TableBrowser.h"
#include "models/TableModel.h"
#include "value/ValueEditor.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>

namespace quarry {

ValueDock::ValueDock(Dialogs& dialogs, QWidget* parent)
    : QDockWidget(QStringLiteral("Value Editor"), parent), m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("valueDock"));
    setDatabase(QString());
}

ValueDock::~ValueDock() = default;

void ValueDock::setDatabase(const QString& path)
{
    follow(nullptr);
    m_editor.reset();
    if (path.isEmpty()) {
        auto* empty = new QLabel(QStringLiteral("Open a database to see and edit the values of its cells here."), this);
        empty->setWordWrap(true);
        empty->setAlignment(Qt::AlignCenter);
        empty->setMargin(12);
        setWidget(empty);
        return;
    }
    m_editor = std::make_unique<ValueEditor>(path, m_dialogs);
    setWidget(m_editor.get());
}

void ValueDock::follow(TableBrowser* browser)
{
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_browser = browser;
    if (browser) {
        QTableView* view = browser->view();
        m_connections << connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ValueDock::sync);
        // Undo, redo, a write or a reload changes what the cell holds: show it again unless it is being edited.
        m_connections << connect(browser->model(), &QAbstractItemModel::dataChanged, this,
                                 [this](const QModelIndex& from, const QModelIndex& to) {
                                     const QModelIndex current =
                                         m_browser ? m_browser->view()->currentIndex() : QModelIndex();
                                     if (current.isValid() && current.row() >= from.row() && current.row() <= to.row())
                                         sync();
                                 });
        m_connections << connect(browser->model(), &QAbstractItemModel::modelReset, this, &ValueDock::sync);
    }
    sync();
}

void ValueDock::watch(TableBrowser* browser)
{
    auto* delegate = qobject_cast<CellDelegate*>(browser->view()->itemDelegate());
    if (!delegate)
        return;
    connect(delegate, &CellDelegate::valueEditorRequested, this, [this, browser](const QModelIndex& index) {
        if (m_browser != browser)
            follow(browser);
        show();
        raise();
        if (m_editor) {
            m_editor->setCell(browser->model(), index);
            m_editor->setFocus();
        }
    });
}

bool ValueDock::applyPending()
{
    return !m_editor || m_editor->apply();
}

void ValueDock::showEvent(QShowEvent* event)
{
    QDockWidget::showEvent(event);
    sync();
}

void ValueDock::sync()
{
    if (!m_editor || !isVisible())
        return;
    if (!m_browser) {
        m_editor->setCell(nullptr, {});
        return;
    }
    const QModelIndex current = m_browser->view()->currentIndex();
    if (m_editor->isEditing(m_browser->model(), current))
        return; // a person is typing there: what they typed stays
    m_editor->setCell(m_browser->model(), current);
}

} // namespace quarry
