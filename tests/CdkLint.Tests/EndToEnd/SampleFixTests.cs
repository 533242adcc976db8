using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using CdkLint.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CdkLint.Tests.EndToEnd
{
    /// <summary>
    /// The e-commerce sample in the real toolchain: it shows each rule's findings; `dotnet format analyzers` applies
    /// every fix (one diagnostic ID per run, as this SDK needs) with the team's options in an `.editorconfig`; the fixed
    /// sample builds with only the findings that have no fix left, still synthesizes, and its template changed the way
    /// each fix promises. Rules join the test as they join the catalogue.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public class SampleFixTests
    {
        /// <summary>The findings samples/Ecommerce/README.md lists, per rule.</summary>
        internal static readonly Dictionary<string, int> ExpectedBefore = new()
        {
            ["CDK1001"] = 4, ["CDK1002"] = 3, ["CDK1003"] = 1, ["CDK1004"] = 1, ["CDK1005"] = 1,
            ["CDK2001"] = 1, ["CDK2002"] = 1, ["CDK2003"] = 3, ["CDK2004"] = 2, ["CDK2005"] = 3, ["CDK2006"] = 1,
            ["CDK3001"] = 1, ["CDK3002"] = 1, ["CDK3003"] = 3, ["CDK3004"] = 1,
            ["CDK4001"] = 1, ["CDK4002"] = 3, ["CDK4003"] = 1, ["CDK4004"] = 3,
            ["CDK5001"] = 2, ["CDK5002"] = 1,
        };

        /// <summary>
        /// What no fix can settle: a constant ARN in a stack without a constant Env, secrets, a handler name, and action
        /// `*` on the images bucket (it spans every service, so no Grant method covers it).
        /// </summary>
        private static readonly Dictionary<string, int> ExpectedAfter = new() { ["CDK1005"] = 1, ["CDK2003"] = 1, ["CDK2005"] = 3, ["CDK5001"] = 1 };

        /// <summary>The values only the team knows, as a team would put them in .editorconfig.</summary>
        private const string TeamOptions = """
            root = true

            [*.cs]
            cdklint.CDK4001.values = Owner=catalog-team,Environment=dev
            cdklint.allowed_cors_origins = https://shop.example-shop.com
            cdklint.CDK3002.rate_limit = 100
            cdklint.CDK3002.burst_limit = 200
            cdklint.CDK3003.memory_size = 512
            cdklint.CDK3003.timeout_seconds = 10
            """;

        private readonly ITestOutputHelper _output;

        public SampleFixTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Fixing_the_sample_leaves_only_unfixable_findings_and_it_still_synthesizes()
        {
            var implemented = Catalogue.Descriptors.Select(d => d.Id).Where(ExpectedBefore.ContainsKey).ToList();
            var fixable = Catalogue.Fixers.SelectMany(f => f.FixableDiagnosticIds).Where(implemented.Contains).ToHashSet();
            var dir = CopySample();
            try
            {
                var before = Findings(dir);
                foreach (var id in implemented)
                {
                    Assert.True(ExpectedBefore[id] == before.GetValueOrDefault(id), $"{id}: expected {ExpectedBefore[id]} findings before fixing, got {before.GetValueOrDefault(id)}");
                }

                var templateBefore = Synth(dir);
                File.WriteAllText(Path.Combine(dir, "template-before.json"), templateBefore);

                // CDK1002 first: its fix must see the DESTROY policy CDK1001's rename would otherwise replace.
                foreach (var id in fixable.OrderBy(id => id == "CDK1002" ? "0" : id))
                {
                    var started = DateTime.UtcNow;
                    var (code, output) = Processes.Run("dotnet", $"format analyzers Ecommerce.csproj --diagnostics {id} --severity info --no-restore", dir);
                    Assert.True(code == 0, output);
                    _output.WriteLine($"dotnet format {id}: {(DateTime.UtcNow - started).TotalSeconds:F0} s");
                }

                var after = Findings(dir);
                foreach (var id in implemented)
                {
                    var expected = ExpectedAfter.GetValueOrDefault(id);
                    Assert.True(expected == after.GetValueOrDefault(id), $"{id}: expected {expected} findings after fixing, got {after.GetValueOrDefault(id)}\n{File.ReadAllText(Path.Combine(dir, "EcommerceStack.cs"))}");
                }

                var templateAfter = Synth(dir);
                File.WriteAllText(Path.Combine(dir, "template-after.json"), templateAfter);
                foreach (var (id, check) in TemplateChecks)
                {
                    if (fixable.Contains(id))
                    {
                        check(templateBefore, templateAfter);
                    }
                }

                var nagBefore = CdkNag.Run(Path.Combine(dir, "template-before.json"), _output);
                var nagAfter = CdkNag.Run(Path.Combine(dir, "template-after.json"), _output);
                foreach (var (id, nagRule, resource) in CdkNagRules.Where(r => fixable.Contains(r.CdkLint)))
                {
                    Assert.True(nagBefore.Any(f => f.Is(nagRule, resource)), $"{id}: cdk-nag should report {nagRule} on {resource} before fixing; it reported:\n{string.Join("\n", nagBefore)}");
                    Assert.False(nagAfter.Any(f => f.Is(nagRule, resource)), $"{id}: cdk-nag still reports {nagRule} on {resource} after fixing; it reported:\n{string.Join("\n", nagAfter)}");
                }
            }
            finally
            {
                // CDKLINT_KEEP_SAMPLE=1 keeps the fixed copy for reading (its path is in the test output).
                _output.WriteLine("fixed sample: " + dir);
                if (Environment.GetEnvironmentVariable("CDKLINT_KEEP_SAMPLE") != "1")
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }

        [Fact]
        public void Readme_and_rule_pages_name_the_cdk_nag_rules_this_test_proves()
        {
            var readme = File.ReadAllText(Path.Combine(CdkReferences.RepositoryRoot, "README.md")).Replace("\r", string.Empty);
            var from = readme.IndexOf("## CdkLint, cdk-nag and cfn-lint side by side", StringComparison.Ordinal);
            Assert.True(from >= 0, "README.md needs the section \"CdkLint, cdk-nag and cfn-lint side by side\"");
            var section = readme.Substring(from, readme.IndexOf("\n## ", from, StringComparison.Ordinal) - from);
            var rows = section.Split('\n').Where(l => l.StartsWith("| [CDK", StringComparison.Ordinal)).ToList();
            Assert.Equal(Catalogue.ConceptDescriptors.Select(d => d.Id).Concat(Catalogue.Suppressions.Select(s => s.Id)).Distinct().Count(), rows.Count);
            foreach (var row in rows)
            {
                var id = row.Substring(3, row.IndexOf(']', StringComparison.Ordinal) - 3);
                var settled = Regex.Matches(row.Split('|')[2], "(AwsSolutions|Serverless)-[A-Za-z0-9]+").Select(m => m.Value).ToHashSet();
                var proven = CdkNagRules.Where(r => r.CdkLint == id).Select(r => r.CdkNag.Split('[')[0])
                    .Concat(BaselineProofTests.Settled.Where(r => r.CdkLint == id).Select(r => r.CdkNag)).ToHashSet();
                Assert.True(proven.SetEquals(settled), $"README's row for {id} says cdk-nag's {string.Join(", ", settled)}; the test proves {string.Join(", ", proven)}");
                var page = File.ReadAllText(Path.Combine(CdkReferences.RepositoryRoot, "docs", "rules", id + ".md"));
                Assert.All(proven, rule => Assert.Contains(rule, page));
            }
        }

        /// <summary>What each fix must have changed in the synthesized template.</summary>
        private static readonly (string Id, Action<string, string> Check)[] TemplateChecks =
        {
            ("CDK2006", (before, after) =>
            {
                Assert.DoesNotContain("AWS::SNS::TopicPolicy", before);
                Assert.Contains("AWS::SNS::TopicPolicy", after);
                Assert.Contains(Resources(after, "AWS::SNS::TopicPolicy"), policy => policy.Contains("\"aws:SecureTransport\": \"false\"") && policy.Contains("\"sns:Publish\""));
            }),
            ("CDK1001", (before, after) =>
            {
                Assert.Contains("\"TableName\": \"products\"", before);
                Assert.DoesNotContain("\"TableName\": \"products\"", after);
                Assert.DoesNotContain("\"BucketName\": \"ecommerce-product-images\"", after);
            }),
            ("CDK1002", (before, after) =>
            {
                Assert.Contains("\"DeletionPolicy\": \"Delete\"", before);
                Assert.Contains("Custom::S3AutoDeleteObjects", before);
                Assert.DoesNotContain("\"DeletionPolicy\": \"Delete\"", after);
                Assert.DoesNotContain("Custom::S3AutoDeleteObjects", after);
                Assert.Matches("\"AWS::DynamoDB::Table\",\\s*\"Properties\"[\\s\\S]*?\"DeletionPolicy\": \"Retain\"", after);
            }),
            ("CDK1004", (before, after) =>
            {
                Assert.DoesNotContain("PointInTimeRecoveryEnabled", before);
                Assert.Matches("\"PointInTimeRecoverySpecification\": \\{\\s*\"PointInTimeRecoveryEnabled\": true", after);
            }),
            ("CDK2001", (before, after) =>
            {
                Assert.DoesNotContain("PublicAccessBlockConfiguration", before);
                Assert.Matches("\"PublicAccessBlockConfiguration\": \\{\\s*\"BlockPublicAcls\": true,\\s*\"BlockPublicPolicy\": true,\\s*\"IgnorePublicAcls\": true,\\s*\"RestrictPublicBuckets\": true", after);
            }),
            ("CDK2002", (before, after) =>
            {
                Assert.DoesNotContain("aws:SecureTransport", before);
                Assert.Matches("\"aws:SecureTransport\": \"false\"[\\s\\S]*?\"Effect\": \"Deny\"", after);
            }),
            ("CDK2003", (before, after) =>
            {
                Assert.Contains("\"dynamodb:*\"", before);
                Assert.DoesNotContain("\"dynamodb:*\"", after);
                // The grant that replaced the statement: GetProductFunction's policy now names the table's actions.
                Assert.Contains("\"dynamodb:PutItem\"", after);
            }),
            ("CDK2004", (before, after) =>
            {
                Assert.Contains("\"AllowedOrigins\": [\n", before.Replace("\r", string.Empty));
                Assert.Matches("\"AllowedOrigins\": \\[\\s*\"\\*\"", before);
                Assert.DoesNotMatch("\"AllowedOrigins\": \\[\\s*\"\\*\"", after);
                Assert.Contains("https://shop.example-shop.com", after);
                // The REST API's preflight (OPTIONS) answers with the listed origin, not '*'.
                Assert.Contains("\"method.response.header.Access-Control-Allow-Origin\": \"'*'\"", before);
                Assert.DoesNotContain("\"method.response.header.Access-Control-Allow-Origin\": \"'*'\"", after);
            }),
            ("CDK3001", (before, after) =>
            {
                // CloudFront's managed policy ids: CachingDisabled and CachingOptimized.
                Assert.Contains("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", before);
                Assert.Contains("658327ea-f89d-4fab-a63d-7e88639e58f6", after);
                Assert.Single(Regex.Matches(after, "4135ea2d-6df8-44a3-9df3-4b5a84be39ad")); // the /api/* behaviour keeps it
            }),
            ("CDK3002", (before, after) =>
            {
                Assert.DoesNotContain("ThrottlingRateLimit", before);
                Assert.Matches("\"ThrottlingBurstLimit\": 200,\\s*\"ThrottlingRateLimit\": 100", after);
            }),
            ("CDK3003", (before, after) =>
            {
                Assert.Empty(Regex.Matches(before, "\"MemorySize\": 512"));
                Assert.Equal(3, Regex.Matches(after, "\"MemorySize\": 512").Count);
            }),
            ("CDK3004", (before, after) =>
            {
                Assert.Contains("\"Timeout\": 60", before);
                Assert.DoesNotContain("\"Timeout\": 60", after);
                Assert.Contains("\"Timeout\": 29", after);
            }),
            ("CDK5001", (before, after) =>
            {
                Assert.Equal(2, Regex.Matches(after, "import boto3").Count - Regex.Matches(before, "import boto3").Count + 1);
            }),
            ("CDK5002", (before, after) =>
            {
                Assert.Contains("\"Runtime\": \"python3.9\"", before);
                Assert.DoesNotContain("python3.9", after);
                Assert.Equal(3, Regex.Matches(after, "\"Runtime\": \"python3.14\"").Count);
            }),
            ("CDK4001", (before, after) =>
            {
                Assert.DoesNotContain("\"Key\": \"Owner\"", before);
                // The main resources are tagged, and every resource that takes tags carries both keys.
                foreach (var type in new[] { "AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Lambda::Function", "AWS::ApiGateway::RestApi", "AWS::SNS::Topic", "AWS::CloudFront::Distribution" })
                {
                    Assert.NotEmpty(Resources(after, type));
                    Assert.All(Resources(after, type), resource => Assert.Contains("\"Tags\"", resource));
                }

                using var json = JsonDocument.Parse(after);
                foreach (var resource in json.RootElement.GetProperty("Resources").EnumerateObject())
                {
                    if (resource.Value.TryGetProperty("Properties", out var properties) && properties.TryGetProperty("Tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
                    {
                        var keys = tags.EnumerateArray().Select(t => t.GetProperty("Key").GetString()).ToList();
                        Assert.True(keys.Contains("Owner") && keys.Contains("Environment"), $"{resource.Name} is tagged without Owner/Environment");
                    }
                }
            }),
            ("CDK4002", (before, after) =>
            {
                Assert.Equal(3, Regex.Matches(after, "\"RetentionInDays\": 30").Count);
                Assert.Equal(3, Regex.Matches(after, "\"LoggingConfig\"").Count);
            }),
            ("CDK4003", (before, after) =>
            {
                Assert.DoesNotContain("\"AccessLogSetting\"", before);
                Assert.Contains("\"AccessLogSetting\"", after);
                Assert.Matches("\"LoggingLevel\": \"INFO\"", after);
                Assert.Matches("\"TracingEnabled\": true", after);
                // cdk.json disables CDK's CloudWatch role: the fix gave the API one, which sets up the account.
                Assert.DoesNotContain("AWS::ApiGateway::Account", before);
                Assert.Contains("AWS::ApiGateway::Account", after);
            }),
            ("CDK4004", (before, after) =>
            {
                Assert.DoesNotContain("\"TracingConfig\"", before);
                Assert.Equal(3, Regex.Matches(after, "\"TracingConfig\": \\{\\s*\"Mode\": \"Active\"").Count);
            }),
        };

        /// <summary>
        /// The cdk-nag rules (AwsSolutions and Serverless packs) each CdkLint fix settles on the sample, with the
        /// resource (logical ID prefix, empty for any) of the finding; README.md publishes the same table. Left out,
        /// because the run shows the fix does not settle them: AwsSolutions-S2 passes a bucket with no public access
        /// block at all (S3 blocks public access by default), so it does not report the original sample; AwsSolutions-L1
        /// asks for the newest runtime aws-cdk-lib knows (python3.15), not only a supported one, so it still reports
        /// the fixed python3.14 functions.
        /// </summary>
        private static readonly (string CdkLint, string CdkNag, string Resource)[] CdkNagRules =
        {
            ("CDK1004", "AwsSolutions-DDB3", "ProductsTable"),
            ("CDK2002", "AwsSolutions-S10", "ProductImagesBucket"), // the bucket and its bucket policy
            // IAM5 reports each wildcard on its own. The `*` action on the images bucket has no fix, and X-Ray tracing
            // (CDK4004's fix) puts `xray:*` calls on resource `*` in every function's policy: only the wildcard
            // actions CDK2003 replaced by a grant must be gone.
            ("CDK2003", "AwsSolutions-IAM5[Action::", "GetProductFunctionServiceRoleDefaultPolicy"),
            ("CDK2006", "AwsSolutions-SNS3", "AdminNotifications"),
            ("CDK3002", "Serverless-APIGWDefaultThrottling", "ProductsApiDeploymentStage"),
            ("CDK3003", "Serverless-LambdaDefaultMemorySize", ""),
            ("CDK3003", "Serverless-LambdaDefaultTimeout", ""),
            ("CDK4003", "AwsSolutions-APIG1", "ProductsApiDeploymentStage"),
            ("CDK4003", "AwsSolutions-APIG6", "ProductsApiDeploymentStage"),
            ("CDK4003", "Serverless-APIGWAccessLogging", "ProductsApiDeploymentStage"),
            ("CDK4003", "Serverless-APIGWXrayEnabled", "ProductsApiDeploymentStage"),
            ("CDK4004", "Serverless-LambdaTracing", ""),
        };

        private static IEnumerable<string> Resources(string template, string type)
        {
            using var json = JsonDocument.Parse(template);
            foreach (var resource in json.RootElement.GetProperty("Resources").EnumerateObject())
            {
                if (resource.Value.GetProperty("Type").GetString() == type)
                {
                    yield return resource.Value.GetRawText();
                }
            }
        }

        internal static string CopySample()
        {
            var source = Path.Combine(CdkReferences.RepositoryRoot, "samples", "Ecommerce");
            var dir = Directory.CreateTempSubdirectory("cdklint-sample-").FullName;
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "cdk.out"))
                {
                    continue;
                }

                var target = Path.Combine(dir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            File.WriteAllText(Path.Combine(dir, "nuget.config"), PackedPackage.NuGetConfig);
            File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), $"<Project><PropertyGroup><CdkLintVersion>{PackedPackage.Version}</CdkLintVersion></PropertyGroup></Project>");
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), TeamOptions);
            return dir;
        }

        /// <summary>Builds the app and counts CdkLint findings per rule from its SARIF log (which holds Info findings too).</summary>
        private static Dictionary<string, int> Findings(string dir)
        {
            var sarif = Path.Combine(dir, "build.sarif");
            var (code, output) = Processes.Run("dotnet", $"build Ecommerce.csproj -nologo --no-incremental \"-p:ErrorLog={sarif}%2Cversion=2.1\"", dir);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("AD0001", output);
            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            var findings = new HashSet<string>();
            foreach (var run in log.RootElement.GetProperty("runs").EnumerateArray())
            {
                // What code-scanning services ingest: each CdkLint rule in the log carries its help link.
                var helpLinks = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                    .Where(r => r.GetProperty("id").GetString()!.StartsWith("CDK", StringComparison.Ordinal))
                    .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null);

                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    var id = result.GetProperty("ruleId").GetString()!;
                    if (id.StartsWith("CDK", StringComparison.Ordinal) && !result.TryGetProperty("suppressions", out _))
                    {
                        Assert.Equal(CdkLint.Descriptors.HelpLink(id), helpLinks.GetValueOrDefault(id));
                        findings.Add(id + "@" + result.GetProperty("locations").GetRawText());
                    }
                }
            }

            return findings.GroupBy(f => f.Substring(0, f.IndexOf('@'))).ToDictionary(g => g.Key, g => g.Count());
        }

        private static string Synth(string dir)
        {
            var output = Path.Combine(dir, "cdk.out");
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            // The CDK CLI hands cdk.json's context (the feature flags) to the app; do the same.
            using var cdkJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "cdk.json")));
            var environment = new Dictionary<string, string>
            {
                ["CDK_OUTDIR"] = "cdk.out",
                ["CDK_CONTEXT_JSON"] = cdkJson.RootElement.GetProperty("context").GetRawText(),
            };
            var (code, text) = Processes.Run("dotnet", "run --no-build", dir, environment: environment);
            Assert.True(code == 0, "synth failed (Node.js is required for synth):\n" + text);
            return File.ReadAllText(Path.Combine(output, "EcommerceStack.template.json"));
        }
    }
}
