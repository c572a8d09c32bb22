#include "BooksTypes.h"

namespace archive::db {

QString securityZh(const QString& c) {
    if (c == QLatin1String("public")) return QStringLiteral("公开");
    if (c == QLatin1String("internal")) return QStringLiteral("内部");
    if (c == QLatin1String("secret")) return QStringLiteral("秘密");
    if (c == QLatin1String("confidential")) return QStringLiteral("机密");
    return c;
}

QString retentionZh(const QString& c) {
    if (c == QLatin1String("permanent")) return QStringLiteral("永久");
    if (c == QLatin1String("30y")) return QStringLiteral("定期30年");
    if (c == QLatin1String("10y")) return QStringLiteral("定期10年");
    return c;
}

QString boxStateZh(const QString& c) {
    if (c == QLatin1String("in_place")) return QStringLiteral("在架");
    if (c == QLatin1String("on_loan")) return QStringLiteral("借出");
    if (c == QLatin1String("missing")) return QStringLiteral("缺失");
    if (c == QLatin1String("destroyed")) return QStringLiteral("已销毁");
    if (c == QLatin1String("transferred_out")) return QStringLiteral("已移出");
    return c;
}

QString roleZh(const QString& c) {
    if (c == QLatin1String("borrower")) return QStringLiteral("借阅者");
    if (c == QLatin1String("archivist")) return QStringLiteral("档案员");
    if (c == QLatin1String("head")) return QStringLiteral("档案室负责人");
    if (c == QLatin1String("leader")) return QStringLiteral("主管领导");
    if (c == QLatin1String("manager")) return QStringLiteral("管理者");
    if (c == QLatin1String("admin")) return QStringLiteral("系统管理员");
    return c;
}

QString conditionCode(ReturnCondition c) {
    switch (c) {
    case ReturnCondition::Ok: return QStringLiteral("ok");
    case ReturnCondition::Damaged: return QStringLiteral("damaged");
    case ReturnCondition::Incomplete: return QStringLiteral("incomplete");
    case ReturnCondition::Lost: return QStringLiteral("lost");
    }
    return QStringLiteral("ok");
}

bool parseCondition(const QString& text, ReturnCondition* out) {
    const QString t = text.trimmed().toLower();
    ReturnCondition c;
    if (t.isEmpty() || t == QLatin1String("ok") || t == QStringLiteral("完好") || t == QStringLiteral("正常")) c = ReturnCondition::Ok;
    else if (t == QLatin1String("damaged") || t == QStringLiteral("损坏") || t == QStringLiteral("破损")) c = ReturnCondition::Damaged;
    else if (t == QLatin1String("incomplete") || t == QStringLiteral("不完整") || t == QStringLiteral("缺页")) c = ReturnCondition::Incomplete;
    else if (t == QLatin1String("lost") || t == QStringLiteral("丢失") || t == QStringLiteral("遗失")) c = ReturnCondition::Lost;
    else return false;
    if (out) *out = c;
    return true;
}

QString LocationInfo::display() const {
    if (id == 0 && barcode.isEmpty()) return QStringLiteral("未上架");
    QStringList parts;
    parts << (roomName.isEmpty() ? roomCode : roomName);
    if (!cabinet.isEmpty()) parts << cabinet + QStringLiteral("柜");
    if (!shelf.isEmpty()) parts << shelf + QStringLiteral("层");
    if (!position.isEmpty()) parts << position + QStringLiteral("位");
    return parts.join(QStringLiteral(" › "));
}

bool PersonInfo::isStaff() const {
    return hasRole(QStringLiteral("archivist")) || hasRole(QStringLiteral("head")) || hasRole(QStringLiteral("admin"));
}

bool parseRetention(const QString& text, QString* code) {
    const QString t = text.trimmed().toLower();
    QString c;
    if (t == QLatin1String("permanent") || t == QStringLiteral("永久") || t == QLatin1String("y")) c = QStringLiteral("permanent");
    else if (t == QLatin1String("30y") || t == QStringLiteral("定期30年") || t == QStringLiteral("30年") ||
             t == QLatin1String("30") || t == QLatin1String("d30") || t == QStringLiteral("长期"))
        c = QStringLiteral("30y");
    else if (t == QLatin1String("10y") || t == QStringLiteral("定期10年") || t == QStringLiteral("10年") ||
             t == QLatin1String("10") || t == QLatin1String("d10") || t == QStringLiteral("短期"))
        c = QStringLiteral("10y");
    else return false;
    if (code) *code = c;
    return true;
}

bool parseSecurity(const QString& text, QString* code) {
    const QString t = text.trimmed().toLower();
    QString c;
    if (t == QLatin1String("public") || t == QStringLiteral("公开")) c = QStringLiteral("public");
    else if (t == QLatin1String("internal") || t == QStringLiteral("内部") || t == QStringLiteral("限制")) c = QStringLiteral("internal");
    else if (t == QLatin1String("secret") || t == QStringLiteral("秘密")) c = QStringLiteral("secret");
    else if (t == QLatin1String("confidential") || t == QStringLiteral("机密")) c = QStringLiteral("confidential");
    else return false;
    if (code) *code = c;
    return true;
}

bool parseKind(const QString& text, QString* code) {
    const QString t = text.trimmed().toLower();
    QString c;
    if (t.isEmpty() || t == QLatin1String("internal") || t == QStringLiteral("内部") || t == QStringLiteral("本单位"))
        c = QStringLiteral("internal");
    else if (t == QLatin1String("external") || t == QStringLiteral("外部") || t == QStringLiteral("外单位") ||
             t == QStringLiteral("外单位或个人") || t == QStringLiteral("个人"))
        c = QStringLiteral("external");
    else return false;
    if (code) *code = c;
    return true;
}

bool parseRole(const QString& text, QString* code) {
    const QString t = text.trimmed().toLower();
    QString c;
    if (t == QLatin1String("borrower") || t == QStringLiteral("借阅者") || t == QStringLiteral("借阅人")) c = QStringLiteral("borrower");
    else if (t == QLatin1String("archivist") || t == QStringLiteral("档案员") || t == QStringLiteral("档案管理员")) c = QStringLiteral("archivist");
    else if (t == QLatin1String("head") || t == QStringLiteral("档案室负责人") || t == QStringLiteral("负责人")) c = QStringLiteral("head");
    else if (t == QLatin1String("leader") || t == QStringLiteral("主管领导") || t == QStringLiteral("领导")) c = QStringLiteral("leader");
    else if (t == QLatin1String("manager") || t == QStringLiteral("管理者") || t == QStringLiteral("经理")) c = QStringLiteral("manager");
    else if (t == QLatin1String("admin") || t == QStringLiteral("系统管理员") || t == QStringLiteral("管理员")) c = QStringLiteral("admin");
    else return false;
    if (code) *code = c;
    return true;
}

}  // namespace archive::db
