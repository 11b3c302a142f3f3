"""Comparing a rendered CloudFormation template with the one a CDK app synthesized.

Both are read into long-form intrinsics (`!Ref X` is {"Ref": "X"}, `!GetAtt A.B` is
{"Fn::GetAtt": ["A", "B"]}) and compared per resource logical ID, then per section. The only
differences forgiven are the ones CloudFormation itself does not see: scalars compare as text
(`14` and `"14"`), DependsOn as a set, tag lists in any order, a single Transform as a list of
one, and what CDK adds on its own (CDKMetadata, the bootstrap-version parameter and rule,
`aws:cdk:*` metadata)."""
import json

import yaml

CDK_RESOURCES = {"CDKMetadata"}
CDK_CONDITIONS = {"CDKMetadataAvailable"}
CDK_PARAMETERS = {"BootstrapVersion"}
CDK_RULES = {"CheckBootstrapVersion"}
SECTIONS = ("AWSTemplateFormatVersion", "Description", "Transform", "Parameters", "Mappings",
            "Conditions", "Rules", "Outputs", "Metadata")


class TemplateLoader(yaml.SafeLoader):
    """PyYAML with CloudFormation's short-form tags."""


def _short_form(loader, suffix, node):
    name = "Ref" if suffix == "Ref" else "Condition" if suffix == "Condition" else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if name == "Fn::GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


TemplateLoader.add_multi_constructor("!", _short_form)


def load(path):
    with open(path) as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=TemplateLoader)


def normalise(value, key=None):
    """The form both sides are compared in."""
    if isinstance(value, dict):
        if list(value) == ["Fn::GetAtt"] and isinstance(value["Fn::GetAtt"], str):
            return {"Fn::GetAtt": value["Fn::GetAtt"].split(".", 1)}
        return {k: normalise(v, k) for k, v in value.items()
                if not (key == "Metadata" and k.startswith("aws:cdk:"))}
    if isinstance(value, list):
        items = [normalise(item) for item in value]
        if key == "Tags" and all(isinstance(i, dict) and "Key" in i for i in items):
            items.sort(key=lambda i: json.dumps(i, sort_keys=True))
        return items
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def resource_form(resource):
    """A resource's attributes, with absent Properties as {} and DependsOn as a sorted list.
    A Fn::ForEach::Name entry (AWS::LanguageExtensions) is a list, compared as written."""
    if not isinstance(resource, dict):
        return normalise(resource)
    form = {k: normalise(v, k) for k, v in resource.items()}
    form.setdefault("Properties", {})
    if "DependsOn" in form:
        depends = form["DependsOn"]
        form["DependsOn"] = sorted(depends if isinstance(depends, list) else [depends])
    if "Metadata" in form and not form["Metadata"]:
        del form["Metadata"]
    return form


def section_form(template, name):
    value = (template or {}).get(name)
    ignored = {"Parameters": CDK_PARAMETERS, "Conditions": CDK_CONDITIONS,
               "Rules": CDK_RULES}.get(name, set())
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k not in ignored} or None
    if name == "Transform" and isinstance(value, str):
        value = [value]
    return normalise(value, name)


def exports_of(templates):
    """Export name -> (stack, output name) over the synthesized templates of one app."""
    exports = {}
    for stack, template in templates.items():
        for name, output in ((template or {}).get("Outputs") or {}).items():
            export = (output.get("Export") or {}).get("Name")
            if isinstance(export, str):
                exports[export] = (stack, name)
    return exports


def resolve_imports(value, exports, values):
    """`value` with each Fn::ImportValue of an app's export replaced by the value the rendered
    template was given for that output (`values`: output name -> value), and string joins that
    become literal collapsed, as the rendered template writes them. Leaves the rest alone."""
    if isinstance(value, dict):
        if list(value) == ["Fn::ImportValue"] and isinstance(value["Fn::ImportValue"], str):
            found = exports.get(value["Fn::ImportValue"])
            if found and found[1] in values:
                return str(values[found[1]])
            return value
        resolved = {k: resolve_imports(v, exports, values) for k, v in value.items()}
        join = resolved.get("Fn::Join") if list(resolved) == ["Fn::Join"] else None
        if isinstance(join, list) and len(join) == 2 and isinstance(join[1], list) and \
                all(isinstance(part, str) for part in [join[0]] + join[1]):
            return join[0].join(join[1])
        return resolved
    if isinstance(value, list):
        return [resolve_imports(item, exports, values) for item in value]
    return value


def without_added_exports(original, synthesized, imported):
    """The synthesized template without the Export an app added to an output other stacks of
    it import, where the original output had none (cross-stack wiring)."""
    outputs = (synthesized or {}).get("Outputs") or {}
    mine = (original or {}).get("Outputs") or {}
    for name, output in outputs.items():
        export = (output.get("Export") or {}).get("Name")
        if isinstance(export, str) and export in imported and \
                "Export" not in (mine.get(name) or {}):
            del output["Export"]
    return synthesized


def imported_names(templates):
    """Every export name the app's templates import."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if list(value) == ["Fn::ImportValue"] and isinstance(value["Fn::ImportValue"], str):
                found.add(value["Fn::ImportValue"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    for template in templates.values():
        walk(template)
    return found


def first_difference(original, synthesized, path=""):
    """The path of the first place two normalised values differ, with both values."""
    if isinstance(original, dict) and isinstance(synthesized, dict):
        for key in sorted(set(original) | set(synthesized)):
            if key not in synthesized:
                return f"{path}.{key}: only in the original"
            if key not in original:
                return f"{path}.{key}: only in the synthesized template"
            found = first_difference(original[key], synthesized[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(original, list) and isinstance(synthesized, list) and \
            len(original) == len(synthesized):
        for index, (a, b) in enumerate(zip(original, synthesized)):
            found = first_difference(a, b, f"{path}[{index}]")
            if found:
                return found
        return None
    if original == synthesized:
        return None
    return f"{path}: original {json.dumps(original)} != synthesized {json.dumps(synthesized)}"


class Comparison:
    def __init__(self):
        self.differences = []
        self.equal_resources = 0
        self.total_resources = 0


def compare(original, synthesized):
    result = Comparison()
    mine = {k: v for k, v in ((original or {}).get("Resources") or {}).items()}
    theirs = {k: v for k, v in ((synthesized or {}).get("Resources") or {}).items()
              if k not in CDK_RESOURCES}
    for logical_id in sorted(set(mine) | set(theirs)):
        result.total_resources += 1
        if logical_id not in theirs:
            result.differences.append(f"Resources.{logical_id}: only in the original")
        elif logical_id not in mine:
            result.differences.append(f"Resources.{logical_id}: only in the synthesized template")
        else:
            found = first_difference(resource_form(mine[logical_id]),
                                     resource_form(theirs[logical_id]),
                                     f"Resources.{logical_id}")
            if found:
                result.differences.append(found)
            else:
                result.equal_resources += 1
    for name in SECTIONS:
        found = first_difference(section_form(original, name), section_form(synthesized, name),
                                 name)
        if found:
            result.differences.append(found)
    return result
