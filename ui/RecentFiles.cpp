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

void RecentFiles::add(const QString& path)
{
    m_files.removeAll(path);
    m_files.prepend(path);
    m_files = m_files.mid(0, MaxFiles);
    m_writer.start([files = m_files] { QSettings().setValue(kKey, files); });
}

void RecentFiles::waitForSaved()
{
    m_writer.waitForDone();
}

} // namespace quarry
