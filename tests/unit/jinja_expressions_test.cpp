// Jinja expressions: literals, operators, attribute access and printing, checked against
// Python Jinja2 3.1.6 output.
#include "frontend/jinja/jinja.h"
#include "jinja_test_context.h"

#include <doctest/doctest.h>

#include <string>


using pm::jinja::testing::renderError;
using pm::jinja::testing::renderOk;

TEST_CASE("Printing a value uses Python's str() for every type") {
  CHECK(renderOk("{{ 1 }}|{{ -7 }}|{{ 1.5 }}|{{ 1.0 }}|{{ 1e16 }}|{{ 1e15 }}|{{ 0.00001 }}|{{ "
                 "0.0001 }}|{{ 1e22 }}|{{ -0.0 }}") ==
        "1|-7|1.5|1.0|1e+16|1000000000000000.0|1e-05|0.0001|1e+22|-0.0");
  CHECK(renderOk("{{ 1/3 }}|{{ 0.1 + 0.2 }}|{{ 2.0 ** 0.5 }}|{{ 123456789012345678.0 }}|{{ 100.0 "
                 "}}|{{ 1e300 * 1e300 }}|{{ -1e300 * 1e300 }}") ==
        "0.3333333333333333|0.30000000000000004|1.4142135623730951|1.2345678901234568e+17|100.0|"
        "inf|-inf");
  CHECK(renderOk("{{ True }}|{{ false }}|{{ none }}|{{ None }}|{{ n }}|{{ t }}") ==
        "True|False|None|None|None|True");
  CHECK(renderOk("{{ [1, 'a', True, none, 1.5] }}|{{ {'k': 'v', 'n': [1]} }}|{{ ('a',) }}|{{ () "
                 "}}|{{ (1, 2) }}|{{ 1, 2 }}") ==
        "[1, 'a', True, None, 1.5]|{'k': 'v', 'n': [1]}|('a',)|()|(1, 2)|(1, 2)");
  CHECK(renderOk("{{ [\"x'y\", 'x\"y\\'', \"\\xa0\\u2028é\", 'a\\tb\\n'] }}") ==
        "[\"x'y\", 'x\"y\\'', '\\xa0\\u2028é', 'a\\tb\\n']");
  CHECK(renderOk("{{ d.items() }}|{{ d.keys() }}|{{ d.values() }}|{{ d.items()|list }}") ==
        "dict_items([('a', 1), ('items', 5), ('b', 'x y')])|dict_keys(['a', 'items', "
        "'b'])|dict_values([1, 5, 'x y'])|[('a', 1), ('items', 5), ('b', 'x y')]");
  CHECK(renderOk("{{ \"a\\tb\\\\n\" }}|{{ '\\x41\\u00e9\\101' }}|{{ 'a' 'b' }}|{{ \"x'y\" }}") ==
        "a\tb\\n|AéA|ab|x'y");
}

TEST_CASE("Literals cover ints in every base, floats, strings and containers") {
  CHECK(
      renderOk("{{ 0x10 }} {{ 1_000 }} {{ 1e3 }} {{ 0o17 }} {{ 0b101 }} {{ 2.5e-3 }} {{ 1E2 }}") ==
      "16 1000 1000.0 15 5 0.0025 100.0");
  CHECK(renderOk("{{ [] }} {{ {} }} {{ [1, [2, (3,)]] }} {{ {'a': {'b': 1}} }} {{ {1: 'x', 'y': "
                 "2}[1] }}") == "[] {} [1, [2, (3,)]] {'a': {'b': 1}} x");
}

TEST_CASE("Arithmetic follows Python for ints, floats, strings and lists") {
  CHECK(renderOk("{{ 7 / 2 }} {{ 6 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ "
                 "2 ** 10 }} {{ 2 ** -1 }} {{ 7.5 // 2 }} {{ 7 % 2.5 }}") ==
        "3.5 3.0 3 -4 2 -2 1024 0.5 3.0 2.0");
  CHECK(renderOk("{{ 'ab' * 3 }} {{ 2 * 'ab' }} {{ [0] * 3 }} {{ [1] + [2] }} {{ 'a' + 'b' }} {{ "
                 "true + 1 }} {{ 1 + 1.5 }} {{ -f }} {{ +3 }}") ==
        "ababab abab [0, 0, 0] [1, 2] ab 2 2.5 -1.5 3");
  CHECK(renderOk("{{ -2**2 }} {{ 2**3**2 }} {{ (1 + 2) * 3 }} {{ 1 + 2 * 3 }} {{ 10 - 2 - 3 }}") ==
        "4 64 9 7 5");
  CHECK(renderOk("{{ \"%s-%d\" % ('a', 3) }} {{ \"%s\" % s }} {{ 'x' ~ 1 ~ none ~ [1] }}") ==
        "a-3 x=y x1None[1]");
}

TEST_CASE("Comparisons chain and membership tests follow Python") {
  CHECK(renderOk("{{ 1 < 2 < 3 }} {{ 3 > 2 > 5 }} {{ 1 == 1.0 == True }} {{ 1 != 2 }} {{ 'a' < 'b' "
                 "}} {{ [1, 2] < [1, 3] }} {{ 2 >= 2 }} {{ 'a' <= 'a' }}") ==
        "True False True True True True True True");
  CHECK(renderOk("{{ 'a' in 'abc' }} {{ 2 not in l }} {{ 'a' in d }} {{ 'zz' in d }} {{ 1 in (1, "
                 "2) }} {{ not 1 in l }}") == "True False True False True False");
}

TEST_CASE("Boolean operators return their operands like Python") {
  CHECK(renderOk("{{ 1 and 2 }} {{ 0 and 2 }} {{ 0 or 'x' }} {{ '' or [] }} {{ not true }} {{ not "
                 "'' }} {{ n or 'fallback' }}") == "2 0 x [] False True fallback");
}

TEST_CASE("Conditional expressions pick a branch and an else-less false one prints nothing") {
  CHECK(renderOk("{{ 'yes' if t else 'no' }}|{{ 'yes' if n else 'no' }}|{{ 1 if false }}|{{ (1 if "
                 "false) is defined }}|{{ 'a' if false else 'b' if true else 'c' }}") ==
        "yes|no||False|b");
}

TEST_CASE("Attribute and item access follow Jinja's getattr-then-item rule") {
  CHECK(renderOk("{{ d.a }} {{ d['a'] }} {{ d['items'] }} {{ l[0] }} {{ l[-1] }} {{ l.1 }} {{ s[0] "
                 "}} {{ users[1].name }} {{ users.0['age'] }}") == "1 1 5 1 3 2 x al 3");
  CHECK(renderOk("{{ {'x': {'y': 'z'}}[s.split('=')[0]].y }} {{ {'a': 1, 'b': 2}[('a' ~ '')] }}") ==
        "z 1");
}

TEST_CASE("Slices work on strings and lists with Python's bounds") {
  CHECK(renderOk("{{ l[1:] }} {{ l[::-1] }} {{ l[-2:] }} {{ l[:10] }} {{ s[::2] }} {{ u[1:3] }} {{ "
                 "'abc'[1:] }} {{ l[5:] }} {{ (1, 2, 3)[:2] }}") ==
        "[2, 3] [3, 2, 1] [2, 3] [1, 2, 3] xy él bc [] (1, 2)");
}

TEST_CASE("Python string methods are callable on strings") {
  CHECK(
      renderOk("{{ s.split('=') }} {{ \" a  b \".split() }} {{ \"a,b,c\".rsplit(',', 1) }} {{ "
               "s.split('=', 1) }} {{ \"a b  c\".split(None, 1) }} {{ 'a=b=c'.rsplit('=', 1) }}") ==
      "['x', 'y'] ['a', 'b'] ['a,b', 'c'] ['x', 'y'] ['a', 'b  c'] ['a=b', 'c']");
  CHECK(renderOk("{{ s.startswith('x') }} {{ s.endswith(('y', 'z')) }} {{ s.upper() }} {{ "
                 "'AB'.lower() }} {{ s.replace('=', ':') }} {{ \"-\".join(['a', 'b']) }}") ==
        "True True X=Y ab x:y a-b");
  CHECK(renderOk("{{ s.find('=') }} {{ s.find('q') }} {{ 'banana'.count('an') }} {{ \"they're "
                 "ab-cd\".title() }} {{ 'hELLO'.capitalize() }} {{ '  x '.strip() }}|{{ "
                 "'xxhixx'.strip('x') }}|{{ ' a '.lstrip() }}|{{ ' a '.rstrip() }}|") ==
        "1 -1 2 They'Re Ab-Cd Hello x|hi|a | a|");
}

TEST_CASE("Dict and list methods are callable and methods win over keys") {
  CHECK(renderOk("{{ d.get('a') }} {{ d.get('zz') }} {{ d.get('zz', 'def') }} {{ l.index(2) }} {{ "
                 "l.count(1) }} {{ d.items() is defined }}") == "1 None def 1 1 True");
  CHECK(renderOk("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}|{% for k in d.keys() "
                 "%}{{ k }}{% endfor %}|{% for v in d.values() %}{{ v }}{% endfor %}") ==
        "a=1;items=5;b=x y;|aitemsb|15x y");
}

TEST_CASE("Global range and dict functions are available") {
  CHECK(renderOk("{{ range(3)|list }} {{ range(1, 10, 3)|list }} {{ range(5, 0, -2)|list }} {{ "
                 "dict(a=1, b='x') }}") == "[0, 1, 2] [1, 4, 7] [5, 3, 1] {'a': 1, 'b': 'x'}");
}

TEST_CASE("Percent formatting follows Python's printf-style rules") {
  CHECK(renderOk("{{ \"%s-%d\" % ('a', 3) }} {{ '%5s|%-5s|%05d' % ('a', 'b', 3) }} {{ "
                 "\"%(a)s-%(b)05.1f\" % {'a': 'x', 'b': 2.25} }} {{ \"%x %o %e %g %c\" % (255, 8, "
                 "1.5, 0.0001, 'a') }} {{ '%.2s|%r' % ('abc', 'q') }}") ==
        "a-3     a|b    |00003 x-002.2 ff 10 1.500000e+00 0.0001 a ab|'q'");
}

TEST_CASE("Markup values escape the plain strings they are combined with") {
  CHECK(renderOk("{{ \"a\"|safe + \"<b>\" }} {{ \"<b>\" + \"a\"|safe }} {{ (\"a\"|safe) ~ \"<b>\" "
                 "}} {{ (\"<%s>\"|safe) % \"<\" }} {{ (\"%s|%r\"|safe) % (\"<\", \"<\"|safe) }} {{ "
                 "[\"a\"|safe] }}") ==
        "a&lt;b&gt; &lt;b&gt;a a<b> <&lt;> &lt;|Markup(&#39;&lt;&#39;) [Markup('a')]");
}

TEST_CASE("Case conversion handles accented Latin, Greek and Cyrillic letters") {
  CHECK(
      renderOk("{{ 'É'|lower }} {{ 'ß'|upper }} {{ 'ärger öl'|title }} {{ 'ÄB'.capitalize() }} {{ "
               "\"ωΣ\"|upper }} {{ 'Привет'|upper }} {{ \"ÀÉÎ\".lower() }} {{ 'éa'.title() }}") ==
      "é SS Ärger Öl Äb ΩΣ ПРИВЕТ àéî Éa");
}
