#pragma once

namespace quarry {

// Which domain rules a writer applies before SQLite sees a change. The blog's rules (validators and
// normalisation of users, posts and comments) must not be forced on some other file that happens to have a table
// called users, so the GUI chooses Blog only for a blog database.
enum class RuleSet {
    Blog, // normalise and validate with Normaliser and Validators
    None, // write values as given; only SQLite's own constraints apply
};

} // namespace quarry
