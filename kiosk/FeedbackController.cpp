#include "FeedbackController.h"

#include <QSoundEffect>
#include <QUrl>

namespace archive::kiosk {

FeedbackController::FeedbackController(QObject* parent) : QObject(parent) {}
FeedbackController::~FeedbackController() = default;

void FeedbackController::show(const QString& kind, const QString& zh, const QString& en, const QString& detailZh,
                              const QString& detailEn) {
    m_kind = kind;
    m_zh = zh;
    m_en = en;
    m_detailZh = detailZh;
    m_detailEn = detailEn;
    m_visible = true;
    ++m_serial;
    emit changed();
    emit shown(kind, zh, en);
    play(kind);
}

void FeedbackController::dismiss() {
    if (!m_visible) return;
    m_visible = false;
    emit changed();
}

void FeedbackController::play(const QString& kind) {
    if (m_muted || kind == QLatin1String("info")) return;
    // QSoundEffect fails quietly when there is no audio device; nothing here may block or throw.
    QSoundEffect*& fx = kind == QLatin1String("ok") ? m_okSound : m_errorSound;
    if (!fx) {
        fx = new QSoundEffect(this);
        fx->setSource(QUrl(kind == QLatin1String("ok") ? QStringLiteral("qrc:/Kiosk/sounds/ok.wav")
                                                        : QStringLiteral("qrc:/Kiosk/sounds/error.wav")));
        fx->setVolume(0.8f);
    }
    fx->play();
}

}  // namespace archive::kiosk
