using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.DeprecatedLambdaRuntimeAnalyzer, CdkLint.CodeFixes.Rules.DeprecatedLambdaRuntimeFixer>;

namespace CdkLint.Tests.Rules
{
    public class DeprecatedLambdaRuntimeTests
    {
        private const string Mid2025 = "cdklint.today = 2025-06-01";

        /// <summary>The Node.js replacement as the fix writes it: the member where CDK has it, else a declared runtime.</summary>
        private static string Node24(CdkVersion version) => version == CdkVersion.V2_277
            ? "Runtime.NODEJS_24_X"
            : """new Runtime("nodejs24.x", RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true })""";

        private static string Python314(CdkVersion version) => version == CdkVersion.V2_277
            ? "Runtime.PYTHON_3_14"
            : """new Runtime("python3.14", RuntimeFamily.PYTHON, new LambdaRuntimeProps { SupportsInlineCode = true })""";

        [Theory, CdkVersions]
        public Task Node_16_with_asset_code_moves_to_node_24(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        new Function(this, "Api", new FunctionProps
                        {
                            Runtime = {|CDK5002:Runtime.NODEJS_16_X|},
                            Handler = "index.handler",
                            Code = Code.FromAsset("src/api"),
                        });
            """),
            Code.Stack($$"""
                        new Function(this, "Api", new FunctionProps
                        {
                            Runtime = {{Node24(version)}},
                            Handler = "index.handler",
                            Code = Code.FromAsset("src/api"),
                        });
            """),
            "CDK5002.Replace",
            Mid2025);

        [Theory, CdkVersions]
        public Task Python_inline_code_moves_to_python_3_14_and_fix_all_covers_every_function(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        var fnProps = new FunctionProps { Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return 1\n") };
                        fnProps.Runtime = {|CDK5002:Runtime.PYTHON_3_8|};
                        new Function(this, "A", fnProps);
                        new Function(this, "B", new FunctionProps { Runtime = {|CDK5002:Runtime.PYTHON_3_7|}, Handler = "index.handler", Code = Code.FromAsset("src") });
                        new LayerVersion(this, "Layer", new LayerVersionProps { Code = Code.FromAsset("layer"), CompatibleRuntimes = new[] { {|CDK5002:Runtime.PYTHON_3_6|}, Runtime.PYTHON_3_11 } });
            """),
            Code.Stack($$"""
                        var fnProps = new FunctionProps { Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return 1\n") };
                        fnProps.Runtime = {{Python314(version)}};
                        new Function(this, "A", fnProps);
                        new Function(this, "B", new FunctionProps { Runtime = {{Python314(version)}}, Handler = "index.handler", Code = Code.FromAsset("src") });
                        new LayerVersion(this, "Layer", new LayerVersionProps { Code = Code.FromAsset("layer"), CompatibleRuntimes = new[] { {{Python314(version)}}, Runtime.PYTHON_3_11 } });
            """),
            "CDK5002.Replace",
            Mid2025);

        [Theory, CdkVersions]
        public Task A_constant_runtime_name_is_read_and_replaced_whole(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        const string Old = "nodejs14.x";
                        new Function(this, "Api", new FunctionProps { Runtime = {|CDK5002:new Runtime(Old, RuntimeFamily.NODEJS)|}, Handler = "index.handler", Code = Code.FromAsset("src") });
            """),
            Code.Stack($$"""
                        const string Old = "nodejs14.x";
                        new Function(this, "Api", new FunctionProps { Runtime = {{Node24(version)}}, Handler = "index.handler", Code = Code.FromAsset("src") });
            """),
            "CDK5002.Replace",
            Mid2025);

        [Theory, CdkVersions]
        public Task The_message_says_what_is_blocked(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        new Function(this, "A", new FunctionProps { Runtime = {|#0:Runtime.NODEJS_16_X|}, Handler = "index.handler", Code = Code.FromAsset("a") });
                        new Function(this, "B", new FunctionProps { Runtime = {|#1:Runtime.PYTHON_3_7|}, Handler = "index.handler", Code = Code.FromAsset("b") });
                        new Function(this, "C", new FunctionProps { Runtime = {|#2:Runtime.PYTHON_2_7|}, Handler = "index.handler", Code = Code.FromAsset("c") });
                        new Function(this, "D", new FunctionProps { Runtime = {|#3:Runtime.DOTNET_6|}, Handler = "D::D.F::H", Code = Code.FromAsset("d") });
            """),
            Mid2025,
            Expect(0, "nodejs16.x", "reached end of support on 2024-06-12; creating new functions on it will be blocked from 2027-02-01", "nodejs24.x"),
            Expect(1, "python3.7", "reached end of support on 2023-12-04 and creating new functions on it is already blocked", "python3.14"),
            Expect(2, "python2.7", "reached end of support on 2021-07-15 and creating or updating functions on it is already blocked", "python3.14"),
            Expect(3, "dotnet6", "reached end of support on 2024-12-20; creating new functions on it will be blocked from 2027-02-01", "dotnet10"));

        [Theory, CdkVersions]
        public Task After_the_block_date_the_message_says_creating_is_blocked(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        new Function(this, "A", new FunctionProps { Runtime = {|#0:Runtime.NODEJS_18_X|}, Handler = "index.handler", Code = Code.FromAsset("a") });
            """),
            "cdklint.today = 2027-02-01",
            Expect(0, "nodejs18.x", "reached end of support on 2025-09-01 and creating new functions on it is already blocked", "nodejs24.x"));

        /// <summary>.NET 8 as the referenced CDK spells it: 2.103 predates Runtime.DOTNET_8, so it is declared there.</summary>
        private static string Dotnet8(CdkVersion version) => version == CdkVersion.V2_103
            ? """new Runtime("dotnet8", RuntimeFamily.DOTNET_CORE)"""
            : "Runtime.DOTNET_8";

        private static string OrdersApi(CdkVersion version) => Code.Stack(
            """
                        var ordersProps = OrdersProps();
                        ordersProps.Runtime = {|#0:DotnetRuntime|};
                        new Function(this, "Orders", ordersProps);
            """,
            $$"""
                    private static readonly Runtime DotnetRuntime = {{Dotnet8(version)}};

                    private static FunctionProps OrdersProps() => new FunctionProps
                    {
                        Handler = "Orders::Orders.Function::Handle",
                        Code = Code.FromAsset("src/Orders/bin/Release/net8.0/publish"),
                        MemorySize = 512,
                    };
            """).Replace("{|#0:DotnetRuntime|}", "DotnetRuntime").Replace(
            "DotnetRuntime = " + Dotnet8(version) + ";", "DotnetRuntime = {|#0:" + Dotnet8(version) + "|};");

        [Theory, CdkVersions]
        public Task Dotnet8_is_deprecated_from_2026_11_10_and_creating_is_not_yet_blocked(CdkVersion version) => VerifyCS.Diagnostics(version,
            OrdersApi(version),
            "cdklint.today = 2026-11-10",
            Expect(0, "dotnet8", "reached end of support on 2026-11-10; creating new functions on it will be blocked from 2027-02-01", "dotnet10"));

        [Theory, CdkVersions]
        public Task Dotnet8_the_day_the_table_was_read(CdkVersion version) => VerifyCS.Diagnostics(version,
            OrdersApi(version),
            "cdklint.today = 2026-12-02",
            Expect(0, "dotnet8", "reached end of support on 2026-11-10; creating new functions on it will be blocked from 2027-02-01", "dotnet10"));

        [Theory, CdkVersions]
        public Task Dotnet8_is_quiet_the_day_before_its_deprecation(CdkVersion version) => VerifyCS.Diagnostics(version,
            OrdersApi(version).Replace("{|#0:", string.Empty).Replace("|};", ";"),
            "cdklint.today = 2026-11-09");

        [Theory, CdkVersions]
        public Task Runtimes_before_their_date_are_quiet_unless_CDK_marks_them_obsolete(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(version == CdkVersion.V2_103
                ? """
                            new Function(this, "A", new FunctionProps { Runtime = Runtime.NODEJS_16_X, Handler = "index.handler", Code = Code.FromAsset("a") });
                            new Function(this, "B", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromAsset("b") });
                """
                : """
                            new Function(this, "A", new FunctionProps { Runtime = {|#0:Runtime.NODEJS_16_X|}, Handler = "index.handler", Code = Code.FromAsset("a") });
                            new Function(this, "B", new FunctionProps { Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromAsset("b") });
                """),
            "cdklint.today = 2024-01-01",
            version == CdkVersion.V2_103
                ? System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>()
                : new[] { Expect(0, "nodejs16.x", "is marked deprecated by the referenced CDK (AWS ends support on 2024-06-12)", "nodejs24.x") });

        [Theory, CdkVersions]
        public Task Current_runtimes_aliases_and_bundling_images_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        new Function(this, "A", new FunctionProps { Runtime = Runtime.NODEJS_LATEST, Handler = "index.handler", Code = Code.FromAsset("a") });
                        new Function(this, "B", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("b") });
                        new Function(this, "C", new FunctionProps { Runtime = Runtime.JAVA_17, Handler = "a.B::c", Code = Code.FromAsset("c", new Amazon.CDK.AWS.S3.Assets.AssetOptions { Bundling = new BundlingOptions { Image = Runtime.PYTHON_3_8.BundlingImage } }) });
                        var name = Runtime.NODEJS_16_X.Name;
                        var same = Runtime.NODEJS_LATEST.RuntimeEquals(Runtime.NODEJS_16_X);
                        new Function(this, "D", new FunctionProps { Runtime = new Runtime(runtimeName, RuntimeFamily.PYTHON), Handler = "index.handler", Code = Code.FromAsset("d") });
                        new Function(this, "E", new FunctionProps { Runtime = new Runtime("python3.12", RuntimeFamily.PYTHON), Handler = "index.handler", Code = Code.FromAsset("e") });
            """, parameters: ", string runtimeName"),
            Mid2025);

        [Theory, CdkVersions]
        public Task Compiled_runtimes_get_no_fix(CdkVersion version)
        {
            var source = Code.Stack("""
                        new Function(this, "A", new FunctionProps { Runtime = {|CDK5002:Runtime.DOTNET_6|}, Handler = "A::A.F::H", Code = Code.FromAsset("a") });
                        new Function(this, "B", new FunctionProps { Runtime = {|CDK5002:Runtime.GO_1_X|}, Handler = "main", Code = Code.FromAsset("b") });
                        new Function(this, "C", new FunctionProps { Runtime = {|CDK5002:Runtime.PROVIDED|}, Handler = "bootstrap", Code = Code.FromAsset("c") });
                        new Function(this, "D", new FunctionProps { Runtime = {|CDK5002:Runtime.DOTNET_CORE_3_1|}, Handler = "D::D.F::H", Code = Code.FromAsset("d") });
            """);
            return VerifyCS.Fix(version, source, source, editorConfig: Mid2025);
        }

        [Theory, CdkVersions]
        public Task Node_code_that_needs_sdk_v2_or_callbacks_or_is_out_of_view_gets_no_fix(CdkVersion version)
        {
            var source = Code.Stack(
                """
                            new Function(this, "Sdk", new FunctionProps { Runtime = {|CDK5002:Runtime.NODEJS_16_X|}, Handler = "index.handler", Code = Code.FromInline("const AWS = require('aws-sdk');\nexports.handler = async () => new AWS.S3().listBuckets().promise();") });
                            new Function(this, "Callback", new FunctionProps { Runtime = {|CDK5002:Runtime.NODEJS_16_X|}, Handler = "index.handler", Code = Code.FromInline("exports.handler = function (event, context, callback) { callback(null, 1); };") });
                            new Function(this, "Shared", new FunctionProps { Runtime = Node, Handler = "index.handler", Code = Code.FromAsset("src") });
                            new Function(this, "Elsewhere", Props());
                """,
                """
                        private static readonly Runtime Node = {|CDK5002:Runtime.NODEJS_14_X|};
                        private static FunctionProps Props()
                        {
                            var p = new FunctionProps { Runtime = {|CDK5002:Runtime.NODEJS_12_X|}, Handler = "index.handler" };
                            Configure(p);
                            return p;
                        }
                        private static void Configure(FunctionProps p) => p.Code = Code.FromInline("exports.handler = function (e, c, cb) { cb(); };");
                """);
            return VerifyCS.Fix(version, source, source, editorConfig: Mid2025);
        }

        [Theory, CdkVersions]
        public Task Modern_node_inline_code_and_a_python_field_move(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Function(this, "Inline", new FunctionProps { Runtime = {|CDK5002:Runtime.NODEJS_16_X|}, Handler = "index.handler", Code = Code.FromInline("exports.handler = async (event) => ({ statusCode: 200 });") });
                            new Function(this, "Py", new FunctionProps { Runtime = Py, Handler = "index.handler", Code = Code.FromAsset("src") });
                """,
                """
                        private static readonly Runtime Py = {|CDK5002:Runtime.PYTHON_3_8|};
                """),
            Code.Stack(
                $$"""
                            new Function(this, "Inline", new FunctionProps { Runtime = {{Node24(version)}}, Handler = "index.handler", Code = Code.FromInline("exports.handler = async (event) => ({ statusCode: 200 });") });
                            new Function(this, "Py", new FunctionProps { Runtime = Py, Handler = "index.handler", Code = Code.FromAsset("src") });
                """,
                $$"""
                        private static readonly Runtime Py = {{Python314(version)}};
                """),
            "CDK5002.Replace",
            Mid2025);

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expect(int location, string runtime, string status, string replacement)
            => new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CDK5002", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(location).WithArguments(runtime, status, replacement);
    }
}
