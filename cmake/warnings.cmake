function(chartmix_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
        # A Result dropped unread hides a failure (Result is [[nodiscard]]).
        -Werror=unused-result)
endfunction()
