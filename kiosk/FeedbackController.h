#pragma once
// The large, unmistakable answer to every scan or action: a colour (ok / warn / error / info), big text in
// both languages and a short sound. `serial` increments on every show so QML restarts its animation.

#include <QElapsedTimer>
#include <QObject>
#include <memory>

class QSoundEffect;

namespace archive::kiosk {

class FeedbackController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
    Q_PROPERTY(QString textZh READ textZh NOTIFY changed)
    Q_PROPERTY(QString textEn READ textEn NOTIFY changed)
    Q_PROPERTY(QString detailZh READ detailZh NOTIFY changed)
    Q_PROPERTY(QString detailEn READ detailEn NOTIFY changed)
    Q_PROPERTY(int serial READ serial NOTIFY changed)
    Q_PROPERTY(bool visible READ visible NOTIFY changed)
public:
    explicit FeedbackController(QObject* parent = nullptr);
    ~FeedbackController() override;

    QString kind() const { return m_kind; }
    QString textZh() const { return m_zh; }
    QString textEn() const { return m_en; }
    QString detailZh() const { return m_detailZh; }
    QString detailEn() const { return m_detailEn; }
    int serial() const { return m_serial; }
    bool visible() const { return m_visible; }

    void setMuted(bool m) { m_muted = m; }
    // kind: "ok", "warn", "error", "info".
    void show(const QString& kind, const QString& zh, const QString& en, const QString& detailZh = {},
              const QString& detailEn = {});
    Q_INVOKABLE void dismiss();

signals:
    void changed();
    void shown(const QString& kind, const QString& zh, const QString& en);

private:
    void play(const QString& kind);

    QString m_kind = QStringLiteral("info"), m_zh, m_en, m_detailZh, m_detailEn;
    int m_serial = 0;
    bool m_visible = false;
    bool m_muted = false;
    QSoundEffect* m_okSound = nullptr;
    QSoundEffect* m_errorSound = nullptr;
};

}  // namespace archive::kiosk
