#include "value/JsonPane.h"

#include "core/JsonLayout.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quarry {

JsonPane::JsonPane(QWidget* parent) : QWidget(parent), m_editor(new QPlainTextEdit(this))
{
    m_editor->setAccessibleName(QStringLiteral("Value as JSON"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* pretty = new QPushButton(QStringLiteral("Pretty"), this);
    auto* compact = new QPushButton(QStringLiteral("Compact"), this);
    pretty->setToolTip(QStringLiteral("One value per line, indented; keys and numbers stay as written"));
    compact->setToolTip(QStringLiteral("No spaces or line breaks outside strings"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(pretty);
    buttons->addWidget(compact);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor, 1);
    layout->addLayout(buttons);
    connect(pretty, &QPushButton::clicked, this, [this] { layOut(true); });
    connect(compact, &QPushButton::clicked, this, [this] { layOut(false); });
    connect(m_editor, &QPlainTextEdit::textChanged, this, &JsonPane::check);
}

void JsonPane::layOut(bool pretty)
{
    const QString text = m_editor->toPlainText();
    if (JsonLayout::problem(text))
        return; // the problem is shown; a layout of broken JSON would only move it
    m_editor->setPlainText(pretty ? JsonLayout::pretty(text) : JsonLayout::compact(text));
    m_editor->document()->setModified(true);
}

void JsonPane::check()
{
    const std::optional<QString> problem = JsonLayout::problem(m_editor->toPlainText());
    m_problem = problem ? QStringLiteral("Not valid JSON at %1.").arg(*problem) : QString();
    emit checked();
}

} // namespace quarry
