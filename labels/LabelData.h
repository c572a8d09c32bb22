#pragma once
// The fields printed on a box spine / box cover or a shelf (location) label. kiosk/ and cli/ fill it from
// the books (db/labels/LabelQueries.h gives the row); labels/ never reads the database itself.
// hash() is what the books keep per printed label: when a box's current hash differs, its label is stale.

#include <QString>
#include <QStringList>

namespace archive::labels {

struct LabelData {
    QString barcode;      // box or location identifier (devices/scanner/Identifier.h), printed as a barcode + text
    // box (spine and cover)
    QString fondsCode;    // 全宗号
    QString fondsName;    // 全宗名称
    QString year;         // 年度
    QString retention;    // 保管期限: 'permanent' | '30y' | '10y' or already-displayable text
    QString orgUnit;      // 机构(问题)
    QString firstItemNo;  // 起止件号 (first)
    QString lastItemNo;   // 起止件号 (last)
    QString boxNo;        // 盒号
    QString title;        // 题名 / 盒内容
    QString category;     // 门类 name
    // shelf / location
    QString roomName;     // 库房
    QString cabinet;      // 柜/架
    QString shelf;        // 层
    QString position;     // 位
    QString locationText; // free text shown on shelf labels (optional)

    // Value of a template placeholder key ("fonds_code", "year", "retention", "item_range", …);
    // empty for unknown keys. retention is shown as 永久 / 定期30年 / 定期10年.
    QString value(const QString& key) const;
    static QStringList keys();
    // Display name of a key for messages: "全宗号" / "fonds code".
    static QString keyNameZh(const QString& key);
    static QString keyNameEn(const QString& key);
    static QString retentionText(const QString& code);

    // SHA-256 (hex) over every field in a fixed order: equal data ⇔ equal hash.
    QString hash() const;
    bool operator==(const LabelData&) const = default;
};

}  // namespace archive::labels
