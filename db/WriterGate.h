// SQLite: the writers of one archive file inside this process queue on a mutex before BEGIN IMMEDIATE.
//
// SQLite lets a waiting writer poll the file lock, sleeping ever longer between tries (its busy handler); with
// several threads writing at once (the kiosk's db worker, the sensor store, the print records; or bench_pg's 8
// clients) an unlucky waiter keeps losing to the others and a single check-out was seen to wait 8-10 s while the
// p99 was 1 ms. Threads of one process now wait on this mutex instead (woken in turn by the kernel) and only a
// writer in another process (archivectl, the logger) is waited for through SQLite's busy handler, as before.
#pragma once

#include <QString>

#include <memory>
#include <mutex>

namespace archive::db {

// The gate of this archive file (shared by every connection to it in this process), or nullptr when the
// location is not a file.
std::shared_ptr<std::timed_mutex> writerGateFor(const QString& path);

}  // namespace archive::db
