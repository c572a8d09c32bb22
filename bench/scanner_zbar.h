#pragma once
// libzbar on 8-bit grayscale frames, for the scanner benchmark's comparison. Kept in its own file:
// ZXing/Error.h defines macros that break <zbar.h>. Compiled into bench_scanner only.
#include <string>
#include <vector>

namespace benchzbar {
struct Symbol {
    std::string type;  // zbar's name: "CODE-128", "QR-Code", "EAN-13", "CODE-39"
    std::string text;
};
bool available();
// Decodes every symbol in the frame (row stride = width). Not thread-safe (one scanner per thread).
std::vector<Symbol> decode(const unsigned char* gray, int width, int height);
}  // namespace benchzbar
