"""Offline stand-in for @rules_cc//cc:defs.bzl.

Debian 12's bazel-rules-cc (0.0.4) needs a newer Bazel than bazel-bootstrap
4.2.3, so the project's BUILD files load this shim, which forwards every rule
to Bazel's native C++ rules. Replacing it with upstream rules_cc later changes
only the WORKSPACE.
"""

def cc_binary(**kwargs):
    native.cc_binary(**kwargs)

def cc_import(**kwargs):
    native.cc_import(**kwargs)

def cc_library(**kwargs):
    native.cc_library(**kwargs)

def cc_proto_library(**kwargs):
    native.cc_proto_library(**kwargs)

def cc_test(**kwargs):
    native.cc_test(**kwargs)

# @bazel_tools//tools/cpp:BUILD loads these three from @rules_cc.
def cc_toolchain(**kwargs):
    native.cc_toolchain(**kwargs)

def cc_toolchain_suite(**kwargs):
    native.cc_toolchain_suite(**kwargs)

def objc_library(**kwargs):
    native.objc_library(**kwargs)

def objc_import(**kwargs):
    native.objc_import(**kwargs)
