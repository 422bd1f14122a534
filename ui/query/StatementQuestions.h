#pragma once

#include "core/Result.h"
#include "database/QueryParameter.h"
#include "query/PendingStatement.h"

#include <QHash>
#include <QVariant>

#include <functional>

class QWidget;

namespace quarry {

class Dialogs;

// The questions a paused statement waits on before it runs: whether to run a destructive statement, whether the
// table views' pending edits allow a write (the write guard), and the values of its parameters, remembered by
// name for the next statement that takes them.
class StatementQuestions {
public:
    StatementQuestions(Dialogs& prompts, QWidget* parent);

    // Called before a run's first writing statement; returns false to cancel the run.
    void setWriteGuard(std::function<bool()> guard) { m_writeGuard = std::move(guard); }
    bool hasWriteGuard() const { return bool(m_writeGuard); }

    // The values to run `pending` with, or why it is not run ("Not run: ...").
    [[nodiscard]] Result<ParameterValues> ask(const PendingStatement& pending);

private:
    Dialogs& m_prompts;
    QWidget* m_parent;
    std::function<bool()> m_writeGuard;
    QHash<QString, QVariant> m_parameterValues; // last values given, by parameter name
};

} // namespace quarry
