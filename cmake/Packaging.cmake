# Installation and the Debian package: the binary, its data files and a man page generated from
# the same command table as --help.
install(TARGETS proton-migrate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(PM_MAN_PAGE "${CMAKE_BINARY_DIR}/proton-migrate.1")
add_custom_command(
  OUTPUT "${PM_MAN_PAGE}.gz"
  COMMAND proton-migrate --man > "${PM_MAN_PAGE}"
  COMMAND gzip -9 -n -f "${PM_MAN_PAGE}"
  DEPENDS proton-migrate
  COMMENT "Generating the proton-migrate(1) man page from --help")
add_custom_target(man_page ALL DEPENDS "${PM_MAN_PAGE}.gz")
install(FILES "${PM_MAN_PAGE}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Data tables (type table, mappings) live under the layer that owns them, in files ending .tsv
# or .data.yaml; they are installed flat under share/proton-migrate.
file(GLOB_RECURSE PM_DATA_FILES CONFIGURE_DEPENDS
     "${CMAKE_SOURCE_DIR}/ir/*.tsv" "${CMAKE_SOURCE_DIR}/backends/*.tsv"
     "${CMAKE_SOURCE_DIR}/ir/*.data.yaml" "${CMAKE_SOURCE_DIR}/backends/*.data.yaml")
install(FILES ${PM_DATA_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/proton-migrate)
# The Terraform resource mappings keep their own folder, where the backend looks for them.
file(GLOB PM_TERRAFORM_DATA CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/backends/terraform/data/*.txt")
install(FILES ${PM_TERRAFORM_DATA} DESTINATION ${CMAKE_INSTALL_DATADIR}/proton-migrate/terraform)
install(FILES README.md docs/diagnostics.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME proton-migrate)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "proton-migrate maintainers <maintainers@proton-migrate.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # proton-migrate_<version>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Opened at run time, so the shared-library scan does not see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libarchive13")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
