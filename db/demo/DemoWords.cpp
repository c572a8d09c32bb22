#include "DemoWords.h"

#include <QHash>

namespace archive::db::demo {

namespace {
QStringList split(const char* s) { return QString::fromUtf8(s).split(QLatin1Char(' '), Qt::SkipEmptyParts); }

const QString& pick(QRandomGenerator& rng, const QStringList& l) { return l.at(int(rng.bounded(quint32(l.size())))); }

const QStringList& surnames() {
    static const QStringList l = split(
        "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 "
        "于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 方 白 邹 孟 熊 秦 邱 江 尹 "
        "薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马");
    return l;
}
const QStringList& givenChars() {
    static const QStringList l = split(
        "伟 芳 娜 秀 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 霞 平 刚 桂 英 华 玉 兰 萍 红 建 国 文 辉 林 森 松 "
        "柏 青 山 峰 岚 雪 梅 晓 宇 浩 然 欣 怡 俊 凯 鹏 飞 翔 云 海 波 宁 安 志 远 春 秋 冬 荣 德 福 成 永 新 立 "
        "斌 彬 琳 婷 倩 颖 佳 思 雨 晨 阳 光 树 桦 杉 榕");
    return l;
}
const QStringList& topics() {
    static const QStringList l = split(
        "森林防火 植树造林 退耕还林 天然林保护 松材线虫病防治 林业有害生物防治 生态公益林管护 林业产业发展 安全生产 "
        "党风廉政建设 林长制 野生动物保护 湿地保护 国土绿化 林下经济 古树名木保护 森林督查 林业改革 乡村振兴 "
        "防汛抗旱 信访维稳 精神文明建设 干部培训 林业科技推广 木材运输检查 森林资源管理 护林员管理 苗木生产");
    return l;
}
const QStringList& places() {
    static const QStringList l = split(
        "东山 西岭 青龙沟 白石乡 桃源镇 黄泥坳 马鞍山 三岔河 石门村 柳树湾 凤凰岭 大坪乡 清水河 红岩村 松林坡 "
        "杨家坪 老虎山 金鸡岭 梅子垭 双河口");
    return l;
}
}  // namespace

QString personName(QRandomGenerator& rng) {
    QString n = pick(rng, surnames());
    n += pick(rng, givenChars());
    if (rng.bounded(100) < 70) n += pick(rng, givenChars());
    return n;
}

QString externalUnit(QRandomGenerator& rng) {
    static const QStringList l = split(
        "青山县自然资源局 青山县审计局 青山县档案馆 省林业科学研究院 南方林业大学林学院 青山县人民法院 "
        "青山县公证处 青山县史志办公室 个人（林权权利人） 个人（退休职工） 青山县不动产登记中心 市林业调查规划院");
    return pick(rng, l);
}

QString phone(QRandomGenerator& rng) {
    static const QStringList prefixes = split("138 139 150 151 158 177 186 187 189 135");
    return pick(rng, prefixes) + QStringLiteral("%1").arg(rng.bounded(100000000), 8, 10, QLatin1Char('0'));
}

QString itemTitle(QRandomGenerator& rng, const QString& cat, int year, const QString& org) {
    const QString t = pick(rng, topics());
    const QString p = pick(rng, places());
    const int month = int(rng.bounded(12)) + 1;
    const int r = int(rng.bounded(6));
    if (cat == QLatin1String("WS")) {
        switch (r) {
        case 0: return QStringLiteral("关于做好%1年%2工作的通知").arg(year).arg(t);
        case 1: return QStringLiteral("%1关于%2有关问题的请示").arg(org, t);
        case 2: return QStringLiteral("%1%2年度%3工作总结").arg(org).arg(year).arg(t);
        case 3: return QStringLiteral("关于印发《青山县%1实施方案》的通知").arg(t);
        case 4: return QStringLiteral("%1年第%2次局长办公会议纪要").arg(year).arg(int(rng.bounded(24)) + 1);
        default: return QStringLiteral("关于%1%2情况的报告").arg(p, t);
        }
    }
    if (cat == QLatin1String("KJ")) {
        switch (r % 4) {
        case 0: return QStringLiteral("%1%2项目可行性研究报告").arg(p, t);
        case 1: return QStringLiteral("%1林区道路工程设计图纸（第%2册）").arg(p).arg(int(rng.bounded(6)) + 1);
        case 2: return QStringLiteral("%1%2技术规程及验收材料").arg(p, t);
        default: return QStringLiteral("%1年%2科研课题结题报告").arg(year).arg(t);
        }
    }
    if (cat == QLatin1String("KU")) {
        const int a = int(rng.bounded(400)) + 1;
        switch (r % 4) {
        case 0: return QStringLiteral("%1年%2月记账凭证（第%3—%4号）").arg(year).arg(month).arg(a).arg(a + 49);
        case 1: return QStringLiteral("%1年度总账及明细账").arg(year);
        case 2: return QStringLiteral("%1年度财务决算报告").arg(year);
        default: return QStringLiteral("%1年%2月银行存款日记账及对账单").arg(year).arg(month);
        }
    }
    if (cat == QLatin1String("RS")) {
        QRandomGenerator& g = rng;
        const QString n = personName(g);
        switch (r % 4) {
        case 0: return QStringLiteral("%1干部履历表").arg(n);
        case 1: return QStringLiteral("关于%1同志职务任免的审批表").arg(n);
        case 2: return QStringLiteral("%1年度工作人员考核登记表（%2）").arg(year).arg(org);
        default: return QStringLiteral("%1专业技术职务任职资格评审材料").arg(n);
        }
    }
    if (cat == QLatin1String("ZY")) {
        switch (r % 5) {
        case 0: return QStringLiteral("%1林木采伐许可证存根（%2年）").arg(p).arg(year);
        case 1: return QStringLiteral("%1林地征占用审核审批材料").arg(p);
        case 2: return QStringLiteral("%1年森林资源规划设计调查报告（%2）").arg(year).arg(p);
        case 3: return QStringLiteral("%1集体林权证发放登记表").arg(p);
        default: return QStringLiteral("%1林业行政案件卷宗").arg(p);
        }
    }
    if (cat == QLatin1String("SX")) {
        return r % 2 ? QStringLiteral("%1年%2活动照片").arg(year).arg(t) : QStringLiteral("%1%2专题录像").arg(p, t);
    }
    return QStringLiteral("%1年%2荣誉证书、奖牌").arg(year).arg(t);
}

QString boxTitle(const QString& cat, int year, const QString& org, const QString& fondsName) {
    static const QHash<QString, QString> what = {
        {QStringLiteral("WS"), QStringLiteral("文书档案")},   {QStringLiteral("KJ"), QStringLiteral("科技档案")},
        {QStringLiteral("KU"), QStringLiteral("会计档案")},   {QStringLiteral("RS"), QStringLiteral("人事档案")},
        {QStringLiteral("ZY"), QStringLiteral("资源林政档案")}, {QStringLiteral("SX"), QStringLiteral("声像档案")},
        {QStringLiteral("SW"), QStringLiteral("实物档案")}};
    return QStringLiteral("%1 %2年 %3 %4").arg(fondsName).arg(year).arg(org, what.value(cat));
}

QString requestPurpose(QRandomGenerator& rng) {
    static const QStringList l = split(
        "编写年度工作总结 审计核查 林权纠纷调处 职称评审查证 编修县志 工程竣工验收 信访答复 案件复核 "
        "资源调查比对 干部任免考察 学术研究 办理不动产登记");
    return pick(rng, l);
}

}  // namespace archive::db::demo
