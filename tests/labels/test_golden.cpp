// Golden renders: each template on each of its stocks (and the shelf label on an A4 sheet starting at cell 5)
// rendered at 203 dpi and compared with tests/labels/golden/*.png, allowing a small share of pixels to
// differ (anti-aliasing). The renders of every run are written to <build>/tests/labels/golden-actual/ for
// a look; ARCHIVE_UPDATE_GOLDEN=1 rewrites the goldens (then look at them before committing).
#include "Samples.h"
#include "labels/LabelLayout.h"
#include "labels/LabelRenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <gtest/gtest.h>

using namespace archive::labels;

namespace {
constexpr int kDpi = 203;

// share of pixels whose grey level differs by more than 96 (of 255)
double differingShare(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_Grayscale8), y = b.convertToFormat(QImage::Format_Grayscale8);
    qint64 diff = 0;
    for (int r = 0; r < x.height(); ++r) {
        const uchar* p = x.constScanLine(r);
        const uchar* q = y.constScanLine(r);
        for (int c = 0; c < x.width(); ++c) diff += std::abs(int(p[c]) - int(q[c])) > 96;
    }
    return double(diff) / (double(x.width()) * x.height());
}

void compareWithGolden(const QString& name, const QImage& actual) {
    const QString outDir = QCoreApplication::applicationDirPath() + QStringLiteral("/golden-actual");
    QDir().mkpath(outDir);
    actual.save(outDir + QLatin1Char('/') + name + QStringLiteral(".png"));
    const QString golden = QStringLiteral(LABELS_GOLDEN_DIR "/") + name + QStringLiteral(".png");
    if (qEnvironmentVariableIntValue("ARCHIVE_UPDATE_GOLDEN") == 1) {
        QDir().mkpath(QStringLiteral(LABELS_GOLDEN_DIR));
        ASSERT_TRUE(actual.convertToFormat(QImage::Format_Grayscale8).save(golden));
        return;
    }
    ASSERT_TRUE(QFileInfo::exists(golden)) << "missing golden " << golden.toStdString();
    const QImage expected(golden);
    ASSERT_EQ(expected.size(), actual.size()) << name.toStdString();
    EXPECT_LT(differingShare(expected, actual), 0.003) << name.toStdString() << ": compare with " << outDir.toStdString();
}
}  // namespace

TEST(LabelGolden, EveryTemplateOnEachOfItsStocks) {
    PrinterProfile p;
    p.dpi = kDpi;
    int compared = 0;
    for (const LabelTemplate& t : TemplateRegistry::instance().templates()) {
        const LabelData d = t.kind == QLatin1String("shelf") ? labels_test::sampleShelf() : labels_test::sampleBox();
        auto l = layoutLabel(t, d, p);
        ASSERT_TRUE(l.ok()) << l.errorMessage().toStdString();
        for (const QString& stockName : t.stocks) {
            auto stock = TemplateRegistry::instance().findStock(stockName);
            ASSERT_TRUE(stock.ok());
            const int start = stock->type == Stock::Type::Sheet ? 5 : 1;  // a partly used sheet
            QList<LabelLayout> labels{l.value()};
            if (stock->type == Stock::Type::Sheet) labels << l.value() << l.value();
            auto pages = renderPages(labels, stock.value(), kDpi, start);
            ASSERT_TRUE(pages.ok()) << pages.errorMessage().toStdString();
            ASSERT_EQ(pages->size(), 1);
            compareWithGolden(t.name + QLatin1Char('@') + stockName, pages->first());
            ++compared;
        }
    }
    EXPECT_GE(compared, 9);
}

TEST(LabelGolden, SheetStartPositionAndOverflowToASecondPage) {
    PrinterProfile p;
    p.dpi = 100;
    auto t = TemplateRegistry::instance().findTemplate(QStringLiteral("shelf"));
    auto stock = TemplateRegistry::instance().findStock(QStringLiteral("a4-3x8"));
    ASSERT_TRUE(t.ok() && stock.ok());
    auto l = layoutLabel(t.value(), labels_test::sampleShelf(), p);
    ASSERT_TRUE(l.ok());
    QList<LabelLayout> labels;
    for (int i = 0; i < 5; ++i) labels << l.value();
    auto pages = renderPages(labels, stock.value(), 100, 22);  // cells 22, 23, 24, then 1 and 2 of a new sheet
    ASSERT_TRUE(pages.ok());
    EXPECT_EQ(pages->size(), 2);
    auto bad = renderPages(labels, stock.value(), 100, 25);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().messageZh.contains(QStringLiteral("1 到 24")));
}
