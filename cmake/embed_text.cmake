# Writes OUT: a C++ source defining `std::string_view tasksplit::FUNCTION()` that returns the text of IN.
get_filename_component(name ${IN} NAME)
file(READ ${IN} text)
file(WRITE ${OUT} "// Generated from ${name} by cmake/embed_text.cmake. Do not edit.\n#include <string_view>\nnamespace tasksplit {\nstd::string_view ${FUNCTION}() {\n  return R\"tsembed(${text})tsembed\";\n}\n}  // namespace tasksplit\n")
