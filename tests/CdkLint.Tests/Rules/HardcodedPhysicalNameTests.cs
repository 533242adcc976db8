using System.Threading.Tasks;
using CdkLint.CodeFixes.Rules;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.HardcodedPhysicalNameAnalyzer, CdkLint.CodeFixes.Rules.HardcodedPhysicalNameFixer>;

namespace CdkLint.Tests.Rules
{
    public class HardcodedPhysicalNameTests
    {
        private const string Remove = HardcodedPhysicalNameFixer.RemoveKey;
        private const string Suffix = HardcodedPhysicalNameFixer.SuffixKey;

        [Theory, CdkVersions]
        public Task Remove_names_from_initializers_and_statements(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        var table = new Table(this, "Products", new TableProps
                        {
                            TableName = {|CDK1001:"products"|},
                            PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }
                        });
                        var bucketProps = new BucketProps { Versioned = true };
                        bucketProps.BucketName = {|CDK1001:"ecommerce-product-images"|};
                        new Bucket(this, "Images", bucketProps);
                        new Topic(this, "Alerts", new TopicProps { DisplayName = "Alerts", TopicName = {|CDK1001:"alerts"|} });
                        // The same text as a call argument (a path, a construct id) is no second use of the name.
                        new Amazon.CDK.AWS.APIGateway.RestApi(this, "Api").Root.AddResource("products").AddMethod("GET");
                        new Queue(this, "products");
            """),
            Code.Stack("""
                        var table = new Table(this, "Products", new TableProps
                        {
                            PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }
                        });
                        var bucketProps = new BucketProps { Versioned = true };
                        new Bucket(this, "Images", bucketProps);
                        new Topic(this, "Alerts", new TopicProps { DisplayName = "Alerts" });
                        // The same text as a call argument (a path, a construct id) is no second use of the name.
                        new Amazon.CDK.AWS.APIGateway.RestApi(this, "Api").Root.AddResource("products").AddMethod("GET");
                        new Queue(this, "products");
            """),
            Remove);

        [Theory, CdkVersions]
        public Task Suffix_for_s3_is_lower_case_and_uses_the_stage_parameter(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Bucket(this, "Images", new BucketProps { BucketName = {|CDK1001:"Product-Images"|} });
                            new Table(this, "Products", new TableProps { TableName = {|CDK1001:"products"|}, PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING } });
                """,
                parameters: ", string stageName"),
            Code.Stack(
                """
                            new Bucket(this, "Images", new BucketProps { BucketName = $"product-images-{stageName.ToLowerInvariant()}" });
                            new Table(this, "Products", new TableProps { TableName = $"products-{stageName}", PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING } });
                """,
                parameters: ", string stageName"),
            Suffix);

        [Theory, CdkVersions]
        public Task Long_s3_names_leave_room_for_the_suffix(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Bucket(this, "Images", new BucketProps { BucketName = {|CDK1001:"a-very-long-bucket-name-for-product-images-of-the-shop-0123456789"|} });
                """,
                members: """
                        private string EnvironmentSuffix { get; } = "dev";
                """),
            Code.Stack(
                """
                            new Bucket(this, "Images", new BucketProps { BucketName = $"a-very-long-bucket-name-for-product-images-of-the-s-{EnvironmentSuffix.ToLowerInvariant()}" });
                """,
                members: """
                        private string EnvironmentSuffix { get; } = "dev";
                """),
            Suffix);

        [Theory, CdkVersions]
        public Task Fifo_queue_keeps_its_ending_and_is_never_unnamed(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Queue(this, "Orders", new QueueProps { Fifo = true, QueueName = {|CDK1001:"orders.fifo"|} });
                """,
                parameters: ", string stage"),
            Code.Stack(
                """
                            new Queue(this, "Orders", new QueueProps { Fifo = true, QueueName = $"orders-{stage}.fifo" });
                """,
                parameters: ", string stage"),
            Suffix);

        [Theory, CdkVersions]
        public Task Fifo_queue_offers_no_removal(CdkVersion version)
        {
            var source = Code.Stack("""
                        new Queue(this, "Orders", new QueueProps { QueueName = {|CDK1001:"orders.fifo"|} });
                        new Amazon.CDK.AWS.KMS.Alias(this, "Alias", new Amazon.CDK.AWS.KMS.AliasProps { AliasName = {|CDK1001:"alias/orders"|}, TargetKey = new Amazon.CDK.AWS.KMS.Key(this, "Key") });
                        // Removing the only read of a local would leave it unused (CS0219).
                        var jobsQueue = "jobs";
                        new Queue(this, "Jobs", new QueueProps { QueueName = {|CDK1001:jobsQueue|} });
                        // The same literal used again (here: an output other code may read).
                        new Table(this, "Orders", new TableProps { TableName = {|CDK1001:"orders"|}, PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING } });
                        new CfnOutput(this, "OrdersTable", new CfnOutputProps { Value = "orders" });
            """);
            return VerifyCS.Fix(version, source, source, Remove);
        }

        [Theory, CdkVersions]
        public Task A_const_is_no_environment_suffix(CdkVersion version)
        {
            var source = Code.Stack(
                """
                            new Queue(this, "Jobs", new QueueProps { QueueName = {|CDK1001:"jobs"|} });
                """,
                """
                        private const string Stage = "dev";
                """);
            return VerifyCS.Fix(version, source, source, Suffix);
        }

        [Theory, CdkVersions]
        public Task Props_reached_through_options_interfaces(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        new LazyRole(this, "Lazy", new LazyRoleProps { RoleName = {|CDK1001:"shop-lazy"|}, AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        new Amazon.CDK.AWS.RDS.DatabaseSecret(this, "Db", new Amazon.CDK.AWS.RDS.DatabaseSecretProps { Username = "admin", SecretName = {|CDK1001:"shop-db"|} });
            """));

        [Theory, CdkVersions]
        public Task Function_family_through_IFunctionOptions(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack("""
                        new Function(this, "List", new FunctionProps
                        {
                            FunctionName = {|CDK1001:"ecommerce-list-products"|},
                            Runtime = Runtime.PYTHON_3_11,
                            Handler = "index.handler",
                            Code = Code.FromInline("def handler(e, c):\n    return 1\n"),
                        });
                        new SingletonFunction(this, "Once", new SingletonFunctionProps
                        {
                            Uuid = "5b7e6f1c-7d0b-4a51-9d2c-7f0e7b1d1a11",
                            FunctionName = {|CDK1001:"ecommerce-once"|},
                            Runtime = Runtime.PYTHON_3_11,
                            Handler = "index.handler",
                            Code = Code.FromInline("def handler(e, c):\n    return 1\n"),
                        });
                        new Amazon.CDK.AWS.Lambda.Nodejs.NodejsFunction(this, "Node", new Amazon.CDK.AWS.Lambda.Nodejs.NodejsFunctionProps { FunctionName = {|CDK1001:"ecommerce-node"|} });
            """));

        [Theory, CdkVersions]
        public Task Every_kind_of_constant_counts(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                            const string prefix = "shop";
                            var queueName = prefix + "-jobs";
                            new Queue(this, "A", new QueueProps { QueueName = {|CDK1001:queueName|} });
                            new Queue(this, "B", new QueueProps { QueueName = {|CDK1001:$"{prefix}-{Suffix}"|} });
                            new Queue(this, "C", new QueueProps { QueueName = {|CDK1001:ReadonlyName|} });
                            new Queue(this, "D", new QueueProps { QueueName = {|CDK1001:StaticName|} });
                            new Role(this, "R", new RoleProps { RoleName = {|CDK1001:"shop-" + "role"|}, AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                            new LogGroup(this, "L", new LogGroupProps { LogGroupName = {|CDK1001:"/shop/audit"|} });
                """,
                """
                        private const string Suffix = "a";
                        private readonly string ReadonlyName = "shop-readonly";
                        private static readonly string StaticName = "shop-static";
                """));

        [Theory, CdkVersions]
        public Task Quiet_cases(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                            // Display names and lookup names.
                            new Amazon.CDK.AWS.APIGateway.RestApi(this, "Api", new Amazon.CDK.AWS.APIGateway.RestApiProps { RestApiName = "ecommerce-api", Description = "Shop API" });
                            new Amazon.CDK.AWS.SSM.StringParameter(this, "P", new Amazon.CDK.AWS.SSM.StringParameterProps { ParameterName = "/shop/config", StringValue = "x" });
                            // Tokens, parameters, non-constant values.
                            new Bucket(this, "A", new BucketProps { BucketName = $"{Aws.ACCOUNT_ID}-images" });
                            new Bucket(this, "B", new BucketProps { BucketName = Stack.Of(this).StackName.ToLowerInvariant() + "-b" });
                            new Table(this, "T", new TableProps { TableName = id + "-products", PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING } });
                            var name = "first";
                            name = (string)Node.TryGetContext("queue") ?? name;
                            new Queue(this, "Q", new QueueProps { QueueName = name });
                            new Queue(this, "Q2", new QueueProps { QueueName = CtorName });
                            // A name that points at an existing resource, not the one being created.
                            LogGroup.FromLogGroupName(this, "Existing", "/aws/lambda/legacy");
                            new Amazon.CDK.AWS.KinesisFirehose.CfnDeliveryStream.CloudWatchLoggingOptionsProperty { LogGroupName = "/firehose/shop", Enabled = true };
                """,
                """
                        private readonly string CtorName = "default";

                        public AppStack(Construct scope, string id, string queueName) : base(scope, id)
                        {
                            CtorName = queueName;
                        }
                """));

        // The reuse check searches the file's text before it walks the type's tokens. Inline code with `\n` puts a
        // backslash in the type, so the walk decides; code from an asset leaves the decision to the search. Both must
        // see every reuse (a const read twice, a function name and its log group, a literal assigned again).
        [Theory, CdkVersions]
        public Task A_name_used_elsewhere_gets_no_fix(CdkVersion version) => NoFixForReusedNames(version, "Code.FromInline(\"def handler(e, c):\\n    return 1\\n\")");

        [Theory, CdkVersions]
        public Task A_name_used_elsewhere_is_found_by_the_text_search(CdkVersion version) => NoFixForReusedNames(version, "Code.FromAsset(\"src\")");

        private static Task NoFixForReusedNames(CdkVersion version, string code)
        {
            var source = Code.Stack(
                $$"""
                            var table = new Table(this, "T", new TableProps { TableName = {|CDK1001:ProductsTable|}, PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING } });
                            new Function(this, "F", new FunctionProps
                            {
                                FunctionName = {|CDK1001:"shop-list"|},
                                Runtime = Runtime.PYTHON_3_11,
                                Handler = "index.handler",
                                Code = {{code}},
                                Environment = new Dictionary<string, string> { ["TABLE"] = ProductsTable },
                            });
                            new LogGroup(this, "FLogs", new LogGroupProps { LogGroupName = {|CDK1001:"/aws/lambda/shop-list"|}, Retention = RetentionDays.ONE_MONTH });
                            new Queue(this, "Q", new QueueProps { QueueName = {|CDK1001:"orders"|} });
                            new CfnOutput(this, "QueueName", new CfnOutputProps { Value = "orders" });
                """,
                """
                        private const string ProductsTable = "products";
                """,
                parameters: ", string stage");
            return VerifyCS.Fix(version, source, source, Suffix);
        }

        [Theory, CdkVersions]
        public Task A_name_spelled_with_an_escape_elsewhere_is_still_a_reuse(CdkVersion version)
        {
            var source = Code.Stack(
                """
                            new Queue(this, "Q", new QueueProps { QueueName = {|CDK1001:"orders"|} });
                            new CfnOutput(this, "QueueName", new CfnOutputProps { Value = "ord\u0065rs" });
                """,
                parameters: ", string stage");
            return VerifyCS.Fix(version, source, source, Suffix);
        }

        [Theory, CdkVersions]
        public Task Text_that_only_contains_the_name_is_no_reuse(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Queue(this, "Q", new QueueProps { QueueName = {|CDK1001:"orders"|} });
                            // orders: a comment, a longer literal and an identifier that contain the name do not use it.
                            new CfnOutput(this, "QueueName", new CfnOutputProps { Value = "orders-archive", Description = nameof(ordersCount) });
                """,
                members: """
                        private int ordersCount = 0;
                """,
                parameters: ", string stage"),
            Code.Stack(
                """
                            new Queue(this, "Q", new QueueProps { QueueName = $"orders-{stage}" });
                            // orders: a comment, a longer literal and an identifier that contain the name do not use it.
                            new CfnOutput(this, "QueueName", new CfnOutputProps { Value = "orders-archive", Description = nameof(ordersCount) });
                """,
                members: """
                        private int ordersCount = 0;
                """,
                parameters: ", string stage"),
            Suffix);
    }
}
