// Entry point of the proton-migrate binary.
#include "tools/proton-migrate/main_program.h"
#include "tools/proton-migrate/staging_registry.h"

#include <iostream>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Before any thread starts: Ctrl-C must find every staging folder registered.
  pm::driver::installInterruptCleanup();
  return pm::driver::runProgram(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                                std::cerr);
}
