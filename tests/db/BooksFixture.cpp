#include "BooksFixture.h"

#include "TestBackend.h"

#include <QSqlQuery>

using namespace archive::db;

void BooksFixture::SetUp() {
    ASSERT_TRUE(dir.isValid());
    QString error;
    path = testdb::freshLocation(dir, &error);  // SQLite file, or a new PostgreSQL database (ARCHIVE_TEST_BACKEND)
    ASSERT_FALSE(path.isEmpty()) << error.toStdString();
    auto d = Database::open(path);
    ASSERT_TRUE(d.ok()) << d.errorMessage().toStdString() << d.error().detail.toStdString();
    db = std::move(d.value());
    books = std::make_unique<Books>(*db);
    seed();
}

void BooksFixture::seed() {
    const QString sys = QStringLiteral("test");
    ASSERT_OK(books->addFonds({QStringLiteral("J001"), QStringLiteral("某某市林业局"), 1990, 2025}, sys));
    ASSERT_OK(books->addFonds({QStringLiteral("J002"), QStringLiteral("某某市疾病预防控制中心"), 2000, 2025}, sys));
    NewCategory ws{QStringLiteral("WS"), QStringLiteral("文书")};
    ASSERT_OK(books->addCategory(ws, sys));
    NewCategory kj{QStringLiteral("KJ"), QStringLiteral("科技")};
    kj.needsReview = true;
    ASSERT_OK(books->addCategory(kj, sys));
    NewCategory rs{QStringLiteral("RS"), QStringLiteral("人事")};
    rs.needsHead = true;
    ASSERT_OK(books->addCategory(rs, sys));
    NewCategory lz{QStringLiteral("LZ"), QStringLiteral("资源林政")};
    lz.inRoomOnly = true;
    ASSERT_OK(books->addCategory(lz, sys));
    NewCategory zd{QStringLiteral("ZD"), QStringLiteral("暂定")};
    zd.loanDays = 0;
    ASSERT_OK(books->addCategory(zd, sys));
    ASSERT_OK(books->addRoom({QStringLiteral("R1"), QStringLiteral("一号库房"), QStringLiteral("paper")}, sys));
    ASSERT_OK(books->addRoom({QStringLiteral("R2"), QStringLiteral("二号库房"), QStringLiteral("paper")}, sys));
    ASSERT_OK(books->importLocations({{QStringLiteral("S1-01"), QStringLiteral("R1"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1"), 20},
                                      {QStringLiteral("S1-02"), QStringLiteral("R1"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("1"), 20},
                                      {QStringLiteral("S2-01"), QStringLiteral("R2"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1"), 2}},
                                     sys));
    ASSERT_OK(books->addDepartment({QStringLiteral("OFF"), QStringLiteral("办公室"), false,
                                    {QStringLiteral("WS"), QStringLiteral("KJ"), QStringLiteral("RS"), QStringLiteral("LZ"), QStringLiteral("ZD")}}, sys));
    ASSERT_OK(books->addDepartment({QStringLiteral("FIN"), QStringLiteral("财务科"), false, {QStringLiteral("WS")}}, sys));
    auto person = [](const char* card, const char* name, const char* dept, const char* kind, QStringList roles) {
        return NewPerson{QString::fromUtf8(card), QString::fromUtf8(name), QString::fromUtf8(dept), QString::fromUtf8(kind), roles, {}, {}};
    };
    ASSERT_OK(books->importPeople({person("A1", "王档案", "OFF", "internal", {QStringLiteral("archivist"), QStringLiteral("borrower")}),
                                   person("H1", "李主任", "OFF", "internal", {QStringLiteral("head")}),
                                   person("H2", "赵主任", "OFF", "internal", {QStringLiteral("head")}),
                                   person("L1", "张局长", "OFF", "internal", {QStringLiteral("leader")}),
                                   person("B1", "陈借阅", "OFF", "internal", {QStringLiteral("borrower")}),
                                   person("B2", "刘会计", "FIN", "internal", {QStringLiteral("borrower")}),
                                   person("B3", "周同事", "OFF", "internal", {QStringLiteral("borrower")}),
                                   person("E1", "外单位查档人", "", "external", {QStringLiteral("borrower")})},
                                  sys));
    addBox(QStringLiteral("BX0001"), QStringLiteral("WS"), QStringLiteral("S1-01"), 2010, QStringLiteral("10y"),
           {QStringLiteral("关于档案室温湿度管理的通知"), QStringLiteral("2010年财务工作总结")});
    addBox(QStringLiteral("BX0002"), QStringLiteral("WS"), QStringLiteral("S1-01"), 2020, QStringLiteral("30y"),
           {QStringLiteral("林业局年度工作报告 Annual Report"), QStringLiteral("关于印发档案管理办法的通知")});
    addBox(QStringLiteral("BX0003"), QStringLiteral("WS"), QStringLiteral("S1-01"), 2021, QStringLiteral("permanent"),
           {QStringLiteral("干部任免决定（机密）")}, QStringLiteral("confidential"));
    addBox(QStringLiteral("BX0004"), QStringLiteral("KJ"), QStringLiteral("S1-02"), 2015, QStringLiteral("30y"),
           {QStringLiteral("造林工程设计图纸")});
    addBox(QStringLiteral("BX0005"), QStringLiteral("RS"), QStringLiteral("S1-02"), 2018, QStringLiteral("permanent"),
           {QStringLiteral("职工人事档案目录")});
    addBox(QStringLiteral("BX0006"), QStringLiteral("LZ"), QStringLiteral("S1-02"), 2012, QStringLiteral("permanent"),
           {QStringLiteral("资源林政管理台账")});
    addBox(QStringLiteral("BX0007"), QStringLiteral("ZD"), QStringLiteral("S1-02"), 2019, QStringLiteral("10y"),
           {QStringLiteral("暂存资料")});
    addBox(QStringLiteral("BX0008"), QStringLiteral("WS"), QStringLiteral("S1-02"), 2022, QStringLiteral("30y"),
           {QStringLiteral("会议纪要"), QStringLiteral("会议签到表")});
}

void BooksFixture::addCorpus(int boxes) {
    // Deterministic titles from pieces: 1-, 2- and 3-character Chinese words, mixed-case English, digits.
    static const char* pre[] = {"关于", "关于做好", "关于印发", "", "市", "局"};
    static const char* subj[] = {"森林防火", "林业资源", "档案管理", "财务报表", "人事任免", "工程建设", "安全生产", "会议纪要",
                                 "年度预算", "造林绿化", "Forest Fire", "ANNUAL report", "GIS 数据", "林权登记", "采伐许可"};
    static const char* tail[] = {"工作的通知", "的报告", "的请示", "的批复", "实施方案", "工作总结", "统计表", "（机密）", "v2.0", "的函"};
    int n = 0;
    for (int b = 0; b < boxes; ++b) {
        QStringList titles;
        for (int i = 0; i < 10; ++i, ++n)
            titles << QString::fromUtf8(pre[n % 6]) + QString::fromUtf8(subj[(n * 7) % 15]) + QString::fromUtf8(tail[(n * 3 + b) % 10]);
        addBox(QStringLiteral("CX%1").arg(b, 4, 10, QLatin1Char('0')), b % 3 ? QStringLiteral("WS") : QStringLiteral("KJ"), {},
               2000 + (b * 5) % 25, QStringLiteral("30y"), titles);
    }
}

void BooksFixture::TearDown() {
    // Whatever a test did to the books, every box's file summary (migration 0005) still matches its files.
    if (db && db->sql().isOpen()) EXPECT_EQ(boxSummaryMismatches(), 0) << "box summaries differ from a recount";
    books.reset();
    db.reset();
}

std::unique_ptr<Database> BooksFixture::openAgain() {
    auto d = Database::open(path);
    EXPECT_TRUE(d.ok()) << d.errorMessage().toStdString();
    return d ? std::move(d.value()) : nullptr;
}

void BooksFixture::addBox(const QString& barcode, const QString& category, const QString& location, int year,
                          const QString& retention, const QStringList& itemTitles, const QString& security) {
    NewBox b;
    b.barcode = barcode;
    b.fondsCode = QStringLiteral("J001");
    b.year = year;
    b.retention = retention;
    b.boxNo = barcode.right(4);
    b.firstItemNo = 1;
    b.lastItemNo = int(itemTitles.size());
    b.title = itemTitles.value(0);
    b.categoryCode = category;
    b.locationBarcode = location;
    ASSERT_OK(books->importBoxes({b}, QStringLiteral("test")));
    QList<NewItem> items;
    for (int i = 0; i < itemTitles.size(); ++i) {
        NewItem it;
        it.archivalCode = QStringLiteral("J001-%1-%2-%3-%4").arg(category).arg(year).arg(barcode.right(4)).arg(i + 1, 4, 10, QLatin1Char('0'));
        it.title = itemTitles[i];
        it.year = year;
        it.retention = retention;
        it.security = security;
        it.pages = 10 + i;
        it.boxBarcode = barcode;
        it.itemNo = i + 1;
        items << it;
    }
    ASSERT_OK(books->importItems(items, QStringLiteral("test")));
}

QString BooksFixture::boxState(const QString& barcode) {
    auto b = books->box(barcode);
    return b ? b->state : QStringLiteral("?");
}

qint64 BooksFixture::count(const QString& sql) {
    QSqlQuery q(db->sql());
    if (!q.exec(sql) || !q.next()) return -1;
    return q.value(0).toLongLong();
}

qint64 BooksFixture::boxSummaryMismatches() {
    return count(QStringLiteral(
        "SELECT count(*) FROM boxes b WHERE b.item_count <> (SELECT count(*) FROM items i WHERE i.box_id = b.id)"
        " OR b.items_on_loan <> (SELECT count(*) FROM items i WHERE i.box_id = b.id AND i.state = 'on_loan')"
        " OR coalesce(b.max_security_rank, -1) <> coalesce((SELECT max(CASE i.security WHEN 'public' THEN 0"
        "   WHEN 'internal' THEN 1 WHEN 'secret' THEN 2 WHEN 'confidential' THEN 3 END) FROM items i WHERE i.box_id = b.id), -1)"));
}
