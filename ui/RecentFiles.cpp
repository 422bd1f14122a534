#include "RecentFiles.h"

#include <QSettings>

namespace quarry {

namespace {

const QString kKey = QStringLiteral("recentFiles");

} // namespace

RecentFiles::RecentFiles() : m_files(QSettings().value(kKey).toStringList().mid(0, MaxFiles))
{
    // One thread: the writes reach the settings in the order they were made.
    m_writer.setMaxThreadCount(1);
}

RecentFiles::~RecentFiles()
{
    waitForSaved();
}

QStringList RecentFiles::withFirst(QStringList files, const QString& path)
{
    files.removeAll(path);
    files.prepend(path);
    return files.mid(0, MaxFiles);
}

void RecentFiles::add(const QString& path)
{
    m_files = withFirst(m_files, path);
    // The worker adds the path to the list as saved now, not to this window's copy: another Quarry running
    // beside this one may have added files since.
    m_writer.start([path] {
        QSettings settings;
        settings.setValue(kKey, withFirst(settings.value(kKey).toStringList(), path));
    });
}

void RecentFiles::waitForSaved()
{
    m_writer.waitForDone();
}

} // namespace quarry
