#pragma once

#include "generate/KeyedPermutation.h"
#include "generate/TextBuffer.h"

#include <string_view>

namespace quarry {

// Who generated user `id` is: names, username and email, derived from the id alone, so the users table and
// user_profiles (which repeats the username in avatar URLs) can compute it independently.
//
// Usernames and emails are unique without a lookup: each ends in a number unique to the user (a keyed
// permutation of the id), preceded by letters, '_' or '.', so two users differ in their trailing digits
// whatever their names. Usernames are 3 to 50 lower-case letters, digits and '_'; emails match the blog's
// pattern.
class UserIdentity {
public:
    // `numbers` maps id - 1 to the user's number (minus one); it must cover every id.
    UserIdentity(quint64 id, quint64 key, const KeyedPermutation& numbers);

    std::string_view firstName() const { return m_firstName; }
    std::string_view lastName() const { return m_lastName; }
    void writeUsername(TextBuffer& out) const;
    void writeEmail(TextBuffer& out) const;

    // The range the numbers are drawn from for `users` users: ten times as many, at least 1,000.
    static quint64 numberRange(quint64 users);

private:
    std::string_view m_firstName;
    std::string_view m_lastName;
    quint64 m_number;
    int m_usernameStyle;
    int m_emailStyle;
    std::string_view m_domain;
};

} // namespace quarry
