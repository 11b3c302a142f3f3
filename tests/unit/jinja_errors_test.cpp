// Syntax and render errors: Jinja's messages (from Python Jinja2 3.1.6) and their rules.
#include "frontend/jinja/jinja.h"
#include "jinja_test_context.h"

#include <doctest/doctest.h>

#include <string>


using pm::jinja::testing::renderError;
using pm::jinja::testing::renderOk;

TEST_CASE("Syntax errors use Jinja's messages") {
  CHECK(renderError("{% if x == 'a' ") ==
        "PRS002 1: unexpected end of template, expected 'end of statement block'.");
  CHECK(renderError("{% for x in l %}{% endfoo %}") ==
        "PRS002 1: Encountered unknown tag 'endfoo'. Jinja was looking for the following tags: "
        "'endfor' or 'else'. The innermost block that needs to be closed is 'for'.");
  CHECK(renderError("{% endif %}") == "PRS002 1: Encountered unknown tag 'endif'.");
  CHECK(renderError("{% for x in l %}{% endif %}") ==
        "PRS002 1: Encountered unknown tag 'endif'. Jinja was looking for the following tags: "
        "'endfor' or 'else'. The innermost block that needs to be closed is 'for'.");
  CHECK(renderError("{% if true %}") ==
        "PRS002 1: Unexpected end of template. Jinja was looking for the following tags: 'elif' or "
        "'else' or 'endif'. The innermost block that needs to be closed is 'if'.");
  CHECK(renderError("{% if x == \"a\" %}{% else %}{% elif %}{% endif %}") ==
        "PRS002 1: Encountered unknown tag 'elif'. Jinja was looking for the following tags: "
        "'endif'. The innermost block that needs to be closed is 'if'.");
  CHECK(renderError("{% for a in l %}{% if a %}{% endfor %}{% endif %}") ==
        "PRS002 1: Encountered unknown tag 'endfor'. You probably made a nesting mistake. Jinja is "
        "expecting this tag, but currently looking for 'elif' or 'else' or 'endif'. The innermost "
        "block that needs to be closed is 'if'.");
  CHECK(renderError("{{ 1 +  }}") == "PRS002 1: unexpected 'end of print statement'");
  CHECK(renderError("{{ 1 }") == "PRS002 1: unexpected '}'");
  CHECK(renderError("{{ x|foo(}}") == "PRS002 1: unexpected '}', expected ')'");
  CHECK(renderError("{{ \"abc }}") == "PRS002 1: unexpected char '\"' at 3");
  CHECK(renderError("{{ a.1b }}") == "PRS002 1: expected token 'end of print statement', got 'b'");
  CHECK(renderError("{{ @ }}") == "PRS002 1: unexpected char '@' at 3");
  CHECK(renderError("{{ [1,2 }}") == "PRS002 1: unexpected '}', expected ']'");
  CHECK(renderError("{% set 1 = 2 %}") == "PRS002 1: can't assign to 'const'");
  CHECK(renderError("{% for %}") ==
        "PRS002 1: Expected an expression, got 'end of statement block'");
  CHECK(renderError("{{ }}") == "PRS002 1: Expected an expression, got 'end of print statement'");
  CHECK(renderError("{% %}") == "PRS002 1: tag name expected");
  CHECK(renderError("{# abc") == "PRS002 1: Missing end of comment tag");
  CHECK(renderError("{% raw %}abc") == "PRS002 1: Missing end of raw directive");
}

TEST_CASE("Unknown filters and tests fail before rendering except inside if blocks") {
  CHECK(renderError("{{ x|foo }}") == "PRS002 1: No filter named 'foo'.");
  CHECK(renderError("{{ x is foo }}") == "PRS002 1: No test named 'foo'.");
  CHECK(renderOk("{% if false %}{{ x|foo }}{% endif %}ok") == "ok");
  CHECK(renderError("{% if true %}{{ 1|foo }}{% endif %}") ==
        "PRS003: No filter named 'foo' found.");
  CHECK(renderError("{% for a in [] %}{{ x|foo }}{% endfor %}") ==
        "PRS002 1: No filter named 'foo'.");
}

TEST_CASE("Undefined values fail on use with Jinja's messages") {
  CHECK(renderError("{{ foo }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ d.port }}") == "PRS003: 'dict object' has no attribute 'port'");
  CHECK(renderError("{{ l[5] }}") == "PRS003: list object has no element 5");
  CHECK(renderError("{{ d[0] }}") == "PRS003: dict object has no element 0");
  CHECK(renderError("{{ n.x }}") == "PRS003: 'None' has no attribute 'x'");
  CHECK(renderError("{{ foo.bar }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ foo|upper }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ foo|length }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{% for x in foo %}{% endfor %}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{% if foo %}{% endif %}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ foo == 1 }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ foo ~ 'a' }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ foo + 1 }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ foo is odd }}") == "PRS003: 'foo' is undefined");
  CHECK(renderError("{{ d['zz'] }}") == "PRS003: 'dict object' has no attribute 'zz'");
  CHECK(renderError("{{ d|attr('a') }}") == "PRS003: 'dict object' has no attribute 'a'");
  CHECK(renderError("{{ loop.index }}") == "PRS003: 'loop' is undefined");
  CHECK(renderError("{% for x in l %}{{ loop.previtem }}{% endfor %}") ==
        "PRS003: there is no previous item");
  CHECK(renderError("{{ (1 if false).x }}") ==
        "PRS003: the inline if-expression on line 1 evaluated to false and no else section was "
        "defined.");
  CHECK(renderError("{{ []|first }}") == "PRS003: No first item, sequence was empty.");
  CHECK(renderOk("{{ [foo] }}") == "[Undefined]");
}

TEST_CASE("Python runtime errors surface as render errors") {
  CHECK(renderError("{{ 'a' + 1 }}") == "PRS003: can only concatenate str (not \"int\") to str");
  CHECK(renderError("{{ 1 / 0 }}") == "PRS003: division by zero");
  CHECK(renderError("{{ 1 // 0 }}") == "PRS003: integer division or modulo by zero");
  CHECK(renderError("{{ 'a' < 1 }}") ==
        "PRS003: '<' not supported between instances of 'str' and 'int'");
  CHECK(renderError("{% for a, b in l %}{% endfor %}") ==
        "PRS003: cannot unpack non-iterable int object");
  CHECK(renderError("{% for a, b in [(1, 2, 3)] %}{% endfor %}") ==
        "PRS003: too many values to unpack (expected 2)");
  CHECK(renderError("{% set a, b = 'x=y=z'.split('=') %}") ==
        "PRS003: too many values to unpack (expected 2)");
  CHECK(renderError("{{ 5|length }}") == "PRS003: object of type 'int' has no len()");
  CHECK(renderError("{{ \"x\"|truncate(2) }}") == "PRS003: expected length >= 3, got 2");
  CHECK(renderError("{{ 1 in 5 }}") == "PRS003: argument of type 'int' is not iterable");
  CHECK(renderError("{{ s() }}") == "PRS003: 'str' object is not callable");
}

TEST_CASE("A parse error before a lexical error is reported first as Jinja lexes lazily") {
  CHECK(renderError("{{ a b }} {{ @ }}") ==
        "PRS002 1: expected token 'end of print statement', got 'b'");
  CHECK(renderError("{% if x %}{% endif %}{{ \"unterminated }}") ==
        "PRS002 1: unexpected char '\"' at 24");
  CHECK(renderError("{# comment at the end") == "PRS002 1: Missing end of comment tag");
  CHECK(renderOk("text {#") == "text ");
  CHECK(renderOk("{% raw %}") == "");
}

TEST_CASE("Assigning an attribute needs a namespace object") {
  CHECK(renderError("{% set s.x = 1 %}") ==
        "PRS003: cannot assign attribute on non-namespace object");
  CHECK(renderError("{% set zz.x = 1 %}") ==
        "PRS003: cannot assign attribute on non-namespace object");
  CHECK(renderError("{% set ns = namespace() %}{{ ns|length }}") ==
        "PRS003: object of type 'Namespace' has no len()");
}
