using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.LambdaDefaultSizingAnalyzer, CdkLint.CodeFixes.Rules.LambdaDefaultSizingFixer>;

namespace CdkLint.Tests.Rules
{
    public class LambdaDefaultSizingTests
    {
        private const string Handler = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src")""";
        private const string Sizing = "cdklint.CDK3003.memory_size = 512\ncdklint.CDK3003.timeout_seconds = 30";
        private const string Key = "CDK3003.TeamSizing";

        [Theory, CdkVersions]
        public Task The_message_says_which_defaults_apply(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        {|#0:new Function(this, "Neither", new FunctionProps { {{Handler}} })|};
                        {|#1:new Function(this, "MemoryOnly", new FunctionProps { {{Handler}}, MemorySize = 1024 })|};
                        {|#2:new Function(this, "TimeoutOnly", new FunctionProps { {{Handler}}, Timeout = Duration.Seconds(10) })|};
                        new Function(this, "Both", new FunctionProps { {{Handler}}, MemorySize = 1024, Timeout = Duration.Minutes(1) });
            """),
            null,
            new DiagnosticResult("CDK3003", DiagnosticSeverity.Info).WithLocation(0).WithArguments("Function 'Neither'", "sets neither MemorySize nor Timeout, so it runs with AWS's defaults of 128 MB and 3 seconds"),
            new DiagnosticResult("CDK3003", DiagnosticSeverity.Info).WithLocation(1).WithArguments("Function 'MemoryOnly'", "sets no Timeout, so it is stopped after AWS's default of 3 seconds"),
            new DiagnosticResult("CDK3003", DiagnosticSeverity.Info).WithLocation(2).WithArguments("Function 'TimeoutOnly'", "sets no MemorySize, so it runs with AWS's default of 128 MB (and the CPU share that buys)"));

        [Theory, CdkVersions]
        public Task The_fix_adds_only_the_missing_settings_and_fix_all_covers_the_document(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        {|CDK3003:new Function(this, "Neither", new FunctionProps
                        {
                            {{Handler}},
                        })|};
                        {|CDK3003:new Function(this, "MemoryOnly", new FunctionProps { {{Handler}}, MemorySize = 1024 })|};
                        var fnProps = new FunctionProps { {{Handler}} };
                        fnProps.Timeout = Duration.Seconds(10);
                        {|CDK3003:new Function(this, "Local", fnProps)|};
            """),
            Code.Stack($$"""
                        new Function(this, "Neither", new FunctionProps
                        {
                            {{Handler}},
                            MemorySize = 512,
                            Timeout = Duration.Seconds(30),
                        });
                        new Function(this, "MemoryOnly", new FunctionProps { {{Handler}}, MemorySize = 1024, Timeout = Duration.Seconds(30) });
                        var fnProps = new FunctionProps { {{Handler}}, MemorySize = 512 };
                        fnProps.Timeout = Duration.Seconds(10);
                        new Function(this, "Local", fnProps);
            """),
            Key,
            Sizing);

        [Theory, CdkVersions]
        public Task A_function_without_props_gets_new_props_and_a_helper_gets_the_settings_once(CdkVersion version) => VerifyCS.Fix(version,
            Code.Usings + "using Amazon.CDK.AWS.Lambda.Nodejs;\n" + $$"""
            namespace App
            {
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string id) : base(scope, id)
                    {
                        {|CDK3003:new NodejsFunction(this, "Entry")|};
                        {|CDK3003:new Function(this, "A", Props())|};
                        {|CDK3003:new Function(this, "B", Props())|};
                    }

                    private static FunctionProps Props()
                    {
                        return new FunctionProps { {{Handler}} };
                    }
                }
            }
            """,
            Code.Usings + "using Amazon.CDK.AWS.Lambda.Nodejs;\n" + $$"""
            namespace App
            {
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string id) : base(scope, id)
                    {
                        new NodejsFunction(this, "Entry", new NodejsFunctionProps { MemorySize = 512, Timeout = Duration.Seconds(30) });
                        new Function(this, "A", Props());
                        new Function(this, "B", Props());
                    }

                    private static FunctionProps Props()
                    {
                        return new FunctionProps { {{Handler}}, MemorySize = 512, Timeout = Duration.Seconds(30) };
                    }
                }
            }
            """,
            Key,
            "cdklint.memory_size = 512\ncdklint.timeout_seconds = 30");

        [Theory, CdkVersions]
        public Task Without_both_options_there_is_no_fix(CdkVersion version)
        {
            var source = Code.Stack($$"""
                        {|CDK3003:new Function(this, "Neither", new FunctionProps { {{Handler}} })|};
            """);
            return Task.WhenAll(
                VerifyCS.Fix(version, source, source),
                VerifyCS.Fix(version, source, source, editorConfig: "cdklint.CDK3003.memory_size = 512"),
                VerifyCS.Fix(version, source, source, editorConfig: "cdklint.CDK3003.memory_size = 64\ncdklint.CDK3003.timeout_seconds = 30"));
        }

        [Theory, CdkVersions]
        public Task A_derived_props_class_is_read_and_extended(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                $$"""
                            {|CDK3003:new Function(this, "Derived", new TeamFunctionProps { {{Handler}}, Team = "orders" })|};
                """,
                """
                        public class TeamFunctionProps : FunctionProps { public string Team { get; set; } }
                """),
            Code.Stack(
                $$"""
                            new Function(this, "Derived", new TeamFunctionProps { {{Handler}}, Team = "orders", MemorySize = 512, Timeout = Duration.Seconds(30) });
                """,
                """
                        public class TeamFunctionProps : FunctionProps { public string Team { get; set; } }
                """),
            Key,
            Sizing);

        [Theory, CdkVersions]
        public Task A_subclass_base_call_is_read(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Usings + $$"""
            namespace App
            {
                public class Worker : Function
                {
                    public Worker(Construct scope, string id) {|CDK3003:: base(scope, id, new FunctionProps { {{Handler}}, MemorySize = 256 })|}
                    {
                    }
                }
            }
            """);

        [Theory, CdkVersions]
        public Task Props_that_may_be_set_elsewhere_and_other_constructs_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                $$"""
                            new Function(this, "FromParameter", shared);
                            var fnProps = new FunctionProps { {{Handler}} };
                            Configure(fnProps);
                            new Function(this, "Configured", fnProps);
                            new DockerImageFunction(this, "Image", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset("img"), MemorySize = 2048, Timeout = Duration.Minutes(5) });
                            new Bucket(this, "B");
                            var fn = Function.FromFunctionArn(this, "Imported", "arn:aws:lambda:us-east-1:123456789012:function:f");
                """,
                """
                        private static void Configure(FunctionProps p) => p.MemorySize = 512;
                """,
                ", FunctionProps shared"));
    }
}
