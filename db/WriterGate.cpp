#include "WriterGate.h"

#include <QFileInfo>
#include <QHash>

namespace archive::db {

std::shared_ptr<std::timed_mutex> writerGateFor(const QString& path) {
    static std::mutex registryMutex;
    static QHash<QString, std::weak_ptr<std::timed_mutex>> registry;
    const QString key = QFileInfo(path).canonicalFilePath();
    if (key.isEmpty()) return nullptr;
    std::lock_guard lock(registryMutex);
    if (auto gate = registry.value(key).lock()) return gate;
    auto gate = std::make_shared<std::timed_mutex>();
    registry.insert(key, gate);  // an expired entry is simply replaced the next time the file is opened
    return gate;
}

}  // namespace archive::db
