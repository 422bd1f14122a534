#include "Dialogs.h"

#include "query/ParameterDialog.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QTextStream>

namespace quarry {

namespace {
const QString kFilter = QStringLiteral("SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)");
}

QMessageBox::StandardButton MessageBoxDialogs::ask(QWidget* parent, const QString& title, const QString& text,
                                                   QMessageBox::StandardButtons buttons,
                                                   QMessageBox::StandardButton defaultButton)
{
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBoxDialogs::warn(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::warning(parent, title, text);
}

QString MessageBoxDialogs::openFileName(QWidget* parent, const QString& title)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), kFilter);
}

QString MessageBoxDialogs::saveFileName(QWidget* parent, const QString& title, const QString& suggested)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, kFilter);
}

void Dialogs::inform(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::information(parent, title, text);
}

std::optional<ParameterValues> Dialogs::askParameters(QWidget* parent, const QList<QueryParameter>& parameters,
                                                      const QHash<QString, QVariant>& previous)
{
    ParameterDialog dialog(parameters, previous, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.values();
}

QString Dialogs::chooseFile(QWidget* parent, FileAction action, const QString& suggestion, const QString& filter)
{
    if (action == FileAction::Open)
        return QFileDialog::getOpenFileName(parent, QStringLiteral("Open SQL File"), suggestion, filter);
    return QFileDialog::getSaveFileName(
        parent, action == FileAction::Save ? QStringLiteral("Save SQL File") : QStringLiteral("Export Result"),
        suggestion, filter);
}

std::optional<QString> Dialogs::askText(QWidget* parent, const QString& title, const QString& label,
                                        const QString& text)
{
    bool ok = false;
    const QString value = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QMessageBox::StandardButton HookedDialogs::ask(QWidget* parent, const QString& title, const QString& text,
                                               QMessageBox::StandardButtons buttons,
                                               QMessageBox::StandardButton defaultButton)
{
    return m_question ? m_question(title, text, buttons)
                      : MessageBoxDialogs::ask(parent, title, text, buttons, defaultButton);
}

void HookedDialogs::inform(QWidget* parent, const QString& title, const QString& text)
{
    if (m_question)
        m_question(title, text, QMessageBox::Ok);
    else
        MessageBoxDialogs::inform(parent, title, text);
}

std::optional<ParameterValues> HookedDialogs::askParameters(QWidget* parent, const QList<QueryParameter>& parameters,
                                                            const QHash<QString, QVariant>& previous)
{
    return m_parameters ? m_parameters(parameters, previous)
                        : MessageBoxDialogs::askParameters(parent, parameters, previous);
}

QString HookedDialogs::chooseFile(QWidget* parent, FileAction action, const QString& suggestion, const QString& filter)
{
    return m_file ? m_file(action, suggestion, filter)
                  : MessageBoxDialogs::chooseFile(parent, action, suggestion, filter);
}

std::optional<QString> HookedDialogs::askText(QWidget* parent, const QString& title, const QString& label,
                                              const QString& text)
{
    return m_text ? m_text(title, label, text) : MessageBoxDialogs::askText(parent, title, label, text);
}

void HeadlessDialogs::warn(QWidget* parent, const QString& title, const QString& text)
{
    Q_UNUSED(parent)
    QTextStream(stderr) << "quarry: " << title << ": " << text << '\n';
}

} // namespace quarry
