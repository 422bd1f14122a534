#include "database/StatementSplitter.h"

#include <sqlite3.h>

namespace quarry {

namespace {

// Index just past the whitespace and comments starting at i.
qsizetype skipBlank(const QString& s, qsizetype i)
{
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s.at(i);
        if (c.isSpace() || c == u';') { // an empty statement is blank too
            ++i;
        } else if (c == u'-' && i + 1 < n && s.at(i + 1) == u'-') {
            while (i < n && s.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
            const qsizetype end = s.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    return i;
}

// Counts lines as the splitter moves forward, so a script of many statements is read once, not once per
// statement.
class LineCounter {
public:
    explicit LineCounter(const QString& script) : m_script(script) {}

    ScriptPosition at(qsizetype position)
    {
        for (; m_position < position; ++m_position) {
            if (m_script.at(m_position) == u'\n') {
                ++m_line;
                m_lineStart = m_position + 1;
            }
        }
        return ScriptPosition{m_line, int(position - m_lineStart) + 1};
    }

private:
    const QString& m_script;
    qsizetype m_position = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
};

void addStatement(QList<ScriptStatement>& out, const QString& script, LineCounter& lines, qsizetype begin,
                  qsizetype end)
{
    // Start at the first non-space character, but keep comments inside the statement.
    qsizetype first = begin;
    while (first < end && script.at(first).isSpace())
        ++first;
    qsizetype last = end;
    while (last > first && script.at(last - 1).isSpace())
        --last;
    const QString text = script.mid(first, last - first);
    if (text.isEmpty() || StatementSplitter::isBlank(text))
        return;
    // Leading comments belong to the statement's text, but its position is that of its first token, which
    // is where SQLite's error offsets and a person's eye point.
    const ScriptPosition position = lines.at(skipBlank(script, first));
    out.append(ScriptStatement{text, int(first), position.line, position.column});
}

} // namespace

bool StatementSplitter::isBlank(const QString& sql)
{
    return skipBlank(sql, 0) >= sql.size();
}

QList<ScriptStatement> StatementSplitter::split(const QString& script)
{
    QList<ScriptStatement> out;
    LineCounter lines(script);
    qsizetype start = 0;
    qsizetype from = 0;
    while (true) {
        const qsizetype semicolon = script.indexOf(u';', from);
        if (semicolon < 0)
            break;
        // sqlite3_complete() only says yes when the text ends a statement outside any string, comment or
        // trigger body, which is exactly the question.
        const QByteArray candidate = QStringView(script).mid(start, semicolon - start + 1).toUtf8();
        if (sqlite3_complete(candidate.constData())) {
            addStatement(out, script, lines, start, semicolon + 1);
            start = semicolon + 1;
        }
        from = semicolon + 1;
    }
    addStatement(out, script, lines, start, script.size());
    return out;
}

std::optional<ScriptStatement> StatementSplitter::statementAt(const QString& script, int position)
{
    const QList<ScriptStatement> statements = split(script);
    if (statements.isEmpty())
        return std::nullopt;
    const ScriptStatement* chosen = &statements.front();
    for (const ScriptStatement& statement : statements) {
        if (statement.offset > position)
            break;
        chosen = &statement;
    }
    return *chosen;
}

ScriptPosition StatementSplitter::positionOf(const QString& script, int position)
{
    LineCounter lines(script);
    return lines.at(qBound(0, position, int(script.size())));
}

int StatementSplitter::characterOffset(const QString& sql, int byteOffset)
{
    if (byteOffset <= 0)
        return 0;
    const QByteArray utf8 = sql.toUtf8();
    return int(QString::fromUtf8(utf8.left(byteOffset)).size());
}

} // namespace quarry
