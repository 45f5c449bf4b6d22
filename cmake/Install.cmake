# `cmake --install` and `cpack -G DEB`: the binary in bin/, typeshed's third-party stubs in
# share/asynctype/stubs (ThirdPartyStubsFolder(), checker/project/session.cpp, finds them there
# from the binary's own location), the licenses in share/doc/asynctype/. The package depends only
# on libc6 when the binary is self-contained (cmake/StaticDeps.cmake).
# Include at the end of the top-level CMakeLists.txt.

install(TARGETS asynctype RUNTIME DESTINATION bin)
install(DIRECTORY ${ASYNCTYPE_TYPESHED_DIR}/stubs/ DESTINATION share/asynctype/stubs)
set(asynctype_doc share/doc/asynctype)
install(FILES ${ASYNCTYPE_TYPESHED_DIR}/LICENSE DESTINATION ${asynctype_doc} RENAME LICENSE.typeshed)
install(FILES ${ASYNCTYPE_TYPESHED_DIR}/commit.txt DESTINATION ${asynctype_doc} RENAME typeshed-commit.txt)
if(EXISTS ${ASYNCTYPE_GRAMMAR_DIR}/LICENSE)
  install(FILES ${ASYNCTYPE_GRAMMAR_DIR}/LICENSE DESTINATION ${asynctype_doc} RENAME LICENSE.tree-sitter-python)
endif()
foreach(own LICENSE COPYING)
  if(EXISTS ${CMAKE_SOURCE_DIR}/${own})
    install(FILES ${CMAKE_SOURCE_DIR}/${own} DESTINATION ${asynctype_doc})
  endif()
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${asynctype_doc})

set(CPACK_PACKAGE_NAME asynctype)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "asynctype")
set(ASYNCTYPE_PACKAGE_MAINTAINER "asynctype developers" CACHE STRING "The .deb's Maintainer field (name <email>)")
set(CPACK_PACKAGE_CONTACT ${ASYNCTYPE_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Static type checker for Python async/await")
set(CPACK_PACKAGE_DESCRIPTION "Finds the quiet bugs of async Python code (forgotten awaits, dropped tasks, blocking calls in coroutines) and infers types through await; ships typeshed's stubs.")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
# Depends: libc6 (>= ...) for a self-contained binary (cmake/PackageDepends.cmake, at packaging
# time); otherwise dpkg-shlibdeps (dpkg-dev) lists the shared libraries.
set(CPACK_ASYNCTYPE_STATIC_LINK ${ASYNCTYPE_STATIC_LINK})
set(CPACK_ASYNCTYPE_BINARY ${CMAKE_BINARY_DIR}/asynctype)  # cli/CMakeLists.txt: RUNTIME_OUTPUT_DIRECTORY
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_SOURCE_DIR}/cmake/PackageDepends.cmake)
if(NOT ASYNCTYPE_STATIC_LINK)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
set(CPACK_STRIP_FILES ON)
include(CPack)
