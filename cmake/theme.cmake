# The UI's own colours come from assets/theme.json: this writes them as constants into
# generated/ui/theme_colors.h at configure time (no JSON read at run time).
set(_theme_json ${CMAKE_SOURCE_DIR}/assets/theme.json)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_theme_json})
file(READ ${_theme_json} _theme)

function(_theme_color out hex where)
    if(NOT hex MATCHES "^#([0-9a-fA-F][0-9a-fA-F])([0-9a-fA-F][0-9a-fA-F])([0-9a-fA-F][0-9a-fA-F])$")
        message(FATAL_ERROR "assets/theme.json: ${where} is \"${hex}\"; colours are written #rrggbb.")
    endif()
    math(EXPR _r "0x${CMAKE_MATCH_1}")
    math(EXPR _g "0x${CMAKE_MATCH_2}")
    math(EXPR _b "0x${CMAKE_MATCH_3}")
    set(${out} "IM_COL32(${_r}, ${_g}, ${_b}, 255)" PARENT_SCOPE)
endfunction()

set(_lines "")
foreach(_key up down new_entry re_entry error caution heat_high heat_low_light heat_low_dark light_window)
    string(JSON _hex ERROR_VARIABLE _err GET "${_theme}" ${_key})
    if(_err)
        message(FATAL_ERROR "assets/theme.json: ${_err}")
    endif()
    _theme_color(_c "${_hex}" ${_key})
    # new_entry -> NewEntry
    string(REPLACE "_" ";" _parts ${_key})
    set(_name "")
    foreach(_p ${_parts})
        string(SUBSTRING ${_p} 0 1 _first)
        string(TOUPPER ${_first} _first)
        string(SUBSTRING ${_p} 1 -1 _rest)
        string(APPEND _name "${_first}${_rest}")
    endforeach()
    string(APPEND _lines "inline constexpr ImU32 ${_name} = ${_c};\n")
endforeach()
string(JSON _count LENGTH "${_theme}" series)
math(EXPR _last "${_count} - 1")
set(_series "")
foreach(_i RANGE ${_last})
    string(JSON _hex GET "${_theme}" series ${_i})
    _theme_color(_c "${_hex}" "series[${_i}]")
    string(APPEND _series "    ${_c},\n")
endforeach()

file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/generated/ui/theme_colors.h CONTENT "#pragma once
// Generated at configure time from assets/theme.json (cmake/theme.cmake): edit that file, not this one.
#include <imgui.h>

namespace chartmix::ui::theme {

${_lines}
// Categorical colours for series and sources, in order.
inline constexpr ImU32 Series[] = {
${_series}};

} // namespace chartmix::ui::theme
" @ONLY)
