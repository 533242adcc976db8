using System.Linq;
using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CdkLint.Tests.Rules
{
    /// <summary>
    /// The AwsSolutions pack's relation rules (CDKN_APIG2, APIG4, COG4, EC23, IAM4, L1, S1, SQS3) on the three CDK
    /// versions, with the pack turned on as the AwsSolutions preset does, and off by default.
    /// </summary>
    public class PackRelationRulesTests
    {
        /// <summary>What the AwsSolutions preset writes: every pack rule on, as a warning.</summary>
        internal static readonly string PackOn = string.Join("\n", CdkLint.Pack.AwsSolutionsRules.All
            .Where(r => r.Coverage == CdkLint.Pack.Coverage.Pack)
            .Select(r => $"dotnet_diagnostic.{r.Id}.severity = warning"));

        private const string Api = "using Amazon.CDK.AWS.APIGateway;\nusing Amazon.CDK.AWS.Cognito;\n";

        /// <summary>Off unless turned on rule by rule: a category entry does not turn on rules that are off by default.</summary>
        [Theory, CdkVersions]
        public async Task Pack_rules_are_off_by_default(CdkVersion version)
        {
            var source = Code.StackWith(Api, """
                        var api = new RestApi(this, "Orders", new RestApiProps { CloudWatchRole = false });
                        api.Root.AddMethod("GET", new MockIntegration());
            """);
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, path: "/app/Stack.cs");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Off", new[] { tree }, CdkReferences.For(version), new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new CdkLint.CdkLintAnalyzer());
            var off = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(off, d => d.Id.StartsWith("CDKN_", System.StringComparison.Ordinal));

            var on = await compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new[] { new System.Collections.Generic.KeyValuePair<string, Microsoft.CodeAnalysis.ReportDiagnostic>("CDKN_APIG4", Microsoft.CodeAnalysis.ReportDiagnostic.Warn) }))
                .WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            Assert.Single(on, d => d.Id.StartsWith("CDKN_", System.StringComparison.Ordinal));
            Assert.Contains(on, d => d.Id == "CDKN_APIG4");
        }

        [Theory, CdkVersions]
        public Task A_method_without_authorization_is_reported_through_locals_and_resources(CdkVersion version) => Verify<CdkLint.Rules.ApiMethodAuthorizationAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Api, """
                        var api = new RestApi(this, "Orders", new RestApiProps { CloudWatchRole = false });
                        var items = api.Root.AddResource("items");
                        var item = items.AddResource("{id}");
                        {|CDKN_APIG4:{|CDKN_COG4:items.AddMethod("GET", new MockIntegration())|}|};
                        {|CDKN_APIG4:{|CDKN_COG4:item.AddMethod("DELETE", new MockIntegration(), new MethodOptions { AuthorizationType = AuthorizationType.NONE })|}|};
                        {|CDKN_COG4:item.AddMethod("PUT", new MockIntegration(), new MethodOptions { AuthorizationType = AuthorizationType.IAM })|};
                        item.AddMethod("OPTIONS", new MockIntegration());
            """), PackOn);

        [Theory, CdkVersions]
        public Task Authorization_inherited_from_resource_or_api_defaults_is_seen(CdkVersion version) => Verify<CdkLint.Rules.ApiMethodAuthorizationAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Api, """
                        var pool = new UserPool(this, "Users");
                        var cognito = new CognitoUserPoolsAuthorizer(this, "Auth", new CognitoUserPoolsAuthorizerProps { CognitoUserPools = new IUserPool[] { pool } });
                        var secured = new RestApi(this, "Secured", new RestApiProps { DefaultMethodOptions = new MethodOptions { Authorizer = cognito } });
                        secured.Root.AddResource("orders").AddMethod("GET", new MockIntegration());
                        var open = new RestApi(this, "Mixed");
                        var admin = open.Root.AddResource("admin", new ResourceOptions { DefaultMethodOptions = new MethodOptions { AuthorizationType = AuthorizationType.IAM } });
                        {|CDKN_COG4:admin.AddResource("users").AddMethod("GET", new MockIntegration())|};
                        open.Root.AddMethod("POST", new MockIntegration(), new MethodOptions { Authorizer = cognito });
            """), PackOn);

        [Theory, CdkVersions]
        public Task Methods_on_resources_from_elsewhere_are_quiet(CdkVersion version) => Verify<CdkLint.Rules.ApiMethodAuthorizationAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Api, """
                        AddRoutes(RestApi.FromRestApiAttributes(this, "Shared", new RestApiAttributes { RestApiId = "abc123", RootResourceId = "root1" }).Root);
            """, members: """
                    private static void AddRoutes(Amazon.CDK.AWS.APIGateway.IResource parent)
                    {
                        parent.AddMethod("GET", new MockIntegration());
                    }
            """), PackOn);

        [Theory, CdkVersions]
        public Task A_lambda_rest_api_with_proxy_is_judged_at_the_api(CdkVersion version) => Verify<CdkLint.Rules.ApiMethodAuthorizationAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Api + "using Amazon.CDK.AWS.Lambda;\n", """
                        var handler = Function.FromFunctionName(this, "Handler", "orders");
                        {|CDKN_APIG4:{|CDKN_COG4:new LambdaRestApi(this, "Proxy", new LambdaRestApiProps { Handler = handler })|}|};
                        new LambdaRestApi(this, "NoProxy", new LambdaRestApiProps { Handler = handler, Proxy = false });
                        {|CDKN_COG4:new LambdaRestApi(this, "Signed", new LambdaRestApiProps { Handler = handler, DefaultMethodOptions = new MethodOptions { AuthorizationType = AuthorizationType.IAM } })|};
            """), PackOn);

        [Theory, CdkVersions]
        public Task Request_validation_is_found_on_the_api(CdkVersion version) => Verify<CdkLint.Rules.RestApiRequestValidationAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith(Api, """
                        {|CDKN_APIG2:new RestApi(this, "Bare")|};
                        var checkedApi = new RestApi(this, "Checked");
                        checkedApi.AddRequestValidator("All", new RequestValidatorOptions { ValidateRequestBody = true, ValidateRequestParameters = true });
                        var separate = new RestApi(this, "Separate");
                        var validator = new RequestValidatorProps { RestApi = separate, ValidateRequestBody = true };
                        validator.ValidateRequestParameters = true;
                        new RequestValidator(this, "SeparateValidator", validator);
                        var half = {|CDKN_APIG2:new RestApi(this, "Half")|};
                        half.AddRequestValidator("Body", new RequestValidatorOptions { ValidateRequestBody = true });
            """), PackOn);

        [Theory, CdkVersions]
        public Task Default_roles_and_named_aws_policies_are_reported_once_each(CdkVersion version) => Verify<CdkLint.Rules.ManagedPolicyAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.IAM;\nusing Amazon.CDK.AWS.Lambda;\n", """
                        foreach (var name in new[] { "a", "b" })
                        {
                            {|CDKN_IAM4:new Function(this, "Worker" + name, new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return None\n") })|};
                        }

                        var role = new Role(this, "Ops", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        role.AddManagedPolicy({|CDKN_IAM4:ManagedPolicy.FromAwsManagedPolicyName("ReadOnlyAccess")|});
                        role.AddManagedPolicy({|CDKN_IAM4:ManagedPolicy.FromManagedPolicyArn(this, "Admin", "arn:aws:iam::aws:policy/AdministratorAccess")|});
                        role.AddManagedPolicy(ManagedPolicy.FromManagedPolicyName(this, "Team", "team-boundary"));
                        new Function(this, "OwnRole", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return None\n"), Role = role });
            """), PackOn);

        [Theory, CdkVersions]
        public Task A_rest_api_cloudwatch_role_follows_the_feature_flag(CdkVersion version)
        {
            var source = Code.StackWith("using Amazon.CDK.AWS.APIGateway;\n", """
                        {|CDKN_IAM4:new RestApi(this, "Default")|};
                        new RestApi(this, "Off", new RestApiProps { CloudWatchRole = false });
                        new RestApi(this, "On", new RestApiProps { CloudWatchRole = {|CDKN_IAM4:true|} });
            """);
            return Verify<CdkLint.Rules.ManagedPolicyAnalyzer, EmptyCodeFixProvider>.Diagnostics(version, source, PackOn);
        }

        [Theory, CdkVersions]
        public Task The_disable_cloudwatch_role_flag_silences_the_default(CdkVersion version)
        {
            var test = new CdkTest<CdkLint.Rules.ManagedPolicyAnalyzer, EmptyCodeFixProvider>(version)
            {
                TestCode = Code.StackWith("using Amazon.CDK.AWS.APIGateway;\n", """
                        new RestApi(this, "Default");
                        new RestApi(this, "On", new RestApiProps { CloudWatchRole = {|CDKN_IAM4:true|} });
            """),
            };
            test.WithEditorConfig(PackOn).WithCdkJson("""{ "app": "dotnet run", "context": { "@aws-cdk/aws-apigateway:disableCloudWatchRole": true } }""");
            return test.RunAsync();
        }

        [Theory, CdkVersions]
        public Task Buckets_log_or_are_a_log_destination(CdkVersion version) => Verify<CdkLint.Rules.PackDataRulesAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.S3;\n", """
                        {|CDKN_S1:new Bucket(this, "Bare")|};
                        var logs = new Bucket(this, "Logs");
                        var dataProps = new BucketProps { Versioned = true };
                        dataProps.ServerAccessLogsBucket = logs;
                        new Bucket(this, "Data", dataProps);
                        new Bucket(this, "SelfLogged", new BucketProps { ServerAccessLogsPrefix = "access/" });
                        new Bucket(this, "Configured", Props());
            """, members: """
                    private static BucketProps Props() => new BucketProps { ServerAccessLogsPrefix = "logs/" };
            """), PackOn);

        [Theory, CdkVersions]
        public Task Origins_on_the_stacks_own_buckets_want_origin_access_control(CdkVersion version) => Verify<CdkLint.Rules.S3OriginAccessAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.S3;\nusing Amazon.CDK.AWS.CloudFront;\n", """
                        var site = new Bucket(this, "Site");
                        var shared = Bucket.FromBucketName(this, "Shared", "shared-assets");
                        var web = new Bucket(this, "Web", new BucketProps { WebsiteIndexDocument = "index.html" });
                        new CloudFrontWebDistribution(this, "Legacy", new CloudFrontWebDistributionProps { OriginConfigs = new[] { new SourceConfiguration { S3OriginSource = new S3OriginConfig { {|CDKN_CFR7:S3BucketSource = site|} }, Behaviors = new[] { new Behavior { IsDefaultBehavior = true } } } } });
                        new CloudFrontWebDistribution(this, "Imported", new CloudFrontWebDistributionProps { OriginConfigs = new[] { new SourceConfiguration { S3OriginSource = new S3OriginConfig { S3BucketSource = shared }, Behaviors = new[] { new Behavior { IsDefaultBehavior = true } } } } });
                        new CloudFrontWebDistribution(this, "Website", new CloudFrontWebDistributionProps { OriginConfigs = new[] { new SourceConfiguration { S3OriginSource = new S3OriginConfig { S3BucketSource = web }, Behaviors = new[] { new Behavior { IsDefaultBehavior = true } } } } });
            """), PackRelationRulesTests.PackOn);

        [Theory, CdkVersions]
        public Task Idle_queues_want_a_dead_letter_queue_too(CdkVersion version) => Verify<CdkLint.Rules.QueueWithoutDeadLetterQueueAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.SQS;\n", """
                        {|CDKN_SQS3:new Queue(this, "Idle")|};
                        var failed = new Queue(this, "Failed");
                        new Queue(this, "Work", new QueueProps { DeadLetterQueue = new DeadLetterQueue { Queue = failed, MaxReceiveCount = 5 } });
            """), PackOn);

        [Theory, CdkVersions]
        public Task Web_ports_and_open_listeners_are_the_packs_ssh_is_cdk2008s(CdkVersion version) => Verify<CdkLint.Rules.SecurityGroupOpenToInternetAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.ElasticLoadBalancingV2;\n", """
                        var vpc = Vpc.FromLookup(this, "Net", new VpcLookupOptions { IsDefault = true });
                        var sg = new SecurityGroup(this, "Web", new SecurityGroupProps { Vpc = vpc });
                        {|CDKN_EC23:sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(443))|};
                        {|CDK2008:sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22))|};
                        sg.AddIngressRule(Peer.Ipv4("10.0.0.0/8"), Port.Tcp(8080));
                        var lb = new ApplicationLoadBalancer(this, "Lb", new ApplicationLoadBalancerProps { Vpc = vpc });
                        {|CDKN_EC23:lb.AddListener("Http", new BaseApplicationListenerProps { Port = 80 })|};
                        lb.AddListener("Internal", new BaseApplicationListenerProps { Port = 8080, Open = false });
            """), PackOn);

        [Theory, CdkVersions]
        public Task Older_runtimes_of_a_family_are_reported_the_newest_is_not(CdkVersion version) => Verify<CdkLint.Rules.DeprecatedLambdaRuntimeAnalyzer, EmptyCodeFixProvider>.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.Lambda;\n", """
                        var oldProps = new FunctionProps { Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return None\n"), Runtime = {|CDKN_L1:Runtime.PYTHON_3_10|} };
                        new Function(this, "Old", oldProps);
                        new Function(this, "Latest", new FunctionProps { Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => 1;"), Runtime = Runtime.NODEJS_LATEST });
                        new Function(this, "Image", new FunctionProps { Handler = "FROM_IMAGE", Code = Code.FromEcrImage(Amazon.CDK.AWS.ECR.Repository.FromRepositoryName(this, "Repo", "app")), Runtime = Runtime.FROM_IMAGE });
            """), PackOn);
    }
}
