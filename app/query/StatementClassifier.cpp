#include "query/StatementClassifier.h"

#include "query/SqlLexer.h"

namespace quarry {

namespace {

class TokenReader {
public:
    explicit TokenReader(const QString& sql) : m_sql(sql), m_tokens(SqlLexer::significantTokens(sql)) {}

    qsizetype size() const { return m_tokens.size(); }
    QStringView text(qsizetype i) const { return i < m_tokens.size() ? m_tokens.at(i).text(m_sql) : QStringView(); }
    bool isWord(qsizetype i, QStringView word) const
    {
        return i < m_tokens.size() && m_tokens.at(i).kind == SqlToken::Kind::Word &&
               text(i).compare(word, Qt::CaseInsensitive) == 0;
    }
    bool isPunctuation(qsizetype i, QChar c) const
    {
        return i < m_tokens.size() && m_tokens.at(i).kind == SqlToken::Kind::Punctuation && text(i).front() == c;
    }

    // The index of the first token at parenthesis depth 0, at or after `from`, that is one of `words`;
    // -1 when there is none before the end (or before a ';').
    qsizetype findTopLevel(qsizetype from, std::initializer_list<QStringView> words) const
    {
        int depth = 0;
        for (qsizetype i = from; i < m_tokens.size(); ++i) {
            if (isPunctuation(i, u'('))
                ++depth;
            else if (isPunctuation(i, u')'))
                --depth;
            else if (isPunctuation(i, u';') && depth == 0)
                return -1;
            else if (depth == 0 && m_tokens.at(i).kind == SqlToken::Kind::Word) {
                for (QStringView word : words) {
                    if (text(i).compare(word, Qt::CaseInsensitive) == 0)
                        return i;
                }
            }
        }
        return -1;
    }

    // The (possibly schema-qualified) name starting at token i, as written, and the index just past it.
    QString name(qsizetype i, qsizetype* after = nullptr) const
    {
        QString result;
        while (i < m_tokens.size()) {
            const SqlToken& token = m_tokens.at(i);
            if (token.kind != SqlToken::Kind::Word && token.kind != SqlToken::Kind::QuotedIdentifier &&
                token.kind != SqlToken::Kind::String)
                break;
            result += text(i);
            ++i;
            if (!isPunctuation(i, u'.'))
                break;
            result += u'.';
            ++i;
        }
        if (after)
            *after = i;
        return result;
    }

private:
    const QString& m_sql;
    QList<SqlToken> m_tokens;
};

StatementInfo classifyDelete(const TokenReader& r, qsizetype verb)
{
    StatementInfo info{StatementInfo::Kind::Delete, {}};
    qsizetype i = verb + 1;
    if (r.isWord(i, u"FROM"))
        ++i;
    const QString table = r.name(i);
    if (r.findTopLevel(i, {u"WHERE"}) < 0)
        info.destructiveReason = QStringLiteral("DELETE without WHERE removes every row of %1.")
                                     .arg(table.isEmpty() ? QStringLiteral("the table") : table);
    return info;
}

StatementInfo classifyUpdate(const TokenReader& r, qsizetype verb)
{
    StatementInfo info{StatementInfo::Kind::Update, {}};
    qsizetype i = verb + 1;
    if (r.isWord(i, u"OR"))
        i += 2; // UPDATE OR REPLACE|IGNORE|ABORT|FAIL|ROLLBACK
    const QString table = r.name(i);
    if (r.findTopLevel(i, {u"WHERE"}) < 0)
        info.destructiveReason = QStringLiteral("UPDATE without WHERE changes every row of %1.")
                                     .arg(table.isEmpty() ? QStringLiteral("the table") : table);
    return info;
}

StatementInfo classifyDrop(const TokenReader& r)
{
    StatementInfo info{StatementInfo::Kind::Drop, {}};
    const QString what = r.text(1).toString().toUpper();
    qsizetype i = 2;
    if (r.isWord(i, u"IF") && r.isWord(i + 1, u"EXISTS"))
        i += 2;
    const QString name = r.name(i);
    if (what == QStringLiteral("TABLE"))
        info.destructiveReason = QStringLiteral("DROP TABLE deletes the table %1 and every row in it.").arg(name);
    else if (what == QStringLiteral("VIEW"))
        info.destructiveReason = QStringLiteral("DROP VIEW deletes the view %1.").arg(name);
    else if (what == QStringLiteral("INDEX"))
        info.destructiveReason = QStringLiteral("DROP INDEX deletes the index %1.").arg(name);
    else if (what == QStringLiteral("TRIGGER"))
        info.destructiveReason = QStringLiteral("DROP TRIGGER deletes the trigger %1.").arg(name);
    else
        info.destructiveReason = QStringLiteral("DROP deletes %1.").arg(name.isEmpty() ? what : name);
    return info;
}

StatementInfo classifyAlter(const TokenReader& r)
{
    StatementInfo info{StatementInfo::Kind::Alter, {}};
    if (!r.isWord(1, u"TABLE"))
        return info;
    qsizetype afterName = 2;
    const QString table = r.name(2, &afterName);
    if (r.isWord(afterName, u"DROP")) {
        qsizetype column = afterName + 1;
        if (r.isWord(column, u"COLUMN"))
            ++column;
        info.destructiveReason =
            QStringLiteral("ALTER TABLE ... DROP COLUMN deletes the column %1 of %2 and its values.")
                .arg(r.name(column), table);
    }
    return info;
}

} // namespace

StatementInfo StatementClassifier::classify(const QString& sql)
{
    const TokenReader r(sql);
    if (r.size() == 0 || (r.size() == 1 && r.isPunctuation(0, u';')))
        return {};

    qsizetype verb = 0;
    if (r.isWord(0, u"WITH")) {
        verb = r.findTopLevel(1, {u"SELECT", u"VALUES", u"INSERT", u"REPLACE", u"UPDATE", u"DELETE"});
        if (verb < 0)
            return {StatementInfo::Kind::Other, {}};
    }
    const QString word = r.text(verb).toString().toUpper();
    using Kind = StatementInfo::Kind;
    if (word == QStringLiteral("SELECT") || word == QStringLiteral("VALUES"))
        return {Kind::Select, {}};
    if (word == QStringLiteral("INSERT") || word == QStringLiteral("REPLACE"))
        return {Kind::Insert, {}};
    if (word == QStringLiteral("UPDATE"))
        return classifyUpdate(r, verb);
    if (word == QStringLiteral("DELETE"))
        return classifyDelete(r, verb);
    if (word == QStringLiteral("CREATE"))
        return {Kind::Create, {}};
    if (word == QStringLiteral("DROP"))
        return classifyDrop(r);
    if (word == QStringLiteral("ALTER"))
        return classifyAlter(r);
    if (word == QStringLiteral("EXPLAIN"))
        return {Kind::Explain, {}};
    if (word == QStringLiteral("PRAGMA"))
        return {Kind::Pragma, {}};
    static const QStringList transaction{QStringLiteral("BEGIN"),     QStringLiteral("COMMIT"),
                                         QStringLiteral("END"),       QStringLiteral("ROLLBACK"),
                                         QStringLiteral("SAVEPOINT"), QStringLiteral("RELEASE")};
    if (transaction.contains(word))
        return {Kind::Transaction, {}};
    return {Kind::Other, {}};
}

} // namespace quarry
