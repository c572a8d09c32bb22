// archivectl sensors — USB climate sensors (issue 4): list, read, bind, log.
//   sensors list [--simulate N]            found sticks: id, model, firmware, USB id/port, bound room
//   sensors read [--simulate N]            one reading from each
//   sensors bind SENSOR ROOM [--as NAME]   bind a sensor to a storage room (ledger "sensor.bind")
//   sensors log [--simulate N] [--interval S] [--for S] [--spool FILE]
//                                          poll and store into the archive until SIGINT/SIGTERM
//                                          (deploy/systemd/archive-sensors.service runs this).
//                                          With a PostgreSQL archive (or --spool) every reading goes
//                                          into a local spool file first (db/sync/ReadingSpool) and is
//                                          flushed while the server is reachable: readings taken while
//                                          the server is away arrive when it returns.
#include "Command.h"

#include "db/Database.h"
#include "db/env/ReadingStore.h"
#include "db/sync/Connection.h"
#include "db/sync/ReadingSpool.h"
#include "devices/sensor/LoggerLock.h"
#include "devices/sensor/SensorErrors.h"
#include "devices/sensor/SensorScheduler.h"
#include "devices/sensor/SimulatedSensor.h"
#include "devices/sensor/TemperSensor.h"
#include "devices/usb/UsbContext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cmath>
#include <mutex>
#include <thread>

using namespace archivectl;
using namespace archive;
using namespace archive::sensor;

namespace {

const char* kUsage =
    "sensors list [--simulate N] | sensors read [--simulate N] | sensors bind SENSOR ROOM [--as NAME]\n"
    "      | sensors log [--simulate N] [--interval SECONDS] [--for SECONDS] [--spool FILE]";

int bad(const Context& ctx, const QString& zh, const QString& en) {
    return reportError(ctx, makeError(QStringLiteral("bad_input"), zh, en));
}

// --simulate N (0 when absent); -1 when malformed.
int takeSimulate(QStringList& args) {
    const QString v = takeOption(args, QStringLiteral("--simulate"), QStringLiteral("0"));
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok && n >= 0 && n <= 500 ? n : -1;
}

int badSimulate(const Context& ctx) {
    return bad(ctx, QStringLiteral("--simulate 需要 0 到 500 之间的数量，例如 --simulate 3。"),
               QStringLiteral("--simulate needs a count from 0 to 500, e.g. --simulate 3."));
}

QString num(double v, int decimals = 2) { return std::isnan(v) ? QStringLiteral("—") : QString::number(v, 'f', decimals); }
QJsonValue jnum(double v) { return std::isnan(v) ? QJsonValue() : QJsonValue(v); }
QString localTime(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")); }

// Bound rooms by sensor key, from the archive if it exists (never creates one).
QHash<QString, db::SensorRecord> boundSensors(const Context& ctx) {
    QHash<QString, db::SensorRecord> out;
    db::OpenOptions opt;
    opt.create = false;
    auto dbr = db::Database::open(db::Database::resolveLocation(ctx.dbLocation), opt);
    if (!dbr) return out;
    db::ReadingStore store(*dbr.value());
    auto list = store.sensors();
    if (!list) return out;
    for (const auto& s : list.value()) out.insert(s.sensorKey, s);
    return out;
}

Status startUsb(usb::UsbContext& usb) {
    usb::UsbContext::Options o;
    o.rescanIntervalMs = 2000;
    return usb.start(o);
}

QJsonObject infoJson(const SensorInfo& i) {
    return QJsonObject{{QStringLiteral("id"), i.sensorId},       {QStringLiteral("model"), i.model},
                       {QStringLiteral("variant"), i.variant},   {QStringLiteral("firmware"), i.firmware},
                       {QStringLiteral("usb_id"), i.vidPid},     {QStringLiteral("port"), i.portPath},
                       {QStringLiteral("serial"), i.serial},     {QStringLiteral("humidity"), i.hasHumidity},
                       {QStringLiteral("probes"), i.probes},     {QStringLiteral("simulated"), i.simulated}};
}

void printNoSensors() {
    printErrLine(QStringLiteral("未找到温湿度传感器。请插入 USB 传感器（PCsensor TEMPer），或用 --simulate N 试用模拟传感器。"
                                " / No climate sensors found. Plug in a USB sensor (PCsensor TEMPer), or try "
                                "--simulate N for simulated sensors."));
}

// ---- list ----
int runList(Context& ctx, QStringList args) {
    const int sim = takeSimulate(args);
    if (sim < 0) return badSimulate(ctx);
    if (!args.isEmpty())
        return bad(ctx, QStringLiteral("sensors list 不认识参数：%1").arg(args.join(QLatin1Char(' '))),
                   QStringLiteral("sensors list: unknown arguments: %1").arg(args.join(QLatin1Char(' '))));
    usb::UsbContext usb;
    QList<FoundSensor> found;
    if (auto st = startUsb(usb); st) found = identifyTemperSensors(usb);
    else printErrLine(st.error().message());
    for (int i = 0; i < sim; ++i) {
        FoundSensor f;
        f.info = SimulatedSensor(SimulatedSensor::forIndex(i)).info();
        found.append(f);
    }
    const auto bound = boundSensors(ctx);
    QJsonArray arr;
    QStringList lines;
    lines << QStringLiteral("传感器/Sensor\t型号/Model\t固件/Firmware\tUSB\t房间/Room\t状态/State");
    for (const auto& f : found) {
        const auto rec = bound.value(f.info.sensorId);
        const QString room = rec.roomCode.isEmpty() ? QStringLiteral("未绑定/unbound")
                                                    : QStringLiteral("%1 %2").arg(rec.roomCode, rec.roomName);
        QJsonObject o = infoJson(f.info);
        o.insert(QStringLiteral("room"), rec.roomCode.isEmpty() ? QJsonValue() : QJsonValue(rec.roomCode));
        o.insert(QStringLiteral("interval_s"), rec.sensorKey.isEmpty() ? QJsonValue() : QJsonValue(rec.intervalS));
        if (!f.problem.code.isEmpty()) {
            o.insert(QStringLiteral("problem"), f.problem.code);
            o.insert(QStringLiteral("message"), f.problem.message());
        }
        arr.append(o);
        const QString usbText = f.info.simulated ? QStringLiteral("—")
                                                 : QStringLiteral("%1 @%2").arg(f.info.vidPid, f.info.portPath);
        lines << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                     .arg(f.info.sensorId, f.info.model.isEmpty() ? QStringLiteral("?") : f.info.model,
                          f.info.firmware.isEmpty() ? QStringLiteral("—") : f.info.firmware, usbText, room,
                          f.problem.code.isEmpty() ? QStringLiteral("正常/ok") : f.problem.message());
    }
    if (ctx.json) {
        printLine(QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact)));
    } else if (found.isEmpty()) {
        printNoSensors();
    } else {
        for (const auto& l : lines) printLine(l);
    }
    return ExitOk;
}

// ---- read ----
int runRead(Context& ctx, QStringList args) {
    const int sim = takeSimulate(args);
    if (sim < 0) return badSimulate(ctx);
    if (!args.isEmpty())
        return bad(ctx, QStringLiteral("sensors read 不认识参数：%1").arg(args.join(QLatin1Char(' '))),
                   QStringLiteral("sensors read: unknown arguments: %1").arg(args.join(QLatin1Char(' '))));
    usb::UsbContext usb;
    std::vector<std::unique_ptr<SensorDevice>> devices;
    QList<QPair<QString, Error>> failed;
    if (auto st = startUsb(usb); st) {
        for (const auto& d : temperDevices(usb)) {
            auto s = TemperSensor::open(usb, d);
            if (s) devices.push_back(std::move(s.value()));
            else failed.append({TemperSensor::keyFor({}, d.portPath), s.error()});
        }
    } else {
        printErrLine(st.error().message());
    }
    for (int i = 0; i < sim; ++i) devices.push_back(std::make_unique<SimulatedSensor>(SimulatedSensor::forIndex(i)));
    if (devices.empty() && failed.isEmpty()) {
        if (ctx.json) printLine(QStringLiteral("[]"));
        else printNoSensors();
        return ExitOk;
    }
    QJsonArray arr;
    bool anyError = false;
    for (auto& dev : devices) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        auto r = dev->read(now);
        if (!r) {
            failed.append({dev->info().sensorId, r.error()});
            continue;
        }
        for (const auto& rd : r.value()) {
            arr.append(QJsonObject{{QStringLiteral("id"), rd.sensorId}, {QStringLiteral("at"), rd.atMs},
                                   {QStringLiteral("probe"), rd.probe}, {QStringLiteral("temp_c"), jnum(rd.tempC)},
                                   {QStringLiteral("rh_pct"), jnum(rd.rhPct)}});
            if (!ctx.json)
                printLine(QStringLiteral("%1\t%2\t%3 °C\t%4 %RH\t%5")
                              .arg(rd.sensorId, rd.probe, num(rd.tempC), num(rd.rhPct), localTime(rd.atMs)));
        }
    }
    for (const auto& f : failed) {
        anyError = true;
        arr.append(QJsonObject{{QStringLiteral("id"), f.first}, {QStringLiteral("problem"), f.second.code},
                               {QStringLiteral("message"), f.second.message()}});
        if (!ctx.json) printErrLine(QStringLiteral("%1: %2").arg(f.first, f.second.message()));
    }
    if (ctx.json) printLine(QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact)));
    return anyError && arr.size() == failed.size() ? ExitBadInput : ExitOk;
}

// ---- bind ----
int runBind(Context& ctx, QStringList args) {
    const QString actor = takeOption(args, QStringLiteral("--as"), qEnvironmentVariable("USER", QStringLiteral("archivectl")));
    if (args.size() != 2)
        return bad(ctx, QStringLiteral("用法：archivectl sensors bind 传感器 房间（传感器编号见 archivectl sensors list）"),
                   QStringLiteral("Usage: archivectl sensors bind SENSOR ROOM (sensor ids: archivectl sensors list)"));
    const QString key = args[0].trimmed(), room = args[1].trimmed();
    auto dbp = ctx.openDb(true);
    if (!dbp) return ExitBadInput;
    db::ReadingStore store(*dbp);
    const bool knownForm = key.startsWith(QLatin1String("usb:")) || key.startsWith(QLatin1String("usb-sn:")) ||
                           key.startsWith(QLatin1String("sim:"));
    bool inDb = false;
    if (auto list = store.sensors(); list)
        for (const auto& s : list.value()) inDb = inDb || s.sensorKey == key;
    if (!knownForm && !inDb) return reportError(ctx, notFoundSensorError(key));
    if (auto st = store.bindSensor(key, room, actor); !st) return reportError(ctx, st.error());
    if (ctx.json) printLine(QStringLiteral("{\"ok\":true,\"sensor\":\"%1\",\"room\":\"%2\"}").arg(key, room));
    else printLine(QStringLiteral("已将传感器 %1 绑定到房间 %2 / sensor %1 bound to room %2").arg(key, room));
    return ExitOk;
}

// ---- log ----
std::atomic<int> g_stopSignal{0};
void onStopSignal(int sig) { g_stopSignal = sig; }

int runLog(Context& ctx, QStringList args) {
    const int sim = takeSimulate(args);
    if (sim < 0) return badSimulate(ctx);
    bool ok = true;
    const QString intervalText = takeOption(args, QStringLiteral("--interval"));
    const int defaultIntervalS = intervalText.isEmpty() ? 60 : intervalText.toInt(&ok);
    if (!ok || defaultIntervalS < 1 || defaultIntervalS > 86400)
        return bad(ctx, QStringLiteral("--interval 需要 1 到 86400 之间的秒数。"),
                   QStringLiteral("--interval needs a number of seconds from 1 to 86400."));
    const QString forText = takeOption(args, QStringLiteral("--for"));
    const int forS = forText.isEmpty() ? 0 : forText.toInt(&ok);
    if (!ok || forS < 0)
        return bad(ctx, QStringLiteral("--for 需要秒数，例如 --for 600。"),
                   QStringLiteral("--for needs a number of seconds, e.g. --for 600."));
    const QString spoolOption = takeOption(args, QStringLiteral("--spool"));
    if (args.contains(QStringLiteral("--spool")))
        return bad(ctx, QStringLiteral("--spool 需要本地缓存文件的路径。"), QStringLiteral("--spool needs the path of the local buffer file."));
    if (!args.isEmpty())
        return bad(ctx, QStringLiteral("sensors log 不认识参数：%1").arg(args.join(QLatin1Char(' '))),
                   QStringLiteral("sensors log: unknown arguments: %1").arg(args.join(QLatin1Char(' '))));

    // Status changes are printed below; keep the libraries' own info lines for ARCHIVECTL_DEBUG.
    if (!qEnvironmentVariableIsSet("ARCHIVECTL_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("archive.sensor.info=false\narchive.usb.info=false\n"
                                                        "archive.sensor.temper.info=false"));
    // The archive may be a server that comes and goes: with a spool the logger starts (and keeps polling)
    // without it and reconnects by itself; the connection and its ReadingStore are replaced on reconnect.
    const QString location = db::Database::resolveLocation(ctx.dbLocation);
    const bool remote = location.startsWith(QLatin1String("postgres"));
    // One logger per archive (devices/sensor/LoggerLock.h): while the kiosk polls the sensors itself this
    // logger waits, and takes over as soon as the kiosk stops — readings are never logged twice.
    sensor::LoggerLock loggerLock(sensor::LoggerLock::pathFor(location));
    if (!loggerLock.tryAcquire()) {
        const QString holder = loggerLock.holder();
        printErrLine(QStringLiteral("另一个记录程序（%1）正在记录这个档案的温湿度，它停止后本程序接手 / another logger (%1) "
                                    "is logging this archive's sensors; this one takes over when it stops")
                         .arg(holder.isEmpty() ? QStringLiteral("?") : holder));
        g_stopSignal = 0;
        std::signal(SIGINT, onStopSignal);
        std::signal(SIGTERM, onStopSignal);
        while (!loggerLock.tryAcquire()) {
            if (g_stopSignal.load()) {
                std::signal(SIGINT, SIG_DFL);
                std::signal(SIGTERM, SIG_DFL);
                return 0;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
        printErrLine(QStringLiteral("接手记录温湿度 / taking over the sensor logging"));
    }
    std::unique_ptr<db::sync::ReadingSpool> spool;
    if (remote || !spoolOption.isEmpty()) {
        auto sp = db::sync::ReadingSpool::open(spoolOption.isEmpty() ? db::sync::ReadingSpool::defaultPath() : spoolOption);
        if (!sp) return reportError(ctx, sp.error());
        spool = std::move(sp.value());
    }
    std::unique_ptr<db::Database> dbp;
    std::unique_ptr<db::ReadingStore> store;
    auto connectArchive = [&]() -> Error {
        auto r = db::Database::open(location);
        if (!r) return r.error();
        dbp = std::move(r.value());
        store = std::make_unique<db::ReadingStore>(*dbp);
        return {};
    };
    auto disconnectArchive = [&] {
        store.reset();
        dbp.reset();
    };
    if (Error e = connectArchive(); !e.code.isEmpty()) {
        if (!spool || e.code != QLatin1String("server_unreachable")) return reportError(ctx, e);
        printErrLine(QStringLiteral("档案服务器无法连接，读数先存入本地缓存 %1 / archive server unreachable: readings go to the "
                                    "local buffer %1 until it is back").arg(spool->path()));
    }
    QHash<QString, db::SensorRecord> known;
    if (store)
        if (auto list = store->sensors(); list)
            for (const auto& s : list.value()) known.insert(s.sensorKey, s);

    usb::UsbContext usb;
    if (auto st = startUsb(usb); !st) printErrLine(st.error().message());

    SensorScheduler sched;
    std::mutex qm;
    QList<db::ReadingRow> pending;
    sched.setReadingCallback([&](const QList<Reading>& rs) {
        std::lock_guard lk(qm);
        for (const auto& r : rs) {
            db::ReadingRow row;
            row.sensorKey = r.sensorId;
            row.atMs = r.atMs;
            row.tempC = r.tempC;
            row.rhPct = r.rhPct;
            row.probe = r.probe;
            pending.append(row);
        }
    });
    QObject::connect(&sched, &SensorScheduler::statusChanged, &sched, [](const SensorStatus& s) {
        const QString when = localTime(s.atMs);
        if (s.state == SensorState::Online)
            printErrLine(QStringLiteral("%1 %2: 在线 / online").arg(when, s.sensorId));
        else
            printErrLine(QStringLiteral("%1 %2: %3 — %4").arg(when, s.sensorId,
                                                                s.state == SensorState::Offline ? QStringLiteral("离线/offline")
                                                                                               : QStringLiteral("故障/error"),
                                                                s.reason.message()));
    });
    // The archive's calibration offsets are applied by ReadingStore, so the scheduler adds none here.
    auto configFor = [&](const QString& id) {
        SensorConfig c;
        c.sensorId = id;
        const auto rec = known.value(id);
        c.intervalMs = 1000 * (rec.sensorKey.isEmpty() || rec.intervalS <= 0 || !intervalText.isEmpty() ? defaultIntervalS
                                                                                                         : rec.intervalS);
        return c;
    };
    auto* usbp = &usb;
    auto addUsb = [&](const QString& id) {
        if (sched.sensorIds().contains(id)) return;
        sched.addSensor(configFor(id), [usbp, id] { return openTemperByKey(*usbp, id); });
        printErrLine(QStringLiteral("记录传感器 %1 / logging sensor %1").arg(id));
    };
    for (const auto& f : identifyTemperSensors(usb)) {
        if (!f.problem.code.isEmpty()) printErrLine(QStringLiteral("%1: %2").arg(f.info.sensorId, f.problem.message()));
        addUsb(f.info.sensorId);
    }
    // Bound USB sensors that are not plugged in yet: logged as offline until they appear (R13 silence).
    for (const auto& rec : known)
        if (rec.kind == QLatin1String("usb") && !rec.roomCode.isEmpty()) addUsb(rec.sensorKey);
    for (int i = 0; i < sim; ++i) {
        const SimulationParams p = SimulatedSensor::forIndex(i);
        const QString id = QStringLiteral("sim:") + p.name;
        sched.addSensor(configFor(id), [p]() -> Result<std::unique_ptr<SensorDevice>> {
            return std::unique_ptr<SensorDevice>(new SimulatedSensor(p));
        });
    }
    // A stick plugged in later: identify it off the main thread, then log it.
    QObject::connect(&usb, &usb::UsbContext::deviceArrived, &sched, [&](const usb::UsbDeviceInfo& dev) {
        if (!temper::isSupported(dev.vendorId, dev.productId)) return;
        if (sched.sensorIds().contains(TemperSensor::keyFor({}, dev.portPath))) return;  // its worker re-opens it
        QThreadPool::globalInstance()->start([usbp, dev, &sched, addUsb] {
            auto s = TemperSensor::open(*usbp, dev);
            if (!s) return;
            const QString id = s.value()->info().sensorId;
            s = Error{};
            QMetaObject::invokeMethod(&sched, [id, addUsb] { addUsb(id); }, Qt::QueuedConnection);
        });
    });
    if (sched.sensorIds().isEmpty()) printNoSensors();

    qint64 stored = 0;
    qint64 lastConnectAttempt = 0;
    auto flushSpool = [&] {
        if (!dbp) {
            // Reconnect at most every 2 s (an attempt waits up to the connect timeout).
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (now - lastConnectAttempt < 2000) return;
            lastConnectAttempt = now;
            if (Error e = connectArchive(); !e.code.isEmpty()) return;
            printErrLine(QStringLiteral("%1 档案服务器已恢复，补传本地缓存中的读数 / archive server is back: sending the buffered readings")
                             .arg(localTime(now)));
        }
        auto r = spool->flush(*store);
        if (r) {
            stored += r->stored;
            return;
        }
        if (!db::sync::ping(*dbp)) {
            const qint64 left = spool->size().ok() ? spool->size().value() : -1;
            printErrLine(QStringLiteral("%1 档案服务器无法连接，读数暂存本地缓存 %2（%3 条）/ archive server unreachable: readings are "
                                        "kept in the local buffer %2 (%3) and sent when it is back")
                             .arg(localTime(QDateTime::currentMSecsSinceEpoch()), spool->path()).arg(left));
            disconnectArchive();
        } else {
            printErrLine(r.error().message());  // e.g. busy: the spool keeps them for the next attempt
        }
    };
    auto flush = [&] {
        QList<db::ReadingRow> batch;
        {
            std::lock_guard lk(qm);
            batch.swap(pending);
        }
        if (spool) {
            if (auto st = spool->append(batch); !st) {
                printErrLine(st.error().message());
                std::lock_guard lk(qm);  // keep them in memory; the next tick tries again
                pending = batch + pending;
            }
            flushSpool();
            return;
        }
        if (batch.isEmpty()) return;
        auto r = store->addReadings(batch);
        if (!r) {
            printErrLine(r.error().message());
            std::lock_guard lk(qm);  // keep them for the next attempt (the database may be busy)
            pending = batch + pending;
            return;
        }
        stored += r.value();
    };

    g_stopSignal = 0;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    QEventLoop loop;
    QTimer flushTimer, stopTimer, silenceTimer;
    QObject::connect(&flushTimer, &QTimer::timeout, &loop, flush);
    QObject::connect(&stopTimer, &QTimer::timeout, &loop, [&] {
        if (g_stopSignal.load()) loop.quit();
    });
    QObject::connect(&silenceTimer, &QTimer::timeout, &loop, [&] {
        if (!store) return;
        if (auto r = store->checkSilence(); !r) printErrLine(r.error().message());
    });
    flushTimer.start(1000);
    stopTimer.start(100);
    silenceTimer.start(60000);
    if (forS > 0) QTimer::singleShot(forS * 1000, &loop, &QEventLoop::quit);
    printErrLine(QStringLiteral("开始记录温湿度（Ctrl+C 停止）/ logging climate readings (Ctrl+C stops)"));
    sched.start();
    loop.exec();
    sched.stop();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    flush();
    if (spool && spool->size().ok() && spool->size().value() > 0)
        printErrLine(QStringLiteral("本地缓存中还有 %1 条读数，下次启动时补传 / %1 readings stay in the local buffer %2 and are sent "
                                    "at the next start").arg(spool->size().value()).arg(spool->path()));
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (ctx.json) printLine(QStringLiteral("{\"ok\":true,\"stored\":%1}").arg(stored));
    else printLine(QStringLiteral("已记录 %1 条读数 / stored %1 readings").arg(stored));
    return ExitOk;
}

int runSensors(Context& ctx, QStringList args) {
    if (args.isEmpty())
        return bad(ctx, QStringLiteral("用法：archivectl %1").arg(QString::fromUtf8(kUsage)),
                   QStringLiteral("Usage: archivectl %1").arg(QString::fromUtf8(kUsage)));
    const QString sub = args.takeFirst();
    if (sub == QLatin1String("list")) return runList(ctx, args);
    if (sub == QLatin1String("read")) return runRead(ctx, args);
    if (sub == QLatin1String("bind")) return runBind(ctx, args);
    if (sub == QLatin1String("log")) return runLog(ctx, args);
    return bad(ctx, QStringLiteral("未知的子命令“%1”。可用：list、read、bind、log。").arg(sub.left(40)),
               QStringLiteral("Unknown subcommand \"%1\". Use list, read, bind or log.").arg(sub.left(40)));
}

}  // namespace

ARCHIVECTL_COMMAND(QStringLiteral("sensors"), QString::fromUtf8(kUsage),
                   QStringLiteral("USB climate sensors: list them, read once, bind to a room, log into the archive "
                                  "until stopped (systemd: deploy/systemd/archive-sensors.service)"),
                   runSensors);
