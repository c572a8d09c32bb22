// Printer choices in books_settings (label_printer / report_printer): written only by an administrator, in one
// transaction with a ledger entry naming the actor, the value and the previous value; cleared with an empty value.
// Runs on SQLite and PostgreSQL like every test_db test.
#include "BooksFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace archive::db;

namespace {
QJsonObject lastDetails(Database& d, const QString& subject, QString* actor = nullptr) {
    QSqlQuery q(d.sql());
    q.prepare(QStringLiteral("SELECT actor, details FROM ledger WHERE action = 'setting' AND subject = ? ORDER BY seq DESC"));
    q.addBindValue(subject);
    if (!q.exec() || !q.next()) return {};
    if (actor) *actor = q.value(0).toString();
    return QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
}
}  // namespace

TEST_F(BooksFixture, PrinterSettingsAreAnAdministratorsLedgeredChoice) {
    ASSERT_OK(books->importPeople({NewPerson{QStringLiteral("AD1"), QStringLiteral("孙管理"), QStringLiteral("OFF"),
                                             QStringLiteral("internal"), {QStringLiteral("admin")}, {}, {}}},
                                  QStringLiteral("system")));
    const QString setLabel = QStringLiteral("setting:label_printer");
    const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM ledger"));

    // Nothing chosen yet: the key is absent.
    auto none = books->settings({QStringLiteral("label_printer"), QStringLiteral("report_printer")});
    ASSERT_OK(none);
    EXPECT_TRUE(none->isEmpty());

    // Only an administrator may choose; an archivist is refused and nothing changes.
    EXPECT_REFUSED(books->setSetting(QStringLiteral("label_printer"), QStringLiteral("labels"), QStringLiteral("A1")), "forbidden");
    EXPECT_REFUSED(books->setSetting(QStringLiteral("label_printer"), QStringLiteral("labels"), QStringLiteral("NOBODY")), "not_found");
    // Names CUPS would not accept are refused with a plain message.
    EXPECT_REFUSED(books->setSetting(QStringLiteral("label_printer"), QStringLiteral("two words"), QStringLiteral("AD1")), "bad_input");
    EXPECT_REFUSED(books->setSetting(QStringLiteral("label_printer"), QStringLiteral("a/b"), QStringLiteral("AD1")), "bad_input");
    EXPECT_REFUSED(books->setSetting(QStringLiteral("label_printer"), QString(200, QLatin1Char('x')), QStringLiteral("AD1")), "bad_input");
    EXPECT_REFUSED(books->setSetting(QStringLiteral("printer_of_doom"), QStringLiteral("labels"), QStringLiteral("AD1")), "bad_input");
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM ledger")), before);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM books_settings WHERE key = 'label_printer'")), 0);

    // Chosen: stored, one ledger row with the actor and the value.
    ASSERT_OK(books->setSetting(QStringLiteral("label_printer"), QStringLiteral(" labels "), QStringLiteral("AD1")));
    EXPECT_EQ(books->setting(QStringLiteral("label_printer")), QStringLiteral("labels"));
    QString actor;
    QJsonObject d = lastDetails(*db, setLabel, &actor);
    EXPECT_EQ(actor, QStringLiteral("AD1"));
    EXPECT_EQ(d.value(QStringLiteral("value")).toString(), QStringLiteral("labels"));
    EXPECT_EQ(d.value(QStringLiteral("previous")).toString(), QString());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM ledger")), before + 1);

    // Changed: the previous value is in the ledger; a URI works too.
    ASSERT_OK(books->setSetting(QStringLiteral("label_printer"), QStringLiteral("ipp://10.0.0.7/ipp/print"), QStringLiteral("AD1")));
    d = lastDetails(*db, setLabel);
    EXPECT_EQ(d.value(QStringLiteral("value")).toString(), QStringLiteral("ipp://10.0.0.7/ipp/print"));
    EXPECT_EQ(d.value(QStringLiteral("previous")).toString(), QStringLiteral("labels"));
    ASSERT_OK(books->setSetting(QStringLiteral("report_printer"), QStringLiteral("Office_A4"), QStringLiteral("AD1")));
    auto both = books->settings({QStringLiteral("label_printer"), QStringLiteral("report_printer"), QStringLiteral("label_template")});
    ASSERT_OK(both);
    EXPECT_EQ(both->size(), 2);
    EXPECT_EQ(both->value(QStringLiteral("label_printer")), QStringLiteral("ipp://10.0.0.7/ipp/print"));
    EXPECT_EQ(both->value(QStringLiteral("report_printer")), QStringLiteral("Office_A4"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM books_settings WHERE key = 'label_printer'")), 1);

    // Cleared with an empty value: the row is gone (the kiosk falls back to the environment), the clearing logged.
    ASSERT_OK(books->setSetting(QStringLiteral("label_printer"), QString(), QStringLiteral("AD1")));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM books_settings WHERE key = 'label_printer'")), 0);
    d = lastDetails(*db, setLabel);
    EXPECT_EQ(d.value(QStringLiteral("value")).toString(), QString());
    EXPECT_EQ(d.value(QStringLiteral("previous")).toString(), QStringLiteral("ipp://10.0.0.7/ipp/print"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM ledger")), before + 4);

    // The integer tunables keep working through the same call.
    ASSERT_OK(books->setSetting(QStringLiteral("pin_max_failures"), QStringLiteral("4"), QStringLiteral("A1")));
    EXPECT_EQ(books->setting(QStringLiteral("pin_max_failures")), QStringLiteral("4"));

    auto v = Ledger::verify(*db);
    ASSERT_OK(v);
    EXPECT_TRUE(v->ok);
}
