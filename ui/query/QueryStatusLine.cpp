#include "QueryStatusLine.h"

#include <QHBoxLayout>
#include <QLabel>

namespace quarry {

QueryStatusLine::QueryStatusLine(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_transaction(new QLabel(QStringLiteral("Transaction open: COMMIT or ROLLBACK to finish it"), this))
{
    m_text->setTextFormat(Qt::PlainText);
    m_transaction->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; padding: 1px 6px; "
                                                "border-radius: 3px; }"));
    m_transaction->setToolTip(QStringLiteral("Until it ends, other connections (the table views too) cannot write "
                                             "to the file, and they do not see the editor's changes."));
    m_transaction->hide();
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);
    row->addWidget(m_text, 1);
    row->addWidget(m_transaction);
}

QString QueryStatusLine::text() const
{
    return m_text->text();
}

void QueryStatusLine::setText(const QString& text)
{
    m_text->setText(text);
}

void QueryStatusLine::setTransactionOpen(bool open)
{
    m_transaction->setVisible(open);
}

} // namespace quarry
