#include "write/Vocabulary.h"

#include "core/Counting.h"
#include "database/SqlIdentifier.h"

#include <QMetaType>

namespace quarry {

namespace {

constexpr qsizetype kLongestQuotedValue = 60;

struct TableNoun {
    const char16_t* table;
    const char16_t* noun;
};
constexpr TableNoun kBlogNouns[] = {
    {u"users", u"user"},
    {u"posts", u"post"},
    {u"comments", u"comment"},
    {u"user_profiles", u"profile"},
};

struct ColumnWord {
    const char16_t* table;
    const char16_t* column;
    const char16_t* word;
};
// Foreign keys read as the thing they point at: "post 12's author 999 does not exist".
constexpr ColumnWord kBlogColumnWords[] = {
    {u"posts", u"author_id", u"author"},
    {u"comments", u"author_id", u"author"},
    {u"comments", u"post_id", u"post"},
    {u"user_profiles", u"user_id", u"user"},
};

QString keyText(const QVariantMap& key)
{
    if (key.size() == 1)
        return Vocabulary::quoted(key.first());
    QStringList parts;
    for (auto it = key.cbegin(); it != key.cend(); ++it)
        parts << it.key() + QLatin1Char(' ') + Vocabulary::quoted(it.value());
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace

QString Vocabulary::rowNoun(const QString& table)
{
    for (const TableNoun& entry : kBlogNouns) {
        if (SqlIdentifier::sameName(table, QString::fromUtf16(entry.table)))
            return QString::fromUtf16(entry.noun);
    }
    return {};
}

QString Vocabulary::describeRow(const QString& table, const QVariantMap& key)
{
    const QString noun = rowNoun(table);
    if (key.isEmpty())
        return noun.isEmpty() ? QStringLiteral("the new row in %1").arg(table) : QStringLiteral("the new %1").arg(noun);
    if (noun.isEmpty())
        return QStringLiteral("row %1 of %2").arg(keyText(key), table);
    return QStringLiteral("%1 %2").arg(noun, keyText(key));
}

QString Vocabulary::columnLabel(const QString& table, const QString& column)
{
    for (const ColumnWord& entry : kBlogColumnWords) {
        if (SqlIdentifier::sameName(table, QString::fromUtf16(entry.table)) &&
            SqlIdentifier::sameName(column, QString::fromUtf16(entry.column)))
            return QString::fromUtf16(entry.word);
    }
    if (rowNoun(table).isEmpty())
        return column;
    QString words = column.toLower();
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    return words;
}

QString Vocabulary::quoted(const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Bool:
        return value.toString();
    case QMetaType::QByteArray:
        return QStringLiteral("a blob of ") +
               plainCountText(value.toByteArray().size(), QStringLiteral("byte"), QStringLiteral("bytes"));
    default:
        break;
    }
    QString text = value.toString();
    if (text.isNull())
        return QStringLiteral("NULL");
    // Line breaks and tabs would tear the message apart; show them as spaces.
    for (QChar& c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    if (text.size() > kLongestQuotedValue) {
        qsizetype cut = kLongestQuotedValue - 3;
        if (text.at(cut - 1).isHighSurrogate())
            --cut; // never split a character in two
        text = text.left(cut) + QChar(0x2026);
    }
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString Vocabulary::rowCount(qint64 n, const QString& table)
{
    const QString noun = rowNoun(table);
    if (noun.isEmpty())
        return plainCountText(n, QStringLiteral("row"), QStringLiteral("rows")) + QStringLiteral(" of ") + table;
    return plainCountText(n, noun, noun + QLatin1Char('s'));
}

QString Vocabulary::sentence(const QString& clause)
{
    if (clause.isEmpty())
        return clause;
    QString text = clause;
    text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

} // namespace quarry
