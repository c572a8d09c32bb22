// Controllers and models of the kiosk against a real SQLite archive on the real db worker thread.
#include "ApprovalsController.h"
#include "BorrowerController.h"
#include "BoxController.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "KioskDesk.h"
#include "KioskFixture.h"
#include "RowsModel.h"
#include "ScanController.h"
#include "SessionController.h"
#include "StaffDesk.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace archive;
using namespace archive::kiosk;

namespace {
scanner::Scan scanOf(const QString& code) {
    return {code, scanner::Symbology::Code128, scanner::ScanSource::Simulated, QDateTime::currentMSecsSinceEpoch()};
}
}  // namespace

class KioskControllers : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    kiosktest::Fixture m_fx;

    struct Kiosk : kiosktest::KioskDesk {
        BorrowerController borrower{&db, &session, &feedback};
        ApprovalsController approvals{&db, &session, &feedback};
        explicit Kiosk(const QString& path) { open(path); }
    };

    // Logs in with card (+ PIN when asked) and waits for the session to be active.
    void login(Kiosk& k, const QString& card, const QString& pin = {}) {
        k.scans.onScan(scanOf(card));
        QTRY_VERIFY(k.session.stage() != QLatin1String("idle") || k.feedback.kind() == QLatin1String("error"));
        if (k.session.stage() == QLatin1String("pin")) k.session.submitPin(pin);
        QTRY_COMPARE(k.session.stage(), QStringLiteral("active"));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto fx = kiosktest::makeFixture(m_dir.path());
        QVERIFY2(fx.ok(), qPrintable(fx.ok() ? QString() : fx.error().message() + QStringLiteral(" ") + fx.error().detail));
        m_fx = fx.value();
    }

    void rowsModelIsAProperModel() {
        RowsModel m({"code", "title"});
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&m, &RowsModel::countChanged);
        m.setRows({{{QStringLiteral("code"), QStringLiteral("B1")}, {QStringLiteral("title"), QStringLiteral("一")}},
                   {{QStringLiteral("code"), QStringLiteral("B2")}, {QStringLiteral("title"), QStringLiteral("二")}}});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(1), Qt::UserRole + 2).toString(), QStringLiteral("二"));
        QCOMPARE(m.data(m.index(0), Qt::DisplayRole).toString(), QStringLiteral("B1"));
        m.prependRow({{QStringLiteral("code"), QStringLiteral("B0")}}, 2);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.get(0).value(QStringLiteral("code")).toString(), QStringLiteral("B0"));
        m.updateRow(1, {{QStringLiteral("title"), QStringLiteral("改")}});
        QCOMPARE(m.get(1).value(QStringLiteral("title")).toString(), QStringLiteral("改"));
        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(counted.count() >= 2);
    }

    void staffLoginNeedsPinAndWrongPinIsRefused() {
        Kiosk k(m_fx.dbPath);
        k.scans.onScan(scanOf(m_fx.archivistCard));
        QTRY_COMPARE(k.session.stage(), QStringLiteral("pin"));
        k.session.submitPin(QStringLiteral("000000"));
        QTRY_COMPARE(k.feedback.kind(), QStringLiteral("error"));
        QCOMPARE(k.session.stage(), QStringLiteral("pin"));
        QVERIFY(!k.session.pinMessageZh().isEmpty());
        k.session.submitPin(m_fx.archivistPin);
        QTRY_COMPARE(k.session.stage(), QStringLiteral("active"));
        QCOMPARE(k.session.section(), QStringLiteral("staff"));
        QVERIFY(k.session.sections().contains(QStringLiteral("borrower")));
        k.session.logout();
        QCOMPARE(k.session.stage(), QStringLiteral("idle"));
        QCOMPARE(k.session.card(), QString());
    }

    void idleSessionCountsDownAndLogsOut() {
        Kiosk k(m_fx.dbPath);
        k.session.setIdleTimeoutMs(50);
        k.session.countdownSeconds = 1;
        login(k, m_fx.borrowerCard);
        QSignalSpy out(&k.session, &SessionController::loggedOut);
        QTRY_VERIFY(k.session.countdown() > 0 || out.count() > 0);
        QTRY_COMPARE(out.count(), 1);
        QCOMPARE(k.session.stage(), QStringLiteral("idle"));
        QCOMPARE(k.borrower.loans()->rowCount(), 0);
    }

    void unknownAndMisplacedScansAreExplained() {
        Kiosk k(m_fx.dbPath);
        k.scans.onScan(scanOf(QStringLiteral("NOT-IN-THE-BOOKS-42")));
        QTRY_COMPARE(k.feedback.kind(), QStringLiteral("error"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("未知条码")));
        QVERIFY(k.feedback.textEn().contains(QStringLiteral("Unknown barcode")));
        // A shelf at the home screen: nobody is logged in.
        k.scans.onScan(scanOf(m_fx.shelfA));
        QTRY_COMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textEn().contains(QStringLiteral("card")));
        // A shelf where a box was expected.
        login(k, m_fx.archivistCard, m_fx.archivistPin);
        k.scans.onScan(scanOf(m_fx.shelfB));
        QTRY_VERIFY(k.feedback.textZh().contains(QStringLiteral("架位")));
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        // A misread own code (wrong check character).
        QString bad = m_fx.boxPlain;
        bad[bad.size() - 1] = bad.back() == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        k.scans.onScan(scanOf(bad));
        QTRY_COMPARE(k.feedback.kind(), QStringLiteral("error"));
    }

    void boxCardCheckOutAndIn() {
        Kiosk k(m_fx.dbPath);
        QAbstractItemModelTester tester(k.box.activity(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(k, m_fx.archivistCard, m_fx.archivistPin);
        k.scans.onScan(scanOf(m_fx.boxPlain2));
        QTRY_VERIFY(k.box.hasBox());
        QCOMPARE(k.box.box().value(QStringLiteral("state")).toString(), QStringLiteral("in_place"));
        QCOMPARE(k.box.box().value(QStringLiteral("title")).toString(), QStringLiteral("2020年度护林防火文件"));
        k.box.startCheckOut();
        QVERIFY(k.box.wantsCard());
        // The borrower with an overdue loan is refused (R8) and the box stays in place.
        k.scans.onScan(scanOf(m_fx.lateBorrowerCard));
        QTRY_COMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QCOMPARE(k.session.card(), m_fx.archivistCard);  // the archivist is still logged in
        k.box.startCheckOut();
        k.scans.onScan(scanOf(m_fx.borrowerCard));
        QTRY_COMPARE(k.box.box().value(QStringLiteral("state")).toString(), QStringLiteral("on_loan"));
        QCOMPARE(k.box.box().value(QStringLiteral("borrowerName")).toString(), QStringLiteral("张伟"));
        QVERIFY(!k.box.box().value(QStringLiteral("due")).toString().isEmpty());
        k.box.startCheckIn();
        QCOMPARE(k.box.mode(), QStringLiteral("checkin"));
        k.box.checkIn(QStringLiteral("ok"));
        QTRY_COMPARE(k.box.box().value(QStringLiteral("state")).toString(), QStringLiteral("in_place"));
        QVERIFY(k.box.activity()->rowCount() >= 3);
    }

    void borrowerSeesOnlyTheirOwnLoans() {
        Kiosk k(m_fx.dbPath);
        QAbstractItemModelTester tLoans(k.borrower.loans(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tResults(k.borrower.results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(k, m_fx.lateBorrowerCard);
        QCOMPARE(k.session.overdueCount(), 1);
        QTRY_COMPARE(k.borrower.loans()->rowCount(), 1);
        QCOMPARE(k.borrower.loans()->get(0).value(QStringLiteral("overdue")).toBool(), true);
        k.borrower.search(QStringLiteral("林业"));
        QTRY_VERIFY(k.borrower.results()->rowCount() >= 1);
        k.session.logout();
        QCOMPARE(k.borrower.loans()->rowCount(), 0);
        QCOMPARE(k.borrower.results()->rowCount(), 0);
        login(k, m_fx.borrowerCard);
        QTRY_VERIFY(!k.borrower.busy());
        QTest::qWait(0);
        for (const auto& row : k.borrower.loans()->rows())
            QVERIFY(row.value(QStringLiteral("code")).toString() != m_fx.boxLate);
    }

    void requestNeedsHeadApprovalThenApproverSeesIt() {
        Kiosk k(m_fx.dbPath);
        login(k, m_fx.borrowerCard);
        QSignalSpy done(&k.borrower, &BorrowerController::requestDone);
        k.borrower.request(m_fx.secretItem, QString(), QStringLiteral("take_out"));
        QCOMPARE(done.count(), 1);  // no purpose: refused on the spot
        QCOMPARE(done.at(0).at(0).toBool(), false);
        k.borrower.request(m_fx.secretItem, QStringLiteral("干部档案审查"), QStringLiteral("on_site"));
        QTRY_COMPARE(done.count(), 2);
        QCOMPARE(done.at(1).at(0).toBool(), true);
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));
        QVERIFY(k.feedback.textZh().contains(QStringLiteral("档案室负责人")));
        k.session.logout();

        QAbstractItemModelTester tester(k.approvals.pending(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        login(k, m_fx.headCard, m_fx.headPin);
        QVERIFY(k.session.sections().contains(QStringLiteral("approver")));
        QTRY_VERIFY(k.approvals.pending()->rowCount() >= 1);
        const QVariantMap first = k.approvals.pending()->get(0);
        QCOMPARE(first.value(QStringLiteral("security")).toString(), QStringLiteral("confidential"));
        QCOMPARE(first.value(QStringLiteral("purpose")).toString(), QStringLiteral("干部档案审查"));
        k.approvals.reject(first.value(QStringLiteral("requestId")).toLongLong(), QString());
        QCOMPARE(k.feedback.kind(), QStringLiteral("warn"));  // a rejection needs a reason
    }
};

QTEST_MAIN(KioskControllers)
#include "tst_kiosk_controllers.moc"
