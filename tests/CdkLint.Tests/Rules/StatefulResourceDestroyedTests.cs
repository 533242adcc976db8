using System.Threading.Tasks;
using CdkLint.CodeFixes.Rules;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.StatefulResourceDestroyedAnalyzer, CdkLint.CodeFixes.Rules.StatefulResourceDestroyedFixer>;

namespace CdkLint.Tests.Rules
{
    public class StatefulResourceDestroyedTests
    {
        [Theory, CdkVersions]
        public Task Bucket_with_destroy_and_auto_delete_gets_two_findings_and_one_fix(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        var bucket = new Bucket(this, "Images", new BucketProps
                        {
                            Versioned = true,
                            RemovalPolicy = {|CDK1002:RemovalPolicy.DESTROY|},
                            AutoDeleteObjects = {|CDK1002:true|}
                        });
            """),
            Code.Stack("""
                        var bucket = new Bucket(this, "Images", new BucketProps
                        {
                            Versioned = true,
                            RemovalPolicy = RemovalPolicy.RETAIN
                        });
            """));

        [Theory, CdkVersions]
        public Task Auto_delete_in_the_middle_of_the_initializer(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        new Bucket(this, "Images", new BucketProps
                        {
                            AutoDeleteObjects = {|CDK1002:true|},
                            RemovalPolicy = {|CDK1002:RemovalPolicy.DESTROY|},
                            Versioned = true,
                        });
            """),
            Code.Stack("""
                        new Bucket(this, "Images", new BucketProps
                        {
                            RemovalPolicy = RemovalPolicy.RETAIN,
                            Versioned = true,
                        });
            """));

        [Theory, CdkVersions]
        public Task Table_with_props_in_a_local_and_later_assignments(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        var tableProps = new TableProps
                        {
                            PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING },
                        };
                        tableProps.RemovalPolicy = {|CDK1002:RemovalPolicy.DESTROY|};
                        var table = new Table(this, "Products", tableProps);
            """),
            Code.Stack("""
                        var tableProps = new TableProps
                        {
                            PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING },
                        };
                        tableProps.RemovalPolicy = RemovalPolicy.RETAIN;
                        var table = new Table(this, "Products", tableProps);
            """));

        [Theory, CdkVersions]
        public Task Props_from_a_private_helper_and_statement_removal(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Bucket(this, "Logs", LogBucketProps());
                """,
                """
                        private static BucketProps LogBucketProps()
                        {
                            var props = new BucketProps();
                            props.AutoDeleteObjects = {|CDK1002:true|};
                            props.RemovalPolicy = {|CDK1002:RemovalPolicy.DESTROY|};
                            return props;
                        }
                """),
            Code.Stack(
                """
                            new Bucket(this, "Logs", LogBucketProps());
                """,
                """
                        private static BucketProps LogBucketProps()
                        {
                            var props = new BucketProps();
                            props.RemovalPolicy = RemovalPolicy.RETAIN;
                            return props;
                        }
                """));

        [Theory, CdkVersions]
        public Task Apply_removal_policy_on_a_log_group(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack("""
                        var logs = new LogGroup(this, "Audit");
                        logs.ApplyRemovalPolicy({|CDK1002:RemovalPolicy.DESTROY|});
            """),
            Code.Stack("""
                        var logs = new LogGroup(this, "Audit");
                        logs.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
            """));

        [Theory, CdkVersions]
        public Task Derived_props_class_and_using_static(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Table(this, "Orders", new OrdersTableProps { PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING }, RemovalPolicy = {|CDK1002:Amazon.CDK.RemovalPolicy.DESTROY|} });
                """,
                """
                        private sealed class OrdersTableProps : TableProps
                        {
                        }
                """),
            Code.Stack(
                """
                            new Table(this, "Orders", new OrdersTableProps { PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING }, RemovalPolicy = Amazon.CDK.RemovalPolicy.RETAIN });
                """,
                """
                        private sealed class OrdersTableProps : TableProps
                        {
                        }
                """));

        [Theory, CdkVersions]
        public Task Quiet_cases(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                            // SQS: CDK's own default is DESTROY (messages are transient).
                            new Queue(this, "Jobs", new QueueProps { RemovalPolicy = RemovalPolicy.DESTROY });
                            // Stateless constructs.
                            var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                            role.ApplyRemovalPolicy(RemovalPolicy.DESTROY);
                            new Topic(this, "Alerts").ApplyRemovalPolicy(RemovalPolicy.DESTROY);
                            // A decision on a runtime value.
                            var isProd = (string)Node.TryGetContext("stage") == "prod";
                            new Bucket(this, "Data", new BucketProps { RemovalPolicy = isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY });
                            new Table(this, "T", new TableProps { PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }, RemovalPolicy = Policy(isProd) });
                            // Retained, snapshot, unset.
                            new Bucket(this, "Kept", new BucketProps { RemovalPolicy = RemovalPolicy.RETAIN, AutoDeleteObjects = false });
                            new LogGroup(this, "Snap", new LogGroupProps { RemovalPolicy = RemovalPolicy.SNAPSHOT });
                            new Bucket(this, "Plain");
                """,
                """
                        private static RemovalPolicy Policy(bool isProd) => isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
                """));

        [Theory, CdkVersions]
        public Task A_qualified_const_is_replaced_whole(CdkVersion version) => VerifyCS.Fix(version,
            Code.Stack(
                """
                            new Bucket(this, "Scratch", new BucketProps { RemovalPolicy = {|CDK1002:Defaults.Policy|} });
                """,
                """
                        private static class Defaults
                        {
                            public const RemovalPolicy Policy = RemovalPolicy.DESTROY;
                        }
                """),
            Code.Stack(
                """
                            new Bucket(this, "Scratch", new BucketProps { RemovalPolicy = RemovalPolicy.RETAIN });
                """,
                """
                        private static class Defaults
                        {
                            public const RemovalPolicy Policy = RemovalPolicy.DESTROY;
                        }
                """));

        [Fact]
        public Task Destroy_passed_through_a_subclass_base_call_is_reported_there() => VerifyCS.Diagnostics(CdkVersion.V2_160,
            Code.Usings + """
            namespace App
            {
                public class ScratchBucket : Bucket
                {
                    public ScratchBucket(Construct scope, string id)
                        : base(scope, id, new BucketProps { RemovalPolicy = {|CDK1002:RemovalPolicy.DESTROY|} })
                    {
                    }
                }
            }
            """);

        [Theory, CdkVersions]
        public Task Destroy_held_in_a_local_or_readonly_field_is_constant(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                            var policy = RemovalPolicy.DESTROY;
                            new Bucket(this, "Scratch", new BucketProps { RemovalPolicy = {|CDK1002:policy|} });
                            new Table(this, "Cache", new TableProps { PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }, RemovalPolicy = {|CDK1002:Scratch|} });
                            new LogGroup(this, "Debug", new LogGroupProps { RemovalPolicy = {|CDK1002:_debugPolicy|} });
                            new Bucket(this, "Replay").ApplyRemovalPolicy({|CDK1002:Amazon.CDK.RemovalPolicy.DESTROY|});
                """,
                """
                        private static readonly RemovalPolicy Scratch = RemovalPolicy.DESTROY;
                        private readonly RemovalPolicy _debugPolicy = Amazon.CDK.RemovalPolicy.DESTROY;
                """));

        [Theory, CdkVersions]
        public Task Destroy_in_a_variable_that_depends_on_the_caller_is_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.Stack(
                """
                            _configured = RemovalPolicy.RETAIN;
                            var policy = RemovalPolicy.DESTROY;
                            if (Node.TryGetContext("keep") != null) { policy = RemovalPolicy.RETAIN; }
                            new Bucket(this, "Data", new BucketProps { RemovalPolicy = policy });
                            new Table(this, "Orders", new TableProps { PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }, RemovalPolicy = _configured });
                """,
                """
                        private readonly RemovalPolicy _configured = RemovalPolicy.DESTROY;
                """));

        [Theory, CdkVersions]
        public async Task A_destroy_held_in_a_variable_has_no_fix(CdkVersion version)
        {
            // Rewriting the use would leave the variable unused (a compiler warning, an error under warnings-as-errors),
            // and rewriting the variable would change every other resource that reads it.
            var source = Code.Stack("""
                            var policy = RemovalPolicy.DESTROY;
                            new Bucket(this, "Scratch", new BucketProps { RemovalPolicy = {|CDK1002:policy|}, AutoDeleteObjects = {|CDK1002:true|} });
                """);
            var fixedSource = Code.Stack("""
                            var policy = RemovalPolicy.DESTROY;
                            new Bucket(this, "Scratch", new BucketProps { RemovalPolicy = {|CDK1002:policy|} });
                """);
            await VerifyCS.Fix(version, source, fixedSource);
        }
    }
}
