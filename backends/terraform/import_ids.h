// The ID each Terraform resource type imports by, built from a stack dump's physical IDs with
// the formats of data/import-ids.txt.
#pragma once

#include "backends/conversion_model.h"
#include "ir/resource.h"

#include <map>
#include <optional>
#include <string>

namespace pm::tf {

class ImportIdFormats {
public:
  // Loaded once from the data folder; empty when the file is missing.
  static const ImportIdFormats& instance();
  static ImportIdFormats fromText(const std::string& text);

  // The format of a type ("{id}", "{SubnetId}/{RouteTableId}"), or nothing when not listed.
  const std::string* format(const std::string& terraformType) const;
  // Why a type listed as "-" cannot be imported from a dump; empty for the others.
  std::string notImportable(const std::string& terraformType) const;

private:
  std::map<std::string, std::string> formats_;
};

// The import ID of `resource` in `deployment`, or the reason it cannot be built.
struct ImportId {
  std::string id;     // empty when it could not be built
  std::string reason; // why not
};
ImportId buildImportId(const std::string& format, const ir::Resource& resource,
                       const std::string& physicalId, const backends::Deployment& deployment);

} // namespace pm::tf
