#include "browser/FilterRow.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace quarry {

FilterRow::FilterRow(QTableView* view, QWidget* parent) : QWidget(parent), m_view(view)
{
    setFixedHeight(QLineEdit().sizeHint().height());
    QHeaderView* header = view->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &FilterRow::realign);
    connect(header, &QHeaderView::geometriesChanged, this, &FilterRow::realign);
    connect(header, &QHeaderView::sectionMoved, this, &FilterRow::realign);
    connect(view->verticalHeader(), &QHeaderView::geometriesChanged, this, &FilterRow::realign);
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, &FilterRow::realign);
}

void FilterRow::setColumnCount(int columns)
{
    qDeleteAll(m_fields);
    m_fields.clear();
    for (int c = 0; c < columns; ++c) {
        auto* field = new QLineEdit(this);
        field->setPlaceholderText(QStringLiteral("Filter"));
        field->setClearButtonEnabled(true);
        field->setToolTip(QStringLiteral("Text matches anywhere; =, <>, <, >, <=, >= compare; NULL and NOT NULL test "
                                         "for no value."));
        // Typing pauses briefly before the filter runs, so each keystroke does not start a query.
        auto* timer = new QTimer(field);
        timer->setSingleShot(true);
        timer->setInterval(250);
        connect(field, &QLineEdit::textChanged, timer, qOverload<>(&QTimer::start));
        connect(timer, &QTimer::timeout, this, &FilterRow::filtersChanged);
        connect(field, &QLineEdit::returnPressed, this, &FilterRow::filtersChanged);
        field->show();
        m_fields << field;
    }
    realign();
}

void FilterRow::realign()
{
    // Fields sit over the columns: past the row numbers, moved with the horizontal scroll.
    const QHeaderView* header = m_view->horizontalHeader();
    const int left =
        m_view->frameWidth() + (m_view->verticalHeader()->isVisible() ? m_view->verticalHeader()->width() : 0);
    for (int c = 0; c < m_fields.size(); ++c) {
        QLineEdit* field = m_fields.at(c);
        const int x = header->sectionViewportPosition(c);
        if (header->isSectionHidden(c) || x + header->sectionSize(c) < 0) {
            field->hide();
            continue;
        }
        field->setGeometry(left + x, 0, header->sectionSize(c), height());
        field->show();
    }
}

QHash<int, QString> FilterRow::filters() const
{
    QHash<int, QString> result;
    for (int c = 0; c < m_fields.size(); ++c) {
        if (!m_fields.at(c)->text().trimmed().isEmpty())
            result.insert(c, m_fields.at(c)->text());
    }
    return result;
}

void FilterRow::clear()
{
    for (QLineEdit* field : m_fields) {
        const QSignalBlocker block(field);
        field->clear();
    }
}

void FilterRow::setFilterText(int column, const QString& text)
{
    if (QLineEdit* field = m_fields.value(column)) {
        const QSignalBlocker block(field);
        field->setText(text);
    }
}

} // namespace quarry
