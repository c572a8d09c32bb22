#pragma once
// The printing half of KioskFixture, shared by tst_kiosk_staff and tst_kiosk_printers (header-only: it needs
// kiosk_ui and archive_test_support, which not every kiosk test links):
// - Archive: a fresh KioskFixture archive in a temporary folder, with the test's own connection; its file printer
//   writes into <dir>/printed (ARCHIVE_PRINTED_DIR) and nothing of the machine's printer settings leaks in;
// - StaffKiosk: the controllers of a running kiosk on that archive (db worker, session, box desk, scans, admin);
// - TestPrinter: the real CUPS test printer (tests/support/PrinterFixture) with CUPS_SERVER pointing at it;
// - login / scan helpers, one-value SQL, and pdfinfo of a written PDF (pages and page size).
#include "AdminController.h"
#include "BoxController.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "KioskDesk.h"
#include "KioskFixture.h"
#include "PrintController.h"
#include "ScanController.h"
#include "SessionController.h"
#include "StaffDesk.h"
#include "db/Database.h"
#include "tests/support/PrinterFixture.h"

#include <QDateTime>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace kiosktest {

inline archive::scanner::Scan scanOf(const QString& code) {
    return {code, archive::scanner::Symbology::Code128, archive::scanner::ScanSource::Simulated,
            QDateTime::currentMSecsSinceEpoch()};
}

inline QVariant one(archive::db::Database& d, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery q(d.sql());
    q.prepare(sql);
    for (const QVariant& b : binds) q.addBindValue(b);
    if (!q.exec() || !q.next()) return {};
    return q.value(0);
}

inline bool exec(archive::db::Database& d, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery q(d.sql());
    q.prepare(sql);
    for (const QVariant& b : binds) q.addBindValue(b);
    return q.exec();
}

// No printer settings from the machine running the tests.
inline void clearPrinterEnvironment() {
    qunsetenv("ARCHIVE_LABEL_PRINTER");
    qunsetenv("ARCHIVE_REPORT_PRINTER");
    qunsetenv("ARCHIVE_PRINT_QUEUE");
    qunsetenv("ARCHIVE_REPORT_DIR");
    qunsetenv("CUPS_SERVER");
}

struct Archive {
    QTemporaryDir dir;
    Fixture fx;
    std::unique_ptr<archive::db::Database> db;  // the test's own connection (WAL: the kiosk writes beside it)
    QString printedDir() const { return dir.filePath(QStringLiteral("printed")); }
    QStringList printedFiles() const {  // what the file printer wrote, oldest name first
        QStringList out;
        const QDir d(printedDir());
        for (const QString& f : d.entryList(QDir::Files, QDir::Name)) out << d.filePath(f);
        return out;
    }
};

// A fresh archive; the file printer of this process writes into its printed/ folder.
inline std::unique_ptr<Archive> makeArchive() {
    auto a = std::make_unique<Archive>();
    auto fx = makeFixture(a->dir.path());
    if (!fx) {
        qWarning() << fx.error().message() << fx.error().detail;
        return nullptr;
    }
    a->fx = fx.value();
    auto d = archive::db::Database::open(a->fx.dbPath);
    if (!d) return nullptr;
    a->db = std::move(d.value());
    qputenv("ARCHIVE_PRINTED_DIR", a->printedDir().toUtf8());
    return a;
}

struct StaffKiosk : KioskDesk {
    archive::kiosk::AdminController admin{&db, &session};
    explicit StaffKiosk(const QString& path) {
        box.printer()->setPollMs(300);
        open(path);
    }
    archive::kiosk::PrintController* printer() { return box.printer(); }
};

// The card, then the PIN; fails the calling test when the session does not become active.
inline void login(StaffKiosk& k, const QString& card, const QString& pin) {
    if (k.session.stage() == QLatin1String("active")) k.session.logout();
    QTRY_COMPARE(k.session.stage(), QStringLiteral("idle"));
    k.scans.onScan(scanOf(card));
    QTRY_COMPARE(k.session.stage(), QStringLiteral("pin"));
    k.session.submitPin(pin);
    QTRY_COMPARE(k.session.stage(), QStringLiteral("active"));
    QTRY_COMPARE(k.session.card(), card);
}

// A scan, waiting for the kiosk's answer (any feedback).
inline void scan(StaffKiosk& k, const QString& code) {
    const int before = k.feedback.serial();
    k.scans.onScan(scanOf(code));
    QTRY_VERIFY(k.feedback.serial() > before);
}

// The real CUPS test printer with CUPS_SERVER set for this process while it lives.
struct TestPrinter {
    archive::testsupport::PrinterFixture pf;
    explicit TestPrinter(archive::testsupport::PrinterFixtureOptions o = {}) : pf(std::move(o)) {}
    ~TestPrinter() { qunsetenv("CUPS_SERVER"); }
    bool start() {
        if (!pf.start()) return false;
        qputenv("CUPS_SERVER", pf.cupsServer().toUtf8());
        return true;
    }
    QString error() const { return pf.lastError(); }
    QString queue() const { return pf.queueName(); }
};

// pdfinfo of a PDF: pages and the first page's size in millimetres (0 when pdfinfo could not read it).
struct PdfInfo {
    int pages = 0;
    double widthMm = 0, heightMm = 0;
};
inline PdfInfo pdfInfo(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    p.waitForFinished(30000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    PdfInfo info;
    const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(out);
    if (pages.hasMatch()) info.pages = pages.captured(1).toInt();
    const auto size = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(out);
    if (size.hasMatch()) {
        info.widthMm = size.captured(1).toDouble() * 25.4 / 72.0;
        info.heightMm = size.captured(2).toDouble() * 25.4 / 72.0;
    }
    return info;
}

}  // namespace kiosktest
