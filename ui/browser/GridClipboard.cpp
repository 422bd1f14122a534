#include "browser/GridClipboard.h"

#include "browser/CellEditor.h"
#include "core/DelimitedText.h"
#include "core/ValueText.h"
#include "database/Connection.h"
#include "database/SqlLiteral.h"
#include "database/SqlValue.h"
#include "models/TableModel.h"
#include "models/TypedText.h"
#include "models/ValueReader.h"
#include "query/ResultWriter.h"

#include <QItemSelectionModel>
#include <QLocale>
#include <QTableView>
#include <QTextStream>

#include <set>

namespace quarry {

namespace {

Error refused(const QString& message)
{
    return Error::make(Error::Kind::Usage, message);
}

QString columnName(const TableModel* model, int column)
{
    const QString name = model->headerData(column, Qt::Horizontal, TableModel::ColumnNameRole).toString();
    return name.isEmpty() ? model->headerData(column, Qt::Horizontal).toString() : name;
}

// Text formats carry text: bytes that are not UTF-8 are shown as their decoding there (SQL keeps them exact).
QVariant asText(const QVariant& value)
{
    if (value.metaType() == QMetaType::fromType<TextBytes>())
        return QString::fromUtf8(value.value<TextBytes>().bytes);
    return value;
}

} // namespace

Result<QString> GridClipboard::copy(const QTableView* view, const TableModel* model, const QString& path, Format format,
                                    bool headers)
{
    const QModelIndexList selected = view->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return refused(QStringLiteral("Select the cells to copy first."));
    if (selected.size() > MaxCopyCells)
        return refused(QStringLiteral("%1 cells are selected; copy at most %2, or export the table to a file.")
                           .arg(QLocale().toString(selected.size()), QLocale().toString(MaxCopyCells)));
    std::set<int> rows;
    std::set<int> columns;
    for (const QModelIndex& index : selected) {
        rows.insert(index.row());
        if (format != Format::SqlInsert || !model->isComputedColumn(index.column()))
            columns.insert(index.column());
    }
    // Whole values: a value cut for the grid is read from the file, on a connection of the copy's own.
    std::unique_ptr<Connection> connection;
    qint64 bytes = 0;
    auto whole = [&](const QModelIndex& index) -> Result<QVariant> {
        const QVariant value = index.data(Qt::EditRole);
        if (value.metaType() != QMetaType::fromType<CutValue>())
            return value;
        bytes += value.value<CutValue>().bytes;
        if (bytes > MaxCopyBytes)
            return refused(QStringLiteral("The selection holds more than %1 of values; export it to a file instead.")
                               .arg(ValueText::byteSize(MaxCopyBytes)));
        if (!connection) {
            auto opened = Connection::open(path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("copy")});
            if (!opened)
                return opened.error();
            connection = std::move(*opened);
        }
        const TableInfo& table = model->table();
        const CellAddress cell =
            CellAddress::of(table, columnName(model, index.column()), index.data(TableModel::IdentityRole));
        const CellRead read = ValueReader::readCell(connection->handle(), cell, std::numeric_limits<qint64>::max());
        if (!read.error.isEmpty() || !read.found)
            return refused(QStringLiteral("Cannot read row %1's %2: %3")
                               .arg(model->headerData(index.row(), Qt::Vertical).toString(), cell.column,
                                    read.found ? read.error : QStringLiteral("the row is gone")));
        return read.value;
    };
    QStringList names;
    for (int c : columns)
        names << columnName(model, c);
    QString text;
    QTextStream out(&text);
    const auto writerFormat = format == Format::Csv    ? ResultWriter::Format::Csv
                              : format == Format::Json ? ResultWriter::Format::Json
                                                       : ResultWriter::Format::Tsv;
    ResultWriter writer(out, writerFormat);
    if (format != Format::SqlInsert && (headers || format == Format::Json))
        writer.begin(names);
    for (int r : rows) {
        QVariantList values;
        for (int c : columns) {
            const QModelIndex index = model->index(r, c);
            if (!view->selectionModel()->isSelected(index)) {
                values << QVariant();
                continue;
            }
            Result<QVariant> value = whole(index);
            if (!value)
                return value.error();
            values << (format == Format::SqlInsert ? *value : asText(*value));
        }
        if (format == Format::SqlInsert)
            out << SqlLiteral::insert(model->table().name, names, values) << '\n';
        else
            writer.writeRow(values);
    }
    if (format == Format::Json)
        writer.end();
    out.flush();
    // One cell is copied as its bare value, as a person expects when pasting it elsewhere.
    if (format == Format::Tsv && !headers && rows.size() == 1 && columns.size() == 1) {
        Result<QVariant> value = whole(model->index(*rows.begin(), *columns.begin()));
        if (!value)
            return value.error();
        text = ValueText::plain(asText(*value));
    }
    return text;
}

Result<int> GridClipboard::paste(const QTableView* view, TableModel* model, const QString& text)
{
    const QModelIndex start = view->currentIndex();
    if (!start.isValid())
        return refused(QStringLiteral("Select the cell to paste at first."));
    const QList<QStringList> rows = DelimitedText::parse(text);
    if (rows.isEmpty())
        return refused(QStringLiteral("The clipboard holds no text to paste."));
    qsizetype width = 0;
    for (const QStringList& row : rows)
        width = std::max(width, row.size());
    const int rowsLeft = model->rowCount() - start.row();
    const int columnsLeft = model->columnCount() - start.column();
    if (rows.size() > rowsLeft || width > columnsLeft)
        return refused(
            QStringLiteral("The clipboard holds %1 × %2 cells; from row %3, column %4 there is room for %5 × %6.")
                .arg(rows.size())
                .arg(width)
                .arg(model->headerData(start.row(), Qt::Vertical).toString(), columnName(model, start.column()))
                .arg(rowsLeft)
                .arg(columnsLeft));
    // Every target is checked before anything changes: a paste goes in whole or not at all.
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c) {
            const QModelIndex index = model->index(start.row() + r, start.column() + c);
            if (!(model->flags(index) & Qt::ItemIsEditable))
                return refused(QStringLiteral("Row %1, column %2 cannot be edited here; nothing was pasted.")
                                   .arg(model->headerData(index.row(), Qt::Vertical).toString(),
                                        columnName(model, index.column())));
        }
    }
    int changed = 0;
    const PendingChanges::Group group = model->editGroup(); // one Undo takes the whole paste back
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c) {
            const QModelIndex index = model->index(start.row() + r, start.column() + c);
            const QVariant original = index.data(Qt::EditRole);
            const QString& typed = rows.at(r).at(c);
            if (original.metaType() != QMetaType::fromType<CutValue>() && typed == TypedText::of(original))
                continue; // the same text: the value stays exactly as stored
            if (model->setData(index, CellEditor::typedValue(typed, original)))
                ++changed;
        }
    }
    return changed;
}

} // namespace quarry
