// Entry point: a subcommand runs without a window (no display needed); anything else starts the GUI.
#include "AppOptions.h"
#include "MainWindow.h"
#include "blog/DemoDatabase.h"
#include "browser/TableBrowser.h"
#include "cli/CommandLine.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Quarry"));
    QCoreApplication::setApplicationName(QStringLiteral("quarry"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUARRY_VERSION));
}

int runCommand(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return quarry::CommandLine::run(QCoreApplication::arguments(), out, err);
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc > 1 && quarry::CommandLine::isSubcommand(QString::fromLocal8Bit(argv[1])))
        return runCommand(argc, argv);

    QString message;
    int status = 0;
    // --help, --version and bad usage are answered before any window system is touched, so they work
    // without a display.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    if (quarry::AppOptions::answersWithoutWindow(rawArguments)) {
        QCoreApplication core(argc, argv);
        setApplicationIdentity();
        quarry::AppOptions::parse(QCoreApplication::arguments(), message, status);
        QTextStream(status == 0 ? stdout : stderr) << message;
        return status;
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Quarry"));
    // Matches the installed .desktop file, so Wayland compositors show the window with Quarry's icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.quarry.Quarry"));
    auto options = quarry::AppOptions::parse(QCoreApplication::arguments(), message, status);
    if (!options) {
        QTextStream(status == 0 ? stdout : stderr) << message;
        return status;
    }
    if (options->demo) {
        auto demo = quarry::DemoDatabase::ensure(quarry::DemoDatabase::defaultPath());
        if (!demo) {
            QTextStream(stderr) << "quarry: " << demo.error().message << '\n';
            return 1;
        }
        options->file = *demo;
    }

    std::unique_ptr<quarry::Dialogs> dialogs;
    if (options->screenshotPath.isEmpty())
        dialogs = std::make_unique<quarry::MessageBoxDialogs>();
    else
        dialogs = std::make_unique<quarry::HeadlessDialogs>();
    quarry::MainWindow window(std::move(dialogs));
    window.show();
    bool opened = true;
    if (!options->file.isEmpty()) {
        opened = window.openFile(options->file, options->readOnly, options->table);
        if (opened && !options->table.isEmpty() &&
            (!window.currentBrowser() || window.currentBrowser()->tableName() != options->table))
            opened = false; // the table asked for is not shown: the window has said why
    }
    if (!options->screenshotPath.isEmpty()) {
        if (!opened) {
            return 1; // the reason is on stderr already
        }
        window.screenshotWhenReady(options->screenshotPath);
    }
    return app.exec();
}
