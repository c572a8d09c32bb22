// The column names each import accepts (English and Chinese) and the vocabularies of coded values.
#include "ImportValues.h"
#include "Importer.h"

namespace archive::db {

namespace {
ImportColumn col(const char* key, std::initializer_list<const char*> names, bool required, const char* zh,
                 const char* en) {
    ImportColumn c;
    c.key = QString::fromUtf8(key);
    c.names << c.key;
    for (const char* n : names) c.names << QString::fromUtf8(n);
    c.required = required;
    c.descZh = QString::fromUtf8(zh);
    c.descEn = QString::fromUtf8(en);
    return c;
}
}  // namespace

QList<ImportKind> Importer::allKinds() {
    return {ImportKind::Fonds, ImportKind::Categories, ImportKind::Rooms, ImportKind::Locations,
            ImportKind::Departments, ImportKind::People, ImportKind::Boxes, ImportKind::Items};
}

QString Importer::kindName(ImportKind k) {
    switch (k) {
    case ImportKind::Fonds: return QStringLiteral("fonds");
    case ImportKind::Categories: return QStringLiteral("categories");
    case ImportKind::Rooms: return QStringLiteral("rooms");
    case ImportKind::Locations: return QStringLiteral("locations");
    case ImportKind::Departments: return QStringLiteral("departments");
    case ImportKind::People: return QStringLiteral("people");
    case ImportKind::Boxes: return QStringLiteral("boxes");
    case ImportKind::Items: return QStringLiteral("items");
    }
    return {};
}

QString Importer::kindNameZh(ImportKind k) {
    switch (k) {
    case ImportKind::Fonds: return QStringLiteral("全宗");
    case ImportKind::Categories: return QStringLiteral("门类");
    case ImportKind::Rooms: return QStringLiteral("库房");
    case ImportKind::Locations: return QStringLiteral("架位");
    case ImportKind::Departments: return QStringLiteral("部门");
    case ImportKind::People: return QStringLiteral("人员");
    case ImportKind::Boxes: return QStringLiteral("档案盒");
    case ImportKind::Items: return QStringLiteral("档案（件/卷）");
    }
    return {};
}

std::optional<ImportKind> Importer::kindFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    static const QList<QPair<ImportKind, QStringList>> names = {
        {ImportKind::Fonds, {QStringLiteral("fonds"), QStringLiteral("全宗")}},
        {ImportKind::Categories, {QStringLiteral("categories"), QStringLiteral("category"), QStringLiteral("门类")}},
        {ImportKind::Rooms, {QStringLiteral("rooms"), QStringLiteral("room"), QStringLiteral("库房")}},
        {ImportKind::Locations, {QStringLiteral("locations"), QStringLiteral("location"), QStringLiteral("shelves"),
                                 QStringLiteral("架位")}},
        {ImportKind::Departments, {QStringLiteral("departments"), QStringLiteral("department"), QStringLiteral("部门")}},
        {ImportKind::People, {QStringLiteral("people"), QStringLiteral("persons"), QStringLiteral("borrowers"),
                              QStringLiteral("人员"), QStringLiteral("借阅者")}},
        {ImportKind::Boxes, {QStringLiteral("boxes"), QStringLiteral("box"), QStringLiteral("档案盒"), QStringLiteral("盒")}},
        {ImportKind::Items, {QStringLiteral("items"), QStringLiteral("item"), QStringLiteral("volumes"),
                             QStringLiteral("档案"), QStringLiteral("件"), QStringLiteral("卷")}},
    };
    for (const auto& [k, ns] : names)
        if (ns.contains(n)) return k;
    return std::nullopt;
}

QList<ImportColumn> Importer::columns(ImportKind k) {
    switch (k) {
    case ImportKind::Fonds:
        return {col("code", {"全宗号", "fonds", "fonds_code"}, true, "全宗号", "fonds code"),
                col("name", {"全宗名称", "名称", "立档单位"}, true, "全宗名称（立档单位）", "fonds name"),
                col("start_year", {"起始年度", "起始年"}, false, "起始年度", "first year"),
                col("end_year", {"终止年度", "终止年"}, false, "终止年度", "last year")};
    case ImportKind::Categories:
        return {col("code", {"门类代码", "代码", "category"}, true, "门类代码，如 WS", "category code, e.g. WS"),
                col("name", {"门类名称", "名称", "门类"}, true, "门类名称，如 文书", "category name"),
                col("loan_days", {"借期", "借期天数", "借阅天数"}, false, "借期（天），默认 30", "loan period in days (30)"),
                col("max_renewals", {"续借次数", "最多续借"}, false, "最多续借次数，默认 1", "max renewals (1)"),
                col("security_default", {"默认密级", "密级"}, false, "默认密级：公开/内部/秘密/机密", "default security"),
                col("in_room_only", {"仅限室内", "仅室内查阅", "室内查阅"}, false, "是/否：仅限室内查阅（R3）", "yes/no: in-room only (R3)"),
                col("needs_review", {"需审核", "需要审核"}, false, "是/否：借阅需档案员审核（R5）", "yes/no: loans need review (R5)"),
                col("needs_head", {"需负责人审批", "需负责人批准"}, false, "是/否：需档案室负责人批准（R4）", "yes/no: head must approve (R4)"),
                col("climate_profile", {"环境标准", "温湿度标准"}, false, "纸质/特藏/音像/胶片", "paper/special/av/film"),
                col("retention_default", {"默认保管期限", "保管期限"}, false, "永久/定期30年/定期10年", "permanent/30y/10y")};
    case ImportKind::Rooms:
        return {col("code", {"库房编号", "编号", "room"}, true, "库房编号", "room code"),
                col("name", {"库房名称", "名称", "库房"}, true, "库房名称", "room name"),
                col("climate_profile", {"环境标准", "温湿度标准", "类型"}, false, "纸质/特藏/音像/胶片", "paper/special/av/film")};
    case ImportKind::Locations:
        return {col("barcode", {"架位条码", "条码", "location"}, true, "架位条码", "shelf barcode"),
                col("room", {"库房", "库房编号", "room_code"}, true, "库房编号或名称", "room code or name"),
                col("cabinet", {"柜", "架", "柜架", "柜号", "架号", "列"}, false, "柜/架", "cabinet or rack"),
                col("shelf", {"层", "层号"}, false, "层", "shelf"),
                col("position", {"位", "位号", "格"}, false, "位", "position"),
                col("capacity", {"容量", "可放盒数"}, false, "可放档案盒数", "number of boxes it holds")};
    case ImportKind::Departments:
        return {col("code", {"部门代码", "代码", "department"}, true, "部门代码", "department code"),
                col("name", {"部门名称", "名称", "部门"}, true, "部门名称", "department name"),
                col("needs_review", {"需审核", "需要审核"}, false, "是/否：借阅需档案员审核（R5）", "yes/no: loans need review (R5)"),
                col("categories", {"可借门类", "允许门类", "门类"}, false, "可借阅的门类代码，用 ; 或 、 分隔（R7）",
                    "category codes it may borrow, separated by ; (R7)")};
    case ImportKind::People:
        return {col("card", {"借阅证号", "证号", "卡号", "借阅证", "工号"}, true, "借阅证条码", "card barcode"),
                col("name", {"姓名", "名字"}, true, "姓名", "name"),
                col("department", {"部门", "科室", "部门名称", "dept"}, false, "部门名称或代码（内部人员）", "department name or code"),
                col("kind", {"类型", "身份", "人员类型"}, false, "内部/外部（外单位或个人），默认 内部", "internal/external"),
                col("roles", {"角色", "权限"}, false, "借阅者、档案员、档案室负责人、主管领导、管理人员、管理员", "borrower, archivist, head, leader, manager, admin"),
                col("phone", {"电话", "手机", "联系电话"}, false, "电话", "phone"),
                col("unit", {"单位", "外单位", "工作单位"}, false, "外部人员的单位", "unit of an external borrower")};
    case ImportKind::Boxes:
        return {col("barcode", {"条码", "盒条码", "档案盒条码", "条形码", "box"}, true, "档案盒条码", "box barcode"),
                col("fonds", {"全宗号", "全宗", "fonds_code"}, true, "全宗号", "fonds code"),
                col("year", {"年度", "年份"}, true, "年度", "year"),
                col("retention", {"保管期限", "期限"}, true, "永久/定期30年/定期10年", "permanent/30y/10y"),
                col("box_no", {"盒号"}, false, "盒号", "box number"),
                col("category", {"门类", "门类代码", "类别"}, true, "门类代码或名称", "category code or name"),
                col("title", {"题名", "标题", "盒题名", "案卷题名"}, false, "题名", "title"),
                col("location", {"架位", "位置", "存放位置", "架位条码"}, false, "架位条码（可空：尚未上架）", "shelf barcode (empty: not shelved)"),
                col("org_unit", {"机构", "问题", "机构问题", "机构(问题)", "机构（问题）"}, false, "机构（问题）", "organisational unit / subject"),
                col("item_range", {"起止件号", "件号范围"}, false, "起止件号，如 1-25", "first-last item numbers, e.g. 1-25"),
                col("first_item_no", {"起件号", "起始件号"}, false, "起件号", "first item number"),
                col("last_item_no", {"止件号", "终止件号"}, false, "止件号", "last item number")};
    case ImportKind::Items:
        return {col("archival_code", {"档号", "code", "item"}, true, "档号", "archival code"),
                col("title", {"题名", "标题", "文件题名", "案卷题名"}, true, "题名", "title"),
                col("year", {"年度", "年份"}, true, "年度", "year"),
                col("retention", {"保管期限", "期限"}, false, "永久/定期30年/定期10年（空：同档案盒）", "permanent/30y/10y (empty: the box's)"),
                col("security", {"密级"}, false, "公开/内部/秘密/机密（空：门类默认）", "public/internal/secret/confidential"),
                col("pages", {"页数", "页"}, false, "页数", "pages"),
                col("box", {"盒条码", "档案盒", "档案盒条码", "box_barcode", "条码"}, true, "所在档案盒条码", "barcode of its box"),
                col("item_no", {"件号", "顺序号", "卷号"}, false, "件号", "item number in the box")};
    }
    return {};
}

}  // namespace archive::db
