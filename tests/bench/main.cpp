// quarry-bench: Quarry against a plain QSqlRelationalTableModel on a generated blog database, and the stats
// panels against the SQLite C API; with --values, Quarry on a table with and without huge values. See
// docs/performance.md for the method and the figures.
#include "BenchCoordinator.h"
#include "BenchOptions.h"
#include "SideMeasurement.h"
#include "ValuesBench.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char* argv[])
{
    // The widgets are driven offscreen: no display is needed, and none is disturbed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QString message;
    bool helpOnly = false;
    const auto options = quarry::bench::BenchOptions::parse(arguments, message, helpOnly);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!options) {
        (helpOnly ? out : err) << message;
        return helpOnly ? 0 : 2;
    }

    // Only a measuring child needs widgets; the parent generates, waits and queries.
    std::unique_ptr<QCoreApplication> app;
    if (options->measure != quarry::bench::BenchOptions::Side::None)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Quarry"));
    QCoreApplication::setApplicationName(QStringLiteral("quarry-bench"));
    // The window keeps recent files and geometry in its settings: keep the benchmark's out of a person's.
    QStandardPaths::setTestModeEnabled(true);

    if (options->measure != quarry::bench::BenchOptions::Side::None) {
        out << quarry::bench::SideMeasurement::run(*options) << Qt::endl;
        return 0;
    }
    if (options->values) {
        quarry::bench::ValuesBench bench(*options);
        return bench.run(out, err);
    }
    quarry::bench::BenchCoordinator coordinator(*options);
    return coordinator.run(out, err);
}
