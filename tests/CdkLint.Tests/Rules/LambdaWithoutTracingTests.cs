using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.LambdaWithoutTracingAnalyzer, CdkLint.CodeFixes.Rules.LambdaWithoutTracingFixer>;

namespace CdkLint.Tests.Rules
{
    public class LambdaWithoutTracingTests
    {
        private const string Handler = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline("def handler(e, c): pass")""";

        [Theory, CdkVersions]
        public Task Inline_props_multi_line_get_tracing_after_the_last_setting(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        var fn = {|CDK4004:new Function(this, "Api", new FunctionProps
                        {
                            Runtime = Runtime.PYTHON_3_11,
                            Handler = "index.handler",
                            Code = Code.FromInline("def handler(e, c): pass")
                        })|};
            """),
            Code.Stack("""
                        var fn = new Function(this, "Api", new FunctionProps
                        {
                            Runtime = Runtime.PYTHON_3_11,
                            Handler = "index.handler",
                            Code = Code.FromInline("def handler(e, c): pass"),
                            Tracing = Tracing.ACTIVE
                        });
            """));

        [Theory, CdkVersions]
        public Task Trailing_comma_style_is_kept(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        {|CDK4004:new Function(this, "Api", new FunctionProps
                        {
                            Runtime = Runtime.PYTHON_3_11,
                            Handler = "index.handler",
                            Code = Code.FromInline("def handler(e, c): pass"),
                        })|};
            """),
            Code.Stack("""
                        new Function(this, "Api", new FunctionProps
                        {
                            Runtime = Runtime.PYTHON_3_11,
                            Handler = "index.handler",
                            Code = Code.FromInline("def handler(e, c): pass"),
                            Tracing = Tracing.ACTIVE,
                        });
            """));

        [Theory, CdkVersions]
        public Task Single_line_props(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        {|CDK4004:new Function(this, "Api", new FunctionProps { {{Handler}} })|};
            """),
            Code.Stack($$"""
                        new Function(this, "Api", new FunctionProps { {{Handler}}, Tracing = Tracing.ACTIVE });
            """));

        [Theory, CdkVersions]
        public Task Props_in_a_local_with_later_statements(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        var fnProps = new FunctionProps { {{Handler}} };
                        fnProps.MemorySize = 512;
                        var fn = {|CDK4004:new Function(this, "Api", fnProps)|};
            """),
            Code.Stack($$"""
                        var fnProps = new FunctionProps { {{Handler}}, Tracing = Tracing.ACTIVE };
                        fnProps.MemorySize = 512;
                        var fn = new Function(this, "Api", fnProps);
            """));

        [Theory, CdkVersions]
        public Task A_helper_shared_by_two_functions_gets_the_setting_once(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            {|CDK4004:new Function(this, "List", Props("list.handler"))|};
                            {|CDK4004:new Function(this, "Get", Props("get.handler"))|};
                """,
                """
                        private static FunctionProps Props(string handler)
                        {
                            return new FunctionProps
                            {
                                Runtime = Runtime.PYTHON_3_11,
                                Handler = handler,
                                Code = Code.FromAsset("src"),
                            };
                        }
                """),
            Code.Stack(
                """
                            new Function(this, "List", Props("list.handler"));
                            new Function(this, "Get", Props("get.handler"));
                """,
                """
                        private static FunctionProps Props(string handler)
                        {
                            return new FunctionProps
                            {
                                Runtime = Runtime.PYTHON_3_11,
                                Handler = handler,
                                Code = Code.FromAsset("src"),
                                Tracing = Tracing.ACTIVE,
                            };
                        }
                """));

        [Theory, CdkVersions]
        public Task Singleton_and_docker_image_functions_are_in_the_family(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        {|CDK4004:new SingletonFunction(this, "Once", new SingletonFunctionProps { Uuid = "6b0e8a9c-4f0e-4d1e-9d0c-1c1a4f9b2e01", {{Handler}} })|};
                        {|CDK4004:new DockerImageFunction(this, "Image", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset("img") })|};
            """));

        [Theory, CdkVersions]
        public Task A_subclass_base_call_is_read(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Usings + $$"""
            namespace App
            {
                public class Worker : Function
                {
                    public Worker(Construct scope, string id) {|CDK4004:: base(scope, id, new FunctionProps { {{Handler}} })|}
                    {
                    }
                }
            }
            """);

        [Theory, CdkVersions]
        public Task Explicit_choices_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        new Function(this, "A", new FunctionProps { {{Handler}}, Tracing = Tracing.ACTIVE });
                        new Function(this, "B", new FunctionProps { {{Handler}}, Tracing = Tracing.PASS_THROUGH });
                        new Function(this, "C", new FunctionProps { {{Handler}}, Tracing = Tracing.DISABLED });
                        var fnProps = new FunctionProps { {{Handler}} };
                        fnProps.Tracing = isProd ? Tracing.ACTIVE : Tracing.DISABLED;
                        new Function(this, "D", fnProps);
            """, parameters: ", bool isProd"));

        [Theory, CdkVersions]
        public Task Props_that_may_be_set_elsewhere_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                            new Function(this, "FromParameter", shared);
                            new Function(this, "FromField", _props);
                            var fnProps = Defaults();
                            Configure(fnProps);
                            new Function(this, "Configured", fnProps);
                """,
                $$"""
                        private readonly FunctionProps _props = new FunctionProps { {{Handler}} };
                        private static FunctionProps Defaults() => new FunctionProps { {{Handler}} };
                        private static void Configure(FunctionProps p) => p.Tracing = Tracing.ACTIVE;
                """,
                ", FunctionProps shared"));

        [Theory, CdkVersions]
        public Task Non_function_constructs_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        new Bucket(this, "B");
                        new Topic(this, "T");
                        var fn = Function.FromFunctionArn(this, "Imported", "arn:aws:lambda:us-east-1:123456789012:function:f");
            """));
    }
}
