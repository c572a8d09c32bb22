// End to end: the real archive-kiosk binary (offscreen) on a real archive. A borrower touches the search field,
// the on-screen keyboard opens, taps c-a-i-w-u and the 财务 candidate, then 搜索: the catalogue shows the 财务 file
// and only it. Screenshots in both languages at 1024×600, 600×1024, 1920×1080 and 1080×1920 go to
// tests/artifacts/kiosk/ (kb-*.png); no text of the screen is elided or cut off.
#include "KioskFixture.h"
#include "KioskRun.h"
#include "KioskSizes.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

class KioskKeyboardE2E : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    kiosktest::Fixture m_fx;

    // Runs the kiosk on script text (--lang zh --mute, screenshots into KIOSK_ARTIFACTS); returns its exit code,
    // in *log the exit, the failed checks and what it printed (KioskRun::report).
    int runKiosk(const QString& name, const QString& script, QString* log) {
        kiosktest::KioskRun kiosk(m_dir.path(), m_fx.dbPath);
        kiosk.shots = QStringLiteral(KIOSK_ARTIFACTS);
        kiosk.lang = QStringLiteral("zh");
        kiosk.mute = true;
        kiosk.timeoutMs = 500000;
        const int rc = kiosk.run(name, script);
        *log = kiosk.report();
        return rc;
    }

    static QString taps(const QString& letters) {
        QString s;
        for (QChar c : letters) s += QStringLiteral("click kbKey_%1\n").arg(c);
        return s;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto fx = kiosktest::makeFixture(m_dir.path());
        QVERIFY2(fx.ok(), qPrintable(fx.ok() ? QString() : fx.error().message()));
        m_fx = fx.value();
        QDir().mkpath(QStringLiteral(KIOSK_ARTIFACTS));
    }

    void pinyinSearchByTouch() {
        QString script;
        for (const QString& size : kiosktest::kioskSizes()) {
          for (const QString& lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
            script += QStringLiteral("size %1\nlang %3\nsettle\nscan %2\nsettle\nexpect-section borrower\ndismiss\n")
                          .arg(size, m_fx.borrowerCard, lang);
            // the keyboard opens on a touch of the search field
            script += QStringLiteral("click searchField\nsettle\nexpect-visible searchKeyboard\nshot kb-01-open\n");
            script += taps(QStringLiteral("caiwu"));
            // 财务 is the first candidate: tap it, then 搜索 on the keyboard
            script += QStringLiteral("settle\nexpect-visible kbCandidate_0\nshot kb-02-caiwu\nclick kbCandidate_0\n"
                                     "settle\nshot kb-03-committed\nclick kbEnter\nsettle\n"
                                     "expect-visible request_J001-WS·2020-Y-0012\nshot kb-04-results\n");
            // the keyboard button brings it back; hide closes it
            script += QStringLiteral("click keyboardButton\nsettle\nexpect-visible kbHide\nclick kbHide\nsettle\n"
                                     "click logoutButton\nsettle\nexpect-stage idle\n");
          }
        }
        QString log;
        const int rc = runKiosk(QStringLiteral("keyboard"), kiosktest::withFitChecks(script), &log);
        QVERIFY2(rc == 0, qPrintable(log));
        const QDir shots(QStringLiteral(KIOSK_ARTIFACTS));
        for (const QString& size : kiosktest::kioskSizes())
            for (const char* n : {"kb-01-open", "kb-02-caiwu", "kb-03-committed", "kb-04-results"})
                for (const char* lang : {"zh", "en"})
                    QVERIFY2(shots.exists(QStringLiteral("%1-%2-%3.png").arg(QLatin1String(n), QLatin1String(lang), size)), n);
    }

    // Space takes the first candidate (林业), Enter searches: both 林业 files are listed.
    void spaceTakesTheFirstCandidate() {
        const QString script = QStringLiteral("settle\nscan %1\nsettle\nexpect-section borrower\nclick searchField\nsettle\n")
                                   .arg(m_fx.borrowerCard)
                             + taps(QStringLiteral("linye"))
                             + QStringLiteral("click kbSpace\nclick kbEnter\nsettle\nexpect-visible request_J001-WS·2020-Y-0001\n"
                                              "expect-visible request_J001-WS·2020-Y-0002\nclick logoutButton\n");
        QString log;
        const int rc = runKiosk(QStringLiteral("keyboard-linye"), script, &log);
        QVERIFY2(rc == 0, qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(KioskKeyboardE2E)
#include "tst_kiosk_keyboard_e2e.moc"
