using System.Threading.Tasks;
using CdkLint.CodeFixes.Rules;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.LambdaLogsKeptForeverAnalyzer, CdkLint.CodeFixes.Rules.LambdaLogsKeptForeverFixer>;

namespace CdkLint.Tests.Rules
{
    public class LambdaLogsKeptForeverTests
    {
        private const string Handler = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src")""";

        /// <summary>2.103 has no LogGroup prop on functions: the fix sets LogRetention there.</summary>
        private static bool HasLogGroupProp(CdkVersion version) => version != CdkVersion.V2_103;

        [Theory, CdkVersions]
        public Task Inline_props_get_a_log_group_in_the_same_scope(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        var fn = {|CDK4002:new Function(this, "Orders", new FunctionProps
                        {
                            {{Handler}},
                        })|};
            """),
            Code.Stack($$"""
                        var fn = new Function(this, "Orders", new FunctionProps
                        {
                            {{Handler}},
                            {{(HasLogGroupProp(version)
                                ? "LogGroup = new LogGroup(this, \"OrdersLogs\", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }),"
                                : "LogRetention = RetentionDays.ONE_MONTH,")}}
                        });
            """));

        [Theory, CdkVersions]
        public Task Functions_sharing_one_props_local_each_get_their_own_log_group(CdkVersion version)
        {
            const string Defaults = $$"""
                    private static FunctionProps Defaults() => new FunctionProps { {{Handler}} };
            """;
            var source = Code.Stack("""
                        var shared = Defaults();
                        shared.MemorySize = 256;
                        {|CDK4002:new Function(this, id + "List", shared)|};
                        {|CDK4002:new Function(this, id + "Get", shared)|};
            """, Defaults);
            if (!HasLogGroupProp(version))
            {
                return VerifyCS.Fix(version, source, Code.Stack("""
                        var shared = Defaults();
                        shared.MemorySize = 256;
                        new Function(this, id + "List", shared);
                        new Function(this, id + "Get", shared);
            """, Defaults.Replace("Code.FromAsset(\"src\") }", "Code.FromAsset(\"src\"), LogRetention = RetentionDays.ONE_MONTH }")));
            }

            // One at a time, the first fix also gives the second function (same props object) a log group with a
            // retention, which settles its finding; Fix All gives each function its own.
            return VerifyCS.Fix(
                version,
                source,
                Code.Stack("""
                        var shared = Defaults();
                        shared.MemorySize = 256;
                        shared.LogGroup = new LogGroup(this, (id + "List") + "Logs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
                        new Function(this, id + "List", shared);
                        new Function(this, id + "Get", shared);
            """, Defaults),
                batchFixedSource: Code.Stack("""
                        var shared = Defaults();
                        shared.MemorySize = 256;
                        shared.LogGroup = new LogGroup(this, (id + "List") + "Logs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
                        new Function(this, id + "List", shared);
                        shared.LogGroup = new LogGroup(this, (id + "Get") + "Logs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
                        new Function(this, id + "Get", shared);
            """, Defaults));
        }

        [Theory, CdkVersions]
        public Task Retention_option_in_days(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack($$"""
                        {|CDK4002:new Function(this, "Orders", new FunctionProps { {{Handler}} })|};
            """),
            Code.Stack($$"""
                        new Function(this, "Orders", new FunctionProps { {{Handler}}, {{(HasLogGroupProp(version)
                            ? "LogGroup = new LogGroup(this, \"OrdersLogs\", new LogGroupProps { Retention = RetentionDays.THREE_MONTHS })"
                            : "LogRetention = RetentionDays.THREE_MONTHS")}} });
            """),
            editorConfig: "cdklint.CDK4002.retention_days = 90");

        [Theory, CdkVersions]
        public async Task No_fix_for_a_retention_cloudwatch_does_not_offer(CdkVersion version)
        {
            var source = Code.Stack($$"""
                        {|CDK4002:new Function(this, "Orders", new FunctionProps { {{Handler}} })|};
            """);
            await VerifyCS.Fix(version, source, source, editorConfig: "cdklint.CDK4002.retention_days = 45");
        }

        [Theory, CdkVersions]
        public Task Functions_with_retention_or_a_log_group_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
            #pragma warning disable CS0618
                        new Function(this, "A", new FunctionProps { {{Handler}}, LogRetention = RetentionDays.ONE_WEEK });
                        new Function(this, "B", new FunctionProps { {{Handler}}, LogRetention = RetentionDays.INFINITE });
                        new Function(this, "C", shared);
            """, parameters: ", FunctionProps shared"));

        [Theory, CdkVersions]
        public Task Classic_aws_lambda_log_group_by_constant_name_or_function_name(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        new Function(this, "Named", new FunctionProps { {{Handler}}, FunctionName = "orders-api" });
                        new LogGroup(this, "NamedLogs", new LogGroupProps { LogGroupName = "/aws/lambda/orders-api", Retention = RetentionDays.ONE_MONTH });

                        var worker = new Function(this, "Worker", new FunctionProps { {{Handler}} });
                        new LogGroup(this, "WorkerLogs", new LogGroupProps { LogGroupName = "/aws/lambda/" + worker.FunctionName });

                        var other = {|CDK4002:new Function(this, "Other", new FunctionProps { {{Handler}} })|};
                        new LogGroup(this, "Unrelated", new LogGroupProps { LogGroupName = $"/aws/lambda/{worker.FunctionName}" });
            """));

        [Theory, CdkVersions]
        public Task A_low_level_log_group_with_a_retention_sets_the_functions_retention(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        var api = new Function(this, "Api", new FunctionProps { {{Handler}} });
                        var apiLogs = new CfnLogGroupProps
                        {
                            LogGroupName = $"/aws/lambda/{api.FunctionName}",
                            RetentionInDays = 14,
                        };
                        new CfnLogGroup(this, "ApiLogs", apiLogs);

                        new Function(this, "Billing", new FunctionProps { {{Handler}}, FunctionName = BillingName });
                        new CfnLogGroup(this, "BillingLogs", BillingLogs());
            """, """
                    private const string BillingName = "billing-worker";

                    private static CfnLogGroupProps BillingLogs() => new CfnLogGroupProps { LogGroupName = "/aws/lambda/" + BillingName, RetentionInDays = 90 };
            """));

        [Theory, CdkVersions]
        public Task A_low_level_log_group_without_a_retention_keeps_the_logs_forever(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        var api = {|CDK4002:new Function(this, "Api", new FunctionProps { {{Handler}} })|};
                        new CfnLogGroup(this, "ApiLogs", new CfnLogGroupProps { LogGroupName = "/aws/lambda/" + api.FunctionName });

                        {|CDK4002:new Function(this, "Billing", new FunctionProps { {{Handler}}, FunctionName = "billing-worker" })|};
                        var billingLogs = new CfnLogGroupProps();
                        billingLogs.LogGroupName = "/aws/lambda/billing-worker";
                        new CfnLogGroup(this, "BillingLogs", billingLogs);

                        {|CDK4002:new Function(this, "Other", new FunctionProps { {{Handler}}, FunctionName = "other-worker" })|};
                        new CfnLogGroup(this, "UnrelatedLogs", new CfnLogGroupProps { LogGroupName = "/aws/lambda/billing-worker-2", RetentionInDays = 7 });
            """));

        [Fact]
        public Task Cdk_managed_log_groups_on_new_cdk_are_quiet()
        {
            var test = new CdkTest<LambdaLogsKeptForeverAnalyzer, LambdaLogsKeptForeverFixer>(CdkVersion.V2_277)
            {
                TestCode = Code.Stack($$"""
                        new Function(this, "Orders", new FunctionProps { {{Handler}} });
            """),
            };
            test.WithCdkJson("""{ "app": "dotnet run", "context": { "@aws-cdk/aws-lambda:useCdkManagedLogGroup": true } }""");
            return test.RunAsync();
        }

        [Theory]
        [InlineData(CdkVersion.V2_160, "true")]
        [InlineData(CdkVersion.V2_277, "false")]
        public Task The_flag_counts_only_where_cdk_has_it_and_only_when_on(CdkVersion version, string flag)
        {
            var test = new CdkTest<LambdaLogsKeptForeverAnalyzer, LambdaLogsKeptForeverFixer>(version)
            {
                TestCode = Code.Stack($$"""
                        {|CDK4002:new Function(this, "Orders", new FunctionProps { {{Handler}} })|};
            """),
            };
            test.WithCdkJson($$"""{ "context": { "@aws-cdk/aws-lambda:useCdkManagedLogGroup": {{flag}} } }""");
            return test.RunAsync();
        }
    }
}
