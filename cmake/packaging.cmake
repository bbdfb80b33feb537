# Installation and the Debian package. The binary and the grammars are installed by src/; this file
# adds what a user expects around them (man page, shell completions, documentation, the sample
# notices the --help examples use) and configures CPack:
#   cmake --install build [--prefix DIR]        (default prefix /usr/local)
#   (cd build && cpack -G DEB)                  -> build/tasksplit_<version>_<arch>.deb, prefix /usr

install(FILES ${PROJECT_SOURCE_DIR}/docs/tasksplit.1 DESTINATION share/man/man1)
install(FILES ${PROJECT_SOURCE_DIR}/completions/tasksplit.bash
        DESTINATION share/bash-completion/completions RENAME tasksplit)
# zsh searches different directories for the system and for local installs (Debian's zsh:
# /usr/share/zsh/vendor-completions and /usr/local/share/zsh/site-functions), and the prefix is
# only known at install time: cpack installs under /usr, cmake --install under /usr/local or --prefix.
install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(tasksplit_zsh_dir share/zsh/vendor-completions)
  else()
    set(tasksplit_zsh_dir share/zsh/site-functions)
  endif()
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/\${tasksplit_zsh_dir}\" TYPE FILE
       FILES \"${PROJECT_SOURCE_DIR}/completions/_tasksplit\")
")
# validate checks JSON against this schema (compiled in); installed beside the grammars for users
# who check tasksplit output with other tools.
install(FILES ${PROJECT_SOURCE_DIR}/grammars/schema/document.schema.json DESTINATION share/tasksplit/grammars/schema)
file(GLOB TASKSPLIT_DOCS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${TASKSPLIT_DOCS} DESTINATION share/doc/tasksplit)
file(GLOB TASKSPLIT_SAMPLES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/samples/*.txt)
install(FILES ${TASKSPLIT_SAMPLES} DESTINATION share/doc/tasksplit/examples)

# The package's copyright file (/usr/share/doc/tasksplit/copyright): our licence (LICENSE, MIT),
# then the notices of the libraries compiled into the binary, whose licences ask that binary
# copies carry them: CLI11 (BSD-3-Clause) and nlohmann/json (MIT) always, being header-only; ICU
# (Unicode) and yaml-cpp (MIT) when linked statically. They are read from their Debian packages.
set(TASKSPLIT_COPYRIGHT ${PROJECT_BINARY_DIR}/copyright)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/LICENSE)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE tasksplit_copyright)
set(tasksplit_bundled libcli11-dev nlohmann-json3-dev)
if(TASKSPLIT_STATIC_DEPS)
  list(APPEND tasksplit_bundled libicu-dev libyaml-cpp-dev)
endif()
foreach(pkg IN LISTS tasksplit_bundled)
  set(notice /usr/share/doc/${pkg}/copyright)
  if(EXISTS ${notice})
    file(READ ${notice} text)
    string(APPEND tasksplit_copyright "\n\nThe binary includes code from ${pkg}, under these terms (${notice}):\n\n${text}")
  else()
    message(WARNING "${notice} is missing: a package built here lacks the licence of ${pkg}, which the binary includes")
  endif()
endforeach()
file(WRITE ${TASKSPLIT_COPYRIGHT} "${tasksplit_copyright}")
install(FILES ${TASKSPLIT_COPYRIGHT} DESTINATION share/doc/tasksplit)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)

set(TASKSPLIT_MAINTAINER "tasksplit maintainers <tasksplit@localhost>" CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_NAME tasksplit)
set(CPACK_PACKAGE_CONTACT "${TASKSPLIT_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "parse Chinese government task-breakdown notices into structured data")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "tasksplit reads the notices in which a Chinese local government breaks its work report down
into tasks (政府工作报告重点工作责任分解), as published, and gives every task with its leading
official, lead and support units, targets and deadline, as JSON, YAML, CSV, TSV or an Excel
supervision ledger (XLSX). It also lints notices for CI, compares two years, answers which tasks
a unit leads, and renders an HTML report.")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# PDFs are read by running pdftotext (src/readers/pdf.cpp), and xlsx is written by libxlsxwriter,
# loaded when asked for (src/writers/xlsx_library.hpp); everything else works without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "poppler-utils, libxlsxwriter4")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

# The package depends on the Debian library packages the binary links. dpkg-shlibdeps (dpkg-dev)
# reads them off the binary, with minimal versions; without it, the names follow from the versions
# the build found (Debian names ICU and yaml-cpp packages after their sonames). A binary with its
# dependencies linked in (TASKSPLIT_STATIC_DEPS) needs the C library only.
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
elseif(TASKSPLIT_STATIC_DEPS)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6")
else()
  string(REGEX MATCH "^[0-9]+\\.[0-9]+" TASKSPLIT_YAML_CPP_SOVERSION "${yaml-cpp_VERSION}")
  string(REGEX MATCH "^[0-9]+" TASKSPLIT_ICU_SOVERSION "${ICU_VERSION}")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libgcc-s1, libstdc++6, libicu${TASKSPLIT_ICU_SOVERSION}, libyaml-cpp${TASKSPLIT_YAML_CPP_SOVERSION}, libxml2, zlib1g")
endif()

include(CPack)
