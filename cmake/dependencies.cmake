# Third-party code comes from Debian at build time, never from the repository:
#   doctest, rapidjson   header-only, from doctest-dev and rapidjson-dev
#   Dear ImGui 1.86       from `apt-get source imgui`, unpacked by tools/bootstrap into the dependency cache
#   SDL2                  libsdl2-dev natively; for wasm built from `apt-get source libsdl2` by tools/bootstrap
if(DEFINED ENV{CHARTMIX_DEPS})
    set(_deps_default "$ENV{CHARTMIX_DEPS}")
else()
    set(_deps_default "$ENV{HOME}/.cache/chartmix")
endif()
set(CHARTMIX_DEPS "${_deps_default}" CACHE PATH "Dependency cache filled by tools/bootstrap")

# Header-only libraries are exposed through a folder of symlinks: em++ must never see -I/usr/include,
# where the host's libc headers live.
set(CHARTMIX_THIRDPARTY_INCLUDE ${CMAKE_BINARY_DIR}/thirdparty-include)
file(MAKE_DIRECTORY ${CHARTMIX_THIRDPARTY_INCLUDE})
foreach(_lib doctest rapidjson)
    if(NOT EXISTS /usr/include/${_lib})
        message(FATAL_ERROR "/usr/include/${_lib} is missing: run tools/bootstrap (it installs ${_lib}-dev).")
    endif()
    if(NOT EXISTS ${CHARTMIX_THIRDPARTY_INCLUDE}/${_lib})
        file(CREATE_LINK /usr/include/${_lib} ${CHARTMIX_THIRDPARTY_INCLUDE}/${_lib} SYMBOLIC)
    endif()
endforeach()

# Where the datasets shared by the team live (tests that need them skip when absent).
get_filename_component(CHARTMIX_SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" ABSOLUTE)
