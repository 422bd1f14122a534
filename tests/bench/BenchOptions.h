#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace quarry::bench {

// What `quarry-bench` was asked to do. The parent process generates (or reuses) the database, runs each side
// of the comparison in a child process of its own (so each side's peak memory is its own), times the stats
// panels, and prints the merged figures; a child (`--measure quarry|baseline`) measures one side only.
// With --values it runs the huge-values scenario instead (ValuesBench): the same table with and without a huge
// BLOB and a huge TEXT, each file browsed by Quarry in a child (`--measure plain|huge`).
struct BenchOptions {
    enum class Side { None, Quarry, Baseline, Plain, Huge };

    qint64 users = 0;
    qint64 posts = 0;
    qint64 comments = 0;
    quint64 seed = 1;
    QString database; // empty: generated in a temporary folder and removed afterwards
    QString output;   // also written here when set
    Side measure = Side::None;

    int limitMs = 60000;       // a step that takes longer is reported as null
    int pauseMs = 500;         // idle time before each step, as a person would take
    int scrollSteps = 100;     // scroll-bar positions visited from top to bottom
    int statsRuns = 3;         // timed runs per stats panel and side (median reported), after one warm-up
    int statsKeep = 0;         // rows a stats panel keeps, the rest read and summed (default: the stats dock's)
    int statsLimitMs = 600000; // a stats run that takes longer is reported as null
    int rssLimitMb = 4096;     // a side whose resident memory passes this stops its step (null)
    QString filterWord;        // empty: a word of the last post's title
    bool baseline = true;      // measure the QSqlRelationalTableModel baseline
    bool stats = true;         // time the stats panels
    bool warmCache = true;     // read the file once before measuring, so both sides start warm

    bool values = false;       // the huge-values scenario instead of the blog database
    qint64 valueRows = 200000; // rows of small values in both files
    qint64 hugeBlobMb = 1024;  // the huge BLOB's size in MiB
    qint64 hugeTextMb = 10;    // the huge TEXT's size in MiB

    // Parses the arguments (program name first). Returns nothing and sets `message` on bad usage; sets
    // `message` and `helpOnly` for --help.
    static std::optional<BenchOptions> parse(const QStringList& arguments, QString& message, bool& helpOnly);
    // The arguments that make a child measure `side` with the same settings.
    QStringList childArguments(Side side) const;
    static QString sideName(Side side);
    // The rows of the table browsed: posts, or the huge-values table's rows.
    qint64 browsedRows() const { return values ? valueRows : posts; }
};

} // namespace quarry::bench
