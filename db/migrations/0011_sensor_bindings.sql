-- Sensor-to-room binding history (issue 5). sensors.room_id is the binding now; this table says which room
-- a sensor was bound to at any time, so readings are attributed to the room the sensor was in when they
-- were taken (room charts, metrics, daily tables, per-box history). [from_at, to_at), to_at NULL = current.
-- A sensor's first binding covers everything before it (from_at 0): readings stored before a sensor was
-- ever bound belong to its first room. db/env/ReadingStore keeps it up to date in bindSensor().
CREATE TABLE sensor_bindings (
    id {{id}},
    sensor_id BIGINT NOT NULL REFERENCES sensors(id),
    room_id BIGINT NOT NULL REFERENCES rooms(id),
    from_at BIGINT NOT NULL,
    to_at BIGINT,
    actor TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sensor_bindings_sensor ON sensor_bindings(sensor_id, from_at);
CREATE INDEX sensor_bindings_room ON sensor_bindings(room_id, from_at);

-- Bindings made before this migration: from the beginning.
INSERT INTO sensor_bindings(sensor_id, room_id, from_at, to_at, actor)
    SELECT id, room_id, 0, NULL, 'migration' FROM sensors WHERE room_id IS NOT NULL;
