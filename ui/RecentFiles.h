#pragma once

#include <QStringList>
#include <QThreadPool>

namespace quarry {

// The files opened lately, newest first, kept in the application's settings. The window's list lives in memory;
// each change is written on a worker thread, in order, because saving the settings file syncs it to disk, which
// took 15 to 70 ms on the GUI thread while a big file was being read. The destructor waits for the last write.
class RecentFiles {
public:
    static constexpr int MaxFiles = 8;

    RecentFiles();
    ~RecentFiles();
    RecentFiles(const RecentFiles&) = delete;
    RecentFiles& operator=(const RecentFiles&) = delete;

    QStringList files() const { return m_files; }
    // Puts `path` first (once) and saves the list.
    void add(const QString& path);
    // Returns once every change so far is in the settings.
    void waitForSaved();

private:
    static QStringList withFirst(QStringList files, const QString& path);

    QStringList m_files;
    QThreadPool m_writer;
};

} // namespace quarry
