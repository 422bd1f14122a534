#include "database/ColumnAffinity.h"

#include "database/SqlValue.h"

#include <sqlite3.h>

#include <charconv>
#include <memory>
#include <optional>

namespace quarry {

namespace {

// One in-memory database per thread with a column of each affinity: SQLite applies its own conversion on
// insert, and nothing touches a file.
class AffinityProbe {
public:
    AffinityProbe()
    {
        if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            return;
        sqlite3_exec(m_db, "CREATE TABLE probe(i INTEGER, r REAL, n NUMERIC, t TEXT, b BLOB)", nullptr, nullptr,
                     nullptr);
    }
    ~AffinityProbe() { sqlite3_close(m_db); }
    AffinityProbe(const AffinityProbe&) = delete;
    AffinityProbe& operator=(const AffinityProbe&) = delete;

    std::optional<QVariant> store(const QVariant& value, ColumnAffinity::Kind kind)
    {
        static const char* const columns[] = {"i", "r", "n", "t", "b"};
        const char* column = columns[int(kind)];
        const QByteArray insert = QByteArray("INSERT INTO probe(") + column + ") VALUES (?)";
        const QByteArray select = QByteArray("SELECT ") + column + " FROM probe";
        sqlite3_exec(m_db, "DELETE FROM probe", nullptr, nullptr, nullptr);
        if (!run(insert, &value))
            return std::nullopt;
        std::optional<QVariant> result;
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(m_db, select.constData(), -1, &raw, nullptr) == SQLITE_OK) {
            const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, sqlite3_finalize);
            if (sqlite3_step(raw) == SQLITE_ROW)
                result = SqlValue::fromColumn(raw, 0);
        }
        sqlite3_exec(m_db, "DELETE FROM probe", nullptr, nullptr, nullptr);
        return result;
    }

private:
    bool run(const QByteArray& sql, const QVariant* value)
    {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &raw, nullptr) != SQLITE_OK)
            return false;
        const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, sqlite3_finalize);
        if (value && SqlValue::bind(raw, 1, *value) != SQLITE_OK)
            return false;
        return sqlite3_step(raw) == SQLITE_DONE;
    }

    sqlite3* m_db = nullptr;
};

} // namespace

std::optional<double> ColumnAffinity::realFromText(const QString& text)
{
    QByteArray ascii = text.trimmed().toLatin1();
    if (ascii.startsWith('+'))
        ascii.remove(0, 1);
    if (ascii.isEmpty())
        return std::nullopt;
    double value = 0;
    const char* end = ascii.constData() + ascii.size();
    const auto [ptr, ec] = std::from_chars(ascii.constData(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

ColumnAffinity::Kind ColumnAffinity::of(const QString& declaredType)
{
    const QString type = declaredType.toUpper();
    if (type.contains(QStringLiteral("INT")))
        return Kind::Integer;
    if (type.contains(QStringLiteral("CHAR")) || type.contains(QStringLiteral("CLOB")) ||
        type.contains(QStringLiteral("TEXT")))
        return Kind::Text;
    if (type.contains(QStringLiteral("BLOB")) || type.trimmed().isEmpty())
        return Kind::Blob;
    if (type.contains(QStringLiteral("REAL")) || type.contains(QStringLiteral("FLOA")) ||
        type.contains(QStringLiteral("DOUB")))
        return Kind::Real;
    return Kind::Numeric;
}

QString ColumnAffinity::name(Kind kind)
{
    switch (kind) {
    case Kind::Integer:
        return QStringLiteral("INTEGER");
    case Kind::Real:
        return QStringLiteral("REAL");
    case Kind::Numeric:
        return QStringLiteral("NUMERIC");
    case Kind::Text:
        return QStringLiteral("TEXT");
    case Kind::Blob:
        return QStringLiteral("BLOB");
    }
    return {};
}

QVariant ColumnAffinity::stored(const QVariant& value, Kind kind)
{
    if (value.isNull() || kind == Kind::Blob)
        return value;
    thread_local AffinityProbe probe;
    std::optional<QVariant> result = probe.store(value, kind);
    if (!result)
        return value;
    if (SqlValue::storageClass(*result) == SqlValue::StorageClass::Real &&
        SqlValue::storageClass(value) == SqlValue::StorageClass::Text) {
        // The correctly rounded double, stored as SQLite stores a bound double in this column (a REAL column
        // keeps -0.0 as 0.0, for one).
        if (const std::optional<double> exact = realFromText(value.toString()))
            return probe.store(QVariant(*exact), kind).value_or(*result);
    }
    return *result;
}

} // namespace quarry
