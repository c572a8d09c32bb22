// db/Sha256: the ledger's SHA-256 with the CPU's SHA instructions must give libsodium's digest for every
// length around the block edges (55/56/63/64 bytes and the split between the two parts), for long input and for
// the FIPS 180-4 test vectors; and a ledger written one way verifies the other way.
#include "BooksFixture.h"
#include "db/Sha256.h"

#include <sodium.h>

#include <QByteArray>
#include <random>

using namespace archive::db;

namespace {

QByteArray viaSodium(const QByteArray& a, const QByteArray& b) {
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(a.constData()), size_t(a.size()));
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(b.constData()), size_t(b.size()));
    unsigned char d[32];
    crypto_hash_sha256_final(&st, d);
    return QByteArray(reinterpret_cast<const char*>(d), 32).toHex();
}

QByteArray viaModule(const QByteArray& a, const QByteArray& b) {
    unsigned char d[32];
    sha256::digest2(a.constData(), size_t(a.size()), b.constData(), size_t(b.size()), d);
    char hex[64];
    sha256::toHex(d, hex);
    return QByteArray(hex, 64);
}

struct RestoreHardware {
    ~RestoreHardware() { sha256::allowHardware(true); }
};

}  // namespace

TEST(Sha256, KnownVectors) {
    ASSERT_GE(sodium_init(), 0);
    EXPECT_EQ(viaModule({}, {}), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    EXPECT_EQ(viaModule("ab", "c"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_EQ(viaModule("abcdbcdecdefdefgefghfghighijhijk", "ijkljklmklmnlmnomnopnopq"),
              QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    EXPECT_EQ(viaModule(QByteArray(1000000, 'a'), {}),
              QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

TEST(Sha256, SameAsLibsodiumForEveryLengthAndSplit) {
    ASSERT_GE(sodium_init(), 0);
    std::mt19937 rng(12345);
    QByteArray data(3000, Qt::Uninitialized);
    for (char& c : data) c = char(rng());
    int compared = 0;
    for (int na = 0; na <= 130; ++na)
        for (int nb = 0; nb <= 200; ++nb) {
            const QByteArray a = data.left(na), b = data.mid(1000, nb);
            ASSERT_EQ(viaModule(a, b), viaSodium(a, b)) << "lengths " << na << " + " << nb;
            ++compared;
        }
    for (int n : {1023, 1024, 1025, 2999}) {
        ASSERT_EQ(viaModule(data.left(64), data.left(n)), viaSodium(data.left(64), data.left(n))) << n;
        ++compared;
    }
    EXPECT_GT(compared, 26000);
    std::printf("[ sha256 ] SHA instructions %s on this machine\n", sha256::hardware() ? "used" : "not available (libsodium)");
}

class Sha256Ledger : public BooksFixture {};

// Rows appended with one implementation verify with the other, and both find the same tampered row.
TEST_F(Sha256Ledger, ChainWrittenOneWayVerifiesTheOther) {
    RestoreHardware restore;
    for (bool hwWrite : {false, true}) {
        sha256::allowHardware(hwWrite);
        for (int i = 0; i < 5; ++i) {
            ASSERT_TRUE(books->checkOutBox(QStringLiteral("BX0001"), QStringLiteral("B1"), QStringLiteral("A1")).ok());
            ASSERT_TRUE(books->checkIn(QStringLiteral("BX0001"), QStringLiteral("A1")).ok());
        }
        for (bool hwVerify : {false, true}) {
            sha256::allowHardware(hwVerify);
            auto r = Ledger::verify(*db);
            ASSERT_TRUE(r.ok()) << r.error().message().toStdString();
            EXPECT_TRUE(r->ok) << r->reason.toStdString() << " at " << r->firstBadSeq;
            EXPECT_GT(r->rowsChecked, 10);
        }
    }
}
