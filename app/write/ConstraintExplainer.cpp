#include "write/ConstraintExplainer.h"

#include "core/Counting.h"
#include "database/SqlError.h"
#include "database/SqlIdentifier.h"
#include "write/Vocabulary.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace quarry {

namespace {

const auto kForeignKeysOf = QStringLiteral("SELECT NULL, id, \"table\", \"from\", \"to\", on_update, on_delete "
                                           "FROM pragma_foreign_key_list(?) ORDER BY id, seq");
// Every foreign key in the file that points at a given table (SQLite compares table names ignoring ASCII case).
const auto kForeignKeysTo =
    QStringLiteral("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
                   "FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f "
                   "WHERE m.type = 'table' AND f.\"table\" = ? COLLATE NOCASE ORDER BY m.name, f.id, f.seq");
const auto kPrimaryKeyOf = QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
const auto kParentExists = QStringLiteral("SELECT 1 FROM %1 WHERE %2 LIMIT 1");
const auto kSelectColumns = QStringLiteral("SELECT %1 FROM %2 WHERE %3");
const auto kCountChildren = QStringLiteral("SELECT count(*) FROM %1 WHERE %2");

struct ForeignKey {
    QString child;
    QString parent;
    QStringList from;
    QStringList to; // empty entries mean the parent's primary key
    QString onUpdate;
    QString onDelete;
};

// The value `change` gives `column` (from its values, else its key), compared as SQLite compares names.
std::optional<QVariant> valueOf(const Change& change, const QString& column)
{
    for (const QVariantMap* map : {&change.values, &change.key}) {
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            if (SqlIdentifier::sameName(it.key(), column))
                return it.value();
        }
    }
    return std::nullopt;
}

// "Cannot add the new user", "Cannot save post 12", "Cannot delete user 3".
QString prefixFor(const Change& change)
{
    const QString row = Vocabulary::describeRow(change.table, change.key);
    switch (change.kind) {
    case Change::Kind::Insert:
        return QStringLiteral("Cannot add %1").arg(row);
    case Change::Kind::Update:
        return QStringLiteral("Cannot save %1").arg(row);
    case Change::Kind::Delete:
        return QStringLiteral("Cannot delete %1").arg(row);
    }
    return {};
}

// What follows "... constraint failed: " in SQLite's message.
QString detailOf(const QString& sqliteText)
{
    const QString marker = QStringLiteral("constraint failed: ");
    const qsizetype at = sqliteText.indexOf(marker);
    return at < 0 ? QString() : sqliteText.mid(at + marker.size()).trimmed();
}

// "users.username" -> "username" for a change to users.
QString columnOf(const QString& qualified, const QString& table)
{
    if (qualified.size() > table.size() && qualified.at(table.size()) == QLatin1Char('.') &&
        SqlIdentifier::sameName(qualified.left(table.size()), table))
        return qualified.mid(table.size() + 1);
    const qsizetype dot = qualified.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? qualified : qualified.mid(dot + 1);
}

// Rows of kForeignKeysOf or kForeignKeysTo (child, id, parent, from, to, on_update, on_delete), one per column,
// grouped into keys. `child` names the table when the query does not.
QList<ForeignKey> readForeignKeys(QSqlQuery& query, const QString& child)
{
    QList<ForeignKey> keys;
    QString lastChild;
    int lastId = -1;
    while (query.next()) {
        const QString owner = child.isEmpty() ? query.value(0).toString() : child;
        const int id = query.value(1).toInt();
        if (keys.isEmpty() || id != lastId || owner != lastChild)
            keys << ForeignKey{owner, query.value(2).toString(), {},
                               {},    query.value(5).toString(), query.value(6).toString()};
        keys.last().from << query.value(3).toString();
        keys.last().to << query.value(4).toString();
        lastId = id;
        lastChild = owner;
    }
    return keys;
}

// The parent columns a foreign key refers to: as declared, or the parent's primary key (else rowid) when the
// declaration names none.
QStringList referencedColumns(const QSqlDatabase& db, const QString& parent, const QStringList& declared)
{
    if (!declared.contains(QString()))
        return declared;
    QStringList columns;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (query.prepare(kPrimaryKeyOf)) {
        query.addBindValue(parent);
        if (query.exec()) {
            while (query.next())
                columns << query.value(0).toString();
        }
    }
    if (columns.isEmpty())
        columns << QStringLiteral("rowid");
    return columns;
}

bool removesReferences(const QString& action)
{
    return action.compare(QStringLiteral("CASCADE"), Qt::CaseInsensitive) == 0 ||
           action.compare(QStringLiteral("SET NULL"), Qt::CaseInsensitive) == 0 ||
           action.compare(QStringLiteral("SET DEFAULT"), Qt::CaseInsensitive) == 0;
}

QString quotedValues(const QVariantList& values)
{
    QStringList parts;
    for (const QVariant& v : values)
        parts << Vocabulary::quoted(v);
    return parts.size() == 1 ? parts.first() : QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace

ConstraintExplainer::ConstraintExplainer(QSqlDatabase db) : m_db(std::move(db)) {}

ChangeFailure ConstraintExplainer::explain(const Error& sqliteError, const Change& change) const
{
    ChangeFailure failure;
    failure.change = change;
    failure.error = sqliteError;

    const QString detail = detailOf(sqliteError.sqliteText);
    std::optional<Clause> clause;
    switch (sqliteError.sqliteCode) {
    case sqlite_code::ConstraintUnique:
        clause = unique(detail, change, false);
        break;
    case sqlite_code::ConstraintPrimaryKey:
        clause = unique(detail, change, true);
        break;
    case sqlite_code::ConstraintNotNull:
        clause = notNull(detail, change);
        break;
    case sqlite_code::ConstraintCheck:
        clause = check(detail, change);
        break;
    case sqlite_code::ConstraintForeignKey:
        if (change.kind != Change::Kind::Delete)
            clause = missingParent(change);
        if (!clause && change.kind != Change::Kind::Insert)
            clause = remainingChildren(change);
        if (!clause)
            clause = Clause{
                {}, QStringLiteral("it would break a reference between rows (%1)").arg(sqliteError.sqliteText), false};
        break;
    default:
        // Triggers' RAISE() messages, STRICT tables' type errors, "no such column", a read-only file: SQLite's own
        // words are the best there are.
        clause = Clause{{}, sqliteError.sqliteText.isEmpty() ? sqliteError.message : sqliteError.sqliteText, false};
        break;
    }
    failure.column = clause->column;
    failure.error.message = Vocabulary::sentence(
        clause->namesRow ? clause->text : QStringLiteral("%1: %2").arg(prefixFor(change), clause->text));
    return failure;
}

std::optional<ChangeFailure> ConstraintExplainer::findBrokenReference(const Change& change,
                                                                      const Error& sqliteError) const
{
    std::optional<Clause> clause;
    if (change.kind != Change::Kind::Delete)
        clause = missingParent(change);
    if (!clause && change.kind != Change::Kind::Insert)
        clause = remainingChildren(change);
    if (!clause)
        return std::nullopt;
    ChangeFailure failure;
    failure.change = change;
    failure.column = clause->column;
    failure.error = sqliteError;
    failure.error.message = Vocabulary::sentence(
        clause->namesRow ? clause->text : QStringLiteral("%1: %2").arg(prefixFor(change), clause->text));
    return failure;
}

std::optional<ConstraintExplainer::Clause> ConstraintExplainer::missingParent(const Change& change) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(kForeignKeysOf))
        return std::nullopt;
    query.addBindValue(change.table);
    if (!query.exec())
        return std::nullopt;
    const QList<ForeignKey> keys = readForeignKeys(query, change.table);
    query.finish();

    for (const ForeignKey& key : keys) {
        QVariantList childValues;
        bool complete = true;
        bool anyNull = false;
        for (const QString& column : key.from) {
            const std::optional<QVariant> v = valueOf(change, column);
            if (!v) {
                complete = false;
                break;
            }
            anyNull = anyNull || v->isNull() || (v->typeId() == QMetaType::QString && v->toString().isNull());
            childValues << *v;
        }
        if (!complete || anyNull) // a NULL reference is satisfied; a column the change leaves alone is not its doing
            continue;

        const QStringList parentColumns = referencedColumns(m_db, key.parent, key.to);
        if (parentColumns.size() != childValues.size())
            continue;

        QSqlQuery probe(m_db);
        probe.setForwardOnly(true);
        if (!probe.prepare(
                kParentExists.arg(SqlIdentifier::quote(key.parent), SqlIdentifier::conditions(parentColumns))))
            continue;
        for (const QVariant& v : childValues)
            probe.addBindValue(v);
        if (!probe.exec() || probe.next())
            continue;

        const QString row = Vocabulary::describeRow(change.table, change.key);
        const QString values = quotedValues(childValues);
        Clause clause;
        clause.column = key.from.first();
        clause.namesRow = true;
        if (!Vocabulary::rowNoun(change.table).isEmpty() && key.from.size() == 1)
            clause.text = QStringLiteral("%1's %2 %3 does not exist")
                              .arg(row, Vocabulary::columnLabel(change.table, key.from.first()), values);
        else
            clause.text = QStringLiteral("%1: %2 %3 has no matching row in %4")
                              .arg(row, key.from.join(QStringLiteral(", ")), values, key.parent);
        return clause;
    }
    return std::nullopt;
}

std::optional<ConstraintExplainer::Clause> ConstraintExplainer::remainingChildren(const Change& change) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(kForeignKeysTo))
        return std::nullopt;
    query.addBindValue(change.table);
    if (!query.exec())
        return std::nullopt;
    const QList<ForeignKey> keys = readForeignKeys(query, {});
    query.finish();

    for (const ForeignKey& key : keys) {
        const bool deleting = change.kind == Change::Kind::Delete;
        if (removesReferences(deleting ? key.onDelete : key.onUpdate))
            continue;
        const QStringList parentColumns = referencedColumns(m_db, change.table, key.to);
        if (parentColumns.size() != key.from.size())
            continue;
        if (!deleting) {
            // An update breaks references only by changing the referenced columns.
            bool touches = false;
            for (const QString& column : parentColumns) {
                for (auto it = change.values.cbegin(); it != change.values.cend(); ++it)
                    touches = touches || SqlIdentifier::sameName(it.key(), column);
            }
            if (!touches)
                continue;
        }

        // The referenced values: from the key when it holds them (the row may already be gone), else from the row.
        QVariantList parentValues;
        for (const QString& column : parentColumns) {
            for (auto it = change.key.cbegin(); it != change.key.cend(); ++it) {
                if (SqlIdentifier::sameName(it.key(), column))
                    parentValues << it.value();
            }
        }
        if (parentValues.size() != parentColumns.size()) {
            parentValues.clear();
            QSqlQuery row(m_db);
            row.setForwardOnly(true);
            if (!row.prepare(kSelectColumns.arg(SqlIdentifier::list(parentColumns), SqlIdentifier::quote(change.table),
                                                SqlIdentifier::conditions(change.key.keys()))))
                continue;
            for (const QVariant& v : change.key)
                row.addBindValue(v);
            if (!row.exec() || !row.next())
                continue;
            for (int i = 0; i < parentColumns.size(); ++i)
                parentValues << row.value(i);
        }

        QSqlQuery count(m_db);
        count.setForwardOnly(true);
        if (!count.prepare(kCountChildren.arg(SqlIdentifier::quote(key.child), SqlIdentifier::conditions(key.from))))
            continue;
        for (const QVariant& v : parentValues)
            count.addBindValue(v);
        if (!count.exec() || !count.next())
            continue;
        const qint64 children = count.value(0).toLongLong();
        if (children == 0)
            continue;
        return Clause{{},
                      QStringLiteral("%1 still %2 to it")
                          .arg(Vocabulary::rowCount(children, key.child),
                               plural(children, QStringLiteral("refers"), QStringLiteral("refer"))),
                      false};
    }
    return std::nullopt;
}

ConstraintExplainer::Clause ConstraintExplainer::unique(const QString& detail, const Change& change,
                                                        bool primaryKey) const
{
    QStringList columns;
    if (detail.startsWith(QStringLiteral("index ")))
        return Clause{{}, QStringLiteral("another row already has the same values (%1)").arg(detail), false};
    for (const QString& qualified : detail.split(QStringLiteral(", "), Qt::SkipEmptyParts))
        columns << columnOf(qualified, change.table);
    if (columns.isEmpty())
        return Clause{{}, QStringLiteral("another row already has the same values"), false};

    QVariantMap conflicting;
    QStringList parts;
    for (const QString& column : columns) {
        const std::optional<QVariant> v = valueOf(change, column);
        if (v)
            conflicting.insert(column, *v);
        const QString label = Vocabulary::columnLabel(change.table, column);
        parts << (v ? label + QLatin1Char(' ') + Vocabulary::quoted(*v) : label);
    }
    if (primaryKey && conflicting.size() == columns.size()) {
        const QString existing = Vocabulary::describeRow(change.table, conflicting);
        // For an insert the clause says it all ("User 3 already exists."); for an update, say which row moved.
        return Clause{columns.first(), QStringLiteral("%1 already exists").arg(existing),
                      change.kind == Change::Kind::Insert};
    }
    if (parts.size() == 1)
        return Clause{columns.first(), QStringLiteral("%1 is already taken").arg(parts.first()), false};
    return Clause{columns.first(),
                  QStringLiteral("the combination of %1 is already taken").arg(parts.join(QStringLiteral(", "))),
                  false};
}

ConstraintExplainer::Clause ConstraintExplainer::notNull(const QString& detail, const Change& change) const
{
    const QString column = columnOf(detail, change.table);
    return Clause{column, QStringLiteral("%1 must not be empty").arg(Vocabulary::columnLabel(change.table, column)),
                  false};
}

ConstraintExplainer::Clause ConstraintExplainer::check(const QString& detail, const Change& change) const
{
    // SQLite names the constraint, or quotes its expression when it has no name: find a changed column in it.
    for (auto it = change.values.cbegin(); it != change.values.cend(); ++it) {
        const QRegularExpression word(
            QStringLiteral("(?<![\\w\"])%1(?![\\w\"])").arg(QRegularExpression::escape(it.key())),
            QRegularExpression::CaseInsensitiveOption);
        if (word.match(detail).hasMatch())
            return Clause{
                it.key(),
                QStringLiteral("%1 %2 breaks the rule '%3'")
                    .arg(Vocabulary::columnLabel(change.table, it.key()), Vocabulary::quoted(it.value()), detail),
                false};
    }
    return Clause{{}, QStringLiteral("a value breaks the rule '%1'").arg(detail), false};
}

} // namespace quarry
