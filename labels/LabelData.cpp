#include "labels/LabelData.h"

#include <QCryptographicHash>
#include <QHash>

namespace archive::labels {

namespace {
struct KeyInfo { const char* key; const char* zh; const char* en; };
const KeyInfo kKeys[] = {
    {"barcode", "条码", "barcode"},
    {"fonds_code", "全宗号", "fonds code"},
    {"fonds_name", "全宗名称", "fonds name"},
    {"year", "年度", "year"},
    {"retention", "保管期限", "retention period"},
    {"org_unit", "机构(问题)", "organisational unit"},
    {"first_item_no", "起件号", "first item number"},
    {"last_item_no", "止件号", "last item number"},
    {"item_range", "起止件号", "item range"},
    {"box_no", "盒号", "box number"},
    {"title", "题名", "title"},
    {"category", "门类", "category"},
    {"room", "库房", "room"},
    {"cabinet", "柜/架", "cabinet"},
    {"shelf", "层", "shelf"},
    {"position", "位", "position"},
    {"location_text", "位置", "location"},
};
const KeyInfo* findKey(const QString& key) {
    for (const auto& k : kKeys)
        if (key == QLatin1String(k.key)) return &k;
    return nullptr;
}
}  // namespace

QString LabelData::retentionText(const QString& code) {
    if (code == QLatin1String("permanent")) return QStringLiteral("永久");
    if (code == QLatin1String("30y")) return QStringLiteral("定期30年");
    if (code == QLatin1String("10y")) return QStringLiteral("定期10年");
    return code;
}

QString LabelData::value(const QString& key) const {
    if (key == QLatin1String("barcode")) return barcode;
    if (key == QLatin1String("fonds_code")) return fondsCode;
    if (key == QLatin1String("fonds_name")) return fondsName;
    if (key == QLatin1String("year")) return year;
    if (key == QLatin1String("retention")) return retentionText(retention);
    if (key == QLatin1String("org_unit")) return orgUnit;
    if (key == QLatin1String("first_item_no")) return firstItemNo;
    if (key == QLatin1String("last_item_no")) return lastItemNo;
    if (key == QLatin1String("item_range")) {
        if (firstItemNo.isEmpty() && lastItemNo.isEmpty()) return {};
        if (lastItemNo.isEmpty() || lastItemNo == firstItemNo) return firstItemNo;
        return firstItemNo + QStringLiteral("—") + lastItemNo;
    }
    if (key == QLatin1String("box_no")) return boxNo;
    if (key == QLatin1String("title")) return title;
    if (key == QLatin1String("category")) return category;
    if (key == QLatin1String("room")) return roomName;
    if (key == QLatin1String("cabinet")) return cabinet;
    if (key == QLatin1String("shelf")) return shelf;
    if (key == QLatin1String("position")) return position;
    if (key == QLatin1String("location_text")) return locationText;
    return {};
}

QStringList LabelData::keys() {
    QStringList out;
    for (const auto& k : kKeys) out << QLatin1String(k.key);
    return out;
}

QString LabelData::keyNameZh(const QString& key) {
    const auto* k = findKey(key);
    return k ? QString::fromUtf8(k->zh) : key;
}

QString LabelData::keyNameEn(const QString& key) {
    const auto* k = findKey(key);
    return k ? QString::fromUtf8(k->en) : key;
}

QString LabelData::hash() const {
    const QStringList parts{barcode, fondsCode, fondsName, year, retention, orgUnit, firstItemNo, lastItemNo,
                            boxNo, title, category, roomName, cabinet, shelf, position, locationText};
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const auto& p : parts) {
        const QByteArray b = p.toUtf8();
        h.addData(QByteArray::number(b.size()));  // length-prefixed: no ambiguity between fields
        h.addData(QByteArrayView(":"));
        h.addData(b);
    }
    return QString::fromLatin1(h.result().toHex());
}

}  // namespace archive::labels
