// `archivectl scan-image FILE`: the built archivectl on the golden files (skipped when archivectl is not built).
#include <gtest/gtest.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {
struct CliRun {
    int exitCode = -1;
    QString out, err;
};
CliRun archivectl(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(ARCHIVECTL_PATH), args);
    CliRun r;
    if (!p.waitForFinished(60000)) return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
}  // namespace

TEST(ScanImageCommand, PrintsSymbologyTextPositionAndKind) {
    if (!QFileInfo::exists(QStringLiteral(ARCHIVECTL_PATH))) GTEST_SKIP() << "archivectl not built";
    const CliRun json = archivectl({QStringLiteral("--json"), QStringLiteral("scan-image"),
                                 QStringLiteral(SCANNER_TEST_DATA "/code128_photo1.jpg")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.out.trimmed().toUtf8()).object();
    ASSERT_TRUE(o.value(QStringLiteral("ok")).toBool()) << json.out.toStdString();
    const QJsonArray codes = o.value(QStringLiteral("codes")).toArray();
    ASSERT_EQ(codes.size(), 1);
    const QJsonObject c = codes.first().toObject();
    EXPECT_EQ(c.value(QStringLiteral("symbology")).toString(), QStringLiteral("Code128"));
    EXPECT_EQ(c.value(QStringLiteral("kind")).toString(), QStringLiteral("box"));
    EXPECT_EQ(c.value(QStringLiteral("identifier")).toString(), QStringLiteral("own"));
    EXPECT_EQ(c.value(QStringLiteral("corners")).toArray().size(), 4);
    EXPECT_TRUE(c.value(QStringLiteral("text")).toString().startsWith(QLatin1String("B2024000123")));

    const CliRun text = archivectl({QStringLiteral("scan-image"), QStringLiteral(SCANNER_TEST_DATA "/ean-13_photo1.jpg")});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("EAN-13")));
    EXPECT_TRUE(text.out.contains(QStringLiteral("9787040396638")));
    EXPECT_TRUE(text.out.contains(QStringLiteral("position")));
}

TEST(ScanImageCommand, BadInputIsAClearMessageAndExit2) {
    if (!QFileInfo::exists(QStringLiteral(ARCHIVECTL_PATH))) GTEST_SKIP() << "archivectl not built";
    const CliRun missing = archivectl({QStringLiteral("scan-image"), QStringLiteral("/nonexistent/label.png")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("找不到图片文件"))) << missing.err.toStdString();
    EXPECT_TRUE(missing.err.contains(QStringLiteral("not found")));
    const CliRun notImage = archivectl({QStringLiteral("scan-image"), QStringLiteral(SCANNER_TEST_DATA "/expected.tsv")});
    EXPECT_EQ(notImage.exitCode, 2);
    EXPECT_TRUE(notImage.err.contains(QStringLiteral("不是可读取的图片")));
    const CliRun blank = archivectl({QStringLiteral("scan-image"), QStringLiteral(SCANNER_TEST_DATA "/no_code_blank_label.png")});
    EXPECT_EQ(blank.exitCode, 2);
    EXPECT_TRUE(blank.err.contains(QStringLiteral("没有找到条码")));
    const CliRun usage = archivectl({QStringLiteral("scan-image")});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_TRUE(usage.err.contains(QStringLiteral("usage")));
}
