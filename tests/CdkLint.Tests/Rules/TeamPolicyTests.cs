using System.Threading.Tasks;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CdkLint.Tests.Rules
{
    /// <summary>CDK9100/CDK9101: the team's own rules from cdklint.json, in every props shape.</summary>
    public class TeamPolicyTests
    {
        /// <summary>The four requirements teams ask for first: required + allowed values, required, forbidden values.</summary>
        private const string Policies = """
            {
              "policies": [
                { "name": "bucket-kms", "construct": "Amazon.CDK.AWS.S3.Bucket", "property": "Encryption", "required": true,
                  "allowed": ["KMS", "KMS_MANAGED"], "message": "Buckets are encrypted with KMS keys", "severity": "error" },
                { "name": "arm64", "construct": "function", "property": "Architecture", "required": true, "allowed": ["ARM_64"],
                  "message": "Functions run on Graviton" },
                { "name": "on-demand", "construct": "Amazon.CDK.AWS.DynamoDB.Table", "property": "BillingMode", "forbidden": ["PROVISIONED"],
                  "message": "Tables bill on demand", "severity": "info" },
                { "name": "dlq", "construct": "Amazon.CDK.AWS.SQS.Queue", "property": "DeadLetterQueue", "required": true,
                  "message": "Queues keep failed messages in a dead-letter queue" },
                { "name": "no-such-module", "construct": "Amazon.CDK.AWS.NotAModule.Thing", "property": "X", "required": true, "message": "never applies" }
              ]
            }
            """;

        private const string Handler = """Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src")""";

        private static CdkTest<TeamPolicyAnalyzer, EmptyCodeFixProvider> Test(CdkVersion version, string source, string? policies = Policies)
        {
            var test = new CdkTest<TeamPolicyAnalyzer, EmptyCodeFixProvider>(version) { TestCode = source };
            if (policies is not null)
            {
                test.TestState.AdditionalFiles.Add(("/repo/cdklint.json", policies));
            }

            return test;
        }

        private static DiagnosticResult Policy(int location, DiagnosticSeverity severity, string name, string message, string what)
            => new DiagnosticResult("CDK9100", severity).WithLocation(location).WithArguments(name, message, what);

        [Theory, CdkVersions]
        public Task Every_kind_of_requirement_in_every_props_shape(CdkVersion version)
        {
            var test = Test(version, Code.Stack(
                $$"""
                            {|#0:new Bucket(this, "Plain")|};
                            new Bucket(this, "S3Managed", new BucketProps { Encryption = {|#1:BucketEncryption.S3_MANAGED|} });
                            new Bucket(this, "Kms", new BucketProps { Encryption = BucketEncryption.KMS_MANAGED });
                            var archive = new BucketProps { Encryption = {|#8:BucketEncryption.S3_MANAGED|} };
                            new Bucket(this, "Archive", archive);
                            var logs = new BucketProps();
                            logs.Encryption = {|#2:BucketEncryption.UNENCRYPTED|};
                            new Bucket(this, "Logs", logs);
                            new Function(this, "Arm", new FunctionProps { {{Handler}}, Architecture = Architecture.ARM_64 });
                            {|#3:new Function(this, "Default", new FunctionProps { {{Handler}} })|};
                            new Function(this, "Intel", Intel());
                            new Table(this, "Provisioned", new TableProps { PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }, BillingMode = {|#5:BillingMode.PROVISIONED|} });
                            new Table(this, "OnDemand", new TableProps { PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }, BillingMode = BillingMode.PAY_PER_REQUEST });
                            var dead = {|#7:new Queue(this, "Dead")|};
                            new Queue(this, "Work", new QueueProps { DeadLetterQueue = new DeadLetterQueue { Queue = dead, MaxReceiveCount = 3 } });
                            {|#6:new Queue(this, "Lost")|};
                            new Queue(this, "FromParameter", shared);
                """,
                $$"""
                        private static FunctionProps Intel()
                        {
                            var props = new FunctionProps { {{Handler}} };
                            props.Architecture = {|#4:Architecture.X86_64|};
                            return props;
                        }
                """,
                ", QueueProps shared"));
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Policy(0, DiagnosticSeverity.Error, "bucket-kms", "Buckets are encrypted with KMS keys", "Bucket 'Plain' does not set Encryption"),
                Policy(1, DiagnosticSeverity.Error, "bucket-kms", "Buckets are encrypted with KMS keys", "Encryption is S3_MANAGED, not one of KMS, KMS_MANAGED"),
                Policy(2, DiagnosticSeverity.Error, "bucket-kms", "Buckets are encrypted with KMS keys", "Encryption is UNENCRYPTED, not one of KMS, KMS_MANAGED"),
                Policy(3, DiagnosticSeverity.Warning, "arm64", "Functions run on Graviton", "Function 'Default' does not set Architecture"),
                Policy(4, DiagnosticSeverity.Warning, "arm64", "Functions run on Graviton", "Architecture is X86_64, not one of ARM_64"),
                Policy(5, DiagnosticSeverity.Info, "on-demand", "Tables bill on demand", "BillingMode is PROVISIONED"),
                Policy(6, DiagnosticSeverity.Warning, "dlq", "Queues keep failed messages in a dead-letter queue", "Queue 'Lost' does not set DeadLetterQueue"),
                Policy(8, DiagnosticSeverity.Error, "bucket-kms", "Buckets are encrypted with KMS keys", "Encryption is S3_MANAGED, not one of KMS, KMS_MANAGED"),
                // The dead-letter queue itself has none: policies say what, the team suppresses the exception.
                Policy(7, DiagnosticSeverity.Warning, "dlq", "Queues keep failed messages in a dead-letter queue", "Queue 'Dead' does not set DeadLetterQueue"),
            });
            return test.RunAsync();
        }

        [Theory]
        [InlineData("{ \"policies\": [ { \"name\": \"x\" ", 1, 31)]
        [InlineData("", 1, 1)]
        [InlineData("{ \"rules\": [] }", 1, 1)]
        [InlineData("{ \"policies\": [ { \"name\": \"x\", \"construct\": \"Amazon.CDK.AWS.S3.Bucket\", \"property\": \"Encryption\", \"message\": \"m\" } ] }", 1, 1)]
        [InlineData("{ \"policies\": [ { \"name\": \"x\", \"construct\": \"Amazon.CDK.AWS.S3.Bucket\", \"property\": \"Encryption\", \"message\": \"m\", \"required\": true, \"severity\": \"fatal\" } ] }", 1, 1)]
        public Task A_file_that_cannot_be_read_gives_one_clear_diagnostic_and_no_crash(string json, int line, int column)
        {
            var test = Test(CdkVersion.V2_160, Code.Stack("""
                        new Bucket(this, "Plain");
            """), json);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("CDK9101", DiagnosticSeverity.Warning).WithSpan("/repo/cdklint.json", line, column, line, column));
            return test.RunAsync();
        }

        [Fact]
        public Task Without_a_file_nothing_is_reported() => Test(CdkVersion.V2_160, Code.Stack("""
                        new Bucket(this, "Plain");
            """), policies: null).RunAsync();
    }
}
