// Templates, layout and verification: every template lays out the sample data, its barcode reads back at
// the printer's resolution, and bad input is refused with a message that says what to change.
#include "Samples.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"
#include "labels/LabelVerifier.h"

#include <gtest/gtest.h>

using namespace archive::labels;
using labels_test::sampleBox;
using labels_test::sampleShelf;

namespace {
LabelData dataFor(const LabelTemplate& t) { return t.kind == QLatin1String("shelf") ? sampleShelf() : sampleBox(); }
LabelTemplate tpl(const QString& name) {
    auto t = TemplateRegistry::instance().findTemplate(name);
    EXPECT_TRUE(t.ok()) << t.errorMessage().toStdString();
    return t.value();
}
PrinterProfile printer(int dpi) {
    PrinterProfile p;
    p.name = QStringLiteral("test");
    p.dpi = dpi;
    return p;
}
}  // namespace

TEST(LabelTemplates, AllTemplatesAndStocksLoad) {
    const auto& reg = TemplateRegistry::instance();
    EXPECT_TRUE(reg.loadProblems().isEmpty()) << reg.loadProblems().join(QLatin1Char('\n')).toStdString();
    QStringList names;
    for (const auto& t : reg.templates()) names << t.name;
    for (const char* n : {"spine-20", "spine-30", "spine-40", "spine-50", "shelf", "cover"})
        EXPECT_TRUE(names.contains(QLatin1String(n))) << n;
    QStringList stocks;
    for (const auto& s : reg.stocks()) stocks << s.name;
    for (const char* n : {"brother-62", "brother-29", "dymo-99012", "a4-3x8"}) EXPECT_TRUE(stocks.contains(QLatin1String(n))) << n;
    for (const auto& t : reg.templates())
        for (const auto& s : t.stocks) {
            auto st = reg.findStock(s);
            ASSERT_TRUE(st.ok()) << s.toStdString();
            EXPECT_TRUE(checkStock(t, st.value()).ok()) << t.name.toStdString() << " on " << s.toStdString();
        }
}

TEST(LabelTemplates, UnknownTemplateListsTheKnownOnes) {
    auto t = TemplateRegistry::instance().findTemplate(QStringLiteral("spine-99"));
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().code, QStringLiteral("unknown_template"));
    EXPECT_TRUE(t.error().messageZh.contains(QStringLiteral("spine-40")));
    EXPECT_TRUE(t.error().messageEn.contains(QStringLiteral("spine-99")));
}

TEST(LabelTemplates, BrokenTemplateFileIsReported) {
    auto t = LabelTemplate::fromJson("{\"name\": \"x\", \"width_mm\": 20, \"height_mm\": 50, \"elements\": "
                                     "[{\"type\": \"text\", \"text\": \"a\", \"x\": 10, \"y\": 0, \"w\": 30, \"h\": 5}]}",
                                     QStringLiteral("x.json"));
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().code, QStringLiteral("bad_template"));
    EXPECT_FALSE(LabelTemplate::fromJson("{not json", QStringLiteral("y.json")).ok());
}

TEST(LabelLayout, EveryTemplateLaysOutAndItsBarcodeReadsBackAt203And300Dpi) {
    for (const auto& t : TemplateRegistry::instance().templates()) {
        for (int dpi : {203, 300}) {
            auto l = layoutLabel(t, dataFor(t), printer(dpi));
            ASSERT_TRUE(l.ok()) << t.name.toStdString() << ": " << l.errorMessage().toStdString();
            ASSERT_EQ(l->barcodes.size(), 1) << t.name.toStdString();
            EXPECT_GE(l->barcodes[0].moduleMm, 0.25 - 1e-9);
            EXPECT_TRUE(l->warnings.isEmpty()) << t.name.toStdString();
            const auto v = verifyLabel(l.value());
            EXPECT_TRUE(v.ok()) << t.name.toStdString() << "@" << dpi << ": " << v.errorMessage().toStdString();
            // and the whole label, as previewed, reads back too
            const QRectF around = l->barcodes[0].zoneMm.adjusted(-5, -5, 5, 5).intersected(QRectF(0, 0, t.widthMm, t.heightMm));
            EXPECT_EQ(decodeBarcodes(renderImage(l.value(), dpi, {}, around)), QStringList{dataFor(t).barcode})
                << t.name.toStdString();
        }
    }
}

TEST(LabelLayout, NarrowSpinesStackChineseVertically) {
    auto l = layoutLabel(tpl(QStringLiteral("spine-20")), sampleBox(), printer(300));
    ASSERT_TRUE(l.ok()) << l.errorMessage().toStdString();
    bool found = false;
    for (const auto& t : l->texts)
        if (t.vertical && t.lines.join(QString()) == QStringLiteral("办公室")) found = true;
    EXPECT_TRUE(found);
    EXPECT_EQ(l->barcodes[0].matrix.symbology, Symbology::DataMatrix);
    auto wide = layoutLabel(tpl(QStringLiteral("spine-50")), sampleBox(), printer(300));
    ASSERT_TRUE(wide.ok());
    EXPECT_EQ(wide->barcodes[0].matrix.symbology, Symbology::Code128);
}

TEST(LabelLayout, LongTitleIsShortenedWithAWarningAndStillScans) {
    LabelData d = sampleBox();
    d.title = QString(QStringLiteral("关于森林资源二类调查成果报告的审查意见及附件")).repeated(10).left(200);
    ASSERT_EQ(d.title.size(), 200);
    for (const char* name : {"spine-20", "spine-40", "cover"}) {
        auto l = layoutLabel(tpl(QLatin1String(name)), d, printer(203));
        ASSERT_TRUE(l.ok()) << name << l.errorMessage().toStdString();
        ASSERT_EQ(l->warnings.size(), 1) << name;
        EXPECT_TRUE(l->warnings[0].zh.contains(QStringLiteral("题名"))) << l->warnings[0].zh.toStdString();
        EXPECT_TRUE(l->warnings[0].en.contains(QStringLiteral("200")));
        QString shown;
        for (const auto& t : l->texts)
            if (t.lines.join(QString()).endsWith(QStringLiteral("…"))) shown = t.lines.join(QString());
        EXPECT_FALSE(shown.isEmpty()) << name;
        EXPECT_LT(shown.size(), 200);
        EXPECT_TRUE(verifyLabel(l.value()).ok());
    }
}

TEST(LabelLayout, OverlongRequiredFieldIsRefusedSayingWhatToChange) {
    LabelData d = sampleBox();
    d.boxNo = QString(200, QLatin1Char('9'));
    auto l = layoutLabel(tpl(QStringLiteral("spine-20")), d, printer(300));
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.error().code, QStringLiteral("label_text_overflow"));
    EXPECT_TRUE(l.error().messageZh.contains(QStringLiteral("盒号")));
    EXPECT_TRUE(l.error().messageZh.contains(QStringLiteral("缩短")));
    EXPECT_TRUE(l.error().messageEn.contains(QStringLiteral("box number")));
}

TEST(LabelLayout, EmptyRequiredFieldIsRefused) {
    LabelData d = sampleBox();
    d.fondsCode.clear();
    auto l = layoutLabel(tpl(QStringLiteral("spine-30")), d, printer(300));
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.error().code, QStringLiteral("label_field_empty"));
    EXPECT_TRUE(l.error().messageZh.contains(QStringLiteral("全宗号")));
    // an optional field may be empty
    d = sampleBox();
    d.orgUnit.clear();
    d.title.clear();
    EXPECT_TRUE(layoutLabel(tpl(QStringLiteral("spine-30")), d, printer(300)).ok());
    // an empty barcode is refused
    d = sampleBox();
    d.barcode = QStringLiteral("   ");
    EXPECT_FALSE(layoutLabel(tpl(QStringLiteral("spine-40")), d, printer(300)).ok());
}

TEST(LabelLayout, EmojiAndCharactersMissingFromTheFontAreRefused) {
    LabelData d = sampleBox();
    d.orgUnit = QStringLiteral("办公室😀");
    auto l = layoutLabel(tpl(QStringLiteral("spine-40")), d, printer(300));
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.error().code, QStringLiteral("label_glyph_missing"));
    EXPECT_TRUE(l.error().messageZh.contains(QStringLiteral("机构(问题)")));
    EXPECT_TRUE(l.error().messageEn.contains(QStringLiteral("1F600")));
    d.orgUnit = QStringLiteral("𪚥办公室");  // CJK Extension B, not in WenQuanYi Micro Hei
    l = layoutLabel(tpl(QStringLiteral("spine-40")), d, printer(300));
    ASSERT_FALSE(l.ok());
    EXPECT_TRUE(l.error().messageEn.contains(QStringLiteral("2A6A5")));
    // rarer but covered characters print
    d.orgUnit = QStringLiteral("鬱龘丨");
    EXPECT_TRUE(layoutLabel(tpl(QStringLiteral("spine-40")), d, printer(300)).ok());
}

TEST(LabelLayout, BarcodeTooLongForTheSpineAtTheMinimumModuleIsRefused) {
    LabelData d = sampleBox();
    d.barcode = QStringLiteral("B") + QString(24, QLatin1Char('7')) + QStringLiteral("X");
    PrinterProfile p = printer(203);
    p.minModuleMm = 0.5;  // a printer/scanner pair that needs wide bars
    auto l = layoutLabel(tpl(QStringLiteral("spine-40")), d, p);
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.error().code, QStringLiteral("barcode_too_long"));
    EXPECT_TRUE(l.error().messageZh.contains(QStringLiteral("更宽的模板")));
    // a code Code 128 cannot carry
    d.barcode = QStringLiteral("盒0001");
    l = layoutLabel(tpl(QStringLiteral("spine-40")), d, printer(300));
    ASSERT_FALSE(l.ok());
    EXPECT_EQ(l.error().code, QStringLiteral("barcode_charset"));
}

TEST(LabelLayout, ModulesAreWholePrinterDots) {
    for (int dpi : {203, 300, 600}) {
        auto l = layoutLabel(tpl(QStringLiteral("shelf")), sampleShelf(), printer(dpi));
        ASSERT_TRUE(l.ok());
        const auto& b = l->barcodes[0];
        EXPECT_NEAR(b.moduleMm, b.moduleDots * 25.4 / dpi, 1e-9);
        EXPECT_LE(b.moduleMm, 0.5 + 1e-9);
        // quiet zone inside the label
        EXPECT_GE(b.zoneMm.left(), -1e-6);
        EXPECT_LE(b.zoneMm.right(), l->widthMm + 1e-6);
    }
}

TEST(LabelStock, TemplateThatDoesNotFitTheStockIsRefusedNamingAStockThatFits) {
    auto s = TemplateRegistry::instance().findStock(QStringLiteral("brother-29"));
    ASSERT_TRUE(s.ok());
    const archive::Status st = checkStock(tpl(QStringLiteral("spine-30")), s.value());
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, QStringLiteral("stock_too_small"));
    EXPECT_TRUE(st.error().messageZh.contains(QStringLiteral("brother-62")));
}

TEST(LabelData, HashChangesWithAnyField) {
    LabelData a = sampleBox();
    LabelData b = a;
    EXPECT_EQ(a.hash(), b.hash());
    b.lastItemNo = QStringLiteral("0026");
    EXPECT_NE(a.hash(), b.hash());
    // no ambiguity between adjacent fields
    LabelData c = a, e = a;
    c.fondsCode = QStringLiteral("J0");
    c.fondsName = QStringLiteral("12X");
    e.fondsCode = QStringLiteral("J01");
    e.fondsName = QStringLiteral("2X");
    EXPECT_NE(c.hash(), e.hash());
    EXPECT_EQ(a.value(QStringLiteral("retention")), QStringLiteral("定期30年"));
    EXPECT_EQ(a.value(QStringLiteral("item_range")), QStringLiteral("0001—0025"));
}
