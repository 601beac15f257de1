# libFuzzer targets, one per parser of untrusted input (tests/fuzz/fuzz_*.cpp). clang only.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CHARTMIX_FUZZ needs clang: configure with the native-fuzz preset.")
endif()
file(GLOB CHARTMIX_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
foreach(_src ${CHARTMIX_FUZZ_SOURCES})
    get_filename_component(_name ${_src} NAME_WE)
    add_executable(${_name} ${_src})
    target_link_libraries(${_name} PRIVATE chartmix_core)
    target_compile_options(${_name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${_name} PRIVATE -fsanitize=fuzzer,address,undefined)
endforeach()
# The core itself is instrumented for coverage so the fuzzer can find its way through it.
target_compile_options(chartmix_core PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
