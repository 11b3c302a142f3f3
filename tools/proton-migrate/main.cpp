// Entry point of the proton-migrate binary.
#include "tools/proton-migrate/main_program.h"

#include <iostream>

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return pm::driver::runProgram(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                                std::cerr);
}
