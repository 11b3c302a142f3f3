// Commands whose milestones are still open: their options are declared so `--help` documents
// them, and running them answers "not yet implemented" (exit 2).
#include "tools/proton-migrate/commands.h"

#include "tools/proton-migrate/template_inputs.h"

// Option tables read best one option per line, which clang-format would undo.
// clang-format off
namespace pm::driver {

namespace {

void declareTargetOptions(po::options_description& options) {
  options.add_options()
      ("to", po::value<std::string>()->value_name("T"), "terraform, cdk or servicecatalog")
      ("output,o", po::value<std::string>()->value_name("DIR"), "output folder");
}

Command pending(std::string name, std::string synopsis, std::string summary,
                std::function<void(po::options_description&, po::positional_options_description&)> declare) {
  std::string commandName = name;
  return {std::move(name), std::move(synopsis), std::move(summary), std::move(declare),
          [commandName](const po::variables_map&, CommandIo& io) {
            return notYetImplemented(commandName, io);
          }};
}

} // namespace

Command migrateCommand() {
  return pending("migrate", "migrate --bundle B (--stack-dump F | --stack-dir D) --to T -o DIR [--spec F]",
                 "One-shot migration of live Proton stacks: recover inputs, emit code, adoption\n"
                 "artifacts and a verification report.",
                 [](po::options_description& options, po::positional_options_description&) {
                   options.add_options()
                       ("bundle", po::value<std::string>()->value_name("B"), "the bundle the stacks came from")
                       ("stack-dump", po::value<std::string>()->value_name("FILE"), "one stack's dump")
                       ("stack-dir", po::value<std::string>()->value_name("DIR"), "one dump per stack")
                       ("accept-drift", "succeed even when the deployed template differs");
                   declareTargetOptions(options);
                   declareTemplateInputOptions(options);
                 });
}

Command batchCommand() {
  return pending("batch", "batch ROOT --to T[,T...] -o DIR [-j N] [--shard i/N] [--report md|json|html]",
                 "Finds every bundle under ROOT and converts them all, with one summary.",
                 [](po::options_description& options, po::positional_options_description& positional) {
                   options.add_options()
                       ("root", po::value<std::string>()->value_name("ROOT"), "template repository")
                       ("jobs,j", po::value<int>()->value_name("N"), "threads (default: all cores)")
                       ("shard", po::value<std::string>()->value_name("i/N"), "this shard of the work")
                       ("report", po::value<std::string>()->value_name("F"), "md, json or html")
                       ("fail-on", po::value<std::string>()->value_name("L"), "error, warning or never");
                   declareTargetOptions(options);
                   positional.add("root", 1);
                 });
}

Command diffCommand() {
  return pending("diff", "diff OLD NEW [--format text|md|json]",
                 "Shows what changes between two template versions, in resources and inputs.",
                 [](po::options_description& options, po::positional_options_description& positional) {
                   options.add_options()
                       ("old", po::value<std::string>()->value_name("OLD"), "older bundle")
                       ("new", po::value<std::string>()->value_name("NEW"), "newer bundle")
                       ("format", po::value<std::string>()->value_name("F"), "text, md or json");
                   positional.add("old", 1).add("new", 1);
                 });
}

Command checkCommand() {
  return pending("check", "check PATH... --to T -o DIR",
                 "Is the committed generated code up to date? Prints a unified diff and exits 1 if not.",
                 [](po::options_description& options, po::positional_options_description& positional) {
                   options.add_options()
                       ("path", po::value<std::vector<std::string>>()->value_name("PATH"), "bundles");
                   declareTargetOptions(options);
                   positional.add("path", -1);
                 });
}

} // namespace pm::driver
// clang-format on
