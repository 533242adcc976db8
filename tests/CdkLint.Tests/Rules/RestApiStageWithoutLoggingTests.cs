using System.Threading.Tasks;
using CdkLint.CodeFixes.Rules;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.RestApiStageWithoutLoggingAnalyzer, CdkLint.CodeFixes.Rules.RestApiStageWithoutLoggingFixer>;

namespace CdkLint.Tests.Rules
{
    public class RestApiStageWithoutLoggingTests
    {
        private const string ApiGateway = "using Amazon.CDK.AWS.APIGateway;\n";
        private const string CdkJsonWithFlag = """{ "app": "dotnet run", "context": { "@aws-cdk/aws-apigateway:disableCloudWatchRole": true } }""";

        private static string Stack(string body, string members = "", string parameters = "") => Code.StackWith(ApiGateway, body, members, parameters);

        [Theory, CdkVersions]
        public Task Api_without_deploy_options_gets_a_logging_stage(CdkVersion version) => VerifyCS.Fix(version,
            Stack("""
                        var api = {|CDK4003:new RestApi(this, "Orders", new RestApiProps
                        {
                            RestApiName = "orders",
                        })|};
                        api.Root.AddMethod("GET");
            """),
            Stack("""
                        var api = new RestApi(this, "Orders", new RestApiProps
                        {
                            RestApiName = "orders",
                            DeployOptions = new StageOptions { AccessLogDestination = new LogGroupLogDestination(new LogGroup(this, "OrdersAccessLogs")), AccessLogFormat = AccessLogFormat.JsonWithStandardFields(), LoggingLevel = MethodLoggingLevel.INFO, MetricsEnabled = true, TracingEnabled = true },
                        });
                        api.Root.AddMethod("GET");
            """));

        [Theory, CdkVersions]
        public Task Existing_deploy_options_are_extended_not_replaced(CdkVersion version) => VerifyCS.Fix(version,
            Stack("""
                        var stage = new StageOptions
                        {
                            StageName = "v1",
                            ThrottlingRateLimit = 100,
                            TracingEnabled = true,
                        };
                        var api = {|CDK4003:new LambdaRestApi(this, id + "Api", new LambdaRestApiProps { Handler = handler, DeployOptions = stage })|};
            """, parameters: ", IFunction handler"),
            Stack("""
                        var stage = new StageOptions
                        {
                            StageName = "v1",
                            ThrottlingRateLimit = 100,
                            TracingEnabled = true,
                            AccessLogDestination = new LogGroupLogDestination(new LogGroup(this, (id + "Api") + "AccessLogs")),
                            AccessLogFormat = AccessLogFormat.JsonWithStandardFields(),
                            LoggingLevel = MethodLoggingLevel.INFO,
                            MetricsEnabled = true,
                        };
                        var api = new LambdaRestApi(this, id + "Api", new LambdaRestApiProps { Handler = handler, DeployOptions = stage });
            """, parameters: ", IFunction handler"));

        [Theory, CdkVersions]
        public Task With_the_flag_the_first_api_also_creates_the_account_role(CdkVersion version)
        {
            var test = new CdkTest<RestApiStageWithoutLoggingAnalyzer, RestApiStageWithoutLoggingFixer>(version)
            {
                TestCode = Stack("""
                        {|CDK4003:new RestApi(this, "Public", new RestApiProps { DeployOptions = new StageOptions { TracingEnabled = true, AccessLogDestination = destination } })|};
                        {|CDK4003:new RestApi(this, "Admin", new RestApiProps { DeployOptions = new StageOptions { TracingEnabled = true, AccessLogDestination = destination } })|};
            """, parameters: ", IAccessLogDestination destination"),
                FixedCode = Stack("""
                        new RestApi(this, "Public", new RestApiProps { DeployOptions = new StageOptions { TracingEnabled = true, AccessLogDestination = destination, LoggingLevel = MethodLoggingLevel.INFO, MetricsEnabled = true }, CloudWatchRole = true });
                        new RestApi(this, "Admin", new RestApiProps { DeployOptions = new StageOptions { TracingEnabled = true, AccessLogDestination = destination, LoggingLevel = MethodLoggingLevel.INFO, MetricsEnabled = true } });
            """, parameters: ", IAccessLogDestination destination"),
            };
            test.WithCdkJson(CdkJsonWithFlag);
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task No_role_when_the_team_says_the_account_has_one(CdkVersion version)
        {
            var test = new CdkTest<RestApiStageWithoutLoggingAnalyzer, RestApiStageWithoutLoggingFixer>(version)
            {
                TestCode = Stack("""
                        {|CDK4003:new RestApi(this, "Public", new RestApiProps { DeployOptions = new StageOptions { TracingEnabled = true, AccessLogDestination = destination } })|};
            """, parameters: ", IAccessLogDestination destination"),
                FixedCode = Stack("""
                        new RestApi(this, "Public", new RestApiProps { DeployOptions = new StageOptions { TracingEnabled = true, AccessLogDestination = destination, LoggingLevel = MethodLoggingLevel.INFO, MetricsEnabled = true } });
            """, parameters: ", IAccessLogDestination destination"),
            };
            test.WithCdkJson(CdkJsonWithFlag);
            test.WithEditorConfig("cdklint.CDK4003.account_role_configured = true");
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task Complete_stages_decisions_and_no_stage_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack("""
                        new RestApi(this, "A", new RestApiProps { DeployOptions = new StageOptions { AccessLogDestination = destination, LoggingLevel = MethodLoggingLevel.ERROR, TracingEnabled = true } });
                        new RestApi(this, "B", new RestApiProps { DeployOptions = new StageOptions { AccessLogDestination = destination, LoggingLevel = MethodLoggingLevel.OFF, TracingEnabled = false } });
                        new RestApi(this, "C", new RestApiProps { Deploy = false });
                        new RestApi(this, "D", shared);
                        new RestApi(this, "E", new RestApiProps { DeployOptions = sharedStage });
            """, parameters: ", IAccessLogDestination destination, RestApiProps shared, StageOptions sharedStage"));

        [Theory, CdkVersions]
        public Task Message_lists_what_is_missing(CdkVersion version)
        {
            var test = new CdkTest<RestApiStageWithoutLoggingAnalyzer, RestApiStageWithoutLoggingFixer>(version)
            {
                TestCode = Stack("""
                        {|#0:new RestApi(this, "A", new RestApiProps { DeployOptions = new StageOptions { LoggingLevel = MethodLoggingLevel.ERROR } })|};
            """),
            };
            test.TestState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CDK4003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0).WithArguments("RestApi 'A'", "access logs, X-Ray tracing"));
            test.FixedCode = Stack("""
                        new RestApi(this, "A", new RestApiProps { DeployOptions = new StageOptions { LoggingLevel = MethodLoggingLevel.ERROR, AccessLogDestination = new LogGroupLogDestination(new LogGroup(this, "AAccessLogs")), AccessLogFormat = AccessLogFormat.JsonWithStandardFields(), TracingEnabled = true } });
            """);
            return test.RunAsync();
        }
    }
}
