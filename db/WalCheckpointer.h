// SQLite: WAL checkpoints off the committing thread.
//
// By default SQLite checkpoints inside the COMMIT that pushes the write-ahead log past 1,000 pages: that
// connection copies the pages back into the database file and fsyncs it before COMMIT returns, so every few
// hundred check-outs one person waits for a checkpoint, and a batch of 1,000 check-ins always does. Here each
// writing connection's WAL hook only notes the log's size; one thread per archive file (shared by every
// connection to it in this process) runs PASSIVE checkpoints on its own connection. Durability is unchanged: a
// commit is durable once its WAL frames are synced (synchronous=FULL), the checkpoint only moves them into the
// main file. PASSIVE never waits for readers or writers, so it never blocks anyone.
#pragma once

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace archive::db {

class WalCheckpointer {
public:
    // The checkpointer of this archive file (made on first use; ends with the last Database holding it).
    static std::shared_ptr<WalCheckpointer> forFile(const QString& path);
    ~WalCheckpointer();

    // Replaces `connection`'s automatic checkpoints with this thread's. The connection must stop using the hook
    // (close) before this object is destroyed.
    void attach(sqlite3* connection);

    // Checkpoints this thread has completed (tests).
    quint64 completed() const;

    static constexpr int kPagesBeforeCheckpoint = 1000;  // SQLite's own default threshold

    explicit WalCheckpointer(QString path);

private:
    static int onCommit(void* self, sqlite3*, const char* schema, int walPages);
    void run();

    const QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_stop = false;
    quint64 m_completed = 0;
    std::thread m_thread;
};

}  // namespace archive::db
