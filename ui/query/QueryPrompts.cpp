#include "QueryPrompts.h"

#include "ParameterDialog.h"

#include <QFileDialog>
#include <QInputDialog>

namespace quarry {

QMessageBox::StandardButton QueryPrompts::ask(QWidget* parent, const QString& title, const QString& text,
                                              QMessageBox::StandardButtons buttons,
                                              QMessageBox::StandardButton defaultButton) const
{
    if (m_question)
        return m_question(title, text, buttons);
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void QueryPrompts::inform(QWidget* parent, const QString& title, const QString& text) const
{
    if (m_question) {
        m_question(title, text, QMessageBox::Ok);
        return;
    }
    QMessageBox::information(parent, title, text);
}

std::optional<ParameterValues> QueryPrompts::askParameters(QWidget* parent, const QList<QueryParameter>& parameters,
                                                           const QHash<QString, QVariant>& previous) const
{
    if (m_parameters)
        return m_parameters(parameters, previous);
    ParameterDialog dialog(parameters, previous, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.values();
}

QString QueryPrompts::chooseFile(QWidget* parent, FileAction action, const QString& suggestion,
                                 const QString& filter) const
{
    if (m_file)
        return m_file(action, suggestion, filter);
    if (action == FileAction::Open)
        return QFileDialog::getOpenFileName(parent, QStringLiteral("Open SQL File"), suggestion, filter);
    return QFileDialog::getSaveFileName(
        parent, action == FileAction::Save ? QStringLiteral("Save SQL File") : QStringLiteral("Export Result"),
        suggestion, filter);
}

std::optional<QString> QueryPrompts::askText(QWidget* parent, const QString& title, const QString& label,
                                             const QString& text) const
{
    if (m_text)
        return m_text(title, label, text);
    bool ok = false;
    const QString value = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

} // namespace quarry
