#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace quarry {

// How the GUI was asked to start: `quarry [--read-only] [--table NAME] [--demo] [FILE]`.
struct AppOptions {
    QString file;
    QString table;
    QString screenshotPath;
    bool readOnly = false;
    bool demo = false;

    // Parses the GUI's command line. On --help, --version or bad usage returns the text to print and the exit
    // status in `exitStatus`, and no options.
    static std::optional<AppOptions> parse(const QStringList& arguments, QString& message, int& exitStatus);
    // True for --help and --version, which are answered without creating a window.
    static bool answersWithoutWindow(const QStringList& arguments);
};

} // namespace quarry
