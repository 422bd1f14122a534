#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

class QTextStream;

namespace quarry::bench {

// What the parent process asks of the machine, for every scenario: what it is and how busy, a warm page cache,
// and a measuring child process of this program.
class BenchHost {
public:
    // "machine: 2 x CPU, N GB RAM; load average (1, 5, 15 min) at start ..."
    static QString machineNote();
    // The load average over 1, 5 and 15 minutes: other processes slow every figure down.
    static QString loadAverage();
    // Reads `path` once, so the side measured first does not pay for reading it from disk; notes how long.
    static void warmFile(const QString& path, QStringList& notes, QTextStream& err);
    // Prints `text` (the figures) and also writes it to `outputPath` when set: 0, or 1 when it cannot be written.
    static int publish(const QString& text, const QString& outputPath, QTextStream& out, QTextStream& err);
    // Runs this program with `arguments` (a --measure child) and returns the JSON object it printed, its notes
    // added to `notes` under `name`; an empty object, with a note, when it failed or outlasted `timeoutMs`.
    static QJsonObject runChild(const QString& name, const QStringList& arguments, int timeoutMs, QStringList& notes,
                                QTextStream& err);
};

} // namespace quarry::bench
