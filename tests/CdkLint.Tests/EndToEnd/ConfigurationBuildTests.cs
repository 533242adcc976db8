using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CdkLint.Tests.Infrastructure;
using Xunit;

namespace CdkLint.Tests.EndToEnd
{
    /// <summary>
    /// Configuration the way a team writes it, in a real project that restores the packed CdkLint: severities per rule
    /// and per category in `.editorconfig`, a `.globalconfig`, rule options, `#pragma` and `[SuppressMessage]`, and the
    /// packaged presets chosen with the MSBuild property CdkLintMode. Results are read from the build's SARIF log.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class ConfigurationBuildTests : IDisposable
    {
        private const string Source = """
            using System.Diagnostics.CodeAnalysis;
            using Amazon.CDK;
            using Amazon.CDK.AWS.DynamoDB;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.Lambda;
            using Amazon.CDK.AWS.S3;
            using Constructs;

            public sealed class DataStack : Stack
            {
                public DataStack(Construct scope, string id) : base(scope, id)
                {
                    var key = new Attribute { Name = "id", Type = AttributeType.STRING };
                    new Table(this, "Orders", new TableProps { PartitionKey = key, TableName = "orders", PointInTimeRecovery = true });
            #pragma warning disable CDK1004 // cache table, rebuilt from the orders stream
                    new Table(this, "Cache", new TableProps { PartitionKey = key });
            #pragma warning restore CDK1004
                    var bucket = new Bucket(this, "Images", new BucketProps { EnforceSSL = true });
                    var fn = new Function(this, "Worker", new FunctionProps
                    {
                        Runtime = Runtime.PYTHON_3_12,
                        Handler = "index.handler",
                        Code = Code.FromAsset("src"),
                        MemorySize = 256,
                        Timeout = Duration.Seconds(10),
                    });
                    fn.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:Get*" }, Resources = new[] { bucket.ArnForObjects("*") } }));
                    new Amazon.CDK.AWS.EC2.Vpc(this, "Network", new Amazon.CDK.AWS.EC2.VpcProps { MaxAzs = 2 });
                    Logs();
                }

                [SuppressMessage("CdkLint.Deployment", "CDK1002:Stateful resource deleted with its stack", Justification = "scratch logs")]
                private void Logs() => new Amazon.CDK.AWS.Logs.LogGroup(this, "Scratch", new Amazon.CDK.AWS.Logs.LogGroupProps { RemovalPolicy = RemovalPolicy.DESTROY });
            }

            public static class Program
            {
                public static void Main()
                {
                    var app = new App();
                    new DataStack(app, "Data");
                    app.Synth();
                }
            }
            """;

        private readonly string _dir;

        public ConfigurationBuildTests()
        {
            _dir = Directory.CreateTempSubdirectory("cdklint-config-").FullName;
            PackedPackage.WriteCdkProject(_dir);
            File.WriteAllText(Path.Combine(_dir, "Program.cs"), Source);
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Fact]
        public void Editorconfig_globalconfig_options_and_suppressions_are_honoured()
        {
            File.WriteAllText(Path.Combine(_dir, ".editorconfig"), """
                root = true

                [*.cs]
                dotnet_diagnostic.CDK1001.severity = suggestion
                dotnet_analyzer_diagnostic.category-CdkLint.Security.severity = none
                cdklint.required_tags = Team
                """);
            File.WriteAllText(Path.Combine(_dir, ".globalconfig"), """
                is_global = true
                dotnet_diagnostic.CDK4004.severity = warning
                """);

            // A team policy from cdklint.json, found by the package's build props like cdk.json.
            File.WriteAllText(Path.Combine(_dir, "cdklint.json"), """
                { "policies": [ { "name": "arm64", "construct": "function", "property": "Architecture", "required": true,
                                  "allowed": ["ARM_64"], "message": "Functions run on Graviton", "severity": "error" } ] }
                """);

            var results = Build(allowErrors: true);

            var policy = Assert.Single(results, r => r.Id == "CDK9100");
            Assert.Equal("error", policy.Level);
            Assert.StartsWith("[arm64] Functions run on Graviton", policy.Message);
            Assert.Contains("\"arm64\"", policy.Raw);                                          // the policy's name in the SARIF properties
            Assert.Equal("note", Level(results, "CDK1001"));                                   // per-rule severity, lowered
            Assert.DoesNotContain(results, r => r.Id.StartsWith("CDK2", StringComparison.Ordinal) && !r.Suppressed); // whole category off
            Assert.Equal("warning", Level(results, "CDK4004"));                                  // raised by .globalconfig
            Assert.Contains(results, r => r.Id == "CDK4001" && r.Message.Contains("Team", StringComparison.Ordinal) && !r.Message.Contains("Owner", StringComparison.Ordinal));
            Assert.All(results.Where(r => r.Id is "CDK1004" or "CDK1002"), r => Assert.True(r.Suppressed, $"{r.Id} should be suppressed in source: {r.Message}"));
        }

        [Fact]
        public void Presets_select_the_rule_set()
        {
            var recommended = Build();
            Assert.Equal("note", Level(recommended, "CDK4004"));
            Assert.DoesNotContain(recommended, r => r.Id == "CDK2003");

            var strict = Build("-p:CdkLintMode=Strict");
            Assert.Equal("warning", Level(strict, "CDK4004"));                                  // Info rules become warnings
            Assert.Equal("warning", Level(strict, "CDK1003"));
            Assert.Equal(2, strict.Count(r => r.Id == "CDK2003" && !r.Suppressed));            // partial wildcards: "s3:Get*", ArnForObjects("*")

            Assert.Equal("note", Level(recommended, "CDK4008"));
            var awsSolutions = Build("-p:CdkLintMode=AwsSolutions");
            Assert.Equal("warning", Level(awsSolutions, "CDK4008"));                            // the baseline's Info rules become warnings
            Assert.Equal("note", Level(awsSolutions, "CDK4004"));                               // the rest stays Recommended
            Assert.DoesNotContain(awsSolutions, r => r.Id == "CDK2003");

            var none = Build("-p:CdkLintMode=None");
            Assert.DoesNotContain(none, r => r.Id.StartsWith("CDK", StringComparison.Ordinal) && !r.Suppressed);

            var (code, output) = Processes.Run("dotnet", "build Infra.csproj -nologo -p:CdkLintMode=Strictest", _dir);
            Assert.True(code == 0, output);
            Assert.Contains("CDKLINT001", output);
        }

        private static string? Level(List<Result> results, string id)
            => results.FirstOrDefault(r => r.Id == id && !r.Suppressed)?.Level;

        private List<Result> Build(string arguments = "", bool allowErrors = false)
        {
            var sarif = Path.Combine(_dir, "build.sarif");
            var (code, output) = Processes.Run("dotnet", $"build Infra.csproj -nologo --no-incremental {arguments} \"-p:ErrorLog={sarif}%2Cversion=2.1\"", _dir);
            Assert.True(code == 0 || allowErrors, output);
            Assert.DoesNotContain("AD0001", output);
            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            var results = new List<Result>();
            foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (var r in run.GetProperty("results").EnumerateArray())
                {
                    results.Add(new Result(
                        r.GetProperty("ruleId").GetString()!,
                        r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                        r.GetProperty("message").GetProperty("text").GetString()!,
                        r.TryGetProperty("suppressions", out _),
                        r.GetRawText()));
                }
            }

            return results;
        }

        private sealed record Result(string Id, string Level, string Message, bool Suppressed, string Raw);
    }
}
