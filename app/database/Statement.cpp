#include "database/Statement.h"

#include "database/SqlValue.h"

#include <sqlite3.h>

#include <utility>

namespace quarry {

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement::Statement(Statement&& other) noexcept : m_statement(std::exchange(other.m_statement, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

int Statement::prepare(sqlite3* db, const QByteArray& sql)
{
    sqlite3_finalize(std::exchange(m_statement, nullptr));
    return sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_statement, nullptr);
}

QList<QueryParameter> Statement::parameters() const
{
    QList<QueryParameter> out;
    if (!m_statement)
        return out;
    const int count = sqlite3_bind_parameter_count(m_statement);
    // ?NNN leaves the numbers it skips without a name or a use; when a statement numbers its placeholders,
    // only the named slots take values. (Mixing bare ? with ?NNN is the one case this cannot tell apart.)
    bool numbered = false;
    for (int i = 1; i <= count && !numbered; ++i) {
        const char* name = sqlite3_bind_parameter_name(m_statement, i);
        numbered = name && name[0] == '?';
    }
    for (int i = 1; i <= count; ++i) {
        const char* name = sqlite3_bind_parameter_name(m_statement, i);
        if (!name && numbered)
            continue;
        out.append(QueryParameter{i, name ? QString::fromUtf8(name) : QStringLiteral("?%1").arg(i)});
    }
    return out;
}

bool Statement::isReadOnly() const
{
    return !m_statement || sqlite3_stmt_readonly(m_statement) != 0;
}

QStringList Statement::columns() const
{
    QStringList out;
    if (!m_statement)
        return out;
    const int count = sqlite3_column_count(m_statement);
    for (int i = 0; i < count; ++i)
        out << QString::fromUtf8(sqlite3_column_name(m_statement, i));
    return out;
}

int Statement::bind(int index, const QVariant& value)
{
    return SqlValue::bind(m_statement, index, value);
}

} // namespace quarry
