#pragma once

#include <span>
#include <string_view>

namespace quarry {

// People's names and mail domains for generated users. ASCII only, letters only, capitalised: usernames and
// email addresses are made from them by lower-casing, so they pass the blog's validators as they are.
class NameCorpus {
public:
    static std::span<const std::string_view> firstNames();
    static std::span<const std::string_view> lastNames();
    // Reserved or fictional domains (RFC 2606 style), so no generated address belongs to anyone.
    static std::span<const std::string_view> mailDomains();
};

} // namespace quarry
