#include "SessionController.h"

#include "Convert.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "db/Books.h"

#include <QEvent>

namespace archive::kiosk {

namespace {
struct LoginInfo {
    db::PersonInfo person;
    int overdue = 0;
};
}  // namespace

SessionController::SessionController(DbService* db, FeedbackController* feedback, QObject* parent)
    : QObject(parent), m_db(db), m_feedback(feedback) {
    m_idle.setSingleShot(true);
    m_idle.setInterval(60000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_stage == QLatin1String("idle")) return;
        m_countdown = countdownSeconds;
        emit countdownChanged();
        m_tick.start();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SessionController::tick);
}

bool SessionController::isStaff() const {
    const QStringList r = roles();
    return r.contains(QStringLiteral("archivist")) || r.contains(QStringLiteral("head")) ||
           r.contains(QStringLiteral("admin"));
}

void SessionController::setIdleTimeoutMs(int ms) {
    if (ms == m_idle.interval() || ms <= 0) return;
    m_idle.setInterval(ms);
    if (m_idle.isActive()) m_idle.start();
    emit idleTimeoutChanged();
}

void SessionController::setSection(const QString& s) {
    if (s == m_section || !m_sections.contains(s)) return;
    m_section = s;
    emit sectionChanged();
}

void SessionController::setStage(const QString& s) {
    if (s == m_stage) return;
    m_stage = s;
    emit stageChanged();
}

void SessionController::setBusy(bool b) {
    if (b == m_busy) return;
    m_busy = b;
    emit busyChanged();
}

void SessionController::setPinMessage(const QString& zh, const QString& en) {
    m_pinZh = zh;
    m_pinEn = en;
    emit pinMessageChanged();
}

void SessionController::cardScanned(const QString& card) {
    if (m_stage == QLatin1String("active")) logout();
    touch();
    setBusy(true);
    m_db->run<LoginInfo>(
        this,
        [card](db::Database& d) -> Result<LoginInfo> {
            db::Books books(d);
            auto p = books.person(card);
            if (!p) return p.error();
            LoginInfo info{p.value(), 0};
            if (auto loans = books.loansOf(card, true))
                for (const auto& l : loans.value()) info.overdue += l.overdue ? 1 : 0;
            return info;
        },
        [this, card](Result<LoginInfo> r) {
            setBusy(false);
            if (!r) {
                m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
                return;
            }
            const db::PersonInfo& p = r->person;
            if (!p.active) {
                m_feedback->show(QStringLiteral("error"), QStringLiteral("此借阅证已停用，请到档案室咨询。"),
                                 QStringLiteral("This card is no longer active. Please ask at the archive desk."));
                return;
            }
            m_pendingCard = card;
            m_pendingPerson = toMap(p);
            m_pendingOverdue = r->overdue;
            const bool staffLike = p.isStaff() || p.hasRole(QStringLiteral("leader")) ||
                                   p.hasRole(QStringLiteral("manager"));
            if (staffLike && !p.hasPin) {
                m_feedback->show(QStringLiteral("error"),
                                 QStringLiteral("工作证尚未设置密码，请管理员用 archivectl 设置后再登录。"),
                                 QStringLiteral("This staff card has no PIN yet. Ask the administrator to set one with archivectl."));
                return;
            }
            if (staffLike || p.hasPin) {
                setPinMessage(QStringLiteral("请输入密码"), QStringLiteral("Enter your PIN"));
                setStage(QStringLiteral("pin"));
            } else {
                activate();
            }
        });
}

void SessionController::submitPin(const QString& pin) {
    if (m_stage != QLatin1String("pin") || m_busy) return;
    touch();
    if (pin.isEmpty()) {
        setPinMessage(QStringLiteral("请输入密码后按确定"), QStringLiteral("Type your PIN, then press OK"));
        return;
    }
    setBusy(true);
    const QString card = m_pendingCard;
    m_db->run<Unit>(
        this, [card, pin](db::Database& d) -> Status { return db::Books(d).verifyPin(card, pin); },
        [this](Status st) {
            setBusy(false);
            if (st) {
                activate();
                return;
            }
            setPinMessage(st.error().messageZh, st.error().messageEn);
            m_feedback->show(QStringLiteral("error"), st.error().messageZh, st.error().messageEn);
            if (st.error().code == QLatin1String("pin_locked")) {
                setStage(QStringLiteral("idle"));
                m_pendingCard.clear();
            }
        });
}

void SessionController::cancelPin() {
    m_pendingCard.clear();
    setStage(QStringLiteral("idle"));
}

void SessionController::activate() {
    m_person = m_pendingPerson;
    m_overdue = m_pendingOverdue;
    const QStringList r = roles();
    m_sections.clear();
    if (isStaff()) m_sections << QStringLiteral("staff");
    if (r.contains(QStringLiteral("head")) || r.contains(QStringLiteral("leader")) ||
        r.contains(QStringLiteral("archivist")))
        m_sections << QStringLiteral("approver");
    if (r.contains(QStringLiteral("manager")) || r.contains(QStringLiteral("head")) || r.contains(QStringLiteral("admin")))
        m_sections << QStringLiteral("manager");
    m_sections << QStringLiteral("borrower");
    if (r.contains(QStringLiteral("admin"))) m_sections << QStringLiteral("admin");
    m_section = m_sections.first();
    emit personChanged();
    emit sectionChanged();
    setStage(QStringLiteral("active"));
    touch();
    const QString name = m_person.value(QStringLiteral("name")).toString();
    if (m_overdue > 0)
        m_feedback->show(QStringLiteral("warn"),
                         QStringLiteral("%1，您有 %2 件逾期未还，归还前不能再借。").arg(name).arg(m_overdue),
                         QStringLiteral("%1, you have %2 overdue loan(s); return them before borrowing more.")
                             .arg(name).arg(m_overdue));
    else
        m_feedback->show(QStringLiteral("ok"), QStringLiteral("欢迎，%1").arg(name), QStringLiteral("Welcome, %1").arg(name));
    emit loggedIn();
}

void SessionController::logout() {
    m_tick.stop();
    m_idle.stop();
    if (m_countdown) {
        m_countdown = 0;
        emit countdownChanged();
    }
    m_pendingCard.clear();
    m_pendingPerson.clear();
    const bool was = m_stage == QLatin1String("active");
    m_person.clear();
    m_sections.clear();
    m_section.clear();
    m_overdue = 0;
    emit personChanged();
    emit sectionChanged();
    setStage(QStringLiteral("idle"));
    if (was) emit loggedOut();
}

void SessionController::touch() {
    if (m_countdown) {
        m_tick.stop();
        m_countdown = 0;
        emit countdownChanged();
    }
    if (m_stage != QLatin1String("idle")) m_idle.start();
}

void SessionController::tick() {
    if (--m_countdown <= 0) {
        m_countdown = 0;
        logout();
        m_feedback->show(QStringLiteral("info"), QStringLiteral("长时间无操作，已自动退出"),
                         QStringLiteral("Logged out after inactivity"));
        return;
    }
    emit countdownChanged();
}

bool SessionController::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        if (m_stage != QLatin1String("idle")) touch();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace archive::kiosk
