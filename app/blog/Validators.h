#pragma once

#include "core/Result.h"

#include <QString>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace quarry {

// The blog's rules for values, checked before anything reaches SQLite. Each failure is a sentence naming the
// field and the value: "Username 'ab' is too short: use 3 to 50 letters, digits or underscores."
//
// - username: 3 to 50 characters, each a letter, a digit or '_' (the lesson's isalnum() rule rejects its own
//   'john_doe'; Quarry accepts it). Letters and digits are Unicode ones ('josé', 'мария', '日本'); combining
//   marks may follow a letter (as Hindi and Thai need). Length counts code points.
// - email: the lesson's pattern ^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$, matched against the whole
//   value (a trailing newline does not slip through as it does with Python's re.match and '$').
// - title: 1 to 200 characters, not only white space.
// - content (posts and comments): not empty and not only white space.
class Validators {
public:
    static constexpr int kUsernameMinLength = 3;
    static constexpr int kUsernameMaxLength = 50;
    static constexpr int kTitleMaxLength = 200;

    // Each checks the value exactly as given (call Normaliser first to check what will be stored).
    [[nodiscard]] static Status username(const QString& value);
    [[nodiscard]] static Status email(const QString& value);
    [[nodiscard]] static Status title(const QString& value);
    [[nodiscard]] static Status content(const QString& value);

    // For editors, as a person types: the problem with `value` for `table`.`column`, or nothing when it is
    // acceptable or the column has no rule. Covers users.username, users.email, posts.title, posts.content and
    // comments.content. The value is normalised first, so ' Alice' is fine: it will be stored as 'alice'.
    static std::optional<QString> check(const QString& table, const QString& column, const QVariant& value);

    struct InvalidValue {
        QString column;
        QString message;
    };
    // The first column of a row (in column-name order) whose value check() refuses.
    static std::optional<InvalidValue> checkValues(const QString& table, const QVariantMap& values);
};

} // namespace quarry
