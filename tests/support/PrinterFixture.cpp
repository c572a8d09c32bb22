#include "tests/support/PrinterFixture.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace archive::testsupport {

namespace {
bool writeFile(const QString& path, const QString& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    f.write(text.toUtf8());
    return true;
}
void stopProcess(std::unique_ptr<QProcess>& p) {
    if (!p) return;
    if (p->state() != QProcess::NotRunning) {
        p->terminate();
        if (!p->waitForFinished(3000)) {
            p->kill();
            p->waitForFinished(2000);
        }
    }
    p.reset();
}
QString findTool(const QString& name) {
    QString p = QStandardPaths::findExecutable(name);
    if (p.isEmpty()) p = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return p.isEmpty() ? name : p;
}
}  // namespace

PrinterFixture::PrinterFixture(PrinterFixtureOptions options) : m_opt(std::move(options)) {}

PrinterFixture::~PrinterFixture() { stop(); }

int PrinterFixture::freePort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    int port = 0;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
        socklen_t len = sizeof a;
        if (::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0) port = ntohs(a.sin_port);
    }
    ::close(s);
    return port;
}

bool PrinterFixture::waitForPort(int port, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(quint16(port));
        const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(s);
        if (ok) return true;
        QThread::msleep(20);
    }
    return false;
}

QString PrinterFixture::readLog(const QString& path) const {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll().right(2000));
}

QString PrinterFixture::cupsServer() const { return QStringLiteral("127.0.0.1:%1").arg(m_cupsPort); }
QString PrinterFixture::printerUri() const { return QStringLiteral("ipp://127.0.0.1:%1/ipp/print").arg(m_printerPort); }
QString PrinterFixture::spoolDir() const { return m_dir + QStringLiteral("/printer-spool"); }
QString PrinterFixture::dbusAddress() const { return QStringLiteral("unix:path=%1/dbus.sock").arg(m_dir); }

bool PrinterFixture::start() {
    QByteArray tmpl = QDir::tempPath().toUtf8() + "/archive-printer-XXXXXX";
    if (!::mkdtemp(tmpl.data())) { m_error = QStringLiteral("mkdtemp failed"); return false; }
    m_dir = QString::fromUtf8(tmpl);
    // cupsd runs filters as the unprivileged "lp" user when we are root: it must reach its spool
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                     QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                     QFileDevice::ExeOther);
    QDir().mkpath(spoolDir());
    if (!startDbus()) return false;
    m_printerPort = freePort();
    if (!startPrinter()) return false;
    if (m_opt.withCupsd && !startCupsd()) return false;
    return true;
}

bool PrinterFixture::startDbus() {
    const QString conf = m_dir + QStringLiteral("/dbus.conf");
    writeFile(conf, QStringLiteral(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>system</type><listen>unix:path=%1/dbus.sock</listen><auth>EXTERNAL</auth>\n"
        "<policy context=\"default\"><allow user=\"*\"/><allow own=\"*\"/><allow send_destination=\"*\"/>"
        "<allow receive_sender=\"*\"/></policy></busconfig>\n").arg(m_dir));
    m_dbus = std::make_unique<QProcess>();
    m_dbus->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_dbus->setStandardOutputFile(QProcess::nullDevice());
    m_dbus->start(findTool(QStringLiteral("dbus-daemon")),
                  {QStringLiteral("--config-file=") + conf, QStringLiteral("--nofork"), QStringLiteral("--nopidfile")});
    if (!m_dbus->waitForStarted(5000)) { m_error = QStringLiteral("dbus-daemon did not start"); return false; }
    QElapsedTimer t;
    t.start();
    while (!QFileInfo::exists(m_dir + QStringLiteral("/dbus.sock")) && t.elapsed() < 5000) QThread::msleep(10);
    if (!QFileInfo::exists(m_dir + QStringLiteral("/dbus.sock"))) { m_error = QStringLiteral("dbus-daemon: no socket"); return false; }
    return true;
}

bool PrinterFixture::startPrinter() {
    stopProcess(m_printer);
    m_printer = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), dbusAddress());
    m_printer->setProcessEnvironment(env);
    m_printer->setStandardOutputFile(m_dir + QStringLiteral("/ippeveprinter.log"), QIODevice::Append);
    m_printer->setStandardErrorFile(m_dir + QStringLiteral("/ippeveprinter.log"), QIODevice::Append);
    m_printer->start(findTool(QStringLiteral("ippeveprinter")),
                     {QStringLiteral("-r"), QStringLiteral("off"), QStringLiteral("-k"), QStringLiteral("-c"),
                      QStringLiteral("/bin/true"), QStringLiteral("-d"), spoolDir(), QStringLiteral("-p"),
                      QString::number(m_printerPort), QStringLiteral("-f"), m_opt.formats.join(QLatin1Char(',')),
                      m_opt.printerName});
    if (!m_printer->waitForStarted(5000) || !waitForPort(m_printerPort, 15000)) {
        m_error = QStringLiteral("ippeveprinter did not start on port %1: %2")
                      .arg(m_printerPort).arg(readLog(m_dir + QStringLiteral("/ippeveprinter.log")));
        return false;
    }
    return true;
}

bool PrinterFixture::stopPrinter() {
    if (!m_printer) return false;
    stopProcess(m_printer);
    return true;
}

bool PrinterFixture::startCupsd() {
    const QString c = m_dir + QStringLiteral("/cups");
    for (const char* sub : {"", "/spool", "/spool/tmp", "/cache", "/state", "/log", "/ppd", "/ssl"})
        QDir().mkpath(c + QLatin1String(sub));
    m_cupsPort = freePort();
    writeFile(c + QStringLiteral("/cupsd.conf"), QStringLiteral(
        "LogLevel info\nListen 127.0.0.1:%1\nServerAlias *\nBrowsing Off\nWebInterface No\n"
        "DefaultAuthType None\nJobRetryInterval 2\nJobRetryLimit 100000\nMaxJobs 0\nPreserveJobFiles No\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n").arg(m_cupsPort));
    writeFile(c + QStringLiteral("/cups-files.conf"), QStringLiteral(
        "ServerRoot %1\nRequestRoot %1/spool\nTempDir %1/spool/tmp\nCacheDir %1/cache\nStateDir %1/state\n"
        "AccessLog %1/log/access_log\nErrorLog %1/log/error_log\nPageLog %1/log/page_log\n"
        "DataDir /usr/share/cups\nServerBin /usr/lib/cups\nFileDevice Yes\nSandboxing Relaxed\n"
        "ServerKeychain %1/ssl\nSystemGroup root\nPrintcap %1/printcap\n").arg(c));
    if (!launchCupsd()) return false;
    return addQueue(m_opt.queueName, printerUri());
}

bool PrinterFixture::launchCupsd() {
    const QString c = m_dir + QStringLiteral("/cups");
    m_cupsd = std::make_unique<QProcess>();
    m_cupsd->setStandardOutputFile(c + QStringLiteral("/log/cupsd.out"), QIODevice::Append);
    m_cupsd->setStandardErrorFile(c + QStringLiteral("/log/cupsd.out"), QIODevice::Append);
    m_cupsd->start(findTool(QStringLiteral("cupsd")),
                   {QStringLiteral("-f"), QStringLiteral("-c"), c + QStringLiteral("/cupsd.conf"), QStringLiteral("-s"),
                    c + QStringLiteral("/cups-files.conf")});
    if (!m_cupsd->waitForStarted(5000) || !waitForPort(m_cupsPort, 15000)) {
        m_error = QStringLiteral("cupsd did not start: %1 %2")
                      .arg(readLog(c + QStringLiteral("/log/cupsd.out")), readLog(c + QStringLiteral("/log/error_log")));
        return false;
    }
    return true;
}

bool PrinterFixture::stopScheduler() {
    if (!m_cupsd) return false;
    stopProcess(m_cupsd);
    return true;
}

bool PrinterFixture::startScheduler() {
    stopProcess(m_cupsd);
    return launchCupsd();
}

QString PrinterFixture::runCupsTool(const QString& program, const QStringList& args, int* exitCode) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CUPS_SERVER"), cupsServer());
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(findTool(program), args);
    p.waitForFinished(60000);
    if (exitCode) *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

bool PrinterFixture::addQueue(const QString& name, const QString& deviceUri, const QString& model) {
    int code = 0;
    const QString out = runCupsTool(QStringLiteral("lpadmin"),
                                    {QStringLiteral("-p"), name, QStringLiteral("-E"), QStringLiteral("-v"), deviceUri,
                                     QStringLiteral("-m"), model},
                                    &code);
    if (code != 0) {
        m_error = QStringLiteral("lpadmin -p %1 failed (%2): %3 %4")
                      .arg(name).arg(code).arg(out, readLog(m_dir + QStringLiteral("/cups/log/error_log")));
        return false;
    }
    return true;
}

QStringList PrinterFixture::spooledFiles() const {
    QStringList out;
    const QFileInfoList infos = QDir(spoolDir()).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    for (const auto& fi : infos)
        if (fi.size() > 0) out << fi.absoluteFilePath();
    return out;
}

bool PrinterFixture::waitForSpooledFiles(int count, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (spooledFiles().size() >= count) return true;
        QThread::msleep(50);
    }
    return spooledFiles().size() >= count;
}

void PrinterFixture::stop() {
    stopProcess(m_cupsd);
    stopProcess(m_printer);
    stopProcess(m_dbus);
    if (!m_dir.isEmpty() && qEnvironmentVariableIsEmpty("ARCHIVE_KEEP_TEST_DIRS")) QDir(m_dir).removeRecursively();
    m_dir.clear();
}

}  // namespace archive::testsupport
