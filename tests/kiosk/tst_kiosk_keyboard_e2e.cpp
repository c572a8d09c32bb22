// End to end: the real archive-kiosk binary (offscreen) on a real archive. A borrower touches the search field,
// the on-screen keyboard opens, taps c-a-i-w-u and the 财务 candidate, then 搜索: the catalogue shows the 财务 file
// and only it. Screenshots in both languages at 1024×600, 600×1024, 1920×1080 and 1080×1920 go to
// tests/artifacts/kiosk/ (kb-*.png); no text of the screen is elided or cut off.
#include "KioskFixture.h"
#include "KioskSizes.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class KioskKeyboardE2E : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    kiosktest::Fixture m_fx;

    int runKiosk(const QString& name, const QString& script, QString* log) {
        const QString file = m_dir.filePath(name + QStringLiteral(".script"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly)) return -1;
        f.write(script.toUtf8());
        f.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QString xdg = m_dir.filePath(QStringLiteral("xdg"));
        QDir().mkpath(xdg);
        QFile::setPermissions(xdg, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), xdg);
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(KIOSK_BIN),
                {QStringLiteral("--db"), m_fx.dbPath, QStringLiteral("--script"), file, QStringLiteral("--shots"),
                 QStringLiteral(KIOSK_ARTIFACTS), QStringLiteral("--lang"), QStringLiteral("zh"), QStringLiteral("--mute")});
        if (!p.waitForFinished(500000)) {
            p.kill();
            p.waitForFinished();
            *log = QString::fromUtf8(p.readAll()) + QStringLiteral("\n(timed out)");
            return -1;
        }
        *log = QString::fromUtf8(p.readAll());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
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
          for (const QString lang : {QStringLiteral("zh"), QStringLiteral("en")}) {
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
        QVERIFY2(rc == 0, qPrintable(QStringLiteral("exit %1\n").arg(rc) + log));
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
        QVERIFY2(rc == 0, qPrintable(QStringLiteral("exit %1\n").arg(rc) + log));
    }
};

QTEST_GUILESS_MAIN(KioskKeyboardE2E)
#include "tst_kiosk_keyboard_e2e.moc"
