#include "AppOptions.h"

#include "cli/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace quarry {

bool AppOptions::answersWithoutWindow(const QStringList& arguments)
{
    static const QStringList early{QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("-v"),
                                   QStringLiteral("--version")};
    for (const QString& argument : arguments.mid(1)) {
        if (early.contains(argument))
            return true;
    }
    return false;
}

std::optional<AppOptions> AppOptions::parse(const QStringList& arguments, QString& message, int& exitStatus)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Quarry: a fast, safe desktop browser for SQLite databases.\n\n"
                                                    "Commands without the window:\n") +
                                     CommandLine::summary() +
                                     QStringLiteral("Run `quarry COMMAND --help` for a command's options."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    // Spelled as DB Browser for SQLite spells the same options.
    const QCommandLineOption readOnly({QStringLiteral("R"), QStringLiteral("read-only")},
                                      QStringLiteral("Open the file read-only."));
    const QCommandLineOption table({QStringLiteral("t"), QStringLiteral("table")},
                                   QStringLiteral("Show this table first."), QStringLiteral("NAME"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the demo database (created on first use in your data folder)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"), QStringLiteral("Render the window to a PNG once the rows are shown, then exit."),
        QStringLiteral("OUT.png"));
    parser.addOptions({help, version, readOnly, table, demo, screenshot});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The SQLite database to open."),
                                 QStringLiteral("[FILE]"));

    if (!parser.parse(arguments)) {
        message = QStringLiteral("quarry: %1 (see quarry --help)\n").arg(parser.errorText());
        exitStatus = 2;
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        message = parser.helpText();
        exitStatus = 0;
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        message = QStringLiteral("quarry %1\n").arg(QStringLiteral(QUARRY_VERSION));
        exitStatus = 0;
        return std::nullopt;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        message = QStringLiteral("quarry: give one file at most, not %1 (see quarry --help)\n").arg(files.size());
        exitStatus = 2;
        return std::nullopt;
    }
    AppOptions options;
    options.file = files.value(0);
    options.table = parser.value(table);
    options.readOnly = parser.isSet(readOnly);
    options.demo = parser.isSet(demo);
    options.screenshotPath = parser.value(screenshot);
    if (options.demo && !options.file.isEmpty()) {
        message = QStringLiteral("quarry: --demo opens the demo database; give no FILE with it\n");
        exitStatus = 2;
        return std::nullopt;
    }
    return options;
}

} // namespace quarry
