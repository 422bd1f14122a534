#include "generate/WordCorpus.h"

namespace quarry {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kNouns[] = {
    "server"sv,   "database"sv,  "query"sv,      "index"sv,      "table"sv,     "column"sv,    "cache"sv,
    "thread"sv,   "window"sv,    "button"sv,     "screen"sv,     "file"sv,      "folder"sv,    "backup"sv,
    "release"sv,  "version"sv,   "feature"sv,    "bug"sv,        "patch"sv,     "test"sv,      "report"sv,
    "schema"sv,   "migration"sv, "account"sv,    "password"sv,   "project"sv,   "team"sv,      "meeting"sv,
    "deadline"sv, "garden"sv,    "kitchen"sv,    "recipe"sv,     "coffee"sv,    "morning"sv,   "evening"sv,
    "weekend"sv,  "holiday"sv,   "journey"sv,    "city"sv,       "river"sv,     "mountain"sv,  "forest"sv,
    "island"sv,   "village"sv,   "market"sv,     "library"sv,    "museum"sv,    "station"sv,   "bridge"sv,
    "street"sv,   "road"sv,      "bicycle"sv,    "train"sv,      "airport"sv,   "ticket"sv,    "camera"sv,
    "photo"sv,    "album"sv,     "song"sv,       "guitar"sv,     "piano"sv,     "concert"sv,   "festival"sv,
    "movie"sv,    "book"sv,      "novel"sv,      "chapter"sv,    "story"sv,     "poem"sv,      "letter"sv,
    "note"sv,     "journal"sv,   "notebook"sv,   "pencil"sv,     "desk"sv,      "chair"sv,     "lamp"sv,
    "plant"sv,    "flower"sv,    "tree"sv,       "season"sv,     "winter"sv,    "summer"sv,    "storm"sv,
    "cloud"sv,    "sunset"sv,    "ocean"sv,      "beach"sv,      "wave"sv,      "lake"sv,      "valley"sv,
    "trail"sv,    "map"sv,       "compass"sv,    "problem"sv,    "question"sv,  "answer"sv,    "idea"sv,
    "plan"sv,     "goal"sv,      "habit"sv,      "routine"sv,    "lesson"sv,    "teacher"sv,   "student"sv,
    "class"sv,    "course"sv,    "language"sv,   "word"sv,       "sentence"sv,  "paragraph"sv, "draft"sv,
    "editor"sv,   "review"sv,    "discussion"sv, "community"sv,  "neighbour"sv, "friend"sv,    "family"sv,
    "parent"sv,   "dog"sv,       "cat"sv,        "bird"sv,       "tool"sv,      "hammer"sv,    "engine"sv,
    "car"sv,      "battery"sv,   "phone"sv,      "laptop"sv,     "keyboard"sv,  "monitor"sv,   "network"sv,
    "router"sv,   "signal"sv,    "message"sv,    "inbox"sv,      "calendar"sv,  "schedule"sv,  "budget"sv,
    "invoice"sv,  "price"sv,     "customer"sv,   "product"sv,    "service"sv,   "store"sv,     "shop"sv,
    "order"sv,    "package"sv,   "delivery"sv,   "warehouse"sv,  "factory"sv,   "machine"sv,   "robot"sv,
    "sensor"sv,   "model"sv,     "dataset"sv,    "experiment"sv, "result"sv,    "chart"sv,     "graph"sv,
    "number"sv,   "pattern"sv,   "system"sv,     "process"sv,    "method"sv,    "approach"sv,  "strategy"sv,
    "decision"sv, "mistake"sv,   "success"sv,    "failure"sv,    "change"sv,    "challenge"sv, "opportunity"sv,
    "risk"sv,     "workshop"sv,  "podcast"sv,    "newsletter"sv, "playlist"sv,  "sketch"sv,    "puzzle"sv,
    "bakery"sv,   "harbour"sv,   "lighthouse"sv, "orchard"sv,    "meadow"sv,    "castle"sv,    "tower"sv,
};

constexpr std::string_view kAdjectives[] = {
    "quick"sv,     "quiet"sv,    "small"sv,     "large"sv,    "simple"sv,   "careful"sv,  "bright"sv,    "dark"sv,
    "early"sv,     "late"sv,     "old"sv,       "new"sv,      "modern"sv,   "ancient"sv,  "slow"sv,      "fast"sv,
    "gentle"sv,    "rough"sv,    "smooth"sv,    "clever"sv,   "strange"sv,  "familiar"sv, "practical"sv, "curious"sv,
    "patient"sv,   "busy"sv,     "lazy"sv,      "calm"sv,     "noisy"sv,    "warm"sv,     "cold"sv,      "fresh"sv,
    "dry"sv,       "heavy"sv,    "light"sv,     "narrow"sv,   "wide"sv,     "deep"sv,     "shallow"sv,   "sharp"sv,
    "soft"sv,      "hard"sv,     "steady"sv,    "sudden"sv,   "rare"sv,     "common"sv,   "hidden"sv,    "open"sv,
    "broken"sv,    "complete"sv, "empty"sv,     "full"sv,     "tiny"sv,     "huge"sv,     "little"sv,    "long"sv,
    "short"sv,     "young"sv,    "brave"sv,     "friendly"sv, "lonely"sv,   "lucky"sv,    "happy"sv,     "proud"sv,
    "humble"sv,    "fair"sv,     "clear"sv,     "cloudy"sv,   "sunny"sv,    "rainy"sv,    "green"sv,     "blue"sv,
    "red"sv,       "golden"sv,   "silver"sv,    "wooden"sv,   "remote"sv,   "local"sv,    "global"sv,    "private"sv,
    "public"sv,    "secret"sv,   "famous"sv,    "ordinary"sv, "elegant"sv,  "messy"sv,    "tidy"sv,      "plain"sv,
    "fancy"sv,     "cheap"sv,    "expensive"sv, "reliable"sv, "fragile"sv,  "solid"sv,    "flexible"sv,  "strict"sv,
    "loose"sv,     "final"sv,    "hopeful"sv,   "stubborn"sv, "generous"sv, "restless"sv, "peaceful"sv,  "crowded"sv,
    "forgotten"sv,
};

constexpr WordCorpus::Verb kVerbs[] = {
    {"build"sv, "built"sv},         {"test"sv, "tested"sv},
    {"move"sv, "moved"sv},          {"fix"sv, "fixed"sv},
    {"open"sv, "opened"sv},         {"close"sv, "closed"sv},
    {"find"sv, "found"sv},          {"lose"sv, "lost"sv},
    {"write"sv, "wrote"sv},         {"read"sv, "read"sv},
    {"draw"sv, "drew"sv},           {"paint"sv, "painted"sv},
    {"plan"sv, "planned"sv},        {"start"sv, "started"sv},
    {"finish"sv, "finished"sv},     {"watch"sv, "watched"sv},
    {"visit"sv, "visited"sv},       {"cook"sv, "cooked"sv},
    {"bake"sv, "baked"sv},          {"clean"sv, "cleaned"sv},
    {"repair"sv, "repaired"sv},     {"design"sv, "designed"sv},
    {"measure"sv, "measured"sv},    {"compare"sv, "compared"sv},
    {"explore"sv, "explored"sv},    {"discover"sv, "discovered"sv},
    {"share"sv, "shared"sv},        {"carry"sv, "carried"sv},
    {"follow"sv, "followed"sv},     {"remember"sv, "remembered"sv},
    {"forget"sv, "forgot"sv},       {"change"sv, "changed"sv},
    {"improve"sv, "improved"sv},    {"check"sv, "checked"sv},
    {"count"sv, "counted"sv},       {"sort"sv, "sorted"sv},
    {"filter"sv, "filtered"sv},     {"load"sv, "loaded"sv},
    {"save"sv, "saved"sv},          {"delete"sv, "deleted"sv},
    {"update"sv, "updated"sv},      {"replace"sv, "replaced"sv},
    {"simplify"sv, "simplified"sv}, {"rewrite"sv, "rewrote"sv},
    {"explain"sv, "explained"sv},   {"describe"sv, "described"sv},
    {"collect"sv, "collected"sv},   {"organise"sv, "organised"sv},
    {"borrow"sv, "borrowed"sv},     {"lend"sv, "lent"sv},
    {"buy"sv, "bought"sv},          {"sell"sv, "sold"sv},
    {"keep"sv, "kept"sv},           {"bring"sv, "brought"sv},
    {"teach"sv, "taught"sv},        {"learn"sv, "learned"sv},
    {"try"sv, "tried"sv},           {"prepare"sv, "prepared"sv},
    {"protect"sv, "protected"sv},   {"wrap"sv, "wrapped"sv},
    {"ship"sv, "shipped"sv},        {"deliver"sv, "delivered"sv},
    {"welcome"sv, "welcomed"sv},    {"celebrate"sv, "celebrated"sv},
    {"ignore"sv, "ignored"sv},      {"notice"sv, "noticed"sv},
    {"enjoy"sv, "enjoyed"sv},       {"miss"sv, "missed"sv},
    {"need"sv, "needed"sv},         {"love"sv, "loved"sv},
    {"release"sv, "released"sv},    {"restore"sv, "restored"sv},
    {"migrate"sv, "migrated"sv},    {"index"sv, "indexed"sv},
    {"query"sv, "queried"sv},       {"scale"sv, "scaled"sv},
    {"debug"sv, "debugged"sv},      {"review"sv, "reviewed"sv},
    {"publish"sv, "published"sv},   {"edit"sv, "edited"sv},
    {"grow"sv, "grew"sv},           {"plant"sv, "planted"sv},
    {"water"sv, "watered"sv},       {"climb"sv, "climbed"sv},
    {"cross"sv, "crossed"sv},       {"chase"sv, "chased"sv},
    {"catch"sv, "caught"sv},        {"hold"sv, "held"sv},
    {"lift"sv, "lifted"sv},         {"push"sv, "pushed"sv},
    {"pull"sv, "pulled"sv},         {"sketch"sv, "sketched"sv},
    {"record"sv, "recorded"sv},
};

constexpr std::string_view kPrepositions[] = {
    "in"sv,     "on"sv,     "near"sv,    "under"sv, "behind"sv, "beside"sv, "after"sv,
    "before"sv, "during"sv, "without"sv, "with"sv,  "across"sv, "around"sv, "through"sv,
    "beyond"sv, "inside"sv, "outside"sv, "above"sv, "below"sv,  "for"sv,    "about"sv,
};

constexpr std::string_view kPronouns[] = {
    "I"sv, "we"sv, "they"sv, "she"sv, "he"sv, "you"sv, "everyone"sv, "nobody"sv, "someone"sv,
};

constexpr std::string_view kSingularDeterminers[] = {
    "the"sv, "this"sv, "that"sv, "every"sv, "our"sv, "my"sv, "their"sv, "one"sv, "each"sv, "another"sv, "her"sv,
};

constexpr std::string_view kPluralDeterminers[] = {
    "the"sv, "some"sv, "many"sv, "few"sv, "these"sv, "our"sv, "my"sv, "their"sv, "all the"sv, "two"sv, "three"sv,
};

constexpr std::string_view kOpeners[] = {
    "Yesterday"sv, "Last week"sv,   "In the end"sv, "Later"sv,         "At first"sv, "Honestly"sv,
    "Meanwhile"sv, "Somehow"sv,     "Once again"sv, "After a while"sv, "By noon"sv,  "Looking back"sv,
    "Of course"sv, "Fortunately"sv, "Sadly"sv,      "To be fair"sv,    "As usual"sv, "This time"sv,
};

constexpr std::string_view kConjunctions[] = {
    ", and"sv, ", but"sv, ", so"sv, " because"sv, " while"sv, " although"sv, " when"sv, " until"sv, " after"sv,
};

} // namespace

std::span<const std::string_view> WordCorpus::nouns()
{
    return kNouns;
}

std::span<const std::string_view> WordCorpus::adjectives()
{
    return kAdjectives;
}

std::span<const WordCorpus::Verb> WordCorpus::verbs()
{
    return kVerbs;
}

std::span<const std::string_view> WordCorpus::prepositions()
{
    return kPrepositions;
}

std::span<const std::string_view> WordCorpus::pronouns()
{
    return kPronouns;
}

std::span<const std::string_view> WordCorpus::singularDeterminers()
{
    return kSingularDeterminers;
}

std::span<const std::string_view> WordCorpus::pluralDeterminers()
{
    return kPluralDeterminers;
}

std::span<const std::string_view> WordCorpus::openers()
{
    return kOpeners;
}

std::span<const std::string_view> WordCorpus::conjunctions()
{
    return kConjunctions;
}

} // namespace quarry
