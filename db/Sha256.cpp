// SHA-256 (FIPS 180-4) with the x86 SHA extensions, libsodium as the fallback. See Sha256.h.
#include "Sha256.h"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define ARCHIVE_SHA_NI 1
#endif

namespace archive::db::sha256 {
namespace {

std::atomic<bool> g_allow{true};

#ifdef ARCHIVE_SHA_NI
alignas(16) const uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

bool cpuHasSha() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool ssse3 = c & (1u << 9), sse41 = c & (1u << 19);
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    return ssse3 && sse41 && (b & (1u << 29));
}

// Compresses n 64-byte blocks into state h (h[0] = a … h[7] = h, the usual order).
__attribute__((target("sha,sse4.1,ssse3"))) void compress(uint32_t h[8], const unsigned char* p, size_t n) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    // The instructions keep the state as two vectors: ABEF and CDGH (highest lane first).
    __m128i t = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h)), 0xB1);      // CDAB
    __m128i s1 = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h + 4)), 0x1B);  // EFGH
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                                                         // ABEF
    s1 = _mm_blend_epi16(s1, t, 0xF0);                                                              // CDGH
    for (; n > 0; --n, p += 64) {
        const __m128i save0 = s0, save1 = s1;
        __m128i w[4];  // message schedule, four words per vector, a ring of the last 16 words
        for (int g = 0; g < 16; ++g) {
            __m128i m;
            if (g < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * g)), byteSwap);
            } else {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
                const __m128i w16 = w[g & 3], w12 = w[(g + 1) & 3], w8 = w[(g + 2) & 3], w4 = w[(g + 3) & 3];
                m = _mm_sha256msg1_epu32(w16, w12);
                m = _mm_add_epi32(m, _mm_alignr_epi8(w4, w8, 4));
                m = _mm_sha256msg2_epu32(m, w4);
            }
            w[g & 3] = m;
            __m128i k = _mm_add_epi32(m, _mm_load_si128(reinterpret_cast<const __m128i*>(kK + 4 * g)));
            s1 = _mm_sha256rnds2_epu32(s1, s0, k);  // rounds 4g, 4g+1: s1 becomes the new ABEF
            k = _mm_shuffle_epi32(k, 0x0E);
            s0 = _mm_sha256rnds2_epu32(s0, s1, k);  // rounds 4g+2, 4g+3: back to s0 = ABEF, s1 = CDGH
        }
        s0 = _mm_add_epi32(s0, save0);
        s1 = _mm_add_epi32(s1, save1);
    }
    t = _mm_shuffle_epi32(s0, 0x1B);                                             // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1);                                            // DCHG
    s0 = _mm_blend_epi16(t, s1, 0xF0);                                           // DCBA
    s1 = _mm_alignr_epi8(s1, t, 8);                                              // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h), s0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h + 4), s1);
}

const bool kHasSha = cpuHasSha();

struct Ctx {
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    unsigned char buf[64];
    size_t fill = 0;
    uint64_t total = 0;

    void feed(const unsigned char* p, size_t n) {
        total += n;
        if (fill) {
            const size_t k = std::min(n, size_t(64) - fill);
            std::memcpy(buf + fill, p, k);
            fill += k;
            p += k;
            n -= k;
            if (fill < 64) return;
            compress(h, buf, 1);
            fill = 0;
        }
        if (n >= 64) {
            compress(h, p, n / 64);
            p += n / 64 * 64;
            n %= 64;
        }
        if (n) {
            std::memcpy(buf, p, n);
            fill = n;
        }
    }
    void finish(unsigned char out[32]) {
        const uint64_t bits = total * 8;
        buf[fill++] = 0x80;
        if (fill > 56) {
            std::memset(buf + fill, 0, 64 - fill);
            compress(h, buf, 1);
            fill = 0;
        }
        std::memset(buf + fill, 0, 56 - fill);
        for (int i = 0; i < 8; ++i) buf[56 + i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
        compress(h, buf, 1);
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<unsigned char>(h[i] >> (24 - 8 * j));
    }
};
#else
const bool kHasSha = false;
#endif

}  // namespace

bool hardware() { return kHasSha && g_allow.load(std::memory_order_relaxed); }

void allowHardware(bool allow) { g_allow.store(allow); }

void digest2(const void* a, size_t na, const void* b, size_t nb, unsigned char out[32]) {
#ifdef ARCHIVE_SHA_NI
    if (hardware()) {
        Ctx c;
        c.feed(static_cast<const unsigned char*>(a), na);
        c.feed(static_cast<const unsigned char*>(b), nb);
        c.finish(out);
        return;
    }
#endif
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, static_cast<const unsigned char*>(a), na);
    crypto_hash_sha256_update(&st, static_cast<const unsigned char*>(b), nb);
    crypto_hash_sha256_final(&st, out);
}

void toHex(const unsigned char digest[32], char out[64]) {
    static const char hexd[] = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) {
        out[2 * i] = hexd[digest[i] >> 4];
        out[2 * i + 1] = hexd[digest[i] & 15];
    }
}

}  // namespace archive::db::sha256
