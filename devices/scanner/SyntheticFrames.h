#pragma once
// Synthetic camera frames: codes written with ZXing's writer (the one file that calls it; it throws on bad
// input and that becomes an Error here), placed in a frame and distorted like a phone/kiosk camera photo of
// a printed label: rotation, perspective, blur, noise, low contrast, uneven light, JPEG artefacts and a
// crumple-like warp. Used by the simulated camera, the tests and the benchmark. These are NOT real photos.

#include "common/Result.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace archive::scanner {

struct Distortion {
    double rotateDeg = 0;       // in-plane rotation
    double perspective = 0;     // 0…0.35: how far the far edge shrinks (label seen at an angle)
    int blurRadius = 0;         // box blur radius in pixels (out of focus / motion)
    double noiseSigma = 0;      // Gaussian sensor noise, grey levels
    int contrastLow = 0;        // darkest ink after the contrast squeeze (0 = full contrast)
    int contrastHigh = 255;     // brightest paper
    double unevenLight = 0;     // 0…1: a side light gradient plus a soft shadow
    int jpegQuality = 0;        // 1…100 → re-encoded as JPEG; 0 = none
    double warpAmplitude = 0;   // crumple: sinusoidal displacement in pixels
    double warpPeriod = 90;     // wavelength of the crumple in pixels
};

struct SyntheticSample {
    QString name;        // "<symbology>/<distortion>"
    QString symbology;
    QString text;        // what a correct decode returns
    Distortion distortion;
    QImage frame;        // 8-bit grayscale
};

class SyntheticFrames {
public:
    // Black-on-white 8-bit code. symbology: Symbology::Code128/Code39/QRCode/DataMatrix/EAN13.
    // moduleSize: pixels per narrow bar/module; 1-D codes are barHeight pixels high. Errors: "bad_input".
    static Result<QImage> renderCode(const QString& text, const QString& symbology, int moduleSize = 3,
                                     int barHeight = 80, int quietModules = 10);
    // Places the code at the frame's centre (offset by `offset`), applies the distortion; 8-bit grayscale.
    static QImage compose(const QImage& code, QSize frameSize, const Distortion& d, quint32 seed = 1,
                          QPoint offset = {});
    // The distorted test set: Code 128, Code 39, QR, Data Matrix and EAN-13, each clean and with 13
    // distortions (rotation, blur, noise, low contrast, perspective, uneven light, JPEG, crumple and
    // photo-like combinations). Deterministic for a seed. Used by the tests and the benchmark.
    static QList<SyntheticSample> distortedSet(QSize frameSize = QSize(640, 480), quint32 seed = 1);
    // EAN-13 check digit for 12 digits (for expected texts).
    static QChar ean13Check(QStringView twelveDigits);
};

}  // namespace archive::scanner
