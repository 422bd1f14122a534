#include "models/BrowseSql.h"

#include "database/SqlIdentifier.h"
#include "models/RowIdentity.h"

#include <QRegularExpression>

namespace quarry {

namespace {

QString column(const QString& alias, const QString& name)
{
    return alias + QLatin1Char('.') + SqlIdentifier::quote(name);
}

// "?, ?, ?": one placeholder per value.
QString placeholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QStringLiteral(", "));
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// A typed value for a comparison: numbers compare as numbers, anything else as text.
QVariant comparisonValue(const QString& text)
{
    bool ok = false;
    const qlonglong integer = text.toLongLong(&ok);
    if (ok)
        return integer;
    const double real = text.toDouble(&ok);
    if (ok)
        return real;
    return text;
}

} // namespace

BrowseSql::BrowseSql(const TableInfo& table, const QList<ComputedColumn>& computed, const BrowseRequest& request)
    : m_table(table), m_computed(computed)
{
    for (int i = 0; i < table.foreignKeys.size(); ++i) {
        const ForeignKeyInfo& key = table.foreignKeys.at(i);
        const QString alias = QStringLiteral("r%1").arg(i);
        m_joins += QStringLiteral(" LEFT JOIN %1 AS %2 ON %3 = %4")
                       .arg(SqlIdentifier::quote(key.parentTable), alias, column(alias, key.parentColumn),
                            column(QStringLiteral("t"), key.column));
    }
    m_from = SqlIdentifier::quote(table.name) + QStringLiteral(" AS t") + m_joins;
    if (table.hasRowid) {
        m_identity << column(QStringLiteral("t"), table.rowidName);
    } else if (!table.isView) {
        for (const QString& key : table.primaryKey())
            m_identity << column(QStringLiteral("t"), key);
    }

    // The expression a model column shows: a foreign key shows (and sorts and filters by) its display value.
    auto shownExpression = [&](int modelColumn) -> QString {
        if (modelColumn >= tableColumnCount())
            return QLatin1Char('(') + m_computed.at(modelColumn - tableColumnCount()).expression + QLatin1Char(')');
        const QString name = table.columns.at(modelColumn).name;
        for (int i = 0; i < table.foreignKeys.size(); ++i) {
            if (SqlIdentifier::sameName(table.foreignKeys.at(i).column, name))
                return column(QStringLiteral("r%1").arg(i), table.foreignKeys.at(i).displayColumn);
        }
        return column(QStringLiteral("t"), name);
    };
    const int modelColumns = tableColumnCount() + int(m_computed.size());

    if (!request.fixedColumn.isEmpty()) {
        m_conditions << column(QStringLiteral("t"), request.fixedColumn) + QStringLiteral(" = ?");
        m_binds << request.fixedValue;
    }
    for (auto it = request.columnFilters.cbegin(); it != request.columnFilters.cend(); ++it) {
        if (it.key() < 0 || it.key() >= modelColumns || it.value().trimmed().isEmpty())
            continue;
        const bool isTableColumn = it.key() < tableColumnCount();
        const QString raw = isTableColumn ? column(QStringLiteral("t"), table.columns.at(it.key()).name) : QString();
        addFilter(shownExpression(it.key()), it.value().trimmed(), isTableColumn, raw);
    }
    if (!request.quickSearch.trimmed().isEmpty()) {
        QStringList alternatives;
        for (int c = 0; c < modelColumns; ++c) {
            alternatives << shownExpression(c) + QStringLiteral(" LIKE ? ESCAPE '\\'");
            m_binds << likePattern(request.quickSearch.trimmed());
        }
        m_conditions << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }

    if (request.sortColumn >= 0 && request.sortColumn < modelColumns)
        m_sortExpression = shownExpression(request.sortColumn);
    m_descending = request.sortOrder == Qt::DescendingOrder && request.sortColumn >= 0;

    // Joined tables are aliased r0, r1, ...; the table itself t.
    static const QRegularExpression joinedColumn(QStringLiteral("\\br\\d+\\."));
    m_keysNeedJoins = joinedColumn.match(m_conditions.join(QLatin1Char(' '))).hasMatch() ||
                      joinedColumn.match(m_sortExpression).hasMatch();
}

void BrowseSql::addFilter(const QString& expression, const QString& text, bool compareRaw, const QString& rawExpression)
{
    static const QRegularExpression comparison(QStringLiteral("^(<>|!=|>=|<=|=|>|<)\\s*(.*)$"));
    if (text.compare(QStringLiteral("NULL"), Qt::CaseInsensitive) == 0) {
        m_conditions << (compareRaw ? rawExpression : expression) + QStringLiteral(" IS NULL");
        return;
    }
    if (text.compare(QStringLiteral("NOT NULL"), Qt::CaseInsensitive) == 0) {
        m_conditions << (compareRaw ? rawExpression : expression) + QStringLiteral(" IS NOT NULL");
        return;
    }
    const QRegularExpressionMatch match = comparison.match(text);
    if (match.hasMatch()) {
        QString op = match.captured(1);
        if (op == QStringLiteral("!="))
            op = QStringLiteral("<>");
        const QVariant value = comparisonValue(match.captured(2));
        // A number compared with a foreign key compares the key (author_id = 3); text compares the name.
        const bool numeric = value.typeId() != QMetaType::QString;
        const QString target = numeric && compareRaw ? rawExpression : expression;
        m_conditions << QStringLiteral("%1 %2 ?").arg(target, op);
        m_binds << value;
        return;
    }
    m_conditions << expression + QStringLiteral(" LIKE ? ESCAPE '\\'");
    m_binds << likePattern(text);
}

QString BrowseSql::identityList() const
{
    return m_identity.join(QStringLiteral(", "));
}

QString BrowseSql::identityTuple() const
{
    return m_identity.size() == 1 ? m_identity.constFirst() : QLatin1Char('(') + identityList() + QLatin1Char(')');
}

QString BrowseSql::identityPlaceholders() const
{
    return m_identity.size() == 1 ? QStringLiteral("?")
                                  : QLatin1Char('(') + placeholders(m_identity.size()) + QLatin1Char(')');
}

QString BrowseSql::identityEquals() const
{
    QStringList terms;
    for (const QString& part : m_identity)
        terms << part + QStringLiteral(" = ?");
    return terms.join(QStringLiteral(" AND "));
}

QString BrowseSql::selectList() const
{
    // typeof() and length() of a BLOB read only the row's header, never the BLOB's pages.
    const QString big = QStringLiteral("typeof(%1) = 'blob' AND length(%1) > %2");
    QStringList parts;
    QStringList marks;
    parts << (m_identity.isEmpty() ? QStringLiteral("NULL") : identityList());
    for (int i = 0; i < m_table.columns.size(); ++i) {
        const QString value = column(QStringLiteral("t"), m_table.columns.at(i).name);
        if (m_identity.isEmpty()) {
            // A view's rows have no identity to read a BLOB's head by later: its values are read, and cut.
            parts << value;
            continue;
        }
        const QString isBig = big.arg(value, QString::number(MaxBrowsedBlobBytes));
        parts << QStringLiteral("CASE WHEN %1 THEN NULL ELSE %2 END").arg(isBig, value);
        marks << QStringLiteral("CASE WHEN %1 THEN '%2:' || length(%3) || ' ' ELSE '' END")
                     .arg(isBig, QString::number(i), value);
    }
    for (int i = 0; i < m_table.foreignKeys.size(); ++i)
        parts << column(QStringLiteral("r%1").arg(i), m_table.foreignKeys.at(i).displayColumn);
    for (const ComputedColumn& c : m_computed)
        parts << QLatin1Char('(') + c.expression + QLatin1Char(')');
    parts << (marks.isEmpty() ? QStringLiteral("''") : marks.join(QStringLiteral(" || ")));
    return parts.join(QStringLiteral(", "));
}

QList<std::pair<int, qint64>> BrowseSql::parseBigBlobs(const QString& marks)
{
    QList<std::pair<int, qint64>> result;
    for (const QString& mark : marks.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool columnOk = false;
        bool sizeOk = false;
        const int tableColumn = mark.section(QLatin1Char(':'), 0, 0).toInt(&columnOk);
        const qint64 bytes = mark.section(QLatin1Char(':'), 1).toLongLong(&sizeOk);
        if (columnOk && sizeOk)
            result.append({tableColumn, bytes});
    }
    return result;
}

QString BrowseSql::orderBy(bool reverse) const
{
    if (m_identity.isEmpty() && m_sortExpression.isEmpty())
        return {};
    const bool descending = m_descending != reverse;
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    QStringList terms;
    if (isSorted())
        terms << m_sortExpression + direction;
    for (const QString& part : m_identity)
        terms << part + direction;
    return QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
}

QString BrowseSql::where() const
{
    return m_conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + m_conditions.join(QStringLiteral(" AND "));
}

QString BrowseSql::keyFrom() const
{
    return m_keysNeedJoins ? m_from : SqlIdentifier::quote(m_table.name) + QStringLiteral(" AS t");
}

QString BrowseSql::rowsOf(const QString& choose, bool reverse) const
{
    // The page's identities are chosen first, reading only what the filters and the order need, and only
    // those rows are then read whole and joined. Choosing and reading in one statement made SQLite join and
    // read every row (long text included) before sorting, and the mere presence of the joins led its planner
    // to walk the table through a foreign-key index in random order: 14.7 s instead of 0.9 s for the first
    // page of 1M posts sorted by title.
    QStringList on;
    for (int i = 0; i < m_identity.size(); ++i)
        on << QStringLiteral("%1 = s.k%2").arg(m_identity.at(i), QString::number(i));
    return QStringLiteral("SELECT %1 FROM (%2) AS s JOIN %3 AS t ON %4%5%6")
        .arg(selectList(), choose, SqlIdentifier::quote(m_table.name), on.join(QStringLiteral(" AND ")), m_joins,
             orderBy(reverse));
}

QString BrowseSql::chosenKeys() const
{
    QStringList keys;
    for (int i = 0; i < m_identity.size(); ++i)
        keys << QStringLiteral("%1 AS k%2").arg(m_identity.at(i), QString::number(i));
    return keys.join(QStringLiteral(", "));
}

QString BrowseSql::pageSql(bool fromEnd) const
{
    if (m_identity.isEmpty()) // a view: no identity to choose rows by
        return QStringLiteral("SELECT %1 FROM %2%3%4 LIMIT ? OFFSET ?")
            .arg(selectList(), m_from, where(), orderBy(fromEnd));
    return rowsOf(QStringLiteral("SELECT %1 FROM %2%3%4 LIMIT ? OFFSET ?")
                      .arg(chosenKeys(), keyFrom(), where(), orderBy(fromEnd)),
                  fromEnd);
}

QString BrowseSql::seekSql(bool keyIsNull) const
{
    QStringList conditions = m_conditions;
    // SQLite sorts NULL first in ascending order and last in descending order; a row-value comparison with
    // NULL is never true, so NULL keys get conditions of their own.
    const QString op = m_descending ? QStringLiteral("<=") : QStringLiteral(">=");
    if (!isSorted()) {
        conditions << QStringLiteral("%1 %2 %3").arg(identityTuple(), op, identityPlaceholders());
    } else if (keyIsNull) {
        const QString nulls = QStringLiteral("(%1 IS NULL AND %2 %3 %4)")
                                  .arg(m_sortExpression, identityTuple(), op, identityPlaceholders());
        conditions << (m_descending ? nulls : QStringLiteral("(%1 OR %2 IS NOT NULL)").arg(nulls, m_sortExpression));
    } else {
        const QString seek = QStringLiteral("(%1, %2) %3 (?, %4)")
                                 .arg(m_sortExpression, identityList(), op, placeholders(m_identity.size()));
        conditions << (m_descending ? QStringLiteral("(%1 OR %2 IS NULL)").arg(seek, m_sortExpression) : seek);
    }
    return rowsOf(QStringLiteral("SELECT %1 FROM %2 WHERE %3%4 LIMIT ? OFFSET ?")
                      .arg(chosenKeys(), keyFrom(), conditions.join(QStringLiteral(" AND ")), orderBy(false)),
                  false);
}

QVariantList BrowseSql::seekBinds(const QVariant& sortValue, const QVariant& identity) const
{
    QVariantList binds = m_binds;
    if (isSorted() && !sortValue.isNull())
        binds << sortValue;
    return binds + RowIdentity::binds(identity);
}

QString BrowseSql::countSql() const
{
    // Joins only matter to the count when a condition looks at a joined table.
    return QStringLiteral("SELECT count(*) FROM %1%2").arg(keyFrom(), where());
}

QString BrowseSql::rowidRangeSql() const
{
    if (!m_table.hasRowid || isSorted() || !m_conditions.isEmpty())
        return {};
    // Two subqueries: min() and max() together in one SELECT would scan the table.
    const QString table = SqlIdentifier::quote(m_table.name);
    const QString rowid = SqlIdentifier::quote(m_table.rowidName);
    return QStringLiteral("SELECT (SELECT %2 FROM %1 ORDER BY %2 LIMIT 1), "
                          "(SELECT %2 FROM %1 ORDER BY %2 DESC LIMIT 1)")
        .arg(table, rowid);
}

QString BrowseSql::sortValueSql() const
{
    if (m_identity.isEmpty() || !isSorted())
        return {};
    const QStringList conditions = QStringList{identityEquals()} + m_conditions;
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3")
        .arg(m_sortExpression, keyFrom(), conditions.join(QStringLiteral(" AND ")));
}

QVariantList BrowseSql::sortValueBinds(const QVariant& identity) const
{
    return RowIdentity::binds(identity) + m_binds;
}

QString BrowseSql::positionSql(bool keyIsNull) const
{
    if (m_identity.isEmpty())
        return {};
    // The rows before (key, identity) are those the seek from it (seekSql) leaves out, with NULL keys first
    // in ascending order and last in descending order, ties broken by the identity in the same direction.
    const QString op = m_descending ? QStringLiteral(">") : QStringLiteral("<");
    const QString id = identityTuple();
    const QString ids = identityPlaceholders();
    const QString sortAndIds = QStringLiteral("(%1, %2)").arg(m_sortExpression, identityList());
    const QString valueAndIds = QStringLiteral("(?, %1)").arg(placeholders(m_identity.size()));
    QString before;
    if (!isSorted())
        before = QStringLiteral("%1 %2 %3").arg(id, op, ids);
    else if (keyIsNull && m_descending)
        before = QStringLiteral("(%1 IS NOT NULL OR %2 > %3)").arg(m_sortExpression, id, ids);
    else if (keyIsNull)
        before = QStringLiteral("(%1 IS NULL AND %2 < %3)").arg(m_sortExpression, id, ids);
    else if (m_descending)
        before = QStringLiteral("%1 > %2").arg(sortAndIds, valueAndIds);
    else
        before = QStringLiteral("(%1 IS NULL OR %2 < %3)").arg(m_sortExpression, sortAndIds, valueAndIds);
    const QString matching =
        m_conditions.isEmpty() ? QString() : QStringLiteral(" AND ") + m_conditions.join(QStringLiteral(" AND "));
    return QStringLiteral("SELECT (SELECT count(*) FROM %1 WHERE %2%4), "
                          "EXISTS (SELECT 1 FROM %1 WHERE %3%4)")
        .arg(keyFrom(), before, identityEquals(), matching);
}

QVariantList BrowseSql::positionBinds(const QVariant& identity, bool keyIsNull) const
{
    QVariantList binds;
    if (isSorted() && !keyIsNull)
        binds << QVariant(); // the row's sort value, bound by the caller
    const QVariantList id = RowIdentity::binds(identity);
    return binds + id + m_binds + id + m_binds;
}

QString BrowseSql::keysSql() const
{
    const QString sortKey = isSorted() ? m_sortExpression : QStringLiteral("NULL");
    return QStringLiteral("SELECT %1, %2 FROM %3%4%5").arg(sortKey, identityList(), keyFrom(), where(), orderBy(false));
}

} // namespace quarry
