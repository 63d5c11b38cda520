// GzipInflater, isal_available and default_gzip_inflater: which library inflates gzip input
// in this build (kerncijfers/input_blocks.hpp). The readers use input_blocks themselves;
// Python does not read blocks.
#include "bindings.hpp"

#include <kerncijfers/input_blocks.hpp>

namespace kerncijfers::python {

void register_input_blocks(py::module_& m) {
  def_enum<gzip_inflater>(m, "GzipInflater", "The library that inflates gzip input.",
                          {{"automatic", gzip_inflater::automatic, "ISA-L where the build has it, else zlib"},
                           {"zlib", gzip_inflater::zlib, "zlib"},
                           {"isal", gzip_inflater::isal, "Intel ISA-L's igzip (about twice as fast)"}});
  m.attr("isal_available") = py::bool_(isal_available);
  m.attr("default_gzip_inflater") = py::cast(default_gzip_inflater);
}

}  // namespace kerncijfers::python
