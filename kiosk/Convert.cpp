#include "Convert.h"

#include <QDateTime>
#include <QHash>

namespace archive::kiosk {

namespace {
struct Label { const char* zh; const char* en; };
const QHash<QString, Label>& labels() {
    static const QHash<QString, Label> h = {
        {QStringLiteral("in_place"), {"在架", "On shelf"}},
        {QStringLiteral("on_loan"), {"借出", "On loan"}},
        {QStringLiteral("missing"), {"缺失", "Missing"}},
        {QStringLiteral("destroyed"), {"已销毁", "Destroyed"}},
        {QStringLiteral("transferred_out"), {"已移出", "Transferred out"}},
        {QStringLiteral("public"), {"公开", "Public"}},
        {QStringLiteral("internal"), {"内部", "Internal"}},
        {QStringLiteral("secret"), {"秘密", "Secret"}},
        {QStringLiteral("confidential"), {"机密", "Confidential"}},
        {QStringLiteral("permanent"), {"永久", "Permanent"}},
        {QStringLiteral("30y"), {"定期30年", "30 years"}},
        {QStringLiteral("10y"), {"定期10年", "10 years"}},
        {QStringLiteral("borrower"), {"借阅者", "Borrower"}},
        {QStringLiteral("archivist"), {"档案员", "Archivist"}},
        {QStringLiteral("head"), {"档案室负责人", "Archive-room head"}},
        {QStringLiteral("leader"), {"主管领导", "Supervising leader"}},
        {QStringLiteral("manager"), {"管理人员", "Manager"}},
        {QStringLiteral("admin"), {"系统管理员", "Administrator"}},
        {QStringLiteral("take_out"), {"借出", "Take out"}},
        {QStringLiteral("on_site"), {"室内查阅", "Read on site"}},
        {QStringLiteral("pending"), {"待审批", "Awaiting approval"}},
        {QStringLiteral("approved"), {"已批准", "Approved"}},
        {QStringLiteral("rejected"), {"已驳回", "Rejected"}},
        {QStringLiteral("fulfilled"), {"已借出", "Fulfilled"}},
        {QStringLiteral("cancelled"), {"已取消", "Cancelled"}},
        {QStringLiteral("ok"), {"完好", "OK"}},
        {QStringLiteral("damaged"), {"损坏", "Damaged"}},
        {QStringLiteral("incomplete"), {"不完整", "Incomplete"}},
        {QStringLiteral("lost"), {"丢失", "Lost"}},
        {QStringLiteral("internal_kind"), {"内部人员", "Staff member"}},
        {QStringLiteral("external"), {"外单位", "External"}},
    };
    return h;
}
}  // namespace

QString labelZh(const QString& code) {
    auto it = labels().constFind(code);
    return it == labels().constEnd() ? code : QString::fromUtf8(it->zh);
}
QString labelEn(const QString& code) {
    auto it = labels().constFind(code);
    return it == labels().constEnd() ? code : QString::fromUtf8(it->en);
}

QString localDate(qint64 ms) {
    return ms <= 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
}
QString localDateTime(qint64 ms) {
    return ms <= 0 ? QString()
                   : QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString locationText(const db::LocationInfo& l, bool english) {
    if (l.id == 0 && l.barcode.isEmpty()) return english ? QStringLiteral("not shelved") : QStringLiteral("未上架");
    QStringList parts;
    parts << (l.roomName.isEmpty() ? l.roomCode : l.roomName);
    if (english) {
        if (!l.cabinet.isEmpty()) parts << QStringLiteral("cab. ") + l.cabinet;
        if (!l.shelf.isEmpty()) parts << QStringLiteral("shelf ") + l.shelf;
        if (!l.position.isEmpty()) parts << QStringLiteral("pos. ") + l.position;
    } else {
        if (!l.cabinet.isEmpty()) parts << l.cabinet + QStringLiteral("柜");
        if (!l.shelf.isEmpty()) parts << l.shelf + QStringLiteral("层");
        if (!l.position.isEmpty()) parts << l.position + QStringLiteral("位");
    }
    return parts.join(QStringLiteral(" › "));
}

static void putCode(QVariantMap& m, const QString& key, const QString& code) {
    m.insert(key, code);
    m.insert(key + QStringLiteral("Zh"), labelZh(code));
    m.insert(key + QStringLiteral("En"), labelEn(code));
}

QVariantMap toMap(const db::LocationInfo& l) {
    return {{QStringLiteral("barcode"), l.barcode},
            {QStringLiteral("room"), l.roomName},
            {QStringLiteral("textZh"), locationText(l, false)},
            {QStringLiteral("textEn"), locationText(l, true)}};
}

QVariantMap toMap(const db::PersonInfo& p) {
    QVariantMap m{{QStringLiteral("card"), p.card},         {QStringLiteral("name"), p.name},
                  {QStringLiteral("department"), p.departmentName}, {QStringLiteral("kind"), p.kind},
                  {QStringLiteral("roles"), p.roles},       {QStringLiteral("hasPin"), p.hasPin},
                  {QStringLiteral("phone"), p.phone},       {QStringLiteral("unit"), p.unit}};
    return m;
}

QVariantMap toMap(const db::BoxInfo& b) {
    QVariantMap m{{QStringLiteral("barcode"), b.barcode},
                  {QStringLiteral("title"), b.title},
                  {QStringLiteral("fonds"), b.fondsCode + QStringLiteral(" ") + b.fondsName},
                  {QStringLiteral("year"), b.year},
                  {QStringLiteral("boxNo"), b.boxNo},
                  {QStringLiteral("items"), b.firstItemNo || b.lastItemNo
                                                ? QStringLiteral("%1–%2").arg(b.firstItemNo).arg(b.lastItemNo)
                                                : QString()},
                  {QStringLiteral("itemCount"), b.itemCount},
                  {QStringLiteral("orgUnit"), b.orgUnit},
                  {QStringLiteral("category"), b.categoryName},
                  {QStringLiteral("inRoomOnly"), b.inRoomOnly},
                  {QStringLiteral("locationBarcode"), b.location.barcode},
                  {QStringLiteral("locationZh"), locationText(b.location, false)},
                  {QStringLiteral("locationEn"), locationText(b.location, true)},
                  {QStringLiteral("borrowerCard"), b.borrowerCard},
                  {QStringLiteral("borrowerName"), b.borrowerName},
                  {QStringLiteral("due"), localDate(b.dueAt)},
                  {QStringLiteral("overdue"), b.overdue},
                  {QStringLiteral("onLoan"), b.loanId != 0},
                  {QStringLiteral("itemsOnLoan"), b.itemsOnLoan}};
    putCode(m, QStringLiteral("state"), b.state);
    putCode(m, QStringLiteral("retention"), b.retention);
    putCode(m, QStringLiteral("security"), b.maxSecurity);
    return m;
}

QVariantMap toMap(const db::LoanInfo& l) {
    QVariantMap m{{QStringLiteral("loanId"), l.id},
                  {QStringLiteral("boxBarcode"), l.boxBarcode},
                  {QStringLiteral("code"), l.itemId ? l.itemCode : l.boxBarcode},
                  {QStringLiteral("title"), l.itemId ? l.itemTitle : l.boxTitle},
                  {QStringLiteral("borrowerName"), l.borrowerName},
                  {QStringLiteral("borrowerCard"), l.borrowerCard},
                  {QStringLiteral("out"), localDate(l.outAt)},
                  {QStringLiteral("due"), localDate(l.dueAt)},
                  {QStringLiteral("overdue"), l.overdue},
                  {QStringLiteral("daysOverdue"), l.daysOverdue},
                  {QStringLiteral("renewals"), l.renewals},
                  {QStringLiteral("maxRenewals"), l.maxRenewals},
                  {QStringLiteral("canRenew"), l.returnedAt == 0 && l.renewals < l.maxRenewals}};
    return m;
}

QVariantMap toMap(const db::RequestInfo& r) {
    QStringList pendZh, pendEn;
    for (const QString& role : r.pendingRoles) {
        pendZh << labelZh(role);
        pendEn << labelEn(role);
    }
    QVariantMap m{{QStringLiteral("requestId"), r.id},
                  {QStringLiteral("requesterName"), r.requesterName},
                  {QStringLiteral("requesterCard"), r.requesterCard},
                  {QStringLiteral("department"), r.departmentName},
                  {QStringLiteral("external"), r.requesterKind == QLatin1String("external")},
                  {QStringLiteral("boxBarcode"), r.boxBarcode},
                  {QStringLiteral("code"), r.itemId ? r.itemCode : r.boxBarcode},
                  {QStringLiteral("title"), r.itemId ? r.itemTitle : r.boxTitle},
                  {QStringLiteral("purpose"), r.purpose},
                  {QStringLiteral("created"), localDateTime(r.createdAt)},
                  {QStringLiteral("pendingZh"), pendZh.join(QStringLiteral("、"))},
                  {QStringLiteral("pendingEn"), pendEn.join(QStringLiteral(", "))},
                  {QStringLiteral("locationZh"), locationText(r.location, false)},
                  {QStringLiteral("locationEn"), locationText(r.location, true)},
                  {QStringLiteral("note"), r.note}};
    putCode(m, QStringLiteral("security"), r.security);
    putCode(m, QStringLiteral("mode"), r.mode);
    putCode(m, QStringLiteral("state"), r.state);
    return m;
}

QVariantMap toMap(const db::SearchHit& h) {
    QVariantMap m{{QStringLiteral("code"), h.archivalCode},
                  {QStringLiteral("title"), h.title},
                  {QStringLiteral("year"), h.year},
                  {QStringLiteral("boxBarcode"), h.boxBarcode},
                  {QStringLiteral("fonds"), h.fondsName},
                  {QStringLiteral("category"), h.categoryName},
                  {QStringLiteral("location"), h.locationDisplay},
                  {QStringLiteral("available"), h.available}};
    putCode(m, QStringLiteral("security"), h.security);
    putCode(m, QStringLiteral("state"), h.itemState);
    return m;
}

}  // namespace archive::kiosk
