#pragma once

#include "database/QueryParameter.h"

#include <QHash>
#include <QMessageBox>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace quarry {

// The one interface for questions to a person: every question the window, the value editor and the query editor
// ask goes through here, so tests can answer them without a modal dialog (KeePassXC's test hook idea). The window
// receives one in its constructor; the query panel has a HookedDialogs of its own.
class Dialogs {
public:
    enum class FileAction { Open, Save, Export };

    virtual ~Dialogs() = default;
    // Returns the button chosen among `buttons`.
    virtual QMessageBox::StandardButton ask(QWidget* parent, const QString& title, const QString& text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton) = 0;
    virtual void warn(QWidget* parent, const QString& title, const QString& text) = 0;
    // A file to open or create; empty when cancelled.
    virtual QString openFileName(QWidget* parent, const QString& title) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& title, const QString& suggested) = 0;

    // The query editor's questions; unless an implementation answers them, they are the real dialogs.
    virtual void inform(QWidget* parent, const QString& title, const QString& text);
    // Values for the parameters, or nothing when the person cancels. `previous` holds earlier values by name.
    virtual std::optional<ParameterValues> askParameters(QWidget* parent, const QList<QueryParameter>& parameters,
                                                         const QHash<QString, QVariant>& previous);
    // A file name, or an empty string when the person cancels. `filter` is a QFileDialog name filter.
    virtual QString chooseFile(QWidget* parent, FileAction action, const QString& suggestion, const QString& filter);
    // A line of text (a snippet's name), or nothing when the person cancels.
    virtual std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label,
                                           const QString& text);
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

// The real dialogs, each of which a hook can answer instead: the query panel's, which tests answer through
// QueryPanel::prompts().
class HookedDialogs : public MessageBoxDialogs {
public:
    using QuestionHook = std::function<QMessageBox::StandardButton(const QString& title, const QString& text,
                                                                   QMessageBox::StandardButtons buttons)>;
    using ParameterHook = std::function<std::optional<ParameterValues>(const QList<QueryParameter>& parameters,
                                                                       const QHash<QString, QVariant>& previous)>;
    using FileHook = std::function<QString(FileAction action, const QString& suggestion, const QString& filter)>;
    using TextHook =
        std::function<std::optional<QString>(const QString& title, const QString& label, const QString& text)>;

    // The question hook answers ask() and inform() (with Ok).
    void setQuestionHook(QuestionHook hook) { m_question = std::move(hook); }
    void setParameterHook(ParameterHook hook) { m_parameters = std::move(hook); }
    void setFileHook(FileHook hook) { m_file = std::move(hook); }
    void setTextHook(TextHook hook) { m_text = std::move(hook); }

    QMessageBox::StandardButton ask(QWidget* parent, const QString& title, const QString& text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton) override;
    void inform(QWidget* parent, const QString& title, const QString& text) override;
    std::optional<ParameterValues> askParameters(QWidget* parent, const QList<QueryParameter>& parameters,
                                                 const QHash<QString, QVariant>& previous) override;
    QString chooseFile(QWidget* parent, FileAction action, const QString& suggestion, const QString& filter) override;
    std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label,
                                   const QString& text) override;

private:
    QuestionHook m_question;
    ParameterHook m_parameters;
    FileHook m_file;
    TextHook m_text;
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
