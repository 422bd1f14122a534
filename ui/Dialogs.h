#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace quarry {

// Every question the window asks a person goes through here, so tests can answer them without a modal
// dialog (KeePassXC's test hook idea). The window receives one in its constructor.
class Dialogs {
public:
    virtual ~Dialogs() = default;
    // Returns the button chosen among `buttons`.
    virtual QMessageBox::StandardButton ask(QWidget* parent, const QString& title, const QString& text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton) = 0;
    virtual void warn(QWidget* parent, const QString& title, const QString& text) = 0;
    // A file to open or create; empty when cancelled.
    virtual QString openFileName(QWidget* parent, const QString& title) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& title, const QString& suggested) = 0;
};

// The real thing: message boxes and file dialogs.
class MessageBoxDialogs : public Dialogs {
public:
    QMessageBox::StandardButton ask(QWidget* parent, const QString& title, const QString& text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton) override;
    void warn(QWidget* parent, const QString& title, const QString& text) override;
    QString openFileName(QWidget* parent, const QString& title) override;
    QString saveFileName(QWidget* parent, const QString& title, const QString& suggested) override;
};

// For runs without a person (--screenshot): warnings go to stderr, questions get `answer`, no file is chosen.
class HeadlessDialogs : public Dialogs {
public:
    explicit HeadlessDialogs(QMessageBox::StandardButton answer = QMessageBox::Cancel) : m_answer(answer) {}
    QMessageBox::StandardButton ask(QWidget*, const QString&, const QString&, QMessageBox::StandardButtons,
                                    QMessageBox::StandardButton) override
    {
        return m_answer;
    }
    void warn(QWidget* parent, const QString& title, const QString& text) override;
    QString openFileName(QWidget*, const QString&) override { return {}; }
    QString saveFileName(QWidget*, const QString&, const QString&) override { return {}; }

private:
    QMessageBox::StandardButton m_answer;
};

} // namespace quarry
