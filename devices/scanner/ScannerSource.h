#pragma once
// The one small scanner interface: every source (keyboard wedge, evdev, HID POS, camera, simulation)
// emits scanned(Scan) for a good read and rejected(ScanRejection) for a read it had to drop, and keeps a
// human-readable status ("HID POS scanner ready", "no camera present", …) in Chinese and English.

#include "devices/scanner/Scan.h"

#include <QObject>

namespace archive::scanner {

class ScannerSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    QString status() const { return m_status; }  // "中文 — English"

signals:
    void scanned(const archive::scanner::Scan& scan);
    void rejected(const archive::scanner::ScanRejection& rejection);
    void statusChanged(const QString& status);

protected:
    void setStatus(const QString& zh, const QString& en) {
        const QString s = zh + QStringLiteral(" — ") + en;
        if (s == m_status) return;
        m_status = s;
        emit statusChanged(m_status);
    }

private:
    QString m_status;
};

}  // namespace archive::scanner
