// Identifiers: own format with ISO/IEC 7064 MOD 37-2 check, legacy patterns, rejection of misreads.
#include "devices/scanner/Identifier.h"

#include <gtest/gtest.h>

#include <QRandomGenerator>

using namespace archive::scanner;

namespace {
// Independent check of the pure-system property: Σ a_i · 2^(i−1) ≡ 1 (mod 37), i counted from the right.
bool pureSystemHolds(const QString& s) {
    long long sum = 0, w = 1;
    for (qsizetype i = s.size() - 1; i >= 0; --i) {
        sum = (sum + Mod37_2::value(s[i]) * w) % 37;
        w = (w * 2) % 37;
    }
    return sum == 1;
}
}  // namespace

TEST(Identifier, Mod37_2PublishedExample) {
    // ISBT 128 donation identification number example: A999914123458 → check J.
    EXPECT_EQ(Mod37_2::checkChar(u"A999914123458"), QLatin1Char('J'));
    EXPECT_TRUE(Mod37_2::isValid(u"A999914123458J"));
    EXPECT_FALSE(Mod37_2::isValid(u"A999914123458K"));
}

TEST(Identifier, CheckSatisfiesPureSystemForRandomBodies) {
    QRandomGenerator rng(42);
    int stars = 0;
    for (int n = 0; n < 5000; ++n) {
        QString body;
        const int len = 4 + rng.bounded(21);
        for (int i = 0; i < len; ++i) body.append(QLatin1Char(Mod37_2::kAlphabet[rng.bounded(36)]));
        const QString id = Identifier::make(IdKind::Box, body);
        ASSERT_EQ(id.size(), len + 2);
        ASSERT_TRUE(pureSystemHolds(id)) << id.toStdString();
        if (id.back() == QLatin1Char('*')) ++stars;
    }
    EXPECT_GT(stars, 0);  // the 37th check value really occurs
}

TEST(Identifier, DetectsEverySingleSubstitutionAndAdjacentSwap) {
    const QString id = Identifier::make(IdKind::Location, u"R01C02S03P04");
    ASSERT_FALSE(id.isEmpty());
    for (qsizetype i = 0; i < id.size(); ++i) {
        for (const char c : std::string_view(Mod37_2::kAlphabet)) {
            if (QLatin1Char(c) == id[i]) continue;
            QString bad = id;
            bad[i] = QLatin1Char(c);
            EXPECT_FALSE(Mod37_2::isValid(bad)) << bad.toStdString();
        }
        if (i + 1 < id.size() && id[i] != id[i + 1]) {
            QString swapped = id;
            std::swap(swapped[i], swapped[i + 1]);
            EXPECT_FALSE(Mod37_2::isValid(swapped)) << swapped.toStdString();
        }
    }
}

TEST(Identifier, ClassifiesOwnCodesByPrefix) {
    const struct { IdKind kind; const char16_t* body; } cases[] = {
        {IdKind::Box, u"2024000123"}, {IdKind::Location, u"A01020304"}, {IdKind::Person, u"T0042"},
        {IdKind::Item, u"J0012024Y0001"}};
    for (const auto& c : cases) {
        const QString id = Identifier::make(c.kind, c.body);
        const Classification r = Identifier::classify(id);
        EXPECT_EQ(r.status, Classification::Status::Own) << id.toStdString();
        EXPECT_EQ(r.kind, c.kind);
        EXPECT_EQ(r.code, id);
        EXPECT_TRUE(r.accepted());
        // Caps Lock on a wedge scanner or a person typing in lower case: still accepted, normalised.
        const Classification lower = Identifier::classify(QStringLiteral("  ") + id.toLower() + QStringLiteral("\t"));
        if (id.back() != QLatin1Char('*')) {
            EXPECT_EQ(lower.status, Classification::Status::Own);
            EXPECT_EQ(lower.code, id);
        }
    }
}

TEST(Identifier, RejectsMistypedCodeWithClearMessage) {
    QString id = Identifier::make(IdKind::Box, u"2024000123");
    id[3] = id[3] == QLatin1Char('7') ? QLatin1Char('1') : QLatin1Char('7');
    const Classification r = Identifier::classify(id);
    EXPECT_EQ(r.status, Classification::Status::BadCheck);
    EXPECT_FALSE(r.accepted());
    EXPECT_TRUE(r.messageZh.contains(QStringLiteral("校验位"))) << r.messageZh.toStdString();
    EXPECT_TRUE(r.messageEn.contains(QStringLiteral("check character")));
}

TEST(Identifier, MakeRefusesBadBodies) {
    EXPECT_TRUE(Identifier::make(IdKind::Box, u"123").isEmpty());                         // too short
    EXPECT_TRUE(Identifier::make(IdKind::Box, QString(25, QLatin1Char('1'))).isEmpty());  // too long
    EXPECT_TRUE(Identifier::make(IdKind::Box, u"12-34").isEmpty());                        // separator
    EXPECT_TRUE(Identifier::make(IdKind::Box, u"档案0001").isEmpty());                       // non-ASCII
    EXPECT_TRUE(Identifier::make(IdKind::Unknown, u"12345").isEmpty());
    EXPECT_EQ(Identifier::make(IdKind::Person, u"ab12"), Identifier::make(IdKind::Person, u"AB12"));
}

TEST(Identifier, LegacyPatternsAcceptPreExistingBarcodes) {
    IdentifierPatterns p;
    QStringList errors;
    const int added = p.addFromText(QStringLiteral(
        "# pre-existing labels of this archive\n"
        "box = \\d{4}-[A-Z]\\d{2}-\\d{4}\n"
        "person = 20\\d{6}\n"
        "shelf = K\\d{2}-\\d{2}\n"
        "gadget = .*\n"
        "item = ([\n"
        "nonsense line\n"), &errors);
    EXPECT_EQ(added, 3);
    EXPECT_EQ(errors.size(), 3) << errors.join(QLatin1Char('|')).toStdString();

    EXPECT_EQ(Identifier::classify(QStringLiteral("2019-W01-0042"), p).kind, IdKind::Box);
    EXPECT_EQ(Identifier::classify(QStringLiteral("2019-W01-0042"), p).status, Classification::Status::Legacy);
    EXPECT_EQ(Identifier::classify(QStringLiteral("20230017"), p).kind, IdKind::Person);
    EXPECT_EQ(Identifier::classify(QStringLiteral("K03-11"), p).kind, IdKind::Location);
    // Patterns are anchored: a longer code does not match.
    EXPECT_EQ(Identifier::classify(QStringLiteral("2023001799"), p).status, Classification::Status::Unknown);
    // Own codes still win and are not confused with legacy ones.
    const QString own = Identifier::make(IdKind::Item, u"2023001799");
    EXPECT_EQ(Identifier::classify(own, p).status, Classification::Status::Own);
}

TEST(Identifier, LegacyPatternRescuesCodeThatLooksLikeOursButIsNot) {
    IdentifierPatterns p;
    ASSERT_TRUE(p.add(IdKind::Box, QStringLiteral("B\\d{7}")));
    // "B1234567" has our shape; whether or not its last digit happens to be a valid check, it must be a box.
    const Classification r = Identifier::classify(QStringLiteral("B1234567"), p);
    EXPECT_TRUE(r.accepted());
    EXPECT_EQ(r.kind, IdKind::Box);
}

TEST(Identifier, BadInputNeverCrashes) {
    EXPECT_EQ(Identifier::classify(QString()).status, Classification::Status::Empty);
    EXPECT_EQ(Identifier::classify(QStringLiteral("   \t ")).status, Classification::Status::Empty);
    EXPECT_FALSE(Identifier::classify(QStringLiteral("   ")).messageEn.isEmpty());
    const QString huge(4000, QLatin1Char('B'));
    const Classification h = Identifier::classify(huge);
    EXPECT_EQ(h.status, Classification::Status::Unknown);
    EXPECT_LE(h.messageZh.size(), 200);  // the message quotes only the start of the code
    EXPECT_EQ(Identifier::classify(QStringLiteral("B档案盒0001X")).status, Classification::Status::Unknown);
    EXPECT_EQ(Identifier::classify(QString::fromUtf8("\xC3\xA9\xFF\x01")).status, Classification::Status::Unknown);
    EXPECT_TRUE(Mod37_2::checkChar(u"ab").isNull());
    EXPECT_FALSE(Mod37_2::isValid(u""));
    EXPECT_FALSE(Mod37_2::isValid(u"*"));
}
