# The browser build: one ES module (MODULARIZE + EXPORT_ES6) so a page can hold several widgets,
# single-threaded so host pages need no cross-origin isolation, no eval so a strict CSP works.
set(CHARTMIX_WEB_OUT ${CMAKE_BINARY_DIR}/web)
file(READ ${CMAKE_SOURCE_DIR}/src/web/exports.txt _exports)
string(REGEX REPLACE "#[^\n]*\n" "" _exports "${_exports}")
string(REGEX REPLACE "[ \t\r\n]+" ";" _exports "${_exports}")
list(FILTER _exports EXCLUDE REGEX "^$")
list(TRANSFORM _exports PREPEND "'_")
list(TRANSFORM _exports APPEND "'")
list(JOIN _exports "," _exports_joined)

set_target_properties(chartmix_app PROPERTIES OUTPUT_NAME chartmix-core SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY ${CHARTMIX_WEB_OUT})
target_link_options(chartmix_app PRIVATE
    -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createChartmixCore -sENVIRONMENT=web
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=1gb -sTOTAL_STACK=1048576
    # malloc returns null past MAXIMUM_MEMORY and operator new throws (the growth default, stated).
    -sABORTING_MALLOC=0
    -sDYNAMIC_EXECUTION=0 -sNO_FILESYSTEM=1
    -sEXIT_RUNTIME=0 -sTEXTDECODER=2
    # Dear ImGui's renderer needs no WebGL extension; enabling every one the browser offers at
    # context creation costs a round trip to the GPU process each, all before the first frame.
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    "-sEXPORTED_FUNCTIONS=[${_exports_joined}]"
    "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8']")
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_options(chartmix_app PRIVATE -Oz)
    # -Os, not -Oz, at link: with -Oz Emscripten links its size-optimized libc, whose memcpy, memmove
    # and memset copy one byte at a time (a file's copy many times slower) and whose pow and log are
    # slower, for a few KB of download saved (bench/analysis.md).
    target_link_options(chartmix_app PRIVATE -Os)
endif()

# The page, its scripts and styles sit next to the module, with the catalogue of published datasets
# (assets/catalogue*.json: the catalogue and the manifests it names) and the icon.
file(GLOB _web_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/* ${CMAKE_SOURCE_DIR}/assets/catalogue*.json ${CMAKE_SOURCE_DIR}/assets/icon.svg)
foreach(_f ${_web_files})
    get_filename_component(_name ${_f} NAME)
    file(RELATIVE_PATH _from ${CMAKE_SOURCE_DIR} ${_f})
    add_custom_command(OUTPUT ${CHARTMIX_WEB_OUT}/${_name} COMMAND ${CMAKE_COMMAND} -E copy ${_f} ${CHARTMIX_WEB_OUT}/${_name}
        DEPENDS ${_f} COMMENT "${_from}")
    list(APPEND _web_outputs ${CHARTMIX_WEB_OUT}/${_name})
endforeach()
add_custom_target(chartmix_web_files ALL DEPENDS ${_web_outputs})
add_dependencies(chartmix_app chartmix_web_files)
