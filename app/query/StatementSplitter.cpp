#include "query/StatementSplitter.h"

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

void addStatement(QList<ScriptStatement>& out, const QString& script, qsizetype begin, qsizetype end)
{
    // Start at the first token, but keep comments inside the statement.
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
    const qsizetype token = skipBlank(script, first);
    const QStringView before = QStringView(script).left(token);
    const int line = int(before.count(u'\n')) + 1;
    const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;
    out.append(ScriptStatement{text, int(first), line, int(token - lineStart) + 1});
}

} // namespace

bool StatementSplitter::isBlank(const QString& sql)
{
    return skipBlank(sql, 0) >= sql.size();
}

QList<ScriptStatement> StatementSplitter::split(const QString& script)
{
    QList<ScriptStatement> out;
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
            addStatement(out, script, start, semicolon + 1);
            start = semicolon + 1;
        }
        from = semicolon + 1;
    }
    addStatement(out, script, start, script.size());
    return out;
}

} // namespace quarry
