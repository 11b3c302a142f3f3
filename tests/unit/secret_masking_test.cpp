// Secret masking at the output boundary (ir/secret_masking.h), and its use by the diagnostics.
#include "ir/diagnostics.h"
#include "ir/secret_masking.h"

#include <doctest/doctest.h>

#include <cctype>
#include <random>
#include <sstream>

using pm::ir::maskSecrets;

TEST_CASE("secret masking: access key IDs are masked anywhere") {
  CHECK(maskSecrets("key AKIAIOSFODNN7EXAMPLE here") == "key ******** here");
  CHECK(maskSecrets("ASIAABCDEFGHIJKLMNOP") == "********");
  CHECK(maskSecrets("AKIA is not a key") == "AKIA is not a key");
}

TEST_CASE("secret masking: values of keys that name a secret are masked") {
  CHECK(maskSecrets("      MasterUserPassword: hunter2-hunter2") ==
        "      MasterUserPassword: ********");
  CHECK(maskSecrets("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") ==
        "aws_secret_access_key = ********");
  CHECK(maskSecrets(R"({"db_password": "s3cr3t!", "name": "x"})") ==
        R"({"db_password": "********", "name": "x"})");
  CHECK(maskSecrets("  api_token: 'abc123'\n  name: web\n") ==
        "  api_token: '********'\n  name: web\n");
}

TEST_CASE("secret masking: references to secrets are not values and stay") {
  CHECK(maskSecrets("MasterUserPassword: !Ref DbPassword") ==
        "MasterUserPassword: !Ref DbPassword");
  CHECK(maskSecrets("Password: '{{resolve:secretsmanager:db}}'") ==
        "Password: '{{resolve:secretsmanager:db}}'");
  CHECK(maskSecrets("password = ${var.db_password}") == "password = ${var.db_password}");
  CHECK(maskSecrets("input 'db_password' looks like a secret") ==
        "input 'db_password' looks like a secret");
}

TEST_CASE("secret masking: a registered value is masked wherever it appears") {
  pm::ir::registerSecretValue("correct-horse-battery");
  pm::ir::registerSecretValue("ab"); // too short to mask safely
  CHECK(maskSecrets("          default: correct-horse-battery") == "          default: ********");
  CHECK(maskSecrets("a b ab") == "a b ab");
}

TEST_CASE("secret masking: diagnostics mask their message and source line") {
  pm::ir::Diagnostics diagnostics;
  diagnostics.registerSource("t.yaml", "Resources:\n  Key: AKIAIOSFODNN7EXAMPLE\n");
  diagnostics.error("PRS008", {"t.yaml", 2, 8}, "AKIAIOSFODNN7EXAMPLE is no resource");
  std::ostringstream out;
  diagnostics.print(out);
  CHECK(out.str().find("AKIAIOSFODNN7EXAMPLE") == std::string::npos);
  CHECK(out.str().find("t.yaml:2:8: error: ******** is no resource [PRS008]") == 0);
  CHECK(out.str().find("  Key: ********\n") != std::string::npos);
}

TEST_CASE("secret masking: the caret stays under its token when a secret before it is masked") {
  pm::ir::Diagnostics diagnostics;
  diagnostics.registerSource("t.yaml", "  Env: {password: hunter2-longer-than-mask, Mode: fast}\n"
                                       "  Name: \x1b[31mred\tx\n");
  diagnostics.warning("PRS016", {"t.yaml", 1, 45}, "unknown key Mode");
  diagnostics.warning("PRS016", {"t.yaml", 2, 18}, "x");
  std::ostringstream out;
  diagnostics.print(out);
  CHECK(out.str().find("  Env: {password: ********, Mode: fast}\n"
                       "                            ^\n") != std::string::npos);
  CHECK(out.str().find("  Name: \\x1b[31mred\tx\n"
                       "                   \t^\n") != std::string::npos);
}

TEST_CASE("secret masking: a secret name is found in any case, wherever it starts") {
  // Against the plain definition: lower-case the text, look for each part.
  auto reference = [](std::string text) {
    for (char& c : text)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* part : {"password", "passwd", "secret", "token", "api_key", "apikey",
                             "private_key", "credential"})
      if (text.find(part) != std::string::npos)
        return true;
    return false;
  };
  const std::string alphabet = "pPaAsSwWoOrRdDeEcCtTkKnNiI_yYvVlL -:\n\x80";
  std::mt19937 random(20261123);
  std::size_t found = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text(random() % 24, ' ');
    for (char& c : text)
      c = alphabet[random() % alphabet.size()];
    if (round % 7 == 0) // plant a part in mixed case
      text.insert(random() % (text.size() + 1), round % 2 ? "PassWD" : "Api_KEY");
    CAPTURE(text);
    REQUIRE(pm::ir::namesSecret(text) == reference(text));
    found += reference(text);
  }
  CHECK(found > 20000);
}
