# Benchmarks (tools/bench). Nothing here is part of the default build: each target is built only when
# asked for by name, e.g. `cmake --build build/native-release --target chartmix_bench`.
#   native preset   chartmix_bench       bench/bench_main.cpp, prints JSON
#                   chartmix_bench_json  bench/json_numbers.cpp: ParseJson on a million numbers
#   web preset      chartmix_bench       the same program as .js + .wasm for node (reads files from disk)
#                   chartmix_bench_web   an ES module for the benchmark page (bench/web/), data handed in as bytes
# chartmix_core is the product's own library target (its flags come from CMakeLists.txt) and the web
# link uses -Os like the app (cmake/web.cmake says why not -Oz), so the numbers describe what ships.
set(CHARTMIX_BENCH_COMMON ${CMAKE_SOURCE_DIR}/bench/bench_common.cpp ${CMAKE_SOURCE_DIR}/bench/bench_cases.cpp)
if(EMSCRIPTEN)
    list(APPEND CHARTMIX_BENCH_COMMON ${CMAKE_SOURCE_DIR}/src/web/text_decoder.cpp)  # CP949 as the app decodes it
endif()

add_executable(chartmix_bench EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/bench_main.cpp ${CHARTMIX_BENCH_COMMON})
target_link_libraries(chartmix_bench PRIVATE chartmix_core)
chartmix_warnings(chartmix_bench)

# ParseJson on a million numbers (bench/json_numbers.cpp): the cost of reading each number with strtod.
if(NOT EMSCRIPTEN)
    add_executable(chartmix_bench_json EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/json_numbers.cpp)
    target_link_libraries(chartmix_bench_json PRIVATE chartmix_core)
    chartmix_warnings(chartmix_bench_json)
endif()

if(EMSCRIPTEN)
    set(_bench_link_opt -O2)
    if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
        set(_bench_link_opt -Os)
    endif()
    # Function names in the wasm (same code), for a CPU profile of the page or of node to name them:
    # cmake -B build/bench-web -DCHARTMIX_BENCH_PROFILING_FUNCS=ON (see bench/analysis.md).
    option(CHARTMIX_BENCH_PROFILING_FUNCS "Keep function names in the benchmark wasm" OFF)
    if(CHARTMIX_BENCH_PROFILING_FUNCS)
        list(APPEND _bench_link_opt --profiling-funcs)
    endif()
    # Small initial heap, so the heap size after a load shows what the load needed.
    target_link_options(chartmix_bench PRIVATE ${_bench_link_opt} -sENVIRONMENT=node -sNODERAWFS=1
        -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=2097152
        -sMAXIMUM_MEMORY=2gb -sTOTAL_STACK=1048576)

    set(CHARTMIX_BENCH_WEB_OUT ${CMAKE_BINARY_DIR}/bench-web)
    add_executable(chartmix_bench_web EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/bench_web.cpp ${CHARTMIX_BENCH_COMMON})
    target_link_libraries(chartmix_bench_web PRIVATE chartmix_core)
    chartmix_warnings(chartmix_bench_web)
    set_target_properties(chartmix_bench_web PROPERTIES OUTPUT_NAME chartmix-bench SUFFIX ".js"
        RUNTIME_OUTPUT_DIRECTORY ${CHARTMIX_BENCH_WEB_OUT})
    target_link_options(chartmix_bench_web PRIVATE ${_bench_link_opt}
        -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createChartmixBench -sENVIRONMENT=web
        -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=2097152 -sMAXIMUM_MEMORY=2gb -sTOTAL_STACK=1048576
        -sNO_FILESYSTEM=1 -sEXIT_RUNTIME=0
        "-sEXPORTED_FUNCTIONS=['_malloc','_free','_bench_run_synthetic','_bench_files_clear','_bench_file_add','_bench_run_dataset','_bench_heap_bytes','_bench_remix_setup','_bench_remix_columns','_bench_remix_rank','_bench_remix_history']"
        "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','stringToUTF8','lengthBytesUTF8']")
endif()
