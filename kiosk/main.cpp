// Skeleton composition root; the kiosk issue replaces it with the QML app.
#include <QGuiApplication>
#include <cstdio>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    std::fputs("archive-kiosk: the touchscreen app is not built yet; use archivectl.\n", stderr);
    return 0;
}
