// Jinja's built-in filters and tests, checked against Python Jinja2 3.1.6 output.
#include "frontend/jinja/jinja.h"
#include "jinja_test_context.h"

#include <doctest/doctest.h>

#include <string>


using pm::jinja::testing::renderError;
using pm::jinja::testing::renderOk;

TEST_CASE("Default accepts undefined values and can test truthiness") {
  CHECK(
      renderOk(
          "{{ foo | default('x') }} {{ n | default('y', true) }} {{ foo | d }}| {{ ''|default('e', "
          "boolean=true) }} {{ 0|d(5) }} {{ d.zz|default(d.a) }} {{ n|default('kept') }}") ==
      "x y | e 0 1 None");
}

TEST_CASE("Text filters change case, trim and replace") {
  CHECK(renderOk("{{ \"hello world\"|title }} {{ \"HELLO\"|lower }} {{ \"ab\"|upper }} {{ "
                 "\"hello\"|capitalize }} {{ \"  x  \"|trim }} {{ \"xxhixx\"|trim('x') }} {{ \"a-b "
                 "c(d they're\"|title }}") == "Hello World hello AB Hello x hi A-B C(D They're");
  CHECK(renderOk("{{ \"a b\"|replace(\" \", \"_\") }} {{ \"aaa\"|replace(\"a\", \"b\", 2) }} {{ "
                 "\"x\"|center(5) }}|{{ \"ab\"|center(7) }}|{{ \"a b c\"|wordcount }} {{ 5|string "
                 "~ 'x' }}") == "a_b bba   x  |   ab  |3 5x");
}

TEST_CASE("Truncate follows Jinja's algorithm with its leeway") {
  CHECK(renderOk("{{ \"hello world foo bar baz\"|truncate(9) }}|{{ \"hello world foo bar "
                 "baz\"|truncate(9, true) }}|{{ \"hello world\"|truncate(5, end='!') }}|{{ "
                 "\"abcdefghijklmnop\"|truncate(10, leeway=0) }}|{{ \"hello\"|truncate(3, end='') "
                 "}}|{{ \"short\"|truncate(3) }}|{{ \"abcdefghijkl\"|truncate(length=8, "
                 "killwords=true, end='~', leeway=1) }}") ==
        "hello...|hello ...|hell!|abcdefg...|hello|short|abcdefg~");
}

TEST_CASE("Indent adds indentation after newlines") {
  CHECK(
      renderOk(
          "{{ \"a\\nb\\n\\nc\"|indent }}|{{ \"a\\nb\"|indent(2, true) }}|{{ \"a\\n\\nb\"|indent(2, "
          "blank=true) }}|{{ \"a\\nb\"|indent('> ') }}|{{ \"a\\n\"|indent(first=true) }}") ==
      "a\n    b\n\n    c|  a\n  b|a\n  \n  b|a\n> b|    a\n");
}

TEST_CASE("Number filters convert and round like Python") {
  CHECK(renderOk(
            "{{ \"3\"|int + 1 }} {{ \"3.7\"|int }} {{ \"x\"|int(5) }} {{ \"0x1A\"|int(base=16) }} "
            "{{ \" 12 \"|int }} {{ 3.9|int }} {{ n|int }} {{ true|int }}") == "4 3 5 26 12 3 0 1");
  CHECK(renderOk("{{ \"1.5\"|float }} {{ \"x\"|float }} {{ 3|float }} {{ \" 1e3 \"|float }} {{ "
                 "n|float(2.5) }}") == "1.5 0.0 3.0 1000.0 2.5");
  CHECK(
      renderOk("{{ 2.5|round }} {{ 3.5|round }} {{ 3.14159|round(2) }} {{ 2.1|round(method='ceil') "
               "}} {{ 2.9|round(method='floor') }} {{ 5|round }} {{ -3|abs }} {{ -2.5|abs }}") ==
      "2.0 4.0 3.14 3.0 2.0 5 3 2.5");
}

TEST_CASE("Escape and urlencode quote text and safe marks it") {
  CHECK(renderOk("{{ \"<a href='x'>&\\\"</a>\"|e }} {{ \"<a>\"|safe }} {{ \"<a>\"|escape|e }} {{ "
                 "\"a b&c/d é\"|urlencode }} {{ {'a': 'b c', 'd': 1}|urlencode }} {{ [('k', 'v "
                 "w')]|urlencode }}") == "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt; <a> "
                                         "&lt;a&gt; a%20b%26c/d%20%C3%A9 a=b+c&d=1 k=v+w");
}

TEST_CASE("Tojson sorts keys and escapes HTML characters") {
  CHECK(
      renderOk("{{ env|tojson }} {{ {'b': [1, 2.5, none, true], 'a': \"<&'>\"}|tojson }} {{ "
               "u|tojson }} {{ []|tojson }} {{ {}|tojson }} {{ 'x\\ny'|tojson }}") ==
      "{\"A\": \"1\", \"B\": \"hello world\", \"C\": 3} {\"a\": \"\\u003c\\u0026\\u0027\\u003e\", "
      "\"b\": [1, 2.5, null, true]} \"h\\u00e9llo\" [] {} \"x\\ny\"");
  CHECK(renderOk("{{ l|tojson(indent=2) }}|{{ {'a': [1, {}], 'b': {'c': []}}|tojson(2) }}") ==
        "[\n  1,\n  2,\n  3\n]|{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    \"c\": []\n  "
        "}\n}");
}

TEST_CASE("Sequence filters measure and pick items") {
  CHECK(renderOk("{{ l|length }} {{ d|count }} {{ s|length }} {{ u|length }} {{ l|first }} {{ "
                 "l|last }} {{ s|first }} {{ l|sum }} {{ l|sum(start=10) }} {{ l|max }} {{ "
                 "words|min }} {{ words|max }} {{ words|max(case_sensitive=true) }}") ==
        "3 3 3 5 1 3 x 6 16 3 A c c");
  CHECK(renderOk("{{ []|first is defined }} {{ d|list }} {{ s|list }} {{ l|reverse|list }} {{ "
                 "\"abc\"|reverse }} {{ l|join }} {{ l|join(\", \") }}") ==
        "False ['a', 'items', 'b'] ['x', '=', 'y'] [3, 2, 1] cba 123 1, 2, 3");
}

TEST_CASE("Sort, unique and dictsort order case-insensitively by default") {
  CHECK(
      renderOk("{{ words|sort }} {{ words|sort(case_sensitive=true) }} {{ words|sort(reverse=true) "
               "}} {{ words|unique|list }} {{ words|unique(case_sensitive=true)|list }}") ==
      "['A', 'a', 'b', 'c'] ['A', 'a', 'b', 'c'] ['c', 'b', 'A', 'a'] ['b', 'A', 'c'] ['b', 'A', "
      "'c', 'a']");
  CHECK(renderOk("{{ d|dictsort }} {{ d|dictsort(reverse=true) }} {{ {'b': 1, 'A': 2, 'a': "
                 "0}|dictsort }} {{ {'x': 2, 'y': 1}|dictsort(by='value') }} {{ d|items|list }}") ==
        "[('a', 1), ('b', 'x y'), ('items', 5)] [('items', 5), ('b', 'x y'), ('a', 1)] [('A', 2), "
        "('a', 0), ('b', 1)] [('y', 1), ('x', 2)] [('a', 1), ('items', 5), ('b', 'x y')]");
}

TEST_CASE("Map, select and reject apply attributes, filters and tests") {
  CHECK(renderOk("{{ users|map(attribute='name')|join(', ') }} {{ users|sort(attribute='age', "
                 "reverse=true)|map(attribute='name')|list }} {{ users|map(attribute='zip', "
                 "default='?')|list }}") == "bo, al ['al', 'bo'] ['?', '?']");
  CHECK(renderOk("{{ users|selectattr('age', 'gt', 3)|list }} {{ users|rejectattr('age', 'gt', "
                 "3)|map(attribute='name')|list }} {{ l|select('odd')|list }} {{ "
                 "l|reject('odd')|list }} {{ [0, 1, '', 'a']|select|list }}") ==
        "[{'name': 'al', 'age': 5}] ['bo'] [1, 3] [2] [1, 'a']");
  CHECK(
      renderOk(
          "{{ words|map('upper')|list }} {{ users|sum(attribute='age') }} {{ words|map('replace', "
          "'a', 'z')|list }} {{ users|min(attribute='age') }} {{ l|select('in', [1, 3])|list }}") ==
      "['B', 'A', 'C', 'A'] 8 ['b', 'A', 'c', 'z'] {'name': 'bo', 'age': 3} [1, 3]");
}

TEST_CASE("Batch and slice split sequences") {
  CHECK(renderOk("{{ l|batch(2)|list }} {{ l|slice(2)|list }} {{ l|batch(2, 0)|list }} {{ "
                 "range(7)|slice(3)|list }} {{ range(7)|slice(3, 'x')|list }}") ==
        "[[1, 2], [3]] [[1, 2], [3]] [[1, 2], [3, 0]] [[0, 1, 2], [3, 4], [5, 6]] [[0, 1, 2], [3, "
        "4, 'x'], [5, 6, 'x']]");
}

TEST_CASE("Tests check types, values and definedness") {
  CHECK(renderOk("{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 'ab' is lower }} {{ "
                 "'AB' is upper }} {{ l is sequence }} {{ d is mapping }} {{ 1 is number }} {{ 1.0 "
                 "is float }} {{ 1 is integer }} {{ true is integer }}") ==
        "True True True True True True True True True True False");
  CHECK(renderOk("{{ n is none }} {{ t is boolean }} {{ t is true }} {{ 1 is true }} {{ false is "
                 "false }} {{ 'x' is string }} {{ 2 is in l }} {{ 1 is eq 1 }} {{ 1 is ne 2 }} {{ "
                 "1 is lt 2 }} {{ 3 is ge 3 }} {{ 2 is gt 1 }} {{ 1 is le 1 }}") ==
        "True True True False True True True True True True True True True");
  CHECK(renderOk("{{ n is sameas none }} {{ \"a\"|e is escaped }} {{ \"a\" is escaped }} {{ 1 is "
                 "not defined }} {{ foo is defined }} {{ d.a is defined }} {{ d.zz is undefined }} "
                 "{{ l is iterable }} {{ 1 is iterable }} {{ d.get is callable }}") ==
        "True True False False False True True True False True");
  CHECK(renderOk("{{ foo is none }}|{{ foo is string }}|{{ foo is callable }}|{{ foo is mapping "
                 "}}|{{ foo is not defined }}") == "False|False|True|False|True");
}

TEST_CASE("Round treats integers and negative precision like Python") {
  CHECK(renderOk("{{ 15|round(-1) }} {{ 25|round(-1) }} {{ 1234.5|round(-2) }} {{ 1.5|round(0) }} "
                 "{{ 0.5|round }} {{ 1.25|round(1) }} {{ 2.675|round(2) }}") ==
        "20 20 1200.0 2.0 0.0 1.2 2.67");
}

TEST_CASE("Sameas compares identity like CPython for singletons, small ints and literals") {
  CHECK(renderOk("{{ 'x' is sameas 'x' }} {{ 1 is sameas 1 }} {{ l is sameas l }} {{ [] is sameas "
                 "[] }} {{ none is sameas none }} {{ true is sameas 1 }}") ==
        "True True True False True False");
}

TEST_CASE("Format applies Python's percent formatting") {
  CHECK(renderOk("{{ \"%s-%s\"|format(\"a\", 1) }} {{ \"%(x)s\"|format(x=[1]) }} {{ "
                 "\"%05.1f\"|format(2.25) }} {{ {10: 1, 9: 2}|tojson }}") ==
        "a-1 [1] 002.2 {\"9\": 2, \"10\": 1}");
}
