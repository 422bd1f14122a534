#include "browser/TablePage.h"

#include "browser/TableBrowser.h"

#include <QLabel>
#include <QVBoxLayout>

namespace quarry {

TablePage::TablePage(const QString& table, QWidget* parent)
    : QWidget(parent), m_table(table), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
}

void TablePage::setBrowser(TableBrowser* browser)
{
    Q_ASSERT(!m_browser);
    if (m_problem) {
        delete m_problem;
        m_problem = nullptr;
    }
    m_browser = browser;
    m_layout->addWidget(browser);
}

void TablePage::showProblem(const QString& message)
{
    if (!m_problem) {
        m_problem = new QLabel(this);
        m_problem->setObjectName(QStringLiteral("tableProblem"));
        m_problem->setAlignment(Qt::AlignCenter);
        m_problem->setWordWrap(true);
        m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_layout->addWidget(m_problem);
    }
    m_problem->setText(message);
}

QString TablePage::problem() const
{
    return m_problem ? m_problem->text() : QString();
}

} // namespace quarry
