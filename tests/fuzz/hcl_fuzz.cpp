// HCL reader: the text as a .tf file. A parsed tree must be well nested and print back to the
// text byte for byte (the lossless property the Terraform rewriting relies on); its Proton
// references and variable declarations are then collected.
#include "tests/fuzz/fuzz_entry_points.h"
#include "tests/fuzz/fuzz_input.h"

#include "frontend/hcl/hcl.h"

#include <cstdlib>

namespace pm::fuzz {

namespace {

void visitNodes(const frontend::hcl::SyntaxTree& tree) {
  for (frontend::hcl::NodeId id = 0; id < tree.nodeCount(); ++id) {
    (void)tree.location(id);
    (void)tree.sourceText(id);
    (void)tree.ownTokens(id);
    switch (tree.node(id).kind) {
    case frontend::hcl::NodeKind::Block:
      (void)tree.blockLabels(id);
      (void)tree.name(id);
      break;
    case frontend::hcl::NodeKind::Attribute:
      (void)tree.name(id);
      break;
    case frontend::hcl::NodeKind::Template:
      (void)tree.literalString(id);
      break;
    default:
      break;
    }
  }
}

} // namespace

int hclFuzz(const std::uint8_t* data, std::size_t size) {
  std::string text = textOf(data, size);
  ir::Diagnostics diagnostics;
  auto tree = frontend::hcl::parseHcl("main.tf", text, diagnostics);
  if (tree) {
    if (!tree->wellNested(tree->root()) || tree->print() != tree->text())
      std::abort();
    visitNodes(*tree);
    (void)frontend::hcl::findProtonReferences(*tree);
    (void)frontend::hcl::findProtonVariableDeclarations(*tree);
  }
  checkDiagnostics(diagnostics);
  return 0;
}

} // namespace pm::fuzz
