using System.Threading.Tasks;
using CdkLint.CodeFixes.Rules;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.StackMissingRequiredTagsAnalyzer, CdkLint.CodeFixes.Rules.StackMissingRequiredTagsFixer>;

namespace CdkLint.Tests.Rules
{
    public class StackMissingRequiredTagsTests
    {
        private static string Stack(string name, string body, string parameters = "") => Code.Usings + $$"""
            namespace App
            {
                public class {{name}} : Stack
                {
                    public {{name}}(Construct scope, string id{{parameters}}, IStackProps props = null) : base(scope, id, props)
                    {
            {{body}}
                    }
                }
            }
            """;

        private static string Program(string main) => Code.Usings + $$"""
            namespace App
            {
                public static class Program
                {
                    public static void Main()
                    {
                        var app = new Amazon.CDK.App();
            {{main}}
                        app.Synth();
                    }
                }
            }
            """;

        private static CdkTest<StackMissingRequiredTagsAnalyzer, StackMissingRequiredTagsFixer> Test(CdkVersion version, params string[] sources)
        {
            var test = NewTest(version);
            for (var i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"/File{i}.cs", sources[i]));
            }

            return test;
        }

        /// <summary>A whole-compilation rule reports at compilation end; its findings are fixable like any other in the IDE.</summary>
        private static CdkTest<StackMissingRequiredTagsAnalyzer, StackMissingRequiredTagsFixer> NewTest(CdkVersion version)
        {
            var test = new CdkTest<StackMissingRequiredTagsAnalyzer, StackMissingRequiredTagsFixer>(version);
            test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            return test;
        }

        [Theory, CdkVersions]
        public Task App_in_another_file_tags_every_stack(CdkVersion version) => Test(version,
            Stack("ShopStack", "            new Bucket(this, \"B\");"),
            Program("""
                        new ShopStack(app, "Shop");
                        Amazon.CDK.Tags.Of(app).Add("Environment", "dev");
                        Amazon.CDK.Tags.Of(app).Add("Owner", "shop-team");
            """)).RunAsync();

        [Theory, CdkVersions]
        public Task Keys_from_several_routes_add_up_and_the_message_lists_the_rest(CdkVersion version)
        {
            var test = Test(version,
                Stack("{|#0:ShopStack|}", "            Amazon.CDK.Tags.Of(this).Add(\"Owner\", \"shop-team\");").Replace("public {|#0:ShopStack|}(", "public ShopStack("),
                Program("""
                        new ShopStack(app, "Shop", new StackProps { Tags = new Dictionary<string, string> { ["CostCenter"] = "42" } });
            """));
            test.WithEditorConfig("cdklint.required_tags = Environment, Owner, CostCenter");
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CDK4001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0).WithArguments("ShopStack", "Environment"));
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task Props_tags_must_come_with_every_creation(CdkVersion version) => Test(version,
            Stack("{|CDK4001:ShopStack|}", string.Empty).Replace("public {|CDK4001:ShopStack|}(", "public ShopStack("),
            Program("""
                        var tags = new Dictionary<string, string> { { "Environment", "prod" }, { "Owner", "shop" } };
                        new ShopStack(app, "Prod", new StackProps { Tags = new Dictionary<string, string> { { "Environment", "prod" }, { "Owner", "shop" } } });
                        new ShopStack(app, "Dev");
            """)).RunAsync();

        [Theory, CdkVersions]
        public Task Stage_tags_reach_the_stacks_created_in_it(CdkVersion version) => Test(version,
            Stack("ShopStack", string.Empty),
            Program("""
                        var prod = new Stage(app, "Prod");
                        Amazon.CDK.Tags.Of(prod).Add("Environment", "prod");
                        new ShopStack(prod, "Shop", new StackProps { Tags = new Dictionary<string, string> { ["Owner"] = "shop" } });
            """),
            Code.Usings + """
            namespace App
            {
                public class PipelineStage : Stage
                {
                    public PipelineStage(Construct scope, string id) : base(scope, id)
                    {
                        Amazon.CDK.Tags.Of(this).Add("Environment", id);
                        Amazon.CDK.Tags.Of(this).Add("Owner", "platform");
                        new OtherStack(this, "Other");
                    }
                }

                public class OtherStack : Stack
                {
                    public OtherStack(Construct scope, string id) : base(scope, id)
                    {
                    }
                }
            }
            """).RunAsync();

        [Theory, CdkVersions]
        public Task Unknown_keys_and_base_classes_count_and_nested_stacks_are_judged_through_their_parent(CdkVersion version) => Test(version,
            Code.Usings + """
            namespace App
            {
                public abstract class TaggedStack : Stack
                {
                    protected TaggedStack(Construct scope, string id, IDictionary<string, string> tags) : base(scope, id)
                    {
                        foreach (var tag in tags)
                        {
                            Amazon.CDK.Tags.Of(this).Add(tag.Key, tag.Value);
                        }
                    }
                }

                public class ShopStack : TaggedStack
                {
                    public ShopStack(Construct scope, string id, IDictionary<string, string> tags) : base(scope, id, tags)
                    {
                        new Parts(this, "Parts");
                    }
                }

                public class Parts : NestedStack
                {
                    public Parts(Construct scope, string id) : base(scope, id)
                    {
                    }
                }
            }
            """).RunAsync();

        [Theory, CdkVersions]
        public Task Fix_adds_configured_values_and_the_environment_parameter(CdkVersion version)
        {
            var test = NewTest(version);
            test.TestCode = Stack("{|CDK4001:ShopStack|}", "            new Bucket(this, \"B\");", ", string environmentName").Replace("public {|CDK4001:ShopStack|}(", "public ShopStack(");
            test.FixedCode = Stack("ShopStack", """
                        new Bucket(this, "B");
                        Amazon.CDK.Tags.Of(this).Add("Environment", environmentName);
                        Amazon.CDK.Tags.Of(this).Add("Owner", "platform-team");
            """, ", string environmentName");
            test.WithEditorConfig("cdklint.CDK4001.values = Owner=platform-team");
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public async Task No_fix_without_values(CdkVersion version)
        {
            var test = NewTest(version);
            test.TestCode = test.FixedCode = Stack("{|CDK4001:ShopStack|}", "            new Bucket(this, \"B\");").Replace("public {|CDK4001:ShopStack|}(", "public ShopStack(");
            await test.RunAsync();
        }
    }
}
