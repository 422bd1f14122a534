#include "database/WriteBehindVfs.h"

#include "database/WriteQueue.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <new>
#include <system_error>

namespace quarry {

namespace {

const char kName[] = "quarry-write-behind";

// SQLite keeps file-control opcodes below 100 for itself and leaves the rest to VFSes.
constexpr int kFlushOpcode = 0x51570001;

struct QueuedFile {
    sqlite3_file base;
    sqlite3_file* file;       // the default VFS's file for the connection's thread, stored after this struct
    sqlite3_file* writerFile; // the default VFS's file for the writer thread, stored after `file`
    WriteQueue* queue;
};

constexpr int aligned(std::size_t size)
{
    return int((size + 7) & ~std::size_t(7));
}

constexpr int kQueuedFileSize = aligned(sizeof(QueuedFile));

QueuedFile* queued(sqlite3_file* file)
{
    return reinterpret_cast<QueuedFile*>(file);
}

sqlite3_file* inner(sqlite3_file* file)
{
    return queued(file)->file;
}

// Waits until every queued write of `file` is written, then calls `method` of the default VFS's file with
// `arguments`, unless a write failed.
template <typename Method, typename... Arguments>
int afterQueue(sqlite3_file* file, Method method, Arguments... arguments)
{
    if (const int code = queued(file)->queue->drain(); code != SQLITE_OK)
        return code;
    return (inner(file)->pMethods->*method)(inner(file), arguments...);
}

int firstError(int a, int b)
{
    return a != SQLITE_OK ? a : b;
}

int fileClose(sqlite3_file* file)
{
    QueuedFile* self = queued(file);
    const int drained = self->queue->drain();
    delete self->queue;
    self->queue = nullptr;
    const int writerClosed = self->writerFile->pMethods->xClose(self->writerFile);
    return firstError(drained, firstError(writerClosed, self->file->pMethods->xClose(self->file)));
}

int fileRead(sqlite3_file* file, void* data, int size, sqlite3_int64 offset)
{
    if (const int code = queued(file)->queue->waitForRange(offset, size); code != SQLITE_OK)
        return code;
    return inner(file)->pMethods->xRead(inner(file), data, size, offset);
}

int fileWrite(sqlite3_file* file, const void* data, int size, sqlite3_int64 offset)
{
    return queued(file)->queue->write(data, size, offset);
}

int fileTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    return afterQueue(file, &sqlite3_io_methods::xTruncate, size);
}

int fileSync(sqlite3_file* file, int flags)
{
    return afterQueue(file, &sqlite3_io_methods::xSync, flags);
}

int fileSize(sqlite3_file* file, sqlite3_int64* size)
{
    return afterQueue(file, &sqlite3_io_methods::xFileSize, size);
}

int fileLock(sqlite3_file* file, int level)
{
    return inner(file)->pMethods->xLock(inner(file), level);
}

int fileUnlock(sqlite3_file* file, int level)
{
    // Whatever was written under the lock is in the file before the lock is let go.
    const int drained = queued(file)->queue->drain();
    return firstError(drained, inner(file)->pMethods->xUnlock(inner(file), level));
}

int fileCheckReservedLock(sqlite3_file* file, int* reserved)
{
    return inner(file)->pMethods->xCheckReservedLock(inner(file), reserved);
}

int fileControl(sqlite3_file* file, int op, void* argument)
{
    if (op == kFlushOpcode)
        return queued(file)->queue->drain();
    // A hint may be ignored. Passed on, it could make the default VFS extend and map the file on this thread
    // while the writer thread writes to it.
    if (op == SQLITE_FCNTL_SIZE_HINT)
        return SQLITE_OK;
    return afterQueue(file, &sqlite3_io_methods::xFileControl, op, argument);
}

int fileSectorSize(sqlite3_file* file)
{
    return inner(file)->pMethods->xSectorSize(inner(file));
}

int fileDeviceCharacteristics(sqlite3_file* file)
{
    return inner(file)->pMethods->xDeviceCharacteristics(inner(file));
}

// Version 1: no shared memory (no WAL) and no memory-mapped reads, which would bypass the queue.
const sqlite3_io_methods kMethods = {
    1,
    fileClose,
    fileRead,
    fileWrite,
    fileTruncate,
    fileSync,
    fileSize,
    fileLock,
    fileUnlock,
    fileCheckReservedLock,
    fileControl,
    fileSectorSize,
    fileDeviceCharacteristics,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

sqlite3_vfs* defaultVfs(sqlite3_vfs* vfs)
{
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

int vfsOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    sqlite3_vfs* base = defaultVfs(vfs);
    if ((flags & SQLITE_OPEN_MAIN_DB) == 0 || (flags & SQLITE_OPEN_READONLY) != 0)
        return base->xOpen(base, name, file, flags, outFlags); // the default VFS's file, in place

    QueuedFile* self = queued(file);
    self->base.pMethods = nullptr;
    self->file = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kQueuedFileSize);
    self->writerFile = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(self->file) + aligned(base->szOsFile));
    self->file->pMethods = nullptr;
    self->writerFile->pMethods = nullptr;
    self->queue = nullptr;
    int code = base->xOpen(base, name, self->file, flags, outFlags);
    if (code == SQLITE_OK) {
        // The file exists now: the writer's open neither creates nor deletes it.
        const int writerFlags = flags & ~(SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE | SQLITE_OPEN_DELETEONCLOSE);
        code = base->xOpen(base, name, self->writerFile, writerFlags, nullptr);
    }
    if (code == SQLITE_OK) {
        try {
            self->queue = new WriteQueue(self->writerFile, WriteBehindVfs::kQueueBytes);
        } catch (const std::bad_alloc&) {
            code = SQLITE_NOMEM;
        } catch (const std::system_error&) { // no thread to be had
            code = SQLITE_CANTOPEN;
        }
    }
    if (code != SQLITE_OK) {
        if (self->writerFile->pMethods)
            self->writerFile->pMethods->xClose(self->writerFile);
        if (self->file->pMethods)
            self->file->pMethods->xClose(self->file);
        return code;
    }
    self->base.pMethods = &kMethods;
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs* vfs, const char* name, int syncDir)
{
    return defaultVfs(vfs)->xDelete(defaultVfs(vfs), name, syncDir);
}

int vfsAccess(sqlite3_vfs* vfs, const char* name, int flags, int* result)
{
    return defaultVfs(vfs)->xAccess(defaultVfs(vfs), name, flags, result);
}

int vfsFullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out)
{
    return defaultVfs(vfs)->xFullPathname(defaultVfs(vfs), name, size, out);
}

void* vfsDlOpen(sqlite3_vfs* vfs, const char* name)
{
    return defaultVfs(vfs)->xDlOpen(defaultVfs(vfs), name);
}

void vfsDlError(sqlite3_vfs* vfs, int size, char* message)
{
    defaultVfs(vfs)->xDlError(defaultVfs(vfs), size, message);
}

void (*vfsDlSym(sqlite3_vfs* vfs, void* library, const char* symbol))(void)
{
    return defaultVfs(vfs)->xDlSym(defaultVfs(vfs), library, symbol);
}

void vfsDlClose(sqlite3_vfs* vfs, void* library)
{
    defaultVfs(vfs)->xDlClose(defaultVfs(vfs), library);
}

int vfsRandomness(sqlite3_vfs* vfs, int size, char* out)
{
    return defaultVfs(vfs)->xRandomness(defaultVfs(vfs), size, out);
}

int vfsSleep(sqlite3_vfs* vfs, int microseconds)
{
    return defaultVfs(vfs)->xSleep(defaultVfs(vfs), microseconds);
}

int vfsCurrentTime(sqlite3_vfs* vfs, double* now)
{
    return defaultVfs(vfs)->xCurrentTime(defaultVfs(vfs), now);
}

int vfsGetLastError(sqlite3_vfs* vfs, int size, char* message)
{
    return defaultVfs(vfs)->xGetLastError ? defaultVfs(vfs)->xGetLastError(defaultVfs(vfs), size, message) : 0;
}

int vfsCurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* now)
{
    sqlite3_vfs* base = defaultVfs(vfs);
    if (base->iVersion >= 2 && base->xCurrentTimeInt64)
        return base->xCurrentTimeInt64(base, now);
    double days = 0;
    const int code = base->xCurrentTime(base, &days);
    *now = sqlite3_int64(days * 86400000.0);
    return code;
}

} // namespace

const char* WriteBehindVfs::name()
{
    static const bool registered = [] {
        sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
        if (!base)
            return false;
        static sqlite3_vfs vfs = {};
        vfs.iVersion = 2;
        vfs.szOsFile = kQueuedFileSize + 2 * aligned(base->szOsFile);
        vfs.mxPathname = base->mxPathname;
        vfs.zName = kName;
        vfs.pAppData = base;
        vfs.xOpen = vfsOpen;
        vfs.xDelete = vfsDelete;
        vfs.xAccess = vfsAccess;
        vfs.xFullPathname = vfsFullPathname;
        vfs.xDlOpen = vfsDlOpen;
        vfs.xDlError = vfsDlError;
        vfs.xDlSym = vfsDlSym;
        vfs.xDlClose = vfsDlClose;
        vfs.xRandomness = vfsRandomness;
        vfs.xSleep = vfsSleep;
        vfs.xCurrentTime = vfsCurrentTime;
        vfs.xGetLastError = vfsGetLastError;
        vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        return sqlite3_vfs_register(&vfs, 0) == SQLITE_OK;
    }();
    // Unregistered, opening fails with SQLite's own "no such vfs" naming it.
    (void)registered;
    return kName;
}

int WriteBehindVfs::flush(sqlite3* db)
{
    const int code = sqlite3_file_control(db, "main", kFlushOpcode, nullptr);
    return code == SQLITE_NOTFOUND ? SQLITE_OK : code;
}

} // namespace quarry
