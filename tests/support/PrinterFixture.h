#pragma once
// A real printer for tests: a private D-Bus system bus, an IPP Everywhere test printer (ippeveprinter) and a
// private cupsd with a queue in front of it — all in a fresh mktemp-style directory on free ports, stopped
// (and the directory removed) by the destructor. Nothing of the machine's own CUPS is touched.
//
//   archive::testsupport::PrinterFixture pf;            // options: queue name, formats, with/without cupsd
//   ASSERT_TRUE(pf.start()) << pf.lastError();
//   qputenv("CUPS_SERVER", pf.cupsServer().toUtf8());    // or pass pf.cupsServer() to the CUPS client
//   … print to pf.queueName() …
//   pf.waitForSpooledFiles(1, 20000);                    // documents as the printer received them
//   pf.stopPrinter();                                    // the printer goes offline (cupsd keeps the queue)
//   pf.startPrinter();                                   // back on the same port
//
// Works as root (cupsd drops filters to "lp"; the fixture makes its directory readable for that) and as a
// normal user. Needs: dbus-daemon, ippeveprinter (cups-ipp-utils), cupsd + lpadmin (cups, cups-client).
// Each fixture is independent: tests may run in parallel (ctest -j).

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace archive::testsupport {

struct PrinterFixtureOptions {
    QString printerName = QStringLiteral("Labels");            // the IPP printer's own name
    QString queueName = QStringLiteral("labels");              // the cupsd queue in front of it
    QStringList formats{QStringLiteral("application/pdf"), QStringLiteral("image/pwg-raster"),
                        QStringLiteral("application/vnd.zebra-zpl")};
    bool withCupsd = true;                                      // false: only D-Bus + ippeveprinter
};

class PrinterFixture {
public:
    explicit PrinterFixture(PrinterFixtureOptions options = {});
    ~PrinterFixture();
    PrinterFixture(const PrinterFixture&) = delete;
    PrinterFixture& operator=(const PrinterFixture&) = delete;

    bool start();                        // false → lastError() says what failed (with the service's log)
    void stop();                         // everything; also done by the destructor
    QString lastError() const { return m_error; }

    QString dir() const { return m_dir; }                  // the fixture's temporary directory
    QString cupsServer() const;          // "127.0.0.1:PORT" of the private cupsd
    QString queueName() const { return m_opt.queueName; }
    QString printerUri() const;          // ipp://127.0.0.1:PORT/ipp/print — the printer itself, no cupsd
    QString spoolDir() const;            // where the printer keeps each received document (ippeveprinter -k)
    int printerPort() const { return m_printerPort; }
    int cupsPort() const { return m_cupsPort; }
    QString dbusAddress() const;         // DBUS_SYSTEM_BUS_ADDRESS of the private bus

    QStringList spooledFiles() const;    // full paths of the documents received so far, oldest first
    bool waitForSpooledFiles(int count, int timeoutMs);

    bool stopPrinter();                  // kill ippeveprinter: the printer is offline
    bool startPrinter();                 // start it again on the same port

    bool stopScheduler();                // stop cupsd (the print service is down); its queues and jobs stay on disk
    bool startScheduler();               // start cupsd again on the same port with the same state

    // Another queue in cupsd (e.g. in front of a second printer); runs lpadmin.
    bool addQueue(const QString& name, const QString& deviceUri, const QString& model = QStringLiteral("everywhere"));
    // Runs a CUPS command-line tool (lpstat, cancel, cupsenable, …) against the private cupsd.
    QString runCupsTool(const QString& program, const QStringList& args, int* exitCode = nullptr);

    static int freePort();

private:
    bool startDbus();
    bool startCupsd();
    bool launchCupsd();
    bool waitForPort(int port, int timeoutMs);
    QString readLog(const QString& path) const;

    PrinterFixtureOptions m_opt;
    QString m_dir, m_error;
    int m_printerPort = 0, m_cupsPort = 0;
    std::unique_ptr<QProcess> m_dbus, m_printer, m_cupsd;
};

}  // namespace archive::testsupport
