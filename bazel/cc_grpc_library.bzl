"""cc_grpc_library(): C++ gRPC stubs for a native proto_library, via Debian's grpc_cpp_plugin.

Same call shape as upstream gRPC's macro in grpc_only mode:

    cc_grpc_library(
        name = "query_service_cc_grpc",
        srcs = [":query_service_proto"],
        deps = [":query_service_cc_proto"],
        grpc_only = True,
    )

The proto_library must live in the calling package and must not use
import_prefix or strip_import_prefix.
"""

def _grpc_codegen_impl(ctx):
    info = ctx.attr.proto[ProtoInfo]
    outs = []
    hdrs = []
    srcs = []
    paths = []
    for src in info.direct_sources:
        if src.owner.package != ctx.label.package:
            fail("%s: %s must be in package %s" % (ctx.label, src, ctx.label.package))
        paths.append(src.short_path)
        stem = src.basename[:-len(".proto")]
        hdrs.append(ctx.actions.declare_file(stem + ".grpc.pb.h"))
        srcs.append(ctx.actions.declare_file(stem + ".grpc.pb.cc"))
        if ctx.attr.generate_mocks:
            hdrs.append(ctx.actions.declare_file(stem + "_mock.grpc.pb.h"))
    outs = hdrs + srcs

    args = ctx.actions.args()
    args.add(ctx.executable._plugin.path, format = "--plugin=protoc-gen-grpc=%s")
    out_format = "--grpc_out=generate_mock_code=true:%s" if ctx.attr.generate_mocks else "--grpc_out=%s"
    args.add(ctx.bin_dir.path, format = out_format)
    args.add_joined("--descriptor_set_in", info.transitive_descriptor_sets, join_with = ":")
    args.add_all(paths)
    ctx.actions.run(
        executable = ctx.executable._protoc,
        tools = [ctx.executable._plugin],
        inputs = info.transitive_descriptor_sets,
        outputs = outs,
        arguments = [args],
        mnemonic = "GrpcCppCodegen",
        progress_message = "Generating gRPC C++ stubs for %s" % ctx.attr.proto.label,
    )
    return [
        DefaultInfo(files = depset(outs)),
        OutputGroupInfo(hdrs = depset(hdrs), srcs = depset(srcs)),
    ]

_grpc_codegen = rule(
    implementation = _grpc_codegen_impl,
    attrs = {
        "proto": attr.label(mandatory = True, providers = [ProtoInfo]),
        "generate_mocks": attr.bool(default = False),
        "_protoc": attr.label(
            default = "@com_google_protobuf//:protoc",
            executable = True,
            cfg = "host",
            allow_single_file = True,
        ),
        "_plugin": attr.label(
            default = "@com_google_protobuf//:grpc_cpp_plugin",
            executable = True,
            cfg = "host",
            allow_single_file = True,
        ),
    },
)

def cc_grpc_library(name, srcs, deps, grpc_only = True, generate_mocks = False, visibility = None, testonly = False, **kwargs):
    """Wraps the generated stubs of one proto_library (srcs) in a cc_library."""
    if not grpc_only:
        fail("cc_grpc_library: only grpc_only = True is supported")
    if len(srcs) != 1:
        fail("cc_grpc_library: srcs must name exactly one proto_library")
    gen = name + "_codegen"
    _grpc_codegen(
        name = gen,
        proto = srcs[0],
        generate_mocks = generate_mocks,
        testonly = testonly,
        visibility = ["//visibility:private"],
    )
    for group in ["hdrs", "srcs"]:
        native.filegroup(
            name = "%s_%s" % (gen, group),
            srcs = [":" + gen],
            output_group = group,
            testonly = testonly,
            visibility = ["//visibility:private"],
        )
    native.cc_library(
        name = name,
        srcs = [":%s_srcs" % gen],
        hdrs = [":%s_hdrs" % gen],
        deps = deps + ["//third_party:grpc++"],
        visibility = visibility,
        testonly = testonly,
        **kwargs
    )
