-- Environment log (issue 5), SQLite form. Timestamps are BIGINT UTC milliseconds.
-- Readings are compact: integer centi-°C and centi-%RH keyed by (sensor, time) in a WITHOUT ROWID table,
-- so a reading costs one B-tree cell (~20 bytes). Hourly and daily rollups are kept up to date by
-- db/env/ReadingStore as readings arrive (also late and out-of-order ones).

-- Climate profiles (domain.md defaults), editable. t_swing / rh_swing are the allowed daily swing as ±,
-- i.e. the 24-hour range (max − min) may be at most 2 × swing.
CREATE TABLE climate_profiles (
    code TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    t_min REAL NOT NULL,
    t_max REAL NOT NULL,
    rh_min REAL NOT NULL,
    rh_max REAL NOT NULL,
    t_swing REAL NOT NULL,
    rh_swing REAL NOT NULL,
    min_duration_s INTEGER NOT NULL DEFAULT 900,
    t_hysteresis REAL NOT NULL DEFAULT 0.5,
    rh_hysteresis REAL NOT NULL DEFAULT 2.0,
    updated_at BIGINT NOT NULL DEFAULT 0
);
INSERT INTO climate_profiles(code, name_zh, name_en, t_min, t_max, rh_min, rh_max, t_swing, rh_swing)
    VALUES ('paper', '纸质档案库', 'Paper records', 14, 24, 45, 60, 2, 5);
INSERT INTO climate_profiles(code, name_zh, name_en, t_min, t_max, rh_min, rh_max, t_swing, rh_swing)
    VALUES ('special', '特藏库', 'Special collections', 14, 20, 45, 55, 2, 5);
INSERT INTO climate_profiles(code, name_zh, name_en, t_min, t_max, rh_min, rh_max, t_swing, rh_swing)
    VALUES ('av', '音像磁带库', 'Audio/video tape', 14, 24, 40, 60, 2, 5);
INSERT INTO climate_profiles(code, name_zh, name_en, t_min, t_max, rh_min, rh_max, t_swing, rh_swing)
    VALUES ('film', '胶片母片库', 'Film masters', 13, 15, 35, 45, 2, 5);

-- Sensors (contract in docs/contracts.md). kind: 'usb', 'sim', 'manual', 'other'.
CREATE TABLE sensors (
    id INTEGER PRIMARY KEY,
    sensor_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    room_id BIGINT REFERENCES rooms(id),
    interval_s INTEGER NOT NULL DEFAULT 60,
    temp_offset REAL NOT NULL DEFAULT 0,
    rh_offset REAL NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'usb',
    last_seen_at BIGINT,
    created_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sensors_room ON sensors(room_id);

-- t: centi-°C, rh: centi-%RH (NULL = not measured). flags: bit 0 manual, bit 1 external probe.
CREATE TABLE readings (
    sensor_id INTEGER NOT NULL,
    at BIGINT NOT NULL,
    t INTEGER,
    rh INTEGER,
    flags INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sensor_id, at)
) WITHOUT ROWID;

-- Who recorded a manual (wall hygrometer 温湿度计) reading.
CREATE TABLE manual_readings (
    sensor_id INTEGER NOT NULL,
    at BIGINT NOT NULL,
    recorded_by TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    entered_at BIGINT NOT NULL,
    PRIMARY KEY (sensor_id, at)
);

-- Rollups. Sums of centi values; dt_s = Σ Δt (s, capped at 2 × interval) over readings with both values;
-- inv_pi = Σ Δt/PI (s/years), mould = Σ Δt/days_to_mould (days/days), emc_dt = Σ EMC·Δt,
-- mech_bad_s / metal_ok_s / metal_risk_s = seconds with EMC outside 5–12.5 / in 7–10.5 / above 10.5.
CREATE TABLE readings_hourly (
    sensor_id INTEGER NOT NULL,
    hour BIGINT NOT NULL,
    n INTEGER NOT NULL,
    t_n INTEGER NOT NULL, t_sum INTEGER NOT NULL, t_min INTEGER, t_max INTEGER,
    rh_n INTEGER NOT NULL, rh_sum INTEGER NOT NULL, rh_min INTEGER, rh_max INTEGER,
    dt_s INTEGER NOT NULL, inv_pi REAL NOT NULL, mould REAL NOT NULL, emc_dt REAL NOT NULL,
    mech_bad_s INTEGER NOT NULL, metal_ok_s INTEGER NOT NULL, metal_risk_s INTEGER NOT NULL,
    PRIMARY KEY (sensor_id, hour)
) WITHOUT ROWID;

CREATE TABLE readings_daily (
    sensor_id INTEGER NOT NULL,
    day BIGINT NOT NULL,
    n INTEGER NOT NULL,
    t_n INTEGER NOT NULL, t_sum INTEGER NOT NULL, t_min INTEGER, t_max INTEGER,
    rh_n INTEGER NOT NULL, rh_sum INTEGER NOT NULL, rh_min INTEGER, rh_max INTEGER,
    dt_s INTEGER NOT NULL, inv_pi REAL NOT NULL, mould REAL NOT NULL, emc_dt REAL NOT NULL,
    mech_bad_s INTEGER NOT NULL, metal_ok_s INTEGER NOT NULL, metal_risk_s INTEGER NOT NULL,
    PRIMARY KEY (sensor_id, day)
) WITHOUT ROWID;

-- Excursions and silent sensors. kind: temp_high, temp_low, rh_high, rh_low, temp_swing, rh_swing, silence.
-- end_at NULL = still going on. peak: the worst value (°C, %RH, swing range, or minutes without a reading).
CREATE TABLE env_alerts (
    id INTEGER PRIMARY KEY,
    room_id BIGINT REFERENCES rooms(id),
    sensor_id BIGINT REFERENCES sensors(id),
    kind TEXT NOT NULL,
    start_at BIGINT NOT NULL,
    end_at BIGINT,
    peak REAL,
    peak_at BIGINT,
    limit_value REAL,
    late INTEGER NOT NULL DEFAULT 0,
    ack_at BIGINT,
    ack_by TEXT,
    ack_action TEXT,
    ledger_seq BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX env_alerts_room ON env_alerts(room_id, start_at);
CREATE INDEX env_alerts_sensor ON env_alerts(sensor_id, start_at);
CREATE INDEX env_alerts_open ON env_alerts(end_at) WHERE end_at IS NULL;
