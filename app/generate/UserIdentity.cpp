#include "generate/UserIdentity.h"

#include "generate/NameCorpus.h"
#include "generate/RandomStream.h"

#include <algorithm>

namespace quarry {

namespace {

template <typename T> const T& pick(RandomStream& random, std::span<const T> items)
{
    return items[size_t(random.below(items.size()))];
}

} // namespace

UserIdentity::UserIdentity(quint64 id, quint64 key, const KeyedPermutation& numbers)
{
    RandomStream random(RandomStream::hash(key, id));
    m_firstName = pick(random, NameCorpus::firstNames());
    m_lastName = pick(random, NameCorpus::lastNames());
    m_usernameStyle = int(random.below(6));
    m_emailStyle = int(random.below(5));
    m_domain = pick(random, NameCorpus::mailDomains());
    m_number = numbers.map(id - 1) + 1;
}

quint64 UserIdentity::numberRange(quint64 users)
{
    return std::max<quint64>(1000, users * 10);
}

void UserIdentity::writeUsername(TextBuffer& out) const
{
    // Every style ends its prefix with a letter, so the user's number is the whole run of trailing digits.
    switch (m_usernameStyle) {
    case 0: // mary_smith
        out.appendLower(m_firstName);
        out.append('_');
        out.appendLower(m_lastName);
        break;
    case 1: // msmith
        out.appendLower(m_firstName.substr(0, 1));
        out.appendLower(m_lastName);
        break;
    case 2: // mary
        out.appendLower(m_firstName);
        break;
    case 3: // smith_mary
        out.appendLower(m_lastName);
        out.append('_');
        out.appendLower(m_firstName);
        break;
    case 4: // marys
        out.appendLower(m_firstName);
        out.appendLower(m_lastName.substr(0, 1));
        break;
    default: // marysmith
        out.appendLower(m_firstName);
        out.appendLower(m_lastName);
        break;
    }
    out.appendNumber(m_number);
}

void UserIdentity::writeEmail(TextBuffer& out) const
{
    switch (m_emailStyle) {
    case 0: // mary.smith
        out.appendLower(m_firstName);
        out.append('.');
        out.appendLower(m_lastName);
        break;
    case 1: // msmith
        out.appendLower(m_firstName.substr(0, 1));
        out.appendLower(m_lastName);
        break;
    case 2: // mary_smith
        out.appendLower(m_firstName);
        out.append('_');
        out.appendLower(m_lastName);
        break;
    case 3: // smith.mary
        out.appendLower(m_lastName);
        out.append('.');
        out.appendLower(m_firstName);
        break;
    default: // marysmith
        out.appendLower(m_firstName);
        out.appendLower(m_lastName);
        break;
    }
    out.appendNumber(m_number);
    out.append('@');
    out.append(m_domain);
}

} // namespace quarry
