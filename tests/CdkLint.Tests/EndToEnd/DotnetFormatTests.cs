using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CdkLint.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CdkLint.Tests.EndToEnd
{
    /// <summary>
    /// `dotnet format analyzers --diagnostics ID`, the way the README tells a team to fix a repository, on a project whose
    /// first finding of each ID has no fix and whose other findings need different kinds of fix: one run per ID must fix
    /// every finding that has a fix, and the fixed app must still build.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class DotnetFormatTests : IDisposable
    {
        private const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.APIGateway;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.Lambda;
            using Amazon.CDK.AWS.Lambda.EventSources;
            using Amazon.CDK.AWS.S3;
            using Amazon.CDK.AWS.SQS;
            using Constructs;

            public sealed class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    // CDK1001, no fix (the name is held in a local), first in the file.
                    var ordersName = "orders-table";
                    var orders = new Table(this, "Orders", new TableProps { PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING }, TableName = ordersName, PointInTimeRecovery = true });
                    // CDK1001, fixable.
                    var images = new Bucket(this, "Images", new BucketProps { BucketName = "shop-images", EnforceSSL = true, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                    var jobs = new Queue(this, "Jobs", new QueueProps { QueueName = "shop-jobs" });

                    // CDK3004: an API trigger (clamp the timeout), then a queue trigger (raise the visibility timeout).
                    var api = new Function(this, "Api", new FunctionProps { Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return 1\n"), MemorySize = 256, Timeout = Duration.Seconds(60), Tracing = Tracing.ACTIVE });
                    new LambdaRestApi(this, "Rest", new LambdaRestApiProps { Handler = api });
                    var worker = new Function(this, "Worker", new FunctionProps { Runtime = Runtime.PYTHON_3_12, Handler = "index.handler", Code = Code.FromInline("def handler(e, c):\n    return 1\n"), MemorySize = 256, Timeout = Duration.Seconds(120), Tracing = Tracing.ACTIVE });
                    worker.AddEventSource(new SqsEventSource(jobs));

                    // CDK2003, no fix (action `*` spans every service), first; then a statement the table's grant replaces.
                    worker.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "*" }, Resources = new[] { images.BucketArn } }));
                    api.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "dynamodb:*" }, Resources = new[] { orders.TableArn } }));
                }
            }

            public static class Program
            {
                public static void Main()
                {
                    var app = new App();
                    new ShopStack(app, "Shop");
                    app.Synth();
                }
            }
            """;

        private readonly string _dir;
        private readonly ITestOutputHelper _output;

        public DotnetFormatTests(ITestOutputHelper output)
        {
            _output = output;
            _dir = Directory.CreateTempSubdirectory("cdklint-format-").FullName;
            PackedPackage.WriteCdkProject(_dir);
            File.WriteAllText(Path.Combine(_dir, "Program.cs"), Source);
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public void One_run_per_id_fixes_every_finding_that_has_a_fix_whatever_comes_first()
        {
            var before = Findings();
            Assert.Equal(3, before.Count(f => f.Id == "CDK1001"));
            Assert.Equal(2, before.Count(f => f.Id == "CDK3004"));
            Assert.Equal(2, before.Count(f => f.Id == "CDK2003"));

            foreach (var id in new[] { "CDK1001", "CDK3004", "CDK2003" })
            {
                var (code, output) = Processes.Run("dotnet", $"format analyzers Infra.csproj --diagnostics {id} --severity info --no-restore", _dir);
                _output.WriteLine($"dotnet format {id}:\n{output}");
                Assert.True(code == 0, output);
                Assert.DoesNotContain("didn't return a Fix All action", output);
            }

            var fixedSource = File.ReadAllText(Path.Combine(_dir, "Program.cs"));
            var after = Findings();
            var left = after.Where(f => f.Id is "CDK1001" or "CDK3004" or "CDK2003").ToList();
            Assert.True(left.Count == 2, string.Join("\n", after) + "\n" + fixedSource);
            Assert.Contains(left, f => f.Id == "CDK1001" && f.Text == "ordersName");
            Assert.Contains(left, f => f.Id == "CDK2003" && f.Text == "\"*\"");
            Assert.DoesNotContain("shop-images", fixedSource);
            Assert.DoesNotContain("shop-jobs", fixedSource);
            Assert.Contains("Duration.Seconds(29)", fixedSource);
            Assert.Contains("VisibilityTimeout", fixedSource);
            Assert.Contains("orders.GrantReadWriteData(api)", fixedSource);
        }

        /// <summary>Builds the app and reads CdkLint's findings (rule and the text they sit on) from its SARIF log.</summary>
        private List<(string Id, string Text)> Findings()
        {
            var sarif = Path.Combine(_dir, "build.sarif");
            var (code, output) = Processes.Run("dotnet", $"build Infra.csproj -nologo --no-incremental \"-p:ErrorLog={sarif}%2Cversion=2.1\"", _dir);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("AD0001", output);
            var lines = File.ReadAllLines(Path.Combine(_dir, "Program.cs"));
            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            var findings = new List<(string, string)>();
            foreach (var result in log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                if (!id.StartsWith("CDK", StringComparison.Ordinal))
                {
                    continue;
                }

                var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
                var line = lines[region.GetProperty("startLine").GetInt32() - 1];
                var start = region.GetProperty("startColumn").GetInt32() - 1;
                var end = region.TryGetProperty("endLine", out var endLine) && endLine.GetInt32() != region.GetProperty("startLine").GetInt32()
                    ? line.Length
                    : region.GetProperty("endColumn").GetInt32() - 1;
                findings.Add((id, line.Substring(start, end - start)));
            }

            return findings;
        }
    }
}
