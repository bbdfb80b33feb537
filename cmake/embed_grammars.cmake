# Writes OUT: a C++ source that holds each grammar file's text, keyed by its file name.
set(body "// Generated from grammars/*.yaml by cmake/embed_grammars.cmake. Do not edit.\n#include <string_view>\n#include <utility>\n#include <vector>\nnamespace tasksplit {\nconst std::vector<std::pair<std::string_view, std::string_view>>& embedded_grammars() {\n  static const std::vector<std::pair<std::string_view, std::string_view>> files = {\n")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  string(APPEND body "    {\"${name}\", R\"tsgrammar(${text})tsgrammar\"},\n")
endforeach()
string(APPEND body "  };\n  return files;\n}\n}  // namespace tasksplit\n")
file(WRITE ${OUT} "${body}")
