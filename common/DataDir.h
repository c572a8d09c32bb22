#pragma once
// The kiosk's own data folder on this machine: ~/.local/share/archive-kiosk (XDG GenericDataLocation).
// The default SQLite archive, the sensor logger's lock file for a PostgreSQL archive and the local reading
// spool all live here, so the kiosk (a desktop session) and the archive-sensors service find the same files.
// Header-only, so db/ and devices/ share it without including each other.

#include <QDir>
#include <QStandardPaths>
#include <QString>

namespace archive {

// The folder's path (not created); dataFilePath() adds a file name inside it.
inline QString dataDir() {
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty()) base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/archive-kiosk");
}

inline QString dataFilePath(const QString& fileName) { return dataDir() + QLatin1Char('/') + fileName; }

}  // namespace archive
