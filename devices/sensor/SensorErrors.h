#pragma once
// The sensor part's own error values (bilingual, telling the archivist what to do).

#include "common/Result.h"

namespace archive::sensor {

inline Error silentSensorError(const QString& id) {
    return makeError(QStringLiteral("sensor_silent"),
                     QStringLiteral("温湿度传感器 %1 没有应答。请检查它是否插好；如仍不行，请拔下后重新插入。").arg(id),
                     QStringLiteral("Climate sensor %1 does not answer. Check that it is plugged in; if it still "
                                    "fails, unplug it and plug it back in.").arg(id),
                     QStringLiteral("no reply within 500 ms, asked twice"));
}

inline Error garbageSensorError(const QString& id, const QString& detail) {
    return makeError(QStringLiteral("sensor_garbage"),
                     QStringLiteral("温湿度传感器 %1 返回了无法识别的数据。请拔下后重新插入；反复出现请更换传感器。").arg(id),
                     QStringLiteral("Climate sensor %1 sent data that cannot be understood. Unplug and replug it; if "
                                    "this keeps happening, replace the sensor.").arg(id),
                     detail);
}

inline Error unsupportedSensorError(const QString& detail) {
    return makeError(QStringLiteral("sensor_unsupported"),
                     QStringLiteral("不支持这种型号的温湿度传感器。请使用 PCsensor TEMPer 系列传感器，或联系管理员。"),
                     QStringLiteral("This climate sensor model is not supported. Use a PCsensor TEMPer sensor or call "
                                    "the administrator."),
                     detail);
}

inline Error notThisSensorError(const QString& wanted, const QString& found) {
    return makeError(QStringLiteral("sensor_other"),
                     QStringLiteral("这个接口上插的是另一个传感器（%1），不是 %2。").arg(found, wanted),
                     QStringLiteral("Another sensor (%1) is plugged in here, not %2.").arg(found, wanted),
                     QStringLiteral("wanted %1, found %2").arg(wanted, found));
}

inline Error notFoundSensorError(const QString& id) {
    return makeError(QStringLiteral("sensor_not_found"),
                     QStringLiteral("找不到传感器 %1。请用“archivectl sensors list”查看已连接的传感器。").arg(id),
                     QStringLiteral("Sensor %1 was not found. Run 'archivectl sensors list' to see the connected "
                                    "sensors.").arg(id));
}

}  // namespace archive::sensor
