# Self-contained release binaries: with ASYNCTYPE_STATIC_DEPS the third-party libraries are linked
# from their static archives (tree-sitter, LLVM Support's terminfo), toml++ is compiled header-only,
# and the `asynctype` executable takes libstdc++ and libgcc statically (cli/CMakeLists.txt), so the
# binary needs only glibc. On by default for Release; never applied to the sanitizer or fuzzing
# builds, whatever the option says (their runtimes want the shared C++ libraries).
# Include after LLVM's and tree-sitter's look-ups, before find_package(tomlplusplus) (whose target it
# defines header-only); sets ASYNCTYPE_STATIC_LINK (ON when applied).

set(asynctype_static_default OFF)
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  set(asynctype_static_default ON)
endif()
option(ASYNCTYPE_STATIC_DEPS "Link third-party libraries, libstdc++ and libgcc statically (release builds)"
       ${asynctype_static_default})

set(ASYNCTYPE_STATIC_LINK OFF)
if(ASYNCTYPE_STATIC_DEPS AND NOT (ASYNCTYPE_SANITIZE OR ASYNCTYPE_FUZZ))
  set(ASYNCTYPE_STATIC_LINK ON)
endif()
# For tests/cli/install.sh: whether the binary is expected to need only glibc.
set(ASYNCTYPE_STATIC_LINK ${ASYNCTYPE_STATIC_LINK} CACHE INTERNAL "static third-party libraries applied")

if(ASYNCTYPE_STATIC_LINK)
  find_library(ASYNCTYPE_TREE_SITTER_ARCHIVE NAMES libtree-sitter.a HINTS ${TS_LIBRARY_DIRS})
  find_library(ASYNCTYPE_TERMINFO_ARCHIVE NAMES libtinfo.a libncurses.a)
  if(NOT ASYNCTYPE_TREE_SITTER_ARCHIVE OR NOT ASYNCTYPE_TERMINFO_ARCHIVE)
    message(FATAL_ERROR "ASYNCTYPE_STATIC_DEPS: libtree-sitter.a (libtree-sitter-dev) or libtinfo.a "
                        "(libncurses-dev) not found; install them or configure with -DASYNCTYPE_STATIC_DEPS=OFF")
  endif()
  set_property(TARGET PkgConfig::TS PROPERTY INTERFACE_LINK_LIBRARIES ${ASYNCTYPE_TREE_SITTER_ARCHIVE})
  if(TARGET Terminfo::terminfo)
    set_property(TARGET Terminfo::terminfo PROPERTY IMPORTED_LOCATION ${ASYNCTYPE_TERMINFO_ARCHIVE})
  endif()
  # toml++ header-only (its package config would link libtomlplusplus.so).
  find_path(ASYNCTYPE_TOMLPLUSPLUS_INCLUDE toml++/toml.h)
  if(NOT ASYNCTYPE_TOMLPLUSPLUS_INCLUDE)
    message(FATAL_ERROR "ASYNCTYPE_STATIC_DEPS: toml++/toml.h (libtomlplusplus-dev) not found")
  endif()
  add_library(tomlplusplus::tomlplusplus INTERFACE IMPORTED)
  set_target_properties(tomlplusplus::tomlplusplus PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES ${ASYNCTYPE_TOMLPLUSPLUS_INCLUDE}
    INTERFACE_COMPILE_DEFINITIONS TOML_HEADER_ONLY=1)
endif()
