#include "KioskFixture.h"

#include "db/Books.h"
#include "db/Database.h"
#include "devices/scanner/Identifier.h"

using namespace archive;
using archive::scanner::IdKind;
using archive::scanner::Identifier;

namespace kiosktest {

namespace {
template <class T>
Status check(const Result<T>& r) {
    return r ? okStatus() : Status(r.error());
}
#define FX_TRY(expr)                            \
    do {                                        \
        if (auto st_ = check(expr); !st_) return st_.error(); \
    } while (0)
}  // namespace

Result<Fixture> makeFixture(const QString& dir) {
    Fixture f;
    f.dbPath = dir + QStringLiteral("/archive.db");
    auto opened = db::Database::open(f.dbPath);
    if (!opened) return opened.error();
    db::Database& d = *opened.value();
    db::Books books(d);
    const QString actor = QStringLiteral("archivectl");

    f.archivistCard = Identifier::make(IdKind::Person, QStringLiteral("900001"));
    f.headCard = Identifier::make(IdKind::Person, QStringLiteral("900003"));
    f.adminCard = Identifier::make(IdKind::Person, QStringLiteral("900006"));
    f.borrowerCard = Identifier::make(IdKind::Person, QStringLiteral("100001"));
    f.lateBorrowerCard = Identifier::make(IdKind::Person, QStringLiteral("100002"));
    f.shelfA = Identifier::make(IdKind::Location, QStringLiteral("01010101"));
    f.shelfB = Identifier::make(IdKind::Location, QStringLiteral("01010201"));
    f.boxPlain = Identifier::make(IdKind::Box, QStringLiteral("2020000001"));
    f.boxPlain2 = Identifier::make(IdKind::Box, QStringLiteral("2020000002"));
    f.boxSecret = Identifier::make(IdKind::Box, QStringLiteral("2020000003"));
    f.boxLate = Identifier::make(IdKind::Box, QStringLiteral("2020000004"));
    f.secretItem = QStringLiteral("J001-WS·2020-Y-0009");
    f.secretTitle = QStringLiteral("关于干部任免的机密请示");

    FX_TRY(books.addFonds({QStringLiteral("J001"), QStringLiteral("示范县林业局"), 1990, 2024}, actor));
    db::NewCategory ws;
    ws.code = QStringLiteral("WS");
    ws.name = QStringLiteral("文书");
    ws.loanDays = 30;
    FX_TRY(books.addCategory(ws, actor));
    FX_TRY(books.addRoom({QStringLiteral("K1"), QStringLiteral("一号库房"), QStringLiteral("paper")}, actor));
    db::NewDepartment office;
    office.code = QStringLiteral("BGS");
    office.name = QStringLiteral("办公室");
    office.categoryCodes = {QStringLiteral("WS")};
    FX_TRY(books.addDepartment(office, actor));

    FX_TRY(books.importLocations({{f.shelfA, QStringLiteral("K1"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1"), 40},
                                  {f.shelfB, QStringLiteral("K1"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("1"), 40}},
                                 actor));
    auto box = [&](const QString& code, const QString& no, const QString& title) {
        db::NewBox b;
        b.barcode = code;
        b.fondsCode = QStringLiteral("J001");
        b.year = 2020;
        b.retention = QStringLiteral("permanent");
        b.boxNo = no;
        b.firstItemNo = no.toInt() * 10 - 9;
        b.lastItemNo = no.toInt() * 10;
        b.orgUnit = QStringLiteral("办公室");
        b.title = title;
        b.categoryCode = QStringLiteral("WS");
        b.locationBarcode = f.shelfA;
        return b;
    };
    FX_TRY(books.importBoxes({box(f.boxPlain, QStringLiteral("1"), QStringLiteral("2020年度林业工作总结与计划")),
                              box(f.boxPlain2, QStringLiteral("2"), QStringLiteral("2020年度护林防火文件")),
                              box(f.boxSecret, QStringLiteral("3"), QStringLiteral("2020年度人事任免文件")),
                              box(f.boxLate, QStringLiteral("4"), QStringLiteral("2020年度财务审计资料"))},
                             actor));
    auto item = [&](const QString& code, const QString& title, const QString& security, const QString& boxCode, int no) {
        db::NewItem i;
        i.archivalCode = code;
        i.title = title;
        i.year = 2020;
        i.retention = QStringLiteral("permanent");
        i.security = security;
        i.pages = 12;
        i.boxBarcode = boxCode;
        i.itemNo = no;
        return i;
    };
    FX_TRY(books.importItems({item(QStringLiteral("J001-WS·2020-Y-0001"), QStringLiteral("2020年林业工作总结"), QStringLiteral("internal"), f.boxPlain, 1),
                              item(QStringLiteral("J001-WS·2020-Y-0002"), QStringLiteral("2021年林业工作计划"), QStringLiteral("public"), f.boxPlain, 2),
                              item(QStringLiteral("J001-WS·2020-Y-0005"), QStringLiteral("护林防火责任书"), QStringLiteral("internal"), f.boxPlain2, 1),
                              item(f.secretItem, f.secretTitle, QStringLiteral("confidential"), f.boxSecret, 1),
                              item(QStringLiteral("J001-WS·2020-Y-0012"), QStringLiteral("2020年财务审计报告"), QStringLiteral("internal"), f.boxLate, 1)},
                             actor));
    auto person = [&](const QString& card, const QString& name, const QStringList& roles) {
        db::NewPerson p;
        p.card = card;
        p.name = name;
        p.departmentCode = QStringLiteral("BGS");
        p.roles = roles;
        p.phone = QStringLiteral("0571-8888");
        return p;
    };
    FX_TRY(books.importPeople({person(f.archivistCard, QStringLiteral("林晓梅"), {QStringLiteral("archivist"), QStringLiteral("borrower")}),
                               person(f.headCard, QStringLiteral("陈志远"), {QStringLiteral("head"), QStringLiteral("archivist"), QStringLiteral("borrower")}),
                               person(f.adminCard, QStringLiteral("孙浩然"), {QStringLiteral("admin")}),
                               person(f.borrowerCard, QStringLiteral("张伟"), {QStringLiteral("borrower")}),
                               person(f.lateBorrowerCard, QStringLiteral("李娜"), {QStringLiteral("borrower")})},
                              actor));
    FX_TRY(books.setPin(f.archivistCard, f.archivistPin, f.archivistCard));
    FX_TRY(books.setPin(f.headCard, f.headPin, f.headCard));
    FX_TRY(books.setPin(f.adminCard, f.adminPin, f.adminCard));

    // An overdue loan: lent 45 days ago for 30 days.
    d.setClockOffsetMs(-45LL * 24 * 3600 * 1000);
    FX_TRY(books.checkOutBox(f.boxLate, f.lateBorrowerCard, f.archivistCard));
    d.setClockOffsetMs(0);
    return f;
}

}  // namespace kiosktest
