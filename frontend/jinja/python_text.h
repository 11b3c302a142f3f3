// Python's view of text: strings are sequences of code points, not bytes, so lengths, slices and
// repr() must decode the UTF-8 that the rest of proton-migrate carries.
#pragma once

#include <string>
#include <vector>

namespace pm::jinja {

std::u32string decodeUtf8(const std::string& text);
std::string encodeUtf8(const std::u32string& text);
std::string encodeUtf8(char32_t codePoint);
std::size_t codePointCount(const std::string& text);

// Python repr() of a str: single quotes unless the text holds ' and no ", escapes as Python does.
std::string pythonStringRepr(const std::string& text);

// Python str.isspace() for one code point (also what re's \s matches).
bool isPythonSpace(char32_t c);
// Python str.splitlines() boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
bool isLineBoundary(char32_t c);
std::vector<std::u32string> splitLines(const std::u32string& text);

std::string asciiLower(std::string text);
std::string asciiUpper(std::string text);

// Python's str.lower()/upper() for the alphabets templates use (Latin, Greek, Cyrillic); other
// scripts pass unchanged. 'ß'.upper() is 'SS' as in Python.
char32_t lowerOf(char32_t c);
char32_t upperOf(char32_t c);
bool isCased(char32_t c);
std::string pythonLower(const std::string& text);
std::string pythonUpper(const std::string& text);
std::string pythonCapitalize(const std::string& text); // first upper, rest lower
std::string pythonTitle(const std::string& text);      // str.title(): words by cased runs

// markupsafe.escape(): & < > ' " become &amp; &lt; &gt; &#39; &#34;. Used by the `escape` filter
// and wherever Python code mixes a Markup value with a plain string.
std::string markupEscape(const std::string& text);

} // namespace pm::jinja
