// Jinja statements: if, for, set, with, filter blocks, raw and whitespace control, checked
// against Python Jinja2 3.1.6 output.
#include "frontend/jinja/jinja.h"
#include "jinja_test_context.h"

#include <doctest/doctest.h>

#include <string>


using pm::jinja::testing::renderError;
using pm::jinja::testing::renderOk;

TEST_CASE("If statements take elif and else branches") {
  CHECK(
      renderOk("{% if n %}a{% elif l %}b{% else %}c{% endif %}|{% if false %}x{% elif false %}y{% "
               "else %}z{% endif %}|{% if t %}only{% endif %}|{% if false %}no{% endif %}") ==
      "b|z|only|");
}

TEST_CASE("For loops expose Jinja's loop variable") {
  CHECK(renderOk("{% for k, v in d.items() %}{{ loop.index }}{{ loop.index0 }}{{ k }}={{ v }}{{ "
                 "loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.revindex }}{{ "
                 "loop.revindex0 }}{{ loop.cycle('a', 'b') }};{% endfor %}") ==
        "10a=1TrueFalse332a;21items=5FalseFalse321b;32b=x yFalseTrue310a;");
  CHECK(renderOk("{% for x in l %}{{ loop.previtem is defined }}{{ loop.nextitem|default('-') }}{% "
                 "if not loop.first %}{{ loop.previtem }}{% endif %},{% endfor %}") ==
        "False2,True31,True-2,");
  CHECK(renderOk("{% for x in l %}{% for y in 'ab' %}{{ loop.index }}{{ x }}{{ y }} {% endfor %}{% "
                 "endfor %}") == "11a 21b 12a 22b 13a 23b ");
  CHECK(renderOk("{% for a, b in [(1, 2), [3, 4]] %}{{ a + b }} {% endfor %}{% for c in 'hé' %}[{{ "
                 "c }}]{% endfor %}{% for k in d %}{{ k }}{% endfor %}") == "3 7 [h][é]aitemsb");
}

TEST_CASE("For loops filter with if and fall back to else") {
  CHECK(renderOk("{% for x in l if x > 1 %}{{ x }}:{{ loop.index }}/{{ loop.length }} {% else "
                 "%}none{% endfor %}|{% for x in [] %}x{% else %}empty{% endfor %}|{% for x in l "
                 "if x > 5 %}x{% else %}filtered{% endfor %}") == "2:1/2 3:2/2 |empty|filtered");
}

TEST_CASE("Set assigns names and unpacks tuples") {
  CHECK(renderOk("{% set a, b = s.split('=') %}{{ a }}|{{ b }}") == "x|y");
  CHECK(
      renderOk(
          "{% set x = 1 + 2 %}{% set y = [x, x] %}{{ y }}{% set p, q = (1, 2) %}{{ p }}{{ q }}") ==
      "[3, 3]12");
}

TEST_CASE("Block set captures rendered text and can filter it") {
  CHECK(renderOk("{% set x %}block {{ s }}{% endset %}[{{ x }}]{% set y | upper %}shout {{ s }}{% "
                 "endset %}[{{ y }}]") == "[block x=y][SHOUT X=Y]");
}

TEST_CASE("Set inside a for loop does not leak but set inside if does") {
  CHECK(renderOk("{% set x = 1 %}{% for i in [1, 2] %}{{ x }}{% set x = 2 %}{{ x }}{% endfor %}{{ "
                 "x }}{% if true %}{% set x = 5 %}{% endif %}{{ x }}") == "121215");
}

TEST_CASE("With and filter blocks scope their names and filter their output") {
  CHECK(renderOk("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{% with a = 5 %}{% with a = a + 1 "
                 "%}{{ a }}{% endwith %}{{ a }}{% endwith %}") == "365");
  CHECK(renderOk("{% filter upper %}hello {{ s }}{% endfilter %}{% filter replace('a', 'o')|upper "
                 "%}banana{% endfilter %}") == "HELLO X=YBONONO");
  CHECK(renderOk("{% print s %}{% print 1, 2 %}") == "x=y12");
}

TEST_CASE("Whitespace control strips around tags and comments") {
  CHECK(
      renderOk(
          "a {{- \" b \" -}} c {%- if true %} d {% endif -%}\n  e {# comment #} f {#- c -#}   g") ==
      "a b c d e  fg");
  CHECK(renderOk("x\n{% if true %}\ny\n{% endif %}\nz") == "x\n\ny\n\nz");
  CHECK(renderOk("{%- if true -%}\n  x\n{%- endif -%}") == "x");
  CHECK(renderOk("a  {%+ if true %}b{% endif +%}  c") == "a  b  c");
}

TEST_CASE("Raw blocks print their content verbatim") {
  CHECK(renderOk("{% raw %}{{ x }}{% endraw %} {%- raw -%}  {{ y }}  {%- endraw %}|{% raw %}{% if "
                 "%}{{ '{{resolve:ssm:x}}' }}{% endraw %}") ==
        "{{ x }}{{ y }}|{% if %}{{ '{{resolve:ssm:x}}' }}");
}

TEST_CASE("A single trailing newline of the template is dropped") {
  CHECK(renderOk("text\\n\n") == "text\\n");
}

TEST_CASE("Dict literals subscripted by an attribute select a value") {
  CHECK(renderOk("{{ {'small': 256, 'large': 1024}[users[0].name == 'bo' and 'small' or 'large'] "
                 "}}|{{ {'bo': 'x'}[users[0].name] }}") == "256|x");
}

TEST_CASE("Loop changed and cycle track the iteration") {
  CHECK(renderOk("{% for x in 'aabccc' %}{{ loop.changed(x) }}{{ loop.cycle('1', '2', '3') }} {% "
                 "endfor %}") == "True1 False2 True3 True1 False2 False3 ");
}

TEST_CASE("Namespace objects carry values out of a loop") {
  CHECK(renderOk("{% set ns = namespace(total=0, found=false) %}{% for i in l %}{% set ns.total = "
                 "ns.total + i %}{% if i == 2 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ "
                 "ns.total }} {{ ns.found }} {{ ns }} {{ ns['total'] }} {{ ns is mapping }}") ==
        "6 True <Namespace {'total': 6, 'found': True}> 6 False");
  CHECK(renderOk(
            "{% set ns = namespace({'x': 1}, y=2) %}{{ ns.x }}{{ ns.y }}{% if ns %}t{% endif %}") ==
        "12t");
}
