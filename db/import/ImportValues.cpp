#include "ImportValues.h"

#include <QHash>
#include <QRegularExpression>

namespace archive::db::importvalues {

namespace {
QString key(const QString& t) {
    QString k = t.trimmed().toLower();
    k.remove(QLatin1Char(' '));
    k.remove(QLatin1Char('_'));
    k.remove(QLatin1Char('-'));
    return k;
}

QString lookup(const QHash<QString, QString>& table, const QString& text) {
    const auto it = table.constFind(text);  // the common case: written exactly as listed
    if (it != table.constEnd()) return it.value();
    return table.value(key(text));
}
}  // namespace

QString retention(const QString& text) {
    static const QHash<QString, QString> t = {
        {QStringLiteral("permanent"), QStringLiteral("permanent")}, {QStringLiteral("永久"), QStringLiteral("permanent")},
        {QStringLiteral("y"), QStringLiteral("permanent")},         {QStringLiteral("p"), QStringLiteral("permanent")},
        {QStringLiteral("30y"), QStringLiteral("30y")},             {QStringLiteral("30"), QStringLiteral("30y")},
        {QStringLiteral("30年"), QStringLiteral("30y")},            {QStringLiteral("定期30年"), QStringLiteral("30y")},
        {QStringLiteral("d30"), QStringLiteral("30y")},             {QStringLiteral("长期"), QStringLiteral("30y")},
        {QStringLiteral("10y"), QStringLiteral("10y")},             {QStringLiteral("10"), QStringLiteral("10y")},
        {QStringLiteral("10年"), QStringLiteral("10y")},            {QStringLiteral("定期10年"), QStringLiteral("10y")},
        {QStringLiteral("d10"), QStringLiteral("10y")},             {QStringLiteral("短期"), QStringLiteral("10y")},
    };
    return lookup(t, text);
}

QString security(const QString& text) {
    static const QHash<QString, QString> t = {
        {QStringLiteral("public"), QStringLiteral("public")},             {QStringLiteral("公开"), QStringLiteral("public")},
        {QStringLiteral("internal"), QStringLiteral("internal")},         {QStringLiteral("内部"), QStringLiteral("internal")},
        {QStringLiteral("限制"), QStringLiteral("internal")},             {QStringLiteral("secret"), QStringLiteral("secret")},
        {QStringLiteral("秘密"), QStringLiteral("secret")},               {QStringLiteral("confidential"), QStringLiteral("confidential")},
        {QStringLiteral("机密"), QStringLiteral("confidential")},
    };
    return lookup(t, text);
}

QString personKind(const QString& text) {
    static const QHash<QString, QString> t = {
        {QStringLiteral("internal"), QStringLiteral("internal")}, {QStringLiteral("内部"), QStringLiteral("internal")},
        {QStringLiteral("本单位"), QStringLiteral("internal")},   {QStringLiteral("职工"), QStringLiteral("internal")},
        {QStringLiteral("external"), QStringLiteral("external")}, {QStringLiteral("外部"), QStringLiteral("external")},
        {QStringLiteral("外单位"), QStringLiteral("external")},   {QStringLiteral("外单位或个人"), QStringLiteral("external")},
        {QStringLiteral("个人"), QStringLiteral("external")},     {QStringLiteral("校外"), QStringLiteral("external")},
    };
    return lookup(t, text);
}

QString role(const QString& text) {
    static const QHash<QString, QString> t = {
        {QStringLiteral("borrower"), QStringLiteral("borrower")},   {QStringLiteral("借阅者"), QStringLiteral("borrower")},
        {QStringLiteral("借阅人"), QStringLiteral("borrower")},     {QStringLiteral("archivist"), QStringLiteral("archivist")},
        {QStringLiteral("档案员"), QStringLiteral("archivist")},    {QStringLiteral("档案管理员"), QStringLiteral("archivist")},
        {QStringLiteral("head"), QStringLiteral("head")},           {QStringLiteral("档案室负责人"), QStringLiteral("head")},
        {QStringLiteral("负责人"), QStringLiteral("head")},         {QStringLiteral("leader"), QStringLiteral("leader")},
        {QStringLiteral("主管领导"), QStringLiteral("leader")},     {QStringLiteral("领导"), QStringLiteral("leader")},
        {QStringLiteral("manager"), QStringLiteral("manager")},     {QStringLiteral("管理人员"), QStringLiteral("manager")},
        {QStringLiteral("检查人员"), QStringLiteral("manager")},    {QStringLiteral("admin"), QStringLiteral("admin")},
        {QStringLiteral("管理员"), QStringLiteral("admin")},        {QStringLiteral("系统管理员"), QStringLiteral("admin")},
    };
    return lookup(t, text);
}

QString climateProfile(const QString& text) {
    static const QHash<QString, QString> t = {
        {QStringLiteral("paper"), QStringLiteral("paper")},     {QStringLiteral("纸质"), QStringLiteral("paper")},
        {QStringLiteral("纸质档案库"), QStringLiteral("paper")}, {QStringLiteral("special"), QStringLiteral("special")},
        {QStringLiteral("特藏"), QStringLiteral("special")},    {QStringLiteral("特藏库"), QStringLiteral("special")},
        {QStringLiteral("av"), QStringLiteral("av")},           {QStringLiteral("音像"), QStringLiteral("av")},
        {QStringLiteral("声像"), QStringLiteral("av")},         {QStringLiteral("音像磁带库"), QStringLiteral("av")},
        {QStringLiteral("film"), QStringLiteral("film")},       {QStringLiteral("胶片"), QStringLiteral("film")},
        {QStringLiteral("胶片母片"), QStringLiteral("film")},
    };
    return lookup(t, text);
}

int yesNo(const QString& text) {
    const QString k = key(text);
    static const QStringList yes = {QStringLiteral("1"), QStringLiteral("yes"), QStringLiteral("y"), QStringLiteral("true"),
                                    QStringLiteral("是"), QStringLiteral("√"), QStringLiteral("✓"), QStringLiteral("需要")};
    static const QStringList no = {QStringLiteral("0"), QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("false"),
                                   QStringLiteral("否"), QStringLiteral("×"), QStringLiteral("不需要"), QString()};
    if (yes.contains(k)) return 1;
    if (no.contains(k)) return 0;
    return -1;
}

QStringList splitList(const QString& text) {
    static const QRegularExpression sep(QStringLiteral("[;,；，、|/\\s]+"));
    QStringList out = text.split(sep, Qt::SkipEmptyParts);
    for (QString& s : out) s = s.trimmed();
    out.removeAll(QString());
    return out;
}

}  // namespace archive::db::importvalues
