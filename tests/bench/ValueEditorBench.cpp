#include "ValueEditorBench.h"

#include "BrowseBench.h"
#include "BrowseFigures.h"
#include "MainWindow.h"
#include "PaintProbe.h"
#include "QuarrySubject.h"
#include "ValuesDatabase.h"
#include "browser/TableBrowser.h"
#include "models/TableModel.h"
#include "value/HexView.h"
#include "value/ValueDock.h"
#include "value/ValueEditor.h"

#include <QAction>
#include <QCoreApplication>
#include <QJsonValue>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTextBlock>

#include <memory>

namespace quarry::bench {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;

} // namespace

QStringList ValueEditorFigures::keys()
{
    return {QStringLiteral("go_to_middle_row_ms"), QStringLiteral("value_editor_blob_first_bytes_ms"),
            QStringLiteral("value_editor_blob_loaded_ms"), QStringLiteral("value_editor_text_ms")};
}

QJsonObject ValueEditorFigures::toJson() const
{
    const std::optional<double> values[] = {goToMiddleMs, blobFirstBytesMs, blobLoadedMs, textShownMs};
    QJsonObject object;
    const QStringList names = keys();
    for (int i = 0; i < names.size(); ++i)
        object.insert(names.at(i), BrowseFigures::figure(values[i]));
    return object;
}

ValueEditorBench::ValueEditorBench(BrowseBench& bench, QuarrySubject& subject, const BenchOptions& options)
    : m_bench(bench), m_subject(subject), m_options(options)
{
}

ValueEditorFigures ValueEditorBench::run(qint64 blobRowId, const QByteArray& blobHead, qint64 textRowId,
                                         const QString& textFirstLine)
{
    ValueEditorFigures figures;
    ValueEditor* editor = m_subject.mainWindow()->valueDock()->editor();
    if (!editor) {
        m_bench.addNote(QStringLiteral("value editor: the dock has no editor (no file open)"));
        return figures;
    }
    figures.goToMiddleMs = selectCell(blobRowId);
    if (figures.goToMiddleMs) {
        const QString firstLine = QString::fromLatin1(blobHead.left(16).toHex(' '));
        figures.blobFirstBytesMs = openEditor(QStringLiteral("value editor on the BLOB"), editor->hexView()->editor(),
                                              firstLine, &figures.blobLoadedMs);
        closeEditor();
    }
    if (selectCell(textRowId)) {
        figures.textShownMs =
            openEditor(QStringLiteral("value editor on the TEXT"), editor->textEditor(), textFirstLine);
        closeEditor();
    }
    return figures;
}

std::optional<double> ValueEditorBench::selectCell(qint64 rowId)
{
    TableBrowser* browser = m_subject.browser();
    QTableView* view = browser->view();
    QLineEdit* field = browser->goToField();
    // The ids run from 1 in rowid order, so the row's number in the table is its id.
    const qint64 stored = rowId - 1;
    const QString step = QStringLiteral("go to row %1").arg(rowId);
    const std::optional<double> moved = m_bench.timeStep(
        step,
        [&] {
            field->setFocus();
            field->selectAll();
            m_bench.type(field, QString::number(rowId));
            m_bench.pressKey(field, Qt::Key_Return);
            return true;
        },
        [&] { return m_subject.tableRow(view->currentIndex().row()) == stored && m_bench.visibleRowsLoaded(); });
    if (!moved) {
        m_bench.addNote(QStringLiteral("%1: the grid did not get there; the value editor was not opened").arg(step));
        return std::nullopt;
    }
    m_bench.addNote(QStringLiteral("%1 (Go to row field, Return): %2 ms").arg(step).arg(*moved, 0, 'f', 1));
    // A person clicks the value's cell.
    view->setFocus();
    view->setCurrentIndex(view->currentIndex().siblingAtColumn(
        browser->model()->modelColumn(QString::fromLatin1(ValuesDatabase::kValueColumn))));
    return moved;
}

std::optional<double> ValueEditorBench::openEditor(const QString& step, QPlainTextEdit* page, const QString& firstLine,
                                                   std::optional<double>* loadedMs)
{
    ValueDock* dock = m_subject.mainWindow()->valueDock();
    ValueEditor* editor = dock->editor();
    const QElapsedTimer& clock = m_bench.clock();
    PaintProbe probe(page->viewport(), clock);
    qint64 start = 0;
    const std::optional<double> shown = m_bench.timeStep(
        step,
        [&] {
            start = clock.nsecsElapsed();
            dock->toggleViewAction()->trigger(); // View > Value Editor
            return dock->isVisible();
        },
        [&] {
            // The text page is filled only once the value has been read; the hex page may show the grid's head first.
            return page->isVisible() && page->document()->firstBlock().text() == firstLine &&
                   (loadedMs || editor->isLoaded());
        },
        {}, &probe);
    const qint64 deadline = start + qint64(m_options.limitMs) * kNsPerMs;
    while (!editor->isLoaded() && editor->problemText().isEmpty() && clock.nsecsElapsed() < deadline)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    if (shown && editor->isLoaded() && loadedMs)
        *loadedMs = double(clock.nsecsElapsed() - start) / kNsPerMs;
    m_bench.addNote(QStringLiteral("%1: %2; %3")
                        .arg(step, editor->isLoaded() ? QStringLiteral("read") : QStringLiteral("NOT read"),
                             editor->problemText().isEmpty() ? editor->infoText() : editor->problemText()));
    return shown;
}

void ValueEditorBench::closeEditor()
{
    // The dock's close button: a hidden dock follows no cell, so moving to the next row reads nothing.
    m_subject.mainWindow()->valueDock()->close();
}

} // namespace quarry::bench
