using System.Linq;
using System.Threading.Tasks;
using CdkLint.CodeFixes.Rules;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// One `dotnet format analyzers --diagnostics ID` run fixes every finding of the ID that has a fix, whatever comes
    /// first: a finding without a fix, or a finding whose fix is of another kind.
    /// </summary>
    public class FixAllTests
    {
        [Theory, CdkVersions]
        public async Task A_first_finding_without_a_fix_does_not_stop_the_others(CdkVersion version)
        {
            var (text, remaining) = await DotnetFormat.RunAsync(version, Code.Stack("""
                        var ordersName = "orders-table";
                        new Amazon.CDK.AWS.DynamoDB.Table(this, "Orders", new Amazon.CDK.AWS.DynamoDB.TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = Amazon.CDK.AWS.DynamoDB.AttributeType.STRING }, TableName = ordersName });
                        new Bucket(this, "Images", new BucketProps { BucketName = "shop-images" });
                        new Queue(this, "Jobs", new QueueProps { QueueName = "shop-jobs" });
            """), new HardcodedPhysicalNameAnalyzer(), new HardcodedPhysicalNameFixer(), "CDK1001");

            Assert.DoesNotContain("shop-images", text);
            Assert.DoesNotContain("shop-jobs", text);
            // The name held in a local has no fix (removing the assignment would leave the local unread) and comes first.
            var left = Assert.Single(remaining);
            Assert.Equal("ordersName", left.Location.SourceTree!.GetText().ToString(left.Location.SourceSpan));
            Assert.Contains("TableName = ordersName", text);
        }

        [Theory, CdkVersions]
        public async Task Findings_with_different_kinds_of_fix_are_all_fixed(CdkVersion version)
        {
            var (text, remaining) = await DotnetFormat.RunAsync(version, Code.StackWith("using Amazon.CDK.AWS.APIGateway;\nusing Amazon.CDK.AWS.Lambda.EventSources;\n", """
                        var api = new Function(this, "Api", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src"), Timeout = Duration.Seconds(60) });
                        new LambdaRestApi(this, "Rest", new LambdaRestApiProps { Handler = api });
                        var worker = new Function(this, "Worker", new FunctionProps { Runtime = Runtime.PYTHON_3_11, Handler = "index.handler", Code = Code.FromAsset("src"), Timeout = Duration.Seconds(120) });
                        var jobs = new Queue(this, "Jobs");
                        worker.AddEventSource(new SqsEventSource(jobs));
            """), new LambdaTimeoutExceedsTriggerAnalyzer(), new LambdaTimeoutExceedsTriggerFixer(), "CDK3004");

            Assert.Empty(remaining);
            Assert.Contains("VisibilityTimeout", text);
        }
    }
}
