// archive-kiosk: the composition root. Builds the db worker, the controllers and the device inputs, publishes
// them to QML as singletons (QmlTypes.h) and loads qrc:/Kiosk/Main.qml full screen.
//
//   archive-kiosk [--db PATH] [--simulate] [--windowed] [--size WxH] [--lang zh|en] [--mute]
//                 [--script FILE --shots DIR [--latency-out FILE]] [--idle-seconds N]
//                 [--camera ID|default] [--evdev PATH] [--no-sensor-poller] [--sensor-interval S] [--scan-script FILE]
//                 [--scanner-usb VID:PID]

#include "DeviceManager.h"
#include "QmlTypes.h"
#include "ScriptRunner.h"
#include "StaffDesk.h"
#include "devices/scanner/KeyboardWedgeFilter.h"
#include "db/Database.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QFile>
#include <cstdio>
#include <ctime>
#include <memory>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace archive;
using namespace archive::kiosk;

namespace {

// Milliseconds since this process was started (the kernel's start time, so loading the libraries counts).
double msSinceProcessStart() {
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20) return -1;
    const double startS = fields[19].toDouble() / double(sysconf(_SC_CLK_TCK));  // field 22: starttime
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    return (double(boot.tv_sec) + boot.tv_nsec / 1e9 - startS) * 1000.0;
}

// ARCHIVE_KIOSK_TIMING=1 (bench/README.md): the first frame, and the first frame after the archive is open.
void reportStartTimes(QQuickWindow* window, DbService* db) {
    auto firstFrame = std::make_shared<bool>(false);
    auto readyFrame = std::make_shared<bool>(false);
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [firstFrame, readyFrame, db] {
        if (!*firstFrame) {
            *firstFrame = true;
            std::fprintf(stderr, "archive-kiosk timing: first frame %.0f ms after process start\n", msSinceProcessStart());
        }
        if (!*readyFrame && db->ready() && db->pending() == 0) {
            *readyFrame = true;
            std::fprintf(stderr, "archive-kiosk timing: first frame with the archive open and home loaded %.0f ms after process start\n",
                         msSinceProcessStart());
        }
    }, Qt::QueuedConnection);
}

}  // namespace

int main(int argc, char** argv) {
    // The kiosk runs for months: its box lookups stay on pread unless ARCHIVE_SQLITE_MMAP says otherwise, so its
    // resident memory does not grow with every box page it has ever mapped (db/BooksInternal.h mapForLookups; the
    // few microseconds the map saves per lookup do not show at a person's pace).
    if (!qEnvironmentVariableIsSet("ARCHIVE_SQLITE_MMAP")) qputenv("ARCHIVE_SQLITE_MMAP", "0");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("archive-kiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));  // pinned: Debian's default would be Fusion

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("档案室自助终端 · Archive-room kiosk"));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addOption({QStringLiteral("db"), QStringLiteral("Archive database (else $ARCHIVE_DB, else the default)."), QStringLiteral("PATH")});
    cli.addOption({QStringLiteral("simulate"), QStringLiteral("Use simulated devices even when hardware is present.")});
    cli.addOption({QStringLiteral("windowed"), QStringLiteral("Run in a window instead of full screen (development).")});
    cli.addOption({QStringLiteral("size"), QStringLiteral("Window size, e.g. 1024x600."), QStringLiteral("WxH")});
    cli.addOption({QStringLiteral("lang"), QStringLiteral("Start language: zh or en."), QStringLiteral("LANG")});
    cli.addOption({QStringLiteral("mute"), QStringLiteral("No sounds.")});
    cli.addOption({QStringLiteral("script"), QStringLiteral("Test mode: play this script (see ScriptRunner.h)."), QStringLiteral("FILE")});
    cli.addOption({QStringLiteral("shots"), QStringLiteral("Test mode: folder for screenshots."), QStringLiteral("DIR")});
    cli.addOption({QStringLiteral("latency-out"), QStringLiteral("Test mode: write each scan-to-feedback latency (ms) here."), QStringLiteral("FILE")});
    cli.addOption({QStringLiteral("idle-seconds"), QStringLiteral("Log out after this much inactivity (default 60)."), QStringLiteral("N")});
    cli.addOption({QStringLiteral("camera"), QStringLiteral("Read codes with this camera too (\"default\" = the default camera; else $ARCHIVE_CAMERA)."), QStringLiteral("ID")});
    cli.addOption({QStringLiteral("evdev"), QStringLiteral("A keyboard-wedge scanner's evdev node to grab (else $ARCHIVE_SCANNER_EVDEV, else found by name)."), QStringLiteral("PATH")});
    cli.addOption({QStringLiteral("no-sensor-poller"), QStringLiteral("Never poll the climate sensors here (the archive-sensors service does).")});
    cli.addOption({QStringLiteral("sensor-interval"), QStringLiteral("Poll every sensor at this interval in seconds (default: each sensor's own)."), QStringLiteral("S")});
    cli.addOption({QStringLiteral("scanner-usb"), QStringLiteral("The keyboard-wedge scanner's USB vendor:product, e.g. 1a86:e026 (else $ARCHIVE_SCANNER_USB): it is not taken for a keyboard."), QStringLiteral("VID:PID")});
    cli.addOption({QStringLiteral("scan-script"), QStringLiteral("Simulated scanner: replay this SimulatedScanner script in a loop."), QStringLiteral("FILE")});
    cli.process(app);

    const QString location = db::Database::resolveLocation(cli.value(QStringLiteral("db")));
    const bool scripted = cli.isSet(QStringLiteral("script"));

    // ---- the parts
    DbService dbService;
    dbService.open(location);
    FeedbackController feedback;
    feedback.setMuted(cli.isSet(QStringLiteral("mute")));
    LanguageController language;
    SessionController session(&dbService, &feedback);
    if (cli.isSet(QStringLiteral("idle-seconds")))
        session.setIdleTimeoutMs(qMax(1, cli.value(QStringLiteral("idle-seconds")).toInt()) * 1000);
    app.installEventFilter(&session);
    StaffDesk desk(&dbService, &session, &feedback);  // printer, sweep, pick list, transfer, label desk, box card
    ScanController scans(&dbService, &session, &feedback, &desk.box);
    BorrowerController borrower(&dbService, &session, &feedback);
    ApprovalsController approvals(&dbService, &session, &feedback);
    ClimateController climate(&dbService);
    EnvController env(&dbService, &session);
    StatsController stats(&dbService, &session);
    AdminController admin(&dbService, &session);
    AppController appInfo(&session, cli.isSet(QStringLiteral("windowed")) || scripted);

    // ---- device inputs: keyboard-wedge scanners through the application-level key filter
    scanner::KeyboardWedgeFilter keys;
    app.installEventFilter(&keys);
    admin.setScannerSink([&keys](const scanner::WedgeConfig& c) { keys.setConfig(c); });
    QObject::connect(&keys, &scanner::ScannerSource::scanned, &scans, &ScanController::onScan);
    QObject::connect(&keys, &scanner::ScannerSource::rejected, &scans, &ScanController::onRejected);

    // ---- the other devices: found at start (off the GUI thread), simulated only where absent or --simulate
    DeviceManager::Options devOpt;
    devOpt.simulate = cli.isSet(QStringLiteral("simulate"));
    desk.printer.setSimulated(devOpt.simulate);  // --simulate: labels and reports go to the file printer
    devOpt.sensorPoller = !cli.isSet(QStringLiteral("no-sensor-poller"));
    devOpt.sensorIntervalS = qMax(0, cli.value(QStringLiteral("sensor-interval")).toInt());
    devOpt.cameraId = (cli.isSet(QStringLiteral("camera")) ? cli.value(QStringLiteral("camera")) : qEnvironmentVariable("ARCHIVE_CAMERA")).toUtf8();
    devOpt.evdevPath = cli.isSet(QStringLiteral("evdev")) ? cli.value(QStringLiteral("evdev")) : qEnvironmentVariable("ARCHIVE_SCANNER_EVDEV");
    devOpt.scanScript = cli.value(QStringLiteral("scan-script"));
    devOpt.scannerUsbIds = cli.isSet(QStringLiteral("scanner-usb")) ? cli.value(QStringLiteral("scanner-usb")) : qEnvironmentVariable("ARCHIVE_SCANNER_USB");
    DeviceManager devices(&dbService, &scans, devOpt);
    QObject::connect(&devices, &DeviceManager::simulatedDevicesChanged, &appInfo, &AppController::setSimulatedDevices);
    QObject::connect(&devices, &DeviceManager::keyboardChanged, &borrower, &BorrowerController::setPhysicalKeyboard);
    QObject::connect(&devices, &DeviceManager::readingsStored, &climate, &ClimateController::refresh);
    QObject::connect(&devices, &DeviceManager::alertsChecked, &climate, [&climate](int opened) {
        if (opened > 0) climate.refresh();
    });

    // ---- QML
    AppForeign::s_instance = &appInfo;
    DbForeign::s_instance = &dbService;
    LanguageForeign::s_instance = &language;
    FeedbackForeign::s_instance = &feedback;
    SessionForeign::s_instance = &session;
    ScannerForeign::s_instance = &scans;
    BoxForeign::s_instance = &desk.box;
    BorrowerForeign::s_instance = &borrower;
    ApprovalsForeign::s_instance = &approvals;
    ClimateForeign::s_instance = &climate;
    EnvForeign::s_instance = &env;
    StatsForeign::s_instance = &stats;
    AdminForeign::s_instance = &admin;

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral(":/"));
    language.setEngine(&engine);
    language.setCode(cli.isSet(QStringLiteral("lang")) ? cli.value(QStringLiteral("lang")) : LanguageController::defaultCode());
    engine.load(QUrl(QStringLiteral("qrc:/Kiosk/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::fputs("archive-kiosk: the screen could not be loaded (see the messages above).\n", stderr);
        return 2;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (cli.isSet(QStringLiteral("size"))) {
        const QStringList wh = cli.value(QStringLiteral("size")).split(QLatin1Char('x'));
        if (wh.size() == 2) window->resize(wh[0].toInt(), wh[1].toInt());
    }
    if (appInfo.windowed()) window->show();
    else window->showFullScreen();
    QObject::connect(&appInfo, &AppController::exitRequested, &app, &QCoreApplication::quit);
    if (qEnvironmentVariableIsSet("ARCHIVE_KIOSK_TIMING")) reportStartTimes(window, &dbService);

    climate.start();
    devices.setKeyTarget(window);
    devices.start();
    admin.loadScannerSettings();  // the stored prefix/suffix/timing apply to the wedge filter

    std::unique_ptr<ScriptRunner> runner;
    if (scripted) {
        runner = std::make_unique<ScriptRunner>(window, &dbService, &feedback, &session, &language);
        QString err;
        if (!runner->load(cli.value(QStringLiteral("script")), &err)) {
            std::fprintf(stderr, "archive-kiosk: %s\n", qPrintable(err));
            return 2;
        }
        runner->setShotDir(cli.value(QStringLiteral("shots")));
        runner->setLatencyFile(cli.value(QStringLiteral("latency-out")));
        QObject::connect(runner.get(), &ScriptRunner::finished, &app, [](int status) { QCoreApplication::exit(status); });
        runner->start();
    }
    const int rc = app.exec();
    app.removeEventFilter(&keys);
    app.removeEventFilter(&session);
    return rc;
}
