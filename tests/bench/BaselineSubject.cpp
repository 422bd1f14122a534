#include "BaselineSubject.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRelation>
#include <QSqlRelationalTableModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QWidget>

namespace quarry::bench {

BaselineSubject::BaselineSubject()
    : m_connectionName(QStringLiteral("baseline"))
    , m_window(std::make_unique<QWidget>())
    , m_filter(new QLineEdit(m_window.get()))
    , m_view(new QTableView(m_window.get()))
{
    m_filter->setPlaceholderText(QStringLiteral("Filter titles"));
    auto* layout = new QVBoxLayout(m_window.get());
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    m_window->resize(1200, 760);
    // Sorting as QTableView::setSortingEnabled(true) does it (model->sort() on a header click), without the
    // sort on column 0 that enabling it would start before the first rows are measured.
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    QObject::connect(header, &QHeaderView::sectionClicked, m_view, [this](int section) {
        m_view->horizontalHeader()->setSortIndicator(section, Qt::AscendingOrder);
        m_model->sort(section, Qt::AscendingOrder);
    });
    QObject::connect(m_filter, &QLineEdit::returnPressed, m_view, [this] { applyFilter(); });
}

BaselineSubject::~BaselineSubject()
{
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_window.reset();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QWidget* BaselineSubject::window() const
{
    return m_window.get();
}

bool BaselineSubject::open(const QString& path, QString& error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        error = db.lastError().text();
        return false;
    }
    m_model = new QSqlRelationalTableModel(m_view, db);
    m_model->setTable(QStringLiteral("posts"));
    m_model->setJoinMode(QSqlRelationalTableModel::LeftJoin);
    m_model->setEditStrategy(QSqlTableModel::OnManualSubmit);
    const int author = m_model->fieldIndex(QStringLiteral("author_id"));
    m_model->setRelation(author,
                         QSqlRelation(QStringLiteral("users"), QStringLiteral("id"), QStringLiteral("username")));
    if (!m_model->select()) {
        error = m_model->lastError().text();
        return false;
    }
    m_view->setModel(m_model);
    return true;
}

bool BaselineSubject::isRowLoaded(int row) const
{
    return m_model && row >= 0 && row < m_model->rowCount();
}

int BaselineSubject::titleColumn() const
{
    return m_model ? m_model->fieldIndex(QStringLiteral("title")) : -1;
}

void BaselineSubject::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    if (text.isEmpty()) {
        m_model->setFilter(QString());
        return;
    }
    // QSqlTableModel::setFilter takes SQL text and cannot bind: the word is quoted as an SQL string literal,
    // and the column named as the relational model's SELECT names it.
    QString literal = QStringLiteral("%") + text + QStringLiteral("%");
    literal.replace(QLatin1Char('\''), QStringLiteral("''"));
    const QString column =
        m_model->database().driver()->escapeIdentifier(QStringLiteral("title"), QSqlDriver::FieldName);
    m_model->setFilter(QStringLiteral("posts.%1 LIKE '%2'").arg(column, literal));
}

} // namespace quarry::bench
