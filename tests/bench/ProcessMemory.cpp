#include "ProcessMemory.h"

#include <QFile>
#include <QString>

#include <algorithm>

#include <sys/resource.h>

namespace quarry::bench {

namespace {

// A "Name:   1234 kB" line of /proc/self/status in MiB, or a negative number when there is none.
double statusFieldMb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            const QList<QByteArray> parts = line.mid(prefix.size()).simplified().split(' ');
            bool ok = false;
            const double kib = parts.value(0).toDouble(&ok);
            if (ok)
                return kib / 1024.0;
        }
    }
    return -1.0;
}

} // namespace

double ProcessMemory::peakMb()
{
    const double mb = statusFieldMb("VmHWM");
    if (mb >= 0)
        return mb;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

double ProcessMemory::currentMb()
{
    return std::max(0.0, statusFieldMb("VmRSS"));
}

} // namespace quarry::bench
