# Dear ImGui (from Debian's source package) + SDL2: the same src/app code draws with WebGL2 in the
# browser and OpenGL 3 on the desktop.
file(GLOB _imgui_dirs LIST_DIRECTORIES true "${CHARTMIX_DEPS}/src/imgui-*")
list(FILTER _imgui_dirs EXCLUDE REGEX "\\.(tar|dsc|xz|gz)")
list(GET _imgui_dirs 0 _imgui_dir)
set(IMGUI_DIR "${_imgui_dir}" CACHE PATH "Dear ImGui 1.86 sources (apt-get source imgui)")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${CHARTMIX_DEPS}/src: run tools/bootstrap first.")
endif()

if(EMSCRIPTEN)
    set(SDL2_DIR "${CHARTMIX_DEPS}/sdl2-wasm/lib/cmake/SDL2" CACHE PATH "SDL2 built for wasm by tools/bootstrap")
    if(NOT EXISTS "${SDL2_DIR}/SDL2Config.cmake")
        message(FATAL_ERROR "SDL2 for wasm is not built yet (${SDL2_DIR}): run tools/bootstrap first.")
    endif()
endif()
find_package(SDL2 REQUIRED CONFIG)

# The demo window is a large share of the download: debug builds only.
set(_imgui_sources ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp)
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    list(APPEND _imgui_sources ${IMGUI_DIR}/imgui_demo.cpp)
endif()
# The test-engine hooks report every item a frame adds: keyboard focus walks all windows with them
# (src/ui/keyboard_focus.h). Their definitions live in the library itself, so any program links.
add_library(imgui STATIC ${_imgui_sources} ${CMAKE_SOURCE_DIR}/src/ui/item_hooks.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
target_include_directories(imgui PRIVATE ${CMAKE_SOURCE_DIR}/src)
# 32-bit draw indices: WebGL2 has no base-vertex draw (RendererHasVtxOffset stays off), so a draw list
# past 65,535 vertices would wrap 16-bit indices into other vertices. PUBLIC: every target that
# includes imgui.h must agree on the index type, the backends and the app included.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE
    "ImDrawIdx=unsigned int" $<$<CONFIG:Debug>:CHARTMIX_WITH_IMGUI_DEMO>)

add_library(imgui_backends STATIC ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
if(EMSCRIPTEN)
    # WebGL2 is GLES 3.0; without this imgui 1.86 picks WebGL1 on Emscripten.
    target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
    target_link_libraries(imgui_backends PUBLIC imgui SDL2::SDL2-static)
else()
    find_package(OpenGL REQUIRED)
    target_link_libraries(imgui_backends PUBLIC imgui SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
endif()

# UI panels: read the core, draw with Dear ImGui; no SDL, GL or browser code.
file(GLOB CHARTMIX_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
list(FILTER CHARTMIX_UI_SOURCES EXCLUDE REGEX "item_hooks\\.cpp$")  # built into imgui above
add_library(chartmix_ui STATIC ${CHARTMIX_UI_SOURCES})
target_link_libraries(chartmix_ui PUBLIC chartmix_core imgui)
include(${CMAKE_SOURCE_DIR}/cmake/theme.cmake)
target_include_directories(chartmix_ui PUBLIC ${CMAKE_BINARY_DIR}/generated)
chartmix_warnings(chartmix_ui)

file(GLOB CHARTMIX_APP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/app/*.cpp)
if(EMSCRIPTEN)
    file(GLOB CHARTMIX_WEB_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/web/*.cpp)
    list(APPEND CHARTMIX_APP_SOURCES ${CHARTMIX_WEB_SOURCES})
endif()
add_executable(chartmix_app ${CHARTMIX_APP_SOURCES})
target_link_libraries(chartmix_app PRIVATE chartmix_ui imgui_backends)
chartmix_warnings(chartmix_app)

if(EMSCRIPTEN)
    include(${CMAKE_SOURCE_DIR}/cmake/web.cmake)
endif()

if(CHARTMIX_SANITIZE)
    # Known undefined behaviour in the third-party code, not ours: imgui 1.86's ImVector copies
    # with memcpy(dst, NULL, 0), and its bundled GL loader indexes one past its table. Our code
    # keeps every other check; the loader keeps AddressSanitizer.
    target_compile_options(imgui PUBLIC -fno-sanitize=nonnull-attribute)
    target_compile_options(imgui_backends PRIVATE -fno-sanitize=undefined)
endif()
