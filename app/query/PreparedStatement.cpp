#include "query/PreparedStatement.h"

#include "database/SqlValue.h"

#include <sqlite3.h>

#include <utility>

namespace quarry {

PreparedStatement::~PreparedStatement()
{
    sqlite3_finalize(m_statement);
}

PreparedStatement::PreparedStatement(PreparedStatement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
{
}

PreparedStatement& PreparedStatement::operator=(PreparedStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

QList<QueryParameter> PreparedStatement::parameters() const
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

bool PreparedStatement::isReadOnly() const
{
    return !m_statement || sqlite3_stmt_readonly(m_statement) != 0;
}

QStringList PreparedStatement::columns() const
{
    QStringList out;
    if (!m_statement)
        return out;
    const int count = sqlite3_column_count(m_statement);
    for (int i = 0; i < count; ++i)
        out << QString::fromUtf8(sqlite3_column_name(m_statement, i));
    return out;
}

int PreparedStatement::bind(int index, const QVariant& value)
{
    return SqlValue::bind(m_statement, index, value);
}

} // namespace quarry
