#include "ScriptRunner.h"

#include "DbService.h"
#include "FeedbackController.h"
#include "LanguageController.h"
#include "SessionController.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace archive::kiosk {

ScriptRunner::ScriptRunner(QQuickWindow* window, DbService* db, FeedbackController* feedback,
                           SessionController* session, LanguageController* language, QObject* parent)
    : QObject(parent), m_window(window), m_db(db), m_feedback(feedback), m_session(session), m_language(language) {
    m_clock.start();
    connect(m_feedback, &FeedbackController::shown, this, [this] {
        if (m_scanSentAt >= 0) m_waitFrame = true;
    });
    connect(m_window, &QQuickWindow::frameSwapped, this, [this] {
        if (!m_waitFrame) return;
        m_waitFrame = false;
        m_latencies << double(m_clock.elapsed() - m_scanSentAt);
        m_scanSentAt = -1;
    }, Qt::DirectConnection);
}

bool ScriptRunner::load(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read script %1: %2").arg(path, f.errorString());
        return false;
    }
    m_lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    return true;
}

void ScriptRunner::start() { QTimer::singleShot(0, this, &ScriptRunner::next); }

void ScriptRunner::fail(const QString& why) {
    std::fprintf(stderr, "script: line %d: %s\n", m_pc, qPrintable(why));
    m_status = 1;
    reportLatency();
    emit finished(1);
}

QQuickItem* ScriptRunner::findItem(const QString& name) const {
    std::function<QQuickItem*(QQuickItem*)> walk = [&](QQuickItem* it) -> QQuickItem* {
        if (!it->isVisible() || it->opacity() <= 0.0) return nullptr;
        if (it->objectName() == name) return it;
        for (QQuickItem* c : it->childItems())
            if (QQuickItem* r = walk(c)) return r;
        return nullptr;
    };
    return walk(m_window->contentItem());
}

// Visible text that does not fit: elided (Text.truncated), or drawn past the window's edge or past a clipping
// parent (inside a scrolling Flickable only elision counts). A Text with `property bool mayElide: true` (a long title in
// a list, whose full text is shown elsewhere) may be elided.
QStringList ScriptRunner::cutTexts() const {
    QStringList out;
    const QRectF window(0, 0, m_window->width(), m_window->height());
    std::function<void(QQuickItem*, QRectF, bool)> walk = [&](QQuickItem* it, QRectF clip, bool scrolls) {
        if (!it->isVisible() || it->opacity() <= 0.0) return;
        if (it->inherits("QQuickText")) {
            const QString text = it->property("text").toString().simplified();
            const qreal painted = it->property("contentWidth").toReal();
            const int align = it->property("horizontalAlignment").toInt();
            const qreal x0 = (align & Qt::AlignRight) ? it->width() - painted
                           : (align & Qt::AlignHCenter) ? (it->width() - painted) / 2 : 0;
            const QRectF drawn = it->mapRectToScene(QRectF(x0, 0, painted, it->height()));
            if (!text.isEmpty() && it->property("truncated").toBool() && !it->property("mayElide").toBool())
                out << QStringLiteral("elided \"%1\"").arg(text);
            else if (!text.isEmpty() && !scrolls && (drawn.left() < clip.left() - 1 || drawn.right() > clip.right() + 1))
                out << QStringLiteral("cut off \"%1\" (drawn %2..%3 px, room %4..%5)")
                           .arg(text).arg(qRound(drawn.left())).arg(qRound(drawn.right()))
                           .arg(qRound(clip.left())).arg(qRound(clip.right()));
        }
        const QRectF mine = it->clip() ? it->mapRectToScene(QRectF(0, 0, it->width(), it->height())) & clip : clip;
        if (mine.isEmpty()) return;  // clipped away entirely: nothing of it is shown
        const bool flicks = scrolls || it->inherits("QQuickFlickable");  // content may pass a scrolling edge
        for (QQuickItem* c : it->childItems()) walk(c, mine, flicks);
    };
    walk(m_window->contentItem(), window, false);
    return out;
}

void ScriptRunner::sendKey(int key, const QString& text, Qt::KeyboardModifiers mods) {
    QKeyEvent press(QEvent::KeyPress, key, mods, text);
    QCoreApplication::sendEvent(m_window, &press);
    QKeyEvent release(QEvent::KeyRelease, key, mods, text);
    QCoreApplication::sendEvent(m_window, &release);
}

static int keyFor(QChar c, Qt::KeyboardModifiers* mods) {
    *mods = Qt::NoModifier;
    if (c.isUpper() && c.unicode() < 128) {
        *mods = Qt::ShiftModifier;
        return Qt::Key_A + (c.unicode() - 'A');
    }
    if (c.isLower() && c.unicode() < 128) return Qt::Key_A + (c.unicode() - 'a');
    if (c.isDigit() && c.unicode() < 128) return Qt::Key_0 + (c.unicode() - '0');
    if (c.unicode() < 128) return c.unicode();
    return Qt::Key_unknown;
}

void ScriptRunner::typeKeys(const QString& text, int minGap, int maxGap, bool enter) {
    // Keys go out one by one on timers, like a device would send them.
    auto keys = std::make_shared<QString>(text);
    auto pos = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, keys, pos, step, minGap, maxGap, enter]() {
        if (*pos < keys->size()) {
            const QChar c = keys->at(*pos);
            Qt::KeyboardModifiers mods;
            const int k = keyFor(c, &mods);
            sendKey(k, QString(c), mods);
            ++*pos;
        } else {
            if (enter) {
                m_scanSentAt = m_clock.elapsed();
                m_waitFrame = false;
                sendKey(Qt::Key_Return, QStringLiteral("\r"), Qt::NoModifier);
            }
            // Typed keys are held by the wedge decoder for up to its max gap before they reach the field.
            QTimer::singleShot(enter ? 0 : 80, this, &ScriptRunner::next);
            return;
        }
        const int gap = minGap + int(QRandomGenerator::global()->bounded(quint32(maxGap - minGap + 1)));
        QTimer::singleShot(gap, Qt::PreciseTimer, this, [step] { (*step)(); });
    };
    (*step)();
}

void ScriptRunner::settle(std::function<void()> then) {
    auto started = std::make_shared<qint64>(m_clock.elapsed());
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [this, started, poll, then]() {
        if (m_clock.elapsed() - *started > 20000) {
            fail(QStringLiteral("settle: the kiosk did not become idle within 20 s (db requests pending: %1)")
                     .arg(m_db->pending()));
            return;
        }
        if (m_db->pending() > 0 || (!m_db->ready() && m_db->errorZh().isEmpty())) {
            QTimer::singleShot(10, this, [poll] { (*poll)(); });
            return;
        }
        // Let the answer reach the screen: one more frame after everything is done.
        auto conn = std::make_shared<QMetaObject::Connection>();
        auto fired = std::make_shared<bool>(false);
        auto finish = [this, conn, fired, then]() {
            if (*fired) return;
            *fired = true;
            if (!m_waitFrame) m_scanSentAt = -1;  // that scan gave no feedback (e.g. a card opened the PIN pad)
            QObject::disconnect(*conn);
            QTimer::singleShot(20, this, then);
        };
        *conn = connect(m_window, &QQuickWindow::frameSwapped, this, finish, Qt::QueuedConnection);
        m_window->update();
        QTimer::singleShot(300, this, finish);  // nothing changed → no new frame is needed
    };
    QTimer::singleShot(0, this, [poll] { (*poll)(); });
}

void ScriptRunner::reportLatency() {
    if (m_latencies.isEmpty()) return;
    QList<double> v = m_latencies;
    std::sort(v.begin(), v.end());
    auto pct = [&](double p) { return v[qMin<qsizetype>(v.size() - 1, qsizetype(p * (v.size() - 1) + 0.5))]; };
    const QString line = QStringLiteral("scan-to-feedback latency: n=%1 median=%2 ms p99=%3 ms max=%4 ms")
                             .arg(v.size()).arg(pct(0.5)).arg(pct(0.99)).arg(v.last());
    std::fprintf(stderr, "%s\n", qPrintable(line));
    if (!m_latencyFile.isEmpty()) {
        QFile f(m_latencyFile);
        if (f.open(QIODevice::WriteOnly | QIODevice::Text)) {
            for (double d : m_latencies) f.write(QByteArray::number(d) + '\n');
        }
    }
}

void ScriptRunner::next() {
    while (m_pc < m_lines.size()) {
        const QString raw = m_lines[m_pc++].trimmed();
        if (raw.isEmpty() || raw.startsWith(QLatin1Char('#'))) continue;
        const int sp = raw.indexOf(QLatin1Char(' '));
        const QString cmd = sp < 0 ? raw : raw.left(sp);
        const QString arg = sp < 0 ? QString() : raw.mid(sp + 1).trimmed();

        if (cmd == QLatin1String("echo")) {
            std::fprintf(stderr, "script: %s\n", qPrintable(arg));
            continue;
        }
        if (cmd == QLatin1String("size")) {
            const QStringList wh = arg.split(QLatin1Char('x'));
            if (wh.size() != 2) return fail(QStringLiteral("size WxH expected"));
            m_window->resize(wh[0].toInt(), wh[1].toInt());
            return settle([this] { next(); });
        }
        if (cmd == QLatin1String("lang")) {
            m_language->setCode(arg);
            return settle([this] { next(); });
        }
        if (cmd == QLatin1String("scan")) return typeKeys(arg, 2, 15, true);
        if (cmd == QLatin1String("type")) return typeKeys(arg, 110, 130, false);
        if (cmd == QLatin1String("key")) {
            const int k = arg == QLatin1String("Enter") ? Qt::Key_Return
                        : arg == QLatin1String("Backspace") ? Qt::Key_Backspace
                        : arg == QLatin1String("Escape") ? Qt::Key_Escape : Qt::Key_unknown;
            sendKey(k, k == Qt::Key_Return ? QStringLiteral("\r") : QString(), Qt::NoModifier);
            QTimer::singleShot(60, this, &ScriptRunner::next);  // past the wedge decoder's gap
            return;
        }
        if (cmd == QLatin1String("wait")) {
            QTimer::singleShot(arg.toInt(), this, &ScriptRunner::next);
            return;
        }
        if (cmd == QLatin1String("settle")) return settle([this] { next(); });
        if (cmd == QLatin1String("dismiss")) {
            m_feedback->dismiss();
            continue;
        }
        if (cmd == QLatin1String("click")) {
            QQuickItem* it = findItem(arg);
            if (!it) return fail(QStringLiteral("click: no visible item named %1").arg(arg));
            if (!it->isEnabled()) return fail(QStringLiteral("click: %1 is disabled").arg(arg));
            const QPointF p = it->mapToScene(QPointF(it->width() / 2, it->height() / 2));
            const QPointF g = m_window->mapToGlobal(p.toPoint());
            QMouseEvent press(QEvent::MouseButtonPress, p, p, g, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(m_window, &press);
            QMouseEvent release(QEvent::MouseButtonRelease, p, p, g, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
            QCoreApplication::sendEvent(m_window, &release);
            return settle([this] { next(); });
        }
        if (cmd == QLatin1String("set")) {
            const QStringList parts = arg.split(QLatin1Char(' '));
            if (parts.size() < 3) return fail(QStringLiteral("set OBJECTNAME PROPERTY VALUE expected"));
            QQuickItem* it = findItem(parts[0]);
            if (!it) return fail(QStringLiteral("set: no visible item named %1").arg(parts[0]));
            it->setProperty(parts[1].toUtf8().constData(), parts.mid(2).join(QLatin1Char(' ')));
            it->forceActiveFocus();
            continue;
        }
        if (cmd == QLatin1String("shot")) {
            QDir().mkpath(m_shotDir.isEmpty() ? QStringLiteral(".") : m_shotDir);
            const QString file = QStringLiteral("%1/%2-%3-%4x%5.png")
                                     .arg(m_shotDir.isEmpty() ? QStringLiteral(".") : m_shotDir, arg, m_language->code())
                                     .arg(m_window->width()).arg(m_window->height());
            const QImage img = m_window->grabWindow();
            if (img.isNull() || !img.save(file)) return fail(QStringLiteral("shot: could not save %1").arg(file));
            continue;
        }
        if (cmd == QLatin1String("expect-feedback")) {
            const int s2 = arg.indexOf(QLatin1Char(' '));
            const QString kind = s2 < 0 ? arg : arg.left(s2);
            const QString text = s2 < 0 ? QString() : arg.mid(s2 + 1);
            const QString shown = m_feedback->textZh() + QStringLiteral(" | ") + m_feedback->textEn();
            if (!m_feedback->visible() || m_feedback->kind() != kind ||
                (!text.isEmpty() && !shown.contains(text, Qt::CaseInsensitive)))
                return fail(QStringLiteral("expected feedback %1 \"%2\", the screen shows %3 \"%4\"%5")
                                .arg(kind, text, m_feedback->kind(), shown,
                                     m_feedback->visible() ? QString() : QStringLiteral(" (hidden)")));
            continue;
        }
        if (cmd == QLatin1String("expect-stage")) {
            if (m_session->stage() != arg)
                return fail(QStringLiteral("expected stage %1, got %2").arg(arg, m_session->stage()));
            continue;
        }
        if (cmd == QLatin1String("expect-section")) {
            if (m_session->section() != arg)
                return fail(QStringLiteral("expected section %1, got %2").arg(arg, m_session->section()));
            continue;
        }
        if (cmd == QLatin1String("expect-visible")) {
            if (!findItem(arg)) return fail(QStringLiteral("expected %1 to be visible").arg(arg));
            continue;
        }
        if (cmd == QLatin1String("expect-fit")) {  // reports every text that does not fit, then goes on
            const QStringList cut = cutTexts();
            for (const QString& c : cut)
                std::fprintf(stderr, "script: line %d: %dx%d %s: %s\n", m_pc, m_window->width(), m_window->height(),
                             qPrintable(m_language->code()), qPrintable(c));
            if (!cut.isEmpty()) m_status = 1;
            continue;
        }
        if (cmd == QLatin1String("quit")) break;
        return fail(QStringLiteral("unknown command: %1").arg(cmd));
    }
    reportLatency();
    emit finished(m_status);
}

}  // namespace archive::kiosk
