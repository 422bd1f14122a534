#include "SqlCompletionModel.h"

#include "database/SqlIdentifier.h"
#include "query/SqlLexer.h"

#include <QRegularExpression>

#include <algorithm>

namespace quarry {

namespace {

bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c.unicode() > 0x7F;
}

bool lessCaseInsensitive(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) < 0;
}

// A name as it must be typed: bare when it is a plain identifier and not a keyword, else double-quoted.
QString quotedIfNeeded(const QString& name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(name).hasMatch() && !SqlLexer::isKeyword(name))
        return name;
    return SqlIdentifier::quote(name);
}

QString unquoted(QString name)
{
    if (name.size() >= 2 &&
        ((name.startsWith(u'"') && name.endsWith(u'"')) || (name.startsWith(u'[') && name.endsWith(u']')) ||
         (name.startsWith(u'`') && name.endsWith(u'`')))) {
        name = name.mid(1, name.size() - 2);
        name.replace(QStringLiteral("\"\""), QStringLiteral("\""));
    }
    return name;
}

} // namespace

SqlCompletionModel::SqlCompletionModel(QObject* parent) : QStandardItemModel(parent) {}

void SqlCompletionModel::setCatalog(const SchemaCatalog& catalog)
{
    m_catalog = catalog;
    m_generalWords = SqlLexer::keywords() + catalog.allNames();
    std::sort(m_generalWords.begin(), m_generalWords.end(), lessCaseInsensitive);
    m_generalWords.erase(std::unique(m_generalWords.begin(), m_generalWords.end()), m_generalWords.end());
    show(m_generalWords);
}

void SqlCompletionModel::showWordsFor(const QString& qualifier)
{
    QStringList words = m_generalWords;
    if (!qualifier.isEmpty()) {
        words.clear();
        for (auto it = m_catalog.columns.cbegin(); it != m_catalog.columns.cend(); ++it) {
            if (it.key().compare(qualifier, Qt::CaseInsensitive) == 0)
                words << it.value();
        }
        std::sort(words.begin(), words.end(), lessCaseInsensitive);
    }
    show(words);
}

void SqlCompletionModel::show(const QStringList& names)
{
    if (names == m_shownWords)
        return;
    m_shownWords = names;
    // Matched by the plain name (what a person types), inserted quoted when the name needs it.
    clear();
    for (const QString& name : names) {
        auto* item = new QStandardItem(name);
        item->setData(SqlLexer::keywords().contains(name) ? name : quotedIfNeeded(name), Qt::UserRole);
        appendRow(item);
    }
}

QString SqlCompletionModel::wordBefore(const QString& line, int column, QString* qualifier)
{
    int start = column;
    while (start > 0 && isWordCharacter(line.at(start - 1)))
        --start;
    if (qualifier) {
        qualifier->clear();
        if (start > 0 && line.at(start - 1) == u'.') {
            int end = start - 1;
            int begin = end;
            if (begin > 0 && (line.at(begin - 1) == u'"' || line.at(begin - 1) == u']' || line.at(begin - 1) == u'`')) {
                const QChar close = line.at(begin - 1);
                const QChar open = close == u']' ? u'[' : close;
                begin = int(line.lastIndexOf(open, begin - 2));
                if (begin < 0)
                    begin = end;
            } else {
                while (begin > 0 && isWordCharacter(line.at(begin - 1)))
                    --begin;
            }
            *qualifier = unquoted(line.mid(begin, end - begin));
        }
    }
    return line.mid(start, column - start);
}

bool SqlCompletionModel::isInCommentOrString(const QString& before, int previousLineState)
{
    SqlLexer::State state = previousLineState < 0 ? SqlLexer::State::Normal : SqlLexer::State(previousLineState);
    const QList<SqlToken> tokens = SqlLexer::tokenize(before, &state);
    if (tokens.isEmpty())
        return state != SqlLexer::State::Normal;
    const SqlToken& last = tokens.last();
    switch (last.kind) {
    case SqlToken::Kind::Comment:
        return last.unterminated || last.text(before).startsWith(u"--");
    case SqlToken::Kind::String:
    case SqlToken::Kind::Blob:
    case SqlToken::Kind::QuotedIdentifier:
        return last.unterminated;
    default:
        return false;
    }
}

} // namespace quarry
