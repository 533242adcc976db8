using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.HardcodedSensitiveValueAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CdkLint.Tests.Rules
{
    public class HardcodedSensitiveValueTests
    {
        private const string Handler = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src")""";

        [Theory, CdkVersions]
        public Task Credentials_and_emails_in_lambda_environments(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        var fn = new Function(this, "Payments", new FunctionProps
                        {
                            {{Handler}},
                            Environment = new Dictionary<string, string>
                            {
                                ["PAYMENT_API_KEY"] = {|CDK2005:"sk_live_51H8x2bQ9vZ3kLmN0pQrStUv"|},
                                ["ADMIN_EMAIL"] = {|CDK2005:"jane.doe@example-shop.com"|},
                                ["LEGACY"] = {|CDK2005:"AKIAIOSFODNN7EXAMPLE"|},
                            },
                        });
                        new Function(this, "Db", new FunctionProps
                        {
                            {{Handler}},
                            Environment = new Dictionary<string, string> { { "DB_PASSWORD", {|CDK2005:"Tr0ub4dor&3"|} }, { "DB_HOST", "db.internal" } },
                        });
                        fn.AddEnvironment("GITHUB_TOKEN", {|CDK2005:"ghp_16C7e42F292c6912E7710c838347Ae178B4a"|});
            """));

        [Theory, CdkVersions]
        public Task Subscriptions_secret_values_and_api_keys(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.SNS.Subscriptions;\nusing Amazon.CDK.AWS.APIGateway;\n", """
                        topic.AddSubscription(new EmailSubscription({|CDK2005:"ops-oncall@example-shop.com"|}));
                        topic.AddSubscription(new EmailSubscription(address));
                        var secret = SecretValue.UnsafePlainText({|CDK2005:"hunter2-but-longer"|});
                        api.AddApiKey("Key", new ApiKeyOptions { Value = {|CDK2005:"d41d8cd98f00b204e9800998ecf8427e"|} });
            """, parameters: ", Topic topic, string address, RestApi api"));

        [Theory, CdkVersions]
        public Task Configuration_references_and_tokens_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.SecretsManager;\n", $$"""
                        var dbSecret = new Secret(this, "Db", new SecretProps { SecretName = "shop-db-credentials" });
                        var table = new Amazon.CDK.AWS.DynamoDB.Table(this, "T", new Amazon.CDK.AWS.DynamoDB.TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = Amazon.CDK.AWS.DynamoDB.AttributeType.STRING } });
                        new Function(this, "Quiet", new FunctionProps
                        {
                            {{Handler}},
                            Environment = new Dictionary<string, string>
                            {
                                ["TOKEN_TTL"] = "3600",
                                ["TOKEN_LIFETIME"] = "15m",
                                ["LOG_LEVEL"] = "INFO",
                                ["SECRET_ARN"] = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
                                ["API_KEY_PARAM"] = "/shop/payments/api-key",
                                ["DB_SECRET"] = "shop-db-credentials",
                                ["USE_TOKEN"] = "true",
                                ["TOKEN_MODE"] = "strict",
                                ["NOTIFICATIONS_FROM"] = "no-reply@example-shop.com",
                                ["TABLE_NAME"] = table.TableName,
                                ["API_TOKEN"] = token,
                                ["PASSWORD"] = "",
                            },
                        });
            """, parameters: ", string token"));

        [Theory, CdkVersions]
        public Task Dictionaries_built_in_a_local_and_shared(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        var env = new Dictionary<string, string> { ["API_KEY"] = {|CDK2005:"sk_live_51H8x2bQ9vZ3kLmN0pQrStUv"|}, ["LOG_LEVEL"] = "INFO" };
                        env["DB_PASSWORD"] = {|CDK2005:"Tr0ub4dor&3-longer"|};
                        env.Add("ADMIN_EMAIL", {|CDK2005:"jane.doe@example-shop.com"|});
                        env.Add("TABLE_NAME", "products");
                        new Function(this, "A", new FunctionProps { {{Handler}}, Environment = env });
                        new Function(this, "B", new FunctionProps { {{Handler}}, Environment = env });
                        var other = new Dictionary<string, string> { { "SERVICE_TOKEN", {|CDK2005:"tok_9f8e7d6c5b4a39281706"|} } };
                        var fnProps = new FunctionProps { {{Handler}} };
                        fnProps.Environment = other;
                        new Function(this, "C", fnProps);
                        var unused = new Dictionary<string, string> { ["API_KEY"] = "sk_live_never_reaches_a_function_1234" };
            """));

        [Theory, CdkVersions]
        public Task Dictionaries_from_a_helper(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack($$"""
                        new Function(this, "A", new FunctionProps { {{Handler}}, Environment = SharedEnvironment() });
            """, """
                    private static Dictionary<string, string> SharedEnvironment() => new Dictionary<string, string> { ["API_KEY"] = {|CDK2005:"sk_live_51H8x2bQ9vZ3kLmN0pQrStUv"|} };
            """));

        [Theory, CdkVersions]
        public Task Container_task_image_and_codebuild_variables(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.ECS;\nusing Amazon.CDK.AWS.ECS.Patterns;\nusing Amazon.CDK.AWS.CodeBuild;\n", """
                        var task = new FargateTaskDefinition(this, "Task");
                        task.AddContainer("Web", new ContainerDefinitionOptions
                        {
                            Image = ContainerImage.FromRegistry("nginx"),
                            Environment = new Dictionary<string, string> { ["STRIPE_API_KEY"] = {|CDK2005:"sk_live_51H8x2bQ9vZ3kLmN0pQrStUv"|}, ["PORT"] = "8080" },
                        });
                        var shared = new Dictionary<string, string> { ["DB_PASSWORD"] = {|CDK2005:"Tr0ub4dor&3-longer"|} };
                        new ApplicationLoadBalancedFargateService(this, "Api", new ApplicationLoadBalancedFargateServiceProps
                        {
                            TaskImageOptions = new ApplicationLoadBalancedTaskImageOptions { Image = ContainerImage.FromRegistry("api"), Environment = shared },
                        });
                        new PipelineProject(this, "Build", new PipelineProjectProps
                        {
                            EnvironmentVariables = new Dictionary<string, IBuildEnvironmentVariable>
                            {
                                ["NPM_TOKEN"] = new BuildEnvironmentVariable { Value = {|CDK2005:"npm_9f8e7d6c5b4a39281706abcdef"|} },
                                ["SONAR_TOKEN"] = new BuildEnvironmentVariable { Value = {|CDK2005:"sqp_0123456789abcdef0123"|}, Type = BuildEnvironmentVariableType.PLAINTEXT },
                                ["GITHUB_TOKEN"] = new BuildEnvironmentVariable { Value = "ci/github-token", Type = BuildEnvironmentVariableType.SECRETS_MANAGER },
                                ["DOCKER_PASSWORD"] = new BuildEnvironmentVariable { Value = "/ci/docker-password", Type = BuildEnvironmentVariableType.PARAMETER_STORE },
                                ["STAGE"] = new BuildEnvironmentVariable { Value = "prod" },
                            },
                        });
            """));
    }
}
