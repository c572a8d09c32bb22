// archivectl backup DEST — an online, consistent copy (SQLite VACUUM INTO: one read snapshot, so the kiosk
// keeps writing meanwhile); the copy is then opened read-only, integrity-checked and its ledger verified.
#include "CliSupport.h"

#include "db/Database.h"
#include "db/Ledger.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

using namespace archivectl;
using namespace archive::db;

static int runBackup(Context& ctx, QStringList args) {
    if (!checkOptions(ctx, args)) return ExitBadInput;
    if (!checkPositional(ctx, args, 1, 1, QStringLiteral("backup DEST"))) return ExitBadInput;
    const QString dest = args[0].trimmed();
    if (dest.isEmpty() || dest.size() > 4096)
        return badInput(ctx, QStringLiteral("请给出备份文件名。"), QStringLiteral("Give the backup file name."));
    QFileInfo fi(dest);
    if (fi.exists())
        return badInput(ctx, QStringLiteral("备份文件 %1 已存在。为免覆盖旧备份，请换一个文件名（例如带上日期）。").arg(shown(dest, 200)),
                        QStringLiteral("The backup file %1 already exists. To keep old backups safe, choose a new name (e.g. with the date).").arg(shown(dest, 200)));
    if (!QFileInfo(fi.absolutePath()).isDir())
        return badInput(ctx, QStringLiteral("文件夹 %1 不存在。").arg(shown(fi.absolutePath(), 200)),
                        QStringLiteral("The folder %1 does not exist.").arg(shown(fi.absolutePath(), 200)));
    auto db = ctx.openDb(false);
    if (!db) return ExitBadInput;
    if (db->dialect() != Dialect::SQLite)
        return badInput(ctx, QStringLiteral("PostgreSQL 档案库请用 pg_dump 备份。"), QStringLiteral("Back up a PostgreSQL archive with pg_dump."));
    const QString abs = fi.absoluteFilePath();
    {
        QSqlQuery q(db->sql());
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(abs);
        if (!q.exec()) {
            QFile::remove(abs);
            return reportError(ctx, sqlError(q.lastError(), QStringLiteral("VACUUM INTO")));
        }
    }
    // Check the copy on its own.
    OpenOptions ro;
    ro.readOnly = true;
    ro.migrate = false;
    ro.create = false;
    auto copy = Database::open(abs, ro);
    if (!copy) return reportError(ctx, copy.error());
    QSqlQuery ic(copy.value()->sql());
    QString integrity;
    if (ic.exec(QStringLiteral("PRAGMA quick_check")) && ic.next()) integrity = ic.value(0).toString();
    auto rep = Ledger::verify(*copy.value());
    if (integrity != QLatin1String("ok") || !rep || !rep->ok) {
        return reportError(ctx, archive::makeError(QStringLiteral("backup_bad"),
                                                   QStringLiteral("备份副本校验失败（%1）。请勿使用该副本，并检查磁盘后重试。").arg(rep ? rep->reason : integrity),
                                                   QStringLiteral("The backup copy failed its check (%1). Do not rely on it; check the disk and try again.").arg(rep ? rep->reason : integrity)));
    }
    const qint64 size = QFileInfo(abs).size();
    succeed(ctx, QJsonObject{{QStringLiteral("file"), abs}, {QStringLiteral("bytes"), size},
                             {QStringLiteral("ledger_rows"), rep->rowsChecked}, {QStringLiteral("integrity"), integrity}},
            {QStringLiteral("备份完成：%1（%2 KB），副本完整性检查通过，台账 %3 条校验通过 / backup written and verified: %1 (%2 KB, ledger %3 rows OK)")
                 .arg(abs).arg(size / 1024).arg(rep->rowsChecked)});
    return ExitOk;
}

ARCHIVECTL_COMMAND(QStringLiteral("backup"), QStringLiteral("backup DEST"),
                   QStringLiteral("online consistent copy of the archive (kiosk may keep working); the copy is verified / 备份"), runBackup);
