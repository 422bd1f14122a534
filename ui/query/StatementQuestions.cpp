#include "StatementQuestions.h"

#include "Dialogs.h"

namespace quarry {

StatementQuestions::StatementQuestions(Dialogs& prompts, QWidget* parent) : m_prompts(prompts), m_parent(parent) {}

Result<ParameterValues> StatementQuestions::ask(const PendingStatement& pending)
{
    const auto notRun = [](const QString& text) { return Error::make(Error::Kind::Cancelled, text); };
    if (!pending.destructiveReason.isEmpty()) {
        const auto answer =
            m_prompts.ask(m_parent, QStringLiteral("Run Destructive Statement?"),
                          QStringLiteral("%1\n\n%2\n\nRun it?").arg(pending.destructiveReason, pending.sql),
                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return notRun(QStringLiteral("Not run: statement %1 was declined.").arg(pending.index + 1));
    }
    if (pending.needsWriteGuard && m_writeGuard && !m_writeGuard())
        return notRun(QStringLiteral("Not run: the table views have pending edits to write or discard first."));
    ParameterValues values;
    if (!pending.parameters.isEmpty()) {
        const auto answers = m_prompts.askParameters(m_parent, pending.parameters, m_parameterValues);
        if (!answers)
            return notRun(QStringLiteral("Not run: no parameter values were given."));
        values = *answers;
        for (qsizetype i = 0; i < pending.parameters.size(); ++i)
            m_parameterValues.insert(pending.parameters.at(i).name, values.value(i));
    }
    return values;
}

} // namespace quarry
