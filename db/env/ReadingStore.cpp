#include "ReadingStore.h"

#include "AlertEngine.h"
#include "ReadingInserter.h"
#include "RollupStore.h"
#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

Q_LOGGING_CATEGORY(lcEnv, "archive.env")

namespace archive::db {

using namespace env;

namespace {
Error badInput(const QString& zh, const QString& en) { return makeError(QStringLiteral("bad_input"), zh, en); }

QString kindForKey(const QString& key) {
    if (key.startsWith(QLatin1String("sim:"))) return QStringLiteral("sim");
    if (key.startsWith(QLatin1String("manual:"))) return QStringLiteral("manual");
    return QStringLiteral("usb");
}
}  // namespace

Result<RoomRef> findRoom(Database& db, const QString& codeOrName) {
    const QString v = codeOrName.trimmed();
    if (v.isEmpty())
        return badInput(QStringLiteral("请指定库房（编号或名称）。"), QStringLiteral("Please name a room (its code or name)."));
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("SELECT id, code, name, climate_profile FROM rooms WHERE code = ? "
                             "UNION ALL SELECT id, code, name, climate_profile FROM rooms WHERE name = ? AND code <> ?"));
    q.addBindValue(v);
    q.addBindValue(v);
    q.addBindValue(v);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("find room"));
    QList<RoomRef> found;
    while (q.next())
        found << RoomRef{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
    if (found.isEmpty()) {  // a unique room whose name contains the text ("一号库房" → "一号库房（纸质档案库）")
        QSqlQuery c(db.sql());
        c.prepare(db.dialect() == Dialect::PostgreSQL
                      ? QStringLiteral("SELECT id, code, name, climate_profile FROM rooms WHERE strpos(name, ?) > 0")
                      : QStringLiteral("SELECT id, code, name, climate_profile FROM rooms WHERE instr(name, ?) > 0"));
        c.addBindValue(v);
        if (c.exec())
            while (c.next())
                found << RoomRef{c.value(0).toLongLong(), c.value(1).toString(), c.value(2).toString(), c.value(3).toString()};
        if (found.size() > 1)
            return makeError(QStringLiteral("ambiguous"),
                             QStringLiteral("有多个库房名称包含“%1”，请改用库房编号。").arg(v),
                             QStringLiteral("Several room names contain \"%1\"; use the room code instead.").arg(v));
    }
    if (found.isEmpty())
        return makeError(QStringLiteral("not_found"),
                         QStringLiteral("找不到库房“%1”。请用 archivectl env rooms 查看库房编号。").arg(v),
                         QStringLiteral("No room \"%1\". Run `archivectl env rooms` to see the room codes.").arg(v));
    if (found.size() > 1 && found[0].code != v)
        return makeError(QStringLiteral("ambiguous"),
                         QStringLiteral("有多个库房叫“%1”，请改用库房编号。").arg(v),
                         QStringLiteral("Several rooms are called \"%1\"; use the room code instead.").arg(v));
    return found.first();
}

// Keeps sensor_bindings (migration 0011) in step with sensors.room_id: closes the open binding at `at`
// and opens one for the new room. A sensor's first binding starts at 0 (see the migration).
static Status recordBinding(Database& db, qint64 sensorId, qint64 roomId, qint64 at, const QString& actor) {
    QSqlQuery q(db.sql());
    q.prepare(QStringLiteral("SELECT room_id, from_at FROM sensor_bindings WHERE sensor_id = ? AND to_at IS NULL"));
    q.addBindValue(sensorId);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("read sensor binding"));
    const bool open = q.next();
    const qint64 openRoom = open ? q.value(0).toLongLong() : 0, openFrom = open ? q.value(1).toLongLong() : 0;
    q.finish();
    if (open && openRoom == roomId) return okStatus();
    if (open && at <= openFrom)
        return makeError(QStringLiteral("bad_input"),
                         QStringLiteral("绑定时间早于该传感器上一次绑定的时间，不能改写过去的绑定记录。"),
                         QStringLiteral("The binding time is before the sensor's last binding; past bindings cannot be rewritten."));
    QSqlQuery n(db.sql());
    n.prepare(QStringLiteral("SELECT count(*) FROM sensor_bindings WHERE sensor_id = ?"));
    n.addBindValue(sensorId);
    if (!n.exec() || !n.next()) return sqlError(n.lastError(), QStringLiteral("read sensor binding"));
    const bool first = n.value(0).toLongLong() == 0;
    n.finish();
    if (open) {
        QSqlQuery u(db.sql());
        u.prepare(QStringLiteral("UPDATE sensor_bindings SET to_at = ? WHERE sensor_id = ? AND to_at IS NULL"));
        u.addBindValue(at);
        u.addBindValue(sensorId);
        if (!u.exec()) return sqlError(u.lastError(), QStringLiteral("close sensor binding"));
    }
    QSqlQuery i(db.sql());
    i.prepare(QStringLiteral("INSERT INTO sensor_bindings(sensor_id, room_id, from_at, to_at, actor, created_at) VALUES(?,?,?,NULL,?,?)"));
    i.addBindValue(sensorId);
    i.addBindValue(roomId);
    i.addBindValue(first ? qint64(0) : at);
    i.addBindValue(actor);
    i.addBindValue(db.nowMs());
    if (!i.exec()) return sqlError(i.lastError(), QStringLiteral("record sensor binding"));
    return okStatus();
}

struct ReadingStore::Impl {
    Database& db;
    RollupStore rollups;
    AlertEngine alerts;
    QHash<QString, SensorInfo> byKey;

    explicit Impl(Database& d) : db(d), rollups(d), alerts(d) {}

    Status loadSensors() {
        QSqlQuery q(db.sql());
        if (!q.exec(QStringLiteral("SELECT id, sensor_key, COALESCE(room_id, 0), interval_s, temp_offset, rh_offset, kind "
                                   "FROM sensors")))
            return sqlError(q.lastError(), QStringLiteral("read sensors"));
        byKey.clear();
        while (q.next()) {
            SensorInfo s;
            s.id = q.value(0).toLongLong();
            s.key = q.value(1).toString();
            s.roomId = q.value(2).toLongLong();
            s.intervalMs = qMax(1, q.value(3).toInt()) * qint64(1000);
            s.tempOffset = q.value(4).toDouble();
            s.rhOffset = q.value(5).toDouble();
            s.kind = q.value(6).toString();
            byKey.insert(s.key, s);
        }
        return okStatus();
    }

    Result<SensorInfo> ensureSensor(const QString& key, qint64 roomId = 0, int intervalS = 60) {
        auto it = byKey.constFind(key);
        if (it != byKey.constEnd()) return it.value();
        QString kind = kindForKey(key), name = key;
        // An external probe inherits its base sensor's room, interval and name.
        const int hash = key.indexOf(QLatin1String("#external"));
        if (hash > 0) {
            auto base = byKey.constFind(key.left(hash));
            if (base != byKey.constEnd()) {
                if (!roomId) roomId = base->roomId;
                intervalS = int(base->intervalMs / 1000);
                kind = base->kind;
            }
            name = key.left(hash) + QStringLiteral(" 外置探头 external probe");
        }
        QSqlQuery q(db.sql());
        q.prepare(QStringLiteral("INSERT INTO sensors(sensor_key, name, room_id, interval_s, kind, created_at) VALUES(?,?,?,?,?,?)"));
        q.addBindValue(key);
        q.addBindValue(name);
        q.addBindValue(roomId ? QVariant(roomId) : QVariant(QMetaType(QMetaType::LongLong)));
        q.addBindValue(intervalS);
        q.addBindValue(kind);
        q.addBindValue(db.nowMs());
        if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("add sensor"));
        if (roomId) {
            if (auto st = recordBinding(db, q.lastInsertId().toLongLong(), roomId, db.nowMs(), QStringLiteral("system")); !st)
                return st.error();
        }
        if (auto st = loadSensors(); !st) return st.error();
        it = byKey.constFind(key);
        if (it == byKey.constEnd()) return makeError(QStringLiteral("db_error"), QStringLiteral("无法登记传感器。"), QStringLiteral("Could not register the sensor."));
        return it.value();
    }

    static bool valid(const ReadingRow& r) {
        const bool hasT = !std::isnan(r.tempC), hasRh = !std::isnan(r.rhPct);
        if (r.sensorKey.trimmed().isEmpty() || r.atMs <= 0 || (!hasT && !hasRh)) return false;
        if (hasT && (r.tempC < -60 || r.tempC > 100 || std::isinf(r.tempC))) return false;
        if (hasRh && (r.rhPct < 0 || r.rhPct > 100 || std::isinf(r.rhPct))) return false;
        return true;
    }

    // Inside an open transaction.
    Result<int> ingest(const QList<ReadingRow>& batch) {
        if (auto st = loadSensors(); !st) return st.error();
        struct Slot {
            SensorInfo info;
            bool manual = false, external = false;
            std::vector<CompactReading> rows;
        };
        std::map<qint64, Slot> bySensor;
        QHash<QString, Slot*> slotOf;  // raw key (+ "#external") → slot
        int skipped = 0;
        for (const ReadingRow& r : batch) {
            if (!valid(r)) {
                ++skipped;
                continue;
            }
            const bool external = r.probe == QLatin1String("external");
            Slot* slot = slotOf.value(external ? r.sensorKey + QStringLiteral("#external") : r.sensorKey, nullptr);
            if (!slot) {
                QString key = r.sensorKey.trimmed();
                if (external) key += QStringLiteral("#external");
                auto s = ensureSensor(key);
                if (!s) return s.error();
                slot = &bySensor[s->id];
                slot->info = *s;
                slot->manual = s->kind == QLatin1String("manual");
                slot->external = external;
                slotOf.insert(external ? r.sensorKey + QStringLiteral("#external") : r.sensorKey, slot);
            }
            const SensorInfo& si = slot->info;
            const bool manual = r.manual || slot->manual;
            double t = r.tempC, rh = r.rhPct;
            if (!manual) {
                t += si.tempOffset;
                if (!std::isnan(rh)) rh = std::clamp(rh + si.rhOffset, 0.0, 100.0);
            }
            CompactReading c;
            c.at = r.atMs;
            c.t = std::isnan(t) ? kNoValue : qint32(std::lround(t * 100.0));
            c.rh = std::isnan(rh) ? kNoValue : qint32(std::lround(rh * 100.0));
            c.flags = (manual ? 1 : 0) | (external ? 2 : 0);
            slot->rows.push_back(c);
        }
        if (skipped) qCWarning(lcEnv) << "skipped" << skipped << "unusable readings";

        if (!inserter) inserter = std::make_unique<ReadingInserter>(db);
        if (auto st = inserter->ready(); !st) return st.error();
        int stored = 0;
        const auto byTime = [](const CompactReading& a, const CompactReading& b) { return a.at < b.at; };
        for (auto& [sid, slot] : bySensor) {
            const SensorInfo& si = slot.info;
            std::vector<CompactReading>& rows = slot.rows;
            if (!std::is_sorted(rows.begin(), rows.end(), byTime)) std::stable_sort(rows.begin(), rows.end(), byTime);
            rows.erase(std::unique(rows.begin(), rows.end(), [](const CompactReading& a, const CompactReading& b) { return a.at == b.at; }),
                       rows.end());
            auto last = rollups.lastAt(sid);
            if (!last) return last.error();
            const std::optional<qint64> lastAt = *last;
            // Rows newer than the sensor's last reading are new for sure (multi-row inserts); older ones
            // are late and may be duplicates.
            const auto firstNew = lastAt ? std::upper_bound(rows.begin(), rows.end(), *lastAt,
                                                            [](qint64 at, const CompactReading& c) { return at < c.at; })
                                         : rows.begin();
            std::vector<CompactReading> late;
            for (auto it = rows.begin(); it != firstNew; ++it) {
                auto ok = inserter->insert(sid, *it);
                if (!ok) return ok.error();
                if (!*ok) continue;
                ++stored;
                late.push_back(*it);
            }
            std::vector<CompactReading> appended(firstNew, rows.end());
            if (!appended.empty()) {
                auto n = inserter->insertNew(sid, appended.data(), qint64(appended.size()));
                if (!n) return n.error();
                stored += int(*n);
            }
            // Hours whose rollup must be rebuilt from raw rows: those of late readings and of the
            // reading right after each (its Δt changed). Their days are rebuilt from the hours.
            QSet<qint64> rebuildHours, rebuildDays;
            for (const auto& c : late) {
                rebuildHours.insert(floorTo(c.at, kHourMs));
                auto nx = rollups.nextAt(sid, c.at);
                if (!nx) return nx.error();
                if (*nx) rebuildHours.insert(floorTo(**nx, kHourMs));
            }
            for (qint64 h : rebuildHours) rebuildDays.insert(floorTo(h, kDayMs));
            // Appended readings: aggregate per hour and day in memory; merge into the existing first hour/day.
            std::map<qint64, RollupAgg> hours, days;
            bool hasPrev = lastAt.has_value();
            qint64 prev = lastAt.value_or(0);
            qint64 curHour = std::numeric_limits<qint64>::min();
            RollupAgg* h = nullptr;
            for (const auto& c : appended) {
                const qint64 dt = cappedDtMs(prev, hasPrev, c.at, si.intervalMs);
                const qint64 hour = floorTo(c.at, kHourMs);
                if (hour != curHour) {
                    curHour = hour;
                    h = &hours[hour];
                }
                h->add(c, dt);
                prev = c.at;
                hasPrev = true;
            }
            for (const auto& [hour, agg] : hours) days[floorTo(hour, kDayMs)].merge(agg);
            auto mergeInto = [&](Grain g, std::map<qint64, RollupAgg>& aggs, const QSet<qint64>& rebuild, qint64 unit) -> Status {
                for (auto& [start, agg] : aggs) {
                    if (rebuild.contains(start)) continue;
                    if (lastAt && start == floorTo(*lastAt, unit)) {
                        auto old = rollups.load(g, sid, start);
                        if (!old) return old.error();
                        if (*old) {
                            RollupAgg merged = **old;
                            merged.merge(agg);
                            agg = merged;
                        }
                    }
                    if (auto st = rollups.save(g, sid, start, agg); !st) return st;
                }
                return okStatus();
            };
            if (auto st = mergeInto(Grain::Hour, hours, rebuildHours, kHourMs); !st) return st.error();
            for (qint64 hour : rebuildHours)
                if (auto st = rollups.recomputeHour(sid, hour, si.intervalMs); !st) return st.error();
            if (auto st = mergeInto(Grain::Day, days, rebuildDays, kDayMs); !st) return st.error();
            for (qint64 day : rebuildDays)
                if (auto st = rollups.recomputeDay(sid, day); !st) return st.error();

            if (!appended.empty() || !late.empty()) {
                QSqlQuery& q = seenStmt();
                const qint64 newest = appended.empty() ? late.back().at : appended.back().at;
                q.bindValue(0, newest);
                q.bindValue(1, sid);
                q.bindValue(2, newest);
                if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("update sensor"));
            }
            if (auto st = alerts.onReadings(si, lastAt, appended, late); !st) return st.error();
        }
        return stored;
    }

    QSqlQuery& seenStmt() {
        if (!seen) {
            seen = std::make_unique<QSqlQuery>(db.sql());
            seen->prepare(QStringLiteral("UPDATE sensors SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)"));
        }
        return *seen;
    }
    std::unique_ptr<ReadingInserter> inserter;
    std::unique_ptr<QSqlQuery> seen;
};

ReadingStore::ReadingStore(Database& db) : m_db(db), d(std::make_unique<Impl>(db)) {}
ReadingStore::~ReadingStore() = default;

void ReadingStore::invalidateCaches() {
    d->byKey.clear();
    d->alerts.invalidate();
}

Result<int> ReadingStore::addReadings(const QList<ReadingRow>& batch) {
    if (batch.isEmpty()) return 0;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto n = d->ingest(batch);
    if (!n) {
        invalidateCaches();
        return n.error();
    }
    if (auto st = tx.commit(); !st) {
        invalidateCaches();
        return st.error();
    }
    return n;
}

Status ReadingStore::bindSensor(const QString& sensorKey, const QString& roomCodeOrName, const QString& actor, qint64 atMs) {
    const QString key = sensorKey.trimmed();
    if (key.isEmpty())
        return badInput(QStringLiteral("请指定传感器编号。"), QStringLiteral("Please give the sensor's id."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto room = findRoom(m_db, roomCodeOrName);
    if (!room) return room.error();
    if (auto st = d->loadSensors(); !st) return st;
    auto s = d->ensureSensor(key);
    if (!s) return s.error();
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("UPDATE sensors SET room_id = ? WHERE sensor_key = ? OR sensor_key = ?"));
    q.addBindValue(room->id);
    q.addBindValue(key);
    q.addBindValue(key + QStringLiteral("#external"));
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("bind sensor"));
    const qint64 at = atMs > 0 ? atMs : m_db.nowMs();
    const QString who = actor.isEmpty() ? QStringLiteral("archivectl") : actor;
    QSqlQuery ids(m_db.sql());
    ids.prepare(QStringLiteral("SELECT id FROM sensors WHERE sensor_key = ? OR sensor_key = ?"));
    ids.addBindValue(key);
    ids.addBindValue(key + QStringLiteral("#external"));
    if (!ids.exec()) return sqlError(ids.lastError(), QStringLiteral("bind sensor"));
    QList<qint64> sensorIds;
    while (ids.next()) sensorIds << ids.value(0).toLongLong();
    ids.finish();
    for (qint64 id : sensorIds)
        if (auto st = recordBinding(m_db, id, room->id, at, who); !st) return st;
    LedgerEntry e;
    e.actor = actor.isEmpty() ? QStringLiteral("archivectl") : actor;
    e.action = QStringLiteral("sensor.bind");
    e.subject = QStringLiteral("sensor:") + key;
    e.details = QJsonObject{{QStringLiteral("room"), room->code}, {QStringLiteral("from"), at}};
    if (auto r = Ledger::append(m_db, e); !r) return r.error();
    if (auto st = tx.commit(); !st) return st;
    invalidateCaches();
    return okStatus();
}

Result<QList<SensorRecord>> ReadingStore::sensors() {
    QSqlQuery q(m_db.sql());
    if (!q.exec(QStringLiteral("SELECT s.id, s.sensor_key, s.name, COALESCE(r.code, ''), COALESCE(r.name, ''), s.interval_s, "
                               "s.temp_offset, s.rh_offset, COALESCE(s.last_seen_at, 0), COALESCE(s.room_id, 0), s.kind "
                               "FROM sensors s LEFT JOIN rooms r ON r.id = s.room_id ORDER BY s.sensor_key")))
        return sqlError(q.lastError(), QStringLiteral("list sensors"));
    QList<SensorRecord> out;
    while (q.next()) {
        SensorRecord s;
        s.id = q.value(0).toLongLong();
        s.sensorKey = q.value(1).toString();
        s.name = q.value(2).toString();
        s.roomCode = q.value(3).toString();
        s.roomName = q.value(4).toString();
        s.intervalS = q.value(5).toInt();
        s.tempOffset = q.value(6).toDouble();
        s.rhOffset = q.value(7).toDouble();
        s.lastSeenAt = q.value(8).toLongLong();
        s.roomId = q.value(9).toLongLong();
        s.kind = q.value(10).toString();
        out << s;
    }
    return out;
}

Status ReadingStore::addManualReading(const QString& roomCodeOrName, qint64 atMs, double tempC, double rhPct,
                                      const QString& recordedBy, const QString& note) {
    if (recordedBy.trimmed().isEmpty())
        return badInput(QStringLiteral("请填写记录人（工作证号）。"), QStringLiteral("Please say who recorded the reading (staff card)."));
    if (std::isnan(tempC) && std::isnan(rhPct))
        return badInput(QStringLiteral("请至少填写温度或湿度。"), QStringLiteral("Please enter a temperature or a humidity."));
    if (!std::isnan(tempC) && (tempC < -60 || tempC > 100))
        return badInput(QStringLiteral("温度 %1 °C 不合理，请检查后重新输入。").arg(tempC),
                        QStringLiteral("A temperature of %1 °C is not plausible; please check and enter it again.").arg(tempC));
    if (!std::isnan(rhPct) && (rhPct < 0 || rhPct > 100))
        return badInput(QStringLiteral("相对湿度必须在 0–100 % 之间（输入为 %1）。").arg(rhPct),
                        QStringLiteral("Relative humidity must be 0–100 % (got %1).").arg(rhPct));
    if (atMs <= 0) atMs = m_db.nowMs();
    if (atMs > m_db.nowMs() + 5 * 60000)
        return badInput(QStringLiteral("读数时间在将来，请检查日期和时间。"), QStringLiteral("The reading's time is in the future; check the date and time."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    auto room = findRoom(m_db, roomCodeOrName);
    if (!room) return room.error();
    if (auto st = d->loadSensors(); !st) return st;
    const QString key = QStringLiteral("manual:") + room->code;
    auto s = d->ensureSensor(key, room->id, 12 * 3600);
    if (!s) return s.error();
    ReadingRow r{key, atMs, tempC, rhPct, QString(), true, recordedBy};
    auto n = d->ingest({r});
    if (!n) { invalidateCaches(); return n.error(); }
    if (*n == 0)
        return makeError(QStringLiteral("duplicate"), QStringLiteral("该库房在此时间已有一条人工读数。"),
                         QStringLiteral("This room already has a manual reading at that time."));
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("INSERT INTO manual_readings(sensor_id, at, recorded_by, note, entered_at) VALUES(?,?,?,?,?)"));
    q.addBindValue(s->id);
    q.addBindValue(atMs);
    q.addBindValue(recordedBy.trimmed());
    q.addBindValue(note.isNull() ? QStringLiteral("") : note);
    q.addBindValue(m_db.nowMs());
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("record manual reading"));
    LedgerEntry e;
    e.actor = recordedBy.trimmed();
    e.action = QStringLiteral("env.manual");
    e.subject = QStringLiteral("room:") + room->code;
    QJsonObject det{{QStringLiteral("at"), atMs}};
    if (!std::isnan(tempC)) det.insert(QStringLiteral("temp_c"), tempC);
    if (!std::isnan(rhPct)) det.insert(QStringLiteral("rh_pct"), rhPct);
    if (!note.isEmpty()) det.insert(QStringLiteral("note"), note);
    e.details = det;
    if (auto r2 = Ledger::append(m_db, e); !r2) return r2.error();
    if (auto st = tx.commit(); !st) { invalidateCaches(); return st; }
    return okStatus();
}

Status ReadingStore::configureSensor(const QString& sensorKey, int intervalS, double tempOffset, double rhOffset,
                                     const QString& actor) {
    if (intervalS < 1 || intervalS > 86400)
        return badInput(QStringLiteral("采样间隔必须在 1 秒到 1 天之间。"), QStringLiteral("The sampling interval must be between 1 second and 1 day."));
    if (std::fabs(tempOffset) > 10 || std::fabs(rhOffset) > 20)
        return badInput(QStringLiteral("校准偏差过大（温度 ≤ ±10 °C，湿度 ≤ ±20 %）。"),
                        QStringLiteral("Calibration offset too large (at most ±10 °C and ±20 % RH)."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    if (auto st = d->loadSensors(); !st) return st;
    auto s = d->ensureSensor(sensorKey.trimmed());
    if (!s) return s.error();
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("UPDATE sensors SET interval_s = ?, temp_offset = ?, rh_offset = ? WHERE id = ?"));
    q.addBindValue(intervalS);
    q.addBindValue(tempOffset);
    q.addBindValue(rhOffset);
    q.addBindValue(s->id);
    if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("configure sensor"));
    LedgerEntry e;
    e.actor = actor.isEmpty() ? QStringLiteral("archivectl") : actor;
    e.action = QStringLiteral("sensor.configure");
    e.subject = QStringLiteral("sensor:") + s->key;
    e.details = QJsonObject{{QStringLiteral("interval_s"), intervalS}, {QStringLiteral("temp_offset"), tempOffset},
                            {QStringLiteral("rh_offset"), rhOffset}};
    if (auto r = Ledger::append(m_db, e); !r) return r.error();
    if (auto st = tx.commit(); !st) return st;
    invalidateCaches();
    return okStatus();
}

Result<int> ReadingStore::checkSilence(qint64 nowMs) {
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun().error();
    auto n = d->alerts.checkSilence(nowMs > 0 ? nowMs : m_db.nowMs());
    if (!n) return n.error();
    if (auto st = tx.commit(); !st) return st.error();
    return n;
}

}  // namespace archive::db
