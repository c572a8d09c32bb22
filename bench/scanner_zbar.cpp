// zbar side of bench_scanner (see scanner_zbar.h).
#include "scanner_zbar.h"

#ifdef HAVE_ZBAR
#include <zbar.h>

using namespace zbar;  // <zbar.h> puts its C API in namespace zbar when compiled as C++

namespace benchzbar {

bool available() { return true; }

std::vector<Symbol> decode(const unsigned char* gray, int width, int height) {
    static thread_local zbar_image_scanner_t* scanner = [] {
        zbar_image_scanner_t* s = zbar_image_scanner_create();
        zbar_image_scanner_set_config(s, ZBAR_NONE, ZBAR_CFG_ENABLE, 1);  // every symbology zbar has
        return s;
    }();
    zbar_image_t* img = zbar_image_create();
    zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(img, unsigned(width), unsigned(height));
    zbar_image_set_data(img, gray, unsigned(width) * unsigned(height), nullptr);
    std::vector<Symbol> out;
    if (zbar_scan_image(scanner, img) > 0) {
        for (const zbar_symbol_t* s = zbar_image_first_symbol(img); s; s = zbar_symbol_next(s))
            out.push_back({zbar_get_symbol_name(zbar_symbol_get_type(s)),
                           std::string(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s))});
    }
    zbar_image_destroy(img);
    return out;
}

}  // namespace benchzbar
#else
namespace benchzbar {
bool available() { return false; }
std::vector<Symbol> decode(const unsigned char*, int, int) { return {}; }
}  // namespace benchzbar
#endif
