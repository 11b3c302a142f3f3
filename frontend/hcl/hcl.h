// What the HCL reader offers: parsing HCL native syntax into a lossless, located syntax tree,
// and reading a Terraform-based Proton bundle part with its Proton variable references.
#pragma once

#include "frontend/hcl/parser.h"
#include "frontend/hcl/proton_references.h"
#include "frontend/hcl/rules.h"
#include "frontend/hcl/span_edit.h"
#include "frontend/hcl/syntax_tree.h"
#include "frontend/hcl/terraform_part.h"
