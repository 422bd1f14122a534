#pragma once

#include "BenchOptions.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

class QTemporaryDir;

class QTextStream;

namespace quarry::bench {

// The parent process: makes sure the database holds the asked scale (generating it when needed), measures
// Quarry and then the baseline each in a child process, times the stats panels, and prints one JSON object:
// scale, generator_rows_per_s, quarry, baseline, stats, notes.
class BenchCoordinator {
public:
    explicit BenchCoordinator(BenchOptions options);
    ~BenchCoordinator();

    // Returns the exit status: 0 when the figures were printed (some may be null, with notes), 1 when the
    // database could not be made or opened, 2 on bad usage.
    int run(QTextStream& out, QTextStream& err);

private:
    int prepareDatabase(QTextStream& err);
    QString chooseFilterWord() const;
    // The side's figures as JSON text (nulls when the child failed), its notes added to m_notes.
    QString measureSide(BenchOptions::Side side, QTextStream& err);

    BenchOptions m_options;
    std::unique_ptr<QTemporaryDir> m_folder; // holds the generated file when no --db was given
    std::optional<double> m_generatorRowsPerSecond;
    QStringList m_notes;
};

} // namespace quarry::bench
