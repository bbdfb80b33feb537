#include "xlsx_library.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <string>

#include "tasksplit/writers.hpp"

namespace tasksplit::writers {
namespace {

XlsxLibrary load() {
    // The soname the headers were compiled against (src/CMakeLists.txt): a library of another ABI
    // version is not taken.
    void* handle = ::dlopen(TASKSPLIT_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        throw std::runtime_error(std::string("xlsx output needs libxlsxwriter: ") + ::dlerror() +
                                 " (install the Debian package libxlsxwriter4)");
    }
    XlsxLibrary lib{};
#define TASKSPLIT_XLSX_LOAD(name)                                                                            \
    lib.name = reinterpret_cast<decltype(lib.name)>(::dlsym(handle, #name));                                  \
    if (!lib.name) throw std::runtime_error(std::string(TASKSPLIT_XLSXWRITER_SONAME) + " lacks " #name);
    TASKSPLIT_XLSX_FUNCTIONS(TASKSPLIT_XLSX_LOAD)
#undef TASKSPLIT_XLSX_LOAD
    return lib;
}

}  // namespace

const XlsxLibrary& xlsx_library() {
    static const XlsxLibrary lib = load();
    return lib;
}

}  // namespace tasksplit::writers

namespace tasksplit {

std::string xlsx_unavailable() {
    try {
        writers::xlsx_library();
        return "";
    } catch (const std::runtime_error& e) {
        return e.what();
    }
}

}  // namespace tasksplit
