#include "blog/Validators.h"

#include "blog/Normaliser.h"
#include "database/SqlIdentifier.h"
#include "write/Vocabulary.h"

#include <QRegularExpression>

namespace quarry {

namespace {

Status invalid(const QString& message)
{
    return Error::make(Error::Kind::Validation, message);
}

QString usernameRule()
{
    return QStringLiteral("use %1 to %2 letters, digits or underscores")
        .arg(Validators::kUsernameMinLength)
        .arg(Validators::kUsernameMaxLength);
}

// "'!'" for a visible character, "a space", or "U+0009" for one that would not show in a message.
QString describeCharacter(char32_t c)
{
    if (QChar::isPrint(c) && !QChar::isSpace(c))
        return QLatin1Char('\'') + QString::fromUcs4(&c, 1) + QLatin1Char('\'');
    if (c == U' ')
        return QStringLiteral("a space");
    return QStringLiteral("U+") + QString::number(uint(c), 16).rightJustified(4, QLatin1Char('0')).toUpper();
}

bool isBlank(const QString& value)
{
    return value.trimmed().isEmpty();
}

qsizetype characterCount(const QString& value)
{
    return value.toUcs4().size();
}

} // namespace

Status Validators::username(const QString& value)
{
    if (value.isEmpty())
        return invalid(QStringLiteral("Username must not be empty: %1.").arg(usernameRule()));
    const QList<uint> characters = value.toUcs4();
    bool afterLetterOrDigit = false;
    for (const uint code : characters) {
        const auto c = char32_t(code);
        const QChar::Category category = QChar::category(c);
        const bool mark = category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining;
        if (QChar::isLetter(c) || QChar::isDigit(c) || c == U'_') {
            afterLetterOrDigit = c != U'_';
            continue;
        }
        if (mark && afterLetterOrDigit)
            continue;
        return invalid(QStringLiteral("Username %1 contains %2, which is not allowed: %3.")
                           .arg(Vocabulary::quoted(value), describeCharacter(c), usernameRule()));
    }
    if (characters.size() < kUsernameMinLength)
        return invalid(QStringLiteral("Username %1 is too short: %2.").arg(Vocabulary::quoted(value), usernameRule()));
    if (characters.size() > kUsernameMaxLength)
        return invalid(QStringLiteral("Username %1 is too long (%2 characters): %3.")
                           .arg(Vocabulary::quoted(value), QString::number(characters.size()), usernameRule()));
    return {};
}

Status Validators::email(const QString& value)
{
    // The lesson's pattern, anchored at the very end: '$' alone would also accept a trailing newline.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}")));
    if (value.isEmpty())
        return invalid(QStringLiteral("Email must not be empty: enter an address like name@example.com."));
    if (!pattern.match(value).hasMatch())
        return invalid(QStringLiteral("Email %1 is not a valid address: enter one like name@example.com.")
                           .arg(Vocabulary::quoted(value)));
    return {};
}

Status Validators::title(const QString& value)
{
    if (isBlank(value))
        return invalid(QStringLiteral("Title must not be empty."));
    const qsizetype length = characterCount(value);
    if (length > kTitleMaxLength)
        return invalid(QStringLiteral("Title %1 is too long (%2 characters): use at most %3.")
                           .arg(Vocabulary::quoted(value), QString::number(length), QString::number(kTitleMaxLength)));
    return {};
}

Status Validators::content(const QString& value)
{
    if (isBlank(value))
        return invalid(
            value.isEmpty()
                ? QStringLiteral("Content must not be empty.")
                : QStringLiteral("Content %1 is only white space: write something.").arg(Vocabulary::quoted(value)));
    return {};
}

std::optional<QString> Validators::check(const QString& table, const QString& column, const QVariant& value)
{
    const auto is = [](const QString& name, const char16_t* expected) {
        return SqlIdentifier::sameName(name, QString::fromUtf16(expected));
    };
    Status (*rule)(const QString&) = nullptr;
    if (is(table, u"users")) {
        if (is(column, u"username"))
            rule = &Validators::username;
        else if (is(column, u"email"))
            rule = &Validators::email;
    } else if (is(table, u"posts")) {
        if (is(column, u"title"))
            rule = &Validators::title;
        else if (is(column, u"content"))
            rule = &Validators::content;
    } else if (is(table, u"comments")) {
        if (is(column, u"content"))
            rule = &Validators::content;
    }
    if (!rule)
        return std::nullopt;
    const QVariant stored = Normaliser::value(table, column, value);
    // A blob or a number typed into a text column is judged by its text, as SQLite would store it.
    const QString text = stored.isNull() ? QString() : stored.toString();
    if (Status ok = rule(text); !ok)
        return ok.error().message;
    return std::nullopt;
}

std::optional<Validators::InvalidValue> Validators::checkValues(const QString& table, const QVariantMap& values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (auto problem = check(table, it.key(), it.value()))
            return InvalidValue{it.key(), *problem};
    }
    return std::nullopt;
}

} // namespace quarry
