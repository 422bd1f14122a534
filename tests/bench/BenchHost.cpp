#include "BenchHost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>
#include <QThread>

namespace quarry::bench {

namespace {

// The first line of a /proc file that starts with `prefix`, after the prefix; the whole first line for none.
QString procLine(const QString& path, const QString& prefix = {})
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed();
    }
    return {};
}

} // namespace

QString BenchHost::loadAverage()
{
    return procLine(QStringLiteral("/proc/loadavg")).section(QLatin1Char(' '), 0, 2);
}

QString BenchHost::machineNote()
{
    const QString cpu =
        procLine(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name")).section(QLatin1Char(':'), 1).trimmed();
    const double memoryGb = procLine(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal:"))
                                .section(QLatin1Char(' '), 0, 0)
                                .toDouble() /
                            (1024.0 * 1024.0);
    return QStringLiteral("machine: %1 x %2, %3 GB RAM; load average (1, 5, 15 min) at start %4")
        .arg(QThread::idealThreadCount())
        .arg(cpu)
        .arg(memoryGb, 0, 'f', 1)
        .arg(loadAverage());
}

void BenchHost::warmFile(const QString& path, QStringList& notes, QTextStream& err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QElapsedTimer clock;
    clock.start();
    QByteArray buffer(4 * 1024 * 1024, Qt::Uninitialized);
    qint64 total = 0;
    qint64 read = 0;
    while ((read = file.read(buffer.data(), buffer.size())) > 0)
        total += read;
    notes << QStringLiteral("%1 read once before measuring (%2 MiB in %3 s), so every side starts warm")
                 .arg(QFileInfo(path).fileName())
                 .arg(double(total) / (1024.0 * 1024.0), 0, 'f', 1)
                 .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2);
    err << "quarry-bench: page cache warmed" << Qt::endl;
}

int BenchHost::publish(const QString& text, const QString& outputPath, QTextStream& out, QTextStream& err)
{
    out << text;
    out.flush();
    if (outputPath.isEmpty())
        return 0;
    QFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) {
        err << "quarry-bench: cannot write " << outputPath << Qt::endl;
        return 1;
    }
    return 0;
}

QJsonObject BenchHost::runChild(const QString& name, const QStringList& arguments, int timeoutMs, QStringList& notes,
                                QTextStream& err)
{
    err << "quarry-bench: measuring " << name << Qt::endl;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    const bool finished = child.waitForStarted() && child.waitForFinished(timeoutMs);
    if (!finished) {
        child.kill();
        child.waitForFinished();
    }
    const QJsonDocument document = QJsonDocument::fromJson(child.readAllStandardOutput());
    if (!finished || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0 || !document.isObject()) {
        notes << QStringLiteral("%1: the measuring process failed (%2); no figures")
                     .arg(name, finished ? QStringLiteral("exit code %1").arg(child.exitCode())
                                         : QStringLiteral("timed out after %1 ms").arg(timeoutMs));
        return {};
    }
    for (const QJsonValue& note : document.object().value(QStringLiteral("notes")).toArray())
        notes << name + QStringLiteral(": ") + note.toString();
    return document.object();
}

} // namespace quarry::bench
