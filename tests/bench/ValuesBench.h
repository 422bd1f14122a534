#pragma once

#include "BenchOptions.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

class QTemporaryDir;
class QTextStream;

namespace quarry::bench {

// The parent process of the huge-values scenario (--values): writes (or reuses) the plain and the huge file
// (ValuesDatabase), has Quarry browse each in a child process of its own (the huge one also opening the value
// editor on its huge cells), and prints one JSON object: scale, plain, huge, ratios, notes; and a summary for a
// person on the error stream.
class ValuesBench {
public:
    explicit ValuesBench(BenchOptions options);
    ~ValuesBench();

    // Returns the exit status: 0 when the figures were printed (some may be null, with notes), 1 when a file could
    // not be made.
    int run(QTextStream& out, QTextStream& err);

private:
    int prepareFiles(QTextStream& err);
    QJsonObject measure(BenchOptions::Side side, const QString& path, QTextStream& err);

    BenchOptions m_options;
    std::unique_ptr<QTemporaryDir> m_folder; // holds the files when no --db was given
    QString m_plain;
    QString m_huge;
    QStringList m_notes;
};

} // namespace quarry::bench
