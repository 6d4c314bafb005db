# Unpacks one file of the test corpus: xz -dc IN > OUT, checked against its
# SHA-256 (from tests/data/SHA256SUMS) before it replaces OUT, so a test
# never reads a half-written or altered hive.
#   cmake -DXZ=... -DIN=... -DOUT=... -DSHA256=... -P unpack.cmake
get_filename_component(out_dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${out_dir}")
set(partial "${OUT}.partial")
execute_process(COMMAND "${XZ}" -dc "${IN}" OUTPUT_FILE "${partial}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE "${partial}")
  message(FATAL_ERROR "cannot unpack ${IN}: xz exited with ${status}")
endif()
file(SHA256 "${partial}" actual)
if(NOT actual STREQUAL SHA256)
  file(REMOVE "${partial}")
  message(FATAL_ERROR "${IN} unpacks to SHA-256 ${actual}, not ${SHA256} as tests/data/SHA256SUMS says")
endif()
file(RENAME "${partial}" "${OUT}")
