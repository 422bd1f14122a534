#include "Dialogs.h"

#include <QFileDialog>
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

void HeadlessDialogs::warn(QWidget* parent, const QString& title, const QString& text)
{
    Q_UNUSED(parent)
    QTextStream(stderr) << "quarry: " << title << ": " << text << '\n';
}

} // namespace quarry
