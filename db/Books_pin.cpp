// PINs: stored only as libsodium Argon2id strings (crypto_pwhash_str, interactive limits), with a lockout
// after 'pin_max_failures' wrong tries for 'pin_lock_minutes'. Hashing runs outside the write lock.
#include "BooksInternal.h"
#include "Transaction.h"

#include <sodium.h>

namespace archive::db {

using namespace detail;

namespace {
bool pinShapeOk(const QString& pin) {
    if (pin.size() < 4 || pin.size() > 12) return false;
    for (QChar c : pin)
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) return false;
    return true;
}
Error cryptoError() {
    return err("crypto", QStringLiteral("加密库初始化失败，请联系管理员。"), QStringLiteral("The crypto library failed to start; call the administrator."));
}
}  // namespace

Status Books::setPin(const QString& card, const QString& pin, const QString& actorCard) {
    if (!pinShapeOk(pin))
        return badInput(QStringLiteral("密码须为 4–12 位数字。"), QStringLiteral("The PIN must be 4 to 12 digits."));
    if (sodium_init() < 0) return cryptoError();
    {
        auto who = loadPerson(m_db, card);
        if (!who) return who.error();
        auto actor = loadPerson(m_db, actorCard, "操作人", "operator");
        if (!actor) return actor.error();
        if (actor->info.id != who->info.id && !actor->info.isStaff())
            return err("forbidden", QStringLiteral("只有本人或档案员可以设置密码。"), QStringLiteral("Only the card holder or an archivist can set the PIN."));
    }
    const QByteArray p = pin.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, p.constData(), p.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return err("crypto", QStringLiteral("内存不足，密码未保存。请重试。"), QStringLiteral("Out of memory; the PIN was not saved. Try again."));
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    Run u(m_db, QStringLiteral("UPDATE people SET pin_hash = ?, pin_failures = 0, pin_locked_until = 0 WHERE card = ?"));
    if (auto st = u.exec(QString::fromLatin1(out), card.trimmed()); !st) return st;
    if (auto r = ledger(m_db, actorCard.trimmed(), "pin.set", QStringLiteral("person:") + card.trimmed(), {}); !r) return r.error();
    return tx.commit();
}

Status Books::verifyPin(const QString& card, const QString& pin) {
    if (sodium_init() < 0) return cryptoError();
    auto who = loadPerson(m_db, card);
    if (!who) return who.error();
    const qint64 now = m_db.nowMs();
    if (who->info.pinLockedUntil > now) {
        const qint64 mins = (who->info.pinLockedUntil - now + 59999) / 60000;
        return err("pin_locked", QStringLiteral("密码错误次数过多，已锁定，请 %1 分钟后再试或联系档案员。").arg(mins),
                   QStringLiteral("Too many wrong PINs: locked. Try again in %1 minute(s) or ask the archivist.").arg(mins));
    }
    auto hash = scalar(m_db, QStringLiteral("SELECT pin_hash FROM people WHERE id = ?"), who->info.id);
    if (!hash) return hash.error();
    if (hash->isNull())
        return err("no_pin", QStringLiteral("尚未设置密码。请联系档案员设置。"), QStringLiteral("No PIN is set yet. Ask the archivist to set one."));
    const QByteArray stored = hash->toString().toLatin1();
    const QByteArray p = pin.left(64).toUtf8();
    const bool good = pinShapeOk(pin) && crypto_pwhash_str_verify(stored.constData(), p.constData(), p.size()) == 0;
    Transaction tx(m_db);
    if (!tx.begun()) return tx.begun();
    if (good) {
        Run u(m_db, QStringLiteral("UPDATE people SET pin_failures = 0 WHERE id = ? AND pin_failures <> 0"));
        if (auto st = u.exec(who->info.id); !st) return st;
        return tx.commit();
    }
    const qint64 maxFail = settingInt(m_db, QStringLiteral("pin_max_failures"), 5);
    const qint64 lockMin = settingInt(m_db, QStringLiteral("pin_lock_minutes"), 15);
    auto fails = scalar(m_db, QStringLiteral("SELECT pin_failures FROM people WHERE id = ?"), who->info.id);
    if (!fails) return fails.error();
    const qint64 n = fails->toLongLong() + 1;
    const bool lock = maxFail > 0 && n >= maxFail;
    Run u(m_db, QStringLiteral("UPDATE people SET pin_failures = ?, pin_locked_until = ? WHERE id = ?"));
    if (auto st = u.exec(lock ? qint64(0) : n, lock ? now + lockMin * 60000 : qint64(0), who->info.id); !st) return st;
    if (auto r = ledger(m_db, who->info.card, lock ? "pin.locked" : "pin.wrong", QStringLiteral("person:") + who->info.card,
                        {{QStringLiteral("failures"), n}});
        !r)
        return r.error();
    if (auto st = tx.commit(); !st) return st;
    if (lock)
        return err("pin_locked", QStringLiteral("密码错误 %1 次，已锁定 %2 分钟。请稍后再试或联系档案员。").arg(n).arg(lockMin),
                   QStringLiteral("Wrong PIN %1 times: locked for %2 minutes. Try later or ask the archivist.").arg(n).arg(lockMin));
    return err("pin_wrong", QStringLiteral("密码不正确，还可再试 %1 次。").arg(maxFail - n),
               QStringLiteral("Wrong PIN; %1 more tries before the card is locked.").arg(maxFail - n));
}

}  // namespace archive::db
