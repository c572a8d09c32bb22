#include "EnvQueries.h"

#include "Alerts.h"
#include "RollupStore.h"
#include "db/Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace archive::db::env {

namespace {
Error dbErr(const QSqlQuery& q, const char* what) { return sqlError(q.lastError(), QString::fromLatin1(what)); }
Error badRange() {
    return makeError(QStringLiteral("bad_input"), QStringLiteral("结束时间必须晚于开始时间。"),
                     QStringLiteral("The end must be after the start."));
}
QString idList(const QList<qint64>& ids) {
    QStringList s;
    for (qint64 i : ids) s << QString::number(i);
    return s.join(QLatin1Char(','));
}
double c2(qint32 v) { return v == kNoValue ? NAN : v / 100.0; }
qint64 ceilTo(qint64 v, qint64 unit) { return floorTo(v + unit - 1, unit); }

// Union length of intervals clipped to [from, to).
qint64 unionLength(QList<QPair<qint64, qint64>> iv, qint64 from, qint64 to) {
    std::sort(iv.begin(), iv.end());
    qint64 total = 0, curS = 0, curE = 0;
    bool has = false;
    for (auto [s, e] : iv) {
        s = qMax(s, from);
        e = qMin(e, to);
        if (e <= s) continue;
        if (has && s <= curE) { curE = qMax(curE, e); continue; }
        if (has) total += curE - curS;
        curS = s; curE = e; has = true;
    }
    if (has) total += curE - curS;
    return total;
}
}  // namespace

Result<QList<qint64>> EnvQueries::roomSensorIds(qint64 roomId) {
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT id, kind FROM sensors WHERE room_id = ? ORDER BY id"));
    q.addBindValue(roomId);
    if (!q.exec()) return dbErr(q, "room sensors");
    QList<qint64> autoIds, manualIds;
    while (q.next()) (q.value(1).toString() == QLatin1String("manual") ? manualIds : autoIds) << q.value(0).toLongLong();
    return autoIds.isEmpty() ? manualIds : autoIds;
}

Result<QList<SensorSpan>> EnvQueries::roomSensorSpans(qint64 roomId, qint64 from, qint64 to) {
    QSqlQuery q(m_db.sql());
    // Sensors with a room but no binding rows (written by hand, or before 0011's backfill): bound throughout.
    q.prepare(QStringLiteral(
        "SELECT b.sensor_id, s.kind, b.from_at, b.to_at FROM sensor_bindings b JOIN sensors s ON s.id = b.sensor_id "
        "WHERE b.room_id = ? AND b.from_at < ? AND (b.to_at IS NULL OR b.to_at > ?) "
        "UNION ALL SELECT s.id, s.kind, 0, NULL FROM sensors s WHERE s.room_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM sensor_bindings x WHERE x.sensor_id = s.id) ORDER BY 1, 3"));
    q.addBindValue(roomId);
    q.addBindValue(to);
    q.addBindValue(from);
    q.addBindValue(roomId);
    if (!q.exec()) return dbErr(q, "room sensor bindings");
    QList<SensorSpan> autoSpans, manualSpans;
    while (q.next()) {
        SensorSpan sp;
        sp.sensorId = q.value(0).toLongLong();
        sp.from = q.value(2).toLongLong();
        sp.to = q.value(3).isNull() ? SensorSpan::kForever : q.value(3).toLongLong();
        (q.value(1).toString() == QLatin1String("manual") ? manualSpans : autoSpans) << sp;
    }
    return autoSpans.isEmpty() ? manualSpans : autoSpans;
}

namespace {
QList<qint64> spanIds(const QList<SensorSpan>& spans) {
    QList<qint64> ids;
    for (const SensorSpan& sp : spans)
        if (!ids.contains(sp.sensorId)) ids << sp.sensorId;
    return ids;
}
// "(sensor_id = 3 AND at >= 0 AND at < 9) OR …": each span's rows of a table keyed by `key`, the span's
// ends rounded up to `unit` (a bucket belongs to the binding in force at its start). Values are integers.
QString spanWhere(const QList<SensorSpan>& spans, const QString& key, qint64 unit) {
    QStringList parts;
    for (const SensorSpan& sp : spans)
        parts << QStringLiteral("(sensor_id = %1 AND %2 >= %3 AND %2 < %4)")
                     .arg(sp.sensorId).arg(key).arg(ceilTo(sp.from, unit)).arg(ceilTo(sp.to, unit));
    return parts.isEmpty() ? QStringLiteral("0 = 1") : QStringLiteral("(") + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}
}  // namespace

Result<ChartSeries> EnvQueries::chart(qint64 roomId, qint64 from, qint64 to, int maxPoints) {
    if (to <= from) return badRange();
    maxPoints = std::clamp(maxPoints, 10, 100000);
    auto spans = roomSensorSpans(roomId, from, to);
    if (!spans) return spans.error();
    const QList<qint64> idsNow = spanIds(*spans);
    const QList<qint64>* ids = &idsNow;
    ChartSeries out;
    out.from = from;
    out.to = to;
    const qint64 span = to - from;
    qint64 want = (span + maxPoints - 1) / maxPoints;
    if (!ids->isEmpty()) {  // buckets finer than the sampling interval would only be empty
        QSqlQuery iq(m_db.sql());
        if (iq.exec(QStringLiteral("SELECT min(interval_s) FROM sensors WHERE id IN (%1)").arg(idList(*ids))) && iq.next())
            want = qMax(want, iq.value(0).toLongLong() * 1000);
    }
    qint64 unit;
    QString table, key;
    if (want <= kHourMs) {
        out.source = QStringLiteral("raw");
        unit = want >= 60000 ? 60000 : 1000;
        table = QStringLiteral("readings");
        key = QStringLiteral("at");
    } else if (want <= kDayMs) {
        out.source = QStringLiteral("hourly");
        unit = kHourMs;
        table = QStringLiteral("readings_hourly");
        key = QStringLiteral("hour");
    } else {
        out.source = QStringLiteral("daily");
        unit = kDayMs;
        table = QStringLiteral("readings_daily");
        key = QStringLiteral("day");
    }
    const qint64 base = floorTo(from, unit);
    qint64 bucket = ceilTo(qMax<qint64>(want, 1), unit);
    while ((to - base + bucket - 1) / bucket > maxPoints) bucket += unit;
    out.bucketMs = bucket;
    if (ids->isEmpty()) return out;
    if (out.source != QLatin1String("raw")) {
        // Rollup rows are read in primary-key order per sensor and bucketed here (no temp B-tree for a GROUP BY).
        const qint64 nb = (to - base + bucket - 1) / bucket;
        struct Acc { qint64 n = 0, tn = 0, ts = 0, rn = 0, rs = 0; qint32 tmin = kNoValue, tmax = kNoValue, rmin = kNoValue, rmax = kNoValue; };
        std::vector<Acc> acc(size_t(qMax<qint64>(nb, 0)));
        QSqlQuery q(m_db.sql());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1, n, t_n, t_sum, t_min, t_max, rh_n, rh_sum, rh_min, rh_max FROM %2 "
                                 "WHERE sensor_id = ? AND %1 >= ? AND %1 < ?").arg(key, table));
        for (const SensorSpan& sp : *spans) {
            const qint64 lo = qMax(base, ceilTo(sp.from, unit)), hi = qMin(to, ceilTo(sp.to, unit));
            if (hi <= lo) continue;
            q.bindValue(0, sp.sensorId);
            q.bindValue(1, lo);
            q.bindValue(2, hi);
            if (!q.exec()) return dbErr(q, "chart series");
            while (q.next()) {
                const qint64 b = (q.value(0).toLongLong() - base) / bucket;
                if (b < 0 || b >= nb) continue;
                Acc& a = acc[size_t(b)];
                a.n += q.value(1).toLongLong();
                a.tn += q.value(2).toLongLong();
                a.ts += q.value(3).toLongLong();
                a.rn += q.value(6).toLongLong();
                a.rs += q.value(7).toLongLong();
                auto lo = [](qint32& m, const QVariant& v) { if (!v.isNull()) { const qint32 x = v.toInt(); if (m == kNoValue || x < m) m = x; } };
                auto hi = [](qint32& m, const QVariant& v) { if (!v.isNull()) { const qint32 x = v.toInt(); if (m == kNoValue || x > m) m = x; } };
                lo(a.tmin, q.value(4));
                hi(a.tmax, q.value(5));
                lo(a.rmin, q.value(8));
                hi(a.rmax, q.value(9));
            }
            q.finish();
        }
        for (qint64 b = 0; b < nb; ++b) {
            const Acc& a = acc[size_t(b)];
            if (!a.n) continue;
            ChartPoint p;
            p.atMs = base + b * bucket;
            p.n = int(a.n);
            if (a.tn) { p.tMean = a.ts / 100.0 / double(a.tn); p.tMin = c2(a.tmin); p.tMax = c2(a.tmax); }
            if (a.rn) { p.rhMean = a.rs / 100.0 / double(a.rn); p.rhMin = c2(a.rmin); p.rhMax = c2(a.rmax); }
            out.points << p;
        }
        return out;
    }
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT (at - ?) / ? AS b, count(*), count(t), sum(t), min(t), max(t), count(rh), sum(rh), min(rh), max(rh) "
                             "FROM readings WHERE %1 AND at >= ? AND at < ? GROUP BY b ORDER BY b").arg(spanWhere(*spans, QStringLiteral("at"), 1)));
    q.addBindValue(base);
    q.addBindValue(bucket);
    q.addBindValue(from);
    q.addBindValue(to);
    if (!q.exec()) return dbErr(q, "chart series");
    while (q.next()) {
        ChartPoint p;
        p.atMs = base + q.value(0).toLongLong() * bucket;
        p.n = q.value(1).toInt();
        const qint64 tn = q.value(2).toLongLong(), rn = q.value(6).toLongLong();
        if (tn) {
            p.tMean = q.value(3).toDouble() / 100.0 / double(tn);
            p.tMin = q.value(4).toDouble() / 100.0;
            p.tMax = q.value(5).toDouble() / 100.0;
        }
        if (rn) {
            p.rhMean = q.value(7).toDouble() / 100.0 / double(rn);
            p.rhMin = q.value(8).toDouble() / 100.0;
            p.rhMax = q.value(9).toDouble() / 100.0;
        }
        out.points << p;
    }
    return out;
}

Result<RollupAgg> EnvQueries::sumHourly(const QList<SensorSpan>& spans, qint64 from, qint64 to) {
    // Spans with the same clipped hours are summed together (usually all of a room's sensors).
    std::map<std::pair<qint64, qint64>, QList<qint64>> groups;
    for (const SensorSpan& sp : spans) {
        const qint64 a = qMax(from, ceilTo(sp.from, kHourMs)), b = qMin(to, ceilTo(sp.to, kHourMs));
        if (b > a) groups[{a, b}] << sp.sensorId;
    }
    RollupAgg total;
    for (const auto& [range, ids] : groups) {
        auto part = sumHourly(ids, range.first, range.second);
        if (!part) return part.error();
        total.merge(*part);
    }
    return total;
}

Result<RollupAgg> EnvQueries::sumHourly(const QList<qint64>& ids, qint64 from, qint64 to) {
    if (ids.isEmpty() || to <= from) return RollupAgg{};
    // Whole UTC days from the daily rollups, the hours at either end from the hourly ones.
    const qint64 d0 = ceilTo(from, kDayMs), d1 = floorTo(to, kDayMs);
    RollupAgg total;
    auto add = [&](const QString& table, const QString& key, qint64 a, qint64 b) -> Status {
        if (b <= a) return okStatus();
        QSqlQuery q(m_db.sql());
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE sensor_id IN (%3) AND %4 >= ? AND %4 < ?")
                      .arg(QLatin1String(RollupStore::sumColumns()), table, idList(ids), key));
        q.addBindValue(a);
        q.addBindValue(b);
        if (!q.exec() || !q.next()) return dbErr(q, "window metrics");
        total.merge(RollupStore::fromQuery(q, 0));
        return okStatus();
    };
    if (d1 > d0) {
        if (auto st = add(QStringLiteral("readings_hourly"), QStringLiteral("hour"), from, d0); !st) return st.error();
        if (auto st = add(QStringLiteral("readings_daily"), QStringLiteral("day"), d0, d1); !st) return st.error();
        if (auto st = add(QStringLiteral("readings_hourly"), QStringLiteral("hour"), d1, to); !st) return st.error();
    } else if (auto st = add(QStringLiteral("readings_hourly"), QStringLiteral("hour"), from, to); !st) {
        return st.error();
    }
    return total;
}

WindowMetrics EnvQueries::metricsFrom(const RollupAgg& a, qint64 from, qint64 to) {
    WindowMetrics m;
    m.from = from;
    m.to = to;
    m.agg = a;
    m.twpi = a.twpi();
    m.meanT = a.meanT();
    m.meanRh = a.meanRh();
    m.minT = c2(a.tMin);
    m.maxT = c2(a.tMax);
    m.minRh = c2(a.rhMin);
    m.maxRh = c2(a.rhMax);
    m.meanEmc = a.meanEmc();
    if (!std::isnan(m.meanT) && !std::isnan(m.meanRh)) m.dewPoint = dewPoint(m.meanT, m.meanRh);
    m.mouldRisk = a.mould;
    if (!std::isnan(m.twpi)) m.twpiBand = twpiBand(m.twpi);
    if (!std::isnan(m.meanEmc)) {
        m.metalBand = metalCorrosionBand(m.meanEmc);
        m.mechanicalOk = mechanicalDamageOk(m.meanEmc);
    }
    m.hoursMeasured = a.dtS / 3600.0;
    m.hoursMechBad = a.mechBadS / 3600.0;
    m.hoursMetalRisk = a.metalRiskS / 3600.0;
    return m;
}

Result<WindowMetrics> EnvQueries::metrics(qint64 roomId, qint64 from, qint64 to) {
    if (to <= from) return badRange();
    auto spans = roomSensorSpans(roomId, floorTo(from, kHourMs), ceilTo(to, kHourMs));
    if (!spans) return spans.error();
    auto a = sumHourly(*spans, floorTo(from, kHourMs), ceilTo(to, kHourMs));
    if (!a) return a.error();
    return metricsFrom(*a, from, to);
}

Result<QList<DailyRow>> EnvQueries::daily(qint64 roomId, qint64 from, qint64 to) {
    if (to <= from) return badRange();
    auto spans = roomSensorSpans(roomId, floorTo(from, kHourMs), to);
    if (!spans) return spans.error();
    QList<DailyRow> out;
    if (spans->isEmpty()) return out;
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT hour, %1 FROM readings_hourly WHERE %2 AND hour >= ? AND hour < ? GROUP BY hour ORDER BY hour")
                  .arg(QLatin1String(RollupStore::sumColumns()), spanWhere(*spans, QStringLiteral("hour"), kHourMs)));
    q.addBindValue(floorTo(from, kHourMs));
    q.addBindValue(to);
    if (!q.exec()) return dbErr(q, "daily table");
    while (q.next()) {
        const QDate d = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong()).date();
        if (out.isEmpty() || out.last().day != d) out << DailyRow{d, RollupAgg{}};
        out.last().agg.merge(RollupStore::fromQuery(q, 1));
    }
    return out;
}

Result<QList<RoomSummary>> EnvQueries::rooms() {
    QSqlQuery q(m_db.sql());
    if (!q.exec(QStringLiteral("SELECT id, code, name, climate_profile FROM rooms ORDER BY code")))
        return dbErr(q, "list rooms");
    QList<RoomSummary> out;
    while (q.next()) {
        RoomSummary s;
        s.room = RoomRef{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()};
        out << s;
    }
    for (RoomSummary& s : out) {
        auto p = ClimateProfiles::forRoom(m_db, s.room.id);
        if (!p) return p.error();
        s.profile = *p;
        QSqlQuery sq(m_db.sql());
        sq.prepare(QStringLiteral("SELECT id, sensor_key, COALESCE(last_seen_at, 0) FROM sensors WHERE room_id = ? ORDER BY sensor_key"));
        sq.addBindValue(s.room.id);
        if (!sq.exec()) return dbErr(sq, "room sensors");
        qint64 bestId = 0;
        while (sq.next()) {
            s.sensorKeys << sq.value(1).toString();
            if (sq.value(2).toLongLong() > s.lastAt) { s.lastAt = sq.value(2).toLongLong(); bestId = sq.value(0).toLongLong(); }
        }
        if (bestId) {
            QSqlQuery r(m_db.sql());
            r.prepare(QStringLiteral("SELECT t, rh FROM readings WHERE sensor_id = ? AND at = ?"));
            r.addBindValue(bestId);
            r.addBindValue(s.lastAt);
            if (!r.exec()) return dbErr(r, "latest reading");
            if (r.next()) {
                if (!r.value(0).isNull()) s.lastT = r.value(0).toInt() / 100.0;
                if (!r.value(1).isNull()) s.lastRh = r.value(1).toInt() / 100.0;
            }
        }
        QSqlQuery a(m_db.sql());
        a.prepare(QStringLiteral("SELECT count(*) FROM env_alerts WHERE room_id = ? AND end_at IS NULL"));
        a.addBindValue(s.room.id);
        if (!a.exec() || !a.next()) return dbErr(a, "open alerts");
        s.openAlerts = a.value(0).toInt();
    }
    return out;
}

Result<double> EnvQueries::hoursOutOfRange(qint64 roomId, qint64 from, qint64 to) {
    QSqlQuery q(m_db.sql());
    q.prepare(QStringLiteral("SELECT start_at, COALESCE(end_at, ?) FROM env_alerts WHERE room_id = ? AND kind IN "
                             "('temp_high','temp_low','rh_high','rh_low') AND start_at < ? AND (end_at IS NULL OR end_at > ?)"));
    q.addBindValue(m_db.nowMs());
    q.addBindValue(roomId);
    q.addBindValue(to);
    q.addBindValue(from);
    if (!q.exec()) return dbErr(q, "excursions of a room");
    QList<QPair<qint64, qint64>> iv;
    while (q.next()) iv << qMakePair(q.value(0).toLongLong(), q.value(1).toLongLong());
    return unionLength(iv, from, to) / 3600000.0;
}

Result<BoxEnvironment> EnvQueries::boxHistory(const QString& boxRef, qint64 from, qint64 to) {
    BoxEnvironment out;
    QSqlQuery b(m_db.sql());
    b.prepare(QStringLiteral("SELECT id, barcode, location_id, created_at FROM boxes WHERE barcode = ? OR CAST(id AS TEXT) = ?"));
    b.addBindValue(boxRef.trimmed());
    b.addBindValue(boxRef.trimmed());
    if (!b.exec()) return dbErr(b, "find box");
    if (!b.next())
        return makeError(QStringLiteral("not_found"), QStringLiteral("找不到档案盒“%1”。请扫描盒脊条码。").arg(boxRef),
                         QStringLiteral("No box \"%1\". Scan the barcode on the box spine.").arg(boxRef));
    out.boxId = b.value(0).toLongLong();
    out.barcode = b.value(1).toString();
    const qint64 currentLoc = b.value(2).toLongLong();
    const qint64 created = b.value(3).toLongLong();
    const qint64 now = m_db.nowMs();
    out.to = to > 0 ? to : now;

    // Location timeline from box_moves: [at_i, at_{i+1}) at to_location_i.
    struct Seg { qint64 from, to, loc; };
    QList<Seg> segs;
    QSqlQuery m(m_db.sql());
    m.prepare(QStringLiteral("SELECT COALESCE(from_location_id, 0), COALESCE(to_location_id, 0), at FROM box_moves WHERE box_id = ? ORDER BY at, id"));
    m.addBindValue(out.boxId);
    if (!m.exec()) return dbErr(m, "box moves");
    qint64 firstAt = 0, firstFrom = 0;
    while (m.next()) {
        const qint64 at = m.value(2).toLongLong();
        if (segs.isEmpty()) { firstAt = at; firstFrom = m.value(0).toLongLong(); }
        else segs.last().to = at;
        segs << Seg{at, out.to, m.value(1).toLongLong()};
    }
    // Whole-box loans: the box is out of its room.
    QList<QPair<qint64, qint64>> loans;
    QSqlQuery l(m_db.sql());
    l.prepare(QStringLiteral("SELECT out_at, COALESCE(returned_at, ?) FROM loans WHERE box_id = ? AND item_id IS NULL ORDER BY out_at"));
    l.addBindValue(now);
    l.addBindValue(out.boxId);
    if (!l.exec()) return dbErr(l, "box loans");
    while (l.next()) loans << qMakePair(l.value(0).toLongLong(), l.value(1).toLongLong());
    // The box's recorded life starts at the earliest of its creation, first move and first loan.
    qint64 start = 0;
    for (qint64 t : {created, firstAt, loans.isEmpty() ? qint64(0) : loans.first().first})
        if (t > 0 && (start == 0 || t < start)) start = t;
    if (segs.isEmpty()) {
        if (start > 0) segs << Seg{start, out.to, currentLoc};
    } else if (firstFrom && start < firstAt) {
        segs.prepend(Seg{start, firstAt, firstFrom});
    }
    out.from = from > 0 ? from : (segs.isEmpty() ? out.to : segs.first().from);
    if (out.to <= out.from) return out;

    out.hoursOnLoan = unionLength(loans, out.from, out.to) / 3600000.0;

    QHash<qint64, RoomRef> roomOfLoc;
    for (const Seg& s : segs) {
        const qint64 a = qMax(s.from, out.from), e = qMin(s.to, out.to);
        if (e <= a || !s.loc) continue;
        if (!roomOfLoc.contains(s.loc)) {
            QSqlQuery r(m_db.sql());
            r.prepare(QStringLiteral("SELECT r.id, r.code, r.name, r.climate_profile FROM locations l JOIN rooms r ON r.id = l.room_id WHERE l.id = ?"));
            r.addBindValue(s.loc);
            if (!r.exec()) return dbErr(r, "location room");
            roomOfLoc.insert(s.loc, r.next() ? RoomRef{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString()} : RoomRef{});
        }
        const RoomRef room = roomOfLoc.value(s.loc);
        if (!room.id) continue;
        // cut the loans out of [a, e)
        QList<QPair<qint64, qint64>> pieces{{a, e}};
        for (const auto& ln : loans) {
            QList<QPair<qint64, qint64>> next;
            for (const auto& p : pieces) {
                if (ln.second <= p.first || ln.first >= p.second) { next << p; continue; }
                if (ln.first > p.first) next << qMakePair(p.first, ln.first);
                if (ln.second < p.second) next << qMakePair(ln.second, p.second);
            }
            pieces = next;
        }
        for (const auto& p : pieces) {
            auto spans = roomSensorSpans(room.id, floorTo(p.first, kHourMs), ceilTo(p.second, kHourMs));
            if (!spans) return spans.error();
            BoxStay st;
            st.roomId = room.id;
            st.roomCode = room.code;
            st.roomName = room.name;
            st.from = p.first;
            st.to = p.second;
            auto agg = sumHourly(*spans, floorTo(p.first, kHourMs), ceilTo(p.second, kHourMs));
            if (!agg) return agg.error();
            st.agg = *agg;
            auto oor = hoursOutOfRange(room.id, p.first, p.second);
            if (!oor) return oor.error();
            st.hoursOutOfRange = *oor;
            out.inRooms.merge(st.agg);
            out.hoursInRooms += (p.second - p.first) / 3600000.0;
            out.hoursOutOfRange += st.hoursOutOfRange;
            out.stays << st;
        }
    }
    out.twpi = out.inRooms.twpi();
    out.hoursUnknown = qMax(0.0, (out.to - out.from) / 3600000.0 - out.hoursInRooms - out.hoursOnLoan);
    return out;
}

}  // namespace archive::db::env
