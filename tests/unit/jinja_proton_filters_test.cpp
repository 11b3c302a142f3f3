// Proton's custom filters and the block re-indent post-pass, checked against
// tools/proton-render.py.
#include "frontend/jinja/jinja.h"
#include "jinja_test_context.h"

#include <doctest/doctest.h>

#include <string>


using pm::jinja::testing::renderError;
using pm::jinja::testing::renderOk;

TEST_CASE("Proton's env var filters print YAML re-indented to the column of the marker") {
  CHECK(renderOk(
            "      Environment:\n        {{ env|proton_cfn_ecs_task_definition_formatted_env_vars "
            "}}\n      Vars:\n        {{ env|proton_cfn_lambda_function_formatted_env_vars }}") ==
        "      Environment:\n        - Name: A\n          Value: 1\n        - Name: B\n          "
        "Value: hello world\n        - Name: C\n          Value: 3\n      Vars:\n        A: 1\n    "
        "    B: hello world\n        C: 3");
  CHECK(renderOk("{{ env|proton_cfn_ecs_task_definition_formatted_env_vars }}") ==
        "- Name: A\n  Value: 1\n- Name: B\n  Value: hello world\n- Name: C\n  Value: 3");
  CHECK(renderOk("  x: {{ {'K': [1, 'a'], 'L': none}|proton_cfn_lambda_function_formatted_env_vars "
                 "}} tail\n  y: {{ env|proton_cfn_lambda_function_formatted_env_vars(raw=true) "
                 "}}{{ env|proton_cfn_lambda_function_formatted_env_vars }}") ==
        "  x: K: [1, 'a']\n     L: None tail\n  y: A: 1\n     B: hello world\n     C: 3A: 1\n      "
        "   B: hello world\n         C: 3");
  CHECK(renderOk("é: {{ env|proton_cfn_lambda_function_formatted_env_vars }}") ==
        "é: A: 1\n   B: hello world\n   C: 3");
}

TEST_CASE("Proton's filters print nothing for an empty or missing mapping") {
  CHECK(renderOk("      Empty: {{ e|proton_cfn_lambda_function_formatted_env_vars }}|{{ "
                 "n|proton_cfn_ecs_task_definition_formatted_env_vars }}|{{ "
                 "e|proton_cfn_iam_policy_arns }}|") == "      Empty: |||");
}

TEST_CASE("The IAM policy filter keeps only policy ARNs and appends to a list") {
  CHECK(
      renderOk(
          "      Policies:\n        - base\n        {{ {'a': 'arn:aws:iam::123456789012:policy/x', "
          "'b': 'nope', 'c': 'arn:aws-us-gov:iam::123456789012:policy/y/z', 'd': "
          "'arn:aws:iam::12345678901:policy/short'}|proton_cfn_iam_policy_arns }}") ==
      "      Policies:\n        - base\n        - arn:aws:iam::123456789012:policy/x\n        - "
      "arn:aws-us-gov:iam::123456789012:policy/y/z");
}

TEST_CASE("Sanitize passes names and ARNs and rejects anything else") {
  CHECK(renderOk(
            "{{ \"abc-D_1\"|proton_cfn_sanitize }} {{ \"arn:aws:s3:::bucket\"|proton_cfn_sanitize "
            "}} {{ 42|proton_cfn_sanitize }} {{ ''|proton_cfn_sanitize }}|") ==
        "abc-D_1 arn:aws:s3:::bucket 42 |");
  CHECK(renderError("{{ \"a b\"|proton_cfn_sanitize }}") ==
        "PRS003: Illegal character(s) detected in \"a b\". Must match regex ^[a-zA-Z0-9_-]*$ or be "
        "a valid ARN");
  CHECK(renderError("{{ \"arn:aws:s3:::\"|proton_cfn_sanitize }}") ==
        "PRS003: Illegal character(s) detected in \"arn:aws:s3:::\". Must match regex "
        "^[a-zA-Z0-9_-]*$ or be a valid ARN");
}

TEST_CASE("Raw=False makes the env var filters check each value") {
  CHECK(renderOk(
            "{{ {'A': 'ok-1'}|proton_cfn_ecs_task_definition_formatted_env_vars(raw=false) }}") ==
        "- Name: A\n  Value: ok-1");
  CHECK(renderError("{{ env|proton_cfn_ecs_task_definition_formatted_env_vars(raw=false) }}") ==
        "PRS003: Illegal character(s) detected in \"hello world\". Must match regex "
        "^[a-zA-Z0-9_-]*$ or be a valid ARN");
  CHECK(renderError("{{ {'A': 'x/y'}|proton_cfn_lambda_function_formatted_env_vars(false) }}") ==
        "PRS003: Illegal character(s) detected in \"x/y\". Must match regex ^[a-zA-Z0-9_-]*$ or be "
        "a valid ARN");
}

TEST_CASE("A Proton-style service template renders like the reference") {
  CHECK(
      renderOk("Resources:\n  Service:\n    Properties:\n      Name: '{{ users[0].name ~ \"-\" ~ "
               "s|replace(\"=\", \"-\") }}'\n      Description: {{ \"a very long description of "
               "the service\"|truncate(20) }}\n      Image: {{ {'bo': 'nginx:1', 'al': "
               "'httpd:2'}[users[0].name] | tojson | safe }}\n      Environment:\n        {% set "
               "env_vars = 'A=1;B=two'.split(';') %}\n        {% for env_var in env_vars %}\n      "
               "  {% set env_name, env_value = env_var.split('=') %}\n        - Name: {{ "
               "env_name|trim }}\n          Value: {{ env_value }}\n        {% endfor %}\n        "
               "{{ env|proton_cfn_ecs_task_definition_formatted_env_vars }}\n      {% if d.port is "
               "defined %}\n      Port: {{ d.port }}\n      {% else %}\n      Port: 80\n      {% "
               "endif %}\n      Count: {{ l|length }}\n      Policies:\n        - !Ref Base\n      "
               "  {{ {'p': 'arn:aws:iam::123456789012:policy/p'}|proton_cfn_iam_policy_arns }}") ==
      "Resources:\n  Service:\n    Properties:\n      Name: 'bo-x-y'\n      Description: a very "
      "long...\n      Image: \"nginx:1\"\n      Environment:\n        \n        \n        \n       "
      " - Name: A\n          Value: 1\n        \n        \n        - Name: B\n          Value: "
      "two\n        \n        - Name: A\n          Value: 1\n        - Name: B\n          Value: "
      "hello world\n        - Name: C\n          Value: 3\n      \n      Port: 80\n      \n      "
      "Count: 3\n      Policies:\n        - !Ref Base\n        - "
      "arn:aws:iam::123456789012:policy/p");
}
