#pragma once
// Sample label data shared by the label tests.
#include "labels/LabelData.h"

#include <ostream>

// readable QString / QStringList in gtest failure messages
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }
inline void PrintTo(const QStringList& l, std::ostream* os) { *os << "[" << l.join(QStringLiteral(", ")).toStdString() << "]"; }

namespace labels_test {

inline archive::labels::LabelData sampleBox() {
    archive::labels::LabelData d;
    d.barcode = QStringLiteral("B20240001238");
    d.fondsCode = QStringLiteral("J012");
    d.fondsName = QStringLiteral("某市林业局");
    d.year = QStringLiteral("2023");
    d.retention = QStringLiteral("30y");
    d.orgUnit = QStringLiteral("办公室");
    d.firstItemNo = QStringLiteral("0001");
    d.lastItemNo = QStringLiteral("0025");
    d.boxNo = QStringLiteral("12");
    d.title = QStringLiteral("关于2023年度森林防火工作的通知、请示与批复");
    d.category = QStringLiteral("文书");
    return d;
}

inline archive::labels::LabelData sampleShelf() {
    archive::labels::LabelData d;
    d.barcode = QStringLiteral("L0101030");
    d.roomName = QStringLiteral("一号库房");
    d.cabinet = QStringLiteral("A03");
    d.shelf = QStringLiteral("2");
    d.position = QStringLiteral("1");
    d.locationText = QStringLiteral("A03 柜 · 第 2 层 · 1 位");
    return d;
}

}  // namespace labels_test
