// How a TableModel shows its cells: values, pending edits and their problems, states, headers and flags.
#include "models/TableModel.h"

#include "blog/Validators.h"
#include "core/ValueText.h"
#include "database/SqlValue.h"
#include "models/CellText.h"
#include "models/ColumnTitles.h"

#include <QDateTime>
#include <QLocale>

namespace quarry {

namespace {

// Stored timestamps are UTC text as SQLite's CURRENT_TIMESTAMP writes them, with or without a fraction.
QString localTime(const QString& stored)
{
    QString iso = stored.trimmed();
    if (iso.size() < 19 || iso.at(4) != QLatin1Char('-') || iso.at(10) != QLatin1Char(' '))
        return stored;
    iso[10] = QLatin1Char('T');
    // Qt reads at most milliseconds; SQLAlchemy writes microseconds.
    if (const qsizetype dot = iso.indexOf(QLatin1Char('.')); dot > 0 && iso.size() > dot + 4)
        iso.truncate(dot + 4);
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        return stored;
    time.setTimeSpec(Qt::UTC);
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}
} // namespace

QVariant TableModel::cellValue(int row, int column, bool* pending, QString* pendingDisplay) const
{
    *pending = false;
    const QVariant identity = identityOf(row);
    if (column < m_table.columns.size() && m_pending && identity.isValid()) {
        const QString name = m_table.columns.at(column).name;
        if (auto value = m_pending->value(m_table.name, identity, name)) {
            *pending = true;
            *pendingDisplay = m_pending->display(m_table.name, identity, name);
            return *value;
        }
    }
    if (row >= windowRows())
        return {};
    const QVariantList* values = storedRow(m_windowStart + row);
    if (!values)
        return {};
    const int position =
        column < m_table.columns.size() ? 1 + column : m_sql.computedOffset() + (column - int(m_table.columns.size()));
    return position < values->size() ? values->at(position) : QVariant();
}

QString TableModel::displayText(int column, const QVariant& value) const
{
    if (value.isNull())
        return {};
    if (const std::optional<QString> special = CellText::summary(value))
        return *special;
    if (column >= 0 && column < m_table.columns.size() && m_table.columns.at(column).isTimestamp() &&
        value.typeId() == QMetaType::QString)
        return localTime(value.toString());
    return CellText::oneLine(value.toString());
}

std::optional<QString> TableModel::problemWith(const QString& column, const QVariant& value) const
{
    if (m_rules != RuleSet::Blog || column.isEmpty())
        return std::nullopt;
    return Validators::check(m_table.name, column, value);
}

QVariant TableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool computed = isComputedColumn(column);
    const QString columnName = computed ? QString() : m_table.columns.at(column).name;
    const ForeignKeyInfo* foreignKey = computed ? nullptr : m_table.foreignKey(columnName);

    if (role == IdentityRole)
        return identityOf(row);

    bool pending = false;
    QString pendingDisplay;
    const QVariant value = cellValue(row, column, &pending, &pendingDisplay);
    const bool loaded = row >= windowRows() || storedRow(m_windowStart + row) != nullptr;

    switch (role) {
    case Qt::DisplayRole: {
        if (!loaded)
            return {};
        if (foreignKey && !value.isNull()) {
            if (pending)
                return pendingDisplay.isEmpty() ? value.toString() : pendingDisplay;
            const int k = int(std::find_if(m_table.foreignKeys.cbegin(), m_table.foreignKeys.cend(),
                                           [&](const ForeignKeyInfo& f) { return &f == foreignKey; }) -
                              m_table.foreignKeys.cbegin());
            const QVariantList* values = storedRow(m_windowStart + row);
            const QVariant shown = values ? values->value(m_sql.displayOffset() + k) : QVariant();
            return shown.isNull() ? value.toString() : displayText(-1, shown);
        }
        return displayText(column, value);
    }
    case Qt::EditRole:
    case RawValueRole:
        return value;
    case Qt::ToolTipRole:
    case ProblemRole: {
        const QVariant identity = identityOf(row);
        const QString written = m_writeProblems.value(PendingChanges::key(identity)).value(columnName);
        if (!written.isEmpty())
            return written;
        if (pending)
            return problemWith(columnName, value).value_or(QString());
        if (role == Qt::ToolTipRole && value.metaType() == QMetaType::fromType<CutValue>()) {
            const CutValue cut = value.value<CutValue>();
            return QStringLiteral("%1 of %2; the grid shows its start, the value editor (Ctrl+Shift+E) all of it")
                .arg(cut.isBlob ? QStringLiteral("A BLOB") : QStringLiteral("A text"), ValueText::byteSize(cut.bytes));
        }
        if (role == Qt::ToolTipRole && foreignKey && !value.isNull()) {
            const int state = data(index, StateRole).toInt();
            if (state & Dangling)
                return QStringLiteral("No row of %1 has %2 %3.")
                    .arg(foreignKey->parentTable, foreignKey->parentColumn, value.toString());
        }
        return {};
    }
    case StateRole: {
        int state = 0;
        const QVariant identity = identityOf(row);
        if (!loaded)
            return int(Loading);
        if (pending)
            state |= Edited;
        if (row >= windowRows())
            state |= Inserted;
        if (m_pending && identity.isValid() && m_pending->isDeleted(m_table.name, identity))
            state |= Deleted;
        if (value.isNull())
            state |= Null;
        if (computed)
            state |= Computed;
        if (foreignKey) {
            state |= ForeignKey;
            if (!value.isNull() && !pending) {
                const int k = int(foreignKey - m_table.foreignKeys.constData());
                const QVariantList* values = storedRow(m_windowStart + row);
                if (values && values->value(m_sql.displayOffset() + k).isNull())
                    state |= Dangling;
            }
        }
        if ((pending && problemWith(columnName, value)) ||
            m_writeProblems.value(PendingChanges::key(identity)).contains(columnName))
            state |= Invalid;
        return state;
    }
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role != Qt::DisplayRole || section < 0)
            return {};
        return section < windowRows() ? QVariant(m_windowStart + section + 1) : QVariant(QStringLiteral("*"));
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (isComputedColumn(section)) {
        const ComputedColumn& c = m_computed.at(section - m_table.columns.size());
        if (role == Qt::DisplayRole)
            return c.header;
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 (computed, read-only)").arg(c.header);
        return {};
    }
    const ColumnInfo& c = m_table.columns.at(section);
    const ForeignKeyInfo* key = m_table.foreignKey(c.name);
    switch (role) {
    case Qt::DisplayRole:
        return ColumnTitles::forColumn(c.name, key != nullptr);
    case ColumnNameRole:
        return c.name;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1 %2").arg(c.name, c.declaredType).trimmed();
        if (key)
            tip += QStringLiteral("\nrefers to %1.%2, shown by %3")
                       .arg(key->parentTable, key->parentColumn, key->displayColumn);
        if (c.isTimestamp())
            tip += QStringLiteral("\nshown in local time; stored as written");
        return tip;
    }
    default:
        return {};
    }
}

Qt::ItemFlags TableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (!isEditable() || isComputedColumn(index.column()))
        return result;
    const bool inserted = index.row() >= windowRows();
    const ColumnInfo& column = m_table.columns.at(index.column());
    // A stored row's key is its identity: it is not edited in place.
    if (column.primaryKeyOrder > 0 && !inserted)
        return result;
    const QVariant identity = identityOf(index.row());
    if (!identity.isValid() || (m_pending && m_pending->isDeleted(m_table.name, identity)))
        return result;
    return result | Qt::ItemIsEditable;
}

} // namespace quarry
