#pragma once
// SHA-256 for the ledger chain (R12): the x86 SHA extensions when the CPU has them (ledger verify hashes
// ten million short rows; libsodium's portable code is ~1.7 µs per row, the SHA instructions ~0.2 µs),
// libsodium otherwise. Same digest either way (tests/db/Sha256Test compares the two).

#include <cstddef>

namespace archive::db::sha256 {

// One digest over a || b (the ledger hashes prev_hash || canonical row).
void digest2(const void* a, size_t na, const void* b, size_t nb, unsigned char out[32]);
// Lower-case hex of a digest into out[0..63] (no terminator).
void toHex(const unsigned char digest[32], char out[64]);
// Whether the SHA instructions are used on this machine (for tests and reports).
bool hardware();
// Tests only: force the libsodium path (false) or back to the automatic choice (true).
void allowHardware(bool allow);

}  // namespace archive::db::sha256
