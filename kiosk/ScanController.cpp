#include "ScanController.h"

#include "BoxController.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "SessionController.h"
#include "db/Books.h"

#include <QDateTime>

namespace archive::kiosk {

using scanner::IdKind;

ScanController::ScanController(DbService* db, SessionController* session, FeedbackController* feedback,
                               BoxController* box, QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_feedback(feedback), m_box(box) {}

void ScanController::onRejected(const scanner::ScanRejection& r) {
    m_feedback->show(QStringLiteral("error"), r.messageZh, r.messageEn);
}

void ScanController::submitText(const QString& text) {
    onScan(scanner::Scan{text, scanner::Symbology::Unknown, scanner::ScanSource::KeyboardWedge,
                         QDateTime::currentMSecsSinceEpoch()});
}

void ScanController::onScan(const scanner::Scan& scan) {
    const scanner::Classification c = scanner::Identifier::classify(scan.text, m_patterns);
    ++m_count;
    m_lastCode = c.code;
    m_lastKind = scanner::idKindName(c.kind);
    emit scanned();
    m_session->touch();
    switch (c.status) {
    case scanner::Classification::Status::Empty:
        return;
    case scanner::Classification::Status::BadCheck:
        m_feedback->show(QStringLiteral("error"), c.messageZh, c.messageEn, c.code, c.code);
        return;
    case scanner::Classification::Status::Own:
    case scanner::Classification::Status::Legacy:
        if (c.kind != IdKind::Unknown) return dispatch(c.kind, c.code);
        [[fallthrough]];
    case scanner::Classification::Status::Unknown:
        return resolveAndDispatch(c.code.isEmpty() ? scan.text.trimmed() : c.code);
    }
}

void ScanController::resolveAndDispatch(const QString& code) {
    if (code.size() > 200) {
        m_feedback->show(QStringLiteral("error"), QStringLiteral("条码过长，无法识别。请重新扫描"),
                         QStringLiteral("This code is too long to be ours. Please scan again"));
        return;
    }
    // A code in none of our formats: ask the books what it is (box, shelf, card or item).
    m_db->run<int>(
        this,
        [code](db::Database& d) -> Result<int> {
            db::Books books(d);
            if (books.box(code)) return int(IdKind::Box);
            if (books.location(code)) return int(IdKind::Location);
            if (books.person(code)) return int(IdKind::Person);
            if (books.item(code)) return int(IdKind::Item);
            return int(IdKind::Unknown);
        },
        [this, code](Result<int> r) {
            if (!r) {
                m_feedback->show(QStringLiteral("error"), r.error().messageZh, r.error().messageEn);
                return;
            }
            dispatch(IdKind(r.value()), code);
        });
}

bool ScanController::routeToFlow(IdKind kind, const QString& code) {
    if (m_session->stage() != QLatin1String("active") || m_session->section() != QLatin1String("staff")) return false;
    const QString flow = m_box->flow();
    if (flow.isEmpty() || kind == IdKind::Person) return false;
    if (flow == QLatin1String("sweep")) {
        if (kind == IdKind::Location) m_box->sweep()->scanShelf(code);
        else if (kind == IdKind::Box) m_box->sweep()->scanBox(code);
        else if (kind == IdKind::Unknown) m_box->sweep()->scanUnknown(code);
        else
            m_feedback->show(QStringLiteral("warn"), QStringLiteral("盘点时请扫描档案盒条码，不是卷内文件编号"),
                             QStringLiteral("During a sweep scan the box's barcode, not an item code"), code, code);
        return true;
    }
    if (flow == QLatin1String("pick")) {
        if (kind == IdKind::Box) m_box->pickList()->scanBox(code);
        else
            m_feedback->show(QStringLiteral("warn"), QStringLiteral("调卷：请扫描取出的档案盒条码"),
                             QStringLiteral("Pick list: scan the barcode of each box you take"), code, code);
        return true;
    }
    if (flow == QLatin1String("labels")) {
        if (kind == IdKind::Location) m_box->labelDesk()->scanShelf(code);
        else if (kind == IdKind::Box) m_box->labelDesk()->scanBox(code);
        else
            m_feedback->show(QStringLiteral("warn"), QStringLiteral("标签：请扫描架位或档案盒条码"),
                             QStringLiteral("Labels: scan a shelf or a box barcode"), code, code);
        return true;
    }
    if (flow == QLatin1String("transfer")) {
        if (kind == IdKind::Location) m_box->transfer()->scanShelf(code);  // where the received boxes go
        else m_box->transfer()->scanCode(code);  // a box, an item's archival code, or a box new to the books
        return true;
    }
    return false;
}

void ScanController::dispatch(IdKind kind, const QString& code) {
    if (routeToFlow(kind, code)) return;
    if (kind == IdKind::Unknown) {
        m_feedback->show(QStringLiteral("error"), QStringLiteral("未知条码：档案中没有这个编号。请核对标签，或交给档案员处理"),
                         QStringLiteral("Unknown barcode: nothing in the archive has this code. Check the label or give it to the archivist"),
                         code, code);
        return;
    }
    if (m_override && m_override(kind, code)) return;

    const QString stage = m_session->stage();
    if (stage != QLatin1String("active")) {
        if (kind == IdKind::Person) return m_session->cardScanned(code);
        m_feedback->show(QStringLiteral("warn"), QStringLiteral("请先刷借阅证或工作证"),
                         QStringLiteral("Please scan your card first"), code, code);
        return;
    }
    const QString section = m_session->section();
    if (kind == IdKind::Person) {
        if (section == QLatin1String("staff") && m_box->wantsCard()) return m_box->scanCard(code);
        if (code == m_session->card()) {
            m_feedback->show(QStringLiteral("info"), QStringLiteral("您已登录"), QStringLiteral("You are logged in"));
            return;
        }
        // Another person's card: end this session and start theirs.
        return m_session->cardScanned(code);
    }
    if (section == QLatin1String("staff")) {
        if (kind == IdKind::Box) return m_box->scanBox(code);
        if (kind == IdKind::Location) return m_box->scanShelf(code);
        m_feedback->show(QStringLiteral("warn"), QStringLiteral("这是卷内文件编号，请扫描档案盒条码"),
                         QStringLiteral("That is an item code; scan the box's barcode"), code, code);
        return;
    }
    if (m_session->isStaff()) {
        m_feedback->show(QStringLiteral("warn"), QStringLiteral("请切换到“档案员”页面再扫描档案盒"),
                         QStringLiteral("Switch to the Archivist page to work with boxes"), code, code);
        return;
    }
    m_feedback->show(QStringLiteral("warn"), QStringLiteral("借出和归还请交给档案员办理"),
                     QStringLiteral("Please hand boxes to the archivist to check them out or in"), code, code);
}

}  // namespace archive::kiosk
