#include "Importer.h"

#include "ImportRun.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Sha256.h"
#include "db/Transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace archive::db {

namespace {
// The file's SHA-256 for the ledger entry, with the SHA instructions when the CPU has them (db/Sha256.h; 10 MB
// through Qt's portable code took ≈ 50 ms of an import).
QString fileDigest(const QByteArray& bytes) {
    unsigned char d[32];
    sha256::digest2(bytes.constData(), size_t(bytes.size()), bytes.constData(), 0, d);
    char hex[64];
    sha256::toHex(d, hex);
    return QString::fromLatin1(hex, 64);
}
}  // namespace

using csv::Problem;

Result<ImportReport> Importer::importFile(Database& db, ImportKind kind, const QString& path, ImportOptions options) {
    QFileInfo fi(path);
    if (path.trimmed().isEmpty() || !fi.exists())
        return makeError(QStringLiteral("not_found"),
                         QStringLiteral("找不到要导入的文件：%1。请检查文件名和路径。").arg(path.left(200)),
                         QStringLiteral("The file to import was not found: %1. Check the name and folder.").arg(path.left(200)));
    if (fi.isDir())
        return makeError(QStringLiteral("bad_input"), QStringLiteral("%1 是文件夹，不是 CSV 文件。").arg(path.left(200)),
                         QStringLiteral("%1 is a folder, not a CSV file.").arg(path.left(200)));
    if (fi.size() > kMaxFileBytes)
        return makeError(QStringLiteral("bad_input"),
                         QStringLiteral("文件太大（%1 MB，上限 %2 MB）。请分成几个文件分别导入。")
                             .arg(fi.size() / (1024 * 1024)).arg(kMaxFileBytes / (1024 * 1024)),
                         QStringLiteral("The file is too large (%1 MB, limit %2 MB). Split it and import the parts.")
                             .arg(fi.size() / (1024 * 1024)).arg(kMaxFileBytes / (1024 * 1024)));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("bad_input"),
                         QStringLiteral("无法读取文件 %1（%2）。请检查文件权限，或先在 Excel 中关闭它。").arg(path.left(200), f.errorString()),
                         QStringLiteral("Cannot read %1 (%2). Check its permissions, or close it in Excel first.").arg(path.left(200), f.errorString()));
    const QByteArray bytes = f.readAll();
    if (options.sourceName.isEmpty()) options.sourceName = fi.fileName();
    return importBytes(db, kind, bytes, options);
}

Result<ImportReport> Importer::importBytes(Database& db, ImportKind kind, const QByteArray& bytes,
                                           const ImportOptions& options) {
    ImportReport rep;
    rep.kind = kind;
    csv::Reader reader(bytes, options.encoding);
    rep.encoding = csv::encodingName(reader.encodingUsed());
    if (!reader.ok()) {
        rep.problems = reader.problems();
        rep.problemsTotal = rep.problems.size();
        return rep;
    }

    importrun::Run run(db, kind, options, rep);
    csv::Record rec;
    QList<Problem> fieldProblems;
    bool haveHeader = false;
    while (reader.next(rec, fieldProblems)) {
        if (!haveHeader) {
            haveHeader = true;
            for (const Problem& p : fieldProblems) run.addProblem(p);
            fieldProblems.clear();
            if (!run.mapHeader(rec)) return rep;  // columns missing: nothing else is meaningful
            continue;
        }
        run.processRecord(rec, fieldProblems);
        fieldProblems.clear();
        if (run.fatal()) return *run.fatal();
    }
    if (!haveHeader) {
        run.addProblem({0, {}, QStringLiteral("文件是空的：没有表头行，也没有数据。"),
                        QStringLiteral("The file is empty: no header row and no data.")});
        return rep;
    }
    if (rep.rows == 0 && rep.problemsTotal == 0) {
        run.addProblem({0, {}, QStringLiteral("文件只有表头，没有数据行。"),
                        QStringLiteral("The file has a header row but no data rows.")});
        return rep;
    }
    if (!rep.ok()) return rep;  // Run's destructor rolls back

    QJsonObject details{{QStringLiteral("kind"), kindName(kind)},
                        {QStringLiteral("rows"), rep.imported},
                        {QStringLiteral("encoding"), rep.encoding},
                        {QStringLiteral("sha256"), fileDigest(bytes)},
                        {QStringLiteral("first"), run.firstKey()},
                        {QStringLiteral("last"), run.lastKey()}};
    if (!options.sourceName.isEmpty()) details.insert(QStringLiteral("file"), options.sourceName.left(200));
    if (auto st = run.commit(details); !st) return st.error();
    return rep;
}

Result<ImportReport> Importer::importRows(Database& db, ImportKind kind, const QStringList& header,
                                          const QList<QStringList>& rows, const ImportOptions& options) {
    ImportReport rep;
    rep.kind = kind;
    rep.encoding = QStringLiteral("UTF-8");
    importrun::Run run(db, kind, options, rep);
    if (!run.mapHeader(csv::Record{1, header})) return rep;
    if (rows.isEmpty()) {
        run.addProblem({0, {}, QStringLiteral("没有要导入的数据行。"), QStringLiteral("There are no rows to import.")});
        return rep;
    }
    csv::Record rec;  // outlives the loop like importBytes' record (the run keeps a pointer to its fields)
    rec.line = 1;
    for (const QStringList& cells : rows) {
        ++rec.line;
        rec.fields = cells;
        run.processRecord(rec, {});
        if (run.fatal()) return *run.fatal();
    }
    if (!rep.ok()) return rep;  // Run's destructor rolls back
    QJsonObject details{{QStringLiteral("kind"), kindName(kind)},
                        {QStringLiteral("rows"), rep.imported},
                        {QStringLiteral("first"), run.firstKey()},
                        {QStringLiteral("last"), run.lastKey()}};
    if (!options.sourceName.isEmpty()) details.insert(QStringLiteral("file"), options.sourceName.left(200));
    if (auto st = run.commit(details); !st) return st.error();
    return rep;
}

}  // namespace archive::db
