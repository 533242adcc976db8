using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.StackWithoutEnvironmentAnalyzer, CdkLint.CodeFixes.Rules.StackWithoutEnvironmentFixer>;

namespace CdkLint.Tests.Rules
{
    public class StackWithoutEnvironmentTests
    {
        private const string Env = """Env = new Environment { Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"), Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") }""";

        /// <summary>An app with its stacks: <paramref name="main"/> is the body of Main, <paramref name="stacks"/> more classes.</summary>
        private static string App(string main, string stacks = "") => Code.Usings + $$"""
            namespace App
            {
                public class ShopStack : Stack
                {
                    public ShopStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                    {
                    }
                }
            {{stacks}}
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

        [Theory, CdkVersions]
        public Task Stack_without_props_gets_them(CdkVersion version) => VerifyCS.Fix(version,
            App("""
                        {|CDK1003:new ShopStack(app, "Shop")|};
            """),
            App($$"""
                        new ShopStack(app, "Shop", new StackProps { {{Env}} });
            """));

        [Theory, CdkVersions]
        public Task Props_inline_or_in_a_local_are_extended(CdkVersion version) => VerifyCS.Fix(version,
            App("""
                        {|CDK1003:new ShopStack(app, "Shop", new StackProps { Description = "Shop" })|};
                        var props = new StackProps { StackName = "shop-dev" };
                        {|CDK1003:new ShopStack(app, "ShopDev", props)|};
                        {|CDK1003:new Stack(app, "Plain")|};
            """),
            App($$"""
                        new ShopStack(app, "Shop", new StackProps { Description = "Shop", {{Env}} });
                        var props = new StackProps { StackName = "shop-dev", {{Env}} };
                        new ShopStack(app, "ShopDev", props);
                        new Stack(app, "Plain", new StackProps { {{Env}} });
            """));

        [Theory, CdkVersions]
        public Task Quiet_when_the_environment_comes_from_elsewhere(CdkVersion version) => VerifyCS.Diagnostics(version,
            App(
                """
                        new ShopStack(app, "WithEnv", new StackProps { Env = new Environment { Account = "123456789012", Region = "eu-west-1" } });
                        new PinnedStack(app, "Pinned");
                        var prod = new Stage(app, "Prod", new StageProps { Env = new Environment { Region = "eu-west-1" } });
                        new ShopStack(prod, "InProd");
                        new ProdStage(app, "Prod2");
                        new ShopStack(app, "Shared", shared);
                """.Replace("new ShopStack(app, \"Shared\", shared);", string.Empty),
                """
                    public class PinnedStack : Stack
                    {
                        public PinnedStack(Construct scope, string id) : base(scope, id, new StackProps { Env = new Environment { Region = "eu-west-1" } })
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

                    public class ProdStage : Stage
                    {
                        public ProdStage(Construct scope, string id, IStageProps props = null) : base(scope, id, props)
                        {
                            new ShopStack(this, "Shop");
                        }
                    }
                """));

        [Theory, CdkVersions]
        public Task A_stage_without_env_does_not_carry_one(CdkVersion version) => VerifyCS.Diagnostics(version,
            App("""
                        var test = new Stage(app, "Test");
                        {|CDK1003:new ShopStack(test, "Shop")|};
                        var dev = new Stage(app, "Dev", new StageProps { StageName = "dev" });
                        {|CDK1003:new ShopStack(dev, "Shop")|};
            """));

        [Theory, CdkVersions]
        public async Task No_fix_for_a_stack_with_a_vpc_that_would_change_shape(CdkVersion version)
        {
            var source = App(
                """
                        {|CDK1003:new NetworkStack(app, "Network")|};
                """,
                """
                    public class NetworkStack : Stack
                    {
                        public NetworkStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                        {
                            new Amazon.CDK.AWS.EC2.Vpc(this, "Vpc");
                        }
                    }
                """);
            await VerifyCS.Fix(version, source, source);
        }

        [Theory, CdkVersions]
        public async Task No_fix_where_props_cannot_be_created_safely(CdkVersion version)
        {
            var source = App(
                """
                        {|CDK1003:new CustomStack(app, "Custom")|};
                        {|CDK1003:new IgnoringStack(app, "Ignoring")|};
                """,
                """
                    public class CustomProps : StackProps
                    {
                        public CustomProps(string owner) { Owner = owner; }
                        public string Owner { get; }
                    }

                    public class CustomStack : Stack
                    {
                        public CustomStack(Construct scope, string id, CustomProps props = null) : base(scope, id, props)
                        {
                        }
                    }

                    public class IgnoringStack : Stack
                    {
                        public IgnoringStack(Construct scope, string id, IStackProps props = null) : base(scope, id)
                        {
                        }
                    }
                """);
            await VerifyCS.Fix(version, source, source);
        }

        [Theory, CdkVersions]
        public Task A_derived_props_class_with_a_parameterless_constructor_is_created(CdkVersion version) => VerifyCS.Fix(version,
            App(
                """
                        {|CDK1003:new TeamStack(app, "Team")|};
                """,
                """
                    public class TeamProps : StackProps
                    {
                        public string Team { get; set; }
                    }

                    public class TeamStack : Stack
                    {
                        public TeamStack(Construct scope, string id, TeamProps props = null) : base(scope, id, props)
                        {
                        }
                    }
                """),
            App(
                $$"""
                        new TeamStack(app, "Team", new TeamProps { {{Env}} });
                """,
                """
                    public class TeamProps : StackProps
                    {
                        public string Team { get; set; }
                    }

                    public class TeamStack : Stack
                    {
                        public TeamStack(Construct scope, string id, TeamProps props = null) : base(scope, id, props)
                        {
                        }
                    }
                """));
    
        /// <summary>
        /// Props classes that declare an <c>Env</c> of their own: setting it leaves StackProps.Env unset, so the stack is
        /// still environment-agnostic. The fix must not write the CDK environment into a property of another type.
        /// </summary>
        private const string OwnEnvProps = """
                    public class RegionProps : StackProps
                    {
                        public new string Env { get; set; }
                    }

                    public class RegionStack : Stack
                    {
                        public RegionStack(Construct scope, string id, RegionProps props = null) : base(scope, id, props)
                        {
                        }
                    }

                    public class LegacyStack : Stack
                    {
                        public LegacyStack(Construct scope, string id) : base(scope, id, new StackProps { Description = Describe(new DeploySettings { Env = "prod" }) })
                        {
                        }

                        private static string Describe(DeploySettings settings) => "Deployed to " + settings.Env;
                    }

                    public class DeploySettings
                    {
                        public string Env { get; set; }
                    }
                """;

        [Theory, CdkVersions]
        public async Task A_props_property_named_Env_that_is_not_the_stacks_environment_does_not_count(CdkVersion version)
        {
            var source = App(
                """
                        var regionProps = new RegionProps { Env = "prod" };
                        {|CDK1003:new RegionStack(app, "Region", regionProps)|};
                        var later = new RegionProps();
                        later.Env = "staging";
                        {|CDK1003:new RegionStack(app, "Later", later)|};
                        {|CDK1003:new LegacyStack(app, "Legacy")|};
                        {|CDK1003:new RegionStack(app, "Bare")|};
                """,
                OwnEnvProps);

            // No fix: `Env = new Environment { … }` in a RegionProps (existing or created for "Bare") would assign its
            // string Env, and LegacyStack has no props parameter to pass one through.
            await VerifyCS.Fix(version, source, source);
        }

        [Theory, CdkVersions]
        public Task A_stage_props_property_named_Env_that_is_not_the_stages_environment_does_not_count(CdkVersion version) => VerifyCS.Diagnostics(version,
            App(
                """
                        var qa = new Stage(app, "Qa", new QaStageProps { Env = "qa" });
                        {|CDK1003:new ShopStack(qa, "Shop")|};
                """,
                """
                    public class QaStageProps : StageProps
                    {
                        public new string Env { get; set; }
                    }
                """));

        [Theory, CdkVersions]
        public Task A_derived_props_class_that_overrides_nothing_still_sets_the_environment(CdkVersion version) => VerifyCS.Diagnostics(version,
            App(
                """
                        var teamProps = new TeamProps { Team = "payments" };
                        teamProps.Env = new Environment { Account = "123456789012", Region = "eu-west-1" };
                        new TeamStack(app, "Team", teamProps);
                """,
                """
                    public class TeamProps : StackProps
                    {
                        public string Team { get; set; }
                    }

                    public class TeamStack : Stack
                    {
                        public TeamStack(Construct scope, string id, TeamProps props = null) : base(scope, id, props)
                        {
                        }
                    }
                """));
}
}
