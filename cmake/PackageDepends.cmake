# CPack's project config file (CPACK_PROJECT_CONFIG_FILE, read by `cpack` at packaging time): the
# .deb of a self-contained binary depends on libc6 alone, at least the newest glibc symbol version
# the binary uses (from `objdump -T`), as dpkg-shlibdeps would say — without CPack's shlibdeps
# step, which runs `file` on each of the ~4,700 installed stub files (minutes).
if(CPACK_GENERATOR STREQUAL "DEB" AND CPACK_ASYNCTYPE_STATIC_LINK)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6")
  find_program(asynctype_objdump objdump)
  if(asynctype_objdump)
    execute_process(COMMAND ${asynctype_objdump} -T ${CPACK_ASYNCTYPE_BINARY}
                    OUTPUT_VARIABLE symbols RESULT_VARIABLE result)
    string(REGEX MATCHALL "GLIBC_[0-9]+\\.[0-9]+(\\.[0-9]+)?" versions "${symbols}")
    list(TRANSFORM versions REPLACE "GLIBC_" "")
    list(REMOVE_DUPLICATES versions)
    list(SORT versions COMPARE NATURAL ORDER DESCENDING)
    if(result EQUAL 0 AND versions)
      list(GET versions 0 newest)
      set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= ${newest})")
    endif()
  endif()
endif()
