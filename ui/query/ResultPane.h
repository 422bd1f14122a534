#pragma once

#include "query/ResultWriter.h"
#include "query/StatementOutcome.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace quarry {

class Dialogs;
class ResultModel;
class ResultSpool;

// One statement's result tab: a grid that fills as rows arrive, or "N rows affected", or the error with
// the line and column it points at. The grid copies as TSV or CSV and exports to CSV or JSON.
class ResultPane : public QWidget {
    Q_OBJECT
public:
    // Past this many rows the clipboard is the wrong tool; Export handles any size.
    static constexpr qint64 kMaxCopyRows = 100000;

    ResultPane(const QString& sql, Dialogs& prompts, QWidget* parent = nullptr);
    ~ResultPane() override;

    QString sql() const { return m_sql; }

    // The statement returns rows: show them in a grid as they are published.
    void showRows(std::shared_ptr<ResultSpool> rows);
    void rowsGrew(qint64 rows);
    void finish(const StatementOutcome& outcome);
    // An error to show in the pane; `position` is where it points in the editor's text.
    void showError(const QueryError& error, int position);

    ResultModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString statusText() const;
    bool hasError() const { return m_errorPosition >= 0; }

    // The selected cells (full values) as TSV (no header) or CSV (with a header row), also put on the
    // clipboard. Empty when nothing is selected or the selection is too big.
    QString copySelection(ResultWriter::Format format);
    // Writes every row to `path` on a background thread; exportFinished() reports.
    void exportTo(const QString& path, ResultWriter::Format format);
    // Asks for a file name and exports.
    void exportResult();

signals:
    void errorActivated(int position);
    void exportFinished(bool ok, const QString& message);

private:
    void showContextMenu(const QPoint& at);

    QString m_sql;
    Dialogs& m_prompts;
    QLabel* m_statement = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_goToError = nullptr;
    QTableView* m_view = nullptr;
    ResultModel* m_model = nullptr;
    int m_errorPosition = -1;
    bool m_reading = false;
};

} // namespace quarry
