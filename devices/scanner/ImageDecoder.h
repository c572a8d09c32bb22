#pragma once
// ZXing-C++ over QImage: the one place that calls the ZXing reader. Pure and thread-safe (call it from a
// worker: FrameDecoder does); never from the GUI thread.

#include "common/Result.h"
#include "devices/scanner/Scan.h"

#include <QImage>
#include <QList>
#include <QPoint>
#include <QString>

namespace archive::scanner {

struct DecodedCode {
    QString text;
    QString symbology;          // Symbology::* name
    QList<QPoint> corners;      // top-left, top-right, bottom-right, bottom-left in image pixels
    int orientationDeg = 0;     // rotation of the code in the image
    QPoint center() const;
};

struct DecodeOptions {
    bool tryHarder = true;      // off: 1-D codes away from the middle of the frame are missed
    bool tryRotate = true;
    bool tryDownscale = true;
    int maxSymbols = 8;         // 1 for a camera frame where only the first code matters
    bool fallbackBinarizer = true;  // nothing found → one more pass for 2-D codes with a global threshold
    bool allFormats = false;    // false: only what an archive uses (Code 128, Code 39, QR, Data Matrix, EAN/UPC)
};

class ImageDecoder {
public:
    // Decodes every code in the image. Errors: "bad_image" (null/empty image), "no_code" (nothing found:
    // the message says how to retake the picture).
    static Result<QList<DecodedCode>> decode(const QImage& image, const DecodeOptions& options = {});
    // Same for an 8-bit grayscale buffer (camera frames, benchmarks) without a copy.
    static Result<QList<DecodedCode>> decodeGray(const uchar* data, int width, int height, int stride,
                                                 const DecodeOptions& options = {});
};

}  // namespace archive::scanner
