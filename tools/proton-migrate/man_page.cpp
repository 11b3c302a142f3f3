// roff output of the man page.
#include "tools/proton-migrate/man_page.h"

#include "tools/proton-migrate/command.h"

#include <ostream>
#include <sstream>

namespace pm::driver {

namespace {

// roff treats a leading '.' or '\'' as a request and '\' as an escape.
std::string roffEscape(const std::string& text) {
  std::string out;
  bool lineStart = true;
  for (char c : text) {
    if (lineStart && (c == '.' || c == '\''))
      out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    lineStart = c == '\n';
  }
  return out;
}

void writeCommand(std::ostream& out, const Command& command) {
  out << ".SS " << command.name << "\n.B proton\\-migrate " << roffEscape(command.synopsis)
      << "\n.PP\n"
      << roffEscape(command.summary) << "\n";
  po::options_description options("Options");
  po::positional_options_description positional;
  command.declare(options, positional);
  std::ostringstream text;
  text << options;
  out << ".PP\n.nf\n" << roffEscape(text.str()) << ".fi\n";
}

} // namespace

void writeManPage(std::ostream& out, const std::string& version) {
  out << ".TH PROTON\\-MIGRATE 1 \"\" \"proton-migrate " << version << "\" \"User Commands\"\n"
      << ".SH NAME\nproton\\-migrate \\- convert AWS Proton template bundles to Terraform, AWS CDK "
         "and AWS Service Catalog\n"
      << ".SH SYNOPSIS\n.B proton\\-migrate\n.I command\n[\\fIoptions\\fR]\n"
      << ".SH DESCRIPTION\nAWS Proton reached end of support on 2026\\-10\\-07. proton\\-migrate "
         "reads "
         "Proton template bundles (CloudFormation with Jinja, or Terraform, with their "
         "schema.yaml), "
         "spec files and CloudFormation stack dumps, and emits reviewable code for a supported "
         "tool, with every loss reported.\n"
      << ".SH COMMANDS\n";
  for (const auto& command : commands())
    writeCommand(out, command);
  out << ".SH EXIT STATUS\n.TP\n0\nsuccess\n.TP\n1\nfindings at or above the failure threshold, or "
         "a "
         "check/diff mismatch\n.TP\n2\nusage error, or a command not implemented "
         "yet\n.TP\n3\ninput "
         "error: a diagnostic names the file, line and column\n";
}

} // namespace pm::driver
