// The pinyin engine of the on-screen keyboard (kiosk/PinyinEngine) on the real libgooglepinyin dictionary, and a
// typed-and-committed query searching a real SQLite archive through the borrower's controller.
#include "BorrowerController.h"
#include "DbService.h"
#include "FeedbackController.h"
#include "KioskFixture.h"
#include "PinyinEngine.h"
#include "ScanController.h"
#include "BoxController.h"
#include "SessionController.h"
#include "StaffDesk.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace archive;
using namespace archive::kiosk;

namespace {

void typeWord(PinyinEngine& e, const QString& letters) {
    for (QChar c : letters) QVERIFY2(e.typeLetter(QString(c)), qPrintable(letters));
}

// Index of `word` among the loaded candidates, -1 when absent.
int indexOf(const PinyinEngine& e, const QString& word) { return int(e.candidates().indexOf(word)); }

}  // namespace

class KioskPinyin : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    // Runs first: the C library's decoder is opened once per process, by the first engine that needs it.
    void missingDictionaryIsExplained() {
        PinyinEngine e;
        const Status st = e.open(QStringLiteral("/nonexistent/dict_pinyin.dat"));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("pinyin_dictionary"));
        QVERIFY(st.error().messageZh.contains(QStringLiteral("libgooglepinyin0")));
        QVERIFY(st.error().messageEn.contains(QStringLiteral("libgooglepinyin0")));
        QVERIFY(!e.available());
        QVERIFY(!e.errorZh().isEmpty());
        QVERIFY(!e.typeLetter(QStringLiteral("a")));
        QVERIFY(!e.composing());
    }

    void dictionaryIsInstalled() {
        PinyinEngine e;
        const Status st = e.open();
        QVERIFY2(st.ok(), qPrintable(st.errorMessage() + QStringLiteral(" ") + PinyinEngine::defaultDictionaryPath()));
        QVERIFY(e.available());
    }

    // The archive's everyday words come first (the dictionary's frequency ranking, no user dictionary).
    void archiveWordsAreAmongTheFirstCandidates_data() {
        QTest::addColumn<QString>("letters");
        QTest::addColumn<QString>("word");
        QTest::newRow("dangan") << QStringLiteral("dangan") << QStringLiteral("档案");
        QTest::newRow("linye") << QStringLiteral("linye") << QStringLiteral("林业");
        QTest::newRow("caiwu") << QStringLiteral("caiwu") << QStringLiteral("财务");
        QTest::newRow("wenshu") << QStringLiteral("wenshu") << QStringLiteral("文书");
        QTest::newRow("renshi") << QStringLiteral("renshi") << QStringLiteral("人事");
        QTest::newRow("keji") << QStringLiteral("keji") << QStringLiteral("科技");
        QTest::newRow("upper case") << QStringLiteral("DangAn") << QStringLiteral("档案");
    }
    void archiveWordsAreAmongTheFirstCandidates() {
        QFETCH(QString, letters);
        QFETCH(QString, word);
        PinyinEngine e;
        QSignalSpy changed(&e, &PinyinEngine::changed);
        typeWord(e, letters);
        QCOMPARE(changed.count(), letters.size());
        QVERIFY(e.composing());
        QCOMPARE(e.spelling(), letters.toLower());
        const int at = indexOf(e, word);
        QVERIFY2(at >= 0 && at < 3, qPrintable(e.candidates().mid(0, 8).join(QLatin1Char(' '))));
        QCOMPARE(e.choose(at), word);
        QVERIFY(!e.composing());
        QVERIFY(e.spelling().isEmpty());
    }

    // Archival jargon missing from the engine's dictionary (全宗 = fonds) is typed syllable by syllable.
    void jargonIsTypedCharacterByCharacter() {
        PinyinEngine e;
        typeWord(e, QStringLiteral("quanzong"));
        QVERIFY(!e.candidates().mid(0, 20).contains(QStringLiteral("全宗")));  // a limit of the dictionary
        const int quan = indexOf(e, QStringLiteral("全"));
        QVERIFY2(quan >= 0 && quan < 3, qPrintable(e.candidates().mid(0, 8).join(QLatin1Char(' '))));
        QCOMPARE(e.choose(quan), QString());  // 全 fixed, zong still open
        const int zong = indexOf(e, QStringLiteral("宗"));
        QVERIFY2(zong >= 0 && zong < 5, qPrintable(e.candidates().mid(0, 8).join(QLatin1Char(' '))));
        QCOMPARE(e.choose(zong), QStringLiteral("全宗"));
    }

    void preeditShowsTheSyllables() {
        PinyinEngine e;
        typeWord(e, QStringLiteral("dangan"));
        QCOMPARE(e.preedit(), QStringLiteral("dang'an"));
        PinyinEngine f;
        typeWord(f, QStringLiteral("xi'an"));
        QCOMPARE(f.preedit(), QStringLiteral("xi'an"));
        QVERIFY2(indexOf(f, QStringLiteral("西安")) >= 0 && indexOf(f, QStringLiteral("西安")) < 3,
                 qPrintable(f.candidates().mid(0, 8).join(QLatin1Char(' '))));
        QVERIFY(!f.typeLetter(QStringLiteral("'")) || f.spelling().count(QLatin1Char('\'')) == 2);
        QVERIFY(!f.typeLetter(QStringLiteral("1")));
        QVERIFY(!f.typeLetter(QStringLiteral("档")));
    }

    // Choosing 档案 out of "danganguanli" fixes the first two syllables; choosing again completes the word.
    void partialChoiceThenTheRest() {
        PinyinEngine e;
        typeWord(e, QStringLiteral("danganguanli"));
        QCOMPARE(e.candidates().value(0), QStringLiteral("档案管理"));
        const int dangan = indexOf(e, QStringLiteral("档案"));
        QVERIFY2(dangan > 0, qPrintable(e.candidates().join(QLatin1Char(' '))));
        QCOMPARE(e.choose(dangan), QString());
        QVERIFY(e.composing());
        QVERIFY2(e.preedit().startsWith(QStringLiteral("档案")), qPrintable(e.preedit()));
        const int guanli = indexOf(e, QStringLiteral("管理"));
        QVERIFY2(guanli >= 0 && guanli < 3, qPrintable(e.candidates().mid(0, 8).join(QLatin1Char(' '))));
        // backspace undoes the partial choice, then removes letters
        e.backspace();
        QCOMPARE(e.spelling(), QStringLiteral("danganguanli"));
        QCOMPARE(e.candidates().value(0), QStringLiteral("档案管理"));
        e.backspace();
        QCOMPARE(e.spelling(), QStringLiteral("danganguanl"));
        QCOMPARE(e.choose(indexOf(e, QStringLiteral("档案"))), QString());
        QCOMPARE(e.choose(indexOf(e, QStringLiteral("管理"))), QStringLiteral("档案管理"));
    }

    void firstPageThenMore() {
        PinyinEngine e;
        e.setPageSize(10);
        typeWord(e, QStringLiteral("d"));
        QCOMPARE(e.candidates().size(), 10);
        QVERIFY(e.totalCandidates() > 100);
        QVERIFY(e.hasMore());
        const QStringList first = e.candidates();
        e.loadMore();
        QCOMPARE(e.candidates().size(), 20);
        QCOMPARE(e.candidates().mid(0, 10), first);
        const QStringList all = e.candidates();
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 20);  // no duplicates
        e.backspace();
        QVERIFY(!e.composing());
        QVERIFY(e.candidates().isEmpty());
    }

    // After a commit the engine offers its next-word predictions; typing leaves them.
    void predictionsAfterACommit() {
        PinyinEngine e;
        typeWord(e, QStringLiteral("dangan"));
        QCOMPARE(e.choose(0), QStringLiteral("档案"));
        QVERIFY(e.predicting());
        QVERIFY2(e.candidates().contains(QStringLiteral("管理")) || e.candidates().contains(QStringLiteral("馆")),
                 qPrintable(e.candidates().join(QLatin1Char(' '))));
        const int guan = std::max(indexOf(e, QStringLiteral("馆")), indexOf(e, QStringLiteral("管理")));
        const QString next = e.candidates().at(guan);
        QCOMPARE(e.choose(guan), next);
        QVERIFY(e.typeLetter(QStringLiteral("c")));
        QVERIFY(!e.predicting());
        QVERIFY(e.composing());
        e.reset();
        QVERIFY(!e.composing() && !e.predicting() && e.candidates().isEmpty());
    }

    void enterKeepsTheLetters() {
        PinyinEngine e;
        typeWord(e, QStringLiteral("xi'an"));
        QCOMPARE(e.takeSpelling(), QStringLiteral("xian"));
        QVERIFY(!e.composing());
    }

    // Two keyboards (e.g. two screens) share the process's one decoder without mixing their input.
    void twoEnginesDoNotMix() {
        PinyinEngine a, b;
        typeWord(a, QStringLiteral("linye"));
        typeWord(b, QStringLiteral("caiwu"));
        typeWord(a, QStringLiteral("ju"));
        QCOMPARE(a.spelling(), QStringLiteral("linyeju"));
        QVERIFY2(a.candidates().value(0).startsWith(QStringLiteral("林业")), qPrintable(a.candidates().join(QLatin1Char(' '))));
        QCOMPARE(b.choose(indexOf(b, QStringLiteral("财务"))), QStringLiteral("财务"));
        const QString sentence = a.candidates().value(0);
        QCOMPARE(a.choose(0), sentence);
    }

    // Typed on the keyboard, committed, searched: the borrower's controller finds the files on the real archive.
    void committedQuerySearchesTheCatalogue() {
        QVERIFY(m_dir.isValid());
        auto fx = kiosktest::makeFixture(m_dir.path());
        QVERIFY2(fx.ok(), qPrintable(fx.ok() ? QString() : fx.error().message()));
        DbService db;
        FeedbackController feedback;
        feedback.setMuted(true);
        SessionController session{&db, &feedback};
        StaffDesk desk{&db, &session, &feedback};  // composed as main.cpp composes it
        BoxController& box = desk.box;
        ScanController scans{&db, &session, &feedback, &box};
        BorrowerController borrower{&db, &session, &feedback};
        db.open(fx->dbPath);
        scans.onScan({fx->borrowerCard, scanner::Symbology::Code128, scanner::ScanSource::Simulated,
                      QDateTime::currentMSecsSinceEpoch()});
        QTRY_COMPARE(session.stage(), QStringLiteral("active"));

        PinyinEngine e;
        typeWord(e, QStringLiteral("caiwu"));
        const QString word = e.choose(indexOf(e, QStringLiteral("财务")));
        QCOMPARE(word, QStringLiteral("财务"));
        borrower.search(word);
        QTRY_VERIFY(!borrower.busy() && borrower.query() == word);
        QStringList codes;
        for (const auto& row : borrower.results()->rows()) codes << row.value(QStringLiteral("code")).toString();
        QVERIFY2(codes.contains(QStringLiteral("J001-WS·2020-Y-0012")), qPrintable(codes.join(QLatin1Char(' '))));
        QVERIFY(!codes.contains(QStringLiteral("J001-WS·2020-Y-0001")));  // 林业 titles are not 财务

        typeWord(e, QStringLiteral("linye"));
        QCOMPARE(e.choose(indexOf(e, QStringLiteral("林业"))), QStringLiteral("林业"));
        borrower.search(QStringLiteral("林业"));
        QTRY_VERIFY(!borrower.busy() && borrower.query() == QStringLiteral("林业"));
        codes.clear();
        for (const auto& row : borrower.results()->rows()) codes << row.value(QStringLiteral("code")).toString();
        QVERIFY2(codes.contains(QStringLiteral("J001-WS·2020-Y-0001")) && codes.contains(QStringLiteral("J001-WS·2020-Y-0002")),
                 qPrintable(codes.join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(KioskPinyin)
#include "tst_kiosk_pinyin.moc"
