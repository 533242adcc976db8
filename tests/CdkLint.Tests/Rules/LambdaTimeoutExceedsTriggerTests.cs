using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.LambdaTimeoutExceedsTriggerAnalyzer, CdkLint.CodeFixes.Rules.LambdaTimeoutExceedsTriggerFixer>;

namespace CdkLint.Tests.Rules
{
    public class LambdaTimeoutExceedsTriggerTests
    {
        private const string Fn = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src")""";

        private static string Stack(string body, string members = "", string extraUsings = "") => Code.Usings + "using Amazon.CDK.AWS.APIGateway;\nusing Amazon.CDK.AWS.Lambda.EventSources;\n" + extraUsings + $$"""
            namespace App
            {
                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id) : base(scope, id)
                    {
            {{body}}
                    }
            {{members}}
                }
            }

            """;

        [Theory, CdkVersions]
        public Task An_api_only_function_is_clamped_to_29_seconds(CdkVersion version) => VerifyCS.Fix(version,
            Stack($$"""
                        var fn = new Function(this, "Orders", new FunctionProps { {{Fn}}, Timeout = {|CDK3004:Duration.Minutes(1)|} });
                        new LambdaRestApi(this, "Api", new LambdaRestApiProps { Handler = fn });
                        var fnProps = new FunctionProps { {{Fn}} };
                        fnProps.Timeout = {|CDK3004:Duration.Seconds(45)|};
                        var reports = new Function(this, "Reports", fnProps);
                        reports.AddEnvironment("MODE", "full");
                        var api = new RestApi(this, "Rest");
                        api.Root.AddResource("reports").AddMethod("GET", new LambdaIntegration(reports));
            """),
            Stack($$"""
                        var fn = new Function(this, "Orders", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(29) });
                        new LambdaRestApi(this, "Api", new LambdaRestApiProps { Handler = fn });
                        var fnProps = new FunctionProps { {{Fn}} };
                        fnProps.Timeout = Duration.Seconds(29);
                        var reports = new Function(this, "Reports", fnProps);
                        reports.AddEnvironment("MODE", "full");
                        var api = new RestApi(this, "Rest");
                        api.Root.AddResource("reports").AddMethod("GET", new LambdaIntegration(reports));
            """),
            LambdaTimeoutExceedsTriggerFixerKeys.Clamp);

        /// <summary>
        /// Regression (found on the e-commerce sample): props returned by a helper that several functions share, then set
        /// per function with `local.Timeout = …;` — the local's own hand-over decides which function it is.
        /// </summary>
        [Theory, CdkVersions]
        public Task Timeout_set_on_props_from_a_shared_helper(CdkVersion version) => VerifyCS.Fix(version,
            Stack("""
                        var listProps = Defaults();
                        listProps.Timeout = {|CDK3004:Duration.Seconds(60)|};
                        var list = new Function(this, "List", listProps);
                        var getProps = Defaults();
                        var get = new Function(this, "Get", getProps);
                        var api = new RestApi(this, "Rest");
                        api.Root.AddMethod("GET", new LambdaIntegration(list));
                        api.Root.AddResource("{id}").AddMethod("GET", new LambdaIntegration(get));
            """, $$"""
                    private static FunctionProps Defaults() => new FunctionProps { {{Fn}} };
            """),
            Stack("""
                        var listProps = Defaults();
                        listProps.Timeout = Duration.Seconds(29);
                        var list = new Function(this, "List", listProps);
                        var getProps = Defaults();
                        var get = new Function(this, "Get", getProps);
                        var api = new RestApi(this, "Rest");
                        api.Root.AddMethod("GET", new LambdaIntegration(list));
                        api.Root.AddResource("{id}").AddMethod("GET", new LambdaIntegration(get));
            """, $$"""
                    private static FunctionProps Defaults() => new FunctionProps { {{Fn}} };
            """),
            LambdaTimeoutExceedsTriggerFixerKeys.Clamp);

        [Theory, CdkVersions]
        public Task The_message_names_the_function_and_the_limit(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack($$"""
                        var fn = new Function(this, "Orders", new FunctionProps { {{Fn}}, Timeout = {|#0:Duration.Seconds(60)|} });
                        new LambdaRestApi(this, "Api", new LambdaRestApiProps { Handler = fn });
            """),
            null,
            new DiagnosticResult("CDK3004", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("Function 'Orders' has a Timeout of 60 s, but a REST API stops waiting after 29 s: callers get a 504 while the function runs on; keep it at 29 s or less"));

        [Theory, CdkVersions]
        public Task A_function_with_another_trigger_is_reported_without_a_clamp(CdkVersion version)
        {
            var source = Stack(
                $$"""
                            var queue = new Queue(this, "Jobs", new QueueProps { VisibilityTimeout = Duration.Minutes(10) });
                            var worker = new Function(this, "Worker", new FunctionProps { {{Fn}}, Timeout = {|CDK3004:Duration.Seconds(60)|} });
                            worker.AddEventSource(new SqsEventSource(queue));
                            var api = new RestApi(this, "Rest");
                            api.Root.AddMethod("POST", new LambdaIntegration(worker));
                            var exported = new Function(this, "Exported", new FunctionProps { {{Fn}}, Timeout = {|CDK3004:Duration.Seconds(40)|} });
                            api.Root.AddResource("x").AddMethod("GET", new LambdaIntegration(exported));
                            new CfnOutput(this, "Arn", new CfnOutputProps { Value = exported.FunctionArn });
                            _nightly = new Function(this, "Nightly", new FunctionProps { {{Fn}}, Timeout = {|CDK3004:Duration.Minutes(5)|} });
                            _nightly.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { "*" } }));
                            api.Root.AddResource("y").AddMethod("GET", new LambdaIntegration(_nightly));
                            new Amazon.CDK.AWS.Events.Rule(this, "Nightly", new Amazon.CDK.AWS.Events.RuleProps { Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(Duration.Days(1)), Targets = new[] { new Amazon.CDK.AWS.Events.Targets.LambdaFunction(_nightly) } });
                """,
                """
                        private readonly Function _nightly;
                """);
            return VerifyCS.Fix(version, source, source);
        }

        [Theory, CdkVersions]
        public Task Fitting_timeouts_raised_integration_timeouts_and_other_triggers_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack($$"""
                        var api = new RestApi(this, "Rest");
                        var fast = new Function(this, "Fast", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(29) });
                        api.Root.AddMethod("GET", new LambdaIntegration(fast));
                        var raised = new Function(this, "Raised", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(60) });
                        api.Root.AddMethod("POST", new LambdaIntegration(raised, new LambdaIntegrationOptions { Timeout = Duration.Seconds(60) }));
                        var batch = new Function(this, "Batch", new FunctionProps { {{Fn}}, Timeout = Duration.Minutes(15) });
                        batch.AddEventSource(new SqsEventSource(new Queue(this, "BatchQueue", new QueueProps { VisibilityTimeout = Duration.Minutes(90) })));
                        var dynamicTimeout = new Function(this, "Dynamic", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(seconds) });
                        api.Root.AddMethod("PUT", new LambdaIntegration(dynamicTimeout));
            """).Replace("public ServiceStack(Construct scope, string id)", "public ServiceStack(Construct scope, string id, int seconds)"));

        [Theory, CdkVersions]
        public Task Http_api_integrations_count(CdkVersion version) => version == CdkVersion.V2_103
            ? Task.CompletedTask // HttpLambdaIntegration was an alpha module in 2.103
            : VerifyCS.Diagnostics(version, Stack($$"""
                        var fn = new Function(this, "Http", new FunctionProps { {{Fn}}, Timeout = {|CDK3004:Duration.Seconds(31)|} });
                        var integration = new HttpLambdaIntegration("Integration", fn);
                        var slow = new Function(this, "Slow", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(40) });
                        new HttpLambdaIntegration("Raised", slow, new HttpLambdaIntegrationProps { Timeout = Duration.Seconds(40) });
            """, extraUsings: "using Amazon.CDK.AwsApigatewayv2Integrations;\n"));

        private const string HttpUsings = "using Amazon.CDK.AWS.Apigatewayv2;\nusing Amazon.CDK.AwsApigatewayv2Integrations;\n";

        /// <summary>
        /// HTTP APIs wait 30 s for an integration (REST APIs 29 s): the message quotes the limit of the API that invokes
        /// the function, and a 30 s function behind an HTTP API fits.
        /// </summary>
        [Theory, CdkVersions]
        public Task The_message_gives_the_http_api_limit_and_30_seconds_fit(CdkVersion version) => version == CdkVersion.V2_103
            ? Task.CompletedTask // HttpLambdaIntegration was an alpha module in 2.103
            : VerifyCS.Diagnostics(version, Stack($$"""
                        var http = new HttpApi(this, "Http");
                        var reportsProps = ReportsProps();
                        reportsProps.Timeout = {|#0:Duration.Seconds(45)|};
                        var reports = new Function(this, "Reports", reportsProps);
                        http.AddRoutes(new AddRoutesOptions { Path = "/reports", Integration = new HttpLambdaIntegration("ReportsIntegration", reports) });
                        var search = new Function(this, "Search", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(30) });
                        http.AddRoutes(new AddRoutesOptions { Path = "/search", Integration = new HttpLambdaIntegration("SearchIntegration", search) });
            """, $$"""
                    private static FunctionProps ReportsProps() => new FunctionProps { {{Fn}}, MemorySize = 1024 };
            """, HttpUsings),
            null,
            new DiagnosticResult("CDK3004", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("Function 'Reports' has a Timeout of 45 s, but an HTTP API stops waiting after 30 s: callers get a 504 while the function runs on; keep it at 30 s or less"));

        [Theory, CdkVersions]
        public Task An_http_api_only_function_is_clamped_to_30_seconds(CdkVersion version) => version == CdkVersion.V2_103
            ? Task.CompletedTask
            : VerifyCS.Fix(version,
                Stack($$"""
                            var http = new HttpApi(this, "Http");
                            var export = new Function(this, "Export", new FunctionProps { {{Fn}}, Timeout = {|CDK3004:Duration.Minutes(2)|} });
                            http.AddRoutes(new AddRoutesOptions { Path = "/export", Integration = new HttpLambdaIntegration("ExportIntegration", export) });
                """, extraUsings: HttpUsings),
                Stack($$"""
                            var http = new HttpApi(this, "Http");
                            var export = new Function(this, "Export", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(30) });
                            http.AddRoutes(new AddRoutesOptions { Path = "/export", Integration = new HttpLambdaIntegration("ExportIntegration", export) });
                """, extraUsings: HttpUsings),
                LambdaTimeoutExceedsTriggerFixerKeys.Clamp);

        /// <summary>Behind both kinds of API, the function must fit the shorter wait: the REST API's 29 s.</summary>
        [Theory, CdkVersions]
        public Task Behind_a_rest_and_an_http_api_the_rest_limit_applies(CdkVersion version)
        {
            if (version == CdkVersion.V2_103)
            {
                return Task.CompletedTask;
            }

            var test = new CdkTest<CdkLint.Rules.LambdaTimeoutExceedsTriggerAnalyzer, CdkLint.CodeFixes.Rules.LambdaTimeoutExceedsTriggerFixer>(version)
            {
                TestCode = Stack($$"""
                            var orders = new Function(this, "Orders", new FunctionProps { {{Fn}}, Timeout = {|#0:Duration.Seconds(30)|} });
                            new HttpApi(this, "Http").AddRoutes(new AddRoutesOptions { Path = "/orders", Integration = new HttpLambdaIntegration("OrdersHttp", orders) });
                            new RestApi(this, "Rest").Root.AddMethod("GET", new LambdaIntegration(orders));
                """, extraUsings: HttpUsings),
                FixedCode = Stack($$"""
                            var orders = new Function(this, "Orders", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(29) });
                            new HttpApi(this, "Http").AddRoutes(new AddRoutesOptions { Path = "/orders", Integration = new HttpLambdaIntegration("OrdersHttp", orders) });
                            new RestApi(this, "Rest").Root.AddMethod("GET", new LambdaIntegration(orders));
                """, extraUsings: HttpUsings),
                CodeActionEquivalenceKey = LambdaTimeoutExceedsTriggerFixerKeys.Clamp,
            };
            test.ExpectedDiagnostics.Add(new DiagnosticResult("CDK3004", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("Function 'Orders' has a Timeout of 30 s, but a REST API stops waiting after 29 s: callers get a 504 while the function runs on; keep it at 29 s or less"));
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task A_queue_shorter_than_its_function_gets_six_times_the_timeout_with_fix_all(CdkVersion version) => VerifyCS.Fix(version,
            Stack($$"""
                        var jobs = new Queue(this, "Jobs");
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(60) });
                        worker.AddEventSource({|CDK3004:new SqsEventSource(jobs)|});
                        new Function(this, "Slow", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(90), Events = new IEventSource[] { {|CDK3004:new SqsEventSource(jobs)|} } });
                        var orders = new Queue(this, "Orders", new QueueProps
                        {
                            VisibilityTimeout = Duration.Seconds(45),
                        });
                        var defaults = new Function(this, "Defaults", new FunctionProps { {{Fn}}, Timeout = Duration.Minutes(1) });
                        defaults.AddEventSource({|CDK3004:new SqsEventSource(orders, new SqsEventSourceProps { BatchSize = 5 })|});
            """),
            Stack($$"""
                        var jobs = new Queue(this, "Jobs", new QueueProps { VisibilityTimeout = Duration.Seconds(540) });
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(60) });
                        worker.AddEventSource(new SqsEventSource(jobs));
                        new Function(this, "Slow", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(90), Events = new IEventSource[] { new SqsEventSource(jobs) } });
                        var orders = new Queue(this, "Orders", new QueueProps
                        {
                            VisibilityTimeout = Duration.Seconds(360),
                        });
                        var defaults = new Function(this, "Defaults", new FunctionProps { {{Fn}}, Timeout = Duration.Minutes(1) });
                        defaults.AddEventSource(new SqsEventSource(orders, new SqsEventSourceProps { BatchSize = 5 }));
            """),
            LambdaTimeoutExceedsTriggerFixerKeys.Raise);

        [Theory, CdkVersions]
        public Task The_queue_message_gives_both_timeouts(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack($$"""
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}}, Timeout = Duration.Seconds(60) });
                        worker.AddEventSource({|#0:new SqsEventSource(new Queue(this, "Jobs"))|});
            """),
            null,
            new DiagnosticResult("CDK3004", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("Queue 'Jobs' has a visibility timeout of 30 s, shorter than the 60 s timeout of Function 'Worker': AWS rejects this event source mapping; set the queue's VisibilityTimeout to at least the function's timeout (AWS recommends six times it)"));

        [Theory, CdkVersions]
        public Task Queues_that_fit_or_are_out_of_view_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Stack($$"""
                        var small = new Function(this, "Small", new FunctionProps { {{Fn}} });
                        small.AddEventSource(new SqsEventSource(new Queue(this, "Default")));
                        var imported = Queue.FromQueueArn(this, "Imported", "arn:aws:sqs:us-east-1:123456789012:jobs");
                        var worker = new Function(this, "Worker", new FunctionProps { {{Fn}}, Timeout = Duration.Minutes(5) });
                        worker.AddEventSource(new SqsEventSource(imported));
                        worker.AddEventSource(new SqsEventSource(queue));
            """).Replace("public ServiceStack(Construct scope, string id)", "public ServiceStack(Construct scope, string id, IQueue queue)"));
    }

    internal static class LambdaTimeoutExceedsTriggerFixerKeys
    {
        public const string Clamp = CdkLint.CodeFixes.Rules.LambdaTimeoutExceedsTriggerFixer.ClampKey;
        public const string Raise = CdkLint.CodeFixes.Rules.LambdaTimeoutExceedsTriggerFixer.RaiseKey;
    }
}
