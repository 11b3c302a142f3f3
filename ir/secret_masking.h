// Masking values that look like secrets wherever the tool shows text: diagnostics with their
// source lines, lint reports, batch and migration reports, diff output. What looks like a secret
// is lint SEC006's definition: an AWS access key ID, the value of a key whose name reads as a
// secret (password, token, ...), and every plaintext value SEC006 found in a secret place
// (registered as it is found, so a password default is masked even where it appears alone).
// Generated files are not masked: they are the conversion, which SEC006 reports on.
#pragma once

#include <string>
#include <string_view>

namespace pm::ir {

inline constexpr std::string_view kSecretMask = "********";

// A name that reads as a secret: it holds password, passwd, secret, token, api_key, apikey,
// private_key or credential (any case).
bool namesSecret(std::string_view name);

// An AWS access key ID (AKIA... or ASIA... and 16 more upper-case letters or digits).
bool looksLikeAccessKey(std::string_view text);

// Remembers a value found in a secret place, to mask it wherever it appears from now on. Values
// shorter than 4 characters are not remembered (masking them would mask ordinary words).
// Thread-safe: batch lints bundles in parallel.
void registerSecretValue(std::string_view value);

// `text` with every secret-looking value replaced by kSecretMask.
std::string maskSecrets(std::string_view text);

} // namespace pm::ir
