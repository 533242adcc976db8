using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.RestApiWithoutThrottlingAnalyzer, CdkLint.CodeFixes.Rules.RestApiWithoutThrottlingFixer>;

namespace CdkLint.Tests.Rules
{
    public class RestApiWithoutThrottlingTests
    {
        private const string Limits = "cdklint.CDK3002.rate_limit = 100\ncdklint.CDK3002.burst_limit = 200";
        private const string Key = "CDK3002.StageThrottling";
        private const string Fn = """var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src") });""";

        private static string Stack(string body, string members = "", string parameters = "") => Code.Usings + "using Amazon.CDK.AWS.APIGateway;\n" + $$"""
            namespace App
            {
                public class ApiStack : Stack
                {
                    public ApiStack(Construct scope, string id{{parameters}}) : base(scope, id)
                    {
            {{body}}
                    }
            {{members}}
                }
            }

            """;

        [Theory, CdkVersions]
        public Task New_deploy_options_or_extended_ones_get_the_team_limits_with_fix_all(CdkVersion version) => VerifyCS.Fix(version,
            Stack($$"""
                        {{Fn}}
                        var api = {|CDK3002:new RestApi(this, "Plain")|};
                        {|CDK3002:new LambdaRestApi(this, "Proxy", new LambdaRestApiProps { Handler = fn })|};
                        {|CDK3002:new RestApi(this, "Staged", new RestApiProps
                        {
                            RestApiName = "orders",
                            DeployOptions = new StageOptions
                            {
                                StageName = "prod",
                                TracingEnabled = true,
                            },
                        })|};
                        var stageOptions = new StageOptions { StageName = "v1" };
                        {|CDK3002:new RestApi(this, "Local", new RestApiProps { DeployOptions = stageOptions })|};
            """),
            Stack($$"""
                        {{Fn}}
                        var api = new RestApi(this, "Plain", new RestApiProps { DeployOptions = new StageOptions { ThrottlingRateLimit = 100, ThrottlingBurstLimit = 200 } });
                        new LambdaRestApi(this, "Proxy", new LambdaRestApiProps { Handler = fn, DeployOptions = new StageOptions { ThrottlingRateLimit = 100, ThrottlingBurstLimit = 200 } });
                        new RestApi(this, "Staged", new RestApiProps
                        {
                            RestApiName = "orders",
                            DeployOptions = new StageOptions
                            {
                                StageName = "prod",
                                TracingEnabled = true,
                                ThrottlingRateLimit = 100,
                                ThrottlingBurstLimit = 200,
                            },
                        });
                        var stageOptions = new StageOptions { StageName = "v1", ThrottlingRateLimit = 100, ThrottlingBurstLimit = 200 };
                        new RestApi(this, "Local", new RestApiProps { DeployOptions = stageOptions });
            """),
            Key,
            Limits);

        [Theory, CdkVersions]
        public Task Without_both_limits_there_is_no_fix(CdkVersion version)
        {
            var source = Stack("""
                        {|CDK3002:new RestApi(this, "Plain")|};
            """);
            return Task.WhenAll(
                VerifyCS.Fix(version, source, source),
                VerifyCS.Fix(version, source, source, editorConfig: "cdklint.CDK3002.rate_limit = 100"),
                VerifyCS.Fix(version, source, source, editorConfig: "cdklint.CDK3002.rate_limit = fast\ncdklint.CDK3002.burst_limit = 200"));
        }

        [Theory, CdkVersions]
        public Task A_derived_props_class_is_read(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack(
                """
                            {|CDK3002:new RestApi(this, "Derived", new TeamApiProps { Team = "orders" })|};
                            new RestApi(this, "DerivedThrottled", new TeamApiProps { Team = "orders", DeployOptions = new StageOptions { ThrottlingRateLimit = 5 } });
                """,
                """
                        public class TeamApiProps : RestApiProps { public string Team { get; set; } }
                """));

        [Theory, CdkVersions]
        public Task Every_rest_api_kind_and_partial_throttling_are_flagged(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack("""
                        {|CDK3002:new SpecRestApi(this, "Spec", new SpecRestApiProps { ApiDefinition = ApiDefinition.FromAsset("api.yaml") })|};
                        {|CDK3002:new RestApi(this, "OneMethod", new RestApiProps
                        {
                            Deploy = true,
                            DeployOptions = new StageOptions
                            {
                                MethodOptions = new Dictionary<string, IMethodDeploymentOptions> { ["/orders/GET"] = new MethodDeploymentOptions { ThrottlingRateLimit = 10 } },
                            },
                        })|};
                        var unthrottledPlan = {|CDK3002:new RestApi(this, "PlanWithoutThrottle")|};
                        unthrottledPlan.AddUsagePlan("Plan", new UsagePlanProps { Name = "basic" });
            """));

        [Theory, CdkVersions]
        public Task Any_throttling_source_or_no_deployment_is_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack(
                """
                            new RestApi(this, "Stage", new RestApiProps { DeployOptions = new StageOptions { ThrottlingBurstLimit = 50 } });
                            new RestApi(this, "Methods", new RestApiProps
                            {
                                DeployOptions = new StageOptions
                                {
                                    MethodOptions = new Dictionary<string, IMethodDeploymentOptions> { { "/*/*", new MethodDeploymentOptions { ThrottlingRateLimit = 10, ThrottlingBurstLimit = 20 } } },
                                },
                            });
                            var planned = new RestApi(this, "Planned");
                            planned.AddUsagePlan("Plan", new UsagePlanProps { Throttle = new ThrottleSettings { RateLimit = 10, BurstLimit = 20 } });
                            var staged = new RestApi(this, "StagedPlan");
                            var plan = new UsagePlan(this, "Plan2", new UsagePlanProps { Throttle = new ThrottleSettings { RateLimit = 5 } });
                            plan.AddApiStage(new UsagePlanPerApiStage { Api = staged, Stage = staged.DeploymentStage });
                            new RestApi(this, "NoDeploy", new RestApiProps { Deploy = false });
                            new RestApi(this, "Decided", new RestApiProps { Deploy = deploy });
                            new RestApi(this, "FromParameter", shared);
                            new RestApi(this, "Helper", Props());
                """,
                """
                        private static RestApiProps Props() => new RestApiProps { DeployOptions = new StageOptions { ThrottlingRateLimit = 1 } };
                """,
                ", bool deploy, RestApiProps shared"));

        [Theory, CdkVersions]
        public Task A_subclass_base_call_is_read_and_its_own_usage_plan_counts(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Usings + "using Amazon.CDK.AWS.APIGateway;\n" + """
            namespace App
            {
                public class OrdersApi : RestApi
                {
                    public OrdersApi(Construct scope, string id) {|CDK3002:: base(scope, id, new RestApiProps { RestApiName = "orders" })|}
                    {
                    }
                }

                public class PlannedApi : RestApi
                {
                    public PlannedApi(Construct scope, string id) : base(scope, id, new RestApiProps { RestApiName = "planned" })
                    {
                        AddUsagePlan("Plan", new UsagePlanProps { Throttle = new ThrottleSettings { RateLimit = 10 } });
                    }
                }
            }
            """);
    }
}
