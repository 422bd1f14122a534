#include "write/ChangeOrder.h"

#include "database/SqlIdentifier.h"

#include <QSqlQuery>
#include <QStringList>

#include <vector>

namespace quarry {

namespace {

const auto kParentTables = QStringLiteral("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");

qsizetype indexOfName(const QStringList& names, const QString& name)
{
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (SqlIdentifier::sameName(names.at(i), name))
            return i;
    }
    return -1;
}

} // namespace

QList<int> ChangeOrder::plan(const QSqlDatabase& db, const QList<Change>& changes)
{
    QStringList tables; // in order of first appearance
    for (const Change& change : changes) {
        if (indexOfName(tables, change.table) < 0)
            tables << change.table;
    }

    // parents[i]: the other tables of this batch that table i refers to.
    QList<QList<qsizetype>> parents(tables.size());
    for (qsizetype i = 0; i < tables.size(); ++i) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(kParentTables))
            continue;
        query.addBindValue(tables.at(i));
        if (!query.exec())
            continue;
        while (query.next()) {
            const qsizetype parent = indexOfName(tables, query.value(0).toString());
            if (parent >= 0 && parent != i && !parents[i].contains(parent))
                parents[i] << parent;
        }
    }

    // Parents first; ties and cycles resolved by first appearance, so the plan is the same every time.
    QList<qsizetype> tableOrder;
    std::vector<bool> placed(size_t(tables.size()), false);
    while (tableOrder.size() < tables.size()) {
        qsizetype next = -1;
        for (qsizetype i = 0; i < tables.size() && next < 0; ++i) {
            if (placed[size_t(i)])
                continue;
            bool ready = true;
            for (const qsizetype parent : parents.at(i))
                ready = ready && placed[size_t(parent)];
            if (ready)
                next = i;
        }
        if (next < 0) { // a cycle: take the earliest table left
            for (qsizetype i = 0; i < tables.size() && next < 0; ++i) {
                if (!placed[size_t(i)])
                    next = i;
            }
        }
        placed[size_t(next)] = true;
        tableOrder << next;
    }

    const auto changesOf = [&](qsizetype table, bool deletes) {
        QList<int> indexes;
        for (int i = 0; i < changes.size(); ++i) {
            const bool isDelete = changes.at(i).kind == Change::Kind::Delete;
            if (isDelete == deletes && SqlIdentifier::sameName(changes.at(i).table, tables.at(table)))
                indexes << i;
        }
        return indexes;
    };
    QList<int> order;
    for (const qsizetype table : tableOrder)
        order << changesOf(table, false);
    for (auto it = tableOrder.crbegin(); it != tableOrder.crend(); ++it)
        order << changesOf(*it, true);
    return order;
}

} // namespace quarry
