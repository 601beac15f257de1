# The core suites build natively and, under emcmake, as .js run by node (CTest's emulator).
# One folder per room of src/core, as there; tests/core/probes/ holds programs that must not compile.
file(GLOB CHARTMIX_CORE_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/core/*.cpp
    ${CMAKE_SOURCE_DIR}/tests/core/base/*.cpp ${CMAKE_SOURCE_DIR}/tests/core/data/*.cpp ${CMAKE_SOURCE_DIR}/tests/core/rank/*.cpp
    ${CMAKE_SOURCE_DIR}/tests/core/analysis/*.cpp ${CMAKE_SOURCE_DIR}/tests/core/demo/*.cpp ${CMAKE_SOURCE_DIR}/tests/core/session/*.cpp)
add_executable(chartmix_core_tests ${CMAKE_SOURCE_DIR}/tests/main.cpp ${CMAKE_SOURCE_DIR}/tests/test_support.cpp ${CHARTMIX_CORE_TEST_SOURCES})
if(EMSCRIPTEN)
    target_sources(chartmix_core_tests PRIVATE ${CMAKE_SOURCE_DIR}/src/web/text_decoder.cpp)  # CP949 through the JS engine's TextDecoder
endif()
target_link_libraries(chartmix_core_tests PRIVATE chartmix_core)
target_include_directories(chartmix_core_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_compile_definitions(chartmix_core_tests PRIVATE
    CHARTMIX_SHARED_DIR="${CHARTMIX_SHARED_DIR}"
    CHARTMIX_TESTS_DIR="${CMAKE_SOURCE_DIR}/tests")
if(EMSCRIPTEN)
    # NODERAWFS: the suites read fixtures and ../shared straight from disk under node, as natively.
    target_link_options(chartmix_core_tests PRIVATE -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1
        -sALLOW_MEMORY_GROWTH=1 -sNODERAWFS=1 -sENVIRONMENT=node -sTOTAL_STACK=1048576)
endif()
if(EMSCRIPTEN)
    add_test(NAME core COMMAND chartmix_core_tests --no-colors)
else()
    # The cases on ../shared/datasets run as their own test, reported as skipped (exit 77) when the
    # folder is absent, so that the summary says what did not run.
    add_test(NAME core COMMAND chartmix_core_tests --no-colors -tse=shared_datasets)
    add_test(NAME shared_datasets COMMAND sh -c "test -f \"$1/datasets/README.md\" || { echo \"skipped: $1/datasets is absent\"; exit 77; }; shift; exec \"$@\""
        sh ${CHARTMIX_SHARED_DIR} $<TARGET_FILE:chartmix_core_tests> --no-colors -ts=shared_datasets)
    set_tests_properties(shared_datasets PROPERTIES SKIP_RETURN_CODE 77)
endif()

if(CHARTMIX_BUILD_APP AND NOT EMSCRIPTEN)
    # Draws every panel for many frames with no GPU and no backend; fails on any IM_ASSERT.
    file(GLOB CHARTMIX_UI_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/ui/*.cpp)
    if(CHARTMIX_UI_TEST_SOURCES)
        add_executable(chartmix_ui_tests ${CMAKE_SOURCE_DIR}/tests/main.cpp ${CHARTMIX_UI_TEST_SOURCES})
        target_link_libraries(chartmix_ui_tests PRIVATE chartmix_ui)
        target_include_directories(chartmix_ui_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests)
        target_compile_definitions(chartmix_ui_tests PRIVATE CHARTMIX_TESTS_DIR="${CMAKE_SOURCE_DIR}/tests")
        add_test(NAME ui COMMAND chartmix_ui_tests --no-colors)
    endif()
endif()

if(NOT EMSCRIPTEN)
    # A dropped Result must stop the build: the probe has to be refused for that reason.
    add_test(NAME dropped_result COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only -Werror=unused-result
        -I${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/tests/core/probes/dropped_result.cpp)
    set_tests_properties(dropped_result PROPERTIES PASS_REGULAR_EXPRESSION "unused-result")
    add_test(NAME cli COMMAND ${CMAKE_SOURCE_DIR}/tests/cli/run_cli_tests.sh $<TARGET_FILE:chartmix>)
endif()

if(CHARTMIX_BUILD_APP AND NOT EMSCRIPTEN)
    add_test(NAME app_smoke COMMAND ${CMAKE_SOURCE_DIR}/tests/app/app_smoke.sh $<TARGET_FILE:chartmix_app>)
    set_tests_properties(app_smoke PROPERTIES SKIP_RETURN_CODE 77)  # no offscreen OpenGL here: reported as skipped
endif()
